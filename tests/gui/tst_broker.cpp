// The running app as the command line's token broker: the whole app in process (AppRig, real
// keychain, emulator over TLS) listening on its single-instance socket, and raw QLocalSocket
// clients speaking the protocol (BrokerProtocol.h) as the command line does.
#include "AppRig.h"
#include "SingleInstance.h"
#include "TestUnits.h"
#include "WaitUntil.h"
#include "accounts/AccountManager.h"
#include "auth/Session.h"
#include "broker/BrokerProtocol.h"
#include "broker/BrokerServer.h"
#include "broker/PeerCredentials.h"

#include <QDateTime>
#include <QLocalSocket>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <sys/socket.h>
#include <unistd.h>

using namespace Smtpd;
using namespace Smtpd::Broker;
using namespace TestSupport;

namespace {
const QString JackEmail = QStringLiteral("jack.truong@jameshardie.com");
const QString JackPassword = QStringLiteral("jack-password");
const QString CaFile = QStringLiteral(SMTPD_TEST_CERT_DIR "/ca.pem");

// One connection to the app, as the command line makes it.
class Client
{
public:
    explicit Client(const QString &path) { m_socket.connectToServer(path); }

    void send(const QByteArray &bytes) { m_socket.write(bytes); }
    void send(const Request &request) { send(request.toLine()); }
    // The next answer line, or nothing when none came (the app closed, or the time ran out).
    std::optional<Answer> answer(int timeoutMs = 15000)
    {
        waitUntil(
            [this] {
                return m_socket.canReadLine() || m_socket.state() == QLocalSocket::UnconnectedState;
            },
            timeoutMs);
        if (!m_socket.canReadLine())
            return std::nullopt;
        m_lastLine = m_socket.readLine();
        return Answer::fromLine(m_lastLine);
    }
    bool hasAnswer() { return m_socket.canReadLine(); }
    bool closedByApp(int timeoutMs = 5000)
    {
        return waitUntil(
            [this] { return m_socket.state() == QLocalSocket::UnconnectedState; }, timeoutMs);
    }
    QByteArray lastLine() const { return m_lastLine; }
    QLocalSocket &socket() { return m_socket; }

private:
    QLocalSocket m_socket;
    QByteArray m_lastLine;
};

Request request(Op op, const QString &account = {})
{
    Request r;
    r.op = op;
    r.account = account;
    return r;
}

Request tokenRequest(int minValidSeconds, const QString &account = {})
{
    Request r = request(Op::Token, account);
    r.minValidSeconds = minValidSeconds;
    return r;
}

// Signs in with half-hour tokens, after which the server hands out 1-hour ones: a token
// request for NeedsRefresh seconds (far beyond the 5-minute refresh margin) is not covered by
// the held token, and is by a fresh one.
constexpr int NeedsRefresh = 1800;
bool signInWithShortTokens(AppRig &rig)
{
    rig.emulator().server().accounts().setAccessTokenLifetimeSeconds(NeedsRefresh);
    const bool signedIn = rig.signInThroughWindow(DemoEmail, DemoPassword);
    rig.emulator().server().accounts().setAccessTokenLifetimeSeconds(3600);
    return signedIn;
}

Request loginRequest(const QUrl &server, const QString &username, const QString &secret)
{
    Request r = request(Op::Login);
    r.server = server.toString();
    r.caFile = CaFile;
    r.username = username;
    r.secret = secret;
    return r;
}
} // namespace

class TestBroker : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void tokenStatusAndAccounts();
    void noMatchingAccountIsExit3();
    void unreachableServerIsExit5();
    void parallelRequestsShareOneRefresh();
    void tokenLongerThanTheServerGivesIsRefused();
    void slowRefreshBlocksNoOtherRequest();
    void badRequestsAreRefusedAlone();
    void peerThatLeavesEarlyIsFine();
    void logoutRevokesAndForgets();
    void loginSignsInRenewsAndRefuses();
    void raiseWithAnAccountSelectsIt();
    void peerOfAnotherUserIsRefused();
    void peerUidCheck();

private:
    // The app of `rig` answering on this test's socket.
    void serve(AppRig &rig) { rig.app().answerRequestsFrom(*m_instance); }
    std::optional<Answer> ask(const Request &r, int timeoutMs = 15000)
    {
        Client client(m_path);
        client.send(r);
        return client.answer(timeoutMs);
    }

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<SingleInstance> m_instance;
};

