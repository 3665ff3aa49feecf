#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace Smtpd {

// The app's translation catalogues (cmake/SmtpdTranslations.cmake makes one per layer).
inline const QStringList translationCatalogues {QStringLiteral("smtpd-accounts-core"),
    QStringLiteral("smtpd-accounts-ui"), QStringLiteral("smtpd-accounts-app")};

// Where the compiled catalogues are looked for, first match wins: beside an installed binary
// (<prefix>/share/smtpd-accounts/translations), then the build tree (<build>/translations).
QStringList translationDirectories();

// Installs, on `application`, the app's catalogues and Qt's own translations for the first of
// the locale's UI languages that the app is translated into (German today); otherwise the
// English plural forms. Returns that language's name ("de_DE", "en"), or an empty string.
QString installTranslations(QCoreApplication *application, const QLocale &locale = QLocale());

} // namespace Smtpd
