// The registration flow offscreen, issue 6: a clerk fills in the Registration (个人造册) tab —
// resident, proof documents, the address — and submits (结果页: 需审核); a supervisor finds it
// first in the Review tab's queue, sees the request, the resident, the house and the PDF/image
// proof inside the client, and approves; the house is in the resident's house list and the
// clerk's history shows it approved; the outcome is shown when the resident is served again.
// Also: reject and return through askText, one's own request cannot be decided, the tabs by
// role. Set FUND_SHOTS_DIR to keep screenshots.
#include "common/prooffiles.h"
#include "common/testenvironment.h"

#include "models/domain/idnumber.h"
#include "models/session/countersession.h"
#include "models/services/permissions.h"
#include "models/services/registrationservice.h"
#include "ui/interaction.h"
#include "ui/mainwindow.h"
#include "ui/registrations/registrationtab.h"
#include "ui/registrations/reviewtab.h"
#include "ui/widgets/messagebar.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPdfDocument>
#include <QPdfView>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QtTest>

using namespace fund;
using fund::tests::TestEnvironment;

namespace {

class ScriptedInteraction final : public ui::Interaction
{
public:
    bool confirm(QWidget *, const QString &, const QString &text) override
    {
        asked.append(text);
        return true;
    }
    void warn(QWidget *, const QString &, const QString &text) override { warnings.append(text); }
    std::optional<QString> saveFileName(QWidget *, const QString &, const QString &, const QString &) override { return std::nullopt; }
    bool setUpPrinter(QWidget *, QPrinter *) override { return false; }
    std::optional<QString> askText(QWidget *, const QString &, const QString &label) override
    {
        asked.append(label);
        if (answers.isEmpty())
            return std::nullopt;
        return answers.takeFirst();
    }

    QStringList asked;
    QStringList warnings;
    QStringList answers;
};

template<typename T>
T *child(QWidget *parent, const char *name)
{
    T *w = parent->findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qWarning("no child %s", name);
    return w;
}

void shot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("FUND_SHOTS_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    w->grab().save(dir + u'/' + name + QStringLiteral(".png"));
}

struct Owner
{
    qint64 houseId = 0;
    QString address;
    QString name;
    QString idNumber;
};

} // namespace

class tst_ReviewTab : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void clerkSubmitsSupervisorApproves();
    void rejectAndReturnAskForAReason();
    void ownRequestCannotBeDecided();
    void bindFromTheLookupResult();
    void tabsFollowTheRole();

private:
    Owner owner(int n);
    qint64 submitByService(const models::StaffMember &actor, int n, const QString &name, int seq);
    std::unique_ptr<TestEnvironment> m_env;
    models::StaffMember m_reviewer;
};

Owner tst_ReviewTab::owner(int n)
{
    auto q = m_env->db->exec(QStringLiteral("SELECT h.id, h.address, p.name, p.id_number FROM houses h JOIN house_owners o ON o.house_id = h.id AND o.until_date IS NULL "
                                            "JOIN persons p ON p.id = o.person_id ORDER BY h.id LIMIT 1 OFFSET %1").arg(n));
    if (!q || !q->next())
        return {};
    return {q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString(), q->value(3).toString()};
}

qint64 tst_ReviewTab::submitByService(const models::StaffMember &actor, int n, const QString &name, int seq)
{
    models::RegistrationDraft d;
    d.kind = models::RegistrationKind::OwnerChange;
    d.method = models::RegistrationMethod::Lookup;
    d.houseId = owner(n).houseId;
    d.residentName = name;
    d.residentIdNumber = models::IdNumber::generate(QStringLiteral("110105"), QDate(1975, 5, 5), seq);
    d.phone = QStringLiteral("13800000000");
    models::ProofDocument p;
    p.originalName = QStringLiteral("deed.png");
    p.bytes = fund::tests::samplePng(seq);
    d.documents = {p};
    auto r = m_env->registrations->submit(actor, d);
    return r ? r->requestId : 0;
}

