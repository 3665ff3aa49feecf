#include "AccountListDelegate.h"

#include "AccountListEntry.h"
#include "AccountListModel.h"
#include "AvatarView.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace Smtpd {

namespace {
constexpr int Margin = 8; // around the entry
constexpr int AvatarSize = 40;
constexpr int Gap = 10; // between the avatar and the text
constexpr int MarkerPadding = 5; // inside the "Default" marker, left and right

using Badge = AccountListEntry::Badge;

QFont nameFont(const QFont &base)
{
    QFont font = base;
    font.setBold(true);
    return font;
}

QFont markerFont(const QFont &base)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() > 0 ? base.pointSizeF() * 0.85 : 8);
    return font;
}

int lineCount(const QModelIndex &index)
{
    return index.data(AccountListModel::ServerRole).toString().isEmpty() ? 3 : 4;
}

// The state's shape, `size` across, centred in `area`: a filled circle (active), an open
// arc (busy), a crossed-out circle (offline), a triangle with "!" (attention), a circle with
// a bar (signed out). Active and attention add a colour; the others draw in `ink`.
void paintBadge(QPainter &painter, const QRectF &area, Badge badge, const QColor &ink,
    const QColor &hole, bool selected)
{
    const qreal size = qMin(area.width(), area.height());
    const QRectF box(area.center().x() - size / 2, area.center().y() - size / 2, size, size);
    const qreal stroke = qMax<qreal>(1.25, size / 7);
    const QRectF ring = box.adjusted(stroke / 2, stroke / 2, -stroke / 2, -stroke / 2);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    QPen pen(ink, stroke, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    switch (badge) {
    case Badge::Active:
        painter.setPen(Qt::NoPen);
        // A mid green reads on a light and a dark background; on the selection, the ink.
        painter.setBrush(selected ? ink : QColor(0x2e, 0xa0, 0x4f));
        painter.drawEllipse(box);
        break;
    case Badge::Busy:
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawArc(ring, 90 * 16, -270 * 16);
        break;
    case Badge::Offline:
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(ring);
        // The diagonal meets the circle at about 15 % and 85 % of its length.
        painter.drawLine(QLineF(QLineF(ring.topLeft(), ring.bottomRight()).pointAt(0.15),
            QLineF(ring.topLeft(), ring.bottomRight()).pointAt(0.85)));
        break;
    case Badge::Attention: {
        QPainterPath triangle;
        triangle.moveTo(box.center().x(), box.top());
        triangle.lineTo(box.right(), box.bottom());
        triangle.lineTo(box.left(), box.bottom());
        triangle.closeSubpath();
        painter.setPen(Qt::NoPen);
        painter.setBrush(selected ? ink : QColor(0xe0, 0x8a, 0x00));
        painter.drawPath(triangle);
        QPen mark(hole, stroke, Qt::SolidLine, Qt::RoundCap);
        painter.setPen(mark);
        const qreal x = box.center().x();
        painter.drawLine(QPointF(x, box.top() + size * 0.38), QPointF(x, box.top() + size * 0.66));
        painter.drawPoint(QPointF(x, box.top() + size * 0.84));
        break;
    }
    case Badge::SignedOut:
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(ring);
        painter.drawLine(QPointF(ring.left() + ring.width() * 0.28, ring.center().y()),
            QPointF(ring.right() - ring.width() * 0.28, ring.center().y()));
        break;
    }
    painter.restore();
}
} // namespace

QSize AccountListDelegate::sizeHint(
    const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QFontMetrics bold(nameFont(option.font));
    const QFontMetrics plain(option.font);
    const int text = bold.height() + (lineCount(index) - 1) * plain.lineSpacing();
    const int width = option.rect.width() > 0 ? option.rect.width() : 240;
    return {width, 2 * Margin + qMax(AvatarSize, text)};
}

void AccountListDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    // The style draws the background, the selection and the focus frame; this the rest.
    opt.text.clear();
    opt.icon = QIcon();
    opt.features &= ~(QStyleOptionViewItem::HasDisplay | QStyleOptionViewItem::HasDecoration);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
        : (opt.state & QStyle::State_Active)                                ? QPalette::Normal
                                                                            : QPalette::Inactive;
    const QColor ink
        = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor secondary = ink;
    secondary.setAlphaF(0.75 * ink.alphaF());
    const QColor hole = opt.palette.color(group, selected ? QPalette::Highlight : QPalette::Base);

    const QRect area = opt.rect.adjusted(Margin, Margin, -Margin, -Margin);
    painter->save();

    // The avatar, centred on the entry's height.
    const QRectF avatar(
        area.left(), area.top() + (area.height() - AvatarSize) / 2, AvatarSize, AvatarSize);
    const QString name = index.data(AccountListModel::NameRole).toString();
    const QString hash = index.data(AccountListModel::AvatarHashRole).toString();
    AvatarView::paint(*painter, avatar, index.data(AccountListModel::AvatarRole).value<QPixmap>(),
        AvatarView::initialsFor(name), hash.isEmpty() ? QColor() : AvatarView::colourFor(hash),
        opt.palette.color(group, QPalette::Mid));

    const QFont bold = nameFont(opt.font);
    const QFontMetrics boldMetrics(bold);
    const QFontMetrics plain(opt.font);
    const int left = area.left() + AvatarSize + Gap;
    const int width = area.right() + 1 - left;
    const int textHeight = boldMetrics.height() + (lineCount(index) - 1) * plain.lineSpacing();
    int y = area.top() + qMax(0, (area.height() - textHeight) / 2);

    // The name, with the "Default" marker after it.
    const bool isDefault = index.data(AccountListModel::DefaultRole).toBool();
    const QFont marker = markerFont(opt.font);
    const QFontMetrics markerMetrics(marker);
    const QString markerText = tr("Default");
    const int markerWidth
        = isDefault ? markerMetrics.horizontalAdvance(markerText) + 2 * MarkerPadding : 0;
    const int nameRoom = qMax(0, width - (isDefault ? markerWidth + Gap / 2 : 0));
    const QString shownName = boldMetrics.elidedText(name, Qt::ElideRight, nameRoom);
    painter->setFont(bold);
    painter->setPen(ink);
    const QRect nameRect(left, y, nameRoom, boldMetrics.height());
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter, shownName);
    if (isDefault) {
        const int x = left + boldMetrics.horizontalAdvance(shownName) + Gap / 2;
        const int height = markerMetrics.height() + 2;
        const QRectF pill(
            x + 0.5, y + (boldMetrics.height() - height) / 2 + 0.5, markerWidth - 1, height - 1);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(secondary, 1));
        painter->drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
        painter->setFont(marker);
        painter->setPen(ink);
        painter->drawText(pill, Qt::AlignCenter, markerText);
    }
    y += boldMetrics.height();

    // Who, and the server when it is not the production one.
    painter->setFont(opt.font);
    painter->setPen(secondary);
    for (const AccountListModel::Role role :
        {AccountListModel::WhoRole, AccountListModel::ServerRole}) {
        const QString line = index.data(role).toString();
        if (line.isEmpty())
            continue;
        painter->drawText(QRect(left, y, width, plain.lineSpacing()),
            Qt::AlignLeft | Qt::AlignVCenter, plain.elidedText(line, Qt::ElideMiddle, width));
        y += plain.lineSpacing();
    }

    // The state: its shape, then its words.
    const int shape = qRound(plain.height() * 0.62);
    const auto badge = static_cast<Badge>(index.data(AccountListModel::BadgeRole).toInt());
    paintBadge(*painter, QRectF(left, y, shape, plain.lineSpacing()), badge, ink, hole, selected);
    painter->setPen(ink);
    const int textLeft = left + shape + 6;
    painter->drawText(QRect(textLeft, y, width - shape - 6, plain.lineSpacing()),
        Qt::AlignLeft | Qt::AlignVCenter,
        plain.elidedText(index.data(AccountListModel::StateTextRole).toString(), Qt::ElideRight,
            width - shape - 6));
    painter->restore();
}

} // namespace Smtpd
