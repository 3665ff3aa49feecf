#include "ProbeNetwork.h"

#include <QNetworkReply>
#include <QTest>
#include <QUrl>

namespace TestSupport {

int ProbeNetwork::inFlight(const QString &query) const
{
    int n = 0;
    for (const QString &q : m_open)
        n += q == query;
    return n;
}

bool ProbeNetwork::waitQuiet(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_inFlight == 0; }, timeoutMs);
}

QNetworkReply *ProbeNetwork::createRequest(
    Operation op, const QNetworkRequest &request, QIODevice *outgoingData)
{
    Sent sent;
    const QUrl url = request.url();
    sent.origin = url.scheme() + QStringLiteral("://") + url.host() + QLatin1Char(':')
        + QString::number(url.port(443));
    sent.method = op == GetOperation ? "GET"
        : op == PostOperation        ? "POST"
        : op == PutOperation         ? "PUT"
        : op == DeleteOperation
        ? "DELETE"
        : request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
    sent.path = url.path();
    sent.query = url.query();
    const QByteArray authorization = request.rawHeader("Authorization");
    if (authorization.startsWith("Bearer "))
        sent.bearer = QString::fromLatin1(authorization.mid(7));
    if (outgoingData)
        sent.body = outgoingData->peek(1024 * 1024);
    sent.monotonicMs = m_now ? m_now() : 0;
    QNetworkReply *reply = QNetworkAccessManager::createRequest(op, request, outgoingData);
    ++m_inFlight;
    m_open.insert(reply, sent.query);
    connect(reply, &QNetworkReply::finished, &m_context, [this, reply] {
        if (m_open.remove(reply))
            --m_inFlight;
    });
    connect(reply, &QObject::destroyed, &m_context, [this, reply] {
        if (m_open.remove(reply))
            --m_inFlight;
    });
    m_sent.append(sent);
    emit requestSent(sent);
    return reply;
}

} // namespace TestSupport
