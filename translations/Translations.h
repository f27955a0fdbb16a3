#pragma once

#include <QString>

class QCoreApplication;

namespace chorus::i18n {

/// Installs Chorus's and Qt's own translations for `language` (for example "zh_CN"),
/// or for the system locale when it is empty. Returns the locale name in use.
QString install(QCoreApplication &app, const QString &language);

} // namespace chorus::i18n
