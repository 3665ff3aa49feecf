// AccountConsole against the emulator over TLS, through the real Session (and, once, the
// real Account): API keys (list, create, revoke, sessions) and billing (plan, usage, the
// catalogue); a new key's secret once, signing in with it, and what its revocation does to
// that sign-in and to the key's session; the 401 retry; the Forbidden kind for a role that
// may not.
#include "SessionRig.h"
#include "TestUnits.h"
#include "accounts/Account.h"
#include "accounts/AccountConsole.h"
#include "auth/StoredSession.h"

#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTest>

using namespace Smtpd;
using namespace SmtpdEmulator;
using namespace TestSupport;

namespace {

template<typename T> struct Outcome
{
    bool done = false;
    int calls = 0;
    T value {};
    ApiError error;

    AccountConsole::Handler<T> handler()
    {
        return [this](const T &v, const ApiError &e) {
            value = v;
            error = e;
            done = true;
            ++calls;
        };
    }
    bool wait()
    {
        return QTest::qWaitFor([this] { return done; }, 15000);
    }
};

// Every message logged while it lives, with every smtpd category on.
struct LogCapture
{
    static inline QStringList *lines = nullptr;
    QStringList captured;
    QtMessageHandler previous;

    LogCapture()
    {
        lines = &captured;
        QLoggingCategory::setFilterRules(QStringLiteral("smtpd.*=true"));
        previous = qInstallMessageHandler(
            [](QtMsgType, const QMessageLogContext &, const QString &message) {
                if (lines)
                    lines->append(message);
            });
    }
    ~LogCapture()
    {
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
        lines = nullptr;
    }
};

int requestsWithQuery(EmulatorServer &server, const QString &query, int status)
{
    int n = 0;
    for (const RecordedRequest &r : server.requests())
        n += r.query == query && r.status == status;
    return n;
}

} // namespace

class TestConsole : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void listsTheAccountsKeys();
    void createShowsSecretOnceAndRevokeEndsItsUse();
    void keySessionsShowSignIns();
    void planAndUsage();
    void planCatalogue();
    void unauthorisedCallRefreshesOnceAndRetriesOnce();
    void unauthorisedTwiceIsNotRetriedAgain();
    void readOnlyPrincipalIsForbidden();
    void sendOnlyPrincipalMayNotReadBilling();
    void badRequestCarriesServerMessage();
    void unknownKeyIsNotFound();
    void keyRoleCheckedBeforeSending();
    void signedOutSessionSendsNothing();
    void destroyedContextGetsNoAnswer();
    void accountHasItsConsole();

private:
    // Signs a new session in with `key`:`secret`; null when it did not become Active.
    Session *signInWithKey(const QString &key, const QString &secret);
    // Creates a key through Dana's console.
    NewApiKey createKey(const QString &name, ApiRole role);

    std::unique_ptr<SessionRig> m_rig;
    std::unique_ptr<AccountConsole> m_console;
    QList<std::shared_ptr<MemoryTokenStore>> m_stores;
    QList<std::shared_ptr<Session>> m_sessions;
};

void TestConsole::init()
{
    m_rig = std::make_unique<SessionRig>();
    QVERIFY(m_rig->isReady());
    QVERIFY(m_rig->signIn());
    m_console = std::make_unique<AccountConsole>(&m_rig->session(), &m_rig->api());
    m_rig->server().clearRequests();
}

void TestConsole::cleanup()
{
    m_sessions.clear();
    m_stores.clear();
    m_console.reset();
    m_rig.reset();
}

Session *TestConsole::signInWithKey(const QString &key, const QString &secret)
{
    auto store = std::make_shared<MemoryTokenStore>();
    auto session = std::make_shared<Session>(&m_rig->api(), store.get(), &m_rig->clock());
    m_stores.append(store);
    m_sessions.append(session);
    session->signIn(key, secret);
    const bool active = QTest::qWaitFor(
        [&] {
            return session->state() == Session::State::Active && session->profile().isValid()
                && m_rig->network().inFlight() == 0;
        },
        15000);
    return active ? session.get() : nullptr;
}

