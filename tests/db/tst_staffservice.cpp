// Sign-in with salted slow hashes, the lock-out, and the hash-chained audit trail.
#include "common/testenvironment.h"

#include "models/services/passwordhasher.h"
#include "models/storage/database.h"

#include <QTest>

using namespace fund::models;
using fund::tests::TestEnvironment;
using namespace Qt::StringLiterals;

class tst_StaffService : public QObject
{
    Q_OBJECT

private slots:
    void hashIsSaltedAndVerifies();
    void signInAndAudit();
    void badInput_data();
    void badInput();
    void locksAfterFiveFailures();
    void auditChainFindsTampering();
    void auditVerificationNamesWhatHappened_data();
    void auditVerificationNamesWhatHappened();
    void auditAnchorFindsRowsDeletedFromTheEnd();
    void administration();
};

void tst_StaffService::hashIsSaltedAndVerifies()
{
    const QString a = PasswordHasher::hash(QStringLiteral("clerk123"), 1000);
    const QString b = PasswordHasher::hash(QStringLiteral("clerk123"), 1000);
    QVERIFY(a != b); // different salts
    QVERIFY(a.startsWith(QLatin1String("pbkdf2-sha256$1000$")));
    QVERIFY(PasswordHasher::verify(QStringLiteral("clerk123"), a));
    QVERIFY(!PasswordHasher::verify(QStringLiteral("clerk124"), a));
    QVERIFY(!PasswordHasher::verify(QStringLiteral("clerk123"), QStringLiteral("plain")));
}

void tst_StaffService::signInAndAudit()
{
    auto env = TestEnvironment::create(0);
    QVERIFY2(env, qPrintable(TestEnvironment::lastError()));
    auto added = env->staff->addStaff(QStringLiteral("wang"), QStringLiteral("王柜员"), StaffRole::Clerk, QStringLiteral("secret-pass"), 1000);
    QVERIFY(added);
    auto member = env->staff->login(QStringLiteral(" wang "), QStringLiteral("secret-pass"));
    QVERIFY2(member, qPrintable(member ? QString() : member.error().message + u' ' + member.error().detail));
    QCOMPARE(member->displayName, QStringLiteral("王柜员"));
    QCOMPARE(member->role, StaffRole::Clerk);
    auto logins = env->db->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'login' AND staff_id = ?"), {member->id});
    QCOMPARE(logins->toInt(), 1);
    auto duplicate = env->staff->addStaff(QStringLiteral("wang"), QStringLiteral("另一个"), StaffRole::Clerk, QStringLiteral("secret-pass"), 1000);
    QVERIFY(!duplicate);
    QCOMPARE(duplicate.error().code, Error::Code::Conflict);
}

void tst_StaffService::badInput_data()
{
    QTest::addColumn<QString>("login");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("password");
    QTest::newRow("short password") << QStringLiteral("li") << QStringLiteral("李") << QStringLiteral("short");
    QTest::newRow("bad login") << QStringLiteral("Li Si") << QStringLiteral("李") << QStringLiteral("long-enough");
    QTest::newRow("no name") << QStringLiteral("lisi") << QStringLiteral(" ") << QStringLiteral("long-enough");
}

void tst_StaffService::badInput()
{
    QFETCH(QString, login);
    QFETCH(QString, name);
    QFETCH(QString, password);
    auto env = TestEnvironment::create(0);
    QVERIFY2(env, qPrintable(TestEnvironment::lastError()));
    auto r = env->staff->addStaff(login, name, StaffRole::Clerk, password, 1000);
    QVERIFY(!r);
    QCOMPARE(r.error().code, Error::Code::InvalidInput);
    auto count = env->db->scalar(QStringLiteral("SELECT count(*) FROM staff"));
    QCOMPARE(count->toInt(), 0);
}

void tst_StaffService::locksAfterFiveFailures()
{
    auto env = TestEnvironment::create(0);
    QVERIFY2(env, qPrintable(TestEnvironment::lastError()));
    QVERIFY(env->staff->addStaff(QStringLiteral("zhao"), QStringLiteral("赵"), StaffRole::Supervisor, QStringLiteral("right-pass"), 1000));
    for (int i = 0; i < StaffService::MaxFailedLogins; ++i)
        QVERIFY(!env->staff->login(QStringLiteral("zhao"), QStringLiteral("wrong")));
    auto locked = env->staff->login(QStringLiteral("zhao"), QStringLiteral("right-pass"));
    QVERIFY(!locked);
    QVERIFY2(locked.error().message.contains(QLatin1String("locked")), qPrintable(locked.error().message));
    env->clock.advanceSeconds(StaffService::LockMinutes * 60 - 10);
    QVERIFY(!env->staff->login(QStringLiteral("zhao"), QStringLiteral("right-pass")));
    env->clock.advanceSeconds(20);
    QVERIFY(env->staff->login(QStringLiteral("zhao"), QStringLiteral("right-pass")));
}

