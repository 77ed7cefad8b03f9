"""The picklists table view: sorting, row selection by picklist number, kept across refreshes."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from packstation.domain.picklists import Picklist
from packstation.ui.models.picklists_model import Column, PicklistsFilterModel


class PicklistsView(QTableView):
    """A table of picklists; a click on a row, or Enter on the highlighted row, asks to open it."""

    open_requested = Signal(str)  # picklist number
    selection_changed = Signal(object)  # Picklist | None
    focus_left = Signal()  # the keyboard left the table: a highlight moved with the arrows was not opened

    def __init__(self, model: PicklistsFilterModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._proxy = model
        self._kept: str | None = None
        self.setModel(model)
        self.setObjectName("picklistsTable")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Tab leaves the table for the next control; the arrow keys move between picklists. (Tab walking the
        # cells moved the highlight onto other picklists while the pane still showed the opened one.)
        self.setTabKeyNavigation(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSortingEnabled(True)
        self.sortByColumn(Column.URGENT, Qt.SortOrder.DescendingOrder)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        # Uniform row heights and fixed column modes: no per-row measuring with 10,000 rows.
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        widths = {
            Column.NUMBER: 128,
            Column.CUSTOMER: 150,
            Column.COUNTRY: 44,
            Column.PRODUCTS: 70,
            Column.WEIGHT: 76,
            Column.PROFILE: 140,
            Column.STATUS: 64,
            Column.URGENT: 64,
        }
        for column, width in widths.items():
            self.setColumnWidth(column, width)
        self.fit_headers()
        model.headerDataChanged.connect(lambda *_args: self.fit_headers())
        # One click opens: a highlighted row that is not the open picklist made F12 ship another one than the
        # packer was looking at. A double click is two clicks on the same row; the window opens it once.
        self.clicked.connect(self._open_index)
        self.doubleClicked.connect(self._open_index)
        self.selectionModel().currentRowChanged.connect(self._current_changed)
        # The proxy resets on large changes (a search keystroke, a source reset): keep the picklist selected.
        model.modelAboutToBeReset.connect(self._remember_selection)
        model.modelReset.connect(self._restore_selection)

    def fit_headers(self) -> None:
        """Widen columns whose header text (in the current language) would be cut off."""
        header = self.horizontalHeader()
        metrics = header.fontMetrics()
        # Room for the sort arrow and the section padding of the style.
        extra = 2 * header.style().pixelMetric(header.style().PixelMetric.PM_HeaderMargin) + 22
        for column in range(self.model().columnCount() - 1):  # the last section stretches anyway
            text = str(self.model().headerData(column, Qt.Orientation.Horizontal) or "")
            needed = metrics.horizontalAdvance(text) + extra
            if self.columnWidth(column) < needed:
                self.setColumnWidth(column, needed)

    def selected_picklist(self) -> Picklist | None:
        rows = self.selectionModel().selectedRows()
        return self._proxy.picklist_at(rows[0].row()) if rows else None

    def select_number(self, number: str) -> bool:
        """Select and show the row of `number`; False when it is not in the (filtered) list."""
        row = self._proxy.proxy_row_of(number)
        if row is None:
            return False
        index = self._proxy.index(row, 0)
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.scrollTo(index)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            picklist = self.selected_picklist()
            if picklist is not None:
                self.open_requested.emit(picklist.number)
                return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_left.emit()

    def _open_index(self, index: QModelIndex) -> None:
        picklist = self._proxy.picklist_at(index.row())
        if picklist is not None:
            self.open_requested.emit(picklist.number)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.selection_changed.emit(self._proxy.picklist_at(current.row()) if current.isValid() else None)

    def _remember_selection(self) -> None:
        picklist = self.selected_picklist()
        self._kept = picklist.number if picklist else None

    def _restore_selection(self) -> None:
        # A reset clears the selection without a signal: listeners hear of a lost selection here.
        if self._kept is not None and not self.select_number(self._kept):
            self.selection_changed.emit(None)
