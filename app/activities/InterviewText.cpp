#include "activities/InterviewText.h"

using namespace Qt::StringLiterals;

namespace chorus::activities {

QString interviewReminderText(Language l, const QString &title, const QDateTime &start,
                              const QTimeZone &zone, std::chrono::minutes before,
                              const QString &partnerNick, bool asInterviewer)
{
    const QDateTime local = zone.isValid() ? start.toTimeZone(zone) : start;
    const QString time = localeFor(l).toString(local, u"HH:mm"_s);
    const QString role = asInterviewer
        ? pick(l, u"You interview %1."_s, u"你将面试%1。"_s).arg(partnerNick)
        : pick(l, u"%1 interviews you."_s, u"%1将面试你。"_s).arg(partnerNick);
    return pick(l, u"Reminder: mock interview “%1” at %2 (in %3 min). %4"_s,
                u"提醒：模拟面试“%1”将于%2开始（%3分钟后）。%4"_s)
        .arg(title, time, QString::number(before.count()), role);
}

QString interviewerBriefText(Language l, const QString &partnerNick, std::chrono::minutes length,
                             const QStringList &questions)
{
    QString text
        = pick(l, u"Your mock interview with %1 starts now (%2 min). You ask; questions:"_s,
               u"你和%1的模拟面试现在开始（%2分钟），由你提问。问题："_s)
              .arg(partnerNick, QString::number(length.count()));
    for (qsizetype i = 0; i < questions.size(); ++i)
        text += u"\n%1. %2"_s.arg(QString::number(i + 1), questions[i]);
    if (questions.isEmpty())
        text += pick(l, u" (the bank is empty: use your own)"_s, u"（题库为空，请自行提问）"_s);
    return text;
}

QString intervieweeNoticeText(Language l, const QString &partnerNick, std::chrono::minutes length)
{
    return pick(l,
                u"Your mock interview with %1 starts now (%2 min). %1 asks the questions. "
                u"Good luck!"_s,
                u"你和%1的模拟面试现在开始（%2分钟），由%1提问。加油！"_s)
        .arg(partnerNick, QString::number(length.count()));
}

} // namespace chorus::activities
