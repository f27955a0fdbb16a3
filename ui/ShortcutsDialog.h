#pragma once

#include <QDialog>

class QMenuBar;
class QTableWidget;

namespace chorus::ui {

/// Help > Keyboard shortcuts: every menu action that has one, read from the menus
/// themselves so the list never goes stale, plus the keys that work in lists and the
/// composer.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsDialog(const QMenuBar *menus, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table;
};

} // namespace chorus::ui
