"""The packing list of the open picklist (issue 16): each line with its ticks, the box chosen and the weight.

Ticked lines turn green; a bundle's parts are indented under the bundle's name. Ctrl+T ticks the selected line
by hand after asking why it was not scanned; Delete or Backspace on the list (or Alt+U anywhere) takes one unit
of the selected line out again. Each box scanned is a row with its own weight (from the scale or typed); Delete on
the boxes (or Ctrl+Shift+B anywhere) removes one. The pane only shows: the packing controller decides.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from packstation.domain.packing import PackingState, PackLine, Parcel
from packstation.domain.weighing import WeightSource
from packstation.ui.messages import Messages

TICKED = QColor("#c8f0c8")
PART_TICKED = QColor("#dff5df")
_HEADERS = ("code", "name", "barcode", "amount", "ticked")
KEY_ROLE = Qt.ItemDataRole.UserRole
UNDO_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)  # on the focused list
BOX_ROWS = 3  # boxes shown without scrolling (the lines keep the height at 1280x720)


class PackingPane(QWidget):
    """Lines to pack, ticks, boxes and weights; the packer's requests go out as signals for the controller."""

    manual_tick_requested = Signal(str, str)  # line key, reason
    untick_requested = Signal(str)  # line key: take one unit out again
    remove_box_requested = Signal(int)  # parcel index (-1: the last box)
    said = Signal(str, str)

    def __init__(self, messages: Messages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("packingPane")
        self.messages = messages
        self.state: PackingState | None = None
        self.number = ""
        self.expected_text = ""
        self.scale_grams: int | None = None
        self._items: dict[str, tuple[QTreeWidgetItem, int]] = {}  # line key: its row and the ticks it shows
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("packProgress")
        self.tree = QTreeWidget()
        self.tree.setObjectName("packLines")
        self.tree.setColumnCount(len(_HEADERS))
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(16)
        self.tree.setUniformRowHeights(True)  # 200 lines redraw in a blink
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # the scan field keeps the focus for the next scan
        header = self.tree.header()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (0, 2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.box_label = QLabel()
        self.box_label.setObjectName("packBox")
        self.boxes = QListWidget()
        self.boxes.setObjectName("packBoxes")
        self.boxes.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.boxes.setMaximumHeight(self.boxes.fontMetrics().height() * BOX_ROWS + 12)
        self.weight_label = QLabel()
        self.weight_label.setObjectName("packWeight")
        self.weight_label.setWordWrap(True)
        self.manual_button = self._button(self.ask_manual_tick)
        self.untick_button = self._button(self.request_untick)
        self.remove_box_button = self._button(self.request_remove_box)
        self._undo_keys = [
            self._list_shortcut(keys, widget, slot)
            for keys in UNDO_KEYS
            for widget, slot in ((self.tree, self.request_untick), (self.boxes, self.request_remove_box))
        ]
        top = QHBoxLayout()  # one row each above and below the lines: they get the height (fits 1280x720)
        top.addWidget(self.progress_label, 1)
        top.addWidget(self.untick_button)
        top.addWidget(self.manual_button)
        # The weight under the boxes, the pane's whole width: beside them it had a third of it and the Dutch
        # sentence wrapped onto eight lines at 1280 px, taking the height from the lines above.
        bottom = QVBoxLayout()
        box_row = QHBoxLayout()
        box_row.addWidget(self.box_label, 1)
        box_row.addWidget(self.remove_box_button)
        bottom.addLayout(box_row)
        bottom.addWidget(self.boxes)
        bottom.addWidget(self.weight_label)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addLayout(bottom)
        self.retranslate()
        self.show_state(None)

    @staticmethod
    def _list_shortcut(key: Qt.Key, widget: QWidget, slot: Callable[[], None]) -> QShortcut:
        """A key for one list only while it has the focus: in a text field Delete and Backspace edit text."""
        shortcut = QShortcut(QKeySequence(key), widget)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(slot)
        return shortcut

    def _button(self, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton()
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a click must not take the focus from the scan field
        button.clicked.connect(slot)
        return button

    def retranslate(self) -> None:
        m = self.messages
        self.tree.setHeaderLabels([m.t(f"pack.header.{key}") for key in _HEADERS])
        self.manual_button.setText(m.t("pack.manual_tick"))
        self.untick_button.setText(m.t("pack.untick_button"))
        self.untick_button.setToolTip(m.t("pack.untick_tip"))
        self.manual_button.setToolTip(m.t("pack.manual_tip"))
        self.remove_box_button.setText(m.t("pack.remove_box_button"))
        self.show_state(self.state, self.number)

    def show_state(self, state: PackingState | None, number: str = "") -> None:
        """Show a packing (None: nothing to pack); the same packing again only updates its ticks and box."""
        if state is not None and state is self.state and self._items:
            self.number = number
            self._show_ticks(state)
            return
        self.state, self.number = state, number
        self.setVisible(state is not None)
        self._items = {}
        if state is None:
            self.tree.clear()
            return
        selected = self.selected_key()
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        bundle_rows: dict[int, QTreeWidgetItem] = {}
        for line in state.lines:
            packed = state.packed[line.key]
            values = (
                line.product.code,
                line.product.name,
                ", ".join(line.product.barcodes[:2]),
                str(line.amount),
                f"{packed}/{line.amount}",
            )
            if line.bundle is not None:
                parent = bundle_rows.get(line.line_index)
                if parent is None:
                    ordered = state.ordered[line.line_index]
                    parent = QTreeWidgetItem([line.bundle.code, line.bundle.name, "", str(ordered.amount), ""])
                    parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    self.tree.addTopLevelItem(parent)
                    bundle_rows[line.line_index] = parent
                item = QTreeWidgetItem(parent, list(values))
            else:
                item = QTreeWidgetItem(list(values))
                self.tree.addTopLevelItem(item)
            item.setData(0, KEY_ROLE, line.key)
            self._items[line.key] = (item, -1)
            if line.key == selected:
                item.setSelected(True)
                self.tree.setCurrentItem(item)
        self.tree.setRootIsDecorated(bool(bundle_rows))
        self.tree.expandAll()
        self.tree.setUpdatesEnabled(True)
        self._show_ticks(state)

    def _show_ticks(self, state: PackingState) -> None:
        """Update the rows whose ticks changed (a scan on 200 lines redraws one row), the counts and the boxes."""
        for line in state.lines:
            packed = state.packed[line.key]
            if packed != self._items[line.key][1]:
                self._show_row(line, packed)
        packed_units = sum(state.packed.values())
        total = sum(line.amount for line in state.lines)
        self.progress_label.setText(self.messages.t("pack.progress", packed=packed_units, total=total))
        self._show_boxes(state.parcels)
        self.show_weight(self.scale_grams)

    def _show_row(self, line: PackLine, packed: int) -> None:
        """One line's ticks: its count, green once complete, scrolled into sight when it was just ticked."""
        item, shown = self._items[line.key]
        self._items[line.key] = (item, packed)
        item.setText(4, f"{packed}/{line.amount}")
        done = packed >= line.amount
        brush = QBrush(PART_TICKED if line.bundle is not None else TICKED) if done else QBrush()
        for column in range(len(_HEADERS)):
            item.setBackground(column, brush)
        if shown >= 0 and packed > shown:
            self.tree.scrollToItem(item)  # the line just ticked is in sight

    def _show_boxes(self, parcels: list[Parcel]) -> None:
        """One row per box scanned: its name and its own weight, from the scale or typed (the typed one wins)."""
        m = self.messages
        rows = [
            m.t("pack.box.row", n=n, box=p.packaging.name, weight=self.weight_words(p))
            for n, p in enumerate(parcels, 1)
        ]
        self.box_label.setText(m.t("pack.boxes", count=len(parcels)) if parcels else m.t("pack.no_box"))
        self.remove_box_button.setEnabled(bool(parcels))
        if rows == [self.boxes.item(i).text() for i in range(self.boxes.count())]:
            return  # a tick changed nothing here: no redraw
        selected = self.boxes.currentRow()
        self.boxes.clear()
        self.boxes.addItems(rows)
        self.boxes.setCurrentRow(min(selected, len(rows) - 1) if selected >= 0 else -1)
        self.boxes.scrollToBottom()  # the box being packed (the last one) is in sight

    def weight_words(self, parcel: Parcel) -> str:
        """A box's weight as the packer reads it: "2500 g from scale", "800 g typed" or not weighed yet."""
        m = self.messages
        if parcel.weight_grams is None:
            return m.t("pack.box.unweighed")
        source = "typed" if parcel.weight_source is WeightSource.TYPED else "scale"
        return m.t(f"pack.box.{source}", grams=parcel.weight_grams)

    def show_weight(self, scale_grams: int | None, warning: str = "") -> None:
        """Show the weight the scale read (or ask for one), the expected weight, and a tolerance warning."""
        self.scale_grams = scale_grams
        m = self.messages
        text = m.t("pack.weight.scale", grams=scale_grams) if scale_grams else m.t("pack.weight.none")
        expected = self.state.expected_weight_grams() if self.state is not None else None
        if expected:
            text += " · " + m.t("pack.weight.expected", grams=expected)
        if warning:
            text = warning
        self.weight_label.setText(text)
        self.weight_label.setStyleSheet("color: #b00020;" if warning else "")

    def selected_key(self) -> str | None:
        item = self.tree.currentItem()
        key = item.data(0, KEY_ROLE) if item is not None else None
        return str(key) if key else None

    def line_for(self, key: str) -> tuple[str, str]:
        """The code and name of a line, for the question."""
        assert self.state is not None
        line = next(line for line in self.state.lines if line.key == key)
        return line.product.code, line.product.name

    def request_untick(self) -> None:
        """Delete / Backspace on the lines, Alt+U, or the button: take one unit of the selected line out again."""
        if self.state is None:
            return
        key = self.selected_key()
        if key is None:
            self._lead_to_a_line("pack.untick.choose", unticking=True)
            return
        self.untick_requested.emit(key)

    def request_remove_box(self) -> None:
        """Delete on the boxes or the button: remove the selected box, else the last one (the one being packed)."""
        if self.state is None:
            return
        if not self.state.parcels:
            self.said.emit(self.messages.t("pack.box.none"), "error")
            return
        row = self.boxes.currentRow()
        self.remove_box_requested.emit(row if 0 <= row < len(self.state.parcels) else -1)

    def remove_last_box(self) -> None:
        """Ctrl+Shift+B: remove the last box scanned, whatever is selected."""
        if self.state is None:
            return
        if not self.state.parcels:
            self.said.emit(self.messages.t("pack.box.none"), "error")
            return
        self.remove_box_requested.emit(-1)

    def ask_manual_tick(self) -> None:
        """Ctrl+T: ask why the selected line is not scanned; with a reason, ask the controller to tick it."""
        key = self.selected_key()
        if self.state is None:
            return
        if key is None:
            self._lead_to_a_line("pack.manual.choose", unticking=False)
            return
        code, name = self.line_for(key)
        m = self.messages
        reason = self.ask_reason(m.t("pack.manual.title"), m.t("pack.manual.text", code=code, name=name))
        if reason.strip():
            self.manual_tick_requested.emit(key, reason.strip())

    def _lead_to_a_line(self, words: str, *, unticking: bool) -> None:
        """No line chosen: put the keyboard in the list on the line the key most likely means (the last one ticked
        to untick, the first one not complete to tick by hand) and say how to go on. The list takes the focus only
        by a click otherwise, so a packer without a mouse could never choose a line."""
        assert self.state is not None
        lines, packed = self.state.lines, self.state.packed
        if unticking:
            likely = [line for line in lines if packed[line.key] > 0][-1:]
        else:
            likely = [line for line in lines if packed[line.key] < line.amount][:1]
        chosen = (likely or list(lines[:1]))[:1]
        if chosen:
            item = self._items[chosen[0].key][0]
            self.tree.setCurrentItem(item)
            self.tree.scrollToItem(item)
            self.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.said.emit(self.messages.t(words), "")

    def ask_reason(self, title: str, text: str) -> str:
        """Ask why a line is not scanned; empty when the packer cancels (a test puts its own answer in place)."""
        reason, ok = QInputDialog.getText(self, title, text)
        return reason if ok else ""
