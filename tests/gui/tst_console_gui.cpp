// The API keys page as a person uses it, on its own (the data comes from the test): the
// table, sorting and filtering, the empty state, Create key with a role and its meaning, the
// one-time secret dialog, Revoke with a confirmation naming the key, a key's sessions.
#include "ApiKeysPage.h"
#include "OneTimeSecretDialog.h"
#include "PlanUsagePage.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyle>
#include <QTableView>
#include <QTest>

using namespace Smtpd;

namespace {
template<typename T> T *named(QWidget *root, const QString &name)
{
    for (T *widget : root->findChildren<T *>())
        if (widget->accessibleName() == name && widget->isVisible())
            return widget;
    return nullptr;
}

QList<ApiKeyRow> sampleKeys()
{
    const QDateTime base = QDateTime::fromSecsSinceEpoch(1627618270, Qt::UTC);
    return {{QStringLiteral("k1"), QStringLiteral("Build server"),
                QStringLiteral("AKb1c2d3e4f5g6h7"), true, base.addDays(30), base.addDays(5)},
        {QStringLiteral("k2"), QStringLiteral("alerts"), QStringLiteral("AKz9y8x7w6v5u4t3"), false,
            {}, base.addDays(2)}};
}

QString cellText(QTableView *table, int row, int column)
{
    return table->model()->index(row, column).data().toString();
}
} // namespace

class TestConsoleGui : public QObject
{
    Q_OBJECT

private slots:
    void controlsAreNamedAndEmptyStateExplains();
    void tableSortsFiltersAndShortensKeys();
    void createAsksForANameAndOffersTheRoles();
    void revokeAsksFirstNamingTheKey();
    void secretIsShownOnceAndConfirmedBeforeClosing();
    void readOnlyPrincipalsSeeNoCreateOrRevoke();
    void sessionsShowInASidePanel();
    void planAndUsageWithTheDocsFigures();
    void usageFarFromTheLimitDoesNotWarn();
    void pagesInLightAndDarkPalettes();
};

void TestConsoleGui::controlsAreNamedAndEmptyStateExplains()
{
    ApiKeysPage page;
    page.setCanManage(true);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QCOMPARE(page.accessibleName(), QStringLiteral("API keys"));
    for (const char *name : {"Filter keys", "Refresh keys", "Create key"})
        QVERIFY2(named<QWidget>(&page, QLatin1String(name)), name);
    auto *empty = page.findChild<QLabel *>(QStringLiteral("apiKeysEmpty"));
    QVERIFY(empty->isVisible());
    QVERIFY(empty->text().contains(QStringLiteral("Create key")));
    QSignalSpy refresh(&page, &ApiKeysPage::refreshRequested);
    QTest::mouseClick(named<QPushButton>(&page, QStringLiteral("Refresh keys")), Qt::LeftButton);
    QCOMPARE(refresh.size(), 1);
    page.setKeys(sampleKeys());
    QVERIFY(!empty->isVisible());
    page.setMessage(QStringLiteral("Your role may not list keys."));
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("apiKeysMessage"))->isVisible());
}

void TestConsoleGui::tableSortsFiltersAndShortensKeys()
{
    ApiKeysPage page;
    page.setKeys(sampleKeys());
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *table = page.findChild<QTableView *>(QStringLiteral("apiKeyTable"));
    QCOMPARE(table->model()->rowCount(), 2);
    QCOMPARE(cellText(table, 0, 0), QStringLiteral("Build server")); // newest first
    QCOMPARE(cellText(table, 0, 1), QStringLiteral("AKb1\u2026g6h7"));
    QCOMPARE(cellText(table, 1, 3), QStringLiteral("Never"));
    QCOMPARE(cellText(table, 1, 2), QStringLiteral("Inactive"));
    table->sortByColumn(0, Qt::AscendingOrder); // by name, ignoring case
    QCOMPARE(cellText(table, 0, 0), QStringLiteral("alerts"));
    QTest::keyClicks(
        page.findChild<QLineEdit *>(QStringLiteral("apiKeyFilter")), QStringLiteral("BUILD"));
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(cellText(table, 0, 0), QStringLiteral("Build server"));
    // The whole key (or any part of it) finds its row, though the table shows it shortened.
    auto *filter = page.findChild<QLineEdit *>(QStringLiteral("apiKeyFilter"));
    filter->clear();
    QTest::keyClicks(filter, QStringLiteral("z9y8x7w6v5u4"));
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(cellText(table, 0, 0), QStringLiteral("alerts"));
    filter->clear();
    QTest::keyClicks(filter, QStringLiteral("BUILD"));
    // Copy key copies the whole key (not a secret).
    table->selectRow(0);
    QSignalSpy copies(&page, &ApiKeysPage::copyRequested);
    QTest::mouseClick(named<QPushButton>(&page, QStringLiteral("Copy key")), Qt::LeftButton);
    QCOMPARE(copies.size(), 1);
    QCOMPARE(copies.at(0).at(0).toString(), QStringLiteral("AKb1c2d3e4f5g6h7"));
    QCOMPARE(copies.at(0).at(1).toBool(), false);
}

