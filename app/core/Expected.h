#pragma once

#include <QFuture>
#include <QPromise>

#include <memory>
#include <utility>
#include <variant>

namespace chorus {

/// The value of a request that succeeded without a result.
using Done = std::monostate;

/// A value or a typed error: the one result shape of every request in Chorus.
///
/// Requests return `Task<T, E>` (a QFuture of Expected); continuations are bound to a
/// context QObject with `QFuture::then(context, ...)` so they never run after it is gone.
template <typename T, typename E>
class Expected
{
public:
    Expected() = default;
    Expected(T value) : m_value(std::in_place_index<0>, std::move(value)) {}
    Expected(E error) : m_value(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_value.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const { return std::get<0>(m_value); }
    T &value() { return std::get<0>(m_value); }
    const E &error() const { return std::get<1>(m_value); }

private:
    std::variant<T, E> m_value;
};

template <typename T, typename E>
using Task = QFuture<Expected<T, E>>;

/// The producing side of a Task: copyable, so it can live in lambdas and maps.
template <typename T, typename E>
class Promise
{
public:
    Promise() : m_promise(std::make_shared<QPromise<Expected<T, E>>>())
    {
        m_promise->start();
    }

    Task<T, E> task() const { return m_promise->future(); }
    bool isFinished() const { return m_promise->future().isFinished(); }

    void finish(Expected<T, E> result)
    {
        if (isFinished())
            return;
        m_promise->addResult(std::move(result));
        m_promise->finish();
    }

private:
    std::shared_ptr<QPromise<Expected<T, E>>> m_promise;
};

/// A Task that is already finished.
template <typename T, typename E>
Task<T, E> readyTask(Expected<T, E> result)
{
    Promise<T, E> promise;
    promise.finish(std::move(result));
    return promise.task();
}

} // namespace chorus
