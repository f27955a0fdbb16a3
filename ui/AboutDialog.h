#pragma once

#include <QDialog>

namespace chorus::ui {

/// Help > About Chorus: name, version, what it is for, and the Qt it runs on.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);
};

} // namespace chorus::ui
