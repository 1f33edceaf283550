#pragma once

#include <QLabel>

namespace fund::models {
struct Error;
}

namespace fund::ui {

// An inline message above a form (errors in red, confirmations in green), so the clerk reads
// what went wrong next to the field instead of dismissing a dialog. Hidden when empty.
class MessageBar : public QLabel
{
    Q_OBJECT

public:
    enum class Kind { Info, Success, Error };

    explicit MessageBar(QWidget *parent = nullptr);

    void showMessage(Kind kind, const QString &text);
    void showError(const models::Error &error);
    void clearMessage();
    Kind kind() const { return m_kind; }

private:
    Kind m_kind = Kind::Info;
};

} // namespace fund::ui
