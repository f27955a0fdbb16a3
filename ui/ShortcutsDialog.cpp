#include "ui/ShortcutsDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace chorus::ui {
namespace {

void collect(const QMenu *menu, const QString &path, QList<QPair<QString, QString>> *rows)
{
    for (const QAction *action : menu->actions()) {
        if (action->isSeparator())
            continue;
        const QString name = path + QString(action->text()).remove(u'&');
        if (action->menu())
            collect(action->menu(), name + u" › "_s, rows);
        else if (!action->shortcut().isEmpty())
            rows->append({name, action->shortcut().toString(QKeySequence::NativeText)});
    }
}

} // namespace

ShortcutsDialog::ShortcutsDialog(const QMenuBar *menus, QWidget *parent)
    : QDialog(parent), m_table(new QTableWidget(this))
{
    setObjectName(u"shortcutsDialog"_s);
    setWindowTitle(tr("Keyboard shortcuts"));
    QList<QPair<QString, QString>> rows;
    for (const QAction *action : menus->actions()) {
        if (action->menu())
            collect(action->menu(), QString(action->text()).remove(u'&') + u" › "_s, &rows);
    }
    rows.append({tr("Composer › Send"), tr("Enter")});
    rows.append({tr("Composer › New line"), tr("Shift+Enter")});
    rows.append({tr("Composer › Mention a member"), tr("@ then the first letters")});
    rows.append({tr("Composer › Cancel the reply"), tr("Esc")});
    rows.append({tr("Timeline › Reply to a message"), tr("Double-click or Enter")});
    rows.append({tr("Waiting › Mark handled"), tr("Delete")});
    rows.append({tr("Any list › Move"), tr("Up, Down, Page Up, Page Down")});

    m_table->setColumnCount(2);
    m_table->setRowCount(int(rows.size()));
    m_table->setHorizontalHeaderLabels({tr("Action"), tr("Keys")});
    for (int i = 0; i < rows.size(); ++i) {
        m_table->setItem(i, 0, new QTableWidgetItem(rows.at(i).first));
        m_table->setItem(i, 1, new QTableWidgetItem(rows.at(i).second));
    }
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAccessibleName(tr("Keyboard shortcuts"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(560, 520);
}

} // namespace chorus::ui
