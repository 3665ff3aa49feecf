// The smtpd-accounts executable's command line: help, version, option checks, and a plain
// sentence (not a Qt plugin abort) when there is no display.
#include <QProcess>
#include <QTest>

class TestAppCli : public QObject
{
    Q_OBJECT

private slots:
    void run_data();
    void run();
};

void TestAppCli::run_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("environment"); // NAME=value; NAME= removes it
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("--version") << QStringList {"--version"} << QStringList {} << 0
                               << "smtpd-accounts 0.";
    QTest::newRow("--help") << QStringList {"--help"} << QStringList {} << 0 << "--api-url";
    QTest::newRow("--help lists --ca-file")
        << QStringList {"--help"} << QStringList {} << 0 << "--ca-file";
    QTest::newRow("--help lists --avatar-url")
        << QStringList {"--help"} << QStringList {} << 0 << "--avatar-url";
    QTest::newRow("http URL refused")
        << QStringList {"--api-url", "http://api.smtpd.dev"} << QStringList {} << 2 << "HTTPS";
    QTest::newRow("http URL from environment refused")
        << QStringList {} << QStringList {"SMTPD_API_URL=http://127.0.0.1:1"} << 2 << "HTTPS";
    QTest::newRow("option beats environment") << QStringList {"--api-url", "ftp://x", "--version"}
                                              << QStringList {} << 0 << "smtpd-accounts";
    QTest::newRow("missing CA file (needs the display)") << QStringList {"--ca-file",
        "/nonexistent.pem"} << QStringList {} << 2 << "Cannot read the certificate file";
    QTest::newRow("CA file from environment")
        << QStringList {} << QStringList {"SMTPD_CA_FILE=/nonexistent.pem"} << 2 << "Cannot read";
    QTest::newRow("http avatar URL refused")
        << QStringList {"--avatar-url", "http://x/avatar/"} << QStringList {} << 2 << "https://";
    QTest::newRow("unknown option")
        << QStringList {"--frobnicate"} << QStringList {} << 2 << "frobnicate";
    QTest::newRow("no display") << QStringList {}
                                << QStringList {"DISPLAY=", "WAYLAND_DISPLAY=", "QT_QPA_PLATFORM="}
                                << 1 << "xvfb-run";
}

void TestAppCli::run()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, environment);
    QFETCH(int, exitCode);
    QFETCH(QString, mentions);

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &entry : environment) {
        const QString name = entry.section('=', 0, 0), value = entry.section('=', 1);
        if (value.isEmpty())
            env.remove(name);
        else
            env.insert(name, value);
    }
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(SMTPD_ACCOUNTS_EXE), arguments);
    QVERIFY(process.waitForFinished(30000));
    const QString output
        = QString::fromLocal8Bit(process.readAllStandardOutput() + process.readAllStandardError());
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(process.exitCode() == exitCode, qPrintable(output));
    QVERIFY2(output.contains(mentions), qPrintable(output));
    QVERIFY(!output.contains(QStringLiteral("could not connect to display")));
}

QTEST_GUILESS_MAIN(TestAppCli)
#include "tst_app_cli.moc"
