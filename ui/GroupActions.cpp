#include "ui/GroupActions.h"

#include "ui/GroupDialog.h"
#include "ui/TimelineArea.h"
#include "workspace/GroupListModel.h"
#include "workspace/Workspace.h"

#include <QMessageBox>

namespace chorus::ui {

GroupActions::GroupActions(QWidget *window, TimelineArea *timelines, QObject *parent)
    : QObject(parent), m_window(window), m_timelines(timelines)
{
}

void GroupActions::setWorkspace(workspace::Workspace *workspace)
{
    m_workspace = workspace;
}

void GroupActions::newGroup()
{
    if (!m_workspace)
        return;
    auto *dialog = new GroupDialog(GroupDialog::Mode::Create, {}, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &GroupDialog::submitted, this, [this, dialog](const chat::Group &group) {
        QPointer<GroupDialog> guard(dialog);
        m_workspace->createGroup(group).then(
            this, [this, guard](const Expected<chat::Group, chat::ChatError> &r) {
                if (!guard)
                    return;
                if (!r.ok()) {
                    guard->showError(tr("The group was not created: %1").arg(r.error().message));
                    return;
                }
                guard->accept();
                m_timelines->openGroup(r.value().id);
            });
    });
    dialog->open();
}

void GroupActions::addExistingGroup()
{
    if (!m_workspace)
        return;
    auto *dialog = new GroupDialog(GroupDialog::Mode::Add, {}, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &GroupDialog::submitted, this, [this, dialog](const chat::Group &group) {
        QPointer<GroupDialog> guard(dialog);
        m_workspace->addGroup(group).then(this, [this, guard, group](const Expected<Done, chat::ChatError> &r) {
            if (!guard)
                return;
            if (!r.ok()) {
                guard->showError(tr("The group was not added: %1").arg(r.error().message));
                return;
            }
            guard->accept();
            m_timelines->openGroup(group.id);
        });
    });
    dialog->open();
}

void GroupActions::editGroup(const QString &groupId)
{
    if (!m_workspace)
        return;
    auto *dialog = new GroupDialog(GroupDialog::Mode::Edit, m_workspace->groups()->group(groupId), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &GroupDialog::submitted, this, [this, dialog](const chat::Group &group) {
        QPointer<GroupDialog> guard(dialog);
        m_workspace->updateGroup(group).then(this, [this, guard, group](const Expected<Done, chat::ChatError> &r) {
            if (!guard)
                return;
            if (!r.ok()) {
                guard->showError(tr("The changes were not saved: %1").arg(r.error().message));
                return;
            }
            guard->accept();
            m_timelines->refresh(group.id);
        });
    });
    dialog->open();
}

void GroupActions::leaveGroup(const QString &groupId)
{
    if (!m_workspace)
        return;
    const QString name = m_workspace->groups()->group(groupId).name;
    const auto answer = QMessageBox::question(
        m_window, tr("Leave group"),
        tr("Leave “%1” and remove it from your groups? Its members stay; you can add it again "
           "later by its address.").arg(name.isEmpty() ? groupId : name),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    m_timelines->closeGroup(groupId);
    m_workspace->leaveGroup(groupId).then(this, [this](const Expected<Done, chat::ChatError> &r) {
        if (!r.ok())
            Q_EMIT problem(tr("Could not leave the group: %1").arg(r.error().message));
    });
}

} // namespace chorus::ui
