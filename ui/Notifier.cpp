#include "ui/Notifier.h"

#include "Version.h"

#include <QAction>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QGuiApplication>
#include <QIcon>
#include <QMenu>
#include <QPainter>
#include <QSystemTrayIcon>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace chorus::ui {
namespace {

const QString kService = u"org.freedesktop.Notifications"_s;

} // namespace

Notifier::Notifier(QWidget *window, QObject *parent)
    : QObject(parent), m_window(window), m_dndAction(new QAction(this))
{
    m_dndAction->setCheckable(true);
    m_dndAction->setObjectName(u"doNotDisturbAction"_s);
    m_dndAction->setText(tr("&Do not disturb"));
    connect(m_dndAction, &QAction::toggled, this, &Notifier::setDoNotDisturb);

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QIcon(u":/icons/chorus.svg"_s), this);
        m_menu = new QMenu;
        m_menu->addAction(tr("Show Chorus"), this, &Notifier::activated);
        m_menu->addAction(m_dndAction);
        m_menu->addSeparator();
        m_menu->addAction(tr("Quit"), qApp, &QCoreApplication::quit);
        m_tray->setContextMenu(m_menu);
        connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason r) {
            if (r == QSystemTrayIcon::Trigger)
                Q_EMIT activated();
        });
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, &Notifier::activated);
        m_tray->show();
    }
    updateTray();
}

Notifier::~Notifier()
{
    delete m_menu;
}

void Notifier::setUnreadTotal(int total)
{
    if (total == m_unread)
        return;
    m_unread = total;
    updateTray();
}

void Notifier::setDoNotDisturb(bool on)
{
    if (on == m_dnd)
        return;
    m_dnd = on;
    m_dndAction->setChecked(on);
    updateTray();
    Q_EMIT doNotDisturbChanged(on);
}

void Notifier::updateTray()
{
    if (!m_tray)
        return;
    QString tip = m_unread > 0 ? tr("Chorus: %n unread", nullptr, m_unread) : tr("Chorus");
    if (m_dnd)
        tip += u"\n"_s + tr("Do not disturb is on");
    m_tray->setToolTip(tip);
    // The count painted on the icon, as docks and panels show it.
    QPixmap pixmap = QIcon(u":/icons/chorus.svg"_s).pixmap(64, 64);
    if (m_unread > 0) {
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        p.setBrush(QColor(0xd3, 0x2f, 0x2f));
        p.setPen(Qt::NoPen);
        p.drawEllipse(QRect(30, 0, 34, 34));
        QFont f = p.font();
        f.setBold(true);
        f.setPixelSize(m_unread > 99 ? 14 : 20);
        p.setFont(f);
        p.setPen(Qt::white);
        p.drawText(QRect(30, 0, 34, 34), Qt::AlignCenter,
                   m_unread > 99 ? u"99+"_s : QString::number(m_unread));
    }
    m_tray->setIcon(QIcon(pixmap));
}

bool Notifier::notify(const QString &title, const QString &body, bool visibleInWindow)
{
    if (m_dnd)
        return false;
    if (m_window && m_window->isActiveWindow() && visibleInWindow)
        return false;
    const bool sent = sendDesktopNotification(title, body)
                      || (m_tray && (m_tray->showMessage(title, body), true));
    if (sent)
        ++m_sent;
    return sent;
}

bool Notifier::sendDesktopNotification(const QString &title, const QString &body)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface()
        || !bus.interface()->isServiceRegistered(kService).value())
        return false;
    QDBusMessage call = QDBusMessage::createMethodCall(kService, u"/org/freedesktop/Notifications"_s,
                                                       kService, u"Notify"_s);
    const QVariantMap hints{{u"desktop-entry"_s, QString::fromLatin1(kAppId)},
                            {u"category"_s, u"im.received"_s}};
    call << u"Chorus"_s << uint(0) << QString::fromLatin1(kAppId) << title
         << body.left(300) << QStringList() << hints << int(-1);
    return bus.send(call);
}

} // namespace chorus::ui
