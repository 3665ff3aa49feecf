#include "ApiKeysPage.h"

#include "OneTimeSecretDialog.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Smtpd {

namespace {
enum Column { Name, Key, Active, LastUsed, Created, ColumnCount };
constexpr int IdRole = Qt::UserRole + 1;
constexpr int SortRole = Qt::UserRole + 2;
constexpr int FilterRole = Qt::UserRole + 3; // name and the whole key: what the filter matches

QString when(const QDateTime &time, const QString &never)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : never;
}

QStandardItem *cell(const QString &text, const QVariant &sortKey)
{
    auto *item = new QStandardItem(text);
    item->setData(sortKey, SortRole);
    item->setEditable(false);
    return item;
}

QPushButton *button(const QString &text, const QString &accessibleName, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setAccessibleName(accessibleName);
    return b;
}
} // namespace

QString ApiKeysPage::shortened(const QString &key)
{
    if (key.size() <= 10)
        return key;
    return key.left(4) + QStringLiteral("\u2026") + key.right(4);
}

ApiKeysPage::ApiKeysPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new QStandardItemModel(0, ColumnCount, this))
    , m_filtered(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_filter(new QLineEdit(this))
    , m_empty(new QLabel(this))
    , m_message(new QLabel(this))
    , m_refresh(button(tr("&Refresh"), tr("Refresh keys"), this))
    , m_create(button(tr("Create &key\u2026"), tr("Create key"), this))
    , m_copyKey(button(tr("Copy key"), tr("Copy key"), this))
    , m_revoke(button(tr("Re&voke\u2026"), tr("Revoke key"), this))
    , m_sessions(button(tr("&Sessions"), tr("Show sessions"), this))
    , m_sessionPanel(new QGroupBox(tr("Sessions"), this))
    , m_sessionTable(new QTableWidget(0, 6, m_sessionPanel))
{
    setObjectName(QStringLiteral("apiKeysPage"));
    setAccessibleName(tr("API keys"));
    m_model->setHorizontalHeaderLabels(
        {tr("Name"), tr("Key"), tr("Active"), tr("Last used"), tr("Created")});
    m_filtered->setSourceModel(m_model);
    m_filtered->setSortRole(SortRole);
    m_filtered->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filtered->setFilterKeyColumn(Name);
    m_filtered->setFilterRole(FilterRole);
    m_table->setObjectName(QStringLiteral("apiKeyTable"));
    m_table->setAccessibleName(tr("API key list"));
    m_table->setModel(m_filtered);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(Created, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setTabKeyNavigation(false);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &ApiKeysPage::updateButtons);

    m_filter->setObjectName(QStringLiteral("apiKeyFilter"));
    m_filter->setAccessibleName(tr("Filter keys"));
    m_filter->setPlaceholderText(tr("Filter by name or key"));
    // (No built-in clear button: it has no accessible name. Select all and type, or delete.)
    connect(m_filter, &QLineEdit::textChanged, m_filtered,
        &QSortFilterProxyModel::setFilterFixedString);

    m_empty->setObjectName(QStringLiteral("apiKeysEmpty"));
    m_empty->setWordWrap(true);
    m_empty->setText(tr("This account has no API keys yet. Programs and scripts sign in with a key "
                        "and its secret: choose Create key, give it a name and a role, and copy "
                        "the secret when it is shown — only that once."));
    m_message->setObjectName(QStringLiteral("apiKeysMessage"));
    m_message->setWordWrap(true);
    m_message->setVisible(false);

    m_refresh->setObjectName(QStringLiteral("refreshKeys"));
    m_create->setObjectName(QStringLiteral("createKey"));
    m_copyKey->setObjectName(QStringLiteral("copyKey"));
    m_revoke->setObjectName(QStringLiteral("revokeKey"));
    m_sessions->setObjectName(QStringLiteral("showSessions"));
    connect(m_refresh, &QPushButton::clicked, this, &ApiKeysPage::refreshRequested);
    connect(m_create, &QPushButton::clicked, this, &ApiKeysPage::openCreateDialog);
    connect(m_revoke, &QPushButton::clicked, this, &ApiKeysPage::confirmRevoke);
    connect(m_copyKey, &QPushButton::clicked, this, [this] {
        for (const ApiKeyRow &row : std::as_const(m_keys))
            if (row.id == selectedId())
                emit copyRequested(row.key, false);
    });
    connect(m_sessions, &QPushButton::clicked, this, [this] {
        if (!selectedId().isEmpty())
            emit sessionsRequested(selectedId());
    });

    m_sessionPanel->setObjectName(QStringLiteral("keySessions"));
    m_sessionPanel->setAccessibleName(tr("Key sessions"));
    m_sessionPanel->setVisible(false);
    m_sessionTable->setAccessibleName(tr("Sessions of the key"));
    m_sessionTable->setHorizontalHeaderLabels({tr("Created"), tr("Expires"), tr("Last used"),
        tr("User agent"), tr("IP address"), tr("Active")});
    m_sessionTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_sessionTable->verticalHeader()->hide();
    m_sessionTable->horizontalHeader()->setStretchLastSection(true);
    auto *closeSessions = button(tr("Close"), tr("Close sessions"), m_sessionPanel);
    connect(closeSessions, &QPushButton::clicked, m_sessionPanel, &QWidget::hide);
    auto *panelLayout = new QVBoxLayout(m_sessionPanel);
    panelLayout->addWidget(m_sessionTable);
    panelLayout->addWidget(closeSessions, 0, Qt::AlignRight);

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_refresh);
    top->addWidget(m_create);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_copyKey);
    actions->addWidget(m_sessions);
    actions->addStretch(1);
    actions->addWidget(m_revoke);
    auto *listColumn = new QVBoxLayout;
    listColumn->addLayout(top);
    listColumn->addWidget(m_message);
    listColumn->addWidget(m_empty);
    listColumn->addWidget(m_table, 1);
    listColumn->addLayout(actions);
    auto *layout = new QHBoxLayout(this);
    layout->addLayout(listColumn, 3);
    layout->addWidget(m_sessionPanel, 2);
    // Tab follows the reading order: the filter row, the list, the buttons under it, the panel.
    setTabOrder(m_filter, m_refresh);
    setTabOrder(m_refresh, m_create);
    setTabOrder(m_create, m_table);
    setTabOrder(m_table, m_copyKey);
    setTabOrder(m_copyKey, m_sessions);
    setTabOrder(m_sessions, m_revoke);
    setTabOrder(m_revoke, m_sessionTable);
    setKeys({});
}

