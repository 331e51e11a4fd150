#pragma once

#include "store/record.h"
#include "util/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QUuid>

namespace baton {

// What an approver signs (DESIGN.md section 4): the request, the template
// version, the node, the decision, the opinion, digests of the document and
// of every attachment, the time, and who. Its canonical JSON is the content
// of the detached CMS signature, kept verbatim on the step, so that a
// verifier can both check the signature and compare the content with the
// records it names.
struct DecisionContent
{
    Q_DECLARE_TR_FUNCTIONS(DecisionContent)
public:
    static constexpr const char *Type = "baton.approval.decision/1";

    struct Attachment
    {
        QString name;
        QString sha256; // lower-case hex
        bool operator==(const Attachment &) const = default;
    };

    QUuid requestId;
    QUuid templateId;
    qint64 templateVersion = 0;
    qint64 round = 0;
    qint64 nodeIndex = 0;
    QString nodeKey;
    QUuid stepId;
    QString decision; // approved, rejected, returned
    QString opinion;
    qint64 decidedMs = 0; // the signer's device clock
    QUuid actorEmployee;
    QUuid actorUser;
    QString actorLogin;
    QString device;
    QString documentSha256;
    QList<Attachment> attachments; // sorted by sha256, then name

    QByteArray canonical() const;
    // Strict: the exact shape canonical() writes, nothing else.
    static Result<DecisionContent> parse(const QByteArray &bytes);

    // SHA-256 (hex) of the request's document: subject, body, amount,
    // currency and template, as canonical JSON.
    static QString documentDigest(const Record &request);
    // Attachments of a request in signing order.
    static QList<Attachment> attachmentsOf(const QList<Record> &attachmentRecords);
};

} // namespace baton
