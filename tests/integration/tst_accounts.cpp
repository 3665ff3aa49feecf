// AccountManager: several accounts on several servers, side by side. Three accounts on two
// emulators (Dana and Jack on server A, Dana on server B), one manual clock that both servers
// follow, the product's real timer intervals.
#include "EmulatorFixture.h"
#include "ManualClock.h"
#include "ProbeNetwork.h"
#include "ScriptedStore.h"
#include "TestUnits.h"
#include "accounts/AccountManager.h"
#include "api/ApiClient.h"
#include "auth/KeychainTokenStore.h"
#include "auth/Session.h"
#include "auth/TokenStore.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Smtpd;
using namespace TestSupport;

namespace {
const QString JackEmail = QStringLiteral("jack.truong@jameshardie.com");
const QString JackPassword = QStringLiteral("jack-password");
} // namespace

class AccountsTest : public QObject
{
    Q_OBJECT

private:
    struct Rig
    {
        ManualClock clock;
        EmulatorFixture a;
        EmulatorFixture b;
        ProbeNetwork network;
        QTemporaryDir dir;
        std::unique_ptr<QSettings> settings;
        std::unique_ptr<TokenStore> ownStore;
        TokenStore *store = nullptr;
        std::unique_ptr<AccountManager> manager;

        explicit Rig(TokenStore *keychain = nullptr)
        {
            network.setMonotonicSource([this] { return clock.monotonicMs(); });
            for (EmulatorFixture *e : {&a, &b})
                e->server().accounts().setTimeSource([this] { return clock.trueNow(); });
            settings = std::make_unique<QSettings>(
                dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
            if (!keychain)
                ownStore = std::make_unique<MemoryTokenStore>();
            store = keychain ? keychain : ownStore.get();
            restart();
        }
        ~Rig() { manager.reset(); }

        ServerChoice serverA() const
        {
            return {a.baseUrl(), {}, EmulatorFixture::caCertificates()};
        }
        ServerChoice serverB() const
        {
            return {b.baseUrl(), {}, EmulatorFixture::caCertificates()};
        }
        // A new manager on the same settings, keychain and servers: an app restart.
        AccountManager &restart(const ServerChoice &launch = {})
        {
            manager.reset();
            settings->sync();
            manager = std::make_unique<AccountManager>(&network, &clock, store, settings.get());
            manager->start(launch.server.isValid() ? launch : serverA());
            return *manager;
        }
        bool waitSettled(const std::function<bool()> &done)
        {
            return QTest::qWaitFor(
                [&] { return done() && network.inFlight() == 0 && manager->isIdle(); }, 15000);
        }
        Account *signIn(const ServerChoice &server, const QString &email, const QString &password)
        {
            Account *account = manager->signIn(server, email, password);
            const bool ok = waitSettled([&] {
                return account->session()->state() == Session::State::Active
                    && account->session()->profile().isValid();
            });
            return ok ? account : nullptr;
        }
        bool signInThree()
        {
            return signIn(serverA(), DemoEmail, DemoPassword)
                && signIn(serverA(), JackEmail, JackPassword)
                && signIn(serverB(), DemoEmail, DemoPassword) && manager->accounts().size() == 3;
        }
        Account *accountOn(const EmulatorFixture &server, const QString &email) const
        {
            return manager->account(storageKeyFor(serverOrigin(server.baseUrl()), email));
        }
        bool allActive() const
        {
            for (Account *account : manager->accounts())
                if (account->session()->state() != Session::State::Active)
                    return false;
            return !manager->accounts().isEmpty();
        }
        int sentTo(const EmulatorFixture &server) const
        {
            int n = 0;
            for (const ProbeNetwork::Sent &sent : network.sent())
                n += sent.origin == serverOrigin(server.baseUrl());
            return n;
        }
        static int refreshes(EmulatorFixture &server)
        {
            int n = 0;
            for (const auto &request : server.server().requests())
                n += request.query == QLatin1String("grant_type=refresh_token");
            return n;
        }
        // Time passes minute by minute, the network answering in between.
        void advance(qint64 ms, qint64 step = Minute)
        {
            for (qint64 done = 0; done < ms; done += step) {
                clock.advance(qMin(step, ms - done));
                QCoreApplication::processEvents();
                network.waitQuiet();
                QTest::qWait(1);
            }
        }
        StoredSession stored(const QString &key, bool *found)
        {
            StoreJob *job = store->load(key);
            QSignalSpy finished(job, &StoreJob::finished);
            if (!job->isFinished())
                finished.wait(15000);
            *found = job->found();
            const StoredSession session = job->session();
            delete job;
            return session;
        }
    };

private slots:
    void threeAccountsRestoreWithoutRefreshing();
    void eachAccountRefreshesOnItsOwnSchedule();
    void oneServerDownLeavesTheOthersAlone();
    void removingRevokesOnlyThatAccount();
    void removingTakesOnlyItsKeychainItem();
    void removingWhileRestoringRevokesAndForgets_data();
    void removingWhileRestoringRevokesAndForgets();
    void removedAccountLeavesNoItemWhileItsRevokeIsSlow();
    void removedAndAddedBackKeepsTheNewItem();
    void adoptedAccountWithNothingStoredIsDropped();
    void grantElsewhereEndsOnlyThatAccount();
    void sameServerAndEmailRenewsInPlace();
    void failedOrCancelledSignInAddsNothing();
    void defaultAndOrderSurviveARestart();
    void accountsAreFoundByName();
    void previousVersionsAccountIsAdopted();
    void listAdoptionFromSettings_data();
    void listAdoptionFromSettings();
};

void AccountsTest::threeAccountsRestoreWithoutRefreshing()
{
    Rig rig;
    QVERIFY(rig.a.isRunning() && rig.b.isRunning());
    QVERIFY(rig.signInThree());
    for (EmulatorFixture *e : {&rig.a, &rig.b})
        e->server().clearRequests();
    rig.network.clearSent();

    rig.clock.advance(10 * Minute); // the app was closed for ten minutes
    AccountManager &manager = rig.restart();
    QCOMPARE(manager.accounts().size(), 3);
    QVERIFY(rig.waitSettled([&] {
        return rig.allActive() && countRequests(rig.a.server(), QStringLiteral("/oauth/me")) >= 2
            && countRequests(rig.b.server(), QStringLiteral("/oauth/me")) >= 1;
    }));
    rig.advance(5 * Minute); // five minutes on: nothing else went out meanwhile
    // Valid tokens: no refresh anywhere; one /oauth/me per account to bring the profile up to date.
    QCOMPARE(Rig::refreshes(rig.a), 0);
    QCOMPARE(Rig::refreshes(rig.b), 0);
    QCOMPARE(countRequests(rig.a.server(), QStringLiteral("/oauth/me")), 2);
    QCOMPARE(countRequests(rig.b.server(), QStringLiteral("/oauth/me")), 1);
    QCOMPARE(rig.a.server().requests().size(), 2);
    QCOMPARE(rig.b.server().requests().size(), 1);
    qInfo("three accounts restored: server A %d requests, server B %d requests, 0 refreshes",
        int(rig.a.server().requests().size()), int(rig.b.server().requests().size()));
    // The list kept its order; each account is on its own server.
    QCOMPARE(manager.accounts().at(0)->who(), DemoEmail);
    QCOMPARE(manager.accounts().at(1)->who(), JackEmail);
    QCOMPARE(manager.accounts().at(2)->origin(), serverOrigin(rig.b.baseUrl()));
    QCOMPARE(manager.accounts().at(0)->displayName(), QStringLiteral("Dana Demo"));
}

void AccountsTest::eachAccountRefreshesOnItsOwnSchedule()
{
    Rig rig;
    rig.b.server().accounts().setAccessTokenLifetimeSeconds(20 * 60);
    QVERIFY(rig.signIn(rig.serverA(), DemoEmail, DemoPassword));
    rig.advance(7 * Minute); // Jack signs in later: his tokens run on a later schedule
    QVERIFY(rig.signIn(rig.serverA(), JackEmail, JackPassword));
    QVERIFY(rig.signIn(rig.serverB(), DemoEmail, DemoPassword));
    Account *danaA = rig.accountOn(rig.a, DemoEmail);
    Account *jackA = rig.accountOn(rig.a, JackEmail);
    Account *danaB = rig.accountOn(rig.b, DemoEmail);
    QSignalSpy danaARenewed(danaA->session(), &Session::accessTokenChanged);
    QSignalSpy jackARenewed(jackA->session(), &Session::accessTokenChanged);
    QSignalSpy danaBRenewed(danaB->session(), &Session::accessTokenChanged);

    rig.advance(2 * Hour);
    // One-hour tokens on A: two or three refreshes each in two hours (a refresh comes a
    // little before the expiry); twenty-minute tokens on B: three times as many.
    qInfo("in two hours: Dana on A %d renewals, Jack on A %d, Dana on B %d",
        int(danaARenewed.size()), int(jackARenewed.size()), int(danaBRenewed.size()));
    QVERIFY(danaARenewed.size() >= 2 && danaARenewed.size() <= 3);
    QVERIFY(jackARenewed.size() >= 2 && jackARenewed.size() <= 3);
    QVERIFY(danaBRenewed.size() >= 6 && danaBRenewed.size() <= 9);
    QVERIFY(rig.allActive());
    // Their deadlines stay apart: Jack's tokens expire about seven minutes after Dana's.
    const qint64 apart
        = danaA->session()->accessTokenExpiry().msecsTo(jackA->session()->accessTokenExpiry());
    QVERIFY2(apart > 5 * Minute && apart < 9 * Minute, qPrintable(QString::number(apart)));
    QCOMPARE(rig.clock.busyLoops(), 0);
}

void AccountsTest::oneServerDownLeavesTheOthersAlone()
{
    Rig rig;
    QVERIFY(rig.signInThree());
    Account *danaB = rig.accountOn(rig.b, DemoEmail);
    const int sentToA = rig.sentTo(rig.a);
    rig.b.server().stopListening();

    danaB->session()->refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(
        toString(danaB->session()->state()), toString(Session::State::Offline), 15000);
    rig.advance(30 * Minute); // retries against B go on; A's accounts have nothing to do
    QCOMPARE(toString(danaB->session()->state()), toString(Session::State::Offline));
    QCOMPARE(toString(rig.accountOn(rig.a, DemoEmail)->session()->state()),
        toString(Session::State::Active));
    QCOMPARE(toString(rig.accountOn(rig.a, JackEmail)->session()->state()),
        toString(Session::State::Active));
    QCOMPARE(rig.sentTo(rig.a), sentToA); // idle: not one request to A in half an hour

    QVERIFY(rig.b.server().resumeListening());
    QVERIFY(QTest::qWaitFor(
        [&] {
            rig.advance(Minute);
            return danaB->session()->state() == Session::State::Active;
        },
        30000));
    QVERIFY(rig.allActive());
    QCOMPARE(rig.clock.busyLoops(), 0);
}

void AccountsTest::removingRevokesOnlyThatAccount()
{
    Rig rig;
    QVERIFY(rig.signInThree());
    Account *jack = rig.accountOn(rig.a, JackEmail);
    const QString jackId = jack->id();
    QPointer<Account> gone = jack;
    QSignalSpy removed(rig.manager.get(), &AccountManager::accountRemoved);
    const int revokesOnB = countRequests(rig.b.server(), QStringLiteral("/oauth/revoke"));

    rig.manager->remove(jack);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(0).toString(), jackId);
    QCOMPARE(rig.manager->accounts().size(), 2); // gone from the list at once
    QVERIFY(rig.waitSettled([&] { return gone.isNull(); }));

