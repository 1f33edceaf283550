#include "common/screenshots.h"
#include "common/testenvironment.h"

#include "models/domain/idnumber.h"
#include "models/itemmodels/houselistmodel.h"
#include "models/session/countersession.h"
#include "ui/houses/housestab.h"
#include "ui/interaction.h"
#include "ui/widgets/messagebar.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QtTest>

using namespace fund;
using models::HouseListModel;
using models::HouseSummary;
using ui::HousesTab;
using ui::MessageBar;

namespace {

// Answers every modal question without a dialog and remembers what was asked.
class ScriptedInteraction final : public ui::Interaction
{
public:
    bool confirm(QWidget *, const QString &, const QString &text) override
    {
        asked.append(text);
        return answer;
    }
    void warn(QWidget *, const QString &, const QString &text) override { warnings.append(text); }
    std::optional<QString> saveFileName(QWidget *, const QString &, const QString &, const QString &) override
    {
        return std::nullopt;
    }
    bool setUpPrinter(QWidget *, QPrinter *) override { return false; }

    bool answer = true;
    QStringList asked;
    QStringList warnings;
};

// Types like a clerk: Latin characters key by key, Chinese through the input method's commit.
void typeText(QWidget *widget, const QString &text)
{
    widget->setFocus();
    QString latin;
    const auto flush = [&] {
        if (!latin.isEmpty())
            QTest::keyClicks(widget, latin);
        latin.clear();
    };
    for (const QChar ch : text) {
        if (ch.unicode() < 0x80) {
            latin += ch;
            continue;
        }
        flush();
        QInputMethodEvent event;
        event.setCommitString(QString(ch));
        QCoreApplication::sendEvent(widget, &event);
    }
    flush();
}

} // namespace

class TestHousesTab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void exactAddressFindsTheHouse();
    void searchFindsTheHouseAndPagesLazily();
    void cascadeWalksDownToTheRoom();
    void identifiedResidentSeesOwnHouseAndData();
    void malformedIdNumberShowsTheProblem();
    void unknownResidentGetsTheNoHouseState();
    void noMatchOffersToAddTheHouse();
    void houseFoundByAddressNeverShowsItsOwner();
    void lookupModes_data();
    void lookupModes();
    void nextResidentClearsEveryMode();
    void refusedQueryClearsTheEarlierResults();

private:
    template<typename T>
    T *child(const char *name) const
    {
        T *w = m_tab->findChild<T *>(QString::fromLatin1(name));
        if (!w)
            qFatal("no child %s", name);
        return w;
    }
    HouseListModel *model() const { return qobject_cast<HouseListModel *>(child<QTableView>("houseTable")->model()); }
    bool modelHasHouse(qint64 id) const;
    HouseSummary sampleHouse(int n = 0) const;
    // Chooses a lookup mode as the clerk does, in the mode selector; the page must be shown.
    void chooseMode(const char *page) const;
    // A demo house with a 网签合同编号 and a unified 不动产权证号 (京(yyyy)…区不动产权第…号).
    models::HouseDetail houseWithContractAndCertificate() const;

    std::unique_ptr<tests::TestEnvironment> m_env;
    std::unique_ptr<models::CounterSession> m_session;
    std::unique_ptr<ScriptedInteraction> m_interaction;
    std::unique_ptr<HousesTab> m_tab;
};

void TestHousesTab::initTestCase()
{
    m_env = tests::TestEnvironment::create(300);
    QVERIFY2(m_env, "the demo city cannot be built");
}

void TestHousesTab::init()
{
    m_session = std::make_unique<models::CounterSession>();
    m_interaction = std::make_unique<ScriptedInteraction>();
    m_tab = std::make_unique<HousesTab>(*m_env->services, *m_session, *m_interaction);
    m_tab->setActor(m_env->clerk);
    m_tab->resize(1200, 700);
    m_tab->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_tab.get()));
}

void TestHousesTab::cleanup()
{
    m_tab.reset();
    m_interaction.reset();
    m_session.reset();
}

bool TestHousesTab::modelHasHouse(qint64 id) const
{
    HouseListModel *m = model();
    for (int row = 0; row < m->rowCount(); ++row) {
        if (m->house(row).id == id)
            return true;
    }
    return false;
}

