<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CommandLine</name>
    <message>
        <source>Run many group chats at once: members, activities, canned replies and sales over XMPP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep all state under &lt;dir&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use &lt;language&gt; (for example en or zh_CN) instead of the system language.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render the main window after start-up, save it as a PNG &lt;file&gt; and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try &apos;chorus --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::ui::AboutDialog</name>
    <message>
        <source>About Chorus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run many group chats at once: member lists, activity schedulers, canned replies and a sales panel, over XMPP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::ui::MainWindow</name>
    <message>
        <source>Chorus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No groups yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your group chats appear here once you sign in, with unread counts, mentions and tags.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No group open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a group on the left to read and answer it. Drag groups here to follow up to four side by side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The members of the focused group: roles, presence, when they joined and what they said last.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled posts, sign-up chains, word-chain games and mock interviews for the focused group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canned answers to the questions your groups ask most, ready to send with a shortcut.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders made from chat requests in the focused group, from draft to paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group &amp;details panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Chorus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: not signed in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Cannot create the profile directory %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screenshot saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save a screenshot to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
