#include "ui/TimelinePane.h"

#include "ui/Composer.h"
#include "ui/MessageDelegate.h"
#include "ui/TimelineView.h"
#include "workspace/TimelineModel.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using chorus::workspace::TimelineModel;

namespace chorus::ui {

TimelinePane::TimelinePane(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_subtitle(new QLabel(this)),
      m_close(new QToolButton(this)), m_header(new QWidget(this)), m_view(new TimelineView(this)),
      m_replyBar(new QWidget(this)), m_replyLabel(new QLabel(this)), m_error(new QLabel(this)),
      m_composer(new Composer(this))
{
    setObjectName(u"timelinePaneGroup"_s);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
    m_title->setFont(titleFont);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_close->setText(u"✕"_s);
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Close this timeline"));
    m_close->setAccessibleName(tr("Close timeline"));
    m_close->hide();
    connect(m_close, &QToolButton::clicked, this, [this] { Q_EMIT closeRequested(this); });

    auto *titles = new QVBoxLayout;
    titles->setSpacing(0);
    titles->addWidget(m_title);
    titles->addWidget(m_subtitle);
    auto *header = new QHBoxLayout(m_header);
    header->setContentsMargins(10, 6, 6, 6);
    header->addLayout(titles, 1);
    header->addWidget(m_close, 0, Qt::AlignTop);
    m_header->setAutoFillBackground(true);
    m_header->setBackgroundRole(QPalette::AlternateBase);

    auto *replyLayout = new QHBoxLayout(m_replyBar);
    replyLayout->setContentsMargins(10, 2, 6, 2);
    auto *cancel = new QToolButton(m_replyBar);
    cancel->setText(u"✕"_s);
    cancel->setAutoRaise(true);
    cancel->setToolTip(tr("Cancel the reply (Esc)"));
    cancel->setAccessibleName(tr("Cancel reply"));
    connect(cancel, &QToolButton::clicked, this, &TimelinePane::cancelReply);
    m_replyLabel->setForegroundRole(QPalette::PlaceholderText);
    replyLayout->addWidget(m_replyLabel, 1);
    replyLayout->addWidget(cancel);
    m_replyBar->hide();

    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #c62828; padding: 2px 10px;"_s);
    m_error->hide();

    auto *send = new QPushButton(tr("Send"), this);
    send->setObjectName(u"sendButton"_s);
    send->setToolTip(tr("Send the message (Enter)"));
    auto *composerRow = new QHBoxLayout;
    composerRow->setContentsMargins(6, 4, 6, 6);
    composerRow->addWidget(m_composer, 1);
    composerRow->addWidget(send, 0, Qt::AlignBottom);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_header);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_replyBar);
    layout->addWidget(m_error);
    layout->addLayout(composerRow);

    const auto sendNow = [this] {
        const QString text = m_composer->message();
        if (text.isEmpty() || !m_model)
            return;
        Q_EMIT sendRequested(groupId(), text,
                             m_replyTo.isValid()
                                 ? m_replyTo.data(TimelineModel::MessageIdRole).toString()
                                 : QString(),
                             m_replyTo.isValid()
                                 ? m_replyTo.data(TimelineModel::SenderNickRole).toString()
                                 : QString());
        m_composer->clear();
        cancelReply();
    };
    connect(m_composer, &Composer::sendRequested, this, sendNow);
    connect(send, &QPushButton::clicked, this, sendNow);
    connect(m_composer, &Composer::cancelRequested, this, &TimelinePane::cancelReply);
    connect(m_composer, &Composer::attachRequested, this,
            [this](const QString &path, bool temporary) {
                Q_EMIT attachRequested(groupId(), path, temporary);
            });
    connect(m_view, &TimelineView::olderHistoryRequested, this,
            [this] { Q_EMIT olderHistoryRequested(groupId()); });
    connect(m_view, &TimelineView::contextMenuRequestedFor, this, &TimelinePane::showMessageMenu);
    connect(m_view, &QAbstractItemView::activated, this, &TimelinePane::replyTo);

