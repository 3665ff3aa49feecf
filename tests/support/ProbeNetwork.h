#pragma once

#include <QNetworkAccessManager>

namespace TestSupport {

// The process's QNetworkAccessManager, watched: every request the app sends is recorded
// (origin, method, path, query, bearer token, body) at the moment it leaves, and requests in
// flight are counted, so tests know when the network is quiet and what went where.
class ProbeNetwork final : public QNetworkAccessManager
{
    Q_OBJECT

public:
    struct Sent
    {
        QString origin;
        QByteArray method;
        QString path;
        QString query;
        QString bearer; // the bearer token, when one was sent
        QByteArray body;
        qint64 monotonicMs = 0; // the test clock when it left (see setClock)
    };

    using QNetworkAccessManager::QNetworkAccessManager;

    void setMonotonicSource(std::function<qint64()> source) { m_now = std::move(source); }
    int inFlight() const { return m_inFlight; }
    int inFlight(const QString &query) const;
    const QList<Sent> &sent() const { return m_sent; }
    void clearSent() { m_sent.clear(); }
    // Waits (bounded) until no request is in flight; false on timeout.
    bool waitQuiet(int timeoutMs = 15000);

signals:
    void requestSent(const TestSupport::ProbeNetwork::Sent &sent);

protected:
    QNetworkReply *createRequest(
        Operation op, const QNetworkRequest &request, QIODevice *outgoingData) override;

private:
    QList<Sent> m_sent;
    QHash<QNetworkReply *, QString> m_open; // reply -> its query
    int m_inFlight = 0;
    std::function<qint64()> m_now;
    // The context of the reply connections. Declared last, so destroyed first: the base
    // class deletes replies after this class's members are gone, and no slot may run then.
    QObject m_context;
};

} // namespace TestSupport