    QCOMPARE(countRequests(rig.a.server(), QStringLiteral("/oauth/revoke"), 200), 1);
    QCOMPARE(countRequests(rig.b.server(), QStringLiteral("/oauth/revoke")), revokesOnB);
    // Dana's session on A is untouched: exactly her one live refresh token is left there.
    QCOMPARE(rig.a.server().accounts().liveRefreshTokens().size(), 1);
    QCOMPARE(rig.b.server().accounts().liveRefreshTokens().size(), 1);
    bool found = true;
    rig.stored(jackId, &found);
    QVERIFY(!found);
    rig.stored(rig.accountOn(rig.a, DemoEmail)->id(), &found);
    QVERIFY(found);
    rig.stored(rig.accountOn(rig.b, DemoEmail)->id(), &found);
    QVERIFY(found);
    QVERIFY(rig.allActive());

    // Forgotten across a restart too.
    AccountManager &again = rig.restart();
    QCOMPARE(again.accounts().size(), 2);
    QVERIFY(!again.account(jackId));
}

// The same with the real keychain (Secret Service): each account is its own item, and
// removing one leaves the others' items as they were.
void AccountsTest::removingTakesOnlyItsKeychainItem()
{
    KeychainTokenStore keychain;
    Rig rig(&keychain);
    QVERIFY(rig.signInThree());
    const QStringList ids = {rig.manager->accounts().at(0)->id(),
        rig.manager->accounts().at(1)->id(), rig.manager->accounts().at(2)->id()};
    bool found = false;
    const StoredSession danaBefore = rig.stored(ids.at(2), &found);
    QVERIFY(found);

    QPointer<Account> gone = rig.manager->accounts().at(0);
    rig.manager->remove(gone);
    QVERIFY(rig.waitSettled([&] { return gone.isNull(); }));
    rig.stored(ids.at(0), &found);
    QVERIFY(!found);
    rig.stored(ids.at(1), &found);
    QVERIFY(found);
    const StoredSession danaAfter = rig.stored(ids.at(2), &found);
    QVERIFY(found);
    QCOMPARE(danaAfter.refreshToken, danaBefore.refreshToken);

    // The two left restore from the keychain; then they are removed too (clean slate).
    AccountManager &again = rig.restart();
    QVERIFY(rig.waitSettled([&] { return rig.allActive(); }));
    QCOMPARE(again.accounts().size(), 2);
    while (!again.accounts().isEmpty()) {
        QPointer<Account> next = again.accounts().first();
        again.remove(next);
        QVERIFY(rig.waitSettled([&] { return next.isNull(); }));
    }
    for (const QString &id : ids) {
        rig.stored(id, &found);
        QVERIFY(!found);
    }
}

