#pragma once

#include <QObject>

class QSocketNotifier;

namespace Smtpd {

// Turns SIGTERM, SIGINT and SIGHUP (a session ending, `kill`, Ctrl+C in a terminal) into an
// ordinary quit through the event loop, so the app leaves the way Quit does: the clipboard is
// cleared of our token and the single-instance socket removed. The handler only writes a byte
// to a socket pair (all a signal handler may safely do); the rest happens on the main thread.
class TerminationSignals final : public QObject
{
    Q_OBJECT

public:
    explicit TerminationSignals(QObject *parent = nullptr);
    ~TerminationSignals() override;

signals:
    void received(int signalNumber);

private:
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Smtpd
