#pragma once

#include <QObject>
#include <QPointer>

namespace Smtpd {

class Account;
class AccountWindow;
class ApiError;
class TokenClipboard;

// Feeds the account window's API keys and Plan & usage tabs from the shown account's console
// (AccountConsole), when a tab is brought up or the account changes, and carries out what the
// person asks there. A new key's secret passes straight from core's one handler into the
// one-time dialog; nothing here keeps it.
class ConsoleController final : public QObject
{
    Q_OBJECT

public:
    ConsoleController(AccountWindow *window, TokenClipboard *clipboard, QObject *parent = nullptr);

    void setAccount(Account *account);

signals:
    // Something was put on the clipboard for the account `id` (its later clearing follows the
    // clipboard's rules).
    void copied(const QString &accountId);

private:
    void loadShown();
    void loadKeys();
    void loadPlan();
    QString wordsFor(const ApiError &error, const QString &forbidden) const;

    AccountWindow *m_window;
    TokenClipboard *m_clipboard;
    QPointer<Account> m_account;
    QObject *m_calls = nullptr; // the context of the calls for m_account (dropped on a switch)
};

} // namespace Smtpd
