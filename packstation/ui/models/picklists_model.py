"""The picklists table: a flat list model fed page by page, and a proxy for search and filters."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from packstation.domain.picklists import Picklist, PicklistStatus
from packstation.ui.messages import Messages

ModelIndex = QModelIndex | QPersistentModelIndex

PICKLIST_ROLE = Qt.ItemDataRole.UserRole + 1  # the Picklist object of a row
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a raw value that sorts right (numbers as numbers)


class Column(IntEnum):
    NUMBER = 0
    CUSTOMER = 1
    COUNTRY = 2
    PRODUCTS = 3
    WEIGHT = 4
    PROFILE = 5
    STATUS = 6
    URGENT = 7


_HEADER_KEYS = {
    Column.NUMBER: "col.number",
    Column.CUSTOMER: "col.customer",
    Column.COUNTRY: "col.country",
    Column.PRODUCTS: "col.products",
    Column.WEIGHT: "col.weight",
    Column.PROFILE: "col.profile",
    Column.STATUS: "col.status",
    Column.URGENT: "col.urgent",
}

_URGENT_BACKGROUND = QColor("#fde2e1")


class PicklistsModel(QAbstractTableModel):
    """Picklists as rows; pages are appended as they arrive, a refresh replaces them all."""

    def __init__(self, messages: Messages, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._messages = messages
        self._rows: list[Picklist] = []
        self._index: dict[str, int] = {}  # picklist number -> row
        self._search_text: list[str] = []  # lower-case text per row, for a fast filter
        self._profile_names: dict[int, str] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        messages.language_changed.connect(self._language_changed)

    # --- feeding -------------------------------------------------------------------------------------

    def append(self, picklists: Iterable[Picklist]) -> None:
        """Add a page; a picklist already present (pages shift while Picqer changes) is updated in place."""
        new: list[Picklist] = []
        seen: set[str] = set()
        for picklist in picklists:
            row = self._index.get(picklist.number)
            if row is not None:
                self._rows[row] = picklist
                self._search_text[row] = self._search_blob(picklist)
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))
            elif picklist.number not in seen:
                seen.add(picklist.number)
                new.append(picklist)
        if not new:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        for offset, picklist in enumerate(new):
            self._rows.append(picklist)
            self._index[picklist.number] = first + offset
            self._search_text.append(self._search_blob(picklist))
        self.endInsertRows()

    def replace(self, picklists: Iterable[Picklist]) -> None:
        """Swap in a fresh list (views keep their selection by picklist number, see PicklistsView)."""
        self.beginResetModel()
        self._rows = []
        self._index = {}
        self._search_text = []
        for picklist in picklists:
            if picklist.number in self._index:
                continue
            self._index[picklist.number] = len(self._rows)
            self._rows.append(picklist)
            self._search_text.append(self._search_blob(picklist))
        self.endResetModel()

    def remove(self, number: str) -> None:
        """Drop one picklist (shipped or closed elsewhere)."""
        row = self._index.get(number)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        del self._search_text[row]
        self._index = {p.number: i for i, p in enumerate(self._rows)}
        self.endRemoveRows()

    def set_profile_names(self, names: Mapping[int, str]) -> None:
        """Name Picqer shipping-provider profile ids in the preferred-profile column."""
        self._profile_names = dict(names)
        self._search_text = [self._search_blob(p) for p in self._rows]
        if self._rows:
            top = self.index(0, Column.PROFILE)
            self.dataChanged.emit(top, self.index(len(self._rows) - 1, Column.PROFILE))

    # --- lookups -------------------------------------------------------------------------------------

    def picklist(self, row: int) -> Picklist:
        return self._rows[row]

    def row_of(self, number: str) -> int | None:
        return self._index.get(number)

    def picklists(self) -> Sequence[Picklist]:
        return tuple(self._rows)

    def search_text(self, row: int) -> str:
        return self._search_text[row]

    # --- Qt model ------------------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(Column)
        ):
            return self._messages.t(_HEADER_KEYS[Column(section)])
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        picklist = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(picklist, column)
        if role == SORT_ROLE:
            return self._sort_value(picklist, column)
        if role == PICKLIST_ROLE:
            return picklist
        if role == Qt.ItemDataRole.FontRole and picklist.urgent:
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole and picklist.urgent:
            return _URGENT_BACKGROUND
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.PRODUCTS, Column.WEIGHT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.CUSTOMER:
            d = picklist.delivery
            return "\n".join(part for part in (d.name, d.contact, d.address_line, f"{d.postal_code} {d.city}") if part)
        return None

    def _display(self, picklist: Picklist, column: Column) -> str:
        match column:
            case Column.NUMBER:
                return picklist.number
            case Column.CUSTOMER:
                return picklist.delivery.name or picklist.delivery.contact
            case Column.COUNTRY:
                return picklist.delivery.country.upper()
            case Column.PRODUCTS:
                return str(picklist.product_count)
            case Column.WEIGHT:
                if not picklist.weight_grams:
                    return self._messages.t("weight.unknown")
                return self._messages.t("weight.grams", grams=f"{picklist.weight_grams:,}".replace(",", "\u2009"))
            case Column.PROFILE:
                return self._profile_name(picklist)
            case Column.STATUS:
                return self._messages.picklist_status(picklist.status)
            case Column.URGENT:
                return self._messages.t("urgent.yes") if picklist.urgent else ""

    def _sort_value(self, picklist: Picklist, column: Column) -> object:
        match column:
            case Column.PRODUCTS:
                return picklist.product_count
            case Column.WEIGHT:
                return picklist.weight_grams or 0
            case Column.URGENT:
                return 1 if picklist.urgent else 0
        return self._display(picklist, column).lower()

    def _profile_name(self, picklist: Picklist) -> str:
        if picklist.preferred_profile_id is None:
            return ""
        return self._profile_names.get(picklist.preferred_profile_id, f"#{picklist.preferred_profile_id}")

    def _search_blob(self, picklist: Picklist) -> str:
        d = picklist.delivery
        parts = (
            picklist.number,
            picklist.reference,
            d.name,
            d.contact,
            d.city,
            d.postal_code,
            d.country,
            d.email,
            self._profile_name(picklist),
            " ".join(picklist.tags),
        )
        return "\n".join(parts).casefold()

    def _language_changed(self, _language: str) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1))


class PicklistsFilterModel(QSortFilterProxyModel):
    """Search words (all must match), a status and a warehouse filter over a PicklistsModel."""

    def __init__(self, source: PicklistsModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._words: tuple[str, ...] = ()
        self._status: PicklistStatus | None = None
        self._warehouse: int | None = None
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    @property
    def search(self) -> str:
        return " ".join(self._words)

    def set_search(self, text: str) -> None:
        """Show rows containing every word of `text` (number, customer, city, postal code, country…)."""
        words = tuple(text.casefold().split())
        if words != self._words:
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_status(self, status: PicklistStatus | None) -> None:
        if status != self._status:
            self.beginFilterChange()
            self._status = status
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_warehouse(self, warehouse_id: int | None) -> None:
        if warehouse_id != self._warehouse:
            self.beginFilterChange()
            self._warehouse = warehouse_id
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        # Reads the source's Python list directly: going through data() for 10,000 rows per keystroke is slow.
        picklist = self._source.picklist(source_row)
        if self._status is not None and picklist.status is not self._status:
            return False
        if self._warehouse is not None and picklist.warehouse_id != self._warehouse:
            return False
        if self._words:
            text = self._source.search_text(source_row)
            return all(word in text for word in self._words)
        return True

    def picklist_at(self, proxy_row: int) -> Picklist | None:
        """Return the picklist shown in `proxy_row`, if any."""
        if not 0 <= proxy_row < self.rowCount():
            return None
        source = self.mapToSource(self.index(proxy_row, 0))
        return self._source.picklist(source.row())

    def proxy_row_of(self, number: str) -> int | None:
        """Return the shown row of a picklist number, or None when it is filtered out or gone."""
        row = self._source.row_of(number)
        if row is None:
            return None
        proxy = self.mapFromSource(self._source.index(row, 0))
        return proxy.row() if proxy.isValid() else None
