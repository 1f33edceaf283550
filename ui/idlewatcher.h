#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>

class QWidget;

namespace fund::ui {

// Notices when nobody has typed, clicked or moved the mouse in one window (and the dialogs it
// owns) for a while. An application-wide event filter stamps the last input; a coarse timer
// compares, so a moving mouse costs a clock read, not a timer restart.
class IdleWatcher : public QObject
{
    Q_OBJECT

public:
    explicit IdleWatcher(QWidget *window, QObject *parent = nullptr);
    ~IdleWatcher() override;

    // 0: never idle.
    void setTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds timeout() const { return m_timeout; }
    // A paused watcher never reports (the window is locked already).
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    // Counts from now, as if the clerk had just touched the window.
    void reset();
    // Emits idleTimedOut() when the visible window has had no input for the timeout. The timer
    // calls it; tests may call it directly.
    void check();

Q_SIGNALS:
    void idleTimedOut();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool belongsToWindow(QObject *object) const;

    QPointer<QWidget> m_window;
    QElapsedTimer m_lastInput;
    QTimer m_timer;
    std::chrono::milliseconds m_timeout{0};
    bool m_paused = false;
};

} // namespace fund::ui
