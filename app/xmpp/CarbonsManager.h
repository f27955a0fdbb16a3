#pragma once

#include "core/Expected.h"
#include "xmpp/Error.h"
#include "xmpp/Extension.h"
#include "xmpp/ParsedMessage.h"

#include <QObject>

namespace chorus::xmpp {

/// XEP-0280 message carbons: copies of the messages our other devices send and
/// receive. Enables carbons at every fresh session and hands out the copies, parsed.
///
/// Trust: a carbon is accepted only from our own bare JID (CVE-2017-5589 class, Dino
/// CVE-2019-16235), and its inner message must fit its direction: a sent copy is from
/// our account, a received copy is to our account. Anything else wrapped in
/// <received/> or <sent/> is claimed and dropped, so no other manager mistakes it for a
/// message of ours. Register it before the managers that take messages.
class CarbonsManager : public QObject, public Extension
{
    Q_OBJECT
public:
    explicit CarbonsManager(QObject *parent = nullptr);

    /// Whether to enable carbons at each fresh session (default true).
    void setAutoEnable(bool enable) { m_autoEnable = enable; }
    bool isEnabled() const { return m_enabled; }
    /// Asks the server to enable (or disable) carbons for this resource.
    Task<Done, IqError> setEnabled(bool enable);
    /// How many carbons were dropped as untrusted (for diagnostics and tests).
    int droppedCount() const { return m_dropped; }

    bool handleStanza(const Element &stanza) override;
    void onSessionStarted(bool resumed) override;
    void onDisconnected() override;
    QStringList discoFeatures() const override;

Q_SIGNALS:
    /// A copy of a message another of our devices sent or received (carbon set).
    void carbonReceived(const chorus::xmpp::ParsedMessage &message);
    /// Enabling at session start failed (e.g. the server lacks XEP-0280).
    void enableFailed(const chorus::xmpp::IqError &error);

private:
    bool m_autoEnable = true;
    bool m_enabled = false;
    int m_dropped = 0;
};

} // namespace chorus::xmpp
