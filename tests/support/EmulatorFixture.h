#pragma once

#include "DemoUsers.h"
#include "EmulatorServer.h"

#include <QList>
#include <QSslCertificate>
#include <QString>

namespace Smtpd {
class ApiReply;
}

namespace TestSupport {

// An in-process emulator over real TLS on 127.0.0.1, with the demo users.
class EmulatorFixture
{
public:
    EmulatorFixture();
    bool isRunning() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }

    SmtpdEmulator::EmulatorServer &server() { return m_server; }
    QUrl baseUrl() const { return m_server.baseUrl(); }

    static QString certificateDirectory();
    static QList<QSslCertificate> caCertificates();

private:
    SmtpdEmulator::EmulatorServer m_server;
    QString m_error;
};

// The demo users' credentials, as tests use them.
inline const QString DemoEmail = QStringLiteral("demo@example.com");
inline const QString DemoPassword = QStringLiteral("demo-password");
inline const QString DemoApiKey = QStringLiteral("demo-api-key");
inline const QString DemoApiSecret = QStringLiteral("demo-api-secret");

// Waits (on the finished signal, bounded) for a reply; true when it finished in time.
bool waitForReply(Smtpd::ApiReply *reply, int timeoutMs = 15000);

} // namespace TestSupport