void tst_ReviewTab::initTestCase()
{
    m_env = TestEnvironment::create(20);
    QVERIFY2(m_env, qPrintable(TestEnvironment::lastError()));
    auto reviewer = m_env->staff->addStaff(QStringLiteral("reviewer1"), QStringLiteral("赵审核"), models::StaffRole::Reviewer, QStringLiteral("review123"), 1000);
    QVERIFY(reviewer);
    m_reviewer = *reviewer;
}

void tst_ReviewTab::cleanupTestCase()
{
    m_env.reset();
}

void tst_ReviewTab::clerkSubmitsSupervisorApproves()
{
    const Owner o = owner(2);
    QVERIFY(o.houseId > 0);
    const QString name = QStringLiteral("欧阳·新业主");
    const QString id = models::IdNumber::generate(QStringLiteral("110105"), QDate(1990, 7, 1), 321);

    // The clerk.
    ScriptedInteraction clerkAsks;
    models::CounterSession session;
    ui::RegistrationTab form(*m_env->services, session, clerkAsks);
    form.setActor(m_env->clerk);
    form.resize(1200, 760);
    form.show();
    child<QLineEdit>(&form, "residentName")->setText(name);
    child<QLineEdit>(&form, "residentId")->setText(id);
    child<QLineEdit>(&form, "residentPhone")->setText(QStringLiteral("13912345678"));
    auto *kind = child<QComboBox>(&form, "kindCombo");
    kind->setCurrentIndex(kind->findData(int(models::RegistrationKind::AddHouse)));
    auto *method = child<QComboBox>(&form, "methodCombo");
    method->setCurrentIndex(method->findData(int(models::RegistrationMethod::Documents)));
    child<QLineEdit>(&form, "regAddressEdit")->setText(o.address);
    // A bad file is refused with a message; good ones are listed.
    QVERIFY(!form.attachDocument(QStringLiteral("setup.pdf"), QByteArray("MZ\x90\x00", 4) + QByteArray(100, 'x')));
    QVERIFY(form.attachDocument(QStringLiteral("房产证.pdf"), fund::tests::samplePdf(1)));
    QVERIFY(form.attachDocument(QStringLiteral("身份证.png"), fund::tests::samplePng(1)));
    QVERIFY(!form.attachDocument(QStringLiteral("身份证 (1).png"), fund::tests::samplePng(1)));
    QCOMPARE(form.attachedCount(), 2);
    QCOMPARE(child<QListWidget>(&form, "fileList")->count(), 2);
    shot(&form, QStringLiteral("registration-form"));
    QTest::mouseClick(child<QPushButton>(&form, "submitButton"), Qt::LeftButton);
    QVERIFY(form.showingResult());
    QVERIFY2(child<QLabel>(&form, "resultTitle")->text().contains(QStringLiteral("需审核")), qPrintable(child<QLabel>(&form, "resultTitle")->text()));
    shot(&form, QStringLiteral("registration-result"));

    // The supervisor.
    ScriptedInteraction supervisorAsks;
    ui::ReviewTab review(*m_env->services, supervisorAsks);
    review.setActor(m_env->supervisor);
    review.resize(1400, 800);
    review.show();
    review.reload();
    auto *queue = child<QTableView>(&review, "queueView");
    QVERIFY(queue->model()->rowCount() >= 1);
    const qint64 requestId = review.currentRequestId();
    QVERIFY(requestId > 0);
    QVERIFY(child<QLabel>(&review, "requestDetail")->text().contains(name.toHtmlEscaped()));
    QVERIFY(child<QLabel>(&review, "requestDetail")->text().contains(o.address.toHtmlEscaped()));
    auto *docs = child<QListWidget>(&review, "documentList");
    QCOMPARE(docs->count(), 2);
    auto *pdf = child<QPdfView>(&review, "pdfView");
    QVERIFY(pdf->isVisible());
    QVERIFY(pdf->document()->pageCount() >= 1);
    QTest::qWait(300); // QPdfView renders pages in the background
    shot(&review, QStringLiteral("review-pdf"));
    docs->setCurrentRow(1);
    auto *image = child<QLabel>(&review, "imageView");
    QVERIFY(image->isVisible());
    const int fitted = image->pixmap().width();
    QTest::mouseClick(child<QPushButton>(&review, "zoomIn"), Qt::LeftButton);
    QVERIFY(image->pixmap().width() > fitted);
    shot(&review, QStringLiteral("review-image"));
    auto *approve = child<QPushButton>(&review, "approveButton");
    QVERIFY(approve->isEnabled());
    QTest::mouseClick(approve, Qt::LeftButton);
    QCOMPARE(supervisorAsks.asked.size(), 1); // the confirmation
    auto decided = m_env->registrations->request(m_env->supervisor, requestId);
    QVERIFY(decided);
    QCOMPARE(decided->state, models::RegistrationState::Approved);
    for (int row = 0; row < queue->model()->rowCount(); ++row)
        QVERIFY(queue->model()->index(row, 0).data(Qt::UserRole + 1).toLongLong() != requestId);

    // The resident's house list.
    auto houses = m_env->lookup->byOwner(m_env->clerk, id, name);
    QVERIFY(houses);
    QCOMPARE(houses->size(), 1);
    QCOMPARE(houses->first().id, o.houseId);

    // Back at the counter: history, and the outcome when the resident is served.
    QTest::mouseClick(child<QPushButton>(&form, "newRegistrationButton"), Qt::LeftButton);
    QVERIFY(!form.showingResult());
    QSignalSpy shown(&form, &ui::RegistrationTab::outcomesShown);
    session.beginService(houses->first(), name, id);
    QCOMPARE(shown.size(), 1);
    QVERIFY(shown.first().first().toString().contains(QString::number(requestId)));
    QTest::mouseClick(child<QPushButton>(&form, "historyButton"), Qt::LeftButton);
    auto *history = child<QTableWidget>(&form, "historyTable");
    QCOMPARE(history->rowCount(), 1);
    QCOMPARE(history->item(0, 3)->text(), models::registrationStateLabel(models::RegistrationState::Approved));
    shot(&form, QStringLiteral("registration-history"));
    // Served again: nothing new to tell.
    session.endService();
    session.beginService(houses->first(), name, id);
    QCOMPARE(shown.size(), 1);
}

