// Renders the app's SVG icon as a square PNG for the hicolor theme, at build time:
//   smtpd-render-icon SVG SIZE PNG
// A host tool of the build, never installed. QImage and QSvgRenderer only (no window, no
// display: the offscreen platform), so it runs in any build environment.

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
    QGuiApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    bool sizeOk = false;
    const int size = arguments.size() == 4 ? arguments.at(2).toInt(&sizeOk) : 0;
    if (!sizeOk || size < 1 || size > 4096) {
        std::fprintf(stderr, "usage: smtpd-render-icon SVG SIZE PNG\n");
        return 2;
    }
    QSvgRenderer renderer(arguments.at(1));
    if (!renderer.isValid()) {
        std::fprintf(
            stderr, "smtpd-render-icon: %s is not a valid SVG\n", qUtf8Printable(arguments.at(1)));
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
    if (!image.convertToFormat(QImage::Format_ARGB32).save(arguments.at(3), "PNG")) {
        std::fprintf(
            stderr, "smtpd-render-icon: cannot write %s\n", qUtf8Printable(arguments.at(3)));
        return 1;
    }
    return 0;
}
