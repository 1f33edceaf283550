// Add house (个人造册), bind (去绑定), owner change (业主信息变更) and their review, issue 6 — on
// SQLite and PostgreSQL: each way of adding a house (bound at once and reviewed), binding, owner
// change with the previous owners kept, approve / reject / return / resubmit, maker-checker in
// the service and in the database (a direct UPDATE is refused by the CHECK), one pending request
// per house and kind, the checker-only role, bad proof files, the resident's history and the
// outcomes shown next time, audit rows; and the v9 migration of a database created at v6.
#include "common/prooffiles.h"
#include "common/testenvironment.h"

#include "models/domain/idnumber.h"
#include "models/services/permissions.h"
#include "models/services/registrationservice.h"

#include <QFile>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

using namespace fund::models;
using fund::tests::TestEnvironment;

namespace {

qint64 count(Database &db, const QString &sql, const QVariantList &values = {})
{
    auto r = db.scalar(sql, values);
    return r ? r->toLongLong() : -1;
}

template<typename R>
QString why(const R &r)
{
    return r ? QString() : r.error().message + QStringLiteral(" | ") + r.error().detail;
}

ProofDocument proof(const QString &name, const QByteArray &bytes)
{
    ProofDocument d;
    d.originalName = name;
    d.bytes = bytes;
    return d;
}

struct KnownOwner
{
    qint64 houseId = 0;
    QString address;
    QString contractNo;
    QString certificateNo;
    QString name;
    QString idNumber;
    QString districtCode;
};

} // namespace

class tst_RegistrationService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void reviewerRoleExists();
    void addByContractOwnerMatchesIsBoundAtOnce();
    void addByCertificateFillsKnownFacts();
    void addByCertificateOtherResidentNeedsReview();
    void addByDocumentsNewResidentThenApproved();
    void addByDocumentsUnknownHouseNeedsAHouseToApprove();
    void bindFromLookup();
    void ownerChangeKeepsHistory();
    void rejectNeedsReason();
    void returnAndResubmit();
    void makerCannotCheckInService();
    void makerCheckerConstraintInDatabase();
    void onePendingPerHouseAndKind();
    void reviewerCannotSubmitClerkCannotReview();
    void badFiles_data();
    void badFiles();
    void duplicateFileRefused();
    void tooManyFiles();
    void historyAndNewOutcomes();
    void queuePagesOldestFirstWithFilters();
    void auditRowsWritten();
    void migrationFromV6KeepsStaffAndAddsRole();

private:
    KnownOwner owner(int n);
    QString newIdNumber();
    std::unique_ptr<TestEnvironment> m_env;
    StaffMember m_reviewer;
    StaffMember m_supervisor2;
    int m_nextSeq = 100;
};

KnownOwner tst_RegistrationService::owner(int n)
{
    auto q = m_env->db->exec(QStringLiteral(
                                 "SELECT h.id, h.address, h.contract_no, h.certificate_no, p.name, p.id_number, h.district_code FROM houses h "
                                 "JOIN house_owners o ON o.house_id = h.id AND o.until_date IS NULL JOIN persons p ON p.id = o.person_id "
                                 "WHERE h.contract_no IS NOT NULL AND h.certificate_no IS NOT NULL "
                                 "AND (SELECT count(*) FROM house_owners x WHERE x.house_id = h.id AND x.until_date IS NULL) = 1 "
                                 "AND (SELECT count(*) FROM houses y WHERE y.contract_key = h.contract_key) = 1 "
                                 "AND (SELECT count(*) FROM houses y WHERE y.certificate_key = h.certificate_key) = 1 "
                                 "ORDER BY h.id LIMIT 1 OFFSET %1").arg(n));
    if (!q || !q->next())
        return {};
    return {q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString(), q->value(3).toString(),
            q->value(4).toString(), q->value(5).toString(), q->value(6).toString()};
}

QString tst_RegistrationService::newIdNumber()
{
    return IdNumber::generate(QStringLiteral("110105"), QDate(1988, 3, 14), m_nextSeq++);
}

void tst_RegistrationService::initTestCase()
{
    m_env = TestEnvironment::create(40);
    QVERIFY2(m_env, qPrintable(TestEnvironment::lastError()));
    auto reviewer = m_env->staff->addStaff(QStringLiteral("reviewer1"), QStringLiteral("赵审核"), StaffRole::Reviewer, QStringLiteral("review123"), 1000);
    QVERIFY2(reviewer, qPrintable(why(reviewer)));
    m_reviewer = *reviewer;
    auto sup2 = m_env->staff->addStaff(QStringLiteral("supervisor2"), QStringLiteral("周主管"), StaffRole::Supervisor, QStringLiteral("super456"), 1000);
    QVERIFY2(sup2, qPrintable(why(sup2)));
    m_supervisor2 = *sup2;
    QVERIFY(owner(12).houseId > 0);
}

void tst_RegistrationService::cleanupTestCase()
{
    m_env.reset();
}