NewApiKey TestConsole::createKey(const QString &name, ApiRole role)
{
    NewApiKey created;
    ApiError error;
    bool done = false;
    m_console->createKey(this, name, role, [&](NewApiKey key, const ApiError &e) {
        created = std::move(key);
        error = e;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 15000))
        qWarning("createKey did not answer");
    if (error)
        qWarning("createKey failed: %s", qPrintable(error.userMessage()));
    return created;
}

void TestConsole::listsTheAccountsKeys()
{
    Outcome<QList<ApiKey>> keys;
    m_console->listKeys(this, keys.handler());
    QVERIFY(keys.wait());
    QVERIFY2(!keys.error, qPrintable(keys.error.userMessage()));
    QCOMPARE(keys.value.size(), 1); // the demo key from DemoUsers
    const ApiKey &demo = keys.value.first();
    QCOMPARE(demo.name, QStringLiteral("Demo key"));
    QCOMPARE(demo.key, DemoApiKey);
    QCOMPARE(demo.accountId, m_rig->session().profile().accountId);
    QCOMPARE(demo.role, QStringLiteral("standard"));
    QVERIFY(demo.isActive);
    QVERIFY(!demo.lastAccessedAt.isValid()); // never used
    QVERIFY(qAbs(demo.createdAt.secsTo(m_rig->clock().trueNow())) < 60);

    Outcome<ApiKey> one;
    m_console->key(this, demo.id, one.handler());
    QVERIFY(one.wait());
    QVERIFY(!one.error);
    QVERIFY(one.value == demo);
    QCOMPARE(countRequests(m_rig->server(), QStringLiteral("/api/v1/account/api_key"), 200), 1);
}

void TestConsole::createShowsSecretOnceAndRevokeEndsItsUse()
{
    QSignalSpy keysChanged(m_console.get(), &AccountConsole::keysChanged);
    NewApiKey created;
    {
        LogCapture log;
        created = createKey(QStringLiteral("CI deploy"), ApiRole::Standard);
        QVERIFY(created.isValid());
        QCOMPARE(created.name, QStringLiteral("CI deploy"));
        QVERIFY(created.secret.size() >= 32);
        for (const QString &line : std::as_const(log.captured))
            QVERIFY2(!line.contains(created.secret), qPrintable(line));
        QVERIFY(!log.captured.isEmpty()); // the categories were on: something was logged
    }
    QCOMPARE(keysChanged.count(), 1);
    QCOMPARE(countRequests(m_rig->server(), QStringLiteral("/api/v1/account/api_key"), 201), 1);

    // The list shows the key, never its secret.
    Outcome<QList<ApiKey>> keys;
    m_console->listKeys(this, keys.handler());
    QVERIFY(keys.wait());
    QCOMPARE(keys.value.size(), 2);
    const ApiKey listed = keys.value.last();
    QCOMPARE(listed.id, created.id);
    QCOMPARE(listed.key, created.key);
    QCOMPARE(listed.role, QStringLiteral("standard"));
    QVERIFY(listed.isActive);
    for (const QString &field : {listed.id, listed.accountId, listed.name, listed.key, listed.role})
        QVERIFY(!field.contains(created.secret));

    // key:secret signs in.
    Session *keySession = signInWithKey(created.key, created.secret);
    QVERIFY(keySession);
    QCOMPARE(keySession->profile().email, DemoEmail); // the key's owner
    // Dana's own session is not ended by the key's sign-in.
    m_rig->session().refreshNow();
    QVERIFY(m_rig->network().waitQuiet());
    QTRY_COMPARE_WITH_TIMEOUT(
        toString(m_rig->session().state()), toString(Session::State::Active), 5000);

    // Revoked...
    Outcome<bool> revoked;
    m_console->revokeKey(this, created.id, [&](const ApiError &error) {
        revoked.error = error;
        revoked.done = true;
    });
    QVERIFY(revoked.wait());
    QVERIFY2(!revoked.error, qPrintable(revoked.error.userMessage()));
    QCOMPARE(keysChanged.count(), 2);
    Outcome<ApiKey> after;
    m_console->key(this, created.id, after.handler());
    QVERIFY(after.wait());
    QVERIFY(!after.value.isActive);

    // ...it signs in no more: the server's own message, 403 40102.
    auto store = std::make_shared<MemoryTokenStore>();
    m_stores.append(store);
    Session again(&m_rig->api(), store.get(), &m_rig->clock());
    QSignalSpy failed(&again, &Session::signInFailed);
    again.signIn(created.key, created.secret);
    QVERIFY(failed.wait(15000));
    const ApiError signInError = failed.first().first().value<ApiError>();
    QCOMPARE(signInError.httpStatus(), 403);
    QCOMPARE(signInError.serverCode(), ApiError::CodeBadCredentials);
    QCOMPARE(signInError.serverMessage(), QStringLiteral("Username and password are incorrect"));
    QCOMPARE(toString(again.state()), toString(Session::State::SignedOut));

    // ...and the session it had started ends at its next refresh (403 40106).
    m_rig->server().clearRequests();
    keySession->refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(
        toString(keySession->state()), toString(Session::State::Expired), 10000);
    QCOMPARE(
        requestsWithQuery(m_rig->server(), QStringLiteral("grant_type=refresh_token"), 403), 1);
    QVERIFY(!keySession->hasTokens());
    // Dana's session is untouched.
    QCOMPARE(toString(m_rig->session().state()), toString(Session::State::Active));
}

