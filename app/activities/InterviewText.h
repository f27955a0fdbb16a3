#pragma once

// Private prompts of a mock interview, in the member's language.

#include "activities/InterviewTypes.h"

#include <QTimeZone>

namespace chorus::activities {

QString interviewReminderText(Language language, const QString &title, const QDateTime &start,
                              const QTimeZone &zone, std::chrono::minutes before,
                              const QString &partnerNick, bool asInterviewer);
QString interviewerBriefText(Language language, const QString &partnerNick,
                             std::chrono::minutes length, const QStringList &questions);
QString intervieweeNoticeText(Language language, const QString &partnerNick,
                              std::chrono::minutes length);

} // namespace chorus::activities
