#pragma once

#include "models/core/error.h"

namespace fund::models {

struct StaffMember;

// What a role may do. Every service call that touches personal data, money or administration
// checks it with require(), whatever the UI shows (the UI only hides what the service refuses).
enum class Permission {
    ReadPersonalData, // identify a resident, see a house's owners
    CollectPayment,
    IssueReceipt,     // issue and print (counted) e-receipts
    ViewReceipt,      // look at a receipt's PDF
    ManageStaff,
    RunBatchJobs,     // import, annual interest, receipt number ranges
    ConfirmPaymentManually, // supervisors: mark a channel payment paid without the channel's word (audited, reconciled later)
    Reconcile,        // import channel bills and reconcile (对账): supervisors and administrators
    ApproveVariance,  // supervisors: approve a till's cash variance at the daily close (never their own close)
    Refund,           // supervisors: refund (退款) a collected payment (audited, reversing ledger entry)
    ApproveReceiptReversal, // supervisors: approve a 红冲 of an e-receipt (never their own request)
    SubmitRegistration, // add house / bind / owner change for a resident (makers: clerks, supervisors)
    ReviewRegistration, // approve / reject / return registrations (checkers: supervisors, reviewers; never their own)
};

bool isAllowed(const StaffMember &actor, Permission permission);
// Error::permissionDenied with a translated message naming the role and the action.
VoidResult require(const StaffMember &actor, Permission permission);

} // namespace fund::models
