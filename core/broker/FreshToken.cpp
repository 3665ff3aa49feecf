#include "FreshToken.h"

#include "../accounts/Account.h"
#include "../auth/Session.h"
#include "ExitMapping.h"

#include <QDateTime>

namespace Smtpd::Broker {

void whenIdle(Session *session, QObject *context, const std::function<void()> &then)
{
    if (session->isIdle()) {
        QMetaObject::invokeMethod(context, then, Qt::QueuedConnection);
        return;
    }
    QObject::connect(session, &Session::idle, context, then, Qt::SingleShotConnection);
}

void FreshToken::start(Account *account, qint64 minValidMs, const Done &done)
{
    (new FreshToken(account, minValidMs, done))->ask(false);
}

// Not the account's child: whoever gets the answer may delete the account from `done`, which
// runs in this object's own call.
FreshToken::FreshToken(Account *account, qint64 minValidMs, const Done &done)
    : m_account(account)
    , m_minValidMs(minValidMs)
    , m_done(done)
{
    connect(account, &QObject::destroyed, this, &QObject::deleteLater);
}

void FreshToken::ask(bool forced)
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

void FreshToken::onToken(const QString &token, const ApiError &error, bool forced)
{
    if (!m_account)
        return;
    Session *session = m_account->session();
    if (error) {
        ExitCode code = exitCodeFor(error);
        QString message = error.userMessage();
        const ExitCode stateCode = exitCodeFor(session->state(), session->reason());
        // "Not signed in" and the like say less than the state the session is now in.
        if (code == ExitCode::SessionEnded
            || (code == ExitCode::Failure && error.kind() == ApiError::Kind::Configuration
                && stateCode != ExitCode::Ok)) {
            code = code == ExitCode::SessionEnded ? code : stateCode;
            message = sessionProblem(
                m_account->who(), session->state(), session->reason(), session->reasonDetail());
        }
        return finish(Answer::failure(code, message));
    }
    const qint64 validMs = QDateTime::currentDateTimeUtc().msecsTo(session->accessTokenExpiry());
    if (validMs < m_minValidMs) {
        if (forced) {
            return finish(Answer::failure(ExitCode::Failure,
                tr("The server's access tokens are valid for %1 s at most, less "
                   "than the %2 s asked for (--min-valid).")
                    .arg(qMax<qint64>(0, validMs / 1000))
                    .arg(m_minValidMs / 1000)));
        }
        // Longer than the session's refresh margin, which withFreshToken() keeps to: this
        // token counts as used up, so the next ask refreshes.
        session->rejectAccessToken(token);
        return ask(true);
    }
    Answer answer;
    answer.ok = true;
    answer.token = token;
    finish(answer);
}

// The tokens a refresh brought are in the keychain before anyone sees the new token; after a
// failure, an ended session's item has been removed.
void FreshToken::finish(const Answer &answer)
{
    if (m_finished)
        return;
    m_finished = true;
    whenIdle(m_account->session(), this, [this, answer] {
        if (!m_account)
            return;
        const Session *session = m_account->session();
        Answer result = answer;
        if (answer.ok && session->state() == Session::State::KeychainUnavailable)
            result = Answer::failure(ExitCode::KeychainUnavailable,
                sessionProblem(m_account->who(), session->state(), session->reason(),
                    session->reasonDetail()));
        const Done done = m_done;
        deleteLater();
        done(result);
    });
}

} // namespace Smtpd::Broker
