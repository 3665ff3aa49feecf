#include "AvatarImage.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>

namespace SmtpdEmulator {

static QByteArray drawFigure(const QColor &background, const QColor &figure, int pixels)
{
    QImage image(pixels, pixels, QImage::Format_RGB32);
    image.fill(background);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(figure);
        const qreal s = pixels;
        painter.drawEllipse(QRectF(s * 0.32, s * 0.18, s * 0.36, s * 0.36));
        painter.drawEllipse(QRectF(s * 0.14, s * 0.60, s * 0.72, s * 0.70));
    }
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

QByteArray avatarPng(const QString &hash, int pixels)
{
    const int hue = static_cast<int>(hash.left(6).toUInt(nullptr, 16) % 360);
    return drawFigure(QColor::fromHsv(hue, 140, 210), QColor::fromHsv(hue, 60, 250), pixels);
}

QByteArray defaultAvatarPng(int pixels)
{
    return drawFigure(QColor(0xc8, 0xc8, 0xc8), QColor(0xf2, 0xf2, 0xf2), pixels);
}

} // namespace SmtpdEmulator
