#include "SignInWindow.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace Smtpd {

SignInWindow::SignInWindow(QWidget *parent)
    : QWidget(parent)
    , m_serverNote(new QLabel(this))
    , m_notice(new QLabel(this))
    , m_email(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_signIn(new QPushButton(tr("Sign in"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    setWindowTitle(tr("Sign in \u2013 SMTPD Accounts"));
    setObjectName(QStringLiteral("signInWindow"));

    auto *heading = new QLabel(tr("Sign in to SMTPD"), this);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.4);
    headingFont.setBold(true);
    heading->setFont(headingFont);

    m_serverNote->setObjectName(QStringLiteral("serverNote"));
    m_serverNote->setWordWrap(true);
    m_serverNote->setVisible(false);

    m_notice->setObjectName(QStringLiteral("signInNotice"));
    m_notice->setWordWrap(true);
    m_notice->setVisible(false);

    m_email->setObjectName(QStringLiteral("email"));
    m_email->setAccessibleName(tr("Email"));
    m_email->setPlaceholderText(tr("you@example.com"));
    m_email->setInputMethodHints(Qt::ImhEmailCharactersOnly | Qt::ImhNoAutoUppercase);

    m_password->setObjectName(QStringLiteral("password"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setInputMethodHints(
        Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);

    m_error->setObjectName(QStringLiteral("signInError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: palette(bright-text); background: #b3261e; "
                                          "border-radius: 4px; padding: 6px;"));
    m_error->setVisible(false);

    m_progress->setObjectName(QStringLiteral("signInProgress"));
    m_progress->setAccessibleName(tr("Signing in"));
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(6);
    m_progress->setVisible(false);

    m_signIn->setObjectName(QStringLiteral("signIn"));
    m_signIn->setAccessibleName(tr("Sign in"));
    m_signIn->setDefault(true);
    m_cancel->setObjectName(QStringLiteral("cancelSignIn"));
    m_cancel->setAccessibleName(tr("Cancel sign-in"));
    m_cancel->setVisible(false);

    auto *form = new QFormLayout;
    form->addRow(tr("&Email"), m_email);
    form->addRow(tr("&Password"), m_password);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_signIn);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->setSpacing(12);
    layout->addWidget(heading);
    layout->addWidget(m_serverNote);
    layout->addWidget(m_notice);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_progress);
    layout->addLayout(buttons);
    setMinimumWidth(380);

    setTabOrder(m_email, m_password);
    setTabOrder(m_password, m_signIn);

    connect(m_signIn, &QPushButton::clicked, this, &SignInWindow::submit);
    connect(m_password, &QLineEdit::returnPressed, this, &SignInWindow::submit);
    connect(m_email, &QLineEdit::returnPressed, this, [this] {
        if (m_password->text().isEmpty())
            m_password->setFocus();
        else
            submit();
    });
    connect(m_cancel, &QPushButton::clicked, this, &SignInWindow::cancelRequested);
}

void SignInWindow::setServerNote(const QString &note)
{
    m_serverNote->setText(note);
    m_serverNote->setVisible(!note.isEmpty());
}

void SignInWindow::setEmail(const QString &email)
{
    m_email->setText(email);
}

QString SignInWindow::email() const
{
    return m_email->text().trimmed();
}

void SignInWindow::submit()
{
    if (!m_signIn->isEnabled())
        return;
    if (email().isEmpty()) {
        m_error->setText(tr("Enter your email address."));
        m_error->setVisible(true);
        m_email->setFocus();
        return;
    }
    if (m_password->text().isEmpty()) {
        m_error->setText(tr("Enter your password."));
        m_error->setVisible(true);
        m_password->setFocus();
        return;
    }
    clearError();
    emit signInRequested(email(), m_password->text());
}

void SignInWindow::setBusy(bool busy)
{
    m_email->setEnabled(!busy);
    m_password->setEnabled(!busy);
    m_signIn->setEnabled(!busy);
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy || m_dismissible);
    if (!busy)
        m_password->clear(); // a password is never kept once the attempt is over
}

void SignInWindow::showError(const QString &message)
{
    setBusy(false);
    m_error->setText(message);
    m_error->setVisible(true);
    m_password->setFocus();
}

void SignInWindow::clearError()
{
    m_error->clear();
    m_error->setVisible(false);
}

} // namespace Smtpd

namespace Smtpd {

void SignInWindow::setNotice(const QString &notice)
{
    m_notice->setText(notice);
    m_notice->setVisible(!notice.isEmpty());
}

} // namespace Smtpd

namespace Smtpd {

void SignInWindow::setDismissible(bool dismissible)
{
    m_dismissible = dismissible;
    m_cancel->setVisible(dismissible || m_progress->isVisible());
}

} // namespace Smtpd
