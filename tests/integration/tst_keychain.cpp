// KeychainTokenStore and the Session on the real Secret Service (gnome-keyring on a private
// D-Bus session, unlocked), read back both through QtKeychain and with secret-tool.
#include "SessionRig.h"
#include "auth/KeychainTokenStore.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <qt6keychain/keychain.h>

using namespace Smtpd;
using namespace TestSupport;
using State = Session::State;

namespace {

// The demo user's item on the emulator `rig` talks to.
QString demoKey(SessionRig &rig)
{
    return storageKeyFor(serverOrigin(rig.api().baseUrl()), DemoEmail);
}

// What secret-tool (libsecret's command line) finds for the account, decoded if base64.
QByteArray secretToolLookup(const QString &account)
{
    QProcess tool;
    tool.start(QStringLiteral("secret-tool"),
        {QStringLiteral("lookup"), QStringLiteral("server"), QStringLiteral("smtpd-accounts"),
            QStringLiteral("user"), account});
    if (!tool.waitForFinished(15000) || tool.exitCode() != 0)
        return {};
    const QByteArray out = tool.readAllStandardOutput().trimmed();
    if (out.startsWith('{'))
        return out;
    return QByteArray::fromBase64(out);
}

bool writeRawItem(const QString &account, const QByteArray &data)
{
    auto *job = new QKeychain::WritePasswordJob(QStringLiteral("smtpd-accounts"));
    job->setKey(account);
    job->setBinaryData(data);
    job->setInsecureFallback(false);
    QSignalSpy finished(job, &QKeychain::Job::finished);
    job->start();
    return finished.wait(15000) && job->error() == QKeychain::NoError;
}

} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void saveLoadClear();
    void sessionRestoresFromKeychain();
    void rotatedTokenIsWhatTheKeychainHolds();
    void garbageItemIsRemovedAndSignedOut();
    void signOutRemovesTheItem();
    void newerFormatItemIsKeptAndRefused();
    void writeThatTimedOutIsTakenBack();
};

void TestKeychain::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
        "run under tests/run-headless (a private D-Bus session with gnome-keyring)");
}

void TestKeychain::saveLoadClear()
{
    KeychainTokenStore store;
    StoredSession session;
    session.origin = QStringLiteral("https://roundtrip.example:8443");
    session.account = QStringLiteral("roundtrip@example.com");
    session.refreshToken
        = QStringLiteral("refresh-") + QString::number(QRandomGenerator::global()->generate());
    session.accessToken = QStringLiteral("a.b.c");
    session.accessExpiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
    session.grantedAt = QDateTime::currentDateTimeUtc();
    session.clockSkewMs = -1234;
    session.profile.id = QStringLiteral("id-1");
    session.profile.email = session.account;

    std::unique_ptr<StoreJob> save(store.save(session));
    QSignalSpy saved(save.get(), &StoreJob::finished);
    QVERIFY(saved.wait(15000));
    QVERIFY2(!save->error(), qPrintable(save->error().message));

    std::unique_ptr<StoreJob> load(store.load(session.storageKey()));
    QSignalSpy loaded(load.get(), &StoreJob::finished);
    QVERIFY(loaded.wait(15000));
    QVERIFY(load->found());
    QCOMPARE(load->session().refreshToken, session.refreshToken);
    QCOMPARE(load->session().accessExpiresAt, session.accessExpiresAt.addMSecs(0).toUTC());
    QCOMPARE(load->session().clockSkewMs, -1234);
    QCOMPARE(load->session().profile.id, QStringLiteral("id-1"));

    // One item, service "smtpd-accounts", under "<origin>/<email>", holding the JSON blob.
    QCOMPARE(session.storageKey(),
        QStringLiteral("https://roundtrip.example:8443/roundtrip@example.com"));
    const QByteArray viaSecretTool = secretToolLookup(session.storageKey());
    QVERIFY2(
        viaSecretTool.contains(session.refreshToken.toUtf8()), viaSecretTool.left(80).constData());

    std::unique_ptr<StoreJob> clear(store.clear(session.storageKey()));
    QSignalSpy cleared(clear.get(), &StoreJob::finished);
    QVERIFY(cleared.wait(15000));
    QVERIFY(!clear->error());
    std::unique_ptr<StoreJob> again(store.load(session.storageKey()));
    QSignalSpy loadedAgain(again.get(), &StoreJob::finished);
    QVERIFY(loadedAgain.wait(15000));
    QVERIFY(!again->found());
    QVERIFY(!again->error());
    QVERIFY(secretToolLookup(session.storageKey()).isEmpty());
}

