// Reconciliation (对账, issue 4): the WeChat Pay trade bill (UTF-8 BOM, backticked fields,
// summary lines), the Alipay bill (a ZIP — stored and deflated entries — of GB18030 CSVs with '#'
// comment lines and the end marker) and the POS settlement CSV are built here from real local
// payments made through PaymentService; every category appears, re-imports change nothing, bad
// files import nothing, and the export opens in Excel — on SQLite and PostgreSQL.
#include "common/fakechannel.h"
#include "common/testenvironment.h"

#include "models/channels/cardchannel.h"
#include "models/services/paymentservice.h"
#include "models/services/permissions.h"
#include "models/services/reconciliationservice.h"

#include <QSqlQuery>
#include <QStringEncoder>
#include <QTest>

#include <zlib.h>

#include <optional>

using namespace fund::models;
using fund::tests::FakeChannel;
using fund::tests::TestEnvironment;

namespace {

using Call = FakeChannel::Call;
using Outcome = FakeChannel::Outcome;

const Money Due = Money::fromFen(123'456);

qint64 count(Database &db, const QString &sql, const QVariantList &values = {})
{
    auto r = db.scalar(sql, values);
    return r ? r->toLongLong() : -1;
}

template<typename R>
QString why(const R &r)
{
    return r ? QString() : r.error().message + QStringLiteral(" | ") + r.error().detail;
}

Result<PaymentAttempt> sync(const std::function<void(PaymentService::Done)> &call)
{
    std::optional<Result<PaymentAttempt>> result;
    call([&](Result<PaymentAttempt> r) { result = std::move(r); });
    if (!result)
        return fail(Error::internal(QStringLiteral("the channel did not answer synchronously")));
    return *result;
}

// ---------------------------------------------------------------------------------------------
// A tiny ZIP writer: stored entries, or raw deflate through zlib. Names are GB18030 without the
// UTF-8 flag, as Alipay's archives have them.
// ---------------------------------------------------------------------------------------------

void put16(QByteArray &b, quint32 v)
{
    b.append(char(v & 0xFF));
    b.append(char((v >> 8) & 0xFF));
}

void put32(QByteArray &b, quint32 v)
{
    put16(b, v & 0xFFFF);
    put16(b, v >> 16);
}

QByteArray rawDeflate(const QByteArray &data)
{
    z_stream z{};
    if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(qsizetype(deflateBound(&z, uLong(data.size()))), '\0');
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    z.avail_in = uInt(data.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    const int rc = deflate(&z, Z_FINISH);
    out.resize(qsizetype(z.total_out));
    deflateEnd(&z);
    return rc == Z_STREAM_END ? out : QByteArray();
}

struct ZipFile
{
    QString name;
    QByteArray data;
};

QByteArray makeZip(const QList<ZipFile> &files, bool deflated)
{
    QStringEncoder gbk("GB18030");
    QByteArray zip, central;
    for (const ZipFile &f : files) {
        const QByteArray name = gbk.encode(f.name);
        const QByteArray body = deflated ? rawDeflate(f.data) : f.data;
        const quint32 crc = quint32(crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef *>(f.data.constData()), uInt(f.data.size())));
        const quint32 offset = quint32(zip.size());
        const quint16 method = deflated ? 8 : 0;
        put32(zip, 0x04034b50);
        put16(zip, 20);           // version needed
        put16(zip, 0);            // flags
        put16(zip, method);
        put16(zip, 0);            // time
        put16(zip, 0x5983);       // date 2024-12-03
        put32(zip, crc);
        put32(zip, quint32(body.size()));
        put32(zip, quint32(f.data.size()));
        put16(zip, quint32(name.size()));
        put16(zip, 0);            // extra
        zip += name;
        zip += body;

        put32(central, 0x02014b50);
        put16(central, 20);       // made by
        put16(central, 20);       // needed
        put16(central, 0);
        put16(central, method);
        put16(central, 0);
        put16(central, 0x5983);
        put32(central, crc);
        put32(central, quint32(body.size()));
        put32(central, quint32(f.data.size()));
        put16(central, quint32(name.size()));
        put16(central, 0);        // extra
        put16(central, 0);        // comment
        put16(central, 0);        // disk
        put16(central, 0);        // internal attributes
        put32(central, 0);        // external attributes
        put32(central, offset);
        central += name;
    }
    const quint32 cdOffset = quint32(zip.size());
    zip += central;
    put32(zip, 0x06054b50);
    put16(zip, 0);
    put16(zip, 0);
    put16(zip, quint32(files.size()));
    put16(zip, quint32(files.size()));
    put32(zip, quint32(central.size()));
    put32(zip, cdOffset);
    put16(zip, 0);
    return zip;
}

// ---------------------------------------------------------------------------------------------
// Bills
// ---------------------------------------------------------------------------------------------

struct Line
{
    QString key;      // out_trade_no / RRN
    QString amount;   // yuan as written
    bool refund = false;
};

QByteArray wechatBill(const QList<Line> &lines, const QString &time, bool wrongHeader = false)
{
    QString header = QStringLiteral("交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,"
                                    "应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,"
                                    "商户数据包,手续费,费率,订单金额,申请退款金额,费率备注");
    if (wrongHeader)
        header.replace(QStringLiteral("商户订单号"), QStringLiteral("订单号"));
    QString text = header + u"\r\n";
    int n = 0;
    for (const Line &l : lines) {
        ++n;
        const QString wx = QStringLiteral("42000012%1").arg(n, 20, 10, QLatin1Char('0'));
        const QStringList f = {time, QStringLiteral("wx2421b1c4370ec43b"), QStringLiteral("1900000109"), QString(), QString(), wx, l.key,
                               QStringLiteral("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"), QStringLiteral("NATIVE"),
                               l.refund ? QStringLiteral("REFUND") : QStringLiteral("SUCCESS"), QStringLiteral("OTHERS"), QStringLiteral("CNY"),
                               l.refund ? QStringLiteral("0.00") : l.amount, QStringLiteral("0.00"),
                               l.refund ? QStringLiteral("50000000001") : QString(), l.refund ? QStringLiteral("R") + l.key : QString(),
                               l.refund ? l.amount : QStringLiteral("0.00"), QStringLiteral("0.00"), l.refund ? QStringLiteral("ORIGINAL") : QString(),
                               l.refund ? QStringLiteral("SUCCESS") : QString(), QStringLiteral("住宅专项维修资金, 续交"), QString(),
                               QStringLiteral("0.00"), QStringLiteral("0.60%"), l.refund ? QStringLiteral("0.00") : l.amount,
                               l.refund ? l.amount : QStringLiteral("0.00"), QString()};
        QStringList cells;
        for (const QString &c : f)
            cells.append(u'`' + c);
        text += cells.join(u',') + u"\r\n";
    }
    text += QStringLiteral("总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\r\n");
    text += QStringLiteral("`%1,`0.00,`0.00,`0.00,`0.00,`0.00,`0.00\r\n").arg(lines.size());
    return QByteArray("\xEF\xBB\xBF") + text.toUtf8();
}

QByteArray alipayDetail(const QList<Line> &lines, const QString &time, bool wrongHeader = false)
{
    QString header = QStringLiteral("支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,订单金额（元）,"
                                    "商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,"
                                    "商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注");
    if (wrongHeader)
        header.replace(QStringLiteral("商户订单号"), QStringLiteral("外部订单号"));
    QString text = QStringLiteral("#支付宝交易记录明细查询\r\n#账号：[20880000000000000156]\r\n"
                                  "#起始日期：[2026年12月01日 00:00:00]   终止日期：[2026年12月31日 00:00:00]\r\n"
                                  "#-----------------------------------------业务明细列表----------------------------------------\r\n");
    text += header + u"\r\n";
    int n = 0;
    for (const Line &l : lines) {
        ++n;
        const QString amount = l.refund ? u'-' + l.amount : l.amount;
        const QStringList f = {QStringLiteral("202612032200145%1\t").arg(n, 13, 10, QLatin1Char('0')), l.key + u'\t',
                               l.refund ? QStringLiteral("退款") : QStringLiteral("交易"), QStringLiteral("住宅专项维修资金"), time, time,
                               QString(), QString(), QString(), QString(), QStringLiteral("张*(a***@example.com)"), amount, amount,
                               QStringLiteral("0.00"), QStringLiteral("0.00"), QStringLiteral("0.00"), QStringLiteral("0.00"), QStringLiteral("0.00"),
                               QString(), QStringLiteral("0.00"), QStringLiteral("0.00"), l.refund ? QStringLiteral("R") + l.key : QString(),
                               QStringLiteral("0.00"), QStringLiteral("0.00"), QString()};
        text += f.join(u',') + u"\r\n";
    }
    text += QStringLiteral("#-----------------------------------------业务明细列表结束------------------------------------\r\n"
                           "#交易合计：%1笔，商家实收共0.00元\r\n#退款合计：0笔\r\n#导出时间：[2026年12月04日 10:00:00]\r\n")
                .arg(lines.size());
    QStringEncoder gbk("GB18030");
    return gbk.encode(text);
}

QByteArray alipayBill(const QList<Line> &lines, const QString &time, bool deflated, bool wrongHeader = false)
{
    QStringEncoder gbk("GB18030");
    const QByteArray summary = gbk.encode(QStringLiteral("#支付宝业务汇总查询\r\n门店编号,门店名称,交易订单总笔数,退款订单总笔数\r\n合计,,1,0\r\n"));
    return makeZip({{QStringLiteral("20880000000000000156_20261203_业务明细.csv"), alipayDetail(lines, time, wrongHeader)},
                    {QStringLiteral("20880000000000000156_20261203_业务明细(汇总).csv"), summary}},
                   deflated);
}

QString posSettlement(const QList<Line> &lines, const QDate &date)
{
    QString text = QStringLiteral("date,time,terminal,batch,trace,rrn,amount\n");
    int trace = 0;
    for (const Line &l : lines)
        text += QStringLiteral("%1,17:30:00,10293847,000123,%2,%3,%4%5\n")
                    .arg(date.toString(Qt::ISODate))
                    .arg(++trace, 6, 10, QLatin1Char('0'))
                    .arg(l.key, l.refund ? QStringLiteral("-") : QString(), l.amount);
    return text;
}

} // namespace

class tst_ReconciliationService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void everyCategory_data();
    void everyCategory();
    void badFilesImportNothing_data();
    void badFilesImportNothing();
    void zipReader();
    void onlySupervisorsAndAdmins();

private:
    qint64 newDeposit();
    // A paid (or, with `unknown`, an unresolved) attempt through PaymentService; its key.
    QString pay(PaymentMethod method, bool unknown, const QString &rrn = {});
    qint64 bills() { return count(*m_env->db, QStringLiteral("SELECT count(*) FROM channel_bills")); }
    qint64 billLines() { return count(*m_env->db, QStringLiteral("SELECT count(*) FROM channel_bill_lines")); }

