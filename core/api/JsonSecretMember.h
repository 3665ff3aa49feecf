#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace Smtpd {

// Takes a secret out of a JSON object's text before any JSON parser sees it. A parsed
// QJsonDocument keeps its strings in buffers that are freed without being overwritten, so a
// one-time secret parsed that way could linger in the process's memory after the person closed
// the dialog that showed it. This reads the string value of the top-level member `name` (JSON
// escapes decoded), overwrites those bytes of `body` with '*', and returns the value; nested
// objects and arrays are skipped, not searched. Returns nothing, and leaves `body` alone, when
// the text is not an object, the member is missing, or its value is not a string.
std::optional<QString> takeTopLevelString(QByteArray &body, QLatin1String name);

} // namespace Smtpd