void TestConsoleGui::createAsksForANameAndOffersTheRoles()
{
    ApiKeysPage page;
    page.setCanManage(true);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QSignalSpy created(&page, &ApiKeysPage::createRequested);
    QTest::mouseClick(named<QPushButton>(&page, QStringLiteral("Create key")), Qt::LeftButton);
    QDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = page.findChild<QDialog *>(QStringLiteral("createKeyDialog")))
        && dialog->isVisible());
    auto *role = dialog->findChild<QComboBox *>(QStringLiteral("newKeyRole"));
    QCOMPARE(role->count(), 4); // the roles the API lets a key have (owner and admin are people's)
    auto *meaning = dialog->findChild<QLabel *>(QStringLiteral("newKeyRoleMeaning"));
    QVERIFY(!meaning->text().isEmpty());
    role->setCurrentIndex(role->findData(QStringLiteral("read_only")));
    QVERIFY(meaning->text().contains(QStringLiteral("change nothing")));
    auto *create = named<QPushButton>(dialog, QStringLiteral("Create key"));
    QTest::mouseClick(create, Qt::LeftButton); // no name yet
    QCOMPARE(created.size(), 0);
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("newKeyProblem"))->isVisible());
    QTest::keyClicks(
        dialog->findChild<QLineEdit *>(QStringLiteral("newKeyName")), QStringLiteral("CI runner"));
    QTest::mouseClick(create, Qt::LeftButton);
    QCOMPARE(created.size(), 1);
    QCOMPARE(created.at(0).at(0).toString(), QStringLiteral("CI runner"));
    QCOMPARE(created.at(0).at(1).toString(), QStringLiteral("read_only"));
}

void TestConsoleGui::revokeAsksFirstNamingTheKey()
{
    ApiKeysPage page;
    page.setCanManage(true);
    page.setKeys(sampleKeys());
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *table = page.findChild<QTableView *>(QStringLiteral("apiKeyTable"));
    auto *revoke = named<QPushButton>(&page, QStringLiteral("Revoke key"));
    QVERIFY(!revoke->isEnabled()); // nothing chosen yet
    table->selectRow(0);
    QVERIFY(revoke->isEnabled());
    QSignalSpy revoked(&page, &ApiKeysPage::revokeRequested);
    QTest::mouseClick(revoke, Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = page.findChild<QMessageBox *>(QStringLiteral("revokeKeyConfirmation")))
        && box->isVisible());
    QVERIFY(box->text().contains(QStringLiteral("Build server")));
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
    box->button(QMessageBox::Cancel)->click();
    QCOMPARE(revoked.size(), 0);
    QTest::mouseClick(revoke, Qt::LeftButton);
    QTRY_VERIFY(page.findChildren<QMessageBox *>().size() >= 1);
    QMessageBox *again = nullptr;
    for (QMessageBox *b : page.findChildren<QMessageBox *>())
        if (b->isVisible())
            again = b;
    QVERIFY(again);
    for (QAbstractButton *b : again->buttons())
        if (again->buttonRole(b) == QMessageBox::DestructiveRole)
            b->click();
    QCOMPARE(revoked.size(), 1);
    QCOMPARE(revoked.at(0).at(0).toString(), QStringLiteral("k1"));
}

