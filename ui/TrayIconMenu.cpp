// The tray menu's account items: flat for one account, a submenu each for several; made anew
// only when the accounts change, their enabled states and icons updated in place.
#include "TrayIcon.h"

#include <QAction>
#include <QMenu>

namespace Smtpd {

namespace {
// A menu text shows a label as it is: its '&'s are not mnemonics.
QString menuText(const QString &label)
{
    return QString(label).replace(QLatin1Char('&'), QLatin1String("&&"));
}
} // namespace

QAction *TrayIcon::addAccountAction(QMenu *menu, QAction *before, const QString &text,
    const QString &accountId, void (TrayIcon::*signal)(const QString &))
{
    auto *action = new QAction(text, menu);
    menu->insertAction(before, action);
    connect(action, &QAction::triggered, this,
        [this, signal, accountId] { emit(this->*signal)(accountId); });
    return action;
}

void TrayIcon::rebuildAccountItems()
{
    // The old items go once control is back in the event loop: one of them may be the action
    // whose signal led here. Nameless until then, so that nothing finds them by name.
    QList<QObject *> old;
    for (const AccountItems &items : std::as_const(m_items)) {
        if (items.menu) {
            m_menu->removeAction(items.menu->menuAction());
            old << items.menu;
        } else {
            old << items.refresh << items.signOut;
        }
    }
    if (m_accountsSeparator)
        old << m_accountsSeparator;
    for (QObject *object : std::as_const(old)) {
        if (auto *action = qobject_cast<QAction *>(object))
            m_menu->removeAction(action);
        object->setObjectName(QString());
        const QList<QObject *> children = object->findChildren<QObject *>();
        for (QObject *child : children)
            child->setObjectName(QString());
        object->deleteLater();
    }
    m_accountsSeparator = nullptr;
    m_items.clear();

    const TrayAccount &defaultAccount = m_accounts.at(m_default);
    if (m_accounts.size() == 1) {
        // One account: the menu as it always was.
        m_copy->setText(tr("&Copy access token"));
        AccountItems items;
        items.copy = m_copy;
        items.refresh = addAccountAction(m_menu, m_quitSeparator, tr("&Refresh now"),
            defaultAccount.id, &TrayIcon::refreshRequested);
        items.signOut = addAccountAction(m_menu, m_quitSeparator, tr("Sign &out"),
            defaultAccount.id, &TrayIcon::signOutRequested);
        items.refresh->setObjectName(QStringLiteral("trayRefresh"));
        items.signOut->setObjectName(QStringLiteral("traySignOut"));
        m_items << items;
        return;
    }
    m_copy->setText(tr("&Copy access token (%1)").arg(menuText(defaultAccount.label)));
    m_accountsSeparator = new QAction(m_menu);
    m_accountsSeparator->setSeparator(true);
    m_menu->insertAction(m_quitSeparator, m_accountsSeparator);
    for (int i = 0; i < m_accounts.size(); ++i) {
        const TrayAccount &account = m_accounts.at(i);
        AccountItems items;
        items.menu = new QMenu(account.isDefault ? tr("%1 (default)").arg(menuText(account.label))
                                                 : menuText(account.label),
            m_menu);
        items.menu->setObjectName(QStringLiteral("trayAccount-%1").arg(i));
        m_menu->insertMenu(m_quitSeparator, items.menu);
        items.copy = addAccountAction(items.menu, nullptr, tr("&Copy access token"), account.id,
            &TrayIcon::copyTokenRequested);
        items.refresh = addAccountAction(
            items.menu, nullptr, tr("&Refresh now"), account.id, &TrayIcon::refreshRequested);
        items.signOut = addAccountAction(
            items.menu, nullptr, tr("Sign &out"), account.id, &TrayIcon::signOutRequested);
        m_items << items;
    }
}

// The items' states follow the summaries, in place: an open menu stays as it is.
void TrayIcon::updateAccountItems()
{
    m_copy->setEnabled(m_accounts.at(m_default).summary.canCopy);
    for (int i = 0; i < m_items.size(); ++i) {
        AccountItems &items = m_items[i];
        const TraySummary &summary = m_accounts.at(i).summary;
        items.copy->setEnabled(summary.canCopy);
        items.refresh->setEnabled(summary.canRefresh);
        items.signOut->setEnabled(summary.canSignOut);
        if (items.menu && items.look != int(summary.look)) {
            items.look = int(summary.look);
            items.menu->setIcon(iconFor(summary.look));
        }
    }
}

} // namespace Smtpd
