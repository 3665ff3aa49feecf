#pragma once

#include <QWidget>

class QLabel;

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

private:
    QLabel *m_name;
    QLabel *m_email;
};

} // namespace Smtpd
