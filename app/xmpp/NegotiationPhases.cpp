#include "xmpp/NegotiationPhases.h"

#include "xmpp/Namespaces.h"

#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace chorus::xmpp {
namespace {

using Result = Negotiator::Result;

bool isFeatures(const Element &e)
{
    return e.is(u"features", ns::Stream);
}

QString randomSuffix()
{
    return QString::number(QRandomGenerator::global()->generate(), 16).rightJustified(8, u'0');
}

QByteArray decodeSaslData(const QString &text, bool *ok)
{
    // RFC 6120 6.4.2: "=" stands for empty data; an empty element for no data.
    *ok = true;
    if (text.isEmpty() || text == u"=")
        return {};
    const auto result = QByteArray::fromBase64Encoding(text.trimmed().toLatin1(),
                                                       QByteArray::AbortOnBase64DecodingErrors);
    *ok = result.decodingStatus == QByteArray::Base64DecodingStatus::Ok;
    return result.decoded;
}

QString encodeSaslData(const QByteArray &data)
{
    return data.isEmpty() ? u"="_s : QString::fromLatin1(data.toBase64());
}

bool isStanza(const Element &e)
{
    return e.ns() == ns::Client
        && (e.name() == u"message" || e.name() == u"presence" || e.name() == u"iq");
}

// After binding, the server may already route stanzas to us: keep them for the session
// (bounded, so a server cannot fill our memory before negotiation ends).
Result keepEarly(Negotiator &n, const Element &e)
{
    constexpr qsizetype kMaxEarly = 1000;
    if (n.info().earlyStanzas.size() >= kMaxEarly)
        return n.fail(Error::Code::ProtocolViolation,
                      u"more than %1 stanzas before the session started"_s.arg(kMaxEarly));
    n.mutableInfo().earlyStanzas.append(e);
    return Result::Continue;
}

Result unexpected(Negotiator &n, const Element &e)
{
    return n.fail(Error::Code::ProtocolViolation,
                  u"unexpected <%1 xmlns='%2'/> during negotiation"_s.arg(e.name(), e.ns()));
}

} // namespace

// --- STARTTLS ----------------------------------------------------------------

Result TlsPhase::handle(const Element &element)
{
    Negotiator &n = m_n; // `this` may be retired by enter()
    switch (m_step) {
    case Step::AwaitFeatures: {
        if (!isFeatures(element))
            return unexpected(n, element);
        const Element starttls = element.child(u"starttls", ns::Tls);
        if (n.info().encrypted) {
            auto sasl = std::make_unique<SaslPhase>(n);
            SaslPhase *next = sasl.get();
            n.enter(std::move(sasl));
            return next->start(element);
        }
        const bool serverRequiresTls = starttls.hasChild(u"required", ns::Tls);
        if (!starttls.isNull() && (!n.loopbackPlaintext() || serverRequiresTls)) {
            n.io().sendElement(Element(u"starttls"_s, ns::Tls));
            m_step = Step::AwaitProceed;
            return Result::Continue;
        }
        if (n.loopbackPlaintext()) {
            auto sasl = std::make_unique<SaslPhase>(n);
            SaslPhase *next = sasl.get();
            n.enter(std::move(sasl));
            return next->start(element);
        }
        return n.fail(Error::Code::TlsNotOffered, u"stream features without <starttls/>"_s);
    }
    case Step::AwaitProceed:
        if (element.is(u"proceed", ns::Tls)) {
            m_step = Step::AwaitHandshake;
            n.io().startTls();
            return Result::Continue;
        }
        if (element.is(u"failure", ns::Tls))
            return n.fail(Error::Code::TlsFailed,
                          u"the server answered STARTTLS with <failure/>"_s);
        return unexpected(n, element);
    case Step::AwaitHandshake:
        return unexpected(n, element);
    }
    return Result::Failed;
}

Result TlsPhase::tlsEstablished()
{
    if (m_step != Step::AwaitHandshake)
        return NegotiationPhase::tlsEstablished();
    m_step = Step::AwaitFeatures;
    m_n.io().restartStream();
    return Result::Continue;
}

// --- SASL --------------------------------------------------------------------