void TestKeychain::sessionRestoresFromKeychain()
{
    KeychainTokenStore store;
    SessionRig rig(&store);
    QVERIFY(rig.signIn());
    rig.server().clearRequests();
    Session &restarted = rig.restart();
    restarted.restore(DemoEmail);
    QTRY_COMPARE_WITH_TIMEOUT(toString(restarted.state()), toString(State::Active), 15000);
    QCOMPARE(restarted.profile().email, DemoEmail);
    QVERIFY(restarted.storageDescription().contains(QStringLiteral("keyring")));
}

void TestKeychain::rotatedTokenIsWhatTheKeychainHolds()
{
    KeychainTokenStore store;
    SessionRig rig(&store);
    rig.server().accounts().setRefreshRotation(true);
    QVERIFY(rig.signIn());
    const QString first = rig.stored().refreshToken;
    QVERIFY(!first.isEmpty());
    rig.session().refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(rig.refreshCount(), 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(rig.stored().refreshToken != first, 10000);
    const QString rotated = rig.stored().refreshToken;
    QVERIFY(secretToolLookup(demoKey(rig)).contains(rotated.toUtf8()));
    QVERIFY(!secretToolLookup(demoKey(rig)).contains(first.toUtf8()));
    // And the server honours exactly that token.
    std::unique_ptr<TokenReply> refresh(rig.api().refresh(rotated));
    QVERIFY(waitForReply(refresh.get()));
    QVERIFY(!refresh->error());
}

void TestKeychain::garbageItemIsRemovedAndSignedOut()
{
    KeychainTokenStore store;
    SessionRig rig(&store);
    QVERIFY(writeRawItem(demoKey(rig), "this is not a session"));
    rig.session().restore(DemoEmail);
    QTRY_COMPARE_WITH_TIMEOUT(toString(rig.session().state()), toString(State::SignedOut), 15000);
    QCOMPARE(toString(rig.session().reason()), toString(Session::Reason::StoredSessionUnreadable));
    QTRY_VERIFY_WITH_TIMEOUT(secretToolLookup(demoKey(rig)).isEmpty(), 10000);
    QCOMPARE(rig.server().requests().size(), 0);
}

void TestKeychain::signOutRemovesTheItem()
{
    KeychainTokenStore store;
    SessionRig rig(&store);
    QVERIFY(rig.signIn());
    QVERIFY(!secretToolLookup(demoKey(rig)).isEmpty());
    rig.session().signOut();
    QTRY_COMPARE_WITH_TIMEOUT(toString(rig.session().state()), toString(State::SignedOut), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(secretToolLookup(demoKey(rig)).isEmpty(), 10000);
}

// A downgrade must not wipe the session: the newer version's item stays as it was.
void TestKeychain::newerFormatItemIsKeptAndRefused()
{
    KeychainTokenStore store;
    SessionRig rig(&store);
    const QByteArray newer
        = R"({"v":3,"origin":"https://future","account":"demo@example.com","refresh_token":"r"})";
    QVERIFY(writeRawItem(demoKey(rig), newer));
    rig.session().restore(DemoEmail);
    QTRY_COMPARE_WITH_TIMEOUT(toString(rig.session().state()), toString(State::SignedOut), 15000);
    QCOMPARE(
        toString(rig.session().reason()), toString(Session::Reason::StoredSessionNewerVersion));
    QCOMPARE(secretToolLookup(demoKey(rig)), newer);
    QCOMPARE(rig.server().requests().size(), 0);
}

// A keychain write cannot be cancelled: one that answers after its timeout was reported stays
// while the keychain is in use (a slow unlock prompt), and is taken back once the person has
// chosen "this run only".
void TestKeychain::writeThatTimedOutIsTakenBack()
{
    KeychainTokenStore store;
    store.setTimeout(std::chrono::milliseconds(0));
    StoredSession session;
    session.origin = QStringLiteral("https://timeout.example");
    session.account = DemoEmail;
    session.refreshToken = QStringLiteral("late-refresh-token");
    session.accessToken = QStringLiteral("late-access-token");
    session.accessExpiresAt = QDateTime::currentDateTimeUtc();
    session.grantedAt = QDateTime::currentDateTimeUtc();
    QSignalSpy takenBack(&store, &KeychainTokenStore::lateWriteTakenBack);
    StoreJob *job = store.save(session);
    QSignalSpy finished(job, &StoreJob::finished);
    QVERIFY(finished.wait(15000));
    QCOMPARE(int(job->error().kind), int(StoreError::Kind::Timeout));
    // It lands late, and stays: the keychain is still this session's store.
    QTRY_VERIFY_WITH_TIMEOUT(!secretToolLookup(session.storageKey()).isEmpty(), 15000);
    QCOMPARE(takenBack.count(), 0);
    // "This run only": it goes.
    store.abandonLateWrites();
    QTRY_COMPARE_WITH_TIMEOUT(takenBack.count(), 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(secretToolLookup(session.storageKey()).isEmpty(), 10000);
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
