#pragma once

#include "chat/ChatService.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTimer;

namespace chorus::ui {

/// Always-visible connection state in the status bar: connected, reconnecting in N s
/// (with "Reconnect now"), or offline with the reason.
class ConnectionStatus : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionStatus(QWidget *parent = nullptr);

    void setState(chat::ConnectionState state, const chat::ChatError &error, int retryInSeconds);
    void setAccount(const QString &jid);
    QString text() const;
    void retranslate();

Q_SIGNALS:
    void reconnectRequested();

private:
    void render();

    QLabel *m_dot;
    QLabel *m_text;
    QPushButton *m_reconnect;
    QTimer *m_countdown;
    chat::ConnectionState m_state = chat::ConnectionState::Offline;
    chat::ChatError m_error;
    bool m_hasError = false;
    int m_retry = 0;
    QString m_account;
};

} // namespace chorus::ui
