#include "TrayHost.h"

#include "WaitUntil.h"

#include <QSystemTrayIcon>

namespace TestSupport {

TrayHost::TrayHost()
{
    m_trayer.start(QStringLiteral("trayer"),
        {QStringLiteral("--edge"), QStringLiteral("top"), QStringLiteral("--align"),
            QStringLiteral("right"), QStringLiteral("--height"), QStringLiteral("32"),
            QStringLiteral("--widthtype"), QStringLiteral("request"),
            QStringLiteral("--transparent"), QStringLiteral("false")});
    if (!m_trayer.waitForStarted(5000))
        return;
    m_up = waitUntil([] { return QSystemTrayIcon::isSystemTrayAvailable(); }, 10000);
}

TrayHost::~TrayHost()
{
    m_trayer.terminate();
    if (!m_trayer.waitForFinished(3000))
        m_trayer.kill();
}

} // namespace TestSupport
