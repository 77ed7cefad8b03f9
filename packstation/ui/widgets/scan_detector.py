"""Application-wide keyboard-wedge scanner detection.

A barcode scanner in keyboard mode types far faster than a person: every key follows the previous one
within a few milliseconds and the burst ends with Enter. This filter watches every key press in the
application, whatever widget has focus, and reports such a burst as one scan. The Enter that ends a scan
is swallowed, so a scan can never press a dialog's default button.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QWidget

from packstation.settings import ScannerSettings

# Far longer than any picklist number or parcel barcode; a longer burst is a stuck key or a wrong symbology.
MAX_SCAN_LENGTH = 100

_SUFFIX_KEYS: dict[str, tuple[Qt.Key, ...]] = {
    "\r": (Qt.Key.Key_Return, Qt.Key.Key_Enter),
    "\n": (Qt.Key.Key_Return, Qt.Key.Key_Enter),
    "\r\n": (Qt.Key.Key_Return, Qt.Key.Key_Enter),
    "\t": (Qt.Key.Key_Tab,),
}

KeyClock = Callable[[QKeyEvent], float]


def event_time(event: QKeyEvent) -> float:
    """Return when the key was pressed, in milliseconds (the window system's own time stamp)."""
    return float(event.timestamp())


@dataclass(frozen=True)
class ScanReport:
    """One scan as received: the clean text, the raw keys and what was changed to get there."""

    text: str
    raw: str
    stripped: tuple[str, ...] = ()  # control characters removed, e.g. ("\\x1d",)
    truncated: bool = False
    length: int = 0  # characters received before cutting
    # The text field the scanner typed into, as it was before the first key (selection typed over, a length
    # limit cutting the burst): whoever handles the scan can put that field back exactly.
    field: QLineEdit | None = None
    field_text: str = ""
    field_cursor: int = 0
    field_modified: bool = False  # QLineEdit.isModified(): edited by a person since it was last filled in

    def restore_field(self, unless: QLineEdit) -> bool:
        """Put the field the scanner typed into back as it was (not `unless`, the scan field); True if it changed."""
        field = self.field
        if field is None or field is unless or field.text() == self.field_text:
            return False
        field.setText(self.field_text)
        field.setCursorPosition(self.field_cursor)
        field.setModified(self.field_modified)  # a scan is not the packer checking the address
        spin_box = field.parent()
        if isinstance(spin_box, QAbstractSpinBox):
            spin_box.interpretText()  # a spin box takes its text back too
        return True

    @property
    def altered(self) -> bool:
        return bool(self.stripped) or self.truncated


class ScanDetector(QObject):
    """Turn fast key bursts ended by the suffix key into `scanned(text)`, wherever the focus is.

    Install with `QApplication.instance().installEventFilter(detector)` (done by `install()`).
    """

    scanned = Signal(str)
    scan_reported = Signal(object)  # ScanReport, emitted just before `scanned`

    @classmethod
    def for_scanner(cls, scanner: ScannerSettings, parent: QObject | None = None) -> ScanDetector:
        """A detector timed and framed as the station's scanner settings say."""
        return cls(
            parent,
            max_gap_ms=scanner.max_gap_ms,
            min_length=scanner.min_length,
            suffix=scanner.suffix,
            prefix=scanner.prefix,
        )

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        max_gap_ms: int = 35,
        min_length: int = 4,
        suffix: str = "\r",
        prefix: str = "",
        clock: KeyClock = event_time,
        max_length: int = MAX_SCAN_LENGTH,
    ) -> None:
        super().__init__(parent)
        self.max_gap_ms = max_gap_ms
        self.min_length = min_length
        self.suffix = suffix
        self.prefix = prefix
        self.max_length = max_length
        self._clock = clock
        self._keys: list[str] = []
        self._last: float | None = None
        self._in_prefixed_scan = False
        self._prefix_progress = 0
        self._swallow_release: int | None = None
        self._field_before: tuple[QLineEdit, str, int, bool] | None = None
        self.enabled = True

    def install(self, app: QApplication | None = None) -> None:
        """Watch every key press of the application."""
        target = app or QApplication.instance()
        if target is None:
            raise RuntimeError("create the QApplication before the scan detector watches it")
        target.installEventFilter(self)

    def uninstall(self, app: QApplication | None = None) -> None:
        """Stop watching."""
        instance = app or QApplication.instance()
        if instance is not None:
            instance.removeEventFilter(self)

    def reset(self) -> None:
        """Forget a half-received burst."""
        self._keys.clear()
        self._last = None
        self._in_prefixed_scan = False
        self._prefix_progress = 0

    # --- event filter ------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        handler = self._HANDLERS.get(event.type())
        if handler is None or not self.enabled or not self._is_first_receiver(watched):
            return False
        assert isinstance(event, QKeyEvent)
        return handler(self, event)

    def _released(self, event: QKeyEvent) -> bool:
        # The release of a scan's Enter belongs to the scan too.
        if self._swallow_release is not None and event.key() == self._swallow_release:
            self._swallow_release = None
            return True
        return False

    def _shortcut_override(self, event: QKeyEvent) -> bool:
        # A shortcut bound to Enter must not fire for a scan's Enter: claim the key for the key press.
        if self._is_suffix(event) and self._burst_complete(self._clock(event)):
            event.accept()
            return True
        return False

    def _pressed(self, event: QKeyEvent) -> bool:
        if event.isAutoRepeat():
            self.reset()
            return False
        return self._key_pressed(event)

    def _is_first_receiver(self, watched: QObject) -> bool:
        # Qt offers an ignored key event to every parent in turn (and first to the QWindow); count it once.
        if not isinstance(watched, QWidget):
            return False
        focus = QApplication.focusWidget()
        if focus is not None:
            return watched is focus
        return watched.isWindow()

    def _is_suffix(self, event: QKeyEvent) -> bool:
        keys = _SUFFIX_KEYS.get(self.suffix)
        if keys is not None:
            return Qt.Key(event.key()) in keys
        return bool(self.suffix) and event.text() == self.suffix

    def _burst_complete(self, now: float) -> bool:
        if self.prefix and not self._in_prefixed_scan:
            return False
        if self._last is None or now - self._last > self.max_gap_ms:
            return False
        return len(self._keys) >= self.min_length

    def _key_pressed(self, event: QKeyEvent) -> bool:
        now = self._clock(event)
        if self._last is not None and now - self._last > self.max_gap_ms:
            # A pause longer than a scanner ever makes: this was a person typing.
            self.reset()
        if self._is_suffix(event):
            return self._suffix_pressed(event, now)
        text = event.text()
        if not text:
            return self._modifier_pressed(now)
        if self.prefix and not self._in_prefixed_scan:
            return self._match_prefix(text, now)
        if not self._keys:
            self._field_before = _text_field_state()
        self._keys.append(text)
        self._last = now
        # In prefix mode the scan is unambiguous, so its characters never reach the focused field.
        return self._in_prefixed_scan

    def _suffix_pressed(self, event: QKeyEvent, now: float) -> bool:
        if self._burst_complete(now):
            self._finish()
            self._swallow_release = event.key()
            return True
        self.reset()
        return False

    def _modifier_pressed(self, now: float) -> bool:
        # Shift and other modifiers alone carry no text; scanners press Shift for capitals.
        if self._keys or self._in_prefixed_scan:
            self._last = now
        return self._in_prefixed_scan

    def _match_prefix(self, text: str, now: float) -> bool:
        expected = self.prefix[self._prefix_progress : self._prefix_progress + len(text)]
        if text != expected:
            self.reset()
            return False
        self._prefix_progress += len(text)
        self._last = now
        if self._prefix_progress >= len(self.prefix):
            self._in_prefixed_scan = True
            self._keys.clear()
        return True

    def _finish(self) -> None:
        raw = "".join(self._keys)
        before, self._field_before = self._field_before, None
        self.reset()
        report = clean_scan(raw, self.max_length)
        if before is not None:
            field, text, cursor, modified = before
            report = dataclasses.replace(
                report, field=field, field_text=text, field_cursor=cursor, field_modified=modified
            )
        self.scan_reported.emit(report)
        self.scanned.emit(report.text)

    # The key events a scan is made of, and who handles each (every other event passes untouched).
    _HANDLERS: ClassVar[dict[QEvent.Type, Callable[[ScanDetector, QKeyEvent], bool]]] = {
        QEvent.Type.KeyPress: _pressed,
        QEvent.Type.KeyRelease: _released,
        QEvent.Type.ShortcutOverride: _shortcut_override,
    }


def _text_field_state() -> tuple[QLineEdit, str, int, bool] | None:
    """Return the focused text field (a spin box's too) with its text and cursor, before a key lands in it."""
    focus = QApplication.focusWidget()
    if isinstance(focus, QAbstractSpinBox):
        focus = focus.findChild(QLineEdit)
    if isinstance(focus, QLineEdit):
        return focus, focus.text(), focus.cursorPosition(), focus.isModified()
    return None


def clean_scan(raw: str, max_length: int = MAX_SCAN_LENGTH) -> ScanReport:
    """Strip control characters (GS separators, stray Ctrl keys) and cut an over-long scan."""
    stripped = tuple(f"\\x{ord(ch):02x}" for ch in raw if _is_control(ch))
    text = "".join(ch for ch in raw if not _is_control(ch)).strip()
    truncated = len(text) > max_length
    return ScanReport(
        text=text[:max_length],
        raw=raw,
        stripped=stripped,
        truncated=truncated,
        length=len(text),
    )


def _is_control(ch: str) -> bool:
    code = ord(ch)
    return code < 0x20 or 0x7F <= code < 0xA0