HouseSummary TestHousesTab::sampleHouse(int n) const
{
    auto houses = m_env->lookup->search(QStringLiteral("北京市"), 100, 0);
    if (!houses || houses->size() <= n)
        qFatal("the demo city has no houses to look up");
    return houses->at(n * 7 % houses->size());
}

void TestHousesTab::chooseMode(const char *page) const
{
    auto *combo = child<QComboBox>("modeCombo");
    auto *stack = child<QStackedWidget>("modeStack");
    const int index = stack->indexOf(child<QWidget>(page));
    if (index < 0 || combo->count() != stack->count())
        qFatal("no lookup mode %s", page);
    combo->setCurrentIndex(index);
    if (stack->currentWidget() != child<QWidget>(page) || !child<QWidget>(page)->isVisible())
        qFatal("the mode selector does not show %s", page);
}

models::HouseDetail TestHousesTab::houseWithContractAndCertificate() const
{
    static const QRegularExpression unified(QStringLiteral("^京\\(\\d{4}\\)\\S+区不动产权第\\d+号$"));
    auto houses = m_env->lookup->search(QStringLiteral("北京市"), 300, 0);
    if (!houses)
        qFatal("the demo city has no houses to look up");
    for (const HouseSummary &house : std::as_const(*houses)) {
        auto detail = m_env->houses->detail(m_env->clerk, house.id);
        if (detail && !detail->contractNo.isEmpty() && unified.match(detail->certificateNo).hasMatch())
            return *detail;
    }
    qFatal("no demo house has both a contract and a unified certificate number");
}

void TestHousesTab::exactAddressFindsTheHouse()
{
    const HouseSummary house = sampleHouse(3);
    chooseMode("addressPage");
    typeText(child<QLineEdit>("addressEdit"), house.address);
    QTest::mouseClick(child<QPushButton>("findAddressButton"), Qt::LeftButton);

    QCOMPARE(model()->rowCount(), 1);
    QCOMPARE(model()->house(0).id, house.id);
    QCOMPARE(model()->index(0, HouseListModel::AddressColumn).data().toString(), house.address);
    QVERIFY(child<QPushButton>("serveButton")->isEnabled());
    QVERIFY(child<QLabel>("houseDetail")->text().contains(house.address.toHtmlEscaped()));
}

void TestHousesTab::searchFindsTheHouseAndPagesLazily()
{
    const HouseSummary house = sampleHouse(5);
    chooseMode("searchPage");
    auto *edit = child<QLineEdit>("searchEdit");

    // Part of the address (without the city), then Return.
    const QString part = house.address.mid(house.address.indexOf(house.districtName));
    typeText(edit, part);
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_VERIFY(model()->rowCount() >= 1);
    QVERIFY(modelHasHouse(house.id));

    // A text that matches every house: the first page only, the next when the view asks.
    edit->clear();
    typeText(edit, QStringLiteral("北京市"));
    QTest::mouseClick(child<QPushButton>("searchButton"), Qt::LeftButton);
    QCOMPARE(model()->rowCount(), 50);
    QVERIFY(model()->canFetchMore({}));
    model()->fetchMore({});
    QCOMPARE(model()->rowCount(), 100);
}

void TestHousesTab::cascadeWalksDownToTheRoom()
{
    const HouseSummary house = sampleHouse(8);
    auto detail = m_env->houses->detail(m_env->clerk, house.id);
    QVERIFY(detail);

    chooseMode("cascadePage");
    auto *district = child<QComboBox>("districtCombo");
    auto *estate = child<QComboBox>("estateCombo");
    auto *building = child<QComboBox>("buildingCombo");
    auto *unit = child<QComboBox>("unitCombo");
    auto *room = child<QComboBox>("roomCombo");
    auto *find = child<QPushButton>("findCascadeButton");

    QVERIFY(district->isEnabled());
    QVERIFY(!estate->isEnabled());
    QVERIFY(!find->isEnabled());
    QCOMPARE(district->count(), 1 + 16); // "choose" + Beijing's 16 districts

    const auto choose = [](QComboBox *combo, const QString &text) {
        const int index = combo->findText(text);
        if (index < 0)
            return false;
        combo->setCurrentIndex(index);
        return true;
    };
    QVERIFY(choose(district, house.districtName));
    QVERIFY(estate->isEnabled());
    QVERIFY(!building->isEnabled());
    QVERIFY(choose(estate, detail->estateName));
    QVERIFY(building->isEnabled());
    QVERIFY(choose(building, detail->buildingName));
    QVERIFY(unit->isEnabled());
    QVERIFY(choose(unit, detail->unitName));
    QVERIFY(room->isEnabled());
    QVERIFY(!find->isEnabled());
    const int roomIndex = room->findData(QString::number(house.id));
    QVERIFY(roomIndex > 0);
    QCOMPARE(room->itemText(roomIndex), detail->room);
    room->setCurrentIndex(roomIndex);
    QVERIFY(find->isEnabled());

    QTest::mouseClick(find, Qt::LeftButton);
    QCOMPARE(model()->rowCount(), 1);
    QCOMPARE(model()->house(0).id, house.id);

    // Choosing another district resets everything below it.
    district->setCurrentIndex(district->currentIndex() == 1 ? 2 : 1);
    QVERIFY(!building->isEnabled());
    QVERIFY(!room->isEnabled());
    QVERIFY(!find->isEnabled());
}

