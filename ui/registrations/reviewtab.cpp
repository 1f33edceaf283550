#include "ui/registrations/reviewtab.h"

#include "models/itemmodels/registrationqueuemodel.h"
#include "models/services/appservices.h"
#include "models/services/lookupservice.h"
#include "models/services/permissions.h"
#include "ui/interaction.h"
#include "ui/widgets/messagebar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QPdfDocument>
#include <QPdfView>
#include <QPixmap>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryFile>
#include <QVBoxLayout>

namespace fund::ui {

namespace {
QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}
QString sizeText(qint64 bytes)
{
    if (bytes >= 1024 * 1024)
        return QStringLiteral("%1 MB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
    return QStringLiteral("%1 KB").arg((bytes + 1023) / 1024);
}
} // namespace

ReviewTab::ReviewTab(models::AppServices &services, Interaction &interaction, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_interaction(interaction)
{
    setObjectName(QStringLiteral("reviewTab"));
    auto *layout = new QVBoxLayout(this);
    m_messageBar = new MessageBar(this);
    layout->addWidget(m_messageBar);

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("District:"), this));
    m_districtCombo = new QComboBox(this);
    m_districtCombo->setObjectName(QStringLiteral("districtFilter"));
    m_districtCombo->addItem(tr("All districts"), QString());
    filters->addWidget(m_districtCombo);
    filters->addWidget(new QLabel(tr("Kind:"), this));
    m_kindCombo = new QComboBox(this);
    m_kindCombo->setObjectName(QStringLiteral("kindFilter"));
    m_kindCombo->addItem(tr("All kinds"), QString());
    for (auto k : {models::RegistrationKind::AddHouse, models::RegistrationKind::Bind, models::RegistrationKind::OwnerChange})
        m_kindCombo->addItem(models::registrationKindLabel(k), models::registrationKindCode(k));
    filters->addWidget(m_kindCombo);
    auto *refresh = new QPushButton(tr("Refresh"), this);
    refresh->setObjectName(QStringLiteral("refreshButton"));
    filters->addWidget(refresh);
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("pendingCount"));
    QFont countFont = m_countLabel->font();
    countFont.setBold(true);
    countFont.setPointSize(countFont.pointSize() + 2);
    m_countLabel->setFont(countFont);
    filters->addStretch(1);
    filters->addWidget(m_countLabel);
    layout->addLayout(filters);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_queueModel = new models::RegistrationQueueModel(this);
    m_queueView = new QTableView(splitter);
    m_queueView->setObjectName(QStringLiteral("queueView"));
    m_queueView->setModel(m_queueModel);
    m_queueView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_queueView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_queueView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_queueView->verticalHeader()->hide();
    m_queueView->horizontalHeader()->setStretchLastSection(false);
    m_queueView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_queueView->horizontalHeader()->setSectionResizeMode(models::RegistrationQueueModel::AddressColumn, QHeaderView::Stretch);
    m_queueView->setWordWrap(false);
    m_queueView->setColumnHidden(models::RegistrationQueueModel::SubmittedByColumn, true);
    m_queueView->setColumnHidden(models::RegistrationQueueModel::DocumentsColumn, true);
    m_queueView->setColumnHidden(models::RegistrationQueueModel::DistrictColumn, true);

    auto *detailArea = new QScrollArea(splitter);
    detailArea->setWidgetResizable(true);
    m_detailLabel = new QLabel(detailArea);
    m_detailLabel->setObjectName(QStringLiteral("requestDetail"));
    m_detailLabel->setTextFormat(Qt::RichText);
    m_detailLabel->setWordWrap(true);
    m_detailLabel->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_detailLabel->setMargin(8);
    m_detailLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    detailArea->setWidget(m_detailLabel);

    auto *proof = new QWidget(splitter);
    auto *proofLayout = new QVBoxLayout(proof);
    proofLayout->setContentsMargins(0, 0, 0, 0);
    m_documentList = new QListWidget(proof);
    m_documentList->setObjectName(QStringLiteral("documentList"));
    m_documentList->setMaximumHeight(90);
    proofLayout->addWidget(m_documentList);
    auto *zoomRow = new QHBoxLayout;
    auto *zoomOut = new QPushButton(tr("Zoom out"), proof);
    auto *zoomIn = new QPushButton(tr("Zoom in"), proof);
    auto *zoomFit = new QPushButton(tr("Fit"), proof);
    zoomOut->setObjectName(QStringLiteral("zoomOut"));
    zoomIn->setObjectName(QStringLiteral("zoomIn"));
    zoomFit->setObjectName(QStringLiteral("zoomFit"));
    zoomRow->addWidget(zoomOut);
    zoomRow->addWidget(zoomIn);
    zoomRow->addWidget(zoomFit);
    zoomRow->addStretch(1);
    proofLayout->addLayout(zoomRow);
    m_viewerStack = new QStackedWidget(proof);
    m_viewerMessage = new QLabel(tr("Choose a request to see its proof documents."), m_viewerStack);
    m_viewerMessage->setAlignment(Qt::AlignCenter);
    m_viewerMessage->setWordWrap(true);
    m_pdfDocument = new QPdfDocument(this);
    m_pdfView = new QPdfView(m_viewerStack);
    m_pdfView->setObjectName(QStringLiteral("pdfView"));
    m_pdfView->setDocument(m_pdfDocument);
    m_pdfView->setPageMode(QPdfView::PageMode::MultiPage);
    m_pdfView->setZoomMode(QPdfView::ZoomMode::FitToWidth);
    m_imageArea = new QScrollArea(m_viewerStack);
    m_imageLabel = new QLabel(m_imageArea);
    m_imageLabel->setObjectName(QStringLiteral("imageView"));
    m_imageLabel->setAlignment(Qt::AlignCenter);
    m_imageArea->setWidget(m_imageLabel);
    m_imageArea->setAlignment(Qt::AlignCenter);
    m_viewerStack->addWidget(m_viewerMessage);
    m_viewerStack->addWidget(m_pdfView);
    m_viewerStack->addWidget(m_imageArea);
    proofLayout->addWidget(m_viewerStack, 1);
    splitter->addWidget(m_queueView);
    splitter->addWidget(detailArea);
    splitter->addWidget(proof);
    m_queueView->setMinimumWidth(360);
    detailArea->setMinimumWidth(340);
    proof->setMinimumWidth(360);
    splitter->setChildrenCollapsible(false);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 4);
    splitter->setSizes({450, 400, 550});
    layout->addWidget(splitter, 1);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_returnButton = new QPushButton(tr("Return for more documents (退回补件)…"), this);
    m_returnButton->setObjectName(QStringLiteral("returnButton"));
    m_rejectButton = new QPushButton(tr("Reject…"), this);
    m_rejectButton->setObjectName(QStringLiteral("rejectButton"));
    m_approveButton = new QPushButton(tr("Approve"), this);
    m_approveButton->setObjectName(QStringLiteral("approveButton"));
    QFont big = m_approveButton->font();
    big.setPointSize(big.pointSize() + 2);
    big.setBold(true);
    m_approveButton->setFont(big);
    buttons->addWidget(m_returnButton);
    buttons->addWidget(m_rejectButton);
    buttons->addWidget(m_approveButton);
    layout->addLayout(buttons);

    connect(refresh, &QPushButton::clicked, this, &ReviewTab::reload);
    connect(m_districtCombo, &QComboBox::currentIndexChanged, this, &ReviewTab::reload);
    connect(m_kindCombo, &QComboBox::currentIndexChanged, this, &ReviewTab::reload);
    connect(m_queueView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showRequest(current.isValid() ? current.row() : -1); });
    connect(m_documentList, &QListWidget::currentRowChanged, this, &ReviewTab::showDocument);
    connect(zoomIn, &QPushButton::clicked, this, [this] { setZoom(m_zoom * 1.25); });
    connect(zoomOut, &QPushButton::clicked, this, [this] { setZoom(m_zoom / 1.25); });
    connect(zoomFit, &QPushButton::clicked, this, [this] { setZoom(0); });
    connect(m_approveButton, &QPushButton::clicked, this, &ReviewTab::approve);
    connect(m_rejectButton, &QPushButton::clicked, this, [this] { decideWithReason(true); });
    connect(m_returnButton, &QPushButton::clicked, this, [this] { decideWithReason(false); });
    clearRequest();
}

