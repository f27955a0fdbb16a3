// XEP-0004 data forms and the room configuration mapped onto them: parsing the forms
// Prosody 0.12 and ejabberd 23.01 really send (captured in tests/data/xmpp), the
// round trip, submissions, hostile input (caps, mutations), and MucRoomConfig on both
// servers' fields (what each supports, nearest allowed values).
#include "xmpp/DataForm.h"
#include "xmpp/MucRoomConfig.h"
#include "xmpp/MucTypes.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::xmpp;

namespace {

QByteArray testData(const QString &name)
{
    QFile f(qEnvironmentVariable("CHORUS_TEST_DATA") + u"/xmpp/"_s + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

DataForm serverForm(const QString &server)
{
    const auto form = parseDataForm(testData(server + u"-roomconfig-form.xml"_s));
    return form.value_or(DataForm());
}

} // namespace

class tst_DataForm : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void parsesProsodyForm();
    void parsesEjabberdForm();
    void roundTrip();
    void submissionDropsPresentation();
    void notAForm();
    void formTypeHelpers();
    void validateRange();
    void hostileInputIsCapped();
    void mutatedFormsNeverCrash();
    void booleans_data();
    void booleans();
    void configFromServerForms();
    void applyOnProsody();
    void applyOnEjabberd();
    void maxUsersPicksAnAllowedValue_data();
    void maxUsersPicksAnAllowedValue();
    void unsetSettingsAreLeftAlone();
};

void tst_DataForm::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("CHORUS_TEST_DATA"), "run through ctest");
    QVERIFY(!testData(u"prosody-roomconfig-form.xml"_s).isEmpty());
    QVERIFY(!testData(u"ejabberd-roomconfig-form.xml"_s).isEmpty());
}

void tst_DataForm::parsesProsodyForm()
{
    const DataForm form = serverForm(u"prosody"_s);
    QCOMPARE(form.type(), DataForm::Type::Form);
    QCOMPARE(form.formType(), ns::MucRoomConfig);
    QVERIFY(form.title().contains(u"formroom@conference.localhost"));
    QCOMPARE(form.instructions().size(), 1);
    const DataForm::Field *whois = form.field(u"muc#roomconfig_whois"_s);
    QVERIFY(whois);
    QCOMPARE(whois->type, u"list-single"_s);
    QCOMPARE(whois->options.size(), 2);
    QVERIFY(whois->allows(u"anyone"_s));
    QVERIFY(!whois->allows(u"everyone"_s));
    QCOMPARE(form.field(u"muc#roomconfig_persistentroom"_s)->boolValue(), true);
    // An empty boolean is false, not unknown.
    QCOMPARE(form.field(u"muc#roomconfig_membersonly"_s)->boolValue(), false);
    QVERIFY(!form.field(u"muc#roomconfig_roomdesc"_s)->desc.isEmpty());
    // Prosody 0.12 has no occupant limit field.
    QVERIFY(!form.hasField(u"muc#roomconfig_maxusers"_s));
}

void tst_DataForm::parsesEjabberdForm()
{
    const DataForm form = serverForm(u"ejabberd"_s);
    QCOMPARE(form.formType(), ns::MucRoomConfig);
    const DataForm::Field *max = form.field(u"muc#roomconfig_maxusers"_s);
    QVERIFY(max);
    QCOMPARE(max->value(), u"200"_s);
    QVERIFY(max->options.size() >= 5);
    const DataForm::Field *broadcast = form.field(u"muc#roomconfig_presencebroadcast"_s);
    QVERIFY(broadcast);
    QCOMPARE(broadcast->values, (QStringList{u"moderator"_s, u"participant"_s, u"visitor"_s}));
    QCOMPARE(form.field(u"mam"_s)->type, u"boolean"_s);
}

void tst_DataForm::roundTrip()
{
    for (const QString &server : {u"prosody"_s, u"ejabberd"_s}) {
        const DataForm form = serverForm(server);
        QVERIFY(!form.fields().isEmpty());
        const auto again = DataForm::fromElement(form.toElement());
        QVERIFY(again);
        QCOMPARE(*again, form);
        const auto viaXml = parseDataForm(form.toElement().toXml());
        QVERIFY(viaXml);
        QCOMPARE(*viaXml, form);
    }
}

