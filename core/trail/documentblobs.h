#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace baton {

class Store;

// This device's content-addressed file store (document_blob): the bytes of
// documents and email attachments in the work trail, kept once per SHA-256
// however often they are imported. Not replicated: trail items name the
// file by its hash, which any copy of the file can be checked against.
class DocumentBlobs
{
    Q_DECLARE_TR_FUNCTIONS(DocumentBlobs)
public:
    explicit DocumentBlobs(Store &store)
        : m_store(store)
    { }

    // Keeps the bytes (once) and returns their SHA-256 in lower-case hex.
    // Runs in the caller's transaction when there is one.
    Result<QString> put(const QByteArray &content, const QString &mime);
    // The bytes, checked against their hash; an error when absent here.
    Result<QByteArray> get(const QString &sha256);
    Result<bool> contains(const QString &sha256);

private:
    Store &m_store;
};

} // namespace baton
