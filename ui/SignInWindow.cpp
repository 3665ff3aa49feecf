#include "SignInWindow.h"

#include "CaFileDialog.h"
#include "api/ServerConfig.h"

#include <QButtonGroup>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QShowEvent>
#include <QToolButton>
#include <QVBoxLayout>

namespace Smtpd {

namespace {
// The production server however it is spelt: a trailing slash, an explicit :443.
bool isProduction(const QUrl &url)
{
    QUrl normal = url.adjusted(QUrl::StripTrailingSlash);
    if (normal.path() == QLatin1String("/"))
        normal.setPath(QString());
    if (normal.scheme() == QLatin1String("https") && normal.port() == 443)
        normal.setPort(-1);
    return normal == QUrl(QLatin1String(DefaultApiUrl));
}

// What was typed, for a sentence or the note, without a password it may hold: like
// validateApiUrl, the form never echoes user info, even from an address that does not parse.
QString withoutUserInfo(const QString &typed)
{
    static const QRegularExpression userInfo(QStringLiteral("//[^/?#]*@"));
    return QString(typed).replace(userInfo, QStringLiteral("//")).left(80);
}
} // namespace

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
    , m_otherServer(new QToolButton(this))
    , m_serverPanel(new QWidget(this))
    , m_server(new QLineEdit(m_serverPanel))
    , m_caFile(new QLineEdit(m_serverPanel))
    , m_browse(new QPushButton(tr("Browse\u2026"), m_serverPanel))
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

    // Another server (staging, self-hosted) hides under an expander: most people never need it.
    m_otherServer->setObjectName(QStringLiteral("otherServer"));
    m_otherServer->setText(tr("Other server\u2026"));
    m_otherServer->setAccessibleName(tr("Other server"));
    m_otherServer->setCheckable(true);
    m_otherServer->setAutoRaise(true);
    m_otherServer->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_otherServer->installEventFilter(this); // Enter toggles it too, like Space
    m_server->setObjectName(QStringLiteral("server"));
    m_server->setAccessibleName(tr("Server"));
    m_server->setPlaceholderText(QLatin1String(DefaultApiUrl));
    m_server->setInputMethodHints(
        Qt::ImhUrlCharactersOnly | Qt::ImhNoAutoUppercase | Qt::ImhNoPredictiveText);
    m_caFile->setObjectName(QStringLiteral("caFile"));
    m_caFile->setAccessibleName(tr("CA file"));
    m_caFile->setPlaceholderText(tr("None"));
    m_browse->setObjectName(QStringLiteral("chooseCaFile"));
    m_browse->setAccessibleName(tr("Choose CA file"));
    auto *hint = new QLabel(
        tr("Only for a self-hosted server whose certificate comes from a private certificate "
           "authority."),
        m_serverPanel);
    hint->setObjectName(QStringLiteral("caFileHint"));
    hint->setWordWrap(true);
    m_caFile->setAccessibleDescription(hint->text());
    auto *serverLabel = new QLabel(tr("Ser&ver"), m_serverPanel);
    serverLabel->setBuddy(m_server);
    auto *caFileLabel = new QLabel(tr("&CA file"), m_serverPanel);
    caFileLabel->setBuddy(m_caFile);
    auto *caFileRow = new QHBoxLayout;
    caFileRow->addWidget(m_caFile, 1);
    caFileRow->addWidget(m_browse);
    auto *serverForm = new QFormLayout(m_serverPanel);
    serverForm->setContentsMargins(0, 0, 0, 0);
    serverForm->addRow(serverLabel, m_server);
    serverForm->addRow(caFileLabel, caFileRow);
    serverForm->addRow(QString(), hint);
    setServerExpanded(false);

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
    layout->addWidget(m_otherServer, 0, Qt::AlignLeading);
    layout->addWidget(m_serverPanel);
    layout->addWidget(m_error);
    layout->addWidget(m_progress);
    layout->addLayout(buttons);
    setMinimumWidth(400);

