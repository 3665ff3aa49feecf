#include "AccountAnswers.h"

#include "../accounts/Account.h"
#include "../api/ApiError.h"

#include <QCoreApplication>

namespace Smtpd::Broker {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Smtpd::Broker", text);
}

QString whyEnded(Session::Reason reason)
{
    switch (reason) {
    case Session::Reason::SessionLimitReached:
        return tr("it reached the 30-day limit");
    case Session::Reason::SignedInElsewhere:
        return tr("a sign-in elsewhere with the same credentials ended it");
    default:
        break;
    }
    return tr("the server ended it");
}
} // namespace

std::optional<Answer> unusable(const Account &account)
{
    const Session *session = account.session();
    const QString who = account.who();
    if (session->state() == Session::State::SigningOut)
        return Answer::failure(ExitCode::NotSignedIn, tr("%1 is signing out.").arg(who));
    if (session->hasTokens())
        return std::nullopt;
    switch (session->state()) {
    case Session::State::Expired:
        return Answer::failure(ExitCode::SessionEnded,
            tr("The session of %1 has ended: %2. Sign in again.")
                .arg(who, whyEnded(session->reason())));
    case Session::State::KeychainUnavailable:
        return Answer::failure(ExitCode::KeychainUnavailable,
            tr("The keychain could not be used for %1: %2").arg(who, session->reasonDetail()));
    default:
        break;
    }
    return Answer::failure(ExitCode::NotSignedIn, tr("%1 is not signed in.").arg(who));
}

} // namespace Smtpd::Broker
