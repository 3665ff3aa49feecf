#include "SingleInstance.h"

#include "broker/BrokerProtocol.h"

#include <QGuiApplication>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QWindow>

#if defined(SMTPD_HAVE_XCB) && QT_CONFIG(xcb)
#include <cstdlib>
#include <cstring>
#include <xcb/xcb.h>
#define SMTPD_X11_ACTIVATION 1
#endif

namespace Smtpd {

namespace {
Q_LOGGING_CATEGORY(lcInstance, "smtpd.app", QtWarningMsg)

// How long a launch waits for another one that is between its check and its listen (a few
// milliseconds normally); a holder that died is noticed at once by QLockFile.
constexpr int StartLockWaitMs = 5000;

// Tokens go into the environment and an X property: printable ASCII only, and short.
QByteArray sanitizedToken(const QByteArray &token)
{
    if (token.size() > 512)
        return {};
    for (const char c : token) {
        if (c <= ' ' || c > '~')
            return {};
    }
    return token;
}

#ifdef SMTPD_X11_ACTIVATION
xcb_atom_t atom(xcb_connection_t *connection, const char *name)
{
    const xcb_intern_atom_cookie_t cookie
        = xcb_intern_atom(connection, 0, static_cast<uint16_t>(std::strlen(name)), name);
    xcb_intern_atom_reply_t *reply = xcb_intern_atom_reply(connection, cookie, nullptr);
    const xcb_atom_t result = reply ? reply->atom : static_cast<xcb_atom_t>(XCB_ATOM_NONE);
    std::free(reply);
    return result;
}

// The X server time of the click that started the launch ("..._TIME<n>"), 0 when not given.
uint32_t launchTime(const QByteArray &startupId)
{
    const qsizetype at = startupId.lastIndexOf("_TIME");
    if (at < 0)
        return 0;
    bool ok = false;
    const uint time = startupId.mid(at + 5).toUInt(&ok);
    return ok ? time : 0;
}

// What Qt 6.4 does for its own launch (its hooks for another launch's id are private API),
// for the windows the raise just showed: names the launch on them (_NET_STARTUP_ID, read by
// the window manager's focus-stealing prevention), asks for activation with the time of the
// launcher click rather than of this app's last input, which may be hours old, and tells the
// launcher the launch is complete ("remove"), which ends its busy feedback.
void applyX11StartupId(const QByteArray &startupId)
{
    auto *x11 = qGuiApp->nativeInterface<QNativeInterface::QX11Application>();
    xcb_connection_t *connection = x11 ? x11->connection() : nullptr;
    if (!connection)
        return;
    const xcb_window_t root = xcb_setup_roots_iterator(xcb_get_setup(connection)).data->root;
    const xcb_atom_t startupIdAtom = atom(connection, "_NET_STARTUP_ID");
    const xcb_atom_t utf8 = atom(connection, "UTF8_STRING");
    const xcb_atom_t activeWindow = atom(connection, "_NET_ACTIVE_WINDOW");
    const uint32_t time = launchTime(startupId);
    const QWindowList windows = QGuiApplication::topLevelWindows();
    for (const QWindow *window : windows) {
        // The app's own windows as the window manager sees them (not menus or the tray icon).
        if (!window->isVisible() || window->type() != Qt::Window
            || window->flags().testFlag(Qt::BypassWindowManagerHint))
            continue;
        const auto id = static_cast<xcb_window_t>(window->winId());
        xcb_change_property(connection, XCB_PROP_MODE_REPLACE, id, startupIdAtom, utf8, 8,
            static_cast<uint32_t>(startupId.size()), startupId.constData());
        if (time == 0)
            continue;
        xcb_client_message_event_t event {};
        event.response_type = XCB_CLIENT_MESSAGE;
        event.format = 32;
        event.window = id;
        event.type = activeWindow;
        event.data.data32[0] = 1; // from an application
        event.data.data32[1] = time;
        xcb_send_event(connection, 0, root,
            XCB_EVENT_MASK_SUBSTRUCTURE_REDIRECT | XCB_EVENT_MASK_SUBSTRUCTURE_NOTIFY,
            reinterpret_cast<const char *>(&event));
    }
    // The startup-notification message, in 20-byte pieces: the first as ..._BEGIN. A value
    // with quotes or backslashes in it is quoted, as the specification says.
    QByteArray value = startupId;
    if (value.contains('"') || value.contains('\\'))
        value = '"' + value.replace('\\', "\\\\").replace('"', "\\\"") + '"';
    const QByteArray message = "remove: ID=" + value + '\0';
    xcb_client_message_event_t piece {};
    piece.response_type = XCB_CLIENT_MESSAGE;
    piece.format = 8;
    piece.window = root;
    piece.type = atom(connection, "_NET_STARTUP_INFO_BEGIN");
    const xcb_atom_t more = atom(connection, "_NET_STARTUP_INFO");
    for (qsizetype sent = 0; sent < message.size(); sent += 20) {
        if (sent > 0)
            piece.type = more;
        std::memset(piece.data.data8, 0, sizeof piece.data.data8);
        std::memcpy(piece.data.data8, message.constData() + sent,
            static_cast<size_t>(qMin<qsizetype>(20, message.size() - sent)));
        xcb_send_event(connection, 0, root, XCB_EVENT_MASK_PROPERTY_CHANGE,
            reinterpret_cast<const char *>(&piece));
    }
    xcb_flush(connection);
}
#endif
} // namespace

SingleInstance::SingleInstance(const QString &socketPath, QObject *parent)
    : QObject(parent)
    , m_path(socketPath)
    , m_startLock(socketPath + QStringLiteral(".lock"))
{
    connect(&m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *peer = m_server.nextPendingConnection())
            m_broker.serve(peer);
    });
    connect(&m_broker, &Broker::BrokerServer::raiseRequested, this, &SingleInstance::onRaise);
}

