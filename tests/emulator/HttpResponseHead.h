#pragma once

#include "EmulatorTypes.h"

#include <QByteArray>
#include <QDateTime>

namespace SmtpdEmulator {

// What an answer's Connection field says, if anything.
enum class ConnectionField { None, Close, KeepAlive };

// The status line and header fields of an answer, with its blank line: Date, Server, the
// response's own fields, Content-Length and the Connection field.
QByteArray httpResponseHead(const Response &response, qint64 contentLength, const QDateTime &date,
    ConnectionField connection = ConnectionField::None);

QByteArray reasonPhrase(int status);

} // namespace SmtpdEmulator
