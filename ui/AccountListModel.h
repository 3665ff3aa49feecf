#pragma once

#include "AccountListEntry.h"

#include <QAbstractListModel>
#include <QList>

namespace Smtpd {

// The account window's list of accounts. An update moves, inserts and removes rows and
// changes the others in place, never resetting the model: a view keeps its current row, its
// selection and its scroll position across it.
class AccountListModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        WhoRole,
        ServerRole,
        StateTextRole,
        BadgeRole, // int(AccountListEntry::Badge)
        DefaultRole,
        AvatarRole, // QPixmap, null for initials
        AvatarHashRole,
    };

    explicit AccountListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    // Shows `entries` in their order (ids are unique).
    void setEntries(const QList<AccountListEntry> &entries);
    const QList<AccountListEntry> &entries() const { return m_entries; }
    // The row of the account `id`, -1 when there is none.
    int rowOf(const QString &id) const;

    // What a screen reader says for an entry: "Dana Demo, demo@example.com, on
    // https://127.0.0.1:8443, Signed in, default account" (the server only when not the
    // production one). Also its display and tooltip text.
    static QString accessibleText(const AccountListEntry &entry);

private:
    int rowOf(const QString &id, int from) const;
    void replace(int row, const AccountListEntry &entry);

    QList<AccountListEntry> m_entries;
};

} // namespace Smtpd