void tst_RegistrationService::reviewerRoleExists()
{
    auto login = m_env->staff->login(QStringLiteral("reviewer1"), QStringLiteral("review123"));
    QVERIFY2(login, qPrintable(why(login)));
    QCOMPARE(login->role, StaffRole::Reviewer);
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM staff WHERE role = 'reviewer' AND login <> 'reviewer'")), 1); // besides the demo one
    // The CHECK still refuses an unknown role.
    auto bad = m_env->db->exec(QStringLiteral("INSERT INTO staff (login, display_name, role, password_hash, created_at) VALUES ('x', 'x', 'boss', 'h', 'now')"));
    QVERIFY(!bad);
    QVERIFY(isAllowed(*login, Permission::ReviewRegistration));
    QVERIFY(!isAllowed(*login, Permission::SubmitRegistration));
    QVERIFY(!isAllowed(*login, Permission::CollectPayment));
}

void tst_RegistrationService::addByContractOwnerMatchesIsBoundAtOnce()
{
    const KnownOwner o = owner(0);
    RegistrationDraft d;
    d.kind = RegistrationKind::AddHouse;
    d.method = RegistrationMethod::Contract;
    d.contractNo = QStringLiteral(" ") + o.contractNo.toLower() + QStringLiteral(" ");
    // Name and ID written differently: full-width, spaces, lower-case x.
    d.residentName = QStringLiteral(" ") + o.name + QStringLiteral(" ");
    d.residentIdNumber = o.idNumber.toLower();
    d.phone = QStringLiteral("138 0013 8000");
    auto r = m_env->registrations->submit(m_env->clerk, d);
    QVERIFY2(r, qPrintable(why(r)));
    QVERIFY(r->bound);
    QCOMPARE(r->houseId, o.houseId);
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT bound FROM house_owners WHERE house_id = ? AND until_date IS NULL"), {o.houseId}), 1);
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM registration_requests WHERE id = ? AND state = 'bound' AND reviewed_by IS NULL"), {r->requestId}), 1);
    auto houses = m_env->lookup->byOwner(m_env->clerk, o.idNumber, o.name);
    QVERIFY2(houses, qPrintable(why(houses)));
    bool found = false;
    for (const auto &h : *houses)
        found = found || h.id == o.houseId;
    QVERIFY(found);
}

void tst_RegistrationService::addByCertificateFillsKnownFacts()
{
    const KnownOwner o = owner(1);
    auto known = m_env->registrations->knownByCertificate(o.certificateNo);
    QVERIFY2(known, qPrintable(why(known)));
    QCOMPARE(known->houseId, o.houseId);
    QCOMPARE(known->address, o.address);
    QVERIFY(known->areaCenti > 0);
    QVERIFY(!known->houseType.isEmpty());
    auto byContract = m_env->registrations->knownByContract(o.contractNo);
    QVERIFY2(byContract, qPrintable(why(byContract)));
    QCOMPARE(byContract->houseId, o.houseId);
    auto none = m_env->registrations->knownByCertificate(QStringLiteral("京(2021)朝阳区不动产权第9999999号"));
    QVERIFY(!none);
    QCOMPARE(none.error().code, Error::Code::NotFound);
    QVERIFY(none.error().message.contains(QStringLiteral("proof documents")));
}

void tst_RegistrationService::addByCertificateOtherResidentNeedsReview()
{
    const KnownOwner o = owner(2);
    RegistrationDraft d;
    d.method = RegistrationMethod::Certificate;
    d.certificateNo = o.certificateNo;
    d.residentName = QStringLiteral("孙新业");
    d.residentIdNumber = newIdNumber();
    d.phone = QStringLiteral("13900139000");
    d.documents = {proof(QStringLiteral("contract.pdf"), fund::tests::samplePdf(2))};
    auto r = m_env->registrations->submit(m_env->clerk, d);
    QVERIFY2(r, qPrintable(why(r)));
    QVERIFY(!r->bound);
    QCOMPARE(r->houseId, o.houseId);
    auto rec = m_env->registrations->request(m_env->supervisor, r->requestId);
    QVERIFY2(rec, qPrintable(why(rec)));
    QCOMPARE(rec->state, RegistrationState::Pending);
    QCOMPARE(rec->documentCount, 1);
    QCOMPARE(rec->districtCode, o.districtCode);
    // Approved: the resident becomes an owner next to the recorded one (add house keeps owners).
    auto a = m_env->registrations->approve(m_env->supervisor, r->requestId);
    QVERIFY2(a, qPrintable(why(a)));
    auto houses = m_env->lookup->byOwner(m_env->clerk, d.residentIdNumber, d.residentName);
    QVERIFY2(houses, qPrintable(why(houses)));
    QCOMPARE(houses->size(), 1);
    QCOMPARE(houses->first().id, o.houseId);
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM house_owners WHERE house_id = ? AND until_date IS NULL"), {o.houseId}), 2);
}