void AccountsTest::removingWhileRestoringRevokesAndForgets_data()
{
    QTest::addColumn<qint64>("closedFor"); // how long the app was closed (1-hour tokens)
    QTest::newRow("valid token") << 10 * Minute;
    QTest::newRow("token inside its refresh margin") << 58 * Minute;
}

// The keyring answers slowly (its unlock prompt is up) while the person removes the account:
// the tokens that arrive afterwards are revoked, and the item never comes back.
void AccountsTest::removingWhileRestoringRevokesAndForgets()
{
    QFETCH(qint64, closedFor);
    ScriptedStore keychain;
    Rig rig(&keychain);
    QVERIFY(rig.signIn(rig.serverA(), DemoEmail, DemoPassword));
    QVERIFY(rig.signIn(rig.serverA(), JackEmail, JackPassword));
    const QString jackId = rig.accountOn(rig.a, JackEmail)->id();
    rig.advance(closedFor);
    keychain.setHoldLoads(true);
    AccountManager &manager = rig.restart();
    QPointer<Account> jack = manager.account(jackId);
    QCOMPARE(toString(jack->session()->state()), toString(Session::State::Restoring));

    manager.remove(jack);
    QCOMPARE(manager.accounts().size(), 1);
    keychain.releaseLoads();
    QVERIFY(rig.waitSettled([&] { return jack.isNull() && rig.allActive(); }));
    QVERIFY(!keychain.contains(jackId));
    QVERIFY(keychain.contains(rig.accountOn(rig.a, DemoEmail)->id()));
    // Jack's session was ended on the server: only Dana's refresh token is live there.
    QCOMPARE(rig.a.server().accounts().liveRefreshTokens().size(), 1);
    QCOMPARE(rig.restart().accounts().size(), 1);
    QVERIFY(!keychain.contains(jackId));
}

