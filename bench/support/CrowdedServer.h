#pragma once

// A private XMPP server filled with simulated members: what the benchmarks that need
// busy rooms start with.

#include "CrowdProcess.h"
#include "TestServer.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace chorus::bench {

/// How to fill the server: `rooms` rooms <prefix>1..R with `occupants` members each.
struct CrowdSpec
{
    QString kind = QStringLiteral("prosody"); ///< or "ejabberd"
    int rooms = 100;
    int occupants = 10;
    int roomsPerMember = 100; ///< at most; sets how many accounts the crowd needs
    int connectParallel = 16; ///< crowd logins at once
    int joinsInFlight = 64;   ///< crowd joins in flight while filling
    QString roomPrefix = QStringLiteral("class");
    int timeoutMs = 3600 * 1000;
};

/// Starts a server of its own (tools/devserver, throwaway directory, free ports) and a
/// tools/crowd that takes every seat and then stays, listening for commands. Room r
/// (1-based) holds members (r-1)*M+1 .. (r-1)*M+M, wrapping at the member count. The
/// crowd leaves, then the server stops, when this object goes.
class CrowdedServer
{
public:
    CrowdedServer() = default;
    ~CrowdedServer();
    CrowdedServer(const CrowdedServer &) = delete;
    CrowdedServer &operator=(const CrowdedServer &) = delete;

    /// Starts the server only (accounts can be added before the crowd comes).
    bool startServer(const CrowdSpec &spec, QString *error);
    /// Starts the crowd and waits until it holds every seat (false with *error if not).
    bool fill(QString *error);

    const test::TestServer &server() const { return *m_server; }
    test::CrowdProcess &crowd() { return m_crowd; }
    const CrowdSpec &spec() const { return m_spec; }
    QString serverDir() const { return m_dir.path() + QStringLiteral("/server"); }
    int members() const { return m_members; }

    /// Bare JID of room `room` (1-based).
    QString roomJid(int room) const;
    /// The account name of the member in `seat` (0-based) of `room` (1-based).
    QString memberInRoom(int room, int seat) const;

private:
    CrowdSpec m_spec;
    QTemporaryDir m_dir;
    std::optional<test::TestServer> m_server;
    test::CrowdProcess m_crowd;
    int m_members = 0;
};

} // namespace chorus::bench
