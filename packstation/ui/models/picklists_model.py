"""The picklists table: a flat list model fed page by page, and a proxy for search, filters and sorting.

Both sides keep per-row search text and sort keys precomputed, and the proxy filters and sorts in plain Python
lists: QSortFilterProxyModel called back into Python for every row (filter) and every comparison (sort), which
made a keystroke over 10,000 rows take up to half a second.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from packstation.domain.picklists import Picklist, PicklistStatus
from packstation.ui.messages import Messages

ModelIndex = QModelIndex | QPersistentModelIndex

PICKLIST_ROLE = Qt.ItemDataRole.UserRole + 1  # the Picklist object of a row
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a raw value that sorts right (numbers as numbers)

# Above this many separate insert/remove runs one reset is cheaper for the view than many small signals.
MAX_RUNS = 32


class Column(IntEnum):
    NUMBER = 0
    CUSTOMER = 1
    COUNTRY = 2
    PRODUCTS = 3
    WEIGHT = 4
    PROFILE = 5
    STATUS = 6
    URGENT = 7


COLUMNS = tuple(Column)
_COLUMN_COUNT = len(COLUMNS)

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
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_DISPLAY = Qt.ItemDataRole.DisplayRole
_FONT = Qt.ItemDataRole.FontRole
_BACKGROUND = Qt.ItemDataRole.BackgroundRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole


def _runs(positions: Iterable[int]) -> list[tuple[int, int]]:
    """Group ascending positions into (first, last) runs of consecutive numbers."""
    runs: list[tuple[int, int]] = []
    for position in positions:
        if runs and runs[-1][1] == position - 1:
            runs[-1] = (runs[-1][0], position)
        else:
            runs.append((position, position))
    return runs


class _ColumnKeys:
    """One column of the per-row sort keys, read in place (a binary search needs only log(rows) of them)."""

    __slots__ = ("_column", "_keys")

    def __init__(self, keys: list[tuple[object, ...]], column: int) -> None:
        self._keys = keys
        self._column = column

    def __getitem__(self, row: int) -> Any:
        return self._keys[row][self._column]


class PicklistsModel(QAbstractTableModel):
    """Picklists as rows; pages are appended as they arrive, a refresh updates, adds and drops only what changed."""

    def __init__(self, messages: Messages, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._messages = messages
        self._rows: list[Picklist] = []
        self._index: dict[str, int] = {}  # picklist number -> row (rebuilt lazily after removals)
        self._index_stale = False
        self._search_text: list[str] = []  # casefolded text per row, for a fast filter
        self._keys: list[tuple[object, ...]] = []  # sort key per row, one entry per column
        self._profile_names: dict[int, str] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        messages.language_changed.connect(self._language_changed)

    # --- feeding -------------------------------------------------------------------------------------

    def append(self, picklists: Iterable[Picklist]) -> None:
        """Add a page; a picklist already present (pages shift while Picqer changes) is updated in place."""
        index = self._fresh_index()
        new: list[Picklist] = []
        seen: set[str] = set()
        changed: list[int] = []
        for picklist in picklists:
            row = index.get(picklist.number)
            if row is not None:
                current = self._rows[row]
                if picklist is not current and picklist != current:
                    self._set_row(row, picklist)
                    changed.append(row)
            elif picklist.number not in seen:
                seen.add(picklist.number)
                new.append(picklist)
        if changed:
            self._emit_changed(min(changed), max(changed))
        if new:
            self._insert(new)

    def replace(self, picklists: Iterable[Picklist]) -> None:
        """Take a fresh list: changed rows update in place, gone rows leave, new ones are added at the end."""
        fresh: dict[str, Picklist] = {}
        for picklist in picklists:
            fresh.setdefault(picklist.number, picklist)
        gone = [row for row, p in enumerate(self._rows) if p.number not in fresh]
        if len(_runs(gone)) > MAX_RUNS:
            self._reset(fresh.values())
            return
        self._remove_runs(_runs(gone))
        changed = []
        for row, old in enumerate(self._rows):
            picklist = fresh.pop(old.number)
            if picklist is not old and picklist != old:
                self._set_row(row, picklist)
                changed.append(row)
        if changed:
            self._emit_changed(min(changed), max(changed))
        if fresh:  # what is left in `fresh` was not in the table
            self._insert(list(fresh.values()))

    def retain(self, numbers: Collection[str]) -> None:
        """Drop every picklist whose number is not in `numbers` (the end of a refresh fed page by page)."""
        # Only what leaves is touched (rebuilding the table here took 110-220 ms at 47,000 rows), and found by a
        # set difference in C, not a Python loop over the rows (another 50 ms on a busy machine).
        keep = numbers if isinstance(numbers, set | frozenset) else set(numbers)
        self.remove_many(self._fresh_index().keys() - keep)

    def remove_many(self, numbers: Collection[str]) -> None:
        """Drop these picklists (closed, paused or cancelled elsewhere); numbers not in the table are ignored."""
        index = self._fresh_index()
        runs = _runs(sorted(index[n] for n in numbers if n in index))
        if len(runs) > MAX_RUNS:
            self._reset([p for p in self._rows if p.number not in numbers])
        elif runs:
            self._remove_runs(runs)

    def _remove_runs(self, runs: list[tuple[int, int]]) -> None:
        for first, last in reversed(runs):  # from the bottom, so the rows of the next run stay where they are
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first : last + 1]
            del self._search_text[first : last + 1]
            del self._keys[first : last + 1]
            self._index_stale = True
            self.endRemoveRows()

    def remove(self, number: str) -> None:
        """Drop one picklist (shipped or closed elsewhere)."""
        row = self.row_of(number)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        del self._search_text[row]
        del self._keys[row]
        self._index_stale = True
        self.endRemoveRows()

    def set_profile_names(self, names: Mapping[int, str]) -> None:
        """Name Picqer shipping-provider profile ids in the preferred-profile column."""
        self._profile_names = dict(names)
        self._recompute_all()
        if self._rows:
            top = self.index(0, Column.PROFILE)
            self.dataChanged.emit(top, self.index(len(self._rows) - 1, Column.PROFILE))

    # --- lookups -------------------------------------------------------------------------------------

    def picklist(self, row: int) -> Picklist:
        return self._rows[row]

    def row_of(self, number: str) -> int | None:
        return self._fresh_index().get(number)

    def picklists(self) -> Sequence[Picklist]:
        return tuple(self._rows)

    def search_text(self, row: int) -> str:
        return self._search_text[row]

    def rows(self) -> Sequence[Picklist]:
        """Return the live row list (read-only by contract: the proxy filters over it without copying)."""
        return self._rows

    def search_texts(self) -> Sequence[str]:
        """Return the live list of casefolded search texts, one per row."""
        return self._search_text

    def sort_keys(self, column: int) -> list[Any]:
        """Return the sort key of every row for `column` (numbers as numbers, text lower-cased: within one column
        they compare with each other, which is all sorting asks)."""
        return [keys[column] for keys in self._keys]

    def sort_keys_of(self, column: int) -> _ColumnKeys:
        """Return the sort keys of `column` as a read-only sequence over the live rows (no copy)."""
        return _ColumnKeys(self._keys, column)

    # --- Qt model ------------------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY and 0 <= section < _COLUMN_COUNT:
            return self._messages.t(_HEADER_KEYS[COLUMNS[section]])
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        return self.cell(index.row(), index.column(), role)

    def cell(self, row: int, column: int, role: int) -> object:
        """Return what data() returns for (row, column), without building an index."""
        if not 0 <= row < len(self._rows):
            return None
        picklist = self._rows[row]
        if role == _DISPLAY:
            return self._display(picklist, COLUMNS[column])
        if role == SORT_ROLE:
            return self._keys[row][column]
        if role == PICKLIST_ROLE:
            return picklist
        return self._decoration(picklist, column, role)

    def _decoration(self, picklist: Picklist, column: int, role: int) -> object:
        """Bold and coloured for urgent picklists, numbers to the right, the whole address as the customer's tooltip."""
        if role in (_FONT, _BACKGROUND):
            return self._urgent_look(picklist, role)
        if role == _ALIGNMENT and column in (Column.PRODUCTS, Column.WEIGHT):
            return _RIGHT
        if role == _TOOLTIP and column == Column.CUSTOMER:
            d = picklist.delivery
            return "\n".join(part for part in (d.name, d.contact, d.address_line, f"{d.postal_code} {d.city}") if part)
        return None

    def _urgent_look(self, picklist: Picklist, role: int) -> object:
        if not picklist.urgent:
            return None
        return self._bold if role == _FONT else _URGENT_BACKGROUND

    # --- internals -----------------------------------------------------------------------------------

    def _fresh_index(self) -> dict[str, int]:
        if self._index_stale:
            self._index = {p.number: i for i, p in enumerate(self._rows)}
            self._index_stale = False
        return self._index

    def _insert(self, new: list[Picklist]) -> None:
        index = self._fresh_index()
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        for offset, picklist in enumerate(new):
            self._rows.append(picklist)
            index[picklist.number] = first + offset
            self._search_text.append(self._search_blob(picklist))
            self._keys.append(self._sort_keys(picklist))
        self.endInsertRows()

    def _reset(self, picklists: Iterable[Picklist]) -> None:
        self.beginResetModel()
        self._rows = list(picklists)
        self._index = {p.number: i for i, p in enumerate(self._rows)}
        self._index_stale = False
        self._search_text = [self._search_blob(p) for p in self._rows]
        self._keys = [self._sort_keys(p) for p in self._rows]
        self.endResetModel()

    def _set_row(self, row: int, picklist: Picklist) -> None:
        self._rows[row] = picklist
        self._search_text[row] = self._search_blob(picklist)
        self._keys[row] = self._sort_keys(picklist)

    def _emit_changed(self, first: int, last: int) -> None:
        self.dataChanged.emit(self.index(first, 0), self.index(last, _COLUMN_COUNT - 1))

    def _recompute_all(self) -> None:
        self._search_text = [self._search_blob(p) for p in self._rows]
        self._keys = [self._sort_keys(p) for p in self._rows]

    def _display(self, picklist: Picklist, column: Column) -> str:
        return _DISPLAY_TEXT[column](self, picklist)

    def _weight_text(self, picklist: Picklist) -> str:
        if not picklist.weight_grams:
            return self._messages.t("weight.unknown")
        return self._messages.t("weight.grams", grams=f"{picklist.weight_grams:,}".replace(",", "\u2009"))

    def _sort_keys(self, picklist: Picklist) -> tuple[object, ...]:
        d = picklist.delivery
        return (
            picklist.number.lower(),
            (d.name or d.contact).lower(),
            d.country.lower(),
            picklist.product_count,
            picklist.weight_grams or 0,
            self._profile_name(picklist).lower(),
            self._messages.picklist_status(picklist.status).lower(),
            1 if picklist.urgent else 0,
        )

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

    def urgent_text(self) -> str:
        """What an urgent row's Urgent cell says (the view sizes the column to it)."""
        return self._messages.t("urgent.yes")

    def _language_changed(self, _language: str) -> None:
        self._keys = [self._sort_keys(p) for p in self._rows]  # the status column sorts by its translated text
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, _COLUMN_COUNT - 1)
        if self._rows:
            self._emit_changed(0, len(self._rows) - 1)


