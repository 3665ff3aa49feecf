#include "AvatarFetcher.h"

#include "../Logging.h"

#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QUrlQuery>

namespace Smtpd {

namespace {
constexpr qint64 MaxPictureBytes = 2 * 1024 * 1024;
}

QString emailHash(const QString &email)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(email.trimmed().toLower().toUtf8(), QCryptographicHash::Sha256)
            .toHex());
}

QUrl gravatarUrl(const QUrl &base, const QString &email, int pixels)
{
    QUrl url = base;
    QString path = url.path();
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    url.setPath(path + emailHash(email));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("s"), QString::number(pixels));
    query.addQueryItem(QStringLiteral("d"), QStringLiteral("404"));
    url.setQuery(query);
    return url;
}

AvatarFetcher::AvatarFetcher(QNetworkAccessManager *network, const QUrl &gravatarBase,
    const QList<QSslCertificate> &extraCaCertificates, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_base(gravatarBase)
    , m_extraCas(extraCaCertificates)
{ }

void AvatarFetcher::cancel()
{
    for (const QPointer<QNetworkReply> &reply : std::as_const(m_replies))
        if (reply) {
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
    m_replies.clear();
    m_shown = false;
}

void AvatarFetcher::fetch(const Profile &profile, int pixels)
{
    cancel();
    QUrl url;
    const QUrl given(profile.gravatarUrl);
    if (!profile.gravatarUrl.isEmpty() && given.isValid()
        && given.scheme() == QLatin1String("https")) {
        url = given;
        QUrlQuery query(url);
        query.removeAllQueryItems(QStringLiteral("s"));
        query.addQueryItem(QStringLiteral("s"), QString::number(pixels));
        url.setQuery(query);
    } else if (!profile.email.isEmpty()) {
        url = gravatarUrl(m_base, profile.email, pixels);
    } else {
        emit noPicture();
        return;
    }
    get(url, true); // from the disk cache, at once
    get(url, false); // then the network, revalidating
}

QNetworkReply *AvatarFetcher::get(const QUrl &url, bool cacheOnly)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
        cacheOnly ? QNetworkRequest::AlwaysCache : QNetworkRequest::PreferNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, true);
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setTransferTimeout(20000);
    if (!m_extraCas.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(m_extraCas);
        request.setSslConfiguration(tls);
    }
    QNetworkReply *reply = m_network->get(request);
    m_replies.append(reply);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > MaxPictureBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this,
        [this, reply, cacheOnly] { onReply(reply, cacheOnly); });
    return reply;
}

void AvatarFetcher::onReply(QNetworkReply *reply, bool cacheOnly)
{
    reply->deleteLater();
    m_replies.removeAll(reply);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray type = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    if (reply->error() == QNetworkReply::NoError && status == 200 && type.startsWith("image/")) {
        const QByteArray bytes = reply->readAll();
        m_shown = true;
        emit pictureReady(bytes, QString::fromLatin1(type));
        return;
    }
    if (cacheOnly)
        return; // nothing cached yet: the network answer decides
    if (status == 404) {
        m_shown = false;
        emit noPicture(); // the user has no picture (any cached one is out of date)
        return;
    }
    qCInfo(lcApi) << "avatar not fetched:" << reply->error() << status;
    if (!m_shown)
        emit noPicture(); // offline with nothing cached: initials
}

} // namespace Smtpd
