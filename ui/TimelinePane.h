#pragma once

#include <QPersistentModelIndex>
#include <QTimeZone>
#include <QWidget>

class QLabel;
class QToolButton;

namespace chorus::workspace {
class TimelineModel;
}

namespace chorus::ui {

class Composer;
class TimelineView;

/// One group's timeline with its header (name, members, the group's local time) and
/// composer. Several sit side by side in the split view.
class TimelinePane : public QWidget
{
    Q_OBJECT
public:
    explicit TimelinePane(QWidget *parent = nullptr);

    void setTimeline(workspace::TimelineModel *model);
    workspace::TimelineModel *timeline() const { return m_model; }
    QString groupId() const;

    void setGroupInfo(const QString &name, const QString &subject, const QTimeZone &zone);
    void setMemberCount(int count);
    void setMemberNicks(const QStringList &nicks);
    /// Shown in the split view; a single pane has nothing to close.
    void setClosable(bool closable);
    void setFocused(bool focused);

    TimelineView *view() const { return m_view; }
    Composer *composer() const { return m_composer; }
    QLabel *titleLabel() const { return m_title; }
    QLabel *replyLabel() const { return m_replyLabel; }
    QToolButton *closeButton() const { return m_close; }

    /// Starts a reply to this message (the composer shows what it answers).
    void replyTo(const QModelIndex &index);
    void cancelReply();
    /// Shows why the last send failed (or clears it with an empty string).
    void setComposerError(const QString &message);
    /// Shows what the composer is doing (an upload in progress), or clears it.
    void setComposerStatus(const QString &message);

Q_SIGNALS:
    void sendRequested(const QString &groupId, const QString &text, const QString &replyToId,
                       const QString &replyToNick);
    void attachRequested(const QString &groupId, const QString &filePath, bool temporary);
    void olderHistoryRequested(const QString &groupId);
    void closeRequested(TimelinePane *pane);
    void activated(TimelinePane *pane);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateClock();
    void showMessageMenu(const QModelIndex &index, const QPoint &globalPos);

    workspace::TimelineModel *m_model = nullptr;
    QLabel *m_title;
    QLabel *m_subtitle;
    QToolButton *m_close;
    QWidget *m_header;
    TimelineView *m_view;
    QWidget *m_replyBar;
    QLabel *m_replyLabel;
    QLabel *m_error;
    Composer *m_composer;
    QPersistentModelIndex m_replyTo;
    QTimeZone m_zone;
    int m_memberCount = -1;
    QString m_subject;
};

} // namespace chorus::ui
