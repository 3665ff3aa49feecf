#pragma once

#include "../api/Profile.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace Smtpd {

// The Gravatar address for an email: SHA-256 of the trimmed, lower-cased address, sized in
// device pixels, with d=404 so that "no picture" is an answer rather than a stock image.
QUrl gravatarUrl(const QUrl &base, const QString &email, int pixels);
// The hex SHA-256 used above; also seeds the initials' colour.
QString emailHash(const QString &email);

// Fetches the signed-in user's picture. Core hands bytes; the UI makes pixels. The request
// never carries credentials. The cache answers first (so the picture shows at once, and
// offline), then the network revalidates it following HTTP caching rules.
class AvatarFetcher final : public QObject
{
    Q_OBJECT

public:
    AvatarFetcher(QNetworkAccessManager *network, const QUrl &gravatarBase,
        const QList<QSslCertificate> &extraCaCertificates, QObject *parent = nullptr);

    void fetch(const Profile &profile, int pixels);
    void cancel();

signals:
    void pictureReady(const QByteArray &bytes, const QString &mimeType);
    // The user has no picture (404), or it could not be had and nothing is cached.
    void noPicture();

private:
    QNetworkReply *get(const QUrl &url, bool cacheOnly);
    void onReply(QNetworkReply *reply, bool cacheOnly);

    QNetworkAccessManager *m_network;
    QUrl m_base;
    QList<QSslCertificate> m_extraCas;
    QList<QPointer<QNetworkReply>> m_replies;
    bool m_shown = false;
};

} // namespace Smtpd
