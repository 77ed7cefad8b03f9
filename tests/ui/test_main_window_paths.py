"""The main window's less common paths: take-over, reprint, a confirmed new shipment, unfinished shipments,
Picqer profile names, printer status; keyboard only, on the Qt loop over the real service with fakes."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest

from packstation.domain.journal_entry import JournalEntry
from packstation.domain.picklists import PicklistStatus
from packstation.domain.profiles import default_profiles
from packstation.domain.shipments import Carrier, Platform, Shipment
from packstation.services.shipping import ShippingService
from packstation.settings import Settings
from packstation.ui.controllers.picklists_controller import PicklistsController
from packstation.ui.controllers.shipping_controller import ShippingController
from packstation.ui.main_window import MainWindow
from packstation.ui.messages import Messages
from packstation.ui.models.picklists_model import Column, PicklistsModel
from packstation.ui.views.unfinished_dialog import UnfinishedDialog
from tests.fakes.station import FakeResumeJournal

# Written to a temporary folder; PACKSTATION_SCREENSHOT_DIR=docs/screenshots refreshes the README pictures.
SCREENSHOT = Path(os.environ.get("PACKSTATION_SCREENSHOT_DIR", tempfile.gettempdir())) / "detail.png"


def build_window(qtbot, service, messages=None, **kwargs) -> MainWindow:
    messages = messages or Messages("en")
    shipping = ShippingController(service, messages)
    picklists = PicklistsController(service, PicklistsModel(messages), messages)
    window = MainWindow(shipping, picklists, Settings(), **kwargs)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    window.focus_scan_field()
    return window


@pytest.fixture
def window(qtbot, station, queues):
    return build_window(qtbot, station.service, print_queues=queues)


def keys(window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(window.focusWidget() or window, key, modifiers)


async def open_number(window, number: str, wait_for) -> None:
    window.handle_scan(number)
    await wait_for(lambda: window.form.opened is not None and window.form.opened.picklist.number == number)


async def test_window_starts_maximized_with_full_country_header(window):
    assert window.windowState() & Qt.WindowState.WindowMaximized
    header = window.queue.table.horizontalHeader()
    text_width = header.fontMetrics().horizontalAdvance("Country")
    assert window.queue.table.columnWidth(Column.COUNTRY) > text_width + 10
    window.messages.set_language("nl")
    assert window.queue.table.columnWidth(Column.PROFILE) > header.fontMetrics().horizontalAdvance("Voorkeursprofiel")


async def test_take_over_a_claimed_picklist_after_confirming(window, station, wait_for):
    station.picqer._set(500, assigned_user_id=2)  # Station 2 holds P2024-00123
    asked = []
    window.confirm = lambda title, text: asked.append(text) or True
    await open_number(window, "P2024-00123", wait_for)
    keys(window, Qt.Key.Key_F12)
    await wait_for(lambda: window.statusBar().property("tone") == "error")
    assert "Station 2" in window.status_text and "Ctrl+Shift+T" in window.status_text
    assert window.form.take_over_button.isVisible()
    assert station.carrier.created == []
    keys(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    await wait_for(lambda: "shipped" in window.status_text)
    assert "Station 2" in asked[0]
    assert len(station.carrier.created) == 1 and station.printer.sent == ["P2024-00123"]
    assert (await station.picqer.get_picklist(500)).assigned_user_id == 1


async def test_take_over_refused_keeps_the_claim(window, station, wait_for):
    station.picqer._set(500, assigned_user_id=2)
    window.confirm = lambda title, text: False
    await open_number(window, "P2024-00123", wait_for)
    keys(window, Qt.Key.Key_F12)
    await wait_for(lambda: window.statusBar().property("tone") == "error")
    keys(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not window.shipping.busy and station.carrier.created == []
    assert (await station.picqer.get_picklist(500)).assigned_user_id == 2


def already_shipped(station, number: str = "P2024-00123") -> None:
    station.carrier.existing[number] = [Shipment(id=777, reference=number, carrier=Carrier.POSTNL, barcode="3SOLD")]


async def test_already_shipped_shows_the_shipment_and_reprints_with_ctrl_r(window, station, wait_for):
    already_shipped(station)
    await open_number(window, "P2024-00123", wait_for)
    assert window.form.existing_banner.isVisible() and "3SOLD" in window.form.existing_banner.text()
    assert window.form.reprint_button.isVisible() and window.form.new_shipment_button.isVisible()
    assert not window.ship_panel.ship_button.isEnabled()
    keys(window, Qt.Key.Key_F12)
    assert station.carrier.created == []
    keys(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    await wait_for(lambda: station.printer.sent == ["P2024-00123"])
    assert station.carrier.created == []  # nothing booked twice
    assert window.ship_panel.steps.state("create").value == "skipped"
    await wait_for(lambda: window.statusBar().property("tone") == "ok")
    assert "printed the label again" in window.status_text and "shipped" not in window.status_text
    # Still open: a second reprint (a jammed label) works too, and nothing is booked.
    keys(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    # Sent is not yet finished: the barcodes are read back after the label went out (the job is busy until then).
    await wait_for(lambda: station.printer.sent == ["P2024-00123", "P2024-00123"] and not window.shipping.busy)
    assert station.carrier.created == []
    asked = []
    window.confirm = lambda title, text: asked.append(text) or False
    keys(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert asked  # the new-shipment question comes, after a reprint too


async def test_new_shipment_only_after_confirming(window, station, wait_for):
    already_shipped(station)
    await open_number(window, "P2024-00123", wait_for)
    answers = [False, True]
    asked = []
    window.confirm = lambda title, text: asked.append(text) or answers.pop(0)
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    keys(window, Qt.Key.Key_N, shift_ctrl)
    assert station.carrier.created == [] and "3SOLD" in asked[0] and "second, paid label" in asked[0]
    keys(window, Qt.Key.Key_N, shift_ctrl)
    await wait_for(lambda: "shipped" in window.status_text)
    (request,) = station.carrier.created
    assert request.reference.startswith("P2024-00123+")  # its own reference: MyParcel would reuse the old one
    assert station.printer.sent == ["P2024-00123"]


def test_confirm_defaults_to_no_on_enter(qtbot, station):
    window = MainWindow(
        ShippingController(station.service, Messages("nl")),
        PicklistsController(station.service, PicklistsModel(Messages("nl")), Messages("nl")),
        Settings(),
    )
    qtbot.addWidget(window)
    QTimer.singleShot(50, lambda: QTest.keyClick(window._confirm_box, Qt.Key.Key_Return))
    assert window.confirm("Zeker?", "Nieuwe zending maken?") is False
    box_texts = []

    def click_yes() -> None:
        box = window._confirm_box
        box_texts.extend(b.text() for b in box.buttons())
        next(b for b in box.buttons() if b.text().startswith("Ja")).click()

    QTimer.singleShot(50, click_yes)
    assert window.confirm("Zeker?", "Nieuwe zending maken?") is True
    assert sorted(box_texts) == ["&Nee", "Ja  (Tab, Spatie)"]
    # A scanned DHL code starts with J: no letter may answer yes. N answers no; Tab then Space answers yes.
    QTimer.singleShot(50, lambda: QTest.keyClick(window._confirm_box, Qt.Key.Key_J))
    QTimer.singleShot(300, lambda: QTest.keyClick(window._confirm_box, Qt.Key.Key_N))
    assert window.confirm("Zeker?", "Nieuwe zending maken?") is False

    def tab_then_space() -> None:
        box = window._confirm_box
        QTest.keyClick(box, Qt.Key.Key_Tab)
        QTest.keyClick(box.focusWidget(), Qt.Key.Key_Space)

    QTimer.singleShot(50, tab_then_space)
    assert window.confirm("Zeker?", "Nieuwe zending maken?") is True


async def test_unfinished_shipment_is_offered_and_finished_with_enter(qtbot, station, wait_for):
    entry = JournalEntry(
        id=5,
        picklist_id=501,
        picklist_number="P2024-00124",
        station="bench 1",
        created_at="2024-05-02T09:14:00",
        steps=(),
        data={"profile": "PostNL standaard", "options": {}, "weight_grams": 800},
    )
    journal = FakeResumeJournal([entry])
    profiles = default_profiles(Platform.MYPARCEL)
    service = ShippingService(
        station.picqer, station.carrier, station.printer, profiles, Platform.MYPARCEL, journal=journal
    )
    window = build_window(qtbot, service)
    window.shipping.check_unfinished()
    await wait_for(
        lambda: isinstance(window.unfinished_dialog, UnfinishedDialog) and window.unfinished_dialog.isVisible()
    )
    dialog = window.unfinished_dialog
    assert "P2024-00124" in dialog.list.item(0).text() and "book the shipment" in dialog.list.item(0).text()
    QTest.keyClick(dialog.list, Qt.Key.Key_Return)
    await wait_for(lambda: "shipped" in window.status_text)
    assert (5, "done") in journal.recorded
    assert station.printer.sent == ["P2024-00124"]
    assert station.carrier.created[0].weight_grams == 800


async def test_unfinished_shipments_are_offered_once_and_not_again_after_a_settings_save(qtbot, station) -> None:
    def entry(entry_id: int, number: str) -> JournalEntry:
        return JournalEntry(
            id=entry_id,
            picklist_id=entry_id,
            picklist_number=number,
            station="bench 1",
            created_at="2024-05-02T09:14:00",
            steps=(),
            data={"profile": "PostNL standaard", "options": {}},
        )

    journal = FakeResumeJournal([entry(5, "P2024-00124")])
    profiles = default_profiles(Platform.MYPARCEL)
    service = ShippingService(
        station.picqer, station.carrier, station.printer, profiles, Platform.MYPARCEL, journal=journal
    )
    offered: set[int] = set()  # what GuiStation keeps across the windows it rebuilds
    messages = Messages("en")

    async def offers() -> list[list[str]]:
        controller = ShippingController(service, messages, offered_unfinished=offered)
        found: list[list[str]] = []
        controller.unfinished_found.connect(lambda entries: found.append([e.picklist_number for e in entries]))
        await controller.check_unfinished()
        return found

    assert await offers() == [["P2024-00124"]]  # the first window asks; the packer says "Later"
    assert await offers() == []  # the window rebuilt after a settings save does not ask again
    journal.entries.append(entry(6, "P2024-00125"))  # a shipment left unfinished since
    assert await offers() == [["P2024-00125"]]


async def test_profile_names_from_picqer(qtbot, station, wait_for):
    class Service(ShippingService):
        async def picqer_profile_names(self) -> dict[int, str]:
            return {7: "PostNL Standaard (Picqer)"}

    service = Service(station.picqer, station.carrier, station.printer, station.service.profiles, Platform.MYPARCEL)
    messages = Messages("en")
    controller = PicklistsController(service, PicklistsModel(messages), messages, profile_names={8: "DPD"})
    await controller.refresh()
    model = controller.model
    first = model.index(0, Column.PROFILE)
    assert first.data() == "PostNL standaard"  # the station's own profile linked to id 7, before Picqer answers
    await controller.load_profile_names()
    assert first.data() == "PostNL Standaard (Picqer)"
    assert "#" not in "".join(str(model.index(r, Column.PROFILE).data()) for r in range(model.rowCount()))


async def test_printer_status_always_in_the_status_bar(window, wait_for):
    window._start_background()
    await wait_for(lambda: window.status_line.printer_status.text("Zebra ZD421").endswith("paper out"))
    assert window.status_line.printer_status.isVisible()
    keys(window, Qt.Key.Key_F9)
    assert window.queue_dock.isVisible() and window.queue_panel.table.hasFocus()
    keys(window, Qt.Key.Key_F9)
    assert not window.queue_dock.isVisible() and window.scan_bar.scan_field.hasFocus()


async def test_detail_screenshot_dutch(qtbot, station, queues, wait_for):
    messages = Messages("nl")
    window = build_window(qtbot, station.service, messages, print_queues=queues)
    window._start_background()
    await window.picklists.refresh()
    already_shipped(station, "P2024-00127")
    await open_number(window, "P2024-00127", wait_for)
    await wait_for(lambda: window.status_line.printer_status.text("Zebra ZD421").endswith("papier op"))
    window.showNormal()
    window.resize(1600, 900)
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SCREENSHOT))


@pytest.mark.parametrize("language", ["en", "nl"])
async def test_a_failed_step_never_makes_the_window_wider_than_a_small_bench_screen(
    window, station, wait_for, language
):
    window.messages.set_language(language)
    await open_number(window, "P2024-00123", wait_for)
    station.picqer._set(500, status=PicklistStatus.PAUSED)  # the office pauses it while it is being packed
    keys(window, Qt.Key.Key_F12)
    await wait_for(lambda: window.statusBar().property("tone") == "error")
    # The retry button, the step's reason and the options all fit a 1280 px wide screen (it was 1473 px in Dutch).
    assert window.minimumSizeHint().width() <= 1280


async def test_a_replaced_journal_is_said_on_its_own_not_as_a_settings_problem(qtbot, station, wait_for):
    from PySide6.QtWidgets import QMessageBox

    detail = "The shipment journal /data/journal.sqlite3 is damaged (file is not a database). It was moved aside"
    window = build_window(qtbot, station.service, Messages("nl"), journal_problem=detail)
    await wait_for(lambda: window.findChild(QMessageBox, "journalProblem") is not None)
    box = window.findChild(QMessageBox, "journalProblem")
    assert box.windowTitle() == "Verzendjournaal"
    assert "Er is niets verloren" in box.text() and detail in box.text() and "doorgaan met inpakken" in box.text()
    assert window.findChild(QMessageBox, "settingsProblems") is None


@pytest.mark.parametrize(
    ("status", "words"), [(PicklistStatus.PAUSED, "paused"), (PicklistStatus.CANCELLED, "cancelled")]
)
async def test_a_paused_or_cancelled_picklist_says_so_when_scanned_and_cannot_be_shipped(
    window, station, wait_for, status, words
):
    station.picqer._set(500, status=status)
    await open_number(window, "P2024-00123", wait_for)
    assert f"it is {words}. Put it aside" in window.status_text
    assert not window.ship_panel.ship_button.isEnabled()
    keys(window, Qt.Key.Key_F12)
    assert f"it is {words}" in window.status_text and station.carrier.created == []
    assert window.ship_panel.ship_button.text().startswith("Ship and print")  # no "Try again" that can never work


async def test_a_shipped_picklist_scanned_again_shows_the_label_it_got(qtbot, station, wait_for):
    from tests.fakes.station import SAMPLE_LABEL

    entry = JournalEntry(
        id=7,
        picklist_id=500,
        picklist_number="P2024-00123",
        station="bench 1",
        created_at="2024-05-02T09:14:00",
        steps=("created", "label", "printed", "done"),
        shipment_ids=(777,),
        barcodes=("3SOLD",),
        label_path="/labels/P2024-00123_777.pdf",
        finished=True,
    )

    class Journal(FakeResumeJournal):
        async def for_picklist(self, picklist_number):
            return [e for e in self.entries if e.picklist_number == picklist_number]

        async def label_bytes(self, entry) -> bytes:
            return SAMPLE_LABEL.read_bytes()

    profiles = default_profiles(Platform.MYPARCEL)
    service = ShippingService(
        station.picqer, station.carrier, station.printer, profiles, Platform.MYPARCEL, journal=Journal([entry])
    )
    window = build_window(qtbot, service)
    already_shipped(station)
    await open_number(window, "P2024-00123", wait_for)
    await wait_for(lambda: window.ship_panel.preview.page_count == 1)  # not "No label yet"


async def test_a_picklist_outside_the_list_leaves_no_other_row_highlighted(window, station, wait_for):
    window.picklists.refresh()
    await wait_for(lambda: window.picklists.model.rowCount() == 12)
    await open_number(window, "P2024-00123", wait_for)
    assert window.queue.table.selected_picklist().number == "P2024-00123"
    window.picklists.model.remove("P2024-00124")  # paused meanwhile: the New list no longer holds it
    await open_number(window, "P2024-00124", wait_for)
    assert window.queue.table.selected_picklist() is None
