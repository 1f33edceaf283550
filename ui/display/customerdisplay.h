#pragma once

#include <QList>
#include <QPointer>
#include <QWidget>

class QLabel;
class QScreen;
class QStackedWidget;

namespace fund::models {
class CounterSession;
}

namespace fund::ui {

// The customer-facing second screen: what the clerk is doing for the resident in front of the
// window, large and calm for someone a metre away. It shows the counter session only, with the
// owner's name and ID number always masked, and goes back to the welcome screen between residents.
class CustomerDisplay : public QWidget
{
    Q_OBJECT

public:
    explicit CustomerDisplay(models::CounterSession &session, QWidget *parent = nullptr);
    ~CustomerDisplay() override;

    // The window's number (窗口号) on the welcome screen; empty: not shown.
    void setWindowNumber(const QString &number);

    // The screen to show the display on: the configured one if it is connected, else the first
    // screen that is not the clerk's; nullptr when the clerk's is the only screen.
    static QScreen *chooseScreen(const QList<QScreen *> &screens, QScreen *clerkScreen, const QString &configuredName);

    // Fills the chosen screen (full screen on a real second screen; an ordinary window beside the
    // clerk's when there is none) and follows screens being plugged in and out from then on.
    void placeOnScreen(QScreen *clerkScreen, const QString &configuredName);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void onSessionChanged();
    // The amount at its full size (72 pt) when it fits, smaller (never below 44 pt) when a QR
    // code shares the width: it is never cut off.
    void fitAmount();
    void showWelcome();
    void place();
    void setStatus(const QString &text, const QString &color);
    void showQr(const QString &text, const QString &channelName);

    models::CounterSession &m_session;
    QStackedWidget *m_pages = nullptr;
    QWidget *m_welcomePage = nullptr;
    QWidget *m_servicePage = nullptr;
    QLabel *m_welcomeLabel = nullptr;
    QLabel *m_windowLabel = nullptr;
    QLabel *m_addressLabel = nullptr;
    QLabel *m_ownerLabel = nullptr;
    QLabel *m_amountCaption = nullptr;
    QLabel *m_amountLabel = nullptr;
    QLabel *m_tenderedLabel = nullptr;
    QLabel *m_changeLabel = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_receiptLabel = nullptr;
    QWidget *m_qrBox = nullptr;
    QLabel *m_qrLabel = nullptr;
    QLabel *m_qrHintLabel = nullptr;
    QString m_qrText; // what m_qrLabel shows

    QPointer<QScreen> m_clerkScreen;
    QString m_configuredName;
    bool m_followsScreens = false;
};

} // namespace fund::ui
