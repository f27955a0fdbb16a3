#pragma once

// A deterministic synthetic chat history: group-chat messages in English, Chinese and a
// mix of both, words drawn with Zipf frequencies (a few very common words, a long tail of
// rare ones, as in real chat), spread over many groups and a year of time.

#include "chat/Types.h"

#include <QString>
#include <QStringList>

#include <random>

namespace chorus::bench {

class Corpus
{
public:
    explicit Corpus(int groups, quint64 seed = 20240601);

    QString groupJid(int index) const;
    /// The next message, in time order; `index` makes its ids unique.
    chat::Message message(qint64 index);
    /// A query like an operator types: a topic word, a name, a phrase they remember, a
    /// two-character Chinese word, a four-character Chinese phrase, or a mix.
    QString query();

private:
    struct Zipf
    {
        QStringList words;
        std::vector<double> cumulative;
        void build(double exponent);
    };
    const QString &pick(const Zipf &z);
    QString englishWord();
    QString chineseWord();
    QString body();

    std::mt19937_64 m_rng;
    Zipf m_enCommon, m_enTail, m_zhCommon, m_zhTail, m_groupActivity;
    int m_groups;
    qint64 m_startMs;
    QStringList m_recentBodies; ///< phrases for queries come from real messages
};

} // namespace chorus::bench
