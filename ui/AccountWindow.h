#pragma once

#include "AccountListEntry.h"

#include <QDateTime>
#include <QList>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QMessageBox;
class QPushButton;
class QTabWidget;

namespace Smtpd {

class AccountListModel;
class ApiKeysPage;
class AvatarView;
class PlanUsagePage;
struct Profile;

// The accounts, in a list on the left, and the current one on the right: who it is, and the
// state of its tokens. It shows what it is given and emits what the person asks for; it
// holds no logic beyond turning times into words. The token itself is never shown.
class AccountWindow final : public QWidget
{
    Q_OBJECT

public:
    explicit AccountWindow(QWidget *parent = nullptr);
    ~AccountWindow() override;

    AvatarView *avatar() const { return m_avatar; }
    ApiKeysPage *apiKeysPage() const { return m_apiKeys; }
    PlanUsagePage *planUsagePage() const { return m_plan; }
    // The tabs beside the list: the account page, its API keys, its plan and usage.
    enum class Section { Account, ApiKeys, PlanUsage };
    Section shownSection() const;
    void showSection(Section section);

public slots:
    // The accounts to list, in this order. The current account stays current (by id) across
    // updates, and an update that changes only states leaves the list's rows, selection and
    // scrolling alone. When the current account is gone, or there was none, the default
    // account becomes current, else the first. Never takes the keyboard focus.
    void setAccounts(const QList<Smtpd::AccountListEntry> &entries);
    // Makes the account `id` current; an id that is not listed is ignored.
    void setCurrentAccount(const QString &id);

public:
    // Empty when the list is.
    QString currentAccountId() const { return m_currentId; }

public slots:
    // The current account's page:
    void setProfile(const Smtpd::Profile &profile);
    // When the access token and the whole session end (local clock); invalid hides them.
    void setExpiries(const QDateTime &accessToken, const QDateTime &session);
    void setStorage(const QString &where);
    // One line on the session's health ("Offline: …", "Signing out…"); empty hides it.
    void setStatus(const QString &status);
    void setBusy(bool busy);
    void setCopyEnabled(bool enabled);
    // The confirmation after Copy access token: hidden when not `shown`; with a countdown
    // when the clipboard is cleared by time (secondsLeft > 0).
    void setCopyConfirmation(bool shown, int secondsLeft);
    // A banner offering to start a new session (the 30-day end is near); empty hides it.
    void setRenewalOffer(const QString &text);

signals:
    // The current account changed: the person chose another (click, Up/Down), or
    // setAccounts() / setCurrentAccount() changed it. Its page follows from the app.
    void currentAccountChanged(const QString &id);
    void addAccountRequested(); // Add account, or Ctrl+N (QKeySequence::New)
    // Only once the person confirmed it (Remove account, or Delete in the list).
    void removeAccountRequested(const QString &id);
    void makeDefaultRequested(const QString &id);
    // Move the account to `index` in the list (Alt+Up/Down, or the list's context menu).
    void moveRequested(const QString &id, int index);
    // A tab was brought up (the app loads what it shows).
    void sectionShown(Smtpd::AccountWindow::Section section);
    void refreshRequested();
    void copyTokenRequested();
    // Copy as Authorization header, Copy curl command: the token in a ready-made form.
    void copyHeaderRequested();
    void copyCurlRequested();
    void signOutRequested();
    void renewRequested();
    void settingsRequested(); // Settings…, or Ctrl+,

protected:
    void showEvent(QShowEvent *event) override;

private:
    void selectRow(int row);
    void syncCurrentAccount();
    void updateListButtons();
    void confirmRemove();
    void updateCountdowns();
    void scheduleCountdowns();
    QPushButton *makeButton(
        const QString &text, const QString &objectName, const QString &accessibleName);

    AccountListModel *m_accounts;
    QListView *m_list;
    QPushButton *m_addAccount;
    QPushButton *m_removeAccount;
    QPushButton *m_makeDefault;
    QPushButton *m_settings;
    QString m_currentId;
    bool m_updatingList = false; // the list's own changes are looked at once it is done
    QPointer<QMessageBox> m_removeConfirmation;
    QString m_removeId; // the account m_removeConfirmation is about
    AvatarView *m_avatar;
    QLabel *m_name;
    QLabel *m_email;
    QLabel *m_badges;
    QLineEdit *m_accountId;
    QLabel *m_dates;
    QLabel *m_tokenValidity;
    QLabel *m_sessionEnd;
    QLabel *m_storage;
    QLabel *m_status;
    QTabWidget *m_tabs;
    ApiKeysPage *m_apiKeys;
    PlanUsagePage *m_plan;
    QLabel *m_copyConfirmation;
    QWidget *m_renewal;
    QLabel *m_renewalText;
    QPushButton *m_refresh;
    QPushButton *m_copyToken;
    QPushButton *m_copyHeader;
    QPushButton *m_copyCurl;
    QPushButton *m_signOut;
    QDateTime m_accessExpiry;
    QDateTime m_sessionExpiry;
    QTimer *m_ticker;
    QObject *m_visibilityFilter; // removed first when the window goes (see the destructor)
};

} // namespace Smtpd