// The item goes first: quitting while the server takes its time over the revoke leaves
// nothing of the removed account on this computer.
void AccountsTest::removedAccountLeavesNoItemWhileItsRevokeIsSlow()
{
    ScriptedStore keychain;
    Rig rig(&keychain);
    QVERIFY(rig.signInThree());
    Account *jack = rig.accountOn(rig.a, JackEmail);
    const QString jackId = jack->id();
    rig.a.server().addFault(
        faultOn(QStringLiteral("slow,delay=60000"), QStringLiteral("/oauth/revoke")));
    rig.manager->remove(jack);
    QTRY_VERIFY_WITH_TIMEOUT(rig.network.inFlight() > 0, 5000); // the revoke is on its way
    QTRY_VERIFY_WITH_TIMEOUT(!keychain.contains(jackId), 5000); // gone before the revoke answers
    QVERIFY(!rig.manager->isIdle()); // a quit now waits (at most its few seconds) for the revoke
    QCOMPARE(keychain.items().size(), 2);
}

// Removed and at once signed in again: the old account's last steps must not take away the
// new one's item.
void AccountsTest::removedAndAddedBackKeepsTheNewItem()
{
    ScriptedStore keychain;
    Rig rig(&keychain);
    QVERIFY(rig.signInThree());
    QPointer<Account> old = rig.accountOn(rig.a, JackEmail);
    const QString jackId = old->id();
    rig.a.server().addFault(
        faultOn(QStringLiteral("slow,delay=1500"), QStringLiteral("/oauth/revoke")));
    rig.manager->remove(old);
    Account *again = nullptr;
    QVERIFY(QTest::qWaitFor(
        [&] { return (again = rig.manager->signIn(rig.serverA(), JackEmail, JackPassword)); },
        5000));
    QVERIFY(again != old);
    QVERIFY(rig.waitSettled(
        [&] { return old.isNull() && again->session()->state() == Session::State::Active; }));
    QVERIFY(keychain.contains(jackId));
    QVERIFY(rig.a.server().accounts().liveRefreshTokens().contains(
        keychain.item(jackId).refreshToken)); // the new session's, and live
    AccountManager &restarted = rig.restart();
    QVERIFY(rig.waitSettled([&] { return rig.allActive(); }));
    QCOMPARE(restarted.accounts().size(), 3);
}