void TestBroker::initTestCase()
{
    QVERIFY2(QGuiApplication::platformName() == QLatin1String("xcb"), "run under Xvfb");
    QVERIFY(m_dir.isValid());
    m_path = m_dir.path() + QStringLiteral("/smtpd-accounts.socket");
}

void TestBroker::init()
{
    m_instance = std::make_unique<SingleInstance>(m_path);
    QVERIFY(!m_instance->askRunningInstanceToRaise()); // nobody there yet
    QCOMPARE(m_instance->listen(), QString());
}

void TestBroker::cleanup()
{
    m_instance.reset();
}

void TestBroker::tokenStatusAndAccounts()
{
    AppRig rig;
    serve(rig);
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    const QString expected = rig.currentToken();

    std::optional<Answer> answer = ask(tokenRequest(60));
    QVERIFY(answer && answer->ok);
    QCOMPARE(answer->token, expected);
    const QString hostPort
        = QStringLiteral("%1@127.0.0.1:%2").arg(DemoEmail).arg(rig.emulator().baseUrl().port());
    for (const QString &name : {DemoEmail, QStringLiteral("Dana Demo"), hostPort}) {
        answer = ask(tokenRequest(60, name));
        QVERIFY2(answer && answer->ok, qPrintable(name));
        QCOMPARE(answer->token, expected);
    }

    Client status(m_path);
    status.send(request(Op::Status));
    answer = status.answer();
    QVERIFY(answer && answer->ok);
    QCOMPARE(answer->accounts.size(), 1);
    const QJsonObject entry = answer->accounts.at(0).toObject();
    QCOMPARE(entry.value(QLatin1String("account")).toString(), DemoEmail);
    QCOMPARE(entry.value(QLatin1String("name")).toString(), QStringLiteral("Dana Demo"));
    QCOMPARE(entry.value(QLatin1String("server")).toString(), rig.emulator().baseUrl().toString());
    QCOMPARE(entry.value(QLatin1String("default")).toBool(), true);
    QCOMPARE(entry.value(QLatin1String("state")).toString(), QStringLiteral("active"));
    const int valid = entry.value(QLatin1String("accessTokenValidSeconds")).toInt();
    QVERIFY2(valid > 3500 && valid <= 3600, qPrintable(QString::number(valid)));
    const QDateTime end = QDateTime::fromString(
        entry.value(QLatin1String("sessionEndsAt")).toString(), Qt::ISODate);
    QVERIFY(end.isValid());
    QVERIFY(qAbs(end.secsTo(rig.session().sessionEnd())) <= 1);
    QVERIFY(entry.value(QLatin1String("sessionValidSeconds")).toInt() > 29 * 86400);
    QCOMPARE(entry.value(QLatin1String("storage")).toString(), rig.session().storageDescription());
    // No secret but a "token" answer's.
    QVERIFY(!status.lastLine().contains(expected.toUtf8()));
    QVERIFY(!status.lastLine().contains(DemoPassword.toUtf8()));

    Client list(m_path);
    list.send(request(Op::Accounts));
    answer = list.answer();
    QVERIFY(answer && answer->ok);
    QCOMPARE(answer->accounts.size(), 1);
    const QJsonObject listed = answer->accounts.at(0).toObject();
    QCOMPARE(listed.keys(),
        QStringList({QStringLiteral("account"), QStringLiteral("default"), QStringLiteral("name"),
            QStringLiteral("server")}));
    QVERIFY(!list.lastLine().contains(expected.toUtf8()));
}

void TestBroker::noMatchingAccountIsExit3()
{
    AppRig rig;
    serve(rig);
    std::optional<Answer> answer = ask(tokenRequest(60)); // no account at all
    QVERIFY(answer && !answer->ok);
    QCOMPARE(answer->exit, ExitCode::NotSignedIn);
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    for (const Op op : {Op::Token, Op::Status, Op::Logout}) {
        answer = ask(request(op, QStringLiteral("nobody@example.com")));
        QVERIFY(answer && !answer->ok);
        QCOMPARE(answer->exit, ExitCode::NotSignedIn);
        QVERIFY2(answer->message.contains(QStringLiteral("nobody@example.com")),
            qPrintable(answer->message));
    }
    // Signed out, the account is still listed but has no session.
    rig.session().signOut();
    QTRY_COMPARE_WITH_TIMEOUT(
        toString(rig.session().state()), toString(Session::State::SignedOut), 10000);
    answer = ask(tokenRequest(60));
    QVERIFY(answer && !answer->ok);
    QCOMPARE(answer->exit, ExitCode::NotSignedIn);
}