Result SaslPhase::start(const Element &features)
{
    Negotiator &n = m_n;
    QStringList offered;
    for (const Element &m :
         features.child(u"mechanisms", ns::Sasl).children(u"mechanism", ns::Sasl))
        offered << m.text().trimmed();
    const bool secure = n.info().encrypted || n.loopbackPlaintext();
    const auto mechanism = chooseSaslMechanism(offered, secure);
    if (!mechanism) {
        if (offered.contains(u"PLAIN"_s) && !secure) {
            return n.fail(Error::Code::PlaintextNotAllowed,
                          u"only PLAIN is possible and the connection is not encrypted"_s);
        }
        return n.fail(Error::Code::NoSupportedMechanism,
                      u"offered: %1"_s.arg(offered.isEmpty() ? u"none"_s : offered.join(u", ")));
    }
    m_sasl = SaslClient::create(*mechanism, n.settings().jid.node(), n.settings().password);
    Element auth(u"auth"_s, ns::Sasl);
    auth.setAttribute(u"mechanism"_s, mechanismName(*mechanism));
    auth.setText(encodeSaslData(m_sasl->initialResponse()));
    n.io().sendElement(auth);
    return Result::Continue;
}

Result SaslPhase::handle(const Element &element)
{
    Negotiator &n = m_n;
    if (element.is(u"challenge", ns::Sasl)) {
        bool ok = false;
        const QByteArray challenge = decodeSaslData(element.text(), &ok);
        const auto response = ok ? m_sasl->respond(challenge) : std::nullopt;
        if (!response) {
            n.io().sendElement(Element(u"abort"_s, ns::Sasl));
            if (!ok)
                return n.fail(Error::Code::ProtocolViolation, u"challenge is not base64"_s);
            return n.fail(m_sasl->errorCode(), m_sasl->errorDetail());
        }
        n.io().sendElement(Element(u"response"_s, ns::Sasl).setText(encodeSaslData(*response)));
        return Result::Continue;
    }
    if (element.is(u"success", ns::Sasl)) {
        bool ok = false;
        const QByteArray data = decodeSaslData(element.text(), &ok);
        if (!ok || !m_sasl->finish(data)) {
            return n.fail(ok ? m_sasl->errorCode() : Error::Code::ServerNotVerified,
                          ok ? m_sasl->errorDetail() : u"success data is not base64"_s);
        }
        n.mutableInfo().mechanism = m_sasl->mechanism();
        n.enter(std::make_unique<SessionPhase>(n));
        n.io().restartStream();
        return Result::Continue;
    }
    if (element.is(u"failure", ns::Sasl)) {
        QString condition;
        QString text;
        for (const Element &c : element.children()) {
            if (c.name() == u"text")
                text = c.text();
            else if (condition.isEmpty())
                condition = c.name();
        }
        Error error = Error::make(saslFailureCode(condition),
                                  text.isEmpty() ? condition : condition + u": "_s + text);
        error.saslCondition = condition;
        return n.fail(error);
    }
    return unexpected(n, element);
}

// --- Resumption, binding, stream management ----------------------------------

Result SessionPhase::handle(const Element &element)
{
    Negotiator &n = m_n;
    switch (m_step) {
    case Step::AwaitFeatures: {
        if (!isFeatures(element))
            return unexpected(n, element);
        m_features = element;
        n.mutableInfo().features = element;
        const auto &resume = n.resumeRequest();
        if (resume && element.hasChild(u"sm", ns::StreamManagement)) {
            n.io().sendElement(Element(u"resume"_s, ns::StreamManagement)
                                   .setAttribute(u"h"_s, QString::number(resume->handled))
                                   .setAttribute(u"previd"_s, resume->id));
            m_step = Step::AwaitResumed;
            return Result::Continue;
        }
        if (resume)
            n.mutableInfo().resumeFailed = true; // the server no longer offers it
        QString resource = n.settings().resource;
        if (resource.isEmpty())
            resource = n.settings().jid.resource();
        if (resource.isEmpty())
            resource = u"chorus-"_s + randomSuffix();
        return bind(resource);
    }
    case Step::AwaitResumed:
        if (element.is(u"resumed", ns::StreamManagement)) {
            bool ok = false;
            const quint32 h = element.attribute(u"h").toUInt(&ok);
            if (!ok || element.attribute(u"previd") != n.resumeRequest()->id)
                return n.fail(Error::Code::ProtocolViolation, u"malformed <resumed/>"_s);
            n.mutableInfo().resumed = true;
            n.mutableInfo().serverHandled = h;
            n.mutableInfo().smEnabled = true;
            n.mutableInfo().smId = n.resumeRequest()->id;
            return Result::Done;
        }
        if (element.is(u"failed", ns::StreamManagement)) {
            n.mutableInfo().resumeFailed = true;
            bool ok = false;
            const quint32 h = element.attribute(u"h").toUInt(&ok);
            if (ok)
                n.mutableInfo().failedHandled = h;
            return bind(n.settings().resource.isEmpty() ? n.settings().jid.resource()
                                                        : n.settings().resource);
        }
        return unexpected(n, element);
    case Step::AwaitBind:
        if (element.is(u"iq", ns::Client) && element.attribute(u"id") == m_iqId)
            return bindResult(element);
        return unexpected(n, element);
    case Step::AwaitSession:
        if (element.is(u"iq", ns::Client) && element.attribute(u"id") == m_iqId) {
            if (element.attribute(u"type") != u"result") {
                return n.fail(
                    Error::Code::BindFailed,
                    u"session request refused: %1"_s.arg(IqError::fromStanza(element).condition));
            }
            return enableStreamManagement();
        }
        if (isStanza(element))
            return keepEarly(n, element);
        return unexpected(n, element);
    case Step::AwaitEnabled:
        if (element.is(u"enabled", ns::StreamManagement)) {
            SessionInfo &info = n.mutableInfo();
            info.smEnabled = true;
            const QString resume = element.attribute(u"resume");
            if (resume == u"true" || resume == u"1")
                info.smId = element.attribute(u"id");
            info.smMaxSeconds = element.attribute(u"max").toInt();
            return Result::Done;
        }
        if (element.is(u"failed", ns::StreamManagement))
            return Result::Done; // no stream management, but a working session
        if (isStanza(element))
            return keepEarly(n, element);
        return unexpected(n, element);
    }
    return Result::Failed;
}

