// Server address and CA file rules: https only, with clear reasons.
#include "api/ServerConfig.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Smtpd;

class TestServerConfig : public QObject
{
    Q_OBJECT

private slots:
    void apiUrl_data();
    void apiUrl();
    void caFile();
};

void TestServerConfig::apiUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("mentions"); // empty: accepted
    QTest::newRow("production") << QStringLiteral("https://api.smtpd.dev") << QString();
    QTest::newRow("with port and path")
        << QStringLiteral("https://127.0.0.1:8443/api/") << QString();
    QTest::newRow("plain http") << QStringLiteral("http://api.smtpd.dev")
                                << QStringLiteral("HTTPS");
    QTest::newRow("ftp") << QStringLiteral("ftp://api.smtpd.dev") << QStringLiteral("HTTPS");
    QTest::newRow("no scheme") << QStringLiteral("api.smtpd.dev")
                               << QStringLiteral("not a server address");
    QTest::newRow("user info") << QStringLiteral("https://me:pw@api.smtpd.dev")
                               << QStringLiteral("user name");
    QTest::newRow("query") << QStringLiteral("https://api.smtpd.dev/?x=1")
                           << QStringLiteral("query");
    QTest::newRow("empty") << QString() << QStringLiteral("not a server address");
}

void TestServerConfig::apiUrl()
{
    QFETCH(QString, url);
    QFETCH(QString, mentions);
    const QString problem = validateApiUrl(QUrl(url));
    if (mentions.isEmpty())
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    else
        QVERIFY2(problem.contains(mentions), qPrintable(problem));
    QVERIFY(!problem.contains(QStringLiteral("pw@"))); // a password in the URL is never echoed
}

void TestServerConfig::caFile()
{
    QList<QSslCertificate> certificates;
    QVERIFY(loadCaCertificates(QStringLiteral("/nonexistent/ca.pem"), &certificates)
                .contains(QStringLiteral("Cannot read")));
    QTemporaryDir dir;
    QFile notPem(dir.filePath(QStringLiteral("x.pem")));
    QVERIFY(notPem.open(QIODevice::WriteOnly));
    notPem.write("hello");
    notPem.close();
    QVERIFY(
        loadCaCertificates(notPem.fileName(), &certificates).contains(QStringLiteral("no PEM")));
    QVERIFY(
        loadCaCertificates(QStringLiteral(SMTPD_TEST_CERT_DIR "/ca.pem"), &certificates).isEmpty());
    QCOMPARE(certificates.size(), 1);
}

QTEST_GUILESS_MAIN(TestServerConfig)
#include "tst_serverconfig.moc"
