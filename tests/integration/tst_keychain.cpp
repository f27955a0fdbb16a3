// A password round-trip through QtKeychain against the real Secret Service
// (gnome-keyring under dbus-run-session, as the test command sets up).
#include "workspace/CredentialStore.h"

#include <QTest>

using namespace Qt::StringLiterals;
using chorus::workspace::CredentialError;
using chorus::workspace::CredentialStore;

class tst_Keychain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip();
    void missingEntry();

private:
    template <typename F>
    static auto wait(F future)
    {
        if (!QTest::qWaitFor([&] { return future.isFinished(); }, 20000))
            qFatal("keychain request did not finish within 20 s");
        return future.result();
    }
};

void tst_Keychain::roundTrip()
{
    CredentialStore store(u"Chorus test %1"_s.arg(QCoreApplication::applicationPid()));
    const QString account = u"operator@example.org"_s;
    const QString password = u"correct horse 电池 staple ✓"_s;

    const auto written = wait(store.writePassword(account, password));
    QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));

    const auto read = wait(store.readPassword(account));
    QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().message));
    QCOMPARE(read.value(), password);

    const auto changed = wait(store.writePassword(account, u"second"_s));
    QVERIFY(changed.ok());
    QCOMPARE(wait(store.readPassword(account)).value(), u"second"_s);

    QVERIFY(wait(store.removePassword(account)).ok());
    const auto gone = wait(store.readPassword(account));
    QVERIFY(!gone.ok());
    QCOMPARE(gone.error().code, CredentialError::Code::NotFound);
}

void tst_Keychain::missingEntry()
{
    CredentialStore store(u"Chorus test %1"_s.arg(QCoreApplication::applicationPid()));
    const auto read = wait(store.readPassword(u"nobody@example.org"_s));
    QVERIFY(!read.ok());
    QCOMPARE(read.error().code, CredentialError::Code::NotFound);
    // Removing what is not there is not an error: the caller wanted it gone.
    QVERIFY(wait(store.removePassword(u"nobody@example.org"_s)).ok());
}

QTEST_GUILESS_MAIN(tst_Keychain)
#include "tst_keychain.moc"
