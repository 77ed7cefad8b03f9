"""The packer's window end to end on fakes: scan, check, F12, steps, label; keyboard only."""

from __future__ import annotations

import asyncio
import os
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from packstation.settings import Settings
from packstation.ui.controllers.picklists_controller import PicklistsController
from packstation.ui.controllers.shipping_controller import ShippingController
from packstation.ui.main_window import MainWindow
from packstation.ui.messages import Messages
from packstation.ui.models.picklists_model import PicklistsModel

# Written to a temporary folder; PACKSTATION_SCREENSHOT_DIR=docs/screenshots refreshes the README pictures.
SCREENSHOT = Path(os.environ.get("PACKSTATION_SCREENSHOT_DIR", tempfile.gettempdir())) / "main_window.png"


@pytest.fixture
def window(qtbot, station):
    messages = Messages("en")
    shipping = ShippingController(station.service, messages)
    picklists = PicklistsController(station.service, PicklistsModel(messages), messages)
    window = MainWindow(shipping, picklists, Settings())
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    window.focus_scan_field()
    return window


def scan(window, text: str) -> None:
    """Type like a scanner: every key 5 ms after the previous one, then Enter."""
    clock = {"now": 0.0}
    window.scan_detector._clock = lambda _event: clock["now"]
    target = window.focusWidget() or window.scan_bar.scan_field
    for ch in text:
        clock["now"] += 5
        # QTest.keyClick(widget, str) passes one byte; a real event carries any character (é, ß…).
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
    clock["now"] += 5
    QTest.keyClick(target, Qt.Key.Key_Return)


async def test_scan_opens_the_picklist_with_the_suggested_profile(window, station, wait_for):
    scan(window, "P2024-00123")
    await wait_for(lambda: window.form.opened is not None)
    assert window.form.title.text().startswith("P2024-00123")
    assert window.form.profile_combo.currentText() == "PostNL standaard"
    assert window.form.address["street"].text() == "Kerkstraat"
    assert window.form.address["number"].text() == "12"
    assert window.form.address["number_suffix"].text() == "A"
    assert window.scan_bar.scan_field.text() == ""
    assert "F12" in window.status_text


async def test_no_profile_is_chosen_for_the_packer(window, wait_for):
    scan(window, "P2024-00124")  # names no Picqer profile
    await wait_for(lambda: window.form.opened is not None)
    assert window.form.profile_combo.currentData() is None
    assert not window.ship_panel.ship_button.isEnabled()
    QTest.keyClick(window, Qt.Key.Key_F12)
    assert "Choose a shipping profile" in window.status_text


async def test_f12_ships_and_prints_keyboard_only(window, station, wait_for):
    scan(window, "P2024-00123")
    await wait_for(lambda: window.form.opened is not None)
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_F12)
    await wait_for(lambda: "shipped" in window.status_text or window.statusBar().property("tone") == "error")
    assert "P2024-00123 shipped (3SMYPA000000900)" in window.status_text
    assert station.printer.sent == ["P2024-00123"]
    assert window.ship_panel.preview.page_count == 1 and window.ship_panel.preview.has_printed_image
    assert window.ship_panel.steps.state("write_back").value == "done"
    assert window.scan_bar.scan_field.hasFocus()


async def test_invalid_combination_is_shown_before_anything_is_sent(window, station, wait_for):
    scan(window, "P2024-00123")
    await wait_for(lambda: window.form.opened is not None)
    window.form.weight.setText("")
    window.form.weight.setText("0")
    assert window.form.problems.text()
    assert not window.ship_panel.ship_button.isEnabled()
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_F12)
    assert "Not sent" in window.status_text
    assert station.carrier.created == []


async def test_garbled_scan_shows_what_was_received(window, station):
    scan(window, "Péàé')àà&é\"")
    assert "Péàé')àà&é\"" in window.status_text and "AZERTY" in window.status_text
    assert station.picqer.lookups == []


async def test_language_switch_at_runtime(window, wait_for):
    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.scan_bar.scan_field.placeholderText().startswith("Scan een picklijst")
    assert window.ship_panel.ship_button.text().startswith("Verzend en print")


async def test_screenshot_with_realistic_data(window, station, wait_for):
    window.picklists.refresh()
    await wait_for(lambda: window.picklists.model.rowCount() == 12)
    window.queue.table.select_number("P2024-00125")
    scan(window, "P2024-00125")
    await wait_for(lambda: window.form.opened is not None)
    window.ship()
    await wait_for(lambda: "shipped" in window.status_text)
    window.resize(1600, 900)
    await asyncio.sleep(0.5)  # QPdfView renders pages in the background
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SCREENSHOT))