void TestConsoleGui::secretIsShownOnceAndConfirmedBeforeClosing()
{
    ApiKeysPage page;
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    const QString secret = QStringLiteral("sk_9f8e7d6c5b4a39281706f5e4d3c2b1a0");
    QSignalSpy copies(&page, &ApiKeysPage::copyRequested);
    page.showNewKey(QStringLiteral("CI runner"), QStringLiteral("AKnew0000key1111"), secret);
    OneTimeSecretDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = page.findChild<OneTimeSecretDialog *>()) && dialog->isVisible());
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("secretWarning"))
                ->text()
                .contains(QStringLiteral("only this once")));
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("newSecret"))->text(), secret);
    // No accessible name or title holds it.
    for (QWidget *w : dialog->findChildren<QWidget *>())
        QVERIFY(!w->accessibleName().contains(secret) && !w->windowTitle().contains(secret));
    QTest::mouseClick(named<QPushButton>(dialog, QStringLiteral("Copy secret")), Qt::LeftButton);
    QCOMPARE(copies.size(), 1);
    QCOMPARE(copies.at(0).at(0).toString(), secret);
    QCOMPARE(copies.at(0).at(1).toBool(), true); // marked secret: cleared after the timeout
    // Escape before confirming asks first; keeping it open keeps it.
    auto *close = named<QPushButton>(dialog, QStringLiteral("Close"));
    QVERIFY(!close->isEnabled());
    QTest::keyClick(dialog, Qt::Key_Escape);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = dialog->findChild<QMessageBox *>(QStringLiteral("closeSecretConfirmation")))
        && box->isVisible());
    named<QPushButton>(box, QStringLiteral("Keep it open"))->click();
    QTRY_VERIFY(!box->isVisible());
    QVERIFY(dialog->isVisible());
    // Confirmed: Close closes, and the secret is gone from the widgets.
    dialog->findChild<QCheckBox *>(QStringLiteral("secretStored"))->setChecked(true);
    QVERIFY(close->isEnabled());
    auto *secretField = dialog->findChild<QLineEdit *>(QStringLiteral("newSecret"));
    QTest::mouseClick(close, Qt::LeftButton);
    QVERIFY(secretField->text().isEmpty());
    QTRY_VERIFY(!page.findChild<OneTimeSecretDialog *>());
}

void TestConsoleGui::readOnlyPrincipalsSeeNoCreateOrRevoke()
{
    ApiKeysPage page;
    page.setKeys(sampleKeys());
    page.setCanManage(false);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(!named<QPushButton>(&page, QStringLiteral("Create key")));
    QVERIFY(!named<QPushButton>(&page, QStringLiteral("Revoke key")));
    QVERIFY(named<QPushButton>(&page, QStringLiteral("Show sessions")));
}

void TestConsoleGui::sessionsShowInASidePanel()
{
    ApiKeysPage page;
    page.setKeys(sampleKeys());
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *table = page.findChild<QTableView *>(QStringLiteral("apiKeyTable"));
    table->selectRow(0);
    QSignalSpy asked(&page, &ApiKeysPage::sessionsRequested);
    QTest::mouseClick(named<QPushButton>(&page, QStringLiteral("Show sessions")), Qt::LeftButton);
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.at(0).at(0).toString(), QStringLiteral("k1"));
    const QDateTime t = QDateTime::currentDateTimeUtc();
    page.showSessions(QStringLiteral("k1"),
        {{t.addDays(-1), t.addDays(29), t, QStringLiteral("curl/8.0"),
            QStringLiteral("203.0.113.7"), true}});
    auto *panel = page.findChild<QGroupBox *>(QStringLiteral("keySessions"));
    QVERIFY(panel->isVisible());
    QVERIFY(panel->title().contains(QStringLiteral("Build server")));
    auto *sessions = panel->findChild<QAbstractItemView *>();
    QCOMPARE(sessions->model()->rowCount(), 1);
    QCOMPARE(sessions->model()->index(0, 3).data().toString(), QStringLiteral("curl/8.0"));
    QCOMPARE(sessions->model()->index(0, 4).data().toString(), QStringLiteral("203.0.113.7"));
}

namespace {
// The documentation's examples: the usage verbatim; a plan whose limit it nears.
UsageFacts docsUsage()
{
    return {4087,
        {{QStringLiteral("unknown"), 40}, {QStringLiteral("accepted"), 6},
            {QStringLiteral("proccessed"), 0}, {QStringLiteral("sent"), 2},
            {QStringLiteral("delivered"), 4003}, {QStringLiteral("bounced"), 1},
            {QStringLiteral("complaint"), 0}, {QStringLiteral("rejected"), 35}}};
}
PlanFacts starterPlan()
{
    PlanFacts plan;
    plan.name = QStringLiteral("Starter");
    plan.pricePerMonth = QStringLiteral("0.00");
    plan.maxEmailsPerMonth = 5000;
    plan.limitEnforced = true;
    plan.maxSendingProfiles = 1;
    plan.retentionDays = 30;
    plan.emailValidation = false;
    plan.basicReporting = true;
    return plan;
}
} // namespace

