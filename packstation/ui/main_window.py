"""The packer's window: the picklist queue, the scan field, the open picklist, Ship and print, the label."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QIntValidator, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from packstation.domain.addresses import SplitAddress
from packstation.domain.errors import PicklistNotPackable, Violation
from packstation.domain.journal_entry import JournalEntry
from packstation.domain.mapping import Draft
from packstation.domain.picklists import PicklistStatus
from packstation.domain.profiles import ShippingProfile
from packstation.domain.shipments import Address
from packstation.services.ports import PrintJobInfo, PrintQueues
from packstation.services.shipping import OpenedPicklist, ShipmentJob
from packstation.settings import Settings
from packstation.ui.controllers.picklists_controller import PicklistsController
from packstation.ui.controllers.shipping_controller import ShippingController
from packstation.ui.messages import During, Messages, guess_layout_mistake
from packstation.ui.models.picklists_model import PicklistsFilterModel
from packstation.ui.state import StepState
from packstation.ui.style import STYLE
from packstation.ui.views.picklists_view import PicklistsView
from packstation.ui.views.print_queue_panel import (
    PrinterStatusBar,
    PrinterStatusPoller,
    PrintQueuePanel,
    make_printer_status,
)
from packstation.ui.views.settings_dialog import show_settings_problems
from packstation.ui.views.unfinished_dialog import UnfinishedDialog
from packstation.ui.widgets.label_preview import LabelPreview
from packstation.ui.widgets.options_form import OptionsForm
from packstation.ui.widgets.scan_detector import ScanDetector, ScanReport
from packstation.ui.widgets.status_message import StatusMessage
from packstation.ui.widgets.steps import StepsView
from packstation.ui.widgets.wheel import PaneComboBox, PaneSpinBox

# What a picklist number can look like (Picqer: "P2024-00123"); anything else is shown as a garbled scan.
PLAUSIBLE_NUMBER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-_/.]{1,39}$")
# Picqer's picklist numbers ("P2024-00123"); a scanner or a person may send the letter in lower case.
PICKLIST_NUMBER = re.compile(r"[A-Za-z]\d{4}-\d{3,}")
# A scanner set to send its AIM symbology identifier puts "]" + code letter + modifier in front (]C1: Code 128).
AIM_IDENTIFIER = re.compile(r"^\][A-Za-z][0-9A-Za-z]")
TWO_NUMBERS = re.compile(rf"^({PICKLIST_NUMBER.pattern})({PICKLIST_NUMBER.pattern})$")
_ADDRESS_FIELDS = ("person", "company", "street", "number", "number_suffix", "box_number", "postal_code", "city", "cc")
_ADDRESS_KEYS = {
    "person": "detail.name",
    "company": "detail.company",
    "street": "detail.street",
    "number": "detail.number",
    "number_suffix": "detail.suffix",
    "box_number": "detail.box",
    "postal_code": "detail.postal_city",
    "city": "detail.postal_city",
    "cc": "detail.country",
}


class DetailScrollArea(QScrollArea):
    """The detail pane: scrolls down, never sideways, so the splitter must leave it its content's width.

    QScrollArea's own minimum is a few pixels; with a long option label or product line the content was wider
    than the pane and the right edge (the Box field, product codes) was cut off without a scroll bar.
    """

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        inner = self.widget()
        if inner is None:
            return hint
        width = inner.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()
        return QSize(max(hint.width(), width), hint.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the content changed (another picklist or profile): tell the splitter
        return super().eventFilter(watched, event)


# The most the status bar's print-folder note may take (px); the printer states and the message need the rest.
PRINT_FOLDER_WIDTH = 360


class MainWindow(QMainWindow):
    """Lay out the packer's screen and hand every decision to the controllers."""

    def __init__(
        self,
        shipping: ShippingController,
        picklists: PicklistsController,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        print_queues: PrintQueues | None = None,
        profile_names: Mapping[int, str] | None = None,
        open_settings: Callable[[], object] | None = None,
        settings_problems: Sequence[Violation] = (),
        journal_problem: str = "",
        settings_backup: Path | None = None,
        station: str = "",
        print_folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.station = station  # shown in the title bar: which bench this is ("demo" on the demo servers)
        # Where the virtual printer (demo mode) writes the labels: shown in the status bar, as the README says.
        self.print_folder = print_folder
        self.shipping = shipping
        self.picklists = picklists
        self.settings = settings
        self.print_queues = print_queues
        self._open_settings = open_settings
        self._settings_problems = tuple(settings_problems)
        self._journal_problem = journal_problem
        self._settings_backup = settings_backup
        self._started = False
        self.unfinished_dialog: UnfinishedDialog | None = None
        if profile_names:
            picklists.set_profile_names(profile_names)
        self.messages: Messages = shipping.messages
        self._opened: OpenedPicklist | None = None
        self._draft: Draft | None = None
        # (printer, queue job id, picklist number) of a shipped label held in the print queue (paper out)
        self._held_print: tuple[str, str, str] | None = None
        # What the shipment just done said, kept in front of the next picklist's messages while the picklist
        # scanned during it opens by itself (else "Opening P…" wiped "shipped" or "paper out" at once).
        self._carry: tuple[str, str] | None = None
        self._split_reason: Violation | None = None  # why the address split needs the packer, if it does
        self._readings: tuple[SplitAddress, ...] = ()  # the two ways a doubtful line reads (Alt+1, Alt+2)
        self._told_invalid = False  # the status bar says "not sent, fix this first": take it back once fixed
        self.setObjectName("mainWindow")
        self.setStyleSheet(STYLE)
        self._build()
        self._connect()
        scanner = settings.scanner
        self.scan_detector = ScanDetector(
            self,
            max_gap_ms=scanner.max_gap_ms,
            min_length=scanner.min_length,
            suffix=scanner.suffix,
            prefix=scanner.prefix,
        )
        self.scan_detector.scan_reported.connect(self._scan_reported)
        self.scan_detector.install()
        self._retranslate()
        self._show_opened(None)
        self._say(self.messages.t("status.ready"))
        # The packer's screen fills the monitor; show() after this opens it maximized.
        self.setWindowState(Qt.WindowState.WindowMaximized)

    # --- building ------------------------------------------------------------------------------------

    def _build(self) -> None:
        central = QWidget()
        root = QVBoxLayout(central)
        top = QHBoxLayout()
        self.scan_field = QLineEdit()
        self.scan_field.setObjectName("scanField")
        self.scan_field.setClearButtonEnabled(True)
        self.language_button = QPushButton()
        self.language_button.setObjectName("languageButton")
        self.refresh_button = QPushButton()
        for button in (self.language_button, self.refresh_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        top.addWidget(self.scan_field, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.language_button)
        root.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        root.addWidget(splitter, 1)

        # Left: the queue.
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        self.search_field = QLineEdit()
        self.search_field.setObjectName("searchField")
        self.search_field.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.warehouse_filter = QComboBox()
        # They keep their whole text while there is room; on a narrower pane they may shrink to this.
        for combo in (self.status_filter, self.warehouse_filter):
            combo.setMinimumWidth(90)
        filters.addWidget(self.search_field, 1)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.warehouse_filter)
        left_layout.addLayout(filters)
        self.proxy = PicklistsFilterModel(self.picklists.model, self)
        self.table = PicklistsView(self.proxy)
        left_layout.addWidget(self.table, 1)
        below_table = QHBoxLayout()
        self.count_label = QLabel()
        below_table.addWidget(self.count_label, 1)
        # What the pink rows mean, in words: the colour alone tells a new packer nothing.
        self.urgent_legend = QLabel()
        self.urgent_legend.setObjectName("urgentLegend")
        below_table.addWidget(self.urgent_legend)
        left_layout.addLayout(below_table)
        splitter.addWidget(left)

        # Middle: the open picklist.
        detail = QWidget()
        detail.setObjectName("detailPanel")
        d = QVBoxLayout(detail)
        header = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("picklistTitle")
        self.urgent_badge = QLabel()
        self.urgent_badge.setObjectName("urgentBadge")
        # The title takes the row (it wraps only when it must); the badge stays at the top of the row.
        header.addWidget(self.title, 1)
        header.addWidget(self.urgent_badge, 0, Qt.AlignmentFlag.AlignTop)
        d.addLayout(header)
        self.existing_banner = QLabel()
        self.existing_banner.setObjectName("banner")
        self.existing_banner.setWordWrap(True)
        d.addWidget(self.existing_banner)
        existing_row = QVBoxLayout()  # stacked: side by side they would widen the detail panel past its view
        self.reprint_button = QPushButton()
        self.reprint_button.setObjectName("reprintButton")
        self.new_shipment_button = QPushButton()
        self.new_shipment_button.setObjectName("newShipmentButton")
        self.take_over_button = QPushButton()
        self.take_over_button.setObjectName("takeOverButton")
        for button in (self.reprint_button, self.new_shipment_button, self.take_over_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys work from the scan field
            existing_row.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        d.addLayout(existing_row)

        self.recipient_box = QGroupBox()
        form = QFormLayout(self.recipient_box)
        self.address: dict[str, QLineEdit] = {name: QLineEdit() for name in _ADDRESS_FIELDS}
        for name, field in self.address.items():
            field.setObjectName(f"address_{name}")
        self.address["cc"].setMaxLength(2)
        self.address["number"].setMaximumWidth(90)
        self.address["number_suffix"].setMaximumWidth(70)
        self.address["box_number"].setMaximumWidth(70)
        self.address["postal_code"].setMaximumWidth(110)
        self._address_labels: dict[str, QLabel] = {}
        for name in ("person", "company", "street"):
            self._address_labels[name] = QLabel()
            form.addRow(self._address_labels[name], self.address[name])
        number_row = QHBoxLayout()
        self._number_parts: dict[str, QLabel] = {}
        for name in ("number", "number_suffix", "box_number"):
            if name != "number":
                self._number_parts[name] = QLabel()
                number_row.addWidget(self._number_parts[name])
            number_row.addWidget(self.address[name])
        number_row.addStretch(1)
        self._address_labels["number"] = QLabel()
        form.addRow(self._address_labels["number"], number_row)
        city_row = QHBoxLayout()
        city_row.addWidget(self.address["postal_code"])
        city_row.addWidget(self.address["city"], 1)
        city_row.addWidget(self.address["cc"])
        self.address["cc"].setMaximumWidth(50)
        self._address_labels["postal_code"] = QLabel()
        form.addRow(self._address_labels["postal_code"], city_row)
        self.original_line = QLabel()
        self.original_line.setObjectName("originalAddress")
        self.original_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.original_line)
        self.ambiguous_banner = QLabel()
        self.ambiguous_banner.setObjectName("banner")
        self.ambiguous_banner.setWordWrap(True)
        form.addRow(self.ambiguous_banner)
        # A line that reads two ways ("Wijk 1 20"): one button (and Alt+1 / Alt+2) per reading fills the fields.
        readings_row = QVBoxLayout()  # one under the other: a Dutch reading is as wide as the pane at 1280 px
        self.reading_buttons: list[QPushButton] = []
        for index in range(2):
            button = QPushButton()
            button.setObjectName(f"reading{index + 1}")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys work from the scan field
            button.clicked.connect(lambda _checked=False, i=index: self.choose_reading(i))
            self.reading_buttons.append(button)
            readings_row.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        form.addRow(readings_row)
        self.address_confirmed = QCheckBox()
        self.address_confirmed.setObjectName("addressConfirmed")
        form.addRow(self.address_confirmed)
        d.addWidget(self.recipient_box)

        self.info_box = QGroupBox()
        info = QFormLayout(self.info_box)
        self.products = QLabel()
        self.products.setWordWrap(True)
        self.remarks = QLabel()
        self.remarks.setWordWrap(True)
        self.delivery_date = QLabel()
        self.pickup_point = QLabel()
        self.pickup_point.setWordWrap(True)
        self._info_labels = {key: QLabel() for key in ("products", "remarks", "delivery_date", "pickup_point")}
        info.addRow(self._info_labels["products"], self.products)
        info.addRow(self._info_labels["remarks"], self.remarks)
        info.addRow(self._info_labels["delivery_date"], self.delivery_date)
        info.addRow(self._info_labels["pickup_point"], self.pickup_point)
        d.addWidget(self.info_box)

        self.ship_box = QGroupBox()
        ship_form = QFormLayout(self.ship_box)
        self.weight = QLineEdit()
        self.weight.setObjectName("weightField")
        self.weight.setValidator(QIntValidator(1, 100_000, self.weight))
        self.weight.setMaximumWidth(120)
        self.parcels = PaneSpinBox()
        self.parcels.setObjectName("parcelsField")
        self.parcels.setRange(1, 20)
        self.parcels.setMaximumWidth(80)
        self.profile_combo = PaneComboBox()
        self.profile_combo.setObjectName("profileCombo")
        self.options_form = OptionsForm(self.messages)
        self._ship_labels = {key: QLabel() for key in ("weight", "parcels", "profile", "options")}
        ship_form.addRow(self._ship_labels["weight"], self.weight)
        ship_form.addRow(self._ship_labels["parcels"], self.parcels)
        ship_form.addRow(self._ship_labels["profile"], self.profile_combo)
        ship_form.addRow(self._ship_labels["options"], self.options_form)
        d.addWidget(self.ship_box)
        self.problems = QLabel()
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.warnings = QLabel()
        self.warnings.setObjectName("warnings")
        self.warnings.setWordWrap(True)
        d.addWidget(self.problems)
        d.addWidget(self.warnings)
        d.addStretch(1)
        scroll = self.detail_scroll = DetailScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(detail)
        splitter.addWidget(scroll)

        # Right: the action, the steps and the label.
        right = QWidget()
        r = QVBoxLayout(right)
        r.setContentsMargins(0, 0, 0, 0)
        self.ship_button = QPushButton()
        self.ship_button.setObjectName("shipButton")
        self.ship_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # F12 ships; focus stays on the scan field
        r.addWidget(self.ship_button)
        self.steps = StepsView(self.messages)
        r.addWidget(self.steps)
        self.preview = LabelPreview(self.messages)
        r.addWidget(self.preview, 1)
        splitter.addWidget(right)
        splitter.setSizes([620, 560, 420])
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 2)

        self.setCentralWidget(central)
        # Measured in the style sheet's font, which a widget has once it is in the window.
        self.search_field.ensurePolished()
        self.address["city"].ensurePolished()
        # The combo boxes give way before the search box does (it shrank to "Zo…" in Dutch at 1280 px).
        self.search_field.setMinimumWidth(self.search_field.fontMetrics().horizontalAdvance("Zoek klant, nummer") + 24)
        # Wide enough for a usual city whole ("Amsterdam" showed as "msterdam" in a narrow pane).
        self.address["city"].setMinimumWidth(self.address["city"].fontMetrics().horizontalAdvance("Amsterdam") + 20)
        # Two lines high always, a longer message shortened (whole in its tooltip): the window never jumps.
        self.status_label = StatusMessage()
        self.status_label.setObjectName("statusText")
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addWidget(self.status_label, 1)
        self.settings_button = QPushButton()
        self.settings_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.settings_button.setVisible(self._open_settings is not None)
        top.addWidget(self.settings_button)
        self.queue_dock: QDockWidget | None = None
        self.queue_panel: PrintQueuePanel | None = None
        self.printer_poller: PrinterStatusPoller | None = None
        self.printer_status: PrinterStatusBar | None = None
        if self.print_queues is not None:
            self.queue_panel = PrintQueuePanel(self.print_queues, self.messages)
            self.queue_panel.said.connect(self._say)
            self.queue_dock = QDockWidget()
            self.queue_dock.setObjectName("printQueueDock")
            self.queue_dock.setWidget(self.queue_panel)
            self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.queue_dock)
            self.queue_dock.hide()
            self.printer_poller, self.printer_status = make_printer_status(self.print_queues, self.messages, self)
            self.print_queues.subscribe(self._print_job_changed)
            self.statusBar().addPermanentWidget(self.printer_status)
        self.print_folder_label = QLabel()
        self.print_folder_label.setObjectName("printFolder")
        self.print_folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.print_folder_label.setVisible(self.print_folder is not None)
        self.statusBar().addPermanentWidget(self.print_folder_label)
        self.statusBar().setSizeGripEnabled(False)
        # Shown maximized; without a window manager at this size, which must fit the smallest bench screen.
        available = self.screen().availableGeometry().size()
        self.resize(min(1500, available.width()), min(900, available.height()))
        self.setTabOrder(self.scan_field, self.search_field)

    def _connect(self) -> None:
        s = self.shipping
        s.picklist_opening.connect(self._picklist_opening)
        s.picklist_opened.connect(self._picklist_opened)
        s.step_changed.connect(self._step_changed)
        s.label_fetched.connect(self.preview.show_pdf)
        s.label_prepared.connect(self.preview.show_prepared)
        s.shipment_done.connect(self._shipment_done)
        s.failed.connect(self._failed)
        s.scan_refused.connect(self._scan_refused)
        s.next_queued.connect(self._next_queued)
        s.busy_changed.connect(self._busy_changed)
        p = self.picklists
        p.loaded.connect(self._update_count)
        p.progressed.connect(lambda n: self.count_label.setText(self.messages.t("list.loading", count=n)))
        p.failed.connect(lambda text: self._say(text, "error") if not self.shipping.busy else None)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)

        self.scan_field.returnPressed.connect(self._typed_number)
        self.search_field.textChanged.connect(self.proxy.set_search)
        self.search_field.returnPressed.connect(self._open_search_result)
        # Down from the search box goes into the results (then Up/Down choose, Enter opens).
        into_results = QShortcut(QKeySequence(Qt.Key.Key_Down), self.search_field)
        into_results.setContext(Qt.ShortcutContext.WidgetShortcut)
        into_results.activated.connect(self._into_search_results)
        self.status_filter.currentIndexChanged.connect(self._status_filter_changed)
        self.warehouse_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_warehouse(self.warehouse_filter.currentData())
        )
        self.table.open_requested.connect(self._open_from_list)
        self.table.focus_left.connect(self._highlight_open_picklist)
        self.language_button.clicked.connect(self._toggle_language)
        self.refresh_button.clicked.connect(self.picklists.refresh)
        self.ship_button.clicked.connect(self.ship)
        self.reprint_button.clicked.connect(self.reprint)
        self.new_shipment_button.clicked.connect(self.new_shipment)
        self.take_over_button.clicked.connect(self.take_over)
        self.settings_button.clicked.connect(self.open_settings)
        s.unfinished_found.connect(self._offer_unfinished)
        for field in self.address.values():
            field.textEdited.connect(self._address_changed)
        self.address_confirmed.toggled.connect(self._update_draft)
        self.weight.textChanged.connect(self._update_draft)
        self.parcels.valueChanged.connect(self._update_draft)
        self.profile_combo.currentIndexChanged.connect(self._profile_changed)
        self.options_form.changed.connect(self._update_draft)
        self.messages.language_changed.connect(self._retranslate)

        shortcuts = {
            "F12": self.ship,
            "Ctrl+Return": self.ship,
            "Ctrl+Enter": self.ship,
            "F5": self.picklists.refresh,
            "Ctrl+R": self.reprint,
            "Ctrl+F": lambda: self.search_field.setFocus(),
            "Escape": self._escape,
            "Ctrl+L": self._toggle_language,
            "Ctrl+Shift+N": self.new_shipment,
            "Ctrl+Shift+T": self.take_over,
            "F9": self.toggle_print_queue,
            "Ctrl+,": self.open_settings,
            # Below the fold at 1280x720 and some 16 Tabs from the scan field: one key each.
            "Alt+P": self.focus_profile,
            "Alt+O": self.focus_options,
        }
        self._shortcuts = []
        for keys, slot in shortcuts.items():
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
            self._shortcuts.append(shortcut)
        # The check box's own key follows the language (Alt+C, Dutch Alt+K). A packer who learned the English
        # key keeps it in Dutch; in English this extra one is off, or it would clash with the box's own Alt+C.
        self.reading_keys: list[QShortcut] = []
        for index in range(len(self.reading_buttons)):
            key = QShortcut(QKeySequence(f"Alt+{index + 1}"), self)
            key.setContext(Qt.ShortcutContext.WindowShortcut)
            key.activated.connect(lambda i=index: self.choose_reading(i))
            self.reading_keys.append(key)
        self.confirm_address_english_key = QShortcut(QKeySequence("Alt+C"), self)
        self.confirm_address_english_key.setContext(Qt.ShortcutContext.WindowShortcut)
        self.confirm_address_english_key.activated.connect(self._confirm_address_by_key)
        self._add_wait_controls()

    # --- text ----------------------------------------------------------------------------------------

    def _retranslate(self, *_args: object) -> None:
        m = self.messages
        self.setWindowTitle(m.t("app.title_station", station=self.station) if self.station else m.t("app.title"))
        self.scan_field.setPlaceholderText(m.t("scan.placeholder"))
        self.search_field.setPlaceholderText(m.t("search.placeholder"))
        self.language_button.setText(m.t("action.language"))
        self.refresh_button.setText(m.t("action.refresh"))
        self.settings_button.setText(m.t("action.settings_key"))
        self.reprint_button.setText(m.t("action.reprint"))
        self.new_shipment_button.setText(m.t("action.new_shipment"))
        self.take_over_button.setText(m.t("action.take_over"))
        if self.queue_dock is not None:
            self.queue_dock.setWindowTitle(m.t("queue.title"))
        if self.print_folder is not None:
            # A long path must not widen the window past a small bench screen: shortened in the middle, whole in
            # the tooltip.
            full = m.t("app.print_folder", folder=str(self.print_folder))
            metrics = self.print_folder_label.fontMetrics()
            self.print_folder_label.setText(metrics.elidedText(full, Qt.TextElideMode.ElideMiddle, PRINT_FOLDER_WIDTH))
            self.print_folder_label.setToolTip(full)
        self._fill_filters()
        self.recipient_box.setTitle(m.t("detail.recipient"))
        for name, label in self._address_labels.items():
            label.setText(m.t(_ADDRESS_KEYS[name]))
        self._number_parts["number_suffix"].setText(m.t("detail.suffix"))
        self._number_parts["box_number"].setText(m.t("detail.box"))
        self.address_confirmed.setText(m.t("detail.address_confirmed"))
        self.confirm_address_english_key.setEnabled(m.language.value != "en")
        self.info_box.setTitle(m.t("detail.products"))
        self._info_labels["products"].setText(m.t("detail.products"))
        self._info_labels["remarks"].setText(m.t("detail.remarks"))
        self._info_labels["delivery_date"].setText(m.t("detail.delivery_date"))
        self._info_labels["pickup_point"].setText(m.t("detail.pickup_point"))
        self.ship_box.setTitle(m.t("detail.profile"))
        self._ship_labels["weight"].setText(m.t("detail.weight"))
        self._ship_labels["parcels"].setText(m.t("detail.parcels"))
        self._ship_labels["profile"].setText(m.t("detail.profile_key"))
        self._ship_labels["options"].setText(m.t("detail.options_key"))
        self.profile_combo.setToolTip(m.t("detail.profile_tip"))
        self.options_form.setToolTip(m.t("detail.options_tip"))
        if self.profile_combo.count():
            self.profile_combo.setItemText(0, m.t("detail.choose_profile"))
        self._show_split_reason()
        self._show_readings()
        self.options_form.retranslate()
        self._show_opened(self._opened, keep_inputs=True)
        self._update_ship_button()
        self._update_count()
        self.urgent_legend.setText(m.t("list.urgent_legend"))
        self.urgent_legend.setToolTip(m.t("list.urgent_legend_tip"))

    def _fill_filters(self) -> None:
        m = self.messages
        status_index = max(self.status_filter.currentIndex(), 0)
        self.status_filter.blockSignals(True)
        self.status_filter.clear()
        self.status_filter.addItem(m.t("filter.all_statuses"), None)
        for status in (PicklistStatus.NEW, PicklistStatus.PAUSED, PicklistStatus.SNOOZED, PicklistStatus.CLOSED):
            self.status_filter.addItem(m.picklist_status(status).capitalize(), status)
        wanted = self.picklists.status
        self.status_filter.setCurrentIndex(
            self.status_filter.findData(wanted) if status_index == 0 and wanted is not None else status_index
        )
        self.status_filter.blockSignals(False)
        warehouse = self.warehouse_filter.currentData()
        self.warehouse_filter.blockSignals(True)
        self.warehouse_filter.clear()
        self.warehouse_filter.addItem(m.t("filter.all_warehouses"), None)
        ids = sorted({p.warehouse_id for p in self.picklists.model.picklists() if p.warehouse_id is not None})
        for warehouse_id in ids:
            self.warehouse_filter.addItem(m.t("filter.warehouse_n", id=warehouse_id), warehouse_id)
        self.warehouse_filter.setCurrentIndex(max(self.warehouse_filter.findData(warehouse), 0))
        self.warehouse_filter.blockSignals(False)

    def _say(self, text: str, tone: str = "") -> None:
        """Tell the packer what happened, in the status bar."""
        if self._carry is not None:
            carried, carried_tone = self._carry
            text = f"{carried} {text}"
            tone = carried_tone if carried_tone == "error" else tone
        self.status_label.set_message(text)
        bar = self.statusBar()
        bar.setProperty("tone", tone)
        bar.style().unpolish(bar)
        bar.style().polish(bar)

    @property
    def status_text(self) -> str:
        """The whole message (the status bar may show it shortened, with the rest in its tooltip)."""
        return self.status_label.full_text

    # --- scanning ------------------------------------------------------------------------------------

    def focus_scan_field(self) -> None:
        self.scan_field.setFocus()
        self.scan_field.selectAll()

    def _scan_reported(self, report: ScanReport) -> None:
        # The scanner typed into whatever field had focus (over a selection too): put that field back as it was.
        field = report.field
        if field is not None and field is not self.scan_field and field.text() != report.field_text:
            field.setText(report.field_text)
            field.setCursorPosition(report.field_cursor)
            field.setModified(report.field_modified)  # a scan is not the packer checking the address
            if field.parent() is self.parcels:
                self.parcels.interpretText()  # the spin box takes its text back too
            self._update_draft()
        self.scan_field.clear()
        if report.truncated:
            self._say(self.messages.t("status.scan_cut", length=report.length), "error")
            return
        self.handle_scan(report.text)

    def handle_scan(self, text: str) -> None:
        """Open a scanned picklist number, or say exactly what was received when it is not one."""
        if AIM_IDENTIFIER.match(text) and PLAUSIBLE_NUMBER.match(text[3:]):
            text = text[3:]
        twice = TWO_NUMBERS.match(text)
        if twice is not None:
            first, second = (number.upper() for number in twice.groups())
            self._say(self.messages.t("status.scan_twice", first=first, second=second), "error")
            return
        if guess_layout_mistake(text) is not None or not PLAUSIBLE_NUMBER.match(text):
            self._say(self.messages.garbled_scan(text), "error")
            return
        self._open(text.upper() if PICKLIST_NUMBER.fullmatch(text) else text)

    def _open_search_result(self) -> None:
        """Enter in the search box opens the highlighted picklist, else the first one found."""
        picklist = self.table.selected_picklist() or self.proxy.picklist_at(0)
        if picklist is None:
            self._say(self.messages.t("search.nothing_found"), "error")
            return
        self._open(picklist.number)

    def _into_search_results(self) -> None:
        if self.table.selected_picklist() is None and self.proxy.rowCount():
            first = self.proxy.picklist_at(0)
            if first is not None:
                self.table.select_number(first.number)
        self.table.setFocus()

    def _typed_number(self) -> None:
        text = self.scan_field.text().strip()
        self.scan_field.clear()
        if text:
            self.handle_scan(text)

    def _open(self, number: str) -> None:
        self.shipping.open_picklist(number)
        self.focus_scan_field()

    def _open_from_list(self, number: str) -> None:
        """Open the row the packer clicked (or pressed Enter on); the second click of a double click is a no-op."""
        opened = self._opened.picklist.number if self._opened is not None else None
        if number in (self.shipping.opening, opened) and not self.shipping.busy:
            self._highlight_open_picklist()
            self.focus_scan_field()
            return
        self._open(number)

    def _picklist_opening(self, number: str) -> None:
        self._say(self.messages.t("status.opening", number=number))
        self._highlight_open_picklist()
        self._update_ship_button()  # F12 waits until the pane shows this picklist

    def _next_queued(self, number: str) -> None:
        job = self.shipping.job
        running = job.picklist.number if job is not None else ""
        self._say(self.messages.t("status.next_queued", next=number, number=running))
        self._highlight_open_picklist()  # the list keeps showing the picklist being shipped

    def _scan_refused(self, text: str) -> None:
        self._say(text, "error")
        self._highlight_open_picklist()

    def _highlight_open_picklist(self) -> None:
        """Put the list's highlight on the picklist the pane shows (or is opening): one picklist, one meaning."""
        shown = self.shipping.job.picklist.number if self.shipping.busy and self.shipping.job is not None else None
        number = shown or self.shipping.opening or (self._opened.picklist.number if self._opened else None)
        if number is None or not self.table.select_number(number):
            self.table.selectionModel().clear()

    def _highlight_differs(self) -> bool:
        """Say so and return True when the list highlights another picklist than the open one (F12 would ship
        the open one while the packer looks at the highlight)."""
        m = self.messages
        if self.shipping.opening is not None:
            self._say(m.t("status.still_opening", number=self.shipping.opening), "error")
            return True
        highlighted = self.table.selected_picklist()
        opened = self._opened
        if highlighted is None or (opened is not None and highlighted.number == opened.picklist.number):
            return False
        if opened is None:
            self._say(m.t("status.highlight_press_enter", highlighted=highlighted.number), "error")
        else:
            self._say(
                m.t("status.highlight_not_open", highlighted=highlighted.number, number=opened.picklist.number),
                "error",
            )
        return True

    # --- the open picklist ---------------------------------------------------------------------------

    def _picklist_opened(self, opened: OpenedPicklist) -> None:
        self._told_invalid = False
        self.steps.reset()
        self.preview.clear()
        self._show_opened(opened)
        m = self.messages
        status = opened.picklist.status
        unfinished = self.shipping.unfinished
        if opened.existing and unfinished is not None:
            remaining = m.remaining(unfinished.remaining())
            self._say(m.t("status.unfinished_offer", number=opened.picklist.number, remaining=remaining), "error")
        elif opened.existing:
            barcodes = ", ".join(s.barcode for s in opened.existing if s.barcode)
            self._say(m.t("error.already_shipped", number=opened.picklist.number, barcodes=barcodes), "error")
        elif not status.packable:
            self._say_not_packable(opened)  # say it now, not only after F12
        elif self.profile_combo.currentData() is None:
            self._say(m.t("status.opened_choose", number=opened.picklist.number))
        else:
            self._say(m.t("status.opened", number=opened.picklist.number))
        self._carry = None
        if not self.table.select_number(opened.picklist.number):
            self.table.selectionModel().clear()  # not in the list (another status): highlight nothing else
        self.focus_scan_field()

    def _show_opened(self, opened: OpenedPicklist | None, keep_inputs: bool = False) -> None:
        m = self.messages
        new = opened is not self._opened or not keep_inputs
        self._opened = opened
        has = opened is not None
        for box in (self.recipient_box, self.info_box, self.ship_box):
            box.setVisible(has)
        self.urgent_badge.setVisible(has and opened.picklist.urgent)
        self.urgent_badge.setText(m.t("detail.urgent"))
        self.take_over_button.setVisible(bool(self.shipping.claimed_by) and not self.shipping.busy)
        shipped = opened is not None and bool(opened.existing)
        self.reprint_button.setVisible(shipped)
        self.new_shipment_button.setVisible(shipped)
        # The Dutch "scan to start" sentence wraps rather than widen the pane at 1280 px; a number stays whole.
        self.title.setWordWrap(opened is None)
        if opened is None:
            self.title.setText(m.t("detail.empty"))
            self.existing_banner.hide()
            self.problems.clear()
            self.warnings.clear()
            self._draft = None
            self._update_ship_button()
            return
        picklist, order = opened.picklist, opened.order
        self.title.setText(picklist.number + (f"  ·  {order.number}" if order else ""))
        barcodes = ", ".join(s.barcode for s in opened.existing if s.barcode)
        self.existing_banner.setVisible(bool(opened.existing))
        unfinished = self.shipping.unfinished
        if unfinished is not None:
            remaining = m.remaining(unfinished.remaining())
            self.existing_banner.setText(m.t("detail.unfinished", barcodes=barcodes or "–", remaining=remaining))
        else:
            self.existing_banner.setText(m.t("detail.existing", barcodes=barcodes or "–"))
        lines = picklist.lines
        self.products.setText(
            "\n".join(m.t("detail.line", amount=ln.amount, name=ln.name, code=ln.product_code) for ln in lines)
            or str(picklist.product_count)
        )
        self.remarks.setText((order.customer_remarks if order else "") or m.t("detail.no_remarks"))
        date = picklist.preferred_delivery_date or (order.preferred_delivery_date if order else None)
        self.delivery_date.setText(date.strftime("%d-%m-%Y") if date else m.t("detail.none"))
        pickup = order.pickup_point if order else None
        self.pickup_point.setText(
            f"{pickup.name}, {pickup.street} {pickup.number}, {pickup.postal_code} {pickup.city}"
            if pickup
            else m.t("detail.none")
        )
        line = " ".join(p for p in (picklist.delivery.address_line, picklist.delivery.address_line2) if p)
        self.original_line.setText(m.t("detail.original_address", line=line))
        if new:
            self._fill_inputs(opened)
            # Start at the top: the number, the urgent badge and an "already shipped" banner are up there.
            self.detail_scroll.verticalScrollBar().setValue(0)
        self._update_draft()

    def _fill_inputs(self, opened: OpenedPicklist) -> None:
        for field in self.address.values():
            field.setModified(False)
        self.address_confirmed.blockSignals(True)
        self.address_confirmed.setChecked(False)
        self.address_confirmed.blockSignals(False)
        profiles = self.shipping.profiles()
        self.profile_combo.blockSignals(True)
        self.profile_combo.clear()
        self.profile_combo.addItem(self.messages.t("detail.choose_profile"), None)
        for profile in profiles:
            self.profile_combo.addItem(profile.name, profile)
        # Preselect only what Picqer names for this picklist; never guess a profile for the packer.
        suggested = opened.suggested_profile
        index = next((i + 1 for i, p in enumerate(profiles) if p == suggested), 0) if suggested else 0
        self.profile_combo.setCurrentIndex(index)
        self.profile_combo.blockSignals(False)
        self.options_form.set_profile(suggested)
        self.weight.blockSignals(True)
        self.weight.setText(str(opened.picklist.weight_grams) if opened.picklist.weight_grams else "")
        self.weight.blockSignals(False)
        self.parcels.blockSignals(True)
        self.parcels.setValue(1)
        self.parcels.blockSignals(False)
        # The address as the domain splits it (any profile maps the recipient the same way).
        sample = opened.draft(suggested or profiles[0], {}) if profiles else None
        if sample is not None:
            # An emptied weight field books this weight (the picklist's, else the products'): say which.
            grams = sample.request.weight_grams
            self.weight.setPlaceholderText(self.messages.t("detail.weight_default", grams=grams) if grams else "")
            recipient = sample.request.recipient
            for name, field in self.address.items():
                field.setText(getattr(recipient, name))
                field.setCursorPosition(0)  # a text longer than its field shows its start, not its end
            split = sample.split
            doubtful = split.ambiguous or not split.ok
            for name in ("street", "number", "number_suffix", "box_number"):
                self.address[name].setProperty("ambiguous", doubtful)
                self.address[name].style().unpolish(self.address[name])
                self.address[name].style().polish(self.address[name])
            self.ambiguous_banner.setVisible(doubtful)
            self._split_reason = split.reason
            self._show_split_reason()
            self._readings = split.alternatives
            for button in self.reading_buttons:
                button.setChecked(False)
            self._show_readings()
            self.address_confirmed.setVisible(doubtful)

    def _say_not_packable(self, opened: OpenedPicklist) -> None:
        """Say that a paused, cancelled or closed picklist (without a MyParcel shipment) is not to be packed."""
        not_packable = PicklistNotPackable(opened.picklist.number, opened.picklist.status.value)
        self._say(self.messages.error(not_packable, During.OPEN), "error")

    def _ship_box_usable(self) -> bool:
        """True when a picklist is open and its profile and options can be changed (not while shipping)."""
        if self._opened is None:
            self._say(self.messages.t("status.nothing_open"), "error")
            return False
        return self.ship_box.isEnabled()

    def focus_profile(self) -> None:
        """Alt+P: into the shipping profile (arrow keys choose), scrolled into view with the options under it."""
        if not self._ship_box_usable():
            return
        self.detail_scroll.ensureWidgetVisible(self.ship_box, 0, 0)  # as much of the box (options too) as fits
        self.detail_scroll.ensureWidgetVisible(self.profile_combo, 50, 50)
        self.profile_combo.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_options(self) -> None:
        """Alt+O: into the first option the packer can change; without a profile, into the profile first."""
        if not self._ship_box_usable():
            return
        editor = self.options_form.first_editor()
        if editor is None:
            if self.profile_combo.currentData() is None:
                self._say(self.messages.t("status.no_profile"), "error")
            self.focus_profile()
            return
        self.detail_scroll.ensureWidgetVisible(self.options_form, 50, 50)  # the whole form, from its top
        self.detail_scroll.ensureWidgetVisible(editor, 50, 50)
        editor.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _confirm_address_by_key(self) -> None:
        if self.address_confirmed.isVisible() and self.address_confirmed.isEnabled():
            self.address_confirmed.setChecked(not self.address_confirmed.isChecked())

    def choose_reading(self, index: int) -> None:
        """Fill the address fields with one reading of a two-way line: the packer's choice counts as checking it."""
        if index >= len(self._readings) or self._opened is None:
            return
        reading = self._readings[index]
        for name in ("street", "number", "number_suffix", "box_number"):
            self.address[name].setText(getattr(reading, name))
            self.address[name].setModified(True)  # typed in by the packer, in effect: the draft books these fields
        for i, button in enumerate(self.reading_buttons):
            button.setChecked(i == index)
        self._update_draft()

    def _show_readings(self) -> None:
        m = self.messages
        for index, button in enumerate(self.reading_buttons):
            shown = index < len(self._readings)
            button.setVisible(shown)
            if shown:
                reading = self._readings[index]
                rest = m.t("detail.reading_suffix", suffix=reading.number_suffix) if reading.number_suffix else ""
                if reading.box_number:
                    rest += m.t("detail.reading_box", box=reading.box_number)
                button.setText(
                    m.t("detail.reading", n=index + 1, street=reading.street, number=reading.number, rest=rest)
                )

    def _show_split_reason(self) -> None:
        reason = self.messages.split_reason(self._split_reason)
        self.ambiguous_banner.setText(self.messages.t("detail.split_ambiguous", reason=reason))

    @property
    def _address_edited(self) -> bool:
        """True once the packer typed in an address field: their correction counts as checking the address."""
        return any(field.isModified() for field in self.address.values())

    def _address_changed(self, _text: str) -> None:
        self._update_draft()

    def _profile_changed(self, _index: int) -> None:
        profile = self.profile_combo.currentData()
        self.options_form.set_profile(profile if isinstance(profile, ShippingProfile) else None)
        self._update_draft()

    def _entered_address(self) -> Address:
        values = {name: field.text().strip() for name, field in self.address.items()}
        values["cc"] = values["cc"].upper()
        return Address(**values)

    def current_draft(self) -> Draft | None:
        """Build the shipment from what is on screen now (None when no profile is chosen)."""
        opened = self._opened
        profile = self.profile_combo.currentData()
        if opened is None or not isinstance(profile, ShippingProfile):
            return None
        confirmed = self._address_edited or self.address_confirmed.isChecked()
        weight = int(self.weight.text()) if self.weight.text().isdigit() else None
        return self.shipping.draft(
            profile,
            self.options_form.values(),
            weight_grams=weight,
            parcels=self.parcels.value(),
            address=self._entered_address() if confirmed else None,
        )

    def _update_draft(self, *_args: object) -> None:
        if self._opened is None:
            return
        m = self.messages
        draft = self.current_draft()
        self._draft = draft
        if draft is None:
            self.problems.setText(m.t("status.no_profile"))
            self.warnings.clear()
            self.options_form.mark_problems([])
            self.options_form.show_required([])
        else:
            self.problems.setText("\n".join("• " + m.violation(v) for v in draft.violations))
            self.warnings.setText("\n".join("• " + m.violation(v) for v in draft.warnings))
            self.options_form.mark_problems(draft.violations)
            self.options_form.show_required(draft.warnings)
            if self._told_invalid and not draft.violations:
                self._told_invalid = False
                self._say(m.t("status.fixed", number=self._opened.picklist.number))
        self._update_ship_button()

    # --- shipping ------------------------------------------------------------------------------------

    def ship(self) -> None:
        """Ship and print the open picklist (F12, Ctrl+Enter); after a failure, retry from the failed step."""
        if self.shipping.busy or self._highlight_differs():
            return
        if self.shipping.can_retry:
            self.shipping.retry()
            return
        if self._opened is not None and self._opened.existing and self.shipping.unfinished is not None:
            self.shipping.finish_unfinished()  # e.g. Picqer was not updated: do that now, book nothing new
            return
        if self._opened is None:
            self._say(self.messages.t("status.nothing_open"), "error")
            return
        if not self._opened.picklist.status.packable and not self._opened.existing:
            self._say_not_packable(self._opened)
            return
        draft = self.current_draft()
        if draft is None:
            self._say(self.messages.t("status.no_profile"), "error")
            self.profile_combo.setFocus()
            return
        if draft.violations:
            self._say(self.messages.t("error.invalid", violations=self.messages.violations(draft.violations)), "error")
            self._told_invalid = True
            return
        self.shipping.ship(draft)

    def reprint(self) -> None:
        """Print the label of an already shipped picklist again (Ctrl+R), or of the shipment just done."""
        opened = self._opened
        if self.shipping.busy or self._highlight_differs():
            return
        if opened is None:
            if self.shipping.last_shipped is not None:
                number = self.shipping.last_shipped.picklist.number
                self._say(self.messages.t("status.reprinting", number=number))
                self.shipping.reprint_last()
            else:
                self._say(self.messages.t("status.nothing_open"), "error")
            return
        if not opened.existing:
            self._say(self.messages.t("status.reprint_not_shipped", number=opened.picklist.number), "error")
            return
        # The label exists already; any profile gives the label format, the booked shipment is not changed.
        draft = self.current_draft()
        profiles = self.shipping.profiles()
        if draft is None and profiles:
            draft = self.shipping.draft(opened.suggested_profile or profiles[0], {})
        if draft is not None:
            self.shipping.reprint(draft)

    def _update_ship_button(self) -> None:
        m = self.messages
        retry = self.shipping.can_retry
        step = self.shipping.failed_step
        opened = self._opened
        # The button names the picklist F12 ships, so it can be checked against the label in the packer's hand.
        job = self.shipping.job
        unfinished = self.shipping.unfinished if opened is not None and opened.existing else None
        if retry and step and job is not None:
            self.ship_button.setText(m.t("action.retry_number", number=job.picklist.number))
        elif unfinished is not None and opened is not None:
            only_picqer = bool(unfinished.label_path) and "printed" in unfinished.steps  # printed: Picqer is left
            key = "action.finish_write_back" if only_picqer else "action.finish"
            self.ship_button.setText(m.t(key, number=opened.picklist.number))
        elif opened is not None:
            self.ship_button.setText(m.t("action.ship_number", number=opened.picklist.number))
        else:
            self.ship_button.setText(m.t("action.ship"))
        self.ship_button.setProperty("retry", retry)
        self.ship_button.style().unpolish(self.ship_button)
        self.ship_button.style().polish(self.ship_button)
        packable = opened is not None and not opened.existing and opened.picklist.status.packable
        ready = self._draft is not None and not self._draft.violations and packable
        opening = self.shipping.opening is not None
        self.ship_button.setEnabled(not self.shipping.busy and not opening and (retry or ready or bool(unfinished)))

    def _step_changed(self, step: str, state: str, detail: str) -> None:
        self.steps.set_state(step, StepState(state), detail)
        if state == StepState.RUNNING.value and self.shipping.job is not None:
            text = self.messages.t(
                "status.shipping", number=self.shipping.job.picklist.number, step=self.messages.step(step)
            )
            if self.shipping.next_number:
                text += " " + self.messages.t("status.is_next", next=self.shipping.next_number)
            self._say(text)

    def _shipment_done(self, job: ShipmentJob) -> None:
        barcodes = ", ".join(job.barcodes)
        waiting = job.receipt.waiting if job.receipt is not None else ()
        if waiting and job.receipt is not None:
            # Held for paper (or a closed head): the queue prints it by itself; the packer goes on meanwhile.
            self._held_print = (job.receipt.printer, job.receipt.job_id, job.picklist.number)
        next_number = self.shipping.next_number  # scanned meanwhile: it opens right after this
        # Where the label came out: an A4 label goes to the document printer, not the label printer.
        printer = self.messages.printer(job.receipt.printer) if job.receipt is not None else ""
        if job.reprint:
            # Nothing was booked: say so, and keep the picklist open for another reprint or a new shipment.
            if waiting and job.receipt is not None:
                held = self.messages.print_waiting(job.receipt.printer, waiting)
                self._say(self.messages.t("status.reprint_waiting", number=job.picklist.number, waiting=held), "error")
            else:
                self._say(
                    self.messages.t("status.reprinted", number=job.picklist.number, barcodes=barcodes, printer=printer),
                    "ok",
                )
            if next_number:
                self._carry = (self.status_text, str(self.statusBar().property("tone") or ""))
            self.focus_scan_field()
            return
        if waiting and job.receipt is not None:
            held = self.messages.print_waiting(job.receipt.printer, waiting)
            self._say(
                self.messages.t(
                    "status.shipped_print_waiting", number=job.picklist.number, barcodes=barcodes, waiting=held
                ),
                "error",
            )
        elif job.print_label and job.receipt is None:  # finished later: printed by an earlier attempt
            self._say(self.messages.t("status.shipped_finished", number=job.picklist.number, barcodes=barcodes), "ok")
        elif next_number and job.print_label:
            text = self.messages.t(
                "status.shipped_next", number=job.picklist.number, barcodes=barcodes, printer=printer
            )
            self._say(text, "ok")
        else:
            key = "status.shipped" if job.print_label else "status.shipped_not_printed"
            if job.registered_in_picqer:  # a Picqer shipment, not only a comment: webshop and customer hear of it
                key = "status.shipped_registered" if job.print_label else "status.shipped_registered_not_printed"
            self._say(self.messages.t(key, number=job.picklist.number, barcodes=barcodes, printer=printer), "ok")
        self.picklists.shipped(job.picklist.number)
        # Its row left the list and the highlight slid onto the next one, which is not what the pane shows.
        self.table.selectionModel().clear()
        self._opened = None
        self._draft = None
        self.reprint_button.setVisible(job.print_label)  # Ctrl+R prints the label just made again
        self._update_ship_button()
        if next_number:
            self._carry = (self.status_text, str(self.statusBar().property("tone") or ""))
        self.focus_scan_field()

    def _add_wait_controls(self) -> None:
        """The countdown of a retry wait in the status bar, with the button (and Esc) that stops waiting."""
        self.stop_wait_button = QPushButton()
        self.stop_wait_button.setObjectName("stopWaitButton")
        self.stop_wait_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # focus stays on the scan field
        self.stop_wait_button.hide()
        self.stop_wait_button.clicked.connect(self.shipping.stop_waiting)
        self.statusBar().addWidget(self.stop_wait_button)
        self.shipping.waiting.connect(self._show_wait)

    def _show_wait(self, text: str) -> None:
        """Show what the shipment waits for (counted down), or, once it tries again, the step it is at."""
        self.stop_wait_button.setText(self.messages.t("action.stop_waiting"))
        self.stop_wait_button.setVisible(bool(text))
        job = self.shipping.job
        if text:
            self._say(text)
        elif self.shipping.busy and job is not None:
            step = self.messages.step(job.step.value)
            self._say(self.messages.t("status.shipping", number=job.picklist.number, step=step))

    def _escape(self) -> None:
        """Esc stops a retry wait of the running shipment; otherwise it goes back to the scan field."""
        if self.shipping.is_waiting:
            self.shipping.stop_waiting()
        else:
            self.focus_scan_field()

    def _print_job_changed(self, job: PrintJobInfo) -> None:
        """Tell the packer when the label that waited for paper has printed, while the screen still shows it."""
        if job.state == "printed" and self.shipping.held:
            self.shipping.label_printed(str(job.id), job.name, job.printer)  # the journal: that shipment is done
        if job.state == "cancelled" and job.moved_to is None and self.shipping.label_cancelled(str(job.id)):
            if self._held_print is not None and self._held_print[1] == str(job.id):
                self._held_print = None
            text = self.messages.t("status.held_label_cancelled", number=job.name)
            QTimer.singleShot(0, lambda: self._say(text, "error"))  # after the queue panel's own "cancelled."
            return
        held = self._held_print
        if held is None or str(job.id) != held[1] or job.state != "printed":
            return
        self._held_print = None
        if self.steps.state("print") is StepState.QUEUED and self._opened is None and not self.shipping.busy:
            self.steps.set_state("print", StepState.DONE)
            self._say(self.messages.t("status.held_label_printed", number=held[2]), "ok")

    def _failed(self, text: str) -> None:
        self._highlight_open_picklist()  # a picklist that did not open leaves the highlight on the open one
        if self.shipping.next_number and self.shipping.can_retry:
            text += " " + self.messages.t("status.next_after_failure", next=self.shipping.next_number)
        holder = self.shipping.claimed_by
        if holder and self.shipping.job is not None:
            text = (
                text
                + " "
                + self.messages.t("status.take_over_hint", number=self.shipping.job.picklist.number, holder=holder)
            )
        self._say(text, "error")
        self._carry = None
        self.take_over_button.setVisible(bool(holder))
        self._update_ship_button()

    # --- explicit, confirmed exceptions to the normal flow -------------------------------------------

    def confirm(self, title: str, text: str) -> bool:
        """Ask Yes/No. No is the default and N answers no, so a stray Enter or a scan never confirms; yes takes
        Tab then Space (a deliberate act: the questions asked here can book a second label)."""
        m = self.messages
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        yes = box.addButton(m.t("confirm.yes"), QMessageBox.ButtonRole.YesRole)
        no = box.addButton(m.t("confirm.no"), QMessageBox.ButtonRole.NoRole)
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        self._confirm_box = box
        box.exec()
        self._confirm_box = None
        return box.clickedButton() is yes

    def take_over(self) -> None:
        """Take over a picklist another station claimed, after the admin confirms (Ctrl+Shift+T)."""
        holder = self.shipping.claimed_by
        job = self.shipping.job
        if not holder or job is None or self.shipping.busy:
            return
        m = self.messages
        if self.confirm(m.t("take_over.title"), m.t("take_over.text", number=job.picklist.number, holder=holder)):
            self.take_over_button.hide()
            self.shipping.take_over()
        self.focus_scan_field()

    def new_shipment(self) -> None:
        """Book a second shipment for an already shipped picklist, after confirming (Ctrl+Shift+N)."""
        opened = self._opened
        if opened is None or not opened.existing or self.shipping.busy or self._highlight_differs():
            return
        m = self.messages
        draft = self.current_draft()
        if draft is None:
            self._say(m.t("status.no_profile"), "error")
            self.profile_combo.setFocus()
            return
        if draft.violations:
            self._say(m.t("error.invalid", violations=m.violations(draft.violations)), "error")
            self._told_invalid = True
            return
        barcodes = ", ".join(s.barcode for s in opened.existing if s.barcode) or "–"
        text = m.t("new_shipment.text", number=opened.picklist.number, barcodes=barcodes)
        if self.confirm(m.t("new_shipment.title"), text):
            self._say(m.t("status.new_shipment", number=opened.picklist.number))
            self.shipping.ship_new(draft)
        self.focus_scan_field()

    def toggle_print_queue(self) -> None:
        """Show or hide the print queue (F9); shown, the job list has the focus for F6/F7/F8/Del."""
        if self.queue_dock is None or self.queue_panel is None:
            return
        if self.queue_dock.isVisible():
            self.queue_dock.hide()
            self.focus_scan_field()
        else:
            self.queue_dock.show()
            self.queue_panel.focus_newest()

    def open_settings(self) -> None:
        if self._open_settings is not None:
            self._open_settings()

    def _offer_unfinished(self, entries: list[JournalEntry]) -> None:
        if self.shipping.busy or (self.unfinished_dialog is not None and self.unfinished_dialog.isVisible()):
            return
        dialog = UnfinishedDialog(entries, self.messages, self)
        dialog.chosen.connect(self.shipping.resume)
        dialog.finished.connect(lambda _r: self.focus_scan_field())
        self.unfinished_dialog = dialog
        dialog.open()

    def _start_background(self) -> None:
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return  # shown without the asyncio loop running (some tests): nothing to poll or resume
        self.shipping.check_unfinished()
        if self.printer_poller is not None:
            self.printer_poller.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._started:
            return
        self._started = True
        # Once the loop runs: the journal's unfinished shipments, printer status, a bad settings file.
        QTimer.singleShot(0, self._start_background)
        if self._settings_problems:
            QTimer.singleShot(
                0,
                lambda: show_settings_problems(self, self.messages, self._settings_problems, self._settings_backup),
            )
        if self._journal_problem:
            QTimer.singleShot(0, self._show_journal_problem)

    def _show_journal_problem(self) -> None:
        """Say once, without blocking, that the journal was replaced: nothing is lost, the admin should know."""
        box = QMessageBox(self)
        box.setObjectName("journalProblem")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.messages.t("journal.problem_title"))
        box.setText(self.messages.t("journal.problem", detail=self._journal_problem))
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _busy_changed(self, busy: bool) -> None:
        for box in (self.recipient_box, self.ship_box):
            box.setEnabled(not busy)
        for button in (self.reprint_button, self.new_shipment_button, self.take_over_button):
            button.setEnabled(not busy)
        self._update_ship_button()

    # --- list ----------------------------------------------------------------------------------------

    def _status_filter_changed(self, _index: int) -> None:
        status = self.status_filter.currentData()
        self.proxy.set_status(status)
        self.picklists.set_status(status)

    def _update_count(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.picklists.model.rowCount()
        self.count_label.setText(self.messages.t("list.count", shown=shown, total=total))
        if self.warehouse_filter.count() <= 1 and total:
            self._fill_filters()

    def _toggle_language(self) -> None:
        nxt = "en" if self.messages.language.value == "nl" else "nl"
        self.messages.set_language(nxt)
        self._say(self.messages.t("status.language"))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.scan_detector.uninstall()
        self.picklists.stop()
        if self.printer_poller is not None:
            self.printer_poller.stop()
        super().closeEvent(event)
