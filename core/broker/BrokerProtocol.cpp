#include "BrokerProtocol.h"

#include <QJsonDocument>

namespace Smtpd::Broker {

namespace {

struct OpName
{
    Op op;
    const char *name;
};

constexpr OpName OpNames[] = {{Op::Raise, "raise"}, {Op::Token, "token"}, {Op::Status, "status"},
    {Op::Accounts, "accounts"}, {Op::Logout, "logout"}, {Op::Login, "login"}};

std::optional<QJsonObject> objectFrom(const QByteArray &line, qint64 maxBytes)
{
    if (line.size() > maxBytes)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line.trimmed(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

QByteArray lineFrom(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace

QString opName(Op op)
{
    for (const OpName &entry : OpNames)
        if (entry.op == op)
            return QString::fromLatin1(entry.name);
    return {};
}

QByteArray Request::toLine() const
{
    QJsonObject message {{QStringLiteral("v"), Version}, {QStringLiteral("op"), opName(op)}};
    if (!account.isEmpty())
        message.insert(QStringLiteral("account"), account);
    if (op == Op::Token)
        message.insert(QStringLiteral("minValid"), minValidSeconds);
    if (op == Op::Raise && !activationToken.isEmpty())
        message.insert(QStringLiteral("activationToken"), QString::fromLatin1(activationToken));
    if (op == Op::Login) {
        if (!server.isEmpty())
            message.insert(QStringLiteral("server"), server);
        if (!caFile.isEmpty())
            message.insert(QStringLiteral("caFile"), caFile);
        message.insert(QStringLiteral("apiKey"), apiKey);
        message.insert(QStringLiteral("username"), username);
        message.insert(QStringLiteral("secret"), secret);
    }
    return lineFrom(message);
}

std::optional<Request> Request::fromLine(const QByteArray &line)
{
    const std::optional<QJsonObject> message = objectFrom(line, MaxLineBytes);
    if (!message || message->value(QLatin1String("v")).toInt() < Version)
        return std::nullopt;
    Request request;
    const QString op = message->value(QLatin1String("op")).toString();
    bool known = false;
    for (const OpName &entry : OpNames)
        if (op == QLatin1String(entry.name)) {
            request.op = entry.op;
            known = true;
        }
    if (!known)
        return std::nullopt;
    const QJsonValue account = message->value(QLatin1String("account"));
    if (!account.isUndefined() && !account.isString())
        return std::nullopt;
    request.account = account.toString();
    if (request.op == Op::Token) {
        const QJsonValue minValid = message->value(QLatin1String("minValid"));
        if (!minValid.isUndefined()) {
            const double seconds = minValid.toDouble(-1);
            if (!minValid.isDouble() || seconds < 0 || seconds > 86400
                || seconds != double(qint64(seconds)))
                return std::nullopt;
            request.minValidSeconds = int(seconds);
        }
    }
    if (request.op == Op::Raise)
        request.activationToken
            = message->value(QLatin1String("activationToken")).toString().toLatin1();
    if (request.op == Op::Login) {
        request.server = message->value(QLatin1String("server")).toString();
        request.caFile = message->value(QLatin1String("caFile")).toString();
        request.apiKey = message->value(QLatin1String("apiKey")).toBool();
        request.username = message->value(QLatin1String("username")).toString();
        request.secret = message->value(QLatin1String("secret")).toString();
        if (request.username.isEmpty() || request.secret.isEmpty())
            return std::nullopt;
    }
    return request;
}

Answer Answer::failure(ExitCode exit, const QString &message)
{
    Answer answer;
    answer.ok = false;
    answer.exit = exit;
    answer.message = message;
    return answer;
}

QByteArray Answer::toLine() const
{
    QJsonObject line {{QStringLiteral("ok"), ok}};
    if (!ok)
        line.insert(QStringLiteral("exit"), toInt(exit));
    if (!message.isEmpty())
        line.insert(QStringLiteral("message"), message);
    if (!token.isEmpty())
        line.insert(QStringLiteral("token"), token);
    if (!accounts.isEmpty())
        line.insert(QStringLiteral("accounts"), accounts);
    return lineFrom(line);
}

std::optional<Answer> Answer::fromLine(const QByteArray &line)
{
    const std::optional<QJsonObject> message = objectFrom(line, MaxAnswerBytes);
    if (!message || !message->value(QLatin1String("ok")).isBool())
        return std::nullopt;
    Answer answer;
    answer.ok = message->value(QLatin1String("ok")).toBool();
    answer.message = message->value(QLatin1String("message")).toString();
    answer.token = message->value(QLatin1String("token")).toString();
    answer.accounts = message->value(QLatin1String("accounts")).toArray();
    if (!answer.ok) {
        const int exit = message->value(QLatin1String("exit")).toInt(toInt(ExitCode::Failure));
        answer.exit = exit >= 1 && exit <= toInt(ExitCode::SignInRefused)
            ? static_cast<ExitCode>(exit)
            : ExitCode::Failure;
    }
    return answer;
}

} // namespace Smtpd::Broker