void TestConsole::keySessionsShowSignIns()
{
    const NewApiKey created = createKey(QStringLiteral("build agent"), ApiRole::SendOnly);
    QVERIFY(created.isValid());
    Outcome<QList<ApiKeySession>> none;
    m_console->keySessions(this, created.id, none.handler());
    QVERIFY(none.wait());
    QVERIFY(!none.error);
    QVERIFY(none.value.isEmpty());

    const QDateTime signedInAt = m_rig->clock().trueNow();
    QVERIFY(signInWithKey(created.key, created.secret));
    m_rig->clock().advance(10 * Minute);
    Session *second = signInWithKey(created.key, created.secret); // ends the first
    QVERIFY(second);

    Outcome<QList<ApiKeySession>> sessions;
    m_console->keySessions(this, created.id, sessions.handler());
    QVERIFY(sessions.wait());
    QVERIFY2(!sessions.error, qPrintable(sessions.error.userMessage()));
    QCOMPARE(sessions.value.size(), 2);
    const ApiKeySession &first = sessions.value.at(0);
    const ApiKeySession &latest = sessions.value.at(1);
    QVERIFY(!first.id.isEmpty() && first.id != latest.id);
    QVERIFY(qAbs(first.createdAt.secsTo(signedInAt)) <= 1);
    QCOMPARE(first.expiresAt, first.createdAt.addDays(30));
    QVERIFY(first.lastUsedAt.isValid());
    QVERIFY2(
        first.userAgent.startsWith(QStringLiteral("SMTPD-Accounts/")), qPrintable(first.userAgent));
    QCOMPARE(first.ipAddress, QStringLiteral("127.0.0.1"));
    QVERIFY(first.isActive.has_value() && !*first.isActive); // the second sign-in ended it
    QVERIFY(latest.isActive.has_value() && *latest.isActive);
    QVERIFY(latest.createdAt > first.createdAt);
    QVERIFY(latest.lastUsedAt >= latest.createdAt);

    // Dana's own (password) sessions are not the key's.
    Outcome<QList<ApiKeySession>> demo;
    Outcome<QList<ApiKey>> keys;
    m_console->listKeys(this, keys.handler());
    QVERIFY(keys.wait());
    m_console->keySessions(this, keys.value.first().id, demo.handler());
    QVERIFY(demo.wait());
    QVERIFY(demo.value.isEmpty());
}

