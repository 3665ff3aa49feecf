#pragma once

#include <QList>
#include <QString>
#include <QWidget>

class QLabel;
class QProgressBar;

class QChartView;

namespace Smtpd {

// What the Plan & usage page shows of the account's plan.
struct PlanFacts
{
    QString name;
    QString pricePerMonth; // as the API gives it, e.g. "0.00" (US dollars)
    qint64 maxEmailsPerMonth = 0;
    bool limitEnforced = false;
    QString extraThousandCost; // e.g. "0.50"; empty when none
    int maxSendingProfiles = 0;
    int retentionDays = 0;
    bool emailValidation = false;
    bool basicReporting = false;
    bool advancedReporting = false;
};

// The last 30 days' usage, by category as the API spells them (including "proccessed").
struct UsageFacts
{
    struct Category
    {
        QString apiName;
        qint64 count = 0;
    };
    qint64 total = 0;
    QList<Category> categories;
};

// The account's plan (name, price, limits, features), a chart of the last 30 days' emails by
// category and a meter of the emails used against the plan's monthly limit, warning near it.
// The same figures are available as text for screen readers. A thin view.
class PlanUsagePage final : public QWidget
{
    Q_OBJECT

public:
    explicit PlanUsagePage(QWidget *parent = nullptr);

    void setPlan(const PlanFacts &plan);
    void setUsage(const UsageFacts &usage);
    // Shows nothing (another account is shown now, or this one is signed out).
    void clear();
    // A sentence on why something could not be shown (a 403 worded by the app…); empty hides.
    void setMessage(const QString &message);
    // The words for a category ("proccessed" → "Processed").
    static QString categoryTitle(const QString &apiName);
    // The share of the monthly limit at which the meter warns.
    static constexpr double WarningShare = 0.8;

signals:
    void refreshRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateMeter();
    void updateChart();

    PlanFacts m_plan;
    UsageFacts m_usage;
    bool m_havePlan = false;
    bool m_haveUsage = false;
    QLabel *m_message;
    QLabel *m_planName;
    QLabel *m_planDetails;
    QProgressBar *m_meter;
    QLabel *m_meterText;
    QLabel *m_warning;
    QChartView *m_chart;
    QLabel *m_summary; // every figure in words
};

} // namespace Smtpd
