#include "ui/MembersPanel.h"

#include "ui/EmptyState.h"
#include "workspace/MemberListModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QStackedLayout>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using chorus::workspace::MemberListModel;

namespace chorus::ui {

MembersPanel::MembersPanel(QWidget *parent)
    : QWidget(parent), m_proxy(new QSortFilterProxyModel(this)), m_filter(new QLineEdit(this)),
      m_summary(new QLabel(this)), m_view(new QTableView(this)),
      m_empty(new EmptyState({}, {}, this)), m_stack(nullptr)
{
    setObjectName(u"membersTab"_s);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_filter->setClearButtonEnabled(true);
    m_view->setObjectName(u"memberTable"_s);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->setShowGrid(false);
    m_view->setAlternatingRowColors(true);
    m_view->setFrameShape(QFrame::NoFrame);
    m_summary->setForegroundRole(QPalette::PlaceholderText);

    auto *list = new QWidget(this);
    auto *listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins(6, 6, 6, 0);
    listLayout->addWidget(m_filter);
    listLayout->addWidget(m_summary);
    listLayout->addWidget(m_view, 1);

    m_stack = new QStackedLayout(this);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(list);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    retranslate();
}

void MembersPanel::retranslate()
{
    m_filter->setPlaceholderText(tr("Filter members"));
    m_filter->setAccessibleName(tr("Filter members"));
    m_view->setAccessibleName(tr("Members"));
    m_empty->setTexts(tr("Members"), tr("The members of the focused group: roles, presence, "
                                        "when they joined and what they said last."));
    updateSummary();
}

void MembersPanel::setModel(MemberListModel *model, const QString &)
{
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    m_proxy->setSourceModel(model);
    m_stack->setCurrentIndex(model ? 1 : 0);
    if (model) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &MembersPanel::updateSummary);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &MembersPanel::updateSummary);
        connect(model, &QAbstractItemModel::modelReset, this, &MembersPanel::updateSummary);
        connect(model, &QAbstractItemModel::dataChanged, this, &MembersPanel::updateSummary);
        m_view->sortByColumn(MemberListModel::NickColumn, Qt::AscendingOrder);
    }
    updateSummary();
}

void MembersPanel::selectMember(const QString &nick)
{
    if (!m_model)
        return;
    m_filter->clear();
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, MemberListModel::NickColumn);
        if (index.data().toString() == nick) {
            m_view->setCurrentIndex(index);
            m_view->scrollTo(index);
            m_view->setFocus();
            return;
        }
    }
}

void MembersPanel::updateSummary()
{
    if (!m_model) {
        m_summary->clear();
        return;
    }
    m_summary->setText(tr("%n member(s), %1 online", nullptr, m_model->rowCount())
                           .arg(m_model->onlineCount()));
}

} // namespace chorus::ui