@pytest.mark.parametrize("number", ["P2024-00123", "P2024-00129"])  # 00129 reads two ways: Alt+1 / Alt+2 shown
@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("size", [(1280, 800), (1366, 768)])
async def test_detail_is_never_cut_off_at_the_right(window, wait_for, size, language, number):
    """The detail scrolls only down: its pane must be at least as wide as what it shows (options, address)."""
    window.messages.set_language(language)
    window.resize(*size)
    scan(window, number)
    await wait_for(lambda: window.form.opened is not None)
    QApplication.processEvents()
    content = window.form.widget()
    assert window.form.viewport().width() >= content.minimumSizeHint().width()
    assert content.width() <= window.form.viewport().width()


def option_labels(window) -> list[str]:
    form = window.form.options_form
    return [form.option_name(o.key) for o in form.profile.options]


async def test_a_dutch_packer_reads_the_options_and_the_address_check_in_dutch(window, wait_for):
    window.messages.set_language("nl")
    scan(window, "P2024-00124")  # "Hoofdweg 3-5": numbers 3 to 5, or number 3 with addition 5
    await wait_for(lambda: window.form.opened is not None)
    assert window.form.ambiguous_banner.text() == (
        "Controleer het huisnummer: het adres kan op meer manieren gelezen worden. "
        "“3-5” kan een reeks nummers zijn, of nummer 3 met toevoeging 5."
    )
    window.form.profile_combo.setCurrentIndex(window.form.profile_combo.findText("PostNL standaard"))
    assert option_labels(window) == [
        "Handtekening bij aflevering",
        "Alleen ontvanger",
        "Retour bij niet thuis",
        "Leeftijdscheck 18+",
        "Groot formaat",
        "Verzekering *",
        "Labeltekst",
    ]
    insurance = window.form.options_form.editor("insurance")
    assert [insurance.itemText(i) for i in range(insurance.count())][:2] == ["Niet verzekerd", "Verzekerd tot € 100"]
    assert (
        window.form.options_form.editor("return").toolTip() == "Terug naar de afzender in plaats van een tweede poging."
    )

    # Switching back keeps what the packer chose and speaks English everywhere again.
    window.form.options_form.editor("signature").setChecked(True)
    insurance.setCurrentIndex(insurance.findData("500"))
    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert option_labels(window)[:2] == ["Signature on delivery", "Only recipient"]
    assert window.form.options_form.editor("insurance").currentText() == "Insured up to € 500"
    assert window.form.options_form.values()["signature"] == "1"
    assert window.form.ambiguous_banner.text().endswith("“3-5” may be a range of numbers, or number 3 with addition 5.")


async def test_the_title_names_the_station_in_both_languages(qtbot, station):
    messages = Messages("en")
    shipping = ShippingController(station.service, messages)
    picklists = PicklistsController(station.service, PicklistsModel(messages), messages)
    window = MainWindow(shipping, picklists, Settings(), station="Bench 3")
    qtbot.addWidget(window)
    assert window.windowTitle() == "Packstation — Bench 3"
    messages.set_language("nl")
    assert window.windowTitle() == "Packstation — Bench 3"


def turn_wheel(widget, notches: int) -> bool:
    """Turn the mouse wheel over `widget` (negative: scroll down); True when the widget took the turn.

    A real wheel event the widget leaves (ignores) goes on to its parents, here the detail pane, which scrolls;
    Qt does not pass on a synthesised one, so the tests look at whether the widget took it.
    """
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


async def test_scrolling_the_detail_pane_never_changes_a_choice_under_the_pointer(window, wait_for):
    window.resize(1280, 600)
    scan(window, "P2024-00123")
    await wait_for(lambda: window.form.opened is not None)
    profile, insurance = (
        window.form.profile_combo.currentText(),
        window.form.options_form.editor("insurance").currentIndex(),
    )
    for widget in (window.form.profile_combo, window.form.options_form.editor("insurance"), window.form.parcels):
        assert not turn_wheel(widget, -3)  # left to the pane, which scrolls
    assert window.form.profile_combo.currentText() == profile
    assert window.form.options_form.editor("insurance").currentIndex() == insurance and window.form.parcels.value() == 1
    # In the box (clicked or tabbed into) the wheel still chooses.
    window.form.options_form.editor("insurance").setFocus()
    assert turn_wheel(window.form.options_form.editor("insurance"), -1)
    assert window.form.options_form.editor("insurance").currentIndex() == insurance + 1


