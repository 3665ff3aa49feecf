#include "CaFileDialog.h"

#include <QCoreApplication>
#include <QFileDialog>

namespace Smtpd {

void chooseCaFile(QWidget *parent, const QString &objectName, const QString &current,
    const std::function<void(const QString &path)> &chosen)
{
    auto *dialog = new QFileDialog(
        parent, QCoreApplication::translate("Smtpd::CaFileDialog", "Choose a CA certificate"));
    dialog->setObjectName(objectName);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters(
        {QCoreApplication::translate("Smtpd::CaFileDialog", "PEM certificates (*.pem *.crt)"),
            QCoreApplication::translate("Smtpd::CaFileDialog", "All files (*)")});
    if (!current.isEmpty())
        dialog->selectFile(current);
    QObject::connect(dialog, &QFileDialog::fileSelected, parent, chosen);
    dialog->open();
}

} // namespace Smtpd
