#include "EmulatorFixture.h"

#include "api/ApiReply.h"

#include <QSignalSpy>

namespace TestSupport {

EmulatorFixture::EmulatorFixture()
{
    for (const SmtpdEmulator::User &user : SmtpdEmulator::demoUsers())
        m_server.accounts().addUser(user);
    m_error = m_server.startFromFiles(certificateDirectory() + QStringLiteral("/server.pem"),
        certificateDirectory() + QStringLiteral("/server.key"));
}

QString EmulatorFixture::certificateDirectory()
{
    return QStringLiteral(SMTPD_TEST_CERT_DIR);
}

QList<QSslCertificate> EmulatorFixture::caCertificates()
{
    return QSslCertificate::fromPath(certificateDirectory() + QStringLiteral("/ca.pem"));
}

bool waitForReply(Smtpd::ApiReply *reply, int timeoutMs)
{
    if (reply->isFinished())
        return true;
    QSignalSpy spy(reply, &Smtpd::ApiReply::finished);
    return spy.wait(timeoutMs) || reply->isFinished();
}

} // namespace TestSupport
