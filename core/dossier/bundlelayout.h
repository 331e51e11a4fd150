#pragma once

#include "evidence/sha256.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <optional>

// Where things are in an evidence bundle, for the code that writes it
// (evidencebundle.cpp) and the code that checks it (bundleverify.cpp).
namespace baton::bundle {

inline constexpr char ManifestFile[] = "manifest.json";
inline constexpr char SealFile[] = "manifest.tsr";
inline constexpr char SumsFile[] = "SHA256SUMS";
inline constexpr char LogDir[] = "log";
inline constexpr char CheckpointFile[] = "log/checkpoint";
inline constexpr char VerifierKeyFile[] = "log/verifier-key";
inline constexpr char LogKeyPemFile[] = "log/key.pem";
inline constexpr char ProofsDir[] = "log/proofs";

inline QString hexHash(const QByteArray &bytes)
{
    return QString::fromLatin1(Sha256::hash(bytes).toHex());
}

inline std::optional<QByteArray> readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    return f.readAll();
}

} // namespace baton::bundle