void tst_DataForm::submissionDropsPresentation()
{
    DataForm form = serverForm(u"prosody"_s);
    form.setBool(u"muc#roomconfig_membersonly"_s, true);
    form.setValue(u"muc#roomconfig_roomname"_s, u"Bali 2026 🌴 <&>"_s);
    const DataForm submit = form.toSubmission();
    QCOMPARE(submit.type(), DataForm::Type::Submit);
    QVERIFY(submit.title().isEmpty());
    for (const DataForm::Field &f : submit.fields()) {
        QVERIFY(!f.var.isEmpty()); // fixed fields have none and are dropped
        QVERIFY(f.label.isEmpty());
        QVERIFY(f.options.isEmpty());
    }
    QCOMPARE(submit.value(u"FORM_TYPE"_s), ns::MucRoomConfig);
    const Element x = submit.toElement();
    QCOMPARE(x.attribute(u"type"), u"submit"_s);
    const auto parsed = DataForm::fromElement(Element::fromXml(x.toXml()).value());
    QCOMPARE(parsed->value(u"muc#roomconfig_roomname"_s), u"Bali 2026 🌴 <&>"_s);
    QCOMPARE(parsed->field(u"muc#roomconfig_membersonly"_s)->boolValue(), true);
}

void tst_DataForm::notAForm()
{
    QVERIFY(!parseDataForm("<x xmlns='jabber:x:other'/>"));
    QVERIFY(!parseDataForm("<query xmlns='jabber:x:data'/>"));
    QVERIFY(!parseDataForm("<x xmlns='jabber:x:data'"));
    QVERIFY(!parseDataForm(""));
    QVERIFY(!DataForm::findIn(Element(u"query"_s, ns::MucOwner)));
    // An unknown type still yields the fields.
    const auto odd = parseDataForm("<x xmlns='jabber:x:data' type='weird'><field var='a'><value>1</value></field></x>");
    QVERIFY(odd);
    QCOMPARE(odd->type(), DataForm::Type::Form);
    QCOMPARE(odd->value(u"a"_s), u"1"_s);
}

void tst_DataForm::formTypeHelpers()
{
    // What a MAM query or publish-options carries: FORM_TYPE first, hidden.
    DataForm query = DataForm::withFormType(u"urn:xmpp:mam:2"_s);
    query.setValue(u"with"_s, u"bali@conference.localhost"_s);
    query.setValues(u"tags"_s, {u"a"_s, u"b"_s});
    const Element x = query.toElement();
    QCOMPARE(x.attribute(u"type"), u"submit"_s);
    const QList<Element> fields = x.children(u"field", ns::DataForms);
    QCOMPARE(fields.size(), 3);
    QCOMPARE(fields[0].attribute(u"var"), u"FORM_TYPE"_s);
    QCOMPARE(fields[0].attribute(u"type"), u"hidden"_s);
    QCOMPARE(fields[0].childText(u"value", ns::DataForms), u"urn:xmpp:mam:2"_s);
    QCOMPARE(fields[2].children(u"value", ns::DataForms).size(), 2);

    // Several forms side by side (XEP-0128): picked by FORM_TYPE, not position.
    Element parent(u"query"_s, u"http://jabber.org/protocol/disco#info"_s);
    parent.appendChild(Element(u"x"_s, ns::DataForms)); // no FORM_TYPE
    parent.appendChild(DataForm::withFormType(u"urn:one"_s, DataForm::Type::Result).toElement());
    parent.appendChild(query.toElement());
    const auto found = DataForm::findIn(parent, u"urn:xmpp:mam:2");
    QVERIFY(found);
    QCOMPARE(found->values(u"tags"_s), (QStringList {u"a"_s, u"b"_s}));
    QCOMPARE(found->value(u"with"_s), u"bali@conference.localhost"_s);
    QVERIFY(found->values(u"missing"_s).isEmpty());
    QCOMPARE(DataForm::findIn(parent, u"urn:one")->type(), DataForm::Type::Result);
    QVERIFY(!DataForm::findIn(parent, u"urn:two"));
    QVERIFY(!DataForm::findIn(Element(u"configure"_s, ns::PubSubOwner), u"urn:one"));
}

void tst_DataForm::validateRange()
{
    // Prosody states pubsub#max_items "max" as an XEP-0122 range on the field.
    const auto form = parseDataForm(
        "<x xmlns='jabber:x:data' type='form'><field var='pubsub#max_items' type='text-single'>"
        "<validate xmlns='http://jabber.org/protocol/xdata-validate' datatype='xs:integer'>"
        "<range min='1' max='1000'/></validate><value>max</value></field>"
        "<field var='plain'><value>1</value></field></x>");
    QVERIFY(form);
    const DataForm::Field *max = form->field(u"pubsub#max_items"_s);
    QVERIFY(max);
    QCOMPARE(max->value(), u"max"_s);
    QCOMPARE(max->rangeMin, u"1"_s);
    QCOMPARE(max->rangeMax, u"1000"_s);
    QVERIFY(form->field(u"plain"_s)->rangeMax.isEmpty());
    QCOMPARE(*DataForm::fromElement(form->toElement()), *form);
    // A submission states values only.
    QVERIFY(form->toSubmission().field(u"pubsub#max_items"_s)->rangeMax.isEmpty());
}

