#pragma once

#include <QList>
#include <QSslCertificate>
#include <QUrl>

namespace Smtpd {

inline constexpr char DefaultApiUrl[] = "https://api.smtpd.dev";

// Checks that `url` can serve as the API's base URL: https, a host, nothing else in it.
// Returns an empty string when it can, else a sentence saying why not.
QString validateApiUrl(const QUrl &url);

// Reads the PEM certificates of an extra certificate authority (the --ca-file option).
// Returns an empty string on success, else a sentence saying what is wrong.
QString loadCaCertificates(const QString &path, QList<QSslCertificate> *certificates);

} // namespace Smtpd