void TestConsole::planAndUsage()
{
    Outcome<Plan> plan;
    Outcome<Usage> usage;
    m_console->plan(this, plan.handler());
    m_console->usage(this, usage.handler());
    QVERIFY(plan.wait());
    QVERIFY(usage.wait());
    QVERIFY2(!plan.error, qPrintable(plan.error.userMessage()));
    QVERIFY2(!usage.error, qPrintable(usage.error.userMessage()));
    QCOMPARE(plan.value.id, QStringLiteral("starter"));
    QCOMPARE(plan.value.name, QStringLiteral("Starter"));
    QCOMPARE(plan.value.pricePerMonth.decimal, QStringLiteral("15.00"));
    QCOMPARE(plan.value.pricePerMonth.value, 15.0);
    QCOMPARE(plan.value.maxEmailsPerMonth, 5000);
    QVERIFY(plan.value.enforcePlanLimit);
    // Dana is near her limit, as the demo wants: the docs' usage, 4,087 of 5,000.
    QCOMPARE(usage.value.total, 4087);
    QCOMPARE(usage.value.delivered, 4003);
    QCOMPARE(usage.value.proccessed, 0);
    QCOMPARE(usage.value.rejected, 35);
    QVERIFY(usage.value.shareOf(plan.value) > 0.8 && usage.value.shareOf(plan.value) < 0.9);
    QCOMPARE(plan.calls, 1);
    QCOMPARE(usage.calls, 1);
}

void TestConsole::planCatalogue()
{
    Outcome<QList<Plan>> plans;
    m_console->plans(this, plans.handler());
    QVERIFY(plans.wait());
    QVERIFY(!plans.error);
    QStringList ids;
    for (const Plan &p : std::as_const(plans.value))
        ids << p.id;
    QCOMPARE(ids, (QStringList {"free", "starter", "growth", "scale"}));
    QCOMPARE(plans.value.first().pricePerMonth.decimal, QStringLiteral("0.00"));

    Outcome<Plan> current;
    Outcome<Plan> starter;
    m_console->plan(this, current.handler());
    m_console->catalogPlan(this, QStringLiteral("starter"), starter.handler());
    QVERIFY(current.wait());
    QVERIFY(starter.wait());
    QVERIFY(starter.value == current.value);

    Outcome<Plan> missing;
    m_console->catalogPlan(this, QStringLiteral("platinum"), missing.handler());
    QVERIFY(missing.wait());
    QCOMPARE(missing.error.kind(), ApiError::Kind::Http);
    QCOMPARE(missing.error.httpStatus(), 404);
    QCOMPARE(missing.error.serverMessage(), QStringLiteral("Plan not found"));
}

void TestConsole::unauthorisedCallRefreshesOnceAndRetriesOnce()
{
    // The server's clock runs two hours ahead: it rejects a token the session thinks fine.
    m_rig->setServerOffsetMs(2 * Hour);
    Outcome<QList<ApiKey>> keys;
    m_console->listKeys(this, keys.handler());
    QVERIFY(keys.wait());
    QVERIFY2(!keys.error, qPrintable(keys.error.userMessage()));
    QCOMPARE(keys.value.size(), 1);
    QCOMPARE(keys.calls, 1);
    const auto &log = m_rig->server().requests();
    QCOMPARE(log.size(), 3);
    QCOMPARE(log[0].path, QStringLiteral("/api/v1/account/api_key"));
    QCOMPARE(log[0].status, 401);
    QCOMPARE(log[1].query, QStringLiteral("grant_type=refresh_token"));
    QCOMPARE(log[1].status, 200);
    QCOMPARE(log[2].path, QStringLiteral("/api/v1/account/api_key"));
    QCOMPARE(log[2].status, 200);
}

void TestConsole::unauthorisedTwiceIsNotRetriedAgain()
{
    m_rig->server().addFault(faultOn(QStringLiteral("status=401"), QStringLiteral("/api/v1/")));
    Outcome<Usage> usage;
    m_console->usage(this, usage.handler());
    QVERIFY(usage.wait());
    QCOMPARE(usage.error.kind(), ApiError::Kind::Http);
    QCOMPARE(usage.error.httpStatus(), 401);
    QTest::qWait(100); // a (wrong) third attempt would show up now
    QCOMPARE(countRequests(m_rig->server(), QStringLiteral("/api/v1/account/billing/usage")), 2);
    QCOMPARE(m_rig->refreshCount(), 1);
    QCOMPARE(usage.calls, 1);
}

