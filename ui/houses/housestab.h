#pragma once

#include "models/core/error.h"
#include "models/domain/house.h"
#include "models/domain/staffmember.h"

#include <QWidget>

#include <memory>
#include <optional>

namespace Ui {
class HousesTab;
}

class QComboBox;

namespace fund::models {
class CounterSession;
class HouseListModel;
struct AppServices;
} // namespace fund::models

namespace fund::ui {

class Interaction;

// 房屋查询: identify the resident (ID number + name → 房屋列表), or find a house by exact address
// (精确查询), by the district → room cascade (模糊查询), by any part of its address, by 网签合同编号
// (+ house type), by 不动产权证号 or by a receipt's 票据代码 + 票据号码; then serve it. One mode
// selector switches the forms, so seven ways fit a 1366×768 window. A house that is not the
// identified resident's own never shows its owner's identity.
class HousesTab : public QWidget
{
    Q_OBJECT

public:
    HousesTab(models::AppServices &services, models::CounterSession &session, Interaction &interaction,
              QWidget *parent = nullptr);
    ~HousesTab() override;

    void setActor(const models::StaffMember &actor);

Q_SIGNALS:
    // The clerk chose a house and the session now serves it.
    void serviceBegun(qint64 houseId);
    // The identified resident has no house and wants to pay by serial number (快速交存).
    void quickDepositRequested();
    // The house is to be added (个人造册): the identified resident has none, or nothing matched.
    // Name and ID number are empty when nobody was identified; the address when none was typed.
    void addHouseRequested(const QString &name, const QString &idNumber, const QString &address);

private:
    struct Resident
    {
        QString idNumber; // normalised
        QString name;
    };

    void identify();
    void findByAddress();
    void findByCascade();
    void search();
    void findByContract();
    void findByCertificate();
    void findByReceipt();
    void showResults(const QList<models::HouseSummary> &houses, const QString &what);
    void showFound(const models::Result<QList<models::HouseSummary>> &houses, const QString &what);
    void serveSelected();
    void updateSelection();
    void clearAll();

    void loadHouseTypes();
    void loadDistricts();
    void fillCombo(QComboBox *combo, const QList<models::CascadeItem> &items);
    void onDistrictChosen();
    void onEstateChosen();
    void onBuildingChosen();
    void onUnitChosen();
    void resetCombos(QComboBox *from);

    void showSummary(const models::HouseSummary &house);
    void showDetail(const models::HouseDetail &detail, const models::OwnerInfo *resident);
    void showNoHouse(bool show);
    void clearResults();
    QString emptyHint() const;

    std::unique_ptr<::Ui::HousesTab> m_ui;
    models::AppServices &m_services;
    models::CounterSession &m_session;
    Interaction &m_interaction;
    models::HouseListModel *m_model = nullptr;
    models::StaffMember m_actor;
    std::optional<Resident> m_resident; // the resident identified by ID number and name
    QString m_unmatchedAddress; // the exact address that matched no house, for 个人造册
};

} // namespace fund::ui
