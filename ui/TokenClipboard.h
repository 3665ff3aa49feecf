#pragma once

#include <QByteArray>
#include <QObject>
#include <QTimer>

class QClipboard;

namespace Smtpd {

// Puts an access token on the clipboard, marked as a secret so clipboard managers and
// histories leave it alone, and takes it off again: after a delay, on sign-out, on quit and
// when the token is replaced, but only while the clipboard still holds it (something the
// user copied since is never touched). Only a hash of the token is kept here.
class TokenClipboard final : public QObject
{
    Q_OBJECT

public:
    explicit TokenClipboard(QClipboard *clipboard, QObject *parent = nullptr);

    // What is copied: the token alone, an HTTP header line, or a curl command calling the
    // account's server (GET /oauth/me) with it. Each is the secret the rules apply to.
    enum class Format { Token, AuthorizationHeader, CurlCommand };
    // The text of `format` for `token`; `origin` is the account's server ("https://host").
    static QString textFor(Format format, const QString &token, const QString &origin);

    // 0 = never clear by time.
    void setClearAfterSeconds(int seconds) { m_clearAfterSeconds = seconds; }
    int clearAfterSeconds() const { return m_clearAfterSeconds; }

    // Copies `token` (or any text holding one: textFor()).
    void copy(const QString &token);
    // Clears the clipboard if it still holds what copy() put there.
    void clearIfOurs();
    bool holdsOurToken() const;
    // Whether a copied token is being looked after (until cleared or replaced by the user).
    bool isTracking() const { return !m_tokenHash.isEmpty(); }
    // Seconds until the timed clear; 0 when none is pending.
    int secondsLeft() const { return m_secondsLeft; }

signals:
    // After a copy, each second of the countdown, and when the token is no longer tracked.
    void changed();

private:
    void tick();
    void forget();

    QClipboard *m_clipboard;
    QByteArray m_tokenHash;
    QTimer m_ticker;
    int m_clearAfterSeconds = 30;
    int m_secondsLeft = 0;
};

} // namespace Smtpd
