#include "Autostart.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

namespace Smtpd {

namespace {

const QString EntryName = QStringLiteral("dev.smtpd.Accounts");
const QString MinimizedArgument = QStringLiteral("--minimized");

// Written whole or not at all (QSaveFile), its folder made first.
[[maybe_unused]] QString writeFile(const QString &path, const QString &text)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return QCoreApplication::translate("Smtpd::Autostart", "The folder %1 could not be made.")
            .arg(QDir::toNativeSeparators(QFileInfo(path).absolutePath()));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit())
        return QCoreApplication::translate("Smtpd::Autostart", "%1 could not be written: %2")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    return QString();
}

#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
QString userEntryPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/autostart/") + EntryName + QStringLiteral(".desktop");
}

// An entry of that name in $XDG_CONFIG_DIRS (/etc/xdg/autostart): removing the person's own
// would not stop it, so switching off writes Hidden=true over it instead.
bool systemEntryExists()
{
    const QStringList directories
        = QStandardPaths::standardLocations(QStandardPaths::GenericConfigLocation);
    for (qsizetype i = 1; i < directories.size(); ++i) // [0] is the person's own
        if (QFileInfo::exists(directories.at(i) + QStringLiteral("/autostart/") + EntryName
                + QStringLiteral(".desktop")))
            return true;
    return false;
}

// The value of `key` in the entry's [Desktop Entry] group (empty when absent).
QString entryValue(const QString &text, const QString &key)
{
    bool inGroup = false;
    for (const QString &rawLine : text.split(QLatin1Char('\n'))) {
        const QString line = rawLine.trimmed();
        if (line.startsWith(QLatin1Char('['))) {
            inGroup = line == QLatin1String("[Desktop Entry]");
            continue;
        }
        if (!inGroup)
            continue;
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals > 0 && line.left(equals).trimmed() == key)
            return line.mid(equals + 1).trimmed();
    }
    return QString();
}

#endif

} // namespace

Autostart::Autostart(const QString &program)
    : m_program(program.isEmpty() ? QCoreApplication::applicationFilePath() : program)
{ }

bool Autostart::isSupported()
{
#if defined(Q_OS_UNIX) || defined(Q_OS_WIN)
    return true;
#else
    return false;
#endif
}

QString Autostart::execValue(const QStringList &arguments)
{
    // Reserved characters make an argument quoted; inside the quotes ", `, $ and \ take a
    // backslash. The value is then a string whose own escape doubles every backslash, and
    // '%' (field codes) is written "%%".
    static const QString reserved = QStringLiteral(" \t\n\"'\\><~|&;$*?#()`");
    QStringList quoted;
    for (const QString &argument : arguments) {
        bool needsQuotes = argument.isEmpty();
        for (const QChar c : argument)
            needsQuotes = needsQuotes || reserved.contains(c);
        QString out;
        for (const QChar c : argument) {
            if (needsQuotes
                && (c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('$')
                    || c == QLatin1Char('\\')))
                out += QLatin1Char('\\');
            out += c;
        }
        if (needsQuotes)
            out = QLatin1Char('"') + out + QLatin1Char('"');
        out.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
        out.replace(QLatin1Char('%'), QStringLiteral("%%"));
        quoted.append(out);
    }
    return quoted.join(QLatin1Char(' '));
}

QString Autostart::desktopEntry(const QString &program)
{
    // Written by SMTPD Accounts' Settings; "Start at login" off removes it again.
    return QStringLiteral("[Desktop Entry]\n"
                          "Type=Application\n"
                          "Name=SMTPD Accounts\n"
                          "Comment=Keeps your SMTPD sessions signed in, in the system tray\n"
                          "TryExec=%2\n"
                          "Exec=%1\n"
                          "Icon=dev.smtpd.Accounts\n"
                          "Terminal=false\n"
                          "X-GNOME-Autostart-enabled=true\n")
        // TryExec: once the app is uninstalled, desktops skip the entry instead of failing.
        .arg(execValue({program, MinimizedArgument}),
            QString(program).replace(QLatin1Char('\\'), QStringLiteral("\\\\")));
}

#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)

QString Autostart::location() const
{
    return userEntryPath();
}

bool Autostart::isEnabled() const
{
    QFile file(userEntryPath());
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QString text = QString::fromUtf8(file.read(64 * 1024));
    return entryValue(text, QStringLiteral("Hidden")) != QLatin1String("true")
        && entryValue(text, QStringLiteral("X-GNOME-Autostart-enabled")) != QLatin1String("false");
}

QString Autostart::setEnabled(bool enabled) const
{
    const QString path = userEntryPath();
    if (enabled)
        return writeFile(path, desktopEntry(m_program));
    if (systemEntryExists())
        return writeFile(path, desktopEntry(m_program) + QStringLiteral("Hidden=true\n"));
    if (QFile::exists(path) && !QFile::remove(path))
        return QCoreApplication::translate("Smtpd::Autostart", "%1 could not be removed.")
            .arg(QDir::toNativeSeparators(path));
    return QString();
}

#elif defined(Q_OS_WIN)

// Untested here: the per-user Run key, which Windows reads at sign-in.
namespace {
const QString RunKey
    = QStringLiteral("HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run");
const QString RunValue = QStringLiteral("SMTPD Accounts");
} // namespace

QString Autostart::location() const
{
    return RunKey + QLatin1Char('\\') + RunValue;
}

bool Autostart::isEnabled() const
{
    return QSettings(RunKey, QSettings::NativeFormat).contains(RunValue);
}

QString Autostart::setEnabled(bool enabled) const
{
    QSettings run(RunKey, QSettings::NativeFormat);
    if (enabled)
        run.setValue(RunValue,
            QLatin1Char('"') + QDir::toNativeSeparators(m_program) + QStringLiteral("\" ")
                + MinimizedArgument);
    else
        run.remove(RunValue);
    run.sync();
    return run.status() == QSettings::NoError
        ? QString()
        : QCoreApplication::translate("Smtpd::Autostart", "The registry could not be changed.");
}

#elif defined(Q_OS_MACOS)

// Untested here: a LaunchAgent that launchd starts at login.
QString Autostart::location() const
{
    return QDir::homePath() + QStringLiteral("/Library/LaunchAgents/") + EntryName
        + QStringLiteral(".plist");
}

bool Autostart::isEnabled() const
{
    return QFileInfo::exists(location());
}

QString Autostart::setEnabled(bool enabled) const
{
    const QString path = location();
    if (!enabled) {
        if (QFile::exists(path) && !QFile::remove(path))
            return QCoreApplication::translate("Smtpd::Autostart", "%1 could not be removed.")
                .arg(path);
        return QString();
    }
    const QString program = m_program.toHtmlEscaped();
    const QString plist = QStringLiteral(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
        "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
        "<plist version=\"1.0\"><dict>\n"
        "<key>Label</key><string>%1</string>\n"
        "<key>ProgramArguments</key><array><string>%2</string><string>%3</string></array>\n"
        "<key>RunAtLoad</key><true/>\n"
        "</dict></plist>\n")
                              .arg(EntryName, program, MinimizedArgument);
    return writeFile(path, plist);
}

#else

QString Autostart::location() const
{
    return QString();
}

bool Autostart::isEnabled() const
{
    return false;
}

QString Autostart::setEnabled(bool) const
{
    return QCoreApplication::translate(
        "Smtpd::Autostart", "Starting at login is not available on this system.");
}

#endif

} // namespace Smtpd
