#include "ServerConfig.h"

#include <QFile>

namespace Smtpd {

QString validateApiUrl(const QUrl &url)
{
    const QString shown = url.toDisplayString(QUrl::RemoveUserInfo);
    if (!url.isValid() || url.host().isEmpty())
        return QStringLiteral("\u201c%1\u201d is not a server address. Use a full address such "
                              "as %2.")
            .arg(shown, QLatin1String(DefaultApiUrl));
    if (url.scheme() != QLatin1String("https"))
        return QStringLiteral("\u201c%1\u201d does not use HTTPS. The SMTPD API only works over "
                              "HTTPS, so credentials are never sent unencrypted; use an "
                              "https:// address.")
            .arg(shown);
    if (!url.userInfo().isEmpty())
        return QStringLiteral("The server address must not contain a user name or password.");
    if (url.hasQuery() || url.hasFragment())
        return QStringLiteral("\u201c%1\u201d must not contain a query or fragment.").arg(shown);
    return {};
}

QString loadCaCertificates(const QString &path, QList<QSslCertificate> *certificates)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("Cannot read the certificate file %1: %2.")
            .arg(path, file.errorString());
    if (file.size() > 4 * 1024 * 1024)
        return QStringLiteral("The certificate file %1 is too large.").arg(path);
    const QList<QSslCertificate> read = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (read.isEmpty())
        return QStringLiteral("The file %1 holds no PEM certificate.").arg(path);
    *certificates = read;
    return {};
}

} // namespace Smtpd
