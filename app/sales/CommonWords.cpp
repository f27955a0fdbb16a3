#include "sales/CommonWords_p.h"

#include <algorithm>
#include <array>

namespace chorus::sales::parsing {

namespace {
// Everyday words of four letters or more (shorter ones are never corrected). A guest who
// writes one of these meant it: "share" is not a typo of "shake", nor "pack" of "pick".
constexpr std::array<const char16_t *, 581> kWords {
    u"able",     u"about",     u"above",     u"actually",  u"after",      u"afternoon", u"again",
    u"against",  u"ahead",     u"airport",   u"almost",    u"alone",      u"along",     u"already",
    u"also",     u"always",    u"amazing",   u"another",   u"answer",     u"anybody",   u"anyone",
    u"anything", u"anyway",    u"anywhere",  u"area",      u"around",     u"arrive",    u"arrived",
    u"asap",     u"away",      u"awesome",   u"baby",      u"back",       u"backpack",  u"bags",
    u"bank",     u"beach",     u"beautiful", u"became",    u"because",    u"become",    u"been",
    u"beer",     u"before",    u"behind",    u"being",     u"believe",    u"best",      u"better",
    u"between",  u"bike",      u"bill",      u"birthday",  u"black",      u"blue",      u"board",
    u"boat",     u"body",      u"book",      u"booked",    u"booking",    u"books",     u"both",
    u"bottle",   u"bought",    u"break",     u"breakfast", u"bring",      u"brother",   u"brought",
    u"brutal",   u"build",     u"busy",      u"call",      u"called",     u"calling",   u"came",
    u"camera",   u"cancel",    u"card",      u"care",      u"case",       u"cash",      u"catch",
    u"cause",    u"certain",   u"chance",    u"change",    u"charge",     u"cheap",     u"check",
    u"chicken",  u"child",     u"children",  u"city",      u"class",      u"clean",     u"clear",
    u"close",    u"closed",    u"club",      u"coach",     u"coffee",     u"cold",      u"come",
    u"comes",    u"coming",    u"cool",      u"copy",      u"corner",     u"cost",      u"could",
    u"couple",   u"course",    u"cousin",    u"crazy",     u"cream",      u"daddy",     u"date",
    u"daughter", u"days",      u"dead",      u"deal",      u"dear",       u"delivered", u"didn",
    u"dinner",   u"does",      u"doesn",     u"doing",     u"done",       u"door",      u"down",
    u"drink",    u"drive",     u"driver",    u"driving",   u"drop",       u"during",    u"each",
    u"early",    u"easy",      u"else",      u"email",     u"enjoy",      u"enough",    u"even",
    u"evening",  u"ever",      u"every",     u"everyone",  u"everything", u"exactly",   u"example",
    u"excited",  u"expensive", u"explain",   u"face",      u"fact",       u"family",    u"fast",
    u"father",   u"feel",      u"feeling",   u"fine",      u"finish",     u"first",     u"fish",
    u"five",     u"flight",    u"food",      u"foot",      u"form",       u"found",     u"four",
    u"free",     u"fresh",     u"friday",    u"fried",     u"friend",     u"friends",   u"from",
    u"front",    u"full",      u"fund",      u"funny",     u"game",       u"gave",      u"gets",
    u"getting",  u"girl",      u"give",      u"given",     u"glad",       u"goes",      u"going",
    u"gone",     u"good",      u"grab",      u"great",     u"group",      u"guess",     u"guide",
    u"guys",     u"hair",      u"half",      u"hand",      u"hang",       u"happen",    u"happy",
    u"hard",     u"hate",      u"have",      u"haven",     u"having",     u"head",      u"hear",
    u"heard",    u"heart",     u"hello",     u"help",      u"here",       u"hers",      u"high",
    u"hiking",   u"hill",      u"hmmm",      u"hold",      u"hole",       u"holiday",   u"home",
    u"hope",     u"hostel",    u"hotel",     u"hour",      u"hours",      u"house",     u"however",
    u"huge",     u"hungry",    u"husband",   u"idea",      u"ideas",      u"inside",    u"instead",
    u"into",     u"island",    u"itself",    u"join",      u"joined",     u"just",      u"keep",
    u"kids",     u"kind",      u"knew",      u"know",      u"lady",       u"land",      u"landing",
    u"lands",    u"large",     u"last",      u"late",      u"later",      u"least",     u"leave",
    u"left",     u"legs",      u"less",      u"lesson",    u"lets",       u"life",      u"like",
    u"line",     u"list",      u"little",    u"live",      u"lobby",      u"local",     u"lock",
    u"long",     u"look",      u"looking",   u"looks",     u"lost",       u"loud",      u"love",
    u"loved",    u"lovely",    u"luck",      u"luggage",   u"lunch",      u"made",      u"make",
    u"makes",    u"making",    u"many",      u"maps",      u"mark",       u"market",    u"mask",
    u"mass",     u"match",     u"mate",      u"mates",     u"maybe",      u"mean",      u"meet",
    u"meeting",  u"message",   u"mind",      u"minute",    u"minutes",    u"miss",      u"mode",
    u"money",    u"month",     u"more",      u"morning",   u"most",       u"mother",    u"move",
    u"much",     u"must",      u"myself",    u"name",      u"near",       u"need",      u"needs",
    u"never",    u"next",      u"nice",      u"night",     u"nights",     u"none",      u"noon",
    u"normal",   u"note",      u"notes",     u"nothing",   u"number",     u"office",    u"okay",
    u"once",     u"only",      u"open",      u"other",     u"others",     u"ours",      u"over",
    u"pack",     u"packed",    u"packs",     u"paid",      u"paper",      u"park",      u"part",
    u"party",    u"pass",      u"past",      u"paying",    u"people",     u"perfect",   u"person",
    u"phone",    u"photo",     u"photos",    u"pick",      u"picked",     u"pickup",    u"place",
    u"plan",     u"plans",     u"play",      u"please",    u"plus",       u"pool",      u"post",
    u"pretty",   u"price",     u"private",   u"problem",   u"pull",       u"pushed",    u"queue",
    u"quick",    u"quite",     u"rain",      u"rate",      u"read",       u"ready",     u"real",
    u"really",   u"reason",    u"remember",  u"reminder",  u"rent",       u"rest",      u"rice",
    u"ride",     u"right",     u"road",      u"room",      u"round",      u"rule",      u"safe",
    u"said",     u"same",      u"save",      u"says",      u"seafood",    u"seat",      u"second",
    u"seen",     u"sell",      u"selling",   u"send",      u"sent",       u"shade",     u"shake",
    u"share",    u"shared",    u"sharp",     u"ship",      u"shoes",      u"shop",      u"short",
    u"should",   u"show",      u"shower",    u"side",      u"sign",       u"since",     u"single",
    u"sister",   u"sitting",   u"size",      u"skin",      u"sleep",      u"slow",      u"small",
    u"snack",    u"some",      u"someone",   u"something", u"sometimes",  u"soon",      u"sorry",
    u"sound",    u"soup",      u"space",     u"speak",     u"special",    u"spot",      u"start",
    u"started",  u"stay",      u"still",     u"stop",      u"store",      u"story",     u"street",
    u"strong",   u"stuff",     u"such",      u"suitcase",  u"suitcases",  u"sunday",    u"super",
    u"sure",     u"swim",      u"table",     u"take",      u"taken",      u"takes",     u"taking",
    u"talk",     u"tall",      u"taste",     u"taxi",      u"team",       u"tell",      u"tells",
    u"than",     u"thank",     u"thanks",    u"that",      u"thats",      u"their",     u"them",
    u"then",     u"there",     u"these",     u"they",      u"thing",      u"things",    u"think",
    u"this",     u"those",     u"though",    u"three",     u"through",    u"thursday",  u"ticket",
    u"time",     u"tips",      u"tired",     u"today",     u"together",   u"told",      u"tomorrow",
    u"tonight",  u"took",      u"tour",      u"town",      u"track",      u"train",     u"travel",
    u"tried",    u"trip",      u"true",      u"trust",     u"tuesday",    u"turn",      u"twice",
    u"under",    u"until",     u"upon",      u"used",      u"very",       u"villa",     u"visit",
    u"visiting", u"wait",      u"waiting",   u"wake",      u"walk",       u"wall",      u"want",
    u"wanted",   u"wants",     u"warm",      u"wash",      u"watch",      u"water",     u"ways",
    u"wear",     u"weather",   u"week",      u"weekend",   u"well",       u"went",      u"were",
    u"what",     u"when",      u"where",     u"which",     u"while",      u"white",     u"whole",
    u"wife",     u"will",      u"wine",      u"wish",      u"with",       u"without",   u"woman",
    u"wonder",   u"word",      u"work",      u"worth",     u"would",      u"write",     u"wrong",
    u"yeah",     u"year",      u"years",     u"yellow",    u"yesterday",  u"your",      u"yours",
};
} // namespace

bool isCommonEnglishWord(QStringView word)
{
    return std::binary_search(kWords.begin(), kWords.end(), word, [](const auto &a, const auto &b) {
        return QStringView(a) < QStringView(b);
    });
}

} // namespace chorus::sales::parsing
