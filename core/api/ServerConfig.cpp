#include "ServerConfig.h"

#include <QCoreApplication>
#include <QFile>

namespace Smtpd {

QString validateApiUrl(const QUrl &url)
{
    const QString shown = url.toDisplayString(QUrl::RemoveUserInfo);
    if (!url.isValid() || url.host().isEmpty())
        return QCoreApplication::translate("Smtpd::ServerConfig",
            "\u201c%1\u201d is not a server address. Use a full address such "
            "as %2.")
            .arg(shown, QLatin1String(DefaultApiUrl));
    if (url.scheme() != QLatin1String("https"))
        return QCoreApplication::translate("Smtpd::ServerConfig",
            "\u201c%1\u201d does not use HTTPS. The SMTPD API only works over "
            "HTTPS, so credentials are never sent unencrypted; use an "
            "https:// address.")
            .arg(shown);
    if (!url.userInfo().isEmpty())
        return QCoreApplication::translate(
            "Smtpd::ServerConfig", "The server address must not contain a user name or password.");
    if (url.hasQuery() || url.hasFragment())
        return QCoreApplication::translate(
            "Smtpd::ServerConfig", "\u201c%1\u201d must not contain a query or fragment.")
            .arg(shown);
    return {};
}

QString loadCaCertificates(const QString &path, QList<QSslCertificate> *certificates)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QCoreApplication::translate(
            "Smtpd::ServerConfig", "Cannot read the certificate file %1: %2.")
            .arg(path, file.errorString());
    if (file.size() > 4 * 1024 * 1024)
        return QCoreApplication::translate(
            "Smtpd::ServerConfig", "The certificate file %1 is too large.")
            .arg(path);
    const QList<QSslCertificate> read = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (read.isEmpty())
        return QCoreApplication::translate(
            "Smtpd::ServerConfig", "The file %1 holds no PEM certificate.")
            .arg(path);
    *certificates = read;
    return {};
}

} // namespace Smtpd
