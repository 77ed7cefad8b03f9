"""The packer's window: composes the panes (ui/panes/), wires them to the controllers, and holds the shortcuts."""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QMainWindow, QSplitter, QVBoxLayout, QWidget

from packstation.domain.errors import Violation
from packstation.domain.journal_entry import JournalEntry
from packstation.services.ports import PrintJobInfo, PrintQueues
from packstation.services.shipping import OpenedPicklist, ShipmentJob
from packstation.settings import Settings
from packstation.ui.controllers.picklists_controller import PicklistsController
from packstation.ui.controllers.shipping_controller import ShippingController
from packstation.ui.messages import Messages
from packstation.ui.packing_wiring import DemoScale, PackingController, PackingWiring
from packstation.ui.panes.queue_pane import QueuePane
from packstation.ui.panes.scan_bar import ScanBar
from packstation.ui.panes.ship_panel import ShipPanel
from packstation.ui.panes.shipment_form import ShipmentForm
from packstation.ui.panes.status_line import StatusLine
from packstation.ui.ship_actions import ShipActions
from packstation.ui.state import StepState
from packstation.ui.style import STYLE
from packstation.ui.views.confirm import ask_yes_no
from packstation.ui.views.print_queue_panel import PrintQueueDock, PrintQueuePanel
from packstation.ui.views.settings_dialog import show_settings_problems
from packstation.ui.views.unfinished_dialog import UnfinishedDialog, show_journal_problem
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
        packing: PackingController | None = None,
        demo_scale: DemoScale | None = None,
    ) -> None:
        super().__init__(parent)
        self.station = station  # shown in the title bar: which bench this is ("demo" on the demo servers)
        self.shipping, self.picklists, self.settings, self.print_queues = shipping, picklists, settings, print_queues
        self._open_settings = open_settings
        self.open_settings: Callable[[], object] = open_settings or (lambda: None)  # Ctrl+, and the button
        self._started = False
        # Said once the window shows, without blocking: a settings file with problems, a replaced journal.
        self._notices = (tuple(settings_problems), settings_backup, journal_problem)
        self.unfinished_dialog: UnfinishedDialog | None = None
        if profile_names:
            picklists.set_profile_names(profile_names)
        self.messages: Messages = shipping.messages
        self.setObjectName("mainWindow")
        self.setStyleSheet(STYLE)
        self._build(print_folder)
        self.ship_actions = a = ShipActions(  # binds the ship panel's buttons too
            shipping, self.form, self.queue, self.ship_panel, self.status_line.say, self._confirm, self.scan_bar.focus
        )
        self.ship, self.reprint, self.new_shipment, self.take_over = a.ship, a.reprint, a.new_shipment, a.take_over
        self.handle_scan, self.current_draft = self.scan_bar.handle_scan, self.form.current_draft
        self._connect()
        self._add_shortcuts()
        self.packing_wiring = PackingWiring(self, packing, demo_scale) if packing is not None else None
        self.scan_detector = ScanDetector.for_scanner(settings.scanner, self)
        self.scan_detector.scan_reported.connect(self._scan_reported)
        self.scan_detector.install()
        self._retranslate()
        self._show_opened(None)
        self._say(self.messages.t("status.ready"))
        # The packer's screen fills the monitor; show() after this opens it maximized.
        self.setWindowState(Qt.WindowState.WindowMaximized)

    def _build(self, print_folder: Path | None) -> None:
        m = self.messages
        central = QWidget()
        root = QVBoxLayout(central)
        self.scan_bar = ScanBar(m, with_settings=self._open_settings is not None)
        root.addWidget(self.scan_bar)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        root.addWidget(splitter, 1)
        picklists = self.picklists  # not self in the lambda: the pane would keep the window alive in a cycle
        self.queue = QueuePane(picklists.model, m, lambda: picklists.status)
        self.form = ShipmentForm(m, self.shipping.draft, self.shipping.profiles)
        self.ship_panel = ShipPanel(m)
        for pane in (self.queue, self.form, self.ship_panel):
            splitter.addWidget(pane)
        splitter.setSizes([620, 560, 420])
        for index, stretch in enumerate((3, 3, 2)):
            splitter.setStretchFactor(index, stretch)
        self.setCentralWidget(central)
        self.queue.fit_to_font()
        self.form.fit_to_font()
        self.queue_dock: PrintQueueDock | None = None
        self.queue_panel: PrintQueuePanel | None = None
        if self.print_queues is not None:
            self.queue_dock = PrintQueueDock(self.print_queues, m)
            self.queue_panel = self.queue_dock.panel
            self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.queue_dock)
            self.print_queues.subscribe(self._print_job_changed)
        self.status_line = StatusLine(self.statusBar(), m, print_queues=self.print_queues, print_folder=print_folder)
        # Shown maximized; without a window manager at this size, which must fit the smallest bench screen.
        available = self.screen().availableGeometry().size()
        self.resize(min(1500, available.width()), min(900, available.height()))
        self.setTabOrder(self.scan_bar.scan_field, self.queue.search_field)

    def _connect(self) -> None:
        s, p, queue, form, bar = self.shipping, self.picklists, self.queue, self.form, self.scan_bar
        s.picklist_opening.connect(self._picklist_opening)
        s.picklist_opened.connect(self._picklist_opened)
        s.step_changed.connect(self._step_changed)
        s.label_fetched.connect(self.ship_panel.preview.show_pdf)
        s.label_prepared.connect(self.ship_panel.preview.show_prepared)
        s.shipment_done.connect(self._shipment_done)
        s.documents_problem.connect(self.status_line.add_problem)
        s.failed.connect(self._failed)
        s.scan_refused.connect(self._scan_refused)
        s.next_queued.connect(self._next_queued)
        s.busy_changed.connect(self._busy_changed)
        s.state_changed.connect(self.ship_panel.show_state)
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
        bar.open_requested.connect(self._open)
        bar.said.connect(self._say)
        bar.language_button.clicked.connect(self._toggle_language)
        bar.refresh_button.clicked.connect(p.refresh)
        bar.settings_button.clicked.connect(self.open_settings)
        self.form.reprint_button.clicked.connect(self.reprint)
        self.form.new_shipment_button.clicked.connect(self.new_shipment)
        self.form.take_over_button.clicked.connect(self.take_over)
        self.status_line.stop_wait_button.clicked.connect(s.stop_waiting)
        if self.queue_panel is not None:
            self.queue_panel.said.connect(self._say)
        self.messages.language_changed.connect(self._retranslate)

    def _add_shortcuts(self) -> None:
        shortcuts = {
            "F12": self.ship,
            "Ctrl+Return": self.ship,
            "Ctrl+Enter": self.ship,
            "Shift+F12": self.ship_actions.ship_with_return,  # F12 with a related return, whatever the profile says
            "F5": self.picklists.refresh,
            "Ctrl+R": self.reprint,
            "Ctrl+F": lambda: self.queue.search_field.setFocus(),
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
        self._show_opened(self.form.opened, keep_inputs=True)
        self.queue.retranslate()

    def _say(self, text: str, tone: str = "") -> None:
        """Tell the packer what happened, in the status bar."""
        self.status_line.say(text, tone)

    @property
    def status_text(self) -> str:
        """The whole message (the status bar may show it shortened, with the rest in its tooltip)."""
        return self.status_line.text

    def _update_ship_button(self, *_args: object) -> None:
        self.shipping.publish(self.form.opened, self.form.draft)

    def _show_opened(self, opened: OpenedPicklist | None, keep_inputs: bool = False) -> None:
        self.form.take_over_button.setVisible(bool(self.shipping.claimed_by) and not self.shipping.busy)
        self.form.show_opened(opened, self.shipping.unfinished, keep_inputs)

    def focus_scan_field(self) -> None:
        self.scan_bar.focus()

    def _scan_reported(self, report: ScanReport) -> None:
        # The scanner typed into whatever field had focus (over a selection too): put that field back as it was.
        if report.restore_field(unless=self.scan_bar.scan_field):
            self.form.update_draft()
        self.scan_bar.scan_field.clear()
        if report.truncated:
            self._say(self.messages.t("status.scan_cut", length=report.length), "error")
            return
        self.handle_scan(report.text)

    def _open(self, number: str) -> None:
        self.shipping.open_picklist(number)
        self.focus_scan_field()

    def _open_from_list(self, number: str) -> None:
        """Open the row the packer clicked (or pressed Enter on); the second click of a double click is a no-op."""
        opened = self.form.opened.picklist.number if self.form.opened is not None else None
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
        self.queue.highlight(
            shown or self.shipping.opening or (self.form.opened.picklist.number if self.form.opened else None)
        )

    def _picklist_opened(self, opened: OpenedPicklist) -> None:
        self.form.told_invalid = False
        self.ship_panel.steps.reset()
        self.ship_panel.preview.clear()
        self._show_opened(opened)
        self._say(*self.shipping.opened_words(opened, self.form.profile_combo.currentData() is not None))
        self.status_line.carry = None
        self.queue.highlight(opened.picklist.number)  # not in the list (another status): highlight nothing else
        self.focus_scan_field()

    def _step_changed(self, step: str, state: str, detail: str) -> None:
        self.ship_panel.steps.set_state(step, StepState(state), detail)
        if state == StepState.RUNNING.value and self.shipping.job is not None:
            self._say(self.shipping.running_words(step))

    def _shipment_done(self, job: ShipmentJob) -> None:
        self._say(*self.shipping.done_words(job))
        if not job.reprint:  # a reprint keeps the picklist open for another reprint or a new shipment
            self.picklists.shipped(job.picklist.number)
            # Its row left the list and the highlight slid onto the next one, which is not what the pane shows.
            self.queue.table.selectionModel().clear()
            self.form.opened = self.form.draft = None
            self.form.reprint_button.setVisible(job.print_label)  # Ctrl+R prints the label just made again
            self._update_ship_button()
        if self.shipping.next_number:  # scanned meanwhile: it opens right after this
            self.status_line.keep_for_next()
        self.focus_scan_field()

    def _show_wait(self, text: str) -> None:
        """Show what the shipment waits for (counted down), or, once it tries again, the step it is at."""
        self.status_line.show_wait(text)
        job = self.shipping.job
        if text or (self.shipping.busy and job is not None):
            self._say(text or self.shipping.running_words(job.step.value if job else "", with_next=False))

    def _escape(self) -> None:
        """Esc stops a retry wait of the running shipment; otherwise it goes back to the scan field."""
        if self.shipping.is_waiting:
            self.shipping.stop_waiting()
        else:
            self.focus_scan_field()

    def _print_job_changed(self, job: PrintJobInfo) -> None:
        """Tell the packer when the label that waited for paper has printed, while the screen still shows it."""
        news = self.shipping.print_job_changed(job, pane_empty=self.form.opened is None)
        if news is not None:
            text, tone, later = news
            if later:  # after the queue panel's own "cancelled."
                QTimer.singleShot(0, lambda: self._say(text, tone))
            else:
                self._say(text, tone)

    def _failed(self, text: str) -> None:
        self._highlight_open_picklist()  # a picklist that did not open leaves the highlight on the open one
        self._say(self.shipping.failure_words(text), "error")
        self.status_line.carry = None
        self.form.take_over_button.setVisible(bool(self.shipping.claimed_by))
        self._update_ship_button()

    def _busy_changed(self, busy: bool) -> None:
        self.form.set_busy(busy)
        self._update_ship_button()

    @property
    def _confirm(self) -> Callable[[str, str], bool]:
        # Late-bound (a test may put its own answer in place of the dialog) and through a weak reference: the
        # actions must not keep the window alive in a cycle, or the collector may free it on another thread.
        window = weakref.ref(self)
        return lambda title, text: bool((w := window()) is not None and w.confirm(title, text))

    def confirm(self, title: str, text: str) -> bool:
        """Ask Yes/No, No the default (views/confirm.py); the open box is `_confirm_box` meanwhile."""
        return ask_yes_no(self, self.messages, title, text, lambda box: setattr(self, "_confirm_box", box))

    def toggle_print_queue(self) -> None:
        """Show or hide the print queue (F9); shown, the job list has the focus for F6/F7/F8/Del."""
        if self.queue_dock is not None and not self.queue_dock.toggle():
            self.focus_scan_field()

    def _toggle_language(self) -> None:
        self.messages.set_language("en" if self.messages.language.value == "nl" else "nl")
        self._say(self.messages.t("status.language"))

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
        if self.status_line.printer_poller is not None:
            self.status_line.printer_poller.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._started:
            return
        self._started = True
        # Once the loop runs: the journal's unfinished shipments, printer status, a bad settings file.
        QTimer.singleShot(0, self._start_background)
        problems, backup, journal = self._notices
        if problems:
            QTimer.singleShot(0, lambda: show_settings_problems(self, self.messages, problems, backup))
        if journal:
            QTimer.singleShot(0, lambda: show_journal_problem(self, self.messages, journal))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.scan_detector.uninstall()
        self.picklists.stop()
        if self.status_line.printer_poller is not None:
            self.status_line.printer_poller.stop()
        super().closeEvent(event)

    async def aclose(self) -> None:
        """Cancel and wait for the controllers' background work (on exit, before the connections close)."""
        await self.shipping.close()
        if self.packing_wiring is not None:
            await self.packing_wiring.packing.close()
        await self.picklists.close()
