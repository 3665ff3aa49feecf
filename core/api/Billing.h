#pragma once

#include "ApiError.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

namespace Smtpd {

// A price in US dollars as the API sends it: a decimal string such as "0.00" or "15.50". The
// text is kept as sent (for exact display and comparison); `value` is for arithmetic and
// charts only.
struct UsdAmount
{
    QString decimal;
    double value = 0;

    // Reads "0.00", "15", "0.125": digits, an optional point and digits. Anything else
    // (a number, a sign, "1e3", "$5") is refused.
    static bool parse(const QString &text, UsdAmount *amount);
    friend bool operator==(const UsdAmount &a, const UsdAmount &b)
    {
        return a.decimal == b.decimal;
    }
};

// A billing plan, from GET /api/v1/account/billing/plan/current and the public catalogue
// (GET /api/v1/billing/plan, …/plan/:id). Every documented field is required.
struct Plan
{
    QString id; // "plan_id": text or a whole number in the answer; kept as text
    QString name; // "plan_name"
    UsdAmount pricePerMonth; // "price_usd_per_month"
    qint64 maxEmailsPerMonth = 0; // "max_emails_per_month"
    bool enforcePlanLimit = false; // "enforce_plan_limit"
    UsdAmount extraThousandEmailsCost; // "extra_thousand_emails_cost"
    qint64 maxSendingProfiles = 0; // "max_sending_profiles"
    qint64 maxRetentionDays = 0; // "max_retention_days"
    bool featureEmailValidation = false; // "feature_email_validation"
    bool featureBasicReporting = false; // "feature_basic_reporting"
    bool featureAdvanceReporting = false; // "feature_advance_reporting" (the API's spelling)

    bool isValid() const { return !id.isEmpty(); }

    static Plan fromJson(const QByteArray &body, ApiError *error);
    static Plan fromJsonObject(const QJsonObject &object, const QString &what, ApiError *error);
    static QList<Plan> listFromJson(const QByteArray &body, ApiError *error);

    friend bool operator==(const Plan &a, const Plan &b);
};

// The last 30 days' emails, from GET /api/v1/account/billing/usage:
//   {"total": 4087, "total_by_category": {"unknown": 40, "accepted": 6, "proccessed": 0,
//    "sent": 2, "delivered": 4003, "bounced": 1, "complaint": 0, "rejected": 35}}
// The members are named as the API spells the categories, "proccessed" included. The eight
// documented categories are required (whole numbers, zero or more); "processed" is read in
// place of "proccessed" should the API ever correct it. Further categories are kept in
// byCategory only.
struct Usage
{
    qint64 total = 0;
    qint64 unknown = 0;
    qint64 accepted = 0;
    qint64 proccessed = 0;
    qint64 sent = 0;
    qint64 delivered = 0;
    qint64 bounced = 0;
    qint64 complaint = 0;
    qint64 rejected = 0;
    // Every category the answer held, as spelt there (extra ones included).
    QMap<QString, qint64> byCategory;

    // total / the plan's monthly limit (e.g. 4087 / 5000 = 0.8174); -1 when the plan has no
    // limit (0).
    double shareOf(const Plan &plan) const;

    static Usage fromJson(const QByteArray &body, ApiError *error);

    friend bool operator==(const Usage &a, const Usage &b);
};

} // namespace Smtpd

Q_DECLARE_METATYPE(Smtpd::Plan)
Q_DECLARE_METATYPE(Smtpd::Usage)