void tst_DataForm::hostileInputIsCapped()
{
    QByteArray xml = "<x xmlns='jabber:x:data' type='form'>";
    for (int i = 0; i < DataForm::maxFields + 100; ++i)
        xml += "<field var='f" + QByteArray::number(i) + "'/>";
    xml += "<field var='many'>";
    for (int i = 0; i < DataForm::maxValues + 100; ++i)
        xml += "<value>" + QByteArray::number(i) + "</value><option><value>o</value></option>";
    xml += "</field></x>";
    const auto form = parseDataForm(xml);
    QVERIFY(form);
    QCOMPARE(form->fields().size(), DataForm::maxFields);
    QVERIFY(!form->hasField(u"many"_s)); // beyond the cap

    QByteArray big = "<x xmlns='jabber:x:data'><field var='v'><value>"
        + QByteArray(200 * 1024, 'a') + "</value></field></x>";
    const auto bigForm = parseDataForm(big);
    QVERIFY(bigForm);
    QVERIFY(bigForm->value(u"v"_s).size() <= 64 * 1024);
}

void tst_DataForm::mutatedFormsNeverCrash()
{
    // A cheap fuzzer: flip, drop and duplicate bytes of real forms. Parsing must either
    // refuse or produce a form that serialises and parses back to itself.
    QRandomGenerator rng(20261125);
    const QList<QByteArray> seeds{testData(u"prosody-roomconfig-form.xml"_s),
                                  testData(u"ejabberd-roomconfig-form.xml"_s)};
    int parsed = 0;
    for (int round = 0; round < 3000; ++round) {
        QByteArray xml = seeds[round % 2];
        const int edits = 1 + int(rng.bounded(8));
        for (int e = 0; e < edits; ++e) {
            const int pos = int(rng.bounded(quint32(xml.size())));
            switch (rng.bounded(3)) {
            case 0:
                xml[pos] = char(rng.bounded(256));
                break;
            case 1:
                xml.remove(pos, int(rng.bounded(16)));
                break;
            default:
                xml.insert(pos, xml.mid(int(rng.bounded(quint32(xml.size()))), 24));
                break;
            }
        }
        const auto form = parseDataForm(xml);
        if (!form)
            continue;
        ++parsed;
        const auto again = DataForm::fromElement(form->toElement());
        QVERIFY(again);
        QCOMPARE(again->fields().size(), form->fields().size());
        MucRoomConfig::fromForm(*form);
        MucRoomConfig{u"n"_s, {}, true, 50, false, true, false, false, 0, true, true}.applyTo(*form);
    }
    QVERIFY(parsed > 100); // the mutations did not all break the XML
}

void tst_DataForm::booleans_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<int>("expected"); // -1 unknown
    QTest::newRow("1") << u"boolean"_s << QStringList{u"1"_s} << 1;
    QTest::newRow("true") << u"boolean"_s << QStringList{u"true"_s} << 1;
    QTest::newRow("0") << u"boolean"_s << QStringList{u"0"_s} << 0;
    QTest::newRow("false") << u"boolean"_s << QStringList{u"false"_s} << 0;
    QTest::newRow("empty boolean") << u"boolean"_s << QStringList{} << 0;
    QTest::newRow("empty text") << u"text-single"_s << QStringList{} << -1;
    QTest::newRow("garbage") << u"boolean"_s << QStringList{u"yes"_s} << -1;
}

void tst_DataForm::booleans()
{
    QFETCH(QString, type);
    QFETCH(QStringList, values);
    QFETCH(int, expected);
    DataForm::Field f;
    f.type = type;
    f.values = values;
    const auto b = f.boolValue();
    if (expected < 0)
        QVERIFY(!b);
    else
        QCOMPARE(b, std::optional<bool>(expected == 1));
}

void tst_DataForm::configFromServerForms()
{
    const MucRoomConfig prosody = MucRoomConfig::fromForm(serverForm(u"prosody"_s));
    QCOMPARE(prosody.persistent, std::optional<bool>(true));
    QCOMPARE(prosody.membersOnly, std::optional<bool>(false));
    QCOMPARE(prosody.realJidsToAnyone, std::optional<bool>(false));
    QVERIFY(prosody.historyLength.has_value());
    QVERIFY(!prosody.maxUsers); // no such field on Prosody
    // The dev server archives every room, so Prosody hides the archiving switch.
    QVERIFY(!prosody.archived);

    const MucRoomConfig ejabberd = MucRoomConfig::fromForm(serverForm(u"ejabberd"_s));
    QCOMPARE(ejabberd.maxUsers, std::optional<int>(200));
    QCOMPARE(ejabberd.archived, std::optional<bool>(true));
    QVERIFY(ejabberd.membersCanInvite.has_value());
    QVERIFY(!ejabberd.historyLength); // ejabberd sets history per service, not per room
}

