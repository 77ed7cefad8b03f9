"""The keyboard-wedge detector: scanner bursts become scans wherever focus is; people typing stay typing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QLineEdit, QPushButton, QVBoxLayout

from packstation.ui.widgets.scan_detector import ScanDetector, ScanReport, clean_scan


class FakeClock:
    """Key time stamps under the test's control: no real timing, no flakiness."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self, event: QKeyEvent) -> float:
        return self.now


class Dialog(QDialog):
    def __init__(self) -> None:
        super().__init__()
        self.field = QLineEdit()
        self.ok = QPushButton("OK")
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.ok)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def detector(qtbot, clock: FakeClock):
    detector = ScanDetector(clock=clock)
    detector.install()
    yield detector
    detector.uninstall()


@pytest.fixture
def dialog(qtbot) -> Dialog:
    dialog = Dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    dialog.field.setFocus()
    qtbot.waitUntil(lambda: dialog.field.hasFocus())
    return dialog


def type_keys(widget, text: str, clock: FakeClock, gap_ms: float) -> None:
    for ch in text:
        clock.now += gap_ms
        QTest.keyClick(widget, ch)


def press_enter(widget, clock: FakeClock, gap_ms: float) -> None:
    clock.now += gap_ms
    QTest.keyClick(widget, Qt.Key.Key_Return)


def test_fast_burst_with_enter_is_one_scan_and_never_accepts_the_dialog(detector, dialog, clock):
    scans: list[str] = []
    detector.scanned.connect(scans.append)
    type_keys(dialog.field, "P2024-00123", clock, gap_ms=8)
    press_enter(dialog.field, clock, gap_ms=8)
    assert scans == ["P2024-00123"]
    assert dialog.field.text() == "P2024-00123"  # each key counted and delivered once
    assert dialog.isVisible() and dialog.result() == 0


def test_person_typing_slowly_is_not_a_scan_and_enter_reaches_the_dialog(detector, dialog, clock):
    scans: list[str] = []
    detector.scanned.connect(scans.append)
    type_keys(dialog.field, "P2024", clock, gap_ms=120)
    press_enter(dialog.field, clock, gap_ms=200)
    assert scans == []
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_one_slow_gap_inside_the_burst_breaks_it(detector, dialog, clock):
    scans: list[str] = []
    detector.scanned.connect(scans.append)
    type_keys(dialog.field, "P20", clock, gap_ms=5)
    type_keys(dialog.field, "24", clock, gap_ms=80)  # a person finishing the number by hand
    press_enter(dialog.field, clock, gap_ms=5)
    assert scans == []


def test_gap_exactly_at_the_limit_still_counts(detector, dialog, clock):
    scans: list[str] = []
    detector.scanned.connect(scans.append)
    type_keys(dialog.field, "1234", clock, gap_ms=35)
    press_enter(dialog.field, clock, gap_ms=35)
    assert scans == ["1234"]


def test_too_short_burst_is_not_a_scan(detector, dialog, clock):
    scans: list[str] = []
    detector.scanned.connect(scans.append)
    type_keys(dialog.field, "123", clock, gap_ms=5)
    press_enter(dialog.field, clock, gap_ms=5)
    assert scans == []


def test_scan_works_whatever_widget_has_focus(detector, dialog, clock, qtbot):
    scans: list[str] = []
    detector.scanned.connect(scans.append)
    dialog.ok.setFocus()
    qtbot.waitUntil(lambda: dialog.ok.hasFocus())
    type_keys(dialog.ok, "3600123", clock, gap_ms=4)
    press_enter(dialog.ok, clock, gap_ms=4)
    assert scans == ["3600123"]
    assert dialog.result() == 0


def test_two_scans_in_a_row(detector, dialog, clock):
    scans: list[str] = []
    detector.scanned.connect(scans.append)
    for code in ("P1-0001", "P1-0002"):
        type_keys(dialog.field, code, clock, gap_ms=3)
        press_enter(dialog.field, clock, gap_ms=3)
        clock.now += 500
    assert scans == ["P1-0001", "P1-0002"]


def test_prefix_mode_swallows_the_scan_so_it_never_lands_in_a_text_field(qtbot, dialog, clock):
    detector = ScanDetector(clock=clock, prefix="#")
    detector.install()
    try:
        scans: list[str] = []
        detector.scanned.connect(scans.append)
        type_keys(dialog.field, "#P77-0001", clock, gap_ms=5)
        press_enter(dialog.field, clock, gap_ms=5)
        type_keys(dialog.field, "9999", clock, gap_ms=5)  # fast but without the prefix: typed, not scanned
        press_enter(dialog.field, clock, gap_ms=5)
    finally:
        detector.uninstall()
    assert scans == ["P77-0001"]
    assert dialog.field.text() == "9999"


def test_control_characters_are_stripped_and_reported():
    report = clean_scan("]C1\x1d0101234\x1d21AB")
    assert report.text == "]C10101234" + "21AB"
    assert report.stripped == ("\\x1d", "\\x1d")
    assert report.altered


def test_overlong_scan_is_cut_and_says_so(detector, dialog, clock):
    reports: list[ScanReport] = []
    detector.scan_reported.connect(reports.append)
    type_keys(dialog.field, "7" * 300, clock, gap_ms=1)
    press_enter(dialog.field, clock, gap_ms=1)
    assert len(reports) == 1
    assert reports[0].truncated and reports[0].length == 300
    assert len(reports[0].text) == detector.max_length < 300


def test_disabled_detector_lets_everything_through(detector, dialog, clock):
    detector.enabled = False
    scans: list[str] = []
    detector.scanned.connect(scans.append)
    type_keys(dialog.field, "12345", clock, gap_ms=2)
    press_enter(dialog.field, clock, gap_ms=2)
    assert scans == []
    assert dialog.result() == QDialog.DialogCode.Accepted
