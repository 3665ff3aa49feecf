#include "LocalToken.h"

#include "accounts/Account.h"
#include "auth/Session.h"
#include "broker/ExitMapping.h"

#include <QDateTime>

namespace Smtpd::Cli {

void whenIdle(Session *session, QObject *context, const std::function<void()> &then)
{
    if (session->isIdle()) {
        QMetaObject::invokeMethod(context, then, Qt::QueuedConnection);
        return;
    }
    QObject::connect(session, &Session::idle, context, then, Qt::SingleShotConnection);
}

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
    connect(session, &Session::stateChanged, this, [this](Session::State state) {
        if (state != Session::State::Restoring && !m_restored) {
            m_restored = true;
            onRestored();
        }
    });
    session->restore(m_account->record().principal);
}

void LocalToken::onRestored()
{
    const Session *session = m_account->session();
    const Session::State state = session->state();
    // Offline: the restore's refresh failed, but the token it has may still do.
    if (state == Session::State::Active || state == Session::State::Offline)
        return ask(false);
    finish(CliResult::failure(Broker::exitCodeFor(state, session->reason()),
        Broker::sessionProblem(
            m_account->who(), state, session->reason(), session->reasonDetail())));
}

void LocalToken::ask(bool forced)
{
    m_account->session()->withFreshToken(
        this,
        [this, forced](const QString &token, const ApiError &error) {
            // Waiters may be served from inside the session's own handling of a refresh's
            // answer, before its state says how it ended: looked at once it has settled.
            QMetaObject::invokeMethod(
                this, [this, token, error, forced] { onToken(token, error, forced); },
                Qt::QueuedConnection);
        },
        m_minValidMs);
}

void LocalToken::onToken(const QString &token, const ApiError &error, bool forced)
{
    if (!m_account)
        return;
    Session *session = m_account->session();
    if (error) {
        ExitCode code = Broker::exitCodeFor(error);
        QString message = error.userMessage();
        const ExitCode stateCode = Broker::exitCodeFor(session->state(), session->reason());
        if (code == ExitCode::SessionEnded
            || (code == ExitCode::Failure && error.kind() == ApiError::Kind::Configuration
                && stateCode != ExitCode::Ok)) {
            code = code == ExitCode::SessionEnded ? code : stateCode;
            message = Broker::sessionProblem(
                m_account->who(), session->state(), session->reason(), session->reasonDetail());
        }
        return finish(CliResult::failure(code, message));
    }
    const qint64 validMs = QDateTime::currentDateTimeUtc().msecsTo(session->accessTokenExpiry());
    if (validMs < m_minValidMs) {
        if (forced) {
            return finish(CliResult::failure(ExitCode::Failure,
                QStringLiteral("The server's access tokens are valid for %1 s at most, less "
                               "than the %2 s asked for with --min-valid.")
                    .arg(qMax<qint64>(0, validMs / 1000))
                    .arg(m_minValidMs / 1000)));
        }
        // Longer than the session's refresh margin, which withFreshToken() keeps to: this
        // token counts as used up, so the next ask refreshes.
        session->rejectAccessToken(token);
        return ask(true);
    }
    // The tokens a refresh brought are in the keychain before anyone sees the new token.
    whenIdle(session, this, [this, token] {
        if (!m_account)
            return;
        const Session *s = m_account->session();
        if (s->state() == Session::State::KeychainUnavailable)
            return finish(CliResult::failure(ExitCode::KeychainUnavailable,
                Broker::sessionProblem(
                    m_account->who(), s->state(), s->reason(), s->reasonDetail())));
        finish(CliResult {ExitCode::Ok, token.toUtf8() + '\n', {}});
    });
}

// Also after a failure: an ended session's item is being removed from the keychain.
void LocalToken::finish(const CliResult &result)
{
    if (m_finished)
        return;
    m_finished = true;
    if (!m_account) {
        QMetaObject::invokeMethod(
            this, [this, result] { m_done(result); }, Qt::QueuedConnection);
        return;
    }
    whenIdle(m_account->session(), this, [this, result] { m_done(result); });
}

} // namespace Smtpd::Cli