void tst_RegistrationService::addByDocumentsNewResidentThenApproved()
{
    const KnownOwner o = owner(3);
    RegistrationDraft d;
    d.method = RegistrationMethod::Documents;
    // Typed the other way round (with or without 北京市): the address key matches either.
    d.typedAddress = o.address.startsWith(QStringLiteral("北京市")) ? o.address.mid(3) : QStringLiteral("北京市") + o.address;
    d.districtCode = o.districtCode;
    d.residentName = QStringLiteral("钱·买房");
    d.residentIdNumber = newIdNumber();
    d.phone = QStringLiteral("010-65001234");
    d.documents = {proof(QStringLiteral("deed.jpg"), fund::tests::sampleJpeg(3)), proof(QStringLiteral("id.png"), fund::tests::samplePng(3))};
    const qint64 persons = count(*m_env->db, QStringLiteral("SELECT count(*) FROM persons"));
    auto r = m_env->registrations->submit(m_env->clerk, d);
    QVERIFY2(r, qPrintable(why(r)));
    QVERIFY(!r->bound);
    QCOMPARE(r->houseId, o.houseId); // the typed address matched a known house
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM persons")), persons + 1); // a resident with no house yet
    auto docs = m_env->registrations->documents(m_env->supervisor, r->requestId);
    QVERIFY2(docs, qPrintable(why(docs)));
    QCOMPARE(docs->size(), 2);
    QCOMPARE(docs->at(0).type, ProofDocument::Type::Jpeg);
    QCOMPARE(docs->at(1).type, ProofDocument::Type::Png);
    QCOMPARE(docs->at(0).sha256.size(), 64);
    auto bytes = m_env->registrations->documentContent(m_env->supervisor, docs->at(1).id);
    QVERIFY2(bytes, qPrintable(why(bytes)));
    QCOMPARE(*bytes, d.documents.at(1).bytes);
    QVERIFY2(m_env->registrations->approve(m_env->supervisor, r->requestId), "approve");
    auto houses = m_env->lookup->byOwner(m_env->clerk, d.residentIdNumber, d.residentName);
    QVERIFY2(houses, qPrintable(why(houses)));
    QCOMPARE(houses->size(), 1);
}

void tst_RegistrationService::addByDocumentsUnknownHouseNeedsAHouseToApprove()
{
    const KnownOwner o = owner(4);
    RegistrationDraft d;
    d.method = RegistrationMethod::Documents;
    d.typedAddress = QStringLiteral("北京市朝阳区不存在小区99号楼1单元101");
    d.residentName = QStringLiteral("李无房");
    d.residentIdNumber = newIdNumber();
    d.phone = QStringLiteral("13700137000");
    d.documents = {proof(QStringLiteral("deed.pdf"), fund::tests::samplePdf(4))};
    auto noDistrict = m_env->registrations->submit(m_env->clerk, d);
    QVERIFY(!noDistrict);
    QVERIFY(noDistrict.error().message.contains(QStringLiteral("district")));
    d.districtCode = o.districtCode;
    auto r = m_env->registrations->submit(m_env->clerk, d);
    QVERIFY2(r, qPrintable(why(r)));
    QCOMPARE(r->houseId, 0);
    auto a = m_env->registrations->approve(m_env->supervisor, r->requestId);
    QVERIFY(!a);
    QVERIFY(a.error().message.contains(QStringLiteral("no known house")));
    QVERIFY2(m_env->registrations->approve(m_env->supervisor, r->requestId, o.houseId), "approve with the house found by the reviewer");
    auto rec = m_env->registrations->request(m_env->supervisor, r->requestId);
    QVERIFY2(rec, qPrintable(why(rec)));
    QCOMPARE(rec->state, RegistrationState::Approved);
    QCOMPARE(rec->houseId, o.houseId);
}

void tst_RegistrationService::bindFromLookup()
{
    // The recorded owner, not yet bound: bound at once.
    const KnownOwner o = owner(5);
    QVERIFY(m_env->db->exec(QStringLiteral("UPDATE house_owners SET bound = 0 WHERE house_id = ?"), {o.houseId}));
    RegistrationDraft d;
    d.kind = RegistrationKind::Bind;
    d.method = RegistrationMethod::Lookup;
    d.houseId = o.houseId;
    d.residentName = o.name;
    d.residentIdNumber = o.idNumber;
    d.phone = QStringLiteral("13600136000");
    auto r = m_env->registrations->submit(m_env->clerk, d);
    QVERIFY2(r, qPrintable(why(r)));
    QVERIFY(r->bound);
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT bound FROM house_owners WHERE house_id = ? AND until_date IS NULL"), {o.houseId}), 1);

    // Someone else: needs proof, then review.
    d.residentName = QStringLiteral("吴家人");
    d.residentIdNumber = newIdNumber();
    auto noProof = m_env->registrations->submit(m_env->clerk, d);
    QVERIFY(!noProof);
    QVERIFY(noProof.error().message.contains(QStringLiteral("proof document")));
    d.documents = {proof(QStringLiteral("marriage.pdf"), fund::tests::samplePdf(5))};
    auto pending = m_env->registrations->submit(m_env->clerk, d);
    QVERIFY2(pending, qPrintable(why(pending)));
    QVERIFY(!pending->bound);
    QVERIFY2(m_env->registrations->approve(m_reviewer, pending->requestId), "a reviewer approves");
    auto houses = m_env->lookup->byOwner(m_env->clerk, d.residentIdNumber, d.residentName);
    QVERIFY2(houses, qPrintable(why(houses)));
    QCOMPARE(houses->size(), 1);
}

