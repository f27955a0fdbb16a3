#include "sales/IntentCues_p.h"

#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace chorus::sales::parsing {

namespace {

using Kind = RequestCue::Kind;

struct Phrase
{
    const char16_t *text; // English: words separated by spaces; Chinese: characters
    Kind kind;
    int weight;
};

// Anywhere in the text.
constexpr Phrase kPhrases[] = {
    // Asking to buy or book.
    {u"book", Kind::Intent, 2},
    {u"booking", Kind::Intent, 2},
    {u"reserve", Kind::Intent, 2},
    {u"reservation", Kind::Intent, 2},
    {u"order", Kind::Intent, 2},
    {u"sign me up", Kind::Intent, 2},
    {u"sign us up", Kind::Intent, 2},
    {u"sign up", Kind::Intent, 2},
    {u"count me in", Kind::Intent, 2},
    {u"count us in", Kind::Intent, 2},
    {u"put me down", Kind::Intent, 2},
    {u"put us down", Kind::Intent, 2},
    {u"i'd like", Kind::Intent, 2},
    {u"we'd like", Kind::Intent, 2},
    {u"would like", Kind::Intent, 2},
    {u"want", Kind::Intent, 2},
    {u"wanna", Kind::Intent, 2},
    {u"need", Kind::Intent, 2},
    {u"i'll take", Kind::Intent, 2},
    {u"we'll take", Kind::Intent, 2},
    {u"ill take", Kind::Intent, 2},
    {u"i'll have", Kind::Intent, 2},
    {u"we'll have", Kind::Intent, 2},
    {u"i'll get", Kind::Intent, 2},
    {u"we'll get", Kind::Intent, 2},
    {u"buy", Kind::Intent, 2},
    {u"purchase", Kind::Intent, 2},
    {u"rent", Kind::Intent, 2},
    {u"arrange", Kind::Intent, 2},
    {u"add", Kind::Intent, 2},
    {u"please", Kind::Intent, 2},
    {u"pls", Kind::Intent, 2},
    {u"plz", Kind::Intent, 2},
    {u"plss", Kind::Intent, 2},
    {u"get me", Kind::Intent, 2},
    {u"let's do", Kind::Intent, 2},
    {u"i'd love", Kind::Intent, 2},
    {u"we'd love", Kind::Intent, 2},
    {u"keen", Kind::Intent, 2},
    {u"me too", Kind::Intent, 2},
    {u"put my name", Kind::Intent, 2},
    {u"预定", Kind::Intent, 2},
    {u"is it possible", Kind::Intent, 2},
    {u"too late to", Kind::Intent, 2},
    {u"订", Kind::Intent, 2},
    {u"预约", Kind::Intent, 2},
    {u"约", Kind::Intent, 2},
    {u"要", Kind::Intent, 2},
    {u"想", Kind::Intent, 2},
    {u"帮我", Kind::Intent, 2},
    {u"帮忙", Kind::Intent, 2},
    {u"麻烦", Kind::Intent, 2},
    {u"买", Kind::Intent, 2},
    {u"来", Kind::Intent, 2},
    {u"报", Kind::Intent, 2},
    {u"加", Kind::Intent, 2},
    {u"安排", Kind::Intent, 2},
    {u"租", Kind::Intent, 2},
    {u"给我", Kind::Intent, 2},
    {u"下单", Kind::Intent, 2},
    {u"请", Kind::Intent, 1},
    // Asking whether there is room, in order to book.
    {u"is there space", Kind::Availability, 2},
    {u"is there room", Kind::Availability, 2},
    {u"any space", Kind::Availability, 2},
    {u"any spots", Kind::Availability, 2},
    {u"any spot", Kind::Availability, 2},
    {u"any room", Kind::Availability, 2},
    {u"any availability", Kind::Availability, 2},
    {u"available", Kind::Availability, 2},
    {u"spots left", Kind::Availability, 2},
    {u"space left", Kind::Availability, 2},
    {u"还有位置", Kind::Availability, 2},
    {u"还有位子", Kind::Availability, 2},
    {u"有位置", Kind::Availability, 2},
    {u"还有空", Kind::Availability, 2},
    {u"还有吗", Kind::Availability, 2},
    {u"有空位", Kind::Availability, 2},
    {u"还有名额", Kind::Availability, 2},
    {u"还有票", Kind::Availability, 2},
    {u"可以吗", Kind::Availability, 1},
    // Asking for information.
    {u"how much", Kind::Question, -4},
    {u"how long", Kind::Question, -4},
    {u"what time", Kind::Question, -4},
    {u"how early", Kind::Question, -4},
    {u"how many", Kind::Question, -4},
    {u"how far", Kind::Question, -4},
    {u"几点", Kind::Question, -4},
    {u"多少钱", Kind::Question, -4},
    {u"多少", Kind::Question, -4},
    {u"多久", Kind::Question, -4},
    {u"多长", Kind::Question, -4},
    {u"什么", Kind::Question, -4},
    {u"怎么", Kind::Question, -4},
    {u"哪里", Kind::Question, -4},
    {u"哪儿", Kind::Question, -4},
    {u"哪个", Kind::Question, -4},
    {u"为什么", Kind::Question, -4},
    {u"是不是", Kind::Question, -4},
    {u"请问", Kind::Question, -4},
    {u"几天", Kind::Question, -4},
    {u"价格", Kind::Question, -4},
    {u"价钱", Kind::Question, -4},
    {u"收费", Kind::Question, -4},
    {u"几次", Kind::Question, -4},
    {u"几个", Kind::Question, -4},
    {u"谁", Kind::Question, -4},
    // Declining or cancelling.
    {u"no need", Kind::Negation, -4},
    {u"don't need", Kind::Negation, -4},
    {u"dont need", Kind::Negation, -4},
    {u"do not need", Kind::Negation, -4},
    {u"don't want", Kind::Negation, -4},
    {u"dont want", Kind::Negation, -4},
    {u"not needed", Kind::Negation, -4},
    {u"no longer", Kind::Negation, -4},
    {u"cancel", Kind::Negation, -4},
    {u"cancelled", Kind::Negation, -4},
    {u"canceled", Kind::Negation, -4},
    {u"can't make it", Kind::Negation, -4},
    {u"cant make it", Kind::Negation, -4},
    {u"can't come", Kind::Negation, -4},
    {u"won't need", Kind::Negation, -4},
    {u"wont need", Kind::Negation, -4},
    {u"never mind", Kind::Negation, -4},
    {u"nevermind", Kind::Negation, -4},
    {u"anymore", Kind::Negation, -4},
    {u"no thanks", Kind::Negation, -4},
    {u"不用", Kind::Negation, -4},
    {u"不要", Kind::Negation, -4},
    {u"不需要", Kind::Negation, -4},
    {u"取消", Kind::Negation, -4},
    {u"算了", Kind::Negation, -4},
    {u"不去了", Kind::Negation, -4},
    {u"去不了", Kind::Negation, -4},
    {u"来不了", Kind::Negation, -4},
    {u"退订", Kind::Negation, -4},
    {u"not going", Kind::Negation, -4},
    {u"not doing", Kind::Negation, -4},
    {u"won't make it", Kind::Negation, -4},
    {u"can't go", Kind::Negation, -4},
    // It already happened.
    {u"was", Kind::Past, -3},
    {u"were", Kind::Past, -3},
    {u"already", Kind::Past, -3},
    {u"i booked", Kind::Past, -3},
    {u"we booked", Kind::Past, -3},
    {u"loved", Kind::Past, -3},
    {u"enjoyed", Kind::Past, -3},
    {u"went", Kind::Past, -3},
    {u"stole", Kind::Past, -3},
    {u"thanks for the", Kind::Past, -3},
    {u"thank you for the", Kind::Past, -3},
    {u"transferred", Kind::Past, -3},
    {u"paid", Kind::Past, -3},
    {u"sent the money", Kind::Past, -3},
    {u"已经", Kind::Past, -3},
    {u"转账", Kind::Past, -3},
    {u"付款了", Kind::Past, -3},
    {u"买了", Kind::Past, -2},
    {u"订了", Kind::Past, -2},
    {u"做了", Kind::Past, -2},
    {u"付了", Kind::Past, -2},
    {u"约了", Kind::Past, -2},
    {u"报了", Kind::Past, -2},
    {u"去了", Kind::Past, -2},
    {u"用了", Kind::Past, -2},
    // About a booking that exists.
    {u"change", Kind::Change, -3},
    {u"move it", Kind::Change, -3},
    {u"move my", Kind::Change, -3},
    {u"move the", Kind::Change, -3},
    {u"move us", Kind::Change, -3},
    {u"reschedule", Kind::Change, -3},
    {u"postpone", Kind::Change, -3},
    {u"instead", Kind::Change, -3},
    {u"switch", Kind::Change, -3},
    {u"swap", Kind::Change, -3},
    {u"push it", Kind::Change, -3},
    {u"改", Kind::Change, -3},
    {u"换到", Kind::Change, -3},
    {u"换成", Kind::Change, -3},
    {u"推迟", Kind::Change, -3},
    {u"延期", Kind::Change, -3},
    {u"提前到", Kind::Change, -3},
    // Talking to the group, not to the seller.
    {u"reminder", Kind::Chatter, -3},
    {u"bring your own", Kind::Chatter, -3},
    {u"don't forget", Kind::Chatter, -3},
    {u"dont forget", Kind::Chatter, -3},
    {u"recommend", Kind::Chatter, -3},
    {u"highlight", Kind::Chatter, -3},
    {u"worth it", Kind::Chatter, -3},
    {u"i'll think", Kind::Chatter, -3},
    {u"ill think", Kind::Chatter, -3},
    {u"let you know", Kind::Chatter, -3},
    {u"let u know", Kind::Chatter, -3},
    {u"selling", Kind::Chatter, -3},
    {u"有人", Kind::Chatter, -3},
    {u"推荐", Kind::Chatter, -3},
    {u"记得带", Kind::Chatter, -3},
    {u"提醒", Kind::Chatter, -3},
};

// Only as the first words of a sentence ("Is the trek worth it?", "Anyone selling...").
constexpr Phrase kOpeners[] = {
    {u"what", Kind::Question, -4},     {u"what's", Kind::Question, -4},
    {u"whats", Kind::Question, -4},    {u"when", Kind::Question, -4},
    {u"where", Kind::Question, -4},    {u"which", Kind::Question, -4},
    {u"who", Kind::Question, -4},      {u"who's", Kind::Question, -4},
    {u"whos", Kind::Question, -4},     {u"why", Kind::Question, -4},
    {u"how", Kind::Question, -4},      {u"is", Kind::Question, -4},
    {u"are", Kind::Question, -4},      {u"does", Kind::Question, -4},
    {u"do", Kind::Question, -4},       {u"did", Kind::Question, -4},
    {u"anyone", Kind::Chatter, -3},    {u"anybody", Kind::Chatter, -3},
    {u"should we", Kind::Chatter, -3}, {u"shall we", Kind::Chatter, -3},
};

// Openers that ask in order to book, not to know.
constexpr const char16_t *kBookingQuestions[]
    = {u"is it possible", u"is it too late",    u"is it ok",         u"is it okay",
       u"is there space", u"is there room",     u"is there any",     u"is there availability",
       u"are there any",  u"do you have space", u"do you have room", u"do you have availability",
       u"do you have any"};

constexpr const char16_t *kModals[]
    = {u"can i", u"can we",  u"could i", u"could we", u"can you",  u"could you",
       u"can u", u"could u", u"may i",   u"may we",   u"would you"};
constexpr const char16_t *kOrderVerbs[]
    = {u"get", u"have", u"do",    u"grab",    u"try",     u"join", u"book", u"rent",
       u"buy", u"add",  u"order", u"reserve", u"arrange", u"sign", u"pick", u"drop"};

const QSet<QString> &openerFillers()
{
    static const QSet<QString> words {u"hi"_s,     u"hey"_s, u"hello"_s, u"ok"_s,   u"okay"_s,
                                      u"oh"_s,     u"so"_s,  u"sorry"_s, u"also"_s, u"btw"_s,
                                      u"and"_s,    u"um"_s,  u"hmm"_s,   u"yo"_s,   u"guys"_s,
                                      u"thanks"_s, u"thx"_s, u"老师"_s,  u"教练"_s};
    return words;
}

// A phrase cut into the units it must match (words, or single Han characters).
struct Compiled
{
    QStringList units;
    Kind kind = Kind::Intent;
    int weight = 0;
};

// Phrases indexed by their first unit, built once.
class PhraseTable
{
public:
    template <std::size_t N> explicit PhraseTable(const Phrase (&phrases)[N])
    {
        for (const Phrase &phrase : phrases)
            add(QStringView(phrase.text), phrase.kind, phrase.weight);
    }
    template <std::size_t N> explicit PhraseTable(const char16_t *const (&texts)[N])
    {
        for (const char16_t *text : texts)
            add(QStringView(text), Kind::Intent, 0);
    }
    /// Every phrase that matches at unit i, with its length in units.
    template <typename F> void forEachMatch(const TextUnits &units, qsizetype i, F &&f) const
    {
        const auto candidates = m_byFirst.constFind(units.at(i).text);
        if (candidates == m_byFirst.cend())
            return;
        for (const int index : *candidates) {
            const Compiled &phrase = m_phrases.at(index);
            bool match = true;
            for (qsizetype k = 1; k < phrase.units.size() && match; ++k) {
                match = i + k < units.size() && units.at(i + k).kind != Unit::Kind::Punct
                    && units.at(i + k).text == phrase.units.at(k);
            }
            if (match)
                f(phrase, phrase.units.size());
        }
    }

private:
    void add(QStringView text, Kind kind, int weight)
    {
        Compiled phrase {{}, kind, weight};
        if (!text.isEmpty() && text.front().unicode() >= 0x2E80) {
            for (const QChar c : text)
                phrase.units.append(QString(c));
        } else {
            for (const auto word : text.tokenize(u' ', Qt::SkipEmptyParts))
                phrase.units.append(word.toString());
        }
        m_byFirst[phrase.units.first()].append(int(m_phrases.size()));
        m_phrases.append(phrase);
    }
    QList<Compiled> m_phrases;
    QHash<QString, QList<int>> m_byFirst;
};

} // namespace

