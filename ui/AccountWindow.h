#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace Smtpd {

struct Profile;

// The signed-in account: who it is. It observes the Session's profile and holds no logic.
class AccountWindow final : public QWidget
{
    Q_OBJECT

public:
    explicit AccountWindow(QWidget *parent = nullptr);

public slots:
    void setProfile(const Smtpd::Profile &profile);
    // One line on the session's health ("Signed in", "Offline: …", "Signing out…").
    void setStatus(const QString &status);
    void setBusy(bool busy);
    // A banner offering to start a new session (the 30-day end is near); empty hides it.
    void setRenewalOffer(const QString &text);

signals:
    void refreshRequested();
    void signOutRequested();
    void renewRequested();

private:
    QLabel *m_name;
    QLabel *m_email;
    QLabel *m_status;
    QWidget *m_renewal;
    QLabel *m_renewalText;
    QPushButton *m_refresh;
    QPushButton *m_signOut;
};

} // namespace Smtpd
