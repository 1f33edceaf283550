// The review queue at scale, issue 6: 100,000 pending requests inserted set-based, then the
// queue's first page, filtered pages, a page deep in the queue (keyset) and the counts — on
// SQLite and PostgreSQL. It prints the figures (docs/registrations.md) and checks only what the
// pages contain, never how long they took. FUND_BENCH_REGISTRATIONS changes the count.
#include "common/testenvironment.h"

#include "models/services/registrationbench.h"
#include "models/services/registrationservice.h"

#include <QTest>

using namespace fund::models;
using fund::tests::TestEnvironment;

class tst_RegistrationQueueScale : public QObject
{
    Q_OBJECT

private slots:
    void queueAtScale();
};

void tst_RegistrationQueueScale::queueAtScale()
{
    auto env = TestEnvironment::create(20);
    QVERIFY2(env, qPrintable(TestEnvironment::lastError()));
    const int count = qEnvironmentVariableIsSet("FUND_BENCH_REGISTRATIONS") ? qEnvironmentVariableIntValue("FUND_BENCH_REGISTRATIONS") : 100000;
    auto report = RegistrationBench::run(*env->db, *env->registrations, env->clerk.id, env->supervisor, count, 10);
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message + u' ' + report.error().detail));
    QCOMPARE(report->inserted, qint64(count));
    qInfo().noquote() << (env->db->isSqlite() ? QStringLiteral("SQLite: ") : QStringLiteral("PostgreSQL: ")) + report->text();
    QCOMPARE(report->figures.size(), 6);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(report->figures.at(i).rows, RegistrationService::QueuePageSize);
    QCOMPARE(report->figures.at(4).rows, count);

    // The first page is the oldest, in order; a filtered page holds only its district and kind.
    RegistrationQueueFilter f;
    auto first = env->registrations->queue(env->supervisor, f);
    QVERIFY(first);
    QCOMPARE(first->first().typedAddress, QStringLiteral("BENCH0"));
    for (int i = 1; i < first->size(); ++i)
        QVERIFY(first->at(i - 1).createdAt < first->at(i).createdAt);
    f.districtCode = first->at(1).districtCode;
    f.kind = RegistrationKind::Bind;
    auto filtered = env->registrations->queue(env->supervisor, f);
    QVERIFY(filtered);
    QVERIFY(!filtered->isEmpty());
    for (const auto &r : *filtered) {
        QCOMPARE(r.districtCode, f.districtCode);
        QCOMPARE(r.kind, RegistrationKind::Bind);
    }
}

QTEST_MAIN(tst_RegistrationQueueScale)
#include "tst_registrationqueuescale.moc"