void tst_RegistrationService::ownerChangeKeepsHistory()
{
    const KnownOwner o = owner(6);
    const qint64 account = count(*m_env->db, QStringLiteral("SELECT coalesce(max(id), 0) FROM fund_accounts WHERE house_id = ?"), {o.houseId});
    RegistrationDraft d;
    d.kind = RegistrationKind::OwnerChange;
    d.method = RegistrationMethod::Lookup;
    d.houseId = o.houseId;
    d.residentName = QStringLiteral("郑新主");
    d.residentIdNumber = newIdNumber();
    d.phone = QStringLiteral("13500135000");
    d.documents = {proof(QStringLiteral("transfer.pdf"), fund::tests::samplePdf(6))};
    auto r = m_env->registrations->submit(m_env->clerk, d);
    QVERIFY2(r, qPrintable(why(r)));
    QVERIFY(!r->bound);
    QVERIFY2(m_env->registrations->approve(m_env->supervisor, r->requestId), "approve");
    auto history = m_env->registrations->ownership(m_env->supervisor, o.houseId);
    QVERIFY2(history, qPrintable(why(history)));
    QCOMPARE(history->size(), 2);
    QCOMPARE(history->at(0).name, d.residentName);
    QVERIFY(history->at(0).until.isEmpty());
    QCOMPARE(history->at(0).registrationId, r->requestId);
    QCOMPARE(history->at(1).name, o.name);
    QCOMPARE(history->at(1).until, m_env->clock.now().toLocalTime().date().toString(Qt::ISODate));
    // The previous owner no longer finds the house; the new one does; the account stays.
    auto old = m_env->lookup->byOwner(m_env->clerk, o.idNumber, o.name);
    QVERIFY2(old, qPrintable(why(old)));
    for (const auto &h : *old)
        QVERIFY(h.id != o.houseId);
    auto mine = m_env->lookup->byOwner(m_env->clerk, d.residentIdNumber, d.residentName);
    QVERIFY2(mine, qPrintable(why(mine)));
    QCOMPARE(mine->size(), 1);
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT coalesce(max(id), 0) FROM fund_accounts WHERE house_id = ?"), {o.houseId}), account);
}

void tst_RegistrationService::rejectNeedsReason()
{
    const KnownOwner o = owner(7);
    RegistrationDraft d;
    d.kind = RegistrationKind::Bind;
    d.method = RegistrationMethod::Lookup;
    d.houseId = o.houseId;
    d.residentName = QStringLiteral("冯某某");
    d.residentIdNumber = newIdNumber();
    d.phone = QStringLiteral("13400134000");
    d.documents = {proof(QStringLiteral("x.png"), fund::tests::samplePng(7))};
    auto r = m_env->registrations->submit(m_env->clerk, d);
    QVERIFY2(r, qPrintable(why(r)));
    auto noReason = m_env->registrations->reject(m_env->supervisor, r->requestId, QStringLiteral("  "));
    QVERIFY(!noReason);
    QCOMPARE(noReason.error().code, Error::Code::InvalidInput);
    QVERIFY2(m_env->registrations->reject(m_env->supervisor, r->requestId, QStringLiteral("证件与产权人不符")), "reject");
    auto rec = m_env->registrations->request(m_env->supervisor, r->requestId);
    QCOMPARE(rec->state, RegistrationState::Rejected);
    QCOMPARE(rec->reason, QStringLiteral("证件与产权人不符"));
    auto again = m_env->registrations->approve(m_reviewer, r->requestId);
    QVERIFY(!again);
    QCOMPARE(again.error().code, Error::Code::Conflict);
    // Nothing bound.
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM house_owners WHERE registration_id = ?"), {r->requestId}), 0);
    // Database: a rejection without a reason is refused by the CHECK too.
    QVERIFY(!m_env->db->exec(QStringLiteral("UPDATE registration_requests SET reason = NULL WHERE id = ?"), {r->requestId}));
}

void tst_RegistrationService::returnAndResubmit()
{
    const KnownOwner o = owner(8);
    RegistrationDraft d;
    d.kind = RegistrationKind::OwnerChange;
    d.method = RegistrationMethod::Lookup;
    d.houseId = o.houseId;
    d.residentName = QStringLiteral("陈补件");
    d.residentIdNumber = newIdNumber();
    d.phone = QStringLiteral("13300133000");
    d.documents = {proof(QStringLiteral("a.pdf"), fund::tests::samplePdf(8))};
    auto r = m_env->registrations->submit(m_env->clerk, d);
    QVERIFY2(r, qPrintable(why(r)));
    QVERIFY(!m_env->registrations->returnForMore(m_env->supervisor, r->requestId, QString()));
    QVERIFY2(m_env->registrations->returnForMore(m_env->supervisor, r->requestId, QStringLiteral("请补充购房发票")), "return");
    QCOMPARE(m_env->registrations->request(m_env->supervisor, r->requestId)->state, RegistrationState::Returned);
    // Resubmitting needs new documents, not the same one again.
    QVERIFY(!m_env->registrations->resubmit(m_env->clerk, r->requestId, {}));
    auto dup = m_env->registrations->resubmit(m_env->clerk, r->requestId, {proof(QStringLiteral("a-again.pdf"), fund::tests::samplePdf(8))});
    QVERIFY(!dup);
    QVERIFY(dup.error().message.contains(QStringLiteral("a.pdf")));
    auto re = m_env->registrations->resubmit(m_env->clerk, r->requestId, {proof(QStringLiteral("invoice.jpg"), fund::tests::sampleJpeg(8))});
    QVERIFY2(re, qPrintable(why(re)));
    auto rec = m_env->registrations->request(m_env->supervisor, r->requestId);
    QCOMPARE(rec->state, RegistrationState::Pending);
    QCOMPARE(rec->rounds, 2);
    QCOMPARE(rec->documentCount, 2);
    QVERIFY2(m_env->registrations->approve(m_env->supervisor, r->requestId), "approve after resubmission");
    auto events = m_env->registrations->events(m_env->supervisor, r->requestId);
    QVERIFY2(events, qPrintable(why(events)));
    QStringList actions;
    for (const auto &e : *events)
        actions << e.action;
    QCOMPARE(actions, (QStringList{QStringLiteral("submitted"), QStringLiteral("returned"), QStringLiteral("resubmitted"), QStringLiteral("approved")}));
    QCOMPARE(events->at(1).reason, QStringLiteral("请补充购房发票"));
}

