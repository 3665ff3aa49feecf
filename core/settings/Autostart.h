#pragma once

#include <QString>
#include <QStringList>

namespace Smtpd {

// Start at login: an entry that starts `program --minimized` when the person logs in.
// Linux and other freedesktop systems: an XDG autostart entry, $XDG_CONFIG_HOME/autostart/
// dev.smtpd.Accounts.desktop (the Desktop Application Autostart Specification). Windows (the
// per-user Run key) and macOS (a LaunchAgent) have paths written to the same rules but are not
// tested here.
class Autostart final
{
public:
    // `program`: the executable to start (the running one by default: the installed app).
    explicit Autostart(const QString &program = QString());

    static bool isSupported();
    // Where the entry lives (a file; on Windows, the registry key's path).
    QString location() const;
    // The entry exists and is not switched off (Hidden=true, X-GNOME-Autostart-enabled=false,
    // as a desktop's own "startup applications" settings write it).
    bool isEnabled() const;
    // Writes or removes the entry. Returns why it could not, or an empty string.
    QString setEnabled(bool enabled) const;

    // The desktop entry text for `program`, and the Exec line's quoting (the Desktop Entry
    // Specification's rules: reserved characters in double quotes, `%` doubled).
    static QString desktopEntry(const QString &program);
    static QString execValue(const QStringList &arguments);

private:
    QString m_program;
};

} // namespace Smtpd
