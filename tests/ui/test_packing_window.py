"""Verified packing in the window (issue 16), on the demo servers: scans tick lines, wrong ones are refused with a
beep, boxes, manual ticks, F12's pack check, picks in the demo Picqer, ticks across a restart, and the scale."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from packstation import app
from packstation.demo import DemoServers, seed
from packstation.settings import PackCheck, PackingSettings
from packstation.ui.controllers.packing_controller import PackingController
from packstation.ui.controllers.picklists_controller import PicklistsController
from packstation.ui.controllers.shipping_controller import ShippingController
from packstation.ui.main_window import MainWindow
from packstation.ui.messages import Messages
from packstation.ui.models.picklists_model import PicklistsModel

BUNDLE_PICKLIST = "P2024-00008"  # PLNT-POT x3, LMP-DESK, TS-BLK-M and the tea set (mug + 2x tea)
BOX_S = seed.PACKAGINGS[1][2]
ENVELOPE = seed.PACKAGINGS[0][2]
SHIFT_CTRL = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def code_of(productcode: str) -> str:
    idproduct = next(p[0] for p in seed.PRODUCTS if p[1] == productcode)
    return seed.BARCODES[idproduct][0]


pytestmark = pytest.mark.usefixtures("data_dir")  # tests/conftest.py: a data folder per test


@pytest.fixture
def servers() -> AsyncIterator[DemoServers]:
    with DemoServers(picklist_count=30, rate_limits=False) as s:
        yield s


class Station:
    """A window on the demo servers, as app/gui.py wires it, with the beeps and questions counted."""

    def __init__(
        self, servers: DemoServers, qtbot, pack_check: PackCheck, language: str = "en", *, print_queue: bool = False
    ) -> None:
        settings, keys = app.demo_settings(servers)
        settings = dataclasses.replace(settings, packing=PackingSettings(pack_check))
        self.context = app.build_context(settings, keys)
        messages = Messages(language)
        self.beeps = 0
        self.questions: list[str] = []
        self.answer = False
        assert self.context.packing is not None
        self.packing = PackingController(
            self.context.packing, messages, pack_check, self.context.weighing, beep=self._beep
        )
        shipping = ShippingController(self.context.service, messages)
        picklists = PicklistsController(self.context.service, PicklistsModel(messages), messages)
        self.window = MainWindow(
            shipping,
            picklists,
            settings,
            packing=self.packing,
            demo_scale=self.context.scale,
            print_queues=self.context.print_queues if print_queue else None,  # the F9 panel, as the app has it
        )
        self.window.confirm = self._confirm  # type: ignore[method-assign]
        qtbot.addWidget(self.window)
        self.pane = self.window.packing_wiring.pane

    def _beep(self) -> None:
        self.beeps += 1

    def _confirm(self, title: str, text: str) -> bool:
        self.questions.append(text)
        return self.answer

    async def open(self, number: str, wait_for: Callable) -> None:
        self.window.handle_scan(number)
        await wait_for(lambda: self.packing.session is not None and self.packing.session.picklist.number == number)

    def ticked(self) -> dict[str, int]:
        session = self.packing.session
        assert session is not None
        return {line.product.code: session.state.packed[line.key] for line in session.state.lines}

    async def close(self) -> None:
        await self.window.aclose()
        await self.context.aclose()


def box_rows(station: Station) -> list[str]:
    boxes = station.pane.boxes
    return [boxes.item(i).text() for i in range(boxes.count())]


@pytest.fixture
async def station(servers: DemoServers, qtbot) -> AsyncIterator[Station]:
    s = Station(servers, qtbot, PackCheck.WARN)
    yield s
    await s.close()


async def test_a_scan_ticks_its_line_and_the_pane_shows_it(station: Station, wait_for) -> None:
    await station.open(BUNDLE_PICKLIST, wait_for)
    station.window.handle_scan(code_of("PLNT-POT"))
    await wait_for(lambda: station.pane.progress_label.text() == "1 of 8 units ticked")
    assert station.ticked()["PLNT-POT"] == 1
    assert "PLNT-POT ticked: 1 of 3." in station.window.status_text
    assert station.beeps == 0


@pytest.mark.parametrize(
    ("scans", "said"),
    [
        ([code_of("MUG-CER"), code_of("MUG-CER")], "all 1 already ticked"),  # extra unit
        (["8712345678906"], "is not on this picklist and is no box"),  # unknown (valid EAN)
        (["8712345678907"], "unreadable"),  # garbled: a wrong check digit
    ],
)
async def test_a_wrong_scan_is_refused_with_a_beep_and_ticks_nothing(
    station: Station, wait_for, scans: list[str], said: str
) -> None:
    await station.open(BUNDLE_PICKLIST, wait_for)
    for code in scans:
        station.window.handle_scan(code)
    await wait_for(lambda: station.beeps == 1)
    assert said in station.window.status_text
    assert sum(station.ticked().values()) == len(scans) - 1


async def test_a_product_of_another_picklist_is_refused(station: Station, wait_for) -> None:
    await station.open(BUNDLE_PICKLIST, wait_for)
    session = station.packing.session
    assert session is not None
    on_list = {line.product.id for line in session.state.lines}
    other = next(p for p in seed.PRODUCTS if p[0] not in on_list and p[0] in seed.BARCODES and p[0] != 0)
    station.window.handle_scan(seed.BARCODES[other[0]][0])
    await wait_for(lambda: station.beeps == 1)
    assert sum(station.ticked().values()) == 0
    # Only the picklist's products are loaded: another product reads as an unknown code, and the words must not
    # tell the packer holding a product of the shop that it is "no product we know".
    assert "is not on this picklist" in station.window.status_text


async def test_bundle_parts_are_rows_under_the_bundle_and_tick_one_by_one(station: Station, wait_for) -> None:
    await station.open(BUNDLE_PICKLIST, wait_for)
    tree = station.pane.tree
    bundle = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount()) if tree.topLevelItem(i).childCount())
    assert bundle.text(0) == "SET-TEA"
    assert [bundle.child(i).text(0) for i in range(bundle.childCount())] == ["MUG-CER", "TEA-EARL"]
    station.window.handle_scan(code_of("TEA-EARL"))
    await wait_for(lambda: station.ticked()["TEA-EARL"] == 1)


async def test_a_manual_tick_keeps_its_reason(station: Station, wait_for) -> None:
    await station.open(BUNDLE_PICKLIST, wait_for)
    asked: list[str] = []
    station.pane.ask_reason = lambda title, text: asked.append(text) or "label torn off"  # type: ignore[method-assign]
    station.pane.ask_manual_tick()  # Ctrl+T without a line selected: leads to a line and says how
    assert "Choose the line with ↑ ↓, then Ctrl+T again" in station.window.status_text
    station.pane.tree.setCurrentItem(station.pane.tree.topLevelItem(1))
    station.pane.ask_manual_tick()
    assert asked == ["Why is LMP-DESK (Bureaulamp LED) not scanned?"]
    await wait_for(lambda: station.ticked()["LMP-DESK"] == 1)
    session = station.packing.session
    assert session is not None
    assert [(m.key, m.reason) for m in session.state.manual] == [("1", "label torn off")]


async def test_a_box_scan_chooses_the_box_and_f12_books_a_parcel_per_box(station: Station, wait_for) -> None:
    await station.open(BUNDLE_PICKLIST, wait_for)
    station.window.handle_scan(BOX_S)
    station.window.handle_scan(BOX_S)
    await wait_for(lambda: station.pane.box_label.text() == "Boxes: 2")
    assert box_rows(station) == ["1. Doos S: not weighed yet", "2. Doos S: not weighed yet"]
    draft = station.packing.apply_to(station.window.current_draft())
    assert draft is not None and draft.request.parcels == 2 and draft.request.packaging_ids


async def test_another_picklist_mid_pack_asks_and_no_keeps_this_one(
    station: Station, servers: DemoServers, wait_for
) -> None:
    await station.open(BUNDLE_PICKLIST, wait_for)
    station.window.handle_scan(code_of("PLNT-POT"))
    await wait_for(lambda: station.ticked()["PLNT-POT"] == 1)
    other = next(p["picklistid"] for p in servers.picqer.picklists if p["picklistid"] != BUNDLE_PICKLIST)
    station.window.handle_scan(other)
    assert station.questions and "half packed (1 of 8)" in station.questions[0]
    assert station.packing.session is not None and station.packing.session.picklist.number == BUNDLE_PICKLIST
    station.answer = True
    station.window.handle_scan(other)
    await wait_for(lambda: station.packing.session is not None and station.packing.session.picklist.number == other)


async def test_f12_warn_asks_and_no_books_nothing(station: Station, servers: DemoServers, wait_for) -> None:
    await station.open(BUNDLE_PICKLIST, wait_for)
    station.window.ship()
    assert station.questions and "5 lines are not ticked" in station.questions[0]
    assert not station.window.shipping.busy
    assert servers.myparcel.shipments == []


async def test_f12_require_refuses_with_what_is_missing(servers: DemoServers, qtbot, wait_for) -> None:
    station = Station(servers, qtbot, PackCheck.REQUIRE)
    try:
        await station.open(BUNDLE_PICKLIST, wait_for)
        station.window.ship()
        assert "Still missing: PLNT-POT x3, LMP-DESK x1" in station.window.status_text
        assert not station.window.shipping.busy and station.beeps == 1
    finally:
        await station.close()


async def test_picks_reach_the_demo_picqer_and_ticks_survive_a_restart(servers: DemoServers, qtbot, wait_for) -> None:
    station = Station(servers, qtbot, PackCheck.OFF)
    try:
        await station.open(BUNDLE_PICKLIST, wait_for)
        for _ in range(2):
            station.window.handle_scan(code_of("PLNT-POT"))
        await wait_for(lambda: station.ticked()["PLNT-POT"] == 2)
        await wait_for(lambda: servers.picqer.picks, within=5)  # a second after the last tick
        assert [body["amount"] for body in servers.picqer.picks] == [2]
    finally:
        await station.close()
    again = Station(servers, qtbot, PackCheck.OFF)
    try:
        await again.open(BUNDLE_PICKLIST, wait_for)
        assert again.ticked()["PLNT-POT"] == 2
    finally:
        await again.close()


async def test_the_scale_fills_the_weight_typing_wins_and_unplugging_shows(station: Station, wait_for) -> None:
    scale = station.context.scale
    assert scale is not None and station.context.weighing is not None
    station.context.weighing.start()
    await station.open(BUNDLE_PICKLIST, wait_for)
    scale.place(6820)  # type: ignore[attr-defined]
    await wait_for(lambda: station.window.form.weight.text() == "6820")
    assert station.pane.weight_label.text() == "Weight: 6820 g from scale · expected 6800 g"
    scale.place(2450)  # type: ignore[attr-defined]  # the wrong parcel, or something left out
    await wait_for(lambda: station.window.form.weight.text() == "2450")
    assert "more than 340 g off the expected 6800 g" in station.pane.weight_label.text()
    station.window.form.weight.setText("3000")
    station.window.form.weight.textEdited.emit("3000")  # as the packer types it
    scale.place(1200)  # type: ignore[attr-defined]
    await wait_for(lambda: station.context.weighing.stable_grams == 1200)
    assert station.window.form.weight.text() == "3000"
    scale.unplug()  # type: ignore[attr-defined]
    await wait_for(lambda: "Scale unplugged" in station.window.status_text)


async def test_dutch_words(servers: DemoServers, qtbot, wait_for) -> None:
    station = Station(servers, qtbot, PackCheck.REQUIRE, language="nl")
    try:
        await station.open(BUNDLE_PICKLIST, wait_for)
        station.window.handle_scan(code_of("PLNT-POT"))
        await wait_for(lambda: station.ticked()["PLNT-POT"] == 1)
        assert station.pane.progress_label.text() == "1 van 8 stuks afgevinkt"
        station.window.ship()
        assert "Nog nodig: PLNT-POT x2" in station.window.status_text
        # Boxes are named "Doos S" in a Dutch shop: not "Doos Doos S gekozen".
        station.window.handle_scan(BOX_S)
        await wait_for(lambda: len(box_rows(station)) == 1)
        assert "Gekozen: Doos S; pakketten: 1." in station.window.status_text
        station.pane.remove_last_box()
        await wait_for(lambda: not box_rows(station))
        assert "Verwijderd: Doos S; pakketten: 0." in station.window.status_text
    finally:
        await station.close()


async def test_f12_off_ships_unticked_with_one_parcel_per_box_scanned(servers: DemoServers, qtbot, wait_for) -> None:
    station = Station(servers, qtbot, PackCheck.OFF)
    try:
        await station.open(BUNDLE_PICKLIST, wait_for)
        station.window.handle_scan(BOX_S)
        station.window.handle_scan(BOX_S)
        await wait_for(lambda: station.pane.box_label.text() == "Boxes: 2")
        done: list[object] = []
        station.window.shipping.shipment_done.connect(done.append)
        station.window.ship()
        assert station.questions == []
        await wait_for(lambda: done, within=20)
        assert "3SMYPA000000001, 3SMYPA000000002" in station.window.status_text
        assert len(servers.myparcel.shipments) == 2  # multi-collo: one MyParcel shipment per box scanned
        await wait_for(lambda: station.packing.session is None)  # shipped: the packing is done and forgotten
        assert not station.pane.isVisible()
    finally:
        await station.close()


def press(widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key as the packer presses it, on the widget that has the focus."""
    widget.setFocus()
    QTest.keyClick(widget, key, modifiers)


