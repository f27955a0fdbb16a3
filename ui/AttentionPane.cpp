#include "ui/AttentionPane.h"

#include "ui/EmptyState.h"
#include "ui/MessageDelegate.h"
#include "workspace/AttentionInbox.h"
#include "workspace/GroupListModel.h"

#include <QKeyEvent>
#include <QListView>
#include <QPainter>
#include <QPushButton>
#include <QStackedLayout>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using chorus::workspace::AttentionInbox;
using chorus::workspace::GroupListModel;

namespace chorus::ui {

AttentionDelegate::AttentionDelegate(GroupListModel *groups, QObject *parent)
    : QStyledItemDelegate(parent), m_groups(groups)
{
}

QString AttentionDelegate::waited(const QDateTime &since, const QDateTime &now)
{
    const qint64 minutes = qMax<qint64>(0, since.secsTo(now) / 60);
    if (minutes < 1)
        return tr("just now");
    if (minutes < 60)
        return tr("%n min", nullptr, int(minutes));
    if (minutes < 24 * 60)
        return tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
    return tr("%n day(s)", nullptr, int(minutes / (24 * 60)));
}

QSize AttentionDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return {option.rect.width(), QFontMetrics(option.font).height() * 2 + 14};
}

void AttentionDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    if (const QWidget *w = option.widget)
        w->style()->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, w);

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &pal = option.palette;
    const QDateTime asked = index.data(AttentionInbox::AskedAtRole).toDateTime();
    const qint64 minutes = asked.secsTo(QDateTime::currentDateTimeUtc()) / 60;
    const QString groupId = index.data(AttentionInbox::GroupIdRole).toString();
    const QString group = m_groups->data(m_groups->index(m_groups->rowOf(groupId)),
                                         GroupListModel::NameRole).toString();
    const QString asker =
        MessageDelegate::displayNick(index.data(AttentionInbox::AskerNickRole).toString());

    painter->save();
    const QRect r = option.rect.adjusted(8, 5, -8, -5);
    const QFontMetrics fm(option.font);
    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.9);

    // Waited time on the right, turning orange then red as it grows.
    const QString wait = waited(asked, QDateTime::currentDateTimeUtc());
    QColor waitColor = pal.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText);
    if (!selected && minutes >= 30)
        waitColor = QColor(0xc6, 0x28, 0x28);
    else if (!selected && minutes >= 5)
        waitColor = QColor(0xe6, 0x7e, 0x22);
    painter->setFont(small);
    painter->setPen(waitColor);
    const int waitWidth = QFontMetrics(small).horizontalAdvance(wait);
    painter->drawText(QRect(r.right() - waitWidth, r.top(), waitWidth, fm.height()),
                      Qt::AlignRight | Qt::AlignVCenter, wait);

    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(pal.color(selected ? QPalette::HighlightedText : QPalette::Text));
    const QString head = group.isEmpty() ? asker : asker + u"  ·  "_s + group;
    painter->drawText(QRect(r.left(), r.top(), r.width() - waitWidth - 8, fm.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(bold).elidedText(head, Qt::ElideRight, r.width() - waitWidth - 8));
    painter->setFont(option.font);
    painter->setPen(pal.color(selected ? QPalette::HighlightedText : QPalette::Text));
    const QString text = index.data(AttentionInbox::TextRole).toString().simplified();
    painter->drawText(QRect(r.left(), r.top() + fm.height() + 2, r.width(), fm.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(text, Qt::ElideRight, r.width()));
    painter->restore();
}

AttentionPane::AttentionPane(AttentionInbox *inbox, GroupListModel *groups, QWidget *parent)
    : QWidget(parent), m_inbox(inbox), m_view(new QListView(this)),
      m_handled(new QPushButton(tr("Mark handled"), this)),
      m_empty(new EmptyState(tr("Nothing waiting"),
                             tr("Questions, mentions and urgent words from every group appear "
                                "here until you answer them."),
                             this))
{
    setObjectName(u"attentionPane"_s);
    m_view->setObjectName(u"attentionList"_s);
    m_view->setAccessibleName(tr("Waiting for you"));
    m_view->setModel(inbox);
    m_view->setItemDelegate(new AttentionDelegate(groups, m_view));
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setUniformItemSizes(true);
    m_view->installEventFilter(this);
    // "Waiting for you" (Ctrl+2) focuses the pane: the keys must reach the list.
    setFocusProxy(m_view);
    m_handled->setObjectName(u"markHandledButton"_s);
    m_handled->setToolTip(tr("Remove the selected message from the inbox (Delete)"));
    m_handled->setEnabled(false);

    auto *stackHost = new QWidget(this);
    auto *stack = new QStackedLayout(stackHost);
    stack->addWidget(m_empty);
    stack->addWidget(m_view);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(stackHost, 1);
    layout->addWidget(m_handled);

    const auto update = [this, stack] {
        stack->setCurrentIndex(m_inbox->rowCount() > 0 ? 1 : 0);
        m_handled->setEnabled(m_view->currentIndex().isValid());
    };
    connect(inbox, &QAbstractItemModel::rowsInserted, this, update);
    connect(inbox, &QAbstractItemModel::rowsRemoved, this, update);
    connect(inbox, &QAbstractItemModel::modelReset, this, update);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, update);
    connect(m_view, &QListView::activated, this, &AttentionPane::jumpTo);
    connect(m_view, &QListView::clicked, this, &AttentionPane::jumpTo);
    connect(m_handled, &QPushButton::clicked, this, &AttentionPane::markCurrentHandled);
    update();

    // Waiting times grow while nobody touches the list.
    auto *tick = new QTimer(this);
    tick->setInterval(30 * 1000);
    connect(tick, &QTimer::timeout, m_view->viewport(), qOverload<>(&QWidget::update));
    tick->start();
}

void AttentionPane::jumpTo(const QModelIndex &index)
{
    if (index.isValid())
        Q_EMIT jumpRequested(index.data(AttentionInbox::GroupIdRole).toString(),
                             index.data(AttentionInbox::MessageIdRole).toString());
}

void AttentionPane::markCurrentHandled()
{
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid())
        m_inbox->markHandled(current.row());
}

bool AttentionPane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Delete) {
            markCurrentHandled();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace chorus::ui
