#include "SessionPresenter.h"

namespace Smtpd {

using State = Session::State;
using Reason = Session::Reason;

QString SessionTexts::describe(Reason reason, const QString &detail)
{
    switch (reason) {
    case Reason::None:
        return {};
    case Reason::SignedOut:
        return tr("You are signed out.");
    case Reason::SignedOutServerNotTold:
        return tr("Signed out on this computer. The server could not be told (%1), so the "
                  "session there ends by itself within 30 days.")
            .arg(detail);
    case Reason::SignedOutItemKept:
        return tr("You are signed out, but the saved sign-in could not be removed from the "
                  "keyring (%1). It no longer works; you can delete it with your keyring tool.")
            .arg(detail);
    case Reason::SignedInElsewhere:
        return tr("You signed in on another device, which ended the session here. Please "
                  "sign in again.");
    case Reason::ServerEndedSession:
        return tr("The server ended this session — most likely you signed in on another "
                  "device. Please sign in again.");
    case Reason::SessionLimitReached:
        return tr("Your session reached its 30-day limit, so it has ended. Please sign in "
                  "again.");
    case Reason::StoredSessionUnreadable:
        return tr("Your saved sign-in could not be read, so it was removed. Please sign in "
                  "again.");
    case Reason::StoredSessionNewerVersion:
        return tr("Your saved sign-in was made by a newer version of SMTPD Accounts, so this "
                  "version leaves it untouched. Update the app, or sign in again here.");
    case Reason::KeychainUnavailable:
        return tr("Keychain unavailable: %1").arg(detail);
    case Reason::ThisRunOnly:
        return tr("Your sign-in will be kept for this run only.");
    case Reason::Offline:
        return tr("Offline: %1 Retrying automatically.").arg(detail);
    case Reason::SessionEndingSoon:
        return tr("Your session ends within a day (the 30-day limit). Sign in again now to "
                  "avoid an interruption.");
    }
    return {};
}

QString SessionTexts::noticeTitle(Reason reason)
{
    switch (reason) {
    case Reason::KeychainUnavailable:
        return tr("Keychain unavailable");
    case Reason::SessionEndingSoon:
        return tr("Session ends soon");
    default:
        return tr("Signed out");
    }
}

SessionPresenter::SessionPresenter(const Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(session, &Session::stateChanged, this, &SessionPresenter::onStateChanged);
    connect(session, &Session::signInFailed, this, [this] { m_signInFailed = true; });
}

void SessionPresenter::setRenewing(bool renewing)
{
    m_renewing = renewing;
}

void SessionPresenter::onStateChanged(State state)
{
    if (state == State::SigningIn) {
        m_signInFailed = false;
        m_endBeforeSignIn = m_session->sessionEnd();
    } else if (m_previous == State::SigningIn && state == State::Active && !m_signInFailed
        && m_renewing && m_session->sessionEnd() != m_endBeforeSignIn) {
        // A new 30-day session is in place (not a cancel, which changes nothing).
        m_renewing = false;
        emit renewed();
    }
    if (state == State::SignedOut || state == State::Expired)
        m_renewing = false;
    m_previous = state;
}

SessionPresenter::Windows SessionPresenter::windowsFor(State state, bool renewing)
{
    Windows windows;
    windows.account = (renewing && state == State::SigningIn) || state == State::Active
        || state == State::Refreshing || state == State::Offline || state == State::SigningOut
        || state == State::Restoring;
    windows.keychain = state == State::KeychainUnavailable;
    windows.signIn = (!windows.account && !windows.keychain) || renewing;
    return windows;
}

QString SessionPresenter::statusLine() const
{
    switch (m_session->state()) {
    case State::Active:
        return m_session->reason() == Reason::ThisRunOnly
            ? SessionTexts::describe(Reason::ThisRunOnly)
            : QString();
    case State::Restoring:
        return tr("Signing you back in\u2026");
    case State::Refreshing:
        return tr("Refreshing the access token\u2026");
    case State::SigningOut:
        return tr("Signing out\u2026");
    default:
        return SessionTexts::describe(m_session->reason(), m_session->reasonDetail());
    }
}

QString SessionPresenter::signInNotice() const
{
    const State state = m_session->state();
    if (state != State::Expired && state != State::SignedOut)
        return {};
    return SessionTexts::describe(m_session->reason(), m_session->reasonDetail());
}

TraySummary SessionPresenter::traySummary() const
{
    using Look = TraySummary::Look;
    const State state = m_session->state();
    TraySummary summary;
    const Profile &profile = m_session->profile();
    if (m_session->hasTokens() && !profile.email.isEmpty())
        summary.who = QStringLiteral("%1 <%2>").arg(profile.displayName(), profile.email);
    summary.accessTokenExpiry = m_session->accessTokenExpiry();
    summary.sessionEnd = m_session->sessionEnd();
    summary.offlineSince = m_session->offlineSince();
    switch (state) {
    case State::Active:
        summary.look = Look::Active;
        summary.headline = tr("Signed in");
        break;
    case State::Refreshing:
    case State::Restoring:
    case State::SigningIn:
    case State::SigningOut:
        summary.look = Look::Refreshing;
        summary.headline
            = state == State::SigningOut ? tr("Signing out\u2026") : tr("Refreshing\u2026");
        break;
    case State::Offline:
        summary.look = Look::Offline;
        summary.headline = tr("Offline, retrying");
        break;
    case State::Expired:
        summary.look = Look::Attention;
        summary.headline = tr("Session ended \u2013 sign in again");
        break;
    case State::KeychainUnavailable:
        summary.look = Look::Attention;
        summary.headline = tr("Keychain unavailable");
        break;
    case State::SignedOut:
        summary.look = Look::SignedOut;
        summary.headline = tr("Signed out");
        break;
    }
    const bool hasTokens = m_session->hasTokens() && state != State::SigningOut;
    summary.canCopy = hasTokens;
    summary.canRefresh = hasTokens && (state == State::Active || state == State::Offline);
    summary.canSignOut = hasTokens;
    return summary;
}

} // namespace Smtpd
