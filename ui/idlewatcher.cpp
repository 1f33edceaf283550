#include "ui/idlewatcher.h"

#include <QCoreApplication>
#include <QEvent>
#include <QWidget>

#include <algorithm>

namespace fund::ui {

using namespace std::chrono_literals;

IdleWatcher::IdleWatcher(QWidget *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{
    m_lastInput.start();
    connect(&m_timer, &QTimer::timeout, this, &IdleWatcher::check);
    QCoreApplication::instance()->installEventFilter(this);
}

IdleWatcher::~IdleWatcher()
{
    if (QCoreApplication *app = QCoreApplication::instance())
        app->removeEventFilter(this);
}

void IdleWatcher::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = std::max(timeout, 0ms);
    reset();
    if (m_timeout == 0ms) {
        m_timer.stop();
        return;
    }
    // Locks at most a tenth late (5 minutes: within 5 s after), never polls faster than 20 Hz.
    m_timer.start(std::clamp(m_timeout / 10, std::chrono::milliseconds(50ms), std::chrono::milliseconds(5s)));
}

void IdleWatcher::setPaused(bool paused)
{
    m_paused = paused;
    reset();
}

void IdleWatcher::reset()
{
    m_lastInput.restart();
}

void IdleWatcher::check()
{
    if (m_timeout == 0ms || m_paused)
        return;
    if (!m_window || !m_window->isVisible()) {
        // Hidden (signed out, waiting for a sign-in): the time does not count.
        reset();
        return;
    }
    if (std::chrono::milliseconds(m_lastInput.elapsed()) < m_timeout)
        return;
    reset();
    Q_EMIT idleTimedOut();
}

bool IdleWatcher::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::InputMethod: // Chinese committed through the input method
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TabletPress:
        if (belongsToWindow(watched))
            m_lastInput.restart();
        break;
    default:
        break;
    }
    return false;
}

bool IdleWatcher::belongsToWindow(QObject *object) const
{
    if (!m_window || !object->isWidgetType())
        return false;
    // Up through parents across window boundaries: a dialog owned by the window counts too.
    for (const QWidget *w = static_cast<QWidget *>(object); w; w = w->parentWidget()) {
        if (w == m_window)
            return true;
    }
    return false;
}

} // namespace fund::ui