    setTabOrder(m_emailMode, m_keyMode);
    setTabOrder(m_keyMode, m_user);
    setTabOrder(m_user, m_secret);
    setTabOrder(m_secret, m_otherServer);
    setTabOrder(m_otherServer, m_server);
    setTabOrder(m_server, m_caFile);
    setTabOrder(m_caFile, m_browse);
    setTabOrder(m_browse, m_signIn);
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
    connect(m_server, &QLineEdit::returnPressed, this, &SignInWindow::submit);
    connect(m_caFile, &QLineEdit::returnPressed, this, &SignInWindow::submit);
    connect(m_server, &QLineEdit::textChanged, this, &SignInWindow::updateServerNote);
    connect(m_otherServer, &QToolButton::toggled, this, &SignInWindow::setServerExpanded);
    connect(m_browse, &QPushButton::clicked, this, &SignInWindow::chooseCaFile);
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

bool SignInWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_otherServer && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            m_otherServer->toggle();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SignInWindow::setServerExpanded(bool expanded)
{
    m_otherServer->setChecked(expanded);
    const bool rightToLeft = layoutDirection() == Qt::RightToLeft;
    m_otherServer->setArrowType(
        expanded ? Qt::DownArrow : (rightToLeft ? Qt::LeftArrow : Qt::RightArrow));
    m_serverPanel->setVisible(expanded);
}

void SignInWindow::setServer(const QUrl &url, const QString &caFile)
{
    m_server->setText(url.isEmpty() ? QString() : url.toString());
    m_caFile->setText(caFile);
    updateServerNote();
}

void SignInWindow::setServerLocked(bool locked)
{
    m_serverLocked = locked;
    updateServerEditable();
}

void SignInWindow::updateServerEditable()
{
    m_server->setReadOnly(m_serverLocked);
    m_caFile->setReadOnly(m_serverLocked);
    m_server->setEnabled(!m_busy);
    m_caFile->setEnabled(!m_busy);
    m_browse->setEnabled(!m_busy && !m_serverLocked);
    const QString why
        = m_serverLocked ? tr("The server of an account being renewed cannot change.") : QString();
    m_server->setToolTip(why);
    m_caFile->setToolTip(why);
}

QUrl SignInWindow::server() const
{
    const QString text = m_server->text().trimmed();
    return QUrl(text.isEmpty() ? QLatin1String(DefaultApiUrl) : text, QUrl::StrictMode);
}

QString SignInWindow::caFile() const
{
    return m_caFile->text().trimmed();
}

void SignInWindow::updateServerNote()
{
    const QUrl url = server();
    const bool other = !isProduction(url);
    const QString shown = url.isValid() ? url.toDisplayString(QUrl::RemoveUserInfo)
                                        : withoutUserInfo(m_server->text().trimmed());
    m_serverNote->setText(other ? tr("Signing in to %1").arg(shown) : QString());
    m_serverNote->setVisible(other);
}

QString SignInWindow::serverProblem() const
{
    const QUrl url = server();
    const QString problem = validateApiUrl(url);
    if (!problem.isEmpty() && (!url.isValid() || url.host().isEmpty()))
        // validateApiUrl cannot show what was typed when it does not even parse.
        return tr("\u201c%1\u201d is not a server address. Use a full address such as %2.")
            .arg(withoutUserInfo(m_server->text().trimmed()), QLatin1String(DefaultApiUrl));
    return problem;
}

void SignInWindow::chooseCaFile()
{
    Smtpd::chooseCaFile(
        this, QStringLiteral("caFileDialog"), caFile(), [this](const QString &path) {
            m_caFile->setText(path);
            m_caFile->setFocus();
        });
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
    if (field == m_server || field == m_caFile)
        setServerExpanded(true); // the field must show before it can take the focus
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
    if (const QString problem = serverProblem(); !problem.isEmpty())
        return showProblem(problem, m_server);
    QList<QSslCertificate> caCertificates;
    if (!caFile().isEmpty()) {
        if (const QString problem = loadCaCertificates(caFile(), &caCertificates);
            !problem.isEmpty())
            return showProblem(problem, m_caFile);
    }
    clearError();
    if (email)
        m_rememberedEmail = m_user->text().trimmed();
    emit signInRequested(SignInRequest {
        m_user->text().trimmed(), m_secret->text(), server(), caFile(), caCertificates});
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
    updateServerEditable();
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
