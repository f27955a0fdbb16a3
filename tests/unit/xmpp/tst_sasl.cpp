// SASL: mechanism choice, the RFC 5802 (SCRAM-SHA-1) and RFC 7677 (SCRAM-SHA-256)
// test vectors, SCRAM-SHA-512, and every way a server can fail to prove itself.
#include "xmpp/Sasl.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::xmpp;

class tst_Sasl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void chooseStrongestOffered_data();
    void chooseStrongestOffered();
    void rfc5802ScramSha1();
    void rfc7677ScramSha256();
    void scramSha512();
    void serverSignatureAsChallenge();
    void wrongServerSignatureIsRefused();
    void successWithoutSignatureIsRefused();
    void hostileServerFirstMessages_data();
    void hostileServerFirstMessages();
    void serverErrorAttribute();
    void userNameIsEscaped();
    void plain();
    void failureConditions();
};

void tst_Sasl::chooseStrongestOffered_data()
{
    QTest::addColumn<QStringList>("offered");
    QTest::addColumn<bool>("plainAllowed");
    QTest::addColumn<QString>("expected");
    QTest::newRow("all") << QStringList {u"PLAIN"_s, u"SCRAM-SHA-1"_s, u"SCRAM-SHA-256"_s,
                                         u"SCRAM-SHA-512"_s}
                         << true << u"SCRAM-SHA-512"_s;
    QTest::newRow("256 and 1") << QStringList {u"SCRAM-SHA-1"_s, u"SCRAM-SHA-256"_s} << true
                               << u"SCRAM-SHA-256"_s;
    QTest::newRow("prosody") << QStringList {u"SCRAM-SHA-1"_s, u"PLAIN"_s} << true
                             << u"SCRAM-SHA-1"_s;
    QTest::newRow("PLUS only is not used")
        << QStringList {u"SCRAM-SHA-1-PLUS"_s, u"PLAIN"_s} << true << u"PLAIN"_s;
    QTest::newRow("plain not allowed") << QStringList {u"PLAIN"_s} << false << QString();
    QTest::newRow("unknown") << QStringList {u"DIGEST-MD5"_s, u"X-OAUTH2"_s} << true << QString();
}

void tst_Sasl::chooseStrongestOffered()
{
    QFETCH(QStringList, offered);
    QFETCH(bool, plainAllowed);
    QFETCH(QString, expected);
    const auto chosen = chooseSaslMechanism(offered, plainAllowed);
    QCOMPARE(chosen ? mechanismName(*chosen) : QString(), expected);
}

void tst_Sasl::rfc5802ScramSha1()
{
    ScramClient scram(SaslMechanism::ScramSha1, u"user"_s, u"pencil"_s, "fyko+d2lbbFgONRv9qkxdawL");
    QCOMPARE(scram.initialResponse(), QByteArray("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL"));
    const auto final
        = scram.respond("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096");
    QVERIFY(final);
    QCOMPARE(*final,
             QByteArray("c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,"
                        "p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts="));
    QVERIFY(scram.finish("v=rmF9pqV8S7suAoZWja4dJRkFsKQ="));
    QVERIFY(scram.serverVerified());
}

