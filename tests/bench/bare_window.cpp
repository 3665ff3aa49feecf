// The baseline for tests/bench/run-bench: a bare Qt Widgets window (a QWidget with a label),
// built with the same compiler, flags and Qt as the app, so the app's start time and peak
// memory can be set beside what any Qt Widgets program costs on this machine.
// usage: bare_window [SECONDS]   shows the window, quits after SECONDS (default 60) or when killed
#include <QApplication>
#include <QLabel>
#include <QTimer>
#include <QVBoxLayout>
#include <QWidget>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    bool ok = false;
    int seconds = QApplication::arguments().value(1).toInt(&ok);
    if (!ok || seconds <= 0)
        seconds = 60;

    QWidget window;
    window.setWindowTitle(QStringLiteral("Bare window"));
    auto *layout = new QVBoxLayout(&window);
    layout->addWidget(new QLabel(QStringLiteral("A bare Qt Widgets window."), &window));
    window.show();

    QTimer::singleShot(seconds * 1000, &app, &QCoreApplication::quit);
    return QApplication::exec();
}
