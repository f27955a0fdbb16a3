#include "ui/SignInDialog.h"

#include "workspace/AccountController.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using chorus::chat::ChatError;

namespace chorus::ui {

SignInDialog::SignInDialog(workspace::AccountController *account, chat::ChatService *chat,
                           QWidget *parent)
    : QDialog(parent), m_account(account), m_chat(chat), m_address(new QLineEdit(this)),
      m_password(new QLineEdit(this)), m_advanced(new QGroupBox(this)),
      m_server(new QLineEdit(this)), m_port(new QSpinBox(this)), m_plaintext(new QCheckBox(this)),
      m_error(new QLabel(this)), m_status(new QLabel(this)), m_trustBox(new QGroupBox(this)), m_fingerprint(new QLabel(this)),
      m_trustOnce(new QPushButton(this)), m_trustAlways(new QPushButton(this)),
      m_signIn(new QPushButton(this)), m_demo(new QPushButton(this))
{
    setObjectName(u"signInDialog"_s);
    setWindowTitle(tr("Sign in to Chorus"));
    auto *intro = new QLabel(tr("Sign in with your XMPP account. Your groups (the account's "
                                "bookmarks) appear in the window once you are in."),
                             this);
    intro->setWordWrap(true);

    m_address->setPlaceholderText(tr("you@example.org"));
    m_address->setAccessibleName(tr("Address"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Address:"), m_address);
    form->addRow(tr("&Password:"), m_password);

    m_advanced->setTitle(tr("Advanced"));
    m_advanced->setCheckable(true);
    m_advanced->setChecked(false);
    m_server->setPlaceholderText(tr("found automatically"));
    m_server->setAccessibleName(tr("Server"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("default"));
    m_port->setAccessibleName(tr("Port"));
    m_plaintext->setText(tr("Allow an unencrypted connection to this loopback server"));
    m_plaintext->setToolTip(tr("Only for a server on this computer (tests, the demo). "
                               "Passwords cross the network unencrypted otherwise, so Chorus "
                               "refuses it for any other server."));
    auto *advanced = new QFormLayout(m_advanced);
    advanced->addRow(tr("&Server:"), m_server);
    advanced->addRow(tr("P&ort:"), m_port);
    advanced->addRow(m_plaintext);
    const auto showAdvanced = [this](bool on) {
        for (QWidget *w : {static_cast<QWidget *>(m_server), static_cast<QWidget *>(m_port),
                           static_cast<QWidget *>(m_plaintext)})
            w->setVisible(on);
        if (auto *f = qobject_cast<QFormLayout *>(m_advanced->layout())) {
            f->setRowVisible(0, on);
            f->setRowVisible(1, on);
            f->setRowVisible(2, on);
        }
    };
    connect(m_advanced, &QGroupBox::toggled, this, showAdvanced);
    showAdvanced(false);

    m_error->setObjectName(u"signInError"_s);
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText); // may quote a program's output
    m_error->setStyleSheet(u"color: #c62828;"_s);
    m_error->hide();

    m_status->setObjectName(u"signInStatus"_s);
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Progress"));
    m_status->hide();

    m_trustBox->setTitle(tr("Unknown certificate"));
    m_fingerprint->setWordWrap(true);
    m_fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_trustOnce->setText(tr("Trust &once"));
    m_trustAlways->setText(tr("Always &trust this certificate"));
    auto *trust = new QVBoxLayout(m_trustBox);
    trust->addWidget(m_fingerprint);
    auto *trustButtons = new QHBoxLayout;
    trustButtons->addWidget(m_trustOnce);
    trustButtons->addWidget(m_trustAlways);
    trustButtons->addStretch(1);
    trust->addLayout(trustButtons);
    m_trustBox->hide();
    connect(m_trustOnce, &QPushButton::clicked, this, [this] {
        m_trustBox->hide();
        setBusy(true);
        m_account->trustCertificate(m_pendingFingerprint, false);
    });
    connect(m_trustAlways, &QPushButton::clicked, this, [this] {
        m_trustBox->hide();
        setBusy(true);
        m_account->trustCertificate(m_pendingFingerprint, true);
    });

    m_signIn->setText(tr("&Sign in"));
    m_signIn->setDefault(true);
    m_demo->setText(tr("Try it with a local &demo server"));
    m_demo->setToolTip(tr("Starts a Prosody server on this computer with demo groups and "
                          "simulated members. It stops when Chorus quits."));
    m_demo->hide();
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_signIn, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_signIn, &QPushButton::clicked, this, &SignInDialog::submit);
    connect(m_demo, &QPushButton::clicked, this, &SignInDialog::demoRequested);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_advanced);
    layout->addWidget(m_status);
    layout->addWidget(m_error);
    layout->addWidget(m_trustBox);
    layout->addStretch(1);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_demo);
    bottom->addStretch(1);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);
    setMinimumWidth(480);

    connect(m_chat, &chat::ChatService::connectionStateChanged, this, &SignInDialog::onState);
    connect(m_account, &workspace::AccountController::signInFailed, this, [this](const QString &m) {
        setBusy(false);
        showError(m);
    });
}

void SignInDialog::setSettings(const chat::AccountSettings &settings)
{
    m_address->setText(settings.jid);
    m_server->setText(settings.host);
    m_port->setValue(settings.port);
    m_plaintext->setChecked(settings.allowPlaintextLoopback);
    m_advanced->setChecked(!settings.host.isEmpty() || settings.allowPlaintextLoopback);
}

