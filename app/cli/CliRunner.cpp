#include "CliRunner.h"

#include "CliOutput.h"
#include "LocalAccounts.h"
#include "LocalLogin.h"
#include "LocalLogout.h"
#include "LocalStatus.h"
#include "LocalToken.h"
#include "SingleInstance.h"
#include "accounts/AccountLock.h"
#include "api/ServerConfig.h"
#include "auth/KeychainTokenStore.h"
#include "broker/AccountEntry.h"
#include "broker/BrokerClient.h"

#include <QLocalSocket>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QTimer>

#include <cstdio>

namespace Smtpd::Cli {

namespace {

// A token may need a refresh, a login a grant, a logout a revoke: each bounded by the
// requests' own 30 s timeout in the app, and a keychain write.
constexpr int AnswerTimeoutMs = 90 * 1000;

// The exit code a status listing stands for: with one account asked about, how that one is;
// otherwise whether the keychain could be read at all.
ExitCode statusExit(const QJsonArray &entries, bool single)
{
    ExitCode code = ExitCode::Ok;
    for (const QJsonValue &entry : entries) {
        const QString state = entry.toObject().value(QLatin1String("state")).toString();
        if (state == QLatin1String("keychain_unavailable"))
            return ExitCode::KeychainUnavailable;
        if (!single)
            continue;
        if (state == QLatin1String("signed_out"))
            code = ExitCode::NotSignedIn;
        else if (state == QLatin1String("expired"))
            code = ExitCode::SessionEnded;
    }
    return code;
}

void writeAll(std::FILE *stream, const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

} // namespace

CliRunner::CliRunner(const CliCommand &command, QObject *parent)
    : QObject(parent)
    , m_command(command)
    , m_network(new QNetworkAccessManager(this))
    , m_store(new KeychainTokenStore(this))
{ }

CliRunner::~CliRunner()
{
    forgetSecret();
}

void CliRunner::setLogin(const ServerChoice &server, const QString &username, const QString &secret)
{
    m_server = server;
    m_username = username;
    m_secret = secret;
}

void CliRunner::forgetSecret()
{
    m_secret.fill(QLatin1Char('\0'));
    m_secret.clear();
}

Broker::Request CliRunner::request() const
{
    Broker::Request request;
    request.account = m_command.account;
    switch (m_command.command) {
    case Command::Token:
        request.op = Broker::Op::Token;
        request.minValidSeconds = m_command.minValidSeconds;
        break;
    case Command::Status:
        request.op = Broker::Op::Status;
        break;
    case Command::Accounts:
        request.op = Broker::Op::Accounts;
        break;
    case Command::Logout:
        request.op = Broker::Op::Logout;
        break;
    case Command::Login:
        request.op = Broker::Op::Login;
        request.server = m_command.server;
        request.caFile = m_command.caFile;
        request.apiKey = m_command.apiKey;
        request.username = m_username;
        request.secret = m_secret;
        break;
    }
    return request;
}

void CliRunner::start()
{
    askApp([this] { runLocal(); });
}

void CliRunner::interrupt(int signalNumber)
{
    if (m_lock && m_lock->isLocked() && m_interruptedBy == 0) {
        // Mid-refresh: ending now could lose the new tokens (with rotating refresh tokens,
        // the session). The work in flight ends on its own (a second signal does not wait);
        // then nothing is printed.
        m_interruptedBy = signalNumber;
        return;
    }
    m_interruptedBy = signalNumber;
    report({});
}

void CliRunner::askApp(const std::function<void()> &noApp)
{
    auto *client = new Broker::BrokerClient(SingleInstance::defaultSocketPath(), this);
    client->send(request(), AnswerTimeoutMs,
        [this, client, noApp](Broker::BrokerClient::Outcome outcome, const Broker::Answer &answer) {
            client->deleteLater();
            if (m_reported)
                return;
            switch (outcome) {
            case Broker::BrokerClient::Outcome::Answered:
                return onAnswer(answer);
            case Broker::BrokerClient::Outcome::NoAnswer:
                return report(CliResult::failure(ExitCode::Failure,
                    tr("SMTPD Accounts is running but does not answer the command "
                       "line (is it an older version?). Quit it or update it, then "
                       "try again.")));
            case Broker::BrokerClient::Outcome::NoServer:
                return noApp();
            }
        });
}

void CliRunner::onAnswer(const Broker::Answer &answer)
{
    if (!answer.ok) {
        return report(CliResult::failure(answer.exit,
            answer.message.isEmpty() ? tr("SMTPD Accounts could not do it.") : answer.message));
    }
    switch (m_command.command) {
    case Command::Token: {
        const QString token = answer.token;
        if (token.isEmpty() || token.contains(QRegularExpression(QStringLiteral("\\s"))))
            return report(CliResult::failure(
                ExitCode::Failure, tr("SMTPD Accounts answered without a token.")));
        return report(CliResult {ExitCode::Ok, token.toUtf8() + '\n', {}});
    }
    case Command::Status:
        return report(CliResult {statusExit(answer.accounts, !m_command.account.isEmpty()),
            m_command.json ? jsonListing(answer.accounts) : statusListing(answer.accounts), {}});
    case Command::Accounts:
        return report(CliResult {ExitCode::Ok,
            m_command.names      ? namesListing(answer.accounts)
                : m_command.json ? jsonListing(answer.accounts)
                                 : accountsListing(answer.accounts),
            {}});
    case Command::Login:
    case Command::Logout:
        return report(CliResult {ExitCode::Ok, {}, answer.message});
    }
}

void CliRunner::runLocal()
{
    m_work = new QObject(this);
    m_accounts = new LocalAccounts(m_network, &m_clock, m_store, m_work);
    const QString launch = qEnvironmentVariable("SMTPD_API_URL");
    m_accounts->load(QUrl(launch.isEmpty() ? QLatin1String(DefaultApiUrl) : launch));

    if (m_command.command == Command::Login) {
        ServerChoice server = m_server;
        if (server.server.isEmpty())
            server.server = QUrl(QLatin1String(DefaultApiUrl));
        auto *login = new LocalLogin(
            server, m_username, m_network, &m_clock, m_store, m_work,
            [this](const CliResult &result) { report(result); }, this);
        return withLock(login->accountId(), [this, login] {
            login->start(m_secret);
            forgetSecret();
        });
    }
    if (m_command.command == Command::Accounts || m_command.command == Command::Status)
        return runListing();

    Account *account = nullptr;
    switch (m_accounts->find(m_command.account, &account)) {
    case LocalAccounts::Match::Found:
        break;
    case LocalAccounts::Match::None:
        return report(CliResult::failure(ExitCode::NotSignedIn,
            m_accounts->accounts().isEmpty()
                ? tr("No account is signed in here. Sign in with: smtpd-accounts login")
                : tr("No account matches \u201c%1\u201d. The accounts: "
                     "smtpd-accounts accounts")
                      .arg(m_command.account)));
    case LocalAccounts::Match::Ambiguous:
        return report(CliResult::failure(ExitCode::Usage,
            tr("\u201c%1\u201d names accounts on several servers: add @host:port "
               "(see smtpd-accounts accounts --names).")
                .arg(m_command.account)));
    }
    auto done = [this](const CliResult &result) { report(result); };
    if (m_command.command == Command::Token) {
        auto *job = new LocalToken(account, m_command.minValidSeconds, done, this);
        withLock(account->id(), [job] { job->start(); });
    } else {
        auto *job = new LocalLogout(account, done, this);
        withLock(account->id(), [job] { job->start(); });
    }
}

void CliRunner::runListing()
{
    QList<Account *> which = m_accounts->accounts();
    if (!m_command.account.isEmpty()) {
        Account *account = nullptr;
        const LocalAccounts::Match match = m_accounts->find(m_command.account, &account);
        if (match != LocalAccounts::Match::Found)
            return report(CliResult::failure(
                match == LocalAccounts::Match::None ? ExitCode::NotSignedIn : ExitCode::Usage,
                match == LocalAccounts::Match::None
                    ? tr("No account matches \u201c%1\u201d.").arg(m_command.account)
                    : tr("\u201c%1\u201d names accounts on several servers: add "
                         "@host:port.")
                          .arg(m_command.account)));
        which = {account};
    }
    if (m_command.command == Command::Accounts) {
        QJsonArray entries;
        for (const Account *account : std::as_const(which))
            entries.append(Broker::accountEntry(
                account->record(), account->displayName(), m_accounts->isDefault(account)));
        return onAnswer(Broker::Answer {true, ExitCode::Ok, {}, {}, entries});
    }
    if (which.isEmpty())
        return report(CliResult::failure(ExitCode::NotSignedIn,
            tr("No account is signed in here. Sign in with: smtpd-accounts login")));
    auto *status = new LocalStatus(
        m_accounts, which, m_store,
        [this](const QJsonArray &entries, const QString &keychainProblem) {
            Broker::Answer answer {true, ExitCode::Ok, {}, {}, entries};
            if (!keychainProblem.isEmpty())
                std::fprintf(stderr, "smtpd-accounts: %s\n",
                    qPrintable(tr("the keychain could not be read: %1").arg(keychainProblem)));
            onAnswer(answer);
        },
        this);
    status->start();
}

void CliRunner::withLock(const QString &key, const std::function<void()> &work)
{
    m_lock = std::make_unique<AccountLock>(key);
    m_lockedWork = work;
    m_lockWaited.start();
    tryLock();
}

void CliRunner::tryLock()
{
    if (m_reported)
        return;
    if (m_lock->tryLock()) {
        // A GUI that started while this command waited is the refresher now. It may be
        // restoring this very account, waiting for this lock: let go before asking it, or the
        // two would wait for each other. One that starts after this check waits for the lock.
        return whenAppListens([this](bool listens) {
            if (!listens)
                return m_lockedWork();
            m_lock->unlock();
            askApp([this] { // it went away meanwhile: the lock again, within the same bound
                if (m_lockWaited.elapsed() > LockWaitMs)
                    return report(CliResult::failure(ExitCode::Failure,
                        tr("SMTPD Accounts could not be asked, nor the account "
                           "locked, within %1 s; try again.")
                            .arg(LockWaitMs / 1000)));
                QTimer::singleShot(LockRetryMs, this, [this] { tryLock(); });
            });
        });
    }
    if (const QString problem = m_lock->error(); !problem.isEmpty())
        return report(CliResult::failure(ExitCode::Failure, problem));
    if (m_lockWaited.elapsed() > LockWaitMs)
        return report(CliResult::failure(ExitCode::Failure,
            tr("Another smtpd-accounts command has been using this account for "
               "more than %1 s (lock file %2); try again.")
                .arg(LockWaitMs / 1000)
                .arg(m_lock->path())));
    QTimer::singleShot(LockRetryMs, this, [this] { askApp([this] { tryLock(); }); });
}

// Whether an app listens on the socket, without asking it anything: only "no such socket" and
// "refused" mean none does.
void CliRunner::whenAppListens(const std::function<void(bool)> &then)
{
    auto *probe = new QLocalSocket(this);
    connect(probe, &QLocalSocket::connected, this, [this, probe, then] {
        probe->disconnect(this);
        probe->abort();
        probe->deleteLater();
        then(true);
    });
    connect(probe, &QLocalSocket::errorOccurred, this,
        [this, probe, then](QLocalSocket::LocalSocketError error) {
            probe->disconnect(this);
            probe->deleteLater();
            then(error != QLocalSocket::ServerNotFoundError
                && error != QLocalSocket::ConnectionRefusedError);
        });
    probe->connectToServer(SingleInstance::defaultSocketPath());
}

void CliRunner::report(const CliResult &result)
{
    if (m_reported)
        return;
    m_reported = true;
    forgetSecret();
    // The sessions go first (nothing of theirs in flight is answered any more), then the
    // lock; only then is anything printed.
    delete m_work;
    m_work = nullptr;
    m_accounts = nullptr;
    m_lock.reset();
    int code = toInt(result.exit);
    if (m_interruptedBy != 0) {
        code = 128 + m_interruptedBy;
    } else {
        writeAll(stdout, result.output);
        if (!result.message.isEmpty()) {
            const bool failed = result.exit != ExitCode::Ok;
            writeAll(stderr,
                ((failed ? QStringLiteral("smtpd-accounts: ") : QString()) + result.message
                    + QLatin1Char('\n'))
                    .toUtf8());
        }
    }
    emit finished(code);
}

} // namespace Smtpd::Cli