void TestHousesTab::identifiedResidentSeesOwnHouseAndData()
{
    const HouseSummary house = sampleHouse(11);
    auto detail = m_env->houses->detail(m_env->clerk, house.id);
    QVERIFY(detail);
    QVERIFY(!detail->owners.isEmpty());
    const models::OwnerInfo owner = detail->owners.first();

    QSignalSpy begun(m_tab.get(), &HousesTab::serviceBegun);
    typeText(child<QLineEdit>("idNumberEdit"), owner.idNumber);
    typeText(child<QLineEdit>("residentNameEdit"), owner.name);
    QTest::mouseClick(child<QPushButton>("identifyButton"), Qt::LeftButton);
    QVERIFY(modelHasHouse(house.id));
    QVERIFY(child<QFrame>("noHousePanel")->isHidden());

    // Serve that house: it is the resident's own, so the clerk sees the owner's data.
    auto *table = child<QTableView>("houseTable");
    for (int row = 0; row < model()->rowCount(); ++row) {
        if (model()->house(row).id == house.id)
            table->selectRow(row);
    }
    QTest::mouseClick(child<QPushButton>("serveButton"), Qt::LeftButton);
    QCOMPARE(begun.count(), 1);
    QCOMPARE(m_session->house().id, house.id);
    QCOMPARE(m_session->ownerName(), owner.name);
    QCOMPARE(m_session->ownerIdNumber(), owner.idNumber);
    const QString shown = child<QLabel>("houseDetail")->text();
    QVERIFY2(shown.contains(owner.idNumber), qPrintable(shown));
    QVERIFY(shown.contains(owner.name.toHtmlEscaped()));

    // "Next resident" forgets everything.
    m_session->endService();
    QCOMPARE(model()->rowCount(), 0);
    QVERIFY(child<QLineEdit>("idNumberEdit")->text().isEmpty());
    QVERIFY(!child<QLabel>("houseDetail")->text().contains(owner.idNumber));
}

void TestHousesTab::malformedIdNumberShowsTheProblem()
{
    const QString bad = QStringLiteral("11010119900307123"); // 17 characters
    const QString problem = models::IdNumber::check(bad).problem;
    QVERIFY(!problem.isEmpty());

    typeText(child<QLineEdit>("idNumberEdit"), bad);
    typeText(child<QLineEdit>("residentNameEdit"), QStringLiteral("张三"));
    QTest::keyClick(child<QLineEdit>("residentNameEdit"), Qt::Key_Return);

    auto *bar = child<MessageBar>("messageBar");
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->kind(), MessageBar::Kind::Error);
    QCOMPARE(bar->text(), problem);
    QCOMPARE(model()->rowCount(), 0);
    QVERIFY(child<QFrame>("noHousePanel")->isHidden());
    QCOMPARE(m_session->stage(), models::CounterSession::Stage::Idle);
}