void tst_ReviewTab::rejectAndReturnAskForAReason()
{
    const qint64 a = submitByService(m_env->clerk, 5, QStringLiteral("退回人"), 401);
    const qint64 b = submitByService(m_env->clerk, 6, QStringLiteral("驳回人"), 402);
    QVERIFY(a > 0 && b > 0);
    ScriptedInteraction asks;
    ui::ReviewTab review(*m_env->services, asks);
    review.setActor(m_reviewer);
    review.resize(1400, 800);
    review.show();
    review.reload();
    QCOMPARE(review.currentRequestId(), a); // oldest first
    // Cancelled: nothing happens.
    QTest::mouseClick(child<QPushButton>(&review, "returnButton"), Qt::LeftButton);
    QCOMPARE(m_env->registrations->request(m_reviewer, a)->state, models::RegistrationState::Pending);
    // An empty reason: the service's message.
    asks.answers = {QStringLiteral(" ")};
    QTest::mouseClick(child<QPushButton>(&review, "returnButton"), Qt::LeftButton);
    QCOMPARE(m_env->registrations->request(m_reviewer, a)->state, models::RegistrationState::Pending);
    asks.answers = {QStringLiteral("请补充身份证复印件")};
    QTest::mouseClick(child<QPushButton>(&review, "returnButton"), Qt::LeftButton);
    QCOMPARE(m_env->registrations->request(m_reviewer, a)->state, models::RegistrationState::Returned);
    QCOMPARE(review.currentRequestId(), b);
    asks.answers = {QStringLiteral("非本人房屋")};
    QTest::mouseClick(child<QPushButton>(&review, "rejectButton"), Qt::LeftButton);
    auto rb = m_env->registrations->request(m_reviewer, b);
    QCOMPARE(rb->state, models::RegistrationState::Rejected);
    QCOMPARE(rb->reason, QStringLiteral("非本人房屋"));
}