    std::unique_ptr<TestEnvironment> m_env;
    std::unique_ptr<FakeChannel> m_wechat;
    std::unique_ptr<FakeChannel> m_alipay;
    std::unique_ptr<CardChannel> m_card;
    std::unique_ptr<PaymentService> m_payments;
    std::unique_ptr<ReconciliationService> m_service;
    int m_serial = 0;
};

void tst_ReconciliationService::initTestCase()
{
    m_env = TestEnvironment::create(20);
    QVERIFY2(m_env, qPrintable(TestEnvironment::lastError()));
    m_wechat = std::make_unique<FakeChannel>(PaymentMethod::WechatNative);
    m_alipay = std::make_unique<FakeChannel>(PaymentMethod::AlipayQr);
    m_card = std::make_unique<CardChannel>();
    for (FakeChannel *f : {m_wechat.get(), m_alipay.get()}) {
        f->setDefault(Call::Create, Outcome::Paid);
        f->setDefaultAmount(Due);
    }
    m_payments = std::make_unique<PaymentService>(*m_env->context, QHash<PaymentMethod, PaymentChannel *>{
                                                                        {PaymentMethod::WechatNative, m_wechat.get()},
                                                                        {PaymentMethod::AlipayQr, m_alipay.get()},
                                                                        {PaymentMethod::Card, m_card.get()}});
    m_service = std::make_unique<ReconciliationService>(*m_env->context);
}