void ApiKeysPage::setKeys(const QList<ApiKeyRow> &keys)
{
    const QString selected = selectedId();
    m_keys = keys;
    // A key's sessions stay shown only while that key is listed.
    bool sessionsKeyListed = false;
    for (const ApiKeyRow &key : keys)
        sessionsKeyListed = sessionsKeyListed || key.id == m_sessionsKeyId;
    if (!sessionsKeyListed)
        m_sessionPanel->hide();
    // The selection is gone while the rows are put back: the buttons wait for it (one
    // disabled on the way would push the keyboard focus off it, e.g. Revoke's after a revoke).
    m_refilling = true;
    m_model->removeRows(0, m_model->rowCount());
    for (const ApiKeyRow &key : keys) {
        QList<QStandardItem *> row {cell(key.name, key.name.toLower()),
            cell(shortened(key.key), key.key),
            cell(key.active ? tr("Active") : tr("Inactive"), key.active),
            cell(when(key.lastUsed, tr("Never")), key.lastUsed.toMSecsSinceEpoch()),
            cell(when(key.created, QString()), key.created.toMSecsSinceEpoch())};
        row.first()->setData(key.id, IdRole);
        row.first()->setData(QString(key.name + QLatin1Char(' ') + key.key), FilterRole);
        row.at(Key)->setToolTip(tr("Key %1 (Copy key copies it whole)").arg(shortened(key.key)));
        m_model->appendRow(row);
    }
    m_table->resizeColumnsToContents();
    m_empty->setVisible(keys.isEmpty() && !m_loading && m_message->isHidden());
    m_table->setVisible(!keys.isEmpty());
    for (int row = 0; row < m_filtered->rowCount(); ++row)
        if (m_filtered->index(row, Name).data(IdRole).toString() == selected)
            m_table->selectRow(row);
    m_refilling = false;
    updateButtons();
}

void ApiKeysPage::setLoading(bool loading)
{
    m_loading = loading;
    m_refresh->setEnabled(!loading);
    m_empty->setVisible(m_keys.isEmpty() && !loading && m_message->isHidden());
}

void ApiKeysPage::setMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
    m_empty->setVisible(m_keys.isEmpty() && !m_loading && message.isEmpty());
}

void ApiKeysPage::setCanManage(bool canManage)
{
    m_canManage = canManage;
    m_create->setVisible(canManage);
    m_revoke->setVisible(canManage);
    updateButtons();
}

QString ApiKeysPage::selectedId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows(Name);
    return rows.isEmpty() ? QString() : rows.first().data(IdRole).toString();
}

void ApiKeysPage::updateButtons()
{
    if (m_refilling)
        return;
    const bool selected = !selectedId().isEmpty();
    m_copyKey->setEnabled(selected);
    m_sessions->setEnabled(selected);
    m_revoke->setEnabled(selected && m_canManage);
}

