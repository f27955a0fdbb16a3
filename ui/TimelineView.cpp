#include "ui/TimelineView.h"

#include "ui/MessageDelegate.h"

#include <QContextMenuEvent>
#include <QScrollBar>
#include <QTimer>

namespace chorus::ui {

TimelineView::TimelineView(QWidget *parent)
    : QListView(parent), m_delegate(new MessageDelegate(this))
{
    setItemDelegate(m_delegate);
    setObjectName(QStringLiteral("timelineView"));
    setVerticalScrollMode(ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSelectionMode(SingleSelection);
    setResizeMode(Adjust);
    setLayoutMode(Batched);
    setBatchSize(200);
    setUniformItemSizes(false);
    setWordWrap(true);
    setFrameShape(QFrame::NoFrame);
    setAccessibleName(tr("Messages"));
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &TimelineView::onScrolled);
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, [this] {
        if (m_prepending) {
            // Keep the message under the reader's eyes where it was.
            const int grown = verticalScrollBar()->maximum() - m_heightBeforePrepend;
            verticalScrollBar()->setValue(verticalScrollBar()->value() + grown);
            m_prepending = false;
        } else if (m_followBottom) {
            scrollToBottom();
        }
    });
}

void TimelineView::setModel(QAbstractItemModel *model)
{
    if (QAbstractItemModel *old = this->model())
        old->disconnect(this);
    m_delegate->invalidateAll();
    QListView::setModel(model);
    if (!model)
        return;
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this,
            &TimelineView::onRowsAboutToBeInserted);
    connect(model, &QAbstractItemModel::rowsInserted, this, &TimelineView::onRowsInserted);
    connect(model, &QAbstractItemModel::dataChanged, this, &TimelineView::onDataChanged);
    m_followBottom = true;
    QTimer::singleShot(0, this, &QListView::scrollToBottom);
}

bool TimelineView::isAtBottom() const
{
    return verticalScrollBar()->value() >= verticalScrollBar()->maximum() - 4;
}

void TimelineView::revealRow(int row)
{
    if (!model() || row < 0 || row >= model()->rowCount())
        return;
    const QModelIndex index = model()->index(row, 0);
    m_followBottom = false;
    scrollTo(index, PositionAtCenter);
    setCurrentIndex(index);
}

void TimelineView::onRowsAboutToBeInserted(const QModelIndex &, int first, int)
{
    m_followBottom = isAtBottom();
    if (first == 0 && model()->rowCount() > 0) {
        m_prepending = true;
        m_heightBeforePrepend = verticalScrollBar()->maximum();
    }
}

void TimelineView::onRowsInserted(const QModelIndex &, int, int last)
{
    // The row after an insertion may gain or lose its day break.
    if (last + 1 < model()->rowCount()) {
        const QModelIndex next = model()->index(last + 1, 0);
        m_delegate->invalidate(next);
        Q_EMIT m_delegate->sizeHintChanged(next);
    }
}

void TimelineView::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        const QModelIndex index = model()->index(row, 0);
        m_delegate->invalidate(index);
        Q_EMIT m_delegate->sizeHintChanged(index);
    }
}

void TimelineView::onScrolled(int value)
{
    m_followBottom = isAtBottom();
    if (value == verticalScrollBar()->minimum() && model() && model()->rowCount() > 0
        && verticalScrollBar()->maximum() > 0)
        Q_EMIT olderHistoryRequested();
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    const bool atBottom = isAtBottom();
    QListView::resizeEvent(event);
    if (atBottom)
        scrollToBottom();
}

void TimelineView::contextMenuEvent(QContextMenuEvent *event)
{
    const QModelIndex index = indexAt(event->pos());
    if (index.isValid())
        Q_EMIT contextMenuRequestedFor(index, event->globalPos());
}

} // namespace chorus::ui
