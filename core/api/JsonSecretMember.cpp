#include "JsonSecretMember.h"

#include <QList>
#include <QStringDecoder>

namespace Smtpd {

namespace {

// A forward-only reader of JSON text: enough to walk one object's members and skip values.
// Anything malformed ends the walk (the JSON parser that runs afterwards reports the error).
class JsonWalker
{
public:
    explicit JsonWalker(const QByteArray &text)
        : m_text(text)
    {
        if (m_text.startsWith("\xef\xbb\xbf")) // a UTF-8 byte-order mark, as QJsonDocument skips
            m_at = 3;
    }

    bool atEnd()
    {
        skipSpace();
        return m_at == m_text.size();
    }

    bool consume(char c)
    {
        skipSpace();
        if (m_at < m_text.size() && m_text.at(m_at) == c) {
            ++m_at;
            return true;
        }
        return false;
    }

    // A string's content, between its quotes: [*begin, *end). Escapes are left as they are.
    bool string(qsizetype *begin, qsizetype *end)
    {
        if (!consume('"'))
            return false;
        *begin = m_at;
        while (m_at < m_text.size()) {
            const char c = m_text.at(m_at);
            if (c == '"') {
                *end = m_at++;
                return true;
            }
            m_at += c == '\\' ? 2 : 1;
        }
        return false;
    }

    bool skipValue(int depth = 0)
    {
        if (depth > 1024) // QJsonDocument's own nesting limit
            return false;
        skipSpace();
        if (m_at >= m_text.size())
            return false;
        qsizetype begin = 0, end = 0;
        switch (m_text.at(m_at)) {
        case '"':
            return string(&begin, &end);
        case '{':
        case '[': {
            const char close = m_text.at(m_at) == '{' ? '}' : ']';
            ++m_at;
            if (consume(close))
                return true;
            do {
                if (close == '}' && !(string(&begin, &end) && consume(':')))
                    return false;
                if (!skipValue(depth + 1))
                    return false;
            } while (consume(','));
            return consume(close);
        }
        default: // a number, true, false or null
            const qsizetype start = m_at;
            while (m_at < m_text.size() && !QByteArrayView(",}] \t\r\n").contains(m_text.at(m_at)))
                ++m_at;
            return m_at > start;
        }
    }

private:
    void skipSpace()
    {
        while (m_at < m_text.size() && QByteArrayView(" \t\r\n").contains(m_text.at(m_at)))
            ++m_at;
    }

    const QByteArray &m_text;
    qsizetype m_at = 0;
};

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// The text of a JSON string's content (UTF-8 with escapes), or nothing when it is malformed.
// Built in one buffer reserved up front, so no partial copy of the text is left behind.
std::optional<QString> decodeString(QByteArrayView content)
{
    QString text;
    text.reserve(content.size()); // UTF-16 units never outnumber UTF-8 bytes
    for (qsizetype i = 0; i < content.size(); ++i) {
        const char c = content.at(i);
        if (static_cast<unsigned char>(c) >= 0x80) { // a multi-byte UTF-8 sequence
            qsizetype end = i + 1;
            while (end < content.size()
                && (static_cast<unsigned char>(content.at(end)) & 0xc0) == 0x80)
                ++end;
            QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            text.append(utf8(content.sliced(i, end - i)));
            if (utf8.hasError())
                return std::nullopt; // the JSON parser refuses such text too
            i = end - 1;
            continue;
        }
        if (static_cast<unsigned char>(c) < 0x20)
            return std::nullopt; // a raw control character: not JSON
        if (c != '\\') {
            text.append(QLatin1Char(c));
            continue;
        }
        if (++i >= content.size())
            return std::nullopt;
        switch (content.at(i)) {
        case '"':
            text.append(QLatin1Char('"'));
            break;
        case '\\':
            text.append(QLatin1Char('\\'));
            break;
        case '/':
            text.append(QLatin1Char('/'));
            break;
        case 'b':
            text.append(QLatin1Char('\b'));
            break;
        case 'f':
            text.append(QLatin1Char('\f'));
            break;
        case 'n':
            text.append(QLatin1Char('\n'));
            break;
        case 'r':
            text.append(QLatin1Char('\r'));
            break;
        case 't':
            text.append(QLatin1Char('\t'));
            break;
        case 'u': {
            if (i + 4 >= content.size())
                return std::nullopt;
            int unit = 0;
            for (int k = 1; k <= 4; ++k) {
                const int digit = hexValue(content.at(i + k));
                if (digit < 0)
                    return std::nullopt;
                unit = unit * 16 + digit;
            }
            text.append(QChar(char16_t(unit)));
            i += 4;
            break;
        }
        default:
            return std::nullopt;
        }
    }
    return text;
}

} // namespace

std::optional<QString> takeTopLevelString(QByteArray &body, QLatin1String name)
{
    // Every member of that name: the JSON parser keeps the last one, so that is the value; all
    // of them are overwritten. Nothing is changed unless the whole object could be walked.
    JsonWalker walker(body);
    if (!walker.consume('{') || walker.consume('}'))
        return std::nullopt;
    QList<std::pair<qsizetype, qsizetype>> spans;
    std::optional<QString> value;
    do {
        qsizetype keyBegin = 0, keyEnd = 0;
        if (!walker.string(&keyBegin, &keyEnd) || !walker.consume(':'))
            return std::nullopt;
        const std::optional<QString> key
            = decodeString(QByteArrayView(body).sliced(keyBegin, keyEnd - keyBegin));
        if (!key)
            return std::nullopt;
        if (*key != name) {
            if (!walker.skipValue())
                return std::nullopt;
            continue;
        }
        qsizetype begin = 0, end = 0;
        if (!walker.string(&begin, &end))
            return std::nullopt; // not a string: the parser reports it
        if (value) // an earlier duplicate: its text goes, the new one stands
            value->fill(QChar(0));
        value = decodeString(QByteArrayView(body).sliced(begin, end - begin));
        if (!value)
            return std::nullopt;
        spans.append({begin, end});
    } while (walker.consume(','));
    if (!value || !walker.consume('}') || !walker.atEnd()) {
        if (value)
            value->fill(QChar(0));
        return std::nullopt;
    }
    for (const auto &[begin, end] : std::as_const(spans)) // same length: still valid JSON
        std::fill(body.begin() + begin, body.begin() + end, '*');
    return value;
}

} // namespace Smtpd
