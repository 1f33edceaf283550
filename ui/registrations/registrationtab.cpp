#include "ui/registrations/registrationtab.h"

#include "models/domain/money.h"
#include "models/services/appservices.h"
#include "models/services/lookupservice.h"
#include "models/services/permissions.h"
#include "models/session/countersession.h"
#include "ui/interaction.h"
#include "ui/widgets/messagebar.h"

#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace fund::ui {

RegistrationTab::RegistrationTab(models::AppServices &services, models::CounterSession &session, Interaction &interaction, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_session(session)
    , m_interaction(interaction)
{
    setObjectName(QStringLiteral("registrationTab"));
    auto *outer = new QVBoxLayout(this);
    m_messageBar = new MessageBar(this);
    outer->addWidget(m_messageBar);
    m_pages = new QStackedWidget(this);
    outer->addWidget(m_pages, 1);

    // The form.
    auto *form = new QWidget(m_pages);
    auto *formLayout = new QHBoxLayout(form);
    auto *left = new QVBoxLayout;
    formLayout->addLayout(left, 3);

    auto *residentBox = new QGroupBox(tr("Resident"), form);
    auto *residentForm = new QFormLayout(residentBox);
    m_nameEdit = new QLineEdit(residentBox);
    m_nameEdit->setObjectName(QStringLiteral("residentName"));
    m_idEdit = new QLineEdit(residentBox);
    m_idEdit->setObjectName(QStringLiteral("residentId"));
    m_phoneEdit = new QLineEdit(residentBox);
    m_phoneEdit->setObjectName(QStringLiteral("residentPhone"));
    auto *historyButton = new QPushButton(tr("History (历史记录)"), residentBox);
    historyButton->setObjectName(QStringLiteral("historyButton"));
    residentForm->addRow(tr("Name:"), m_nameEdit);
    residentForm->addRow(tr("ID number:"), m_idEdit);
    residentForm->addRow(tr("Phone:"), m_phoneEdit);
    residentForm->addRow(QString(), historyButton);
    left->addWidget(residentBox);

    auto *houseBox = new QGroupBox(tr("House"), form);
    auto *houseForm = new QFormLayout(houseBox);
    m_kindCombo = new QComboBox(houseBox);
    m_kindCombo->setObjectName(QStringLiteral("kindCombo"));
    for (auto k : {models::RegistrationKind::AddHouse, models::RegistrationKind::Bind, models::RegistrationKind::OwnerChange})
        m_kindCombo->addItem(models::registrationKindLabel(k), int(k));
    m_methodCombo = new QComboBox(houseBox);
    m_methodCombo->setObjectName(QStringLiteral("methodCombo"));
    m_methodCombo->addItem(tr("By online contract No. (网签合同编号)"), int(models::RegistrationMethod::Contract));
    m_methodCombo->addItem(tr("By property certificate No. (不动产权证号)"), int(models::RegistrationMethod::Certificate));
    m_methodCombo->addItem(tr("By proof documents and the address"), int(models::RegistrationMethod::Documents));
    m_methodCombo->addItem(tr("The house of the lookup result"), int(models::RegistrationMethod::Lookup));
    m_contractEdit = new QLineEdit(houseBox);
    m_contractEdit->setObjectName(QStringLiteral("regContractEdit"));
    m_certificateEdit = new QLineEdit(houseBox);
    m_certificateEdit->setObjectName(QStringLiteral("regCertificateEdit"));
    m_certificateEdit->setPlaceholderText(QStringLiteral("京(2021)朝阳区不动产权第0004549号"));
    m_queryButton = new QPushButton(tr("Query"), houseBox);
    m_queryButton->setObjectName(QStringLiteral("queryButton"));
    m_knownLabel = new QLabel(houseBox);
    m_knownLabel->setObjectName(QStringLiteral("knownHouse"));
    m_knownLabel->setWordWrap(true);
    m_addressEdit = new QLineEdit(houseBox);
    m_addressEdit->setObjectName(QStringLiteral("regAddressEdit"));
    m_addressEdit->setPlaceholderText(tr("北京市朝阳区… as on the documents"));
    m_districtCombo = new QComboBox(houseBox);
    m_districtCombo->setObjectName(QStringLiteral("regDistrictCombo"));
    m_lookupHouseLabel = new QLabel(houseBox);
    m_lookupHouseLabel->setObjectName(QStringLiteral("lookupHouse"));
    m_lookupHouseLabel->setWordWrap(true);
    houseForm->addRow(tr("Kind:"), m_kindCombo);
    houseForm->addRow(tr("Way:"), m_methodCombo);
    houseForm->addRow(tr("Contract No.:"), m_contractEdit);
    houseForm->addRow(tr("Certificate No.:"), m_certificateEdit);
    houseForm->addRow(QString(), m_queryButton);
    houseForm->addRow(tr("Known house:"), m_knownLabel);
    houseForm->addRow(tr("Address (坐落):"), m_addressEdit);
    houseForm->addRow(tr("District:"), m_districtCombo);
    houseForm->addRow(tr("Lookup result:"), m_lookupHouseLabel);
    left->addWidget(houseBox);

    auto *filesBox = new QGroupBox(tr("Proof documents (PDF, JPEG, PNG; at most %1 files of %2 MB)")
                                       .arg(models::ProofDocument::MaxPerRequest)
                                       .arg(models::ProofDocument::MaxBytes / (1024 * 1024)),
                                   form);
    auto *filesLayout = new QVBoxLayout(filesBox);
    m_fileList = new QListWidget(filesBox);
    m_fileList->setObjectName(QStringLiteral("fileList"));
    filesLayout->addWidget(m_fileList);
    auto *fileButtons = new QHBoxLayout;
    auto *attach = new QPushButton(tr("Attach file…"), filesBox);
    attach->setObjectName(QStringLiteral("attachButton"));
    auto *remove = new QPushButton(tr("Remove"), filesBox);
    remove->setObjectName(QStringLiteral("removeButton"));
    fileButtons->addWidget(attach);
    fileButtons->addWidget(remove);
    fileButtons->addStretch(1);
    filesLayout->addLayout(fileButtons);
    left->addWidget(filesBox, 1);

    m_submitButton = new QPushButton(tr("Submit"), form);
    m_submitButton->setObjectName(QStringLiteral("submitButton"));
    QFont big = m_submitButton->font();
    big.setPointSize(big.pointSize() + 2);
    big.setBold(true);
    m_submitButton->setFont(big);
    left->addWidget(m_submitButton);

    auto *historyBox = new QGroupBox(tr("The resident's registrations (历史记录)"), form);
    auto *historyLayout = new QVBoxLayout(historyBox);
    m_historyTable = new QTableWidget(0, 5, historyBox);
    m_historyTable->setObjectName(QStringLiteral("historyTable"));
    m_historyTable->setHorizontalHeaderLabels({tr("No."), tr("Date"), tr("Kind"), tr("State"), tr("Address / reason")});
    m_historyTable->verticalHeader()->hide();
    m_historyTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_historyTable->horizontalHeader()->setStretchLastSection(true);
    historyLayout->addWidget(m_historyTable);
    formLayout->addWidget(historyBox, 2);
    m_pages->addWidget(form);

    // The result page (结果页).
    auto *result = new QWidget(m_pages);
    auto *resultLayout = new QVBoxLayout(result);
    resultLayout->addStretch(1);
    m_resultTitle = new QLabel(result);
    m_resultTitle->setObjectName(QStringLiteral("resultTitle"));
    m_resultTitle->setAlignment(Qt::AlignCenter);
    QFont title = m_resultTitle->font();
    title.setPointSize(28);
    title.setBold(true);
    m_resultTitle->setFont(title);
    m_resultDetail = new QLabel(result);
    m_resultDetail->setObjectName(QStringLiteral("resultDetail"));
    m_resultDetail->setAlignment(Qt::AlignCenter);
    m_resultDetail->setWordWrap(true);
    QFont detail = m_resultDetail->font();
    detail.setPointSize(detail.pointSize() + 3);
    m_resultDetail->setFont(detail);
    auto *again = new QPushButton(tr("New registration"), result);
    again->setObjectName(QStringLiteral("newRegistrationButton"));
    resultLayout->addWidget(m_resultTitle);
    resultLayout->addWidget(m_resultDetail);
    resultLayout->addWidget(again, 0, Qt::AlignCenter);
    resultLayout->addStretch(2);
    m_pages->addWidget(result);

    connect(m_methodCombo, &QComboBox::currentIndexChanged, this, &RegistrationTab::updateMethod);
    connect(m_queryButton, &QPushButton::clicked, this, &RegistrationTab::queryKnown);
    connect(attach, &QPushButton::clicked, this, &RegistrationTab::attachFromDisk);
    connect(remove, &QPushButton::clicked, this, &RegistrationTab::removeDocument);
    connect(m_submitButton, &QPushButton::clicked, this, &RegistrationTab::submit);
    connect(again, &QPushButton::clicked, this, &RegistrationTab::newRegistration);
    connect(historyButton, &QPushButton::clicked, this, &RegistrationTab::refreshHistory);
    connect(&m_session, &models::CounterSession::changed, this, &RegistrationTab::onSessionChanged);
    updateMethod();
    onSessionChanged();
}

RegistrationTab::~RegistrationTab() = default;

void RegistrationTab::setActor(const models::StaffMember &actor)
{
    m_actor = actor;
    if (m_districtCombo->count() == 0) {
        m_districtCombo->addItem(tr("(choose)"), QString());
        auto districts = m_services.lookup.districts();
        if (districts) {
            for (const auto &d : *districts)
                m_districtCombo->addItem(d.name, d.key);
        }
    }
    m_submitButton->setEnabled(models::isAllowed(actor, models::Permission::SubmitRegistration));
}

bool RegistrationTab::showingResult() const
{
    return m_pages->currentIndex() == 1;
}

models::RegistrationMethod RegistrationTab::method() const
{
    return models::RegistrationMethod(m_methodCombo->currentData().toInt());
}

void RegistrationTab::updateMethod()
{
    const auto m = method();
    m_contractEdit->setEnabled(m == models::RegistrationMethod::Contract);
    m_certificateEdit->setEnabled(m == models::RegistrationMethod::Certificate);
    m_queryButton->setEnabled(m == models::RegistrationMethod::Contract || m == models::RegistrationMethod::Certificate);
    m_addressEdit->setEnabled(m == models::RegistrationMethod::Documents);
    m_districtCombo->setEnabled(m == models::RegistrationMethod::Documents);
    m_knownLabel->clear();
}

void RegistrationTab::onSessionChanged()
{
    const auto &house = m_session.house();
    if (m_session.stage() == models::CounterSession::Stage::Idle || house.id == 0) {
        m_servedHouseId = 0;
        m_lookupHouseLabel->setText(tr("none — find the house in House lookup first"));
    } else if (house.id != m_servedHouseId) {
        m_servedHouseId = house.id;
        m_lookupHouseLabel->setText(house.address);
        // Bind / owner change start from the house found in House lookup.
        if (!showingResult() && m_documents.isEmpty())
            m_methodCombo->setCurrentIndex(m_methodCombo->findData(int(models::RegistrationMethod::Lookup)));
    }
    // A resident identified: fill the form and tell the clerk what was decided since last time.
    const QString id = m_session.ownerIdNumber();
    if (id.isEmpty() || id == m_servedResident || !models::isAllowed(m_actor, models::Permission::SubmitRegistration))
        return;
    m_servedResident = id;
    if (m_idEdit->text().isEmpty()) {
        m_nameEdit->setText(m_session.ownerName());
        m_idEdit->setText(id);
    }
    auto outcomes = m_services.registrations.takeNewOutcomes(m_actor, id, m_session.ownerName());
    if (!outcomes || outcomes->isEmpty())
        return;
    QStringList lines;
    for (const auto &r : *outcomes)
        lines << (r.reason.isEmpty() ? tr("Request No. %1 (%2, %3): %4").arg(r.id).arg(models::registrationKindLabel(r.kind), r.displayAddress(), models::registrationStateLabel(r.state))
                                     : tr("Request No. %1 (%2, %3): %4 — %5").arg(r.id).arg(models::registrationKindLabel(r.kind), r.displayAddress(), models::registrationStateLabel(r.state), r.reason));
    m_messageBar->showMessage(MessageBar::Kind::Info, tr("Decided since the resident's last visit:") + u'\n' + lines.join(u'\n'));
    emit outcomesShown(lines.join(u'\n'));
}

void RegistrationTab::queryKnown()
{
    auto known = method() == models::RegistrationMethod::Contract ? m_services.registrations.knownByContract(m_contractEdit->text())
                                                                 : m_services.registrations.knownByCertificate(m_certificateEdit->text());
    if (!known) {
        m_knownLabel->clear();
        m_messageBar->showError(known.error());
        return;
    }
    m_messageBar->clearMessage();
    m_knownLabel->setText(tr("%1\n%2 m², %3, %4")
                              .arg(known->address, QString::number(double(known->areaCenti) / 100.0, 'f', 2),
                                   models::houseTypeLabel(known->houseType), known->districtName));
    m_addressEdit->setText(known->address);
    const int d = m_districtCombo->findData(known->districtCode);
    if (d >= 0)
        m_districtCombo->setCurrentIndex(d);
}

models::VoidResult RegistrationTab::attachDocument(const QString &name, const QByteArray &bytes)
{
    if (m_documents.size() >= models::ProofDocument::MaxPerRequest) {
        auto e = models::Error::invalidInput(tr("At most %1 files can be attached to one request.").arg(models::ProofDocument::MaxPerRequest));
        m_messageBar->showError(e);
        return models::fail(e);
    }
    auto checked = models::ProofDocument::check(name, bytes);
    if (!checked) {
        m_messageBar->showError(checked.error());
        return models::fail(checked.error());
    }
    for (const auto &d : m_documents) {
        if (d.sha256 == checked->sha256) {
            auto e = models::Error::invalidInput(tr("%1 is the same file as %2, which is already attached.").arg(name, d.originalName));
            m_messageBar->showError(e);
            return models::fail(e);
        }
    }
    m_documents.append(*checked);
    m_fileList->addItem(QStringLiteral("%1  (%2, %3 KB)").arg(checked->originalName, models::ProofDocument::mimeType(checked->type)).arg((bytes.size() + 1023) / 1024));
    m_messageBar->clearMessage();
    return {};
}

void RegistrationTab::attachFromDisk()
{
    auto path = m_interaction.openFileName(this, tr("Attach a proof document"), QString(), tr("Scans (*.pdf *.jpg *.jpeg *.png);;All files (*)"));
    if (!path)
        return;
    QFile file(*path);
    if (file.size() > models::ProofDocument::MaxBytes) {
        m_messageBar->showError(models::Error::invalidInput(tr("The file %1 is larger than %2 MB. Scan it at a lower resolution or split it.")
                                                                .arg(QFileInfo(*path).fileName())
                                                                .arg(models::ProofDocument::MaxBytes / (1024 * 1024))));
        return;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        m_messageBar->showError(models::Error::io(tr("The file %1 cannot be read: %2").arg(*path, file.errorString())));
        return;
    }
    (void)attachDocument(QFileInfo(*path).fileName(), file.readAll());
}

void RegistrationTab::removeDocument()
{
    const int row = m_fileList->currentRow();
    if (row < 0 || row >= m_documents.size())
        return;
    m_documents.removeAt(row);
    delete m_fileList->takeItem(row);
}

void RegistrationTab::submit()
{
    models::RegistrationDraft d;
    d.kind = models::RegistrationKind(m_kindCombo->currentData().toInt());
    d.method = method();
    d.residentName = m_nameEdit->text();
    d.residentIdNumber = m_idEdit->text();
    d.phone = m_phoneEdit->text();
    d.contractNo = m_contractEdit->text();
    d.certificateNo = m_certificateEdit->text();
    d.typedAddress = m_addressEdit->text();
    d.districtCode = m_districtCombo->currentData().toString();
    d.houseId = d.method == models::RegistrationMethod::Lookup ? m_servedHouseId : 0;
    d.documents = m_documents;
    auto outcome = m_services.registrations.submit(m_actor, d);
    if (!outcome) {
        m_messageBar->showError(outcome.error());
        return;
    }
    m_messageBar->clearMessage();
    if (outcome->bound) {
        m_resultTitle->setText(tr("Bound (已绑定)"));
        m_resultTitle->setStyleSheet(QStringLiteral("color: #1a7f37;"));
        m_resultDetail->setText(tr("The resident is the recorded owner: the house is bound to %1 now, no review is needed.").arg(d.residentName.trimmed()));
    } else {
        m_resultTitle->setText(tr("Waiting for review (需审核)"));
        m_resultTitle->setStyleSheet(QStringLiteral("color: #9a6700;"));
        m_resultDetail->setText(tr("Request No. %1 goes to the district office for review. The resident is told the outcome at their next visit (or by phone %2).")
                                    .arg(outcome->requestId)
                                    .arg(d.phone.trimmed()));
    }
    m_pages->setCurrentIndex(1);
    refreshHistory();
}

void RegistrationTab::newRegistration()
{
    m_documents.clear();
    m_fileList->clear();
    m_contractEdit->clear();
    m_certificateEdit->clear();
    m_addressEdit->clear();
    m_knownLabel->clear();
    m_pages->setCurrentIndex(0);
}

void RegistrationTab::startAddHouse(const QString &name, const QString &idNumber, const QString &address)
{
    newRegistration();
    m_messageBar->clearMessage();
    m_nameEdit->setText(name);
    m_idEdit->setText(idNumber);
    m_kindCombo->setCurrentIndex(m_kindCombo->findData(int(models::RegistrationKind::AddHouse)));
    if (!address.isEmpty()) {
        m_methodCombo->setCurrentIndex(m_methodCombo->findData(int(models::RegistrationMethod::Documents)));
        m_addressEdit->setText(address);
    }
    refreshHistory();
    (name.isEmpty() ? m_nameEdit : m_phoneEdit)->setFocus();
}

void RegistrationTab::refreshHistory()
{
    m_historyTable->setRowCount(0);
    if (m_idEdit->text().trimmed().isEmpty())
        return;
    auto history = m_services.registrations.history(m_actor, m_idEdit->text(), m_nameEdit->text());
    if (!history) {
        m_messageBar->showError(history.error());
        return;
    }
    m_historyTable->setRowCount(int(history->size()));
    for (int i = 0; i < history->size(); ++i) {
        const auto &r = history->at(i);
        const QStringList cells{QString::number(r.id), r.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd")),
                                models::registrationKindLabel(r.kind), models::registrationStateLabel(r.state),
                                r.reason.isEmpty() ? r.displayAddress() : r.displayAddress() + QStringLiteral(" — ") + r.reason};
        for (int c = 0; c < cells.size(); ++c)
            m_historyTable->setItem(i, c, new QTableWidgetItem(cells.at(c)));
    }
    m_historyTable->resizeColumnsToContents();
}

} // namespace fund::ui
