#pragma once

#include <QObject>

class QSettings;

namespace Smtpd {

// The person's preferences, in QSettings (never a secret). A change is saved and announced at
// once: the Settings dialog has no OK button, what it shows is what holds.
class Preferences final : public QObject
{
    Q_OBJECT

public:
    // How long a copied token may stay on the clipboard: long enough to paste it somewhere,
    // never forever (there is no "never clear": a forgotten token would stay there).
    static constexpr int MinClipboardClearSeconds = 2;
    static constexpr int MaxClipboardClearSeconds = 600;
    static constexpr int DefaultClipboardClearSeconds = 30;

    explicit Preferences(QSettings *settings, QObject *parent = nullptr);

    int clipboardClearSeconds() const;
    void setClipboardClearSeconds(int seconds);
    // Start hidden in the tray (when there is one), as --minimized does.
    bool startMinimized() const;
    void setStartMinimized(bool minimized);

signals:
    void clipboardClearSecondsChanged(int seconds);
    void startMinimizedChanged(bool minimized);

private:
    QSettings *m_settings;
};

} // namespace Smtpd
