#include "ui/TimelineArea.h"

#include "ui/EmptyState.h"
#include "ui/TimelinePane.h"
#include "workspace/GroupListModel.h"

#include <QDataStream>
#include <QDragEnterEvent>
#include <QMimeData>
#include <QSplitter>
#include <QStackedLayout>

using namespace Qt::StringLiterals;

namespace chorus::ui {

TimelineArea::TimelineArea(QWidget *parent)
    : QWidget(parent), m_stack(new QStackedLayout(this)), m_empty(new EmptyState({}, {}, this)),
      m_splitter(new QSplitter(Qt::Horizontal, this))
{
    setAcceptDrops(true);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setHandleWidth(3);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_splitter);
}

void TimelineArea::setBinder(Binder binder)
{
    m_binder = std::move(binder);
}

QList<TimelinePane *> TimelineArea::panes() const
{
    QList<TimelinePane *> out;
    for (int i = 0; i < m_splitter->count(); ++i) {
        if (auto *p = qobject_cast<TimelinePane *>(m_splitter->widget(i)))
            out << p;
    }
    return out;
}

TimelinePane *TimelineArea::paneFor(const QString &groupId) const
{
    for (TimelinePane *p : panes()) {
        if (p->groupId() == groupId)
            return p;
    }
    return nullptr;
}

QStringList TimelineArea::openGroups() const
{
    QStringList ids;
    for (TimelinePane *p : panes())
        ids << p->groupId();
    return ids;
}

QString TimelineArea::focusedGroup() const
{
    return m_focused ? m_focused->groupId() : QString();
}

void TimelineArea::openGroup(const QString &groupId, bool inSplit)
{
    if (groupId.isEmpty() || !m_binder)
        return;
    if (TimelinePane *open = paneFor(groupId)) {
        focus(open);
        return;
    }
    TimelinePane *pane = m_focused;
    if (!pane || (inSplit && m_splitter->count() < kMaxPanes))
        pane = addPane();
    m_binder(pane, groupId);
    updateChrome();
    if (pane == m_focused)
        Q_EMIT focusedGroupChanged(groupId); // the same pane now shows another group
    else
        focus(pane);
    Q_EMIT layoutChanged();
}

void TimelineArea::closeGroup(const QString &groupId)
{
    if (TimelinePane *p = paneFor(groupId))
        removePane(p);
}

void TimelineArea::refresh(const QString &groupId)
{
    if (TimelinePane *p = paneFor(groupId); p && m_binder)
        m_binder(p, groupId);
}

TimelinePane *TimelineArea::addPane()
{
    auto *pane = new TimelinePane(m_splitter);
    m_splitter->addWidget(pane);
    connect(pane, &TimelinePane::activated, this, &TimelineArea::focus);
    connect(pane, &TimelinePane::closeRequested, this, &TimelineArea::removePane);
    Q_EMIT paneCreated(pane);
    // Share the width equally among the panes.
    QList<int> sizes(m_splitter->count(), qMax(1, m_splitter->width() / m_splitter->count()));
    m_splitter->setSizes(sizes);
    return pane;
}

void TimelineArea::removePane(TimelinePane *pane)
{
    if (!pane)
        return;
    const bool wasFocused = pane == m_focused;
    pane->hide();
    pane->deleteLater();
    pane->setParent(nullptr);
    if (wasFocused) {
        m_focused = nullptr;
        const QList<TimelinePane *> rest = panes();
        if (!rest.isEmpty())
            focus(rest.constLast());
        else
            Q_EMIT focusedGroupChanged({});
    }
    updateChrome();
    Q_EMIT layoutChanged();
}

void TimelineArea::focus(TimelinePane *pane)
{
    if (pane == m_focused)
        return;
    m_focused = pane;
    for (TimelinePane *p : panes())
        p->setFocused(p == pane && panes().size() > 1);
    Q_EMIT focusedGroupChanged(pane ? pane->groupId() : QString());
}

void TimelineArea::updateChrome()
{
    const QList<TimelinePane *> all = panes();
    for (TimelinePane *p : all) {
        p->setClosable(all.size() > 1);
        p->setFocused(p == m_focused && all.size() > 1);
    }
    m_stack->setCurrentWidget(all.isEmpty() ? static_cast<QWidget *>(m_empty) : m_splitter);
}

QByteArray TimelineArea::saveState() const
{
    QByteArray data;
    QDataStream out(&data, QIODevice::WriteOnly);
    out << quint8(1) << openGroups() << focusedGroup() << m_splitter->saveState();
    return data;
}

void TimelineArea::restoreState(const QByteArray &state)
{
    QDataStream in(state);
    quint8 version = 0;
    QStringList groups;
    QString focused;
    QByteArray splitter;
    in >> version >> groups >> focused >> splitter;
    if (version != 1 || in.status() != QDataStream::Ok)
        return;
    for (const QString &g : std::as_const(groups))
        openGroup(g, true);
    m_splitter->restoreState(splitter);
    if (TimelinePane *p = paneFor(focused))
        focus(p);
}

void TimelineArea::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasFormat(QString::fromLatin1(workspace::GroupListModel::kMimeType)))
        event->acceptProposedAction();
}

void TimelineArea::dropEvent(QDropEvent *event)
{
    const QString id =
        QString::fromUtf8(event->mimeData()->data(QString::fromLatin1(workspace::GroupListModel::kMimeType)));
    if (id.isEmpty())
        return;
    openGroup(id, true);
    event->acceptProposedAction();
}

} // namespace chorus::ui