async def test_delete_and_backspace_untick_the_selected_line_and_ctrl_shift_b_removes_the_last_box(
    station: Station, wait_for
) -> None:
    station.window.show()  # keys reach shortcuts only in a shown, active window
    station.window.activateWindow()
    await station.open(BUNDLE_PICKLIST, wait_for)
    for _ in range(3):
        station.window.handle_scan(code_of("PLNT-POT"))
    station.window.handle_scan(BOX_S)
    station.window.handle_scan(ENVELOPE)
    await wait_for(lambda: station.ticked()["PLNT-POT"] == 3 and len(box_rows(station)) == 2)
    tree = station.pane.tree
    tree.setCurrentItem(tree.topLevelItem(0))  # the packer clicks the PLNT-POT line
    press(tree, Qt.Key.Key_Delete)
    await wait_for(lambda: "PLNT-POT unticked: 2 of 3." in station.window.status_text)
    assert station.ticked()["PLNT-POT"] == 2
    press(tree, Qt.Key.Key_Backspace)
    await wait_for(lambda: station.pane.progress_label.text() == "1 of 8 units ticked")
    assert station.ticked()["PLNT-POT"] == 1
    station.window.scan_bar.focus()
    press(station.window.scan_bar.scan_field, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)  # from the scan field
    await wait_for(lambda: station.ticked()["PLNT-POT"] == 0)
    press(station.window.scan_bar.scan_field, Qt.Key.Key_B, SHIFT_CTRL)
    await wait_for(lambda: box_rows(station) == ["1. Doos S: not weighed yet"])
    assert "Box Envelop C4 removed; parcels: 1." in station.window.status_text
    session = station.packing.session
    assert session is not None and session.packaging_ids == [502]


