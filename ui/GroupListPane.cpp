#include "ui/GroupListPane.h"

#include "workspace/GroupListModel.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using chorus::workspace::GroupFilterModel;
using chorus::workspace::GroupListModel;

namespace chorus::ui {
namespace {

constexpr int kPad = 8;

// A rounded count badge drawn right-aligned at `right`; returns its left edge.
int drawBadge(QPainter *p, int right, int centerY, const QString &text, const QColor &fill,
              const QFont &font)
{
    const QFontMetrics fm(font);
    const int h = fm.height() + 2;
    const int w = qMax(h, fm.horizontalAdvance(text) + 10);
    const QRect r(right - w, centerY - h / 2, w, h);
    QPainterPath path;
    path.addRoundedRect(r, h / 2.0, h / 2.0);
    p->fillPath(path, fill);
    p->setPen(Qt::white);
    p->setFont(font);
    p->drawText(r, Qt::AlignCenter, text);
    return r.left() - 4;
}

} // namespace

QSize GroupDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics fm(option.font);
    return {option.rect.width(), fm.height() * 2 + kPad * 2};
}

void GroupDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : nullptr;
    if (style)
        style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &pal = option.palette;
    const QColor text = pal.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor dim = selected ? text : pal.color(QPalette::PlaceholderText);

    const int unread = index.data(GroupListModel::UnreadRole).toInt();
    const int mentions = index.data(GroupListModel::MentionsRole).toInt();
    const int waiting = index.data(GroupListModel::AttentionRole).toInt();
    const auto state = index.data(GroupListModel::JoinStateRole).value<GroupListModel::JoinState>();

    painter->save();
    const QRect r = option.rect.adjusted(kPad, kPad / 2, -kPad, -kPad / 2);
    const QFontMetrics fm(option.font);
    const int line1 = r.top() + r.height() / 4 + 1;
    const int line2 = r.top() + 3 * r.height() / 4;

    // Badges on the right of the first line: waiting questions, mentions, unread.
    QFont badgeFont = option.font;
    badgeFont.setPointSizeF(badgeFont.pointSizeF() * 0.8);
    badgeFont.setBold(true);
    int right = r.right();
    if (unread > 0)
        right = drawBadge(painter, right, line1, unread > 999 ? u"999+"_s : QString::number(unread),
                          QColor(0x55, 0x6b, 0x8d), badgeFont);
    if (mentions > 0)
        right = drawBadge(painter, right, line1, u"@"_s + QString::number(mentions),
                          QColor(0x3f, 0x51, 0xb5), badgeFont);
    if (waiting > 0)
        right = drawBadge(painter, right, line1, u"? "_s + QString::number(waiting),
                          QColor(0xe6, 0x7e, 0x22), badgeFont);

    QFont nameFont = option.font;
    nameFont.setBold(unread > 0);
    painter->setFont(nameFont);
    painter->setPen(text);
    QString name = index.data(GroupListModel::NameRole).toString();
    if (state == GroupListModel::JoinState::Failed || state == GroupListModel::JoinState::Left)
        name = u"⚠ "_s + name;
    const QRect nameRect(r.left(), line1 - fm.height() / 2, right - r.left(), fm.height());
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(nameFont).elidedText(name, Qt::ElideRight, nameRect.width()));

    QString second;
    switch (state) {
    case GroupListModel::JoinState::Joining:
        second = tr("Joining…");
        break;
    case GroupListModel::JoinState::Failed:
    case GroupListModel::JoinState::Left:
        second = index.data(GroupListModel::StateTextRole).toString();
        break;
    default:
        second = index.data(GroupListModel::PreviewRole).toString().simplified();
        break;
    }
    if (second.isEmpty()) {
        const QStringList tags = index.data(GroupListModel::TagsRole).toStringList();
        second = tags.isEmpty() ? QString() : u"#"_s + tags.join(u"  #"_s);
    }
    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.9);
    painter->setFont(small);
    painter->setPen(dim);
    const QRect secondRect(r.left(), line2 - fm.height() / 2, r.width(), fm.height());
    painter->drawText(secondRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(small).elidedText(second, Qt::ElideRight, secondRect.width()));
    painter->restore();
}

