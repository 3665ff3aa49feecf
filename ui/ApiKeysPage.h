#pragma once

#include "ApiKeyRows.h"

#include <QWidget>

class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;
class QTableWidget;

namespace Smtpd {

// One account's API keys: a sortable, filterable table (name, shortened key with Copy,
// active, last used, created), Create key (name and role) → the one-time secret, Revoke after
// a confirmation naming the key, and a key's sessions in a side panel. A thin view: it shows
// what it is given and emits intent.
class ApiKeysPage final : public QWidget
{
    Q_OBJECT

public:
    explicit ApiKeysPage(QWidget *parent = nullptr);

    void setKeys(const QList<Smtpd::ApiKeyRow> &keys);
    void setLoading(bool loading);
    // A sentence on why the list or an action failed (a 403 worded by the app…); empty hides.
    void setMessage(const QString &message);
    // Whether this principal may create and revoke keys (read-only roles may not).
    void setCanManage(bool canManage);
    void showSessions(const QString &keyId, const QList<Smtpd::ApiKeySessionRow> &sessions);
    // The key was created: shows its secret, this once (OneTimeSecretDialog).
    void showNewKey(const QString &name, const QString &key, QString secret);
    // "abcd…wxyz": enough to recognise a key, not to read it off the screen.
    static QString shortened(const QString &key);

signals:
    void refreshRequested();
    void createRequested(const QString &name, const QString &role);
    void revokeRequested(const QString &id);
    void sessionsRequested(const QString &id);
    void copyRequested(const QString &text, bool isSecret);

private:
    QString selectedId() const;
    void updateButtons();
    void openCreateDialog();
    void confirmRevoke();

    QList<ApiKeyRow> m_keys;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_filtered;
    QTableView *m_table;
    QLineEdit *m_filter;
    QLabel *m_empty;
    QLabel *m_message;
    QPushButton *m_refresh;
    QPushButton *m_create;
    QPushButton *m_copyKey;
    QPushButton *m_revoke;
    QPushButton *m_sessions;
    QGroupBox *m_sessionPanel;
    QTableWidget *m_sessionTable;
    QString m_sessionsKeyId; // whose sessions the side panel shows
    bool m_canManage = false;
    bool m_loading = false;
    bool m_refilling = false; // setKeys() is putting the rows back
};

} // namespace Smtpd
