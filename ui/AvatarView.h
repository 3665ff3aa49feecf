#pragma once

#include <QWidget>

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
    QString initials() const { return m_initials; }

    QSize sizeHint() const override { return {m_size, m_size}; }

public slots:
    void setPicture(const QByteArray &bytes);
    void setInitials(const QString &name, const QString &hash);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    int m_size;
    QImage m_picture;
    QString m_initials;
    QColor m_colour;
};

} // namespace Smtpd
