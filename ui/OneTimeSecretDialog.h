#pragma once

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QPushButton;

namespace Smtpd {

// Shows a new API key's secret, the one time the API hands it out: key and secret with Copy
// buttons, a warning that it is shown only now, and a confirmation before it closes. When it
// closes, the secret's one buffer is overwritten (tst_secret_memory scans the process for it);
// it is never stored or logged.
class OneTimeSecretDialog final : public QDialog
{
    Q_OBJECT

public:
    // `secret` is moved in: the dialog holds the only copy and overwrites it when it closes.
    OneTimeSecretDialog(
        const QString &name, const QString &key, QString secret, QWidget *parent = nullptr);
    ~OneTimeSecretDialog() override;

signals:
    // Copy `text` (the key, or the secret when `isSecret`) with the app's clipboard rules.
    void copyRequested(const QString &text, bool isSecret);

public slots:
    void done(int result) override;

private:
    void wipe();

    QLineEdit *m_key;
    QString m_secretText; // shared with m_secret's text while shown
    QLineEdit *m_secret;
    QCheckBox *m_stored;
    QPushButton *m_close;
    bool m_closeConfirmed = false;
};

} // namespace Smtpd
