#include "AccountWindow.h"

#include "api/Profile.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Smtpd {

AccountWindow::AccountWindow(QWidget *parent)
    : QWidget(parent)
    , m_name(new QLabel(this))
    , m_email(new QLabel(this))
    , m_status(new QLabel(this))
    , m_renewal(new QWidget(this))
    , m_renewalText(new QLabel(m_renewal))
    , m_refresh(new QPushButton(tr("Refresh now"), this))
    , m_signOut(new QPushButton(tr("Sign out"), this))
{
    setWindowTitle(tr("SMTPD Accounts"));
    setObjectName(QStringLiteral("accountWindow"));
    m_name->setObjectName(QStringLiteral("profileName"));
    m_email->setObjectName(QStringLiteral("profileEmail"));
    QFont nameFont = m_name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.5);
    nameFont.setBold(true);
    m_name->setFont(nameFont);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_email->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_status->setObjectName(QStringLiteral("sessionStatus"));
    m_status->setWordWrap(true);
    m_refresh->setObjectName(QStringLiteral("refreshNow"));
    m_refresh->setAccessibleName(tr("Refresh now"));
    m_signOut->setObjectName(QStringLiteral("signOut"));
    m_signOut->setAccessibleName(tr("Sign out"));

    m_renewal->setObjectName(QStringLiteral("renewalBanner"));
    m_renewalText->setObjectName(QStringLiteral("renewalText"));
    m_renewalText->setWordWrap(true);
    auto *renew = new QPushButton(tr("Sign in again now"), m_renewal);
    renew->setObjectName(QStringLiteral("renewNow"));
    renew->setAccessibleName(tr("Sign in again now"));
    auto *renewalLayout = new QHBoxLayout(m_renewal);
    renewalLayout->setContentsMargins(0, 0, 0, 0);
    renewalLayout->addWidget(m_renewalText, 1);
    renewalLayout->addWidget(renew);
    m_renewal->setVisible(false);
    connect(renew, &QPushButton::clicked, this, &AccountWindow::renewRequested);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_refresh);
    buttons->addStretch();
    buttons->addWidget(m_signOut);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->addWidget(m_name);
    layout->addWidget(m_email);
    layout->addWidget(m_status);
    layout->addWidget(m_renewal);
    layout->addStretch();
    layout->addLayout(buttons);

    connect(m_refresh, &QPushButton::clicked, this, &AccountWindow::refreshRequested);
    connect(m_signOut, &QPushButton::clicked, this, &AccountWindow::signOutRequested);
    setMinimumSize(380, 200);
}

void AccountWindow::setProfile(const Profile &profile)
{
    m_name->setText(profile.displayName());
    m_email->setText(profile.email);
}

} // namespace Smtpd

namespace Smtpd {

void AccountWindow::setStatus(const QString &status)
{
    m_status->setText(status);
}

void AccountWindow::setBusy(bool busy)
{
    m_refresh->setEnabled(!busy);
    m_signOut->setEnabled(!busy);
}

} // namespace Smtpd

namespace Smtpd {

void AccountWindow::setRenewalOffer(const QString &text)
{
    m_renewalText->setText(text);
    m_renewal->setVisible(!text.isEmpty());
}

} // namespace Smtpd
