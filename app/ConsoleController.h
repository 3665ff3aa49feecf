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
    // Loads the shown tab unless it holds this account's data already (`force`: again anyway).
    void loadShown(bool force = false);
    void loadKeys();
    void loadPlan();
    void onSessionChanged();
    QString wordsFor(const ApiError &error, const QString &forbidden) const;

    AccountWindow *m_window;
    TokenClipboard *m_clipboard;
    QPointer<Account> m_account;
    QObject *m_calls = nullptr; // the context of the calls for m_account (dropped on a switch)
    bool m_keysLoaded = false; // for m_account, since it was shown or signed in
    bool m_planLoaded = false;
    quint64 m_keysGeneration = 0; // an answer to an older request is dropped
    quint64 m_planGeneration = 0;
    bool m_signedIn = false; // m_account had tokens when last seen
};

} // namespace Smtpd
