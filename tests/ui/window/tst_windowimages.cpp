// Images in the window on a real server: the operator pastes a picture into the
// composer → it is uploaded (XEP-0363) and shared (body + XEP-0066 link) → a member
// receives the link, and both the operator's and a member's picture show as thumbnails
// in the timeline (checked in the pixels painted); a file the server refuses leaves a
// clear error under the composer and nothing in the room.

#include "Screenshot.h"
#include "TestServer.h"

#include "chat/XmppChatService.h"
#include "ui/AppController.h"
#include "ui/Composer.h"
#include "ui/MainWindow.h"
#include "ui/ThumbnailCache.h"
#include "ui/TimelineArea.h"
#include "ui/TimelinePane.h"
#include "ui/TimelineView.h"
#include "workspace/CommandLine.h"
#include "workspace/GroupListModel.h"
#include "workspace/Profile.h"
#include "workspace/Session.h"
#include "workspace/TimelineModel.h"
#include "workspace/Workspace.h"

#include <QClipboard>
#include <QDir>
#include <QGuiApplication>
#include <QLabel>
#include <QMimeData>
#include <QPainter>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus;
using workspace::GroupListModel;

namespace {

// How many pixels of `image` are (nearly) `color`: the test's stand-in for "I can see it".
int pixelsOf(const QImage &image, const QColor &color)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    int count = 0;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x) {
            if (qAbs(qRed(line[x]) - color.red()) < 12 && qAbs(qGreen(line[x]) - color.green()) < 12
                && qAbs(qBlue(line[x]) - color.blue()) < 12)
                ++count;
        }
    }
    return count;
}

QImage picture(const QColor &color, const QSize &size)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(color);
    QPainter p(&image);
    p.setPen(Qt::white);
    p.drawText(image.rect(), Qt::AlignCenter, u"Chorus"_s);
    return image;
}

} // namespace

class tst_WindowImages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void imageRules();
    void pasteAnImageAndSeeThumbnails();
};

void tst_WindowImages::imageRules()
{
    using ui::ThumbnailCache;
    QVERIFY(ThumbnailCache::isImage(QUrl(u"https://up.example/a/photo.JPG"_s)));
    QVERIFY(ThumbnailCache::isImage(QUrl(u"https://up.example/a/x"_s), u"image/png"_s));
    QVERIFY(!ThumbnailCache::isImage(QUrl(u"https://up.example/a/x.svg"_s), u"image/svg+xml"_s));
    QVERIFY(!ThumbnailCache::isImage(QUrl(u"https://up.example/a/x.svg"_s)));
    QVERIFY(!ThumbnailCache::isImage(QUrl(u"https://up.example/menu.pdf"_s)));
    QVERIFY(!ThumbnailCache::isImage(QUrl(u"https://up.example/a.png"_s), u"application/pdf"_s));
    QCOMPARE(ThumbnailCache::fitted(QSize(640, 400)), QSize(320, 200));
    QCOMPARE(ThumbnailCache::fitted(QSize(400, 1200)), QSize(80, 240));
    QCOMPARE(ThumbnailCache::fitted(QSize(100, 50)), QSize(100, 50)); // never scaled up
    QVERIFY(!ThumbnailCache::fitted(QSize()).isValid());

    // A link that is not http(s) is never fetched, and says why.
    ThumbnailCache cache;
    QSignalSpy changed(&cache, &ThumbnailCache::changed);
    QVERIFY(cache.thumbnail(QUrl(u"file:///etc/passwd"_s)).isNull());
    QCOMPARE(cache.state(QUrl(u"file:///etc/passwd"_s)), ThumbnailCache::State::Failed);
    QVERIFY(!cache.failure(QUrl(u"file:///etc/passwd"_s)).isEmpty());
}

