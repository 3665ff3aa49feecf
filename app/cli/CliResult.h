#pragma once

#include "broker/ExitCode.h"

#include <QByteArray>
#include <QString>

#include <functional>

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

} // namespace Smtpd::Cli
