#include "BrokerService.h"

#include "../Logging.h"
#include "../api/ServerConfig.h"
#include "../auth/Session.h"
#include "AccountAnswers.h"
#include "AccountEntry.h"
#include "ExitMapping.h"
#include "FreshToken.h"

#include <QFileInfo>
#include <QPointer>

#include <memory>

namespace Smtpd::Broker {

namespace {
Answer okAnswer(const QString &message = {})
{
    Answer answer;
    answer.ok = true;
    answer.message = message;
    return answer;
}

// How a removal ended, as its session told on the way (the account object is gone when the
// answer is made).
struct SignOutOutcome
{
    bool signedOut = false;
    Session::Reason reason = Session::Reason::None;
    QString detail;
    ApiError error;
};

Answer logoutAnswer(const QString &who, const SignOutOutcome &outcome)
{
    if (!outcome.signedOut)
        return okAnswer(BrokerService::tr("%1 was removed; it had no session to end.").arg(who));
    switch (outcome.reason) {
    case Session::Reason::SignedOutServerNotTold:
        return Answer::failure(exitCodeFor(outcome.error),
            BrokerService::tr("%1 was removed from this computer, but the server could not be "
                              "told to end its session: %2")
                .arg(who, outcome.detail));
    case Session::Reason::SignedOutItemKept:
        return Answer::failure(ExitCode::KeychainUnavailable,
            BrokerService::tr("Signed out of %1, but its keychain item could not be removed: %2")
                .arg(who, outcome.detail));
    default:
        break;
    }
    return okAnswer(BrokerService::tr("Signed out of %1 and removed it.").arg(who));
}
} // namespace

BrokerService::BrokerService(
    AccountManager *accounts, const ServerChoice &defaultServer, QObject *parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_defaultServer(defaultServer)
{ }

void BrokerService::handle(const Request &request, QObject *context, const Reply &reply)
{
    qCInfo(lcAccounts) << "command-line request:" << opName(request.op);
    const QPointer<QObject> guard(context);
    auto answered = std::make_shared<bool>(false);
    const Reply once = [guard, answered, reply](const Answer &answer) {
        if (!guard || std::exchange(*answered, true))
            return;
        qCInfo(lcAccounts) << "command-line request answered; exit"
                           << toInt(answer.ok ? ExitCode::Ok : answer.exit);
        QMetaObject::invokeMethod(
            guard, [reply, answer] { reply(answer); }, Qt::QueuedConnection);
    };
    switch (request.op) {
    case Op::Token:
        return token(request, context, once);
    case Op::Status:
        return status(request, once);
    case Op::Accounts:
        return list(once);
    case Op::Logout:
        return logout(request, context, once);
    case Op::Login:
        return login(request, context, once);
    case Op::Raise:
        break;
    }
    once(Answer::failure(ExitCode::Usage, tr("A raise request gets no answer.")));
}

Account *BrokerService::match(const QString &name, Answer *failure) const
{
    if (name.trimmed().isEmpty()) {
        if (Account *account = m_accounts->defaultAccount())
            return account;
        *failure = Answer::failure(ExitCode::NotSignedIn, tr("No account has been added yet."));
        return nullptr;
    }
    if (Account *account = m_accounts->find(name))
        return account;
    int matching = 0;
    for (const Account *account : m_accounts->accounts())
        matching += account->matches(name);
    *failure = matching > 1
        ? Answer::failure(ExitCode::Usage,
            tr("\"%1\" names %n accounts: add its server, as in %1@host:port.", nullptr, matching)
                .arg(name))
        : Answer::failure(ExitCode::NotSignedIn, tr("No account matches \"%1\".").arg(name));
    return nullptr;
}

void BrokerService::whenLoaded(
    Account *account, QObject *context, const std::function<void()> &then, const Reply &reply)
{
    Session *session = account->session();
    if (session->state() != Session::State::Restoring) {
        then();
        return;
    }
    // The account may go while it restores (a logout, Remove account): then the answer says so.
    auto *watcher = new QObject(context);
    connect(account, &QObject::destroyed, watcher, [watcher, reply] {
        delete watcher;
        reply(Answer::failure(ExitCode::NotSignedIn, tr("The account was removed.")));
    });
    session->whenPastRestoring(watcher, [watcher, then] {
        delete watcher;
        then();
    });
}

void BrokerService::token(const Request &request, QObject *context, const Reply &reply)
{
    Answer failure;
    Account *account = match(request.account, &failure);
    if (!account)
        return reply(failure);
    const qint64 minValidMs = qint64(request.minValidSeconds) * 1000;
    const QPointer<Account> guard(account);
    whenLoaded(
        account, context,
        [guard, context, minValidMs, reply] {
            if (!guard)
                return reply(
                    Answer::failure(ExitCode::NotSignedIn, tr("The account was removed.")));
            if (const std::optional<Answer> cannot = unusable(*guard))
                return reply(*cannot);
            guard->session()->withTokenValidFor(
                context,
                [guard, reply](const QString &token, const ApiError &error) {
                    if (!error) {
                        Answer answer = okAnswer();
                        answer.token = token;
                        Session *session = guard->session();
                        if (session->isIdle())
                            return reply(answer);
                        // A rotated refresh token is being saved: the script gets the token
                        // once it is in the keychain, as from the command line's own refresh.
                        auto connection = std::make_shared<QMetaObject::Connection>();
                        *connection = QObject::connect(
                            session, &Session::idle, session, [connection, reply, answer] {
                                QObject::disconnect(*connection);
                                reply(answer);
                            });
                        return;
                    }
                    // The session ended (or lost its keychain) meanwhile: that says more.
                    if (guard && !guard->session()->hasTokens())
                        if (const std::optional<Answer> ended = unusable(*guard))
                            return reply(*ended);
                    reply(Answer::failure(exitCodeFor(error), error.userMessage()));
                },
                minValidMs);
        },
        reply);
}

void BrokerService::status(const Request &request, const Reply &reply)
{
    // Without a name: every account, as `smtpd-accounts status` shows them.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Account *defaultAccount = m_accounts->defaultAccount();
    Answer answer;
    if (request.account.isEmpty()) {
        answer = okAnswer();
        for (const Account *account : m_accounts->accounts())
            answer.accounts.append(statusEntry(*account, account == defaultAccount, now));
        return reply(answer);
    }
    Account *account = match(request.account, &answer);
    if (!account)
        return reply(answer);
    answer = okAnswer();
    answer.accounts.append(statusEntry(*account, account == defaultAccount, now));
    reply(answer);
}

void BrokerService::list(const Reply &reply)
{
    Answer answer = okAnswer();
    const Account *defaultAccount = m_accounts->defaultAccount();
    for (const Account *account : m_accounts->accounts())
        answer.accounts.append(
            accountEntry(account->record(), account->displayName(), account == defaultAccount));
    reply(answer);
}

// Removes the account as Remove account does (keychain item first, then the revoke) and
// answers once it is all done: when the account's object goes.
void BrokerService::logout(const Request &request, QObject *context, const Reply &reply)
{
    Answer failure;
    Account *account = match(request.account, &failure);
    if (!account)
        return reply(failure);
    Session *session = account->session();
    auto outcome = std::make_shared<SignOutOutcome>();
    connect(session, &Session::stateChanged, context, [session, outcome](Session::State state) {
        if (state != Session::State::SignedOut)
            return;
        outcome->signedOut = true;
        outcome->reason = session->reason();
        outcome->detail = session->reasonDetail();
        outcome->error = session->signOutError();
    });
    const QString who = account->who();
    connect(account, &QObject::destroyed, context,
        [who, outcome, reply] { reply(logoutAnswer(who, *outcome)); });
    m_accounts->remove(account);
}

void BrokerService::login(const Request &request, QObject *context, const Reply &reply)
{
    ServerChoice choice = m_defaultServer;
    if (!request.server.isEmpty()) {
        const QUrl server(request.server.trimmed(), QUrl::StrictMode);
        if (const QString problem = validateApiUrl(server); !problem.isEmpty())
            return reply(Answer::failure(ExitCode::Usage, problem));
        choice = {server, {}, {}};
        if (serverOrigin(server) == serverOrigin(m_defaultServer.server))
            choice = {server, m_defaultServer.caFile, m_defaultServer.caCertificates};
    }
    if (!request.caFile.isEmpty()) {
        if (!QFileInfo(request.caFile).isAbsolute())
            return reply(Answer::failure(
                ExitCode::Usage, tr("The CA file must be given as an absolute path.")));
        QList<QSslCertificate> authorities;
        if (const QString problem = loadCaCertificates(request.caFile, &authorities);
            !problem.isEmpty())
            return reply(Answer::failure(ExitCode::Usage, problem));
        choice.caFile = request.caFile;
        choice.caCertificates = authorities;
    }
    Account *existing
        = m_accounts->account(storageKeyFor(serverOrigin(choice.server), request.username));
    if (!existing)
        return signIn(choice, request, context, reply);
    // An account being loaded is signed in again once it is (as the app's own form would).
    whenLoaded(
        existing, context,
        [this, choice, request, context, reply] { signIn(choice, request, context, reply); },
        reply);
}

void BrokerService::signIn(
    const ServerChoice &choice, const Request &request, QObject *context, const Reply &reply)
{
    const QString id = storageKeyFor(serverOrigin(choice.server), request.username);
    for (const Account *account : {m_accounts->account(id), m_accounts->pendingAccount()}) {
        if (!account || account->id() != id)
            continue;
        const Session::State state = account->session()->state();
        if (state == Session::State::SigningOut)
            return reply(Answer::failure(ExitCode::Failure,
                tr("%1 is signing out right now. Try again in a moment.").arg(account->who())));
        if (state == Session::State::SigningIn)
            return reply(Answer::failure(ExitCode::Failure,
                tr("A sign-in to %1 is already under way.").arg(account->who())));
    }
    Account *account = m_accounts->signIn(choice, request.username, request.secret);
    if (!account)
        return reply(Answer::failure(
            ExitCode::Failure, tr("This account is still being removed. Try again in a moment.")));
    Session *session = account->session();
    if (session->state() != Session::State::SigningIn)
        return reply(Answer::failure(ExitCode::Failure, tr("The sign-in could not start.")));
    // Whichever comes first: the grant, the refusal, or the attempt ending otherwise (it was
    // cancelled, e.g. by another sign-in to a new account).
    auto *watcher = new QObject(context);
    const QString who = account->who();
    const QString origin = account->origin();
    // Answered once the granted tokens are saved in the keychain (the session is idle), as the
    // command line does on its own: a command run right after finds them there.
    connect(session, &Session::signInGranted, watcher, [watcher, session, reply, who, origin] {
        QObject::disconnect(session, nullptr, watcher, nullptr);
        whenIdle(session, watcher, [watcher, reply, who, origin] {
            watcher->deleteLater();
            reply(okAnswer(tr("Signed in as %1 on %2.").arg(who, origin)));
        });
    });
    connect(session, &Session::signInFailed, watcher, [watcher, reply](const ApiError &error) {
        watcher->deleteLater();
        if (error.serverCode() == ApiError::CodeBadCredentials)
            return reply(Answer::failure(ExitCode::SignInRefused,
                error.serverMessage().isEmpty() ? error.userMessage() : error.serverMessage()));
        reply(Answer::failure(exitCodeFor(error), error.userMessage()));
    });
    connect(session, &Session::stateChanged, watcher, [watcher, reply](Session::State state) {
        if (state == Session::State::SigningIn)
            return;
        watcher->deleteLater();
        reply(Answer::failure(ExitCode::Failure, tr("The sign-in was cancelled.")));
    });
}

} // namespace Smtpd::Broker