void tst_WindowImages::pasteAnImageAndSeeThumbnails()
{
    QString error;
    auto server = test::TestServer::fromEnvironment(&error);
    QVERIFY2(server, qPrintable(error));
    const QString op = test::TestServer::uniqueName(u"rep"_s);
    const QString member = test::TestServer::uniqueName(u"guest"_s);
    QVERIFY2(server->addUsers({{op, u"rep-pw"_s}, {member, u"guest-pw"_s}}, &error), qPrintable(error));

    chat::AccountSettings account;
    account.jid = op + u'@' + server->domain();
    account.host = server->host();
    account.port = server->port();
    account.allowPlaintextLoopback = true;
    QString groupId;
    {
        chat::XmppChatService setup;
        setup.connectAccount(account, u"rep-pw"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!setup.groupService().isEmpty(), 20000);
        auto task = setup.createGroup(workspace::Workspace::newGroupDefaults(
            u"Bali arrivals"_s, test::TestServer::uniqueName(u"bali"_s)));
        QTRY_VERIFY_WITH_TIMEOUT(task.isFinished(), 20000);
        QVERIFY2(task.result().ok(), qPrintable(task.result().ok() ? QString() : task.result().error().message));
        groupId = task.result().value().id;
        setup.disconnectAccount();
    }

    QTemporaryDir dir;
    QFile pw(dir.filePath(u"pw"_s));
    QVERIFY(pw.open(QIODevice::WriteOnly));
    pw.write("rep-pw\n");
    pw.close();
    const auto options = workspace::CommandLine::parseArguments(
        {u"chorus"_s, u"--profile"_s, dir.filePath(u"profile"_s), u"--account"_s, account.jid,
         u"--password-file"_s, pw.fileName(), u"--server"_s,
         u"%1:%2"_s.arg(server->host()).arg(server->port()), u"--allow-plaintext-loopback"_s},
        &error);
    QVERIFY2(options, qPrintable(error));
    workspace::Profile profile(options->profileDir);
    auto settings = profile.openSettings();
    workspace::Session session(profile, settings.get());
    ui::MainWindow window(settings.get());
    ui::AppController controller(&session, &window);
    window.resize(1100, 760);
    window.show();
    QVERIFY(controller.start(*options));
    QTRY_VERIFY_WITH_TIMEOUT(session.workspace(), 10000);
    GroupListModel *groups = session.workspace()->groups();
    QTRY_VERIFY_WITH_TIMEOUT(groups->rowOf(groupId) >= 0
                                 && groups->index(groups->rowOf(groupId)).data(GroupListModel::JoinStateRole)
                                            .value<GroupListModel::JoinState>()
                                        == GroupListModel::JoinState::Joined,
                             30000);
    window.openGroup(groupId);
    ui::TimelinePane *pane = window.timelineArea()->paneFor(groupId);
    QVERIFY(pane);

    // A guest in the group, to receive the picture and to send one.
    chat::XmppChatService guest;
    chat::AccountSettings guestAccount = account;
    guestAccount.jid = member + u'@' + server->domain();
    guest.connectAccount(guestAccount, u"guest-pw"_s);
    QList<chat::Message> guestSaw;
    connect(&guest, &chat::ChatService::messagesReceived, this,
            [&](const QList<chat::Message> &batch) { guestSaw += batch; });
    QTRY_COMPARE_WITH_TIMEOUT(guest.connectionState(), chat::ConnectionState::Connected, 20000);
    chat::Group asGuest = groups->group(groupId);
    asGuest.nick = u"Wayan"_s;
    QSignalSpy joined(&guest, &chat::ChatService::groupJoined);
    guest.joinGroups({asGuest});
    QTRY_VERIFY_WITH_TIMEOUT(!joined.isEmpty(), 20000);

    // The operator pastes a magenta picture into the composer.
    const QColor magenta(230, 20, 200);
    auto *mime = new QMimeData;
    mime->setImageData(picture(magenta, QSize(640, 400)));
    QGuiApplication::clipboard()->setMimeData(mime);
    pane->composer()->setFocus();
    pane->composer()->paste();
    QVERIFY2(pane->composer()->toPlainText().isEmpty(), "an image is sent, not pasted as text");
    const auto pastedCopies = [] {
        return QDir::temp().entryList({u"chorus-paste-*"_s}, QDir::Files).size();
    };
    const qsizetype copiesWhileSending = pastedCopies();
    QVERIFY(copiesWhileSending >= 1);

    const auto sharedUrl = [&]() -> QUrl {
        for (const chat::Message &m : std::as_const(guestSaw))
            if (!m.attachments.isEmpty() && m.senderNick != asGuest.nick)
                return m.attachments.first().url;
        return {};
    };
    QTRY_VERIFY_WITH_TIMEOUT(sharedUrl().isValid(), 20000);
    const QUrl url = sharedUrl();
    QVERIFY2(url.scheme().startsWith(u"http"_s), qPrintable(url.toString()));
    for (const chat::Message &m : std::as_const(guestSaw))
        if (!m.attachments.isEmpty())
            QCOMPARE(m.body, url.toString(QUrl::FullyEncoded)); // what text-only clients show

    // The temporary copy of the pasted image is gone once it is sent.
    QTRY_COMPARE_WITH_TIMEOUT(pastedCopies(), copiesWhileSending - 1, 5000);

    // The operator sees the picture itself, not its address.
    workspace::TimelineModel *timeline = session.workspace()->timeline(groupId);
    QTRY_VERIFY_WITH_TIMEOUT(timeline->rowCount() > 0, 5000);
    const auto seen = [&](const QColor &color) {
        QCoreApplication::processEvents();
        return pixelsOf(pane->view()->viewport()->grab().toImage(), color);
    };
    // 320×200 at the thumbnail's size: most of it is the picture's colour.
    QTRY_VERIFY_WITH_TIMEOUT(seen(magenta) > 320 * 200 / 2, 20000);

    // A guest shares a picture: it shows too (the link came over XMPP, the image over HTTP).
    const QColor teal(20, 170, 160);
    const QString guestFile = dir.filePath(u"beach.png"_s);
    QVERIFY(picture(teal, QSize(300, 300)).save(guestFile));
    auto uploaded = guest.upload(guestFile);
    QTRY_VERIFY_WITH_TIMEOUT(uploaded.isFinished(), 20000);
    QVERIFY2(uploaded.result().ok(), qPrintable(uploaded.result().ok() ? QString() : uploaded.result().error().message));
    chat::Attachment shared;
    shared.url = uploaded.result().value();
    shared.fileName = u"beach.png"_s;
    auto sent = guest.sendAttachment(groupId, shared);
    QTRY_VERIFY_WITH_TIMEOUT(sent.isFinished(), 5000);
    QVERIFY(sent.result().ok());
    QTRY_VERIFY_WITH_TIMEOUT(seen(teal) > 240 * 240 / 2, 20000);
    // The group list names the file instead of showing its upload address.
    QCOMPARE(groups->index(groups->rowOf(groupId)).data(GroupListModel::PreviewRole).toString(),
             u"Wayan: 📎 beach.png"_s);
    QTest::qWait(200);
    test::saveScreenshot(&window, u"window_images_"_s + server->kind());

    // A file larger than the server accepts: a clear error, nothing sent.
    const QString big = dir.filePath(u"video.mp4"_s);
    {
        QFile f(big);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(200 * 1024 * 1024)); // over both servers' upload limits
    }
    const int messagesBefore = int(guestSaw.size());
    auto *files = new QMimeData;
    files->setUrls({QUrl::fromLocalFile(big)});
    QGuiApplication::clipboard()->setMimeData(files);
    pane->composer()->paste();
    const auto errorShown = [&] {
        for (QLabel *label : pane->findChildren<QLabel *>())
            if (label->isVisible() && label->text().contains(u"video.mp4"_s)
                && label->text().contains(u"not sent"_s))
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(errorShown(), 20000);
    QTest::qWait(500);
    QCOMPARE(int(guestSaw.size()), messagesBefore);
}

QTEST_MAIN(tst_WindowImages)
#include "tst_windowimages.moc"
