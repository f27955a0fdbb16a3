#include "ui/Composer.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QDir>
#include <QImage>
#include <QKeyEvent>
#include <QMimeData>
#include <QStandardPaths>
#include <QScrollBar>
#include <QStringListModel>
#include <QTemporaryFile>
#include <QTextBlock>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace chorus::ui {

Composer::Composer(QWidget *parent)
    : QPlainTextEdit(parent), m_completer(new QCompleter(this)), m_nicks(new QStringListModel(this))
{
    setObjectName(u"composer"_s);
    setAccessibleName(tr("Message"));
    setTabChangesFocus(true);
    setPlaceholderText(tr("Write a message"));
    m_completer->setModel(m_nicks);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchStartsWith);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setWidget(this);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            &Composer::insertCompletion);
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        adjustHeight();
        const QString text = toPlainText();
        const QString slash = text.startsWith(u'/') && !text.contains(u'\n')
                                  ? text.section(u' ', 0, 0)
                                  : QString();
        if (slash != m_lastSlash) {
            m_lastSlash = slash;
            Q_EMIT slashPrefixChanged(slash);
        }
    });
    adjustHeight();
}

void Composer::setMemberNicks(const QStringList &nicks)
{
    m_nicks->setStringList(nicks);
}

QStringList Composer::memberNicks() const
{
    return m_nicks->stringList();
}

QString Composer::message() const
{
    return toPlainText().trimmed();
}

QString Composer::mentionPrefix(int *start) const
{
    const QTextCursor cursor = textCursor();
    const QString block = cursor.block().text();
    const int pos = cursor.positionInBlock();
    int at = pos - 1;
    while (at >= 0 && !block.at(at).isSpace() && block.at(at) != u'@')
        --at;
    if (at < 0 || block.at(at) != u'@' || (at > 0 && !block.at(at - 1).isSpace()))
        return {};
    if (start)
        *start = cursor.block().position() + at;
    return block.mid(at + 1, pos - at - 1);
}

void Composer::updateCompletion()
{
    int start = 0;
    const QString prefix = mentionPrefix(&start);
    if (prefix.isNull() || m_nicks->rowCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->setCompletionPrefix(prefix);
    if (m_completer->completionCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    QRect rect = cursorRect();
    rect.setWidth(m_completer->popup()->sizeHintForColumn(0)
                  + m_completer->popup()->verticalScrollBar()->sizeHint().width() + 16);
    m_completer->complete(rect);
    m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
}

void Composer::insertCompletion(const QString &nick)
{
    int start = 0;
    if (mentionPrefix(&start).isNull())
        return;
    QTextCursor cursor = textCursor();
    cursor.setPosition(start, QTextCursor::MoveAnchor);
    cursor.setPosition(textCursor().position(), QTextCursor::KeepAnchor);
    cursor.insertText(u'@' + nick + u' ');
    setTextCursor(cursor);
}

void Composer::keyPressEvent(QKeyEvent *event)
{
    QAbstractItemView *popup = m_completer->popup();
    if (popup->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Tab:
            if (popup->currentIndex().isValid()) {
                insertCompletion(popup->currentIndex().data().toString());
                popup->hide();
                event->accept();
                return;
            }
            break;
        case Qt::Key_Escape:
            popup->hide();
            event->accept();
            return;
        default:
            break;
        }
    }
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && !(event->modifiers() & Qt::ShiftModifier)) {
        const QString text = message();
        if (!text.isEmpty())
            Q_EMIT sendRequested(text);
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Escape) {
        Q_EMIT cancelRequested();
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
    updateCompletion();
}

bool Composer::canInsertFromMimeData(const QMimeData *source) const
{
    return source->hasImage() || source->hasUrls() || QPlainTextEdit::canInsertFromMimeData(source);
}

void Composer::insertFromMimeData(const QMimeData *source)
{
    if (source->hasUrls()) {
        bool attached = false;
        for (const QUrl &url : source->urls()) {
            if (url.isLocalFile()) {
                Q_EMIT attachRequested(url.toLocalFile(), false);
                attached = true;
            }
        }
        if (attached)
            return;
    }
    if (source->hasImage()) {
        const QImage image = qvariant_cast<QImage>(source->imageData());
        QTemporaryFile file(QDir::tempPath() + u"/chorus-paste-XXXXXX.png"_s);
        file.setAutoRemove(false);
        if (!image.isNull() && file.open() && image.save(&file, "PNG")) {
            Q_EMIT attachRequested(file.fileName(), true);
            return;
        }
    }
    QPlainTextEdit::insertFromMimeData(source);
}

void Composer::adjustHeight()
{
    // Grow with the text up to six lines, then scroll.
    const int lines = qBound(1, int(document()->size().height()), 6);
    const int height = fontMetrics().lineSpacing() * lines + int(document()->documentMargin() * 2)
                       + frameWidth() * 2 + 4;
    setFixedHeight(height);
}

} // namespace chorus::ui
