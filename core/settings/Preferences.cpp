#include "Preferences.h"

#include <QSettings>

#include <algorithm>

namespace Smtpd {

namespace {
const QString ClipboardClearKey = QStringLiteral("clipboard/clearAfterSeconds");
const QString StartMinimizedKey = QStringLiteral("window/startMinimized");
} // namespace

Preferences::Preferences(QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{ }

int Preferences::clipboardClearSeconds() const
{
    bool ok = false;
    const int seconds
        = m_settings->value(ClipboardClearKey, DefaultClipboardClearSeconds).toInt(&ok);
    // A value edited by hand out of range (0, "never", a day) is brought back into it.
    return ok ? std::clamp(seconds, MinClipboardClearSeconds, MaxClipboardClearSeconds)
              : DefaultClipboardClearSeconds;
}

void Preferences::setClipboardClearSeconds(int seconds)
{
    seconds = std::clamp(seconds, MinClipboardClearSeconds, MaxClipboardClearSeconds);
    if (m_settings->contains(ClipboardClearKey) && seconds == clipboardClearSeconds())
        return;
    m_settings->setValue(ClipboardClearKey, seconds);
    m_settings->sync();
    emit clipboardClearSecondsChanged(seconds);
}

bool Preferences::startMinimized() const
{
    return m_settings->value(StartMinimizedKey, false).toBool();
}

void Preferences::setStartMinimized(bool minimized)
{
    if (minimized == startMinimized() && m_settings->contains(StartMinimizedKey))
        return;
    m_settings->setValue(StartMinimizedKey, minimized);
    m_settings->sync();
    emit startMinimizedChanged(minimized);
}

} // namespace Smtpd
