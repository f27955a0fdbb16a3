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
        <source>The members of the focused group: roles, presence, when they joined and what they said last.</source>
        <translation>当前群组的成员：角色、在线状态、入群时间和最近发言。</translation>
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
        <source>Offline: not signed in</source>
        <translation>离线：未登录</translation>
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
