#include "models/services/lookupservice.h"

#include "models/domain/addresskey.h"
#include "models/domain/idnumber.h"
#include "models/domain/personname.h"
#include "models/domain/staffmember.h"
#include "models/services/auditlog.h"
#include "models/services/permissions.h"
#include "models/services/servicecontext.h"
#include "models/storage/database.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace fund::models {

namespace {
QString likePattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', QLatin1String("\\\\")).replace(u'%', QLatin1String("\\%")).replace(u'_', QLatin1String("\\_"));
    return u'%' + escaped + u'%';
}

Result<QList<CascadeItem>> cascade(Database &db, const QString &sql, const QVariantList &values)
{
    auto q = db.exec(sql, values);
    if (!q)
        return fail(q.error());
    QList<CascadeItem> items;
    while (q->next())
        items.append({q->value(0).toString(), q->value(1).toString()});
    return items;
}
} // namespace

LookupService::LookupService(ServiceContext &ctx)
    : m_ctx(ctx)
{
}

Result<QList<HouseSummary>> LookupService::summaries(const QString &where, const QVariantList &values,
                                                     const QString &order, int limit, int offset)
{
    const QString sql = QStringLiteral(
        "SELECT h.id, h.address, d.name, h.area_centi, h.house_type, "
        "       coalesce(a.principal_fen + a.interest_fen, 0), "
        "       (SELECT count(*) FROM deposit_requests r WHERE r.house_id = h.id AND r.status = 'pending') "
        "FROM houses h JOIN districts d ON d.code = h.district_code "
        "LEFT JOIN fund_accounts a ON a.house_id = h.id "
        "WHERE %1 ORDER BY %2 LIMIT %3 OFFSET %4")
                            .arg(where, order.isEmpty() ? QStringLiteral("h.id") : order)
                            .arg(qBound(1, limit, 1000))
                            .arg(qMax(0, offset));
    auto q = m_ctx.db.exec(sql, values);
    if (!q)
        return fail(q.error());
    QList<HouseSummary> list;
    while (q->next()) {
        HouseSummary s;
        s.id = q->value(0).toLongLong();
        s.address = q->value(1).toString();
        s.districtName = q->value(2).toString();
        s.areaCenti = q->value(3).toLongLong();
        s.houseType = q->value(4).toString();
        s.balance = Money::fromFen(q->value(5).toLongLong());
        s.pendingCount = q->value(6).toInt();
        list.append(s);
    }
    return list;
}

Result<QList<HouseSummary>> LookupService::byAddress(const QString &address)
{
    const QString key = addressKey(address);
    if (key.isEmpty())
        return fail(Error::invalidInput(QCoreApplication::translate("LookupService", "Enter the full address of the house.")));
    return summaries(QStringLiteral("h.address_key = ?"), {key});
}

Result<QList<HouseSummary>> LookupService::search(const QString &text, int limit, int offset)
{
    const QString needle = text.simplified();
    if (needle.isEmpty())
        return fail(Error::invalidInput(QCoreApplication::translate("LookupService", "Type part of an address to search for.")));
    const int pageSize = qBound(1, limit, 1000);
    const int skip = qMax(0, offset);
    // Characters, not UTF-16 code units: a rare character outside the BMP is one character to
    // both engines' indexes.
    const QList<uint> chars = needle.toUcs4();
    if (m_ctx.db.isSqlite()) {
        if (chars.size() >= 3) {
            // The trigram index answers any substring of 3+ characters.
            QString phrase = needle;
            phrase.replace(u'"', QLatin1String("\"\""));
            return summaries(QStringLiteral("h.id IN (SELECT rowid FROM houses_fts WHERE houses_fts MATCH ? ORDER BY rowid LIMIT %1 OFFSET %2)")
                                 .arg(pageSize)
                                 .arg(skip),
                             {QString(u'"' + phrase + u'"')}, QStringLiteral("h.id"), limit, 0);
        }
        const bool indexable = std::all_of(chars.cbegin(), chars.cend(), [](uint c) { return QChar::isLetterOrNumber(c); });
        if (indexable) {
            // 1–2 letters, digits or Chinese characters: one token of the index of characters and
            // character pairs (schema v3). Its house ids come in order, so the walk stops after
            // the page whether the needle is in almost every address or in a handful; the LIKE
            // re-check keeps the results exact whatever the tokenizer folds.
            return summaries(QStringLiteral("h.id IN (SELECT g.rowid FROM houses_grams g JOIN houses x ON x.id = g.rowid "
                                            "WHERE houses_grams MATCH ? AND x.address LIKE ? ESCAPE '\\' "
                                            "ORDER BY g.rowid LIMIT %1 OFFSET %2)")
                                 .arg(pageSize)
                                 .arg(skip),
                             {QString(u'"' + needle + u'"'), QVariant(likePattern(needle))}, QStringLiteral("h.id"), limit, 0);
        }
        // Punctuation in a 1–2 character needle (not indexed): scan.
        return summaries(QStringLiteral("h.address LIKE ? ESCAPE '\\'"), {QVariant(likePattern(needle))}, QStringLiteral("h.id"), limit, offset);
    }
    if (chars.size() <= 2) {
        // The GIN index of every character and character pair of the address (schema v3): exact
        // for a needle of one or two characters, which pg_trgm cannot serve. strpos() says the
        // same thing cheaply: it is what a walk in id order evaluates on each house (before the
        // costly grams function), and, opaque to the planner, it leaves the choice between that
        // walk (a common needle) and the index (a rare one) to the statistics of the grams.
        return summaries(QStringLiteral("fund_address_grams(h.address) @> ARRAY[CAST(? AS text)] AND strpos(h.address, ?) > 0"),
                         {needle, needle}, QStringLiteral("h.id"), limit, offset);
    }
    return summaries(QStringLiteral("h.address LIKE ? ESCAPE '\\'"), {QVariant(likePattern(needle))}, QStringLiteral("h.id"), limit, offset);
}

