"""The picklists table view: sorting, row selection by picklist number, kept across refreshes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QFontMetrics, QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from packstation.domain.picklists import Picklist
from packstation.ui.models.picklists_model import Column, PicklistsFilterModel

# What the packer sees without scrolling sideways at 1280 px; Products, Profile and Status come after these.
ALWAYS_SHOWN = (Column.NUMBER, Column.URGENT, Column.CUSTOMER, Column.COUNTRY, Column.WEIGHT)
CUSTOMER_MIN_WIDTH = 100  # "Thijs Jans…": enough to tell customers apart, the tooltip has the rest
CUSTOMER_MAX_WIDTH = 220
SORT_ARROW_WIDTH = 16
CELL_PADDING = 7  # the item's text margin on each side (style default 3) and a little air


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
        # Urgent right after the number (at the end it was off screen at 1280 px, past Profile and Status), and
        # the weight before the product count: the columns a packer needs first, in ALWAYS_SHOWN's order.
        for place, column in enumerate(ALWAYS_SHOWN):
            header.moveSection(header.visualIndex(column), place)
        self.fit_headers()
        model.headerDataChanged.connect(lambda *_args: self.fit_headers())
        header.sortIndicatorChanged.connect(lambda *_args: self.fit_headers())  # the arrow moved to another column
        # One click opens: a highlighted row that is not the open picklist made F12 ship another one than the
        # packer was looking at. A double click is two clicks on the same row; the window opens it once.
        self.clicked.connect(self._open_index)
        self.doubleClicked.connect(self._open_index)
        self.selectionModel().currentRowChanged.connect(self._current_changed)
        # The proxy resets on large changes (a search keystroke, a source reset): keep the picklist selected.
        model.modelAboutToBeReset.connect(self._remember_selection)
        model.modelReset.connect(self._restore_selection)

    def fit_headers(self) -> None:
        """Size the columns to their header text (in the current language) and to what their cells show.

        Picklist, Urgent, Customer, Country and Weight must fit the pane at 1280 px: the customer's name takes
        what the others leave (its tooltip has the whole name and address); Products, Profile and Status follow.
        """
        header = self.horizontalHeader()
        metrics = header.fontMetrics()
        # The section padding of the style, and room for the sort arrow in the column sorted by.
        extra = 2 * header.style().pixelMetric(header.style().PixelMetric.PM_HeaderMargin) + 8
        arrow = SORT_ARROW_WIDTH
        bold = QFont(self.font())
        bold.setBold(True)  # urgent rows are bold
        cells = QFontMetrics(bold)
        padding = 2 * CELL_PADDING
        content: dict[int, int] = {
            Column.NUMBER: cells.horizontalAdvance("P0000-00000") + padding,
            Column.URGENT: cells.horizontalAdvance(str(self._proxy.urgent_text())) + padding,
            Column.WEIGHT: cells.horizontalAdvance("88\u2009888 g") + padding,
        }
        stretched = header.logicalIndex(header.count() - 1)  # the last section on screen stretches anyway
        for column in (c for c in range(self.model().columnCount()) if c != stretched):
            text = str(self.model().headerData(column, Qt.Orientation.Horizontal) or "")
            sorted_by = column == header.sortIndicatorSection()
            needed = max(metrics.horizontalAdvance(text) + extra + (arrow if sorted_by else 0), content.get(column, 0))
            if column in content or column in ALWAYS_SHOWN or self.columnWidth(column) < needed:
                self.setColumnWidth(column, needed)
        self._fit_customer()

    def _fit_customer(self) -> None:
        others = sum(self.columnWidth(column) for column in ALWAYS_SHOWN if column != Column.CUSTOMER)
        room = self.viewport().width() - others
        self.setColumnWidth(Column.CUSTOMER, max(CUSTOMER_MIN_WIDTH, min(room, CUSTOMER_MAX_WIDTH)))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit_headers()  # the style sheet's 11pt arrives after construction: measure again

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_headers()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_customer()

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