void tst_DataForm::applyOnProsody()
{
    MucRoomConfig c;
    c.name = u"Yoga Tuesday"_s;
    c.membersOnly = true;
    c.maxUsers = 300;
    c.realJidsToAnyone = false;
    c.historyLength = 0;
    c.membersCanInvite = true;
    const auto s = c.applyTo(serverForm(u"prosody"_s));
    QCOMPARE(s.form.type(), DataForm::Type::Submit);
    QCOMPARE(s.form.value(u"muc#roomconfig_roomname"_s), u"Yoga Tuesday"_s);
    QCOMPARE(s.form.value(u"muc#roomconfig_membersonly"_s), u"1"_s);
    QCOMPARE(s.form.value(u"muc#roomconfig_whois"_s), u"moderators"_s);
    // Both Prosody history fields get the length.
    QCOMPARE(s.form.value(u"muc#roomconfig_historylength"_s), u"0"_s);
    QCOMPARE(s.form.value(u"muc#roomconfig_defaulthistorymessages"_s), u"0"_s);
    QCOMPARE(s.form.value(u"{http://prosody.im/protocol/muc}roomconfig_allowmemberinvites"_s),
             u"1"_s);
    QCOMPARE(s.unsupported, QStringList{u"maxUsers"_s});
    QVERIFY(s.adjusted.isEmpty());
    // Untouched fields keep the server's values.
    QCOMPARE(s.form.value(u"muc#roomconfig_lang"_s), u"en"_s);
    QVERIFY(!s.form.hasField(u"muc#roomconfig_maxusers"_s));
    // And reading the submission back gives what we asked for.
    const MucRoomConfig back = MucRoomConfig::fromForm(s.form);
    QCOMPARE(back.membersOnly, c.membersOnly);
    QCOMPARE(back.historyLength, c.historyLength);
    QCOMPARE(back.name, c.name);
}

void tst_DataForm::applyOnEjabberd()
{
    MucRoomConfig c;
    c.membersOnly = true;
    c.maxUsers = 50;
    c.archived = true;
    c.historyLength = 0;
    c.realJidsToAnyone = true;
    const auto s = c.applyTo(serverForm(u"ejabberd"_s));
    QCOMPARE(s.form.value(u"muc#roomconfig_maxusers"_s), u"50"_s);
    QCOMPARE(s.form.value(u"mam"_s), u"1"_s);
    QCOMPARE(s.form.value(u"muc#roomconfig_whois"_s), u"anyone"_s);
    QCOMPARE(s.unsupported, QStringList{u"historyLength"_s});
    QVERIFY(s.adjusted.isEmpty());
    // Multi-valued fields survive the submission.
    QCOMPARE(s.form.field(u"muc#roomconfig_presencebroadcast"_s)->values.size(), 3);
}

void tst_DataForm::maxUsersPicksAnAllowedValue_data()
{
    QTest::addColumn<int>("requested");
    QTest::addColumn<QString>("submitted");
    QTest::addColumn<bool>("adjusted");
    QTest::newRow("exact") << 100 << u"100"_s << false;
    QTest::newRow("between: the cap does not grow") << 300 << u"200"_s << true;
    QTest::newRow("below the smallest") << 3 << u"5"_s << true;
    QTest::newRow("above the largest") << 5000 << u"1000"_s << true;
    QTest::newRow("no limit: the largest") << 0 << u"1000"_s << true;
}

void tst_DataForm::maxUsersPicksAnAllowedValue()
{
    QFETCH(int, requested);
    QFETCH(QString, submitted);
    QFETCH(bool, adjusted);
    MucRoomConfig c;
    c.maxUsers = requested;
    const auto s = c.applyTo(serverForm(u"ejabberd"_s));
    QCOMPARE(s.form.value(u"muc#roomconfig_maxusers"_s), submitted);
    QCOMPARE(s.adjusted.contains(u"maxUsers"_s), adjusted);
    QVERIFY(s.unsupported.isEmpty());
}

void tst_DataForm::unsetSettingsAreLeftAlone()
{
    const DataForm server = serverForm(u"ejabberd"_s);
    const auto s = MucRoomConfig{}.applyTo(server);
    QCOMPARE(s.form, server.toSubmission());
    QVERIFY(s.unsupported.isEmpty());
}

QTEST_GUILESS_MAIN(tst_DataForm)
#include "tst_dataform.moc"
