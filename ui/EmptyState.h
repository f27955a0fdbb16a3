#pragma once

#include <QWidget>

class QLabel;

namespace chorus::ui {

/// What an empty pane shows: a title and a sentence saying what will appear there.
class EmptyState : public QWidget
{
    Q_OBJECT
public:
    EmptyState(const QString &title, const QString &text, QWidget *parent = nullptr);

    QString title() const;
    QString text() const;
    void setTexts(const QString &title, const QString &text);

private:
    QLabel *m_title;
    QLabel *m_text;
};

} // namespace chorus::ui
