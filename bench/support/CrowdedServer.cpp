#include "CrowdedServer.h"

#include "BenchOutput.h"

#include <QElapsedTimer>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace chorus::bench {

CrowdedServer::~CrowdedServer()
{
    // The crowd logs out first: a server stopped under it would leave it reconnecting.
    m_crowd.stop();
    if (m_server)
        m_server->stop();
}

bool CrowdedServer::startServer(const CrowdSpec &spec, QString *error)
{
    m_spec = spec;
    if (spec.rooms < 1 || spec.occupants < 1 || spec.roomsPerMember < 1) {
        *error = u"rooms, occupants and rooms per member must be > 0"_s;
        return false;
    }
    if (spec.kind != u"prosody" && spec.kind != u"ejabberd") {
        *error = u"the server is prosody or ejabberd"_s;
        return false;
    }
    if (!m_dir.isValid()) {
        *error = u"no temporary directory"_s;
        return false;
    }
    if (qEnvironmentVariableIsEmpty("CHORUS_DEVSERVER"))
        qputenv("CHORUS_DEVSERVER", CHORUS_DEVSERVER);
    // Enough members that none sits in more than roomsPerMember rooms, and at least one
    // room's worth.
    const qint64 seats = qint64(spec.rooms) * spec.occupants;
    m_members = int(std::max<qint64>(spec.occupants,
                                     (seats + spec.roomsPerMember - 1) / spec.roomsPerMember));
    m_server = test::TestServer::startPrivate(spec.kind, serverDir(), {}, error);
    return m_server.has_value();
}

bool CrowdedServer::fill(QString *error)
{
    QElapsedTimer clock;
    clock.start();
    // Its members go without stream management: Prosody's acks would triple the cost
    // of the fill (measured), and they never reconnect anyway.
    const QStringList args {u"--server-dir"_s,       serverDir(),
                            u"--create-accounts"_s,  u"--members"_s,
                            QString::number(m_members), u"--rooms"_s,
                            QString::number(m_spec.rooms), u"--room-prefix"_s,
                            m_spec.roomPrefix,       u"--per-room"_s,
                            QString::number(m_spec.occupants), u"--listen"_s,
                            u"--connect-parallel"_s, QString::number(m_spec.connectParallel),
                            u"--joins-in-flight"_s,  QString::number(m_spec.joinsInFlight),
                            u"--no-stream-management"_s};
    note(u"%1: %2 members fill %3 rooms × %4"_s.arg(m_spec.kind)
             .arg(m_members)
             .arg(m_spec.rooms)
             .arg(m_spec.occupants));
    if (!m_crowd.start(args)) {
        *error = u"crowd did not start"_s;
        return false;
    }
    // A member that drops while filling leaves its joins unanswered: stop at once.
    const QJsonObject ready = m_crowd.waitFor(
        [](const QJsonObject &e) {
            const QString event = e.value(u"event"_s).toString();
            return event == u"ready" || event == u"disconnected" || event == u"done";
        },
        m_spec.timeoutMs);
    if (ready.value(u"event"_s).toString() != u"ready") {
        *error = u"the crowd never got ready: "_s
                 + QString::fromUtf8(QJsonDocument(ready).toJson(QJsonDocument::Compact)) + u' '
                 + QString::fromUtf8(m_crowd.errors().right(2000));
        return false;
    }
    const qint64 seats = qint64(m_spec.rooms) * m_spec.occupants;
    if (ready.value(u"joins"_s).toInteger() != seats || ready.value(u"failed"_s).toInt() != 0) {
        *error = u"the crowd took %1 of %2 seats (%3 failed)"_s
                     .arg(ready.value(u"joins"_s).toInteger())
                     .arg(seats)
                     .arg(ready.value(u"failed"_s).toInt());
        return false;
    }
    note(u"crowd ready after %1 s"_s.arg(double(clock.elapsed()) / 1000.0, 0, 'f', 1));
    return true;
}

QString CrowdedServer::roomJid(int room) const
{
    return m_spec.roomPrefix + QString::number(room) + u'@' + m_server->mucDomain();
}

QString CrowdedServer::memberInRoom(int room, int seat) const
{
    // As tools/crowd seats them: room index i gets members i*M+j (0-based, wrapping).
    const int perRoom = std::min(m_spec.occupants, m_members);
    const qint64 index = (qint64(room - 1) * perRoom + seat) % m_members;
    return u"member"_s + QString::number(index + 1);
}

} // namespace chorus::bench
