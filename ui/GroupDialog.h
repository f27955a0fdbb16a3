#pragma once

#include "chat/Types.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace chorus::ui {

/// Create a group (with the seeds' defaults), add an existing one by address, or edit a
/// group's name, tags and time zone.
class GroupDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { Create, Add, Edit };

    GroupDialog(Mode mode, const chat::Group &group = {}, QWidget *parent = nullptr);

    /// The group as entered; valid only after accept().
    chat::Group group() const { return m_result; }
    Mode mode() const { return m_mode; }

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *addressEdit() const { return m_address; }
    QLineEdit *tagsEdit() const { return m_tags; }
    QComboBox *timeZoneBox() const { return m_zone; }
    QLabel *errorLabel() const { return m_error; }
    /// Shows why the server refused (the dialog stays open to correct it).
    void showError(const QString &message);

    /// "Bali arrivals 2026" -> "bali-arrivals-2026"; empty when nothing Latin remains.
    static QString slugFor(const QString &name);
    static QStringList parseTags(const QString &text);

Q_SIGNALS:
    /// The operator confirmed; the caller performs the request and calls accept() or
    /// showError().
    void submitted(const chorus::chat::Group &group);

private:
    void submit();

    Mode m_mode;
    chat::Group m_original;
    chat::Group m_result;
    QLineEdit *m_name;
    QLineEdit *m_address;
    QLineEdit *m_tags;
    QComboBox *m_zone;
    QLabel *m_error;
    QPushButton *m_ok;
    bool m_addressEdited = false;
};

} // namespace chorus::ui
