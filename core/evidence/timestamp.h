#pragma once

#include "signingkey.h"
#include "util/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>

#include <functional>

namespace baton {

// RFC 3161 trusted time (DESIGN.md section 4). baton-server answers
// time-stamp requests with its own key, under a certificate the
// organisation's CA issued for time stamping; a response verifies against
// the CA certificate alone, in Baton or with `openssl ts -verify`.
class TimeStampAuthority
{
    Q_DECLARE_TR_FUNCTIONS(TimeStampAuthority)
public:
    // clock: UTC milliseconds now (the server's clock; tests set their own).
    static Result<TimeStampAuthority>
    create(const SigningKey &key, const QByteArray &certificateDer, std::function<qint64()> clock);

    // Answers a TimeStampReq (DER) with a TimeStampResp (DER). A request
    // that cannot be granted (a digest other than SHA-256, a damaged request)
    // gets a response with status "rejection", as RFC 3161 wants; only a
    // failure of the authority itself is an error.
    Result<QByteArray> respond(const QByteArray &requestDer) const;

    QByteArray certificateDer() const { return m_certificateDer; }

private:
    SigningKey m_key;
    QByteArray m_certificateDer;
    std::function<qint64()> m_clock;
};

class TimeStamp
{
    Q_DECLARE_TR_FUNCTIONS(TimeStamp)
public:
    // A TimeStampReq (DER) for data: its SHA-256, a random nonce, and the
    // authority's certificate asked for in the answer.
    static QByteArray request(const QByteArray &data);

    struct Verified
    {
        QDateTime time;    // the authority's time, UTC
        QByteArray serial; // the token's serial number, big-endian
        QString authority; // common name of the time-stamping certificate
    };
    // Checks a TimeStampResp (DER): granted, signed by a time-stamping
    // certificate the CA issued, over the SHA-256 of data. Refused with
    // "timestamp.invalid" and the reason.
    static Result<Verified> verify(const QByteArray &responseDer, const QByteArray &data,
                                   const QByteArray &caCertificateDer);
};

} // namespace baton
