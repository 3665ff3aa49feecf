#include "HttpRequestParser.h"

#include <algorithm>
#include <string_view>

namespace SmtpdEmulator {

namespace {

// A chunk-size line with its extensions: more is not a chunk size.
constexpr qint64 MaxChunkLineBytes = 1024;

bool isTokenChar(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
        || std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool isToken(const QByteArray &text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isTokenChar);
}

bool isFieldValue(const QByteArray &value)
{
    return std::none_of(value.begin(), value.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u < 0x20 && c != '\t') || u == 0x7f;
    });
}

// The values of every field of that name, as one comma-separated list's trimmed members.
QList<QByteArray> listValues(const HeaderList &headers, const QByteArray &name)
{
    QList<QByteArray> values;
    for (const auto &header : headers)
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            for (const QByteArray &member : header.second.split(','))
                values.append(member.trimmed());
    return values;
}

} // namespace

HttpRequestParser::HttpRequestParser(const HttpLimits &limits)
    : m_limits(limits)
{ }

void HttpRequestParser::append(const QByteArray &bytes)
{
    if (m_state == State::Failed)
        return;
    compact();
    m_buffer.append(bytes);
}

void HttpRequestParser::compact()
{
    // Only once at least half the buffer is consumed, so each byte is moved O(1) times.
    if (m_pos == 0 || m_pos * 2 < m_buffer.size())
        return;
    m_buffer.remove(0, m_pos);
    m_scanFrom -= m_pos;
    m_pos = 0;
}

bool HttpRequestParser::expectsBody() const
{
    return m_state == State::Body || m_state == State::ChunkSize;
}

bool HttpRequestParser::hasPartialRequest() const
{
    return m_state != State::Start || m_lineBytes > 0 || m_pos < m_buffer.size();
}

HttpRequest HttpRequestParser::takeRequest()
{
    HttpRequest request = std::move(m_request);
    m_request = {};
    m_trailers.clear();
    m_state = State::Start;
    m_lineBytes = 0;
    m_fields = 0;
    m_remaining = 0;
    compact();
    return request;
}

HttpRequestParser::Step HttpRequestParser::fail(int status, const QByteArray &reason)
{
    m_state = State::Failed;
    m_errorStatus = status;
    m_errorReason = reason;
    m_buffer.clear(); // nothing more is read
    m_pos = m_scanFrom = 0;
    return Step::Failed;
}

// The next line, without its CRLF (or bare LF), when one has arrived within `budget` bytes.
// A bare LF ends a line of the head (RFC 9112 §2.2 lets a recipient take it there); with
// crlfOnly, as in a chunked body (§7.1), it is BareLf.
HttpRequestParser::Line HttpRequestParser::takeLine(
    qint64 budget, QByteArray *line, qint64 *wireBytes, bool crlfOnly)
{
    const qsizetype end = m_buffer.indexOf('\n', m_scanFrom);
    if (end < 0) {
        m_scanFrom = m_buffer.size();
        return m_buffer.size() - m_pos > budget ? Line::TooLong : Line::NeedMore;
    }
    *wireBytes = end + 1 - m_pos;
    if (*wireBytes > budget)
        return Line::TooLong;
    const bool crlf = end > m_pos && m_buffer.at(end - 1) == '\r';
    if (crlfOnly && !crlf)
        return Line::BareLf;
    const qsizetype stop = crlf ? end - 1 : end;
    *line = m_buffer.mid(m_pos, stop - m_pos);
    m_pos = m_scanFrom = end + 1;
    return Line::Ready;
}

