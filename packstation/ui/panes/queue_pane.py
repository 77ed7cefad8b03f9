"""The picklist queue on the left: search, the status and warehouse filters, the table, its count and legend."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from packstation.domain.picklists import PicklistStatus
from packstation.ui.messages import Messages
from packstation.ui.models.picklists_model import PicklistsFilterModel, PicklistsModel
from packstation.ui.views.picklists_view import PicklistsView

_FILTERED_STATUSES = (PicklistStatus.NEW, PicklistStatus.PAUSED, PicklistStatus.SNOOZED, PicklistStatus.CLOSED)


class QueuePane(QWidget):
    """Show the picklists to pack; Enter in the search box or on a row asks to open one."""

    open_requested = Signal(str)  # a picklist number
    status_chosen = Signal(object)  # PicklistStatus | None: the list loads that status
    said = Signal(str, str)  # text, tone: for the status bar

    def __init__(
        self,
        model: PicklistsModel,
        messages: Messages,
        loaded_status: Callable[[], PicklistStatus | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.messages = messages
        self._loaded_status = loaded_status  # the status the list loads: the filter shows it
        left_layout = QVBoxLayout(self)
        left_layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        self.search_field = QLineEdit()
        self.search_field.setObjectName("searchField")
        self.search_field.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.warehouse_filter = QComboBox()
        # They keep their whole text while there is room; on a narrower pane they may shrink to this.
        for combo in (self.status_filter, self.warehouse_filter):
            combo.setMinimumWidth(90)
        filters.addWidget(self.search_field, 1)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.warehouse_filter)
        left_layout.addLayout(filters)
        self.proxy = PicklistsFilterModel(model, self)
        self.table = PicklistsView(self.proxy)
        left_layout.addWidget(self.table, 1)
        below_table = QHBoxLayout()
        self.count_label = QLabel()
        below_table.addWidget(self.count_label, 1)
        # What the pink rows mean, in words: the colour alone tells a new packer nothing.
        self.urgent_legend = QLabel()
        self.urgent_legend.setObjectName("urgentLegend")
        below_table.addWidget(self.urgent_legend)
        left_layout.addLayout(below_table)
        self._connect()

    def _connect(self) -> None:
        self.proxy.rowsInserted.connect(self.update_count)
        self.proxy.rowsRemoved.connect(self.update_count)
        self.proxy.modelReset.connect(self.update_count)
        self.search_field.textChanged.connect(self.proxy.set_search)
        self.search_field.returnPressed.connect(self._open_search_result)
        # Down from the search box goes into the results (then Up/Down choose, Enter opens).
        into_results = QShortcut(QKeySequence(Qt.Key.Key_Down), self.search_field)
        into_results.setContext(Qt.ShortcutContext.WidgetShortcut)
        into_results.activated.connect(self._into_search_results)
        self.status_filter.currentIndexChanged.connect(self._status_filter_changed)
        self.warehouse_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_warehouse(self.warehouse_filter.currentData())
        )

    def fit_to_font(self) -> None:
        """Measured in the style sheet's font, which a widget has once it is in the window."""
        self.search_field.ensurePolished()
        # The combo boxes give way before the search box does (it shrank to "Zo…" in Dutch at 1280 px).
        self.search_field.setMinimumWidth(self.search_field.fontMetrics().horizontalAdvance("Zoek klant, nummer") + 24)

    def retranslate(self) -> None:
        m = self.messages
        self.search_field.setPlaceholderText(m.t("search.placeholder"))
        self.fill_filters()
        self.update_count()
        self.urgent_legend.setText(m.t("list.urgent_legend"))
        self.urgent_legend.setToolTip(m.t("list.urgent_legend_tip"))

    def fill_filters(self) -> None:
        m = self.messages
        status_index = max(self.status_filter.currentIndex(), 0)
        self.status_filter.blockSignals(True)
        self.status_filter.clear()
        self.status_filter.addItem(m.t("filter.all_statuses"), None)
        for status in _FILTERED_STATUSES:
            self.status_filter.addItem(m.picklist_status(status).capitalize(), status)
        wanted = self._loaded_status()
        self.status_filter.setCurrentIndex(
            self.status_filter.findData(wanted) if status_index == 0 and wanted is not None else status_index
        )
        self.status_filter.blockSignals(False)
        warehouse = self.warehouse_filter.currentData()
        self.warehouse_filter.blockSignals(True)
        self.warehouse_filter.clear()
        self.warehouse_filter.addItem(m.t("filter.all_warehouses"), None)
        ids = sorted({p.warehouse_id for p in self.model.picklists() if p.warehouse_id is not None})
        for warehouse_id in ids:
            self.warehouse_filter.addItem(m.t("filter.warehouse_n", id=warehouse_id), warehouse_id)
        self.warehouse_filter.setCurrentIndex(max(self.warehouse_filter.findData(warehouse), 0))
        self.warehouse_filter.blockSignals(False)

    def update_count(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(self.messages.t("list.count", shown=shown, total=total))
        if self.warehouse_filter.count() <= 1 and total:
            self.fill_filters()

    def show_loading(self, count: int) -> None:
        self.count_label.setText(self.messages.t("list.loading", count=count))

    def highlight(self, number: str | None) -> None:
        """Put the highlight on this picklist; on none when it is None or not in the list."""
        if number is None or not self.table.select_number(number):
            self.table.selectionModel().clear()

    def _status_filter_changed(self, _index: int) -> None:
        status = self.status_filter.currentData()
        self.proxy.set_status(status)
        self.status_chosen.emit(status)

    def _open_search_result(self) -> None:
        """Enter in the search box opens the highlighted picklist, else the first one found."""
        picklist = self.table.selected_picklist() or self.proxy.picklist_at(0)
        if picklist is None:
            self.said.emit(self.messages.t("search.nothing_found"), "error")
            return
        self.open_requested.emit(picklist.number)

    def _into_search_results(self) -> None:
        if self.table.selected_picklist() is None and self.proxy.rowCount():
            first = self.proxy.picklist_at(0)
            if first is not None:
                self.table.select_number(first.number)
        self.table.setFocus()
