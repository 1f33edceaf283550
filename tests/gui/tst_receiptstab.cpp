#include "common/screenshots.h"
#include "common/testenvironment.h"
#include "models/itemmodels/receiptlistmodel.h"
#include "models/session/countersession.h"
#include "ui/interaction.h"
#include "ui/receipts/receiptstab.h"
#include "ui/widgets/messagebar.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPdfDocument>
#include <QPdfSelection>
#include <QPdfView>
#include <QPrinter>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace fund;
using models::CounterSession;
using models::DepositRequest;
using models::Money;
using models::PaymentRecord;
using models::ReceiptRecord;
using tests::TestEnvironment;
using ui::ReceiptsTab;

namespace {

// The scripted stand-in for the print and file dialogs.
class ScriptedInteraction final : public ui::Interaction
{
public:
    bool confirm(QWidget *, const QString &, const QString &) override { return true; }
    void warn(QWidget *, const QString &, const QString &) override {}
    std::optional<QString> saveFileName(QWidget *, const QString &, const QString &suggested, const QString &) override
    {
        suggestedName = suggested;
        return saveAs;
    }
    bool setUpPrinter(QWidget *, QPrinter *printer) override
    {
        ++printerSetUps;
        if (printTo.isEmpty())
            return false; // the clerk cancelled the print dialog
        printer->setOutputFormat(QPrinter::PdfFormat);
        printer->setOutputFileName(printTo);
        return true;
    }

    std::optional<QString> askText(QWidget *, const QString &title, const QString &) override
    {
        asked.append(title);
        if (answers.isEmpty())
            return std::nullopt; // cancelled
        return answers.takeFirst();
    }

    QStringList answers; // askText answers, in order
    QStringList asked;
    std::optional<QString> saveAs;
    QString suggestedName;
    QString printTo;
    int printerSetUps = 0;
};

QImage renderFirstPage(const QString &pdfFile)
{
    QPdfDocument document;
    if (document.load(pdfFile) != QPdfDocument::Error::None || document.pageCount() < 1)
        return {};
    return document.render(0, (document.pagePointSize(0) * 1.5).toSize());
}

int pageCount(const QString &pdfFile)
{
    QPdfDocument document;
    if (document.load(pdfFile) != QPdfDocument::Error::None)
        return -1;
    return document.pageCount();
}

} // namespace

class TestReceiptsTab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void objectNames();
    void issueShowsTheNumbers();
    void issuingTwiceGivesTheSameReceipt();
    void failedIssueOffersRetry();
    void previewHasOnePage();
    void printCountsAndMarksCopies();
    void printAllOfTheHouse();
    void saveWritesPdf();
    void saveToUnwritablePathShowsError();
    void lookupByCodeAndNumber();
    void paperExchange();
    void redReversalNeedsAnotherSupervisor();
    void verifyChecksTheFiguresTogether();

private:
    template<typename T>
    T *child(const char *name) const
    {
        T *widget = m_tab->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qWarning("no child %s", name);
        return widget;
    }
    QString message() const { return child<ui::MessageBar>("messageBar")->text(); }
    // Collects a pending deposit through the services and tells the session, as the payment tab does.
    void collectOne();
    void issue();
    ReceiptRecord stored() const;

    std::unique_ptr<TestEnvironment> m_env;
    std::unique_ptr<CounterSession> m_session;
    std::unique_ptr<ScriptedInteraction> m_interaction;
    std::unique_ptr<ReceiptsTab> m_tab;
    QTemporaryDir m_dir;
    PaymentRecord m_payment;
};

void TestReceiptsTab::init()
{
    QVERIFY(m_dir.isValid());
    m_env = TestEnvironment::create(300);
    QVERIFY2(m_env, "the demo city could not be built");
    m_session = std::make_unique<CounterSession>();
    m_interaction = std::make_unique<ScriptedInteraction>();
    m_tab = std::make_unique<ReceiptsTab>(*m_env->services, *m_session, *m_interaction);
    m_tab->setActor(m_env->clerk);
    m_tab->resize(1200, 720);
    m_tab->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_tab.get()));
}