void ApiKeysPage::showSessions(const QString &keyId, const QList<ApiKeySessionRow> &sessions)
{
    QString name;
    for (const ApiKeyRow &row : std::as_const(m_keys))
        if (row.id == keyId)
            name = row.name;
    m_sessionsKeyId = keyId;
    m_sessionPanel->setTitle(tr("Sessions of \u201c%1\u201d").arg(name));
    m_sessionTable->setRowCount(int(sessions.size()));
    for (int i = 0; i < sessions.size(); ++i) {
        const ApiKeySessionRow &s = sessions.at(i);
        const QStringList texts {when(s.created, QString()), when(s.expires, QString()),
            when(s.lastUsed, tr("Never")), s.userAgent, s.ip,
            s.active ? tr("Active") : tr("Ended")};
        for (int column = 0; column < texts.size(); ++column)
            m_sessionTable->setItem(i, column, new QTableWidgetItem(texts.at(column)));
    }
    m_sessionTable->resizeColumnsToContents();
    m_sessionPanel->setVisible(true);
}

void ApiKeysPage::openCreateDialog()
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("createKeyDialog"));
    dialog->setWindowTitle(tr("Create API key"));
    dialog->setAccessibleName(tr("Create API key"));
    auto *name = new QLineEdit(dialog);
    name->setObjectName(QStringLiteral("newKeyName"));
    name->setAccessibleName(tr("Key name"));
    name->setPlaceholderText(tr("e.g. Build server"));
    auto *role = new QComboBox(dialog);
    role->setObjectName(QStringLiteral("newKeyRole"));
    role->setAccessibleName(tr("Role"));
    auto *meaning = new QLabel(dialog);
    meaning->setObjectName(QStringLiteral("newKeyRoleMeaning"));
    meaning->setWordWrap(true);
    for (const ApiKeyRole &r : apiKeyRoleChoices())
        role->addItem(r.title, r.id);
    auto showMeaning = [role, meaning] {
        for (const ApiKeyRole &r : apiKeyRoleChoices())
            if (r.id == role->currentData().toString())
                meaning->setText(r.meaning);
        role->setAccessibleDescription(meaning->text());
    };
    connect(role, &QComboBox::currentIndexChanged, dialog, showMeaning);
    showMeaning();
    auto *problem = new QLabel(dialog);
    problem->setObjectName(QStringLiteral("newKeyProblem"));
    problem->setVisible(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, dialog);
    QPushButton *create = buttons->addButton(tr("Create key"), QDialogButtonBox::AcceptRole);
    create->setObjectName(QStringLiteral("confirmCreateKey"));
    create->setAccessibleName(tr("Create key"));
    create->setDefault(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), name);
    form->addRow(tr("&Role:"), role);
    form->addRow(QString(), meaning);
    auto *layout = new QVBoxLayout(dialog);
    layout->addLayout(form);
    layout->addWidget(problem);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(create, &QPushButton::clicked, dialog, [this, dialog, name, role, problem] {
        if (name->text().trimmed().isEmpty()) {
            problem->setText(tr("Give the key a name, so you know later what uses it."));
            problem->setVisible(true);
            name->setFocus();
            return;
        }
        emit createRequested(name->text().trimmed(), role->currentData().toString());
        dialog->accept();
    });
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    dialog->open();
}

void ApiKeysPage::confirmRevoke()
{
    const QString id = selectedId();
    QString name;
    for (const ApiKeyRow &row : std::as_const(m_keys))
        if (row.id == id)
            name = row.name;
    if (id.isEmpty())
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Revoke API key"),
        tr("Revoke the API key \u201c%1\u201d?").arg(name), QMessageBox::NoButton, this);
    box->setTextFormat(Qt::PlainText); // the key's name is the server's text, never markup
    box->setObjectName(QStringLiteral("revokeKeyConfirmation"));
    box->setAccessibleName(tr("Revoke API key"));
    box->setInformativeText(tr("Programs that use it can no longer sign in, and its sessions end. "
                               "This cannot be undone."));
    QPushButton *revoke = box->addButton(tr("Revoke key"), QMessageBox::DestructiveRole);
    revoke->setAccessibleName(tr("Revoke key"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    connect(box, &QMessageBox::finished, this, [this, box, revoke, id] {
        box->deleteLater();
        if (box->clickedButton() == revoke)
            emit revokeRequested(id);
    });
    box->open();
}

void ApiKeysPage::showNewKey(const QString &name, const QString &key, QString secret)
{
    auto *dialog = new OneTimeSecretDialog(name, key, std::move(secret), this);
    connect(dialog, &OneTimeSecretDialog::copyRequested, this, &ApiKeysPage::copyRequested);
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    dialog->open();
}

} // namespace Smtpd
