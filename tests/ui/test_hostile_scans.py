"""Hostile scans, typed into the window key by key as a scanner would: each opens the right picklist or says in
one line what was received, and none opens anything else (part of the hostile-input table of issue 18)."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from packstation.settings import Settings
from packstation.ui.controllers.picklists_controller import PicklistsController
from packstation.ui.controllers.shipping_controller import ShippingController
from packstation.ui.main_window import MainWindow
from packstation.ui.messages import Messages
from packstation.ui.models.picklists_model import PicklistsModel

GARBLED = "that is not a picklist number"
CUT = "was cut"
TWICE = "Two scans ran together"

# (id, what the scanner typed, the picklist it must open or None, what the status line must say when none)
SCANS: list[tuple[str, str, str | None, str]] = [
    ("plain", "P2024-00123", "P2024-00123", ""),
    ("lower case", "p2024-00123", "P2024-00123", ""),
    ("AIM identifier", "]C1P2024-00123", "P2024-00123", ""),
    ("GS separator", "P2024-00123\x1d", "P2024-00123", ""),
    ("NUL in front", "\x00P2024-00123", "P2024-00123", ""),
    ("DEL inside", "P2024-\x7f00123", "P2024-00123", ""),
    ("C1 control", "\x85P2024-00123", "P2024-00123", ""),
    ("spaces around", "  P2024-00123  ", "P2024-00123", ""),
    ("tab inside", "P2024-\t00123", "P2024-00123", ""),
    ("two scans run together", "P2024-00123P2024-00124", None, TWICE),
    ("ANSI colour codes", "\x1b[31mP2024-00123\x1b[0m", None, GARBLED),
    ("SQL", "' OR 1=1 --", None, GARBLED),
    ("SQL in a number", "P2024-00123'; DROP TABLE entries; --", None, GARBLED),
    ("path", "../../etc/passwd", None, GARBLED),
    ("format placeholders", "{number}{0}%s%n", None, GARBLED),
    ("HTML", "<b>P2024-00123</b>", None, GARBLED),
    ("emoji", "📦📦📦📦📦", None, GARBLED),
    ("right-to-left override", "\u202eP2024-00123", None, GARBLED),
    ("zero-width space", "P2024\u200b-00123", None, GARBLED),
    ("fullwidth digits", "Ｐ２０２４－００１２３", None, GARBLED),
    ("combining marks", "P̸2̸0̸2̸4̸-00123", None, GARBLED),
    ("only punctuation", "-----", None, GARBLED),
    ("a URL", "https://evil.example/P2024-00123", None, GARBLED),
    # Read as an AZERTY mix-up ("(" is 5 there): still one line that shows what came in.
    ("a GS1 code", "(01)08712345678906(21)ABC", None, "Scanned “(01)08712345678906(21)ABC”"),
    ("a shipping barcode of 41 characters", "3SMYPA" + "1" * 35, None, GARBLED),
    ("101 characters", "P" * 101, None, CUT),
    ("ten thousand characters", "P2024-00123" * 910, None, CUT),
    ("newline inside", "P2024\n00123", None, ""),
    ("AZERTY digits", "P\u00e9\u00e0\u00e9'-)\u00e0&\u00e9\"", None, "AZERTY"),
    ("a number that does not exist", "P2099-99999", "P2099-99999", ""),
    ("a long plausible number", "A" + "1" * 39, "A" + "1" * 39, ""),
]


@pytest.fixture
def window(qtbot, station):
    messages = Messages("en")
    shipping = ShippingController(station.service, messages)
    picklists = PicklistsController(station.service, PicklistsModel(messages), messages)
    window = MainWindow(shipping, picklists, Settings())
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    window.focus_scan_field()
    return window


def scan(window: MainWindow, text: str) -> None:
    """Type like a scanner: every key 5 ms after the previous one, then Enter."""
    clock = {"now": 0.0}
    window.scan_detector._clock = lambda _event: clock["now"]
    target = window.focusWidget() or window.scan_bar.scan_field
    for ch in text:
        clock["now"] += 5
        key = {"\t": Qt.Key.Key_Tab, "\n": Qt.Key.Key_Return}.get(ch, 0)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))
    clock["now"] += 5
    QTest.keyClick(target, Qt.Key.Key_Return)


@pytest.mark.parametrize(("raw", "opens", "says"), [row[1:] for row in SCANS], ids=[row[0] for row in SCANS])
async def test_hostile_scan(window, station, wait_for, raw: str, opens: str | None, says: str) -> None:
    started = time.monotonic()
    scan(window, raw)
    if opens is not None:
        await wait_for(lambda: opens in station.picqer.lookups)
        assert station.picqer.lookups == [opens]
    else:
        assert station.picqer.lookups == []
        assert says in window.status_text
    assert "\n" not in window.status_text
    assert len(window.status_text) < 400
    assert time.monotonic() - started < 30
