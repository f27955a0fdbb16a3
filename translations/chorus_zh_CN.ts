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
        <source>Try 'chorus --help'.</source>
        <translation>请尝试 “chorus --help”。</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>无法识别的参数：%1</translation>
    </message>
    <message>
        <source>Cannot read the password file %1: %2</source>
        <translation>无法读取密码文件 %1：%2</translation>
    </message>
    <message>
        <source>The password file %1 is empty.</source>
        <translation>密码文件 %1 为空。</translation>
    </message>
    <message>
        <source>Render the main window once the workspace has settled, save it as a PNG &lt;file&gt; and exit.</source>
        <translation>待工作区就绪后渲染主窗口，保存为 PNG 文件 &lt;file&gt; 并退出。</translation>
    </message>
    <message>
        <source>With --screenshot: wait at most &lt;ms&gt; milliseconds for sign-in and joins (default 15000).</source>
        <translation>与 --screenshot 一起使用：最多等待 &lt;ms&gt; 毫秒，以完成登录和入群（默认 15000）。</translation>
    </message>
    <message>
        <source>Sign in as &lt;jid&gt; without the dialog (needs --password-file). The password is saved in the keychain.</source>
        <translation>不弹出登录对话框，直接以 &lt;jid&gt; 登录（需配合 --password-file）。密码会保存到系统密钥环。</translation>
    </message>
    <message>
        <source>Read the password for --account from the first line of &lt;file&gt;.</source>
        <translation>从 &lt;file&gt; 的第一行读取 --account 的密码。</translation>
    </message>
    <message>
        <source>Connect to &lt;host[:port]&gt; instead of looking up the account's domain.</source>
        <translation>直接连接 &lt;host[:port]&gt;，不再按账号的域名查找服务器。</translation>
    </message>
    <message>
        <source>Allow an unencrypted connection, only to a server on this machine (the demo and tests).</source>
        <translation>允许未加密连接，仅限本机上的服务器（用于演示和测试）。</translation>
    </message>
    <message>
        <source>Run the workspace without a window (activities keep running), logging to standard output.</source>
        <translation>不显示窗口运行工作区（活动照常运行），日志输出到标准输出。</translation>
    </message>
    <message>
        <source>--screenshot-after needs a number of milliseconds.</source>
        <translation>--screenshot-after 需要一个毫秒数。</translation>
    </message>
    <message>
        <source>--account needs an address like coach@example.org, not “%1”.</source>
        <translation>--account 需要 coach@example.org 这样的地址，而不是“%1”。</translation>
    </message>
    <message>
        <source>--account needs --password-file.</source>
        <translation>--account 需要配合 --password-file 使用。</translation>
    </message>
    <message>
        <source>--password-file needs --account.</source>
        <translation>--password-file 需要配合 --account 使用。</translation>
    </message>
    <message>
        <source>--server needs host or host:port with a port from 1 to 65535, not “%1”.</source>
        <translation>--server 需要 host 或 host:port（端口为 1–65535），而不是“%1”。</translation>
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
    <name>chorus::activities::ActivityRepository</name>
    <message>
        <source>An activity needs a title.</source>
        <translation>活动需要标题。</translation>
    </message>
    <message>
        <source>The schedule of "%1" is not valid: %2</source>
        <translation>“%1”的日程无效：%2</translation>
    </message>
    <message>
        <source>The schedule of "%1" needs a start date and time.</source>
        <translation>“%1”的日程需要开始日期和时间。</translation>
    </message>
    <message>
        <source>Waiting times of "%1" cannot be negative.</source>
        <translation>“%1”的等待时间不能为负数。</translation>
    </message>
    <message>
        <source>"%1" names a group twice.</source>
        <translation>“%1”重复列出了同一个群组。</translation>
    </message>
    <message>
        <source>The group %1 is not among this account's groups.</source>
        <translation>群组 %1 不在此账号的群组中。</translation>
    </message>
    <message>
        <source>A firing needs its time, and a sent one the id of its message.</source>
        <translation>每次触发都需要时间；已发送的触发还需要其消息的 ID。</translation>
    </message>
    <message>
        <source>A decision sends the firing (with its message) or skips it.</source>
        <translation>处理方式只能是发送这次触发（连同消息）或跳过它。</translation>
    </message>
