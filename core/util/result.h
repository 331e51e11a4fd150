#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace baton {

// The one error convention of Baton: a machine-readable code that tests and
// callers switch on, plus a translated message for people.
struct Error
{
    QString code;    // stable, e.g. "store.newer_version", "policy.denied"
    QString message; // translated, complete sentence for the UI and the CLI

    Error() = default;
    Error(QString c, QString m)
        : code(std::move(c))
        , message(std::move(m))
    { }
};

// A value or an Error. Intentionally small: no monadic chains, just what the
// call sites need.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::move(value))
    { }
    Result(Error error)
        : m_data(std::move(error))
    { }

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &std::get<T>(m_data); }
    T *operator->() { return &std::get<T>(m_data); }

    const Error &error() const { return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

// Result without a value.
template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    { }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

} // namespace baton
