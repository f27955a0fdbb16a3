#include "ui/AboutDialog.h"

#include "Version.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace chorus::ui {

AboutDialog::AboutDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("About Chorus"));
    setObjectName(u"aboutDialog"_s);

    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(u":/icons/chorus.svg"_s).pixmap(96, 96));
    icon->setAlignment(Qt::AlignTop);

    auto *name = new QLabel(u"<h2>Chorus</h2>"_s, this);
    auto *version = new QLabel(tr("Version %1").arg(QString::fromLatin1(kVersion)), this);
    version->setObjectName(u"versionLabel"_s);
    version->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *blurb = new QLabel(tr("Run many group chats at once: member lists, activity "
                                "schedulers, canned replies and a sales panel, over XMPP."),
                             this);
    blurb->setWordWrap(true);
    auto *qt = new QLabel(tr("Built with Qt %1, running on Qt %2.")
                              .arg(QString::fromLatin1(QT_VERSION_STR),
                                   QString::fromLatin1(qVersion())),
                          this);
    qt->setForegroundRole(QPalette::PlaceholderText);

    auto *text = new QVBoxLayout;
    text->addWidget(name);
    text->addWidget(version);
    text->addSpacing(8);
    text->addWidget(blurb);
    text->addWidget(qt);
    text->addStretch(1);

    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addSpacing(16);
    top->addLayout(text, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    setMinimumWidth(440);
}

} // namespace chorus::ui
