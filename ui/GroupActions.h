#pragma once

#include <QObject>
#include <QPointer>

class QWidget;

namespace chorus::workspace {
class Workspace;
}

namespace chorus::ui {

class TimelineArea;

/// The operator's group management: create a group with the seeds' defaults, add an
/// existing one, change its name, tags and time zone, or leave it.
class GroupActions : public QObject
{
    Q_OBJECT
public:
    GroupActions(QWidget *window, TimelineArea *timelines, QObject *parent = nullptr);

    void setWorkspace(workspace::Workspace *workspace);

public Q_SLOTS:
    void newGroup();
    void addExistingGroup();
    void editGroup(const QString &groupId);
    void leaveGroup(const QString &groupId);

Q_SIGNALS:
    /// Something failed after its dialog was gone; the window shows it.
    void problem(const QString &message);

private:
    QWidget *m_window;
    TimelineArea *m_timelines;
    QPointer<workspace::Workspace> m_workspace;
};

} // namespace chorus::ui