void tst_Sasl::rfc7677ScramSha256()
{
    ScramClient scram(SaslMechanism::ScramSha256, u"user"_s, u"pencil"_s, "rOprNGfwEbeRWgbNEkqO");
    QCOMPARE(scram.initialResponse(), QByteArray("n,,n=user,r=rOprNGfwEbeRWgbNEkqO"));
    const auto final = scram.respond(
        "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
    QVERIFY(final);
    QCOMPARE(*final,
             QByteArray("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                        "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="));
    QVERIFY(scram.finish("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="));
    QVERIFY(scram.serverVerified());
}

void tst_Sasl::scramSha512()
{
    // No RFC vector exists for SHA-512; these values come from an independent
    // implementation (Python's hashlib/hmac) over the RFC 7677 inputs.
    ScramClient scram(SaslMechanism::ScramSha512, u"user"_s, u"pencil"_s, "rOprNGfwEbeRWgbNEkqO");
    scram.initialResponse();
    const auto final = scram.respond(
        "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
    QVERIFY(final);
    QCOMPARE(
        *final,
        QByteArray("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                   "p=gMGXRcevScNtxZ6/"
                   "8lQYpGtnsNAc3mGcmNomv+xnoOMw+3R2xNJdMNnzMlTN8PPC6wdp6dybEmDYXYTxwnYPJQ=="));
    QVERIFY(scram.finish("v=ZQnYEgWQMFmmsM8aQMF0nDDCy/"
                         "AgCzkwk8CmMZYcMg0vSVlKDanekLtifDSeVGT4+5ZxXnJq199RVG2rR7N7Zw=="));
}

void tst_Sasl::serverSignatureAsChallenge()
{
    ScramClient scram(SaslMechanism::ScramSha1, u"user"_s, u"pencil"_s, "fyko+d2lbbFgONRv9qkxdawL");
    scram.initialResponse();
    QVERIFY(
        scram.respond("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096"));
    const auto empty = scram.respond("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=");
    QVERIFY(empty);
    QVERIFY(empty->isEmpty());
    QVERIFY(scram.finish({}));
}

void tst_Sasl::wrongServerSignatureIsRefused()
{
    ScramClient scram(SaslMechanism::ScramSha1, u"user"_s, u"pencil"_s, "fyko+d2lbbFgONRv9qkxdawL");
    scram.initialResponse();
    QVERIFY(
        scram.respond("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096"));
    // One bit off: a server (or a man in the middle) that does not know the password.
    QVERIFY(!scram.finish("v=rmF9pqV8S7suAoZWja4dJRkFsKo="));
    QCOMPARE(scram.errorCode(), Error::Code::ServerNotVerified);
    QVERIFY(!scram.serverVerified());
}

void tst_Sasl::successWithoutSignatureIsRefused()
{
    ScramClient early(SaslMechanism::ScramSha256, u"user"_s, u"pencil"_s, "abc");
    early.initialResponse();
    QVERIFY(!early.finish({})); // success right after <auth/>
    QCOMPARE(early.errorCode(), Error::Code::ServerNotVerified);

    ScramClient empty(SaslMechanism::ScramSha1, u"user"_s, u"pencil"_s, "fyko+d2lbbFgONRv9qkxdawL");
    empty.initialResponse();
    QVERIFY(
        empty.respond("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096"));
    QVERIFY(!empty.finish({}));
    QCOMPARE(empty.errorCode(), Error::Code::ServerNotVerified);
}

void tst_Sasl::hostileServerFirstMessages_data()
{
    QTest::addColumn<QByteArray>("serverFirst");
    QTest::newRow("nonce not ours") << QByteArray("r=somebodyelse123,s=QSXCR+Q6sek8bf92,i=4096");
    QTest::newRow("nonce not extended") << QByteArray("r=clientnonce,s=QSXCR+Q6sek8bf92,i=4096");
    QTest::newRow("iterations huge")
        << QByteArray("r=clientnonceX,s=QSXCR+Q6sek8bf92,i=2000000000");
    QTest::newRow("iterations zero") << QByteArray("r=clientnonceX,s=QSXCR+Q6sek8bf92,i=0");
    QTest::newRow("salt not base64") << QByteArray("r=clientnonceX,s=!!!,i=4096");
    QTest::newRow("mandatory extension")
        << QByteArray("m=ext,r=clientnonceX,s=QSXCR+Q6sek8bf92,i=4096");
    QTest::newRow("missing salt") << QByteArray("r=clientnonceX,i=4096");
    QTest::newRow("garbage") << QByteArray("\x01\x02");
}

void tst_Sasl::hostileServerFirstMessages()
{
    QFETCH(QByteArray, serverFirst);
    ScramClient scram(SaslMechanism::ScramSha1, u"user"_s, u"pencil"_s, "clientnonce");
    scram.initialResponse();
    QVERIFY(!scram.respond(serverFirst));
    QCOMPARE(scram.errorCode(), Error::Code::ProtocolViolation);
}

void tst_Sasl::serverErrorAttribute()
{
    ScramClient scram(SaslMechanism::ScramSha1, u"user"_s, u"pencil"_s, "fyko+d2lbbFgONRv9qkxdawL");
    scram.initialResponse();
    QVERIFY(
        scram.respond("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096"));
    QVERIFY(!scram.finish("e=invalid-proof"));
    QCOMPARE(scram.errorCode(), Error::Code::AuthenticationFailed);
    QVERIFY(scram.errorDetail().contains(u"invalid-proof"_s));
}

void tst_Sasl::userNameIsEscaped()
{
    ScramClient scram(SaslMechanism::ScramSha1, u"a=b,c"_s, u"pw"_s, "n0nce");
    QCOMPARE(scram.initialResponse(), QByteArray("n,,n=a=3Db=2Cc,r=n0nce"));
}

void tst_Sasl::plain()
{
    PlainClient plain(u"juliet"_s, u"r0m30myr0m30"_s);
    // RFC 6120 section 9.2's example, minus the authzid.
    QCOMPARE(plain.initialResponse().toBase64(), QByteArray("AGp1bGlldAByMG0zMG15cjBtMzA="));
    QVERIFY(!plain.respond("anything"));
}

void tst_Sasl::failureConditions()
{
    QCOMPARE(saslFailureCode(u"not-authorized"), Error::Code::NotAuthorized);
    QCOMPARE(saslFailureCode(u"account-disabled"), Error::Code::AccountDisabled);
    QCOMPARE(saslFailureCode(u"credentials-expired"), Error::Code::CredentialsExpired);
    QCOMPARE(saslFailureCode(u"encryption-required"), Error::Code::EncryptionRequired);
    QCOMPARE(saslFailureCode(u"mechanism-too-weak"), Error::Code::MechanismTooWeak);
    QCOMPARE(saslFailureCode(u"temporary-auth-failure"), Error::Code::AuthenticationFailed);
}

QTEST_GUILESS_MAIN(tst_Sasl)
#include "tst_sasl.moc"