void TestBroker::unreachableServerIsExit5()
{
    AppRig rig;
    serve(rig);
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    rig.emulator().server().stopListening();
    // A token that must last longer than the one held: a refresh is needed, and fails.
    std::optional<Answer> answer = ask(tokenRequest(3600));
    QVERIFY(answer);
    QVERIFY(!answer->ok);
    QCOMPARE(answer->exit, ExitCode::Unreachable);
    QVERIFY(!answer->message.isEmpty());
    // What the held token still covers is handed out.
    answer = ask(tokenRequest(60));
    QVERIFY(answer && answer->ok);
    QVERIFY(rig.emulator().server().resumeListening());
}

void TestBroker::parallelRequestsShareOneRefresh()
{
    AppRig rig;
    serve(rig);
    QVERIFY(signInWithShortTokens(rig));
    const QString before = rig.currentToken();
    rig.emulator().server().clearRequests();
    // The refresh takes half a second: every request comes while it is on its way.
    rig.emulator().server().addFault(faultOn(QStringLiteral("slow,delay=500"), "/oauth/token"));

    std::vector<std::unique_ptr<Client>> clients;
    for (int i = 0; i < 20; ++i) {
        clients.push_back(std::make_unique<Client>(m_path));
        clients.back()->send(tokenRequest(NeedsRefresh));
    }
    QStringList tokens;
    for (const auto &client : clients) {
        const std::optional<Answer> answer = client->answer();
        QVERIFY(answer);
        QVERIFY2(answer->ok, qPrintable(answer->message));
        tokens.append(answer->token);
    }
    tokens.removeDuplicates();
    QCOMPARE(tokens.size(), 1);
    QVERIFY(tokens.first() != before);
    QCOMPARE(countRequests(rig.emulator().server(), QStringLiteral("/oauth/token")), 1);
    QCOMPARE(rig.currentToken(), tokens.first());
}

void TestBroker::tokenLongerThanTheServerGivesIsRefused()
{
    AppRig rig;
    serve(rig);
    rig.emulator().server().accounts().setAccessTokenLifetimeSeconds(300);
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    rig.emulator().server().clearRequests();
    const std::optional<Answer> answer = ask(tokenRequest(600));
    QVERIFY(answer && !answer->ok);
    QCOMPARE(answer->exit, ExitCode::Failure);
    QVERIFY2(answer->message.contains(QStringLiteral("300 seconds"))
            && answer->message.contains(QStringLiteral("600 seconds")),
        qPrintable(answer->message));
    // No refresh could help: none was made.
    QCOMPARE(countRequests(rig.emulator().server(), QStringLiteral("/oauth/token")), 0);
}

void TestBroker::slowRefreshBlocksNoOtherRequest()
{
    AppRig rig;
    serve(rig);
    QVERIFY(signInWithShortTokens(rig));
    rig.emulator().server().addFault(faultOn(QStringLiteral("slow,delay=3000"), "/oauth/token"));
    Client slow(m_path);
    slow.send(tokenRequest(NeedsRefresh)); // needs a refresh, which takes 3 s
    QElapsedTimer clock;
    clock.start();
    std::optional<Answer> answer = ask(request(Op::Status));
    QVERIFY(answer && answer->ok);
    QCOMPARE(answer->accounts.at(0).toObject().value(QLatin1String("state")).toString(),
        QStringLiteral("refreshing"));
    answer = ask(request(Op::Accounts));
    QVERIFY(answer && answer->ok);
    QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(!slow.hasAnswer());
    answer = slow.answer();
    QVERIFY(answer);
    QVERIFY2(answer->ok, qPrintable(answer->message));
    QVERIFY(clock.elapsed() >= 2500);
}

