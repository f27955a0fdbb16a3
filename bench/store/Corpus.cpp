#include "Corpus.h"

#include "store/TextIndex.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace chorus::bench {
namespace {

// Words of group chats about classes, trips and orders (ordered by rough frequency).
const char *const kEnglish =
    "the a to you i is it and for in of on we this that be at can will are my with have your "
    "do not what how when there class today tomorrow time please thanks thank ok yes no good "
    "great see pay price order book booking trip hotel room yoga lesson teacher student "
    "homework question answer meet meeting morning evening tonight week weekend ticket bus "
    "airport flight refund cancel change sign up join list late early help need want know "
    "where who why here now later sure sorry hello hi everyone group photo link share done "
    "free available menu delivery payment invoice schedule reminder address breakfast dinner "
    "lunch coffee tour guide museum beach mountain train station passport visa deposit "
    "discount coupon member renewal practice exercise stretch breathe interview resume "
    "vocabulary grammar pronunciation chapter exam score result congratulations welcome";
const char *const kChinese =
    "我们 你们 明天 今天 报名 老师 上课 价格 多少 时间 地点 酒店 机场 接送 退款 取消 谢谢 好的 "
    "可以 没问题 请问 大家 集合 下午 上午 晚上 周末 作业 练习 瑜伽 课程 签到 接龙 成语 面试 订单 "
    "付款 发货 快递 地址 电话 房间 早餐 门票 导游 行程 天气 下雨 注意 安全 准时 迟到 请假 群里 "
    "照片 链接 分享 完成 免费 优惠 折扣 会员 续费 活动 同学 家长 学习 考试 成绩 恭喜 欢迎 护照 "
    "签证 押金 航班 火车 海边 爬山 博物馆 咖啡 午饭 晚饭 发票 提醒 安排";
const char *const kHan =
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说"
    "产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使"
    "点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明"
    "看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料"
    "象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指"
    "几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶";
const char *const kSyllables =
    "ba be bi bo bu ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru "
    "sa se si so su ta te ti to tu va ve vi vo za ze zi zo";

QStringList split(const char *text)
{
    return QString::fromUtf8(text).split(u' ', Qt::SkipEmptyParts);
}

} // namespace

void Corpus::Zipf::build(double exponent)
{
    cumulative.resize(words.size());
    double sum = 0;
    for (qsizetype i = 0; i < words.size(); ++i) {
        sum += 1.0 / std::pow(double(i + 1), exponent);
        cumulative[i] = sum;
    }
}

Corpus::Corpus(int groups, quint64 seed)
    : m_rng(seed), m_groups(groups), m_startMs(QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC)
                                                   .toMSecsSinceEpoch())
{
    m_enCommon.words = split(kEnglish);
    m_zhCommon.words = split(kChinese);
    const QStringList syllables = split(kSyllables);
    const QString han = QString::fromUtf8(kHan);
    QSet<QString> tail;
    while (tail.size() < 20000) {
        QString w;
        for (int n = 2 + int(m_rng() % 3); n > 0; --n)
            w += syllables.at(qsizetype(m_rng() % syllables.size()));
        tail.insert(w);
    }
    m_enTail.words = tail.values();
    std::sort(m_enTail.words.begin(), m_enTail.words.end());
    std::shuffle(m_enTail.words.begin(), m_enTail.words.end(), m_rng);
    tail.clear();
    while (tail.size() < 30000)
        tail.insert(QString(han.at(qsizetype(m_rng() % han.size())))
                    + han.at(qsizetype(m_rng() % han.size())));
    m_zhTail.words = tail.values();
    std::sort(m_zhTail.words.begin(), m_zhTail.words.end());
    std::shuffle(m_zhTail.words.begin(), m_zhTail.words.end(), m_rng);
    m_enCommon.build(1.0);
    m_zhCommon.build(1.0);
    m_enTail.build(1.0);
    m_zhTail.build(1.0);
    for (int g = 0; g < groups; ++g)
        m_groupActivity.words << QString::number(g);
    m_groupActivity.build(0.8); // a few busy groups, many quiet ones
}

const QString &Corpus::pick(const Zipf &z)
{
    const double x = std::uniform_real_distribution<double>(0, z.cumulative.back())(m_rng);
    const auto it = std::upper_bound(z.cumulative.begin(), z.cumulative.end(), x);
    return z.words.at(std::min<qsizetype>(it - z.cumulative.begin(), z.words.size() - 1));
}

QString Corpus::englishWord()
{
    return (m_rng() % 10 < 7) ? pick(m_enCommon) : pick(m_enTail);
}