HttpRequestParser::Step HttpRequestParser::advance()
{
    for (;;) {
        QByteArray line;
        qint64 wireBytes = 0;
        Line got = Line::NeedMore;
        switch (m_state) {
        case State::Start:
            got = takeLine(m_limits.maxHeadBytes - m_lineBytes, &line, &wireBytes);
            if (got == Line::TooLong)
                return fail(414, "request line over the head limit");
            if (got == Line::NeedMore)
                return Step::NeedMore;
            m_lineBytes += wireBytes;
            if (line.isEmpty())
                continue; // empty lines before a request line are ignored (RFC 9112 §2.2)
            if (parseRequestLine(line) == Step::Failed)
                return Step::Failed;
            m_state = State::Headers;
            continue;
        case State::Headers:
            got = takeLine(m_limits.maxHeadBytes - m_lineBytes, &line, &wireBytes);
            if (got == Line::TooLong)
                return fail(431, "header fields over the head limit");
            if (got == Line::NeedMore)
                return Step::NeedMore;
            m_lineBytes += wireBytes;
            if (line.isEmpty())
                return finishHead();
            if (parseField(line, &m_request.m_headers) == Step::Failed)
                return Step::Failed;
            continue;
        case State::Body:
        case State::ChunkData:
            readBody();
            if (m_remaining > 0)
                return Step::NeedMore;
            m_state = m_state == State::Body ? State::Done : State::ChunkEnd;
            continue;
        case State::ChunkSize:
            got = takeLine(MaxChunkLineBytes, &line, &wireBytes, true);
            if (got == Line::TooLong)
                return fail(400, "chunk size line too long");
            if (got == Line::BareLf)
                return fail(400, "bare LF in a chunked body");
            if (got == Line::NeedMore)
                return Step::NeedMore;
            if (parseChunkSize(line) == Step::Failed)
                return Step::Failed;
            continue;
        case State::ChunkEnd:
            got = takeLine(2, &line, &wireBytes, true);
            if (got == Line::TooLong || (got == Line::Ready && !line.isEmpty()))
                return fail(400, "chunk data longer than its size");
            if (got == Line::BareLf)
                return fail(400, "bare LF in a chunked body");
            if (got == Line::NeedMore)
                return Step::NeedMore;
            m_state = State::ChunkSize;
            continue;
        case State::Trailers:
            got = takeLine(m_limits.maxHeadBytes - m_lineBytes, &line, &wireBytes, true);
            if (got == Line::TooLong)
                return fail(431, "trailer fields over the head limit");
            if (got == Line::BareLf)
                return fail(400, "bare LF in a chunked body");
            if (got == Line::NeedMore)
                return Step::NeedMore;
            m_lineBytes += wireBytes;
            if (line.isEmpty()) {
                m_state = State::Done;
                continue;
            }
            if (parseField(line, &m_trailers) == Step::Failed)
                return Step::Failed;
            continue;
        case State::Done:
            return Step::RequestReady;
        case State::Failed:
            return Step::Failed;
        }
    }
}

HttpRequestParser::Step HttpRequestParser::parseRequestLine(const QByteArray &line)
{
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3)
        return fail(400, "malformed request line");
    const QByteArray &method = parts[0], &version = parts[2];
    QByteArray target = parts[1];
    if (!isToken(method))
        return fail(400, "malformed method");
    if (version == "HTTP/1.1" || version == "HTTP/1.0")
        m_request.m_minorVersion = version.at(7) - '0';
    else if (version.size() == 8 && version.startsWith("HTTP/") && version.at(6) == '.')
        return fail(505, "HTTP version not supported");
    else
        return fail(400, "malformed HTTP version");
    if (target.isEmpty()
        || !std::all_of(target.begin(), target.end(), [](char c) { return c > ' ' && c < 127; }))
        return fail(400, "malformed request target");
    if (target.startsWith("http://") || target.startsWith("https://")) {
        // absolute-form: its path and query are what counts
        const qsizetype authority = target.indexOf("//") + 2;
        qsizetype path = target.indexOf('/', authority);
        const qsizetype query = target.indexOf('?', authority);
        if (path < 0 || (query >= 0 && query < path))
            path = query;
        target = path < 0 ? QByteArray("/") : target.mid(path);
        if (target.startsWith('?'))
            target.prepend('/');
    } else if (target == "*") {
        if (method != "OPTIONS") // RFC 9112 §3.2.4
            return fail(400, "asterisk-form request target for a method other than OPTIONS");
    } else if (!target.startsWith('/')) {
        return fail(400, "malformed request target");
    }
    m_request.m_url = QUrl::fromEncoded(target, QUrl::StrictMode);
    if (!m_request.m_url.isValid())
        return fail(400, "malformed request target");
    m_request.m_methodName = method;
    return Step::NeedMore;
}