void tst_RegistrationService::makerCannotCheckInService()
{
    const KnownOwner o = owner(9);
    RegistrationDraft d;
    d.kind = RegistrationKind::Bind;
    d.method = RegistrationMethod::Lookup;
    d.houseId = o.houseId;
    d.residentName = QStringLiteral("褚自审");
    d.residentIdNumber = newIdNumber();
    d.phone = QStringLiteral("13200132000");
    d.documents = {proof(QStringLiteral("p.pdf"), fund::tests::samplePdf(9))};
    auto r = m_env->registrations->submit(m_env->supervisor, d); // a supervisor standing in at a window
    QVERIFY2(r, qPrintable(why(r)));
    for (auto call : {0, 1, 2}) {
        VoidResult v = call == 0 ? m_env->registrations->approve(m_env->supervisor, r->requestId)
                     : call == 1 ? m_env->registrations->reject(m_env->supervisor, r->requestId, QStringLiteral("x"))
                                 : m_env->registrations->returnForMore(m_env->supervisor, r->requestId, QStringLiteral("x"));
        QVERIFY(!v);
        QCOMPARE(v.error().code, Error::Code::PermissionDenied);
        QVERIFY(v.error().message.contains(QStringLiteral("You submitted")));
    }
    QCOMPARE(m_env->registrations->request(m_env->supervisor, r->requestId)->state, RegistrationState::Pending);
    QVERIFY2(m_env->registrations->approve(m_supervisor2, r->requestId), "another supervisor approves");
}

void tst_RegistrationService::makerCheckerConstraintInDatabase()
{
    const KnownOwner o = owner(10);
    RegistrationDraft d;
    d.kind = RegistrationKind::Bind;
    d.method = RegistrationMethod::Lookup;
    d.houseId = o.houseId;
    d.residentName = QStringLiteral("卫直改");
    d.residentIdNumber = newIdNumber();
    d.phone = QStringLiteral("13100131000");
    d.documents = {proof(QStringLiteral("p.pdf"), fund::tests::samplePdf(10))};
    auto r = m_env->registrations->submit(m_env->clerk, d);
    QVERIFY2(r, qPrintable(why(r)));
    // A program that skips the service and approves its own request is refused by the CHECK.
    auto own = m_env->db->exec(QStringLiteral("UPDATE registration_requests SET state = 'approved', reviewed_by = submitted_by, reviewed_at = '2026-12-03T10:00:00.000Z' WHERE id = ?"),
                               {r->requestId});
    QVERIFY(!own);
    // Approved without any reviewer: refused too.
    QVERIFY(!m_env->db->exec(QStringLiteral("UPDATE registration_requests SET state = 'approved' WHERE id = ?"), {r->requestId}));
    QCOMPARE(m_env->registrations->request(m_env->supervisor, r->requestId)->state, RegistrationState::Pending);
    // Someone else is accepted by the same constraint.
    QVERIFY(m_env->db->exec(QStringLiteral("UPDATE registration_requests SET state = 'rejected', reason = 'test', reviewed_by = ?, reviewed_at = '2026-12-03T10:00:00.000Z' WHERE id = ?"),
                            {m_env->supervisor.id, r->requestId}));
}

void tst_RegistrationService::onePendingPerHouseAndKind()
{
    const KnownOwner o = owner(11);
    RegistrationDraft d;
    d.kind = RegistrationKind::OwnerChange;
    d.method = RegistrationMethod::Lookup;
    d.houseId = o.houseId;
    d.residentName = QStringLiteral("蒋一号");
    d.residentIdNumber = newIdNumber();
    d.phone = QStringLiteral("13000130000");
    d.documents = {proof(QStringLiteral("p.pdf"), fund::tests::samplePdf(11))};
    auto first = m_env->registrations->submit(m_env->clerk, d);
    QVERIFY2(first, qPrintable(why(first)));
    d.residentName = QStringLiteral("沈二号");
    d.residentIdNumber = newIdNumber();
    auto second = m_env->registrations->submit(m_env->clerk, d);
    QVERIFY(!second);
    QCOMPARE(second.error().code, Error::Code::Conflict);
    QVERIFY2(second.error().message.contains(QString::number(first->requestId)), qPrintable(second.error().message));
    // Another kind for the same house is fine.
    d.kind = RegistrationKind::Bind;
    auto bind = m_env->registrations->submit(m_env->clerk, d);
    QVERIFY2(bind, qPrintable(why(bind)));
    // The partial unique index refuses a second pending row even without the service.
    auto direct = m_env->db->exec(QStringLiteral("INSERT INTO registration_requests (kind, method, person_id, house_id, district_code, submitted_by, submitted_at, created_at, counter_id) "
                                                 "SELECT kind, method, person_id, house_id, district_code, submitted_by, submitted_at, created_at, counter_id FROM registration_requests WHERE id = ?"),
                                  {first->requestId});
    QVERIFY(!direct);
    // Once decided, a new one may be submitted.
    QVERIFY2(m_env->registrations->reject(m_env->supervisor, first->requestId, QStringLiteral("材料不全")), "reject");
    d.kind = RegistrationKind::OwnerChange;
    auto third = m_env->registrations->submit(m_env->clerk, d);
    QVERIFY2(third, qPrintable(why(third)));
}

