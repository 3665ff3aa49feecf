// Renders the app's SVG icon as a square PNG for the hicolor theme, at build time:
//   smtpd-render-icon SVG SIZE PNG
// A host tool of the build, never installed. QImage and QSvgRenderer only: no application
// object, no platform plugin, no display, so it runs in any build environment and touches no
// file but the PNG (the icon has no text, which alone would need fonts).

#include <QImage>
#include <QPainter>
#include <QString>
#include <QSvgRenderer>

#include <cstdio>

int main(int argc, char *argv[])
{
    bool sizeOk = false;
    const int size = argc == 4 ? QString::fromLocal8Bit(argv[2]).toInt(&sizeOk) : 0;
    if (!sizeOk || size < 1 || size > 4096) {
        std::fprintf(stderr, "usage: smtpd-render-icon SVG SIZE PNG\n");
        return 2;
    }
    QSvgRenderer renderer(QString::fromLocal8Bit(argv[1]));
    if (!renderer.isValid()) {
        std::fprintf(stderr, "smtpd-render-icon: %s is not a valid SVG\n", argv[1]);
        return 1;
    }
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        renderer.render(&painter, QRectF(0, 0, size, size));
    }
    // No text chunks (no time stamp): the same SVG makes the same bytes on every build.
    if (!image.convertToFormat(QImage::Format_ARGB32)
             .save(QString::fromLocal8Bit(argv[3]), "PNG")) {
        std::fprintf(stderr, "smtpd-render-icon: cannot write %s\n", argv[3]);
        return 1;
    }
    return 0;
}
