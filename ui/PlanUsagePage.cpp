#include "PlanUsagePage.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QValueAxis>

namespace Smtpd {

namespace {
// The count that picks a plural form for `count` emails (tr() takes an int; the number itself
// is put in with %1, whole): beyond an int, any large count picks the same form.
int pluralCount(qint64 count)
{
    return int(qBound(qint64(0), count, qint64(1000000000)));
}

// A price as the API gives it ("0.50", US dollars), in the locale's digits ("0,50" in German);
// as given when it is not a number.
QString amount(const QString &price)
{
    bool ok = false;
    const double value = QLocale::c().toDouble(price, &ok);
    return ok ? QLocale().toString(value, 'f', 2) : price;
}
} // namespace

QString PlanUsagePage::categoryTitle(const QString &apiName)
{
    // The API's own spelling is kept on the wire ("proccessed"); people read it right.
    static const QList<std::pair<const char *, const char *>> titles {
        {"accepted", QT_TR_NOOP("Accepted")}, {"proccessed", QT_TR_NOOP("Processed")},
        {"sent", QT_TR_NOOP("Sent")}, {"delivered", QT_TR_NOOP("Delivered")},
        {"bounced", QT_TR_NOOP("Bounced")}, {"complaint", QT_TR_NOOP("Complaints")},
        {"rejected", QT_TR_NOOP("Rejected")}, {"unknown", QT_TR_NOOP("Unknown")}};
    for (const auto &[api, title] : titles)
        if (apiName == QLatin1String(api))
            return tr(title);
    return apiName;
}

PlanUsagePage::PlanUsagePage(QWidget *parent)
    : QWidget(parent)
    , m_message(new QLabel(this))
    , m_planName(new QLabel(this))
    , m_planDetails(new QLabel(this))
    , m_meter(new QProgressBar(this))
    , m_meterText(new QLabel(this))
    , m_warning(new QLabel(this))
    , m_chart(new QChartView(this))
    , m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("planUsagePage"));
    setAccessibleName(tr("Plan & usage"));
    m_message->setObjectName(QStringLiteral("planMessage"));
    m_message->setWordWrap(true);
    m_message->setVisible(false);
    QFont big = m_planName->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_planName->setFont(big);
    m_planName->setObjectName(QStringLiteral("planName"));
    m_planDetails->setObjectName(QStringLiteral("planDetails"));
    m_planDetails->setWordWrap(true);
    m_planDetails->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_meter->setObjectName(QStringLiteral("usageMeter"));
    m_meter->setAccessibleName(tr("Emails used against the monthly limit"));
    m_meter->setTextVisible(false);
    m_meterText->setObjectName(QStringLiteral("usageMeterText"));
    m_warning->setObjectName(QStringLiteral("usageWarning"));
    m_warning->setWordWrap(true);
    m_warning->setVisible(false);
    m_chart->setObjectName(QStringLiteral("usageChart"));
    m_chart->setAccessibleName(tr("Emails by category, last 30 days"));
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(220);
    m_summary->setObjectName(QStringLiteral("usageSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_summary->setFocusPolicy(Qt::StrongFocus); // a screen reader reaches the figures by Tab
    auto *refresh = new QPushButton(tr("&Refresh"), this);
    refresh->setObjectName(QStringLiteral("refreshPlan"));
    refresh->setAccessibleName(tr("Refresh plan and usage"));
    connect(refresh, &QPushButton::clicked, this, &PlanUsagePage::refreshRequested);
    // Tab follows the page from the top: Refresh (top right), the chart, the figures in words.
    setTabOrder(refresh, m_chart);
    setTabOrder(m_chart, m_summary);

    auto *top = new QHBoxLayout;
    top->addWidget(m_planName, 1);
    top->addWidget(refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(m_planDetails);
    layout->addWidget(m_meter);
    layout->addWidget(m_meterText);
    layout->addWidget(m_warning);
    layout->addWidget(m_chart, 1);
    layout->addWidget(m_summary);
    updateChart();
    updateMeter();
}

void PlanUsagePage::setMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void PlanUsagePage::setPlan(const PlanFacts &plan)
{
    m_plan = plan;
    m_havePlan = true;
    const QLocale locale;
    m_planName->setText(tr("%1 plan").arg(plan.name));
    QStringList features;
    if (plan.emailValidation)
        features << tr("email validation");
    if (plan.basicReporting)
        features << tr("basic reporting");
    if (plan.advancedReporting)
        features << tr("advanced reporting");
    QStringList lines;
    lines << tr("US$%1 a month").arg(amount(plan.pricePerMonth));
    // A count's words come in plural forms (%Ln: the count in the locale's digits). The
    // source text is the English plural; the English catalogue adds the singular.
    lines << (plan.limitEnforced
            ? tr("Up to %1 emails a month (a hard limit)", nullptr,
                pluralCount(plan.maxEmailsPerMonth))
                  .arg(locale.toString(plan.maxEmailsPerMonth))
            : tr("%1 emails a month included", nullptr, pluralCount(plan.maxEmailsPerMonth))
                  .arg(locale.toString(plan.maxEmailsPerMonth)));
    if (!plan.extraThousandCost.isEmpty() && !plan.limitEnforced)
        lines << tr("US$%1 for each further thousand").arg(amount(plan.extraThousandCost));
    lines << tr("%Ln sending profiles", nullptr, plan.maxSendingProfiles);
    lines << tr("Data kept for %Ln days", nullptr, plan.retentionDays);
    lines << (features.isEmpty() ? tr("No extra features")
                                 : tr("Features: %1").arg(features.join(QStringLiteral(", "))));
    m_planDetails->setText(lines.join(QLatin1Char('\n')));
    updateMeter();
}

void PlanUsagePage::clear()
{
    m_plan = {};
    m_usage = {};
    m_havePlan = false;
    m_haveUsage = false;
    m_planName->clear();
    m_planDetails->clear();
    setMessage({});
    updateMeter();
    updateChart();
}

void PlanUsagePage::setUsage(const UsageFacts &usage)
{
    m_usage = usage;
    m_haveUsage = true;
    updateMeter();
    updateChart();
}

void PlanUsagePage::updateMeter()
{
    const QLocale locale;
    const qint64 limit = m_plan.maxEmailsPerMonth;
    const bool known = m_havePlan && m_haveUsage && limit > 0;
    m_meter->setVisible(known);
    m_meterText->setVisible(m_haveUsage);
    m_warning->setVisible(false);
    QStringList words;
    if (known) {
        m_meter->setRange(0, 1000);
        m_meter->setValue(int(qMin<qint64>(1000, m_usage.total * 1000 / limit)));
        const int percent = int(m_usage.total * 100 / limit);
        // The usage endpoint counts the last 30 days; the plan's limit is per month.
        const QString used = tr("%1 emails in the last 30 days, of %2 a month (%3 %)", nullptr,
            pluralCount(m_usage.total))
                                 .arg(locale.toString(m_usage.total), locale.toString(limit),
                                     locale.toString(percent));
        m_meterText->setText(used);
        m_meter->setAccessibleDescription(used);
        words << used + QLatin1Char('.');
        if (double(m_usage.total) >= WarningShare * double(limit)) {
            m_warning->setText(m_usage.total >= limit
                    ? tr("\u26a0 The plan's monthly limit is reached.")
                    : tr("\u26a0 Close to the plan's monthly limit."));
            m_warning->setVisible(true);
            words << m_warning->text().mid(2);
        }
    } else if (m_haveUsage) {
        m_meterText->setText(
            tr("%1 emails in the last 30 days", nullptr, pluralCount(m_usage.total))
                .arg(locale.toString(m_usage.total)));
        words << m_meterText->text() + QLatin1Char('.');
    }
    if (m_haveUsage) {
        QStringList parts;
        for (const UsageFacts::Category &c : std::as_const(m_usage.categories))
            parts << tr("%1: %2").arg(categoryTitle(c.apiName), locale.toString(c.count));
        if (!parts.isEmpty())
            words << tr("By category: %1.").arg(parts.join(QStringLiteral(", ")));
    }
    m_summary->setText(words.join(QLatin1Char(' ')));
    m_summary->setAccessibleName(tr("Usage in words"));
    m_summary->setAccessibleDescription(m_summary->text());
    m_chart->setAccessibleDescription(m_summary->text());
}

// Colours from the palette, so that the chart reads in a dark one too; vector drawing keeps
// it crisp at any scale.
void PlanUsagePage::updateChart()
{
    auto *chart = new QChart;
    chart->setBackgroundBrush(palette().base());
    chart->setTitleBrush(palette().text());
    chart->legend()->setVisible(false);
    chart->setTitle(tr("Emails by category, last 30 days"));
    auto *set = new QBarSet(tr("Emails"));
    set->setColor(palette().highlight().color());
    set->setBorderColor(palette().highlight().color());
    QStringList names;
    for (const UsageFacts::Category &c : std::as_const(m_usage.categories)) {
        *set << double(c.count);
        names << categoryTitle(c.apiName);
    }
    auto *series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    set->setLabelColor(palette().text().color());
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(names);
    auto *y = new QValueAxis;
    qint64 highest = 1;
    for (const UsageFacts::Category &c : std::as_const(m_usage.categories))
        highest = qMax(highest, c.count);
    y->setRange(0, double(highest) * 1.15);
    y->applyNiceNumbers();
    y->setLabelFormat(QStringLiteral("%d"));
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(x), static_cast<QAbstractAxis *>(y)}) {
        axis->setLabelsBrush(palette().text());
        axis->setLinePenColor(palette().mid().color());
        axis->setGridLineColor(palette().midlight().color());
    }
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    QChart *old = m_chart->chart();
    m_chart->setChart(chart);
    m_chart->setBackgroundBrush(palette().base());
    delete old;
}

void PlanUsagePage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateChart();
}

} // namespace Smtpd
