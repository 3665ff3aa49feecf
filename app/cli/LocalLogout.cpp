#include "LocalLogout.h"

#include "LocalAccounts.h"
#include "accounts/Account.h"
#include "auth/Session.h"
#include "auth/SessionStorage.h"
#include "broker/ExitMapping.h"
#include "broker/FreshToken.h"

namespace Smtpd::Cli {

LocalLogout::LocalLogout(Account *account, const ResultCallback &done, QObject *parent)
    : QObject(parent)
    , m_account(account)
    , m_done(done)
{ }

void LocalLogout::start()
{
    Session *session = m_account->session();
    session->restore(m_account->record().principal);
    session->whenPastRestoring(this, [this] { onRestored(); });
}

void LocalLogout::onRestored()
{
    Session *session = m_account->session();
    if (session->state() == Session::State::KeychainUnavailable) {
        // Nothing could be removed: the account stays listed, for another try.
        return finish(CliResult::failure(ExitCode::KeychainUnavailable,
            Broker::sessionProblem(
                m_account->who(), session->state(), session->reason(), session->reasonDetail())));
    }
    // The order of AccountManager::remove(): the sign-out first (it drops saves not yet
    // started), then the item's removal, then nothing more reaches the keychain.
    m_hadSession = session->hasTokens();
    if (m_hadSession)
        session->signOut();
    session->storage()->remove(m_account->id());
    session->storage()->closeKeychain();
    Broker::whenIdle(session, this, [this] { onDone(); });
}

void LocalLogout::onDone()
{
    if (!m_account)
        return;
    const Session *session = m_account->session();
    const QString who = m_account->who();
    const QString server = m_account->server().toString();
    if (const QString problem = LocalAccounts::forget(m_account->id()); !problem.isEmpty())
        return finish(CliResult::failure(ExitCode::Failure, problem));
    if (!m_hadSession)
        return finish(CliResult {ExitCode::Ok, {},
            tr("%1 on %2 had no session; it is forgotten here.").arg(who, server)});
    switch (session->reason()) {
    case Session::Reason::SignedOutServerNotTold:
        return finish(CliResult::failure(ExitCode::Unreachable,
            tr("%1 is forgotten here, but the server could not be told to end the "
               "session (%2).")
                .arg(who, session->reasonDetail())));
    case Session::Reason::SignedOutItemKept:
        return finish(CliResult::failure(ExitCode::KeychainUnavailable,
            tr("Signed out of %1, but its keychain item could not be removed (%2).")
                .arg(who, session->reasonDetail())));
    default:
        break;
    }
    finish(CliResult {
        ExitCode::Ok, {}, tr("Signed out of %1 on %2; it is forgotten here.").arg(who, server)});
}

void LocalLogout::finish(const CliResult &result)
{
    if (m_finished)
        return;
    m_finished = true;
    QMetaObject::invokeMethod(
        this, [this, result] { m_done(result); }, Qt::QueuedConnection);
}

} // namespace Smtpd::Cli
