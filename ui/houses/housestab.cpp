#include "ui/houses/housestab.h"

#include "ui_housestab.h"

#include "models/domain/idnumber.h"
#include "models/itemmodels/houselistmodel.h"
#include "models/services/appservices.h"
#include "models/services/houseservice.h"
#include "models/services/lookupservice.h"
#include "models/services/permissions.h"
#include "models/session/countersession.h"
#include "ui/interaction.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QSignalBlocker>

namespace fund::ui {

using models::HouseSummary;

namespace {

QString areaText(qint64 centi)
{
    return QStringLiteral("%1.%2").arg(centi / 100).arg(centi % 100, 2, 10, QLatin1Char('0'));
}

QString row(const QString &caption, const QString &value)
{
    return QStringLiteral("<tr><td style='color:#555; padding-right:12px'>%1</td><td>%2</td></tr>")
        .arg(caption.toHtmlEscaped(), value.toHtmlEscaped());
}

} // namespace

HousesTab::HousesTab(models::AppServices &services, models::CounterSession &session, Interaction &interaction,
                     QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<::Ui::HousesTab>())
    , m_services(services)
    , m_session(session)
    , m_interaction(interaction)
    , m_model(new models::HouseListModel(this))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("housesTab"));

    m_ui->houseTable->setModel(m_model);
    QHeaderView *header = m_ui->houseTable->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(models::HouseListModel::AddressColumn, QHeaderView::Stretch);
    m_ui->noHousePanel->hide();
    m_ui->houseDetail->setText(emptyHint());

    connect(m_ui->identifyButton, &QPushButton::clicked, this, &HousesTab::identify);
    connect(m_ui->idNumberEdit, &QLineEdit::returnPressed, m_ui->residentNameEdit, qOverload<>(&QWidget::setFocus));
    connect(m_ui->residentNameEdit, &QLineEdit::returnPressed, this, &HousesTab::identify);
    connect(m_ui->findAddressButton, &QPushButton::clicked, this, &HousesTab::findByAddress);
    connect(m_ui->addressEdit, &QLineEdit::returnPressed, this, &HousesTab::findByAddress);
    connect(m_ui->searchButton, &QPushButton::clicked, this, &HousesTab::search);
    connect(m_ui->searchEdit, &QLineEdit::returnPressed, this, &HousesTab::search);
    connect(m_ui->findCascadeButton, &QPushButton::clicked, this, &HousesTab::findByCascade);
    connect(m_ui->findContractButton, &QPushButton::clicked, this, &HousesTab::findByContract);
    connect(m_ui->contractEdit, &QLineEdit::returnPressed, this, &HousesTab::findByContract);
    connect(m_ui->findCertificateButton, &QPushButton::clicked, this, &HousesTab::findByCertificate);
    connect(m_ui->certificateEdit, &QLineEdit::returnPressed, this, &HousesTab::findByCertificate);
    connect(m_ui->findByReceiptButton, &QPushButton::clicked, this, &HousesTab::findByReceipt);
    // A scanner types the code and Return, then the number and Return.
    connect(m_ui->billCodeLookupEdit, &QLineEdit::returnPressed, m_ui->billNumberLookupEdit,
            qOverload<>(&QWidget::setFocus));
    connect(m_ui->billNumberLookupEdit, &QLineEdit::returnPressed, this, &HousesTab::findByReceipt);
    connect(m_ui->modeCombo, &QComboBox::currentIndexChanged, m_ui->modeStack, &QStackedWidget::setCurrentIndex);
    connect(m_ui->districtCombo, &QComboBox::currentIndexChanged, this, &HousesTab::onDistrictChosen);
    connect(m_ui->estateCombo, &QComboBox::currentIndexChanged, this, &HousesTab::onEstateChosen);
    connect(m_ui->buildingCombo, &QComboBox::currentIndexChanged, this, &HousesTab::onBuildingChosen);
    connect(m_ui->unitCombo, &QComboBox::currentIndexChanged, this, &HousesTab::onUnitChosen);
    connect(m_ui->roomCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_ui->findCascadeButton->setEnabled(!m_ui->roomCombo->currentData().toString().isEmpty());
    });
    connect(m_ui->quickDepositButton, &QPushButton::clicked, this, &HousesTab::quickDepositRequested);
    connect(m_ui->addHouseButton, &QPushButton::clicked, this, [this] {
        Q_EMIT addHouseRequested(m_resident ? m_resident->name : QString(), m_resident ? m_resident->idNumber : QString(), m_unmatchedAddress);
    });
    connect(m_ui->serveButton, &QPushButton::clicked, this, &HousesTab::serveSelected);
    connect(m_ui->houseTable, &QAbstractItemView::doubleClicked, this, &HousesTab::serveSelected);
    connect(m_ui->houseTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, &HousesTab::updateSelection);
    connect(m_model, &QAbstractItemModel::modelReset, this, &HousesTab::updateSelection);
    connect(&m_session, &models::CounterSession::serviceEnded, this, &HousesTab::clearAll);

    Q_ASSERT(m_ui->modeCombo->count() == m_ui->modeStack->count());
    loadHouseTypes();
    loadDistricts();
}