async def test_after_shipping_no_other_picklist_looks_opened(window, wait_for):
    window.picklists.refresh()
    await wait_for(lambda: window.picklists.model.rowCount() == 12)
    scan(window, "P2024-00125")
    await wait_for(lambda: window.form.opened is not None)
    assert window.queue.table.selected_picklist().number == "P2024-00125"
    window.ship()
    await wait_for(lambda: "shipped" in window.status_text)
    assert window.picklists.model.rowCount() == 11
    assert window.queue.table.selected_picklist() is None  # not P2024-00126, which slid into the shipped row's place


async def test_options_the_carrier_adds_show_set_and_locked_and_the_packers_choice_comes_back(window, wait_for):
    scan(window, "P2024-00123")
    await wait_for(lambda: window.form.opened is not None)
    form = window.form.options_form
    signature, only_recipient = form.editor("signature"), form.editor("only_recipient")
    assert not signature.isChecked() and signature.isEnabled()
    form.editor("age_check").setChecked(True)  # PostNL's age check needs a signature at the recipient's address
    assert signature.isChecked() and not signature.isEnabled()
    assert only_recipient.isChecked() and not only_recipient.isEnabled()
    assert "carrier requires it" in signature.toolTip()
    assert form.values()["signature"] == "0"  # still the packer's choice: the rule adds it
    assert window.form.draft.request.options.signature  # and what is booked has it
    form.editor("age_check").setChecked(False)
    assert not signature.isChecked() and signature.isEnabled() and not only_recipient.isChecked()
    assert signature.toolTip() == ""  # its own description again (the shipped signature option has none)


async def test_a_parcel_to_belgium_shows_the_insurance_the_carrier_requires(window, wait_for):
    scan(window, "P2024-00125")  # Antwerpen: from MyParcel.nl that is abroad, insured for exactly EUR 500
    await wait_for(lambda: window.form.opened is not None)
    window.form.profile_combo.setCurrentIndex(window.form.profile_combo.findText("PostNL standaard"))
    insurance = window.form.options_form.editor("insurance")
    assert insurance.currentData() == "500" and not insurance.isEnabled()
    assert window.form.options_form.values()["insurance"] == "0"


@pytest.mark.parametrize(("language", "key"), [("en", Qt.Key.Key_C), ("nl", Qt.Key.Key_K), ("nl", Qt.Key.Key_C)])
async def test_a_doubtful_address_is_confirmed_from_the_keyboard(window, wait_for, language, key):
    window.messages.set_language(language)
    scan(window, "P2024-00124")  # "Hoofdweg 3-5"
    await wait_for(lambda: window.form.opened is not None)
    window.form.profile_combo.setCurrentIndex(window.form.profile_combo.findText("PostNL standaard"))
    assert not window.ship_panel.ship_button.isEnabled() and "Alt+" in window.form.problems.text()
    QTest.keyClick(window.focusWidget() or window, key, Qt.KeyboardModifier.AltModifier)
    await wait_for(window.form.address_confirmed.isChecked)  # a mnemonic "clicks" the box over 100 ms
    assert window.ship_panel.ship_button.isEnabled()


def address_fields(window) -> tuple[str, str, str]:
    return tuple(window.form.address[name].text() for name in ("street", "number", "number_suffix"))


