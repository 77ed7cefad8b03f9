"""The packing list of the open picklist (issue 16): each line with its ticks, the box chosen and the weight.

Ticked lines turn green; a bundle's parts are indented under the bundle's name. Ctrl+T ticks the selected line
by hand after asking why it was not scanned. The pane only shows: the packing controller decides.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from packstation.domain.packing import PackingState
from packstation.ui.messages import Messages

TICKED = QColor("#c8f0c8")
PART_TICKED = QColor("#dff5df")
_HEADERS = ("code", "name", "barcode", "amount", "ticked")
KEY_ROLE = Qt.ItemDataRole.UserRole


class PackingPane(QWidget):
    """Lines to pack, ticks, box and weight; `manual_tick_requested(key, reason)` once the packer gave a reason."""

    manual_tick_requested = Signal(str, str)
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
        self.weight_label = QLabel()
        self.weight_label.setObjectName("packWeight")
        self.weight_label.setWordWrap(True)
        self.manual_button = QPushButton()
        self.manual_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.manual_button.clicked.connect(self.ask_manual_tick)
        top = QHBoxLayout()  # one row each above and below the lines: they get the height (fits 1280x720)
        top.addWidget(self.progress_label, 1)
        top.addWidget(self.manual_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.box_label)
        bottom.addWidget(self.weight_label, 1)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addLayout(bottom)
        self.retranslate()
        self.show_state(None)

    def retranslate(self) -> None:
        m = self.messages
        self.tree.setHeaderLabels([m.t(f"pack.header.{key}") for key in _HEADERS])
        self.manual_button.setText(m.t("pack.manual_tick"))
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
        """Update the rows whose ticks changed (a scan on 200 lines redraws one row), the counts and the box."""
        m = self.messages
        for line in state.lines:
            item, shown = self._items[line.key]
            packed = state.packed[line.key]
            if packed == shown:
                continue
            self._items[line.key] = (item, packed)
            item.setText(4, f"{packed}/{line.amount}")
            done = packed >= line.amount
            brush = QBrush(PART_TICKED if line.bundle is not None else TICKED) if done else QBrush()
            for column in range(len(_HEADERS)):
                item.setBackground(column, brush)
            if shown >= 0 and packed > shown:
                self.tree.scrollToItem(item)  # the line just ticked is in sight
        packed_units = sum(state.packed.values())
        total = sum(line.amount for line in state.lines)
        self.progress_label.setText(m.t("pack.progress", packed=packed_units, total=total))
        box = ", ".join(parcel.packaging.name for parcel in state.parcels)
        self.box_label.setText(m.t("pack.box", box=box) if box else m.t("pack.no_box"))
        self.show_weight(self.scale_grams)

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

    def ask_manual_tick(self) -> None:
        """Ctrl+T: ask why the selected line is not scanned; with a reason, ask the controller to tick it."""
        key = self.selected_key()
        if self.state is None:
            return
        if key is None:
            self.said.emit(self.messages.t("pack.manual.choose"), "error")
            return
        code, name = self.line_for(key)
        m = self.messages
        reason = self.ask_reason(m.t("pack.manual.title"), m.t("pack.manual.text", code=code, name=name))
        if reason.strip():
            self.manual_tick_requested.emit(key, reason.strip())

    def ask_reason(self, title: str, text: str) -> str:
        """Ask why a line is not scanned; empty when the packer cancels (a test puts its own answer in place)."""
        reason, ok = QInputDialog.getText(self, title, text)
        return reason if ok else ""