HousesTab::~HousesTab() = default;

void HousesTab::setActor(const models::StaffMember &actor)
{
    m_actor = actor;
    // The no-house panel offers only what this staff member may do.
    m_ui->addHouseButton->setVisible(models::isAllowed(actor, models::Permission::SubmitRegistration));
    m_ui->quickDepositButton->setVisible(models::isAllowed(actor, models::Permission::CollectPayment));
}

void HousesTab::identify()
{
    m_ui->messageBar->clearMessage();
    const QString idNumber = m_ui->idNumberEdit->text();
    const QString name = m_ui->residentNameEdit->text().trimmed();
    auto houses = m_services.lookup.byOwner(m_actor, idNumber, name);
    if (!houses) {
        m_ui->messageBar->showError(houses.error());
        return;
    }
    m_resident = Resident{models::IdNumber::normalize(idNumber), name};
    clearResults();
    m_unmatchedAddress.clear();
    if (houses->isEmpty()) {
        m_ui->noHouseLabel->setText(
            tr("%1 has no house registered with the maintenance fund. You can add the house (个人造册) or take a "
               "quick deposit by serial number.")
                .arg(name));
        showNoHouse(true);
        return;
    }
    m_model->setHouses(*houses);
    m_ui->messageBar->showMessage(MessageBar::Kind::Info, tr("Houses of %1 (房屋列表): %2").arg(name).arg(houses->size()));
    m_ui->houseTable->selectRow(0);
}

void HousesTab::findByAddress()
{
    m_ui->messageBar->clearMessage();
    const QString address = m_ui->addressEdit->text().trimmed();
    showFound(m_services.lookup.byAddress(address), address);
}

void HousesTab::findByCascade()
{
    m_ui->messageBar->clearMessage();
    const qint64 houseId = m_ui->roomCombo->currentData().toLongLong();
    if (houseId <= 0)
        return;
    auto house = m_services.lookup.summary(houseId);
    if (!house) {
        m_ui->messageBar->showError(house.error());
        return;
    }
    showResults({*house}, m_ui->roomCombo->currentText());
}

void HousesTab::search()
{
    m_ui->messageBar->clearMessage();
    const QString text = m_ui->searchEdit->text().simplified();
    clearResults();
    models::LookupService &lookup = m_services.lookup;
    auto loaded = m_model->load([&lookup, text](int offset, int limit) { return lookup.search(text, limit, offset); }, 50);
    if (!loaded) {
        m_ui->messageBar->showError(loaded.error());
        return;
    }
    if (m_model->rowCount() == 0) {
        showResults({}, text);
        return;
    }
    m_ui->houseTable->selectRow(0);
}

void HousesTab::findByContract()
{
    m_ui->messageBar->clearMessage();
    const QString contract = m_ui->contractEdit->text().trimmed();
    const QString houseType = m_ui->houseTypeCombo->currentData().toString();
    const QString what = houseType.isEmpty() ? contract : tr("%1, %2").arg(contract, m_ui->houseTypeCombo->currentText());
    showFound(m_services.lookup.byContract(contract, houseType), what);
}

void HousesTab::findByCertificate()
{
    m_ui->messageBar->clearMessage();
    const QString certificate = m_ui->certificateEdit->text().simplified();
    showFound(m_services.lookup.byCertificate(certificate), certificate);
}

void HousesTab::findByReceipt()
{
    m_ui->messageBar->clearMessage();
    const QString code = m_ui->billCodeLookupEdit->text().trimmed();
    const QString number = m_ui->billNumberLookupEdit->text().trimmed();
    showFound(m_services.lookup.byReceipt(code, number), tr("%1 / %2").arg(code, number));
}

