#pragma once

#include "models/domain/deposit.h"
#include "models/domain/staffmember.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace fund::models {
class RefundService;
struct PaymentRefund;
} // namespace fund::models

namespace fund::ui {

class Interaction;
class MessageBar;

// 退款: a supervisor refunds one paid payment in full. The amount is shown big; the reason is
// mandatory; the refund is confirmed through Interaction before anything is stored. Once stored,
// the refund keeps its refund number: 退款 again retries it (never a second refund) and 查询 asks
// the channel about an unknown or processing one, like a payment's "result unknown — querying".
class RefundDialog : public QDialog
{
    Q_OBJECT

public:
    RefundDialog(models::RefundService &refunds, Interaction &interaction, const models::StaffMember &supervisor,
                 const models::PaymentRecord &payment, QWidget *parent = nullptr);
    ~RefundDialog() override;

    // The refund of this payment shown in the dialog (0 before one was requested).
    qint64 refundId() const { return m_refundId; }

private:
    void refund();
    void queryResult();
    void showRefund(const models::PaymentRefund &refund);
    void updateButtons();

    models::RefundService &m_refunds;
    Interaction &m_interaction;
    models::StaffMember m_supervisor;
    models::PaymentRecord m_payment;
    qint64 m_refundId = 0;
    bool m_busy = false; // a call is running: every further click is ignored
    bool m_final = false;

    QLabel *m_amountLabel = nullptr;
    QLineEdit *m_reasonEdit = nullptr;
    QLineEdit *m_referenceEdit = nullptr;
    QLabel *m_stateLabel = nullptr;
    MessageBar *m_messageBar = nullptr;
    QPushButton *m_refundButton = nullptr;
    QPushButton *m_queryButton = nullptr;
};

} // namespace fund::ui
