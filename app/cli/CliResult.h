#pragma once

#include "broker/ExitCode.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

namespace Smtpd {
class Session;
}

namespace Smtpd::Cli {

// What a command ends with: its exit code, what goes to stdout (a token, a listing) and the
// sentence for stderr. Never a secret outside `output`.
struct CliResult
{
    ExitCode exit = ExitCode::Ok;
    QByteArray output;
    QString message;

    static CliResult failure(ExitCode exit, const QString &message)
    {
        return CliResult {exit, {}, message};
    }
};

using ResultCallback = std::function<void(const CliResult &result)>;

// Calls `then` (from the event loop) once `session` has nothing in flight that quitting would
// lose: above all, once what it was asked to save has landed in the keychain.
void whenIdle(Session *session, QObject *context, const std::function<void()> &then);

} // namespace Smtpd::Cli