Result<QList<HouseSummary>> LookupService::byContract(const QString &contractNo, const QString &houseType)
{
    const QString key = contractKey(contractNo);
    if (key.isEmpty())
        return fail(Error::invalidInput(QCoreApplication::translate("LookupService", "Enter the online-signed contract number (网签合同编号).")));
    if (houseType.isEmpty())
        return summaries(QStringLiteral("h.contract_key = ?"), {key});
    return summaries(QStringLiteral("h.contract_key = ? AND h.house_type = ?"), {key, houseType});
}

Result<QList<HouseSummary>> LookupService::byCertificate(const QString &certificateNo)
{
    const QString key = certificateKey(certificateNo);
    if (key.isEmpty())
        return fail(Error::invalidInput(QCoreApplication::translate("LookupService", "Enter the real-estate certificate number (不动产权证号).")));
    return summaries(QStringLiteral("h.certificate_key = ?"), {key});
}

Result<QList<HouseSummary>> LookupService::byReceipt(const QString &billCode, const QString &billNumber)
{
    static const QRegularExpression code(QStringLiteral("^\\d{8}$"));
    static const QRegularExpression number(QStringLiteral("^\\d{10}$"));
    const QString c = billCode.trimmed();
    const QString n = billNumber.trimmed();
    if (!code.match(c).hasMatch())
        return fail(Error::invalidInput(QCoreApplication::translate("LookupService", "A receipt code (票据代码) has 8 digits.")));
    if (!number.match(n).hasMatch())
        return fail(Error::invalidInput(QCoreApplication::translate("LookupService", "A receipt number (票据号码) has 10 digits.")));
    return summaries(QStringLiteral("h.id IN (SELECT r.house_id FROM receipts c JOIN payments p ON p.id = c.payment_id "
                                    "JOIN deposit_requests r ON r.id = p.deposit_id WHERE c.bill_code = ? AND c.bill_no = ?)"),
                     {c, n});
}

Result<QList<HouseSummary>> LookupService::byOwner(const StaffMember &actor, const QString &idNumber, const QString &name)
{
    if (auto allowed = require(actor, Permission::ReadPersonalData); !allowed)
        return fail(allowed.error());
    const IdNumber::Check check = IdNumber::check(idNumber);
    if (check.validity == IdNumber::Validity::Invalid)
        return fail(Error::invalidInput(check.problem));
    const QString nameKey = normalizePersonName(name);
    if (nameKey.isEmpty())
        return fail(Error::invalidInput(QCoreApplication::translate("LookupService", "Enter the resident's name as written on the ID card.")));

    TransactionGuard tx(m_ctx.db);
    if (!tx.started())
        return fail(tx.started().error());
    auto person = m_ctx.db.scalar(QStringLiteral("SELECT id FROM persons WHERE id_number = ? AND name_key = ?"),
                                  {check.normalized, nameKey});
    if (!person)
        return fail(person.error());
    if (auto a = m_ctx.audit.append(&actor, QStringLiteral("resident.identify"), QStringLiteral("person"),
                                    person->isValid() ? person->toString() : QStringLiteral("-"),
                                    person->isValid() ? QString() : QStringLiteral("no match"));
        !a)
        return fail(a.error());
    if (auto c = tx.commit(); !c)
        return fail(c.error());
    if (!person->isValid())
        return QList<HouseSummary>();
    return summaries(QStringLiteral("h.id IN (SELECT house_id FROM house_owners WHERE person_id = ? AND until_date IS NULL)"),
                     {person->toLongLong()});
}

Result<QList<CascadeItem>> LookupService::districts()
{
    return cascade(m_ctx.db, QStringLiteral("SELECT code, name FROM districts ORDER BY code"), {});
}

Result<QList<CascadeItem>> LookupService::estates(const QString &districtCode)
{
    return cascade(m_ctx.db, QStringLiteral("SELECT id, name FROM estates WHERE district_code = ? ORDER BY name, id"), {districtCode});
}

Result<QList<CascadeItem>> LookupService::buildings(qint64 estateId)
{
    return cascade(m_ctx.db, QStringLiteral("SELECT id, name FROM buildings WHERE estate_id = ? ORDER BY sort_key, id"), {estateId});
}

Result<QList<CascadeItem>> LookupService::units(qint64 buildingId)
{
    return cascade(m_ctx.db, QStringLiteral("SELECT id, name FROM units WHERE building_id = ? ORDER BY sort_key, id"), {buildingId});
}

Result<QList<CascadeItem>> LookupService::rooms(qint64 unitId)
{
    return cascade(m_ctx.db, QStringLiteral("SELECT id, room FROM houses WHERE unit_id = ? ORDER BY floor, room"), {unitId});
}

Result<HouseSummary> LookupService::summary(qint64 houseId)
{
    auto list = summaries(QStringLiteral("h.id = ?"), {houseId});
    if (!list)
        return fail(list.error());
    if (list->isEmpty())
        return fail(Error::notFound(QCoreApplication::translate("LookupService", "There is no house with the ID %1.").arg(houseId), QString::number(houseId)));
    return list->first();
}

} // namespace fund::models
