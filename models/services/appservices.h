#pragma once

namespace fund::models {

class DepositService;
class HouseService;
class LookupService;
class PaymentService;
class ReceiptService;
class ReconciliationService;
class RefundService;
class RegistrationService;
class StaffService;
class TillService;

// The services the counter window works with, built in main() and handed to every tab.
struct AppServices
{
    LookupService &lookup;
    HouseService &houses;
    DepositService &deposits;
    ReceiptService &receipts;
    StaffService &staff;
    PaymentService &payments;
    TillService &tills;
    ReconciliationService &reconciliation;
    RegistrationService &registrations;
    RefundService *refunds = nullptr; // refunds (退款); none where the counter has no refund service
};

} // namespace fund::models
