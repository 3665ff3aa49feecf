#pragma once

#include <QByteArray>
#include <QString>

namespace SmtpdEmulator {

// A PNG "photo" for a user with a picture: a colour from the hash and a simple figure.
QByteArray avatarPng(const QString &hash, int pixels);
// The grey silhouette Gravatar sends when asked for no specific default.
QByteArray defaultAvatarPng(int pixels);

} // namespace SmtpdEmulator
