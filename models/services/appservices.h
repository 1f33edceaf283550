#pragma once

namespace fund::models {

class DepositService;
class HouseService;
class LookupService;
class PaymentService;
class ReceiptService;
class ReconciliationService;
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
};

} // namespace fund::models