async def test_a_line_that_reads_two_ways_is_settled_with_one_key_per_reading(window, wait_for):
    scan(window, "P2024-00129")  # "Plein 1940 2": street "Plein 1940" number 2, or "Plein" number 1940 addition 2
    await wait_for(lambda: window.form.opened is not None)
    window.form.profile_combo.setCurrentIndex(window.form.profile_combo.findText("PostNL standaard"))
    first, second = window.form.reading_buttons
    assert first.isVisible() and second.isVisible()
    assert first.text() == "Alt+1:  street “Plein 1940”, number 2"
    assert second.text() == "Alt+2:  street “Plein”, number 1940, addition 2"
    assert address_fields(window) == ("Plein 1940", "2", "")  # the usual reading, shown but not yet chosen
    assert not window.ship_panel.ship_button.isEnabled() and "Alt+1 or Alt+2" in window.form.problems.text()

    QTest.keyClick(window.focusWidget() or window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert address_fields(window) == ("Plein", "1940", "2")
    assert second.isChecked() and not first.isChecked()
    assert window.ship_panel.ship_button.isEnabled()
    recipient = window.current_draft().request.recipient
    assert (recipient.street, recipient.number, recipient.number_suffix) == ("Plein", "1940", "2")

    QTest.keyClick(window.focusWidget() or window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert address_fields(window) == ("Plein 1940", "2", "")
    assert window.current_draft().request.recipient.street == "Plein 1940"


async def test_the_two_readings_speak_dutch_and_other_lines_show_no_reading_keys(window, wait_for):
    window.messages.set_language("nl")
    scan(window, "P2024-00129")
    await wait_for(lambda: window.form.opened is not None)
    assert window.form.reading_buttons[1].text() == "Alt+2:  straat “Plein”, nummer 1940, toevoeging 2"
    assert window.form.ambiguous_banner.text().endswith(
        "“1940” kan bij de straatnaam horen, of het huisnummer zijn: druk Alt+1 of Alt+2."
    )
    window.messages.set_language("en")
    assert window.form.reading_buttons[0].text() == "Alt+1:  street “Plein 1940”, number 2"
    scan(window, "P2024-00124")  # "Hoofdweg 3-5": doubtful, but not two readings of a street name
    await wait_for(lambda: window.form.opened.picklist.number == "P2024-00124")
    assert not any(button.isVisible() for button in window.form.reading_buttons)
    QTest.keyClick(window.focusWidget() or window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert address_fields(window) == ("Hoofdweg", "3", "5")  # Alt+2 does nothing here


async def test_a_scan_into_a_selected_address_field_leaves_the_field_as_it_was(window, station, wait_for):
    scan(window, "P2024-00125")  # Grote Markt 7 bus 3, Antwerpen
    await wait_for(lambda: window.form.opened is not None)
    window.form.profile_combo.setCurrentIndex(window.form.profile_combo.findText("PostNL standaard"))
    box = window.form.address["box_number"]
    box.setFocus()
    box.selectAll()  # as Tab leaves it: the whole "3" selected, the next key replaces it
    scan(window, "8712345678906")  # a product's EAN scanned by mistake
    assert box.text() == "3" and not box.isModified()
    assert window.form.draft is not None and window.form.draft.request.recipient.box_number == "3"
    await wait_for(lambda: "8712345678906" in window.status_text)  # handled as a scan, on its own


async def test_a_scan_into_a_doubtful_address_does_not_count_as_checking_it(window, wait_for):
    scan(window, "P2024-00124")  # Hoofdweg 3-5: doubtful until the packer checks it
    await wait_for(lambda: window.form.opened is not None)
    window.form.profile_combo.setCurrentIndex(window.form.profile_combo.findText("PostNL standaard"))
    number = window.form.address["number"]
    number.setFocus()
    number.selectAll()
    scan(window, "P2024-00999")
    assert number.text() == "3"
    assert not window.ship_panel.ship_button.isEnabled()  # still waiting for the packer's own check (Alt+C)


async def test_tab_passes_through_the_picklist_table_without_moving_its_highlight(window, wait_for):
    window.picklists.refresh()
    await wait_for(lambda: window.picklists.model.rowCount() == 12)
    scan(window, "P2024-00123")
    await wait_for(lambda: window.form.opened is not None)
    window.queue.table.setFocus()
    QTest.keyClick(window.queue.table, Qt.Key.Key_Tab)
    assert not window.queue.table.hasFocus()  # on to the next control
    assert window.queue.table.selected_picklist().number == "P2024-00123"


async def test_each_opened_picklist_starts_at_the_top_of_the_pane(window, wait_for):
    window.resize(1280, 600)
    scan(window, "P2024-00123")
    await wait_for(lambda: window.form.opened is not None and window.form.opened.picklist.number == "P2024-00123")
    await asyncio.sleep(0.05)
    bar = window.form.verticalScrollBar()
    bar.setValue(bar.maximum())  # the packer scrolled down to the options
    assert bar.value() > 0
    scan(window, "P2024-00124")
    await wait_for(lambda: window.form.opened.picklist.number == "P2024-00124")
    assert bar.value() == 0


@pytest.mark.parametrize(
    "received",
    [
        "]C1P2024-00123",  # a scanner sending its AIM symbology identifier (Code 128)
        "p2024-00123",  # typed or scanned with the letter in lower case
    ],
)
async def test_ordinary_scanner_variations_open_the_picklist(window, station, wait_for, received):
    scan(window, received)
    await wait_for(lambda: window.form.opened is not None)
    assert window.form.opened.picklist.number == "P2024-00123"


async def test_two_scans_run_together_are_told_apart(window, station):
    scan(window, "P2024-00123P2024-00124")
    assert window.status_text == "Two scans ran together (“P2024-00123” and “P2024-00124”). Scan one picklist."
    assert station.picqer.lookups == []


async def test_once_the_problem_is_fixed_the_red_message_gives_way(window, wait_for):
    scan(window, "P2024-00124")  # Hoofdweg 3-5: F12 is refused until the address is checked
    await wait_for(lambda: window.form.opened is not None)
    window.form.profile_combo.setCurrentIndex(window.form.profile_combo.findText("PostNL standaard"))
    QTest.keyClick(window.focusWidget() or window, Qt.Key.Key_F12)
    assert window.statusBar().property("tone") == "error" and "Not sent" in window.status_text
    window.form.address_confirmed.setChecked(True)
    assert window.status_text == "P2024-00124 is ready now. Press F12 to ship."
    assert window.statusBar().property("tone") == ""


async def test_search_then_enter_opens_the_picklist_found(window, wait_for):
    window.picklists.refresh()
    await wait_for(lambda: window.picklists.model.rowCount() == 12)
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.queue.search_field.hasFocus()
    window.queue.search_field.setText("Jansen")  # Anna Jansen: P2024-00123 and P2024-00131
    found = [window.queue.proxy.picklist_at(row).number for row in range(window.queue.proxy.rowCount())]
    assert sorted(found) == ["P2024-00123", "P2024-00131"]
    QTest.keyClick(window.queue.search_field, Qt.Key.Key_Down)  # into the results, at the first
    assert window.queue.table.hasFocus() and window.queue.table.selected_picklist().number == found[0]
    QTest.keyClick(window.queue.table, Qt.Key.Key_Down)
    QTest.keyClick(window.queue.table, Qt.Key.Key_Return)
    await wait_for(lambda: window.form.opened is not None and window.form.opened.picklist.number == found[1])
    window.queue.table.selectionModel().clear()
    window.queue.search_field.setFocus()
    QTest.keyClick(window.queue.search_field, Qt.Key.Key_Return)  # nothing highlighted: the first one found
    await wait_for(lambda: window.form.opened.picklist.number == found[0])


async def test_an_emptied_weight_field_says_which_weight_is_booked(window, wait_for):
    scan(window, "P2024-00123")
    await wait_for(lambda: window.form.opened is not None)
    window.form.weight.setText("")
    assert window.form.weight.placeholderText() == "empty: 470 g"
    assert window.form.draft is not None and window.form.draft.request.weight_grams == 470


def register_in_picqer(station) -> None:
    """The station in write-back mode picqer_shipment, with the relay's Picqer profile."""
    from packstation.services.shipping import WriteBackMode, WriteBackPolicy

    station.service.write_back = WriteBackPolicy(mode=WriteBackMode.PICQER_SHIPMENT, picqer_profile_id=3001)


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "P2024-00123 shipped (3SMYPA000000900) and registered in Picqer"), ("nl", "geregistreerd in Picqer")],
)
async def test_a_parcel_registered_in_picqer_says_so(window, station, wait_for, language, said):
    register_in_picqer(station)
    window.messages.set_language(language)
    scan(window, "P2024-00123")
    await wait_for(lambda: window.form.opened is not None)
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_F12)
    await wait_for(lambda: window.form.opened is None or window.statusBar().property("tone") == "error")
    assert said in window.status_text
    assert len(station.picqer.shipments) == 1 and station.picqer.comments == []