async def test_unticking_a_hand_tick_and_a_unit_already_picked_in_picqer_says_picqer_keeps_it(
    servers: DemoServers, qtbot, wait_for
) -> None:
    station = Station(servers, qtbot, PackCheck.OFF)
    try:
        station.window.show()
        station.window.activateWindow()
        await station.open(BUNDLE_PICKLIST, wait_for)
        station.pane.ask_reason = lambda title, text: "label torn off"  # type: ignore[method-assign]
        tree = station.pane.tree
        tree.setCurrentItem(tree.topLevelItem(1))  # LMP-DESK, ticked by hand
        station.pane.ask_manual_tick()
        await wait_for(lambda: station.ticked()["LMP-DESK"] == 1)
        await wait_for(lambda: servers.picqer.picks, within=5)  # picked in the demo Picqer a second later
        press(tree, Qt.Key.Key_Delete)
        said = "LMP-DESK unticked: 0 of 1. The tick is gone here; 1 stays picked in Picqer"
        await wait_for(lambda: said in station.window.status_text)
        assert station.ticked()["LMP-DESK"] == 0
        session = station.packing.session
        assert session is not None and session.state.manual == [] and session.picks_due() == []
        press(tree, Qt.Key.Key_Delete)  # nothing left to take out of that line
        await wait_for(lambda: station.beeps == 1)
        assert "LMP-DESK: nothing ticked to take out." in station.window.status_text
        assert [body["amount"] for body in servers.picqer.picks] == [1]  # nothing was sent to Picqer for the undo
    finally:
        await station.close()


