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

ExitCode exitCodeFor(const ApiError &error)
{
    if (error.isRefreshTokenRejected())
        return ExitCode::SessionEnded;
    switch (error.kind()) {
    case ApiError::Kind::Network:
    case ApiError::Kind::Tls:
    case ApiError::Kind::Timeout:
        return ExitCode::Unreachable;
    case ApiError::Kind::Http:
        return error.httpStatus() >= 500 ? ExitCode::Unreachable : ExitCode::Failure;
    default:
        break;
    }
    return ExitCode::Failure;
}

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

QString stateName(Session::State state)
{
    const QString name = toString(state);
    QString snake;
    for (const QChar c : name) {
        if (c.isUpper() && !snake.isEmpty())
            snake += QLatin1Char('_');
        snake += c.toLower();
    }
    return snake;
}

QJsonObject accountEntry(const Account &account, bool isDefault, bool full, const QDateTime &now)
{
    QJsonObject entry {{QStringLiteral("account"), account.who()},
        {QStringLiteral("name"), account.displayName()},
        {QStringLiteral("server"), account.origin()}, {QStringLiteral("default"), isDefault}};
    if (!full)
        return entry;
    const Session *session = account.session();
    const QDateTime at = now.isValid() ? now : QDateTime::currentDateTimeUtc();
    entry.insert(QStringLiteral("state"), stateName(session->state()));
    const QDateTime access = session->accessTokenExpiry();
    entry.insert(QStringLiteral("accessTokenValidSeconds"),
        access.isValid() ? std::max<qint64>(0, at.secsTo(access)) : 0);
    const QDateTime end = session->sessionEnd();
    if (end.isValid()) {
        entry.insert(QStringLiteral("sessionEndsAt"), end.toUTC().toString(Qt::ISODate));
        entry.insert(QStringLiteral("sessionValidSeconds"), std::max<qint64>(0, at.secsTo(end)));
    }
    entry.insert(QStringLiteral("storage"), session->storageDescription());
    return entry;
}

} // namespace Smtpd::Broker