async def test_a_refused_registration_gives_the_relays_words_and_f12_finishes_it_without_a_second_label(
    window, station, wait_for
):
    from packstation.domain.errors import ApiMessage, ShipmentNotRegistered

    register_in_picqer(station)
    relay_says = "The MyParcel label of P2024-00123 is not found"
    station.picqer.fail["create_shipment"] = ShipmentNotRegistered(
        "Picqer", 400, (ApiMessage(f"Cannot create shipment: {relay_says}", 26),), (relay_says,)
    )
    scan(window, "P2024-00123")
    await wait_for(lambda: window.form.opened is not None)
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_F12)
    await wait_for(lambda: window.statusBar().property("tone") == "error")
    text = window.status_text
    assert relay_says in text and "F12" in text and "no second label" in text
    assert "Cannot create shipment" not in text, "the relay's words, without Picqer's prefix"
    assert window.ship_panel.steps.state("write_back").value == "failed"
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_F12)
    await wait_for(lambda: "registered in Picqer" in window.status_text)
    assert len(station.carrier.created) == 1 and station.printer.sent == ["P2024-00123"]
    assert len(station.picqer.shipments) == 1


def click_row(window, number: str) -> None:
    """Click a picklist's row in the list once, as the packer does with the mouse."""
    index = window.queue.proxy.index(window.queue.proxy.proxy_row_of(number), 1)
    window.queue.table.scrollTo(index)
    QTest.mouseClick(
        window.queue.table.viewport(), Qt.MouseButton.LeftButton, pos=window.queue.table.visualRect(index).center()
    )


