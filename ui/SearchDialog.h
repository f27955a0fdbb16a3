#pragma once

#include <QDialog>
#include <QPointer>

class QComboBox;
class QLabel;
class QLineEdit;
class QTreeWidget;
class QTimer;

namespace chorus::workspace {
class Workspace;
}

namespace chorus::ui {

/// Ctrl+Shift+F: full-text search across every group (English and Chinese), ranked,
/// optionally within one group; Enter or a double-click jumps to the message.
class SearchDialog : public QDialog
{
    Q_OBJECT
public:
    SearchDialog(workspace::Workspace *workspace, const QString &currentGroup, QWidget *parent = nullptr);

    QLineEdit *queryEdit() const { return m_query; }
    QTreeWidget *results() const { return m_results; }
    QLabel *statusLabel() const { return m_status; }
    QComboBox *scopeBox() const { return m_scope; }

Q_SIGNALS:
    void jumpRequested(const QString &groupId, const QString &messageId);

private:
    void runSearch();
    void activate();

    QPointer<workspace::Workspace> m_workspace;
    QString m_currentGroup;
    QLineEdit *m_query;
    QComboBox *m_scope;
    QTreeWidget *m_results;
    QLabel *m_status;
    QTimer *m_debounce;
    int m_generation = 0;
};

} // namespace chorus::ui
