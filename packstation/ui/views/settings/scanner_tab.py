"""The scanner tab: how the station tells a barcode scanner's typing from a person's."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from packstation.settings import ScannerSettings
from packstation.ui.messages import Messages
from packstation.ui.views.settings.widgets import make_combo, select_data

SUFFIXES = (("enter", "\r"), ("tab", "\t"), ("crlf", "\r\n"), ("none", ""))


class ScannerTab(QWidget):
    """The keystroke gap, the shortest code, and what the scanner types before and after it."""

    def __init__(self, messages: Messages, scanner: ScannerSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._messages = messages
        form = QFormLayout(self)
        self.max_gap = QSpinBox()
        self.max_gap.setRange(5, 500)
        self.max_gap.setSuffix(" ms")
        self.max_gap.setValue(scanner.max_gap_ms)
        self.min_length = QSpinBox()
        self.min_length.setRange(1, 64)
        self.min_length.setValue(scanner.min_length)
        self.suffix = make_combo([(key, value) for key, value in SUFFIXES])
        select_data(self.suffix, scanner.suffix)
        self.prefix = QLineEdit(scanner.prefix)
        self.labels = {key: QLabel() for key in ("max_gap", "min_length", "suffix", "prefix")}
        for key, widget in (
            ("max_gap", self.max_gap),
            ("min_length", self.min_length),
            ("suffix", self.suffix),
            ("prefix", self.prefix),
        ):
            self.labels[key].setBuddy(widget)
            form.addRow(self.labels[key], widget)

    def scanner(self) -> ScannerSettings:
        """Return the scanner settings as entered."""
        return ScannerSettings(
            max_gap_ms=self.max_gap.value(),
            min_length=self.min_length.value(),
            suffix=str(self.suffix.currentData()),
            prefix=self.prefix.text(),
        )

    def retranslate(self) -> None:
        m = self._messages
        for key in ("max_gap", "min_length", "suffix", "prefix"):
            self.labels[key].setText(m.t(f"settings.{key}"))
        for i, (key, _value) in enumerate(SUFFIXES):
            self.suffix.setItemText(i, m.t(f"settings.suffix.{key}"))
