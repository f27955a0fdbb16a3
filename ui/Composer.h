#pragma once

#include <QPlainTextEdit>

class QCompleter;
class QStringListModel;

namespace chorus::ui {

/// Where the operator writes: Enter sends, Shift+Enter starts a new line, "@" completes
/// member nicks, a pasted or dropped image becomes an upload, and "/" at the start is
/// handed to whoever provides canned replies.
class Composer : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit Composer(QWidget *parent = nullptr);

    void setMemberNicks(const QStringList &nicks);
    QStringList memberNicks() const;
    QCompleter *mentionCompleter() const { return m_completer; }

    /// The text to send, trimmed.
    QString message() const;

Q_SIGNALS:
    void sendRequested(const QString &text);
    /// A file or a pasted image (saved to a temporary file) to upload and share.
    /// A file to share; `temporary` when the composer made it (a pasted image) and it
    /// should be deleted once sent.
    void attachRequested(const QString &filePath, bool temporary);
    /// The text starts with "/" (canned replies open a popup); empty when it no longer does.
    void slashPrefixChanged(const QString &prefix);
    void cancelRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;

private:
    void updateCompletion();
    void insertCompletion(const QString &nick);
    QString mentionPrefix(int *start) const;
    void adjustHeight();

    QCompleter *m_completer;
    QStringListModel *m_nicks;
    QString m_lastSlash;
};

} // namespace chorus::ui
