// A new API key's secret after its one-time dialog closed: no copy may be left in the app's
// memory (live objects or freed blocks), so that a core dump, a swap page or a memory read
// by another process of the user finds nothing. The app runs in this process against the
// emulator in its own process (whose memory is not scanned); the test keeps the secret only
// XOR-masked.
#include "AccountWindow.h"
#include "ApiKeysPage.h"
#include "Application.h"
#include "EmulatorFixture.h"
#include "EmulatorProcess.h"
#include "ProcessMemoryScan.h"
#include "SignInWindow.h"
#include "accounts/AccountManager.h"
#include "auth/Session.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QTest>

using namespace Smtpd;
using namespace TestSupport;

class TestSecretMemory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void freedBlocksAreOverwritten();
    void secretLeavesNoCopyInMemory();
};

void TestSecretMemory::initTestCase()
{
#if defined(__SANITIZE_ADDRESS__)
    // The sanitizer's runtime replaces the allocator (app/ZeroOnFree.cpp is left out) and maps
    // terabytes of shadow memory: this is a check of the product build.
    QSKIP("the address sanitizer brings its own allocator");
#endif
}

// The mechanism on its own: a string of the size secrets have (a block the C library keeps in
// its per-thread cache) is gone from memory once freed (app/ZeroOnFree.cpp).
void TestSecretMemory::freedBlocksAreOverwritten()
{
    MaskedPattern pattern;
    {
        QString text;
        text.reserve(48);
        for (int i = 0; i < 48; ++i)
            text.append(QLatin1Char(char('A' + QRandomGenerator::global()->bounded(26))));
        pattern = MaskedPattern::utf16(text);
        QCOMPARE(countInOwnMemory(pattern), 1); // the scan sees the live string
    }
    QCOMPARE(countInOwnMemory(pattern), 0);
}

void TestSecretMemory::secretLeavesNoCopyInMemory()
{
    EmulatorProcess emulator;
    QVERIFY(emulator.isRunning());
    AppOptions options;
    options.apiUrl = emulator.baseUrl();
    options.caCertificates = EmulatorFixture::caCertificates();
    options.avatarUrl = QUrl(emulator.baseUrl().toString() + QStringLiteral("/avatar/"));
    Application app(options);
    app.start();
    auto *email = app.signInWindow()->findChild<QLineEdit *>(QStringLiteral("email"));
    auto *password = app.signInWindow()->findChild<QLineEdit *>(QStringLiteral("password"));
    QTest::keyClicks(email, DemoEmail);
    QTest::keyClicks(password, DemoPassword);
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(
        app.session() && app.session()->state() == Session::State::Active, 15000);

    app.accountWindow()->showSection(AccountWindow::Section::ApiKeys);
    emit app.accountWindow()->apiKeysPage()->createRequested(
        QStringLiteral("memory audit"), QStringLiteral("standard"));
    QDialog *shown = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (shown = app.accountWindow()->findChild<QDialog *>(QStringLiteral("oneTimeSecretDialog")))
            && shown->isVisible(),
        15000);
    auto *field = shown->findChild<QLineEdit *>(QStringLiteral("newSecret"));
    QVERIFY(field->text().size() >= 32);
    const MaskedPattern utf8 = MaskedPattern::utf8(field->text());
    const MaskedPattern utf16 = MaskedPattern::utf16(field->text());
    // The scan finds the secret while the dialog shows it (the scan sees what it should).
    QVERIFY(countInOwnMemory(utf16) >= 1);
    const int utf8Before = countInOwnMemory(utf8);
    const int utf16Before = countInOwnMemory(utf16);

    shown->findChild<QCheckBox *>(QStringLiteral("secretStored"))->setChecked(true);
    QTest::mouseClick(
        shown->findChild<QPushButton *>(QStringLiteral("closeSecret")), Qt::LeftButton);
    QTRY_VERIFY(!app.accountWindow()->findChild<QDialog *>(QStringLiteral("oneTimeSecretDialog")));
    // The connection that carried the answer closes (its socket is deleted on the network
    // thread's next turn): bounded wait, then none may be left.
    int utf8After = -1, utf16After = -1;
    QTRY_VERIFY_WITH_TIMEOUT(
        (utf8After = countInOwnMemory(utf8)) == 0 && (utf16After = countInOwnMemory(utf16)) == 0,
        5000);
    qInfo("copies of the secret in memory: while shown %d (UTF-8) + %d (UTF-16), after closing "
          "%d + %d",
        utf8Before, utf16Before, utf8After, utf16After);
}

QTEST_MAIN(TestSecretMemory)
#include "tst_secret_memory.moc"