ReviewTab::~ReviewTab()
{
    delete m_image;
}

void ReviewTab::setActor(const models::StaffMember &actor)
{
    m_actor = actor;
    if (m_districtCombo->count() == 1) {
        auto districts = m_services.lookup.districts();
        if (districts) {
            for (const auto &d : *districts)
                m_districtCombo->addItem(d.name, d.key);
        }
    }
    m_queueModel->clear();
    clearRequest();
}

void ReviewTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (models::isAllowed(m_actor, models::Permission::ReviewRegistration))
        reload();
}

void ReviewTab::reload()
{
    m_messageBar->clearMessage();
    models::RegistrationQueueFilter filter;
    filter.districtCode = m_districtCombo->currentData().toString();
    filter.kind = models::registrationKindFromCode(m_kindCombo->currentData().toString());
    const models::StaffMember actor = m_actor;
    auto &service = m_services.registrations;
    auto loaded = m_queueModel->load([&service, actor, filter](const QDateTime &after, qint64 afterId, int limit) {
        return service.queue(actor, filter, after, afterId, limit);
    });
    if (!loaded) {
        m_messageBar->showError(loaded.error());
        m_countLabel->clear();
        return;
    }
    auto n = service.pendingCount(actor, filter);
    m_countLabel->setText(n ? tr("Pending (待审核): %1").arg(*n) : QString());
    clearRequest();
    if (m_queueModel->rowCount() > 0)
        m_queueView->selectRow(0);
}

