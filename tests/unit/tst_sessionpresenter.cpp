// The widget-free presenter: which window shows in which state, and the words for each reason.
#include "ManualClock.h"
#include "SessionPresenter.h"
#include "SessionRig.h"
#include "TestUnits.h"
#include "api/ApiClient.h"
#include "auth/TokenStore.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Smtpd;
using State = Session::State;
using Reason = Session::Reason;
using Windows = SessionPresenter::Windows;

Q_DECLARE_METATYPE(Smtpd::Session::State)
Q_DECLARE_METATYPE(Smtpd::Session::Reason)

class TestSessionPresenter : public QObject
{
    Q_OBJECT

private slots:
    void windowsForEachState_data();
    void windowsForEachState();
    void everyReasonHasWords();
    void signedOutSummary();
    void onlyANewSessionCompletesARenewal();
};

void TestSessionPresenter::windowsForEachState_data()
{
    QTest::addColumn<State>("state");
    QTest::addColumn<bool>("renewing");
    QTest::addColumn<bool>("account");
    QTest::addColumn<bool>("signIn");
    QTest::addColumn<bool>("keychain");
    QTest::newRow("signed out") << State::SignedOut << false << false << true << false;
    QTest::newRow("signing in") << State::SigningIn << false << false << true << false;
    QTest::newRow("renewing: both") << State::SigningIn << true << true << true << false;
    QTest::newRow("restoring") << State::Restoring << false << true << false << false;
    QTest::newRow("active") << State::Active << false << true << false << false;
    QTest::newRow("active, renewal form open") << State::Active << true << true << true << false;
    QTest::newRow("refreshing") << State::Refreshing << false << true << false << false;
    QTest::newRow("offline") << State::Offline << false << true << false << false;
    QTest::newRow("expired") << State::Expired << false << false << true << false;
    QTest::newRow("signing out") << State::SigningOut << false << true << false << false;
    QTest::newRow("keychain") << State::KeychainUnavailable << false << false << false << true;
}

void TestSessionPresenter::windowsForEachState()
{
    QFETCH(State, state);
    QFETCH(bool, renewing);
    QFETCH(bool, account);
    QFETCH(bool, signIn);
    QFETCH(bool, keychain);
    const Windows windows = SessionPresenter::windowsFor(state, renewing);
    QCOMPARE(windows.account, account);
    QCOMPARE(windows.signIn, signIn);
    QCOMPARE(windows.keychain, keychain);
}

void TestSessionPresenter::everyReasonHasWords()
{
    const QMetaEnum reasons = QMetaEnum::fromType<Reason>();
    for (int i = 0; i < reasons.keyCount(); ++i) {
        const auto reason = Reason(reasons.value(i));
        const QString words = SessionTexts::describe(reason, QStringLiteral("DETAIL"));
        if (reason == Reason::None) {
            QVERIFY(words.isEmpty());
            continue;
        }
        QVERIFY2(words.size() > 10, reasons.key(i));
        QVERIFY2(!SessionTexts::noticeTitle(reason).isEmpty(), reasons.key(i));
    }
    // Reasons with specifics carry them; the others do not make any up.
    QVERIFY(SessionTexts::describe(Reason::Offline, QStringLiteral("DETAIL"))
                .contains(QStringLiteral("DETAIL")));
    QVERIFY(SessionTexts::describe(Reason::KeychainUnavailable, QStringLiteral("DETAIL"))
                .contains(QStringLiteral("DETAIL")));
    QVERIFY(SessionTexts::describe(Reason::SignedOutServerNotTold, QStringLiteral("DETAIL"))
                .contains(QStringLiteral("DETAIL")));
    QVERIFY(!SessionTexts::describe(Reason::SignedInElsewhere, QStringLiteral("DETAIL"))
                 .contains(QStringLiteral("DETAIL")));
    QVERIFY(SessionTexts::describe(Reason::SignedInElsewhere)
                .contains(QStringLiteral("another device")));
    QVERIFY(SessionTexts::describe(Reason::SessionLimitReached).contains(QStringLiteral("30-day")));
}

void TestSessionPresenter::signedOutSummary()
{
    TestSupport::ManualClock clock;
    QNetworkAccessManager network;
    ApiClient api(&network, &clock);
    MemoryTokenStore store;
    Session session(&api, &store, &clock);
    SessionPresenter presenter(&session);
    const TraySummary summary = presenter.traySummary();
    QCOMPARE(int(summary.look), int(TraySummary::Look::SignedOut));
    QVERIFY(summary.who.isEmpty());
    QVERIFY(!summary.canCopy && !summary.canRefresh && !summary.canSignOut);
    QVERIFY(presenter.statusLine().isEmpty());
    QCOMPARE(presenter.windows(), SessionPresenter::windowsFor(State::SignedOut, false));
}

// A failed or cancelled renewal keeps the renewal offer; only a new 30-day session ends it.
void TestSessionPresenter::onlyANewSessionCompletesARenewal()
{
    TestSupport::SessionRig rig;
    QVERIFY(rig.signIn());
    SessionPresenter presenter(&rig.session());
    QSignalSpy renewed(&presenter, &SessionPresenter::renewed);
    presenter.setRenewing(true);
    rig.session().signIn(TestSupport::DemoEmail, QStringLiteral("wrong"));
    QTRY_COMPARE_WITH_TIMEOUT(toString(rig.session().state()), toString(State::Active), 10000);
    rig.session().signIn(TestSupport::DemoEmail, TestSupport::DemoPassword);
    rig.session().cancelSignIn();
    QVERIFY(rig.network().waitQuiet());
    QCOMPARE(renewed.count(), 0);
    QVERIFY(presenter.isRenewing());
    rig.clock().sleep(20 * TestSupport::Day);
    rig.session().signIn(TestSupport::DemoEmail, TestSupport::DemoPassword);
    QTRY_COMPARE_WITH_TIMEOUT(renewed.count(), 1, 10000);
    QVERIFY(!presenter.isRenewing());
}

QTEST_GUILESS_MAIN(TestSessionPresenter)
#include "tst_sessionpresenter.moc"
