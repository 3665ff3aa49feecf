#include "Billing.h"

#include "JsonObjectReader.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace Smtpd {

bool UsdAmount::parse(const QString &text, UsdAmount *amount)
{
    static const QRegularExpression decimal(QStringLiteral("^[0-9]{1,15}(\\.[0-9]{1,6})?$"));
    if (!decimal.match(text).hasMatch())
        return false;
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok)
        return false;
    *amount = {text, value};
    return true;
}

namespace {

UsdAmount requiredPrice(JsonObjectReader &reader, const QString &key, ApiError *problem)
{
    const QString text = reader.requiredString(key);
    UsdAmount amount;
    if (reader.ok() && !*problem && !UsdAmount::parse(text, &amount))
        *problem = ApiError::protocol(
            QCoreApplication::translate("Smtpd::JsonObjectReader",
                "The server's plan could not be read: the field \u201c%1\u201d should "
                "be a price such as \u201c"
                "0.00\u201d.")
                .arg(key),
            QStringLiteral("field %1: not a decimal price").arg(key));
    return amount;
}

} // namespace

Plan Plan::fromJsonObject(const QJsonObject &object, const QString &what, ApiError *error)
{
    JsonObjectReader reader(object, what);
    ApiError priceProblem;
    Plan plan;
    plan.id = reader.requiredId(QStringLiteral("plan_id"));
    plan.name = reader.requiredString(QStringLiteral("plan_name"));
    plan.pricePerMonth
        = requiredPrice(reader, QStringLiteral("price_usd_per_month"), &priceProblem);
    plan.maxEmailsPerMonth = reader.requiredCount(QStringLiteral("max_emails_per_month"));
    plan.enforcePlanLimit = reader.requiredBool(QStringLiteral("enforce_plan_limit"));
    plan.extraThousandEmailsCost
        = requiredPrice(reader, QStringLiteral("extra_thousand_emails_cost"), &priceProblem);
    plan.maxSendingProfiles = reader.requiredCount(QStringLiteral("max_sending_profiles"));
    plan.maxRetentionDays = reader.requiredCount(QStringLiteral("max_retention_days"));
    plan.featureEmailValidation = reader.requiredBool(QStringLiteral("feature_email_validation"));
    plan.featureBasicReporting = reader.requiredBool(QStringLiteral("feature_basic_reporting"));
    plan.featureAdvanceReporting = reader.requiredBool(QStringLiteral("feature_advance_reporting"));
    *error = reader.error() ? reader.error() : priceProblem;
    if (!*error && plan.id.isEmpty())
        *error = ApiError::protocol(
            QCoreApplication::translate("Smtpd::JsonObjectReader",
                "The server's %1 could not be read: the field \u201cplan_id\u201d is "
                "empty.")
                .arg(what),
            QStringLiteral("field plan_id: empty"));
    return *error ? Plan {} : plan;
}

Plan Plan::fromJson(const QByteArray &body, ApiError *error)
{
    const QString what = QCoreApplication::translate("Smtpd::JsonObjectReader", "plan");
    JsonObjectReader reader(body, what);
    if (!reader.ok()) {
        *error = reader.error();
        return {};
    }
    return fromJsonObject(reader.object(), what, error);
}

QList<Plan> Plan::listFromJson(const QByteArray &body, ApiError *error)
{
    const QString what = QCoreApplication::translate("Smtpd::JsonObjectReader", "list of plans");
    const QJsonArray array = parseJsonArray(body, what, error);
    if (*error)
        return {};
    QList<Plan> plans;
    for (int i = 0; i < array.size(); ++i) {
        ApiError entryError;
        if (!array.at(i).isObject())
            entryError = ApiError::protocol({}, QStringLiteral("not an object"));
        else
            plans.append(fromJsonObject(array.at(i).toObject(), what, &entryError));
        if (entryError) {
            *error = ApiError::protocol(
                QCoreApplication::translate("Smtpd::JsonObjectReader",
                    "The server's %1 could not be read: entry %2 is not a plan (%3).")
                    .arg(what)
                    .arg(i + 1)
                    .arg(entryError.detail()),
                QStringLiteral("entry %1: %2").arg(i + 1).arg(entryError.detail()));
            return {};
        }
    }
    return plans;
}

bool operator==(const Plan &a, const Plan &b)
{
    return a.id == b.id && a.name == b.name && a.pricePerMonth == b.pricePerMonth
        && a.maxEmailsPerMonth == b.maxEmailsPerMonth && a.enforcePlanLimit == b.enforcePlanLimit
        && a.extraThousandEmailsCost == b.extraThousandEmailsCost
        && a.maxSendingProfiles == b.maxSendingProfiles && a.maxRetentionDays == b.maxRetentionDays
        && a.featureEmailValidation == b.featureEmailValidation
        && a.featureBasicReporting == b.featureBasicReporting
        && a.featureAdvanceReporting == b.featureAdvanceReporting;
}

double Usage::shareOf(const Plan &plan) const
{
    if (plan.maxEmailsPerMonth <= 0)
        return -1;
    return double(total) / double(plan.maxEmailsPerMonth);
}

Usage Usage::fromJson(const QByteArray &body, ApiError *error)
{
    JsonObjectReader reader(body, QCoreApplication::translate("Smtpd::JsonObjectReader", "usage"));
    Usage usage;
    usage.total = reader.requiredCount(QStringLiteral("total"));
    const QJsonObject categories = reader.requiredObject(QStringLiteral("total_by_category"));
    *error = reader.error();
    if (*error)
        return {};

    JsonObjectReader byCategory(
        categories, QCoreApplication::translate("Smtpd::JsonObjectReader", "usage by category"));
    usage.unknown = byCategory.requiredCount(QStringLiteral("unknown"));
    usage.accepted = byCategory.requiredCount(QStringLiteral("accepted"));
    // The API's own spelling; the corrected one is read should it ever change.
    const bool corrected = !categories.contains(QStringLiteral("proccessed"))
        && categories.contains(QStringLiteral("processed"));
    usage.proccessed = byCategory.requiredCount(
        corrected ? QStringLiteral("processed") : QStringLiteral("proccessed"));
    usage.sent = byCategory.requiredCount(QStringLiteral("sent"));
    usage.delivered = byCategory.requiredCount(QStringLiteral("delivered"));
    usage.bounced = byCategory.requiredCount(QStringLiteral("bounced"));
    usage.complaint = byCategory.requiredCount(QStringLiteral("complaint"));
    usage.rejected = byCategory.requiredCount(QStringLiteral("rejected"));
    *error = byCategory.error();
    if (*error)
        return {};
    for (auto it = categories.begin(); it != categories.end(); ++it) {
        const double value = it.value().toDouble(-1);
        // A further category that is not a count is left out, not an error: the documented
        // ones were all there.
        if (it.value().isDouble() && value >= 0 && value <= 9007199254740991.0
            && value == static_cast<double>(static_cast<qint64>(value)))
            usage.byCategory.insert(it.key(), static_cast<qint64>(value));
    }
    return usage;
}

bool operator==(const Usage &a, const Usage &b)
{
    return a.total == b.total && a.unknown == b.unknown && a.accepted == b.accepted
        && a.proccessed == b.proccessed && a.sent == b.sent && a.delivered == b.delivered
        && a.bounced == b.bounced && a.complaint == b.complaint && a.rejected == b.rejected
        && a.byCategory == b.byCategory;
}

} // namespace Smtpd
