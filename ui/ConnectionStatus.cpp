#include "ui/ConnectionStatus.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace chorus::ui {

ConnectionStatus::ConnectionStatus(QWidget *parent)
    : QWidget(parent), m_dot(new QLabel(this)), m_text(new QLabel(this)),
      m_reconnect(new QPushButton(this)), m_countdown(new QTimer(this))
{
    setObjectName(u"connectionStatus"_s);
    m_reconnect->setObjectName(u"reconnectButton"_s);
    m_reconnect->setFlat(true);
    m_reconnect->hide();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(m_dot);
    layout->addWidget(m_text);
    layout->addWidget(m_reconnect);
    layout->addStretch(1);
    m_countdown->setInterval(1000);
    connect(m_countdown, &QTimer::timeout, this, [this] {
        if (m_retry > 0)
            --m_retry;
        render();
    });
    connect(m_reconnect, &QPushButton::clicked, this, &ConnectionStatus::reconnectRequested);
    retranslate();
}

void ConnectionStatus::setState(chat::ConnectionState state, const chat::ChatError &error,
                                int retryInSeconds)
{
    m_state = state;
    m_error = error;
    m_hasError = !error.message.isEmpty();
    m_retry = retryInSeconds;
    if (state == chat::ConnectionState::Reconnecting && retryInSeconds > 0)
        m_countdown->start();
    else
        m_countdown->stop();
    render();
}

void ConnectionStatus::setAccount(const QString &jid)
{
    m_account = jid;
    render();
}

QString ConnectionStatus::text() const
{
    return m_text->text();
}

void ConnectionStatus::retranslate()
{
    m_reconnect->setText(tr("Reconnect now"));
    m_reconnect->setAccessibleName(tr("Reconnect now"));
    render();
}

void ConnectionStatus::render()
{
    QString text;
    QColor color;
    switch (m_state) {
    case chat::ConnectionState::Connected:
        text = m_account.isEmpty() ? tr("Connected") : tr("Connected as %1").arg(m_account);
        color = QColor(0x2e, 0x7d, 0x32);
        break;
    case chat::ConnectionState::Connecting:
        text = tr("Connecting…");
        color = QColor(0xf9, 0xa8, 0x25);
        break;
    case chat::ConnectionState::Reconnecting:
        text = m_retry > 0 ? tr("Connection lost. Reconnecting in %n s", nullptr, m_retry)
                           : tr("Reconnecting…");
        if (m_hasError)
            text += u" ("_s + m_error.message + u')';
        color = QColor(0xf9, 0xa8, 0x25);
        break;
    case chat::ConnectionState::Offline:
        text = m_hasError ? tr("Offline: %1").arg(m_error.message)
                          : (m_account.isEmpty() ? tr("Offline: not signed in") : tr("Offline"));
        color = QColor(0x75, 0x75, 0x75);
        break;
    }
    m_text->setText(text);
    m_dot->setText(u"●"_s);
    m_dot->setStyleSheet(u"color: %1;"_s.arg(color.name()));
    setAccessibleName(text);
    m_reconnect->setVisible(!m_account.isEmpty()
                            && (m_state == chat::ConnectionState::Reconnecting
                                || (m_state == chat::ConnectionState::Offline && m_hasError)));
}

} // namespace chorus::ui
