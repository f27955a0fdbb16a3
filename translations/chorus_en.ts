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
        <source>Try &apos;chorus --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the password file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password file %1 is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render the main window once the workspace has settled, save it as a PNG &lt;file&gt; and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --screenshot: wait at most &lt;ms&gt; milliseconds for sign-in and joins (default 15000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in as &lt;jid&gt; without the dialog (needs --password-file). The password is saved in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the password for --account from the first line of &lt;file&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to &lt;host[:port]&gt; instead of looking up the account&apos;s domain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow an unencrypted connection, only to a server on this machine (the demo and tests).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the workspace without a window (activities keep running), logging to standard output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--screenshot-after needs a number of milliseconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--account needs an address like coach@example.org, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--account needs --password-file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--password-file needs --account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--server needs host or host:port with a port from 1 to 65535, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemberListModel</name>
    <message>
        <source>Moderator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visitor (muted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in the group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Banned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Away for long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Affiliation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::activities::ActivityRepository</name>
    <message>
        <source>An activity needs a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schedule of &quot;%1&quot; is not valid: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schedule of &quot;%1&quot; needs a start date and time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting times of &quot;%1&quot; cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; names a group twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group %1 is not among this account&apos;s groups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A firing needs its time, and a sent one the id of its message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A decision sends the firing (with its message) or skips it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::activities::Csv</name>
    <message>
        <source>A quote (&quot;) appears inside an unquoted value; quote the whole value and double inner quotes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text follows a closing quote; put a comma after it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A quoted value is never closed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::activities::MockInterview</name>
    <message>
        <source>Teacher mode needs a teacher.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody has signed up for the interviews yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session has no slots.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotation needs at least two students.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n student(s) in rotation need %1 slots.</source>
        <translation>
            <numerusform>%n student in rotation needs %1 slots.</numerusform>
            <numerusform>%n students in rotation need %1 slots.</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no slot %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This interview is not in the session&apos;s plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not part of the rubric.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be from 0 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no score.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::activities::QuestionBank</name>
    <message>
        <source>The file is larger than 1 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not UTF-8 text; save it as &quot;CSV UTF-8&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown column &quot;%1&quot; (expected question, topic, level).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column &quot;%1&quot; appears twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The header row needs a &quot;question&quot; column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 values, but the header names %2 columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level must be a number from 1 to 5, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The question is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The question is longer than %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same question is on line %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::activities::Recurrence</name>
    <message>
        <source>The time zone &quot;%1&quot; cannot be written to a calendar file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known time zone. Use an IANA name such as Europe/Berlin or Asia/Makassar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time zone &quot;%1&quot; cannot be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schedule needs a valid start date and time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This rule never fires: counting INTERVAL from the start time never reaches the hours or days it is limited to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This rule never fires (check the dates, BYMONTHDAY and UNTIL).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The repeat rule is empty. Example: FREQ=DAILY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not of the form NAME=VALUE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (non-Gregorian calendars) is not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a part of a repeat rule (RFC 5545).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is given twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FREQ must be one of MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COUNT must be a whole number from 1 to 100000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>INTERVAL must be a whole number from 1 to 10000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedules cannot fire more often than once a minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule has no FREQ. Add for example FREQ=DAILY or FREQ=WEEKLY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COUNT and UNTIL cannot be used together; keep one of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With FREQ=%1, Chorus supports only INTERVAL, BYDAY (plain weekdays), BYHOUR, BYMINUTE (hourly), COUNT and UNTIL. For other filters use FREQ=DAILY with BYHOUR and BYMINUTE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UNTIL must be a date (20250131) or a date and time (20250131T180000Z).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has a value that is out of range or misspelt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The repeat rule is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::activities::SignupRepository</name>
    <message>
        <source>The group %1 is not among this account&apos;s groups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every sign-up entry needs a member, and a member can sign up once.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::activities::WordChain</name>
    <message>
        <source>A round is already running; stop it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not in the dictionary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in the dictionary follows &quot;%1&quot;; pick another word.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::activities::WordList</name>
    <message>
        <source>Cannot read the word list %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The word list has no usable words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 is not a four-character idiom: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The idiom list is empty.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::chat::XmppChatService</name>
    <message>
        <source>The server limits how many groups one account may be in: %1 groups were refused and %2 were not tried. %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You were removed from the group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You were banned from the group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group became members-only and you are not a member.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group service is shutting down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group dropped you after a technical problem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group no longer knew you; joining again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed nickname to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kicked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>banned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A message to %1 was not delivered: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catching up with %1 stopped: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not the address of a group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server has not said where groups live yet; give the group&apos;s full address (name@groups.example.org).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a valid group address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A group with the address %1 already exists. Pick another address, or add the existing group instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not apply these settings to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not in the group right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This group&apos;s server cannot remove messages (no XEP-0425 moderation). Members keep seeing it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an account address.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::chat::convert</name>
    <message>
        <source>Not connected: the request was not sent. It can be tried again once Chorus is back online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the request (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the request: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive no longer has that part of the history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This group keeps no archive on the server, so older messages cannot be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group does not let you read its archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive refused the request (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive refused the request: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cannot store a group list for this account; groups are kept on this computer only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not let this account change its group list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not the address of a group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused to store the group list: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::replies::Import</name>
    <message>
        <source>line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is not UTF-8 text; save it as UTF-8 and import it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is not UTF-8 text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text after a closing quote; a quote inside a quoted field is written &quot;&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a quote in the middle of an unquoted field; quote the whole field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a quoted field is never closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown column &apos;%1&apos; (expected %2 or title:&lt;language&gt;, body:&lt;language&gt;, keywords:&lt;language&gt;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a language name like en or zh_CN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column &apos;%1&apos; appears twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the header has no &apos;id&apos; column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the header has no &apos;%1&apos; column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the header has no language columns (title:en, body:en...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this row has %1 fields, the header has %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a &apos;\&apos; at the end of the list escapes nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a scope: write all, tags:&lt;tag;tag&gt; or groups:&lt;group;group&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the usage count must be a whole number, 0 or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a date and time with a zone, like 2024-05-01T09:30:00Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>template id &apos;%1&apos; is already used on line %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown field &apos;%1&apos; (expected one of: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1, found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required field &apos;%1&apos; is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list of text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;all&quot; or an object with &quot;tags&quot; or &quot;groups&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a scope has either &quot;tags&quot; or &quot;groups&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object of languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required field &apos;variants&apos; is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (template %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a variable name (letters, digits and &apos;_&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is built in and cannot be redefined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a reply library is a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a Chorus reply library (&quot;format&quot; must be &quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schema version %1 is not supported (this Chorus reads 1 to %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>variable &apos;%1&apos; is declared twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required field &apos;templates&apos; is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the starter library is missing from this build</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::replies::Placeholders</name>
    <message>
        <source>&apos;{&apos; at position %1 is not closed; write &apos;{{&apos; for a literal brace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;}&apos; at position %1 closes nothing; write &apos;}}&apos; for a literal brace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{}&apos; at position %1 names no variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>character at position %1 cannot be part of a variable name (letters, digits and &apos;_&apos; only)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::replies::Suggester</name>
    <message>
        <source>cannot open the in-memory index: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot build the suggestion index: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::replies::Template</name>
    <message>
        <source>id must be lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a shortcut starts with &apos;/&apos; followed by letters, digits, &apos;_&apos; or &apos;-&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a tag scope needs at least one tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a group scope needs at least one group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a tag cannot be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a group id cannot be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an attachment is a file path or an http(s) URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage count cannot be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a template needs at least one language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a language name like en or zh_CN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the title is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the text is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a keyword cannot be empty</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::replies::TemplateRepository</name>
    <message>
        <source>The template &quot;%1&quot; was not saved: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A template use needs a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A group variable needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::sales::CatalogCsv</name>
    <message>
        <source>the options end with a lone backslash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the option &quot;%1&quot; is not written key=kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the option &quot;%1&quot; has the kind &quot;%2&quot;; use datetime, date, party_size, pickup_point or text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is not UTF-8 text; save it as &quot;CSV UTF-8&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty; the first line must be the header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown column &quot;%1&quot;; the columns are %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the column &quot;%1&quot; appears twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the column &quot;%1&quot; is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fields where the header has %2 (a comma inside a value needs quotes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ISO 4217 currency code (like USD, CNY, JPY)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad price: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the price %1 is negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a synonym list has an empty entry or a lone backslash (separate with |)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>priced_per is &quot;%1&quot;; write item or person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>availability is &quot;%1&quot;; write all, tags:a|b or groups:room@host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the id &quot;%1&quot; is already used on line %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::sales::CatalogItem</name>
    <message>
        <source>the id is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the id &quot;%1&quot; contains spaces or control characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the price has no known currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the price is negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a synonym is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the option key &quot;%1&quot; is not made of a-z, 0-9 and _</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the option &quot;%1&quot; appears twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the availability names no tag or group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the availability has an empty tag or group</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::sales::CatalogRepository</name>
    <message>
        <source>The catalog item &quot;%1&quot; was not saved: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::sales::Csv</name>
    <message>
        <source>a quote inside an unquoted field (quote the whole field and double the quote)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text after a closing quote (a field is either quoted completely or not at all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a quoted field is never closed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::sales::Money</name>
    <message>
        <source>&quot;%1&quot; is not an ISO 4217 currency code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount (write it like 12.50)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 has at most %n decimal(s), &quot;%2&quot; has more</source>
        <translation>
            <numerusform>%1 has at most %n decimal, &quot;%2&quot; has more</numerusform>
            <numerusform>%1 has at most %n decimals, &quot;%2&quot; has more</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot add %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the amount is too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot subtract %1 from %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::sales::Order</name>
    <message>
        <source>the change is not dated after the order&apos;s last change (check the clock)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::sales::OrderLifecycle</name>
    <message>
        <source>the order is already %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the order is %1; nothing can follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the order is paid: refund it instead of cancelling it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only a paid order can be refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an order cannot go from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the event belongs to order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another event already has the id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed it from %2 to %3, but by then it was %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::sales::OrderRepository</name>
    <message>
        <source>The order&apos;s total is too large to store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every order line needs a quantity of at least 1 and a price in a known currency (&quot;%1&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An order event needs an id, an author and a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An order event with this id belongs to another order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An order needs an id and a group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An order needs its creation event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An order event belongs to another order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order number &quot;%1&quot; is not valid: it needs a prefix of 1 to 8 letters A-Z or digits and a date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order number %1 is already used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a draft order can be changed; send the order back to draft first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::store::StoreError</name>
    <message>
        <source>The message store %1 was written by a newer version of Chorus. Chorus has not changed it. Update Chorus to open this profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message store %1 is damaged or is not a Chorus database. Chorus has not changed it. Quit Chorus and move the file aside (or restore a backup): history is downloaded from the server again, but notes and orders kept only in this file will be missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chorus cannot write to the message store %1. Check that the file and its folder are writable by you and that the disk is not mounted read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk holding the message store %1 is full. Nothing already stored was lost; free some space and Chorus will continue saving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message store %1 is in use by another program (perhaps a second Chorus with the same profile). Close it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chorus cannot open or create the message store %1. Check that the folder exists and that you may write to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk reported an error while Chorus used the message store %1. Check the disk; nothing was half-written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chorus could not upgrade the message store %1. It was left as it was before the upgrade; please report this problem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request to the message store was not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The requested item is not in the message store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message store is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message store %1 reported an unexpected error; please report this problem.</source>
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
    <name>chorus::ui::AppController</name>
    <message>
        <source>Starting the demo server…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::ui::AttentionDelegate</name>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::ui::AttentionPane</name>
    <message>
        <source>Mark handled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions, mentions and urgent words from every group appear here until you answer them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected message from the inbox (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::ui::Composer</name>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::ui::ConnectionStatus</name>
    <message>
        <source>Reconnect now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Connection lost. Reconnecting in %n s</source>
        <translation>
            <numerusform>Connection lost. Reconnecting in %n s</numerusform>
            <numerusform>Connection lost. Reconnecting in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::ui::GroupActions</name>
    <message>
        <source>The group was not created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group was not added: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The changes were not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave “%1” and remove it from your groups? Its members stay; you can add it again later by its address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not leave the group: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::ui::GroupDelegate</name>
    <message>
        <source>Joining…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::ui::GroupDialog</name>
    <message>
        <source>New group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an existing group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add and join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bali arrivals, Yoga Monday 7pm, HSK3 evening…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>destination, class, cohort… separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>group@conference.example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>made from the name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New groups follow the rules of a trusted group: people join by invitation or QR code, the open invitation closes at 100 members, the group holds at most 500, nicknames hide members&apos; accounts and newcomers don&apos;t see earlier messages. You can change these later in the group&apos;s settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the group a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a time zone. Pick one from the list, for example Asia/Makassar for Bali.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the group&apos;s address, for example bali@conference.example.org.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use only letters a–z, digits, dots, dashes and underscores in the address.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::ui::GroupListPane</name>
    <message>
        <source>Filter groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show groups with tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort groups by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in &amp;split view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Leave group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group &amp;settings…</source>
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
        <source>&amp;Sign in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Waiting for you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go to group or person…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in &amp;split view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New group…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add existing group…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search messages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not sent: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::ui::MembersPanel</name>
    <message>
        <source>Filter members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The members of the focused group: roles, presence, when they joined and what they said last.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n member(s), %1 online</source>
        <translation>
            <numerusform>%n member, %1 online</numerusform>
            <numerusform>%n members, %1 online</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::ui::MessageDelegate</name>
    <message>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>privately to you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>privately to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In reply to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This message was removed by a moderator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This message was removed by a moderator: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>preview unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading image…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::ui::Notifier</name>
    <message>
        <source>&amp;Do not disturb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Chorus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Chorus: %n unread</source>
        <translation>
            <numerusform>Chorus: %n unread</numerusform>
            <numerusform>Chorus: %n unread</numerusform>
        </translation>
    </message>
    <message>
        <source>Chorus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not disturb is on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::ui::QuickSwitcher</name>
    <message>
        <source>Go to group or person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a group or a person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::ui::SearchDialog</name>
    <message>
        <source>Search messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words or &quot;a phrase&quot;, in any language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This group: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where to search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type to search every group&apos;s messages kept on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No messages match. Check the spelling, or search all groups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n newest match(es) shown; older ones exist — add words to narrow it.</source>
        <translation>
            <numerusform>%n newest match shown; older ones exist — add words to narrow it.</numerusform>
            <numerusform>%n newest matches shown; older ones exist — add words to narrow it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es). Enter opens the selected one.</source>
        <translation>
            <numerusform>%n match. Enter opens it.</numerusform>
            <numerusform>%n matches. Enter opens the selected one.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Composer › Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Composer › New line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift+Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Composer › Mention a member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>@ then the first letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Composer › Cancel the reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline › Reply to a message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click or Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting › Mark handled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any list › Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up, Down, Page Up, Page Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::ui::SignInDialog</name>
    <message>
        <source>Sign in to Chorus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with your XMPP account. Your groups (the account&apos;s bookmarks) appear in the window once you are in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you@example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>found automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow an unencrypted connection to this loopback server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only for a server on this computer (tests, the demo). Passwords cross the network unencrypted otherwise, so Chorus refuses it for any other server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust &amp;once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Always &amp;trust this certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try it with a local &amp;demo server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts a Prosody server on this computer with demo groups and simulated members. It stops when Chorus quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your address as name@server, for example coach@example.org.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An unencrypted connection is allowed only to a server on this computer: set the server to localhost or 127.0.0.1, or untick the option.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept this address and password. Check both and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server has disabled this account. Ask its administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach %1. Check the address, the server and port under Advanced, and your network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not offer an encrypted connection, so Chorus did not send your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of %1 changed since you trusted it. This can be an attack, so Chorus refused to connect. If the administrator replaced it, remove the old trust and sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer in time. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 presented a certificate that this computer does not trust. Compare its SHA-256 fingerprint with the one your administrator gave you:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in to the demo…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::ui::ThumbnailCache</name>
    <message>
        <source>Only web addresses can be previewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image is larger than %1 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link is not an image (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vector images are not previewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::ui::TimelinePane</name>
    <message>
        <source>Close this timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the reply (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the message (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line, @ mentions a member.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::ui::TimelineView</name>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::workspace::AccountController</name>
    <message>
        <source>The password could not be saved in the system keychain (%1). Start a keychain service such as GNOME Keyring and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account is saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain has no password for %1. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain could not be read (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password could not be saved in the system keychain (%1); it is used from the password file this time only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::workspace::DemoServer</name>
    <message>
        <source>Starting the demo server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the demo operator account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating demo groups…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bringing in simulated members…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the demo server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the demo operator account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the demo groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bringing in the simulated members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prosody is not installed. Install the prosody package to try the demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo needs %1, which could not be found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo groups could not be read from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create a folder for the demo server under %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create a folder for the demo server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not finish within %2 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not run %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prosody did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it exited with code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed (exit code %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo server did not say where it listens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::workspace::HeadlessAgent</name>
    <message>
        <source>warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sign-in failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account to run: sign in once with the window, or give --account and --password-file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection lost (%1); reconnecting in %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>group %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>joined %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>caught up with %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::workspace::Session</name>
    <message>
        <source>The local store could not be opened: %1 Messages are shown but not kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::workspace::Workspace</name>
    <message>
        <source>Chorus could not save to its local store: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::xmpp::Error</name>
    <message>
        <source>The account&apos;s address or connection settings are not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chat server could not be found. Check the address and your network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chat server refused the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chat server did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the chat server was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chat server stopped responding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A secure connection to the chat server could not be set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted. Compare its fingerprint with the one your administrator gave you before trusting it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate has changed since you trusted it. This can mean someone is intercepting the connection; the connection was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not offer an encrypted connection, so Chorus refused to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not start encryption.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in would send the password unencrypted, so Chorus refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server offers no sign-in method that Chorus supports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong address or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account has been disabled on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password has expired; change it with your provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server requires an encrypted connection for signing in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server considers the sign-in method too weak.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not prove that it knows your password; the connection was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not start a session for this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another device signed in with the same session name and replaced this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server closed the connection because a server policy was violated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is shutting down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server closed the connection with an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent data that breaks the protocol; the connection was closed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::xmpp::MucError</name>
    <message>
        <source>Not connected to the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not in this group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This group is members-only and you are not a member.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are banned from this group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A limit of the server refused this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This group needs a password, and it was missing or wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else in the group already uses this nickname.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group does not accept this nickname.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group does not allow this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You do not have the privileges to do this in the group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such group or member.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was abandoned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::xmpp::MucManager</name>
    <message>
        <source>Not tried: the server&apos;s limit was reached first. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Banned from this group</source>
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
