#pragma once

#include <QByteArray>
#include <QByteArrayView>

struct evp_md_ctx_st;

namespace baton {

// SHA-256 through OpenSSL. Reusable: one context per hasher avoids an
// allocation per hash on hot paths (audit verification).
class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void reset();
    void update(QByteArrayView data);
    QByteArray final(); // 32 bytes; resets for the next use

    static QByteArray hash(QByteArrayView data);

private:
    evp_md_ctx_st *m_ctx;
};

} // namespace baton
