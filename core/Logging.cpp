#include "Logging.h"

Q_LOGGING_CATEGORY(lcApi, "smtpd.core.api", QtWarningMsg)
Q_LOGGING_CATEGORY(lcAuth, "smtpd.core.auth", QtWarningMsg)
Q_LOGGING_CATEGORY(lcKeychain, "smtpd.core.keychain", QtWarningMsg)
Q_LOGGING_CATEGORY(lcAccounts, "smtpd.core.accounts", QtWarningMsg)
