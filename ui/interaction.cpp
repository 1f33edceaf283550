#include "ui/interaction.h"

#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>

namespace fund::ui {

std::optional<QString> Interaction::openFileName(QWidget *, const QString &, const QString &, const QString &)
{
    return std::nullopt;
}

std::optional<QString> Interaction::askText(QWidget *, const QString &, const QString &)
{
    return std::nullopt;
}

bool DialogInteraction::confirm(QWidget *parent, const QString &title, const QString &text)
{
    return QMessageBox::question(parent, title, text, QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes;
}

void DialogInteraction::warn(QWidget *parent, const QString &title, const QString &text)
{
    QMessageBox::warning(parent, title, text);
}

std::optional<QString> DialogInteraction::saveFileName(QWidget *parent, const QString &title, const QString &suggestedName,
                                                       const QString &filter)
{
    const QString name = QFileDialog::getSaveFileName(parent, title, suggestedName, filter);
    if (name.isEmpty())
        return std::nullopt;
    return name;
}

std::optional<QString> DialogInteraction::openFileName(QWidget *parent, const QString &title, const QString &folder,
                                                       const QString &filter)
{
    const QString name = QFileDialog::getOpenFileName(parent, title, folder, filter);
    if (name.isEmpty())
        return std::nullopt;
    return name;
}

bool DialogInteraction::setUpPrinter(QWidget *parent, QPrinter *printer)
{
    QPrintDialog dialog(printer, parent);
    return dialog.exec() == QDialog::Accepted;
}

} // namespace fund::ui

namespace fund::ui {

std::optional<QString> DialogInteraction::askText(QWidget *parent, const QString &title, const QString &label)
{
    bool ok = false;
    const QString text = QInputDialog::getText(parent, title, label, QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return std::nullopt;
    return text;
}

} // namespace fund::ui
