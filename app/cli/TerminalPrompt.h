#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace Smtpd::Cli {

// Asks the person at the terminal (/dev/tty, so it works while stdin and stdout are pipes).
// A secret is read with the terminal's echo off, and the echo comes back even when the read
// is cut short by Ctrl+C, Ctrl+\, a hang-up or a termination signal (a handler restores the
// saved settings, then lets the signal take its normal course); Ctrl+Z turns it back on while
// stopped and off again on return. Reads block: it is only used before the event loop runs.
class TerminalPrompt
{
public:
    TerminalPrompt();
    ~TerminalPrompt();
    TerminalPrompt(const TerminalPrompt &) = delete;
    TerminalPrompt &operator=(const TerminalPrompt &) = delete;

    // Whether a terminal could be opened (there is none under cron or CI).
    bool isOpen() const { return m_fd >= 0; }

    // Shows `prompt` and reads one line (without its end). Nothing at end of input.
    std::optional<QString> readLine(const QString &prompt);
    // The same with echo off; the line is the caller's to overwrite when done.
    std::optional<QByteArray> readSecret(const QString &prompt);

private:
    std::optional<QByteArray> read();
    void write(const QByteArray &text);

    int m_fd = -1;
};

// All of standard input, as --password-stdin reads it (at most 64 KiB). Nothing when it
// could not be read.
std::optional<QByteArray> readStandardInput();

} // namespace Smtpd::Cli
