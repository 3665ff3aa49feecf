#include "TokenClipboard.h"

#include <QClipboard>
#include <QCryptographicHash>
#include <QMimeData>

namespace Smtpd {

namespace {
QByteArray hashOf(const QString &text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
}
} // namespace

TokenClipboard::TokenClipboard(QClipboard *clipboard, QObject *parent)
    : QObject(parent)
    , m_clipboard(clipboard)
{
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &TokenClipboard::tick);
    // Someone else took the clipboard: there is nothing of ours left to clear.
    connect(m_clipboard, &QClipboard::dataChanged, this, [this] {
        if (!m_tokenHash.isEmpty() && !holdsOurToken())
            forget();
    });
}

QString TokenClipboard::textFor(Format format, const QString &token, const QString &origin)
{
    const QString header = QStringLiteral("Authorization: Bearer ") + token;
    switch (format) {
    case Format::Token:
        break;
    case Format::AuthorizationHeader:
        return header;
    case Format::CurlCommand:
        return QStringLiteral("curl -H \"%1\" %2/oauth/me").arg(header, origin);
    }
    return token;
}

void TokenClipboard::copy(const QString &token)
{
    auto *data = new QMimeData;
    data->setText(token);
    // Password managers' convention for "do not keep this in a history" on each platform.
    data->setData(QStringLiteral("x-kde-passwordManagerHint"), QByteArrayLiteral("secret"));
#if defined(Q_OS_MACOS)
    data->setData(QStringLiteral("application/x-nspasteboard-concealed-type"), QByteArray());
#elif defined(Q_OS_WIN)
    data->setData(
        QStringLiteral(
            "application/x-qt-windows-mime;value=\"ExcludeClipboardContentFromMonitorProcessing\""),
        QByteArray(4, '\0'));
    data->setData(
        QStringLiteral("application/x-qt-windows-mime;value=\"CanIncludeInClipboardHistory\""),
        QByteArray(4, '\0'));
    data->setData(
        QStringLiteral("application/x-qt-windows-mime;value=\"CanUploadToCloudClipboard\""),
        QByteArray(4, '\0'));
#endif
    m_tokenHash = hashOf(token);
    m_clipboard->setMimeData(data, QClipboard::Clipboard);
    m_secondsLeft = m_clearAfterSeconds;
    if (m_clearAfterSeconds > 0)
        m_ticker.start();
    else
        m_ticker.stop();
    emit changed();
}

bool TokenClipboard::holdsOurToken() const
{
    return !m_tokenHash.isEmpty()
        && hashOf(m_clipboard->text(QClipboard::Clipboard)) == m_tokenHash;
}

void TokenClipboard::clearIfOurs()
{
    if (holdsOurToken())
        m_clipboard->clear(QClipboard::Clipboard);
    forget();
}

void TokenClipboard::tick()
{
    if (--m_secondsLeft > 0) {
        emit changed();
        return;
    }
    clearIfOurs();
}

void TokenClipboard::forget()
{
    const bool wasTracking = isTracking();
    m_ticker.stop();
    m_tokenHash.clear();
    m_secondsLeft = 0;
    if (wasTracking)
        emit changed();
}

} // namespace Smtpd
