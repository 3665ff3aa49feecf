#include "BillingService.h"

namespace SmtpdEmulator {

namespace {

QJsonObject planJson(const char *id, const char *name, const char *price, qint64 maxEmails,
    bool enforce, const char *extraThousand, int profiles, int retentionDays, bool validation,
    bool basicReporting, bool advanceReporting)
{
    return {
        {QStringLiteral("plan_id"), QLatin1String(id)},
        {QStringLiteral("plan_name"), QLatin1String(name)},
        {QStringLiteral("price_usd_per_month"), QLatin1String(price)},
        {QStringLiteral("max_emails_per_month"), maxEmails},
        {QStringLiteral("enforce_plan_limit"), enforce},
        {QStringLiteral("extra_thousand_emails_cost"), QLatin1String(extraThousand)},
        {QStringLiteral("max_sending_profiles"), profiles},
        {QStringLiteral("max_retention_days"), retentionDays},
        {QStringLiteral("feature_email_validation"), validation},
        {QStringLiteral("feature_basic_reporting"), basicReporting},
        {QStringLiteral("feature_advance_reporting"), advanceReporting},
    };
}

} // namespace

const QStringList &BillingService::categories()
{
    static const QStringList names {QStringLiteral("unknown"), QStringLiteral("accepted"),
        QStringLiteral("proccessed"), QStringLiteral("sent"), QStringLiteral("delivered"),
        QStringLiteral("bounced"), QStringLiteral("complaint"), QStringLiteral("rejected")};
    return names;
}

BillingService::BillingService()
    : m_plans {
        planJson("free", "Free", "0.00", 1000, true, "0.00", 1, 3, false, true, false),
        planJson("starter", "Starter", "15.00", 5000, true, "1.50", 3, 30, true, true, false),
        planJson("growth", "Growth", "49.00", 50000, false, "0.90", 10, 90, true, true, true),
        planJson("scale", "Scale", "199.00", 250000, false, "0.60", 50, 365, true, true, true),
    }
{ }

bool BillingService::hasPlan(const QString &planId) const
{
    return !plan(planId).isEmpty();
}

QJsonObject BillingService::plan(const QString &planId) const
{
    for (const QJsonObject &p : m_plans)
        if (p.value(QStringLiteral("plan_id")).toString() == planId)
            return p;
    return {};
}

QJsonArray BillingService::catalogue() const
{
    QJsonArray all;
    for (const QJsonObject &p : m_plans)
        all.append(p);
    return all;
}

void BillingService::setAccount(
    const QString &accountId, const QString &planId, const QMap<QString, qint64> &usage)
{
    if (!planId.isEmpty())
        m_planOf.insert(accountId, planId);
    if (!usage.isEmpty())
        m_usageOf.insert(accountId, usage);
}

QString BillingService::planOf(const QString &accountId) const
{
    return m_planOf.value(accountId, QStringLiteral("free"));
}

QJsonObject BillingService::usageOf(const QString &accountId) const
{
    const QMap<QString, qint64> usage = m_usageOf.value(accountId);
    QJsonObject byCategory;
    qint64 total = 0;
    for (const QString &category : categories()) {
        byCategory.insert(category, usage.value(category));
        total += usage.value(category);
    }
    return {{QStringLiteral("total"), total}, {QStringLiteral("total_by_category"), byCategory}};
}

} // namespace SmtpdEmulator