HttpRequestParser::Step HttpRequestParser::parseField(const QByteArray &line, HeaderList *into)
{
    if (line.startsWith(' ') || line.startsWith('\t'))
        return fail(400, "obsolete line folding");
    const qsizetype colon = line.indexOf(':');
    const QByteArray name = line.left(colon);
    if (colon <= 0 || !isToken(name))
        return fail(400, "malformed header field");
    const QByteArray value = line.mid(colon + 1).trimmed();
    if (!isFieldValue(value))
        return fail(400, "control character in a header field");
    if (++m_fields > m_limits.maxHeaderFields)
        return fail(431, "too many header fields");
    into->append(qMakePair(name, value));
    return Step::NeedMore;
}

HttpRequestParser::Step HttpRequestParser::finishHead()
{
    const HeaderList &headers = m_request.m_headers;
    const auto hosts = std::count_if(headers.begin(), headers.end(),
        [](const auto &h) { return h.first.compare("Host", Qt::CaseInsensitive) == 0; });
    if (hosts > 1 || (hosts == 0 && m_request.m_minorVersion >= 1))
        return fail(400, "HTTP/1.1 needs exactly one Host field");

    const QList<QByteArray> codings = listValues(headers, "Transfer-Encoding");
    const QList<QByteArray> lengths = listValues(headers, "Content-Length");
    m_lineBytes = 0; // from here on it counts the trailer section
    if (!codings.isEmpty()) {
        if (m_request.m_minorVersion == 0)
            return fail(400, "Transfer-Encoding in an HTTP/1.0 request");
        if (!lengths.isEmpty())
            return fail(400, "both Transfer-Encoding and Content-Length");
        if (codings.last().compare("chunked", Qt::CaseInsensitive) != 0)
            return fail(400, "the last transfer coding is not chunked");
        // RFC 9112 §6.1: a sender never applies chunked more than once.
        if (std::count_if(codings.begin(), codings.end(),
                [](const QByteArray &c) { return c.compare("chunked", Qt::CaseInsensitive) == 0; })
            > 1)
            return fail(400, "chunked applied more than once");
        if (codings.size() > 1)
            return fail(501, "transfer codings other than chunked");
        m_state = State::ChunkSize;
        return Step::HeadReady;
    }
    if (lengths.isEmpty()) {
        m_state = State::Done;
        return Step::HeadReady;
    }
    const QByteArray &length = lengths.first();
    const bool digits = !length.isEmpty()
        && std::all_of(length.begin(), length.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits
        || std::any_of(lengths.begin(), lengths.end(), [&](const auto &l) { return l != length; }))
        return fail(400, "malformed Content-Length");
    // More than 18 digits would not fit a qint64, and is beyond any body limit anyway.
    if (length.size() > 18 || length.toLongLong() > m_limits.maxBodyBytes)
        return fail(413, "Content-Length over the body limit");
    m_remaining = length.toLongLong();
    m_state = m_remaining > 0 ? State::Body : State::Done;
    return Step::HeadReady;
}

HttpRequestParser::Step HttpRequestParser::parseChunkSize(const QByteArray &line)
{
    const qsizetype semicolon = line.indexOf(';'); // chunk extensions are ignored
    const QByteArray hex = (semicolon < 0 ? line : line.left(semicolon)).trimmed();
    const bool valid = !hex.isEmpty() && std::all_of(hex.begin(), hex.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
    if (!valid)
        return fail(400, "malformed chunk size");
    // Leading zeros do not change the value. 15 hex digits fit a qint64; more are beyond any
    // body limit.
    const qsizetype zeros
        = std::find_if(hex.begin(), hex.end() - 1, [](char c) { return c != '0'; }) - hex.begin();
    const QByteArray digits = hex.mid(zeros);
    bool ok = false;
    const qint64 size = digits.size() > 15 ? -1 : digits.toLongLong(&ok, 16);
    if (!ok || size > m_limits.maxBodyBytes - m_request.m_body.size())
        return fail(413, "chunked body over the body limit");
    m_remaining = size;
    m_state = size == 0 ? State::Trailers : State::ChunkData;
    return Step::NeedMore;
}

void HttpRequestParser::readBody()
{
    const qint64 take = qMin<qint64>(m_remaining, m_buffer.size() - m_pos);
    m_request.m_body.append(m_buffer.constData() + m_pos, take);
    m_pos += take;
    m_scanFrom = m_pos;
    m_remaining -= take;
}

} // namespace SmtpdEmulator
