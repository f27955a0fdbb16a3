<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CommandLine</name>
    <message>
        <source>Run many group chats at once: members, activities, canned replies and sales over XMPP.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep all state under &lt;dir&gt;.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use &lt;language&gt; (for example en or zh_CN) instead of the system language.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Render the main window after start-up, save it as a PNG &lt;file&gt; and exit.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Try 'chorus --help'.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MemberListModel</name>
    <message>
        <source>Moderator</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Participant</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Visitor (muted)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not in the group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Admin</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Banned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Guest</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Away</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Away for long</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Busy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nickname</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Affiliation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Presence</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>chorus::ui::AboutDialog</name>
    <message>
        <source>About Chorus</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Run many group chats at once: member lists, activity schedulers, canned replies and a sales panel, over XMPP.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>chorus::ui::AttentionDelegate</name>
    <message>
        <source>just now</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform><numerusform>%n min</numerusform></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform><numerusform>%n days</numerusform></translation>
    </message>
</context>
<context>
    <name>chorus::ui::AttentionPane</name>
    <message>
        <source>Mark handled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing waiting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Questions, mentions and urgent words from every group appear here until you answer them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waiting for you</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove the selected message from the inbox (Delete)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>chorus::ui::Composer</name>
    <message>
        <source>Message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Write a message</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>chorus::ui::ConnectionStatus</name>
    <message>
        <source>Reconnect now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connected as %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Connection lost. Reconnecting in %n s</source>
        <translation>
            <numerusform>Connection lost. Reconnecting in %n s</numerusform><numerusform>Connection lost. Reconnecting in %n s</numerusform></translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Offline: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Offline: not signed in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>chorus::ui::GroupDelegate</name>
    <message>
        <source>Joining…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>chorus::ui::GroupListPane</name>
    <message>
        <source>Filter groups</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show groups with tag</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sort groups by</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recent activity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waiting attention</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Groups</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All tags</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open in &amp;split view</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Leave group</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>chorus::ui::MainWindow</name>
    <message>
        <source>Chorus</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No groups yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your group chats appear here once you sign in, with unread counts, mentions and tags.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No group open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a group on the left to read and answer it. Drag groups here to follow up to four side by side.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Group details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Activities</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Replies</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sales</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Scheduled posts, sign-up chains, word-chain games and mock interviews for the focused group.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Canned answers to the questions your groups ask most, ready to send with a shortcut.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Orders made from chat requests in the focused group, from draft to paid.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Group &amp;details panel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;About Chorus</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Groups</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Waiting for you</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Go to group or person…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open in &amp;split view</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Close timeline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Groups</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 in %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waiting (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>chorus::ui::MembersPanel</name>
    <message>
        <source>Filter members</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The members of the focused group: roles, presence, when they joined and what they said last.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n member(s), %1 online</source>
        <translation>
            <numerusform>%n member, %1 online</numerusform><numerusform>%n members, %1 online</numerusform></translation>
    </message>
</context>
<context>
    <name>chorus::ui::MessageDelegate</name>
    <message>
        <source>(no name)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 in %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>privately to you</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>privately to %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>edited</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>In reply to %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This message was removed by a moderator.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This message was removed by a moderator: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>chorus::ui::Notifier</name>
    <message>
        <source>&amp;Do not disturb</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show Chorus</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Chorus: %n unread</source>
        <translation>
            <numerusform>Chorus: %n unread</numerusform><numerusform>Chorus: %n unread</numerusform></translation>
    </message>
    <message>
        <source>Chorus</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Do not disturb is on</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>chorus::ui::QuickSwitcher</name>
    <message>
        <source>Go to group or person</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type a group or a person</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Go to</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Matches</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>chorus::ui::SignInDialog</name>
    <message>
        <source>Sign in to Chorus</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in with your XMPP account. Your groups (the account's bookmarks) appear in the window once you are in.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>you@example.org</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Advanced</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>found automatically</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Allow an unencrypted connection to this loopback server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only for a server on this computer (tests, the demo). Passwords cross the network unencrypted otherwise, so Chorus refuses it for any other server.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trust &amp;once</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Always &amp;trust this certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Try it with a local &amp;demo server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Starts a Prosody server on this computer with demo groups and simulated members. It stops when Chorus quits.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter your address as name@server, for example coach@example.org.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter your password.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An unencrypted connection is allowed only to a server on this computer: set the server to localhost or 127.0.0.1, or untick the option.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server did not accept this address and password. Check both and try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server has disabled this account. Ask its administrator.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not reach %1. Check the address, the server and port under Advanced, and your network.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 does not offer an encrypted connection, so Chorus did not send your password.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The certificate of %1 changed since you trusted it. This can be an attack, so Chorus refused to connect. If the administrator replaced it, remove the old trust and sign in again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 did not answer in time. Try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signing in failed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 presented a certificate that this computer does not trust. Compare its SHA-256 fingerprint with the one your administrator gave you:
%2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>chorus::ui::TimelinePane</name>
    <message>
        <source>Close this timeline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close timeline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel the reply (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel reply</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send the message (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Message %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line, @ mentions a member.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform><numerusform>%n members</numerusform></translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>chorus::ui::TimelineView</name>
    <message>
        <source>Messages</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>chorus::workspace::AccountController</name>
    <message>
        <source>The password could not be saved in the system keychain (%1). Start a keychain service such as GNOME Keyring and try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No account is saved yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The keychain has no password for %1. Sign in again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The keychain could not be read (%1).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Cannot create the profile directory %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Screenshot saved to %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not save a screenshot to %1</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>