void TestReceiptsTab::cleanup()
{
    m_tab.reset();
    m_session.reset();
    m_interaction.reset();
    m_env.reset();
    m_payment = {};
}

void TestReceiptsTab::collectOne()
{
    auto houses = m_env->lookup->search(QStringLiteral("单元"), 300);
    QVERIFY(houses);
    for (const models::HouseSummary &house : *houses) {
        if (house.pendingCount == 0)
            continue;
        auto pending = m_env->deposits->pendingForHouse(house.id);
        QVERIFY(pending);
        for (const DepositRequest &request : *pending) {
            if (!request.fixedAmount)
                continue;
            auto detail = m_env->houses->detail(m_env->clerk, house.id);
            QVERIFY(detail && !detail->owners.isEmpty());
            m_session->beginService(house, detail->owners.first().name, detail->owners.first().idNumber);
            m_session->setDeposit(request, request.amount);
            auto payment = m_env->deposits->collectCash(m_env->clerk, request.id, {request.amount, request.amount},
                                                        detail->owners.first().name);
            QVERIFY2(payment, payment ? "" : qPrintable(payment.error().message));
            m_session->recordPayment(*payment);
            m_payment = *payment;
            return;
        }
    }
    QFAIL("no pending fixed-amount deposit in the demo city");
}

void TestReceiptsTab::issue()
{
    QVERIFY(child<QPushButton>("issueButton")->isEnabled());
    QTest::mouseClick(child<QPushButton>("issueButton"), Qt::LeftButton);
    QTRY_COMPARE(m_session->stage(), CounterSession::Stage::ReceiptIssued);
}

ReceiptRecord TestReceiptsTab::stored() const
{
    auto receipt = m_env->receipts->forPayment(m_payment.id);
    return receipt ? *receipt : ReceiptRecord{};
}

void TestReceiptsTab::objectNames()
{
    QCOMPARE(m_tab->objectName(), QStringLiteral("receiptsTab"));
    for (const char *name : {"receiptTable", "issueButton", "retryButton", "receiptNumberLabel", "receiptPreview", "printButton",
                             "printAllButton", "saveButton", "billCodeEdit", "billNumberEdit", "findReceiptButton"})
        QVERIFY2(m_tab->findChild<QWidget *>(QString::fromLatin1(name)), name);
    // Nothing to issue before a payment.
    QVERIFY(!child<QPushButton>("issueButton")->isEnabled());
    QVERIFY(!child<QPushButton>("printButton")->isEnabled());
}

void TestReceiptsTab::issueShowsTheNumbers()
{
    collectOne();
    QVERIFY(child<QPushButton>("issueButton")->isVisible());
    QVERIFY(!child<QPushButton>("retryButton")->isVisible());

    // 开票中 is shown (and reaches the customer display) before 开票成功.
    QStringList states;
    connect(m_session.get(), &CounterSession::changed, this, [&] { states.append(m_session->receipt().state); });
    issue();
    QVERIFY2(states.indexOf(QStringLiteral("issuing")) >= 0, qPrintable(states.join(u',')));
    QVERIFY(states.indexOf(QStringLiteral("issuing")) < states.indexOf(QStringLiteral("issued")));

    const QString numbers = child<QLabel>("receiptNumberLabel")->text();
    const ReceiptRecord receipt = stored();
    QVERIFY(receipt.isIssued());
    QVERIFY2(QRegularExpression(QStringLiteral("\\b\\d{8}\\b")).match(numbers).hasMatch(), qPrintable(numbers));
    QVERIFY2(QRegularExpression(QStringLiteral("\\b\\d{10}\\b")).match(numbers).hasMatch(), qPrintable(numbers));
    QVERIFY(numbers.contains(receipt.billCode));
    QVERIFY(numbers.contains(receipt.billNumber));
    QVERIFY(numbers.contains(receipt.checkCode));
    QVERIFY(numbers.contains(QStringLiteral("monospace")));
    QCOMPARE(child<QLabel>("issueStateLabel")->text(), models::receiptStateLabel(QStringLiteral("issued")));
    QCOMPARE(m_session->receipt().billNumber, receipt.billNumber);
    QVERIFY(!child<QPushButton>("issueButton")->isEnabled());
    QCOMPARE(child<ui::MessageBar>("messageBar")->kind(), ui::MessageBar::Kind::Success);

    // The new receipt is in the house's list, selected and previewed.
    auto *table = child<QTableView>("receiptTable");
    QVERIFY(table->currentIndex().isValid());
    QCOMPARE(table->currentIndex().data(models::ReceiptListModel::ReceiptIdRole).toLongLong(), receipt.id);
    QVERIFY(child<QPushButton>("printButton")->isEnabled());
    QVERIFY(child<QPushButton>("saveButton")->isEnabled());
    QVERIFY(child<QPushButton>("printAllButton")->isEnabled());
    QTRY_COMPARE(child<QPdfView>("receiptPreview")->document()->status(), QPdfDocument::Status::Ready);
    QTest::qWait(500); // QPdfView renders its pages in the background
    QVERIFY(fund::tests::saveScreenshot(m_tab->grab(), QStringLiteral("receipts-issued.png")));
}

