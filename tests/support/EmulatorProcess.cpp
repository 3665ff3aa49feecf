#include "EmulatorProcess.h"

#include "EmulatorFixture.h"
#include "WaitUntil.h"

#include <QFile>
#include <QTest>

namespace TestSupport {

EmulatorProcess::EmulatorProcess(const QStringList &extraArguments)
{
    const QString portFile = m_dir.filePath(QStringLiteral("port"));
    const QString certs = EmulatorFixture::certificateDirectory();
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(QStringLiteral(SMTPD_EMULATOR_EXE),
        QStringList {QStringLiteral("--cert"), certs + QStringLiteral("/server.pem"),
            QStringLiteral("--key"), certs + QStringLiteral("/server.key"),
            QStringLiteral("--port-file"), portFile}
            + extraArguments);
    if (!m_process.waitForStarted(10000))
        return;
    QFile file(portFile);
    // The port file appears once the emulator listens.
    waitUntil([&] { return file.exists() && file.size() > 0; }, 10000);
    if (file.open(QIODevice::ReadOnly))
        m_port = static_cast<quint16>(file.readAll().trimmed().toUInt());
}

EmulatorProcess::~EmulatorProcess()
{
    m_process.terminate();
    if (!m_process.waitForFinished(5000))
        m_process.kill();
}

QUrl EmulatorProcess::baseUrl() const
{
    return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_port));
}

} // namespace TestSupport