async def test_each_box_takes_its_own_stable_weight_and_a_typed_one_wins(station: Station, wait_for) -> None:
    scale = station.context.scale
    assert scale is not None and station.context.weighing is not None
    station.context.weighing.start()
    await station.open(BUNDLE_PICKLIST, wait_for)
    station.window.handle_scan(BOX_S)
    await wait_for(lambda: box_rows(station) == ["1. Doos S: not weighed yet"])
    scale.place(2500)  # type: ignore[attr-defined]
    await wait_for(lambda: box_rows(station) == ["1. Doos S: 2500 g from scale"])
    station.window.handle_scan(ENVELOPE)
    await wait_for(lambda: len(box_rows(station)) == 2)
    scale.place(4300)  # type: ignore[attr-defined]
    await wait_for(lambda: box_rows(station)[1] == "2. Envelop C4: 4300 g from scale")
    # Judged together: 2500 + 4300 g is the expected 6800 g (the envelope alone would be far too light).
    await wait_for(lambda: station.pane.weight_label.text() == "Weight: 4300 g from scale · expected 6800 g")
    scale.place(950)  # type: ignore[attr-defined]  # something left out of the envelope
    await wait_for(lambda: box_rows(station)[1] == "2. Envelop C4: 950 g from scale")
    await wait_for(lambda: "Weight 3450 g: more than 340 g off the expected 6800 g" in station.pane.weight_label.text())
    weight = station.window.form.weight
    weight.setText("800")
    weight.textEdited.emit("800")  # as the packer types it
    await wait_for(lambda: box_rows(station)[1] == "2. Envelop C4: 800 g typed")
    scale.place(990)  # type: ignore[attr-defined]
    await wait_for(lambda: station.context.weighing.stable_grams == 990)
    assert box_rows(station) == ["1. Doos S: 2500 g from scale", "2. Envelop C4: 800 g typed"]
    draft = station.packing.apply_to(station.window.current_draft())
    assert draft is not None and draft.request.parcel_weights == (2500, 800)


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("number", [BUNDLE_PICKLIST, "P2024-00003"])
async def test_the_packing_pane_fits_the_smallest_bench_screen(
    servers: DemoServers, qtbot, wait_for, language: str, number: str
) -> None:
    # The pane's button rows must not push the window past a 1280 px screen (Dutch buttons are the longest).
    station = Station(servers, qtbot, PackCheck.WARN, language=language)
    try:
        station.window.show()
        await station.open(number, wait_for)
        station.window.handle_scan(BOX_S)
        await wait_for(lambda: len(box_rows(station)) == 1)
        assert station.pane.isVisibleTo(station.window)
        hint = station.window.minimumSizeHint()
        assert hint.width() <= 1280 and hint.height() <= 702, hint
    finally:
        await station.close()


