#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QSystemTrayIcon;
class QWidget;

namespace chorus::ui {

/// Tells the operator about what needs them while they look elsewhere: a tray icon with
/// the unread total, and desktop notifications (freedesktop over D-Bus, else the tray)
/// for mentions and waiting questions. Do-not-disturb silences the notifications.
class Notifier : public QObject
{
    Q_OBJECT
public:
    explicit Notifier(QWidget *window, QObject *parent = nullptr);
    ~Notifier() override;

    void setUnreadTotal(int total);
    int unreadTotal() const { return m_unread; }
    void setDoNotDisturb(bool on);
    bool doNotDisturb() const { return m_dnd; }
    QAction *doNotDisturbAction() const { return m_dndAction; }

    /// Shows a notification unless do-not-disturb is on or the window is in front and
    /// `visibleInWindow` says the operator can already see it. Returns whether it did.
    bool notify(const QString &title, const QString &body, bool visibleInWindow);
    int sentCount() const { return m_sent; }

Q_SIGNALS:
    void doNotDisturbChanged(bool on);
    void activated();

private:
    bool sendDesktopNotification(const QString &title, const QString &body);
    void updateTray();

    QPointer<QWidget> m_window;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_dndAction;
    int m_unread = 0;
    bool m_dnd = false;
    int m_sent = 0;
};

} // namespace chorus::ui
