"""The picklists table: pages append, refresh replaces and keeps the selection, search filters 10,000 rows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from packstation.domain.picklists import DeliveryAddress, Picklist, PicklistLine, PicklistStatus
from packstation.ui.messages import Messages
from packstation.ui.models.picklists_model import Column, PicklistsFilterModel, PicklistsModel
from packstation.ui.views.picklists_view import PicklistsView

CITIES = ["Amsterdam", "Antwerpen", "Utrecht", "Gent", "Rotterdam", "Brugge", "Zwolle", "Leuven"]


def make_picklist(n: int, **overrides) -> Picklist:
    values = dict(
        id=1000 + n,
        number=f"P2024-{n:05d}",
        status=PicklistStatus.NEW if n % 7 else PicklistStatus.PAUSED,
        delivery=DeliveryAddress(
            name=f"Klant {n}",
            address_line=f"Straat {n}",
            postal_code=f"{1000 + n % 9000}AB",
            city=CITIES[n % len(CITIES)],
            country="BE" if n % 2 else "NL",
        ),
        lines=(PicklistLine("SKU-1", "Mok", amount=1 + n % 3),),
        warehouse_id=1 + n % 2,
        urgent=n % 50 == 0,
        weight_grams=250 + n,
        preferred_profile_id=7 if n % 3 == 0 else None,
    )
    values.update(overrides)
    return Picklist(**values)


@pytest.fixture
def messages() -> Messages:
    return Messages("en")


@pytest.fixture
def model(messages) -> PicklistsModel:
    return PicklistsModel(messages)


def shown_numbers(proxy: PicklistsFilterModel) -> list[str]:
    return [proxy.index(r, Column.NUMBER).data() for r in range(proxy.rowCount())]


def test_pages_append_in_order_and_overlapping_pages_update_in_place(model):
    model.append([make_picklist(n) for n in range(100)])
    model.append([make_picklist(99, urgent=True)] + [make_picklist(n) for n in range(100, 150)])
    assert model.rowCount() == 150
    assert model.row_of("P2024-00099") == 99
    assert model.index(99, Column.URGENT).data() == "URGENT"
    assert model.index(149, Column.NUMBER).data() == "P2024-00149"


def test_cells_show_what_the_packer_needs(model):
    model.set_profile_names({7: "PostNL standaard"})
    model.append([make_picklist(3)])
    row = [model.index(0, c).data() for c in Column]
    assert row == ["P2024-00003", "Klant 3", "BE", "1", "253 g", "PostNL standaard", "new", ""]
    assert model.headerData(Column.CUSTOMER, Qt.Orientation.Horizontal) == "Customer"


def test_language_switch_changes_headers_and_statuses(model, messages):
    model.append([make_picklist(7)])  # paused
    messages.set_language("nl")
    assert model.headerData(Column.CUSTOMER, Qt.Orientation.Horizontal) == "Klant"
    assert model.index(0, Column.STATUS).data() == "gepauzeerd"


def test_ten_thousand_rows_filter_by_keystroke(model):
    model.append([make_picklist(n) for n in range(10_000)])
    proxy = PicklistsFilterModel(model)
    assert proxy.rowCount() == 10_000
    proxy.set_search("gent")
    expected = [p.number for p in model.picklists() if p.delivery.city == "Gent"]
    assert sorted(shown_numbers(proxy)) == sorted(expected)
    assert len(expected) == 1250
    proxy.set_search("gent 0003")  # every word must match
    assert sorted(shown_numbers(proxy)) == sorted(n for n in expected if "0003" in n)
    proxy.set_search("")
    proxy.set_status(PicklistStatus.PAUSED)
    proxy.set_warehouse(2)
    assert sorted(shown_numbers(proxy)) == sorted(
        p.number for p in model.picklists() if p.status is PicklistStatus.PAUSED and p.warehouse_id == 2
    )


def test_sorting_by_weight_is_numeric(model):
    model.append([make_picklist(n, weight_grams=w) for n, w in enumerate([900, 12000, 50])])
    proxy = PicklistsFilterModel(model)
    proxy.sort(Column.WEIGHT, Qt.SortOrder.AscendingOrder)
    assert [proxy.picklist_at(r).weight_grams for r in range(3)] == [50, 900, 12000]


def test_refresh_replaces_rows_and_keeps_the_selected_picklist(qtbot, model):
    model.append([make_picklist(n) for n in range(20)])
    view = PicklistsView(PicklistsFilterModel(model))
    qtbot.addWidget(view)
    assert view.select_number("P2024-00012")
    # The refreshed list lost some rows above the selection and gained new ones.
    model.replace([make_picklist(n) for n in range(5, 30)])
    assert model.rowCount() == 25
    selected = view.selected_picklist()
    assert selected is not None and selected.number == "P2024-00012"


def test_enter_on_a_row_asks_to_open_it(qtbot, model):
    model.append([make_picklist(n) for n in range(3)])
    view = PicklistsView(PicklistsFilterModel(model))
    qtbot.addWidget(view)
    view.select_number("P2024-00001")
    with qtbot.waitSignal(view.open_requested) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == ["P2024-00001"]


def test_refresh_updates_rows_in_place_without_a_reset(qtbot, model):
    model.append([make_picklist(n) for n in range(10)])
    proxy = PicklistsFilterModel(model)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    proxy.modelReset.connect(lambda: resets.append(True))
    # Row 0 is gone, row 4 turned urgent, P2024-00010 is new.
    model.replace([make_picklist(n, urgent=n == 4) for n in range(1, 11)])
    assert resets == []
    assert [p.number for p in model.picklists()] == [f"P2024-{n:05d}" for n in range(1, 11)]
    assert model.index(model.row_of("P2024-00004"), Column.URGENT).data() == "URGENT"
    assert sorted(shown_numbers(proxy)) == [f"P2024-{n:05d}" for n in range(1, 11)]


def test_urgent_rows_stay_on_top_as_pages_arrive_and_search_keeps_the_selection(qtbot, model):
    view = PicklistsView(PicklistsFilterModel(model))
    qtbot.addWidget(view)
    proxy = view.model()
    for page in range(5):
        model.append([make_picklist(n) for n in range(page * 100, page * 100 + 100)])
    urgent = [p.number for p in model.picklists() if p.urgent]
    assert shown_numbers(proxy)[: len(urgent)] == urgent  # sorted by the urgent column, stable
    assert proxy.index(0, Column.NUMBER).data(Qt.ItemDataRole.FontRole).bold()
    assert view.select_number("P2024-00150")
    proxy.set_search("zwolle")  # P2024-00150 is in Zwolle
    assert view.selected_picklist().number == "P2024-00150"
    proxy.set_search("gent")
    assert view.selected_picklist() is None
    proxy.set_search("")
    assert proxy.rowCount() == 500


def test_sorting_by_header_keeps_the_selected_picklist(qtbot, model):
    model.append([make_picklist(n) for n in range(50)])
    view = PicklistsView(PicklistsFilterModel(model))
    qtbot.addWidget(view)
    view.select_number("P2024-00033")
    view.sortByColumn(Column.WEIGHT, Qt.SortOrder.DescendingOrder)
    assert shown_numbers(view.model())[0] == "P2024-00049"
    assert view.selected_picklist().number == "P2024-00033"
    assert view.selectionModel().selectedRows()[0].row() == 49 - 33


@pytest.mark.parametrize(
    ("column", "order"),
    [
        (Column.URGENT, Qt.SortOrder.DescendingOrder),
        (Column.CUSTOMER, Qt.SortOrder.AscendingOrder),
        (Column.WEIGHT, Qt.SortOrder.DescendingOrder),
        (-1, Qt.SortOrder.AscendingOrder),
    ],
)
def test_appended_pages_land_where_a_full_sort_puts_them_without_a_reset(model, column, order):
    proxy = PicklistsFilterModel(model)
    proxy.set_status(PicklistStatus.NEW)
    proxy.set_search("a")
    proxy.sort(column, order)
    resets: list[bool] = []
    proxy.modelReset.connect(lambda: resets.append(True))
    shown_before: list[str] = []
    for start in range(0, 1000, 100):
        model.append([make_picklist(n, weight_grams=(n * 37) % 500) for n in range(start, start + 100)])
        shown = [proxy.picklist_at(row).number for row in range(proxy.rowCount())]
        assert shown == [model.picklist(row).number for row in proxy._compute()]
        assert [n for n in shown if n in set(shown_before)] == shown_before  # nothing shown before moved
        shown_before = shown
    assert resets == []
    assert proxy.rowCount() > 300


def test_retain_drops_only_what_left(model):
    model.append([make_picklist(n) for n in range(300)])
    removed: list[tuple[int, int]] = []
    model.rowsRemoved.connect(lambda _parent, first, last: removed.append((first, last)))
    model.retain({make_picklist(n).number for n in range(300) if n not in (5, 6, 200)})
    assert removed == [(200, 200), (5, 6)]
    assert model.rowCount() == 297 and model.row_of("P2024-00006") is None