void HousesTab::showFound(const models::Result<QList<HouseSummary>> &houses, const QString &what)
{
    if (!houses) {
        // No list from an earlier query next to the message about this one.
        clearResults();
        m_ui->messageBar->showError(houses.error());
        return;
    }
    showResults(*houses, what);
}

void HousesTab::showResults(const QList<HouseSummary> &houses, const QString &what)
{
    clearResults();
    m_model->setHouses(houses);
    if (houses.isEmpty()) {
        // 无匹配 → 个人造册: the no-house panel, with the typed address carried over when there is one.
        m_unmatchedAddress = m_ui->modeStack->currentWidget() == m_ui->addressPage ? what : QString();
        m_ui->noHouseLabel->setText(tr("No house matches “%1” — you can add the house (个人造册).").arg(what));
        showNoHouse(true);
        return;
    }
    m_ui->houseTable->selectRow(0);
}

void HousesTab::updateSelection()
{
    const QModelIndexList rows = m_ui->houseTable->selectionModel()->selectedRows();
    m_ui->serveButton->setEnabled(!rows.isEmpty());
    if (rows.isEmpty()) {
        m_ui->houseDetail->setText(m_model->rowCount() > 0 ? tr("Choose a house in the list.") : emptyHint());
        return;
    }
    showSummary(m_model->house(rows.first().row()));
}

void HousesTab::serveSelected()
{
    const QModelIndexList rows = m_ui->houseTable->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const HouseSummary house = m_model->house(rows.first().row());
    auto detail = m_services.houses.detail(m_actor, house.id);
    if (!detail) {
        m_ui->messageBar->showError(detail.error());
        return;
    }
    const models::OwnerInfo *own = nullptr;
    if (m_resident) {
        for (const models::OwnerInfo &owner : std::as_const(detail->owners)) {
            if (models::IdNumber::normalize(owner.idNumber) == m_resident->idNumber) {
                own = &owner;
                break;
            }
        }
    }
    showDetail(*detail, own);
    QString ownerName;
    QString ownerId;
    if (own) {
        ownerName = own->name;
        ownerId = own->idNumber;
    } else if (!detail->owners.isEmpty()) {
        ownerName = detail->owners.constFirst().name;
        ownerId = detail->owners.constFirst().idNumber;
    }
    m_session.beginService(detail->summary, ownerName, ownerId);
    Q_EMIT serviceBegun(house.id);
}

void HousesTab::showSummary(const HouseSummary &house)
{
    QString html = QStringLiteral("<table>");
    html += row(tr("Address"), house.address);
    html += row(tr("Area"), tr("%1 m²").arg(areaText(house.areaCenti)));
    html += row(tr("House type"), models::houseTypeLabel(house.houseType));
    html += row(tr("Balance"), house.balance.toDisplayString());
    html += row(tr("Pending deposits"), QString::number(house.pendingCount));
    html += QStringLiteral("</table>");
    m_ui->houseDetail->setText(html);
}

void HousesTab::showDetail(const models::HouseDetail &detail, const models::OwnerInfo *resident)
{
    const HouseSummary &house = detail.summary;
    QString html = QStringLiteral("<table>");
    html += row(tr("Address"), house.address);
    html += row(tr("Area"), tr("%1 m²").arg(areaText(house.areaCenti)));
    html += row(tr("House type"), models::houseTypeLabel(house.houseType));
    html += row(tr("Balance"), house.balance.toDisplayString());
    html += row(tr("Pending deposits"), QString::number(house.pendingCount));
    if (resident) {
        // The resident in front of the clerk, identified by ID card: their own data.
        html += row(tr("Owner"), resident->name);
        html += row(tr("ID number"), resident->idNumber);
        html += row(tr("Phone"), resident->phone.isEmpty() ? tr("not recorded") : resident->phone);
        if (detail.owners.size() > 1)
            html += row(tr("Co-owners"), QString::number(detail.owners.size() - 1));
    }
    html += QStringLiteral("</table>");
    if (!resident)
        html += QStringLiteral("<p style='color:#777'>%1</p>")
                    .arg(tr("Not the identified resident's house: the owner's identity is not shown.").toHtmlEscaped());
    m_ui->houseDetail->setText(html);
}

void HousesTab::showNoHouse(bool show)
{
    m_ui->noHousePanel->setVisible(show);
}

