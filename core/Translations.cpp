#include "Translations.h"

#include "Logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

namespace Smtpd {

QStringList translationDirectories()
{
    const QDir binary(QCoreApplication::applicationDirPath());
    return {
        QDir::cleanPath(binary.filePath(QStringLiteral("../share/smtpd-accounts/translations"))),
        QDir::cleanPath(binary.filePath(QStringLiteral("../translations")))};
}

namespace {

// Loads `catalogue` for `locale` from the first directory that has it.
bool installCatalogue(QCoreApplication *application, const QLocale &locale,
    const QString &catalogue, const QStringList &directories)
{
    for (const QString &directory : directories) {
        auto translator = new QTranslator(application);
        if (translator->load(locale, catalogue, QStringLiteral("_"), directory)
            && QCoreApplication::installTranslator(translator))
            return true;
        delete translator;
    }
    return false;
}

} // namespace

QString installTranslations(QCoreApplication *application, const QLocale &locale)
{
    const QStringList directories = translationDirectories();
    // Which language: the first catalogue's, found for the locale's UI languages (LANGUAGE,
    // LC_ALL, LC_MESSAGES, LANG) and their fallbacks (de-AT finds "de") by QTranslator::load.
    auto *first = new QTranslator(application);
    QString language;
    for (const QString &directory : directories) {
        if (first->load(locale, translationCatalogues.first(), QStringLiteral("_"), directory)) {
            language = first->language();
            break;
        }
    }
    if (language.isEmpty() || language.startsWith(QLatin1String("en"))) {
        delete first;
        // English is the source language; its catalogues hold only the plural forms ("1
        // account", "2 accounts"). A layer without a number in its sentences has an empty one,
        // which Qt does not load.
        for (const QString &catalogue : translationCatalogues) {
            if (!installCatalogue(application, QLocale(QLocale::English), catalogue, directories))
                qCDebug(lcAccounts) << "no English plural forms for" << catalogue;
        }
        return language;
    }
    // Another language: its catalogues are complete (the build checks it), plurals included.
    QCoreApplication::installTranslator(first);
    for (const QString &catalogue : translationCatalogues.mid(1)) {
        if (!installCatalogue(application, locale, catalogue, directories))
            qCWarning(lcAccounts) << "translation catalogue" << catalogue << "not found for"
                                  << language;
    }
    // Qt's own strings (standard buttons, context menus of text fields) in the same language;
    // qt6-translations-l10n ships them.
    if (!installCatalogue(application, locale, QStringLiteral("qtbase"),
            {QLibraryInfo::path(QLibraryInfo::TranslationsPath)}))
        qCInfo(lcAccounts) << "Qt's own translations are not installed for" << language;
    return language;
}

} // namespace Smtpd