void TestConsoleGui::planAndUsageWithTheDocsFigures()
{
    PlanUsagePage page;
    page.setPlan(starterPlan());
    page.setUsage(docsUsage());
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QCOMPARE(page.accessibleName(), QStringLiteral("Plan & usage"));
    QCOMPARE(page.findChild<QLabel *>(QStringLiteral("planName"))->text(),
        QStringLiteral("Starter plan"));
    const QString details = page.findChild<QLabel *>(QStringLiteral("planDetails"))->text();
    QVERIFY2(details.contains(QStringLiteral("US$0.00 a month"))
            && details.contains(QStringLiteral("5,000"))
            && details.contains(QStringLiteral("basic reporting")),
        qPrintable(details));
    auto *meter
        = named<QProgressBar>(&page, QStringLiteral("Emails used against the monthly limit"));
    QVERIFY(meter);
    QCOMPARE(meter->value(), 817); // 4,087 of 5,000
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("usageWarning"))->isVisible());
    // Every figure in words, for screen readers; the API's "proccessed" read as "Processed".
    const QString words = page.findChild<QLabel *>(QStringLiteral("usageSummary"))->text();
    for (const char *part :
        {"4,087 emails in the last 30 days, of 5,000 a month", "81 %", "Delivered: 4,003",
            "Rejected: 35", "Processed: 0", "Unknown: 40", "Close to the plan's monthly limit"})
        QVERIFY2(words.contains(QLatin1String(part)), qPrintable(words));
    QVERIFY(named<QWidget>(&page, QStringLiteral("Emails by category, last 30 days")));
    QCOMPARE(
        PlanUsagePage::categoryTitle(QStringLiteral("proccessed")), QStringLiteral("Processed"));
}

void TestConsoleGui::usageFarFromTheLimitDoesNotWarn()
{
    PlanUsagePage page;
    PlanFacts plan = starterPlan();
    plan.maxEmailsPerMonth = 100000;
    page.setPlan(plan);
    page.setUsage(docsUsage());
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(!page.findChild<QLabel *>(QStringLiteral("usageWarning"))->isVisible());
    QVERIFY(!page.findChild<QLabel *>(QStringLiteral("usageSummary"))
                 ->text()
                 .contains(QStringLiteral("limit")));
}

// Pictures for people to look at (light, dark; tst_console_gui also runs at 200 %).
void TestConsoleGui::pagesInLightAndDarkPalettes()
{
    QDir().mkpath(QStringLiteral(SMTPD_ARTIFACTS_DIR));
    const QString suffix
        = qEnvironmentVariableIsSet("QT_SCALE_FACTOR") ? QStringLiteral("-200") : QString();
    for (const bool dark : {false, true}) {
        QPalette palette = QApplication::style()->standardPalette();
        if (dark) {
            palette.setColor(QPalette::Window, QColor(0x23, 0x26, 0x29));
            palette.setColor(QPalette::Base, QColor(0x1b, 0x1e, 0x20));
            palette.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
            palette.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
            palette.setColor(QPalette::Button, QColor(0x31, 0x36, 0x3b));
            palette.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
            palette.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
        }
        PlanUsagePage plan;
        plan.setPalette(palette);
        plan.setPlan(starterPlan());
        plan.setUsage(docsUsage());
        plan.resize(720, 560);
        plan.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plan));
        QVERIFY(plan.grab().save(QStringLiteral(SMTPD_ARTIFACTS_DIR "/plan-usage%1%2.png")
                                     .arg(dark ? QStringLiteral("-dark") : QString(), suffix)));
        ApiKeysPage keys;
        keys.setPalette(palette);
        keys.setCanManage(true);
        keys.setKeys(sampleKeys());
        keys.resize(820, 380);
        keys.show();
        QVERIFY(QTest::qWaitForWindowExposed(&keys));
        QVERIFY(keys.grab().save(QStringLiteral(SMTPD_ARTIFACTS_DIR "/api-keys%1%2.png")
                                     .arg(dark ? QStringLiteral("-dark") : QString(), suffix)));
    }
}

QTEST_MAIN(TestConsoleGui)
#include "tst_console_gui.moc"