QString SingleInstance::defaultSocketPath()
{
    // XDG_RUNTIME_DIR (mode 0700); Qt creates a private fallback when it is not set.
    return QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation)
        + QStringLiteral("/smtpd-accounts.socket");
}

QByteArray SingleInstance::activationTokenFromEnvironment()
{
    const QByteArray wayland = sanitizedToken(qgetenv("XDG_ACTIVATION_TOKEN"));
    return wayland.isEmpty() ? sanitizedToken(qgetenv("DESKTOP_STARTUP_ID")) : wayland;
}

bool SingleInstance::askRunningInstanceToRaise(
    const QByteArray &activationToken, const QString &account)
{
    // The lock spans this check and listen(): a launch at the same instant waits here until
    // this one listens, then finds it. Runs once at start-up, before any window exists; the
    // waits are short and bounded.
    if (!m_startLock.isLocked() && !m_startLock.tryLock(0)) {
        if (m_startLock.error() == QLockFile::LockFailedError) {
            qCDebug(lcInstance, "waiting for another launch that is starting");
            if (!m_startLock.tryLock(StartLockWaitMs))
                qCWarning(lcInstance, "went on without the start-up lock");
        }
    }
    QLocalSocket socket;
    socket.connectToServer(m_path);
    if (!socket.waitForConnected(1000))
        return false;
    Broker::Request raise;
    raise.op = Broker::Op::Raise;
    raise.activationToken = sanitizedToken(activationToken);
    raise.account = account;
    socket.write(raise.toLine());
    const bool sent = socket.waitForBytesWritten(1000);
    socket.disconnectFromServer();
    if (sent)
        m_startLock.unlock();
    return sent;
}

QString SingleInstance::listen()
{
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    bool listening = m_server.listen(m_path);
    if (!listening) {
        // Nobody answered on it (askRunningInstanceToRaise() failed) and no other launch is
        // between its check and its listen (this one holds the lock), so it is stale.
        QLocalServer::removeServer(m_path);
        listening = m_server.listen(m_path);
    }
    m_startLock.unlock();
    return listening ? QString() : m_server.errorString();
}

void SingleInstance::onRaise(const QByteArray &activationToken, const QString &account)
{
    const QByteArray token = sanitizedToken(activationToken);
    // Whether there was one, never the token itself: not a secret, but it has no place in a log.
    if (token.isEmpty())
        qCDebug(lcInstance, "raise requested without an activation token");
    else
        qCDebug(lcInstance, "raise requested with an activation token");
    const QString platform = QGuiApplication::platformName();
    // Qt's Wayland plugin hands this to the compositor at the next window activation (the
    // raise) and clears it.
    if (!token.isEmpty() && platform.startsWith(QLatin1String("wayland")))
        qputenv("XDG_ACTIVATION_TOKEN", token);
    emit raiseRequested(token, account);
#ifdef SMTPD_X11_ACTIVATION
    // On X11 the id goes on the raised window, so after the raise.
    if (!token.isEmpty() && platform == QLatin1String("xcb"))
        applyX11StartupId(token);
#endif
}

} // namespace Smtpd
