#pragma once

#include <QLoggingCategory>

// One category per area, quiet (warnings only) unless enabled with QT_LOGGING_RULES.
// Never log a secret value in any of them.
Q_DECLARE_LOGGING_CATEGORY(lcApi)
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
Q_DECLARE_LOGGING_CATEGORY(lcKeychain)
Q_DECLARE_LOGGING_CATEGORY(lcAccounts)