void ReviewTab::clearRequest()
{
    m_current = {};
    m_documents.clear();
    m_documentList->clear();
    m_detailLabel->setText(tr("No request chosen."));
    m_viewerMessage->setText(tr("Choose a request to see its proof documents."));
    m_viewerStack->setCurrentWidget(m_viewerMessage);
    m_pdfDocument->close();
    m_approveButton->setEnabled(false);
    m_rejectButton->setEnabled(false);
    m_returnButton->setEnabled(false);
}

void ReviewTab::showRequest(int row)
{
    if (row < 0 || row >= m_queueModel->rowCount()) {
        clearRequest();
        return;
    }
    const qint64 id = m_queueModel->record(row).id;
    auto record = m_services.registrations.request(m_actor, id);
    if (!record) {
        m_messageBar->showError(record.error());
        clearRequest();
        return;
    }
    m_current = *record;
    const models::RegistrationRecord &r = m_current;
    QString html;
    html += u"<h2>" + esc(tr("Request No. %1").arg(r.id)) + u"</h2>";
    html += u"<p><b>" + esc(models::registrationKindLabel(r.kind)) + u"</b> — " + esc(models::registrationStateLabel(r.state)) + u"</p>";
    html += u"<p>" + esc(tr("Submitted %1 by %2 (round %3)").arg(r.submittedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), r.submittedByName).arg(r.rounds)) + u"</p>";
    html += u"<h3>" + esc(tr("Resident")) + u"</h3><p><span style='font-size:large'><b>" + esc(r.residentName) + u"</b></span><br>"
            + esc(tr("ID number: %1").arg(r.residentIdNumber)) + u"<br>" + esc(tr("Phone: %1").arg(r.phone)) + u"</p>";
    html += u"<h3>" + esc(tr("House")) + u"</h3><p>";
    if (r.houseId > 0)
        html += u"<b>" + esc(r.houseAddress) + u"</b><br>";
    else
        html += u"<b style='color:#a00'>" + esc(tr("No known house matches yet")) + u"</b><br>";
    if (!r.typedAddress.isEmpty())
        html += esc(tr("Address as typed: %1").arg(r.typedAddress)) + u"<br>";
    html += esc(tr("District: %1").arg(r.districtName));
    if (!r.contractNo.isEmpty())
        html += u"<br>" + esc(tr("Online contract No. (网签合同编号): %1").arg(r.contractNo));
    if (!r.certificateNo.isEmpty())
        html += u"<br>" + esc(tr("Property certificate No. (不动产权证号): %1").arg(r.certificateNo));
    html += u"</p>";
    if (r.houseId > 0) {
        auto owners = m_services.registrations.ownership(m_actor, r.houseId);
        if (owners) {
            html += u"<h3>" + esc(tr("Owners on record")) + u"</h3><p>";
            if (owners->isEmpty())
                html += esc(tr("none"));
            for (const auto &o : *owners)
                html += esc(o.until.isEmpty() ? tr("%1 (%2), since %3").arg(o.name, o.idNumber, o.since)
                                              : tr("%1 (%2), %3 – %4").arg(o.name, o.idNumber, o.since, o.until))
                        + u"<br>";
            html += u"</p>";
        }
    }
    auto events = m_services.registrations.events(m_actor, r.id);
    if (events && events->size() > 1) {
        html += u"<h3>" + esc(tr("History")) + u"</h3><p>";
        for (const auto &e : *events)
            html += esc(QStringLiteral("%1 %2 %3 %4").arg(e.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), e.staffName, e.action, e.reason)) + u"<br>";
        html += u"</p>";
    }
    m_detailLabel->setText(html);

    m_documentList->clear();
    auto docs = m_services.registrations.documents(m_actor, r.id);
    m_documents = docs ? *docs : QList<models::RegistrationDocumentInfo>();
    for (const auto &d : m_documents)
        m_documentList->addItem(QStringLiteral("%1  (%2, %3)").arg(d.originalName, models::ProofDocument::mimeType(d.type), sizeText(d.sizeBytes)));
    if (!m_documents.isEmpty())
        m_documentList->setCurrentRow(0);
    else {
        m_viewerMessage->setText(tr("No proof documents are attached."));
        m_viewerStack->setCurrentWidget(m_viewerMessage);
    }
    const bool own = r.submittedById == m_actor.id;
    const bool may = models::isAllowed(m_actor, models::Permission::ReviewRegistration) && !own;
    m_approveButton->setEnabled(may);
    m_rejectButton->setEnabled(may);
    m_returnButton->setEnabled(may);
    if (own)
        m_messageBar->showMessage(MessageBar::Kind::Info, tr("You submitted request No. %1: another supervisor or reviewer must decide it.").arg(r.id));
    else
        m_messageBar->clearMessage();
}