// The previous version remembered an account per server even after its sign-out: such a
// memory with nothing in the keychain does not become an account.
void AccountsTest::adoptedAccountWithNothingStoredIsDropped()
{
    Rig rig;
    QVERIFY(rig.signIn(rig.serverA(), DemoEmail, DemoPassword));
    rig.settings->clear();
    auto remember = [&](const EmulatorFixture &server, const QString &email) {
        rig.settings->setValue(QStringLiteral("lastAccount/")
                + QString::fromLatin1(QUrl::toPercentEncoding(serverOrigin(server.baseUrl()))),
            email);
    };
    remember(rig.a, DemoEmail);
    remember(rig.b, JackEmail); // signed out long ago: nothing stored
    AccountManager &manager = rig.restart();
    QCOMPARE(manager.accounts().size(), 2);
    QVERIFY(rig.waitSettled([&] { return manager.accounts().size() == 1 && rig.allActive(); }));
    QCOMPARE(manager.accounts().first()->who(), DemoEmail);
    QCOMPARE(rig.restart().accounts().size(), 1);
}

void AccountsTest::grantElsewhereEndsOnlyThatAccount()
{
    Rig rig;
    rig.a.server().accounts().setRefreshRotation(true);
    QVERIFY(rig.signInThree());
    Account *danaA = rig.accountOn(rig.a, DemoEmail);
    danaA->session()->refreshNow(); // a refresh worked this run: what ends it is a grant elsewhere
    QVERIFY(rig.waitSettled([&] { return Rig::refreshes(rig.a) == 1 && rig.allActive(); }));

    // Dana signs in to server A on another machine: her older refresh tokens there die.
    ApiClient elsewhere(&rig.network, &rig.clock);
    elsewhere.setServer(rig.a.baseUrl(), EmulatorFixture::caCertificates());
    std::unique_ptr<TokenReply> grant(elsewhere.grantPassword(DemoEmail, DemoPassword));
    QVERIFY(waitForReply(grant.get()));

    danaA->session()->refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(
        toString(danaA->session()->state()), toString(Session::State::Expired), 15000);
    QCOMPARE(toString(danaA->session()->reason()), toString(Session::Reason::SignedInElsewhere));
    QCOMPARE(rig.manager->accounts().size(), 3); // still listed: it can sign in again
    rig.advance(2 * Hour);
    QCOMPARE(toString(rig.accountOn(rig.a, JackEmail)->session()->state()),
        toString(Session::State::Active));
    QCOMPARE(toString(rig.accountOn(rig.b, DemoEmail)->session()->state()),
        toString(Session::State::Active));
    QCOMPARE(toString(danaA->session()->state()), toString(Session::State::Expired));
}