void tst_RegistrationService::reviewerCannotSubmitClerkCannotReview()
{
    const KnownOwner o = owner(12);
    RegistrationDraft d;
    d.kind = RegistrationKind::Bind;
    d.method = RegistrationMethod::Lookup;
    d.houseId = o.houseId;
    d.residentName = QStringLiteral("韩审不交");
    d.residentIdNumber = newIdNumber();
    d.phone = QStringLiteral("13900000001");
    d.documents = {proof(QStringLiteral("p.pdf"), fund::tests::samplePdf(12))};
    const qint64 before = count(*m_env->db, QStringLiteral("SELECT count(*) FROM registration_requests"));
    const qint64 audit = count(*m_env->db, QStringLiteral("SELECT count(*) FROM audit_log"));
    auto r = m_env->registrations->submit(m_reviewer, d);
    QVERIFY(!r);
    QCOMPARE(r.error().code, Error::Code::PermissionDenied);
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM registration_requests")), before);
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM audit_log")), audit);
    auto ok = m_env->registrations->submit(m_env->clerk, d);
    QVERIFY2(ok, qPrintable(why(ok)));
    auto clerkApproves = m_env->registrations->approve(m_env->clerk, ok->requestId);
    QVERIFY(!clerkApproves);
    QCOMPARE(clerkApproves.error().code, Error::Code::PermissionDenied);
    QVERIFY(!m_env->registrations->queue(m_env->clerk, {}));
    QVERIFY(m_env->registrations->queue(m_reviewer, {}));
}

void tst_RegistrationService::badFiles_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    QByteArray exe("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff", 16);
    exe.append(QByteArray(2000, '\x01'));
    QFile self(QCoreApplication::applicationFilePath());
    QVERIFY(self.open(QIODevice::ReadOnly));
    const QByteArray elf = self.read(64 * 1024);
    const QByteArray pdf = fund::tests::samplePdf(20);
    QByteArray oversize("%PDF-1.4\n");
    oversize.append(QByteArray(ProofDocument::MaxBytes, 'x'));
    QTest::newRow("renamed windows program") << QStringLiteral("房产证.pdf") << exe << QStringLiteral("program");
    QTest::newRow("renamed linux program") << QStringLiteral("scan.jpg") << elf << QStringLiteral("program");
    QTest::newRow("truncated pdf") << QStringLiteral("contract.pdf") << pdf.left(48) << QStringLiteral("damaged");
    QTest::newRow("pdf header only") << QStringLiteral("contract.pdf") << QByteArray("%PDF-1.7\n%garbage\n") << QStringLiteral("damaged");
    QTest::newRow("truncated png") << QStringLiteral("id.png") << fund::tests::samplePng(20).left(60) << QStringLiteral("damaged");
    QTest::newRow("oversize") << QStringLiteral("big.pdf") << oversize << QStringLiteral("at most 10 MB");
    QTest::newRow("word document") << QStringLiteral("deed.docx") << QByteArray("PK\x03\x04\x14\x00\x06\x00", 8) + QByteArray(500, 'a') << QStringLiteral("program or an archive");
    QTest::newRow("gif") << QStringLiteral("deed.gif") << QByteArray("GIF89a") + QByteArray(300, '\0') << QStringLiteral("not a PDF, JPEG or PNG");
    QTest::newRow("text") << QStringLiteral("deed.pdf") << QByteArray("this is not a scan") << QStringLiteral("not a PDF, JPEG or PNG");
    QTest::newRow("empty") << QStringLiteral("deed.pdf") << QByteArray() << QStringLiteral("empty");
}

void tst_RegistrationService::badFiles()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    auto checked = ProofDocument::check(name, bytes);
    QVERIFY(!checked);
    QCOMPARE(checked.error().code, Error::Code::InvalidInput);
    QVERIFY2(checked.error().message.contains(message), qPrintable(checked.error().message));
    QVERIFY2(checked.error().message.contains(name), qPrintable(checked.error().message));
    // The service refuses it too, and writes nothing.
    const KnownOwner o = owner(13);
    RegistrationDraft d;
    d.kind = RegistrationKind::Bind;
    d.method = RegistrationMethod::Lookup;
    d.houseId = o.houseId;
    d.residentName = QStringLiteral("杨坏档");
    d.residentIdNumber = IdNumber::generate(QStringLiteral("110105"), QDate(1970, 1, 1), 1);
    d.phone = QStringLiteral("13900000002");
    d.documents = {proof(QStringLiteral("ok.pdf"), fund::tests::samplePdf(21)), proof(name, bytes)};
    const qint64 before = count(*m_env->db, QStringLiteral("SELECT count(*) FROM registration_documents"));
    auto r = m_env->registrations->submit(m_env->clerk, d);
    QVERIFY(!r);
    QVERIFY(r.error().message.contains(message));
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM registration_documents")), before);
}

