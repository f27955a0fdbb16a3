#pragma once

#include <QDialog>

class QLineEdit;
class QListView;

namespace chorus::workspace {
class QuickSwitchModel;
class Workspace;
} // namespace chorus::workspace

namespace chorus::ui {

/// Ctrl+K: type a few letters of a group or a person and press Enter.
class QuickSwitcher : public QDialog
{
    Q_OBJECT
public:
    QuickSwitcher(workspace::Workspace *workspace, QWidget *parent = nullptr);

    QLineEdit *queryEdit() const { return m_query; }
    QListView *resultView() const { return m_results; }
    workspace::QuickSwitchModel *model() const { return m_model; }

Q_SIGNALS:
    void groupChosen(const QString &groupId);
    void personChosen(const QString &groupId, const QString &nick);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void choose(const QModelIndex &index);

    workspace::QuickSwitchModel *m_model;
    QLineEdit *m_query;
    QListView *m_results;
};

} // namespace chorus::ui
