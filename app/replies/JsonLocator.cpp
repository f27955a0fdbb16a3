#include "replies/JsonLocator.h"

using namespace Qt::StringLiterals;

namespace chorus::replies {

JsonLocator::JsonLocator(const QString &text) : m_text(text)
{
    skipWhitespace();
    value(QString());
}

qsizetype JsonLocator::offsetOf(const QString &path) const
{
    QString p = path;
    while (true) {
        if (const auto it = m_offsets.constFind(p); it != m_offsets.cend())
            return *it;
        if (p.isEmpty())
            return 0;
        p = parentPath(p);
    }
}

QString JsonLocator::parentPath(const QString &path)
{
    const qsizetype cut = std::max(path.lastIndexOf(u'.'), path.lastIndexOf(u'['));
    return cut < 0 ? QString() : path.left(cut);
}

void JsonLocator::skipWhitespace()
{
    while (m_pos < m_text.size()) {
        const QChar c = m_text.at(m_pos);
        if (c != u' ' && c != u'\t' && c != u'\n' && c != u'\r')
            break;
        ++m_pos;
    }
}

QString JsonLocator::string()
{
    // At the opening quote. Keys need decoding (they become path parts); values are
    // only skipped, but decoding them too keeps one code path.
    QString out;
    ++m_pos;
    while (m_pos < m_text.size() && m_text.at(m_pos) != u'"') {
        QChar c = m_text.at(m_pos++);
        if (c == u'\\' && m_pos < m_text.size()) {
            const QChar e = m_text.at(m_pos++);
            switch (e.unicode()) {
            case 'n':
                c = u'\n';
                break;
            case 't':
                c = u'\t';
                break;
            case 'r':
                c = u'\r';
                break;
            case 'b':
                c = u'\b';
                break;
            case 'f':
                c = u'\f';
                break;
            case 'u':
                c = QChar(char16_t(m_text.mid(m_pos, 4).toUShort(nullptr, 16)));
                m_pos += 4;
                break;
            default:
                c = e;
                break;
            }
        }
        out.append(c);
    }
    ++m_pos; // closing quote
    return out;
}

void JsonLocator::value(const QString &path)
{
    if (m_pos >= m_text.size())
        return;
    m_offsets.insert(path, m_pos);
    const QChar c = m_text.at(m_pos);
    if (c == u'{') {
        ++m_pos;
        while (true) {
            skipWhitespace();
            if (m_pos >= m_text.size() || m_text.at(m_pos) == u'}')
                break;
            if (m_text.at(m_pos) == u',') {
                ++m_pos;
                continue;
            }
            const QString key = string();
            skipWhitespace();
            ++m_pos; // ':'
            skipWhitespace();
            value(path.isEmpty() ? key : path + u'.' + key);
        }
        ++m_pos;
    } else if (c == u'[') {
        ++m_pos;
        int index = 0;
        while (true) {
            skipWhitespace();
            if (m_pos >= m_text.size() || m_text.at(m_pos) == u']')
                break;
            if (m_text.at(m_pos) == u',') {
                ++m_pos;
                continue;
            }
            value(path + u'[' + QString::number(index++) + u']');
        }
        ++m_pos;
    } else if (c == u'"') {
        string();
    } else {
        while (m_pos < m_text.size()) {
            const QChar d = m_text.at(m_pos);
            if (d == u',' || d == u'}' || d == u']' || d.isSpace())
                break;
            ++m_pos;
        }
    }
}

} // namespace chorus::replies
