#pragma once

#include "ExitCode.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Smtpd::Broker {

// The per-user local socket between the command line and the running app (one JSON object
// per line each way, UTF-8; the socket is in XDG_RUNTIME_DIR and readable by this user only,
// and the app also checks the peer's uid (PeerCredentials.h; on Windows, untested, a named pipe
// that admits this user only)). Version 1:
//
//   → {"v":1,"op":"raise","activationToken":"…"}                  (no answer; a second launch)
//   → {"v":1,"op":"raise","account":"A"}                            (… and show account A)
//   → {"v":1,"op":"token","account":"A","minValid":60}  ← {"ok":true,"token":"…"}
//   → {"v":1,"op":"status","account":"A"}               ← {"ok":true,"accounts":[Status…]}
//   → {"v":1,"op":"accounts"}                           ← {"ok":true,"accounts":[Entry…]}
//   → {"v":1,"op":"logout","account":"A"}               ← {"ok":true,"message":"…"}
//   → {"v":1,"op":"login","server":"https://…","caFile":"/abs.pem","apiKey":false,
//      "username":"…","secret":"…"}                     ← {"ok":true,"message":"Signed in as …"}
//     (the running app signs in, as its Add account does, and answers once the server has
//     granted or refused: a refusal is exit 7 with the server's message)
//   any failure                                         ← {"ok":false,"exit":N,"message":"…"}
//
// "account" is optional everywhere (the default account); it is an email or key name,
// optionally followed by "@server" (Account::matches()). "exit" is an ExitCode. A request
// line is at most MaxLineBytes; an answer (a token, or the status of many accounts) at most
// MaxAnswerBytes. Secrets cross the socket only as a "token" answer and in a "login" request
// (the password or API secret the person typed into the command line's prompt): never in a
// log, an argument or the environment.
//
// An account entry (op "accounts"; "status" adds the rest):
//   {"account":"dana@example.com","name":"Dana Demo","server":"https://api.smtpd.dev",
//    "default":true,
//    "state":"active",                 // Session::State in lower case with underscores
//    "accessTokenValidSeconds":3412,   // 0 when none or expired
//    "sessionEndsAt":"2026-12-28T12:00:00Z", "sessionValidSeconds":2591000,  // may be absent
//    "storage":"GNOME Keyring (Secret Service)"}
constexpr int Version = 1;
constexpr qint64 MaxLineBytes = 4096;
constexpr qint64 MaxAnswerBytes = 1 << 20;

enum class Op { Raise, Token, Status, Accounts, Logout, Login };

struct Request
{
    Op op = Op::Raise;
    QString account; // empty: the default account
    int minValidSeconds = 60; // "token" only
    QByteArray activationToken; // "raise" only
    // "login" only:
    QString server; // empty: the app's default server
    QString caFile; // absolute path, or empty
    bool apiKey = false; // username/secret are an API key and its secret
    QString username;
    QString secret;

    QByteArray toLine() const; // JSON + '\n'
    // Nothing when the line is not a version-1 request this side understands.
    static std::optional<Request> fromLine(const QByteArray &line);
};

struct Answer
{
    bool ok = false;
    ExitCode exit = ExitCode::Failure; // when !ok
    QString message; // when !ok: the human sentence; when ok: optional (logout)
    QString token; // "token"
    QJsonArray accounts; // "status", "accounts"

    static Answer failure(ExitCode exit, const QString &message);
    QByteArray toLine() const;
    static std::optional<Answer> fromLine(const QByteArray &line);
};

QString opName(Op op);

} // namespace Smtpd::Broker
