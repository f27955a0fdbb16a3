#pragma once

#include "chat/Types.h"

#include <QStringList>

namespace chorus::workspace {

/// Why a message probably waits for the operator.
struct AttentionReasons
{
    bool mention = false;   ///< names the operator
    bool question = false;  ///< asks something (?, ？, question words in English or Chinese)
    QStringList keywords;   ///< operator-defined words it contains (help, urgent, 紧急...)

    bool any() const { return mention || question || !keywords.isEmpty(); }
};

/// Decides which group messages likely wait for an answer. Heuristic on purpose: a
/// false alarm costs a click, a missed question costs a guest.
class AttentionDetector
{
public:
    AttentionDetector();

    void setKeywords(const QStringList &keywords);
    QStringList keywords() const { return m_keywords; }
    static QStringList defaultKeywords();

    /// Messages from the operator themselves never need attention.
    AttentionReasons classify(const chat::Message &message, const QString &ownNick) const;

    static bool looksLikeQuestion(const QString &text);
    static bool mentions(const QString &text, const QString &nick);

private:
    QStringList m_keywords;
};

} // namespace chorus::workspace
