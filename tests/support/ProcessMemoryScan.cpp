#include "ProcessMemoryScan.h"

#include <QFile>

#include <algorithm>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#include <vector>

namespace TestSupport {

MaskedPattern MaskedPattern::utf8(const QString &text)
{
    MaskedPattern pattern; // the secrets are ASCII: one byte per character
    for (const QChar c : text)
        pattern.m_masked.append(char(char(c.unicode() & 0x7f) ^ Mask));
    return pattern;
}

MaskedPattern MaskedPattern::utf16(const QString &text)
{
    MaskedPattern pattern; // little-endian, as QString holds it on x86
    for (const QChar c : text) {
        pattern.m_masked.append(char(char(c.unicode() & 0xff) ^ Mask));
        pattern.m_masked.append(char(char(c.unicode() >> 8) ^ Mask));
    }
    return pattern;
}

int countInOwnMemory(const MaskedPattern &pattern)
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = maps.readAll().split('\n');
    const int fd = ::open("/proc/self/mem", O_RDONLY);
    if (fd < 0)
        return -1;
    const QByteArray &needle = pattern.masked();
    const size_t overlap = size_t(needle.size()) - 1;
    constexpr size_t ChunkBytes = 1 << 20;
    std::vector<char> chunk(ChunkBytes + overlap);
    int found = 0;
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 2 || !fields[1].startsWith("rw"))
            continue;
        if (line.contains("[vvar]") || line.contains("[vsyscall]"))
            continue;
        const QList<QByteArray> range = fields[0].split('-');
        bool ok1 = false, ok2 = false;
        const quint64 start = range.value(0).toULongLong(&ok1, 16);
        const quint64 end = range.value(1).toULongLong(&ok2, 16);
        if (!ok1 || !ok2)
            continue;
        size_t carried = 0; // the last bytes of the previous chunk, masked already
        for (quint64 at = start; at < end;) {
            const size_t want = size_t(std::min<quint64>(ChunkBytes, end - at));
            // Reading the region that holds `chunk` itself must not see earlier data.
            std::memset(chunk.data() + carried, 0, want);
            const ssize_t got = ::pread(fd, chunk.data() + carried, want, off_t(at));
            if (got <= 0)
                break;
            for (ssize_t i = 0; i < got; ++i)
                chunk[carried + size_t(i)] ^= MaskedPattern::Mask;
            const auto begin = chunk.begin();
            const auto stop = begin + std::ptrdiff_t(carried + size_t(got));
            for (auto hit = std::search(begin, stop, needle.begin(), needle.end()); hit != stop;
                 hit = std::search(hit + 1, stop, needle.begin(), needle.end()))
                ++found;
            const size_t filled = carried + size_t(got);
            carried = std::min(overlap, filled);
            std::memmove(chunk.data(), chunk.data() + filled - carried, carried);
            std::memset(chunk.data() + carried, 0, chunk.size() - carried);
            at += quint64(got);
        }
        carried = 0;
        std::memset(chunk.data(), 0, chunk.size());
    }
    ::close(fd);
    return found;
}

} // namespace TestSupport
