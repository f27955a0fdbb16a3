#include "store/TextIndex.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace chorus::store::text {
namespace {

// Calls f(codePoint, utf16Index, utf16Length) for each code point of `s`.
template <typename F>
void forEachCodePoint(const QString &s, F f)
{
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n;) {
        const QChar c = s.at(i);
        if (c.isHighSurrogate() && i + 1 < n && s.at(i + 1).isLowSurrogate()) {
            f(QChar::surrogateToUcs4(c, s.at(i + 1)), i, 2);
            i += 2;
        } else {
            f(char32_t(c.unicode()), i, 1);
            ++i;
        }
    }
}

int codePointCount(const QString &s)
{
    int count = 0;
    forEachCodePoint(s, [&](char32_t, qsizetype, int) { ++count; });
    return count;
}

} // namespace

bool isCjk(char32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF)     // CJK unified ideographs
        || (c >= 0x3400 && c <= 0x4DBF)     // extension A
        || (c >= 0x20000 && c <= 0x3134F)   // extensions B-G
        || (c >= 0xF900 && c <= 0xFAFF)     // compatibility ideographs
        || (c >= 0x3040 && c <= 0x30FF)     // hiragana, katakana
        || (c >= 0x31F0 && c <= 0x31FF)     // katakana extensions
        || (c >= 0xAC00 && c <= 0xD7AF)     // Hangul syllables
        || (c >= 0x1100 && c <= 0x11FF)     // Hangul jamo
        || (c >= 0x3130 && c <= 0x318F);    // Hangul compatibility jamo
}

SearchText searchText(const QString &body)
{
    SearchText out;
    QString run; // the current CJK run
    int runLength = 0;
    qsizetype lastStart = 0;
    const auto flush = [&] {
        if (runLength == 0)
            return;
        out.words += u' ';
        if (runLength == 1) {
            out.words += run;
        } else {
            // Bigrams: each code point with the next one.
            qsizetype prev = -1;
            int prevLength = 0;
            bool first = true;
            forEachCodePoint(run, [&](char32_t, qsizetype at, int length) {
                if (prev >= 0) {
                    if (!first)
                        out.words += u' ';
                    out.words += QStringView(run).mid(prev, prevLength + length);
                    first = false;
                }
                prev = at;
                prevLength = length;
            });
            if (!out.tails.isEmpty())
                out.tails += u' ';
            out.tails += QStringView(run).mid(lastStart);
        }
        out.words += u' ';
        run.clear();
        runLength = 0;
    };
    forEachCodePoint(body, [&](char32_t c, qsizetype at, int length) {
        if (isCjk(c)) {
            lastStart = run.size();
            run += QStringView(body).mid(at, length);
            ++runLength;
        } else {
            flush();
            out.words += QStringView(body).mid(at, length);
        }
    });
    flush();
    return out;
}

QList<Term> parseQuery(const QString &query)
{
    QList<Term> terms;
    QString current;
    bool quoted = false;
    const auto flush = [&] {
        const QString t = current.trimmed();
        current.clear();
        if (t.isEmpty())
            return;
        Term term{t, codePointCount(t), false, {}};
        bool hasWordChar = false;
        int cjkRun = 0;  // length of the CJK run the term ends with
        int lastWord = 0; // length of the Latin word or number it ends with
        forEachCodePoint(t, [&](char32_t c, qsizetype, int) {
            const bool cjk = isCjk(c);
            const bool word = !cjk && QChar::isLetterOrNumber(c);
            cjkRun = cjk ? cjkRun + 1 : 0;
            lastWord = word ? lastWord + 1 : 0;
            hasWordChar = hasWordChar || cjk || word;
        });
        term.indexed = hasWordChar && (term.length >= 2 || cjkRun == 1);
        if (term.indexed) {
            // The last token matches by prefix only where that is needed and cheap: FTS5
            // merges every doclist a prefix matches before it can return anything, so
            // "a*" would read half the index. A lone CJK character at the end may go on
            // in the message ("A级" in "A级课"; "钱" anywhere in a bigram); a Latin word of
            // four letters or more finds its longer forms ("refu", "refund" → "refunds").
            // Shorter words and complete bigrams match exactly.
            const bool prefix = cjkRun == 1 || lastWord >= 4;
            term.match = ftsPhrase(searchText(t).words.simplified());
            if (prefix)
                term.match += u" *"_s;
        }
        terms.append(term);
    };
    for (const QChar c : query) {
        if (c == u'"') {
            flush();
            quoted = !quoted;
        } else if (!quoted && c.isSpace()) {
            flush();
        } else {
            current += c;
        }
    }
    flush();
    return terms;
}

QString ftsPhrase(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'"', u"\"\""_s);
    return u'"' + escaped + u'"';
}

QString asciiLower(const QString &text)
{
    QString out = text;
    for (QChar &c : out) {
        if (c >= u'A' && c <= u'Z')
            c = QChar(c.unicode() + 32);
    }
    return out;
}

Snippet makeSnippet(const QString &body, const QStringList &terms, int maxChars)
{
    QList<Highlight> found;
    for (const QString &term : terms) {
        if (term.isEmpty())
            continue;
        for (qsizetype at = body.indexOf(term, 0, Qt::CaseInsensitive); at >= 0;
             at = body.indexOf(term, at + term.size(), Qt::CaseInsensitive)) {
            found.append({int(at), int(term.size())});
        }
    }
    std::sort(found.begin(), found.end(),
              [](const Highlight &a, const Highlight &b) { return a.start < b.start; });
    QList<Highlight> merged;
    for (const Highlight &h : std::as_const(found)) {
        if (!merged.isEmpty() && h.start <= merged.last().start + merged.last().length) {
            Highlight &last = merged.last();
            last.length = std::max(last.start + last.length, h.start + h.length) - last.start;
        } else {
            merged.append(h);
        }
    }

    if (body.size() <= maxChars)
        return {body, merged};

    const auto safe = [&](qsizetype at) {
        // Never cut a surrogate pair in two.
        if (at > 0 && at < body.size() && body.at(at).isLowSurrogate())
            --at;
        return at;
    };
    const qsizetype anchor = merged.isEmpty() ? 0 : merged.first().start;
    qsizetype start = safe(std::max<qsizetype>(0, anchor - maxChars / 3));
    qsizetype end = safe(std::min<qsizetype>(body.size(), start + maxChars));
    if (end == body.size())
        start = safe(std::max<qsizetype>(0, end - maxChars));

    Snippet snippet;
    const QString ellipsis = u"…"_s;
    if (start > 0)
        snippet.text = ellipsis;
    const int offset = int(snippet.text.size() - start);
    snippet.text += QStringView(body).mid(start, end - start);
    if (end < body.size())
        snippet.text += ellipsis;
    for (const Highlight &h : std::as_const(merged)) {
        const qsizetype from = std::max<qsizetype>(h.start, start);
        const qsizetype to = std::min<qsizetype>(h.start + h.length, end);
        if (from < to)
            snippet.highlights.append({int(from + offset), int(to - from)});
    }
    return snippet;
}

} // namespace chorus::store::text
