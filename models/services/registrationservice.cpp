#include "models/services/registrationservice.h"

#include "models/core/clock.h"
#include "models/domain/addresskey.h"
#include "models/domain/idnumber.h"
#include "models/domain/personname.h"
#include "models/domain/staffmember.h"
#include "models/services/auditlog.h"
#include "models/services/permissions.h"
#include "models/services/servicecontext.h"
#include "models/storage/database.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>

namespace fund::models {

namespace {

QString timeText(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime parseTime(const QString &text)
{
    if (text.isEmpty())
        return {};
    return QDateTime::fromString(text, Qt::ISODateWithMs); // stored with 'Z': UTC
}

QString idKindCode(IdNumber::Kind kind)
{
    switch (kind) {
    case IdNumber::Kind::ResidentId: return QStringLiteral("resident_id");
    case IdNumber::Kind::LegacyResidentId15: return QStringLiteral("legacy_resident_id");
    case IdNumber::Kind::ResidencePermitHkMoTw: return QStringLiteral("hk_mo_tw");
    case IdNumber::Kind::ForeignPermanentResident:
    case IdNumber::Kind::ForeignPermanentResidentOld: return QStringLiteral("foreign_permanent");
    case IdNumber::Kind::Unknown: break;
    }
    return QStringLiteral("other");
}

// The resident as the service matches them: normalised ID number and name key.
struct Resident
{
    QString idNumber;
    QString idKind;
    QString nameKey;
    QString name;
};

Result<Resident> checkResident(const QString &idNumber, const QString &name, const QDate &today)
{
    const IdNumber::Check check = IdNumber::check(idNumber, today);
    if (idNumber.trimmed().isEmpty())
        return fail(Error::invalidInput(QCoreApplication::translate("RegistrationService", "Enter the resident's ID number.")));
    if (check.validity == IdNumber::Validity::Invalid)
        return fail(Error::invalidInput(check.problem));
    const QString nameKey = normalizePersonName(name);
    if (nameKey.isEmpty())
        return fail(Error::invalidInput(QCoreApplication::translate("RegistrationService", "Enter the resident's name as written on the ID card.")));
    return Resident{check.normalized, idKindCode(check.kind), nameKey, name.trimmed()};
}

const char *const RecordSelect =
    "SELECT r.id, r.kind, r.method, r.state, r.person_id, p.name, p.id_number, r.phone, coalesce(r.house_id, 0), "
    "coalesce(h.address, ''), r.typed_address, r.district_code, d.name, coalesce(r.contract_no, ''), "
    "coalesce(r.certificate_no, ''), r.submitted_by, s.display_name, r.submitted_at, r.created_at, "
    "coalesce(rv.display_name, ''), coalesce(r.reviewed_at, ''), coalesce(r.reason, ''), r.rounds, "
    "(SELECT count(*) FROM registration_documents x WHERE x.request_id = r.id) "
    "FROM registration_requests r JOIN persons p ON p.id = r.person_id LEFT JOIN houses h ON h.id = r.house_id "
    "JOIN districts d ON d.code = r.district_code JOIN staff s ON s.id = r.submitted_by "
    "LEFT JOIN staff rv ON rv.id = r.reviewed_by ";

RegistrationRecord readRecord(const QSqlQuery &q)
{
    RegistrationRecord r;
    r.id = q.value(0).toLongLong();
    r.kind = registrationKindFromCode(q.value(1).toString()).value_or(RegistrationKind::AddHouse);
    r.method = q.value(2).toString();
    r.state = registrationStateFromCode(q.value(3).toString()).value_or(RegistrationState::Pending);
    r.personId = q.value(4).toLongLong();
    r.residentName = q.value(5).toString();
    r.residentIdNumber = q.value(6).toString();
    r.phone = q.value(7).toString();
    r.houseId = q.value(8).toLongLong();
    r.houseAddress = q.value(9).toString();
    r.typedAddress = q.value(10).toString();
    r.districtCode = q.value(11).toString();
    r.districtName = q.value(12).toString();
    r.contractNo = q.value(13).toString();
    r.certificateNo = q.value(14).toString();
    r.submittedById = q.value(15).toLongLong();
    r.submittedByName = q.value(16).toString();
    r.submittedAt = parseTime(q.value(17).toString());
    r.createdAt = parseTime(q.value(18).toString());
    r.reviewedByName = q.value(19).toString();
    r.reviewedAt = parseTime(q.value(20).toString());
    r.reason = q.value(21).toString();
    r.rounds = q.value(22).toInt();
    r.documentCount = q.value(23).toInt();
    return r;
}

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

} // namespace

QString registrationKindCode(RegistrationKind kind)
{
    switch (kind) {
    case RegistrationKind::AddHouse: return QStringLiteral("add_house");
    case RegistrationKind::Bind: return QStringLiteral("bind");
    case RegistrationKind::OwnerChange: return QStringLiteral("owner_change");
    }
    return QStringLiteral("add_house");
}

std::optional<RegistrationKind> registrationKindFromCode(const QString &code)
{
    for (RegistrationKind k : {RegistrationKind::AddHouse, RegistrationKind::Bind, RegistrationKind::OwnerChange})
        if (registrationKindCode(k) == code)
            return k;
    return std::nullopt;
}

QString registrationKindLabel(RegistrationKind kind)
{
    switch (kind) {
    case RegistrationKind::AddHouse: return QCoreApplication::translate("Registration", "Add house (个人造册)");
    case RegistrationKind::Bind: return QCoreApplication::translate("Registration", "Bind house (去绑定)");
    case RegistrationKind::OwnerChange: return QCoreApplication::translate("Registration", "Owner change (业主信息变更)");
    }
    return {};
}

QString registrationMethodCode(RegistrationMethod method)
{
    switch (method) {
    case RegistrationMethod::Contract: return QStringLiteral("contract");
    case RegistrationMethod::Certificate: return QStringLiteral("certificate");
    case RegistrationMethod::Documents: return QStringLiteral("documents");
    case RegistrationMethod::Lookup: return QStringLiteral("lookup");
    }
    return QStringLiteral("documents");
}

QString registrationStateCode(RegistrationState state)
{
    switch (state) {
    case RegistrationState::Pending: return QStringLiteral("pending");
    case RegistrationState::Approved: return QStringLiteral("approved");
    case RegistrationState::Rejected: return QStringLiteral("rejected");
    case RegistrationState::Returned: return QStringLiteral("returned");
    case RegistrationState::Bound: return QStringLiteral("bound");
    }
    return QStringLiteral("pending");
}

std::optional<RegistrationState> registrationStateFromCode(const QString &code)
{
    for (RegistrationState s : {RegistrationState::Pending, RegistrationState::Approved, RegistrationState::Rejected,
                                RegistrationState::Returned, RegistrationState::Bound})
        if (registrationStateCode(s) == code)
            return s;
    return std::nullopt;
}

QString registrationStateLabel(RegistrationState state)
{
    switch (state) {
    case RegistrationState::Pending: return QCoreApplication::translate("Registration", "Under review (需审核)");
    case RegistrationState::Approved: return QCoreApplication::translate("Registration", "Approved (已绑定)");
    case RegistrationState::Rejected: return QCoreApplication::translate("Registration", "Rejected (未通过)");
    case RegistrationState::Returned: return QCoreApplication::translate("Registration", "Returned for more documents (退回补件)");
    case RegistrationState::Bound: return QCoreApplication::translate("Registration", "Bound at once (已绑定)");
    }
    return {};
}

RegistrationService::RegistrationService(ServiceContext &ctx)
    : m_ctx(ctx)
{
}

Result<KnownHouse> RegistrationService::known(const QString &column, const QString &key, const QString &what)
{
    auto q = m_ctx.db.exec(QStringLiteral("SELECT h.id, h.address, h.area_centi, h.house_type, h.district_code, d.name "
                                          "FROM houses h JOIN districts d ON d.code = h.district_code WHERE h.%1 = ? ORDER BY h.id LIMIT 2")
                               .arg(column),
                           {key});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return fail(Error::notFound(QCoreApplication::translate("RegistrationService", "No house with %1 is known. Add the house with proof documents and its address instead.").arg(what),
                                    column + u'=' + key));
    KnownHouse h{q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toLongLong(), q->value(3).toString(),
                 q->value(4).toString(), q->value(5).toString()};
    if (q->next())
        return fail(Error::conflict(QCoreApplication::translate("RegistrationService", "Several houses have %1. Use the 不动产权证号 or the proof documents with the address instead.").arg(what),
                                    column + u'=' + key));
    return h;
}

Result<KnownHouse> RegistrationService::knownByContract(const QString &contractNo)
{
    const QString key = contractKey(contractNo);
    if (key.isEmpty())
        return fail(Error::invalidInput(QCoreApplication::translate("RegistrationService", "Enter the online contract number (网签合同编号).")));
    return known(QStringLiteral("contract_key"), key,
                 QCoreApplication::translate("RegistrationService", "the online contract number %1").arg(contractNo.trimmed()));
}

Result<KnownHouse> RegistrationService::knownByCertificate(const QString &certificateNo)
{
    const QString key = certificateKey(certificateNo);
    if (key.isEmpty())
        return fail(Error::invalidInput(QCoreApplication::translate("RegistrationService", "Enter the property certificate number (不动产权证号).")));
    return known(QStringLiteral("certificate_key"), key,
                 QCoreApplication::translate("RegistrationService", "the property certificate number %1").arg(certificateNo.trimmed()));
}

Result<RegistrationOutcome> RegistrationService::submit(const StaffMember &actor, const RegistrationDraft &draft)
{
    if (auto allowed = require(actor, Permission::SubmitRegistration); !allowed)
        return fail(allowed.error());
    const QDateTime now = m_ctx.clock.now();
    auto resident = checkResident(draft.residentIdNumber, draft.residentName, now.date());
    if (!resident)
        return fail(resident.error());
    QString phone = draft.phone;
    phone.remove(QRegularExpression(QStringLiteral("[\\s\\x{3000}]")));
    static const QRegularExpression phonePattern(QStringLiteral("^\\+?[0-9][0-9-]{6,19}$"));
    if (phone.isEmpty())
        return fail(Error::invalidInput(QCoreApplication::translate("RegistrationService", "Enter the resident's phone number, so the district office can reach them about the review.")));
    if (!phonePattern.match(phone).hasMatch())
        return fail(Error::invalidInput(QCoreApplication::translate("RegistrationService", "%1 is not a phone number: use digits only (a mobile number or an area code and number).").arg(draft.phone)));

    // The documents: re-checked here whatever the caller did, at most MaxPerRequest, no duplicates.
    if (draft.documents.size() > ProofDocument::MaxPerRequest)
        return fail(Error::invalidInput(QCoreApplication::translate("RegistrationService", "%1 files are attached; a request may carry at most %2. Combine pages into one PDF.")
                                            .arg(draft.documents.size())
                                            .arg(ProofDocument::MaxPerRequest)));
    QList<ProofDocument> documents;
    QHash<QString, QString> seen;
    for (const ProofDocument &d : draft.documents) {
        auto checked = ProofDocument::check(d.originalName, d.bytes);
        if (!checked)
            return fail(checked.error());
        if (seen.contains(checked->sha256))
            return fail(Error::invalidInput(QCoreApplication::translate("RegistrationService", "%1 is the same file as %2, which is already attached. Attach each document once.")
                                                .arg(checked->originalName, seen.value(checked->sha256))));
        seen.insert(checked->sha256, checked->originalName);
        documents.append(*checked);
    }

    // The house: by contract, by certificate, by the typed address, or chosen from a lookup.
    qint64 houseId = 0;
    QString districtCode;
    QString typedAddress = draft.typedAddress.trimmed();
    switch (draft.method) {
    case RegistrationMethod::Contract:
    case RegistrationMethod::Certificate: {
        auto found = draft.method == RegistrationMethod::Contract ? knownByContract(draft.contractNo) : knownByCertificate(draft.certificateNo);
        if (found) {
            houseId = found->houseId;
            districtCode = found->districtCode;
        } else if (found.error().code != Error::Code::NotFound || typedAddress.isEmpty() || documents.isEmpty()) {
            return fail(found.error());
        }
        break;
    }
    case RegistrationMethod::Documents: {
        if (typedAddress.isEmpty())
            return fail(Error::invalidInput(QCoreApplication::translate("RegistrationService", "Type the house's address (坐落) as written on the proof documents.")));
        if (documents.isEmpty())
            return fail(Error::invalidInput(QCoreApplication::translate("RegistrationService", "Attach at least one proof document (a PDF, JPEG or PNG scan).")));
        auto q = m_ctx.db.exec(QStringLiteral("SELECT id, district_code FROM houses WHERE address_key = ?"), {addressKey(typedAddress)});
        if (!q)
            return fail(q.error());
        if (q->next()) {
            houseId = q->value(0).toLongLong();
            districtCode = q->value(1).toString();
        }
        break;
    }
    case RegistrationMethod::Lookup: {
        auto q = m_ctx.db.exec(QStringLiteral("SELECT district_code FROM houses WHERE id = ?"), {draft.houseId});
        if (!q)
            return fail(q.error());
        if (draft.houseId <= 0 || !q->next())
            return fail(Error::invalidInput(QCoreApplication::translate("RegistrationService", "Choose the house from a lookup result first.")));
        houseId = draft.houseId;
        districtCode = q->value(0).toString();
        break;
    }
    }
    if (districtCode.isEmpty()) {
        auto d = m_ctx.db.scalar(QStringLiteral("SELECT count(*) FROM districts WHERE code = ?"), {draft.districtCode});
        if (!d)
            return fail(d.error());
        if (draft.districtCode.isEmpty() || d->toInt() == 0)
            return fail(Error::invalidInput(QCoreApplication::translate("RegistrationService", "Choose the district (区) the house is in.")));
        districtCode = draft.districtCode;
    }

    TransactionGuard tx(m_ctx.db);
    if (!tx.started())
        return fail(tx.started().error());
    const QString nowText = timeText(now);

    // Is the resident already the recorded owner? Then bind at once, no review (not for an owner change).
    qint64 ownerRowId = 0;
    if (houseId > 0 && draft.kind != RegistrationKind::OwnerChange) {
        auto o = m_ctx.db.scalar(QStringLiteral("SELECT o.id FROM house_owners o JOIN persons p ON p.id = o.person_id "
                                                "WHERE o.house_id = ? AND o.until_date IS NULL AND p.id_number = ? AND p.name_key = ?"),
                                 {houseId, resident->idNumber, resident->nameKey});
        if (!o)
            return fail(o.error());
        if (o->isValid())
            ownerRowId = o->toLongLong();
    }
    if (ownerRowId == 0) {
        if (draft.kind != RegistrationKind::AddHouse && documents.isEmpty())
            return fail(Error::invalidInput(QCoreApplication::translate("RegistrationService", "The resident is not the recorded owner of this house, so the request needs review: attach at least one proof document (a PDF, JPEG or PNG scan).")));
        if (houseId > 0) {
            auto existing = m_ctx.db.exec(QStringLiteral("SELECT r.id, r.submitted_at, s.display_name FROM registration_requests r JOIN staff s ON s.id = r.submitted_by "
                                                         "WHERE r.house_id = ? AND r.kind = ? AND r.state = 'pending'"),
                                          {houseId, registrationKindCode(draft.kind)});
            if (!existing)
                return fail(existing.error());
            if (existing->next())
                return fail(Error::conflict(QCoreApplication::translate("RegistrationService", "Request No. %1 (%2) for this house is already waiting for review (submitted %3 by %4). Wait for its decision, or add the new documents to it if it is returned.")
                                                .arg(existing->value(0).toString(), registrationKindLabel(draft.kind),
                                                     parseTime(existing->value(1).toString()).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                                     existing->value(2).toString()),
                                            QStringLiteral("pending request %1").arg(existing->value(0).toString())));
        }
    }

    // The resident as a person (a resident with no house yet is added).
    auto person = m_ctx.db.exec(QStringLiteral("SELECT id, name_key FROM persons WHERE id_kind = ? AND id_number = ?"),
                                {resident->idKind, resident->idNumber});
    if (!person)
        return fail(person.error());
    qint64 personId = 0;
    if (person->next()) {
        if (person->value(1).toString() != resident->nameKey)
            return fail(Error::invalidInput(QCoreApplication::translate("RegistrationService", "The ID number %1 is recorded under another name. Check the name as written on the ID card.").arg(resident->idNumber),
                                            QStringLiteral("person %1 name mismatch").arg(person->value(0).toString())));
        personId = person->value(0).toLongLong();
    } else {
        auto inserted = m_ctx.db.insert(QStringLiteral("INSERT INTO persons (name, name_key, id_kind, id_number, phone) VALUES (?, ?, ?, ?, ?)"),
                                        {resident->name, resident->nameKey, resident->idKind, resident->idNumber, phone});
        if (!inserted)
            return fail(inserted.error());
        personId = *inserted;
    }

    const bool bindNow = ownerRowId > 0;
    auto requestId = m_ctx.db.insert(
        QStringLiteral("INSERT INTO registration_requests (kind, method, state, person_id, house_id, typed_address, district_code, phone, "
                       "contract_no, certificate_no, submitted_by, submitted_at, created_at, counter_id) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {registrationKindCode(draft.kind), registrationMethodCode(draft.method), bindNow ? QStringLiteral("bound") : QStringLiteral("pending"),
         personId, houseId > 0 ? QVariant(houseId) : QVariant(), typedAddress, districtCode, phone,
         nullable(draft.contractNo.trimmed()), nullable(draft.certificateNo.trimmed()), actor.id, nowText, nowText, m_ctx.counterId});
    if (!requestId)
        return fail(requestId.error());
    if (auto e = m_ctx.db.exec(QStringLiteral("INSERT INTO registration_events (request_id, at, staff_id, action, reason) VALUES (?, ?, ?, ?, '')"),
                               {*requestId, nowText, actor.id, bindNow ? QStringLiteral("bound") : QStringLiteral("submitted")});
        !e)
        return fail(e.error());
    for (const ProofDocument &d : documents) {
        if (auto r = m_ctx.db.exec(QStringLiteral("INSERT INTO registration_documents (request_id, original_name, content_type, size_bytes, sha256, content, attached_by, attached_at) "
                                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                                   {*requestId, d.originalName, ProofDocument::mimeType(d.type), qint64(d.bytes.size()), d.sha256, d.bytes, actor.id, nowText});
            !r)
            return fail(r.error());
    }
    if (bindNow) {
        if (auto b = m_ctx.db.exec(QStringLiteral("UPDATE house_owners SET bound = 1, registration_id = coalesce(registration_id, ?) WHERE id = ?"),
                                   {*requestId, ownerRowId});
            !b)
            return fail(b.error());
    }
    if (auto a = m_ctx.audit.append(&actor, bindNow ? QStringLiteral("registration.bound") : QStringLiteral("registration.submit"),
                                    QStringLiteral("registration"), QString::number(*requestId),
                                    QStringLiteral("kind=%1 method=%2 house=%3 person=%4 documents=%5")
                                        .arg(registrationKindCode(draft.kind), registrationMethodCode(draft.method))
                                        .arg(houseId)
                                        .arg(personId)
                                        .arg(documents.size()));
        !a)
        return fail(a.error());
    if (auto c = tx.commit(); !c)
        return fail(c.error());
    return RegistrationOutcome{bindNow, *requestId, houseId};
}

VoidResult RegistrationService::resubmit(const StaffMember &actor, qint64 requestId, const QList<ProofDocument> &moreDocuments)
{
    if (auto allowed = require(actor, Permission::SubmitRegistration); !allowed)
        return allowed;
    if (moreDocuments.isEmpty())
        return fail(Error::invalidInput(QCoreApplication::translate("RegistrationService", "Attach the further proof documents the reviewer asked for before resubmitting.")));
    QList<ProofDocument> documents;
    for (const ProofDocument &d : moreDocuments) {
        auto checked = ProofDocument::check(d.originalName, d.bytes);
        if (!checked)
            return fail(checked.error());
        documents.append(*checked);
    }
    TransactionGuard tx(m_ctx.db);
    if (!tx.started())
        return tx.started();
    auto q = m_ctx.db.exec(QStringLiteral("SELECT state, house_id, kind FROM registration_requests WHERE id = ?") + m_ctx.db.forUpdate(), {requestId});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return fail(Error::notFound(QCoreApplication::translate("RegistrationService", "There is no registration request No. %1.").arg(requestId)));
    const auto state = registrationStateFromCode(q->value(0).toString()).value_or(RegistrationState::Pending);
    if (state != RegistrationState::Returned)
        return fail(Error::conflict(QCoreApplication::translate("RegistrationService", "Request No. %1 is %2: only a request returned for more documents can be resubmitted.")
                                        .arg(requestId)
                                        .arg(registrationStateLabel(state))));
    const QVariant houseId = q->value(1);
    const QString kind = q->value(2).toString();
    auto existing = m_ctx.db.scalar(QStringLiteral("SELECT count(*) FROM registration_documents WHERE request_id = ?"), {requestId});
    if (!existing)
        return fail(existing.error());
    if (existing->toInt() + documents.size() > ProofDocument::MaxPerRequest)
        return fail(Error::invalidInput(QCoreApplication::translate("RegistrationService", "A request may carry at most %1 files; %2 are already attached. Combine pages into one PDF.")
                                            .arg(ProofDocument::MaxPerRequest)
                                            .arg(existing->toInt())));
    auto hashes = m_ctx.db.exec(QStringLiteral("SELECT sha256, original_name FROM registration_documents WHERE request_id = ?"), {requestId});
    if (!hashes)
        return fail(hashes.error());
    QHash<QString, QString> seen;
    while (hashes->next())
        seen.insert(hashes->value(0).toString(), hashes->value(1).toString());
    for (const ProofDocument &d : documents) {
        if (seen.contains(d.sha256))
            return fail(Error::invalidInput(QCoreApplication::translate("RegistrationService", "%1 is the same file as %2, which is already attached. Attach each document once.")
                                                .arg(d.originalName, seen.value(d.sha256))));
        seen.insert(d.sha256, d.originalName);
    }
    if (!houseId.isNull()) {
        auto other = m_ctx.db.scalar(QStringLiteral("SELECT min(id) FROM registration_requests WHERE house_id = ? AND kind = ? AND state = 'pending'"),
                                     {houseId, kind});
        if (!other)
            return fail(other.error());
        if (other->isValid() && !other->isNull())
            return fail(Error::conflict(QCoreApplication::translate("RegistrationService", "Request No. %1 for this house is already waiting for review; request No. %2 cannot be resubmitted until it is decided.")
                                            .arg(other->toString())
                                            .arg(requestId)));
    }
    const QString nowText = timeText(m_ctx.clock.now());
    for (const ProofDocument &d : documents) {
        if (auto r = m_ctx.db.exec(QStringLiteral("INSERT INTO registration_documents (request_id, original_name, content_type, size_bytes, sha256, content, attached_by, attached_at) "
                                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                                   {requestId, d.originalName, ProofDocument::mimeType(d.type), qint64(d.bytes.size()), d.sha256, d.bytes, actor.id, nowText});
            !r)
            return fail(r.error());
    }
    if (auto u = m_ctx.db.exec(QStringLiteral("UPDATE registration_requests SET state = 'pending', submitted_by = ?, submitted_at = ?, reviewed_by = NULL, "
                                              "reviewed_at = NULL, reason = NULL, rounds = rounds + 1, outcome_shown_at = NULL WHERE id = ? AND state = 'returned'"),
                               {actor.id, nowText, requestId});
        !u)
        return fail(u.error());
    if (auto e = m_ctx.db.exec(QStringLiteral("INSERT INTO registration_events (request_id, at, staff_id, action, reason) VALUES (?, ?, ?, 'resubmitted', '')"),
                               {requestId, nowText, actor.id});
        !e)
        return fail(e.error());
    if (auto a = m_ctx.audit.append(&actor, QStringLiteral("registration.resubmit"), QStringLiteral("registration"), QString::number(requestId),
                                    QStringLiteral("documents=%1").arg(documents.size()));
        !a)
        return a;
    return tx.commit();
}

VoidResult RegistrationService::approve(const StaffMember &actor, qint64 requestId, qint64 houseId)
{
    return decide(actor, requestId, Decision::Approve, {}, houseId);
}

VoidResult RegistrationService::reject(const StaffMember &actor, qint64 requestId, const QString &reason)
{
    return decide(actor, requestId, Decision::Reject, reason, 0);
}

VoidResult RegistrationService::returnForMore(const StaffMember &actor, qint64 requestId, const QString &reason)
{
    return decide(actor, requestId, Decision::Return, reason, 0);
}

VoidResult RegistrationService::decide(const StaffMember &actor, qint64 requestId, Decision decision, const QString &reasonText, qint64 houseChoice)
{
    if (auto allowed = require(actor, Permission::ReviewRegistration); !allowed)
        return allowed;
    const QString reason = reasonText.trimmed();
    if (decision == Decision::Reject && reason.isEmpty())
        return fail(Error::invalidInput(QCoreApplication::translate("RegistrationService", "Give the reason for rejecting the request: the resident is told it.")));
    if (decision == Decision::Return && reason.isEmpty())
        return fail(Error::invalidInput(QCoreApplication::translate("RegistrationService", "Say which documents are missing: the resident is told it.")));

    TransactionGuard tx(m_ctx.db);
    if (!tx.started())
        return tx.started();
    auto q = m_ctx.db.exec(QStringLiteral("SELECT state, submitted_by, coalesce(house_id, 0), kind, person_id FROM registration_requests WHERE id = ?")
                               + m_ctx.db.forUpdate(),
                           {requestId});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return fail(Error::notFound(QCoreApplication::translate("RegistrationService", "There is no registration request No. %1.").arg(requestId)));
    const auto state = registrationStateFromCode(q->value(0).toString()).value_or(RegistrationState::Pending);
    const qint64 submittedBy = q->value(1).toLongLong();
    qint64 houseId = q->value(2).toLongLong();
    const auto kind = registrationKindFromCode(q->value(3).toString()).value_or(RegistrationKind::AddHouse);
    const qint64 personId = q->value(4).toLongLong();
    if (state != RegistrationState::Pending)
        return fail(Error::conflict(QCoreApplication::translate("RegistrationService", "Request No. %1 is no longer waiting for review: it is %2.")
                                        .arg(requestId)
                                        .arg(registrationStateLabel(state))));
    // Maker-checker: whoever submitted any round of this request may not decide it.
    auto made = m_ctx.db.scalar(QStringLiteral("SELECT count(*) FROM registration_events WHERE request_id = ? AND staff_id = ? AND action IN ('submitted', 'resubmitted')"),
                                {requestId, actor.id});
    if (!made)
        return fail(made.error());
    if (submittedBy == actor.id || made->toInt() > 0)
        return fail(Error::permissionDenied(QCoreApplication::translate("RegistrationService", "You submitted request No. %1, so you may not decide it: another supervisor or reviewer must.").arg(requestId),
                                            QStringLiteral("maker %1 tried to check request %2").arg(actor.login).arg(requestId)));

    const QDateTime now = m_ctx.clock.now();
    const QString nowText = timeText(now);
    QString newState;
    QString action;
    if (decision == Decision::Approve) {
        if (houseChoice > 0 && houseId > 0 && houseChoice != houseId)
            return fail(Error::invalidInput(QCoreApplication::translate("RegistrationService", "Request No. %1 is for another house.").arg(requestId)));
        if (houseId == 0)
            houseId = houseChoice;
        if (houseId <= 0)
            return fail(Error::invalidInput(QCoreApplication::translate("RegistrationService", "Request No. %1 names no known house: find the house by its address and choose it before approving, or return the request.").arg(requestId)));
        auto exists = m_ctx.db.scalar(QStringLiteral("SELECT count(*) FROM houses WHERE id = ?"), {houseId});
        if (!exists)
            return fail(exists.error());
        if (exists->toInt() == 0)
            return fail(Error::notFound(QCoreApplication::translate("RegistrationService", "There is no house with the ID %1.").arg(houseId)));
        auto other = m_ctx.db.scalar(QStringLiteral("SELECT min(id) FROM registration_requests WHERE house_id = ? AND kind = ? AND state = 'pending' AND id <> ?"),
                                     {houseId, registrationKindCode(kind), requestId});
        if (!other)
            return fail(other.error());
        if (other->isValid() && !other->isNull())
            return fail(Error::conflict(QCoreApplication::translate("RegistrationService", "Request No. %1 for the same house is also waiting for review: decide that one first.").arg(other->toString())));
        const QString today = now.toLocalTime().date().toString(Qt::ISODate);
        if (kind == RegistrationKind::OwnerChange) {
            // The previous owners move to the history; the fund account stays with the house.
            if (auto u = m_ctx.db.exec(QStringLiteral("UPDATE house_owners SET until_date = ? WHERE house_id = ? AND until_date IS NULL AND person_id <> ?"),
                                       {today, houseId, personId});
                !u)
                return fail(u.error());
        }
        auto current = m_ctx.db.scalar(QStringLiteral("SELECT min(id) FROM house_owners WHERE house_id = ? AND person_id = ? AND until_date IS NULL"),
                                       {houseId, personId});
        if (!current)
            return fail(current.error());
        if (current->isValid() && !current->isNull()) {
            if (auto u = m_ctx.db.exec(QStringLiteral("UPDATE house_owners SET bound = 1, registration_id = ? WHERE id = ?"), {requestId, current->toLongLong()}); !u)
                return fail(u.error());
        } else if (auto i = m_ctx.db.exec(QStringLiteral("INSERT INTO house_owners (house_id, person_id, since_date, bound, registration_id) VALUES (?, ?, ?, 1, ?)"),
                                          {houseId, personId, today, requestId});
                   !i) {
            return fail(i.error());
        }
        newState = QStringLiteral("approved");
        action = QStringLiteral("approved");
    } else {
        newState = decision == Decision::Reject ? QStringLiteral("rejected") : QStringLiteral("returned");
        action = newState;
    }
    if (auto u = m_ctx.db.exec(QStringLiteral("UPDATE registration_requests SET state = ?, reviewed_by = ?, reviewed_at = ?, reason = ?, house_id = ?, "
                                              "outcome_shown_at = NULL WHERE id = ? AND state = 'pending'"),
                               {newState, actor.id, nowText, nullable(reason), houseId > 0 ? QVariant(houseId) : QVariant(), requestId});
        !u)
        return fail(u.error());
    if (auto e = m_ctx.db.exec(QStringLiteral("INSERT INTO registration_events (request_id, at, staff_id, action, reason) VALUES (?, ?, ?, ?, ?)"),
                               {requestId, nowText, actor.id, action, reason});
        !e)
        return fail(e.error());
    if (auto a = m_ctx.audit.append(&actor, QStringLiteral("registration.") + action, QStringLiteral("registration"), QString::number(requestId),
                                    QStringLiteral("house=%1 reason=%2").arg(houseId).arg(reason));
        !a)
        return a;
    return tx.commit();
}

Result<QList<RegistrationRecord>> RegistrationService::records(const QString &where, const QVariantList &values, const QString &order, int limit)
{
    QString sql = QString::fromLatin1(RecordSelect) + u"WHERE " + where + u" ORDER BY " + order;
    if (limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(limit);
    auto q = m_ctx.db.exec(sql, values);
    if (!q)
        return fail(q.error());
    QList<RegistrationRecord> out;
    while (q->next())
        out.append(readRecord(*q));
    return out;
}

Result<QList<RegistrationRecord>> RegistrationService::queue(const StaffMember &actor, const RegistrationQueueFilter &filter,
                                                             const QDateTime &afterCreated, qint64 afterId, int limit)
{
    if (auto allowed = require(actor, Permission::ReviewRegistration); !allowed)
        return fail(allowed.error());
    QString where = QStringLiteral("r.state = 'pending'");
    QVariantList values;
    if (!filter.districtCode.isEmpty()) {
        where += QStringLiteral(" AND r.district_code = ?");
        values << filter.districtCode;
    }
    if (filter.kind) {
        where += QStringLiteral(" AND r.kind = ?");
        values << registrationKindCode(*filter.kind);
    }
    if (afterId > 0) {
        // A row value: both engines walk the (state[, district][, kind], created_at, id) index from the key.
        where += QStringLiteral(" AND (r.created_at, r.id) > (?, ?)");
        values << timeText(afterCreated) << afterId;
    }
    return records(where, values, QStringLiteral("r.created_at, r.id"), qBound(1, limit, 1000));
}

Result<int> RegistrationService::pendingCount(const StaffMember &actor, const RegistrationQueueFilter &filter)
{
    if (auto allowed = require(actor, Permission::ReviewRegistration); !allowed)
        return fail(allowed.error());
    QString sql = QStringLiteral("SELECT count(*) FROM registration_requests r WHERE r.state = 'pending'");
    QVariantList values;
    if (!filter.districtCode.isEmpty()) {
        sql += QStringLiteral(" AND r.district_code = ?");
        values << filter.districtCode;
    }
    if (filter.kind) {
        sql += QStringLiteral(" AND r.kind = ?");
        values << registrationKindCode(*filter.kind);
    }
    auto n = m_ctx.db.scalar(sql, values);
    if (!n)
        return fail(n.error());
    return n->toInt();
}

Result<RegistrationRecord> RegistrationService::request(const StaffMember &actor, qint64 requestId)
{
    if (!isAllowed(actor, Permission::ReviewRegistration)) {
        if (auto allowed = require(actor, Permission::SubmitRegistration); !allowed)
            return fail(allowed.error());
    }
    auto list = records(QStringLiteral("r.id = ?"), {requestId}, QStringLiteral("r.id"), 1);
    if (!list)
        return fail(list.error());
    if (list->isEmpty())
        return fail(Error::notFound(QCoreApplication::translate("RegistrationService", "There is no registration request No. %1.").arg(requestId)));
    return list->first();
}

Result<QList<RegistrationDocumentInfo>> RegistrationService::documents(const StaffMember &actor, qint64 requestId)
{
    if (!isAllowed(actor, Permission::ReviewRegistration)) {
        if (auto allowed = require(actor, Permission::SubmitRegistration); !allowed)
            return fail(allowed.error());
    }
    auto q = m_ctx.db.exec(QStringLiteral("SELECT d.id, d.original_name, d.content_type, d.size_bytes, d.sha256, s.display_name, d.attached_at "
                                          "FROM registration_documents d JOIN staff s ON s.id = d.attached_by WHERE d.request_id = ? ORDER BY d.id"),
                           {requestId});
    if (!q)
        return fail(q.error());
    QList<RegistrationDocumentInfo> out;
    while (q->next())
        out.append({q->value(0).toLongLong(), q->value(1).toString(), ProofDocument::fromMimeType(q->value(2).toString()),
                    q->value(3).toLongLong(), q->value(4).toString(), q->value(5).toString(), parseTime(q->value(6).toString())});
    return out;
}

Result<QByteArray> RegistrationService::documentContent(const StaffMember &actor, qint64 documentId)
{
    if (!isAllowed(actor, Permission::ReviewRegistration)) {
        if (auto allowed = require(actor, Permission::SubmitRegistration); !allowed)
            return fail(allowed.error());
    }
    auto q = m_ctx.db.exec(QStringLiteral("SELECT content FROM registration_documents WHERE id = ?"), {documentId});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return fail(Error::notFound(QCoreApplication::translate("RegistrationService", "The proof document %1 no longer exists.").arg(documentId)));
    return q->value(0).toByteArray();
}

Result<QList<RegistrationEvent>> RegistrationService::events(const StaffMember &actor, qint64 requestId)
{
    if (!isAllowed(actor, Permission::ReviewRegistration)) {
        if (auto allowed = require(actor, Permission::SubmitRegistration); !allowed)
            return fail(allowed.error());
    }
    auto q = m_ctx.db.exec(QStringLiteral("SELECT e.at, s.display_name, e.action, e.reason FROM registration_events e JOIN staff s ON s.id = e.staff_id "
                                          "WHERE e.request_id = ? ORDER BY e.id"),
                           {requestId});
    if (!q)
        return fail(q.error());
    QList<RegistrationEvent> out;
    while (q->next())
        out.append({parseTime(q->value(0).toString()), q->value(1).toString(), q->value(2).toString(), q->value(3).toString()});
    return out;
}

Result<QList<OwnershipRecord>> RegistrationService::ownership(const StaffMember &actor, qint64 houseId)
{
    if (!isAllowed(actor, Permission::ReviewRegistration)) {
        if (auto allowed = require(actor, Permission::ReadPersonalData); !allowed)
            return fail(allowed.error());
    }
    // Owners' personal data: the read is audited, like HouseService::detail.
    TransactionGuard tx(m_ctx.db);
    if (!tx.started())
        return fail(tx.started().error());
    auto q = m_ctx.db.exec(QStringLiteral("SELECT p.name, p.id_number, o.since_date, coalesce(o.until_date, ''), coalesce(o.registration_id, 0) "
                                          "FROM house_owners o JOIN persons p ON p.id = o.person_id WHERE o.house_id = ? "
                                          "ORDER BY CASE WHEN o.until_date IS NULL THEN 0 ELSE 1 END, o.id DESC"),
                           {houseId});
    if (!q)
        return fail(q.error());
    QList<OwnershipRecord> out;
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), q->value(3).toString(), q->value(4).toLongLong()});
    if (auto a = m_ctx.audit.append(&actor, QStringLiteral("house.read_owner_history"), QStringLiteral("house"), QString::number(houseId)); !a)
        return fail(a.error());
    if (auto c = tx.commit(); !c)
        return fail(c.error());
    return out;
}

Result<QList<RegistrationRecord>> RegistrationService::history(const StaffMember &actor, const QString &idNumber, const QString &name)
{
    if (auto allowed = require(actor, Permission::SubmitRegistration); !allowed)
        return fail(allowed.error());
    auto resident = checkResident(idNumber, name, m_ctx.clock.now().date());
    if (!resident)
        return fail(resident.error());
    return records(QStringLiteral("p.id_number = ? AND p.name_key = ?"), {resident->idNumber, resident->nameKey},
                   QStringLiteral("r.created_at DESC, r.id DESC"), 500);
}

Result<QList<RegistrationRecord>> RegistrationService::takeNewOutcomes(const StaffMember &actor, const QString &idNumber, const QString &name)
{
    if (auto allowed = require(actor, Permission::SubmitRegistration); !allowed)
        return fail(allowed.error());
    auto resident = checkResident(idNumber, name, m_ctx.clock.now().date());
    if (!resident)
        return fail(resident.error());
    TransactionGuard tx(m_ctx.db);
    if (!tx.started())
        return fail(tx.started().error());
    auto list = records(QStringLiteral("p.id_number = ? AND p.name_key = ? AND r.state IN ('approved', 'rejected', 'returned') AND r.outcome_shown_at IS NULL"),
                        {resident->idNumber, resident->nameKey}, QStringLiteral("r.reviewed_at, r.id"), 100);
    if (!list)
        return fail(list.error());
    if (list->isEmpty())
        return list;
    const QString nowText = timeText(m_ctx.clock.now());
    QStringList ids;
    for (const RegistrationRecord &r : *list) {
        if (auto u = m_ctx.db.exec(QStringLiteral("UPDATE registration_requests SET outcome_shown_at = ? WHERE id = ?"), {nowText, r.id}); !u)
            return fail(u.error());
        ids << QString::number(r.id);
    }
    if (auto a = m_ctx.audit.append(&actor, QStringLiteral("registration.outcome_shown"), QStringLiteral("person"),
                                    QString::number(list->first().personId), ids.join(u','));
        !a)
        return fail(a.error());
    if (auto c = tx.commit(); !c)
        return fail(c.error());
    return list;
}

} // namespace fund::models
