#include "CliOutput.h"

#include "accounts/AccountRecord.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QUrl>

#include <iterator>

namespace Smtpd::Cli {

namespace {

QString translated(const char *text, int n = -1)
{
    return QCoreApplication::translate("Smtpd::Cli::CliOutput", text, nullptr, n);
}

QString field(const QJsonValue &entry, const char *name)
{
    return entry.toObject().value(QLatin1String(name)).toString();
}

// The account, and its display name when that says more, in the user's language (an API key's
// name is English in the listings' JSON).
QString who(const QJsonValue &entry)
{
    const QString account = AccountRecord::translatedWho(field(entry, "account"));
    const QString name = AccountRecord::translatedWho(field(entry, "name"));
    return name.isEmpty() || name == account ? account
                                             : QStringLiteral("%1 (%2)").arg(account, name);
}

// The state names of `status --json` (Broker::stateName), for people.
constexpr const char *StateNames[] = {
    //: a session's state in `status`; the English is the name `status --json` uses
    QT_TRANSLATE_NOOP("Smtpd::Cli::CliOutput", "active"),
    QT_TRANSLATE_NOOP("Smtpd::Cli::CliOutput", "refreshing"),
    QT_TRANSLATE_NOOP("Smtpd::Cli::CliOutput", "signed_out"),
    QT_TRANSLATE_NOOP("Smtpd::Cli::CliOutput", "signing_out"),
    QT_TRANSLATE_NOOP("Smtpd::Cli::CliOutput", "signing_in"),
    QT_TRANSLATE_NOOP("Smtpd::Cli::CliOutput", "restoring"),
    QT_TRANSLATE_NOOP("Smtpd::Cli::CliOutput", "expired"),
    QT_TRANSLATE_NOOP("Smtpd::Cli::CliOutput", "offline"),
    QT_TRANSLATE_NOOP("Smtpd::Cli::CliOutput", "keychain_unavailable"),
};

QString stateText(const QString &state)
{
    for (const char *name : StateNames)
        if (state == QLatin1String(name))
            return translated(name);
    return state;
}

} // namespace

QString duration(qint64 seconds)
{
    struct Unit
    {
        qint64 seconds;
        const char *text; // with %n: a plural
    };
    static constexpr Unit Units[]
        = {{86400, QT_TRANSLATE_N_NOOP("Smtpd::Cli::CliOutput", "%n days")},
            //: hours in `status`: "3 h"
            {3600, QT_TRANSLATE_NOOP("Smtpd::Cli::CliOutput", "%1 h")},
            //: minutes in `status`: "5 min"
            {60, QT_TRANSLATE_NOOP("Smtpd::Cli::CliOutput", "%1 min")},
            //: seconds in `status`: "7 s"
            {1, QT_TRANSLATE_NOOP("Smtpd::Cli::CliOutput", "%1 s")}};
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
        parts.append(unit.seconds == 86400 ? translated(unit.text, int(count))
                                           : translated(unit.text).arg(count));
    }
    return parts.isEmpty() ? QCoreApplication::translate("Smtpd::Cli::CliOutput", "%1 s").arg(0)
                           : parts.join(QLatin1Char(' '));
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
    //: labels of `status`, lined up
    const QString serverLabel = QCoreApplication::translate("Smtpd::Cli::CliOutput", "server:");
    const QString stateLabel = QCoreApplication::translate("Smtpd::Cli::CliOutput", "state:");
    const QString accessLabel
        = QCoreApplication::translate("Smtpd::Cli::CliOutput", "access token:");
    const QString sessionLabel = QCoreApplication::translate("Smtpd::Cli::CliOutput", "session:");
    const QString storageLabel = QCoreApplication::translate("Smtpd::Cli::CliOutput", "stored in:");
    qsizetype width = 0;
    for (const QString &label : {serverLabel, stateLabel, accessLabel, sessionLabel, storageLabel})
        width = qMax(width, label.size());
    auto line = [width](const QString &label, const QString &value) -> QString {
        return QStringLiteral("  ") + label.leftJustified(width + 2) + value + QLatin1Char('\n');
    };
    QString text;
    for (const QJsonValue &value : entries) {
        const QJsonObject entry = value.toObject();
        if (!text.isEmpty())
            text += QLatin1Char('\n');
        text += (entry.value(QLatin1String("default")).toBool()
                        //: %1 is the account in `status`
                        ? QCoreApplication::translate("Smtpd::Cli::CliOutput", "%1, the default")
                              .arg(who(value))
                        : who(value))
            + QLatin1Char('\n');
        text += line(serverLabel, field(value, "server"));
        text += line(stateLabel, stateText(field(value, "state")));
        const qint64 access = entry.value(QLatin1String("accessTokenValidSeconds")).toInteger();
        text += line(accessLabel,
            //: %1 is a duration: "55 min 12 s"
            access > 0 ? QCoreApplication::translate("Smtpd::Cli::CliOutput", "valid for %1")
                             .arg(duration(access))
                       : QCoreApplication::translate("Smtpd::Cli::CliOutput", "none valid now"));
        if (entry.contains(QLatin1String("sessionValidSeconds"))) {
            const qint64 session = entry.value(QLatin1String("sessionValidSeconds")).toInteger();
            const QDateTime end
                = QDateTime::fromString(field(value, "sessionEndsAt"), Qt::ISODate).toLocalTime();
            text += line(sessionLabel,
                QStringLiteral("%1 (%2)").arg(
                    //: %1 is a duration: "29 days 23 h"
                    session > 0 ? QCoreApplication::translate("Smtpd::Cli::CliOutput", "ends in %1")
                                      .arg(duration(session))
                                : QCoreApplication::translate("Smtpd::Cli::CliOutput", "ended"),
                    end.toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
        }
        // The storage's name is English in the JSON; the token stores' own words translate it.
        text += line(storageLabel,
            QCoreApplication::translate(
                "Smtpd::TokenStore", field(value, "storage").toUtf8().constData()));
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
