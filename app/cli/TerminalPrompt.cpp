#include "TerminalPrompt.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <iterator>
#include <termios.h>
#include <unistd.h>

namespace Smtpd::Cli {

namespace {

constexpr qsizetype MaxLineBytes = 4096;
constexpr qsizetype MaxInputBytes = 64 * 1024;

// What the signal handlers need: plain data, set before they are installed.
int g_fd = -1;
termios g_saved {};
volatile sig_atomic_t g_echoOff = 0;

constexpr int EndingSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
struct sigaction g_previous[std::size(EndingSignals)] {};
struct sigaction g_previousStop
{
};

void restoreTerminal()
{
    if (g_echoOff) {
        ::tcsetattr(g_fd, TCSAFLUSH, &g_saved);
        g_echoOff = 0;
        const char newline = '\n';
        [[maybe_unused]] const auto written = ::write(g_fd, &newline, 1);
    }
}

// Echo back on, then the signal's own action (the handler it replaced, normally "end the
// process"): it is delivered again as soon as this handler returns.
extern "C" void onEndingSignal(int signalNumber)
{
    restoreTerminal();
    for (size_t i = 0; i < std::size(EndingSignals); ++i)
        if (EndingSignals[i] == signalNumber)
            ::sigaction(signalNumber, &g_previous[i], nullptr);
    ::raise(signalNumber);
}

extern "C" void onStopSignal(int)
{
    const int savedErrno = errno;
    termios hidden {};
    ::tcgetattr(g_fd, &hidden);
    ::tcsetattr(g_fd, TCSAFLUSH, &g_saved);
    // Stop for real (the default action), here and now; a SIGCONT resumes after raise().
    struct sigaction stop
    {
    };
    stop.sa_handler = SIG_DFL;
    struct sigaction mine
    {
    };
    ::sigaction(SIGTSTP, &stop, &mine);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTSTP);
    ::sigprocmask(SIG_UNBLOCK, &set, nullptr);
    ::raise(SIGTSTP);
    ::sigaction(SIGTSTP, &mine, nullptr);
    ::tcsetattr(g_fd, TCSAFLUSH, &hidden);
    errno = savedErrno;
}

void installHandlers()
{
    struct sigaction action
    {
    };
    sigemptyset(&action.sa_mask);
    for (size_t i = 0; i < std::size(EndingSignals); ++i) {
        ::sigaction(EndingSignals[i], nullptr, &g_previous[i]);
        // A signal ignored by whoever started us (nohup) stays ignored.
        if (g_previous[i].sa_handler == SIG_IGN)
            continue;
        action.sa_handler = onEndingSignal;
        ::sigaction(EndingSignals[i], &action, nullptr);
    }
    action.sa_handler = onStopSignal;
    ::sigaction(SIGTSTP, &action, &g_previousStop);
}

void uninstallHandlers()
{
    for (size_t i = 0; i < std::size(EndingSignals); ++i)
        ::sigaction(EndingSignals[i], &g_previous[i], nullptr);
    ::sigaction(SIGTSTP, &g_previousStop, nullptr);
}

} // namespace

TerminalPrompt::TerminalPrompt()
    : m_fd(::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC))
{ }

TerminalPrompt::~TerminalPrompt()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

void TerminalPrompt::write(const QByteArray &text)
{
    qsizetype done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(m_fd, text.constData() + done, size_t(text.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        done += n;
    }
}

std::optional<QByteArray> TerminalPrompt::read()
{
    QByteArray line;
    line.reserve(MaxLineBytes); // never reallocated: no stray copy of a secret is left behind
    for (;;) {
        char c = 0;
        const ssize_t n = ::read(m_fd, &c, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (line.isEmpty())
                return std::nullopt;
            break;
        }
        if (c == '\n')
            break;
        if (line.size() < MaxLineBytes - 1)
            line.append(c);
    }
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

std::optional<QString> TerminalPrompt::readLine(const QString &prompt)
{
    if (m_fd < 0)
        return std::nullopt;
    write(prompt.toUtf8());
    const std::optional<QByteArray> line = read();
    if (!line)
        return std::nullopt;
    return QString::fromUtf8(*line).trimmed();
}

std::optional<QByteArray> TerminalPrompt::readSecret(const QString &prompt)
{
    if (m_fd < 0)
        return std::nullopt;
    termios saved {};
    if (::tcgetattr(m_fd, &saved) != 0)
        return std::nullopt; // not a terminal: never read a secret with echo on
    g_fd = m_fd;
    g_saved = saved;
    installHandlers();
    termios hidden = saved;
    hidden.c_lflag &= ~tcflag_t(ECHO);
    g_echoOff = 1;
    // Echo off before the prompt shows: what is typed after it is never echoed (nor thrown
    // away by the switch).
    ::tcsetattr(m_fd, TCSAFLUSH, &hidden);
    write(prompt.toUtf8());
    std::optional<QByteArray> secret = read();
    restoreTerminal(); // echo on, and the newline the person typed unseen
    uninstallHandlers();
    return secret;
}

std::optional<QByteArray> readStandardInput()
{
    QByteArray input;
    input.reserve(MaxInputBytes);
    char buffer[512];
    for (;;) {
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return std::nullopt;
        if (n == 0)
            break;
        if (input.size() + n > MaxInputBytes) {
            std::fill(std::begin(buffer), std::end(buffer), '\0');
            input.fill('\0');
            return std::nullopt;
        }
        input.append(buffer, n);
    }
    std::fill(std::begin(buffer), std::end(buffer), '\0');
    return input;
}

} // namespace Smtpd::Cli
