#pragma once

#include <QByteArray>

namespace Fuzz {

// Decodes a stored session (core/auth) and uses it as the app does after a restart. Returns
// whether the bytes were accepted. The one place that names StoredSession's API, so a change
// of its signature touches this adapter only.
bool decodeStoredSession(const QByteArray &json);

} // namespace Fuzz
