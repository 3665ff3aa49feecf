#pragma once

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QPushButton;

namespace Smtpd {

// Shows a new API key's secret, the one time the API hands it out: key and secret with Copy
// buttons, a warning that it is shown only now, and a confirmation before it closes. The
// secret is wiped from the widgets when the dialog closes; it is never stored or logged.
class OneTimeSecretDialog final : public QDialog
{
    Q_OBJECT

public:
    OneTimeSecretDialog(
        const QString &name, const QString &key, const QString &secret, QWidget *parent = nullptr);
    ~OneTimeSecretDialog() override;

signals:
    // Copy `text` (the key, or the secret when `isSecret`) with the app's clipboard rules.
    void copyRequested(const QString &text, bool isSecret);

public slots:
    void done(int result) override;

private:
    void wipe();

    QLineEdit *m_key;
    QLineEdit *m_secret;
    QCheckBox *m_stored;
    QPushButton *m_close;
    bool m_closeConfirmed = false;
};

} // namespace Smtpd
