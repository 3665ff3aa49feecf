#include "AvatarView.h"

#include <QPaintDevice>
#include <QPainter>

namespace Smtpd {

AvatarView::AvatarView(int logicalSize, QWidget *parent)
    : QWidget(parent)
    , m_size(logicalSize)
{
    setFixedSize(logicalSize, logicalSize);
    setObjectName(QStringLiteral("avatar"));
    setAccessibleName(tr("Profile picture"));
}

int AvatarView::requestPixels() const
{
    return qCeil(m_size * devicePixelRatioF());
}

void AvatarView::setPicture(const QByteArray &bytes)
{
    QPixmap picture;
    if (!picture.loadFromData(bytes))
        return;
    m_picture = picture;
    setAccessibleDescription(tr("Gravatar picture"));
    update();
}

QString AvatarView::initialsFor(const QString &name)
{
    QString initials;
    for (const QString &part : name.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (initials.size() < 2 && part.at(0).isLetterOrNumber())
            initials += part.at(0).toUpper();
    }
    return initials.isEmpty() ? QStringLiteral("?") : initials;
}

QColor AvatarView::colourFor(const QString &hash)
{
    // A stable, pleasant colour from the hash: the hue varies, saturation and value do not.
    const int hue = static_cast<int>(hash.left(6).toUInt(nullptr, 16) % 360);
    return QColor::fromHsv(hue, 150, 170);
}

void AvatarView::setInitials(const QString &name, const QString &hash)
{
    m_picture = QPixmap();
    m_initials = initialsFor(name);
    m_colour = colourFor(hash);
    setAccessibleDescription(tr("Initials %1").arg(m_initials));
    update();
}

void AvatarView::paint(QPainter &painter, const QRectF &area, const QPixmap &picture,
    const QString &initials, const QColor &colour, const QColor &fallback)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    if (!picture.isNull()) {
        // The picture is scaled to the device's pixels once (a smooth scaling, not the
        // painter's per-pixel sampling) and painted as the circle's brush, so that both the
        // picture and the circle's edge stay sharp at 100 % and 200 %.
        const qreal ratio = painter.device() ? painter.device()->devicePixelRatioF() : 1.0;
        const QSize pixels = (area.size() * ratio).toSize();
        QPixmap scaled = picture.size() == pixels
            ? picture
            : picture.scaled(pixels, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        scaled.setDevicePixelRatio(1);
        QBrush brush(scaled);
        brush.setTransform(
            QTransform::fromTranslate(area.x(), area.y()).scale(1 / ratio, 1 / ratio));
        painter.setBrush(brush);
        painter.drawEllipse(area);
        painter.restore();
        return;
    }
    painter.setBrush(colour.isValid() ? colour : fallback);
    painter.drawEllipse(area);
    QFont font = painter.font();
    font.setPixelSize(qMax(8, qRound(area.height() * 2 / 5)));
    font.setBold(true);
    painter.setFont(font);
    // White on the avatar's own colour (a fixed mid value), not on the palette's background.
    painter.setPen(Qt::white);
    painter.drawText(area, Qt::AlignCenter, initials);
    painter.restore();
}

void AvatarView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    paint(painter, QRectF(0, 0, m_size, m_size), m_picture, m_initials, m_colour,
        palette().mid().color());
}

} // namespace Smtpd
