#include "ui/QuickSwitcher.h"

#include "workspace/QuickSwitchModel.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using chorus::workspace::QuickSwitchModel;

namespace chorus::ui {
namespace {

// Title with a kind mark, detail on the right in a quieter colour.
class SwitchDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        opt.widget->style()->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, p, opt.widget);
        const bool person = index.data(QuickSwitchModel::KindRole).value<QuickSwitchModel::Kind>()
                            == QuickSwitchModel::Kind::Person;
        const bool selected = option.state & QStyle::State_Selected;
        const QRect r = option.rect.adjusted(8, 0, -8, 0);
        p->save();
        p->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        const QString title = (person ? u"👤  "_s : u"#  "_s) + index.data().toString();
        const int titleWidth = qMin(r.width() * 3 / 5, option.fontMetrics.horizontalAdvance(title));
        p->drawText(QRect(r.left(), r.top(), titleWidth, r.height()), Qt::AlignVCenter,
                    option.fontMetrics.elidedText(title, Qt::ElideRight, titleWidth));
        p->setPen(option.palette.color(selected ? QPalette::HighlightedText
                                                : QPalette::PlaceholderText));
        const QRect detail(r.left() + titleWidth + 16, r.top(), r.width() - titleWidth - 16, r.height());
        p->drawText(detail, Qt::AlignVCenter | Qt::AlignRight,
                    option.fontMetrics.elidedText(index.data(QuickSwitchModel::DetailRole).toString(),
                                                  Qt::ElideRight, detail.width()));
        p->restore();
    }
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        return {option.rect.width(), option.fontMetrics.height() + 12};
    }
};

} // namespace

QuickSwitcher::QuickSwitcher(workspace::Workspace *workspace, QWidget *parent)
    : QDialog(parent), m_model(new QuickSwitchModel(workspace, this)),
      m_query(new QLineEdit(this)), m_results(new QListView(this))
{
    setObjectName(u"quickSwitcher"_s);
    setWindowTitle(tr("Go to group or person"));
    m_query->setPlaceholderText(tr("Type a group or a person"));
    m_query->setAccessibleName(tr("Go to"));
    m_results->setObjectName(u"quickSwitcherResults"_s);
    m_results->setAccessibleName(tr("Matches"));
    m_results->setModel(m_model);
    m_results->setItemDelegate(new SwitchDelegate(m_results));
    m_results->setUniformItemSizes(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_query);
    layout->addWidget(m_results);
    resize(560, 380);

    connect(m_query, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_model->setQuery(text);
        m_results->setCurrentIndex(m_model->index(0));
    });
    connect(m_query, &QLineEdit::returnPressed, this, [this] { choose(m_results->currentIndex()); });
    connect(m_results, &QListView::activated, this, &QuickSwitcher::choose);
    m_query->installEventFilter(this);
    m_results->setCurrentIndex(m_model->index(0));
}

void QuickSwitcher::choose(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const QString group = index.data(QuickSwitchModel::GroupIdRole).toString();
    if (index.data(QuickSwitchModel::KindRole).value<QuickSwitchModel::Kind>()
        == QuickSwitchModel::Kind::Person)
        Q_EMIT personChosen(group, index.data(QuickSwitchModel::NickRole).toString());
    else
        Q_EMIT groupChosen(group);
    accept();
}

bool QuickSwitcher::eventFilter(QObject *watched, QEvent *event)
{
    // Arrow keys move through the results while the cursor stays in the query.
    if (watched == m_query && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Up || key == Qt::Key_PageDown
            || key == Qt::Key_PageUp) {
            QCoreApplication::sendEvent(m_results, event);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace chorus::ui
