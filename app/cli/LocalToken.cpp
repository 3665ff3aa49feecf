#include "LocalToken.h"

#include "accounts/Account.h"
#include "auth/Session.h"
#include "broker/ExitMapping.h"
#include "broker/FreshToken.h"

namespace Smtpd::Cli {

LocalToken::LocalToken(
    Account *account, int minValidSeconds, const ResultCallback &done, QObject *parent)
    : QObject(parent)
    , m_account(account)
    , m_minValidMs(qint64(minValidSeconds) * 1000)
    , m_done(done)
{ }

void LocalToken::start()
{
    if (!m_account->problem().isEmpty())
        return finish(CliResult::failure(ExitCode::Failure, m_account->problem()));
    Session *session = m_account->session();
    session->restore(m_account->record().principal);
    session->whenPastRestoring(this, [this] { onRestored(); });
}

void LocalToken::onRestored()
{
    Session *session = m_account->session();
    const Session::State state = session->state();
    // Offline: the restore's refresh failed, but the token it has may still do.
    if (state != Session::State::Active && state != Session::State::Offline) {
        const CliResult failure = CliResult::failure(Broker::exitCodeFor(state, session->reason()),
            Broker::sessionProblem(
                m_account->who(), state, session->reason(), session->reasonDetail()));
        // An unreadable item is being removed meanwhile.
        Broker::whenIdle(session, this, [this, failure] { finish(failure); });
        return;
    }
    Broker::FreshToken::start(m_account, m_minValidMs, [this](const Broker::Answer &answer) {
        finish(answer.ok ? CliResult {ExitCode::Ok, answer.token.toUtf8() + '\n', {}}
                         : CliResult::failure(answer.exit, answer.message));
    });
}

void LocalToken::finish(const CliResult &result)
{
    if (m_finished)
        return;
    m_finished = true;
    QMetaObject::invokeMethod(
        this, [this, result] { m_done(result); }, Qt::QueuedConnection);
}

} // namespace Smtpd::Cli
