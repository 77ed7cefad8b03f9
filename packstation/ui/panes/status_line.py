"""The status bar: the two-line message, the Stop waiting button, the printer states and the print folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QStatusBar

from packstation.services.ports import PrintQueues
from packstation.ui.messages import Messages
from packstation.ui.views.print_queue_panel import PrinterStatusBar, PrinterStatusPoller, make_printer_status
from packstation.ui.widgets.status_message import StatusMessage

# The most the status bar's print-folder note may take (px); the printer states and the message need the rest.
PRINT_FOLDER_WIDTH = 360


class StatusLine:
    """Fill a window's status bar and tell the packer what happened in it."""

    def __init__(
        self, bar: QStatusBar, messages: Messages, *, print_queues: PrintQueues | None, print_folder: Path | None
    ) -> None:
        self.bar = bar
        self.messages = messages
        self.print_folder = print_folder
        # What the shipment just done said, kept in front of the next picklist's messages while the picklist
        # scanned during it opens by itself (else "Opening P…" wiped "shipped" or "paper out" at once).
        self.carry: tuple[str, str] | None = None
        # Two lines high always, a longer message shortened (whole in its tooltip): the window never jumps.
        self.status_label = StatusMessage()
        self.status_label.setObjectName("statusText")
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar.addWidget(self.status_label, 1)
        # Each printer's state (ready, paper out, offline), asked every few seconds once the loop runs.
        self.printer_poller: PrinterStatusPoller | None = None
        self.printer_status: PrinterStatusBar | None = None
        if print_queues is not None:
            self.printer_poller, self.printer_status = make_printer_status(print_queues, messages, bar)
            bar.addPermanentWidget(self.printer_status)
        self.print_folder_label = QLabel()
        self.print_folder_label.setObjectName("printFolder")
        self.print_folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.print_folder_label.setVisible(print_folder is not None)
        bar.addPermanentWidget(self.print_folder_label)
        bar.setSizeGripEnabled(False)
        # The countdown of a retry wait, with the button (and Esc) that stops waiting.
        self.stop_wait_button = QPushButton()
        self.stop_wait_button.setObjectName("stopWaitButton")
        self.stop_wait_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # focus stays on the scan field
        self.stop_wait_button.hide()
        bar.addWidget(self.stop_wait_button)

    def say(self, text: str, tone: str = "") -> None:
        """Tell the packer what happened, in the status bar."""
        if self.carry is not None:
            carried, carried_tone = self.carry
            text = f"{carried} {text}"
            tone = carried_tone if carried_tone == "error" else tone
        self.status_label.set_message(text)
        self.bar.setProperty("tone", tone)
        self.bar.style().unpolish(self.bar)
        self.bar.style().polish(self.bar)

    def add_problem(self, text: str) -> None:
        """A packing list or return label did not come out: add which, and what to do, to the shipped message."""
        if self.carry is not None:  # the next picklist opens now and shows the shipped message with it
            self.carry = (f"{self.carry[0]} {text}", "error")
            return
        self.say(f"{self.text} {text}".strip(), "error")

    def keep_for_next(self) -> None:
        """Keep what the bar says now in front of what the picklist opening next says."""
        self.carry = (self.text, str(self.bar.property("tone") or ""))

    @property
    def text(self) -> str:
        """The whole message (the status bar may show it shortened, with the rest in its tooltip)."""
        return self.status_label.full_text

    def show_wait(self, text: str) -> None:
        self.stop_wait_button.setText(self.messages.t("action.stop_waiting"))
        self.stop_wait_button.setVisible(bool(text))

    def retranslate(self) -> None:
        if self.print_folder is not None:
            # A long path must not widen the window past a small bench screen: shortened in the middle, whole in
            # the tooltip.
            full = self.messages.t("app.print_folder", folder=str(self.print_folder))
            metrics = self.print_folder_label.fontMetrics()
            self.print_folder_label.setText(metrics.elidedText(full, Qt.TextElideMode.ElideMiddle, PRINT_FOLDER_WIDTH))
            self.print_folder_label.setToolTip(full)