GroupListPane::GroupListPane(GroupListModel *groups, QWidget *parent)
    : QWidget(parent), m_groups(groups), m_filter(new GroupFilterModel(this)),
      m_text(new QLineEdit(this)), m_tag(new QComboBox(this)), m_sort(new QComboBox(this)),
      m_view(new QListView(this))
{
    setObjectName(u"groupListPane"_s);
    m_filter->setSourceModel(groups);

    m_text->setPlaceholderText(tr("Filter groups"));
    m_text->setClearButtonEnabled(true);
    m_text->setAccessibleName(tr("Filter groups"));
    m_tag->setAccessibleName(tr("Show groups with tag"));
    m_sort->setAccessibleName(tr("Sort groups by"));
    m_sort->addItem(tr("Name"), int(GroupFilterModel::SortMode::Name));
    m_sort->addItem(tr("Recent activity"), int(GroupFilterModel::SortMode::RecentActivity));
    m_sort->addItem(tr("Waiting attention"), int(GroupFilterModel::SortMode::Attention));

    m_view->setObjectName(u"groupList"_s);
    m_view->setAccessibleName(tr("Groups"));
    m_view->setModel(m_filter);
    m_view->setItemDelegate(new GroupDelegate(m_view));
    m_view->setUniformItemSizes(true);
    m_view->setDragEnabled(true);
    m_view->setDragDropMode(QAbstractItemView::DragOnly);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_tag, 1);
    bar->addWidget(m_sort, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->setSpacing(4);
    layout->addWidget(m_text);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    connect(m_text, &QLineEdit::textChanged, m_filter, &GroupFilterModel::setText);
    connect(m_tag, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setTag(m_tag->currentData().toString()); });
    connect(m_sort, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setSortMode(GroupFilterModel::SortMode(m_sort->currentData().toInt()));
    });
    // Keyboard moves open the group at once; a mouse press only selects it and the click
    // (left button released on it) opens it. Otherwise the right-click for "Open in split
    // view", or the press that starts a drag onto the timelines, would first replace the
    // group being read with this one, and the split would never happen.
    m_view->viewport()->installEventFilter(this);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid() && !m_pressing)
                    Q_EMIT groupActivated(current.data(GroupListModel::GroupIdRole).toString());
            });
    connect(m_view, &QListView::clicked, this, [this](const QModelIndex &index) {
        if (index.isValid())
            Q_EMIT groupActivated(index.data(GroupListModel::GroupIdRole).toString());
    });
    connect(m_view, &QListView::customContextMenuRequested, this, &GroupListPane::showMenu);
    connect(groups, &QAbstractItemModel::modelReset, this, &GroupListPane::refreshTags);
    connect(groups, &QAbstractItemModel::rowsInserted, this, &GroupListPane::refreshTags);
    connect(groups, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                if (roles.isEmpty() || roles.contains(GroupListModel::TagsRole))
                    refreshTags();
            });
    refreshTags();
}

void GroupListPane::refreshTags()
{
    const QString current = m_tag->currentData().toString();
    const QSignalBlocker block(m_tag);
    m_tag->clear();
    m_tag->addItem(tr("All tags"), QString());
    for (const QString &tag : m_groups->allTags())
        m_tag->addItem(u"#"_s + tag, tag);
    const int keep = m_tag->findData(current);
    m_tag->setCurrentIndex(keep < 0 ? 0 : keep);
    if (keep < 0)
        m_filter->setTag({});
}

void GroupListPane::selectGroup(const QString &groupId)
{
    const int row = m_groups->rowOf(groupId);
    if (row < 0)
        return;
    const QModelIndex index = m_filter->mapFromSource(m_groups->index(row));
    if (index.isValid() && index != m_view->currentIndex())
        m_view->setCurrentIndex(index);
}

bool GroupListPane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::MouseButtonPress) {
        m_pressing = true;
        // The view moves the current group while it handles this press; clear after.
        QTimer::singleShot(0, this, [this] { m_pressing = false; });
    }
    return QWidget::eventFilter(watched, event);
}

QString GroupListPane::currentGroup() const
{
    return m_view->currentIndex().data(GroupListModel::GroupIdRole).toString();
}

void GroupListPane::showMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (!index.isValid())
        return;
    const QString id = index.data(GroupListModel::GroupIdRole).toString();
    QMenu menu(this);
    menu.addAction(tr("Open in &split view"), this, [this, id] { Q_EMIT openInSplitRequested(id); });
    menu.addAction(tr("Group &settings…"), this, [this, id] { Q_EMIT renameRequested(id); });
    menu.addSeparator();
    menu.addAction(tr("&Leave group"), this, [this, id] { Q_EMIT leaveRequested(id); });
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

} // namespace chorus::ui
