// Keychain trouble is its own state, never the sign-in form, and never plaintext. Run by
// tests/with-keyring with the keychain locked or unreachable; SMTPD_EXPECT_STORE_ERROR names
// the StoreError kinds that scenario may produce.
#include "SessionRig.h"
#include "auth/KeychainTokenStore.h"

#include <QDirIterator>
#include <QSignalSpy>
#include <QTest>

using namespace Smtpd;
using namespace TestSupport;
using State = Session::State;

static QString kindName(StoreError::Kind kind)
{
    switch (kind) {
    case StoreError::Kind::None:
        return QStringLiteral("None");
    case StoreError::Kind::Unavailable:
        return QStringLiteral("Unavailable");
    case StoreError::Kind::Denied:
        return QStringLiteral("Denied");
    case StoreError::Kind::Timeout:
        return QStringLiteral("Timeout");
    case StoreError::Kind::Corrupt:
        return QStringLiteral("Corrupt");
    case StoreError::Kind::NewerFormat:
        return QStringLiteral("NewerFormat");
    case StoreError::Kind::Other:
        return QStringLiteral("Other");
    }
    return {};
}

class TestKeychainTrouble : public QObject
{
    Q_OBJECT

private slots:
    void storeReportsTheTrouble();
    void restoreShowsKeychainStateThenRunsInMemory();
    void signInKeepsSessionWhenSaveFails();

private:
    std::unique_ptr<KeychainTokenStore> makeStore()
    {
        auto store = std::make_unique<KeychainTokenStore>();
        store->setTimeout(std::chrono::seconds(3));
        return store;
    }
};

void TestKeychainTrouble::storeReportsTheTrouble()
{
    const QStringList expected
        = qEnvironmentVariable("SMTPD_EXPECT_STORE_ERROR").split(QLatin1Char('|'));
    QVERIFY2(!expected.first().isEmpty(), "set SMTPD_EXPECT_STORE_ERROR");
    auto store = makeStore();
    StoredSession session;
    session.account = DemoEmail;
    session.refreshToken = QStringLiteral("secret-refresh-token-value");
    session.accessExpiresAt = session.grantedAt = QDateTime::currentDateTimeUtc();
    std::unique_ptr<StoreJob> job(store->save(session));
    QSignalSpy finished(job.get(), &StoreJob::finished);
    QVERIFY(finished.wait(20000));
    QVERIFY2(expected.contains(kindName(job->error().kind)),
        qPrintable(kindName(job->error().kind) + QStringLiteral(": ") + job->error().message));
    QVERIFY(!job->error().message.isEmpty());
    QVERIFY(!job->error().message.contains(session.refreshToken));
    // Never a plaintext fallback: no file anywhere under HOME holds the token.
    QDirIterator files(QDir::homePath(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (file.open(QIODevice::ReadOnly))
            QVERIFY2(!file.readAll().contains("secret-refresh-token-value"),
                qPrintable(file.fileName()));
    }
}

void TestKeychainTrouble::restoreShowsKeychainStateThenRunsInMemory()
{
    auto store = makeStore();
    SessionRig rig(store.get());
    QSignalSpy notices(&rig.session(), &Session::notice);
    rig.session().restore(DemoEmail);
    QTRY_COMPARE_WITH_TIMEOUT(
        toString(rig.session().state()), toString(State::KeychainUnavailable), 20000);
    QCOMPARE(toString(rig.session().reason()), toString(Session::Reason::KeychainUnavailable));
    QVERIFY(!rig.session().reasonDetail().isEmpty());
    QCOMPARE(notices.count(), 1);

    rig.session().continueWithoutKeychain();
    QCOMPARE(toString(rig.session().state()), toString(State::SignedOut));
    QVERIFY(rig.session().storageDescription().contains(QStringLiteral("this run only")));
    QVERIFY(rig.signIn()); // now kept in memory
    QVERIFY(rig.session().storageDescription().contains(QStringLiteral("this run only")));
}

void TestKeychainTrouble::signInKeepsSessionWhenSaveFails()
{
    auto store = makeStore();
    SessionRig rig(store.get());
    rig.session().signIn(DemoEmail, DemoPassword);
    QTRY_COMPARE_WITH_TIMEOUT(
        toString(rig.session().state()), toString(State::KeychainUnavailable), 20000);
    QVERIFY(rig.session().hasTokens()); // the sign-in is not lost
    QCOMPARE(rig.session().profile().email, DemoEmail);
    rig.session().continueWithoutKeychain();
    QTRY_COMPARE_WITH_TIMEOUT(toString(rig.session().state()), toString(State::Active), 5000);
    QString token;
    rig.session().withFreshToken(this, [&](const QString &t, const ApiError &) { token = t; });
    QTRY_VERIFY_WITH_TIMEOUT(!token.isEmpty(), 5000);
}

QTEST_GUILESS_MAIN(TestKeychainTrouble)
#include "tst_keychain_trouble.moc"
