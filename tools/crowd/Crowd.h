#pragma once

#include "Scenario.h"

#include "xmpp/Client.h"
#include "xmpp/MucManager.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QSocketNotifier>
#include <QTimer>

#include <memory>

namespace chorus::crowd {

/// Everything the command line decides.
struct CrowdOptions
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 0;
    QString domain = QStringLiteral("localhost");
    QString mucDomain = QStringLiteral("conference.localhost");
    QString serverDir; ///< a tools/devserver directory (accounts are created through it)
    QString devserver; ///< path of tools/devserver

    int members = 10;
    QString prefix = QStringLiteral("member");
    QString password = QStringLiteral("pw");
    bool createAccounts = false;

    QStringList rooms; ///< bare room JIDs
    int perRoom = 0; ///< members in each room; 0: all of them

    enum class Mode { Play, Once, Listen };
    Mode mode = Mode::Play;
    double rate = 1.0; ///< messages per second, the whole crowd together
    bool playInListen = false; ///< --listen with --rate/--messages also plays traffic
    int messages = -1; ///< stop after this many (-1: no limit)
    double durationS = -1; ///< stop after this long (-1: no limit)
    Scenario scenario;
    int connectParallel = 8;
    /// Joins in flight across the whole crowd (0: each member paces only its own).
    /// Filling hundreds of busy rooms at once otherwise queues so much at the server
    /// that it answers nothing for minutes.
    int joinsInFlight = 0;
    /// XEP-0198 for the members. Off saves a busy server the ack traffic; members
    /// never reconnect, so there is nothing to resume anyway.
    bool streamManagement = true;
    quint32 seed = 1;
};

/// A crowd of simulated members: accounts member1..N log in, join their rooms, and
/// play scripted traffic; every event of interest is one JSON line on stdout.
class Crowd : public QObject
{
    Q_OBJECT
public:
    explicit Crowd(CrowdOptions options, QObject *parent = nullptr);
    ~Crowd() override;

    void start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    struct Member
    {
        QString name;
        std::unique_ptr<xmpp::Client> client;
        std::unique_ptr<xmpp::MucManager> muc;
        QList<xmpp::Jid> firstRooms; ///< rooms this member creates (joins first)
        QList<xmpp::Jid> otherRooms;
        QList<xmpp::Jid> joined;
        bool connected = false;
        bool done = false; ///< connected or failed for good
    };

    void createAccounts();
    void connectNext();
    void memberUp(Member *m);
    void memberFailed(Member *m, const QString &why);
    void startJoins(int phase);
    void dispatchJoins();
    void joinEnded();
    void joinSettled();
    void ready();
    void playOne();
    void readCommands();
    void command(const QString &line);
    void quit(int exitCode);
    void finish();
    Member *member(const QString &name);
    void print(QJsonObject event) const;
    qint64 elapsed() const { return m_clock.elapsed(); }

    CrowdOptions m_o;
    QList<std::shared_ptr<Member>> m_members;
    QSet<QString> m_nicks; ///< every crowd nick: their messages are not news to print
    QHash<xmpp::Jid, QString> m_listener; ///< per room, the member that prints what it hears
    int m_nextConnect = 0;
    int m_connecting = 0;
    int m_phase = 0;
    int m_pendingJoins = 0;
    QList<std::pair<Member *, xmpp::Jid>> m_joinQueue; ///< not handed out yet (--joins-in-flight)
    int m_joinsOut = 0; ///< handed to members, not answered yet
    int m_joins = 0;
    int m_joinFailures = 0;
    int m_sent = 0;
    bool m_ready = false;
    bool m_quitting = false;
    bool m_finished = false;
    int m_exitCode = 0;
    QElapsedTimer m_clock;
    QTimer m_playTimer;
    std::unique_ptr<QSocketNotifier> m_stdin;
    QByteArray m_stdinBuffer;
};

} // namespace chorus::crowd