void TestConsole::readOnlyPrincipalIsForbidden()
{
    const NewApiKey created = createKey(QStringLiteral("auditor"), ApiRole::ReadOnly);
    QVERIFY(created.isValid());
    Session *reader = signInWithKey(created.key, created.secret);
    QVERIFY(reader);
    AccountConsole readerConsole(reader, &m_rig->api());
    m_rig->server().clearRequests();

    Outcome<QList<ApiKey>> keys;
    readerConsole.listKeys(this, keys.handler());
    QVERIFY(keys.wait());
    QCOMPARE(ApiError::kindName(keys.error.kind()), ApiError::kindName(ApiError::Kind::Forbidden));
    QVERIFY(keys.error.isForbidden());
    QVERIFY(!keys.error.isAccessTokenRejected());
    QCOMPARE(keys.error.httpStatus(), 403);
    QCOMPARE(keys.error.serverCode(), 40300);
    QCOMPARE(keys.error.serverMessage(),
        QStringLiteral("The role read_only may not see the account's API keys"));
    QCOMPARE(keys.error.userMessage(), keys.error.serverMessage() + QLatin1Char('.'));
    QVERIFY(keys.value.isEmpty());
    // A 403 is an answer, not a rejected token: no refresh, no retry.
    QCOMPARE(m_rig->server().requests().size(), 1);

    QSignalSpy keysChanged(&readerConsole, &AccountConsole::keysChanged);
    NewApiKey none;
    ApiError createError;
    bool done = false;
    readerConsole.createKey(
        this, QStringLiteral("escalate"), ApiRole::Iac, [&](NewApiKey key, const ApiError &error) {
            none = std::move(key);
            createError = error;
            done = true;
        });
    QTRY_VERIFY_WITH_TIMEOUT(done, 15000);
    QVERIFY(createError.isForbidden());
    QVERIFY(!none.isValid());
    QCOMPARE(keysChanged.count(), 0);

    // Reading the account's billing is within a read-only role.
    Outcome<Plan> plan;
    readerConsole.plan(this, plan.handler());
    QVERIFY(plan.wait());
    QVERIFY2(!plan.error, qPrintable(plan.error.userMessage()));
    QCOMPARE(plan.value.id, QStringLiteral("starter"));
}

void TestConsole::sendOnlyPrincipalMayNotReadBilling()
{
    const NewApiKey created = createKey(QStringLiteral("mailer"), ApiRole::SendOnly);
    Session *sender = signInWithKey(created.key, created.secret);
    QVERIFY(sender);
    AccountConsole senderConsole(sender, &m_rig->api());
    Outcome<Usage> usage;
    senderConsole.usage(this, usage.handler());
    QVERIFY(usage.wait());
    QVERIFY(usage.error.isForbidden());
    QCOMPARE(usage.error.serverMessage(),
        QStringLiteral("The role send_only may not read the account's billing"));
    // The catalogue is for everyone signed in.
    Outcome<QList<Plan>> plans;
    senderConsole.plans(this, plans.handler());
    QVERIFY(plans.wait());
    QVERIFY(!plans.error);
    QCOMPARE(plans.value.size(), 4);
}

void TestConsole::badRequestCarriesServerMessage()
{
    QSignalSpy keysChanged(m_console.get(), &AccountConsole::keysChanged);
    NewApiKey created;
    ApiError error;
    bool done = false;
    m_console->createKey(
        this, QStringLiteral("   "), ApiRole::Standard, [&](NewApiKey key, const ApiError &e) {
            created = std::move(key);
            error = e;
            done = true;
        });
    QTRY_VERIFY_WITH_TIMEOUT(done, 15000);
    QCOMPARE(error.kind(), ApiError::Kind::Http);
    QCOMPARE(error.httpStatus(), 400);
    QCOMPARE(error.serverCode(), 40000);
    QCOMPARE(error.serverMessage(), QStringLiteral("name must not be empty"));
    QCOMPARE(error.userMessage(), QStringLiteral("name must not be empty."));
    QVERIFY(!created.isValid());
    QCOMPARE(keysChanged.count(), 0);
}

