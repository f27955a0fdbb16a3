// TLS trust decisions: system verdict without pins, certificate and public-key pins
// (trust on first use), a changed certificate refused, digests as openssl computes them.
#include "xmpp/TlsTrust.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::xmpp;

namespace {

QSslCertificate load(const QString &name)
{
    QFile f(qEnvironmentVariable("CHORUS_TEST_DATA") + u"/xmpp/"_s + name);
    if (!f.open(QIODevice::ReadOnly))
        return QSslCertificate();
    return QSslCertificate(f.readAll(), QSsl::Pem);
}

// Computed with: openssl x509 -outform der | sha256sum, and
// openssl x509 -pubkey -noout | openssl pkey -pubin -outform der | sha256sum.
const QByteArray CertA
    = QByteArray::fromHex("d1a1ab73b2f43a9b39644e512106e4ba874f10b3af99b35a84850b9887968390");
const QByteArray SpkiA
    = QByteArray::fromHex("f1b5e284651c444523bb16757dacbb52b0d3698a675ba3b3e17591d9fb863d2a");
const QByteArray CertB
    = QByteArray::fromHex("20c76b13b2c2b32e72fc9f9c9a4ccaa853308095689791377f58d918e2d499ed");

} // namespace

class tst_TlsTrust : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void digestsMatchOpenssl();
    void systemVerdictWithoutPins();
    void certificatePin();
    void publicKeyPinSurvivesReissue();
    void changedCertificateIsRefused();
    void parseDigest();

private:
    QSslCertificate m_a, m_aReissued, m_b;
};

void tst_TlsTrust::initTestCase()
{
    m_a = load(u"server-a.pem"_s);
    m_aReissued = load(u"server-a-reissued.pem"_s);
    m_b = load(u"server-b.pem"_s);
    QVERIFY(!m_a.isNull() && !m_aReissued.isNull() && !m_b.isNull());
}

void tst_TlsTrust::digestsMatchOpenssl()
{
    QCOMPARE(certificateSha256(m_a), CertA);
    QCOMPARE(publicKeySha256(m_a), SpkiA);
    QCOMPARE(publicKeySha256(m_aReissued), SpkiA);
    QCOMPARE(certificateSha256(m_b), CertB);
}

void tst_TlsTrust::systemVerdictWithoutPins()
{
    QCOMPARE(checkServerCertificate({m_a}, {}, {}).verdict, TlsVerdict::Trusted);
    const TlsCheck selfSigned
        = checkServerCertificate({m_a}, {QSslError(QSslError::SelfSignedCertificate, m_a)}, {});
    QCOMPARE(selfSigned.verdict, TlsVerdict::Untrusted);
    // What the UI needs for trust on first use.
    QCOMPARE(selfSigned.info.chain.size(), 1);
    QCOMPARE(selfSigned.info.certificateSha256, CertA);
    QCOMPARE(selfSigned.info.publicKeySha256, SpkiA);
    QCOMPARE(selfSigned.info.problems.size(), 1);
    QCOMPARE(checkServerCertificate({}, {}, {}).verdict, TlsVerdict::Untrusted);
}

void tst_TlsTrust::certificatePin()
{
    const QList<QSslError> errors {QSslError(QSslError::SelfSignedCertificate, m_a),
                                   QSslError(QSslError::HostNameMismatch, m_a)};
    QCOMPARE(checkServerCertificate({m_a}, errors, {CertA}).verdict, TlsVerdict::Trusted);
}

void tst_TlsTrust::publicKeyPinSurvivesReissue()
{
    const QList<QSslError> errors {QSslError(QSslError::SelfSignedCertificate, m_aReissued)};
    QCOMPARE(checkServerCertificate({m_aReissued}, errors, {SpkiA}).verdict, TlsVerdict::Trusted);
    QCOMPARE(checkServerCertificate({m_aReissued}, errors, {CertA}).verdict,
             TlsVerdict::PinMismatch);
}

void tst_TlsTrust::changedCertificateIsRefused()
{
    // Even a certificate the system would trust is refused when it is not the pinned one.
    const TlsCheck check = checkServerCertificate({m_b}, {}, {CertA, SpkiA});
    QCOMPARE(check.verdict, TlsVerdict::PinMismatch);
    QCOMPARE(check.info.certificateSha256, CertB);
}

void tst_TlsTrust::parseDigest()
{
    const QString colons = CertificateInfo::formatDigest(CertA);
    QVERIFY(colons.startsWith(u"D1:A1:AB"_s));
    QCOMPARE(parseSha256Digest(colons), CertA);
    QCOMPARE(parseSha256Digest(QString::fromLatin1(CertA.toHex())), CertA);
    QVERIFY(parseSha256Digest(u"D1:A1"_s).isEmpty());
    QVERIFY(parseSha256Digest(u"zz"_s).isEmpty());
}

QTEST_GUILESS_MAIN(tst_TlsTrust)
#include "tst_tlstrust.moc"
