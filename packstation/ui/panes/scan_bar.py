"""The row across the top: the scan field, Refresh, the language and the settings buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from packstation.domain.scans import ScanKind, parse_scan
from packstation.ui.messages import Messages


class ScanBar(QWidget):
    """Where a typed or scanned picklist number goes; its buttons never take the focus from the scan field."""

    open_requested = Signal(str)  # a picklist number, scanned or typed
    said = Signal(str, str)  # text, tone: what was received when it is no picklist number

    def __init__(self, messages: Messages, *, with_settings: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.messages = messages
        top = QHBoxLayout(self)
        top.setContentsMargins(0, 0, 0, 0)
        self.scan_field = QLineEdit()
        self.scan_field.setObjectName("scanField")
        self.scan_field.setClearButtonEnabled(True)
        self.language_button = QPushButton()
        self.language_button.setObjectName("languageButton")
        self.refresh_button = QPushButton()
        self.settings_button = QPushButton()
        self.settings_button.setVisible(with_settings)
        for button in (self.language_button, self.refresh_button, self.settings_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        top.addWidget(self.scan_field, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.language_button)
        top.addWidget(self.settings_button)
        self.scan_field.returnPressed.connect(self._typed_number)

    def retranslate(self) -> None:
        m = self.messages
        self.scan_field.setPlaceholderText(m.t("scan.placeholder"))
        self.language_button.setText(m.t("action.language"))
        self.refresh_button.setText(m.t("action.refresh"))
        self.settings_button.setText(m.t("action.settings_key"))

    def focus(self) -> None:
        """Back to the scan field, its text selected: the next scan replaces it."""
        self.scan_field.setFocus()
        self.scan_field.selectAll()

    def handle_scan(self, text: str) -> None:
        """Open a scanned picklist number, or say exactly what was received when it is not one."""
        scan = parse_scan(text)
        if scan.kind is ScanKind.TWO_NUMBERS:
            self.said.emit(self.messages.t("status.scan_twice", first=scan.number, second=scan.second), "error")
        elif scan.kind in (ScanKind.LAYOUT_MISTAKE, ScanKind.GARBAGE):
            self.said.emit(self.messages.garbled_scan(scan.received), "error")
        else:  # a product code is looked up too: Picqer says whether it is a picklist, the words what it looks like
            self.open_requested.emit(scan.number)

    def _typed_number(self) -> None:
        text = self.scan_field.text().strip()
        self.scan_field.clear()
        if text:
            self.handle_scan(text)
