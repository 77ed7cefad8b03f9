"""The row across the top: the scan field, Refresh, the language and the settings buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from packstation.ui.messages import Messages


class ScanBar(QWidget):
    """Where a typed or scanned picklist number goes; its buttons never take the focus from the scan field."""

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

    def retranslate(self) -> None:
        m = self.messages
        self.scan_field.setPlaceholderText(m.t("scan.placeholder"))
        self.language_button.setText(m.t("action.language"))
        self.refresh_button.setText(m.t("action.refresh"))
        self.settings_button.setText(m.t("action.settings_key"))
