#include "SettingsDialog.h"

#include "CaFileDialog.h"
#include "settings/Autostart.h"
#include "settings/Preferences.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Smtpd {

namespace {

QLabel *hintLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QLabel *problemLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setStyleSheet(QStringLiteral("color: #b3261e;"));
    label->setVisible(false);
    return label;
}

enum Column { ServerColumn, CaFileColumn, AccountsColumn };

} // namespace

SettingsDialog::SettingsDialog(
    Preferences *preferences, const Autostart *autostart, QWidget *parent)
    : QDialog(parent)
    , m_preferences(preferences)
    , m_autostart(autostart)
    , m_clearAfter(new QSpinBox(this))
    , m_startAtLogin(new QCheckBox(tr("Start SMTPD Accounts when you &log in"), this))
    , m_startMinimized(new QCheckBox(tr("Start &minimized to the system tray"), this))
    , m_startNote(hintLabel(QString(), this))
    , m_startProblem(problemLabel(QStringLiteral("startAtLoginProblem"), this))
    , m_servers(new QTreeWidget(this))
    , m_chooseCaFile(new QPushButton(tr("C&hoose CA file\u2026"), this))
    , m_systemCertificates(new QPushButton(tr("&Use system certificates"), this))
    , m_serverProblem(problemLabel(QStringLiteral("serverProblem"), this))
    , m_storage(new QLabel(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings \u2013 SMTPD Accounts"));
    setAccessibleName(tr("Settings"));

    // The clipboard.
    auto *clipboard = new QGroupBox(tr("Clipboard"), this);
    m_clearAfter->setObjectName(QStringLiteral("clipboardClearSeconds"));
    m_clearAfter->setAccessibleName(tr("Clear a copied token after, in seconds"));
    m_clearAfter->setRange(
        Preferences::MinClipboardClearSeconds, Preferences::MaxClipboardClearSeconds);
    m_clearAfter->setSuffix(tr(" s", "seconds, after the number"));
    m_clearAfter->setValue(m_preferences->clipboardClearSeconds());
    auto *clearLabel = new QLabel(tr("&Clear a copied token after"), clipboard);
    clearLabel->setBuddy(m_clearAfter);
    auto *clearRow = new QFormLayout;
    clearRow->addRow(clearLabel, m_clearAfter);
    auto *clipboardLayout = new QVBoxLayout(clipboard);
    clipboardLayout->addLayout(clearRow);
    clipboardLayout->addWidget(hintLabel(
        tr("Only while the clipboard still holds the token; it is also cleared when you sign "
           "out or quit."),
        clipboard));
    // Applied as the value changes: the next copied token already follows it.
    connect(m_clearAfter, &QSpinBox::valueChanged, m_preferences,
        &Preferences::setClipboardClearSeconds);

    // Starting.
    auto *starting = new QGroupBox(tr("Starting"), this);
    m_startAtLogin->setObjectName(QStringLiteral("startAtLogin"));
    m_startAtLogin->setAccessibleName(tr("Start at login"));
    m_startMinimized->setObjectName(QStringLiteral("startMinimized"));
    m_startMinimized->setAccessibleName(tr("Start minimized to the tray"));
    m_startMinimized->setChecked(m_preferences->startMinimized());
    m_startNote->setObjectName(QStringLiteral("startNote"));
    m_startNote->setVisible(false);
    auto *startingLayout = new QVBoxLayout(starting);
    startingLayout->addWidget(m_startAtLogin);
    startingLayout->addWidget(m_startProblem);
    startingLayout->addWidget(m_startMinimized);
    startingLayout->addWidget(m_startNote);
    connect(m_startAtLogin, &QCheckBox::toggled, this, &SettingsDialog::onAutostartToggled);
    connect(m_startMinimized, &QCheckBox::toggled, m_preferences, &Preferences::setStartMinimized);
    connect(m_startMinimized, &QCheckBox::toggled, m_startNote,
        [this](bool on) { m_startNote->setVisible(!m_trayAvailable && on); });

    // The servers the accounts sign in to, and their CA files.
    auto *servers = new QGroupBox(tr("Servers"), this);
    m_servers->setObjectName(QStringLiteral("knownServers"));
    m_servers->setAccessibleName(tr("Servers"));
    m_servers->setHeaderLabels({tr("Server"), tr("CA file"), tr("Accounts")});
    m_servers->setRootIsDecorated(false);
    m_servers->setUniformRowHeights(true);
    m_servers->setAllColumnsShowFocus(true);
    m_servers->header()->setStretchLastSection(false);
    m_servers->header()->setSectionResizeMode(ServerColumn, QHeaderView::Stretch);
    m_servers->header()->setSectionResizeMode(CaFileColumn, QHeaderView::Stretch);
    m_servers->header()->setSectionResizeMode(AccountsColumn, QHeaderView::ResizeToContents);
    m_chooseCaFile->setObjectName(QStringLiteral("chooseServerCaFile"));
    m_chooseCaFile->setAccessibleName(tr("Choose CA file for the selected server"));
    m_systemCertificates->setObjectName(QStringLiteral("useSystemCertificates"));
    m_systemCertificates->setAccessibleName(
        tr("Use only the system's certificate authorities for the selected server"));
    auto *serverButtons = new QHBoxLayout;
    serverButtons->addWidget(m_chooseCaFile);
    serverButtons->addWidget(m_systemCertificates);
    serverButtons->addStretch(1);
    auto *serversLayout = new QVBoxLayout(servers);
    serversLayout->addWidget(m_servers);
    serversLayout->addLayout(serverButtons);
    serversLayout->addWidget(m_serverProblem);
    serversLayout->addWidget(hintLabel(
        tr("A CA file is only for a self-hosted server whose certificate comes from a private "
           "certificate authority. A change applies to the server's accounts at once."),
        servers));
    connect(
        m_servers, &QTreeWidget::currentItemChanged, this, &SettingsDialog::updateServerButtons);
    connect(m_chooseCaFile, &QPushButton::clicked, this, &SettingsDialog::chooseCaFile);
    connect(m_systemCertificates, &QPushButton::clicked, this, [this] {
        if (!selectedOrigin().isEmpty())
            emit caFileChosen(selectedOrigin(), QString());
    });

    // Where the tokens are: shown, not a choice (there is no insecure one to offer).
    auto *storage = new QGroupBox(tr("Token storage"), this);
    m_storage->setObjectName(QStringLiteral("tokenStorageSetting"));
    m_storage->setAccessibleName(tr("Token storage"));
    m_storage->setWordWrap(true);
    m_storage->setTextFormat(Qt::PlainText);
    m_storage->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_storage->setFocusPolicy(Qt::StrongFocus);
    (new QVBoxLayout(storage))->addWidget(m_storage);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closeSettings"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(clipboard);
    layout->addWidget(starting);
    layout->addWidget(servers, 1);
    layout->addWidget(storage);
    layout->addWidget(buttons);
    resize(560, 620);

    syncAutostart();
    updateServerButtons();
}

void SettingsDialog::showEvent(QShowEvent *event)
{
    // Another program (a desktop's startup settings) may have changed the entry meanwhile.
    syncAutostart();
    const QSignalBlocker blocker(m_clearAfter); // showing it is no change to save
    m_clearAfter->setValue(m_preferences->clipboardClearSeconds());
    QDialog::showEvent(event);
}

void SettingsDialog::syncAutostart()
{
    const QSignalBlocker blocker(m_startAtLogin);
    m_startAtLogin->setEnabled(Autostart::isSupported());
    m_startAtLogin->setChecked(m_autostart->isEnabled());
    m_startAtLogin->setToolTip(Autostart::isSupported()
            ? tr("Adds SMTPD Accounts to the programs your desktop starts when you log in; "
                 "it starts in the system tray.")
            : tr("Starting at login is not available on this system."));
}

void SettingsDialog::onAutostartToggled(bool enabled)
{
    const QString problem = m_autostart->setEnabled(enabled);
    showProblem(m_startProblem, problem);
    if (!problem.isEmpty())
        syncAutostart(); // shows what really holds
}

void SettingsDialog::setTrayAvailable(bool available)
{
    m_startNote->setText(available
            ? QString()
            : tr("There is no system tray right now: SMTPD Accounts will open its window."));
    m_trayAvailable = available;
    m_startNote->setVisible(!available && m_startMinimized->isChecked());
}

void SettingsDialog::setServers(const QList<KnownServer> &servers)
{
    const QString selected = selectedOrigin();
    m_servers->clear();
    for (const KnownServer &server : servers) {
        auto *item = new QTreeWidgetItem(m_servers);
        item->setText(ServerColumn, server.server);
        item->setData(ServerColumn, Qt::UserRole, server.origin);
        item->setData(CaFileColumn, Qt::UserRole, server.caFile);
        item->setData(AccountsColumn, Qt::UserRole, server.accounts);
        item->setText(CaFileColumn,
            server.caFile.isEmpty() ? tr("System certificates")
                                    : QDir::toNativeSeparators(server.caFile));
        item->setToolTip(CaFileColumn, item->text(CaFileColumn));
        item->setText(AccountsColumn, QLocale().toString(server.accounts));
        item->setData(
            AccountsColumn, Qt::AccessibleTextRole, tr("%n accounts", nullptr, server.accounts));
        if (server.origin == selected || (selected.isEmpty() && !m_servers->currentItem()))
            m_servers->setCurrentItem(item);
    }
    updateServerButtons();
}

void SettingsDialog::setTokenStorage(const QString &where)
{
    m_storage->setText(
        tr("Access and refresh tokens are kept in %1, and nowhere else: never in a file, the "
           "settings or a log. There is no other place to choose.")
            .arg(where));
}

void SettingsDialog::showServerProblem(const QString &message)
{
    showProblem(m_serverProblem, message);
}

void SettingsDialog::showProblem(QLabel *label, const QString &message)
{
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

QString SettingsDialog::selectedOrigin() const
{
    const QTreeWidgetItem *item = m_servers->currentItem();
    return item ? item->data(ServerColumn, Qt::UserRole).toString() : QString();
}

void SettingsDialog::updateServerButtons()
{
    // A server without accounts yet takes its CA file in the sign-in form, with the account.
    const QTreeWidgetItem *item = m_servers->currentItem();
    const bool hasAccounts = item && item->data(AccountsColumn, Qt::UserRole).toInt() > 0;
    m_chooseCaFile->setEnabled(hasAccounts);
    m_systemCertificates->setEnabled(
        hasAccounts && !item->data(CaFileColumn, Qt::UserRole).toString().isEmpty());
}

void SettingsDialog::chooseCaFile()
{
    const QString origin = selectedOrigin();
    if (origin.isEmpty())
        return;
    Smtpd::chooseCaFile(this, QStringLiteral("serverCaFileDialog"), QString(),
        [this, origin](const QString &path) { emit caFileChosen(origin, path); });
}

} // namespace Smtpd
