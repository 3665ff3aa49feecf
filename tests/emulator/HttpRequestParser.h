#pragma once

#include "HttpRequest.h"

namespace SmtpdEmulator {

// What the emulator accepts in one request. Beyond a limit the request is refused with the
// status named here and the connection is closed.
struct HttpLimits
{
    // The request line and the header fields, line ends included: 431 (414 when the request
    // line alone is longer). Trailer fields of a chunked body have the same limit again.
    int maxHeadBytes = 64 * 1024;
    int maxHeaderFields = 100; // 431
    qint64 maxBodyBytes = 1024 * 1024; // the body as decoded: 413
};

// Reads HTTP/1.0 and HTTP/1.1 requests from a byte stream as the bytes arrive, in linear time:
// every byte is searched once, and nothing beyond the limits is kept. A Content-Length over
// the body limit is refused as soon as the head is read, before any of the body.
class HttpRequestParser
{
public:
    enum class Step {
        NeedMore, // append more bytes
        HeadReady, // request() holds the request line and header fields; the body follows
        RequestReady, // a whole request: takeRequest() it
        Failed, // not a request this server takes: answer errorStatus() and close
    };

    explicit HttpRequestParser(const HttpLimits &limits = {});

    void append(const QByteArray &bytes);
    // Parses what has arrived. After HeadReady and RequestReady, call it again to go on.
    Step advance();

    const HttpRequest &request() const { return m_request; }
    // After HeadReady: whether a body follows (a Content-Length above 0, or chunked).
    bool expectsBody() const;
    // After RequestReady. Parsing then goes on with the next request's bytes, if any.
    HttpRequest takeRequest();

    int errorStatus() const { return m_errorStatus; }
    const QByteArray &errorReason() const { return m_errorReason; }
    // Whether any byte of a request not yet taken has arrived.
    bool hasPartialRequest() const;

private:
    enum class State {
        Start,
        Headers,
        Body,
        ChunkSize,
        ChunkData,
        ChunkEnd,
        Trailers,
        Done,
        Failed
    };
    enum class Line { Ready, NeedMore, TooLong, BareLf };

    Line takeLine(qint64 budget, QByteArray *line, qint64 *wireBytes, bool crlfOnly = false);
    Step fail(int status, const QByteArray &reason);
    Step parseRequestLine(const QByteArray &line);
    Step parseField(const QByteArray &line, HeaderList *into);
    Step finishHead();
    Step parseChunkSize(const QByteArray &line);
    void readBody(); // up to m_remaining bytes of what is buffered
    void compact();

    HttpLimits m_limits;
    QByteArray m_buffer;
    qsizetype m_pos = 0; // the first byte not consumed
    qsizetype m_scanFrom = 0; // where the search for the next line end goes on
    State m_state = State::Start;
    HttpRequest m_request;
    HeaderList m_trailers; // read and dropped
    qint64 m_lineBytes = 0; // of the head (or of the trailer section) so far
    int m_fields = 0;
    qint64 m_remaining = 0; // of the body, or of the current chunk
    int m_errorStatus = 0;
    QByteArray m_errorReason;
};

} // namespace SmtpdEmulator
