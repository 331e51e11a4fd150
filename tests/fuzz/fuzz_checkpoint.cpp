// libFuzzer target for parseSignedTreeHead, which reads the checkpoints a
// server sends (core/evidence/signedtreehead). Each input is tried twice:
//  1. as a whole signed note against the pinned key: nothing may crash, and
//     a note it accepts is one the key signed for the fields it returned;
//  2. as checkpoint text, signed with the pinned key, so that arbitrary
//     text reaches the body parser: whatever it accepts must be exactly the
//     note the server would write for the fields it read.
#include "evidence/signedtreehead.h"

#include <QtEndian>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace baton;

namespace {

// A fixed key (the PeterNeumann seed of the golang.org/x/mod note tests), so
// a corpus stays valid from run to run.
const QByteArray FuzzPem("-----BEGIN PRIVATE KEY-----\n"
                         "MC4CAQAwBQYDK2VwBCIEIIEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz\n"
                         "-----END PRIVATE KEY-----\n");
const QByteArray FuzzOrigin("baton.example/log/fuzz");

struct Fixture
{
    LogKey key;
    LogVerifier verifier;
};

const Fixture &fixture()
{
    static const Fixture f = [] {
        const LogKey key = LogKey::fromPrivatePem(FuzzPem).value();
        return Fixture{key, LogVerifier::forKey(key, FuzzOrigin).value()};
    }();
    return f;
}

void require(bool condition)
{
    if (!condition)
        std::abort();
}

QByteArray signedByFixture(QByteArrayView text)
{
    const Fixture &f = fixture();
    QByteArray blob(4, '\0');
    qToBigEndian<quint32>(f.verifier.keyId(), blob.data());
    blob += f.key.sign(text).value();
    return QByteArray(text.toByteArray() + "\n\xE2\x80\x94 " + FuzzOrigin + ' ' + blob.toBase64()
                      + '\n');
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    const Fixture &f = fixture();

    if (const auto head = parseSignedTreeHead(input, f.verifier)) {
        require(head->note == input);
        require(head->origin == FuzzOrigin);
        require(input.startsWith(
            QByteArray(checkpointText(head->origin, head->size, head->root) + '\n')));
        require(f.verifier.verifyHead(*head));
    }

    if (input.size() < MaxCheckpointNoteSize) {
        const QByteArray note = signedByFixture(input);
        if (const auto head = parseSignedTreeHead(note, f.verifier)) {
            require(head->note == note);
            require(f.key.signHead(head->origin, head->size, head->root)->note == note);
        }
    }
    return 0;
}