void tst_ReconciliationService::cleanupTestCase()
{
    m_service.reset();
    m_payments.reset();
    m_env.reset();
}

qint64 tst_ReconciliationService::newDeposit()
{
    auto house = m_env->db->scalar(QStringLiteral("SELECT min(id) FROM houses"));
    if (!house)
        return 0;
    const qint64 houseId = house->toLongLong() + (m_serial % 10);
    auto id = m_env->db->insert(QStringLiteral("INSERT INTO deposit_requests (serial_no, house_id, kind, amount_mode, amount_fen, status, created_at) "
                                               "VALUES (?, ?, 'renewal', 'fixed', ?, 'pending', ?)"),
                                {QStringLiteral("REC%1").arg(++m_serial, 9, 10, QLatin1Char('0')), houseId, Due.fen(),
                                 m_env->clock.now().toString(Qt::ISODateWithMs)});
    return id ? *id : 0;
}

QString tst_ReconciliationService::pay(PaymentMethod method, bool unknown, const QString &rrn)
{
    const qint64 deposit = newDeposit();
    auto a = m_payments->start(m_env->clerk, deposit, method, Due, QStringLiteral("张三"));
    if (!a) {
        qWarning() << why(a);
        return {};
    }
    Result<PaymentAttempt> r;
    if (method == PaymentMethod::Card) {
        r = sync([&](auto done) { m_payments->submitCard(a->id, rrn, QStringLiteral("10293847"), QStringLiteral("000123"), done); });
    } else {
        FakeChannel *fake = method == PaymentMethod::WechatNative ? m_wechat.get() : m_alipay.get();
        if (unknown)
            fake->script(Call::Create, Outcome::Unknown);
        r = sync([&](auto done) { m_payments->submit(a->id, QString(), done); });
    }
    if (!r) {
        qWarning() << why(r);
        return {};
    }
    if (r->state != (unknown ? PaymentState::Unknown : PaymentState::Paid))
        return {};
    return method == PaymentMethod::Card ? r->posRrn : r->outTradeNo;
}

