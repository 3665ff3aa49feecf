#include "OneTimeSecretDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace Smtpd {

namespace {
QWidget *withCopyButton(QLineEdit *field, QPushButton *copy)
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(field, 1);
    layout->addWidget(copy);
    return row;
}
} // namespace

OneTimeSecretDialog::OneTimeSecretDialog(
    const QString &name, const QString &key, QString secret, QWidget *parent)
    : QDialog(parent)
    , m_key(new QLineEdit(key, this))
    , m_secretText(std::move(secret))
    , m_secret(new QLineEdit(m_secretText, this))
    , m_stored(new QCheckBox(tr("I have copied the secret and stored it safely"), this))
    , m_close(new QPushButton(tr("Close"), this))
{
    setObjectName(QStringLiteral("oneTimeSecretDialog"));
    setWindowTitle(tr("New API key"));
    setAccessibleName(tr("New API key"));
    auto *heading
        = new QLabel(tr("The API key \u201c%1\u201d was created.").arg(name.toHtmlEscaped()), this);
    heading->setWordWrap(true);
    auto *warning = new QLabel(tr("<b>Its secret is shown only this once.</b> Copy it now and keep "
                                  "it somewhere safe: SMTPD Accounts does not store it, and the "
                                  "server will not show it again."),
        this);
    warning->setObjectName(QStringLiteral("secretWarning"));
    warning->setWordWrap(true);
    for (QLineEdit *field : {m_key, m_secret}) {
        field->setReadOnly(true);
        field->setCursorPosition(0);
    }
    m_key->setObjectName(QStringLiteral("newKey"));
    m_key->setAccessibleName(tr("API key"));
    m_secret->setObjectName(QStringLiteral("newSecret"));
    m_secret->setAccessibleName(tr("Secret"));
    m_secret->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    auto *copyKey = new QPushButton(tr("Copy"), this);
    copyKey->setObjectName(QStringLiteral("copyNewKey"));
    copyKey->setAccessibleName(tr("Copy API key"));
    auto *copySecret = new QPushButton(tr("Copy"), this);
    copySecret->setObjectName(QStringLiteral("copyNewSecret"));
    copySecret->setAccessibleName(tr("Copy secret"));
    connect(
        copyKey, &QPushButton::clicked, this, [this] { emit copyRequested(m_key->text(), false); });
    connect(copySecret, &QPushButton::clicked, this,
        [this] { emit copyRequested(m_secret->text(), true); });

    auto *form = new QFormLayout;
    form->addRow(tr("API &key:"), withCopyButton(m_key, copyKey));
    form->addRow(tr("&Secret:"), withCopyButton(m_secret, copySecret));

    m_stored->setObjectName(QStringLiteral("secretStored"));
    m_stored->setAccessibleName(tr("I have copied the secret"));
    m_close->setObjectName(QStringLiteral("closeSecret"));
    m_close->setAccessibleName(tr("Close"));
    m_close->setEnabled(false);
    connect(m_stored, &QCheckBox::toggled, m_close, &QPushButton::setEnabled);
    connect(m_close, &QPushButton::clicked, this, [this] {
        m_closeConfirmed = true;
        accept();
    });
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_close, QDialogButtonBox::AcceptRole);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(warning);
    layout->addLayout(form);
    layout->addWidget(m_stored);
    layout->addWidget(buttons);
    copySecret->setFocus();
}

OneTimeSecretDialog::~OneTimeSecretDialog()
{
    wipe();
}

// Escape or the window's close button before the person confirmed: ask first, because the
// secret cannot be had again.
void OneTimeSecretDialog::done(int result)
{
    if (m_closeConfirmed || m_stored->isChecked()) {
        wipe();
        QDialog::done(result);
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Close without the secret?"),
        tr("The secret cannot be shown again. Without it the key cannot sign in; you would have "
           "to revoke it and create another."),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("closeSecretConfirmation"));
    box->setAccessibleName(tr("Close without the secret?"));
    QPushButton *closeAnyway = box->addButton(tr("Close anyway"), QMessageBox::DestructiveRole);
    box->addButton(tr("Keep it open"), QMessageBox::RejectRole)
        ->setAccessibleName(tr("Keep it open"));
    closeAnyway->setAccessibleName(tr("Close anyway"));
    box->setDefaultButton(qobject_cast<QPushButton *>(box->buttons().last()));
    connect(box, &QMessageBox::finished, this, [this, box, closeAnyway, result] {
        box->deleteLater();
        if (box->clickedButton() == closeAnyway) {
            m_closeConfirmed = true;
            done(result);
        }
    });
    box->open();
}

void OneTimeSecretDialog::wipe()
{
    // The field's text and its text layout share m_secretText's buffer; setText() (unlike
    // clear(), which records the removal in the undo history) lets go of it without a copy.
    // Then the buffer is ours alone and is overwritten in place before it is freed.
    m_secret->setText(QString());
    if (m_secretText.isDetached())
        m_secretText.fill(QChar(0));
    m_secretText.clear();
}

} // namespace Smtpd
