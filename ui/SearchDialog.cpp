#include "ui/SearchDialog.h"

#include "store/AsyncStore.h"
#include "workspace/GroupListModel.h"
#include "workspace/Workspace.h"

#include <QAbstractTextDocumentLayout>
#include <QComboBox>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTextDocument>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace chorus::ui {

namespace {

enum { GroupRole = Qt::UserRole + 1, MessageRole, TimeRole, HtmlRole };

/// Draws the snippet column as rich text so the matched words stand out.
class SnippetDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString html = index.data(HtmlRole).toString();
        if (html.isEmpty()) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        opt.text.clear();
        opt.widget->style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
        QTextDocument doc;
        doc.setDefaultFont(opt.font);
        doc.setDocumentMargin(2);
        doc.setHtml(html);
        QAbstractTextDocumentLayout::PaintContext ctx;
        ctx.palette.setColor(QPalette::Text, opt.state & QStyle::State_Selected
                                                 ? opt.palette.color(QPalette::HighlightedText)
                                                 : opt.palette.color(QPalette::Text));
        painter->save();
        painter->translate(opt.rect.topLeft());
        painter->setClipRect(opt.rect.translated(-opt.rect.topLeft()));
        doc.documentLayout()->draw(painter, ctx);
        painter->restore();
    }
};

QString highlighted(const store::text::Snippet &snippet)
{
    QString html;
    qsizetype pos = 0;
    for (const auto &h : snippet.highlights) {
        html += snippet.text.mid(pos, h.start - pos).toHtmlEscaped();
        html += u"<b>"_s + snippet.text.mid(h.start, h.length).toHtmlEscaped() + u"</b>"_s;
        pos = h.start + h.length;
    }
    return html + snippet.text.mid(pos).toHtmlEscaped();
}

} // namespace

SearchDialog::SearchDialog(workspace::Workspace *workspace, const QString &currentGroup, QWidget *parent)
    : QDialog(parent), m_workspace(workspace), m_currentGroup(currentGroup),
      m_query(new QLineEdit(this)), m_scope(new QComboBox(this)), m_results(new QTreeWidget(this)),
      m_status(new QLabel(this)), m_debounce(new QTimer(this))
{
    setWindowTitle(tr("Search messages"));
    setObjectName(u"searchDialog"_s);
    resize(760, 480);
    m_query->setPlaceholderText(tr("Words or \"a phrase\", in any language"));
    m_query->setClearButtonEnabled(true);
    m_query->setAccessibleName(tr("Search text"));
    m_scope->addItem(tr("All groups"));
    if (!currentGroup.isEmpty())
        m_scope->addItem(tr("This group: %1").arg(workspace->groups()->group(currentGroup).name), currentGroup);
    m_scope->setAccessibleName(tr("Where to search"));
    m_results->setColumnCount(4);
    m_results->setHeaderLabels({tr("Message"), tr("Group"), tr("From"), tr("When")});
    m_results->setRootIsDecorated(false);
    m_results->setUniformRowHeights(true);
    m_results->setItemDelegateForColumn(0, new SnippetDelegate(m_results));
    m_results->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_results->setAccessibleName(tr("Search results"));
    m_status->setObjectName(u"searchStatus"_s);

    auto *top = new QHBoxLayout;
    top->addWidget(m_query, 1);
    top->addWidget(m_scope);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_results, 1);
    layout->addWidget(m_status);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(200);
    connect(m_debounce, &QTimer::timeout, this, &SearchDialog::runSearch);
    connect(m_query, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_scope, &QComboBox::currentIndexChanged, this, &SearchDialog::runSearch);
    connect(m_query, &QLineEdit::returnPressed, this, [this] {
        if (m_results->topLevelItemCount() > 0) {
            if (!m_results->currentItem())
                m_results->setCurrentItem(m_results->topLevelItem(0));
            activate();
        }
    });
    connect(m_results, &QTreeWidget::itemActivated, this, &SearchDialog::activate);
    m_status->setText(tr("Type to search every group's messages kept on this computer."));
}

void SearchDialog::runSearch()
{
    const QString text = m_query->text().trimmed();
    m_results->clear();
    if (text.isEmpty() || !m_workspace) {
        m_status->setText(tr("Type to search every group's messages kept on this computer."));
        return;
    }
    store::SearchQuery query;
    query.text = text;
    query.limit = 50;
    if (const QString group = m_scope->currentData().toString(); !group.isEmpty())
        query.groupJids = {group};
    const int generation = ++m_generation;
    m_status->setText(tr("Searching…"));
    m_workspace->search(query).then(this, [this, generation](const Expected<store::SearchPage, store::StoreError> &r) {
        if (generation != m_generation || !m_workspace)
            return; // a newer query is on its way
        if (!r.ok()) {
            m_status->setText(tr("Search failed: %1").arg(r.error().message));
            return;
        }
        const QLocale locale;
        for (const store::SearchHit &hit : r.value().hits) {
            const chat::Message &m = hit.message.message;
            auto *item = new QTreeWidgetItem(m_results);
            item->setText(0, hit.snippet.text);
            item->setData(0, HtmlRole, highlighted(hit.snippet));
            item->setToolTip(0, m.body);
            item->setText(1, m_workspace->groups()->group(m.groupId).name.isEmpty()
                                 ? m.groupId : m_workspace->groups()->group(m.groupId).name);
            item->setText(2, m.senderNick);
            item->setText(3, locale.toString(m.timestamp.toLocalTime(), QLocale::ShortFormat));
            item->setData(0, GroupRole, m.groupId);
            item->setData(0, MessageRole, !m.stanzaId.isEmpty() ? m.stanzaId : m.originId);
            item->setData(0, TimeRole, m.timestamp);
        }
        const int n = int(r.value().hits.size());
        if (n == 0)
            m_status->setText(tr("No messages match. Check the spelling, or search all groups."));
        else if (r.value().truncated)
            m_status->setText(tr("%n newest match(es) shown; older ones exist — add words to narrow it.", "", n));
        else
            m_status->setText(tr("%n match(es). Enter opens the selected one.", "", n));
        if (m_results->topLevelItemCount() > 0)
            m_results->setCurrentItem(m_results->topLevelItem(0));
    });
}

void SearchDialog::activate()
{
    QTreeWidgetItem *item = m_results->currentItem();
    if (!item || !m_workspace)
        return;
    const QString group = item->data(0, GroupRole).toString();
    const QString id = item->data(0, MessageRole).toString();
    m_workspace->loadAround(group, item->data(0, TimeRole).toDateTime())
        .then(this, [this, group, id](const Expected<Done, store::StoreError> &) {
            Q_EMIT jumpRequested(group, id);
        });
}

} // namespace chorus::ui