@pytest.mark.parametrize("language", ["en", "nl"])
async def test_the_weight_reads_on_at_most_two_lines_at_1280(
    servers: DemoServers, qtbot, wait_for, language: str
) -> None:
    station = Station(servers, qtbot, PackCheck.WARN, language=language)
    try:
        station.window.resize(1280, 702)
        station.window.show()
        await station.open(BUNDLE_PICKLIST, wait_for)
        QApplication.processEvents()
        label = station.pane.weight_label
        assert "6800 g" in label.text()  # the expected weight, with the words asking for the parcel
        lines = label.heightForWidth(label.width()) / label.fontMetrics().lineSpacing()
        assert lines <= 2.5, (lines, label.width())  # it wrapped onto eight lines in Dutch
    finally:
        await station.close()


@pytest.mark.parametrize("language", ["en", "nl"])
async def test_the_print_queue_under_a_packing_leaves_the_status_bar_on_the_smallest_bench_screen(
    servers: DemoServers, qtbot, wait_for, language: str
) -> None:
    # F9 docks the print queue under the window: with a packing open it pushed the window to 729 px, its status
    # bar (what went wrong, what to do) below a 720 px screen.
    station = Station(servers, qtbot, PackCheck.WARN, language=language, print_queue=True)
    try:
        station.window.show()
        await station.open(BUNDLE_PICKLIST, wait_for)
        station.window.handle_scan(BOX_S)
        await wait_for(lambda: len(box_rows(station)) == 1)
        station.window.toggle_print_queue()
        assert station.window.queue_dock is not None and station.window.queue_dock.isVisible()
        hint = station.window.minimumSizeHint()
        assert hint.width() <= 1280 and hint.height() <= 702, hint
    finally:
        await station.close()


