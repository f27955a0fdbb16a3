// demoseed --host H --port P --account JID --password PW --groups FILE
// Signs in as the operator and creates each group of FILE (JSON: id, name, tags,
// timeZone) with the seeds' defaults, bookmarked with its tags. Groups that exist are
// left as they are. Prints one line per group; exit code 1 when any failed.

#include "chat/XmppChatService.h"
#include "workspace/Workspace.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace chorus;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({{u"host"_s, u"Server address."_s, u"host"_s, u"127.0.0.1"_s},
                       {u"port"_s, u"Client-to-server port."_s, u"port"_s},
                       {u"account"_s, u"The operator's JID."_s, u"jid"_s},
                       {u"password"_s, u"The operator's password."_s, u"password"_s},
                       {u"groups"_s, u"JSON file with the groups."_s, u"file"_s}});
    parser.process(app);

    QFile file(parser.value(u"groups"_s));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "demoseed: cannot read %s\n", qPrintable(file.fileName()));
        return 2;
    }
    const QJsonArray list = QJsonDocument::fromJson(file.readAll()).array();

    chat::XmppChatService service;
    chat::AccountSettings account;
    account.jid = parser.value(u"account"_s);
    account.host = parser.value(u"host"_s);
    account.port = quint16(parser.value(u"port"_s).toUInt());
    account.allowPlaintextLoopback = true;
    int pending = int(list.size());
    int failures = 0;
    bool started = false;

    QObject::connect(&service, &chat::ChatService::connectionStateChanged, &app,
        [&](chat::ConnectionState state, const chat::ChatError &error) {
            if (state == chat::ConnectionState::Offline && !error.message.isEmpty()) {
                std::fprintf(stderr, "demoseed: %s\n", qPrintable(error.message));
                QCoreApplication::exit(1);
            }
            if (state != chat::ConnectionState::Connected || started)
                return;
            started = true;
            // Wait for the group service to be discovered, then create everything.
            auto *poll = new QTimer(&app);
            poll->start(50);
            QObject::connect(poll, &QTimer::timeout, &app, [&, poll] {
                if (service.groupService().isEmpty())
                    return;
                poll->stop();
                for (const QJsonValue &v : list) {
                    const QJsonObject o = v.toObject();
                    chat::Group g = workspace::Workspace::newGroupDefaults(o[u"name"].toString(),
                                                                           o[u"id"].toString());
                    g.nick = u"Operator"_s;
                    g.timeZone = o[u"timeZone"].toString();
                    for (const QJsonValue &t : o[u"tags"].toArray())
                        g.tags << t.toString();
                    service.createGroup(g).then(&app, [&, g](const Expected<chat::Group, chat::ChatError> &r) {
                        if (r.ok())
                            std::printf("created %s\n", qPrintable(r.value().id));
                        else if (r.error().code == chat::ChatError::Code::NotAllowed)
                            std::printf("exists %s\n", qPrintable(g.id));
                        else {
                            std::fprintf(stderr, "failed %s: %s\n", qPrintable(g.id),
                                         qPrintable(r.error().message));
                            ++failures;
                        }
                        if (--pending == 0)
                            QCoreApplication::exit(failures ? 1 : 0);
                    });
                }
            });
        });
    service.connectAccount(account, parser.value(u"password"_s));
    QTimer::singleShot(60000, &app, [] {
        std::fprintf(stderr, "demoseed: timed out\n");
        QCoreApplication::exit(1);
    });
    return app.exec();
}