void tst_RegistrationService::duplicateFileRefused()
{
    const KnownOwner o = owner(14);
    RegistrationDraft d;
    d.kind = RegistrationKind::Bind;
    d.method = RegistrationMethod::Lookup;
    d.houseId = o.houseId;
    d.residentName = QStringLiteral("朱重复");
    d.residentIdNumber = newIdNumber();
    d.phone = QStringLiteral("13900000003");
    d.documents = {proof(QStringLiteral("front.png"), fund::tests::samplePng(30)), proof(QStringLiteral("front (1).png"), fund::tests::samplePng(30))};
    auto r = m_env->registrations->submit(m_env->clerk, d);
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(QStringLiteral("front.png")) && r.error().message.contains(QStringLiteral("same file")), qPrintable(r.error().message));
}

void tst_RegistrationService::tooManyFiles()
{
    const KnownOwner o = owner(14);
    RegistrationDraft d;
    d.kind = RegistrationKind::Bind;
    d.method = RegistrationMethod::Lookup;
    d.houseId = o.houseId;
    d.residentName = QStringLiteral("秦很多");
    d.residentIdNumber = newIdNumber();
    d.phone = QStringLiteral("13900000004");
    for (int i = 0; i <= ProofDocument::MaxPerRequest; ++i)
        d.documents.append(proof(QStringLiteral("p%1.png").arg(i), fund::tests::samplePng(i)));
    auto r = m_env->registrations->submit(m_env->clerk, d);
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(QStringLiteral("at most %1").arg(ProofDocument::MaxPerRequest)), qPrintable(r.error().message));
}

void tst_RegistrationService::historyAndNewOutcomes()
{
    const KnownOwner a = owner(15);
    const KnownOwner b = owner(16);
    const QString id = newIdNumber();
    const QString name = QStringLiteral("许历史");
    RegistrationDraft d;
    d.kind = RegistrationKind::Bind;
    d.method = RegistrationMethod::Lookup;
    d.residentName = name;
    d.residentIdNumber = id;
    d.phone = QStringLiteral("13900000005");
    d.houseId = a.houseId;
    d.documents = {proof(QStringLiteral("a.pdf"), fund::tests::samplePdf(40))};
    auto r1 = m_env->registrations->submit(m_env->clerk, d);
    QVERIFY2(r1, qPrintable(why(r1)));
    d.houseId = b.houseId;
    auto r2 = m_env->registrations->submit(m_env->clerk, d);
    QVERIFY2(r2, qPrintable(why(r2)));
    auto none = m_env->registrations->takeNewOutcomes(m_env->clerk, id, name);
    QVERIFY2(none, qPrintable(why(none)));
    QVERIFY(none->isEmpty());
    QVERIFY(m_env->registrations->approve(m_env->supervisor, r1->requestId));
    QVERIFY(m_env->registrations->reject(m_env->supervisor, r2->requestId, QStringLiteral("非本人房屋")));
    auto news = m_env->registrations->takeNewOutcomes(m_env->clerk, id, name);
    QVERIFY2(news, qPrintable(why(news)));
    QCOMPARE(news->size(), 2);
    QCOMPARE(news->at(1).reason, QStringLiteral("非本人房屋"));
    // Shown once: the next service does not repeat them.
    QVERIFY(m_env->registrations->takeNewOutcomes(m_env->clerk, id, name)->isEmpty());
    auto history = m_env->registrations->history(m_env->clerk, id, name);
    QVERIFY2(history, qPrintable(why(history)));
    QCOMPARE(history->size(), 2);
    QVERIFY(!m_env->registrations->history(m_reviewer, id, name));
}

void tst_RegistrationService::queuePagesOldestFirstWithFilters()
{
    auto all = m_env->registrations->queue(m_env->supervisor, {}, {}, 0, 1000);
    QVERIFY2(all, qPrintable(why(all)));
    QVERIFY(all->size() >= 2);
    for (int i = 1; i < all->size(); ++i)
        QVERIFY(all->at(i - 1).createdAt < all->at(i).createdAt
                || (all->at(i - 1).createdAt == all->at(i).createdAt && all->at(i - 1).id < all->at(i).id));
    // Page by page gives the same rows.
    QList<qint64> paged;
    QDateTime after;
    qint64 afterId = 0;
    for (;;) {
        auto page = m_env->registrations->queue(m_env->supervisor, {}, after, afterId, 1);
        QVERIFY2(page, qPrintable(why(page)));
        if (page->isEmpty())
            break;
        paged << page->first().id;
        after = page->first().createdAt;
        afterId = page->first().id;
    }
    QCOMPARE(paged.size(), all->size());
    RegistrationQueueFilter owners;
    owners.kind = RegistrationKind::OwnerChange;
    auto changes = m_env->registrations->queue(m_env->supervisor, owners);
    QVERIFY2(changes, qPrintable(why(changes)));
    for (const auto &r : *changes)
        QCOMPARE(r.kind, RegistrationKind::OwnerChange);
    RegistrationQueueFilter district;
    district.districtCode = all->first().districtCode;
    auto inDistrict = m_env->registrations->queue(m_env->supervisor, district);
    QVERIFY2(inDistrict, qPrintable(why(inDistrict)));
    QVERIFY(!inDistrict->isEmpty());
    for (const auto &r : *inDistrict)
        QCOMPARE(r.districtCode, district.districtCode);
    QCOMPARE(*m_env->registrations->pendingCount(m_env->supervisor, {}), int(all->size()));
}