async def test_one_click_opens_the_row_and_f12_ships_that_picklist(window, station, wait_for):
    window.picklists.refresh()
    await wait_for(lambda: window.picklists.model.rowCount() == 12)
    scan(window, "P2024-00123")
    await wait_for(lambda: window.form.opened is not None)
    assert window.ship_panel.ship_button.text() == "Ship and print  (F12)\nP2024-00123"
    click_row(window, "P2024-00125")
    await wait_for(lambda: window.form.opened.picklist.number == "P2024-00125")
    assert window.queue.table.selected_picklist().number == "P2024-00125"
    assert window.ship_panel.ship_button.text() == "Ship and print  (F12)\nP2024-00125"
    assert window.scan_bar.scan_field.hasFocus()  # the next scan still lands in the scan field
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_F12)
    await wait_for(lambda: "shipped" in window.status_text)
    assert station.printer.sent == ["P2024-00125"]


async def test_a_highlight_moved_with_the_arrows_is_not_shipped_until_opened(window, station, wait_for):
    window.picklists.refresh()
    await wait_for(lambda: window.picklists.model.rowCount() == 12)
    scan(window, "P2024-00123")
    await wait_for(lambda: window.form.opened is not None)
    window.queue.table.setFocus()
    QTest.keyClick(window.queue.table, Qt.Key.Key_Down)
    highlighted = window.queue.table.selected_picklist().number
    assert highlighted != "P2024-00123"
    QTest.keyClick(window.queue.table, Qt.Key.Key_F12)
    assert station.carrier.created == [] and station.printer.sent == []
    assert window.status_text == (
        f"{highlighted} is highlighted, but P2024-00123 is open. "
        f"Press Enter to open {highlighted}, or Esc to stay with P2024-00123."
    )
    QTest.keyClick(window.queue.table, Qt.Key.Key_Escape)  # back to the scan field: the highlight goes home too
    assert window.queue.table.selected_picklist().number == "P2024-00123"
    window.queue.table.setFocus()
    QTest.keyClick(window.queue.table, Qt.Key.Key_Down)
    QTest.keyClick(window.queue.table, Qt.Key.Key_Return)
    await wait_for(lambda: window.form.opened.picklist.number == highlighted)
    assert window.ship_panel.ship_button.text() == f"Ship and print  (F12)\n{highlighted}"


async def test_f12_waits_while_a_clicked_picklist_is_still_opening(window, station, wait_for):
    window.picklists.refresh()
    await wait_for(lambda: window.picklists.model.rowCount() == 12)
    scan(window, "P2024-00123")
    await wait_for(lambda: window.form.opened is not None)
    station.picqer.gates["P2024-00125"] = asyncio.Event()  # Picqer is slow to answer for this one
    click_row(window, "P2024-00125")
    await wait_for(lambda: "P2024-00125" in station.picqer.lookups)
    assert window.queue.table.selected_picklist().number == "P2024-00125"
    assert not window.ship_panel.ship_button.isEnabled()
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_F12)
    assert window.status_text == "Still opening P2024-00125. Press F12 again once it is shown."
    assert station.carrier.created == []  # not P2024-00123, which the pane still shows
    station.picqer.gates["P2024-00125"].set()
    await wait_for(lambda: window.form.opened.picklist.number == "P2024-00125")
    assert window.ship_panel.ship_button.isEnabled()