void ReviewTab::showDocument(int index)
{
    if (index < 0 || index >= m_documents.size())
        return;
    const auto &info = m_documents.at(index);
    auto bytes = m_services.registrations.documentContent(m_actor, info.id);
    if (!bytes) {
        m_viewerMessage->setText(bytes.error().message);
        m_viewerStack->setCurrentWidget(m_viewerMessage);
        return;
    }
    if (info.type == models::ProofDocument::Type::Pdf) {
        // Shown inside the client, never handed to another program.
        m_pdfDocument->close();
        delete m_pdfFile;
        m_pdfFile = new QTemporaryFile(this);
        if (m_pdfFile->open() && m_pdfFile->write(*bytes) == bytes->size() && m_pdfFile->flush()) {
            m_pdfFile->close();
            if (m_pdfDocument->load(m_pdfFile->fileName()) == QPdfDocument::Error::None) {
                m_viewerStack->setCurrentWidget(m_pdfView);
                return;
            }
        }
        m_viewerMessage->setText(tr("The PDF %1 cannot be shown.").arg(info.originalName));
        m_viewerStack->setCurrentWidget(m_viewerMessage);
        return;
    }
    QImage image;
    if (!image.loadFromData(*bytes)) {
        m_viewerMessage->setText(tr("The image %1 cannot be shown.").arg(info.originalName));
        m_viewerStack->setCurrentWidget(m_viewerMessage);
        return;
    }
    delete m_image;
    m_image = new QImage(image);
    m_viewerStack->setCurrentWidget(m_imageArea);
    setZoom(0);
}

