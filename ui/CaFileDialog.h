#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace Smtpd {

// Asks for a CA certificate file (PEM) in a file dialog over `parent`, opened without a nested
// event loop; `chosen` gets the path once one is picked. `current` is preselected.
void chooseCaFile(QWidget *parent, const QString &objectName, const QString &current,
    const std::function<void(const QString &path)> &chosen);

} // namespace Smtpd
