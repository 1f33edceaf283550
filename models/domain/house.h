#pragma once

#include "models/domain/money.h"

#include <QDate>
#include <QList>
#include <QString>

namespace fund::models {

QString houseTypeLabel(const QString &code);    // commodity → 商品住宅 …
QString buildingTypeLabel(const QString &code); // multi_storey → 多层 …

// An owner as the counter may show it. `isMasked` tells whether name and ID are masked
// because the house is not the identified resident's own.
struct OwnerInfo
{
    qint64 personId = 0;
    QString name;
    QString idNumber;
    QString phone;
};

// One house in a result list: what any lookup may show.
struct HouseSummary
{
    qint64 id = 0;
    QString address;
    QString districtName;
    qint64 areaCenti = 0;
    QString houseType;
    Money balance;         // principal + interest
    int pendingCount = 0;  // open deposit requests
};

struct HouseDetail
{
    HouseSummary summary;
    QString estateName;
    QString buildingName;
    QString buildingType;
    QString unitName;
    QString room;
    int floor = 0;
    QString contractNo;
    QString certificateNo;
    QList<OwnerInfo> owners; // current owners
};

// A cascade level entry (district, estate, building, unit or room).
struct CascadeItem
{
    QString key; // district code, or the numeric id as text, or the house id for rooms
    QString name;
};

} // namespace fund::models