void tst_RegistrationService::auditRowsWritten()
{
    for (const char *action : {"registration.submit", "registration.bound", "registration.approved", "registration.rejected",
                               "registration.returned", "registration.resubmit", "registration.outcome_shown", "house.read_owner_history"})
        QVERIFY2(count(*m_env->db, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = ?"), {QString::fromLatin1(action)}) > 0, action);
    auto verified = m_env->audit->verify();
    QVERIFY2(verified, qPrintable(why(verified)));
    QCOMPARE(*verified, 0);
}

void tst_RegistrationService::migrationFromV6KeepsStaffAndAddsRole()
{
    if (TestEnvironment::usePostgres()) {
        // On PostgreSQL the role change is a plain DROP/ADD CONSTRAINT; reviewerRoleExists covers it.
        auto def = m_env->db->scalar(QStringLiteral("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'staff_role_check'"));
        QVERIFY2(def, qPrintable(why(def)));
        QVERIFY2(def->toString().contains(QStringLiteral("reviewer")), qPrintable(def->toString()));
        return;
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v6.sqlite"));
    auto opened = Database::open(path);
    QVERIFY2(opened, qPrintable(why(opened)));
    Database &db = **opened;
    // Build the database as a v6 program did: migrations 1–6 only.
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")));
    const QStringList v6 = {QStringLiteral("0001_initial"), QStringLiteral("0002_batch_jobs"), QStringLiteral("0003_search"),
                            QStringLiteral("0004_payment_attempts"), QStringLiteral("0005_tills"), QStringLiteral("0006_reconciliation")};
    for (int i = 0; i < v6.size(); ++i) {
        for (const QString &suffix : {QStringLiteral(".sql"), QStringLiteral(".sqlite.sql")}) {
            QFile f(QStringLiteral(":/migrations/") + v6.at(i) + suffix);
            if (!f.exists())
                continue;
            QVERIFY(f.open(QIODevice::ReadOnly));
            QString script = QString::fromUtf8(f.readAll());
            script.replace(QLatin1String("{{ID}}"), QLatin1String("INTEGER PRIMARY KEY")).replace(QLatin1String("{{BLOB}}"), QLatin1String("BLOB"));
            for (const QString &statement : fund::models::splitSqlScript(script)) {
                auto r = db.exec(statement);
                QVERIFY2(r, qPrintable(v6.at(i) + u": " + why(r)));
            }
        }
        QVERIFY(db.exec(QStringLiteral("INSERT INTO schema_migrations VALUES (?, ?, '2026-01-01')"), {i + 1, v6.at(i)}));
    }
    QCOMPARE(db.schemaVersion(), 6);
    // Data that references staff: a supervisor and a till with a variance approval.
    QVERIFY(db.exec(QStringLiteral("INSERT INTO staff (id, login, display_name, role, password_hash, created_at) VALUES (7, 'old', '老员工', 'supervisor', 'h', 'now')")));
    QVERIFY(!db.exec(QStringLiteral("INSERT INTO staff (login, display_name, role, password_hash, created_at) VALUES ('r', 'r', 'reviewer', 'h', 'now')")));
    auto migrated = db.migrate();
    QVERIFY2(migrated, qPrintable(why(migrated)));
    QCOMPARE(db.schemaVersion(), Database::SchemaVersion);
    QVERIFY(db.exec(QStringLiteral("INSERT INTO staff (login, display_name, role, password_hash, created_at) VALUES ('r', 'r', 'reviewer', 'h', 'now')")));
    QVERIFY(!db.exec(QStringLiteral("INSERT INTO staff (login, display_name, role, password_hash, created_at) VALUES ('b', 'b', 'boss', 'h', 'now')")));
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM staff WHERE id = 7 AND login = 'old'")), 1);
    auto integrity = db.scalar(QStringLiteral("PRAGMA integrity_check"));
    QVERIFY2(integrity, qPrintable(why(integrity)));
    QCOMPARE(integrity->toString(), QStringLiteral("ok"));
    auto fk = db.exec(QStringLiteral("PRAGMA foreign_key_check"));
    QVERIFY(fk);
    QVERIFY(!fk->next());
    // A second connection (another counter) sees the new CHECK as well.
    auto other = Database::open(path, false, QStringLiteral("second"));
    QVERIFY2(other, qPrintable(why(other)));
    QVERIFY((*other)->exec(QStringLiteral("INSERT INTO staff (login, display_name, role, password_hash, created_at) VALUES ('r2', 'r', 'reviewer', 'h', 'now')")));
    QVERIFY(!(*other)->exec(QStringLiteral("INSERT INTO staff (login, display_name, role, password_hash, created_at) VALUES ('b2', 'b', 'boss', 'h', 'now')")));
    // writable_schema is off again.
    QCOMPARE(count(db, QStringLiteral("PRAGMA writable_schema")), 0);
}

QTEST_MAIN(tst_RegistrationService)
#include "tst_registrationservice.moc"