# What each column shows of a picklist, in the packer's language.
_DISPLAY_TEXT: dict[Column, Callable[[PicklistsModel, Picklist], str]] = {
    Column.NUMBER: lambda _model, p: p.number,
    Column.CUSTOMER: lambda _model, p: p.delivery.name or p.delivery.contact,
    Column.COUNTRY: lambda _model, p: p.delivery.country.upper(),
    Column.PRODUCTS: lambda _model, p: str(p.product_count),
    Column.WEIGHT: PicklistsModel._weight_text,
    Column.PROFILE: PicklistsModel._profile_name,
    Column.STATUS: lambda model, p: model._messages.picklist_status(p.status),
    Column.URGENT: lambda model, p: model._messages.t("urgent.yes") if p.urgent else "",
}


class PicklistsFilterModel(QAbstractTableModel):
    """Search words (all must match), a status and a warehouse filter, and sorting, over a PicklistsModel.

    Rows shown are a list of source rows, recomputed in Python on every change; the view is told the difference
    as a few insert/remove runs, a layout change (sorting) or, for large differences, one reset.
    """

    def __init__(self, source: PicklistsModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._words: tuple[str, ...] = ()
        self._status: PicklistStatus | None = None
        self._warehouse: int | None = None
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._order: list[int] = []  # source rows shown, top to bottom
        self._position: list[int] | None = None  # source row -> shown row (-1: hidden), built when needed
        source.modelAboutToBeReset.connect(self.beginResetModel)
        source.modelReset.connect(self._source_reset)
        source.rowsInserted.connect(self._source_inserted)
        source.rowsAboutToBeRemoved.connect(self._source_about_to_remove)
        source.rowsRemoved.connect(self._source_removed)
        source.dataChanged.connect(self._source_changed)
        source.headerDataChanged.connect(self.headerDataChanged)
        self._order = self._compute()

    # --- filters and sorting -------------------------------------------------------------------------

    @property
    def search(self) -> str:
        return " ".join(self._words)

    def sourceModel(self) -> PicklistsModel:
        return self._source

    def set_search(self, text: str) -> None:
        """Show rows containing every word of `text` (number, customer, city, postal code, country…)."""
        words = tuple(text.casefold().split())
        if words != self._words:
            self._words = words
            self._publish(self._compute())

    def set_status(self, status: PicklistStatus | None) -> None:
        if status != self._status:
            self._status = status
            self._publish(self._compute())

    def set_warehouse(self, warehouse_id: int | None) -> None:
        if warehouse_id != self._warehouse:
            self._warehouse = warehouse_id
            self._publish(self._compute())

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column = column if 0 <= column < _COLUMN_COUNT else -1
        self._sort_order = order
        self._publish(self._compute())

    def sortColumn(self) -> int:
        return self._sort_column

    def sortOrder(self) -> Qt.SortOrder:
        return self._sort_order

    # --- lookups -------------------------------------------------------------------------------------

    def urgent_text(self) -> str:
        return self._source.urgent_text()

    def picklist_at(self, proxy_row: int) -> Picklist | None:
        """Return the picklist shown in `proxy_row`, if any."""
        if not 0 <= proxy_row < len(self._order):
            return None
        return self._source.picklist(self._order[proxy_row])

    def proxy_row_of(self, number: str) -> int | None:
        """Return the shown row of a picklist number, or None when it is filtered out or gone."""
        row = self._source.row_of(number)
        if row is None:
            return None
        shown = self._positions()[row]
        return shown if shown >= 0 else None

    def mapToSource(self, index: ModelIndex) -> QModelIndex:
        if not index.isValid() or not 0 <= index.row() < len(self._order):
            return QModelIndex()
        return self._source.index(self._order[index.row()], index.column())

    def mapFromSource(self, index: ModelIndex) -> QModelIndex:
        if not index.isValid() or index.row() >= len(self._positions()):
            return QModelIndex()
        shown = self._positions()[index.row()]
        return self.index(shown, index.column()) if shown >= 0 else QModelIndex()

    # --- Qt model ------------------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal:
            return self._source.headerData(section, orientation, role)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self._order):
            return None
        return self._source.cell(self._order[row], index.column(), role)

    # --- internals -----------------------------------------------------------------------------------

    def _compute(self) -> list[int]:
        """Return the source rows that pass the filters, in sort order."""
        shown = self._passing(range(self._source.rowCount()))
        if self._sort_column >= 0:
            keys = self._source.sort_keys(self._sort_column)
            shown.sort(key=keys.__getitem__, reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
        return shown

    def _passing(self, candidates: Iterable[int]) -> list[int]:
        """Return the source rows among `candidates` that pass the filters, in the order given."""
        source = self._source
        rows: Sequence[Picklist] = source.rows()
        shown: list[int] = list(candidates)
        status, warehouse, words = self._status, self._warehouse, self._words
        if status is not None:
            shown = [r for r in shown if rows[r].status is status]
        if warehouse is not None:
            shown = [r for r in shown if rows[r].warehouse_id == warehouse]
        return self._with_words(shown, words)

    def _with_words(self, shown: list[int], words: Sequence[str]) -> list[int]:
        """Keep the rows whose search text holds every word."""
        if words:
            texts = self._source.search_texts()
            for word in words:
                shown = [r for r in shown if word in texts[r]]
        return shown

    def _place_appended(self, first: int, last: int) -> None:
        """Show source rows first..last, just appended, where the sort puts them: O(page x log rows), not O(rows).

        A full _compute per page made loading 50,000 picklists quadratic (23 ms a page at the end, 11 s in all).
        The order sorts stably over ascending source rows, so an appended row goes after every shown row whose key
        equals its own.
        """
        new = self._passing(range(first, last + 1))
        if not new:
            return
        places = self._places(new) if self._sort_column >= 0 else [(len(self._order), row) for row in new]
        self._insert_at_places(places)

    def _places(self, new: list[int]) -> list[tuple[int, int]]:
        """Where each new row goes in the shown order (before the first shown row it sorts before), top first."""
        order = self._order
        keys = self._source.sort_keys_of(self._sort_column)
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        places = []
        for row in new:
            key = keys[row]
            low, high = 0, len(order)
            while low < high:  # the first shown row that the new one sorts before
                middle = (low + high) // 2
                other = keys[order[middle]]
                if (other < key) if descending else (key < other):
                    high = middle
                else:
                    low = middle + 1
            places.append((low, row))
        # Rows placed at the same spot keep the sort's order among themselves (then source order: stable).
        rank = {row: i for i, row in enumerate(sorted(new, key=keys.__getitem__, reverse=descending))}
        places.sort(key=lambda place: (place[0], rank[place[1]]))
        return places

    def _insert_at_places(self, places: list[tuple[int, int]]) -> None:
        # One insert per spot, from the top: each run lands `shifted` rows below where it was computed.
        order = self._order
        shifted = 0
        start = 0
        while start < len(places):
            spot = places[start][0]
            end = start
            while end < len(places) and places[end][0] == spot:
                end += 1
            rows = [row for _spot, row in places[start:end]]
            at = spot + shifted
            self.beginInsertRows(QModelIndex(), at, at + len(rows) - 1)
            order[at:at] = rows
            self._position = None
            self.endInsertRows()
            shifted += len(rows)
            start = end

    def _positions(self) -> list[int]:
        if self._position is None:
            position = [-1] * self._source.rowCount()
            for shown, row in enumerate(self._order):
                position[row] = shown
            self._position = position
        return self._position

    def _publish(self, new: list[int]) -> None:
        """Make `new` the shown rows and tell the views with the fewest signals that keep selections right."""
        old = self._order
        if new == old:
            return
        new_set, old_set = set(new), set(old)
        kept_old = [r for r in old if r in new_set]
        kept_new = [r for r in new if r in old_set]
        if kept_old == kept_new:
            if self._publish_as_runs(new, new_set, old_set):
                return
        elif new_set == old_set:  # same rows, new order: sorting
            self._publish_sorted(new)
            return
        self.beginResetModel()
        self._order = new
        self._position = None
        self.endResetModel()

    def _publish_as_runs(self, new: list[int], new_set: set[int], old_set: set[int]) -> bool:
        """Remove and insert the rows that come and go, when they are few runs; False when a reset is cheaper."""
        old = self._order
        removes = _runs(i for i, r in enumerate(old) if r not in new_set)
        inserts = _runs(i for i, r in enumerate(new) if r not in old_set)
        if len(removes) + len(inserts) > MAX_RUNS:
            return False
        for first, last in reversed(removes):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._order[first : last + 1]
            self._position = None
            self.endRemoveRows()
        for first, last in inserts:  # ascending: everything above `first` is already in place
            self.beginInsertRows(QModelIndex(), first, last)
            self._order[first:first] = new[first : last + 1]
            self._position = None
            self.endInsertRows()
        return True

    def _publish_sorted(self, new: list[int]) -> None:
        """Show the same rows in a new order; selections and the current row follow their rows."""
        old = self._order
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        shown_at = {row: i for i, row in enumerate(new)}
        moved = [self.index(shown_at[old[index.row()]], index.column()) for index in persistent]
        self._order = new
        self._position = None
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _source_reset(self) -> None:
        self._order = self._compute()
        self._position = None
        self.endResetModel()

    def _source_inserted(self, _parent: ModelIndex, first: int, last: int) -> None:
        count = last - first + 1
        if first < self._source.rowCount() - count:  # rows below moved down (the source only appends today)
            self._order = [r + count if r >= first else r for r in self._order]
            self._position = None
            self._publish(self._compute())
            return
        self._place_appended(first, last)

    def _source_about_to_remove(self, _parent: ModelIndex, first: int, last: int) -> None:
        self._publish([r for r in self._order if not first <= r <= last])

    def _source_removed(self, _parent: ModelIndex, first: int, last: int) -> None:
        count = last - first + 1
        self._order = [r - count if r > last else r for r in self._order]
        self._position = None

    def _source_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles: Sequence[int] = ()) -> None:
        # A changed row may now fall outside the filter or sort elsewhere; then repaint what is shown.
        self._publish(self._compute())
        if self._order:
            self.dataChanged.emit(
                self.index(0, top_left.column()), self.index(len(self._order) - 1, bottom_right.column())
            )