void tst_ReviewTab::ownRequestCannotBeDecided()
{
    const qint64 own = submitByService(m_env->supervisor, 8, QStringLiteral("自己交"), 403);
    QVERIFY(own > 0);
    ScriptedInteraction asks;
    ui::ReviewTab review(*m_env->services, asks);
    review.setActor(m_env->supervisor);
    review.show();
    review.reload();
    QCOMPARE(review.currentRequestId(), own);
    QVERIFY(!child<QPushButton>(&review, "approveButton")->isEnabled());
    QVERIFY(!child<QPushButton>(&review, "rejectButton")->isEnabled());
    shot(&review, QStringLiteral("review-own"));
    // Filter by kind: the owner change is there, no add-house request is.
    auto *kind = child<QComboBox>(&review, "kindFilter");
    kind->setCurrentIndex(kind->findData(models::registrationKindCode(models::RegistrationKind::AddHouse)));
    QCOMPARE(child<QTableView>(&review, "queueView")->model()->rowCount(), 0);
    kind->setCurrentIndex(kind->findData(models::registrationKindCode(models::RegistrationKind::OwnerChange)));
    QCOMPARE(child<QTableView>(&review, "queueView")->model()->rowCount(), 1);
}

void tst_ReviewTab::bindFromTheLookupResult()
{
    // The clerk serves a house found in House lookup for its recorded owner: the form takes the
    // house and the resident, and a bind is done at once (已绑定), without review.
    const Owner o = owner(10);
    QVERIFY(m_env->db->exec(QStringLiteral("UPDATE house_owners SET bound = 0 WHERE house_id = ?"), {o.houseId}));
    ScriptedInteraction asks;
    models::CounterSession session;
    ui::RegistrationTab form(*m_env->services, session, asks);
    form.setActor(m_env->clerk);
    form.resize(1200, 760);
    form.show();
    auto summary = m_env->lookup->summary(o.houseId);
    QVERIFY(summary);
    session.beginService(*summary, o.name, o.idNumber);
    QCOMPARE(child<QComboBox>(&form, "methodCombo")->currentData().toInt(), int(models::RegistrationMethod::Lookup));
    QCOMPARE(child<QLineEdit>(&form, "residentId")->text(), o.idNumber);
    QCOMPARE(child<QLabel>(&form, "lookupHouse")->text(), o.address);
    auto *kind = child<QComboBox>(&form, "kindCombo");
    kind->setCurrentIndex(kind->findData(int(models::RegistrationKind::Bind)));
    // No phone: a clear message, nothing submitted.
    QTest::mouseClick(child<QPushButton>(&form, "submitButton"), Qt::LeftButton);
    QVERIFY(!form.showingResult());
    child<QLineEdit>(&form, "residentPhone")->setText(QStringLiteral("13811112222"));
    QTest::mouseClick(child<QPushButton>(&form, "submitButton"), Qt::LeftButton);
    QVERIFY(form.showingResult());
    QVERIFY2(child<QLabel>(&form, "resultTitle")->text().contains(QStringLiteral("已绑定")), qPrintable(child<QLabel>(&form, "resultTitle")->text()));
    shot(&form, QStringLiteral("registration-bound"));
    auto bound = m_env->db->scalar(QStringLiteral("SELECT bound FROM house_owners WHERE house_id = ? AND until_date IS NULL"), {o.houseId});
    QVERIFY(bound);
    QCOMPARE(bound->toInt(), 1);
}

void tst_ReviewTab::tabsFollowTheRole()
{
    ScriptedInteraction asks;
    models::CounterSession session;
    ui::MainWindow window(*m_env->services, session, asks, m_env->clerk, QStringLiteral("T01"));
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("tabs"));
    QVERIFY(tabs);
    auto has = [tabs](const char *name) {
        for (int i = 0; i < tabs->count(); ++i)
            if (tabs->widget(i)->objectName() == QLatin1String(name))
                return true;
        return false;
    };
    QVERIFY(has("registrationTab"));
    QVERIFY(!has("reviewTab"));
    window.setActor(m_reviewer);
    QVERIFY(!has("registrationTab"));
    QVERIFY(has("reviewTab"));
    window.setActor(m_env->supervisor);
    QVERIFY(has("registrationTab"));
    QVERIFY(has("reviewTab"));
}

QTEST_MAIN(tst_ReviewTab)
#include "tst_reviewtab.moc"
