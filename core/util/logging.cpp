#include "logging.h"

Q_LOGGING_CATEGORY(lcStore, "baton.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPolicy, "baton.policy", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAudit, "baton.audit", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "baton.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDemo, "baton.demo", QtInfoMsg)
