#pragma once

#include <QByteArray>
#include <QJsonArray>

namespace Smtpd::Cli {

// How `accounts` and `status` print the protocol's account entries (BrokerProtocol.h), the
// same whether the running app or the keychain gave them.

// JSON: the entries as an array, indented, with a final newline.
QByteArray jsonListing(const QJsonArray &entries);
// `accounts`: a line each, "*" marking the default: "* email (name)  server".
QByteArray accountsListing(const QJsonArray &entries);
// `status`: a block each: who, server, state, token and session time left, storage.
QByteArray statusListing(const QJsonArray &entries);
// `accounts --names`: what --account takes for each, one a line ("@host:port" added when the
// same name is on several servers).
QByteArray namesListing(const QJsonArray &entries);

// "59 min 58 s", "29 days 23 h": the two largest units.
QString duration(qint64 seconds);

} // namespace Smtpd::Cli
