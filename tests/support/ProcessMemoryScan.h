#pragma once

#include <QByteArray>
#include <QString>

namespace TestSupport {

// A secret to look for in this process's memory, held only XOR-masked so that the test's own
// copy is never a match. Build it from the widget's text without copying the text.
class MaskedPattern
{
public:
    static constexpr char Mask = 0x5a;
    static MaskedPattern utf8(const QString &text);
    static MaskedPattern utf16(const QString &text);
    const QByteArray &masked() const { return m_masked; }

private:
    QByteArray m_masked;
};

// How many times the pattern occurs in this process's readable and writable memory (heap,
// stacks, data segments): live objects and freed blocks alike. Linux only (/proc/self/mem).
int countInOwnMemory(const MaskedPattern &pattern);

} // namespace TestSupport
