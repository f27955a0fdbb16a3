#pragma once

#include <vector>

namespace chorus::bench {

/// Appending live messages to a long timeline, in milliseconds per `count` messages.
struct AppendTimes
{
    std::vector<double> workspace; ///< one live batch per message through the Workspace
    std::vector<double> model;     ///< TimelineModel::addMessages, one message per call
    std::vector<double> batch;     ///< TimelineModel::addMessages, all in one call
};

/// A group whose timeline holds `rows` messages takes `count` more, `runs` times over.
/// The workspace path is the live one: the chat service's messagesReceived signal, one
/// message per batch (each arriving on its own), into the Workspace (timeline, group
/// list counters, attention inbox), without a store.
AppendTimes measureAppend(int rows, int count, int runs);

double median(std::vector<double> values);

} // namespace chorus::bench