void tst_ReconciliationService::everyCategory_data()
{
    QTest::addColumn<QString>("bill");
    QTest::addColumn<int>("day"); // each bill on its own day, so the rows never see each other's payments
    QTest::newRow("wechat") << QStringLiteral("wechat") << 1;
    QTest::newRow("alipay stored zip") << QStringLiteral("alipay-stored") << 2;
    QTest::newRow("alipay deflated zip") << QStringLiteral("alipay-deflated") << 3;
    QTest::newRow("pos") << QStringLiteral("pos") << 4;
}

void tst_ReconciliationService::everyCategory()
{
    QFETCH(QString, bill);
    QFETCH(int, day);
    const QDate date(2026, 12, 3 + day);
    m_env->clock.setNow(QDateTime(date, QTime(9, 30), Qt::UTC)); // 17:30 in Beijing
    const bool pos = bill == QStringLiteral("pos");
    const BillChannel channel = pos ? BillChannel::Pos : bill == QStringLiteral("wechat") ? BillChannel::Wechat : BillChannel::Alipay;
    const PaymentMethod method = pos ? PaymentMethod::Card : channel == BillChannel::Wechat ? PaymentMethod::WechatNative : PaymentMethod::AlipayQr;
    const auto rrn = [&](int n) { return QStringLiteral("%1%2").arg(day).arg(n, 11, 10, QLatin1Char('0')); };

    const QString matched = pay(method, false, rrn(1));
    const QString mismatch = pay(method, false, rrn(2));
    const QString localOnly = pay(method, false, rrn(3));
    QVERIFY(!matched.isEmpty() && !mismatch.isEmpty() && !localOnly.isEmpty());
    // 掉单: the channel took the money, the counter never learnt it (still unknown locally); for the
    // POS, a slip that was never keyed in.
    const QString lost = pos ? rrn(4) : pay(method, true);
    QVERIFY(!lost.isEmpty());
    const QString stranger = pos ? rrn(5) : QStringLiteral("NOSUCHORDER%1").arg(day);

    const QString yuan = Due.toPlainString();
    const QString oneFenLess = (Due - Money::fromFen(1)).toPlainString();
    QList<Line> lines = {{matched, yuan}, {mismatch, oneFenLess}, {lost, yuan}, {stranger, QStringLiteral("10.00")}};
    const QString time = date.toString(Qt::ISODate) + QStringLiteral(" 17:30:00");
    QByteArray bytes;
    Result<BillImport> imported;
    const auto importIt = [&]() -> Result<BillImport> {
        if (channel == BillChannel::Wechat)
            return m_service->importWechatBill(m_env->supervisor, bytes);
        if (channel == BillChannel::Alipay)
            return m_service->importAlipayBill(m_env->supervisor, bytes);
        return m_service->importPosSettlement(m_env->supervisor, QString::fromUtf8(bytes));
    };
    if (channel == BillChannel::Wechat)
        bytes = wechatBill(lines, time);
    else if (channel == BillChannel::Alipay)
        bytes = alipayBill(lines << Line{matched, QStringLiteral("1.00"), true}, time, bill.endsWith(QStringLiteral("deflated")));
    else
        bytes = posSettlement(lines, date).toUtf8();

    const qint64 auditBefore = count(*m_env->db, QStringLiteral("SELECT count(*) FROM audit_log WHERE action LIKE 'reconciliation.%'"));
    imported = importIt();
    QVERIFY2(imported, qPrintable(why(imported)));
    QVERIFY(!imported->alreadyImported);
    QCOMPARE(imported->rows, int(lines.size()));
    QCOMPARE(imported->billDate, date);
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM channel_bill_lines WHERE bill_id = ?"), {imported->billId}), qint64(lines.size()));

    // Importing the same file again changes nothing.
    const qint64 billsBefore = bills(), linesBefore = billLines();
    auto again = importIt();
    QVERIFY2(again, qPrintable(why(again)));
    QVERIFY(again->alreadyImported);
    QCOMPARE(again->billId, imported->billId);
    QCOMPARE(bills(), billsBefore);
    QCOMPARE(billLines(), linesBefore);

    auto result = m_service->reconcile(m_env->supervisor, channel, date);
    QVERIFY2(result, qPrintable(why(result)));
    QCOMPARE(result->billId, imported->billId);
    const auto keys = [](const QList<ReconciliationItem> &items) {
        QStringList k;
        for (const ReconciliationItem &i : items)
            k.append(i.key + u'/' + i.kind);
        k.sort();
        return k;
    };
    QCOMPARE(keys(result->matched), QStringList{matched + QStringLiteral("/payment")});
    QCOMPARE(keys(result->amountMismatch), QStringList{mismatch + QStringLiteral("/payment")});
    QCOMPARE(result->amountMismatch.first().localAmount, Due);
    QCOMPARE(result->amountMismatch.first().channelAmount, Due - Money::fromFen(1));
    QCOMPARE(keys(result->localOnly), QStringList{localOnly + QStringLiteral("/payment")});
    QStringList channelOnly = {lost + QStringLiteral("/payment"), stranger + QStringLiteral("/payment")};
    if (channel == BillChannel::Alipay)
        channelOnly.append(matched + QStringLiteral("/refund")); // a refund the counter has not booked
    channelOnly.sort();
    QCOMPARE(keys(result->channelOnly), channelOnly);
    for (const ReconciliationItem &i : std::as_const(result->channelOnly)) {
        if (i.key == lost && !pos) {
            QCOMPARE(i.localState, QStringLiteral("unknown")); // known locally, but never booked
            QVERIFY(i.paymentId > 0);
        }
        if (i.key == stranger)
            QCOMPARE(i.paymentId, 0);
        if (i.kind == QStringLiteral("refund"))
            QCOMPARE(i.channelAmount, Money::fromFen(-100));
    }
    QVERIFY(!result->clean());

    // Two imports and one reconciliation audited.
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM audit_log WHERE action LIKE 'reconciliation.%'")), auditBefore + 3);
    auto verified = m_env->audit->verify();
    QVERIFY(verified);
    QCOMPARE(*verified, 0);

    // The export: BOM, a header line, one line per item.
    const QByteArray csv = ReconciliationService::exportCsv(*result);
    QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
    const QStringList csvLines = QString::fromUtf8(csv.mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    const qsizetype items = result->matched.size() + result->localOnly.size() + result->channelOnly.size() + result->amountMismatch.size();
    QCOMPARE(csvLines.size(), items + 1);
    QVERIFY(csvLines.first().startsWith(QStringLiteral("category,key")));
    QCOMPARE(csvLines.filter(QStringLiteral("AMOUNT_MISMATCH,") + mismatch).size(), 1);
    QCOMPARE(csvLines.filter(QStringLiteral("LOCAL_ONLY,") + localOnly).size(), 1);
}

void tst_ReconciliationService::badFilesImportNothing_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected"); // part of the message
    const QString time = QStringLiteral("2026-12-03 17:30:00");
    const QList<Line> good = {{QStringLiteral("ORDER1"), QStringLiteral("12.34")}};
    const QList<Line> threeDecimals = {{QStringLiteral("ORDER1"), QStringLiteral("12.345")}};

    QByteArray zip = alipayBill(good, time, true);
    QByteArray truncated = zip.left(zip.size() - 30);
    QByteArray damaged = zip;
    // Inside the first entry's deflate stream (after the 30-byte local header and the name):
    // inflate or the CRC check fails.
    const qsizetype dataStart = 30 + (zip.at(26) & 0xFF) + ((zip.at(27) & 0xFF) << 8);
    for (qsizetype i = dataStart + 8; i < dataStart + 16; ++i)
        damaged[i] = char(damaged[i] ^ 0x5A);
    QByteArray encrypted = zip;
    const qsizetype central = encrypted.indexOf(QByteArray::fromHex("504b0102"));
    encrypted[central + 8] = char(encrypted[central + 8] | 1);
    QByteArray noWechatSummary = wechatBill(good, time);
    noWechatSummary = noWechatSummary.left(noWechatSummary.indexOf(QStringLiteral("总交易单数").toUtf8()));

    // A detail file cut off before its end marker (业务明细列表结束).
    QByteArray noEndMarker = alipayDetail(good, time);
    QStringEncoder gbk("GB18030");
    const QByteArray endMarker = gbk.encode(QStringLiteral("#-----------------------------------------业务明细列表结束"));
    noEndMarker = noEndMarker.left(noEndMarker.indexOf(endMarker));
    const QByteArray noEndMarkerZip = makeZip({{QStringLiteral("20880000000000000156_20261203_业务明细.csv"), noEndMarker}}, false);

    QTest::newRow("zip: not a zip") << QStringLiteral("alipay") << QByteArray("PK\x03\x04 this is not an archive at all") << QStringLiteral("ZIP");
    QTest::newRow("zip: cut short") << QStringLiteral("alipay") << truncated << QStringLiteral("ZIP");
    QTest::newRow("zip: damaged data") << QStringLiteral("alipay") << damaged << QStringLiteral("damaged");
    QTest::newRow("zip: encrypted") << QStringLiteral("alipay") << encrypted << QStringLiteral("encrypted");
    QTest::newRow("alipay: wrong header") << QStringLiteral("alipay") << alipayBill(good, time, false, true) << QStringLiteral("商户订单号");
    QTest::newRow("alipay: 3 decimals") << QStringLiteral("alipay") << alipayBill(threeDecimals, time, false) << QStringLiteral("12.345");
    QTest::newRow("alipay: no end marker") << QStringLiteral("alipay") << noEndMarkerZip << QStringLiteral("业务明细列表结束");
    QTest::newRow("wechat: wrong header") << QStringLiteral("wechat") << wechatBill(good, time, true) << QStringLiteral("商户订单号");
    QTest::newRow("wechat: 3 decimals") << QStringLiteral("wechat") << wechatBill(threeDecimals, time) << QStringLiteral("12.345");
    QTest::newRow("wechat: no summary") << QStringLiteral("wechat") << noWechatSummary << QStringLiteral("总交易单数");
    QTest::newRow("pos: wrong header") << QStringLiteral("pos")
                                       << QByteArray("date,terminal,batch,trace,reference,amount\n2026-12-03,10293847,000123,000001,123456789012,12.34\n")
                                       << QStringLiteral("rrn");
    QTest::newRow("pos: 3 decimals") << QStringLiteral("pos") << posSettlement({{QStringLiteral("123456789012"), QStringLiteral("12.345")}}, QDate(2026, 12, 3)).toUtf8()
                                     << QStringLiteral("12.345");
}

