#pragma once

#include <QWidget>

class QLabel;

namespace Smtpd {

// Shown when the keychain cannot be used: why, and the two ways on (never the sign-in form).
class KeychainProblemWindow final : public QWidget
{
    Q_OBJECT

public:
    explicit KeychainProblemWindow(QWidget *parent = nullptr);

public slots:
    void setReason(const QString &reason);

signals:
    void retryRequested();
    void continueWithoutSavingRequested();

private:
    QLabel *m_reason;
};

} // namespace Smtpd
