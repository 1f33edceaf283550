#pragma once

#include <QString>

#include <optional>

class QPrinter;
class QWidget;

namespace fund::ui {

// Every modal question goes through here, so tests answer them without a dialog
// (STYLE rule 17). The real implementation shows Qt's dialogs.
class Interaction
{
public:
    virtual ~Interaction() = default;

    virtual bool confirm(QWidget *parent, const QString &title, const QString &text) = 0;
    virtual void warn(QWidget *parent, const QString &title, const QString &text) = 0;
    virtual std::optional<QString> saveFileName(QWidget *parent, const QString &title, const QString &suggestedName,
                                                const QString &filter) = 0;
    // An existing file to read (a CA certificate…); nullopt when cancelled. Not pure, so scripted
    // test interactions that never open a file need not answer it.
    virtual std::optional<QString> openFileName(QWidget *parent, const QString &title, const QString &folder,
                                                const QString &filter);
    // Lets the clerk choose and set up a printer; false when cancelled.
    virtual bool setUpPrinter(QWidget *parent, QPrinter *printer) = 0;
    // A line of text (a reason…); nullopt when cancelled. Not pure, like openFileName.
    virtual std::optional<QString> askText(QWidget *parent, const QString &title, const QString &label);
};

class DialogInteraction final : public Interaction
{
public:
    bool confirm(QWidget *parent, const QString &title, const QString &text) override;
    void warn(QWidget *parent, const QString &title, const QString &text) override;
    std::optional<QString> saveFileName(QWidget *parent, const QString &title, const QString &suggestedName,
                                        const QString &filter) override;
    std::optional<QString> openFileName(QWidget *parent, const QString &title, const QString &folder,
                                        const QString &filter) override;
    bool setUpPrinter(QWidget *parent, QPrinter *printer) override;
    std::optional<QString> askText(QWidget *parent, const QString &title, const QString &label) override;
};

} // namespace fund::ui
