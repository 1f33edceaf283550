// Proof document type detection (issue 6): the type comes from the bytes, never the name; a
// PDF must load (QPdfDocument), an image must decode (QImageReader); size limit; SHA-256.
#include "common/prooffiles.h"

#include "models/services/proofdocument.h"

#include <QCryptographicHash>
#include <QTest>

using namespace fund::models;

class tst_ProofDocument : public QObject
{
    Q_OBJECT

private slots:
    void sniff_data();
    void sniff();
    void goodFilesWhateverTheirName_data();
    void goodFilesWhateverTheirName();
    void limitIsInclusive();
};

void tst_ProofDocument::sniff_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("type");
    QTest::newRow("pdf") << QByteArray("%PDF-1.7\n") << int(ProofDocument::Type::Pdf);
    QTest::newRow("jpeg") << QByteArray("\xff\xd8\xff\xe0", 4) << int(ProofDocument::Type::Jpeg);
    QTest::newRow("png") << QByteArray("\x89PNG\r\n\x1a\n", 8) << int(ProofDocument::Type::Png);
    QTest::newRow("pdf not at start") << QByteArray(" %PDF-1.7") << int(ProofDocument::Type::Unknown);
    QTest::newRow("exe") << QByteArray("MZ\x90\x00", 4) << int(ProofDocument::Type::Unknown);
    QTest::newRow("elf") << QByteArray("\x7f" "ELF") << int(ProofDocument::Type::Unknown);
    QTest::newRow("gif") << QByteArray("GIF89a") << int(ProofDocument::Type::Unknown);
    QTest::newRow("empty") << QByteArray() << int(ProofDocument::Type::Unknown);
}

void tst_ProofDocument::sniff()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, type);
    QCOMPARE(int(ProofDocument::sniff(bytes)), type);
}

void tst_ProofDocument::goodFilesWhateverTheirName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("mime");
    QTest::newRow("pdf") << QStringLiteral("合同.pdf") << fund::tests::samplePdf(1) << int(ProofDocument::Type::Pdf) << QStringLiteral("application/pdf");
    QTest::newRow("png named jpg") << QStringLiteral("scan.jpg") << fund::tests::samplePng(1) << int(ProofDocument::Type::Png) << QStringLiteral("image/png");
    QTest::newRow("jpeg named pdf") << QStringLiteral("scan.pdf") << fund::tests::sampleJpeg(1) << int(ProofDocument::Type::Jpeg) << QStringLiteral("image/jpeg");
    QTest::newRow("no extension") << QStringLiteral("scan") << fund::tests::samplePdf(2) << int(ProofDocument::Type::Pdf) << QStringLiteral("application/pdf");
}

void tst_ProofDocument::goodFilesWhateverTheirName()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(int, type);
    QFETCH(QString, mime);
    auto checked = ProofDocument::check(name, bytes);
    QVERIFY2(checked, qPrintable(checked ? QString() : checked.error().message + u' ' + checked.error().detail));
    QCOMPARE(int(checked->type), type);
    QCOMPARE(ProofDocument::mimeType(checked->type), mime);
    QCOMPARE(int(ProofDocument::fromMimeType(mime)), type);
    QCOMPARE(checked->sha256, QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
    QCOMPARE(checked->originalName, name);
}

void tst_ProofDocument::limitIsInclusive()
{
    // A file of exactly MaxBytes passes the size check (and then fails as a broken PDF); one byte
    // more is refused for its size.
    QByteArray atLimit("%PDF-1.4\n");
    atLimit.append(QByteArray(ProofDocument::MaxBytes - atLimit.size(), 'x'));
    auto a = ProofDocument::check(QStringLiteral("a.pdf"), atLimit);
    QVERIFY(!a);
    QVERIFY2(a.error().message.contains(QStringLiteral("damaged")), qPrintable(a.error().message));
    atLimit.append('x');
    auto b = ProofDocument::check(QStringLiteral("a.pdf"), atLimit);
    QVERIFY(!b);
    QVERIFY2(b.error().message.contains(QStringLiteral("at most 10 MB")), qPrintable(b.error().message));
}

QTEST_MAIN(tst_ProofDocument)
#include "tst_proofdocument.moc"