void TestHousesTab::unknownResidentGetsTheNoHouseState()
{
    const QString id = models::IdNumber::generate(QStringLiteral("110105"), QDate(1977, 7, 7), 777);
    QVERIFY(!id.isEmpty());
    typeText(child<QLineEdit>("idNumberEdit"), id);
    typeText(child<QLineEdit>("residentNameEdit"), QStringLiteral("无房测试"));
    QTest::mouseClick(child<QPushButton>("identifyButton"), Qt::LeftButton);

    QCOMPARE(model()->rowCount(), 0);
    QVERIFY(child<QFrame>("noHousePanel")->isVisible());
    auto *add = child<QPushButton>("addHouseButton");
    QVERIFY(add->isVisible() && add->isEnabled());
    QVERIFY(!add->toolTip().isEmpty());
    QSignalSpy addHouse(m_tab.get(), &HousesTab::addHouseRequested);
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(addHouse.count(), 1);
    QCOMPARE(addHouse.first().at(0).toString(), QStringLiteral("无房测试"));
    QCOMPARE(addHouse.first().at(1).toString(), id);
    QVERIFY(addHouse.first().at(2).toString().isEmpty()); // no address typed
    QSignalSpy quick(m_tab.get(), &HousesTab::quickDepositRequested);
    QTest::mouseClick(child<QPushButton>("quickDepositButton"), Qt::LeftButton);
    QCOMPARE(quick.count(), 1);
}

void TestHousesTab::noMatchOffersToAddTheHouse()
{
    chooseMode("addressPage");
    typeText(child<QLineEdit>("addressEdit"), QStringLiteral("北京市东城区不存在小区99号楼9单元909室"));
    QTest::keyClick(child<QLineEdit>("addressEdit"), Qt::Key_Return);
    QCOMPARE(model()->rowCount(), 0);
    // The no-house panel offers 个人造册 and carries the typed address over.
    QVERIFY(child<QFrame>("noHousePanel")->isVisible());
    const QString text = child<QLabel>("noHouseLabel")->text();
    QVERIFY2(text.contains(QStringLiteral("个人造册")) && text.contains(QStringLiteral("不存在小区")), qPrintable(text));
    QVERIFY(fund::tests::saveScreenshot(m_tab->grab(), QStringLiteral("houses-no-match.png")));
    QSignalSpy addHouse(m_tab.get(), &HousesTab::addHouseRequested);
    QTest::mouseClick(child<QPushButton>("addHouseButton"), Qt::LeftButton);
    QCOMPARE(addHouse.count(), 1);
    QVERIFY(addHouse.first().at(0).toString().isEmpty()); // nobody identified
    QCOMPARE(addHouse.first().at(2).toString(), QStringLiteral("北京市东城区不存在小区99号楼9单元909室"));
    // A later lookup that finds the house takes the panel away.
    const HouseSummary house = sampleHouse(3);
    child<QLineEdit>("addressEdit")->clear();
    typeText(child<QLineEdit>("addressEdit"), house.address);
    QTest::keyClick(child<QLineEdit>("addressEdit"), Qt::Key_Return);
    QCOMPARE(model()->rowCount(), 1);
    QVERIFY(child<QFrame>("noHousePanel")->isHidden());
}

void TestHousesTab::houseFoundByAddressNeverShowsItsOwner()
{
    const HouseSummary house = sampleHouse(13);
    auto detail = m_env->houses->detail(m_env->clerk, house.id);
    QVERIFY(detail);
    QVERIFY(!detail->owners.isEmpty());

    chooseMode("addressPage");
    typeText(child<QLineEdit>("addressEdit"), house.address);
    QTest::mouseClick(child<QPushButton>("findAddressButton"), Qt::LeftButton);
    QCOMPARE(model()->rowCount(), 1);
    // Double-click on the row serves the house.
    auto *table = child<QTableView>("houseTable");
    const QPoint cell = table->visualRect(model()->index(0, 0)).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell);
    QCOMPARE(m_session->house().id, house.id);
    // The session carries the owner for the (masking) customer display…
    QCOMPARE(m_session->ownerIdNumber(), detail->owners.first().idNumber);

    // …but nothing in the clerk's tab shows any owner's ID number or phone.
    QVERIFY(child<QLabel>("houseDetail")->text().contains(house.address.toHtmlEscaped()));
    QStringList texts;
    for (const QLabel *label : m_tab->findChildren<QLabel *>())
        texts << label->text() << label->toolTip();
    for (const QLineEdit *edit : m_tab->findChildren<QLineEdit *>())
        texts << edit->text();
    for (int row = 0; row < model()->rowCount(); ++row) {
        for (int column = 0; column < model()->columnCount(); ++column)
            texts << model()->index(row, column).data().toString();
    }
    for (const models::OwnerInfo &owner : std::as_const(detail->owners)) {
        for (const QString &text : std::as_const(texts)) {
            QVERIFY2(!text.contains(owner.idNumber), qPrintable(text));
            if (!owner.phone.isEmpty())
                QVERIFY2(!text.contains(owner.phone), qPrintable(text));
        }
    }
}

