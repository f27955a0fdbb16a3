#include "ui/GroupDialog.h"

#include "workspace/Workspace.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimeZone>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace chorus::ui {

QString GroupDialog::slugFor(const QString &name)
{
    QString slug;
    for (const QChar c : name.normalized(QString::NormalizationForm_KD).toLower()) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'))
            slug += c;
        else if ((c.isSpace() || c == u'-' || c == u'_' || c == u'.') && !slug.endsWith(u'-'))
            slug += u'-';
    }
    while (slug.endsWith(u'-'))
        slug.chop(1);
    while (slug.startsWith(u'-'))
        slug.remove(0, 1);
    return slug.left(48);
}

QStringList GroupDialog::parseTags(const QString &text)
{
    QStringList tags;
    static const QRegularExpression separators(u"[,，;；\\s]+"_s);
    for (QString tag : text.split(separators, Qt::SkipEmptyParts)) {
        if (tag.startsWith(u'#'))
            tag.remove(0, 1);
        if (!tag.isEmpty() && !tags.contains(tag, Qt::CaseInsensitive))
            tags << tag;
    }
    return tags;
}

GroupDialog::GroupDialog(Mode mode, const chat::Group &group, QWidget *parent)
    : QDialog(parent), m_mode(mode), m_original(group), m_name(new QLineEdit(this)),
      m_address(new QLineEdit(this)), m_tags(new QLineEdit(this)), m_zone(new QComboBox(this)),
      m_error(new QLabel(this)), m_ok(new QPushButton(this))
{
    setObjectName(u"groupDialog"_s);
    switch (mode) {
    case Mode::Create:
        setWindowTitle(tr("New group"));
        m_ok->setText(tr("&Create"));
        break;
    case Mode::Add:
        setWindowTitle(tr("Add an existing group"));
        m_ok->setText(tr("&Add and join"));
        break;
    case Mode::Edit:
        setWindowTitle(tr("Group settings"));
        m_ok->setText(tr("&Save"));
        break;
    }
    m_name->setAccessibleName(tr("Name"));
    m_address->setAccessibleName(tr("Address"));
    m_tags->setAccessibleName(tr("Tags"));
    m_zone->setAccessibleName(tr("Time zone"));
    m_name->setPlaceholderText(tr("Bali arrivals, Yoga Monday 7pm, HSK3 evening…"));
    m_tags->setPlaceholderText(tr("destination, class, cohort… separated by commas"));
    m_address->setPlaceholderText(mode == Mode::Add ? tr("group@conference.example.org")
                                                    : tr("made from the name"));
    m_name->setText(group.name);
    m_address->setText(group.id);
    m_address->setReadOnly(mode == Mode::Edit);
    m_tags->setText(group.tags.join(u", "_s));

    QStringList zones;
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        zones << QString::fromUtf8(id);
    m_zone->addItems(zones);
    m_zone->setEditable(true);
    m_zone->completer()->setFilterMode(Qt::MatchContains);
    m_zone->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_zone->setCurrentText(group.timeZone.isEmpty()
                               ? QString::fromUtf8(QTimeZone::systemTimeZoneId())
                               : group.timeZone);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("A&ddress:"), m_address);
    form->addRow(tr("&Tags:"), m_tags);
    form->addRow(tr("Time &zone:"), m_zone);

    auto *layout = new QVBoxLayout(this);
    if (mode == Mode::Create) {
        auto *rules = new QLabel(
            tr("New groups follow the rules of a trusted group: people join by invitation or QR "
               "code, the open invitation closes at 100 members, the group holds at most 500, "
               "nicknames hide members' accounts and newcomers don't see earlier messages. You "
               "can change these later in the group's settings."),
            this);
        rules->setWordWrap(true);
        rules->setForegroundRole(QPalette::PlaceholderText);
        layout->addWidget(rules);
        connect(m_name, &QLineEdit::textChanged, this, [this](const QString &name) {
            if (!m_addressEdited)
                m_address->setText(slugFor(name));
        });
        connect(m_address, &QLineEdit::textEdited, this, [this] { m_addressEdited = true; });
    }
    layout->addLayout(form);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #c62828;"_s);
    m_error->hide();
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_ok, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    m_ok->setDefault(true);
    connect(m_ok, &QPushButton::clicked, this, &GroupDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(480);
}

void GroupDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    m_ok->setEnabled(true);
}

void GroupDialog::submit()
{
    const QString name = m_name->text().trimmed();
    QString address = m_address->text().trimmed().toLower();
    const QString zone = m_zone->currentText().trimmed();
    if (m_mode == Mode::Create && name.isEmpty()) {
        showError(tr("Give the group a name."));
        return;
    }
    if (!QTimeZone(zone.toUtf8()).isValid()) {
        showError(tr("“%1” is not a time zone. Pick one from the list, for example "
                     "Asia/Makassar for Bali.").arg(zone));
        return;
    }
    if (m_mode == Mode::Add && (address.indexOf(u'@') <= 0 || address.endsWith(u'@'))) {
        showError(tr("Enter the group's address, for example bali@conference.example.org."));
        return;
    }
    if (m_mode == Mode::Create) {
        static const QRegularExpression valid(u"^[a-z0-9][a-z0-9._-]{0,63}$"_s);
        if (address.isEmpty())
            address = u"group-"_s + QString::number(QRandomGenerator::global()->bounded(100000, 999999));
        if (!valid.match(address.section(u'@', 0, 0)).hasMatch()) {
            showError(tr("Use only letters a–z, digits, dots, dashes and underscores in the "
                         "address."));
            return;
        }
        m_result = workspace::Workspace::newGroupDefaults(name, address);
    } else {
        m_result = m_original;
        m_result.id = m_mode == Mode::Add ? address : m_original.id;
        m_result.name = name;
        m_result.autojoin = true;
    }
    m_result.tags = parseTags(m_tags->text());
    m_result.timeZone = zone;
    showError({});
    m_ok->setEnabled(false);
    Q_EMIT submitted(m_result);
}

} // namespace chorus::ui