async def test_a_picklist_that_does_not_open_leaves_the_highlight_on_the_open_one(window, station, wait_for):
    from packstation.domain.errors import ConnectionFailed

    window.picklists.refresh()
    await wait_for(lambda: window.picklists.model.rowCount() == 12)
    scan(window, "P2024-00123")
    await wait_for(lambda: window.form.opened is not None)
    station.picqer.fail["find_picklist"] = ConnectionFailed("Picqer", "network down")
    click_row(window, "P2024-00126")
    await wait_for(lambda: window.statusBar().property("tone") == "error")
    assert window.queue.table.selected_picklist().number == "P2024-00123"
    assert window.ship_panel.ship_button.text() == "Ship and print  (F12)\nP2024-00123"


# --- the window on a small bench screen (issue 14 B.10) ------------------------------------------------
# A maximized window's inside on 1280x720 and 1366x768 screens (a window manager's title bar takes ~18 px).
BENCH_SCREENS = [(1280, 702), (1366, 750)]


@pytest.fixture
def long_list_window(qtbot):
    """The window over 60 picklists: the list has its vertical scroll bar, as on a real bench."""
    from tests.ui.conftest import Station, sample_picklists

    messages = Messages("en")
    station = Station(sample_picklists(60))
    shipping = ShippingController(station.service, messages)
    picklists = PicklistsController(station.service, PicklistsModel(messages), messages)
    window = MainWindow(shipping, picklists, Settings(), print_folder=Path("/tmp/packstation-demo/prints"))
    qtbot.addWidget(window)
    window.show()
    window.focus_scan_field()
    return window


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("size", BENCH_SCREENS)
async def test_the_status_bar_keeps_its_height_and_shortens_a_long_message(long_list_window, size, language):
    window = long_list_window
    window.messages.set_language(language)
    window.resize(*size)
    window._say("Ready.")
    QApplication.processEvents()
    bar_height, window_size = window.statusBar().height(), window.size()
    one_line = window.status_line.status_label.text()
    assert one_line == "Ready." and window.status_line.status_label.toolTip() == ""

    three_lines = " ".join(["P2024-00123 could not be shipped: the carrier refused the address."] * 4)
    unbroken = "Scanned “" + "x" * 400 + "”: that is not a picklist number."
    for message in (three_lines, unbroken):
        window._say(message, "error")
        QApplication.processEvents()
        assert window.statusBar().height() == bar_height  # no jump of the whole screen
        assert window.size() == window_size
        shown = window.status_line.status_label.text()
        assert shown.count("\n") == 1 and shown.endswith("…")  # two lines, shortened
        assert window.status_line.status_label.toolTip() == message  # all of it on hover
        assert window.status_text == message
        metrics = window.status_line.status_label.fontMetrics()
        for line in shown.split("\n"):
            assert metrics.horizontalAdvance(line) <= window.status_line.status_label.contentsRect().width()
    window.status_line.stop_wait_button.show()  # a retry wait's "Stop waiting" button joins the bar
    QApplication.processEvents()
    assert window.statusBar().height() == bar_height and window.size() == window_size


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("size", BENCH_SCREENS)
async def test_urgent_weight_and_their_headers_fit_the_list_without_scrolling_sideways(
    long_list_window, wait_for, size, language
):
    from packstation.ui.models.picklists_model import Column

    window = long_list_window
    window.messages.set_language(language)
    window.resize(*size)
    window.picklists.refresh()
    await wait_for(lambda: window.picklists.model.rowCount() == 60)
    QApplication.processEvents()
    table = window.queue.table
    assert table.verticalScrollBar().isVisible()
    header = table.horizontalHeader()
    shown = table.viewport().width()
    for column in (Column.NUMBER, Column.URGENT, Column.CUSTOMER, Column.COUNTRY, Column.WEIGHT):
        right = table.columnViewportPosition(column) + table.columnWidth(column)
        assert 0 <= table.columnViewportPosition(column) and right <= shown, column.name
        title = str(table.model().headerData(column, Qt.Orientation.Horizontal))
        assert header.fontMetrics().horizontalAdvance(title) + 8 <= table.columnWidth(column), title
    # An urgent row's cells in bold: the whole word and the whole weight with its "g".
    bold = table.font()
    bold.setBold(True)
    from PySide6.QtGui import QFontMetrics

    cells = QFontMetrics(bold)
    row = next(r for r in range(window.queue.proxy.rowCount()) if window.queue.proxy.picklist_at(r).urgent)
    for column in (Column.URGENT, Column.WEIGHT, Column.NUMBER):
        text = str(window.queue.proxy.index(row, column).data())
        assert cells.horizontalAdvance(text) + 6 <= table.columnWidth(column), text
    assert window.queue.proxy.index(row, Column.WEIGHT).data().endswith(" g")
    # The pink rows are explained in words beside the count.
    legend = window.queue.urgent_legend
    assert legend.isVisible()
    assert legend.text() == ("Pink: urgent, listed first" if language == "en" else "Roze: spoed, staat bovenaan")


