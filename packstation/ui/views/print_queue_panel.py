"""The print queue panel and the printer status in the status bar.

F6 retries the selected job, Shift+F6 every failed one, F7 prints it again, Del cancels, F8 sends it to the
other printer. Printer status is polled in the background every few seconds and never blocks the window.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from packstation.services.ports import PrintJobInfo, PrintQueues
from packstation.ui.messages import Messages
from packstation.ui.models.print_jobs_model import JobColumn, PrintJobsModel
from packstation.ui.tasks import Tasks
from packstation.ui.widgets.buttons import push_button

log = logging.getLogger(__name__)

POLL_SECONDS = 4.0
STATUS_TIMEOUT = 3.0  # a printer that does not answer within this is shown as "status unknown"


class PrintQueuePanel(QWidget):
    """Every print job with its state, printer and time, and the packer's actions on them."""

    said = Signal(str, str)  # text, tone ("ok" | "error" | "")

    def __init__(self, queues: PrintQueues, messages: Messages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printQueuePanel")
        self.queues = queues
        self.messages = messages
        self.model = PrintJobsModel(queues, messages, self)
        layout = QVBoxLayout(self)
        # No margins and the summary beside the buttons: docked under a packing (F9) the panel must leave the
        # window within a 1280x720 screen, status bar included (it took 164 px and pushed that off the screen).
        layout.setContentsMargins(4, 0, 4, 2)
        self.summary = QLabel()
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab reaches the buttons; arrows choose the job (never Tab)
        self.table.setObjectName("printJobsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in {JobColumn.PRINTER: 150, JobColumn.STATE: 150}.items():
            self.table.setColumnWidth(column, width)
        # As wide as its longest name: a return label's job ("P2024-00001 return") was cut to "P2024-00001 …",
        # the same as its parcel's, so the packer could not tell which of the two to print again.
        header.setSectionResizeMode(JobColumn.PICKLIST, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.retry_button = push_button(self.retry)
        self.retry_failed_button = push_button(self.retry_failed)
        self.reprint_button = push_button(self.reprint)
        self.cancel_button = push_button(self.cancel)
        self.redirect_button = push_button(self.redirect)
        for button in (
            self.retry_button,
            self.retry_failed_button,
            self.reprint_button,
            self.cancel_button,
            self.redirect_button,
        ):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys work from the table; focus stays there
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.summary)
        layout.addLayout(row)
        self._shortcuts = []
        for keys, slot in {
            "F6": self.retry,
            "Shift+F6": self.retry_failed,
            "F7": self.reprint,
            "Delete": self.cancel,
            "F8": self.redirect,
        }.items():
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self._shortcuts.append(shortcut)
        self.model.modelReset.connect(self._update)
        self.model.rowsInserted.connect(self._update)
        self.model.dataChanged.connect(self._update)
        self.table.selectionModel().currentRowChanged.connect(self._update)
        messages.language_changed.connect(self._update)
        self._update()

    # --- selection -----------------------------------------------------------------------------------

    def selected_job(self) -> PrintJobInfo | None:
        index = self.table.currentIndex()
        return self.model.job(index.row()) if index.isValid() else None

    def select_job(self, job_id: int) -> None:
        row = self.model.row_of(job_id)
        if row is not None:
            self.table.selectRow(row)

    def focus_newest(self) -> None:
        """Put the focus on the job list at the newest job: the label just printed (or just failed)."""
        if self.model.rowCount():
            self.table.selectRow(self.model.rowCount() - 1)
        self.table.setFocus()

    def other_printer(self, job: PrintJobInfo) -> str | None:
        return next((p for p in self.queues.printers() if p != job.printer), None)

    # --- actions -------------------------------------------------------------------------------------

    def retry(self) -> None:
        """Send the selected failed or waiting job again."""
        job = self._require()
        if job is None:
            return
        if job.state == "printed_again":  # its label was queued again since: a retry would be a second label
            self.said.emit(self.messages.t("queue.already_printed_again", name=job.name), "error")
            return
        self.queues.retry(job.id)
        self.said.emit(self.messages.t("queue.done_retry", name=job.name), "ok")

    def retry_failed(self) -> None:
        """Send every failed job again."""
        if self.model.counts()[0] == 0:
            self.said.emit(self.messages.t("queue.nothing_failed"), "")
            return
        self.queues.retry_failed()
        self.said.emit(self.messages.t("queue.done_retry_failed"), "ok")

    def reprint(self) -> None:
        """Print the selected job once more (a new job with the same label)."""
        job = self._require()
        if job is not None:
            self.queues.reprint(job.id)
            self.said.emit(self.messages.t("queue.done_reprint", name=job.name), "ok")

    def cancel(self) -> None:
        job = self._require()
        if job is None:
            return
        if self.queues.cancel(job.id):
            self.said.emit(self.messages.t("queue.done_cancel", name=job.name), "ok")
        else:
            state = self.model.state_words(job.state)
            self.said.emit(self.messages.t("queue.cannot_cancel", name=job.name, state=state), "error")

    def redirect(self) -> None:
        """Move the selected job to the other printer (e.g. while this one is out of paper)."""
        job = self._require()
        if job is None:
            return
        other = self.other_printer(job)
        if other is None:
            return
        self.queues.redirect(job.id, other)
        printer = self.messages.printer(other)
        self.said.emit(self.messages.t("queue.done_redirect", name=job.name, printer=printer), "ok")

    def _require(self) -> PrintJobInfo | None:
        job = self.selected_job()
        if job is None:
            self.said.emit(self.messages.t("queue.select_first"), "error")
        return job

    def _update(self, *_args: object) -> None:
        m = self.messages
        job = self.selected_job()
        failed, waiting = self.model.counts()
        self.summary.setText(
            m.t("queue.summary", failed=failed, waiting=waiting) if self.model.rowCount() else m.t("queue.empty")
        )
        other = self.other_printer(job) if job is not None else None
        self.retry_button.setText(m.t("queue.retry"))
        self.retry_failed_button.setText(m.t("queue.retry_failed"))
        self.reprint_button.setText(m.t("queue.reprint"))
        self.cancel_button.setText(m.t("queue.cancel"))
        self.redirect_button.setText(
            m.t("queue.redirect", printer=m.printer(other)) if other else m.t("queue.redirect_none")
        )
        self.retry_failed_button.setEnabled(failed > 0)
        state = job.state if job is not None else None  # None: no job selected
        self.retry_button.setEnabled(state in ("failed", "queued"))
        self.reprint_button.setEnabled(job is not None)
        self.cancel_button.setEnabled(state == "queued")
        self.redirect_button.setEnabled(other is not None and state in ("failed", "queued"))


class PrinterStatusPoller(QObject):
    """Ask each printer for its status every few seconds on the loop; emit what changed."""

    status_changed = Signal(str, bool, object, str)  # printer, ready, conditions tuple, message

    def __init__(
        self,
        queues: PrintQueues,
        interval: float = POLL_SECONDS,
        timeout: float = STATUS_TIMEOUT,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.queues = queues
        self.timeout = timeout
        self.last: dict[str, tuple[bool, tuple[str, ...], str]] = {}
        self._tasks = Tasks()
        self._timer = QTimer(self)
        self._timer.setInterval(int(interval * 1000))
        self._timer.timeout.connect(self.poll)

    def start(self) -> None:
        QTimer.singleShot(0, self.poll)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._tasks.cancel("poll")

    def poll(self) -> None:
        """Start one round of status questions, unless the last round is still waiting."""
        if self._tasks.current("poll") is not None:
            return
        with contextlib.suppress(RuntimeError):  # no running loop (closing): skip this round
            asyncio.get_running_loop()
            self._tasks.start(self.poll_once(), key="poll")

    async def poll_once(self) -> None:
        for printer in self.queues.printers():
            try:
                ready, conditions, message = await asyncio.wait_for(self.queues.status(printer), self.timeout)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # a status question that fails says "unknown", never breaks the window
                log.debug("Printer status of %s failed: %s", printer, exc)
                ready, conditions, message = False, (), ""
            state = (bool(ready), tuple(conditions), message)
            if self.last.get(printer) != state:
                self.last[printer] = state
                self.status_changed.emit(printer, state[0], state[1], state[2])


class PrinterStatusBar(QWidget):
    """One small label per printer for the main window's status bar: ready, paper out, head open, offline."""

    def __init__(self, poller: PrinterStatusPoller, messages: Messages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printerStatus")
        self.poller = poller
        self.messages = messages
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.labels: dict[str, QLabel] = {}
        for printer in poller.queues.printers():
            self._label(printer)
        poller.status_changed.connect(self._changed)
        messages.language_changed.connect(self._retranslate)

    def text(self, printer: str) -> str:
        label = self.labels.get(printer)
        return label.text() if label is not None else ""

    def _label(self, printer: str) -> QLabel:
        label = self.labels.get(printer)
        if label is None:
            label = QLabel()
            label.setObjectName("printerState")
            self.labels[printer] = label
            self._layout.addWidget(label)
            self._show(printer)
        return label

    def _changed(self, printer: str, _ready: bool, _conditions: object, _message: str) -> None:
        self._label(printer)
        self._show(printer)

    def _show(self, printer: str) -> None:
        m = self.messages
        label = self.labels[printer]
        state = self.poller.last.get(printer)
        if state is None:
            words, tone = m.t("printer.unknown"), ""
        else:
            ready, conditions, message = state
            if ready:
                words, tone = m.t("printer.ready"), "ok"
            elif conditions:
                words, tone = m.printer_conditions(conditions), "error"
            else:
                words, tone = (message or m.t("printer.unknown")), "error"
        label.setText(m.t("printer.status", printer=m.printer(printer), state=words))
        colours = {"ok": "#1f7a44", "error": "#b00020"}
        label.setStyleSheet(
            f"QLabel {{ color: {colours[tone]}; font-weight: bold; padding: 0 8px; }}" if tone else "padding: 0 8px;"
        )
        label.setProperty("tone", tone)

    def _retranslate(self, *_args: object) -> None:
        for printer in self.labels:
            self._show(printer)


def make_printer_status(
    queues: PrintQueues, messages: Messages, parent: QWidget, interval: float = POLL_SECONDS
) -> tuple[PrinterStatusPoller, PrinterStatusBar]:
    """Build the poller and its status-bar widget (start the poller once the loop runs)."""
    poller = PrinterStatusPoller(queues, interval, parent=parent)
    return poller, PrinterStatusBar(poller, messages, parent)


class PrintQueueDock(QDockWidget):
    """The print queue docked under the window, hidden until F9."""

    def __init__(self, queues: PrintQueues, messages: Messages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printQueueDock")
        self.panel = PrintQueuePanel(queues, messages)
        self.setWidget(self.panel)
        self.hide()

    def toggle(self) -> bool:
        """Show it with the job list focused (for F6/F7/F8/Del), or hide it; return whether it is shown now."""
        if self.isVisible():
            self.hide()
            return False
        self.show()
        self.panel.focus_newest()
        return True


__all__ = ["PrintQueueDock", "PrintQueuePanel", "PrinterStatusBar", "PrinterStatusPoller", "make_printer_status"]
