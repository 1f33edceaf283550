#pragma once

#include "models/domain/deposit.h"
#include "models/domain/house.h"
#include "models/domain/receiptrecord.h"

#include <QObject>

namespace fund::models {

// The one object that both the clerk's window and the customer display observe: who is being
// served, which house, what is due, the payment and the receipt. It holds state only; services
// do the work and the UI tells the session what happened.
class CounterSession : public QObject
{
    Q_OBJECT

public:
    enum class Stage { Idle, Serving, AwaitingPayment, Paid, ReceiptIssued };
    Q_ENUM(Stage)

    explicit CounterSession(QObject *parent = nullptr);

    Stage stage() const { return m_stage; }
    const HouseSummary &house() const { return m_house; }
    const QString &ownerName() const { return m_ownerName; }  // unmasked; the display masks it
    const QString &ownerIdNumber() const { return m_ownerId; }
    const DepositRequest &deposit() const { return m_deposit; }
    Money amountDue() const { return m_amountDue; }
    Money tendered() const { return m_tendered; }
    Money change() const { return m_change; }
    const PaymentRecord &payment() const { return m_payment; }
    const ReceiptRecord &receipt() const { return m_receipt; }
    // While AwaitingPayment through a QR channel: the text to show as a QR code on the customer
    // display, and the channel's name for the resident ("WeChat Pay"); empty otherwise.
    const QString &paymentQr() const { return m_paymentQr; }
    const QString &paymentChannelName() const { return m_paymentChannel; }

    void beginService(const HouseSummary &house, const QString &ownerName, const QString &ownerIdNumber);
    void setDeposit(const DepositRequest &deposit, Money amountDue);
    void setTendered(Money tendered);
    // The deposit is no longer to be collected here (paid at another counter, cancelled): back
    // to serving the house.
    void clearDeposit();
    // The resident pays by scanning `qrText` with the app named `channelName` (the deposit must be
    // set: stage AwaitingPayment). An empty text takes the QR off the display.
    void setPaymentQr(const QString &qrText, const QString &channelName);
    void recordPayment(const PaymentRecord &payment);
    void recordReceipt(const ReceiptRecord &receipt);
    // The service is over: everything is forgotten and the customer display blanks.
    void endService();

Q_SIGNALS:
    void changed();
    void serviceEnded();

private:
    Stage m_stage = Stage::Idle;
    HouseSummary m_house;
    QString m_ownerName;
    QString m_ownerId;
    DepositRequest m_deposit;
    Money m_amountDue;
    Money m_tendered;
    Money m_change;
    PaymentRecord m_payment;
    ReceiptRecord m_receipt;
    QString m_paymentQr;
    QString m_paymentChannel;
};

} // namespace fund::models
