#include "ui/widgets/messagebar.h"

#include "models/core/error.h"

#include <QDebug>

namespace fund::ui {

MessageBar::MessageBar(QWidget *parent)
    : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setMargin(8);
    hide();
}

void MessageBar::showMessage(Kind kind, const QString &text)
{
    m_kind = kind;
    switch (kind) {
    case Kind::Info:
        setStyleSheet(QStringLiteral("QLabel { background: #e3f2fd; color: #0d47a1; border: 1px solid #90caf9; border-radius: 4px; }"));
        break;
    case Kind::Success:
        setStyleSheet(QStringLiteral("QLabel { background: #e8f5e9; color: #1b5e20; border: 1px solid #a5d6a7; border-radius: 4px; }"));
        break;
    case Kind::Error:
        setStyleSheet(QStringLiteral("QLabel { background: #ffebee; color: #b71c1c; border: 1px solid #ef9a9a; border-radius: 4px; }"));
        break;
    }
    setText(text);
    setVisible(!text.isEmpty());
}

void MessageBar::showError(const models::Error &error)
{
    if (!error.detail.isEmpty())
        qWarning().noquote() << error.codeName() << error.detail;
    showMessage(Kind::Error, error.message);
}

void MessageBar::clearMessage()
{
    setText(QString());
    hide();
}

} // namespace fund::ui
