"""The packer's hard moments at the bench (issue 14 B): printers in trouble, failures half-way, scans at odd
times; keyboard only, on the Qt loop over the real ShippingService and the real print queues with fakes."""

from __future__ import annotations

import asyncio
import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from packstation.domain.errors import PrinterNotFound, PrinterNotReady
from packstation.domain.labels import DOCUMENT_PRINTER, LABEL_PRINTER, PrintReceipt
from packstation.domain.shipments import CustomsDeclaration, CustomsItem, PackageContents, Platform
from packstation.printing.queue import PrintQueues
from packstation.printing.transport import PrinterStatus
from packstation.services.shipping import ShippingService
from packstation.settings import Settings
from packstation.ui.controllers.picklists_controller import PicklistsController
from packstation.ui.controllers.shipping_controller import ShippingController
from packstation.ui.main_window import MainWindow
from packstation.ui.messages import Messages
from packstation.ui.models.picklists_model import PicklistsModel
from packstation.ui.state import StepState
from tests.fakes.station import FakeStationPrinter


class TroubledPrinter(FakeStationPrinter):
    """The label printer with a paper roll and a power switch the test controls (status as a Zebra reports)."""

    def __init__(self, name: str = LABEL_PRINTER) -> None:
        super().__init__()
        self.name = name
        self.conditions: tuple[str, ...] = ()
        self.geometry = object()  # takes ZPL, so a label can be moved between the two as it is

    async def status(self) -> PrinterStatus:
        return PrinterStatus(ready=not self.conditions, conditions=self.conditions)

    async def send(self, label, job_name: str) -> PrintReceipt:
        if self.conditions:
            raise PrinterNotReady(self.name, "The printer is out of paper.", self.conditions)
        return await super().send(label, job_name)


class Bench:
    """A station whose label goes through the real print queues, and its window."""

    def __init__(self, qtbot, station, language: str = "en", journal=None) -> None:
        self.station = station
        self.printer = TroubledPrinter()
        self.document_printer = TroubledPrinter(DOCUMENT_PRINTER)
        self.queues = PrintQueues(poll_interval=0.02, backoff=(0.01,), max_attempts=2)
        queued = self.queues.add(self.printer)
        document = self.queues.add(self.document_printer)
        profiles = station.service.profiles
        self.service = ShippingService(
            station.picqer,
            station.carrier,
            queued,
            profiles,
            Platform.MYPARCEL,
            document_printer=document,
            journal=journal,
            claim_settle=0.0,
        )
        messages = Messages(language)
        shipping = ShippingController(self.service, messages)
        picklists = PicklistsController(self.service, PicklistsModel(messages), messages)
        self.window = MainWindow(shipping, picklists, Settings(), print_queues=self.queues)
        qtbot.addWidget(self.window)
        self.window.show()
        self.window.activateWindow()
        self.window.focus_scan_field()


@pytest.fixture
async def bench(qtbot, station):
    bench = Bench(qtbot, station)
    yield bench
    await bench.queues.close()


