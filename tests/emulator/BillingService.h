#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QStringList>

namespace SmtpdEmulator {

// Billing: the public plan catalogue, and each account's plan and last-30-days usage (demo
// data, set from the users file; nothing here counts real sending).
//
// Catalogue (prices are strings, as the docs show):
//   free     "0.00"/month,    1,000 emails, limit enforced
//   starter  "15.00"/month,   5,000 emails, limit enforced, "1.50" per extra thousand
//   growth   "49.00"/month,  50,000 emails, "0.90" per extra thousand
//   scale   "199.00"/month, 250,000 emails, "0.60" per extra thousand
class BillingService
{
public:
    // The usage categories as the API spells them ("proccessed" included).
    static const QStringList &categories();

    BillingService();

    bool hasPlan(const QString &planId) const;
    // The plan's JSON (the docs' fields); empty when there is no such plan.
    QJsonObject plan(const QString &planId) const;
    QJsonArray catalogue() const;

    // An account's plan (when not empty) and usage (when not empty).
    void setAccount(const QString &accountId, const QString &planId,
        const QMap<QString, qint64> &usageByCategory);
    // The account's plan: "free" until set.
    QString planOf(const QString &accountId) const;
    // {"total": n, "total_by_category": {every category, 0 where unset}}.
    QJsonObject usageOf(const QString &accountId) const;

private:
    QList<QJsonObject> m_plans;
    QHash<QString, QString> m_planOf;
    QHash<QString, QMap<QString, qint64>> m_usageOf;
};

} // namespace SmtpdEmulator
