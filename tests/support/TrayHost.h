#pragma once

#include <QProcess>

namespace TestSupport {

// A real system tray on the test's X display (trayer, an XEmbed tray), started before the
// app looks for one.
class TrayHost
{
public:
    TrayHost();
    ~TrayHost();
    // True once Qt sees a tray on the display.
    bool isUp() const { return m_up; }

private:
    QProcess m_trayer;
    bool m_up = false;
};

} // namespace TestSupport
