#include "models/session/countersession.h"

namespace fund::models {

CounterSession::CounterSession(QObject *parent)
    : QObject(parent)
{
}

void CounterSession::beginService(const HouseSummary &house, const QString &ownerName, const QString &ownerIdNumber)
{
    const bool sameHouse = m_stage != Stage::Idle && m_house.id == house.id;
    m_house = house;
    m_ownerName = ownerName;
    m_ownerId = ownerIdNumber;
    if (!sameHouse) {
        m_deposit = {};
        m_amountDue = {};
        m_tendered = {};
        m_change = {};
        m_payment = {};
        m_receipt = {};
        m_paymentQr.clear();
        m_paymentChannel.clear();
    }
    if (m_stage == Stage::Idle || !sameHouse)
        m_stage = Stage::Serving;
    Q_EMIT changed();
}

void CounterSession::setDeposit(const DepositRequest &deposit, Money amountDue)
{
    m_deposit = deposit;
    m_amountDue = amountDue;
    m_tendered = {};
    m_change = {};
    m_payment = {};
    m_receipt = {};
    m_paymentQr.clear();
    m_paymentChannel.clear();
    m_stage = Stage::AwaitingPayment;
    Q_EMIT changed();
}

void CounterSession::setTendered(Money tendered)
{
    m_tendered = tendered;
    m_change = tendered >= m_amountDue ? tendered - m_amountDue : Money();
    Q_EMIT changed();
}

void CounterSession::clearDeposit()
{
    if (m_stage != Stage::AwaitingPayment)
        return;
    m_deposit = {};
    m_amountDue = {};
    m_tendered = {};
    m_change = {};
    m_paymentQr.clear();
    m_paymentChannel.clear();
    m_stage = Stage::Serving;
    Q_EMIT changed();
}

void CounterSession::setPaymentQr(const QString &qrText, const QString &channelName)
{
    if (m_stage != Stage::AwaitingPayment && !qrText.isEmpty())
        return;
    if (m_paymentQr == qrText && m_paymentChannel == channelName)
        return;
    m_paymentQr = qrText;
    m_paymentChannel = qrText.isEmpty() ? QString() : channelName;
    Q_EMIT changed();
}

void CounterSession::recordPayment(const PaymentRecord &payment)
{
    m_payment = payment;
    m_tendered = payment.tendered;
    m_change = payment.change;
    m_amountDue = payment.amount;
    m_paymentQr.clear();
    m_paymentChannel.clear();
    m_stage = Stage::Paid;
    Q_EMIT changed();
}

void CounterSession::recordReceipt(const ReceiptRecord &receipt)
{
    m_receipt = receipt;
    if (receipt.isIssued())
        m_stage = Stage::ReceiptIssued;
    Q_EMIT changed();
}

void CounterSession::endService()
{
    m_stage = Stage::Idle;
    m_house = {};
    m_ownerName.clear();
    m_ownerId.clear();
    m_deposit = {};
    m_amountDue = {};
    m_tendered = {};
    m_change = {};
    m_payment = {};
    m_receipt = {};
    m_paymentQr.clear();
    m_paymentChannel.clear();
    Q_EMIT changed();
    Q_EMIT serviceEnded();
}

} // namespace fund::models