void tst_ReconciliationService::badFilesImportNothing()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    const qint64 billsBefore = bills(), linesBefore = billLines();
    Result<BillImport> r = kind == QStringLiteral("wechat")   ? m_service->importWechatBill(m_env->supervisor, bytes)
                           : kind == QStringLiteral("alipay") ? m_service->importAlipayBill(m_env->supervisor, bytes)
                                                              : m_service->importPosSettlement(m_env->supervisor, QString::fromUtf8(bytes));
    QVERIFY(!r);
    QCOMPARE(r.error().code, Error::Code::InvalidInput);
    QVERIFY2(r.error().message.contains(expected), qPrintable(r.error().message));
    QCOMPARE(bills(), billsBefore);
    QCOMPARE(billLines(), linesBefore);
}

void tst_ReconciliationService::zipReader()
{
    const QByteArray big(200'000, 'x');
    const QByteArray text = QStringLiteral("账单 bill\n").toUtf8().repeated(1000);
    for (bool deflated : {false, true}) {
        auto entries = ReconciliationService::readZip(makeZip({{QStringLiteral("a.csv"), text}, {QStringLiteral("空.txt"), QByteArray()},
                                                               {QStringLiteral("b.bin"), big}},
                                                              deflated));
        QVERIFY2(entries, qPrintable(why(entries)));
        QCOMPARE(entries->size(), 3);
        QCOMPARE(entries->at(0).name, QStringLiteral("a.csv"));
        QCOMPARE(entries->at(0).data, text);
        QCOMPARE(entries->at(1).name, QStringLiteral("空.txt"));
        QVERIFY(entries->at(1).data.isEmpty());
        QCOMPARE(entries->at(2).data, big);
    }
    QVERIFY(makeZip({{QStringLiteral("b.bin"), big}}, true).size() < 2000); // really deflated
}

void tst_ReconciliationService::onlySupervisorsAndAdmins()
{
    StaffMember admin;
    admin.login = QStringLiteral("admin");
    admin.role = StaffRole::Admin;
    QVERIFY(isAllowed(admin, Permission::Reconcile));
    QVERIFY(isAllowed(m_env->supervisor, Permission::Reconcile));
    QVERIFY(!isAllowed(m_env->clerk, Permission::Reconcile));

    const qint64 before = bills();
    const QByteArray bytes = wechatBill({{QStringLiteral("ORDERX"), QStringLiteral("1.00")}}, QStringLiteral("2026-11-30 10:00:00"));
    auto r = m_service->importWechatBill(m_env->clerk, bytes);
    QVERIFY(!r);
    QCOMPARE(r.error().code, Error::Code::PermissionDenied);
    QCOMPARE(bills(), before);
    auto rec = m_service->reconcile(m_env->clerk, BillChannel::Wechat, QDate(2026, 11, 30));
    QVERIFY(!rec);
    QCOMPARE(rec.error().code, Error::Code::PermissionDenied);
    // No bill for the day: a clear NotFound.
    auto none = m_service->reconcile(m_env->supervisor, BillChannel::Wechat, QDate(2020, 1, 1));
    QVERIFY(!none);
    QCOMPARE(none.error().code, Error::Code::NotFound);
}

QTEST_GUILESS_MAIN(tst_ReconciliationService)
#include "tst_reconciliationservice.moc"
