#pragma once

#include <QList>
#include <QSslCertificate>
#include <QStringList>
#include <QUrl>

namespace Smtpd {

// The command line, with environment variables as defaults (for packaging and tests).
struct AppOptions
{
    QUrl apiUrl;
    QString caFile;
    QList<QSslCertificate> caCertificates;
    QUrl avatarUrl;
    bool minimized = false;
    QString account; // --account: the account the window opens on (else the default)

    enum class Outcome { Run, ExitOk, ExitError };
    // Parses argv. On ExitOk/ExitError, *output holds the text to print (help, version or
    // the error) and nothing else should run.
    static Outcome parse(const QStringList &arguments, AppOptions *options, QString *output);
    // Reads caFile into caCertificates. Needs the application object (Qt loads its TLS
    // backend here). Returns an error sentence, or empty.
    QString loadCaFile();
};

} // namespace Smtpd
