// AccountWindow: the list of accounts (selection, Remove's confirmation) and the tabs.
// (The page and the window's make-up: AccountWindow.cpp.)
#include "AccountListModel.h"
#include "AccountWindow.h"

#include <QItemSelectionModel>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QShowEvent>
#include <QTabWidget>

namespace Smtpd {

void AccountWindow::setAccounts(const QList<AccountListEntry> &entries)
{
    m_updatingList = true;
    m_accounts->setEntries(entries);
    m_updatingList = false;
    int row = m_accounts->rowOf(m_currentId);
    for (int i = 0; row < 0 && i < entries.size(); ++i)
        if (entries.at(i).isDefault)
            row = i;
    if (row < 0 && !entries.isEmpty())
        row = 0;
    selectRow(row);
    // A confirmation about an account that has left the list has nothing left to remove.
    if (m_removeConfirmation && m_accounts->rowOf(m_removeId) < 0)
        m_removeConfirmation->reject();
}

void AccountWindow::setCurrentAccount(const QString &id)
{
    const int row = m_accounts->rowOf(id);
    if (row >= 0)
        selectRow(row);
}

// Makes `row` current and selected (none for -1), then tells if the current account changed.
void AccountWindow::selectRow(int row)
{
    QItemSelectionModel *selection = m_list->selectionModel();
    const QModelIndex index = m_accounts->index(row);
    m_updatingList = true;
    if (!index.isValid())
        selection->clear();
    else if (selection->currentIndex() != index || !selection->isSelected(index))
        selection->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    m_updatingList = false;
    syncCurrentAccount();
}

void AccountWindow::syncCurrentAccount()
{
    const QModelIndex current = m_list->selectionModel()->currentIndex();
    const QString id
        = current.isValid() ? current.data(AccountListModel::IdRole).toString() : QString();
    const bool changed = id != m_currentId;
    m_currentId = id;
    updateListButtons();
    if (changed)
        emit currentAccountChanged(id);
}

void AccountWindow::updateListButtons()
{
    const int row = m_accounts->rowOf(m_currentId);
    m_removeAccount->setEnabled(row >= 0);
    m_makeDefault->setEnabled(row >= 0 && !m_accounts->entries().at(row).isDefault);
}

void AccountWindow::confirmRemove()
{
    const int row = m_accounts->rowOf(m_currentId);
    if (row < 0)
        return;
    if (m_removeConfirmation) {
        m_removeConfirmation->raise();
        m_removeConfirmation->activateWindow();
        return;
    }
    const AccountListEntry &entry = m_accounts->entries().at(row);
    auto *box = new QMessageBox(this);
    box->setObjectName(QStringLiteral("removeAccountConfirmation"));
    box->setIcon(QMessageBox::Warning);
    box->setWindowTitle(tr("Remove account"));
    box->setText(entry.who.isEmpty() || entry.who == entry.name
            ? tr("Remove %1?").arg(entry.name)
            : tr("Remove %1 (%2)?").arg(entry.name, entry.who));
    box->setInformativeText(tr("This signs the account out on the server and forgets it on this "
                               "computer. Its API access from other computers is not affected."));
    box->setAccessibleName(tr("Remove account"));
    box->setAccessibleDescription(box->text() + QLatin1Char(' ') + box->informativeText());
    QPushButton *remove = box->addButton(tr("Remove account"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmRemoveAccount"));
    remove->setAccessibleName(tr("Remove account"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setAccessibleName(tr("Cancel"));
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    m_removeConfirmation = box;
    m_removeId = entry.id;
    connect(box, &QMessageBox::finished, this, [this, box, remove] {
        const QString id = std::exchange(m_removeId, QString());
        m_removeConfirmation = nullptr; // answered: a Delete right after asks anew
        box->deleteLater();
        if (box->clickedButton() == remove)
            emit removeAccountRequested(id);
    });
    box->open(); // window-modal, without an event loop of its own
}

AccountWindow::Section AccountWindow::shownSection() const
{
    return Section(m_tabs->currentIndex());
}

void AccountWindow::showSection(Section section)
{
    m_tabs->setCurrentIndex(int(section));
}

} // namespace Smtpd