void TestHousesTab::lookupModes_data()
{
    QTest::addColumn<QString>("page");
    QTest::addColumn<QStringList>("inputs"); // objectName, text, objectName, text…
    QTest::addColumn<QString>("houseType");  // houseTypeCombo's code; empty: any
    QTest::addColumn<bool>("pressReturn");   // Return in the last field instead of the button
    QTest::addColumn<qint64>("house");       // the house expected among the results; 0: no match
    QTest::addColumn<QString>("error");      // the service's message expected in the bar

    const models::HouseDetail house = houseWithContractAndCertificate();
    const qint64 id = house.summary.id;
    const QString contract = house.contractNo;
    const QString certificate = house.certificateNo;
    const QString district = house.summary.districtName; // 朝阳区
    const QString otherType = house.summary.houseType == QLatin1String("non_residential") ? QStringLiteral("commodity")
                                                                                          : QStringLiteral("non_residential");
    const QString contractMissing = m_env->lookup->byContract(QString()).error().message;
    const QString certificateMissing = m_env->lookup->byCertificate(QString()).error().message;

    const QStringList contractFields = {QStringLiteral("contractEdit")};
    QTest::newRow("contract") << "contractPage" << QStringList{contractFields[0], contract} << QString() << false << id << QString();
    QTest::newRow("contract lower case, spaces, Return")
        << "contractPage" << QStringList{contractFields[0], QStringLiteral("  ") + contract.toLower() + u' '} << QString() << true << id << QString();
    QTest::newRow("contract + its house type")
        << "contractPage" << QStringList{contractFields[0], contract} << house.summary.houseType << false << id << QString();
    QTest::newRow("contract + another house type")
        << "contractPage" << QStringList{contractFields[0], contract} << otherType << false << qint64(0) << QString();
    QTest::newRow("contract unknown")
        << "contractPage" << QStringList{contractFields[0], QStringLiteral("BJ1999-0000001")} << QString() << false << qint64(0) << QString();
    QTest::newRow("contract empty") << "contractPage" << QStringList{contractFields[0], QStringLiteral("   ")} << QString() << false
                                    << qint64(0) << contractMissing;

    QVERIFY(certificate.contains(district) && district.endsWith(u'区'));
    QString fullWidth = certificate;
    fullWidth.replace(u'(', QStringLiteral("（")).replace(u')', QStringLiteral("）"));
    QString spaced = certificate;
    spaced.replace(district, u' ' + district + u' ').replace(QStringLiteral("第"), QStringLiteral("第 "));
    QString abbreviated = certificate;
    abbreviated.replace(district, district.chopped(1)); // 朝阳区 → 朝阳
    QString digits = certificate;
    for (QChar &ch : digits) {
        if (ch >= u'0' && ch <= u'9')
            ch = QChar(char16_t(ch.unicode() - u'0' + 0xFF10)); // full-width digits
    }
    const QString certificateField = QStringLiteral("certificateEdit");
    QTest::newRow("certificate") << "certificatePage" << QStringList{certificateField, certificate} << QString() << false << id << QString();
    QTest::newRow("certificate full-width brackets")
        << "certificatePage" << QStringList{certificateField, fullWidth} << QString() << true << id << QString();
    QTest::newRow("certificate spaces") << "certificatePage" << QStringList{certificateField, spaced} << QString() << false << id << QString();
    QTest::newRow("certificate abbreviated district")
        << "certificatePage" << QStringList{certificateField, abbreviated} << QString() << false << id << QString();
    QTest::newRow("certificate full-width digits")
        << "certificatePage" << QStringList{certificateField, digits} << QString() << false << id << QString();
    QTest::newRow("certificate unknown") << "certificatePage"
                                         << QStringList{certificateField, QStringLiteral("京(2021)朝阳区不动产权第9999999号")}
                                         << QString() << false << qint64(0) << QString();
    QTest::newRow("certificate empty") << "certificatePage" << QStringList{certificateField, QString()} << QString() << false
                                       << qint64(0) << certificateMissing;

    auto receipt = m_env->db->exec(QStringLiteral(
        "SELECT c.bill_code, c.bill_no, r.house_id FROM receipts c JOIN payments p ON p.id = c.payment_id "
        "JOIN deposit_requests r ON r.id = p.deposit_id WHERE c.state = 'issued' ORDER BY c.id LIMIT 1"));
    if (!receipt || !receipt->next())
        qFatal("the demo city has no issued receipt");
    const QString code = receipt->value(0).toString();
    const QString number = receipt->value(1).toString();
    const qint64 receiptHouse = receipt->value(2).toLongLong();
    const QString codeField = QStringLiteral("billCodeLookupEdit");
    const QString numberField = QStringLiteral("billNumberLookupEdit");
    const QString badCode = m_env->lookup->byReceipt(QStringLiteral("1101"), number).error().message;
    const QString badNumber = m_env->lookup->byReceipt(code, number.left(9)).error().message;
    QTest::newRow("receipt") << "receiptPage" << QStringList{codeField, code, numberField, number} << QString() << false
                             << receiptHouse << QString();
    QTest::newRow("receipt scanned, Return") << "receiptPage" << QStringList{codeField, code, numberField, u' ' + number}
                                             << QString() << true << receiptHouse << QString();
    QTest::newRow("receipt unknown") << "receiptPage"
                                     << QStringList{codeField, QStringLiteral("99999999"), numberField, QStringLiteral("0000000001")}
                                     << QString() << false << qint64(0) << QString();
    QTest::newRow("receipt code too short") << "receiptPage" << QStringList{codeField, QStringLiteral("1101"), numberField, number}
                                            << QString() << false << qint64(0) << badCode;
    QTest::newRow("receipt number 9 digits") << "receiptPage" << QStringList{codeField, code, numberField, number.left(9)}
                                             << QString() << false << qint64(0) << badNumber;
    QTest::newRow("receipt letters") << "receiptPage" << QStringList{codeField, QStringLiteral("ABCDEFGH"), numberField, number}
                                     << QString() << false << qint64(0) << badCode;
}

