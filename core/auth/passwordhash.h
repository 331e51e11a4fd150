#pragma once

#include "util/result.h"

#include <QCoreApplication>
#include <QString>

namespace baton {

// Password verifiers made with scrypt (OpenSSL's EVP_KDF "SCRYPT"), a
// memory-hard KDF. The parameters are stored with each hash, so they can be
// raised later without invalidating existing passwords:
//   $scrypt$ln=15,r=8,p=1$<salt, base64>$<key, base64>
class PasswordHash
{
    Q_DECLARE_TR_FUNCTIONS(PasswordHash)
public:
    struct Cost
    {
        int log2N = 15; // N = 32768: 32 MiB with r = 8, about 0.1 s here
        int r = 8;
        int p = 1;
    };

    static Result<QString> make(const QString &password, const Cost &cost);
    static Result<QString> make(const QString &password) { return make(password, defaultCost()); }

    // Constant-time comparison of the derived key. A malformed hash or one
    // with parameters outside sane bounds is an error, not a match.
    static Result<bool> verify(const QString &password, const QString &encoded);

    // Does the hash use parameters weaker than the current default?
    static bool needsRehash(const QString &encoded);

    // Tests and benchmark data generation lower the cost; production never does.
    static Cost defaultCost();
    static void setDefaultCost(const Cost &cost);

    // Minimum rules for a new password; returns the reason it is refused.
    static Status checkStrength(const QString &password);
};

} // namespace baton