void TestReceiptsTab::issuingTwiceGivesTheSameReceipt()
{
    collectOne();
    // Two quick clicks: the second finds the button disabled while 开票中.
    QTest::mouseClick(child<QPushButton>("issueButton"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>("issueButton"), Qt::LeftButton);
    QTRY_COMPARE(m_session->stage(), CounterSession::Stage::ReceiptIssued);
    const ReceiptRecord first = stored();

    // Issuing again (the service is asked directly) returns the same receipt.
    auto again = m_env->receipts->issue(m_env->clerk, m_payment.id);
    QVERIFY(again);
    QCOMPARE(again->id, first.id);
    QCOMPARE(again->billNumber, first.billNumber);

    // Another tab that reopens the payment shows that receipt and offers no second one.
    CounterSession session2;
    ScriptedInteraction interaction2;
    ReceiptsTab tab2(*m_env->services, session2, interaction2);
    tab2.setActor(m_env->clerk);
    auto house = m_env->lookup->summary(m_payment.houseId);
    QVERIFY(house);
    session2.beginService(*house, m_payment.payerName, {});
    session2.recordPayment(m_payment);
    QVERIFY(tab2.findChild<QLabel *>(QStringLiteral("receiptNumberLabel"))->text().contains(first.billNumber));
    QVERIFY(!tab2.findChild<QPushButton *>(QStringLiteral("issueButton"))->isEnabled());

    // One row for the payment in the house's list.
    auto *model = qobject_cast<models::ReceiptListModel *>(child<QTableView>("receiptTable")->model());
    QVERIFY(model);
    int rows = 0;
    for (int row = 0; row < model->rowCount(); ++row)
        rows += model->receipt(row).paymentId == m_payment.id ? 1 : 0;
    QCOMPARE(rows, 1);
}

void TestReceiptsTab::failedIssueOffersRetry()
{
    // A payment the service does not know: issuing fails with its reason, and may be retried.
    auto houses = m_env->lookup->search(QStringLiteral("单元"), 5);
    QVERIFY(houses && !houses->isEmpty());
    m_session->beginService(houses->first(), QStringLiteral("张三"), {});
    PaymentRecord ghost;
    ghost.id = 987654;
    ghost.serialNo = QStringLiteral("NOPE");
    ghost.amount = Money::fromFen(100);
    m_session->recordPayment(ghost);

    QTest::mouseClick(child<QPushButton>("issueButton"), Qt::LeftButton);
    QTRY_VERIFY(child<QPushButton>("retryButton")->isVisible());
    QCOMPARE(m_session->receipt().state, QStringLiteral("failed"));
    QCOMPARE(child<QLabel>("issueStateLabel")->text(), models::receiptStateLabel(QStringLiteral("failed")));
    QVERIFY(!child<QLabel>("failureLabel")->text().isEmpty());
    QVERIFY(child<QPushButton>("retryButton")->isEnabled());
    QVERIFY(!child<QPushButton>("issueButton")->isVisible());
    QCOMPARE(child<ui::MessageBar>("messageBar")->kind(), ui::MessageBar::Kind::Error);
    QTest::qWait(50); // let the layout settle before the picture
    QVERIFY(fund::tests::saveScreenshot(m_tab->grab(), QStringLiteral("receipts-failed.png")));

    QTest::mouseClick(child<QPushButton>("retryButton"), Qt::LeftButton);
    QTRY_VERIFY(child<QPushButton>("retryButton")->isEnabled());
    QCOMPARE(m_session->receipt().state, QStringLiteral("failed"));
}

void TestReceiptsTab::previewHasOnePage()
{
    collectOne();
    issue();
    auto *view = child<QPdfView>("receiptPreview");
    QVERIFY(view->document());
    QTRY_COMPARE(view->document()->status(), QPdfDocument::Status::Ready);
    QCOMPARE(view->document()->pageCount(), 1);
    // Previewing is not printing.
    QCOMPARE(stored().printCount, 0);
}

void TestReceiptsTab::printCountsAndMarksCopies()
{
    collectOne();
    issue();

    // Cancelled print dialog: nothing printed, nothing counted.
    QTest::mouseClick(child<QPushButton>("printButton"), Qt::LeftButton);
    QCOMPARE(m_interaction->printerSetUps, 1);
    QCOMPARE(stored().printCount, 0);

    const QString original = m_dir.filePath(QStringLiteral("original.pdf"));
    m_interaction->printTo = original;
    QTest::mouseClick(child<QPushButton>("printButton"), Qt::LeftButton);
    QVERIFY(QFile::exists(original));
    QCOMPARE(pageCount(original), 1);
    QCOMPARE(stored().printCount, 1);
    QCOMPARE(child<ui::MessageBar>("messageBar")->kind(), ui::MessageBar::Kind::Success);
    const QString firstMessage = message();

    const QString copy = m_dir.filePath(QStringLiteral("copy.pdf"));
    m_interaction->printTo = copy;
    QTest::mouseClick(child<QPushButton>("printButton"), Qt::LeftButton);
    QCOMPARE(pageCount(copy), 1);
    QCOMPARE(stored().printCount, 2);
    QVERIFY2(message() != firstMessage && message().contains(QStringLiteral("重打")), qPrintable(message()));
    // The copy is visibly marked: its page differs from the original's.
    const QImage a = renderFirstPage(original);
    const QImage b = renderFirstPage(copy);
    QVERIFY(!a.isNull() && !b.isNull());
    QVERIFY(a != b);
    QVERIFY(a.width() > a.height()); // A5 landscape, as the receipt is laid out
    // The printed page carries the receipt, not a blank sheet.
    int dark = 0;
    for (int y = 0; y < a.height(); y += 4) {
        for (int x = 0; x < a.width(); x += 4)
            dark += qGray(a.pixel(x, y)) < 128 ? 1 : 0;
    }
    QVERIFY2(dark > 200, qPrintable(QString::number(dark)));
    QVERIFY(fund::tests::saveScreenshot(a, QStringLiteral("receipt-printed-original.png")));
    QVERIFY(fund::tests::saveScreenshot(b, QStringLiteral("receipt-printed-copy.png")));
}

void TestReceiptsTab::printAllOfTheHouse()
{
    collectOne();
    issue();
    auto receipts = m_env->receipts->forHouse(m_payment.houseId);
    QVERIFY(receipts);
    int issued = 0;
    for (const ReceiptRecord &r : *receipts)
        issued += r.isIssued() ? 1 : 0;
    QVERIFY(issued >= 1);

    const QString all = m_dir.filePath(QStringLiteral("all.pdf"));
    m_interaction->printTo = all;
    QTest::mouseClick(child<QPushButton>("printAllButton"), Qt::LeftButton);
    QCOMPARE(m_interaction->printerSetUps, 1); // one dialog for the lot
    QCOMPARE(pageCount(all), issued);
    auto after = m_env->receipts->forHouse(m_payment.houseId);
    QVERIFY(after);
    for (const ReceiptRecord &r : *after) {
        if (r.isIssued())
            QCOMPARE(r.printCount, 1);
    }
    QCOMPARE(child<ui::MessageBar>("messageBar")->kind(), ui::MessageBar::Kind::Success);
}

void TestReceiptsTab::saveWritesPdf()
{
    collectOne();
    issue();
    const QString file = m_dir.filePath(QStringLiteral("saved.pdf"));
    m_interaction->saveAs = file;
    QTest::mouseClick(child<QPushButton>("saveButton"), Qt::LeftButton);
    QFile saved(file);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QVERIFY(saved.read(5) == "%PDF-");
    QCOMPARE(pageCount(file), 1);
    QVERIFY(m_interaction->suggestedName.contains(stored().billNumber));
    QCOMPARE(child<ui::MessageBar>("messageBar")->kind(), ui::MessageBar::Kind::Success);
    QCOMPARE(stored().printCount, 0); // saving is not printing

    // Cancelled: nothing happens.
    m_interaction->saveAs.reset();
    child<ui::MessageBar>("messageBar")->clearMessage();
    QTest::mouseClick(child<QPushButton>("saveButton"), Qt::LeftButton);
    QVERIFY(message().isEmpty());
}

void TestReceiptsTab::saveToUnwritablePathShowsError()
{
    collectOne();
    issue();
    const QString file = QStringLiteral("/nonexistent-folder-for-fund-tests/receipt.pdf");
    m_interaction->saveAs = file;
    QTest::mouseClick(child<QPushButton>("saveButton"), Qt::LeftButton);
    QCOMPARE(child<ui::MessageBar>("messageBar")->kind(), ui::MessageBar::Kind::Error);
    QVERIFY2(message().contains(file), qPrintable(message()));
    QVERIFY(!QFile::exists(file));
}

void TestReceiptsTab::lookupByCodeAndNumber()
{
    collectOne();
    issue();
    const ReceiptRecord receipt = stored();
    // A fresh service with no house: found by number alone.
    m_session->endService();
    QCOMPARE(child<QTableView>("receiptTable")->model()->rowCount(), 0);

    QTest::keyClicks(child<QLineEdit>("billCodeEdit"), receipt.billCode);
    QTest::keyClicks(child<QLineEdit>("billNumberEdit"), receipt.billNumber);
    QTest::mouseClick(child<QPushButton>("findReceiptButton"), Qt::LeftButton);
    auto *table = child<QTableView>("receiptTable");
    QVERIFY(table->currentIndex().isValid());
    QCOMPARE(table->currentIndex().data(models::ReceiptListModel::ReceiptIdRole).toLongLong(), receipt.id);
    QTRY_COMPARE(child<QPdfView>("receiptPreview")->document()->status(), QPdfDocument::Status::Ready);
    QVERIFY(child<QPushButton>("printButton")->isEnabled());

    // Malformed code: explained, nothing found.
    child<QLineEdit>("billCodeEdit")->clear();
    QTest::keyClicks(child<QLineEdit>("billCodeEdit"), QStringLiteral("1101"));
    QTest::mouseClick(child<QPushButton>("findReceiptButton"), Qt::LeftButton);
    QCOMPARE(child<ui::MessageBar>("messageBar")->kind(), ui::MessageBar::Kind::Error);
    QVERIFY2(message().contains(u'8'), qPrintable(message()));

    // Well-formed but unknown.
    child<QLineEdit>("billCodeEdit")->clear();
    QTest::keyClicks(child<QLineEdit>("billCodeEdit"), receipt.billCode);
    child<QLineEdit>("billNumberEdit")->clear();
    QTest::keyClicks(child<QLineEdit>("billNumberEdit"), QStringLiteral("9999999999"));
    QTest::mouseClick(child<QPushButton>("findReceiptButton"), Qt::LeftButton);
    QCOMPARE(child<ui::MessageBar>("messageBar")->kind(), ui::MessageBar::Kind::Error);
    QVERIFY(message().contains(QStringLiteral("9999999999")));
}

void TestReceiptsTab::paperExchange()
{
    collectOne();
    issue();
    const ReceiptRecord receipt = stored();
    auto *paper = child<QPushButton>("paperButton");
    QVERIFY(paper->isEnabled());
    // cancelled at the first question: nothing happens
    QTest::mouseClick(paper, Qt::LeftButton);
    QVERIFY(stored().paperNumber.isEmpty());
    m_interaction->answers = {QStringLiteral("11010125"), QStringLiteral("00012345")};
    QTest::mouseClick(paper, Qt::LeftButton);
    QCOMPARE(child<ui::MessageBar>("messageBar")->kind(), ui::MessageBar::Kind::Success);
    QVERIFY2(message().contains(QStringLiteral("00012345")), qPrintable(message()));
    QCOMPARE(stored().paperNumber, QStringLiteral("00012345"));
    auto *table = child<QTableView>("receiptTable");
    QVERIFY(table->model()->index(table->currentIndex().row(), models::ReceiptListModel::StateColumn).data().toString().contains(QStringLiteral("00012345")));
    // again: the old paper number is voided with a reason
    QVERIFY(paper->text().contains(QStringLiteral("重新换开")));
    m_interaction->answers = {QStringLiteral("11010125"), QStringLiteral("00012346"), QStringLiteral("卡纸")};
    QTest::mouseClick(paper, Qt::LeftButton);
    QCOMPARE(child<ui::MessageBar>("messageBar")->kind(), ui::MessageBar::Kind::Success);
    QCOMPARE(stored().paperNumber, QStringLiteral("00012346"));
    QCOMPARE(m_interaction->asked.size(), 1 + 2 + 3);
    // a bad paper number is explained
    m_interaction->answers = {QStringLiteral("11010125"), QStringLiteral("12"), QStringLiteral("x")};
    QTest::mouseClick(paper, Qt::LeftButton);
    QCOMPARE(child<ui::MessageBar>("messageBar")->kind(), ui::MessageBar::Kind::Error);
    QCOMPARE(stored().id, receipt.id);

    // 红冲 is refused while the resident holds the paper receipt; taking it back voids it
    auto *voidPaper = child<QPushButton>("voidPaperButton");
    QVERIFY(!voidPaper->isHidden());
    QVERIFY(fund::tests::saveScreenshot(m_tab->grab(), QStringLiteral("receipts-paper-out.png")));
    m_interaction->answers = {QStringLiteral("金额录入错误")};
    QTest::mouseClick(child<QPushButton>("reverseButton"), Qt::LeftButton);
    QCOMPARE(child<ui::MessageBar>("messageBar")->kind(), ui::MessageBar::Kind::Error);
    QVERIFY2(message().contains(QStringLiteral("00012346")), qPrintable(message()));
    m_interaction->answers = {QStringLiteral("居民交回纸质票据")};
    QTest::mouseClick(voidPaper, Qt::LeftButton);
    QCOMPARE(child<ui::MessageBar>("messageBar")->kind(), ui::MessageBar::Kind::Success);
    QVERIFY2(message().contains(QStringLiteral("00012346")), qPrintable(message()));
    QVERIFY(stored().paperNumber.isEmpty());
    QVERIFY(voidPaper->isHidden());
    QVERIFY(!paper->text().contains(QStringLiteral("重新换开")));
    m_interaction->answers = {QStringLiteral("金额录入错误")};
    QTest::mouseClick(child<QPushButton>("reverseButton"), Qt::LeftButton);
    QCOMPARE(child<ui::MessageBar>("messageBar")->kind(), ui::MessageBar::Kind::Info);
}

void TestReceiptsTab::redReversalNeedsAnotherSupervisor()
{
    collectOne();
    issue();
    const ReceiptRecord blue = stored();
    auto *reverse = child<QPushButton>("reverseButton");
    auto *approve = child<QPushButton>("approveReversalButton");
    QVERIFY(reverse->isEnabled());
    QVERIFY(!approve->isVisible()); // clerks do not approve
    m_interaction->answers = {QStringLiteral("  ")};
    QTest::mouseClick(reverse, Qt::LeftButton);
    QCOMPARE(child<ui::MessageBar>("messageBar")->kind(), ui::MessageBar::Kind::Error); // the reason is mandatory
    m_interaction->answers = {QStringLiteral("金额录入错误")};
    QTest::mouseClick(reverse, Qt::LeftButton);
    QCOMPARE(child<ui::MessageBar>("messageBar")->kind(), ui::MessageBar::Kind::Info);
    QVERIFY(!reverse->isEnabled());
    auto *table = child<QTableView>("receiptTable");
    QVERIFY(table->currentIndex().isValid());

    // a supervisor at the same counter approves
    m_tab->setActor(m_env->supervisor);
    QVERIFY(approve->isVisible());
    QVERIFY(approve->isEnabled());
    QTest::mouseClick(approve, Qt::LeftButton);
    QCOMPARE(child<ui::MessageBar>("messageBar")->kind(), ui::MessageBar::Kind::Success);
    QVERIFY2(message().contains(blue.billNumber), qPrintable(message()));
    QCOMPARE(m_env->receipts->byId(blue.id)->state, QStringLiteral("reversed"));
    // both listed, the red one selected and previewed
    auto all = m_env->receipts->allForPayment(m_payment.id);
    QVERIFY(all && all->size() == 2);
    const ReceiptRecord red = all->at(1);
    QCOMPARE(red.reversesId, blue.id);
    QCOMPARE(table->currentIndex().data(models::ReceiptListModel::ReceiptIdRole).toLongLong(), red.id);
    const QString state = table->model()->index(table->currentIndex().row(), models::ReceiptListModel::StateColumn).data().toString();
    QVERIFY2(state.contains(blue.billNumber), qPrintable(state));
    QVERIFY(table->model()->index(table->currentIndex().row(), models::ReceiptListModel::AmountColumn).data().toString().startsWith(u'-'));
    QVERIFY(!approve->isEnabled());
    QVERIFY(!reverse->isEnabled());
    QTRY_COMPARE(child<QPdfView>("receiptPreview")->document()->status(), QPdfDocument::Status::Ready);
    // the preview shows the red receipt, not the blue one it reverses
    const QString previewText = child<QPdfView>("receiptPreview")->document()->getAllText(0).text();
    QVERIFY2(previewText.contains(red.billNumber), qPrintable(previewText));
    QTest::qWait(1500);
    QVERIFY(fund::tests::saveScreenshot(m_tab->grab(), QStringLiteral("receipts-red.png")));
    auto redPdf = m_env->receipts->pdf(m_env->clerk, red.id);
    QVERIFY(redPdf);
    if (const QString path = fund::tests::screenshotPath(QStringLiteral("receipt-red.pdf")); !path.isEmpty()) {
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(*redPdf);
    }
}

void TestReceiptsTab::verifyChecksTheFiguresTogether()
{
    collectOne();
    issue();
    const ReceiptRecord receipt = stored();
    auto *verify = child<QPushButton>("verifyButton");
    QVERIFY(verify->isEnabled());
    const QString date = receipt.issuedAt.toLocalTime().date().toString(Qt::ISODate);
    m_interaction->answers = {receipt.checkCode, receipt.amount.toPlainString(), date};
    QTest::mouseClick(verify, Qt::LeftButton);
    QCOMPARE(child<ui::MessageBar>("messageBar")->kind(), ui::MessageBar::Kind::Success);
    QVERIFY2(message().contains(receipt.billNumber), qPrintable(message()));
    m_interaction->answers = {receipt.checkCode, QStringLiteral("1.00"), date};
    QTest::mouseClick(verify, Qt::LeftButton);
    QCOMPARE(child<ui::MessageBar>("messageBar")->kind(), ui::MessageBar::Kind::Error);
    QVERIFY2(message().contains(receipt.amount.toString()), qPrintable(message()));
    m_interaction->answers = {receipt.checkCode, QStringLiteral("abc")};
    QTest::mouseClick(verify, Qt::LeftButton);
    QCOMPARE(child<ui::MessageBar>("messageBar")->kind(), ui::MessageBar::Kind::Error);
    QVERIFY(child<QPdfView>("receiptPreview")->isVisible());
    QTest::qWait(500);
    QVERIFY(fund::tests::saveScreenshot(m_tab->grab(), QStringLiteral("receipts-verify.png")));
}

QTEST_MAIN(TestReceiptsTab)
#include "tst_receiptstab.moc"
