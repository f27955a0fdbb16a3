<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CommandLine</name>
    <message>
        <source>Run many group chats at once: members, activities, canned replies and sales over XMPP.</source>
        <translation>同时管理多个群聊：成员、活动、快捷回复与销售，基于 XMPP。</translation>
    </message>
    <message>
        <source>Keep all state under &lt;dir&gt;.</source>
        <translation>将所有状态保存在 &lt;dir&gt; 下。</translation>
    </message>
    <message>
        <source>Use &lt;language&gt; (for example en or zh_CN) instead of the system language.</source>
        <translation>使用 &lt;language&gt;（例如 en 或 zh_CN）代替系统语言。</translation>
    </message>
    <message>
        <source>Render the main window after start-up, save it as a PNG &lt;file&gt; and exit.</source>
        <translation>启动后渲染主窗口，保存为 PNG 文件 &lt;file&gt; 并退出。</translation>
    </message>
    <message>
        <source>Try 'chorus --help'.</source>
        <translation>请尝试 “chorus --help”。</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>无法识别的参数：%1</translation>
    </message>
</context>
<context>
    <name>MemberListModel</name>
    <message>
        <source>Moderator</source>
        <translation>主持人</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>参与者</translation>
    </message>
    <message>
        <source>Visitor (muted)</source>
        <translation>访客（禁言）</translation>
    </message>
    <message>
        <source>Not in the group</source>
        <translation>不在群内</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>群主</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Banned</source>
        <translation>已封禁</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>访客</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>离开</translation>
    </message>
    <message>
        <source>Away for long</source>
        <translation>长时间离开</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>忙碌</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>昵称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Affiliation</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Presence</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>chorus::ui::AboutDialog</name>
    <message>
        <source>About Chorus</source>
        <translation>关于 Chorus</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>Run many group chats at once: member lists, activity schedulers, canned replies and a sales panel, over XMPP.</source>
        <translation>同时管理多个群聊：成员列表、活动排程、快捷回复和销售面板，基于 XMPP。</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>使用 Qt %1 构建，运行于 Qt %2。</translation>
    </message>
</context>
<context>
    <name>chorus::ui::AttentionDelegate</name>
    <message>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分钟</numerusform></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform></translation>
    </message>
</context>
<context>
    <name>chorus::ui::AttentionPane</name>
    <message>
        <source>Mark handled</source>
        <translation>标记为已处理</translation>
    </message>
    <message>
        <source>Nothing waiting</source>
        <translation>没有待处理消息</translation>
    </message>
    <message>
        <source>Questions, mentions and urgent words from every group appear here until you answer them.</source>
        <translation>所有群里的提问、@提及和紧急关键词都会显示在这里，直到你回复为止。</translation>
    </message>
    <message>
        <source>Waiting for you</source>
        <translation>等待你回复</translation>
    </message>
    <message>
        <source>Remove the selected message from the inbox (Delete)</source>
        <translation>将选中的消息移出待处理列表（Delete）</translation>
    </message>
</context>
<context>
    <name>chorus::ui::Composer</name>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Write a message</source>
        <translation>输入消息</translation>
    </message>
</context>
<context>
    <name>chorus::ui::ConnectionStatus</name>
    <message>
        <source>Reconnect now</source>
        <translation>立即重连</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Connected as %1</source>
        <translation>已连接：%1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message numerus="yes">
        <source>Connection lost. Reconnecting in %n s</source>
        <translation>
            <numerusform>连接已断开，%n 秒后重连</numerusform></translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>正在重连…</translation>
    </message>
    <message>
        <source>Offline: %1</source>
        <translation>离线：%1</translation>
    </message>
    <message>
        <source>Offline: not signed in</source>
        <translation>离线：未登录</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
</context>
<context>
    <name>chorus::ui::GroupDelegate</name>
    <message>
        <source>Joining…</source>
        <translation>正在加入…</translation>
    </message>
