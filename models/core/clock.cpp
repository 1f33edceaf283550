#include "models/core/clock.h"

namespace fund::models {

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

FixedClock::FixedClock(QDateTime at)
    : m_now(std::move(at))
{
}

QDateTime FixedClock::now() const
{
    return m_now;
}

void FixedClock::setNow(const QDateTime &at)
{
    m_now = at;
}

void FixedClock::advanceSeconds(qint64 seconds)
{
    m_now = m_now.addSecs(seconds);
}

} // namespace fund::models
