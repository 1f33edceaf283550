#pragma once

#include <QDateTime>

namespace fund::models {

// Time comes through an interface so that due dates, receipt timestamps and lockouts are testable.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override;
};

// A clock that stands still until told to move; for tests and deterministic generation.
class FixedClock final : public Clock
{
public:
    explicit FixedClock(QDateTime at);
    QDateTime now() const override;
    void setNow(const QDateTime &at);
    void advanceSeconds(qint64 seconds);

private:
    QDateTime m_now;
};

} // namespace fund::models
