#pragma once

#include <QLoggingCategory>

// One category per area. Secrets (passwords, hashes, tokens, private keys)
// never go to any of them.
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcPolicy)
Q_DECLARE_LOGGING_CATEGORY(lcAudit)
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
Q_DECLARE_LOGGING_CATEGORY(lcDemo)
