#include "CliOutput.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QUrl>

#include <iterator>

namespace Smtpd::Cli {

namespace {

QString field(const QJsonValue &entry, const char *name)
{
    return entry.toObject().value(QLatin1String(name)).toString();
}

// The account, and its display name when that says more.
QString who(const QJsonValue &entry)
{
    const QString account = field(entry, "account");
    const QString name = field(entry, "name");
    return name.isEmpty() || name == account ? account
                                             : QStringLiteral("%1 (%2)").arg(account, name);
}

} // namespace

QString duration(qint64 seconds)
{
    struct Unit
    {
        qint64 seconds;
        const char *one;
        const char *many;
    };
    static constexpr Unit Units[]
        = {{86400, "day", "days"}, {3600, "h", "h"}, {60, "min", "min"}, {1, "s", "s"}};
    QStringList parts;
    int first = -1;
    for (int i = 0; i < int(std::size(Units)) && (first < 0 || i <= first + 1); ++i) {
        const Unit &unit = Units[i];
        const qint64 count = seconds / unit.seconds;
        seconds %= unit.seconds;
        if (count == 0)
            continue;
        if (first < 0)
            first = i;
        parts.append(QStringLiteral("%1 %2").arg(count).arg(
            QLatin1String(count == 1 ? unit.one : unit.many)));
    }
    return parts.isEmpty() ? QStringLiteral("0 s") : parts.join(QLatin1Char(' '));
}

QByteArray jsonListing(const QJsonArray &entries)
{
    return QJsonDocument(entries).toJson(QJsonDocument::Indented);
}

QByteArray accountsListing(const QJsonArray &entries)
{
    QString text;
    for (const QJsonValue &entry : entries) {
        const bool isDefault = entry.toObject().value(QLatin1String("default")).toBool();
        text += QStringLiteral("%1 %2  %3\n")
                    .arg(QLatin1String(isDefault ? "*" : " "), who(entry), field(entry, "server"));
    }
    return text.toUtf8();
}

QByteArray statusListing(const QJsonArray &entries)
{
    QString text;
    for (const QJsonValue &value : entries) {
        const QJsonObject entry = value.toObject();
        if (!text.isEmpty())
            text += QLatin1Char('\n');
        text += who(value)
            + (entry.value(QLatin1String("default")).toBool() ? QStringLiteral(", the default\n")
                                                              : QStringLiteral("\n"));
        text += QStringLiteral("  server:        %1\n").arg(field(value, "server"));
        text += QStringLiteral("  state:         %1\n").arg(field(value, "state"));
        const qint64 access = entry.value(QLatin1String("accessTokenValidSeconds")).toInteger();
        text += QStringLiteral("  access token:  %1\n")
                    .arg(access > 0 ? QStringLiteral("valid for %1").arg(duration(access))
                                    : QStringLiteral("none valid now"));
        if (entry.contains(QLatin1String("sessionValidSeconds"))) {
            const qint64 session = entry.value(QLatin1String("sessionValidSeconds")).toInteger();
            const QDateTime end
                = QDateTime::fromString(field(value, "sessionEndsAt"), Qt::ISODate).toLocalTime();
            text += QStringLiteral("  session:       %1 (%2)\n")
                        .arg(session > 0 ? QStringLiteral("ends in %1").arg(duration(session))
                                         : QStringLiteral("ended"),
                            end.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        }
        text += QStringLiteral("  stored in:     %1\n").arg(field(value, "storage"));
    }
    return text.toUtf8();
}

QByteArray namesListing(const QJsonArray &entries)
{
    QString text;
    for (const QJsonValue &entry : entries) {
        const QString account = field(entry, "account");
        int same = 0;
        for (const QJsonValue &other : entries)
            same += field(other, "account").compare(account, Qt::CaseInsensitive) == 0 ? 1 : 0;
        QString name = account;
        if (same > 1) {
            const QUrl server(field(entry, "server"));
            name += QLatin1Char('@') + server.host();
            if (server.port(443) != 443)
                name += QLatin1Char(':') + QString::number(server.port());
        }
        text += name + QLatin1Char('\n');
    }
    return text.toUtf8();
}

} // namespace Smtpd::Cli