void AccountsTest::sameServerAndEmailRenewsInPlace()
{
    Rig rig;
    QVERIFY(rig.signInThree());
    Account *danaA = rig.accountOn(rig.a, DemoEmail);
    QSignalSpy added(rig.manager.get(), &AccountManager::accountAdded);
    // Typed differently, the same account: it renews in place.
    Account *again = rig.signIn(rig.serverA(), QStringLiteral(" Demo@Example.com "), DemoPassword);
    QCOMPARE(again, danaA);
    QCOMPARE(added.size(), 0);
    QCOMPARE(rig.manager->accounts().size(), 3);
    QCOMPARE(rig.a.server().accounts().liveRefreshTokens().size(), 2); // Dana's new one, Jack's
    QVERIFY(rig.allActive());
}

void AccountsTest::failedOrCancelledSignInAddsNothing()
{
    Rig rig;
    QVERIFY(rig.signIn(rig.serverA(), DemoEmail, DemoPassword));
    QSignalSpy added(rig.manager.get(), &AccountManager::accountAdded);

    Account *wrong = rig.manager->signIn(rig.serverB(), DemoEmail, QStringLiteral("nope"));
    QSignalSpy failed(wrong->session(), &Session::signInFailed);
    QVERIFY(failed.wait(15000));
    QCOMPARE(rig.manager->accounts().size(), 1);
    QCOMPARE(rig.manager->pendingAccount(), wrong);

    // Cancelled while on the wire: the grant that still comes is revoked, nothing is added.
    rig.b.server().addFault(
        faultOn(QStringLiteral("slow,delay=300"), QStringLiteral("/oauth/token")));
    QPointer<Account> cancelled = rig.manager->signIn(rig.serverB(), DemoEmail, DemoPassword);
    QTRY_VERIFY_WITH_TIMEOUT(rig.network.inFlight() > 0, 5000);
    rig.manager->cancelSignIn(cancelled);
    QVERIFY(rig.waitSettled([&] { return cancelled.isNull(); }));
    QCOMPARE(added.size(), 0);
    QCOMPARE(rig.manager->accounts().size(), 1);
    QVERIFY(!rig.manager->pendingAccount());
    QCOMPARE(rig.b.server().accounts().liveRefreshTokens().size(), 0);
    QCOMPARE(rig.restart().accounts().size(), 1);
}

