#pragma once

#include "chat/ChatService.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace chorus::workspace {
class AccountController;
}

namespace chorus::ui {

/// First run and "File > Sign in": address, password, optional server and port, and the
/// loopback-only plaintext allowance the demo uses. Explains wrong passwords and
/// unreachable servers in place, and offers to trust an unknown certificate once or pin it.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    SignInDialog(workspace::AccountController *account, chat::ChatService *chat,
                 QWidget *parent = nullptr);

    void setSettings(const chat::AccountSettings &settings);
    /// Shows "Try it with a local demo server" (when Prosody is installed).
    void setDemoAvailable(bool available);
    /// The demo server is starting: both buttons wait, `text` says which step runs.
    void showDemoProgress(const QString &text);
    /// The demo could not start: says why (with the failing step's output) and lets the
    /// operator sign in or try again.
    void showDemoFailed(const QString &message, const QString &detail);
    /// The demo server is up: shows its account and waits for the sign-in like submit().
    void waitForDemoSignIn(const QString &jid, const QString &host, quint16 port);

    QLineEdit *addressEdit() const { return m_address; }
    QLineEdit *passwordEdit() const { return m_password; }
    QLineEdit *serverEdit() const { return m_server; }
    QSpinBox *portEdit() const { return m_port; }
    QCheckBox *plaintextCheck() const { return m_plaintext; }
    QPushButton *signInButton() const { return m_signIn; }
    QLabel *errorLabel() const { return m_error; }
    QPushButton *trustOnceButton() const { return m_trustOnce; }
    QPushButton *trustAlwaysButton() const { return m_trustAlways; }
    QPushButton *demoButton() const { return m_demo; }
    QLabel *statusLabel() const { return m_status; }

    /// "AB:CD:…" in groups, as certificate viewers show it.
    static QString formatFingerprint(const QByteArray &sha256);
    static QString explain(const chat::ChatError &error, const QString &server);

Q_SIGNALS:
    void demoRequested();

private:
    void submit();
    void onState(chat::ConnectionState state, const chat::ChatError &error, int retry);
    void showError(const QString &message);
    void setBusy(bool busy);
    chat::AccountSettings collect(QString *problem) const;

    workspace::AccountController *m_account;
    chat::ChatService *m_chat;
    QLineEdit *m_address;
    QLineEdit *m_password;
    QGroupBox *m_advanced;
    QLineEdit *m_server;
    QSpinBox *m_port;
    QCheckBox *m_plaintext;
    QLabel *m_error;
    QLabel *m_status;
    QGroupBox *m_trustBox;
    QLabel *m_fingerprint;
    QPushButton *m_trustOnce;
    QPushButton *m_trustAlways;
    QPushButton *m_signIn;
    QPushButton *m_demo;
    QByteArray m_pendingFingerprint;
    bool m_waiting = false;
};

} // namespace chorus::ui