void tst_StaffService::auditChainFindsTampering()
{
    auto env = TestEnvironment::create(40);
    QVERIFY2(env, qPrintable(TestEnvironment::lastError()));
    auto intact = env->audit->verify();
    QVERIFY(intact);
    QCOMPARE(*intact, qint64(0));
    auto victim = env->db->scalar(QStringLiteral("SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 3"));
    QVERIFY(victim && victim->isValid());
    // Bypass the append-only guard the way someone with raw database access would.
    if (env->db->isSqlite()) {
        QVERIFY(env->db->exec(QStringLiteral("DROP TRIGGER audit_log_no_update")));
    } else {
        QVERIFY(env->db->exec(QStringLiteral("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only")));
    }
    QVERIFY(env->db->exec(QStringLiteral("UPDATE audit_log SET detail = 'edited' WHERE id = ?"), {*victim}));
    auto found = env->audit->verify();
    QVERIFY(found);
    QCOMPARE(*found, victim->toLongLong());
}

void tst_StaffService::auditVerificationNamesWhatHappened_data()
{
    QTest::addColumn<QString>("tampering");
    QTest::addColumn<int>("problem");
    QTest::newRow("modified") << QStringLiteral("modify") << int(AuditLog::Verification::Problem::Modified);
    QTest::newRow("deleted") << QStringLiteral("delete") << int(AuditLog::Verification::Problem::Deleted);
    QTest::newRow("inserted") << QStringLiteral("insert") << int(AuditLog::Verification::Problem::Inserted);
}

void tst_StaffService::auditVerificationNamesWhatHappened()
{
    QFETCH(QString, tampering);
    QFETCH(int, problem);
    auto env = TestEnvironment::create(40);
    QVERIFY2(env, qPrintable(TestEnvironment::lastError()));
    auto ids = env->db->exec(QStringLiteral("SELECT id, hash FROM audit_log ORDER BY id LIMIT 5"));
    QVERIFY(ids);
    QList<qint64> rowIds;
    QStringList hashes;
    while (ids->next()) {
        rowIds.append(ids->value(0).toLongLong());
        hashes.append(ids->value(1).toString());
    }
    QCOMPARE(rowIds.size(), 5);
    if (env->db->isSqlite()) {
        QVERIFY(env->db->exec(QStringLiteral("DROP TRIGGER audit_log_no_update")));
        QVERIFY(env->db->exec(QStringLiteral("DROP TRIGGER audit_log_no_delete")));
    } else {
        QVERIFY(env->db->exec(QStringLiteral("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only")));
    }
    qint64 expectedRow = rowIds.at(2);
    if (tampering == QLatin1String("modify")) {
        QVERIFY(env->db->exec(QStringLiteral("UPDATE audit_log SET entity_id = '999' WHERE id = ?"), {rowIds.at(2)}));
    } else if (tampering == QLatin1String("delete")) {
        QVERIFY(env->db->exec(QStringLiteral("DELETE FROM audit_log WHERE id = ?"), {rowIds.at(2)}));
        expectedRow = rowIds.at(3);
    } else {
        // Replace row 3 by a forged row whose own hash is right: it still breaks the chain.
        QVERIFY(env->db->exec(QStringLiteral("DELETE FROM audit_log WHERE id = ?"), {rowIds.at(2)}));
        const QString at = QStringLiteral("2026-12-03T09:30:00.000Z");
        const QString forged = AuditLog::rowHash(QString(64, u'f'), at, 0, QStringLiteral("X"), QStringLiteral("payment.collect"),
                                                 QStringLiteral("payment"), QStringLiteral("1"), QString());
        QVERIFY(env->db->exec(QStringLiteral("INSERT INTO audit_log (id, at, staff_id, counter_id, action, entity, entity_id, detail, prev_hash, hash) "
                                             "VALUES (?, ?, NULL, 'X', 'payment.collect', 'payment', '1', '', ?, ?)"),
                              {rowIds.at(2), at, QString(64, u'f'), forged}));
    }
    auto v = env->audit->verifyDetailed();
    QVERIFY(v);
    QCOMPARE(int(v->problem), problem);
    QCOMPARE(v->rowId, expectedRow);
    QVERIFY(v->description.contains(QString::number(expectedRow)));
}

