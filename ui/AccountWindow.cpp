#include "AccountWindow.h"

#include "api/Profile.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Smtpd {

AccountWindow::AccountWindow(QWidget *parent)
    : QWidget(parent)
    , m_name(new QLabel(this))
    , m_email(new QLabel(this))
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

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->addWidget(m_name);
    layout->addWidget(m_email);
    layout->addStretch();
    setMinimumSize(380, 200);
}

void AccountWindow::setProfile(const Profile &profile)
{
    m_name->setText(profile.displayName());
    m_email->setText(profile.email);
}

} // namespace Smtpd
