#pragma once

#include <QStyledItemDelegate>

namespace Smtpd {

// Draws an AccountListModel row: a round avatar (picture or initials), the name with a
// "Default" marker, who signed in, the server when it is not the production one, and the
// state as a shape (different for each badge, so colour is never the only cue) and its text.
// Text uses the palette's roles only, so a dark palette stays readable.
class AccountListDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Smtpd