void tst_StaffService::auditAnchorFindsRowsDeletedFromTheEnd()
{
    auto env = TestEnvironment::create(40);
    QVERIFY2(env, qPrintable(TestEnvironment::lastError()));
    auto before = env->audit->verifyDetailed();
    QVERIFY(before);
    QCOMPARE(int(before->problem), int(AuditLog::Verification::Problem::None));
    QVERIFY(before->lastRowId > 2);
    const auto anchor = AuditLog::Anchor::parse(u"%1:%2"_s.arg(before->lastRowId).arg(before->lastHash));
    QVERIFY(anchor);
    QVERIFY(!AuditLog::Anchor::parse(u"12:xyz"_s));
    QVERIFY(!AuditLog::Anchor::parse(u"12"_s));
    // Later rows keep the anchor valid.
    {
        TransactionGuard tx(*env->db);
        QVERIFY(tx.started());
        QVERIFY(env->audit->append(nullptr, u"test.later"_s, u"test"_s, u"1"_s));
        QVERIFY(tx.commit());
    }
    QCOMPARE(int(env->audit->verifyDetailed(anchor)->problem), int(AuditLog::Verification::Problem::None));

    if (env->db->isSqlite())
        QVERIFY(env->db->exec(u"DROP TRIGGER audit_log_no_delete"_s));
    else
        QVERIFY(env->db->exec(u"ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"_s));
    // The last rows go: the chain alone still looks whole, the anchor does not.
    QVERIFY(env->db->exec(u"DELETE FROM audit_log WHERE id >= ?"_s, {before->lastRowId}));
    auto plain = env->audit->verifyDetailed();
    QCOMPARE(int(plain->problem), int(AuditLog::Verification::Problem::None));
    auto anchored = env->audit->verifyDetailed(anchor);
    QVERIFY(anchored);
    QCOMPARE(int(anchored->problem), int(AuditLog::Verification::Problem::Deleted));
    QCOMPARE(anchored->rowId, before->lastRowId);
    QVERIFY(anchored->description.contains(QString::number(before->lastRowId)));
    // An anchor whose row is there with another hash: rewritten.
    const AuditLog::Anchor wrong{plain->lastRowId, QString(64, u'a')};
    QCOMPARE(int(env->audit->verifyDetailed(wrong)->problem), int(AuditLog::Verification::Problem::Modified));
}

void tst_StaffService::administration()
{
    auto env = TestEnvironment::create(0);
    QVERIFY2(env, qPrintable(TestEnvironment::lastError()));
    QVERIFY(env->staff->addStaff(QStringLiteral("qian"), QStringLiteral("钱"), StaffRole::Clerk, QStringLiteral("first-pass"), 1000));
    const StaffMember admin{0, QStringLiteral("fundctl"), QStringLiteral("fundctl"), StaffRole::Admin};
    const StaffMember clerk{0, QStringLiteral("x"), QStringLiteral("x"), StaffRole::Clerk};
    QCOMPARE(env->staff->resetPassword(clerk, QStringLiteral("qian"), QStringLiteral("second-pass")).error().code, Error::Code::PermissionDenied);
    QCOMPARE(env->staff->resetPassword(admin, QStringLiteral("nobody"), QStringLiteral("second-pass")).error().code, Error::Code::NotFound);
    QVERIFY(env->staff->resetPassword(admin, QStringLiteral("qian"), QStringLiteral("second-pass")));
    QVERIFY(!env->staff->login(QStringLiteral("qian"), QStringLiteral("first-pass")));
    QVERIFY(env->staff->login(QStringLiteral("qian"), QStringLiteral("second-pass")));
    const auto auditRows = [&env] { return env->db->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action LIKE 'staff.%able'"))->toInt(); };
    QCOMPARE(*env->staff->setActive(admin, QStringLiteral("qian"), false), true);
    QCOMPARE(auditRows(), 1);
    auto refused = env->staff->login(QStringLiteral("qian"), QStringLiteral("second-pass"));
    QVERIFY(!refused);
    QVERIFY(refused.error().message.contains(QLatin1String("disabled")));
    // Disabling again changes nothing and records nothing; the list still shows the account.
    QCOMPARE(*env->staff->setActive(admin, QStringLiteral("qian"), false), false);
    QCOMPARE(auditRows(), 1);
    auto listed = env->staff->list();
    QVERIFY(listed);
    QCOMPARE(listed->size(), 1);
    QCOMPARE(listed->first().member.login, QStringLiteral("qian"));
    QVERIFY(!listed->first().active);
    QCOMPARE(env->staff->setActive(admin, QStringLiteral("nobody"), true).error().code, Error::Code::NotFound);
    QCOMPARE(*env->staff->setActive(admin, QStringLiteral("qian"), true), true);
    QCOMPARE(auditRows(), 2);
    QVERIFY(env->staff->login(QStringLiteral("qian"), QStringLiteral("second-pass")));
}

QTEST_GUILESS_MAIN(tst_StaffService)
#include "tst_staffservice.moc"
