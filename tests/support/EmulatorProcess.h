#pragma once

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

namespace TestSupport {

// The smtpd-emulator executable in its own process (so that its logging never mixes with the
// app's in tests that audit the app's logs).
class EmulatorProcess
{
public:
    explicit EmulatorProcess(const QStringList &extraArguments = {});
    ~EmulatorProcess();
    bool isRunning() const { return m_port != 0; }
    QUrl baseUrl() const;

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace TestSupport
