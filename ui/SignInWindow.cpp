#include "SignInWindow.h"

#include <QButtonGroup>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QShowEvent>
#include <QVBoxLayout>

namespace Smtpd {

SignInWindow::SignInWindow(QWidget *parent)
    : QWidget(parent)
    , m_emailMode(new QRadioButton(tr("Email and password"), this))
    , m_keyMode(new QRadioButton(tr("API key and secret"), this))
    , m_serverNote(new QLabel(this))
    , m_notice(new QLabel(this))
    , m_userLabel(new QLabel(this))
    , m_secretLabel(new QLabel(this))
    , m_user(new QLineEdit(this))
    , m_secret(new QLineEdit(this))
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

    m_emailMode->setObjectName(QStringLiteral("modeEmail"));
    m_emailMode->setAccessibleName(tr("Sign in with email and password"));
    m_keyMode->setObjectName(QStringLiteral("modeApiKey"));
    m_keyMode->setAccessibleName(tr("Sign in with API key and secret"));
    auto *modes = new QButtonGroup(this);
    modes->addButton(m_emailMode);
    modes->addButton(m_keyMode);
    m_emailMode->setChecked(true);

    m_serverNote->setObjectName(QStringLiteral("serverNote"));
    m_serverNote->setWordWrap(true);
    m_serverNote->setVisible(false);
    m_notice->setObjectName(QStringLiteral("signInNotice"));
    m_notice->setWordWrap(true);
    m_notice->setVisible(false);

    m_user->setObjectName(QStringLiteral("email"));
    m_secret->setObjectName(QStringLiteral("password"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setInputMethodHints(
        Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_userLabel->setBuddy(m_user);
    m_secretLabel->setBuddy(m_secret);

    m_error->setObjectName(QStringLiteral("signInError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(
        QStringLiteral("color: #ffffff; background: #b3261e; border-radius: 4px; padding: 6px;"));
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

    auto *modeRow = new QHBoxLayout;
    modeRow->addWidget(m_emailMode);
    modeRow->addWidget(m_keyMode);
    modeRow->addStretch();
    auto *form = new QFormLayout;
    form->addRow(m_userLabel, m_user);
    form->addRow(m_secretLabel, m_secret);
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
    layout->addLayout(modeRow);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_progress);
    layout->addLayout(buttons);
    setMinimumWidth(400);

    setTabOrder(m_emailMode, m_keyMode);
    setTabOrder(m_keyMode, m_user);
    setTabOrder(m_user, m_secret);
    setTabOrder(m_secret, m_signIn);
    setTabOrder(m_signIn, m_cancel);

    connect(m_emailMode, &QRadioButton::toggled, this,
        [this](bool on) { setMode(on ? Mode::EmailPassword : Mode::ApiKey); });
    connect(m_signIn, &QPushButton::clicked, this, &SignInWindow::submit);
    connect(m_secret, &QLineEdit::returnPressed, this, &SignInWindow::submit);
    connect(m_user, &QLineEdit::returnPressed, this, [this] {
        if (m_secret->text().isEmpty())
            m_secret->setFocus();
        else
            submit();
    });
    connect(m_cancel, &QPushButton::clicked, this, &SignInWindow::cancelRequested);
    setMode(Mode::EmailPassword);
}

void SignInWindow::setMode(Mode mode)
{
    const bool modeChanged = mode != m_mode;
    m_mode = mode;
    const bool email = mode == Mode::EmailPassword;
    (email ? m_emailMode : m_keyMode)->setChecked(true);
    m_userLabel->setText(email ? tr("&Email") : tr("API &key"));
    m_secretLabel->setText(email ? tr("&Password") : tr("&Secret"));
    m_user->setAccessibleName(email ? tr("Email") : tr("API key"));
    m_secret->setAccessibleName(email ? tr("Password") : tr("Secret"));
    m_user->setPlaceholderText(email ? tr("you@example.com") : QString());
    m_user->setInputMethodHints(email
            ? Qt::ImhEmailCharactersOnly | Qt::ImhNoAutoUppercase
            : Qt::ImhSensitiveData | Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    if (modeChanged) {
        // An API key is never kept in the form after switching away; the email comes back.
        m_user->setText(email ? m_rememberedEmail : QString());
        m_secret->clear();
        clearError();
    }
}

void SignInWindow::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // The cursor waits where typing starts: in the email (or key) field, or in the password
    // field when the email is already known.
    if (m_user->isEnabled())
        (m_user->text().trimmed().isEmpty() ? m_user : m_secret)->setFocus();
}

void SignInWindow::setServerNote(const QString &note)
{
    m_serverNote->setText(note);
    m_serverNote->setVisible(!note.isEmpty());
}

void SignInWindow::setEmail(const QString &email)
{
    m_rememberedEmail = email;
    if (m_mode == Mode::EmailPassword)
        m_user->setText(email);
}

QString SignInWindow::emailProblem(const QString &text)
{
    const QString value = text.trimmed();
    if (value.isEmpty())
        return tr("Enter your email address.");
    static const QRegularExpression shape(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}$"));
    if (!shape.match(value).hasMatch())
        return tr("\u201c%1\u201d is not an email address. It should look like you@example.com.")
            .arg(value.left(80));
    return {};
}

void SignInWindow::showProblem(const QString &message, QLineEdit *field)
{
    m_error->setText(message);
    m_error->setVisible(true);
    field->setFocus();
}

void SignInWindow::submit()
{
    if (!m_signIn->isEnabled())
        return;
    const bool email = m_mode == Mode::EmailPassword;
    if (email) {
        if (const QString problem = emailProblem(m_user->text()); !problem.isEmpty())
            return showProblem(problem, m_user);
    } else if (m_user->text().trimmed().isEmpty()) {
        return showProblem(tr("Enter your API key."), m_user);
    }
    if (m_secret->text().isEmpty())
        return showProblem(
            email ? tr("Enter your password.") : tr("Enter the API key's secret."), m_secret);
    clearError();
    if (email)
        m_rememberedEmail = m_user->text().trimmed();
    emit signInRequested(m_user->text().trimmed(), m_secret->text());
}

void SignInWindow::setBusy(bool busy)
{
    // Only the end of an attempt clears the password: other changes of the session (a
    // background refresh, an offline retry) must not wipe what the person is typing.
    const bool attemptEnded = m_busy && !busy;
    m_busy = busy;
    m_emailMode->setEnabled(!busy);
    m_keyMode->setEnabled(!busy);
    m_user->setEnabled(!busy);
    m_secret->setEnabled(!busy);
    m_signIn->setEnabled(!busy);
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy || m_dismissible);
    if (attemptEnded)
        m_secret->clear(); // a password is never kept once the attempt is over
}

void SignInWindow::showError(const QString &message)
{
    setBusy(false);
    m_secret->clear();
    m_error->setText(message);
    m_error->setVisible(true);
    m_secret->setFocus();
}

void SignInWindow::clearError()
{
    m_error->clear();
    m_error->setVisible(false);
}

void SignInWindow::setNotice(const QString &notice)
{
    m_notice->setText(notice);
    m_notice->setVisible(!notice.isEmpty());
}

void SignInWindow::setDismissible(bool dismissible)
{
    m_dismissible = dismissible;
    m_cancel->setVisible(dismissible || m_progress->isVisible());
}

} // namespace Smtpd