void TestHousesTab::lookupModes()
{
    QFETCH(QString, page);
    QFETCH(QStringList, inputs);
    QFETCH(QString, houseType);
    QFETCH(bool, pressReturn);
    QFETCH(qint64, house);
    QFETCH(QString, error);

    chooseMode(page.toLatin1().constData());
    QLineEdit *last = nullptr;
    for (qsizetype i = 0; i + 1 < inputs.size(); i += 2) {
        last = child<QLineEdit>(inputs.at(i).toLatin1().constData());
        QVERIFY(last->isVisible());
        typeText(last, inputs.at(i + 1));
    }
    QVERIFY(last);
    if (page == QLatin1String("contractPage")) {
        auto *types = child<QComboBox>("houseTypeCombo");
        QCOMPARE(types->count(), 5); // any + the four house types
        QCOMPARE(types->itemData(0).toString(), QString());
        const int index = types->findData(houseType);
        QVERIFY(index >= 0);
        types->setCurrentIndex(index);
    }
    if (pressReturn)
        QTest::keyClick(last, Qt::Key_Return);
    else
        QTest::mouseClick(child<QPushButton>(page == QLatin1String("contractPage")      ? "findContractButton"
                                             : page == QLatin1String("certificatePage") ? "findCertificateButton"
                                                                                          : "findByReceiptButton"),
                          Qt::LeftButton);

    auto *bar = child<MessageBar>("messageBar");
    if (!error.isEmpty()) {
        // The service's own words, in the bar; nothing listed.
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->kind(), MessageBar::Kind::Error);
        QCOMPARE(bar->text(), error);
        QCOMPARE(model()->rowCount(), 0);
        return;
    }
    if (house == 0) {
        // No match: the no-house panel offers 个人造册.
        QCOMPARE(model()->rowCount(), 0);
        QVERIFY(child<QFrame>("noHousePanel")->isVisible());
        const QString text = child<QLabel>("noHouseLabel")->text();
        QVERIFY2(text.contains(QStringLiteral("个人造册")), qPrintable(text));
        QVERIFY(child<QPushButton>("addHouseButton")->isVisible());
        QVERIFY(!child<QPushButton>("serveButton")->isEnabled());
        return;
    }
    QVERIFY2(bar->isHidden(), qPrintable(bar->text()));
    QVERIFY(model()->rowCount() >= 1);
    QVERIFY(modelHasHouse(house));
    QVERIFY(child<QPushButton>("serveButton")->isEnabled());
    // The house can be served from any mode, and never shows its owner (not identified).
    auto *table = child<QTableView>("houseTable");
    for (int row = 0; row < model()->rowCount(); ++row) {
        if (model()->house(row).id == house)
            table->selectRow(row);
    }
    QSignalSpy begun(m_tab.get(), &HousesTab::serviceBegun);
    QTest::mouseClick(child<QPushButton>("serveButton"), Qt::LeftButton);
    QCOMPARE(begun.count(), 1);
    QCOMPARE(m_session->house().id, house);
    if (!m_session->ownerIdNumber().isEmpty())
        QVERIFY(!child<QLabel>("houseDetail")->text().contains(m_session->ownerIdNumber()));
}