Result SessionPhase::bind(const QString &requested)
{
    Negotiator &n = m_n;
    if (!m_features.hasChild(u"bind", ns::Bind))
        return n.fail(Error::Code::BindFailed, u"the server offers no resource binding"_s);
    const QString resource = requested.isEmpty() ? u"chorus-"_s + randomSuffix() : requested;
    m_iqId = u"bind-"_s + randomSuffix();
    Element bindRequest(u"bind"_s, ns::Bind);
    bindRequest.appendTextChild(u"resource"_s, ns::Bind, resource);
    n.io().sendElement(Element(u"iq"_s, ns::Client)
                           .setAttribute(u"type"_s, u"set"_s)
                           .setAttribute(u"id"_s, m_iqId)
                           .appendChild(bindRequest));
    m_step = Step::AwaitBind;
    return Result::Continue;
}

Result SessionPhase::bindResult(const Element &iq)
{
    Negotiator &n = m_n;
    if (iq.attribute(u"type") != u"result") {
        const IqError error = IqError::fromStanza(iq);
        if (error.condition == u"conflict" && !m_retriedBind) {
            // RFC 6120 7.7.2.2: the resource is in use; try once with a fresh one.
            m_retriedBind = true;
            return bind(u"chorus-"_s + randomSuffix());
        }
        return n.fail(Error::Code::BindFailed,
                      u"resource binding refused: %1"_s.arg(error.condition));
    }
    const auto jid = Jid::parse(iq.child(u"bind", ns::Bind).childText(u"jid", ns::Bind));
    if (!jid || !jid->isFull() || jid->bare() != n.settings().jid.bare()) {
        return n.fail(Error::Code::BindFailed, u"the server bound an address of another account"_s);
    }
    n.mutableInfo().boundJid = *jid;
    return afterBind();
}

Result SessionPhase::afterBind()
{
    Negotiator &n = m_n;
    const Element session = m_features.child(u"session", ns::Session);
    if (!session.isNull() && !session.hasChild(u"optional", ns::Session)) {
        m_iqId = u"session-"_s + randomSuffix();
        n.io().sendElement(Element(u"iq"_s, ns::Client)
                               .setAttribute(u"type"_s, u"set"_s)
                               .setAttribute(u"id"_s, m_iqId)
                               .appendChild(Element(u"session"_s, ns::Session)));
        m_step = Step::AwaitSession;
        return Result::Continue;
    }
    return enableStreamManagement();
}

Result SessionPhase::enableStreamManagement()
{
    Negotiator &n = m_n;
    if (!n.settings().streamManagement || !m_features.hasChild(u"sm", ns::StreamManagement))
        return Result::Done;
    n.io().sendElement(
        Element(u"enable"_s, ns::StreamManagement).setAttribute(u"resume"_s, u"true"_s));
    m_step = Step::AwaitEnabled;
    return Result::Continue;
}

} // namespace chorus::xmpp
