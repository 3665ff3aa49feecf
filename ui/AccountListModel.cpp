#include "AccountListModel.h"

#include <algorithm>

namespace Smtpd {

namespace {
bool sameEntry(const AccountListEntry &a, const AccountListEntry &b)
{
    return a.id == b.id && a.name == b.name && a.who == b.who && a.server == b.server
        && a.stateText == b.stateText && a.badge == b.badge && a.isDefault == b.isDefault
        && a.avatar.cacheKey() == b.avatar.cacheKey() && a.avatarHash == b.avatarHash;
}
} // namespace

AccountListModel::AccountListModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int AccountListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

QVariant AccountListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AccountListEntry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        return accessibleText(entry);
    case IdRole:
        return entry.id;
    case NameRole:
        return entry.name;
    case WhoRole:
        return entry.who;
    case ServerRole:
        return entry.server;
    case StateTextRole:
        return entry.stateText;
    case BadgeRole:
        return static_cast<int>(entry.badge);
    case DefaultRole:
        return entry.isDefault;
    case AvatarRole:
        return entry.avatar;
    case AvatarHashRole:
        return entry.avatarHash;
    default:
        return {};
    }
}

QString AccountListModel::accessibleText(const AccountListEntry &entry)
{
    QStringList parts {entry.name, entry.who};
    if (!entry.server.isEmpty())
        parts << tr("on %1").arg(entry.server);
    parts << entry.stateText;
    if (entry.isDefault)
        parts << tr("default account");
    parts.removeAll(QString());
    return parts.join(QStringLiteral(", "));
}

int AccountListModel::rowOf(const QString &id) const
{
    return rowOf(id, 0);
}

int AccountListModel::rowOf(const QString &id, int from) const
{
    if (id.isEmpty())
        return -1;
    for (int row = from; row < m_entries.size(); ++row)
        if (m_entries.at(row).id == id)
            return row;
    return -1;
}

void AccountListModel::replace(int row, const AccountListEntry &entry)
{
    if (sameEntry(m_entries.at(row), entry))
        return;
    m_entries[row] = entry;
    emit dataChanged(index(row), index(row));
}

void AccountListModel::setEntries(const QList<AccountListEntry> &entries)
{
    // The rows whose account is gone, last first.
    for (int row = static_cast<int>(m_entries.size()) - 1; row >= 0; --row) {
        const QString &id = m_entries.at(row).id;
        const bool kept = std::any_of(entries.cbegin(), entries.cend(),
            [&id](const AccountListEntry &entry) { return entry.id == id; });
        if (kept)
            continue;
        beginRemoveRows({}, row, row);
        m_entries.removeAt(row);
        endRemoveRows();
    }
    // Then row by row: the rows above `row` are in place; the account for `row` is further
    // down (moved up), or new (inserted).
    for (int row = 0; row < entries.size(); ++row) {
        const AccountListEntry &entry = entries.at(row);
        const int from = rowOf(entry.id, row);
        if (from == row) {
            replace(row, entry);
        } else if (from > row) {
            beginMoveRows({}, from, from, {}, row);
            m_entries.move(from, row);
            endMoveRows();
            replace(row, entry);
        } else {
            beginInsertRows({}, row, row);
            m_entries.insert(row, entry);
            endInsertRows();
        }
    }
    // Only with repeated ids in `entries` can rows be left over at the end.
    if (m_entries.size() > entries.size()) {
        beginRemoveRows(
            {}, static_cast<int>(entries.size()), static_cast<int>(m_entries.size()) - 1);
        m_entries.erase(m_entries.begin() + entries.size(), m_entries.end());
        endRemoveRows();
    }
}

} // namespace Smtpd
