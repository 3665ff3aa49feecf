#pragma once

// Shared by the fuzz targets: the libFuzzer entry points, and checks that stop the run with a
// message when an invariant of a decoder breaks (libFuzzer reports an abort as a crash and
// keeps the input that caused it).

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv);

namespace Fuzz {

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    // A copy, not fromRawData(): a decoder may keep what it is given (implicit sharing).
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

[[noreturn]] inline void fail(const char *what)
{
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::fflush(stderr);
    std::abort();
}

inline void check(bool condition, const char *what)
{
    if (!condition)
        fail(what);
}

// True when `secret` could be told apart in a message: long and without spaces. Shorter
// values, or ones with spaces, may occur in a message's own words by chance.
inline bool isRecognisable(const QString &secret)
{
    return secret.size() >= 24 && !secret.contains(QLatin1Char(' '));
}

// A message about a bad answer must never quote a token from it.
inline void checkNotQuoted(const QString &message, const QString &secret, const char *what)
{
    if (isRecognisable(secret) && message.contains(secret))
        fail(what);
}

} // namespace Fuzz