def press(window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(window.focusWidget() or window, key, modifiers)


async def open_number(window, number: str, wait_for) -> None:
    window.handle_scan(number)
    await wait_for(lambda: window.form.opened is not None and window.form.opened.picklist.number == number)


async def test_paper_out_lets_the_packer_go_on_and_the_label_prints_by_itself(bench, wait_for):
    window = bench.window
    bench.printer.conditions = ("paper_out",)
    await open_number(window, "P2024-00123", wait_for)
    press(window, Qt.Key.Key_F12)
    await wait_for(lambda: not window.shipping.busy and "shipped" in window.status_text)
    assert window.status_text == (
        "P2024-00123 shipped (3SMYPA000000900). Label printer: paper out. Load labels; the label prints by "
        "itself. Scan the next picklist."
    )
    assert window.ship_panel.steps.state("print") is StepState.QUEUED
    assert (
        window.ship_panel.steps.detail("print") == "Label printer: paper out. Load labels; the label prints by itself."
    )
    assert window.ship_panel.steps.state("write_back") is StepState.DONE  # Picqer knows: the parcel is shipped
    bench.printer.conditions = ()  # labels loaded
    await wait_for(lambda: bench.printer.sent == ["P2024-00123"])
    await wait_for(lambda: window.ship_panel.steps.state("print") is StepState.DONE)
    assert window.status_text == "P2024-00123: the waiting label is printed now."


async def test_the_next_picklist_opens_and_ships_while_a_label_waits_for_paper(bench, wait_for):
    window = bench.window
    bench.printer.conditions = ("paper_out", "paused")  # a Zebra out of labels pauses itself too
    await open_number(window, "P2024-00123", wait_for)
    press(window, Qt.Key.Key_F12)
    await wait_for(lambda: not window.shipping.busy and "shipped" in window.status_text)
    await open_number(window, "P2024-00125", wait_for)  # the next scan is not refused
    press(window, Qt.Key.Key_F12)
    await wait_for(lambda: not window.shipping.busy and "P2024-00125 shipped" in window.status_text)
    assert "Load labels; the label prints by itself" in window.status_text
    bench.printer.conditions = ()
    await wait_for(lambda: bench.printer.sent == ["P2024-00123", "P2024-00125"])  # both, in order


async def test_a_dutch_packer_reads_what_to_do_about_the_paper(qtbot, station, wait_for):
    bench = Bench(qtbot, station, "nl")
    window = bench.window
    bench.printer.conditions = ("paper_out",)
    await open_number(window, "P2024-00123", wait_for)
    press(window, Qt.Key.Key_F12)
    await wait_for(lambda: not window.shipping.busy and "verzonden" in window.status_text)
    assert "Labelprinter: papier op. Plaats nieuwe labels; het label wordt dan vanzelf geprint." in window.status_text
    await bench.queues.close()


UNREACHABLE = (
    "Label printer cannot be reached. Switch it on and check its cable or network. Then press F12 to try again. "
    "Or print it on the other printer: F9, choose the label, F8; then F12 finishes the shipment."
)


@pytest.mark.parametrize(
    "error",
    [PrinterNotFound(LABEL_PRINTER, "No answer from 10.0.0.9:9100. Is the printer on?"), OSError("No route to host")],
)
async def test_an_unreachable_printer_says_switch_it_on_or_send_it_elsewhere(bench, wait_for, error):
    window = bench.window
    bench.printer.fail = [error, error]  # every attempt the queue makes
    await open_number(window, "P2024-00123", wait_for)
    press(window, Qt.Key.Key_F12)
    await wait_for(lambda: window.statusBar().property("tone") == "error")
    assert window.status_text == UNREACHABLE
    assert window.ship_panel.steps.detail("print") == UNREACHABLE
    press(window, Qt.Key.Key_F12)  # switched on: F12 prints and finishes
    await wait_for(lambda: "shipped" in window.status_text)
    assert bench.printer.sent == ["P2024-00123"] and len(bench.station.carrier.created) == 1


async def test_a_label_moved_to_the_other_printer_with_f8_finishes_the_shipment_without_a_second_print(bench, wait_for):
    window = bench.window
    down = PrinterNotFound(LABEL_PRINTER, "No answer")
    bench.printer.fail = [down, down]
    await open_number(window, "P2024-00123", wait_for)
    press(window, Qt.Key.Key_F12)
    await wait_for(lambda: window.status_text == UNREACHABLE)
    press(window, Qt.Key.Key_F9)
    assert window.queue_panel.selected_job().state == "failed"
    press(window, Qt.Key.Key_F8)  # to the document printer
    await wait_for(lambda: bench.document_printer.sent == ["P2024-00123"])
    press(window, Qt.Key.Key_Escape)
    press(window, Qt.Key.Key_F12)
    await wait_for(lambda: "shipped" in window.status_text)
    assert bench.printer.sent == [] and bench.document_printer.sent == ["P2024-00123"]  # one label, once
    assert window.ship_panel.steps.state("write_back") is StepState.DONE


def test_a_job_cancelled_in_the_queue_and_an_unknown_failure_say_what_next_without_a_help_menu() -> None:
    from packstation.domain.errors import PrinterError
    from packstation.printing.queue import JobCancelled
    from packstation.ui.messages import During

    messages = Messages("en")
    cancelled = messages.error(JobCancelled(LABEL_PRINTER, "cancelled by the packer"), During.SHIP)
    assert cancelled == "The label was cancelled in the print queue, so it did not print. Then press F12 to try again."
    other = messages.error(PrinterError(LABEL_PRINTER, "unexpected error: spool full"), During.SHIP)
    assert other.startswith("Label printer did not print the label (unexpected error: spool full). Check the printer.")
    assert "F8" in other
    unexpected = messages.error(RuntimeError("boom"), During.SHIP)
    assert "Help" not in unexpected and "tell the admin" in unexpected
    assert "Help" not in Messages("nl").error(RuntimeError("boom"), During.SHIP)


async def test_retry_all_failed_never_prints_a_label_the_packer_already_printed_again_with_f12(bench, wait_for):
    window = bench.window
    down = PrinterNotFound(LABEL_PRINTER, "No answer")
    bench.printer.fail = [down, down]
    await open_number(window, "P2024-00123", wait_for)
    press(window, Qt.Key.Key_F12)
    await wait_for(lambda: window.status_text == UNREACHABLE)
    press(window, Qt.Key.Key_F12)  # switched on, printed with F12
    await wait_for(lambda: "shipped" in window.status_text)
    press(window, Qt.Key.Key_F9)
    panel = window.queue_panel
    first = panel.model.job(0)
    assert first.state == "printed_again"
    assert panel.model.data(panel.model.index(0, 2)) == "printed again"
    press(window, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)  # Retry all failed
    assert window.status_text == "No print job has failed: nothing to send again."
    panel.select_job(first.id)
    press(window, Qt.Key.Key_F6)  # and that one on its own
    assert window.status_text == "P2024-00123 was printed again already: there is nothing to retry."
    await asyncio.sleep(0.1)
    assert bench.printer.sent == ["P2024-00123"]  # one label
    window.messages.set_language("nl")
    assert panel.model.data(panel.model.index(0, 2)) == "opnieuw geprint"


async def test_ctrl_r_right_after_shipping_prints_the_label_just_made_again(bench, wait_for):
    window = bench.window
    await open_number(window, "P2024-00123", wait_for)
    press(window, Qt.Key.Key_F12)
    await wait_for(lambda: "shipped" in window.status_text)
    assert window.form.reprint_button.isVisible()
    press(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    await wait_for(lambda: "printed the label again" in window.status_text)
    assert window.status_text == (
        "P2024-00123: Label printer printed the label again (3SMYPA000000900); nothing new was booked. "
        "Scan the next picklist."
    )
    assert bench.printer.sent == ["P2024-00123", "P2024-00123"]
    assert len(bench.station.carrier.created) == 1  # no second booking
    assert (
        window.ship_panel.steps.state("create") is StepState.SKIPPED
        and window.ship_panel.steps.state("print") is StepState.DONE
    )


async def test_ctrl_r_on_a_picklist_without_a_label_says_to_ship_it(bench, wait_for):
    window = bench.window
    await open_number(window, "P2024-00123", wait_for)
    press(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert window.status_text == "P2024-00123 has no label yet: press F12 to ship it."
    assert bench.printer.sent == []


async def test_a_rescan_after_picqer_was_not_updated_offers_to_finish_updating_picqer(
    qtbot, station, wait_for, tmp_path
):
    from packstation.domain.errors import ConnectionFailed
    from packstation.domain.shipments import Carrier, Shipment
    from packstation.journal import SqliteJournal

    journal = SqliteJournal(tmp_path / "journal.sqlite3", tmp_path / "labels", "bench 1")
    bench = Bench(qtbot, station, journal=journal)
    window = bench.window
    station.picqer.fail["add_comment"] = ConnectionFailed("Picqer", "network down")
    await open_number(window, "P2024-00123", wait_for)
    press(window, Qt.Key.Key_F12)
    await wait_for(lambda: window.ship_panel.steps.state("write_back") is StepState.FAILED)
    assert bench.printer.sent == ["P2024-00123"]
    await open_number(window, "P2024-00125", wait_for)  # the packer went on; Picqer is back later
    booked = Shipment(id=900, reference="P2024-00123", carrier=Carrier.POSTNL, barcode="3SMYPA000000900")
    station.carrier.existing["P2024-00123"] = [booked]  # MyParcel has it under the picklist's reference

    await open_number(window, "P2024-00123", wait_for)
    assert window.status_text == (
        "P2024-00123 is shipped but not finished. Still to do: update Picqer. Press F12 to finish it."
    )
    assert window.ship_panel.ship_button.text() == "Update Picqer  (F12)\nP2024-00123"
    assert window.ship_panel.ship_button.isEnabled()
    assert "Press F12 to finish it; nothing new is booked." in window.form.existing_banner.text()
    press(window, Qt.Key.Key_F12)
    await wait_for(lambda: window.status_text.startswith("P2024-00123 shipped (3SMYPA000000900)"))
    assert window.status_text == (
        "P2024-00123 shipped (3SMYPA000000900) and Picqer is updated. Scan the next picklist."
    )  # not "printed": this time nothing was
    assert len(station.carrier.created) == 1 and bench.printer.sent == ["P2024-00123"]  # nothing new, no reprint
    assert [pid for pid, _text in station.picqer.comments] == [500]
    assert (await station.picqer.get_picklist(500)).status.value == "closed"
    assert await journal.unfinished() == []
    await bench.queues.close()
    journal.close()


async def test_a_scan_during_a_shipment_is_next_and_opens_as_soon_as_it_is_done(bench, wait_for):
    window = bench.window
    window.picklists.refresh()
    await wait_for(lambda: window.picklists.model.rowCount() == 12)
    await open_number(window, "P2024-00123", wait_for)
    bench.station.carrier.gate = asyncio.Event()  # MyParcel takes its time
    press(window, Qt.Key.Key_F12)
    await wait_for(lambda: window.shipping.busy)
    window.handle_scan("P2024-00125")
    await wait_for(lambda: "is next" in window.status_text)
    assert window.status_text == "P2024-00125 is next: it opens as soon as P2024-00123 is done."
    assert window.queue.table.selected_picklist().number == "P2024-00123"  # the highlight stays on the one shipping
    bench.station.carrier.gate.set()
    await wait_for(lambda: window.form.opened is not None and window.form.opened.picklist.number == "P2024-00125")
    assert window.status_text == (
        "P2024-00123 shipped (3SMYPA000000900). Label printer printed the label. P2024-00125 opened. Check the "
        "profile and press F12 to ship."
    )
    assert window.queue.table.selected_picklist().number == "P2024-00125"
    assert window.ship_panel.ship_button.text() == "Ship and print  (F12)\nP2024-00125"
    assert bench.printer.sent == ["P2024-00123"]


async def test_a_picklist_scanned_during_a_failed_shipment_waits_until_it_is_done(bench, wait_for):
    window = bench.window
    down = PrinterNotFound(LABEL_PRINTER, "No answer")
    await open_number(window, "P2024-00123", wait_for)
    bench.station.carrier.gate = asyncio.Event()
    press(window, Qt.Key.Key_F12)
    await wait_for(lambda: window.shipping.busy)
    window.handle_scan("P2024-00125")
    bench.printer.fail = [down, down]
    bench.station.carrier.gate.set()
    await wait_for(lambda: window.shipping.can_retry)
    assert window.status_text == (
        UNREACHABLE + " P2024-00125 is next: it opens once this one is done; scan it again to leave this one."
    )
    assert window.form.opened.picklist.number == "P2024-00123"  # F12 still finishes the failed one
    press(window, Qt.Key.Key_F12)
    await wait_for(lambda: window.form.opened is not None and window.form.opened.picklist.number == "P2024-00125")
    assert bench.printer.sent == ["P2024-00123"]


async def test_an_a4_label_says_the_document_printer_printed_it(bench, wait_for):
    window = bench.window
    await open_number(window, "P2024-00123", wait_for)
    job = bench.service.start(window.form.opened, window.current_draft())
    # A customs declaration makes the label A4: the service sends it to the document printer.
    customs = CustomsDeclaration(PackageContents.COMMERCIAL_GOODS, "O1", (CustomsItem("Mug", 1, 700, 2000, "", "NL"),))
    job.request = dataclasses.replace(job.request, customs=customs)
    await window.shipping._run(job)
    assert window.status_text == (
        "P2024-00123 shipped (3SMYPA000000900). Document printer printed the label. Scan the next picklist."
    )
    assert bench.document_printer.sent == ["P2024-00123"] and bench.printer.sent == []
    window.messages.set_language("nl")
    window._shipment_done(job)  # the same words in Dutch
    assert "Documentprinter heeft het label geprint" in window.status_text


@pytest.mark.parametrize("code", ["8710398503961", "96385074"])
async def test_a_product_ean_scanned_as_a_picklist_is_named_and_the_open_picklist_stays(bench, wait_for, code):
    window = bench.window
    await open_number(window, "P2024-00123", wait_for)
    window.handle_scan(code)
    await wait_for(lambda: window.statusBar().property("tone") == "error")
    assert window.status_text == (
        f"Scanned “{code}”: that looks like a product code (EAN), not a picklist. Scan the barcode on the picklist. "
        "P2024-00123 is still open."
    )
    assert window.form.opened.picklist.number == "P2024-00123"
    assert (
        window.ship_panel.ship_button.text() == "Ship and print  (F12)\nP2024-00123"
        and window.ship_panel.ship_button.isEnabled()
    )
    press(window, Qt.Key.Key_F12)  # the packer goes on with the open picklist
    await wait_for(lambda: "shipped" in window.status_text)
    assert bench.printer.sent == ["P2024-00123"]


async def test_a_number_that_is_no_product_code_is_still_told_as_no_picklist(bench, wait_for):
    window = bench.window
    window.handle_scan("8710398503962")  # wrong check digit: a mistyped number, not a product
    await wait_for(lambda: window.statusBar().property("tone") == "error")
    assert window.status_text == "There is no picklist “8710398503962”. Check the number and scan again."
    window.messages.set_language("nl")
    window.handle_scan("8710398503961")
    await wait_for(lambda: "productcode" in window.status_text)
    assert window.status_text.startswith("Gescand: “8710398503961”: dat lijkt een productcode (EAN)")


async def test_a_label_waiting_for_paper_is_finished_in_the_journal_only_once_it_prints(
    qtbot, station, wait_for, tmp_path
):
    from packstation.domain.shipments import Carrier, Shipment
    from packstation.journal import SqliteJournal

    journal = SqliteJournal(tmp_path / "journal.sqlite3", tmp_path / "labels", "bench 1")
    bench = Bench(qtbot, station, journal=journal)
    window = bench.window
    bench.printer.conditions = ("paper_out",)
    await open_number(window, "P2024-00123", wait_for)
    press(window, Qt.Key.Key_F12)
    await wait_for(lambda: not window.shipping.busy and "shipped" in window.status_text)
    # Should the app stop now, the label (lost with the queue) is offered at the next start.
    (entry,) = await journal.unfinished()
    assert entry.picklist_number == "P2024-00123" and "printed" not in entry.steps and "closed" in entry.steps
    # Rescanning it meanwhile offers no second print: its label is in the queue.
    booked = Shipment(id=900, reference="P2024-00123", carrier=Carrier.POSTNL, barcode="3SMYPA000000900")
    station.carrier.existing["P2024-00123"] = [booked]
    await open_number(window, "P2024-00123", wait_for)
    assert window.status_text.startswith("Picklist P2024-00123 already has a label")
    bench.printer.conditions = ()  # labels loaded
    await wait_for(lambda: bench.printer.sent == ["P2024-00123"])
    await wait_for(lambda: not window.shipping.held)
    assert await journal.unfinished() == []
    (done,) = await journal.for_picklist("P2024-00123")
    assert done.finished and "printed" in done.steps
    await bench.queues.close()
    journal.close()


async def test_a_waiting_label_cancelled_in_the_queue_is_said_and_a_rescan_prints_it(
    qtbot, station, wait_for, tmp_path
):
    from packstation.domain.shipments import Carrier, Shipment
    from packstation.journal import SqliteJournal

    journal = SqliteJournal(tmp_path / "journal.sqlite3", tmp_path / "labels", "bench 1")
    bench = Bench(qtbot, station, journal=journal)
    window = bench.window
    bench.printer.conditions = ("paper_out",)
    await open_number(window, "P2024-00123", wait_for)
    press(window, Qt.Key.Key_F12)
    await wait_for(lambda: not window.shipping.busy and "shipped" in window.status_text)
    press(window, Qt.Key.Key_F9)
    assert window.queue_panel.selected_job().state == "queued"
    press(window, Qt.Key.Key_Delete)  # the packer cancels the waiting label
    await wait_for(lambda: "waiting label was cancelled" in window.status_text)
    assert window.status_text == (
        "P2024-00123: the waiting label was cancelled, so it is not printed. Scan P2024-00123 and press F12 to "
        "print it."
    )
    press(window, Qt.Key.Key_Escape)
    bench.printer.conditions = ()
    booked = Shipment(id=900, reference="P2024-00123", carrier=Carrier.POSTNL, barcode="3SMYPA000000900")
    station.carrier.existing["P2024-00123"] = [booked]
    await open_number(window, "P2024-00123", wait_for)
    assert window.status_text.startswith("P2024-00123 is shipped but not finished. Still to do: print the label")
    press(window, Qt.Key.Key_F12)
    await wait_for(lambda: window.status_text.startswith("P2024-00123 shipped (3SMYPA000000900). Label printer"))
    assert bench.printer.sent == ["P2024-00123"] and len(station.carrier.created) == 1
    assert await journal.unfinished() == []
    await bench.queues.close()
    journal.close()