void TestBroker::badRequestsAreRefusedAlone()
{
    AppRig rig;
    serve(rig);
    QVERIFY(signInWithShortTokens(rig));
    rig.emulator().server().addFault(faultOn(QStringLiteral("slow,delay=1500"), "/oauth/token"));
    Client good(m_path);
    good.send(tokenRequest(NeedsRefresh)); // under way while the others are refused
    Client garbage(m_path);
    garbage.send("this is not json\n");
    Client unknown(m_path);
    unknown.send(R"({"v":1,"op":"format-disk"})"
                 "\n");
    Client huge(m_path);
    huge.send(QByteArray(64 * 1024, 'x')); // no end of line, ever
    Client longLine(m_path);
    longLine.send(R"({"v":1,"op":"status","account":")" + QByteArray(5000, 'a') + "\"}\n");
    for (Client *bad : {&garbage, &unknown, &huge, &longLine}) {
        const std::optional<Answer> answer = bad->answer();
        QVERIFY(answer && !answer->ok);
        QCOMPARE(answer->exit, ExitCode::Usage);
        QVERIFY(bad->closedByApp());
    }
    QVERIFY(!good.hasAnswer());
    const std::optional<Answer> answer = good.answer();
    QVERIFY(answer && answer->ok);
    // Several requests on one connection are answered in order.
    Client several(m_path);
    several.send(request(Op::Accounts).toLine() + tokenRequest(60).toLine());
    const std::optional<Answer> first = several.answer();
    QVERIFY(first && first->ok && first->token.isEmpty() && first->accounts.size() == 1);
    const std::optional<Answer> second = several.answer();
    QVERIFY(second && second->ok && !second->token.isEmpty());
}

void TestBroker::peerThatLeavesEarlyIsFine()
{
    AppRig rig;
    serve(rig);
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    rig.emulator().server().addFault(faultOn(QStringLiteral("slow,delay=500"), "/oauth/token"));
    {
        Client leaving(m_path);
        leaving.send(tokenRequest(3600)); // a refresh (that cannot give 3600 s: no matter)
        QTRY_COMPARE_WITH_TIMEOUT(
            toString(rig.session().state()), toString(Session::State::Refreshing), 5000);
    } // gone before its answer
    QTRY_COMPARE_WITH_TIMEOUT(
        toString(rig.session().state()), toString(Session::State::Active), 5000);
    const std::optional<Answer> answer = ask(tokenRequest(60));
    QVERIFY(answer && answer->ok);
    QCOMPARE(answer->token, rig.currentToken());
}