@pytest.mark.parametrize("language", ["en", "nl"])
async def test_search_box_and_city_stay_readable_in_the_narrowest_window(long_list_window, wait_for, language):
    window = long_list_window
    window.messages.set_language(language)
    window.handle_scan("P2024-00123")  # Amsterdam
    await wait_for(lambda: window.form.opened is not None)
    window.resize(window.minimumSizeHint().width(), 702)
    QApplication.processEvents()
    assert window.minimumSizeHint().width() <= 1280 and window.minimumSizeHint().height() <= 702
    search = window.queue.search_field
    start = "Search customer" if language == "en" else "Zoek klant, nummer"
    assert search.fontMetrics().horizontalAdvance(start) + 16 <= search.width()
    city = window.form.address["city"]
    assert city.text() == "Amsterdam"
    assert city.fontMetrics().horizontalAdvance("Amsterdam") + 8 <= city.width()
    assert city.cursorPosition() == 0  # a longer name shows its start, not "…msterdam"


async def test_f12_without_a_profile_shows_the_profile_box_it_puts_the_keyboard_in(long_list_window, wait_for):
    window = long_list_window
    window.resize(1280, 702)
    window.handle_scan("P2024-00124")  # names no Picqer profile
    await wait_for(lambda: window.form.opened is not None)
    QApplication.processEvents()
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_F12)
    QApplication.processEvents()
    assert window.status_text == "Choose a shipping profile first."
    combo = window.form.profile_combo
    assert combo.hasFocus()
    assert combo.visibleRegion().boundingRect() == combo.rect()  # the packer sees where the arrow keys choose
    # Choosing one takes the red words back and says what to do now.
    index = combo.findText("PostNL standaard")
    assert index > 0
    combo.setCurrentIndex(index)
    QApplication.processEvents()
    # Its address still has two readings: the status now names that instead of the profile.
    assert "Hoofdweg 3-5" in window.status_text and "profile" not in window.status_text
    window.form.address_confirmed.setChecked(True)  # the packer checked the fields and ticks "correct"
    QApplication.processEvents()
    assert window.status_text == "P2024-00124 is ready now. Press F12 to ship."


@pytest.mark.parametrize("language", ["en", "nl"])
async def test_alt_p_and_alt_o_reach_the_profile_and_options_below_the_fold(long_list_window, wait_for, language):
    window = long_list_window
    window.messages.set_language(language)
    window.resize(1280, 702)
    window.handle_scan("P2024-00123")
    await wait_for(lambda: window.form.opened is not None)
    QApplication.processEvents()
    labels = window.form._ship_labels
    assert labels["profile"].text().endswith("(Alt+P)") and labels["options"].text().endswith("(Alt+O)")
    assert "Alt+P" in window.form.profile_combo.toolTip() and "Alt+O" in window.form.options_form.toolTip()

    QTest.keyClick(window.focusWidget(), Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    QApplication.processEvents()
    assert window.form.profile_combo.hasFocus()
    assert (
        window.form.profile_combo.visibleRegion().boundingRect() == window.form.profile_combo.rect()
    )  # scrolled into view

    QTest.keyClick(window.focusWidget(), Qt.Key.Key_Escape)
    assert window.scan_bar.scan_field.hasFocus()
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    QApplication.processEvents()
    first = window.form.options_form.first_editor()
    assert first is not None and first.hasFocus()
    assert first.visibleRegion().boundingRect() == first.rect()

    # F12 still ships from there, and the other keys still work.
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_F12)
    await wait_for(lambda: window.ship_panel.steps.state("write_back").value == "done")


async def test_alt_o_without_a_profile_goes_to_the_profile_and_says_so(long_list_window, wait_for):
    window = long_list_window
    window.handle_scan("P2024-00124")  # names no Picqer profile
    await wait_for(lambda: window.form.opened is not None)
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    assert window.form.profile_combo.hasFocus()
    assert window.status_text == "Choose a shipping profile first."
    window.focus_scan_field()
    window.handle_scan("")  # nothing open any more does not matter: Alt+P with nothing open
    window.form.opened = None
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert window.status_text == "Scan a picklist first."
