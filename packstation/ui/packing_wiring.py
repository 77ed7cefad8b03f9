"""Verified packing and the scale in the window (issue 16): the packing pane beside the shipment form, scans
routed to the packing controller while a picklist is open, the F12 check, the weight field filled by the scale.

Kept out of main_window.py, which composes the panes; this adds one pane and its keys to it.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter

from packstation.domain.packing import normalize_code
from packstation.domain.weighing import ExpectedWeight, WeightTolerance, check_weight
from packstation.services.shipping import OpenedPicklist
from packstation.ui.controllers.packing_controller import PackingController
from packstation.ui.panes.packing_pane import PackingPane

__all__ = ["DemoScale", "PackingController", "PackingWiring"]

if TYPE_CHECKING:
    from packstation.ui.main_window import MainWindow

DEMO_STEP_GRAMS = 50  # Ctrl+Alt+Up/Down or PgUp/PgDown on the demo's virtual scale


class DemoScale(Protocol):
    """The demo's virtual scale as the keys move it (packstation.scale.virtual.VirtualScale)."""

    def add(self, grams: float) -> None: ...

    def clear(self) -> None: ...


class PackingWiring:
    """The packing pane and the scale, wired into a window."""

    def __init__(self, window: MainWindow, packing: PackingController, demo_scale: DemoScale | None = None) -> None:
        # Weakly: the window keeps this wiring; a cycle would leave the window to the collector (maybe on a thread).
        self._window = weakref.ref(window)
        self.packing, self.demo_scale = packing, demo_scale
        self.pane = PackingPane(window.messages)
        self.weight_typed = False  # the packer typed a weight: the scale no longer overwrites it (until a new box)
        self._boxes_seen = 0  # boxes of the open packing last shown: one more is a new box to weigh
        self._place_pane()
        self._connect()
        window.scan_bar.intercept = self.intercept_scan
        window.ship_actions.packing = packing
        keys: dict[str, Callable[[], object]] = {
            "Ctrl+T": self.pane.ask_manual_tick,
            # Undo one unit of the selected line, from the scan field too (not Ctrl+U: on X11 a text field takes it
            # to delete the whole line).
            "Alt+U": self.pane.request_untick,
            "Ctrl+Shift+B": self.pane.remove_last_box,
            "Ctrl+0": packing.zero,
        }
        if demo_scale is not None:
            # Page Up/Down as well: window managers take Ctrl+Alt+Up/Down to switch workspaces (GNOME, Xfce,
            # Openbox) and Intel's Windows driver to turn the screen, so those two never reach the window there.
            keys.update(
                {
                    "Ctrl+Alt+Up": lambda: demo_scale.add(DEMO_STEP_GRAMS),
                    "Ctrl+Alt+Down": lambda: demo_scale.add(-DEMO_STEP_GRAMS),
                    "Ctrl+Alt+PgUp": lambda: demo_scale.add(DEMO_STEP_GRAMS),
                    "Ctrl+Alt+PgDown": lambda: demo_scale.add(-DEMO_STEP_GRAMS),
                    "Ctrl+Alt+0": demo_scale.clear,
                }
            )
        self.shortcuts = [window._shortcut(k, slot) for k, slot in keys.items()]

    @property
    def window(self) -> MainWindow:
        window = self._window()
        assert window is not None, "the window is gone"
        return window

    def _place_pane(self) -> None:
        """Above the shipment form, in the middle column: the lines on top, the weight and profile below."""
        form = self.window.form
        splitter = form.parentWidget()
        assert isinstance(splitter, QSplitter)
        index = splitter.indexOf(form)
        column = QSplitter(Qt.Orientation.Vertical)
        column.setChildrenCollapsible(False)
        splitter.replaceWidget(index, column)
        column.addWidget(self.pane)
        column.addWidget(form)
        column.setStretchFactor(0, 3)
        column.setStretchFactor(1, 2)
        column.setSizes([420, 280])  # the lines get the room; the form scrolls
        self.column = column

    def _connect(self) -> None:
        w, p, pane = self.window, self.packing, self.pane
        w.shipping.picklist_opened.connect(self._opened)
        w.shipping.shipment_done.connect(p.shipped)
        p.changed.connect(self.show)
        p.said.connect(w.status_line.say)
        status_line = w.status_line
        p.refused.connect(lambda text: status_line.say(text, "error"))
        p.weight_read.connect(self.scale_weight)
        p.scale_changed.connect(w.status_line.say)
        pane.manual_tick_requested.connect(p.tick_manually)
        # Ticked by hand: back to scanning (a picklist number typed by hand would otherwise go to the list).
        pane.manual_tick_requested.connect(lambda *_: w.focus_scan_field())
        pane.untick_requested.connect(p.untick)
        pane.remove_box_requested.connect(p.remove_box)
        pane.said.connect(w.status_line.say)
        w.form.weight.textEdited.connect(self._typed)
        w.messages.language_changed.connect(lambda *_: pane.retranslate())

    def _opened(self, opened: OpenedPicklist) -> None:
        self.weight_typed = False
        self._boxes_seen = 0
        self.pane.scale_grams = None
        self.packing.open(opened)
        grams = self.packing.weighing.stable_grams if self.packing.weighing is not None else None
        if grams:
            self.scale_weight(grams)

    def _typed(self, text: str) -> None:
        """The packer typed in the weight field: with boxes scanned it is the weight of the box being packed."""
        self.weight_typed = bool(text.strip())  # emptied: the scale fills it again
        session = self.packing.session
        if session is None or not session.state.parcels:
            return
        grams = text.strip()
        if not grams:
            self.packing.forget_typed_weight()
        elif grams.isdigit() and int(grams) > 0:
            self.packing.type_weight(int(grams))

    def show(self) -> None:
        session = self.packing.session
        boxes = len(session.state.parcels) if session is not None else 0
        if boxes > self._boxes_seen:
            self.weight_typed = False  # a new box: the typed weight was the previous box's, the scale weighs this one
        self._boxes_seen = boxes
        self.pane.show_state(session.state if session is not None else None, session.picklist.number if session else "")
        grams = self.pane.scale_grams
        if session is not None and grams:  # a tick or a box changes what is expected and weighed: judge again
            self.pane.show_weight(grams, self.weight_warning(grams, fresh=False))

    def scale_weight(self, grams: int) -> None:
        """A stable weight: fill the weight field unless the packer typed one, and check it against the expected."""
        form = self.window.form
        if form.opened is None or self.weight_typed:
            return
        form.weight.setText(str(grams))  # textChanged updates the draft
        self.pane.show_weight(grams, self.weight_warning(grams))

    def weight_warning(self, grams: int, *, fresh: bool = True) -> str:
        """The tolerance warning for a reading; with several boxes their weights together are checked, once every
        box is weighed (one box against the whole picklist would always be too light). A reading that is not
        `fresh` (shown again after a tick or a box change) judges the boxes' own weights, not the reading."""
        session = self.packing.session
        if session is None:
            return ""
        expected = session.state.expected_weight_grams()
        weighed = session.state.weight_with_reading(grams if fresh or not session.state.parcels else None)
        if not expected or weighed is None:
            return ""
        scale = self.window.settings.scale
        tolerance = WeightTolerance(scale.tolerance_grams, scale.tolerance_percent)
        if check_weight(weighed, ExpectedWeight(expected), tolerance) is None:
            return ""
        words = self.window.messages.t
        return words("pack.weight.off", grams=weighed, expected=expected, tolerance=tolerance.allowed(expected))

    def intercept_scan(self, text: str) -> bool:
        """Take a scan while a picklist is being packed; return False to let it open a picklist as before."""
        session = self.packing.session
        if session is None or self.window.shipping.busy:
            return False
        number = text.strip()
        if self._known_code(number) or _shape(number) != _shape(session.picklist.number):
            self.packing.scan(number)  # a product or a box; anything else is refused there, with a beep
            return True
        if number.upper() == session.picklist.number.upper():
            return False  # the open picklist again: opened again as before, its ticks kept
        packed, _total = self.packing.progress()
        if not packed:
            return False  # nothing ticked yet: nothing to lose
        m = self.window.messages
        if self.window._confirm(m.t("pack.switch.title"), self.packing.half_packed_words(number)):
            return False
        self.window.scan_bar.focus()
        return True

    def _known_code(self, text: str) -> bool:
        """A product or box barcode of this packing (a product code may look like a picklist number)."""
        session = self.packing.session
        if session is None:
            return False
        code = normalize_code(text.strip())
        state = session.state
        codes = {normalize_code(c) for line in state.lines for c in (line.product.code, *line.product.barcodes)}
        codes |= {normalize_code(c) for box in state.packagings for c in box.barcodes}
        return code in codes


def _shape(code: str) -> str:
    """A code with its digits as 9: another picklist of the same account has the open one's shape (P9999-99999),
    a product's barcode or code has not (a scan that fits neither is refused as unknown, not looked up)."""
    return re.sub(r"\d", "9", code.upper())
