#pragma once

#include <QPixmap>
#include <QWidget>

class QPainter;

namespace Smtpd {

// A round profile picture, sharp at any device pixel ratio; initials on a colour derived from
// the email's hash when there is no picture.
class AvatarView final : public QWidget
{
    Q_OBJECT

public:
    explicit AvatarView(int logicalSize, QWidget *parent = nullptr);

    // Pixels to ask the server for: the logical size times the screen's device pixel ratio.
    int requestPixels() const;
    bool showsPicture() const { return !m_picture.isNull(); }
    QPixmap picture() const { return m_picture; }
    QString initials() const { return m_initials; }

    QSize sizeHint() const override { return {m_size, m_size}; }

    // What an avatar shows, for everything that draws one (this view, the account list).
    // Up to two initials of `name` ("Dana Demo" → "DD"); "?" when it has none.
    static QString initialsFor(const QString &name);
    // The colour behind the initials: stable for a hash; the hue varies, the lightness not.
    static QColor colourFor(const QString &hash);
    // Paints a round avatar filling `area`: `picture`, scaled once to the device's pixels so
    // that it stays sharp at any device pixel ratio; else `initials` on `colour` (`fallback`
    // when it is invalid).
    static void paint(QPainter &painter, const QRectF &area, const QPixmap &picture,
        const QString &initials, const QColor &colour, const QColor &fallback);

public slots:
    void setPicture(const QByteArray &bytes);
    void setInitials(const QString &name, const QString &hash);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    int m_size;
    QPixmap m_picture;
    QString m_initials;
    QColor m_colour;
};

} // namespace Smtpd
