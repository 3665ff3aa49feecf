#pragma once

#include <QList>
#include <QMetaType>
#include <QSslCertificate>
#include <QString>
#include <QUrl>
#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QToolButton;

namespace Smtpd {

// What the form hands over when the person presses Sign in: everything checked, nothing
// kept by the form afterwards (the secret only travels in this value).
struct SignInRequest
{
    QString username;
    QString secret;
    QUrl server; // the production URL when the Server field was left empty
    QString caFile; // empty: the system's certificate authorities only
    QList<QSslCertificate> caCertificates; // read from caFile, empty without one
};

// The sign-in form: email + password, or API key + secret. It checks what was typed before
// anything is sent, shows state and emits intent; the Session does the work.
class SignInWindow final : public QWidget
{
    Q_OBJECT

public:
    enum class Mode { EmailPassword, ApiKey };

    explicit SignInWindow(QWidget *parent = nullptr);

    // Prefills the Server and CA file fields (the expander stays as it is). A line under the
    // heading names the server whenever the Server field holds another one than production.
    void setServer(const QUrl &url, const QString &caFile);
    // For renewing an existing account: its server cannot change (the fields are read-only,
    // the expander still shows them).
    void setServerLocked(bool locked);
    // The server as typed (the production URL when the field is empty); may be invalid
    // until submitted.
    QUrl server() const;
    QString caFile() const;
    void setEmail(const QString &email);
    void setMode(Mode mode);

    // Why `text` is not an email address, or empty when it is one.
    static QString emailProblem(const QString &text);

public slots:
    void setBusy(bool busy);
    // Shows the reason inline; the password is cleared so it is never kept around.
    void showError(const QString &message);
    void clearError();
    // A neutral line saying why the form is shown (e.g. the session ended); empty hides it.
    void setNotice(const QString &notice);
    // Whether the form may be dismissed (Cancel shown even when idle), e.g. when signing in
    // again while still signed in.
    void setDismissible(bool dismissible);

signals:
    void signInRequested(const Smtpd::SignInRequest &request);
    void cancelRequested();

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void submit();
    void showProblem(const QString &message, QLineEdit *field);
    // Why the Server field's text cannot be used, or empty when it can.
    QString serverProblem() const;
    void setServerExpanded(bool expanded);
    void updateServerNote();
    void updateServerEditable();
    void chooseCaFile();

    Mode m_mode = Mode::EmailPassword;
    QString m_rememberedEmail;
    QRadioButton *m_emailMode;
    QRadioButton *m_keyMode;
    QLabel *m_serverNote;
    QLabel *m_notice;
    QLabel *m_userLabel;
    QLabel *m_secretLabel;
    QLineEdit *m_user;
    QLineEdit *m_secret;
    QToolButton *m_otherServer;
    QWidget *m_serverPanel;
    QLineEdit *m_server;
    QLineEdit *m_caFile;
    QPushButton *m_browse;
    QLabel *m_error;
    QProgressBar *m_progress;
    QPushButton *m_signIn;
    QPushButton *m_cancel;
    bool m_busy = false;
    bool m_dismissible = false;
    bool m_serverLocked = false;
};

} // namespace Smtpd

Q_DECLARE_METATYPE(Smtpd::SignInRequest)
