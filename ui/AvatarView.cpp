#include "AvatarView.h"

#include <QPainter>
#include <QPainterPath>

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
    QImage image;
    if (!image.loadFromData(bytes))
        return;
    m_picture = image;
    setAccessibleDescription(tr("Gravatar picture"));
    update();
}

void AvatarView::setInitials(const QString &name, const QString &hash)
{
    m_picture = QImage();
    QString initials;
    for (const QString &part : name.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (initials.size() < 2 && part.at(0).isLetterOrNumber())
            initials += part.at(0).toUpper();
    }
    m_initials = initials.isEmpty() ? QStringLiteral("?") : initials;
    // A stable, pleasant colour from the hash: the hue varies, saturation and value do not.
    const int hue = static_cast<int>(hash.left(6).toUInt(nullptr, 16) % 360);
    m_colour = QColor::fromHsv(hue, 150, 170);
    setAccessibleDescription(tr("Initials %1").arg(m_initials));
    update();
}

void AvatarView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    const QRectF area(0.5, 0.5, m_size - 1.0, m_size - 1.0);
    QPainterPath circle;
    circle.addEllipse(area);
    painter.setClipPath(circle);
    if (!m_picture.isNull()) {
        painter.drawImage(area, m_picture);
        return;
    }
    painter.fillPath(circle, m_colour.isValid() ? m_colour : palette().mid().color());
    QFont font = painter.font();
    font.setPixelSize(qMax(8, m_size * 2 / 5));
    font.setBold(true);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(area, Qt::AlignCenter, m_initials);
}

} // namespace Smtpd
