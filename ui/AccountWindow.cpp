#include "AccountWindow.h"

#include "AccountListDelegate.h"
#include "AccountListModel.h"
#include "ApiKeysPage.h"
#include "AvatarView.h"
#include "DurationText.h"
#include "PlanUsagePage.h"
#include "api/Profile.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QShowEvent>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

#include <functional>
#include <utility>

namespace Smtpd {

namespace {
// Tells when a window is shown and hidden, including the spontaneous hide and show of
// minimizing and restoring it.
class VisibilityFilter final : public QObject
{
public:
    VisibilityFilter(QWidget *window, std::function<void(bool shown)> changed)
        : QObject(window)
        , m_changed(std::move(changed))
    {
        window->installEventFilter(this);
    }

private:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Show)
            m_changed(true);
        else if (event->type() == QEvent::Hide)
            m_changed(false);
        return false;
    }

    std::function<void(bool)> m_changed;
};

QLabel *makeLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    return label;
}

} // namespace

QPushButton *AccountWindow::makeButton(
    const QString &text, const QString &objectName, const QString &accessibleName)
{
    auto *button = new QPushButton(text, this);
    button->setObjectName(objectName);
    button->setAccessibleName(accessibleName);
    return button;
}

AccountWindow::AccountWindow(QWidget *parent)
    : QWidget(parent)
    , m_accounts(new AccountListModel(this))
    , m_list(new QListView(this))
    , m_addAccount(makeButton(tr("&Add account"), QStringLiteral("addAccount"), tr("Add account")))
    , m_removeAccount(
          makeButton(tr("Re&move account"), QStringLiteral("removeAccount"), tr("Remove account")))
    , m_makeDefault(
          makeButton(tr("Make &default"), QStringLiteral("makeDefault"), tr("Make default")))
    , m_settings(makeButton(tr("&Settings\u2026"), QStringLiteral("openSettings"), tr("Settings")))
    , m_avatar(new AvatarView(96, this))
    , m_name(makeLabel(this, QStringLiteral("profileName")))
    , m_email(makeLabel(this, QStringLiteral("profileEmail")))
    , m_badges(makeLabel(this, QStringLiteral("profileBadges")))
    , m_accountId(new QLineEdit(this))
    , m_dates(makeLabel(this, QStringLiteral("profileDates")))
    , m_tokenValidity(makeLabel(this, QStringLiteral("tokenValidity")))
    , m_sessionEnd(makeLabel(this, QStringLiteral("sessionEnd")))
    , m_storage(makeLabel(this, QStringLiteral("tokenStorage")))
    , m_status(makeLabel(this, QStringLiteral("sessionStatus")))
    , m_tabs(new QTabWidget(this))
    , m_apiKeys(new ApiKeysPage(this))
    , m_plan(new PlanUsagePage(this))
    , m_copyConfirmation(makeLabel(this, QStringLiteral("copyConfirmation")))
    , m_renewal(new QWidget(this))
    , m_renewalText(makeLabel(m_renewal, QStringLiteral("renewalText")))
    , m_refresh(makeButton(tr("&Refresh now"), QStringLiteral("refreshNow"), tr("Refresh now")))
    , m_copyToken(makeButton(
          tr("&Copy access token"), QStringLiteral("copyAccessToken"), tr("Copy access token")))
    , m_copyHeader(makeButton(tr("Copy as Authorization &header"),
          QStringLiteral("copyAuthorizationHeader"), tr("Copy as Authorization header")))
    , m_copyCurl(makeButton(
          tr("Copy c&url command"), QStringLiteral("copyCurlCommand"), tr("Copy curl command")))
    , m_signOut(makeButton(tr("Sign &out"), QStringLiteral("signOut"), tr("Sign out")))
{
    setWindowTitle(tr("SMTPD Accounts"));
    setObjectName(QStringLiteral("accountWindow"));

    // The accounts, on the left.
    m_list->setObjectName(QStringLiteral("accountList"));
    m_list->setAccessibleName(tr("Accounts"));
    m_list->setModel(m_accounts);
    m_list->setItemDelegate(new AccountListDelegate(m_list));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setMinimumWidth(260);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        if (!m_updatingList)
            syncCurrentAccount();
    });
    // Delete in the list removes the current account, after the same confirmation.
    auto *removeKey = new QAction(tr("Remove account"), m_list);
    removeKey->setShortcut(QKeySequence::Delete);
    removeKey->setShortcutContext(Qt::WidgetShortcut);
    m_list->addAction(removeKey);
    connect(removeKey, &QAction::triggered, this, [this] {
        if (m_removeAccount->isEnabled())
            confirmRemove();
    });
    // The order the accounts are listed in (the tray's submenus follow it): Alt+Up/Down, or
    // the list's context menu, which also holds Make default and Remove account.
    auto *makeDefault = new QAction(tr("Make default"), m_list);
    m_list->insertAction(removeKey, makeDefault);
    connect(makeDefault, &QAction::triggered, m_makeDefault, &QPushButton::click);
    for (const int step : {-1, 1}) {
        auto *move = new QAction(step < 0 ? tr("Move up") : tr("Move down"), m_list);
        move->setObjectName(
            step < 0 ? QStringLiteral("moveAccountUp") : QStringLiteral("moveAccountDown"));
        move->setShortcut(QKeyCombination(Qt::AltModifier, step < 0 ? Qt::Key_Up : Qt::Key_Down));
        move->setShortcutContext(Qt::WidgetShortcut);
        m_list->insertAction(removeKey, move);
        connect(move, &QAction::triggered, this, [this, step] {
            const int row = m_accounts->rowOf(m_currentId);
            if (row >= 0 && row + step >= 0 && row + step < m_accounts->rowCount())
                emit moveRequested(m_currentId, row + step);
        });
    }
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *addKey = new QAction(tr("Add account"), this);
    addKey->setObjectName(QStringLiteral("addAccountAction"));
    addKey->setShortcut(QKeySequence::New);
    addKey->setShortcutContext(Qt::WindowShortcut);
    addAction(addKey);
    connect(addKey, &QAction::triggered, this, [this] {
        if (m_addAccount->isEnabled())
            emit addAccountRequested();
    });
    connect(m_addAccount, &QPushButton::clicked, this, &AccountWindow::addAccountRequested);
    connect(m_removeAccount, &QPushButton::clicked, this, &AccountWindow::confirmRemove);
    connect(m_makeDefault, &QPushButton::clicked, this, [this] {
        if (!m_currentId.isEmpty())
            emit makeDefaultRequested(m_currentId);
    });
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_addAccount);
    listButtons->addWidget(m_removeAccount);
    auto *column = new QVBoxLayout;
    column->setSpacing(8);
    column->addWidget(m_list, 1);
    column->addLayout(listButtons);
    column->addWidget(m_makeDefault, 0, Qt::AlignLeft);
    column->addWidget(m_settings, 0, Qt::AlignLeft);
    connect(m_settings, &QPushButton::clicked, this, &AccountWindow::settingsRequested);
    auto *settingsKey = new QAction(tr("Settings"), this);
    settingsKey->setObjectName(QStringLiteral("settingsAction"));
    settingsKey->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Comma), QKeySequence::Preferences});
    settingsKey->setShortcutContext(Qt::WindowShortcut);
    addAction(settingsKey);
    connect(settingsKey, &QAction::triggered, this, &AccountWindow::settingsRequested);
    updateListButtons();

    // The current account's page, on the right.
    QFont nameFont = m_name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.5);
    nameFont.setBold(true);
    m_name->setFont(nameFont);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_email->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_accountId->setObjectName(QStringLiteral("accountId"));
    m_accountId->setAccessibleName(tr("Account ID"));
    m_accountId->setReadOnly(true);
    m_accountId->setFrame(false);
    auto *copyId = makeButton(tr("Copy"), QStringLiteral("copyAccountId"), tr("Copy account ID"));
    connect(copyId, &QPushButton::clicked, this,
        [this] { QApplication::clipboard()->setText(m_accountId->text()); });

    auto *identity = new QVBoxLayout;
    identity->addWidget(m_name);
    identity->addWidget(m_email);
    identity->addWidget(m_badges);
    identity->addStretch();
    auto *header = new QHBoxLayout;
    header->addWidget(m_avatar, 0, Qt::AlignTop);
    header->addSpacing(16);
    header->addLayout(identity, 1);

    auto *idRow = new QHBoxLayout;
    idRow->addWidget(m_accountId, 1);
    idRow->addWidget(copyId);
    auto *details = new QFormLayout;
    details->addRow(tr("Account ID"), idRow);
    details->addRow(m_dates);

    auto *tokenBox = new QGroupBox(tr("Access token"), this);
    tokenBox->setObjectName(QStringLiteral("tokenPanel"));
    auto *tokenButtons = new QHBoxLayout;
    tokenButtons->addWidget(m_copyToken);
    tokenButtons->addWidget(m_refresh);
    tokenButtons->addStretch();
    // The same token, ready to paste into a request or a terminal.
    auto *formatButtons = new QHBoxLayout;
    formatButtons->addWidget(m_copyHeader);
    formatButtons->addWidget(m_copyCurl);
    formatButtons->addStretch();
    auto *tokenLayout = new QVBoxLayout(tokenBox);
    tokenLayout->addWidget(m_tokenValidity);
    tokenLayout->addWidget(m_sessionEnd);
    tokenLayout->addWidget(m_storage);
    tokenLayout->addLayout(tokenButtons);
    tokenLayout->addLayout(formatButtons);
    tokenLayout->addWidget(m_copyConfirmation);
    m_copyConfirmation->setVisible(false);
    m_copyConfirmation->setAccessibleDescription(tr("Copy confirmation"));

    m_renewal->setObjectName(QStringLiteral("renewalBanner"));
    auto *renew = new QPushButton(tr("Sign in again now"), m_renewal);
    renew->setObjectName(QStringLiteral("renewNow"));
    renew->setAccessibleName(tr("Sign in again now"));
    auto *renewalLayout = new QHBoxLayout(m_renewal);
    renewalLayout->setContentsMargins(0, 0, 0, 0);
    renewalLayout->addWidget(m_renewalText, 1);
    renewalLayout->addWidget(renew);
    m_renewal->setVisible(false);
    m_status->setVisible(false);

    auto *bottom = new QHBoxLayout;
    bottom->addStretch();
    bottom->addWidget(m_signOut);

    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("accountPage"));
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->setSpacing(12);
    pageLayout->addLayout(header);
    pageLayout->addLayout(details);
    pageLayout->addWidget(m_status);
    pageLayout->addWidget(m_renewal);
    pageLayout->addWidget(tokenBox);
    pageLayout->addStretch();
    pageLayout->addLayout(bottom);
    page->setMinimumWidth(460);

    // The page, the account's API keys, its plan: one tab each.
    m_tabs->setObjectName(QStringLiteral("accountTabs"));
    m_tabs->setAccessibleName(tr("Account sections"));
    m_tabs->setDocumentMode(true);
    m_tabs->setUsesScrollButtons(false); // unnamed arrow buttons otherwise; three tabs fit
    m_tabs->tabBar()->setAccessibleName(tr("Account sections"));
    m_tabs->addTab(page, tr("Account"));
    m_tabs->addTab(m_apiKeys, tr("API keys"));
    m_tabs->addTab(m_plan, tr("Plan && usage"));
    connect(
        m_tabs, &QTabWidget::currentChanged, this, [this] { emit sectionShown(shownSection()); });

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->setSpacing(24);
    layout->addLayout(column);
    layout->addWidget(m_tabs, 1);

    m_copyToken->setDefault(true);
    // Left to right: the list and its buttons, then the page.
    setTabOrder(m_list, m_addAccount);
    setTabOrder(m_addAccount, m_removeAccount);
    setTabOrder(m_removeAccount, m_makeDefault);
    setTabOrder(m_makeDefault, m_settings);
    setTabOrder(m_settings, m_copyToken);
    setTabOrder(m_copyToken, m_refresh);
    setTabOrder(m_refresh, m_copyHeader);
    setTabOrder(m_copyHeader, m_copyCurl);
    setTabOrder(m_copyCurl, m_accountId);
    setTabOrder(m_accountId, copyId);
    setTabOrder(copyId, m_signOut);

    connect(m_refresh, &QPushButton::clicked, this, &AccountWindow::refreshRequested);
    connect(m_copyToken, &QPushButton::clicked, this, &AccountWindow::copyTokenRequested);
    connect(m_copyHeader, &QPushButton::clicked, this, &AccountWindow::copyHeaderRequested);
    connect(m_copyCurl, &QPushButton::clicked, this, &AccountWindow::copyCurlRequested);
    connect(m_signOut, &QPushButton::clicked, this, &AccountWindow::signOutRequested);
    connect(renew, &QPushButton::clicked, this, &AccountWindow::renewRequested);
    // The countdowns tick when their words change (once a minute, each second only in a last
    // minute) and only while the window is on screen: hidden in the tray, nobody reads them.
    m_ticker = new QTimer(this);
    m_ticker->setSingleShot(true);
    m_ticker->setTimerType(Qt::PreciseTimer);
    connect(m_ticker, &QTimer::timeout, this, &AccountWindow::updateCountdowns);
    m_visibilityFilter = new VisibilityFilter(this, [this](bool shown) {
        if (!shown) {
            m_ticker->stop();
            return;
        }
        updateCountdowns();
        // Shown again after being minimized, it may not know yet that it is no longer.
        scheduleCountdowns();
    });
}

// ~QWidget hides the window once this class's members and its children are gone; the
// visibility filter must not see that hide.
AccountWindow::~AccountWindow()
{
    delete m_visibilityFilter;
}

void AccountWindow::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (event->spontaneous())
        return; // restored from minimized: the focus stays where it was
    // Opening with several accounts, the keyboard starts in the list; with one, on the page.
    if (m_accounts->rowCount() > 1)
        m_list->setFocus(Qt::OtherFocusReason);
    else if (!focusWidget() || focusWidget() == m_list)
        m_copyToken->setFocus(Qt::OtherFocusReason);
}

} // namespace Smtpd
