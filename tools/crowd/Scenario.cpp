#include "Scenario.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace chorus::crowd {
namespace {

struct BuiltInLine
{
    const char *kind;
    const char *lang;
    const char *text;
};

// What members of a travel, class or hobby group really send: questions the operator
// should answer, sign-ups for a chain, requests that become orders, and chatter.
const BuiltInLine builtInLines[] = {
    {"question", "en", "Which plug do I need for the hotel?"},
    {"signup", "zh", "+1 接龙"},
    {"order", "en", "Can I book the spa for two on Friday?"},
    {"chatter", "en", "Great photos from today, thanks everyone!"},
    {"question", "zh", "明天几点集合？"},
    {"signup", "en", "+1"},
    {"order", "zh", "我想订明天早上7点的接机"},
    {"chatter", "zh", "今天的课太棒了 👍"},
    {"question", "en", "Is breakfast included tomorrow?"},
    {"signup", "zh", "接龙 +1 我和我太太"},
    {"order", "en", "I'd like two more yoga mats delivered to room 214, please."},
    {"chatter", "en", "See you all at the beach!"},
    {"question", "zh", "下周的课在哪里上？"},
    {"signup", "en", "Count me in for Saturday's hike +1"},
    {"order", "zh", "请帮我预订周六晚上的晚餐，四个人"},
    {"chatter", "zh", "哈哈哈，太好玩了"},
};

} // namespace

QStringList Scenario::kinds()
{
    return {u"question"_s, u"signup"_s, u"order"_s, u"chatter"_s};
}

Scenario Scenario::builtIn(const QStringList &kinds, const QString &lang)
{
    Scenario s;
    for (const BuiltInLine &l : builtInLines) {
        const QString kind = QString::fromLatin1(l.kind);
        const QString language = QString::fromLatin1(l.lang);
        if (!kinds.isEmpty() && !kinds.contains(kind))
            continue;
        if (lang != u"both" && lang != language)
            continue;
        s.m_lines.append({kind, QString::fromUtf8(l.text)});
    }
    return s;
}

std::optional<Scenario> Scenario::fromFile(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = u"cannot read %1: %2"_s.arg(path, f.errorString());
        return std::nullopt;
    }
    Scenario s;
    const QStringList known = kinds();
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const qsizetype colon = line.indexOf(u':');
        const QString kind = colon > 0 ? line.left(colon).trimmed() : QString();
        if (known.contains(kind))
            s.m_lines.append({kind, line.mid(colon + 1).trimmed()});
        else
            s.m_lines.append({u"chatter"_s, line});
    }
    if (s.isEmpty()) {
        *error = u"%1 has no lines to send"_s.arg(path);
        return std::nullopt;
    }
    return s;
}

Scenario::Line Scenario::next()
{
    if (m_lines.isEmpty())
        return {};
    const Line l = m_lines[m_next];
    m_next = (m_next + 1) % int(m_lines.size());
    return l;
}

} // namespace chorus::crowd