void AccountsTest::defaultAndOrderSurviveARestart()
{
    Rig rig;
    QVERIFY(rig.signInThree());
    QCOMPARE(rig.manager->defaultAccount(), rig.manager->accounts().first()); // the first added
    Account *danaB = rig.accountOn(rig.b, DemoEmail);
    const QString danaBId = danaB->id();
    rig.manager->setDefault(danaB);
    rig.manager->move(danaB, 0);
    AccountManager &again = rig.restart();
    QCOMPARE(again.defaultAccount()->id(), danaBId);
    QCOMPARE(again.accounts().first()->id(), danaBId);
    QVERIFY(rig.waitSettled([&] { return rig.allActive(); }));

    // Removing the default makes the first one left the default.
    QPointer<Account> gone = again.defaultAccount();
    again.remove(gone);
    QVERIFY(rig.waitSettled([&] { return gone.isNull(); }));
    QCOMPARE(again.defaultAccount(), again.accounts().first());
    QCOMPARE(rig.restart().defaultAccount()->id(), rig.manager->accounts().first()->id());
    // Nothing secret in the settings file.
    QFile file(rig.dir.filePath(QStringLiteral("settings.ini")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(!text.contains(DemoPassword.toUtf8()));
    for (Account *account : rig.manager->accounts())
        QVERIFY(text.contains(account->who().toUtf8()));
    for (EmulatorFixture *e : {&rig.a, &rig.b})
        for (const QString &token : e->server().accounts().liveRefreshTokens())
            QVERIFY(!text.contains(token.toUtf8()));
}

void AccountsTest::accountsAreFoundByName()
{
    Rig rig;
    QVERIFY(rig.signInThree());
    AccountManager &manager = *rig.manager;
    const QUrl b = rig.b.baseUrl();
    const QString hostPort = b.host() + QLatin1Char(':') + QString::number(b.port());
    QCOMPARE(manager.find(JackEmail), rig.accountOn(rig.a, JackEmail));
    QCOMPARE(manager.find(QStringLiteral("Jack Truong")), rig.accountOn(rig.a, JackEmail));
    QVERIFY(!manager.find(DemoEmail)); // on two servers: ambiguous
    QCOMPARE(
        manager.find(DemoEmail + QLatin1Char('@') + hostPort), rig.accountOn(rig.b, DemoEmail));
    QCOMPARE(manager.find(DemoEmail + QLatin1Char('@') + serverOrigin(b)),
        rig.accountOn(rig.b, DemoEmail));
    QVERIFY(!manager.find(QStringLiteral("nobody@example.com")));
}

// The single account of the previous version (remembered per server, its item in the
// keychain) becomes the first account: no new sign-in, no refresh for a valid token.
void AccountsTest::previousVersionsAccountIsAdopted()
{
    Rig rig;
    ApiClient api(&rig.network, &rig.clock);
    api.setServer(rig.a.baseUrl(), EmulatorFixture::caCertificates());
    {
        Session previous(&api, rig.store, &rig.clock);
        previous.signIn(DemoEmail, DemoPassword);
        QTRY_VERIFY_WITH_TIMEOUT(previous.state() == Session::State::Active && previous.isIdle()
                && rig.network.inFlight() == 0,
            15000);
    }
    rig.settings->clear();
    rig.settings->setValue(QStringLiteral("lastAccount/")
            + QString::fromLatin1(QUrl::toPercentEncoding(serverOrigin(rig.a.baseUrl()))),
        DemoEmail);
    rig.a.server().clearRequests();

    AccountManager &manager = rig.restart();
    QCOMPARE(manager.accounts().size(), 1);
    QVERIFY(rig.waitSettled([&] { return rig.allActive(); }));
    QCOMPARE(manager.defaultAccount()->who(), DemoEmail);
    QCOMPARE(countRequests(rig.a.server(), QStringLiteral("/oauth/token")), 0);
    // Adopted once: the list is the record from now on.
    QVERIFY(rig.settings->contains(QStringLiteral("accounts/size")));
    QCOMPARE(rig.restart().accounts().size(), 1);
}

void AccountsTest::listAdoptionFromSettings_data()
{
    QTest::addColumn<QStringList>("keys"); // key=value pairs written by an older version
    QTest::addColumn<QStringList>("ids"); // the accounts adopted, in order
    const QString prod = QStringLiteral("https://api.smtpd.dev");
    const QString stagingKey = QStringLiteral("lastAccount/")
        + QString::fromLatin1(
            QUrl::toPercentEncoding(QStringLiteral("https://staging.example:8443")));
    QTest::newRow("nothing") << QStringList() << QStringList();
    QTest::newRow("version 1: production only")
        << QStringList {QStringLiteral("account/last=Dana@Example.com")}
        << QStringList {prod + QStringLiteral("/dana@example.com")};
    QTest::newRow("version 2: two servers, the launch server first")
        << QStringList {stagingKey + QStringLiteral("=jack@example.com"),
               QStringLiteral("account/last=dana@example.com")}
        << QStringList {QStringLiteral("https://staging.example:8443/jack@example.com"),
               prod + QStringLiteral("/dana@example.com")};
    QTest::newRow("plain http is never adopted")
        << QStringList {QStringLiteral("lastAccount/http%3A%2F%2Fx.example=a@b.c")}
        << QStringList();
}

void AccountsTest::listAdoptionFromSettings()
{
    QFETCH(QStringList, keys);
    QFETCH(QStringList, ids);
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    for (const QString &pair : keys) {
        const int eq = int(pair.indexOf(QLatin1Char('=')));
        settings.setValue(pair.left(eq), pair.mid(eq + 1));
    }
    const AccountList list = AccountList::load(settings,
        QUrl(QStringLiteral("https://staging.example:8443/")), QStringLiteral("/tmp/ca.pem"));
    QStringList got;
    for (const AccountRecord &record : list.records)
        got.append(record.id());
    QCOMPARE(got, ids);
    QCOMPARE(list.defaultId, ids.value(0));
    if (!ids.isEmpty() && ids.first().startsWith(QLatin1String("https://staging")))
        QCOMPARE(list.records.first().caFile, QStringLiteral("/tmp/ca.pem"));
    QCOMPARE(AccountList::load(settings, {}, {}).records.size(), ids.size()); // now the list
}

QTEST_GUILESS_MAIN(AccountsTest)
#include "tst_accounts.moc"