async def test_ctrl_t_and_alt_u_without_a_chosen_line_lead_the_keyboard_into_the_list(
    station: Station, wait_for
) -> None:
    """The list takes the focus only by a click: by keyboard alone the packer could never choose a line. With no
    line chosen, Ctrl+T goes to the first line not complete, Alt+U to the last one ticked; ↓ and the key again do it."""
    station.window.show()  # keys reach shortcuts only in a shown, active window
    station.window.activateWindow()
    await station.open(BUNDLE_PICKLIST, wait_for)
    station.window.handle_scan(code_of("PLNT-POT"))
    station.window.handle_scan(code_of("LMP-DESK"))
    await wait_for(lambda: station.pane.progress_label.text() == "2 of 8 units ticked")
    field, tree = station.window.scan_bar.scan_field, station.pane.tree
    station.window.scan_bar.focus()
    press(field, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    await wait_for(lambda: tree.hasFocus())
    assert station.pane.line_for(station.pane.selected_key() or "")[0] == "LMP-DESK"  # the last one ticked
    assert "Choose the line with ↑ ↓, then Alt+U or Delete" in station.window.status_text
    QTest.keyClick(tree, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    await wait_for(lambda: station.ticked()["LMP-DESK"] == 0)

    tree.setCurrentItem(None)  # type: ignore[arg-type]
    station.window.scan_bar.focus()
    press(field, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    await wait_for(lambda: tree.hasFocus())
    assert station.pane.line_for(station.pane.selected_key() or "")[0] == "PLNT-POT"  # the first not complete
    assert "then Ctrl+T again" in station.window.status_text
    QTest.keyClick(tree, Qt.Key.Key_Down)
    asked: list[str] = []
    station.pane.ask_reason = lambda title, text: asked.append(text) or "label torn"  # type: ignore[method-assign]
    QTest.keyClick(tree, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    await wait_for(lambda: station.ticked()["LMP-DESK"] == 1)
    assert asked == ["Why is LMP-DESK (Bureaulamp LED) not scanned?"]
    assert field.hasFocus()  # ticked: back to scanning


async def test_the_demo_scale_also_answers_ctrl_alt_page_up_and_down(station: Station, wait_for) -> None:
    """Window managers take Ctrl+Alt+Up/Down (workspaces), so the demo's scale has keys that reach the window."""
    station.window.show()
    station.window.activateWindow()
    await station.open(BUNDLE_PICKLIST, wait_for)
    scale = station.context.scale
    assert scale is not None
    ctrl_alt = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    field = station.window.scan_bar.scan_field
    for _ in range(3):
        press(field, Qt.Key.Key_PageUp, ctrl_alt)
    press(field, Qt.Key.Key_PageDown, ctrl_alt)
    assert scale.reading.grams == 100
