#pragma once

#include "models/core/error.h"
#include "models/services/proofdocument.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace fund::models {

struct ServiceContext;
struct StaffMember;

// What a registration asks for (docs/registrations.md).
enum class RegistrationKind { AddHouse, Bind, OwnerChange };       // 个人造册 / 去绑定 / 业主信息变更
// How the house was named: 网签合同编号, 不动产权证号, proof documents with a typed address, or a lookup result.
enum class RegistrationMethod { Contract, Certificate, Documents, Lookup };
// pending → approved | rejected | returned (退回补件) → pending (resubmitted) …; bound: the
// resident is the recorded owner, bound at once without review.
enum class RegistrationState { Pending, Approved, Rejected, Returned, Bound };

QString registrationKindCode(RegistrationKind kind);
std::optional<RegistrationKind> registrationKindFromCode(const QString &code);
QString registrationKindLabel(RegistrationKind kind);
QString registrationMethodCode(RegistrationMethod method);
QString registrationStateCode(RegistrationState state);
std::optional<RegistrationState> registrationStateFromCode(const QString &code);
QString registrationStateLabel(RegistrationState state);

// What the clerk fills in for the resident.
struct RegistrationDraft
{
    RegistrationKind kind = RegistrationKind::AddHouse;
    RegistrationMethod method = RegistrationMethod::Documents;
    QString residentName;
    QString residentIdNumber;
    QString phone;
    qint64 houseId = 0;        // Lookup: the house chosen from a lookup result
    QString contractNo;        // Contract
    QString certificateNo;     // Certificate
    QString typedAddress;      // Documents
    QString districtCode;      // required when the house is not known
    QList<ProofDocument> documents; // checked with ProofDocument::check
};

// What the system knows about a house found by contract or certificate number (the form fills
// address, area and type from it).
struct KnownHouse
{
    qint64 houseId = 0;
    QString address;
    qint64 areaCenti = 0;
    QString houseType;
    QString districtCode;
    QString districtName;
};

struct RegistrationOutcome
{
    bool bound = false;     // true: bound at once (已绑定); false: waits for review (需审核)
    qint64 requestId = 0;
    qint64 houseId = 0;     // 0 when no known house matched yet
};

struct RegistrationRecord
{
    qint64 id = 0;
    RegistrationKind kind = RegistrationKind::AddHouse;
    QString method;
    RegistrationState state = RegistrationState::Pending;
    qint64 personId = 0;
    QString residentName;
    QString residentIdNumber;
    QString phone;
    qint64 houseId = 0;
    QString houseAddress;   // the known house's 坐落, empty when none
    QString typedAddress;
    QString districtCode;
    QString districtName;
    QString contractNo;
    QString certificateNo;
    qint64 submittedById = 0;
    QString submittedByName;
    QDateTime submittedAt;
    QDateTime createdAt;
    QString reviewedByName;
    QDateTime reviewedAt;
    QString reason;
    int rounds = 1;
    int documentCount = 0;

    QString displayAddress() const { return houseAddress.isEmpty() ? typedAddress : houseAddress; }
};

struct RegistrationDocumentInfo
{
    qint64 id = 0;
    QString originalName;
    ProofDocument::Type type = ProofDocument::Type::Unknown;
    qint64 sizeBytes = 0;
    QString sha256;
    QString attachedByName;
    QDateTime attachedAt;
};

struct RegistrationEvent
{
    QDateTime at;
    QString staffName;
    QString action; // submitted | resubmitted | approved | rejected | returned | bound
    QString reason;
};

struct OwnershipRecord
{
    QString name;
    QString idNumber;
    QString since;
    QString until; // empty: current owner
    qint64 registrationId = 0;
};

struct RegistrationQueueFilter
{
    QString districtCode;                  // empty: all districts
    std::optional<RegistrationKind> kind;  // nullopt: all kinds
};

// Add house (个人造册), bind (去绑定) and owner change (业主信息变更) with proof, and their review.
// Makers (clerks, supervisors) submit; checkers (supervisors, reviewers) decide, never on a request
// they submitted (also a CHECK constraint). Every submission and decision writes its audit row in
// the same transaction.
class RegistrationService
{
public:
    explicit RegistrationService(ServiceContext &ctx);

    static constexpr int QueuePageSize = 100;

    // What the system knows for a 网签合同编号 / 不动产权证号 (NotFound when nothing).
    Result<KnownHouse> knownByContract(const QString &contractNo);
    Result<KnownHouse> knownByCertificate(const QString &certificateNo);

    // Submits a request, or binds at once when the house is known and its recorded owner is the
    // resident (name and ID number after normalisation; not for owner changes).
    Result<RegistrationOutcome> submit(const StaffMember &actor, const RegistrationDraft &draft);
    // A returned request back to pending with more proof (at least one new document).
    VoidResult resubmit(const StaffMember &actor, qint64 requestId, const QList<ProofDocument> &moreDocuments);

    // Decisions. `houseId` names the house for a request that has none yet (documents way).
    VoidResult approve(const StaffMember &actor, qint64 requestId, qint64 houseId = 0);
    VoidResult reject(const StaffMember &actor, qint64 requestId, const QString &reason);
    VoidResult returnForMore(const StaffMember &actor, qint64 requestId, const QString &reason);

    // The review queue: pending requests oldest first, one page after the (createdAt, id) key
    // of the last row shown (afterId = 0: the first page).
    Result<QList<RegistrationRecord>> queue(const StaffMember &actor, const RegistrationQueueFilter &filter,
                                            const QDateTime &afterCreated = {}, qint64 afterId = 0,
                                            int limit = QueuePageSize);
    Result<int> pendingCount(const StaffMember &actor, const RegistrationQueueFilter &filter);
    Result<RegistrationRecord> request(const StaffMember &actor, qint64 requestId);
    Result<QList<RegistrationDocumentInfo>> documents(const StaffMember &actor, qint64 requestId);
    Result<QByteArray> documentContent(const StaffMember &actor, qint64 documentId);
    Result<QList<RegistrationEvent>> events(const StaffMember &actor, qint64 requestId);
    // Previous and current owners of a house, newest first.
    Result<QList<OwnershipRecord>> ownership(const StaffMember &actor, qint64 houseId);

    // The resident's registrations (历史记录), newest first.
    Result<QList<RegistrationRecord>> history(const StaffMember &actor, const QString &idNumber, const QString &name);
    // Decisions taken since the resident was last served; marks them shown (audited).
    Result<QList<RegistrationRecord>> takeNewOutcomes(const StaffMember &actor, const QString &idNumber, const QString &name);

private:
    enum class Decision { Approve, Reject, Return };
    VoidResult decide(const StaffMember &actor, qint64 requestId, Decision decision, const QString &reason, qint64 houseId);
    Result<QList<RegistrationRecord>> records(const QString &where, const QVariantList &values, const QString &order, int limit);
    Result<KnownHouse> known(const QString &column, const QString &key, const QString &what);

    ServiceContext &m_ctx;
};

} // namespace fund::models
