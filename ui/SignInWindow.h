#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace Smtpd {

// The sign-in form: email + password, or API key + secret. It checks what was typed before
// anything is sent, shows state and emits intent; the Session does the work.
class SignInWindow final : public QWidget
{
    Q_OBJECT

public:
    enum class Mode { EmailPassword, ApiKey };

    explicit SignInWindow(QWidget *parent = nullptr);

    // A line naming the server, shown only when it is not the default one.
    void setServerNote(const QString &note);
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
    void signInRequested(const QString &username, const QString &secret);
    void cancelRequested();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void submit();
    void showProblem(const QString &message, QLineEdit *field);

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
    QLabel *m_error;
    QProgressBar *m_progress;
    QPushButton *m_signIn;
    QPushButton *m_cancel;
    bool m_busy = false;
    bool m_dismissible = false;
};

} // namespace Smtpd