QList<CueHit> findCues(const TextUnits &units)
{
    static const PhraseTable phrases(kPhrases);
    static const PhraseTable openers(kOpeners);
    static const PhraseTable bookingQuestions(kBookingQuestions);
    static const PhraseTable modals(kModals);
    static const QSet<QString> orderVerbs = [] {
        QSet<QString> set;
        for (const char16_t *verb : kOrderVerbs)
            set.insert(QString::fromUtf16(verb));
        return set;
    }();

    QList<CueHit> hits;
    int openerSentence = -1;
    for (qsizetype i = 0; i < units.size(); ++i) {
        const Unit &unit = units.at(i);
        if (unit.kind == Unit::Kind::Punct || unit.kind == Unit::Kind::Number)
            continue;
        // Sentence openers: the first word that is not a greeting or filler.
        if (unit.sentence != openerSentence && !openerFillers().contains(unit.text)
            && !(units.isHan(i) && i + 1 < units.size()
                 && openerFillers().contains(unit.text + units.at(i + 1).text))) {
            openerSentence = unit.sentence;
            bool booking = false;
            bookingQuestions.forEachMatch(units, i,
                                          [&](const Compiled &, qsizetype) { booking = true; });
            bool opened = false;
            if (!booking) {
                openers.forEachMatch(units, i, [&](const Compiled &opener, qsizetype n) {
                    if (!opened)
                        hits.append({opener.kind, opener.weight, i, i + n - 1});
                    opened = true;
                });
            }
        }
        modals.forEachMatch(units, i, [&](const Compiled &, qsizetype n) {
            const bool verb = i + n < units.size() && units.at(i + n).kind == Unit::Kind::Word
                && orderVerbs.contains(units.at(i + n).text);
            hits.append({Kind::Intent, verb ? 2 : 1, i, i + n - (verb ? 0 : 1)});
        });
        phrases.forEachMatch(units, i, [&](const Compiled &phrase, qsizetype n) {
            hits.append({phrase.kind, phrase.weight, i, i + n - 1});
        });
    }
    return hits;
}

} // namespace chorus::sales::parsing
