#include "JsonSecretMember.h"

namespace Smtpd {

namespace {

// A forward-only reader of JSON text: enough to walk one object's members and skip values.
// Anything malformed ends the walk (the JSON parser that runs afterwards reports the error).
class JsonWalker
{
public:
    explicit JsonWalker(const QByteArray &text)
        : m_text(text)
    { }

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
        if (depth > 64)
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
            text.append(QString::fromUtf8(content.sliced(i, end - i)));
            i = end - 1;
            continue;
        }
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
    JsonWalker walker(body);
    if (!walker.consume('{') || walker.consume('}'))
        return std::nullopt;
    do {
        qsizetype keyBegin = 0, keyEnd = 0;
        if (!walker.string(&keyBegin, &keyEnd) || !walker.consume(':'))
            return std::nullopt;
        const std::optional<QString> key
            = decodeString(QByteArrayView(body).sliced(keyBegin, keyEnd - keyBegin));
        if (key && *key == name) {
            qsizetype begin = 0, end = 0;
            if (!walker.string(&begin, &end))
                return std::nullopt;
            std::optional<QString> value
                = decodeString(QByteArrayView(body).sliced(begin, end - begin));
            if (value) // the placeholder keeps the text valid JSON of the same length
                std::fill(body.begin() + begin, body.begin() + end, '*');
            return value;
        }
        if (!walker.skipValue())
            return std::nullopt;
    } while (walker.consume(','));
    return std::nullopt;
}

} // namespace Smtpd
