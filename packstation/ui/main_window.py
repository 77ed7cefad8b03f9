"""The packer's window: composes the panes (ui/panes/), wires them to the controllers, and holds the shortcuts."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMessageBox, QSplitter, QVBoxLayout, QWidget

from packstation.domain.errors import PicklistNotPackable, Violation
from packstation.domain.journal_entry import JournalEntry
from packstation.domain.mapping import Draft
from packstation.domain.profiles import ShippingProfile
from packstation.domain.scans import ScanKind, parse_scan
from packstation.domain.shipments import Address
from packstation.services.ports import PrintJobInfo, PrintQueues
from packstation.services.shipping import OpenedPicklist, ShipmentJob
from packstation.settings import Settings
from packstation.ui.controllers.picklists_controller import PicklistsController
from packstation.ui.controllers.shipping_controller import ShippingController
from packstation.ui.messages import During, Messages
from packstation.ui.panes.queue_pane import QueuePane
from packstation.ui.panes.scan_bar import ScanBar
from packstation.ui.panes.ship_panel import ShipPanel
from packstation.ui.panes.shipment_form import ShipmentForm
from packstation.ui.panes.status_line import StatusLine
from packstation.ui.state import StepState
from packstation.ui.style import STYLE
from packstation.ui.views.print_queue_panel import PrinterStatusPoller, PrintQueuePanel, make_printer_status
from packstation.ui.views.settings_dialog import show_settings_problems
from packstation.ui.views.unfinished_dialog import UnfinishedDialog
from packstation.ui.widgets.scan_detector import ScanDetector, ScanReport


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
        self.shipping, self.picklists, self.settings, self.print_queues = shipping, picklists, settings, print_queues
        self._open_settings = open_settings
        self._settings_problems = tuple(settings_problems)
        self._journal_problem = journal_problem
        self._settings_backup = settings_backup
        self._started = False
        self.unfinished_dialog: UnfinishedDialog | None = None
        if profile_names:
            picklists.set_profile_names(profile_names)
        self.messages: Messages = shipping.messages
        # (printer, queue job id, picklist number) of a shipped label held in the print queue (paper out)
        self._held_print: tuple[str, str, str] | None = None
        self.setObjectName("mainWindow")
        self.setStyleSheet(STYLE)
        self._build(print_folder)
        self._connect()
        self._add_shortcuts()
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

    def _build(self, print_folder: Path | None) -> None:
        m = self.messages
        central = QWidget()
        root = QVBoxLayout(central)
        self.scan_bar = ScanBar(m, with_settings=self._open_settings is not None)
        root.addWidget(self.scan_bar)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        root.addWidget(splitter, 1)
        self.queue = QueuePane(self.picklists.model, m, lambda: self.picklists.status)
        self.form = ShipmentForm(m, self._make_draft, self.shipping.profiles)
        self.ship_panel = ShipPanel(m)
        for pane in (self.queue, self.form, self.ship_panel):
            splitter.addWidget(pane)
        splitter.setSizes([620, 560, 420])
        for index, stretch in enumerate((3, 3, 2)):
            splitter.setStretchFactor(index, stretch)
        self.setCentralWidget(central)
        self.queue.fit_to_font()
        self.form.fit_to_font()
        self.queue_dock: QDockWidget | None = None
        self.queue_panel: PrintQueuePanel | None = None
        self.printer_poller: PrinterStatusPoller | None = None
        self.printer_status = None
        if self.print_queues is not None:
            self.queue_panel = PrintQueuePanel(self.print_queues, m)
            self.queue_dock = QDockWidget()
            self.queue_dock.setObjectName("printQueueDock")
            self.queue_dock.setWidget(self.queue_panel)
            self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.queue_dock)
            self.queue_dock.hide()
            self.printer_poller, self.printer_status = make_printer_status(self.print_queues, m, self)
            self.print_queues.subscribe(self._print_job_changed)
        self.status_line = StatusLine(
            self.statusBar(), m, printer_status=self.printer_status, print_folder=print_folder
        )
        # Shown maximized; without a window manager at this size, which must fit the smallest bench screen.
        available = self.screen().availableGeometry().size()
        self.resize(min(1500, available.width()), min(900, available.height()))
        self.setTabOrder(self.scan_bar.scan_field, self.queue.search_field)
        self._alias_pane_widgets()

    def _alias_pane_widgets(self) -> None:
        """The panes' widgets under the names the window (and its tests) have always used."""
        bar, queue, form, panel, line = self.scan_bar, self.queue, self.form, self.ship_panel, self.status_line
        self.scan_field, self.search_field, self.table, self.proxy = (
            bar.scan_field,
            queue.search_field,
            queue.table,
            queue.proxy,
        )
        self.urgent_legend, self.detail_scroll, self.title = queue.urgent_legend, form, form.title
        self.address, self.address_confirmed, self.reading_buttons = (
            form.address,
            form.address_confirmed,
            form.reading_buttons,
        )
        self.weight, self.parcels, self.profile_combo, self.options_form = (
            form.weight,
            form.parcels,
            form.profile_combo,
            form.options_form,
        )
        self.problems, self.existing_banner, self.ambiguous_banner = (
            form.problems,
            form.existing_banner,
            form.ambiguous_banner,
        )
        self.reprint_button, self.new_shipment_button = form.reprint_button, form.new_shipment_button
        self.take_over_button, self._ship_labels = form.take_over_button, form._ship_labels
        self.ship_button, self.steps, self.preview = panel.ship_button, panel.steps, panel.preview
        self.status_label, self.stop_wait_button, self.print_folder_label = (
            line.status_label,
            line.stop_wait_button,
            line.print_folder_label,
        )

    def _connect(self) -> None:
        s, p, queue, form, bar = self.shipping, self.picklists, self.queue, self.form, self.scan_bar
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
        s.state_changed.connect(self.ship_panel.render)
        s.unfinished_found.connect(self._offer_unfinished)
        s.waiting.connect(self._show_wait)
        p.loaded.connect(queue.update_count)
        p.progressed.connect(queue.show_loading)
        p.failed.connect(lambda text: self._say(text, "error") if not self.shipping.busy else None)
        queue.open_requested.connect(self._open)
        queue.status_chosen.connect(p.set_status)
        queue.said.connect(self._say)
        queue.table.open_requested.connect(self._open_from_list)
        queue.table.focus_left.connect(self._highlight_open_picklist)
        form.draft_changed.connect(self._update_ship_button)
        form.said.connect(self._say)
        bar.scan_field.returnPressed.connect(self._typed_number)
        bar.language_button.clicked.connect(self._toggle_language)
        bar.refresh_button.clicked.connect(p.refresh)
        bar.settings_button.clicked.connect(self.open_settings)
        self.ship_button.clicked.connect(self.ship)
        self.reprint_button.clicked.connect(self.reprint)
        self.new_shipment_button.clicked.connect(self.new_shipment)
        self.take_over_button.clicked.connect(self.take_over)
        self.stop_wait_button.clicked.connect(s.stop_waiting)
        if self.queue_panel is not None:
            self.queue_panel.said.connect(self._say)
        self.messages.language_changed.connect(self._retranslate)

    def _add_shortcuts(self) -> None:
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
            "Alt+P": self.form.focus_profile,
            "Alt+O": self.form.focus_options,
            # A line that reads two ways: Alt+1 / Alt+2 choose a reading.
            "Alt+1": lambda: self.form.choose_reading(0),
            "Alt+2": lambda: self.form.choose_reading(1),
        }
        self._shortcuts = [self._shortcut(keys, slot) for keys, slot in shortcuts.items()]
        self.reading_keys = self._shortcuts[-2:]
        # The check box's own key follows the language (Alt+C, Dutch Alt+K). A packer who learned the English
        # key keeps it in Dutch; in English this extra one is off, or it would clash with the box's own Alt+C.
        self.confirm_address_english_key = self._shortcut("Alt+C", self.form.confirm_address_by_key)

    def _shortcut(self, keys: str, slot: Callable[[], object]) -> QShortcut:
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(slot)
        return shortcut

    def _retranslate(self, *_args: object) -> None:
        m = self.messages
        self.setWindowTitle(m.t("app.title_station", station=self.station) if self.station else m.t("app.title"))
        self.scan_bar.retranslate()
        if self.queue_dock is not None:
            self.queue_dock.setWindowTitle(m.t("queue.title"))
        self.status_line.retranslate()
        self.confirm_address_english_key.setEnabled(m.language.value != "en")
        self.form.retranslate()
        self._show_opened(self._opened, keep_inputs=True)
        self.queue.retranslate()

    # --- the status bar ------------------------------------------------------------------------------

    def _say(self, text: str, tone: str = "") -> None:
        """Tell the packer what happened, in the status bar."""
        self.status_line.say(text, tone)

    @property
    def status_text(self) -> str:
        """The whole message (the status bar may show it shortened, with the rest in its tooltip)."""
        return self.status_line.text

    @property
    def _opened(self) -> OpenedPicklist | None:
        return self.form.opened

    @_opened.setter
    def _opened(self, opened: OpenedPicklist | None) -> None:
        self.form.opened = opened

    @property
    def _draft(self) -> Draft | None:
        return self.form.draft

    def current_draft(self) -> Draft | None:
        """Build the shipment from what is on screen now (None when no profile is chosen)."""
        return self.form.current_draft()

    def _make_draft(
        self,
        profile: ShippingProfile,
        option_values: Mapping[str, str],
        weight_grams: int | None,
        parcels: int,
        address: Address | None,
    ) -> Draft | None:
        return self.shipping.draft(profile, option_values, weight_grams=weight_grams, parcels=parcels, address=address)

    def _update_ship_button(self, *_args: object) -> None:
        self.shipping.publish(self._opened, self._draft)

    def _show_opened(self, opened: OpenedPicklist | None, keep_inputs: bool = False) -> None:
        self.take_over_button.setVisible(bool(self.shipping.claimed_by) and not self.shipping.busy)
        self.form.show_opened(opened, self.shipping.unfinished, keep_inputs)

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
            self.form.update_draft()
        self.scan_field.clear()
        if report.truncated:
            self._say(self.messages.t("status.scan_cut", length=report.length), "error")
            return
        self.handle_scan(report.text)

    def handle_scan(self, text: str) -> None:
        """Open a scanned picklist number, or say exactly what was received when it is not one."""
        scan = parse_scan(text)
        if scan.kind is ScanKind.TWO_NUMBERS:
            self._say(self.messages.t("status.scan_twice", first=scan.number, second=scan.second), "error")
        elif scan.kind in (ScanKind.LAYOUT_MISTAKE, ScanKind.GARBAGE):
            self._say(self.messages.garbled_scan(scan.received), "error")
        else:  # a product code is looked up too: Picqer says whether it is a picklist, the words what it looks like
            self._open(scan.number)

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
        self.queue.highlight(shown or self.shipping.opening or (self._opened.picklist.number if self._opened else None))

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

    # --- what the controller reports -----------------------------------------------------------------

    def _picklist_opened(self, opened: OpenedPicklist) -> None:
        self.form.told_invalid = False
        self.steps.reset()
        self.preview.clear()
        self._show_opened(opened)
        m = self.messages
        unfinished = self.shipping.unfinished
        number = opened.picklist.number
        if opened.existing and unfinished is not None:
            remaining = m.remaining(unfinished.remaining())
            self._say(m.t("status.unfinished_offer", number=number, remaining=remaining), "error")
        elif opened.existing:
            barcodes = ", ".join(s.barcode for s in opened.existing if s.barcode)
            self._say(m.t("error.already_shipped", number=number, barcodes=barcodes), "error")
        elif not opened.picklist.status.packable:
            self._say_not_packable(opened)  # say it now, not only after F12
        else:
            key = "status.opened_choose" if self.profile_combo.currentData() is None else "status.opened"
            self._say(m.t(key, number=number))
        self.status_line.carry = None
        self.queue.highlight(number)  # not in the list (another status): highlight nothing else
        self.focus_scan_field()

    def _say_not_packable(self, opened: OpenedPicklist) -> None:
        """Say that a paused, cancelled or closed picklist (without a MyParcel shipment) is not to be packed."""
        not_packable = PicklistNotPackable(opened.picklist.number, opened.picklist.status.value)
        self._say(self.messages.error(not_packable, During.OPEN), "error")

    def _step_changed(self, step: str, state: str, detail: str) -> None:
        self.steps.set_state(step, StepState(state), detail)
        job = self.shipping.job
        if state == StepState.RUNNING.value and job is not None:
            text = self.messages.t("status.shipping", number=job.picklist.number, step=self.messages.step(step))
            if self.shipping.next_number:
                text += " " + self.messages.t("status.is_next", next=self.shipping.next_number)
            self._say(text)

    def _shipment_done(self, job: ShipmentJob) -> None:
        receipt = job.receipt
        if receipt is not None and receipt.waiting:
            # Held for paper (or a closed head): the queue prints it by itself; the packer goes on meanwhile.
            self._held_print = (receipt.printer, receipt.job_id, job.picklist.number)
        self._say(*self.shipping.done_words(job))
        if not job.reprint:  # a reprint keeps the picklist open for another reprint or a new shipment
            self.picklists.shipped(job.picklist.number)
            # Its row left the list and the highlight slid onto the next one, which is not what the pane shows.
            self.table.selectionModel().clear()
            self.form.opened = self.form.draft = None
            self.reprint_button.setVisible(job.print_label)  # Ctrl+R prints the label just made again
            self._update_ship_button()
        if self.shipping.next_number:  # scanned meanwhile: it opens right after this
            self.status_line.keep_for_next()
        self.focus_scan_field()

    def _show_wait(self, text: str) -> None:
        """Show what the shipment waits for (counted down), or, once it tries again, the step it is at."""
        self.status_line.show_wait(text)
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
        job_id = str(job.id)
        if job.state == "printed" and self.shipping.held:
            self.shipping.label_printed(job_id, job.name, job.printer)  # the journal: that shipment is done
        if job.state == "cancelled" and job.moved_to is None and self.shipping.label_cancelled(job_id):
            if self._held_print is not None and self._held_print[1] == job_id:
                self._held_print = None
            text = self.messages.t("status.held_label_cancelled", number=job.name)
            QTimer.singleShot(0, lambda: self._say(text, "error"))  # after the queue panel's own "cancelled."
            return
        held = self._held_print
        if held is None or job_id != held[1] or job.state != "printed":
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
            number = self.shipping.job.picklist.number
            text += " " + self.messages.t("status.take_over_hint", number=number, holder=holder)
        self._say(text, "error")
        self.status_line.carry = None
        self.take_over_button.setVisible(bool(holder))
        self._update_ship_button()

    def _busy_changed(self, busy: bool) -> None:
        self.form.set_busy(busy)
        self._update_ship_button()

    # --- the packer's actions ------------------------------------------------------------------------

    def _draft_to_ship(self) -> Draft | None:
        """The draft, or None after saying why it cannot be sent (no profile, or what blocks it)."""
        m = self.messages
        draft = self.current_draft()
        if draft is None:
            self._say(m.t("status.no_profile"), "error")
            self.profile_combo.setFocus()
            return None
        if draft.violations:
            self._say(m.t("error.invalid", violations=m.violations(draft.violations)), "error")
            self.form.told_invalid = True
            return None
        return draft

    def ship(self) -> None:
        """Ship and print the open picklist (F12, Ctrl+Enter); after a failure, retry from the failed step."""
        opened = self._opened
        if self.shipping.busy or self._highlight_differs():
            return
        if self.shipping.can_retry:
            self.shipping.retry()
        elif opened is not None and opened.existing and self.shipping.unfinished is not None:
            self.shipping.finish_unfinished()  # e.g. Picqer was not updated: do that now, book nothing new
        elif opened is None:
            self._say(self.messages.t("status.nothing_open"), "error")
        elif not opened.picklist.status.packable and not opened.existing:
            self._say_not_packable(opened)
        elif (draft := self._draft_to_ship()) is not None:
            self.shipping.ship(draft)

    def reprint(self) -> None:
        """Print the label of an already shipped picklist again (Ctrl+R), or of the shipment just done."""
        opened, last = self._opened, self.shipping.last_shipped
        if self.shipping.busy or self._highlight_differs():
            return
        if opened is None and last is not None:
            self._say(self.messages.t("status.reprinting", number=last.picklist.number))
            self.shipping.reprint_last()
        elif opened is None:
            self._say(self.messages.t("status.nothing_open"), "error")
        elif not opened.existing:
            self._say(self.messages.t("status.reprint_not_shipped", number=opened.picklist.number), "error")
        else:
            # The label exists already; any profile gives the label format, the booked shipment is not changed.
            draft, profiles = self.current_draft(), self.shipping.profiles()
            if draft is None and profiles:
                draft = self.shipping.draft(opened.suggested_profile or profiles[0], {})
            if draft is not None:
                self.shipping.reprint(draft)

    def confirm(self, title: str, text: str) -> bool:
        """Ask Yes/No. No is the default and N answers no, so a stray Enter or a scan never confirms; yes takes
        Tab then Space (a deliberate act: the questions asked here can book a second label)."""
        m = self.messages
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        yes = box.addButton(m.t("confirm.yes"), QMessageBox.ButtonRole.YesRole)
        no = box.addButton(m.t("confirm.no"), QMessageBox.ButtonRole.NoRole)
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        self._confirm_box: QMessageBox | None = box
        box.exec()
        self._confirm_box = None
        return box.clickedButton() is yes

    def take_over(self) -> None:
        """Take over a picklist another station claimed, after the admin confirms (Ctrl+Shift+T)."""
        holder, job = self.shipping.claimed_by, self.shipping.job
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
        draft = self._draft_to_ship()
        if draft is None:
            return
        m = self.messages
        barcodes = ", ".join(s.barcode for s in opened.existing if s.barcode) or "–"
        if self.confirm(
            m.t("new_shipment.title"), m.t("new_shipment.text", number=opened.picklist.number, barcodes=barcodes)
        ):
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

    def _toggle_language(self) -> None:
        self.messages.set_language("en" if self.messages.language.value == "nl" else "nl")
        self._say(self.messages.t("status.language"))

    # --- start and end -------------------------------------------------------------------------------

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
            problems, backup = self._settings_problems, self._settings_backup
            QTimer.singleShot(0, lambda: show_settings_problems(self, self.messages, problems, backup))
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

    def closeEvent(self, event: QCloseEvent) -> None:
        self.scan_detector.uninstall()
        self.picklists.stop()
        if self.printer_poller is not None:
            self.printer_poller.stop()
        super().closeEvent(event)

    async def aclose(self) -> None:
        """Cancel and wait for the controllers' background work (on exit, before the connections close)."""
        await self.shipping.close()
        await self.picklists.close()