void ReviewTab::setZoom(double zoom)
{
    if (m_viewerStack->currentWidget() == m_pdfView) {
        if (zoom <= 0) {
            m_pdfView->setZoomMode(QPdfView::ZoomMode::FitToWidth);
            m_zoom = 1.0;
        } else {
            m_zoom = qBound(0.1, zoom, 8.0);
            m_pdfView->setZoomMode(QPdfView::ZoomMode::Custom);
            m_pdfView->setZoomFactor(m_zoom);
        }
        return;
    }
    if (!m_image || m_image->isNull())
        return;
    if (zoom <= 0) {
        const QSize room = m_imageArea->viewport()->size() - QSize(4, 4);
        zoom = qMin(double(room.width()) / m_image->width(), double(room.height()) / m_image->height());
        zoom = qMin(zoom, 4.0);
    }
    m_zoom = qBound(0.05, zoom, 8.0);
    const QSize size(qMax(1, int(m_image->width() * m_zoom)), qMax(1, int(m_image->height() * m_zoom)));
    m_imageLabel->setPixmap(QPixmap::fromImage(m_image->scaled(size, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    m_imageLabel->resize(size);
}

void ReviewTab::approve()
{
    if (m_current.id == 0)
        return;
    qint64 houseId = 0;
    if (m_current.houseId == 0) {
        auto address = m_interaction.askText(this, tr("Choose the house"),
                                             tr("No known house matches request No. %1. Type the house's address (坐落) as recorded:").arg(m_current.id));
        if (!address)
            return;
        auto found = m_services.lookup.byAddress(*address);
        if (!found) {
            m_messageBar->showError(found.error());
            return;
        }
        if (found->size() != 1) {
            m_messageBar->showMessage(MessageBar::Kind::Error, tr("No house has the address %1. Check it, or return the request for more documents.").arg(*address));
            return;
        }
        houseId = found->first().id;
    }
    if (!m_interaction.confirm(this, tr("Approve"),
                               tr("Approve request No. %1 (%2) for %3? The house is then bound to the resident.")
                                   .arg(m_current.id)
                                   .arg(models::registrationKindLabel(m_current.kind), m_current.residentName)))
        return;
    afterDecision(m_services.registrations.approve(m_actor, m_current.id, houseId), tr("Request No. %1 approved.").arg(m_current.id));
}

void ReviewTab::decideWithReason(bool reject)
{
    if (m_current.id == 0)
        return;
    auto reason = m_interaction.askText(this, reject ? tr("Reject") : tr("Return for more documents"),
                                        reject ? tr("Why is request No. %1 rejected? The resident is told.").arg(m_current.id)
                                               : tr("Which documents are missing for request No. %1? The resident is told.").arg(m_current.id));
    if (!reason)
        return;
    const qint64 id = m_current.id;
    afterDecision(reject ? m_services.registrations.reject(m_actor, id, *reason) : m_services.registrations.returnForMore(m_actor, id, *reason),
                  reject ? tr("Request No. %1 rejected.").arg(id) : tr("Request No. %1 returned for more documents.").arg(id));
}

void ReviewTab::afterDecision(const models::VoidResult &result, const QString &done)
{
    if (!result) {
        m_messageBar->showError(result.error());
        return;
    }
    reload();
    m_messageBar->showMessage(MessageBar::Kind::Success, done);
}

} // namespace fund::ui
