#include "signaturesync.h"

#include "evidence/timestamp.h"
#include "store/store.h"
#include "syncwire.h"
#include "util/logging.h"
#include "workflow/approvals.h"
#include "workflow/signingkeys.h"

namespace baton {

HttpCall SignatureSync::call(const QString &path, const QByteArray &body) const
{
    return HttpCall{QByteArrayLiteral("POST"), path, {}, m_bearer, body, {}, {}, {}};
}

void SignatureSync::run(const QUuid &userId, const QByteArray &bearer, Done done)
{
    m_userId = userId;
    m_bearer = bearer;
    m_done = std::move(done);
    m_stamped = 0;
    m_unstamped.clear();
    m_listed = false;
    certify();
}

void SignatureSync::end(const Status &status)
{
    if (!status)
        qCWarning(lcAuth) << "signatures not brought up to date:" << status.error().message;
    Done done = std::move(m_done);
    m_done = nullptr;
    if (done)
        done(status);
}

void SignatureSync::certify()
{
    auto publicKey = SigningKeys(m_store).awaitingCertificate(m_userId);
    if (!publicKey)
        return end(publicKey.error());
    if (publicKey->isEmpty())
        return stampNext();
    std::weak_ptr<bool> alive = m_alive;
    m_transport.send(
        call(QStringLiteral("/v1/certificates"), wire::certificateRequestBody(*publicKey)),
        [this, alive](const HttpReply &reply) {
            if (alive.expired())
                return;
            if (reply.status != 200)
                return end(reply.status == 0 ? Error(QStringLiteral("sync.network"), reply.error)
                                             : wire::errorFromBody(reply.status, reply.body));
            auto issued = wire::parseCertificateReply(reply.body);
            if (!issued)
                return end(issued.error());
            auto actor = m_store.actorFor(m_userId, m_store.nowMs());
            const QString login = actor ? actor->login : QString();
            const IssuedCertificate cert{issued->certificateDer, issued->authorityDer};
            if (auto s = SigningKeys(m_store).certify(
                    m_userId, login,
                    [cert](const QByteArray &, const CertificateSubject &)
                        -> Result<IssuedCertificate> { return cert; });
                !s)
                return end(s);
            stampNext();
        });
}

void SignatureSync::stampNext()
{
    auto actor = m_store.actorFor(m_userId, m_store.nowMs());
    if (!actor) // an account not (yet) on this replica has signed nothing here
        return end({});
    Approvals approvals(m_store);
    if (!m_listed) {
        auto unstamped = approvals.unstampedSignatures(*actor);
        if (!unstamped)
            return end(unstamped.error());
        m_unstamped = *unstamped;
        m_listed = true;
    }
    if (m_unstamped.isEmpty())
        return end({});
    const auto [stepId, signature] = m_unstamped.takeFirst();
    std::weak_ptr<bool> alive = m_alive;
    const QUuid step = stepId;
    const QByteArray signed_ = signature;
    m_transport.send(
        call(QStringLiteral("/v1/timestamp"), TimeStamp::request(signature)),
        [this, alive, step, signed_](const HttpReply &reply) {
            if (alive.expired())
                return;
            if (reply.status != 200)
                return end(reply.status == 0 ? Error(QStringLiteral("sync.network"), reply.error)
                                             : wire::errorFromBody(reply.status, reply.body));
            auto signer = m_store.actorFor(m_userId, m_store.nowMs());
            if (!signer)
                return end(signer.error());
            if (auto s = Approvals(m_store).recordTimestamp(*signer, step, signed_, reply.body); !s)
                return end(s);
            ++m_stamped;
            stampNext();
        });
}

} // namespace baton
