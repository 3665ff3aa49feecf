#include "LocalLogin.h"

#include "LocalAccounts.h"
#include "accounts/Account.h"
#include "auth/Session.h"
#include "broker/ExitMapping.h"

namespace Smtpd::Cli {

namespace {
AccountRecord recordFor(const ServerChoice &server, const QString &username)
{
    AccountRecord record;
    record.server = server.server;
    record.principal = principalFor(username);
    record.caFile = server.caFile;
    return record;
}
} // namespace

LocalLogin::LocalLogin(const ServerChoice &server, const QString &username,
    QNetworkAccessManager *network, const Clock *clock, TokenStore *store, QObject *owner,
    const ResultCallback &done, QObject *parent)
    : QObject(parent)
    , m_account(new Account(
          recordFor(server, username), server.caCertificates, network, clock, store, owner))
    , m_username(username)
    , m_done(done)
{ }

QString LocalLogin::accountId() const
{
    return m_account->id();
}

void LocalLogin::start(const QString &secret)
{
    if (!m_account->problem().isEmpty())
        return finish(CliResult::failure(ExitCode::Usage, m_account->problem()));
    Session *session = m_account->session();
    connect(session, &Session::signInFailed, this,
        [this](const ApiError &error) { m_refused = error; });
    connect(session, &Session::stateChanged, this, &LocalLogin::onChange);
    connect(session, &Session::idle, this, &LocalLogin::onChange);
    session->signIn(m_username, secret);
}

// Decides once the sign-in (and the save of its tokens, or the revoke after a failed save)
// has nothing left in flight.
void LocalLogin::onChange()
{
    Session *session = m_account->session();
    if (m_finished || session->state() == Session::State::SigningIn || !session->isIdle())
        return;
    const QString who = m_account->who();
    if (m_refused) {
        const ExitCode code = Broker::exitCodeFor(m_refused);
        if (code == ExitCode::SignInRefused) {
            const QString said = m_refused.serverMessage().isEmpty() ? m_refused.userMessage()
                                                                     : m_refused.serverMessage();
            return finish(
                CliResult::failure(code, tr("The server refused the sign-in: %1").arg(said)));
        }
        return finish(CliResult::failure(code, m_refused.userMessage()));
    }
    if (m_revoking || session->state() == Session::State::KeychainUnavailable) {
        if (!m_revoking && session->hasTokens()) {
            // Saved nowhere, the session would stay open on the server with nobody holding it.
            m_keychainProblem = session->reasonDetail();
            m_revoking = true;
            session->signOut();
            return;
        }
        return finish(CliResult::failure(ExitCode::KeychainUnavailable,
            tr("Signed in, but the session could not be saved in the keychain%1, so "
               "it was ended again. Unlock the keyring (or start one) and try again.")
                .arg(m_keychainProblem.isEmpty()
                        ? QString()
                        : QStringLiteral(" (%1)").arg(m_keychainProblem))));
    }
    if (session->state() != Session::State::Active && session->state() != Session::State::Offline)
        return finish(CliResult::failure(ExitCode::Failure,
            Broker::sessionProblem(
                who, session->state(), session->reason(), session->reasonDetail())));
    AccountRecord record = m_account->record();
    if (record.name.isEmpty())
        record.name = session->profile().displayName();
    if (const QString problem = LocalAccounts::remember(record); !problem.isEmpty())
        return finish(CliResult::failure(ExitCode::Failure, problem));
    finish(CliResult {
        ExitCode::Ok, {}, tr("Signed in as %1 on %2.").arg(who, m_account->server().toString())});
}

void LocalLogin::finish(const CliResult &result)
{
    if (m_finished)
        return;
    m_finished = true;
    QMetaObject::invokeMethod(
        this, [this, result] { m_done(result); }, Qt::QueuedConnection);
}

} // namespace Smtpd::Cli