void TestBroker::logoutRevokesAndForgets()
{
    AppRig rig;
    serve(rig);
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    rig.emulator().server().clearRequests();
    std::optional<Answer> answer = ask(request(Op::Logout, DemoEmail));
    QVERIFY(answer);
    QVERIFY2(answer->ok, qPrintable(answer->message));
    // Answered once the revoke was done.
    QCOMPARE(rig.emulator().server().requestCount("POST", QStringLiteral("/oauth/revoke")), 1);
    QCOMPARE(rig.emulator().server().requests().last().status, 200);
    QVERIFY(rig.app().accounts()->accounts().isEmpty());
    answer = ask(request(Op::Accounts));
    QVERIFY(answer && answer->ok && answer->accounts.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(rig.app().signInWindow()->isVisible(), 5000);
    // Nothing is restored at the next start.
    rig.restartApp();
    QVERIFY(rig.app().accounts()->accounts().isEmpty());
}

void TestBroker::loginSignsInRenewsAndRefuses()
{
    AppRig rig;
    serve(rig);
    const QUrl server = rig.emulator().baseUrl();
    std::optional<Answer> answer = ask(loginRequest(server, DemoEmail, QStringLiteral("wrong")));
    QVERIFY(answer && !answer->ok);
    QCOMPARE(answer->exit, ExitCode::SignInRefused);
    QVERIFY(!answer->message.isEmpty());
    QVERIFY(rig.app().accounts()->accounts().isEmpty());

    answer = ask(loginRequest(server, DemoEmail, DemoPassword));
    QVERIFY(answer);
    QVERIFY2(answer->ok, qPrintable(answer->message));
    QVERIFY(answer->message.contains(DemoEmail));
    QCOMPARE(rig.app().accounts()->accounts().size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(rig.app().accountWindow()->isVisible(), 5000);
    Account *demo = rig.app().accounts()->accounts().first();

    // The same server and email again: renewed in place, a new session.
    const int grants = countRequests(rig.emulator().server(), QStringLiteral("/oauth/token"), 200);
    answer = ask(loginRequest(server, DemoEmail, DemoPassword));
    QVERIFY(answer && answer->ok);
    QCOMPARE(
        countRequests(rig.emulator().server(), QStringLiteral("/oauth/token"), 200), grants + 1);
    QCOMPARE(rig.app().accounts()->accounts(), QList<Account *> {demo});

    // Without a server: the app's own (its launch server and CA).
    Request jack = loginRequest({}, JackEmail, JackPassword);
    jack.server.clear();
    jack.caFile.clear();
    answer = ask(jack);
    QVERIFY(answer && answer->ok);
    QCOMPARE(rig.app().accounts()->accounts().size(), 2);

    // A server that is no API URL, an unreadable CA file: the command line was wrong.
    Request bad = loginRequest(QUrl(QStringLiteral("http://example.com")), DemoEmail, DemoPassword);
    answer = ask(bad);
    QVERIFY(answer && !answer->ok);
    QCOMPARE(answer->exit, ExitCode::Usage);
    bad = loginRequest(server, DemoEmail, DemoPassword);
    bad.caFile = m_dir.path() + QStringLiteral("/missing.pem");
    answer = ask(bad);
    QVERIFY(answer && !answer->ok);
    QCOMPARE(answer->exit, ExitCode::Usage);
}

void TestBroker::raiseWithAnAccountSelectsIt()
{
    AppRig rig;
    serve(rig);
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    QVERIFY(ask(loginRequest(rig.emulator().baseUrl(), JackEmail, JackPassword))->ok);
    Account *demo = rig.app().accounts()->find(DemoEmail);
    Account *jack = rig.app().accounts()->find(JackEmail);
    QVERIFY(demo && jack);
    rig.app().setCurrentAccount(jack);
    rig.app().accountWindow()->hide();

    // A second launch with --account, through the API main() uses.
    SingleInstance second(m_path);
    QVERIFY(second.askRunningInstanceToRaise({}, QStringLiteral("Dana Demo")));
    QTRY_COMPARE_WITH_TIMEOUT(rig.app().currentAccount(), demo, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(rig.app().accountWindow()->isVisible(), 5000);
    QCOMPARE(rig.app().accountWindow()->currentAccountId(), demo->id());

    // A raw raise naming Jack; one naming nobody raises without changing the account.
    Client raise(m_path);
    raise.send(request(Op::Raise, JackEmail));
    QTRY_COMPARE_WITH_TIMEOUT(rig.app().currentAccount(), jack, 5000);
    QVERIFY(raise.closedByApp());
    QVERIFY(!raise.hasAnswer());
    QTest::ignoreMessage(QtWarningMsg, "a later launch's --account names no single account");
    Client nobody(m_path);
    nobody.send(request(Op::Raise, QStringLiteral("nobody")));
    QVERIFY(nobody.closedByApp());
    QCOMPARE(rig.app().currentAccount(), jack);
}

void TestBroker::peerOfAnotherUserIsRefused()
{
    AppRig rig;
    serve(rig);
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    // As if every peer were another user (the check itself: peerUidCheck).
    m_instance->broker()->setPeerCheck([](qintptr) { return false; });
    QTest::ignoreMessage(QtWarningMsg, "refused a connection from another user");
    Client stranger(m_path);
    stranger.send(tokenRequest(60));
    QVERIFY(stranger.closedByApp());
    QVERIFY(!stranger.hasAnswer());
    m_instance->broker()->setPeerCheck([](qintptr fd) { return isAllowedPeer(fd); });
    const std::optional<Answer> answer = ask(tokenRequest(60));
    QVERIFY(answer && answer->ok);
}

void TestBroker::peerUidCheck()
{
    int pair[2];
    QCOMPARE(socketpair(AF_UNIX, SOCK_STREAM, 0, pair), 0);
    const std::optional<uint> uid = peerUid(pair[0]);
    QVERIFY(uid);
    QCOMPARE(*uid, uint(getuid()));
    QVERIFY(isAllowedPeer(pair[0]));
    ::close(pair[0]);
    ::close(pair[1]);
    QVERIFY(isAllowedPeer(uint(1000), 1000));
    QVERIFY(!isAllowedPeer(uint(1001), 1000));
    QVERIFY(!isAllowedPeer(uint(0), 1000)); // not even root's processes
    QVERIFY(!isAllowedPeer(std::nullopt, 1000)); // unknown: refused
    QVERIFY(!peerUid(-1));
    QVERIFY(!isAllowedPeer(qintptr(-1)));
}

QTEST_MAIN(TestBroker)
#include "tst_broker.moc"