    m_view->installEventFilter(this);
    m_composer->installEventFilter(this);

    auto *clock = new QTimer(this);
    clock->setInterval(30 * 1000);
    connect(clock, &QTimer::timeout, this, &TimelinePane::updateClock);
    clock->start();
}

void TimelinePane::setTimeline(TimelineModel *model)
{
    m_model = model;
    m_view->setModel(model);
    cancelReply();
    setComposerError({});
}

QString TimelinePane::groupId() const
{
    return m_model ? m_model->groupId() : QString();
}

void TimelinePane::setGroupInfo(const QString &name, const QString &subject, const QTimeZone &zone)
{
    m_title->setText(name);
    m_subject = subject;
    m_zone = zone;
    m_composer->setPlaceholderText(tr("Message %1").arg(name));
    m_composer->setToolTip(tr("Enter sends, Shift+Enter starts a new line, @ mentions a member."));
    const QString zoneName = QString::fromUtf8(zone.id()).section(u'/', -1).replace(u'_', u' ');
    m_view->messageDelegate()->setZones(QTimeZone::systemTimeZone(), zone, zoneName);
    updateClock();
}

void TimelinePane::setMemberCount(int count)
{
    m_memberCount = count;
    updateClock();
}

void TimelinePane::setMemberNicks(const QStringList &nicks)
{
    m_composer->setMemberNicks(nicks);
}

void TimelinePane::setClosable(bool closable)
{
    m_close->setVisible(closable);
}

void TimelinePane::setFocused(bool focused)
{
    m_header->setBackgroundRole(focused ? QPalette::Midlight : QPalette::AlternateBase);
}

void TimelinePane::updateClock()
{
    QStringList parts;
    if (m_memberCount >= 0)
        parts << tr("%n member(s)", nullptr, m_memberCount);
    if (m_zone.isValid()) {
        const QDateTime now = QDateTime::currentDateTimeUtc().toTimeZone(m_zone);
        const QString city = QString::fromUtf8(m_zone.id()).section(u'/', -1).replace(u'_', u' ');
        QString format = QLocale().timeFormat(QLocale::ShortFormat);
        format.remove(u":ss"_s);
        parts << tr("%1 in %2").arg(QLocale().toString(now.time(), format), city);
    }
    if (!m_subject.isEmpty())
        parts << m_subject;
    m_subtitle->setText(parts.join(u"  ·  "_s));
    m_subtitle->setVisible(!parts.isEmpty());
}

void TimelinePane::replyTo(const QModelIndex &index)
{
    if (!index.isValid() || index.data(TimelineModel::RetractedRole).toBool())
        return;
    m_replyTo = index;
    const QString nick =
        MessageDelegate::displayNick(index.data(TimelineModel::SenderNickRole).toString());
    const QString body = index.data(TimelineModel::BodyRole).toString().simplified();
    m_replyLabel->setText(tr("Replying to %1: %2")
                              .arg(nick, m_replyLabel->fontMetrics().elidedText(
                                             body, Qt::ElideRight, 400)));
    m_replyBar->show();
    m_composer->setFocus();
}

void TimelinePane::cancelReply()
{
    m_replyTo = QPersistentModelIndex();
    m_replyBar->hide();
}

void TimelinePane::setComposerError(const QString &message)
{
    m_error->setStyleSheet(u"color: #c62828; padding: 2px 10px;"_s);
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void TimelinePane::setComposerStatus(const QString &message)
{
    m_error->setStyleSheet(u"padding: 2px 10px;"_s);
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void TimelinePane::showMessageMenu(const QModelIndex &index, const QPoint &globalPos)
{
    QMenu menu(this);
    menu.addAction(tr("&Reply"), this, [this, index] { replyTo(index); });
    menu.addAction(tr("&Copy text"), this, [index] {
        QApplication::clipboard()->setText(index.data(TimelineModel::BodyRole).toString());
    });
    menu.exec(globalPos);
}

bool TimelinePane::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusIn)
        Q_EMIT activated(this);
    return QWidget::eventFilter(watched, event);
}

} // namespace chorus::ui
