#include "workspace/HeadlessAgent.h"

#include "workspace/AccountController.h"
#include "workspace/CommandLine.h"
#include "workspace/Session.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QDateTime>

using namespace Qt::StringLiterals;

namespace chorus::workspace {

HeadlessAgent::HeadlessAgent(Session *session, std::FILE *out, QObject *parent)
    : QObject(parent), m_session(session), m_out(out)
{
    connect(session, &Session::workspaceOpened, this, &HeadlessAgent::attach);
    connect(session, &Session::warning, this, [this](const QString &m) { log(tr("warning: %1").arg(m)); });
    connect(session->account(), &AccountController::signInFailed, this, [this](const QString &m) {
        log(tr("sign-in failed: %1").arg(m));
        QCoreApplication::exit(1);
    });
}

bool HeadlessAgent::start(const Options &options)
{
    QString error;
    bool fromOptions = false;
    if (!m_session->signInFromOptions(options, &fromOptions, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return false;
    }
    if (!fromOptions && m_session->account()->hasSavedAccount()) {
        m_session->account()->restore();
    } else if (!fromOptions) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(tr("No account to run: sign in once with the window, or give "
                                   "--account and --password-file.")));
        return false;
    }
    log(tr("starting for %1").arg(options.account.isEmpty() ? m_session->account()->savedSettings().jid
                                                           : options.account));
    return true;
}

void HeadlessAgent::attach(Workspace *workspace)
{
    connect(workspace, &Workspace::connectionStateChanged, this,
            [this](chat::ConnectionState state, const chat::ChatError &error, int retry) {
                switch (state) {
                case chat::ConnectionState::Connecting: log(tr("connecting")); break;
                case chat::ConnectionState::Connected: log(tr("connected")); break;
                case chat::ConnectionState::Reconnecting:
                    log(tr("connection lost (%1); reconnecting in %2 s").arg(error.message).arg(retry));
                    break;
                case chat::ConnectionState::Offline:
                    log(error.message.isEmpty() ? tr("offline") : tr("offline: %1").arg(error.message));
                    // Offline with a reason is final (password, trust, policy): nobody is
                    // there to fix it, so end and let the supervisor see the failure.
                    if (!error.message.isEmpty())
                        QCoreApplication::exit(1);
                    break;
                }
            });
    connect(workspace, &Workspace::serviceWarning, this, [this](const QString &m) { log(tr("warning: %1").arg(m)); });
    connect(workspace, &Workspace::groupProblem, this, [this](const QString &group, const QString &m) {
        log(tr("group %1: %2").arg(group, m));
    });
    connect(workspace->chat(), &chat::ChatService::groupJoined, this,
            [this](const QString &group) { log(tr("joined %1").arg(group)); });
    connect(workspace->chat(), &chat::ChatService::catchUpFinished, this,
            [this](const QString &group) { log(tr("caught up with %1").arg(group)); });
    connect(workspace->chat(), &chat::ChatService::messagesReceived, this,
            [this](const QList<chat::Message> &batch, chat::MessageSource source) {
                m_messages += batch.size();
                if (source == chat::MessageSource::Live)
                    for (const chat::Message &m : batch)
                        log(u"%1 <%2> %3"_s.arg(m.groupId.section(u'@', 0, 0), m.senderNick,
                                                m.body.left(200).replace(u'\n', u' ')));
            });
}

void HeadlessAgent::log(const QString &line)
{
    std::fprintf(m_out, "%s %s\n", qPrintable(QDateTime::currentDateTime().toString(Qt::ISODate)),
                 line.toUtf8().constData());
    std::fflush(m_out);
}

} // namespace chorus::workspace
