#pragma once

#include <QDateTime>
#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Smtpd {

class AvatarView;
struct Profile;

// The signed-in account: who it is, and the state of its tokens. It observes the Session
// and holds no logic beyond turning times into words. The token itself is never shown.
class AccountWindow final : public QWidget
{
    Q_OBJECT

public:
    explicit AccountWindow(QWidget *parent = nullptr);
    ~AccountWindow() override;

    AvatarView *avatar() const { return m_avatar; }

public slots:
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
    void refreshRequested();
    void copyTokenRequested();
    void signOutRequested();
    void renewRequested();

private:
    void updateCountdowns();
    QPushButton *makeButton(
        const QString &text, const QString &objectName, const QString &accessibleName);

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
    QLabel *m_copyConfirmation;
    QWidget *m_renewal;
    QLabel *m_renewalText;
    QPushButton *m_refresh;
    QPushButton *m_copyToken;
    QPushButton *m_signOut;
    QDateTime m_accessExpiry;
    QDateTime m_sessionExpiry;
    QTimer *m_ticker;
    QObject *m_visibilityFilter; // removed first when the window goes (see the destructor)
};

} // namespace Smtpd