void TestConsole::unknownKeyIsNotFound()
{
    Outcome<QList<ApiKeySession>> sessions;
    m_console->keySessions(
        this, QStringLiteral("0b1c6f0e-0000-0000-0000-000000000000"), sessions.handler());
    QVERIFY(sessions.wait());
    QCOMPARE(sessions.error.kind(), ApiError::Kind::Http);
    QCOMPARE(sessions.error.httpStatus(), 404);
    QCOMPARE(sessions.error.serverMessage(), QStringLiteral("API key not found"));

    // An id that is not a plain identifier is never put into a path.
    Outcome<ApiKey> odd;
    m_console->key(this, QStringLiteral("../me"), odd.handler());
    QVERIFY(odd.wait());
    QCOMPARE(odd.error.kind(), ApiError::Kind::Configuration);
    QCOMPARE(countRequests(m_rig->server(), QStringLiteral("/oauth/me")), 0);
    QCOMPARE(m_rig->server().requests().size(), 1);
}

void TestConsole::keyRoleCheckedBeforeSending()
{
    ApiError error;
    bool done = false;
    m_console->createKey(
        this, QStringLiteral("too strong"), ApiRole::Admin, [&](NewApiKey, const ApiError &e) {
            error = e;
            done = true;
        });
    QTRY_VERIFY_WITH_TIMEOUT(done, 15000);
    QCOMPARE(error.kind(), ApiError::Kind::Configuration);
    QVERIFY(error.userMessage().contains(QStringLiteral("admin")));
    QCOMPARE(m_rig->server().requests().size(), 0);
}

void TestConsole::signedOutSessionSendsNothing()
{
    MemoryTokenStore store;
    Session signedOut(&m_rig->api(), &store, &m_rig->clock());
    AccountConsole console(&signedOut, &m_rig->api());
    Outcome<Plan> plan;
    console.plan(this, plan.handler());
    QVERIFY(!plan.done); // never answered from inside the call
    QVERIFY(plan.wait());
    QCOMPARE(plan.error.kind(), ApiError::Kind::Configuration);
    QVERIFY(!plan.value.isValid());
    QCOMPARE(m_rig->server().requests().size(), 0);
}

void TestConsole::destroyedContextGetsNoAnswer()
{
    auto context = std::make_unique<QObject>();
    Outcome<QList<ApiKey>> keys;
    m_console->listKeys(context.get(), keys.handler());
    context.reset();
    Outcome<Plan> plan; // a later call on the same console still works
    m_console->plan(this, plan.handler());
    QVERIFY(plan.wait());
    QVERIFY(m_rig->network().waitQuiet());
    QTest::qWait(50);
    QVERIFY(!keys.done);
}

void TestConsole::accountHasItsConsole()
{
    MemoryTokenStore store;
    AccountRecord record;
    record.server = m_rig->server().baseUrl();
    record.principal = principalFor(DemoEmail);
    Account account(
        record, EmulatorFixture::caCertificates(), &m_rig->network(), &m_rig->clock(), &store);
    QVERIFY(account.console());
    account.session()->signIn(DemoEmail, DemoPassword);
    QTRY_COMPARE_WITH_TIMEOUT(
        toString(account.session()->state()), toString(Session::State::Active), 15000);
    Outcome<Usage> usage;
    account.console()->usage(this, usage.handler());
    QVERIFY(usage.wait());
    QVERIFY2(!usage.error, qPrintable(usage.error.userMessage()));
    QCOMPARE(usage.value.total, 4087);
    QVERIFY(m_rig->network().waitQuiet());
}

QTEST_MAIN(TestConsole)
#include "tst_console.moc"