</context>
<context>
    <name>chorus::activities::Csv</name>
    <message>
        <source>A quote (") appears inside an unquoted value; quote the whole value and double inner quotes.</source>
        <translation>未加引号的值中出现了引号（"）；请给整个值加上引号，并把其中的引号写两遍。</translation>
    </message>
    <message>
        <source>Text follows a closing quote; put a comma after it.</source>
        <translation>结束引号后面还有文字；请在引号后加逗号。</translation>
    </message>
    <message>
        <source>A quoted value is never closed.</source>
        <translation>有一个带引号的值没有结束引号。</translation>
    </message>
</context>
<context>
    <name>chorus::activities::MockInterview</name>
    <message>
        <source>Teacher mode needs a teacher.</source>
        <translation>老师模式需要指定一位老师。</translation>
    </message>
    <message>
        <source>Nobody has signed up for the interviews yet.</source>
        <translation>还没有人报名参加面试。</translation>
    </message>
    <message>
        <source>The session has no slots.</source>
        <translation>这次活动还没有时间段。</translation>
    </message>
    <message>
        <source>Rotation needs at least two students.</source>
        <translation>轮换模式至少需要两名学生。</translation>
    </message>
    <message numerus="yes">
        <source>%n student(s) in rotation need %1 slots.</source>
        <translation>
            <numerusform>%n 名学生轮换需要 %1 个时间段。</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no slot %1.</source>
        <translation>没有第 %1 个时间段。</translation>
    </message>
    <message>
        <source>This interview is not in the session's plan.</source>
        <translation>这场面试不在本次安排中。</translation>
    </message>
    <message>
        <source>"%1" is not part of the rubric.</source>
        <translation>“%1”不在评分标准中。</translation>
    </message>
    <message>
        <source>%1 must be from 0 to %2.</source>
        <translation>%1 必须在 0 到 %2 之间。</translation>
    </message>
    <message>
        <source>%1 has no score.</source>
        <translation>%1 还没有评分。</translation>
    </message>
</context>
<context>
    <name>chorus::activities::QuestionBank</name>
    <message>
        <source>The file is larger than 1 MB.</source>
        <translation>文件超过 1 MB。</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text; save it as "CSV UTF-8".</source>
        <translation>文件不是 UTF-8 文本；请另存为“CSV UTF-8”格式。</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <source>Unknown column "%1" (expected question, topic, level).</source>
        <translation>未知的列“%1”（应为 question、topic、level）。</translation>
    </message>
    <message>
        <source>Column "%1" appears twice.</source>
        <translation>列“%1”出现了两次。</translation>
    </message>
    <message>
        <source>The header row needs a "question" column.</source>
        <translation>标题行需要有“question”（问题）列。</translation>
    </message>
    <message>
        <source>%1 values, but the header names %2 columns.</source>
        <translation>有 %1 个值，但标题行只有 %2 列。</translation>
    </message>
    <message>
        <source>Level must be a number from 1 to 5, not "%1".</source>
        <translation>难度必须是 1 到 5 的数字，而不是“%1”。</translation>
    </message>
    <message>
        <source>The question is empty.</source>
        <translation>问题是空的。</translation>
    </message>
    <message>
        <source>The question is longer than %1 characters.</source>
        <translation>问题超过 %1 个字符。</translation>
    </message>
    <message>
        <source>The same question is on line %1.</source>
        <translation>第 %1 行已有相同的问题。</translation>
    </message>
</context>
<context>
    <name>chorus::activities::Recurrence</name>
    <message>
        <source>The time zone "%1" cannot be written to a calendar file.</source>
        <translation>无法把时区“%1”写入日历文件。</translation>
    </message>
    <message>
        <source>"%1" is not a known time zone. Use an IANA name such as Europe/Berlin or Asia/Makassar.</source>
        <translation>“%1”不是已知的时区。请使用 IANA 名称，例如 Europe/Berlin 或 Asia/Makassar。</translation>
    </message>
    <message>
        <source>The time zone "%1" cannot be loaded.</source>
        <translation>无法加载时区“%1”。</translation>
    </message>
    <message>
        <source>The schedule needs a valid start date and time.</source>
        <translation>日程需要有效的开始日期和时间。</translation>
    </message>
    <message>
        <source>This rule never fires: counting INTERVAL from the start time never reaches the hours or days it is limited to.</source>
        <translation>这条规则永远不会触发：从开始时间按 INTERVAL 递增，永远到不了它限定的小时或星期。</translation>
    </message>
    <message>
        <source>This rule never fires (check the dates, BYMONTHDAY and UNTIL).</source>
        <translation>这条规则永远不会触发（请检查日期、BYMONTHDAY 和 UNTIL）。</translation>
    </message>
    <message>
        <source>The repeat rule is empty. Example: FREQ=DAILY</source>
        <translation>重复规则为空。例如：FREQ=DAILY</translation>
    </message>
    <message>
        <source>"%1" is not of the form NAME=VALUE.</source>
        <translation>“%1”不是“名称=值”的形式。</translation>
    </message>
    <message>
        <source>%1 (non-Gregorian calendars) is not supported.</source>
        <translation>不支持 %1（非公历历法）。</translation>
    </message>
    <message>
        <source>"%1" is not a part of a repeat rule (RFC 5545).</source>
        <translation>“%1”不是重复规则（RFC 5545）的组成部分。</translation>
    </message>
    <message>
        <source>%1 is given twice.</source>
        <translation>%1 出现了两次。</translation>
    </message>
    <message>
        <source>FREQ must be one of MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY, not "%1".</source>
        <translation>FREQ 必须是 MINUTELY、HOURLY、DAILY、WEEKLY、MONTHLY 或 YEARLY 之一，而不是“%1”。</translation>
    </message>
    <message>
        <source>COUNT must be a whole number from 1 to 100000.</source>
        <translation>COUNT 必须是 1 到 100000 之间的整数。</translation>
    </message>
    <message>
        <source>INTERVAL must be a whole number from 1 to 10000.</source>
        <translation>INTERVAL 必须是 1 到 10000 之间的整数。</translation>
    </message>
    <message>
        <source>Schedules cannot fire more often than once a minute.</source>
        <translation>日程触发不能比每分钟一次更频繁。</translation>
    </message>
    <message>
        <source>The rule has no FREQ. Add for example FREQ=DAILY or FREQ=WEEKLY.</source>
        <translation>规则中没有 FREQ。请添加，例如 FREQ=DAILY 或 FREQ=WEEKLY。</translation>
    </message>
    <message>
        <source>COUNT and UNTIL cannot be used together; keep one of them.</source>
        <translation>COUNT 和 UNTIL 不能同时使用；请只保留其中一个。</translation>
    </message>
    <message>
        <source>With FREQ=%1, Chorus supports only INTERVAL, BYDAY (plain weekdays), BYHOUR, BYMINUTE (hourly), COUNT and UNTIL. For other filters use FREQ=DAILY with BYHOUR and BYMINUTE.</source>
        <translation>FREQ=%1 时，Chorus 只支持 INTERVAL、BYDAY（仅星期）、BYHOUR、BYMINUTE（每小时规则）、COUNT 和 UNTIL。需要其他筛选条件时，请用 FREQ=DAILY 加 BYHOUR 和 BYMINUTE。</translation>
    </message>
    <message>
        <source>UNTIL must be a date (20250131) or a date and time (20250131T180000Z).</source>
        <translation>UNTIL 必须是日期（20250131）或日期加时间（20250131T180000Z）。</translation>
    </message>
    <message>
        <source>"%1" has a value that is out of range or misspelt.</source>
        <translation>“%1”的值超出范围或拼写有误。</translation>
    </message>
    <message>
        <source>The repeat rule is not valid.</source>
        <translation>重复规则无效。</translation>
    </message>
</context>
<context>
    <name>chorus::activities::SignupRepository</name>
    <message>
        <source>The group %1 is not among this account's groups.</source>
        <translation>群组 %1 不在此账号的群组中。</translation>
    </message>
    <message>
        <source>Every sign-up entry needs a member, and a member can sign up once.</source>
        <translation>每条报名都需要一位成员，且每位成员只能报名一次。</translation>
    </message>
</context>
<context>
    <name>chorus::activities::WordChain</name>
    <message>
        <source>A round is already running; stop it first.</source>
        <translation>已有一轮正在进行；请先结束它。</translation>
    </message>
    <message>
        <source>"%1" is not in the dictionary.</source>
        <translation>“%1”不在词库中。</translation>
    </message>
    <message>
        <source>Nothing in the dictionary follows "%1"; pick another word.</source>
        <translation>词库中没有能接“%1”的词；请换一个词。</translation>
    </message>
</context>
<context>
    <name>chorus::activities::WordList</name>
    <message>
        <source>Cannot read the word list %1: %2</source>
        <translation>无法读取词表 %1：%2</translation>
    </message>
    <message>
        <source>The word list has no usable words.</source>
        <translation>词表中没有可用的词。</translation>
    </message>
    <message>
        <source>Line %1 is not a four-character idiom: %2</source>
        <translation>第 %1 行不是四字成语：%2</translation>
    </message>
    <message>
        <source>The idiom list is empty.</source>
        <translation>成语列表是空的。</translation>
    </message>
</context>
<context>
    <name>chorus::chat::XmppChatService</name>
    <message>
        <source>The server limits how many groups one account may be in: %1 groups were refused and %2 were not tried. %3</source>
        <translation>服务器限制了一个账号可加入的群组数量：%1 个群组被拒绝，%2 个未尝试加入。%3</translation>
    </message>
    <message>
        <source>You were removed from the group.</source>
        <translation>你已被踢出群组。</translation>
    </message>
    <message>
        <source>You were banned from the group.</source>
        <translation>你已被群组封禁。</translation>
    </message>
    <message>
        <source>The group became members-only and you are not a member.</source>
        <translation>群组已改为仅限成员加入，而你不是成员。</translation>
    </message>
    <message>
        <source>The group service is shutting down.</source>
        <translation>群组服务正在关闭。</translation>
    </message>
    <message>
        <source>The group dropped you after a technical problem.</source>
        <translation>由于技术问题，群组已将你移出。</translation>
    </message>
    <message>
        <source>The group was closed.</source>
        <translation>群组已解散。</translation>
    </message>
    <message>
        <source>The group no longer knew you; joining again.</source>
        <translation>你已与群组断开，正在重新加入。</translation>
    </message>
    <message>
        <source>changed nickname to %1</source>
        <translation>已将昵称改为 %1</translation>
    </message>
    <message>
        <source>kicked</source>
        <translation>被踢出</translation>
    </message>
    <message>
        <source>banned</source>
        <translation>被封禁</translation>
    </message>
    <message>
        <source>A message to %1 was not delivered: %2</source>
        <translation>发给 %1 的消息未送达：%2</translation>
    </message>
    <message>
        <source>Catching up with %1 stopped: %2</source>
        <translation>同步 %1 的历史消息时中断：%2</translation>
    </message>
    <message>
        <source>“%1” is not the address of a group.</source>
        <translation>“%1”不是群组地址。</translation>
    </message>
    <message>
        <source>The server has not said where groups live yet; give the group's full address (name@groups.example.org).</source>
        <translation>服务器尚未告知群组服务的地址，请输入群组的完整地址（name@groups.example.org）。</translation>
    </message>
    <message>
        <source>“%1” is not a valid group address.</source>
        <translation>“%1”不是有效的群组地址。</translation>
    </message>
    <message>
        <source>A group with the address %1 already exists. Pick another address, or add the existing group instead.</source>
        <translation>地址为 %1 的群组已存在。请换一个地址，或改为添加这个已有群组。</translation>
    </message>
    <message>
        <source>The server could not apply these settings to %1: %2</source>
        <translation>服务器无法将这些设置应用到 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not in the group right now.</source>
        <translation>%1 当前不在群组中。</translation>
    </message>
    <message>
        <source>This group's server cannot remove messages (no XEP-0425 moderation). Members keep seeing it.</source>
        <translation>此群组的服务器无法删除消息（不支持 XEP-0425 消息管理），成员仍能看到该消息。</translation>
    </message>
    <message>
        <source>“%1” is not an account address.</source>
        <translation>“%1”不是账号地址。</translation>
    </message>
</context>
<context>
    <name>chorus::chat::convert</name>
    <message>
        <source>Not connected: the request was not sent. It can be tried again once Chorus is back online.</source>
        <translation>未连接：请求未发送。Chorus 恢复在线后可以重试。</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>服务器未及时响应。</translation>
    </message>
    <message>
        <source>The server refused the request (%1).</source>
        <translation>服务器拒绝了请求（%1）。</translation>
    </message>
    <message>
        <source>The server refused the request: %1</source>
        <translation>服务器拒绝了请求：%1</translation>
    </message>
    <message>
        <source>The archive did not answer in time.</source>
        <translation>消息归档未及时响应。</translation>
    </message>
    <message>
        <source>The archive no longer has that part of the history.</source>
        <translation>消息归档中已没有这部分历史消息。</translation>
    </message>
    <message>
        <source>This group keeps no archive on the server, so older messages cannot be loaded.</source>
        <translation>此群组没有在服务器上保存消息归档，无法加载更早的消息。</translation>
    </message>
    <message>
        <source>The group does not let you read its archive.</source>
        <translation>此群组不允许你查看历史消息。</translation>
    </message>
    <message>
        <source>The archive refused the request (%1).</source>
        <translation>消息归档拒绝了请求（%1）。</translation>
    </message>
    <message>
        <source>The archive refused the request: %1</source>
        <translation>消息归档拒绝了请求：%1</translation>
    </message>
    <message>
        <source>The server cannot store a group list for this account; groups are kept on this computer only.</source>
        <translation>服务器无法为此账号保存群组列表，群组仅保存在本机。</translation>
    </message>
    <message>
        <source>The server does not let this account change its group list.</source>
        <translation>服务器不允许此账号修改群组列表。</translation>
    </message>
    <message>
        <source>That is not the address of a group.</source>
        <translation>这不是群组地址。</translation>
    </message>
    <message>
        <source>The server refused to store the group list: %1</source>
        <translation>服务器拒绝保存群组列表：%1</translation>
    </message>
</context>
<context>
    <name>chorus::replies::Import</name>
    <message>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>第 %1 列</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text; save it as UTF-8 and import it again</source>
        <translation>文件不是 UTF-8 文本；请另存为 UTF-8 后重新导入</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text</source>
        <translation>文件不是 UTF-8 文本</translation>
    </message>
    <message>
        <source>text after a closing quote; a quote inside a quoted field is written ""</source>
        <translation>结束引号后还有文字；引号字段内的引号应写作 ""</translation>
    </message>
    <message>
        <source>a quote in the middle of an unquoted field; quote the whole field</source>
        <translation>未加引号的字段中间出现引号；请给整个字段加上引号</translation>
    </message>
    <message>
        <source>a quoted field is never closed</source>
        <translation>引号字段没有结束</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>unknown column '%1' (expected %2 or title:&lt;language&gt;, body:&lt;language&gt;, keywords:&lt;language&gt;)</source>
        <translation>未知的列“%1”（应为 %2，或 title:&lt;语言&gt;、body:&lt;语言&gt;、keywords:&lt;语言&gt;）</translation>
    </message>
    <message>
        <source>'%1' is not a language name like en or zh_CN</source>
        <translation>“%1”不是语言名称（例如 en 或 zh_CN）</translation>
    </message>
    <message>
        <source>column '%1' appears twice</source>
        <translation>列“%1”出现了两次</translation>
    </message>
    <message>
        <source>the header has no 'id' column</source>
        <translation>表头中没有“id”列</translation>
    </message>
    <message>
        <source>the header has no '%1' column</source>
        <translation>表头中没有“%1”列</translation>
    </message>
    <message>
        <source>the header has no language columns (title:en, body:en...)</source>
        <translation>表头中没有语言列（title:en、body:en…）</translation>
    </message>
    <message>
        <source>this row has %1 fields, the header has %2</source>
        <translation>此行有 %1 个字段，表头有 %2 个</translation>
    </message>
    <message>
        <source>a '\' at the end of the list escapes nothing</source>
        <translation>列表末尾的“\”没有可转义的内容</translation>
    </message>
    <message>
        <source>'%1' is not a scope: write all, tags:&lt;tag;tag&gt; or groups:&lt;group;group&gt;</source>
        <translation>“%1”不是有效范围：请写 all、tags:&lt;标签;标签&gt; 或 groups:&lt;群组;群组&gt;</translation>
    </message>
    <message>
        <source>the usage count must be a whole number, 0 or more</source>
        <translation>使用次数必须是大于等于 0 的整数</translation>
    </message>
    <message>
        <source>'%1' is not a date and time with a zone, like 2024-05-01T09:30:00Z</source>
        <translation>“%1”不是带时区的日期时间，例如 2024-05-01T09:30:00Z</translation>
    </message>
    <message>
        <source>template id '%1' is already used on line %2</source>
        <translation>模板 ID“%1”已在第 %2 行使用</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>空值</translation>
    </message>
    <message>
        <source>unknown field '%1' (expected one of: %2)</source>
        <translation>未知字段“%1”（应为以下之一：%2）</translation>
    </message>
    <message>
        <source>expected %1, found %2</source>
        <translation>应为%1，实际为%2</translation>
    </message>
    <message>
        <source>required field '%1' is missing</source>
        <translation>缺少必填字段“%1”</translation>
    </message>
    <message>
        <source>a list of text</source>
        <translation>文本列表</translation>
    </message>
    <message>
        <source>"all" or an object with "tags" or "groups"</source>
        <translation>"all"，或包含 "tags" 或 "groups" 的对象</translation>
    </message>
    <message>
        <source>a scope has either "tags" or "groups"</source>
        <translation>范围只能包含 "tags" 或 "groups" 之一</translation>
    </message>
    <message>
        <source>an object of languages</source>
        <translation>按语言组织的对象</translation>
    </message>
    <message>
        <source>required field 'variants' is missing</source>
        <translation>缺少必填字段“variants”</translation>
    </message>
    <message>
        <source>%1 (template %2)</source>
        <translation>%1（模板 %2）</translation>
    </message>
    <message>
        <source>'%1' is not a variable name (letters, digits and '_')</source>
        <translation>“%1”不是变量名（只能包含字母、数字和“_”）</translation>
    </message>
    <message>
        <source>'%1' is built in and cannot be redefined</source>
        <translation>“%1”是内置变量，不能重新定义</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>不是有效的 JSON：%1</translation>
    </message>
    <message>
        <source>a reply library is a JSON object</source>
        <translation>回复库必须是 JSON 对象</translation>
    </message>
    <message>
        <source>not a Chorus reply library ("format" must be "%1")</source>
        <translation>不是 Chorus 回复库（"format" 必须为 "%1"）</translation>
    </message>
    <message>
        <source>schema version %1 is not supported (this Chorus reads 1 to %2)</source>
        <translation>不支持版本 %1（此版本的 Chorus 支持 1 到 %2）</translation>
    </message>
    <message>
        <source>variable '%1' is declared twice</source>
        <translation>变量“%1”声明了两次</translation>
    </message>
    <message>
        <source>required field 'templates' is missing</source>
        <translation>缺少必填字段“templates”</translation>
    </message>
    <message>
        <source>the starter library is missing from this build</source>
        <translation>此版本缺少入门回复库</translation>
    </message>
</context>
<context>
    <name>chorus::replies::Placeholders</name>
    <message>
        <source>'{' at position %1 is not closed; write '{{' for a literal brace</source>
        <translation>位置 %1 的“{”没有闭合；如需原样显示花括号请写“{{”</translation>
    </message>
    <message>
        <source>'}' at position %1 closes nothing; write '}}' for a literal brace</source>
        <translation>位置 %1 的“}”没有对应的开括号；如需原样显示花括号请写“}}”</translation>
    </message>
    <message>
        <source>'{}' at position %1 names no variable</source>
        <translation>位置 %1 的“{}”中没有变量名</translation>
    </message>
    <message>
        <source>character at position %1 cannot be part of a variable name (letters, digits and '_' only)</source>
        <translation>位置 %1 的字符不能用于变量名（只能是字母、数字和“_”）</translation>
    </message>
</context>
<context>
    <name>chorus::replies::Suggester</name>
    <message>
        <source>cannot open the in-memory index: %1</source>
        <translation>无法打开内存索引：%1</translation>
    </message>
    <message>
        <source>cannot build the suggestion index: %1</source>
        <translation>无法建立推荐索引：%1</translation>
    </message>
</context>
<context>
    <name>chorus::replies::Template</name>
    <message>
        <source>id must be lower-case letters, digits, '.', '_' or '-'</source>
        <translation>ID 只能包含小写字母、数字、“.”、“_”或“-”</translation>
    </message>
    <message>
        <source>a shortcut starts with '/' followed by letters, digits, '_' or '-'</source>
        <translation>快捷指令以“/”开头，后跟字母、数字、“_”或“-”</translation>
    </message>
    <message>
        <source>a tag scope needs at least one tag</source>
        <translation>按标签的范围至少需要一个标签</translation>
    </message>
    <message>
        <source>a group scope needs at least one group</source>
        <translation>按群组的范围至少需要一个群组</translation>
    </message>
    <message>
        <source>a tag cannot be empty</source>
        <translation>标签不能为空</translation>
    </message>
    <message>
        <source>a group id cannot be empty</source>
        <translation>群组 ID 不能为空</translation>
    </message>
    <message>
        <source>an attachment is a file path or an http(s) URL</source>
        <translation>附件必须是文件路径或 http(s) 网址</translation>
    </message>
    <message>
        <source>usage count cannot be negative</source>
        <translation>使用次数不能为负数</translation>
    </message>
    <message>
        <source>a template needs at least one language</source>
        <translation>模板至少需要一种语言</translation>
    </message>
    <message>
        <source>'%1' is not a language name like en or zh_CN</source>
        <translation>“%1”不是语言名称（例如 en 或 zh_CN）</translation>
    </message>
    <message>
        <source>the title is empty</source>
        <translation>标题为空</translation>
    </message>
    <message>
        <source>the text is empty</source>
        <translation>正文为空</translation>
    </message>
    <message>
        <source>a keyword cannot be empty</source>
        <translation>关键词不能为空</translation>
    </message>
</context>
<context>
    <name>chorus::replies::TemplateRepository</name>
    <message>
        <source>The template "%1" was not saved: %2</source>
        <translation>模板“%1”未保存：%2</translation>
    </message>
    <message>
        <source>A template use needs a time.</source>
        <translation>记录模板使用时需要时间。</translation>
    </message>
    <message>
        <source>A group variable needs a name.</source>
        <translation>群组变量需要名称。</translation>
    </message>
</context>
<context>
    <name>chorus::sales::CatalogCsv</name>
    <message>
        <source>the options end with a lone backslash</source>
        <translation>选项以单独的反斜杠结尾</translation>
    </message>
    <message>
        <source>the option "%1" is not written key=kind</source>
        <translation>选项“%1”不是 key=kind 的格式</translation>
    </message>
    <message>
        <source>the option "%1" has the kind "%2"; use datetime, date, party_size, pickup_point or text</source>
        <translation>选项“%1”的类型为“%2”；请使用 datetime、date、party_size、pickup_point 或 text</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text; save it as "CSV UTF-8"</source>
        <translation>文件不是 UTF-8 文本；请另存为“CSV UTF-8”</translation>
    </message>
    <message>
        <source>the file is empty; the first line must be the header</source>
        <translation>文件为空；第一行必须是表头</translation>
    </message>
    <message>
        <source>unknown column "%1"; the columns are %2</source>
        <translation>未知的列“%1”；可用的列为 %2</translation>
    </message>
    <message>
        <source>the column "%1" appears twice</source>
        <translation>列“%1”出现了两次</translation>
    </message>
    <message>
        <source>the column "%1" is missing</source>
        <translation>缺少列“%1”</translation>
    </message>
    <message>
        <source>%1 fields where the header has %2 (a comma inside a value needs quotes)</source>
        <translation>有 %1 个字段，而表头有 %2 个（值中含逗号时需要加引号）</translation>
    </message>
    <message>
        <source>the %1 is empty</source>
        <translation>%1为空</translation>
    </message>
    <message>
        <source>"%1" is not an ISO 4217 currency code (like USD, CNY, JPY)</source>
        <translation>“%1”不是 ISO 4217 货币代码（例如 USD、CNY、JPY）</translation>
    </message>
    <message>
        <source>bad price: %1</source>
        <translation>价格无效：%1</translation>
    </message>
    <message>
        <source>the price %1 is negative</source>
        <translation>价格 %1 为负数</translation>
    </message>
    <message>
        <source>a synonym list has an empty entry or a lone backslash (separate with |)</source>
        <translation>同义词列表中有空项或单独的反斜杠（请用 | 分隔）</translation>
    </message>
    <message>
        <source>priced_per is "%1"; write item or person</source>
        <translation>priced_per 为“%1”；请写 item 或 person</translation>
    </message>
    <message>
        <source>availability is "%1"; write all, tags:a|b or groups:room@host</source>
        <translation>availability 为“%1”；请写 all、tags:a|b 或 groups:room@host</translation>
    </message>
    <message>
        <source>the id "%1" is already used on line %2</source>
        <translation>ID“%1”已在第 %2 行使用</translation>
    </message>
</context>
<context>
    <name>chorus::sales::CatalogItem</name>
    <message>
        <source>the id is empty</source>
        <translation>ID 为空</translation>
    </message>
    <message>
        <source>the id "%1" contains spaces or control characters</source>
        <translation>ID“%1”包含空格或控制字符</translation>
    </message>
    <message>
        <source>the name is empty</source>
        <translation>名称为空</translation>
    </message>
    <message>
        <source>the price has no known currency</source>
        <translation>价格的货币未知</translation>
    </message>
    <message>
        <source>the price is negative</source>
        <translation>价格为负数</translation>
    </message>
    <message>
        <source>a synonym is empty</source>
        <translation>同义词为空</translation>
    </message>
    <message>
        <source>the option key "%1" is not made of a-z, 0-9 and _</source>
        <translation>选项键“%1”只能由 a-z、0-9 和 _ 组成</translation>
    </message>
    <message>
        <source>the option "%1" appears twice</source>
        <translation>选项“%1”出现了两次</translation>
    </message>
    <message>
        <source>the availability names no tag or group</source>
        <translation>可用范围没有指定标签或群组</translation>
    </message>
    <message>
        <source>the availability has an empty tag or group</source>
        <translation>可用范围中有空的标签或群组</translation>
    </message>
</context>
<context>
    <name>chorus::sales::CatalogRepository</name>
    <message>
        <source>The catalog item "%1" was not saved: %2</source>
        <translation>商品“%1”未保存：%2</translation>
    </message>
</context>
<context>
    <name>chorus::sales::Csv</name>
    <message>
        <source>a quote inside an unquoted field (quote the whole field and double the quote)</source>
        <translation>未加引号的字段中出现引号（请给整个字段加引号，并把引号写两遍）</translation>
    </message>
    <message>
        <source>text after a closing quote (a field is either quoted completely or not at all)</source>
        <translation>结束引号后还有文字（字段要么整体加引号，要么完全不加）</translation>
    </message>
    <message>
        <source>a quoted field is never closed</source>
        <translation>引号字段没有结束</translation>
    </message>
</context>
<context>
    <name>chorus::sales::Money</name>
    <message>
        <source>"%1" is not an ISO 4217 currency code</source>
        <translation>“%1”不是 ISO 4217 货币代码</translation>
    </message>
    <message>
        <source>"%1" is not an amount (write it like 12.50)</source>
        <translation>“%1”不是金额（请写成 12.50 这样的格式）</translation>
    </message>
    <message numerus="yes">
        <source>%1 has at most %n decimal(s), "%2" has more</source>
        <translation>
            <numerusform>%1 最多有 %n 位小数，“%2”超出了</numerusform>
        </translation>
    </message>
    <message>
        <source>"%1" is too large</source>
        <translation>“%1”过大</translation>
    </message>
    <message>
        <source>cannot add %1 to %2</source>
        <translation>不能把 %1 加到 %2 上</translation>
    </message>
    <message>
        <source>the amount is too large</source>
        <translation>金额过大</translation>
    </message>
    <message>
        <source>cannot subtract %1 from %2</source>
        <translation>不能从 %2 中减去 %1</translation>
    </message>
</context>
<context>
    <name>chorus::sales::Order</name>
    <message>
        <source>the change is not dated after the order's last change (check the clock)</source>
        <translation>此更改的时间不晚于订单的上一次更改（请检查时钟）</translation>
    </message>
</context>
<context>
    <name>chorus::sales::OrderLifecycle</name>
    <message>
        <source>the order is already %1</source>
        <translation>订单已经是%1状态</translation>
    </message>
    <message>
        <source>the order is %1; nothing can follow</source>
        <translation>订单为%1状态，不能再变更</translation>
    </message>
    <message>
        <source>the order is paid: refund it instead of cancelling it</source>
        <translation>订单已付款：请退款而不是取消</translation>
    </message>
    <message>
        <source>only a paid order can be refunded</source>
        <translation>只有已付款的订单才能退款</translation>
    </message>
    <message>
        <source>an order cannot go from %1 to %2</source>
        <translation>订单不能从%1变为%2</translation>
    </message>
    <message>
        <source>the event belongs to order %1</source>
        <translation>该事件属于订单 %1</translation>
    </message>
    <message>
        <source>another event already has the id %1</source>
        <translation>已有另一个事件使用 ID %1</translation>
    </message>
    <message>
        <source>%1 changed it from %2 to %3, but by then it was %4</source>
        <translation>%1 将其从%2改为%3，但当时订单已是%4</translation>
    </message>
</context>
<context>
    <name>chorus::sales::OrderRepository</name>
    <message>
        <source>The order's total is too large to store.</source>
        <translation>订单总额过大，无法保存。</translation>
    </message>
    <message>
        <source>Every order line needs a quantity of at least 1 and a price in a known currency ("%1").</source>
        <translation>每个订单项的数量至少为 1，且价格须使用已知货币（“%1”）。</translation>
    </message>
    <message>
        <source>An order event needs an id, an author and a time.</source>
        <translation>订单事件需要 ID、操作人和时间。</translation>
    </message>
    <message>
        <source>An order event with this id belongs to another order.</source>
        <translation>此 ID 的订单事件属于另一个订单。</translation>
    </message>
    <message>
        <source>An order needs an id and a group.</source>
        <translation>订单需要 ID 和所属群组。</translation>
    </message>
    <message>
        <source>An order needs its creation event.</source>
        <translation>订单需要有创建事件。</translation>
    </message>
    <message>
        <source>An order event belongs to another order.</source>
        <translation>该订单事件属于另一个订单。</translation>
    </message>
    <message>
        <source>The order number "%1" is not valid: it needs a prefix of 1 to 8 letters A-Z or digits and a date.</source>
        <translation>订单号“%1”无效：需要由 1 到 8 位字母 A-Z 或数字组成的前缀和日期。</translation>
    </message>
    <message>
        <source>The order number %1 is already used.</source>
        <translation>订单号 %1 已被使用。</translation>
    </message>
    <message>
        <source>Only a draft order can be changed; send the order back to draft first.</source>
        <translation>只有草稿订单可以修改；请先将订单退回草稿。</translation>
    </message>
</context>
<context>
    <name>chorus::store::StoreError</name>
    <message>
        <source>The message store %1 was written by a newer version of Chorus. Chorus has not changed it. Update Chorus to open this profile.</source>
        <translation>消息库 %1 由更新版本的 Chorus 写入，Chorus 未对其做任何更改。请升级 Chorus 后再打开此配置。</translation>
    </message>
    <message>
        <source>The message store %1 is damaged or is not a Chorus database. Chorus has not changed it. Quit Chorus and move the file aside (or restore a backup): history is downloaded from the server again, but notes and orders kept only in this file will be missing.</source>
        <translation>消息库 %1 已损坏或不是 Chorus 数据库，Chorus 未对其做任何更改。请退出 Chorus，将该文件移到别处（或从备份恢复）：历史消息会从服务器重新下载，但只保存在此文件中的备注和订单将会丢失。</translation>
    </message>
    <message>
        <source>Chorus cannot write to the message store %1. Check that the file and its folder are writable by you and that the disk is not mounted read-only.</source>
        <translation>Chorus 无法写入消息库 %1。请检查你对该文件及其所在文件夹是否有写入权限，以及磁盘是否以只读方式挂载。</translation>
    </message>
    <message>
        <source>The disk holding the message store %1 is full. Nothing already stored was lost; free some space and Chorus will continue saving.</source>
        <translation>消息库 %1 所在的磁盘已满。已保存的内容没有丢失；释放一些空间后，Chorus 会继续保存。</translation>
    </message>
    <message>
        <source>The message store %1 is in use by another program (perhaps a second Chorus with the same profile). Close it and try again.</source>
        <translation>消息库 %1 正被其他程序使用（可能是使用同一配置的另一个 Chorus）。请将其关闭后重试。</translation>
    </message>
    <message>
        <source>Chorus cannot open or create the message store %1. Check that the folder exists and that you may write to it.</source>
        <translation>Chorus 无法打开或创建消息库 %1。请检查文件夹是否存在，以及你是否有写入权限。</translation>
    </message>
    <message>
        <source>The disk reported an error while Chorus used the message store %1. Check the disk; nothing was half-written.</source>
        <translation>Chorus 使用消息库 %1 时磁盘报告了错误。请检查磁盘；没有写入不完整的数据。</translation>
    </message>
    <message>
        <source>Chorus could not upgrade the message store %1. It was left as it was before the upgrade; please report this problem.</source>
        <translation>Chorus 无法升级消息库 %1，该文件已保持升级前的状态；请报告此问题。</translation>
    </message>
    <message>
        <source>The request to the message store was not valid.</source>
        <translation>对消息库的请求无效。</translation>
    </message>
    <message>
        <source>The requested item is not in the message store.</source>
        <translation>消息库中没有所请求的内容。</translation>
    </message>
    <message>
        <source>The message store is not open.</source>
        <translation>消息库未打开。</translation>
    </message>
    <message>
        <source>The message store %1 reported an unexpected error; please report this problem.</source>
        <translation>消息库 %1 发生意外错误；请报告此问题。</translation>
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
    <name>chorus::ui::AppController</name>
    <message>
        <source>Starting the demo server…</source>
        <translation>正在启动演示服务器…</translation>
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
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
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
            <numerusform>连接已断开，%n 秒后重连</numerusform>
        </translation>
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
    <name>chorus::ui::GroupActions</name>
    <message>
        <source>The group was not created: %1</source>
        <translation>群组未创建：%1</translation>
    </message>
    <message>
        <source>The group was not added: %1</source>
        <translation>群组未添加：%1</translation>
    </message>
    <message>
        <source>The changes were not saved: %1</source>
        <translation>更改未保存：%1</translation>
    </message>
    <message>
        <source>Leave group</source>
        <translation>退出群组</translation>
    </message>
    <message>
        <source>Leave “%1” and remove it from your groups? Its members stay; you can add it again later by its address.</source>
        <translation>退出“%1”并将其从你的群组中移除？群成员不受影响；之后可以通过地址重新添加。</translation>
    </message>
    <message>
        <source>Could not leave the group: %1</source>
        <translation>无法退出群组：%1</translation>
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
    <name>chorus::ui::GroupDialog</name>
    <message>
        <source>New group</source>
        <translation>新建群组</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>创建(&amp;C)</translation>
    </message>
    <message>
        <source>Add an existing group</source>
        <translation>添加已有群组</translation>
    </message>
    <message>
        <source>&amp;Add and join</source>
        <translation>添加并加入(&amp;A)</translation>
    </message>
    <message>
        <source>Group settings</source>
        <translation>群组设置</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Bali arrivals, Yoga Monday 7pm, HSK3 evening…</source>
        <translation>巴厘岛接待群、周一晚 7 点瑜伽、HSK3 晚班…</translation>
    </message>
    <message>
        <source>destination, class, cohort… separated by commas</source>
        <translation>目的地、课程、期次…用逗号分隔</translation>
    </message>
    <message>
        <source>group@conference.example.org</source>
        <translation>group@conference.example.org</translation>
    </message>
    <message>
        <source>made from the name</source>
        <translation>根据名称生成</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation>地址(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>标签(&amp;T)：</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>时区(&amp;Z)：</translation>
    </message>
    <message>
        <source>New groups follow the rules of a trusted group: people join by invitation or QR code, the open invitation closes at 100 members, the group holds at most 500, nicknames hide members' accounts and newcomers don't see earlier messages. You can change these later in the group's settings.</source>
        <translation>新群组遵循可信群的规则：成员通过邀请或二维码加入，满 100 人后公开邀请自动关闭，群组最多 500 人，昵称隐藏成员账号，新成员看不到之前的消息。之后可以在群组设置中修改。</translation>
    </message>
    <message>
        <source>Give the group a name.</source>
        <translation>请为群组命名。</translation>
    </message>
    <message>
        <source>“%1” is not a time zone. Pick one from the list, for example Asia/Makassar for Bali.</source>
        <translation>“%1”不是时区。请从列表中选择，例如巴厘岛为 Asia/Makassar。</translation>
    </message>
    <message>
        <source>Enter the group's address, for example bali@conference.example.org.</source>
        <translation>请输入群组地址，例如 bali@conference.example.org。</translation>
    </message>
    <message>
        <source>Use only letters a–z, digits, dots, dashes and underscores in the address.</source>
        <translation>地址中只能使用字母 a–z、数字、点、短横线和下划线。</translation>
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
        <source>&amp;Leave group</source>
        <translation>退出群组(&amp;L)</translation>
    </message>
    <message>
        <source>Group &amp;settings…</source>
        <translation>群组设置(&amp;S)…</translation>
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
    <message>
        <source>&amp;New group…</source>
        <translation>新建群组(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Add existing group…</source>
        <translation>添加已有群组(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Search messages…</source>
        <translation>搜索消息(&amp;S)…</translation>
    </message>
    <message>
        <source>Uploading %1…</source>
        <translation>正在上传 %1…</translation>
    </message>
    <message>
        <source>%1 was not sent: %2</source>
        <translation>%1 未发送：%2</translation>
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
            <numerusform>%n 位成员，%1 位在线</numerusform>
        </translation>
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
    <message>
        <source>preview unavailable: %1</source>
        <translation>无法预览：%1</translation>
    </message>
    <message>
        <source>Loading image…</source>
        <translation>正在加载图片…</translation>
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
            <numerusform>Chorus：%n 条未读</numerusform>
        </translation>
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
    <name>chorus::ui::SearchDialog</name>
    <message>
        <source>Search messages</source>
        <translation>搜索消息</translation>
    </message>
    <message>
        <source>Words or "a phrase", in any language</source>
        <translation>关键词或“短语”，任何语言均可</translation>
    </message>
    <message>
        <source>Search text</source>
        <translation>搜索内容</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>所有群组</translation>
    </message>
    <message>
        <source>This group: %1</source>
        <translation>本群：%1</translation>
    </message>
    <message>
        <source>Where to search</source>
        <translation>搜索范围</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>群组</translation>
    </message>
    <message>
        <source>From</source>
        <translation>发送者</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Type to search every group's messages kept on this computer.</source>
        <translation>输入内容，搜索本机保存的所有群组消息。</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>搜索失败：%1</translation>
    </message>
    <message>
        <source>No messages match. Check the spelling, or search all groups.</source>
        <translation>没有匹配的消息。请检查拼写，或在所有群组中搜索。</translation>
    </message>
    <message numerus="yes">
        <source>%n newest match(es) shown; older ones exist — add words to narrow it.</source>
        <translation>
            <numerusform>显示最新的 %n 条结果；还有更早的匹配——请添加关键词缩小范围。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es). Enter opens the selected one.</source>
        <translation>
            <numerusform>共 %n 条结果。按回车打开所选消息。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Composer › Send</source>
        <translation>输入框 › 发送</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Composer › New line</source>
        <translation>输入框 › 换行</translation>
    </message>
    <message>
        <source>Shift+Enter</source>
        <translation>Shift+Enter</translation>
    </message>
    <message>
        <source>Composer › Mention a member</source>
        <translation>输入框 › @提及成员</translation>
    </message>
    <message>
        <source>@ then the first letters</source>
        <translation>输入 @ 加名字开头几个字</translation>
    </message>
    <message>
        <source>Composer › Cancel the reply</source>
        <translation>输入框 › 取消回复</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Timeline › Reply to a message</source>
        <translation>时间线 › 回复消息</translation>
    </message>
    <message>
        <source>Double-click or Enter</source>
        <translation>双击或按 Enter</translation>
    </message>
    <message>
        <source>Waiting › Mark handled</source>
        <translation>待处理 › 标记为已处理</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Any list › Move</source>
        <translation>任意列表 › 移动</translation>
    </message>
    <message>
        <source>Up, Down, Page Up, Page Down</source>
        <translation>上、下、Page Up、Page Down</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
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
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Signing in to the demo…</source>
        <translation>正在登录演示…</translation>
    </message>
</context>
<context>
    <name>chorus::ui::ThumbnailCache</name>
    <message>
        <source>Only web addresses can be previewed.</source>
        <translation>只能预览网址。</translation>
    </message>
    <message>
        <source>The image is larger than %1 MB.</source>
        <translation>图片大于 %1 MB。</translation>
    </message>
    <message>
        <source>The link is not an image (%1).</source>
        <translation>该链接不是图片（%1）。</translation>
    </message>
    <message>
        <source>Vector images are not previewed.</source>
        <translation>不预览矢量图片。</translation>
    </message>
    <message>
        <source>The image could not be read.</source>
        <translation>无法读取图片。</translation>
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
            <numerusform>%n 位成员</numerusform>
        </translation>
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
        <translation>无法将密码保存到系统密钥环（%1）。请启动 GNOME Keyring 等密钥环服务后重试。</translation>
    </message>
    <message>
        <source>No account is saved yet.</source>
        <translation>还没有保存的账号。</translation>
    </message>
    <message>
        <source>The keychain has no password for %1. Sign in again.</source>
        <translation>系统密钥环中没有 %1 的密码，请重新登录。</translation>
    </message>
    <message>
        <source>The keychain could not be read (%1).</source>
        <translation>无法读取系统密钥环（%1）。</translation>
    </message>
    <message>
        <source>The password could not be saved in the system keychain (%1); it is used from the password file this time only.</source>
        <translation>无法将密码保存到系统密钥环（%1）；本次仅使用密码文件中的密码。</translation>
    </message>
</context>
<context>
    <name>chorus::workspace::DemoServer</name>
    <message>
        <source>Starting the demo server…</source>
        <translation>正在启动演示服务器…</translation>
    </message>
    <message>
        <source>Creating the demo operator account…</source>
        <translation>正在创建演示运营者账号…</translation>
    </message>
    <message>
        <source>Creating demo groups…</source>
        <translation>正在创建演示群组…</translation>
    </message>
    <message>
        <source>Bringing in simulated members…</source>
        <translation>正在加入模拟成员…</translation>
    </message>
    <message>
        <source>Starting the demo server</source>
        <translation>启动演示服务器</translation>
    </message>
    <message>
        <source>Creating the demo operator account</source>
        <translation>创建演示运营者账号</translation>
    </message>
    <message>
        <source>Creating the demo groups</source>
        <translation>创建演示群组</translation>
    </message>
    <message>
        <source>Bringing in the simulated members</source>
        <translation>加入模拟成员</translation>
    </message>
    <message>
        <source>Prosody is not installed. Install the prosody package to try the demo.</source>
        <translation>未安装 Prosody。请安装 prosody 软件包后再试用演示。</translation>
    </message>
    <message>
        <source>The demo needs %1, which could not be found.</source>
        <translation>演示需要 %1，但未找到。</translation>
    </message>
    <message>
        <source>The demo groups could not be read from %1.</source>
        <translation>无法从 %1 读取演示群组。</translation>
    </message>
    <message>
        <source>Could not create a folder for the demo server under %1.</source>
        <translation>无法在 %1 下为演示服务器创建文件夹。</translation>
    </message>
    <message>
        <source>Could not create a folder for the demo server: %1</source>
        <translation>无法为演示服务器创建文件夹：%1</translation>
    </message>
    <message>
        <source>%1 did not finish within %2 seconds.</source>
        <translation>%1 未在 %2 秒内完成。</translation>
    </message>
    <message>
        <source>Could not run %1: %2</source>
        <translation>无法运行 %1：%2</translation>
    </message>
    <message>
        <source>Prosody did not start: %1</source>
        <translation>Prosody 未能启动：%1</translation>
    </message>
    <message>
        <source>it exited with code %1</source>
        <translation>退出代码为 %1</translation>
    </message>
    <message>
        <source>%1 failed (exit code %2).</source>
        <translation>%1 失败（退出代码 %2）。</translation>
    </message>
    <message>
        <source>The demo server did not say where it listens.</source>
        <translation>演示服务器未告知其监听地址。</translation>
    </message>
    <message>
        <source>The demo was stopped.</source>
        <translation>演示已停止。</translation>
    </message>
</context>
<context>
    <name>chorus::workspace::HeadlessAgent</name>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>sign-in failed: %1</source>
        <translation>登录失败：%1</translation>
    </message>
    <message>
        <source>No account to run: sign in once with the window, or give --account and --password-file.</source>
        <translation>没有可运行的账号：请先在窗口中登录一次，或提供 --account 和 --password-file。</translation>
    </message>
    <message>
        <source>starting for %1</source>
        <translation>正在为 %1 启动</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>connection lost (%1); reconnecting in %2 s</source>
        <translation>连接已断开（%1）；%2 秒后重连</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>offline: %1</source>
        <translation>离线：%1</translation>
    </message>
    <message>
        <source>group %1: %2</source>
        <translation>群组 %1：%2</translation>
    </message>
    <message>
        <source>joined %1</source>
        <translation>已加入 %1</translation>
    </message>
    <message>
        <source>caught up with %1</source>
        <translation>已同步 %1 的历史消息</translation>
    </message>
</context>
<context>
    <name>chorus::workspace::Session</name>
    <message>
        <source>The local store could not be opened: %1 Messages are shown but not kept.</source>
        <translation>无法打开本地消息库：%1消息仍会显示，但不会保存。</translation>
    </message>
</context>
<context>
    <name>chorus::workspace::Workspace</name>
    <message>
        <source>Chorus could not save to its local store: %1</source>
        <translation>Chorus 无法保存到本地消息库：%1</translation>
    </message>
</context>
<context>
    <name>chorus::xmpp::Error</name>
    <message>
        <source>The account's address or connection settings are not valid.</source>
        <translation>账号地址或连接设置无效。</translation>
    </message>
    <message>
        <source>The chat server could not be found. Check the address and your network.</source>
        <translation>找不到聊天服务器。请检查地址和网络。</translation>
    </message>
    <message>
        <source>The chat server refused the connection.</source>
        <translation>聊天服务器拒绝了连接。</translation>
    </message>
    <message>
        <source>The chat server did not answer in time.</source>
        <translation>聊天服务器未及时响应。</translation>
    </message>
    <message>
        <source>The connection to the chat server was lost.</source>
        <translation>与聊天服务器的连接已断开。</translation>
    </message>
    <message>
        <source>The chat server stopped responding.</source>
        <translation>聊天服务器已停止响应。</translation>
    </message>
    <message>
        <source>A secure connection to the chat server could not be set up.</source>
        <translation>无法与聊天服务器建立安全连接。</translation>
    </message>
    <message>
        <source>The server's certificate is not trusted. Compare its fingerprint with the one your administrator gave you before trusting it.</source>
        <translation>服务器证书不受信任。信任之前，请将其指纹与管理员提供的指纹进行比对。</translation>
    </message>
    <message>
        <source>The server's certificate has changed since you trusted it. This can mean someone is intercepting the connection; the connection was refused.</source>
        <translation>服务器证书在你信任之后发生了变化，这可能意味着有人在拦截连接；已拒绝连接。</translation>
    </message>
    <message>
        <source>The server did not offer an encrypted connection, so Chorus refused to continue.</source>
        <translation>服务器没有提供加密连接，因此 Chorus 拒绝继续。</translation>
    </message>
    <message>
        <source>The server could not start encryption.</source>
        <translation>服务器无法启动加密。</translation>
    </message>
    <message>
        <source>Signing in would send the password unencrypted, so Chorus refused.</source>
        <translation>登录会以明文发送密码，因此 Chorus 拒绝登录。</translation>
    </message>
    <message>
        <source>The server offers no sign-in method that Chorus supports.</source>
        <translation>服务器没有提供 Chorus 支持的登录方式。</translation>
    </message>
    <message>
        <source>Wrong address or password.</source>
        <translation>地址或密码错误。</translation>
    </message>
    <message>
        <source>This account has been disabled on the server.</source>
        <translation>此账号已在服务器上被停用。</translation>
    </message>
    <message>
        <source>The password has expired; change it with your provider.</source>
        <translation>密码已过期；请在服务提供方处修改。</translation>
    </message>
    <message>
        <source>The server requires an encrypted connection for signing in.</source>
        <translation>服务器要求使用加密连接登录。</translation>
    </message>
    <message>
        <source>The server considers the sign-in method too weak.</source>
        <translation>服务器认为此登录方式安全性太弱。</translation>
    </message>
    <message>
        <source>Signing in failed.</source>
        <translation>登录失败。</translation>
    </message>
    <message>
        <source>The server could not prove that it knows your password; the connection was refused.</source>
        <translation>服务器无法证明它知道你的密码；已拒绝连接。</translation>
    </message>
    <message>
        <source>The server did not start a session for this device.</source>
        <translation>服务器没有为此设备建立会话。</translation>
    </message>
    <message>
        <source>Another device signed in with the same session name and replaced this one.</source>
        <translation>另一台设备以相同的会话名称登录，替换了此设备。</translation>
    </message>
    <message>
        <source>The server closed the connection because a server policy was violated.</source>
        <translation>由于违反了服务器策略，服务器关闭了连接。</translation>
    </message>
    <message>
        <source>The server is shutting down.</source>
        <translation>服务器正在关闭。</translation>
    </message>
    <message>
        <source>The server closed the connection with an error.</source>
        <translation>服务器因错误关闭了连接。</translation>
    </message>
    <message>
        <source>The server sent data that breaks the protocol; the connection was closed.</source>
        <translation>服务器发送了违反协议的数据，连接已关闭。</translation>
    </message>
</context>
<context>
    <name>chorus::xmpp::MucError</name>
    <message>
        <source>Not connected to the server.</source>
        <translation>未连接到服务器。</translation>
    </message>
    <message>
        <source>The group did not answer in time.</source>
        <translation>群组未及时响应。</translation>
    </message>
    <message>
        <source>You are not in this group.</source>
        <translation>你不在此群组中。</translation>
    </message>
    <message>
        <source>This group is members-only and you are not a member.</source>
        <translation>此群组仅限成员加入，而你不是成员。</translation>
    </message>
    <message>
        <source>You are banned from this group.</source>
        <translation>你已被此群组封禁。</translation>
    </message>
    <message>
        <source>The group is full.</source>
        <translation>群组人数已满。</translation>
    </message>
    <message>
        <source>A limit of the server refused this.</source>
        <translation>已达到服务器的限制，操作被拒绝。</translation>
    </message>
    <message>
        <source>This group needs a password, and it was missing or wrong.</source>
        <translation>此群组需要密码，但未提供密码或密码错误。</translation>
    </message>
    <message>
        <source>Someone else in the group already uses this nickname.</source>
        <translation>群里已有其他人使用此昵称。</translation>
    </message>
    <message>
        <source>The group does not accept this nickname.</source>
        <translation>群组不接受此昵称。</translation>
    </message>
    <message>
        <source>The group does not allow this.</source>
        <translation>群组不允许此操作。</translation>
    </message>
    <message>
        <source>You do not have the privileges to do this in the group.</source>
        <translation>你在此群组中没有执行此操作的权限。</translation>
    </message>
    <message>
        <source>No such group or member.</source>
        <translation>群组或成员不存在。</translation>
    </message>
    <message>
        <source>The request was not valid.</source>
        <translation>请求无效。</translation>
    </message>
    <message>
        <source>The request was abandoned.</source>
        <translation>请求已取消。</translation>
    </message>
    <message>
        <source>The server refused the request.</source>
        <translation>服务器拒绝了请求。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>chorus::xmpp::MucManager</name>
    <message>
        <source>Not tried: the server's limit was reached first. %1</source>
        <translation>未尝试：已先达到服务器的上限。%1</translation>
    </message>
    <message>
        <source>Banned from this group</source>
        <translation>已被本群封禁</translation>
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