void SignInDialog::setDemoAvailable(bool available)
{
    m_demo->setVisible(available);
}

void SignInDialog::showDemoProgress(const QString &text)
{
    showError({});
    m_trustBox->hide();
    m_signIn->setEnabled(false);
    m_demo->setEnabled(false);
    m_status->setText(text);
    m_status->show();
}

void SignInDialog::showDemoFailed(const QString &message, const QString &detail)
{
    setBusy(false);
    showError(detail.isEmpty() ? message : message + u"\n\n"_s + detail);
}

void SignInDialog::waitForDemoSignIn(const QString &jid, const QString &host, quint16 port)
{
    m_address->setText(jid);
    m_password->clear();
    m_server->setText(host);
    m_port->setValue(port);
    m_plaintext->setChecked(true);
    m_advanced->setChecked(true);
    showError({});
    setBusy(true);
    m_demo->setEnabled(false);
    m_status->setText(tr("Signing in to the demo…"));
    m_status->show();
}

chat::AccountSettings SignInDialog::collect(QString *problem) const
{
    chat::AccountSettings s;
    s.jid = m_address->text().trimmed();
    const qsizetype at = s.jid.indexOf(u'@');
    if (at <= 0 || at == s.jid.size() - 1 || s.jid.contains(u' ')) {
        *problem = tr("Enter your address as name@server, for example coach@example.org.");
        return s;
    }
    if (m_password->text().isEmpty()) {
        *problem = tr("Enter your password.");
        return s;
    }
    if (m_advanced->isChecked()) {
        s.host = m_server->text().trimmed();
        s.port = quint16(m_port->value());
        s.allowPlaintextLoopback = m_plaintext->isChecked();
        if (s.allowPlaintextLoopback && !workspace::AccountController::isLoopbackHost(s.host)) {
            *problem = tr("An unencrypted connection is allowed only to a server on this "
                          "computer: set the server to localhost or 127.0.0.1, or untick the "
                          "option.");
        }
    }
    return s;
}

void SignInDialog::submit()
{
    QString problem;
    const chat::AccountSettings settings = collect(&problem);
    if (!problem.isEmpty()) {
        showError(problem);
        return;
    }
    showError({});
    m_trustBox->hide();
    setBusy(true);
    m_account->signIn(settings, m_password->text());
}

QString SignInDialog::formatFingerprint(const QByteArray &sha256)
{
    QStringList parts;
    for (const char byte : sha256)
        parts << QString::fromLatin1(QByteArray(1, byte).toHex().toUpper());
    return parts.join(u':');
}

QString SignInDialog::explain(const ChatError &error, const QString &server)
{
    switch (error.code) {
    case ChatError::Code::NotAuthorized:
        return tr("The server did not accept this address and password. Check both and try "
                  "again.");
    case ChatError::Code::AccountDisabled:
        return tr("The server has disabled this account. Ask its administrator.");
    case ChatError::Code::Unreachable:
        return tr("Could not reach %1. Check the address, the server and port under Advanced, "
                  "and your network.")
            .arg(server);
    case ChatError::Code::TlsRequired:
        return tr("%1 does not offer an encrypted connection, so Chorus did not send your "
                  "password.")
            .arg(server);
    case ChatError::Code::CertificateChanged:
        return tr("The certificate of %1 changed since you trusted it. This can be an attack, "
                  "so Chorus refused to connect. If the administrator replaced it, remove the "
                  "old trust and sign in again.")
            .arg(server);
    case ChatError::Code::Timeout:
        return tr("%1 did not answer in time. Try again.").arg(server);
    default:
        return error.message.isEmpty() ? tr("Signing in failed.") : error.message;
    }
}

void SignInDialog::onState(chat::ConnectionState state, const ChatError &error, int)
{
    if (!m_waiting)
        return;
    if (state == chat::ConnectionState::Connected) {
        setBusy(false);
        accept();
        return;
    }
    // Connecting, or a reconnect without a reason yet: still on its way.
    const bool failed = (state == chat::ConnectionState::Offline
                         || state == chat::ConnectionState::Reconnecting)
                        && !error.message.isEmpty();
    if (!failed)
        return;
    // A sign-in that fails is not retried behind the operator's back.
    m_chat->disconnectAccount();
    setBusy(false);
    const QString server = m_server->text().trimmed().isEmpty()
                               ? m_address->text().section(u'@', 1)
                               : m_server->text().trimmed();
    if (error.code == ChatError::Code::UntrustedCertificate) {
        m_pendingFingerprint = error.certificateSha256;
        m_fingerprint->setText(
            tr("%1 presented a certificate that this computer does not trust. Compare its "
               "SHA-256 fingerprint with the one your administrator gave you:\n%2")
                .arg(server, formatFingerprint(error.certificateSha256)));
        m_trustBox->show();
        showError({});
        return;
    }
    showError(explain(error, server));
}

void SignInDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void SignInDialog::setBusy(bool busy)
{
    m_waiting = busy;
    m_signIn->setEnabled(!busy);
    m_demo->setEnabled(!busy);
    if (!busy)
        m_status->hide();
    m_signIn->setText(busy ? tr("Signing in…") : tr("&Sign in"));
}

} // namespace chorus::ui
