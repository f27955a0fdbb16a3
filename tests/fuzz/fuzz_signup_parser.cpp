// libFuzzer entry point for the sign-up chain's message parser and pasted-list diff.
//
// Input: byte 0 picks the chain's set-up (fields, capacity, waitlist); the rest is a
// sequence of messages separated by NUL bytes, each starting with one byte that picks
// the sender (one of four members). Every message goes through SignupChain::handle();
// after each one the chain's invariants are checked and a violation aborts.
//
// Links: app/activities/{SignupChain,SignupParser,SignupText,Language,Csv}.cpp,
// app/chat/Types.cpp and Qt6::Core (no QCoreApplication needed).

#include "activities/SignupChain.h"
#include "activities/SignupText.h"

#include <QSet>

#include <cstdint>
#include <cstdlib>

using namespace Qt::StringLiterals;
using namespace chorus::activities;

namespace {

SignupConfig configFor(uint8_t shape)
{
    SignupConfig config;
    config.title = (shape & 1) ? u"Club shirts 队服接龙"_s : u"Saturday run"_s;
    config.capacity = shape % 4; // 0 = no limit
    config.waitlistCapacity = int(shape / 4 % 3) - 1; // -1, 0, 1
    config.timeZone = "Europe/Berlin";
    config.deadline = QDateTime(QDate(2025, 3, 14), QTime(17, 0), Qt::UTC);
    if (shape & 0x10)
        config.fields.append({u"name"_s, u"name"_s, u"姓名"_s, {}, true, true});
    if (shape & 0x20)
        config.fields.append({u"size"_s,
                              u"shirt size"_s,
                              u"尺码"_s,
                              {u"S"_s, u"M"_s, u"L"_s, u"XL"_s},
                              true,
                              false});
    if (shape & 0x40)
        config.fields.append({u"note"_s, u"phone"_s, u"电话"_s, {}, false, false});
    return config;
}

void check(bool ok)
{
    if (!ok)
        std::abort();
}

void checkInvariants(const SignupChain &chain)
{
    const SignupState &state = chain.state();
    QSet<QString> people;
    for (const QList<SignupEntry> *list : {&state.confirmed, &state.waitlist}) {
        for (const SignupEntry &e : *list) {
            check(e.person.isValid());
            check(!people.contains(e.person.value)); // nobody twice
            people.insert(e.person.value);
        }
    }
    const SignupConfig &config = chain.config();
    if (config.capacity > 0)
        check(state.confirmed.size() <= config.capacity);
    if (config.waitlistCapacity >= 0)
        check(state.waitlist.size() <= config.waitlistCapacity);
    // Nobody waits while there is room on the list.
    if (config.capacity <= 0 || state.confirmed.size() < config.capacity)
        check(state.waitlist.isEmpty());
    check(!chain.render().isEmpty());
    check(chain.toCsv().startsWith("\xEF\xBB\xBF"));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 64 * 1024)
        return 0;
    SignupChain chain(configFor(data[0]));
    const QByteArray rest(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    QDateTime at(QDate(2025, 3, 10), QTime(9, 0), Qt::UTC);
    for (const QByteArray &raw : rest.split('\0')) {
        if (raw.isEmpty())
            continue;
        const QString nick = u"m%1"_s.arg(uint8_t(raw[0]) % 4);
        SignupMessage message {chorus::chat::PersonKey::of(u"room@rooms.example"_s, {}, {}, nick),
                               nick, QString::fromUtf8(raw.mid(1)), at};
        const SignupState before = chain.state();
        const SignupOutcome outcome = chain.handle(message);
        checkInvariants(chain);
        // Only the sender's own entry may change, except for a promotion after they left.
        if (!outcome.promoted) {
            auto others = [&](const SignupState &s) {
                QList<SignupEntry> out;
                for (const QList<SignupEntry> *list : {&s.confirmed, &s.waitlist}) {
                    for (const SignupEntry &e : *list) {
                        if (!(e.person == message.sender))
                            out.append(e);
                    }
                }
                return out;
            };
            check(others(before) == others(chain.state()));
        }
        // Pasting the list back unchanged never changes it.
        chain.closeIfDue(at);
        if (!chain.isClosed()) {
            const SignupState current = chain.state();
            chain.handle({message.sender, nick, chain.render(), at});
            check(chain.state() == current);
        }
        at = at.addSecs(3600 * 12); // crosses the deadline after a few messages
    }
    return 0;
}