void HousesTab::clearResults()
{
    showNoHouse(false);
    m_model->clear();
    m_ui->houseDetail->setText(emptyHint());
}

QString HousesTab::emptyHint() const
{
    return QStringLiteral("<p style='color:#777'>%1</p>")
        .arg(tr("Identify the resident by ID card, or find the house: its details appear here.").toHtmlEscaped());
}

void HousesTab::clearAll()
{
    m_resident.reset();
    m_ui->messageBar->clearMessage();
    m_ui->idNumberEdit->clear();
    m_ui->residentNameEdit->clear();
    m_ui->addressEdit->clear();
    m_ui->searchEdit->clear();
    m_ui->contractEdit->clear();
    m_ui->houseTypeCombo->setCurrentIndex(0);
    m_ui->certificateEdit->clear();
    m_ui->billCodeLookupEdit->clear();
    m_ui->billNumberLookupEdit->clear();
    {
        const QSignalBlocker blocker(m_ui->districtCombo);
        m_ui->districtCombo->setCurrentIndex(0);
    }
    resetCombos(m_ui->estateCombo);
    clearResults();
    m_ui->modeCombo->setCurrentIndex(0);
}

void HousesTab::loadHouseTypes()
{
    m_ui->houseTypeCombo->addItem(tr("Any type"), QString());
    const QLatin1String codes[] = {QLatin1String("commodity"), QLatin1String("public_sold"), QLatin1String("affordable"),
                                   QLatin1String("non_residential")};
    for (const QLatin1String code : codes)
        m_ui->houseTypeCombo->addItem(models::houseTypeLabel(code), QString(code));
}

void HousesTab::loadDistricts()
{
    auto districts = m_services.lookup.districts();
    if (!districts) {
        m_ui->messageBar->showError(districts.error());
        return;
    }
    fillCombo(m_ui->districtCombo, *districts);
}

void HousesTab::fillCombo(QComboBox *combo, const QList<models::CascadeItem> &items)
{
    const QSignalBlocker blocker(combo);
    combo->clear();
    combo->addItem(tr("— choose —"), QString());
    for (const models::CascadeItem &item : items)
        combo->addItem(item.name, item.key);
    combo->setCurrentIndex(0);
    combo->setEnabled(!items.isEmpty());
}

void HousesTab::resetCombos(QComboBox *from)
{
    QComboBox *const chain[] = {m_ui->estateCombo, m_ui->buildingCombo, m_ui->unitCombo, m_ui->roomCombo};
    bool reset = false;
    for (QComboBox *combo : chain) {
        reset = reset || combo == from;
        if (reset) {
            const QSignalBlocker blocker(combo);
            combo->clear();
            combo->setEnabled(false);
        }
    }
    m_ui->findCascadeButton->setEnabled(false);
}

void HousesTab::onDistrictChosen()
{
    resetCombos(m_ui->estateCombo);
    const QString code = m_ui->districtCombo->currentData().toString();
    if (code.isEmpty())
        return;
    auto estates = m_services.lookup.estates(code);
    if (!estates) {
        m_ui->messageBar->showError(estates.error());
        return;
    }
    fillCombo(m_ui->estateCombo, *estates);
}

void HousesTab::onEstateChosen()
{
    resetCombos(m_ui->buildingCombo);
    const qint64 id = m_ui->estateCombo->currentData().toLongLong();
    if (id <= 0)
        return;
    auto buildings = m_services.lookup.buildings(id);
    if (!buildings) {
        m_ui->messageBar->showError(buildings.error());
        return;
    }
    fillCombo(m_ui->buildingCombo, *buildings);
}

void HousesTab::onBuildingChosen()
{
    resetCombos(m_ui->unitCombo);
    const qint64 id = m_ui->buildingCombo->currentData().toLongLong();
    if (id <= 0)
        return;
    auto units = m_services.lookup.units(id);
    if (!units) {
        m_ui->messageBar->showError(units.error());
        return;
    }
    fillCombo(m_ui->unitCombo, *units);
}

void HousesTab::onUnitChosen()
{
    resetCombos(m_ui->roomCombo);
    const qint64 id = m_ui->unitCombo->currentData().toLongLong();
    if (id <= 0)
        return;
    auto rooms = m_services.lookup.rooms(id);
    if (!rooms) {
        m_ui->messageBar->showError(rooms.error());
        return;
    }
    fillCombo(m_ui->roomCombo, *rooms);
}

} // namespace fund::ui