QString Corpus::chineseWord()
{
    return (m_rng() % 10 < 6) ? pick(m_zhCommon) : pick(m_zhTail);
}

QString Corpus::body()
{
    const auto between = [&](int lo, int hi) { return lo + int(m_rng() % (hi - lo + 1)); };
    const int kind = int(m_rng() % 100);
    QString text;
    if (kind < 35) {
        QStringList words;
        for (int n = between(2, 14); n > 0; --n)
            words << englishWord();
        text = words.join(u' ');
        text[0] = text[0].toUpper();
        text += QStringList{u"."_s, u"?"_s, u"!"_s, QString()}.at(between(0, 3));
    } else if (kind < 85) {
        for (int n = between(2, 12); n > 0; --n)
            text += chineseWord();
        text += QStringList{u"。"_s, u"？"_s, u"！"_s, QString()}.at(between(0, 3));
    } else {
        for (int n = between(1, 5); n > 0; --n)
            text += chineseWord();
        for (int n = between(1, 4); n > 0; --n)
            text += u' ' + englishWord();
        text += u' ';
        for (int n = between(1, 4); n > 0; --n)
            text += chineseWord();
    }
    return text;
}

QString Corpus::groupJid(int index) const
{
    return u"group%1@conference.example.org"_s.arg(index);
}

chat::Message Corpus::message(qint64 index)
{
    chat::Message m;
    const int group = pick(m_groupActivity).toInt();
    const int member = int(m_rng() % 50);
    m.groupId = groupJid(group);
    m.archiveId = m.groupId;
    m.stanzaId = u"st-%1"_s.arg(index, 10, 36);
    m.originId = (m_rng() % 10 < 8) ? u"or-%1"_s.arg(index, 10, 36) : QString();
    m.id = m.originId.isEmpty() ? u"id-%1"_s.arg(index, 10, 36) : m.originId;
    m.senderNick = u"member%1"_s.arg(member);
    m.senderOccupantId = u"occ-%1-%2"_s.arg(group).arg(member);
    // One message every 30 s across all groups (a million is a year); MAM stamps have
    // second precision.
    m.timestamp = QDateTime::fromMSecsSinceEpoch(m_startMs + index * 30000, Qt::UTC);
    m.body = body();
    if (m_recentBodies.size() < 5000 && m_rng() % 50 == 0)
        m_recentBodies << m.body;
    return m;
}

QString Corpus::query()
{
    const int kind = int(m_rng() % 100);
    const auto fromBody = [&](bool chinese) -> QString {
        for (int attempt = 0; attempt < 50 && !m_recentBodies.isEmpty(); ++attempt) {
            const QString &b = m_recentBodies.at(qsizetype(m_rng() % m_recentBodies.size()));
            if (chinese) {
                // Four consecutive Han characters somewhere in the message.
                for (qsizetype at = 0; at + 4 <= b.size(); ++at) {
                    bool han = true;
                    for (qsizetype k = 0; k < 4 && han; ++k)
                        han = store::text::isCjk(b.at(at + k).unicode());
                    if (han && m_rng() % 3 == 0)
                        return b.mid(at, 4);
                }
            } else {
                const QStringList words = b.split(u' ', Qt::SkipEmptyParts);
                if (words.size() >= 3 && words.at(0).at(0).isLetter()
                    && !store::text::isCjk(words.at(0).at(0).unicode())) {
                    const qsizetype at = qsizetype(m_rng() % (words.size() - 1));
                    return u"\"%1 %2\""_s.arg(words.at(at), words.at(at + 1))
                        .remove(QRegularExpression(u"[.?!]"_s));
                }
            }
        }
        return pick(m_enCommon);
    };
    // Topic words people look up (not "the"), names, phrases, Chinese words and phrases.
    if (kind < 25)
        return m_enCommon.words.at(qsizetype(40 + m_rng() % (m_enCommon.words.size() - 40)));
    if (kind < 35)
        return pick(m_enTail);
    if (kind < 45)
        return fromBody(false);
    if (kind < 65)
        return (m_rng() % 2) ? m_zhCommon.words.at(qsizetype(m_rng() % m_zhCommon.words.size()))
                             : pick(m_zhTail);
    if (kind < 85)
        return fromBody(true);
    return m_zhCommon.words.at(qsizetype(m_rng() % m_zhCommon.words.size())) + u' '
        + m_enCommon.words.at(qsizetype(40 + m_rng() % (m_enCommon.words.size() - 40)));
}

} // namespace chorus::bench