void TestHousesTab::nextResidentClearsEveryMode()
{
    const models::HouseDetail house = houseWithContractAndCertificate();
    chooseMode("contractPage");
    typeText(child<QLineEdit>("contractEdit"), house.contractNo);
    auto *types = child<QComboBox>("houseTypeCombo");
    types->setCurrentIndex(types->findData(house.summary.houseType));
    chooseMode("certificatePage");
    typeText(child<QLineEdit>("certificateEdit"), house.certificateNo);
    QTest::keyClick(child<QLineEdit>("certificateEdit"), Qt::Key_Return);
    QVERIFY(modelHasHouse(house.summary.id));
    chooseMode("receiptPage");
    typeText(child<QLineEdit>("billCodeLookupEdit"), QStringLiteral("11010126"));
    QTest::keyClick(child<QLineEdit>("billCodeLookupEdit"), Qt::Key_Return);
    QCOMPARE(m_tab->focusWidget(), child<QLineEdit>("billNumberLookupEdit")); // the scanner goes on
    typeText(child<QLineEdit>("billNumberLookupEdit"), QStringLiteral("0000000001"));
    QTest::mouseClick(child<QPushButton>("serveButton"), Qt::LeftButton);
    QCOMPARE(m_session->house().id, house.summary.id);

    m_session->endService();
    for (const char *name : {"contractEdit", "certificateEdit", "billCodeLookupEdit", "billNumberLookupEdit"})
        QVERIFY2(child<QLineEdit>(name)->text().isEmpty(), name);
    QCOMPARE(types->currentIndex(), 0);
    QCOMPARE(child<QComboBox>("modeCombo")->currentIndex(), 0);
    QCOMPARE(child<QStackedWidget>("modeStack")->currentWidget(), child<QWidget>("identifyPage"));
    QCOMPARE(model()->rowCount(), 0);
}

void TestHousesTab::refusedQueryClearsTheEarlierResults()
{
    const models::HouseDetail house = houseWithContractAndCertificate();
    chooseMode("contractPage");
    typeText(child<QLineEdit>("contractEdit"), house.contractNo);
    QTest::keyClick(child<QLineEdit>("contractEdit"), Qt::Key_Return);
    QVERIFY(modelHasHouse(house.summary.id));

    // The clerk switches to the receipt and mistypes the code: the message stands alone.
    chooseMode("receiptPage");
    typeText(child<QLineEdit>("billCodeLookupEdit"), QStringLiteral("1101"));
    typeText(child<QLineEdit>("billNumberLookupEdit"), QStringLiteral("0000000001"));
    QTest::mouseClick(child<QPushButton>("findByReceiptButton"), Qt::LeftButton);
    QCOMPARE(child<MessageBar>("messageBar")->kind(), MessageBar::Kind::Error);
    QCOMPARE(model()->rowCount(), 0);
    QVERIFY(!child<QPushButton>("serveButton")->isEnabled());
    QVERIFY(!child<QLabel>("houseDetail")->text().contains(house.summary.address.toHtmlEscaped()));
}

QTEST_MAIN(TestHousesTab)
#include "tst_housestab.moc"