</context>
<context>
    <name>chorus::ui::GroupListPane</name>
    <message>
        <source>Filter groups</source>
        <translation>筛选群组</translation>
    </message>
    <message>
        <source>Show groups with tag</source>
        <translation>按标签显示群组</translation>
    </message>
    <message>
        <source>Sort groups by</source>
        <translation>群组排序方式</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Recent activity</source>
        <translation>最近活跃</translation>
    </message>
    <message>
        <source>Waiting attention</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>群组</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <source>Open in &amp;split view</source>
        <translation>在分栏中打开(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Leave group</source>
        <translation>退出群组(&amp;L)</translation>
    </message>
</context>
<context>
    <name>chorus::ui::MainWindow</name>
    <message>
        <source>Chorus</source>
        <translation>Chorus</translation>
    </message>
    <message>
        <source>No groups yet</source>
        <translation>还没有群组</translation>
    </message>
    <message>
        <source>Your group chats appear here once you sign in, with unread counts, mentions and tags.</source>
        <translation>登录后，你的群聊会显示在这里，附带未读数、@提及和标签。</translation>
    </message>
    <message>
        <source>No group open</source>
        <translation>未打开群组</translation>
    </message>
    <message>
        <source>Choose a group on the left to read and answer it. Drag groups here to follow up to four side by side.</source>
        <translation>在左侧选择一个群组来查看和回复。把群组拖到这里，最多可并排查看四个。</translation>
    </message>
    <message>
        <source>Group details</source>
        <translation>群组详情</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Scheduled posts, sign-up chains, word-chain games and mock interviews for the focused group.</source>
        <translation>当前群组的定时发布、接龙报名、词语接龙游戏和模拟面试。</translation>
    </message>
    <message>
        <source>Canned answers to the questions your groups ask most, ready to send with a shortcut.</source>
        <translation>针对群里最常见问题的快捷回复，用快捷键即可发送。</translation>
    </message>
    <message>
        <source>Orders made from chat requests in the focused group, from draft to paid.</source>
        <translation>由当前群组聊天请求生成的订单，从草稿到付款。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Group &amp;details panel</source>
        <translation>群组详情面板(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;About Chorus</source>
        <translation>关于 Chorus(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation>登录(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Groups</source>
        <translation>群组(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Waiting for you</source>
        <translation>待你回复(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Go to group or person…</source>
        <translation>转到群组或成员(&amp;G)…</translation>
    </message>
    <message>
        <source>Open in &amp;split view</source>
        <translation>在分栏中打开(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Close timeline</source>
        <translation>关闭此时间线(&amp;C)</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>群组</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <source>Waiting (%1)</source>
        <translation>待处理（%1）</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待处理</translation>
    </message>
</context>
<context>
    <name>chorus::ui::MembersPanel</name>
    <message>
        <source>Filter members</source>
        <translation>筛选成员</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>The members of the focused group: roles, presence, when they joined and what they said last.</source>
        <translation>当前群组的成员：角色、在线状态、入群时间和最近发言。</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s), %1 online</source>
        <translation>
            <numerusform>%n 位成员，%1 位在线</numerusform></translation>
    </message>
</context>
<context>
    <name>chorus::ui::MessageDelegate</name>
    <message>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>privately to you</source>
        <translation>私聊给你</translation>
    </message>
    <message>
        <source>privately to %1</source>
        <translation>私聊给 %1</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>已编辑</translation>
    </message>
    <message>
        <source>In reply to %1</source>
        <translation>回复 %1</translation>
    </message>
    <message>
        <source>This message was removed by a moderator.</source>
        <translation>此消息已被管理员删除。</translation>
    </message>
    <message>
        <source>This message was removed by a moderator: %1</source>
        <translation>此消息已被管理员删除：%1</translation>
    </message>
</context>
<context>
    <name>chorus::ui::Notifier</name>
    <message>
        <source>&amp;Do not disturb</source>
        <translation>勿扰模式(&amp;D)</translation>
    </message>
    <message>
        <source>Show Chorus</source>
        <translation>显示 Chorus</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message numerus="yes">
        <source>Chorus: %n unread</source>
        <translation>
            <numerusform>Chorus：%n 条未读</numerusform></translation>
    </message>
    <message>
        <source>Chorus</source>
        <translation>Chorus</translation>
    </message>
    <message>
        <source>Do not disturb is on</source>
        <translation>勿扰模式已开启</translation>
    </message>
</context>
<context>
    <name>chorus::ui::QuickSwitcher</name>
    <message>
        <source>Go to group or person</source>
        <translation>转到群组或成员</translation>
    </message>
    <message>
        <source>Type a group or a person</source>
        <translation>输入群组或成员名称</translation>
    </message>
    <message>
        <source>Go to</source>
        <translation>转到</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>匹配结果</translation>
    </message>
</context>
<context>
    <name>chorus::ui::SignInDialog</name>
    <message>
        <source>Sign in to Chorus</source>
        <translation>登录 Chorus</translation>
    </message>
    <message>
        <source>Sign in with your XMPP account. Your groups (the account's bookmarks) appear in the window once you are in.</source>
        <translation>使用你的 XMPP 账号登录。登录后，你的群组（账号书签）会显示在窗口中。</translation>
    </message>
    <message>
        <source>you@example.org</source>
        <translation>you@example.org</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>高级</translation>
    </message>
    <message>
        <source>found automatically</source>
        <translation>自动查找</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Allow an unencrypted connection to this loopback server</source>
        <translation>允许以未加密方式连接本机回环服务器</translation>
    </message>
    <message>
        <source>Only for a server on this computer (tests, the demo). Passwords cross the network unencrypted otherwise, so Chorus refuses it for any other server.</source>
        <translation>仅用于本机上的服务器（测试、演示）。否则密码会以明文在网络上传输，因此 Chorus 对其他服务器一律拒绝。</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <source>Unknown certificate</source>
        <translation>未知证书</translation>
    </message>
    <message>
        <source>Trust &amp;once</source>
        <translation>仅信任本次(&amp;O)</translation>
    </message>
    <message>
        <source>Always &amp;trust this certificate</source>
        <translation>始终信任此证书(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <source>Try it with a local &amp;demo server</source>
        <translation>使用本地演示服务器试用(&amp;D)</translation>
    </message>
    <message>
        <source>Starts a Prosody server on this computer with demo groups and simulated members. It stops when Chorus quits.</source>
        <translation>在本机启动一个带演示群组和模拟成员的 Prosody 服务器，退出 Chorus 时自动停止。</translation>
    </message>
    <message>
        <source>Enter your address as name@server, for example coach@example.org.</source>
        <translation>请按 名称@服务器 的格式输入地址，例如 coach@example.org。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>An unencrypted connection is allowed only to a server on this computer: set the server to localhost or 127.0.0.1, or untick the option.</source>
        <translation>只允许以未加密方式连接本机服务器：请将服务器设为 localhost 或 127.0.0.1，或取消勾选该选项。</translation>
    </message>
    <message>
        <source>The server did not accept this address and password. Check both and try again.</source>
        <translation>服务器不接受此地址和密码，请检查后重试。</translation>
    </message>
    <message>
        <source>The server has disabled this account. Ask its administrator.</source>
        <translation>服务器已停用此账号，请联系管理员。</translation>
    </message>
    <message>
        <source>Could not reach %1. Check the address, the server and port under Advanced, and your network.</source>
        <translation>无法连接到 %1。请检查地址、“高级”中的服务器和端口，以及网络连接。</translation>
    </message>
    <message>
        <source>%1 does not offer an encrypted connection, so Chorus did not send your password.</source>
        <translation>%1 不提供加密连接，因此 Chorus 没有发送你的密码。</translation>
    </message>
    <message>
        <source>The certificate of %1 changed since you trusted it. This can be an attack, so Chorus refused to connect. If the administrator replaced it, remove the old trust and sign in again.</source>
        <translation>%1 的证书在你信任之后发生了变化，这可能是攻击，因此 Chorus 拒绝连接。如果是管理员更换了证书，请移除旧的信任后重新登录。</translation>
    </message>
    <message>
        <source>%1 did not answer in time. Try again.</source>
        <translation>%1 未及时响应，请重试。</translation>
    </message>
    <message>
        <source>Signing in failed.</source>
        <translation>登录失败。</translation>
    </message>
    <message>
        <source>%1 presented a certificate that this computer does not trust. Compare its SHA-256 fingerprint with the one your administrator gave you:
%2</source>
        <translation>%1 提供的证书不受本机信任。请将其 SHA-256 指纹与管理员提供的指纹进行比对：
%2</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>chorus::ui::TimelinePane</name>
    <message>
        <source>Close this timeline</source>
        <translation>关闭此时间线</translation>
    </message>
    <message>
        <source>Close timeline</source>
        <translation>关闭时间线</translation>
    </message>
    <message>
        <source>Cancel the reply (Esc)</source>
        <translation>取消回复（Esc）</translation>
    </message>
    <message>
        <source>Cancel reply</source>
        <translation>取消回复</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Send the message (Enter)</source>
        <translation>发送消息（Enter）</translation>
    </message>
    <message>
        <source>Message %1</source>
        <translation>发消息到 %1</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line, @ mentions a member.</source>
        <translation>Enter 发送，Shift+Enter 换行，@ 提及成员。</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n 位成员</numerusform></translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation>回复 %1：%2</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>回复(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation>复制文本(&amp;C)</translation>
    </message>
</context>
<context>
    <name>chorus::ui::TimelineView</name>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>chorus::workspace::AccountController</name>
    <message>
        <source>The password could not be saved in the system keychain (%1). Start a keychain service such as GNOME Keyring and try again.</source>
        <translation>无法将密码保存到系统钥匙串（%1）。请启动 GNOME Keyring 等钥匙串服务后重试。</translation>
    </message>
    <message>
        <source>No account is saved yet.</source>
        <translation>还没有保存的账号。</translation>
    </message>
    <message>
        <source>The keychain has no password for %1. Sign in again.</source>
        <translation>钥匙串中没有 %1 的密码，请重新登录。</translation>
    </message>
    <message>
        <source>The keychain could not be read (%1).</source>
        <translation>无法读取钥匙串（%1）。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Cannot create the profile directory %1.</source>
        <translation>无法创建配置目录 %1。</translation>
    </message>
    <message>
        <source>Screenshot saved to %1</source>
        <translation>截图已保存到 %1</translation>
    </message>
    <message>
        <source>Could not save a screenshot to %1</source>
        <translation>无法将截图保存到 %1</translation>
    </message>
</context>
</TS>
