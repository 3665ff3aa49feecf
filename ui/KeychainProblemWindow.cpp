#include "KeychainProblemWindow.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Smtpd {

KeychainProblemWindow::KeychainProblemWindow(QWidget *parent)
    : QWidget(parent)
    , m_reason(new QLabel(this))
{
    setWindowTitle(tr("Keychain unavailable \u2013 SMTPD Accounts"));
    setObjectName(QStringLiteral("keychainProblemWindow"));
    m_reason->setObjectName(QStringLiteral("keychainReason"));
    m_reason->setWordWrap(true);

    auto *explanation = new QLabel(
        tr("SMTPD Accounts keeps your sign-in only in the system keychain, never in a plain file. "
           "You can try again (for example after unlocking the keyring), or stay signed in for "
           "this run only."),
        this);
    explanation->setWordWrap(true);

    auto *retry = new QPushButton(tr("Retry"), this);
    retry->setObjectName(QStringLiteral("retryKeychain"));
    retry->setAccessibleName(tr("Retry the keychain"));
    retry->setDefault(true);
    auto *continueButton = new QPushButton(tr("Continue for this run only"), this);
    continueButton->setObjectName(QStringLiteral("continueWithoutKeychain"));
    continueButton->setAccessibleName(tr("Continue for this run only"));

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(continueButton);
    buttons->addWidget(retry);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->addWidget(m_reason);
    layout->addWidget(explanation);
    layout->addLayout(buttons);
    setMinimumWidth(420);

    connect(retry, &QPushButton::clicked, this, &KeychainProblemWindow::retryRequested);
    connect(continueButton, &QPushButton::clicked, this,
        &KeychainProblemWindow::continueWithoutSavingRequested);
}

void KeychainProblemWindow::setReason(const QString &reason)
{
    m_reason->setText(reason);
}

} // namespace Smtpd
