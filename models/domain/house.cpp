#include "models/domain/house.h"

#include <QCoreApplication>

namespace fund::models {

QString houseTypeLabel(const QString &code)
{
    if (code == QLatin1String("commodity"))
        return QCoreApplication::translate("HouseType", "Commodity housing");
    if (code == QLatin1String("public_sold"))
        return QCoreApplication::translate("HouseType", "Sold public housing");
    if (code == QLatin1String("affordable"))
        return QCoreApplication::translate("HouseType", "Affordable housing");
    if (code == QLatin1String("non_residential"))
        return QCoreApplication::translate("HouseType", "Non-residential");
    return code;
}

QString buildingTypeLabel(const QString &code)
{
    if (code == QLatin1String("multi_storey"))
        return QCoreApplication::translate("BuildingType", "Multi-storey");
    if (code == QLatin1String("high_rise"))
        return QCoreApplication::translate("BuildingType", "High-rise");
    return code;
}

} // namespace fund::models
