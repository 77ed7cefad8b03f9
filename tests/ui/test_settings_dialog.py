"""The admin's settings dialog: saved and read back through the callables, keys, tests, language, profiles."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from packstation import settings as settings_module
from packstation.domain.errors import ConnectionFailed, SecretsUnavailable, Unauthorized
from packstation.domain.picklists import PicqerProfile, PicqerShippingProvider
from packstation.domain.printers import PRINT_QUEUE, USB_PRINTER, FoundPrinter, PrinterSearch
from packstation.settings import PrinterSettings, Settings
from packstation.ui.controllers.settings_controller import SettingsController, SettingsPorts
from packstation.ui.messages import Messages
from packstation.ui.views.settings_dialog import SettingsDialog, show_settings_problems

# Written to a temporary folder; PACKSTATION_SCREENSHOT_DIR=docs/screenshots refreshes the README pictures.
SCREENSHOT = Path(os.environ.get("PACKSTATION_SCREENSHOT_DIR", tempfile.gettempdir())) / "settings.png"


class Station:
    """What app.py hands in: a settings file, a keyring (or none), Picqer, MyParcel and a printer."""

    def __init__(self, path: Path, keyring: bool = True) -> None:
        self.path = path
        self.keyring: dict[str, str] | None = {} if keyring else None
        self.picqer_calls: list[tuple[str, str]] = []
        self.myparcel_calls: list[tuple[str, str, str]] = []
        self.test_prints: list[PrinterSettings] = []
        self.test_roles: list[str] = []
        self.picqer_gate: asyncio.Event | None = None
        self.picqer_error: Exception | None = None
        self.profile_calls: list[tuple[str, str]] = []
        self.profiles_error: Exception | None = None
        self.providers: list[PicqerShippingProvider] = [
            PicqerShippingProvider(
                530,
                "packstation relay",
                "custom",
                profiles=(
                    PicqerProfile(3001, "packstation - PostNL", "packstation relay"),
                    PicqerProfile(3002, "packstation - PostNL handtekening", "packstation relay"),
                ),
            ),
            PicqerShippingProvider(
                521, "PostNL Algemeen", "PostNL", profiles=(PicqerProfile(1365, "Standaard", "PostNL Algemeen"),)
            ),
        ]

        self.order_fields: dict[int, str] = {301: "Track & trace", 302: "Verzendmethode"}
        self.warehouses: dict[int, str] = {2811: "Hoofdmagazijn Utrecht", 2812: "Winkel Antwerpen"}
        self.list_calls: list[tuple[str, str, str]] = []
        self.printers = PrinterSearch(
            printers=(
                FoundPrinter(USB_PRINTER, "D4J111", "ZTC ZD421-203dpi ZPL", status="ready"),
                FoundPrinter(USB_PRINTER, "D4J222", "ZTC ZD421-203dpi ZPL", ready=False, conditions=("paper_out",)),
                FoundPrinter(PRINT_QUEUE, "Brother_HL_L2350DW", "Brother_HL_L2350DW", status="idle"),
            )
        )
        self.printer_searches = 0
        self.printer_gate: asyncio.Event | None = None

    def save_settings(self, settings: Settings) -> None:
        settings_module.save(settings, self.path)

    async def load_order_fields(self, address: str, key: str) -> dict[int, str]:
        self.list_calls.append(("orderfields", address, key))
        return self.order_fields

    async def load_warehouses(self, address: str, key: str) -> dict[int, str]:
        self.list_calls.append(("warehouses", address, key))
        return self.warehouses

    async def discover_printers(self) -> PrinterSearch:
        self.printer_searches += 1
        if self.printer_gate is not None:
            await self.printer_gate.wait()
        return self.printers

    def set_key(self, account: str, value: str) -> None:
        if self.keyring is None:
            raise SecretsUnavailable("no keyring")
        self.keyring[account] = value

    def get_key(self, account: str) -> str:
        return (self.keyring or {}).get(account, "")

    async def test_picqer(self, address: str, key: str) -> str:
        self.picqer_calls.append((address, key))
        if self.picqer_gate is not None:
            await self.picqer_gate.wait()
        if self.picqer_error is not None:
            raise self.picqer_error
        return "Anna Jansen"

    async def load_picqer_profiles(self, address: str, key: str) -> list[PicqerShippingProvider]:
        self.profile_calls.append((address, key))
        if self.profiles_error is not None:
            raise self.profiles_error
        return self.providers

    async def test_myparcel(self, platform: str, url: str, key: str) -> None:
        self.myparcel_calls.append((platform, url, key))

    async def print_test_label(self, printer: PrinterSettings, role: str) -> None:
        self.test_prints.append(printer)
        self.test_roles.append(role)


def make_dialog(qtbot, station: Station, messages: Messages, settings: Settings | None = None, **kwargs):
    """Build the dialog as app.py does: one SettingsPorts of the station's callables, behind a controller."""
    port_names = {f.name for f in dataclasses.fields(SettingsPorts)}
    ports = SettingsPorts(
        save_settings=station.save_settings,
        set_key=station.set_key,
        test_picqer=station.test_picqer,
        test_myparcel=station.test_myparcel,
        print_test_label=station.print_test_label,
        get_key=station.get_key,
        **{
            "load_picqer_profiles": station.load_picqer_profiles,
            "load_picqer_order_fields": station.load_order_fields,
            "load_picqer_warehouses": station.load_warehouses,
            **{name: value for name, value in kwargs.items() if name in port_names},
        },
    )
    dialog = SettingsDialog(
        settings or settings_module.load(station.path).settings,
        messages,
        SettingsController(ports),
        **{name: value for name, value in kwargs.items() if name not in port_names},
    )
    qtbot.addWidget(dialog)
    return dialog


@pytest.fixture
def station(tmp_path) -> Station:
    return Station(tmp_path / "settings.toml")


async def test_settings_are_saved_and_read_back(qtbot, station):
    dialog = make_dialog(qtbot, station, Messages("en"))
    dialog.picqer_address.setText("https://mijnwinkel.picqer.com/")
    dialog.picqer_address.setText("mijnwinkel.picqer.com")
    dialog.accounts.platform_combo.setCurrentIndex(dialog.accounts.platform_combo.findData("belgie"))
    dialog.label_printer.transport.setCurrentIndex(dialog.label_printer.transport.findData("network"))
    dialog.label_printer.address.setEditText("192.168.1.40:9100")
    dialog.label_printer.dpi.setCurrentIndex(dialog.label_printer.dpi.findData(300))
    dialog.label_printer.size_choice.setCurrentIndex(dialog.label_printer.size_choice.findData("150x103"))
    dialog.label_printer.darkness.setValue(22)
    dialog.document_printer.transport.setCurrentIndex(dialog.document_printer.transport.findData("spooler"))
    dialog.document_printer.address.setEditText("Brother HL-L2350DW")
    assert dialog.document_printer.language.currentData() == "pdf", "an A4 printer takes the PDF by default"
    dialog.scanner.max_gap.setValue(50)
    dialog.scanner.suffix.setCurrentIndex(dialog.scanner.suffix.findData("\t"))
    dialog.general.wb_close.setChecked(False)
    dialog.picqer_key.edit.setText("pq-secret")
    await dialog.load_order_fields()
    dialog.general.order_field.combo.setCurrentIndex(dialog.general.order_field.combo.findText("Track & trace"))
    assert dialog.save()

    loaded = settings_module.load(station.path)
    assert loaded.problems == ()
    s = loaded.settings
    assert s.picqer.subdomain == "mijnwinkel" and s.picqer.url == "https://mijnwinkel.picqer.com/api/v1"
    assert s.myparcel.platform == "belgie"
    lp = s.label_printer
    assert (lp.transport, lp.address, lp.dpi) == ("network", "192.168.1.40:9100", 300)
    assert (lp.label_width_mm, lp.label_height_mm, lp.darkness) == (103.0, 150.0, 22)
    assert lp.language == "zpl"
    dp = s.document_printer
    assert (dp.transport, dp.address, dp.language) == ("spooler", "Brother HL-L2350DW", "pdf")
    assert s.scanner.max_gap_ms == 50 and s.scanner.suffix == "\t"
    assert not s.write_back.close and s.write_back.order_field_id == 301
    assert s.profiles == ()  # untouched profiles stay "the platform defaults"
    # The key went to the keyring, never into the file.
    assert station.keyring == {"picqer": "pq-secret"}
    assert "pq-secret" not in station.path.read_text()

    again = make_dialog(qtbot, station, Messages("en"))
    assert again.picqer_address.text() == "mijnwinkel"
    assert again.label_printer.size_choice.currentData() == "150x103"
    assert again.picqer_key.text() == "pq-secret" and again.picqer_key.edit.echoMode().name == "Password"
    assert again.result_settings() == s


async def test_packing_list_policy_is_saved_and_read_back_in_dutch(qtbot, station):
    dialog = make_dialog(qtbot, station, Messages("nl"))
    form = dialog.general.packing_list
    assert form.title() == "Pakbon" and form.policy.currentText() == "Nooit"
    assert not form.tag.isEnabled(), "the tag only matters when the order decides"
    form.policy.setCurrentIndex(form.policy.findData("when_asked"))
    assert form.policy.currentText() == "Als de bestelling erom vraagt" and form.tag.isEnabled()
    form.tag.setText(" Pakbon ")
    form.order_field.setValue(302)
    assert dialog.save()
    s = settings_module.load(station.path).settings
    assert (s.packing_list.policy, s.packing_list.tag, s.packing_list.order_field_id) == ("when_asked", "Pakbon", 302)
    again = make_dialog(qtbot, station, Messages("en"))
    assert again.general.packing_list.policy.currentText() == "When the order asks for it"
    assert again.result_settings() == s


async def test_custom_label_size_and_untouched_key(qtbot, station):
    dialog = make_dialog(qtbot, station, Messages("en"))
    form = dialog.label_printer
    assert not form.width_mm.isEnabled()
    form.size_choice.setCurrentIndex(form.size_choice.findData("custom"))
    assert form.width_mm.isEnabled()
    form.width_mm.setValue(80.0)
    form.height_mm.setValue(120.0)
    assert dialog.save()
    s = settings_module.load(station.path).settings
    assert (s.label_printer.label_width_mm, s.label_printer.label_height_mm) == (80.0, 120.0)
    assert station.keyring == {}  # nothing typed: nothing stored


async def test_no_keyring_says_so_and_shows_the_environment_variables(qtbot, tmp_path):
    station = Station(tmp_path / "settings.toml", keyring=False)
    dialog = make_dialog(qtbot, station, Messages("en"), keyring_available=False)
    dialog.show()
    assert dialog.keyring_banner.isVisible()
    assert "PACKSTATION_PICQER_API_KEY" in dialog.keyring_banner.text()
    assert "PACKSTATION_MYPARCEL_API_KEY" in dialog.keyring_banner.text()
    dialog.myparcel_key.edit.setText("mp-secret")
    assert not dialog.save()  # the dialog stays open to explain
    assert station.path.exists()  # the other settings are saved
    assert "not" in dialog.error_label.text() and "PACKSTATION_MYPARCEL_API_KEY" in dialog.error_label.text()
    assert "mp-secret" not in station.path.read_text()


async def test_keyring_failing_only_on_save_shows_the_banner(qtbot, tmp_path):
    station = Station(tmp_path / "settings.toml", keyring=False)
    dialog = make_dialog(qtbot, station, Messages("nl"), Settings(language="nl"))  # keyring thought present
    dialog.show()
    assert not dialog.keyring_banner.isVisible()
    dialog.picqer_key.edit.setText("pq")
    assert not dialog.save()
    assert dialog.keyring_banner.isVisible() and "omgevingsvariabelen" in dialog.keyring_banner.text()


async def test_language_switch_applies_everywhere(qtbot, station):
    messages = Messages("en")
    dialog = make_dialog(qtbot, station, messages)
    assert dialog.windowTitle() == "Settings"
    dialog.general.language_combo.setCurrentIndex(dialog.general.language_combo.findData("nl"))
    assert dialog.save()
    assert messages.language.value == "nl"
    assert dialog.windowTitle() == "Instellingen"
    assert dialog.accounts.picqer.test_button.text() == "Verbinding testen"
    assert messages.qt_translation_loaded  # Qt's own buttons (Opslaan/Annuleren) in Dutch too
    assert settings_module.load(station.path).settings.language == "nl"
    messages.set_language("en")
    assert not messages.qt_translation_loaded


async def test_picqer_test_shows_a_busy_bar_then_the_user(qtbot, station, wait_for):
    dialog = make_dialog(qtbot, station, Messages("en"))
    dialog.show()
    dialog.picqer_address.setText("mijnwinkel")
    dialog.picqer_key.edit.setText("pq-key")
    station.picqer_gate = asyncio.Event()
    QTest.mouseClick(dialog.accounts.picqer.test_button, Qt.MouseButton.LeftButton)
    await wait_for(lambda: station.picqer_calls)
    assert dialog.picqer_tester.busy.isVisible() and not dialog.accounts.picqer.test_button.isEnabled()
    assert dialog.picqer_tester.result.text() == "Testing…"
    station.picqer_gate.set()
    await wait_for(lambda: not dialog.busy)
    assert station.picqer_calls == [("mijnwinkel", "pq-key")]
    assert dialog.picqer_tester.result.text() == "Connected to Picqer as Anna Jansen."
    assert not dialog.picqer_tester.busy.isVisible() and dialog.accounts.picqer.test_button.isEnabled()


async def test_picqer_test_failure_in_words(qtbot, station):
    dialog = make_dialog(qtbot, station, Messages("nl"))
    dialog.picqer_address.setText("mijnwinkel")
    dialog.picqer_key.edit.setText("wrong")
    station.picqer_error = Unauthorized("Picqer", 401)
    await dialog.test_picqer_connection()
    assert dialog.picqer_tester.result.text().startswith("Picqer weigert de API-sleutel")


async def test_picqer_test_needs_a_key(qtbot, station):
    dialog = make_dialog(qtbot, station, Messages("en"))
    dialog.picqer_address.setText("mijnwinkel")
    await dialog.test_picqer_connection()
    assert dialog.picqer_tester.result.text() == "Fill in the API key first."
    assert station.picqer_calls == []


async def test_myparcel_test_and_test_label(qtbot, station):
    dialog = make_dialog(qtbot, station, Messages("en"))
    dialog.accounts.platform_combo.setCurrentIndex(dialog.accounts.platform_combo.findData("belgie"))
    dialog.myparcel_key.edit.setText("mp-key")
    await dialog.test_myparcel_connection()
    assert station.myparcel_calls == [("belgie", "", "mp-key")]
    assert "the key works" in dialog.myparcel_tester.result.text()
    dialog.label_printer.dpi.setCurrentIndex(dialog.label_printer.dpi.findData(600))
    await dialog.print_test(dialog.label_printer)
    assert station.test_prints[0].dpi == 600  # the printer as entered, before saving
    assert station.test_roles == ["Label printer"]  # what an error would call it
    assert dialog.label_printer.tester.result.text() == "The test label was sent to the printer."


async def test_show_hide_key(qtbot, station):
    dialog = make_dialog(qtbot, station, Messages("en"))
    field = dialog.picqer_key
    assert field.edit.echoMode().name == "Password" and field.toggle.text() == "Show"
    field.toggle.click()
    assert field.edit.echoMode().name == "Normal" and field.toggle.text() == "Hide"


def link_names(editor) -> list[tuple[str, bool]]:
    links = editor.picqer_links.list
    return [(links.item(i).text(), links.item(i).checkState() == Qt.CheckState.Checked) for i in range(links.count())]


def tick(editor, name: str, on: bool = True) -> None:
    item = editor.picqer_links.list.findItems(name, Qt.MatchFlag.MatchExactly)[0]
    item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


async def test_profiles_editor_adds_and_links_a_profile_by_picqer_name(qtbot, station):
    dialog = make_dialog(qtbot, station, Messages("en"))
    dialog.picqer_address.setText("mijnwinkel")
    dialog.picqer_key.edit.setText("pq-key")
    editor = dialog.profiles_editor
    assert editor.list.count() == 6  # the platform defaults to start from
    editor.add_profile()
    editor.name.setText("Brievenbus met tekst")
    editor.name.textEdited.emit("Brievenbus met tekst")
    editor.package_type.setCurrentIndex(editor.package_type.findData("mailbox"))
    editor.offered["label_description"].setChecked(True)
    assert link_names(editor) == []
    await dialog.load_profile_links()
    assert station.profile_calls == [("mijnwinkel", "pq-key")]
    assert link_names(editor) == [
        ("packstation relay - packstation - PostNL", False),
        ("packstation relay - packstation - PostNL handtekening", False),
        ("PostNL Algemeen - Standaard", False),
    ]
    assert editor.picqer_links.tester.result.text().startswith("Picqer has 3 shipping profiles. Tick the ones")
    tick(editor, "PostNL Algemeen - Standaard")
    tick(editor, "packstation relay - packstation - PostNL")
    assert editor.list.item(6).text() == "Brievenbus met tekst"
    assert dialog.save()
    saved = settings_module.load(station.path).settings.profiles
    profile = saved[-1]
    assert profile.name == "Brievenbus met tekst"
    assert profile.package_type.name == "MAILBOX"
    assert profile.picqer_profile_ids == (1365, 3001)  # in the order ticked
    assert [o.key for o in profile.options] == ["label_description"]
    # The defaults kept their options (labels and all) through the round trip.
    assert saved[0].options[0].label == "Signature on delivery"

    again = make_dialog(qtbot, station, Messages("en"))
    again.profiles_editor.list.setCurrentRow(6)
    assert link_names(again.profiles_editor) == [
        ("Picqer profile 1365 (Load from Picqer shows its name)", True),
        ("Picqer profile 3001 (Load from Picqer shows its name)", True),
    ]


async def test_a_linked_picqer_profile_that_is_gone_is_named_and_can_be_unticked(qtbot, station):
    from packstation.domain.profiles import default_profiles, profile_to_dict
    from packstation.domain.shipments import Platform

    first = {**profile_to_dict(default_profiles(Platform.MYPARCEL)[0]), "picqer_profile_ids": [1365, 4444]}
    dialog = make_dialog(qtbot, station, Messages("nl"), Settings(language="nl", profiles=(first,)))
    dialog.picqer_address.setText("mijnwinkel")
    dialog.picqer_key.edit.setText("pq-key")
    editor = dialog.profiles_editor
    await dialog.load_relay_profiles()  # one load serves both lists
    assert station.profile_calls == [("mijnwinkel", "pq-key")]
    assert link_names(editor)[:2] == [
        ("Profiel 4444 (niet meer in Picqer)", True),
        ("packstation relay - packstation - PostNL", False),
    ]
    assert ("PostNL Algemeen - Standaard", True) in link_names(editor)
    await dialog.load_profile_links()
    assert "niet het eerder aangevinkte 4444" in editor.picqer_links.tester.result.text()
    tick(editor, "Profiel 4444 (niet meer in Picqer)", on=False)
    assert dialog.save()
    saved = settings_module.load(station.path).settings.profiles[0]
    assert saved.picqer_profile_ids == (1365,)


async def test_an_invalid_profile_is_refused_with_the_reason(qtbot, station):
    dialog = make_dialog(qtbot, station, Messages("en"))
    editor = dialog.profiles_editor
    editor.name.setText("")
    editor.name.textEdited.emit("")
    assert editor.problem.text() == "A shipping profile needs a name."
    assert not dialog.save()
    assert dialog.tabs.currentWidget() is editor
    assert not station.path.exists()


async def test_switching_profiles_keeps_the_edits(qtbot, station):
    dialog = make_dialog(qtbot, station, Messages("en"))
    editor = dialog.profiles_editor
    editor.default_on["signature"].setChecked(True)  # PostNL standaard: signature on by default now
    editor.list.setCurrentRow(2)
    editor.list.setCurrentRow(0)
    assert editor.default_on["signature"].isChecked()
    assert dialog.save()
    first = settings_module.load(station.path).settings.profiles[0]
    assert next(o for o in first.options if o.key == "signature").default_value == "1"


async def test_settings_file_problems_are_shown_with_the_backup(qtbot, station, tmp_path):
    station.path.write_text('language = "fr"\n[scanner]\nmax_gap_ms = "fast"\n')
    loaded = settings_module.load(station.path)
    assert loaded.problems and loaded.backup is not None
    messages = Messages("en")
    dialog = make_dialog(qtbot, station, messages, problems=loaded.problems, backup=loaded.backup)
    dialog.show()
    assert dialog.problems_banner.isVisible()
    assert str(loaded.backup) in dialog.problems_banner.text() and "max_gap_ms" in dialog.problems_banner.text()
    box = show_settings_problems(None, messages, loaded.problems, loaded.backup)
    assert box is not None and str(loaded.backup) in box.text()
    box.close()
    assert show_settings_problems(None, messages, (), None) is None


async def test_keyboard_only_save(qtbot, station):
    dialog = make_dialog(qtbot, station, Messages("en"))
    dialog.show()
    dialog.activateWindow()
    dialog.general.station_name.setFocus()
    QTest.keyClicks(dialog.general.station_name, "Bank 2")
    QTest.keyClick(dialog.general.station_name, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert settings_module.load(station.path).settings.station_name == "Bank 2"


async def test_screenshot(qtbot, station):
    dialog = make_dialog(qtbot, station, Messages("nl"), Settings(language="nl"), keyring_available=False)
    dialog.picqer_address.setText("mijnwinkel")
    dialog.picqer_tester.show("Verbonden met Picqer als Anna Jansen.", "ok")
    dialog.show()
    await asyncio.sleep(0.05)
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SCREENSHOT))


async def test_an_option_switched_on_in_dutch_is_saved_in_the_words_every_station_translates(qtbot, station):
    dialog = make_dialog(qtbot, station, Messages("nl"))
    editor = dialog.profiles_editor
    editor.add_profile()
    editor.name.setText("Met handtekening")
    editor.name.textEdited.emit("Met handtekening")
    editor.offered["signature"].setChecked(True)
    assert dialog.save()
    profile = settings_module.load(station.path).settings.profiles[-1]
    # Not the Dutch "Handtekening": an English bench would show Dutch; the shipped words show in each language.
    assert [o.label for o in profile.options] == ["Signature on delivery"]
    assert Messages("nl").option_label(profile.options[0]) == "Handtekening bij aflevering"


def test_a_dutch_admin_reads_the_settings_file_problems_in_dutch(tmp_path):
    from packstation.ui.views.settings_dialog import settings_problems_text

    path = tmp_path / "settings.toml"
    path.write_text('language = "fr"\nstation_name = 42\ncolour = "blue"\n', encoding="utf-8")
    loaded = settings_module.load(path)
    text = settings_problems_text(Messages("nl"), loaded.problems, loaded.backup)
    assert "Instelling “language” is 'fr', en dat is niet een van en, nl; de standaardwaarde geldt." in text
    assert "Instelling “station_name” heeft een ongeldige waarde 42; de standaardwaarde geldt." in text
    assert "Onbekende instelling “colour” wordt genegeerd." in text
    assert "Setting" not in text and str(loaded.backup) in text


# --- write back to Picqer: a Picqer shipment via the relay, or a comment ---------------------------------------


def relay_profile_names(dialog) -> list[str]:
    return [dialog.general.relay.combo.itemText(i) for i in range(dialog.general.relay.combo.count())]


async def test_the_relays_profile_is_chosen_by_name_and_saved_by_id(qtbot, station):
    dialog = make_dialog(qtbot, station, Messages("en"))
    dialog.picqer_address.setText("mijnwinkel")
    dialog.picqer_key.edit.setText("pq-key")
    dialog.general.wb_mode.setCurrentIndex(dialog.general.wb_mode.findData("picqer_shipment"))
    assert dialog.general.wb_mode.currentText() == "Picqer shipment (via the packstation relay)"
    await dialog.load_relay_profiles()
    assert station.profile_calls == [("mijnwinkel", "pq-key")]
    assert relay_profile_names(dialog) == [
        "None chosen: Test connection loads the list",
        "packstation relay - packstation - PostNL",
        "packstation relay - packstation - PostNL handtekening",
        "PostNL Algemeen - Standaard",
    ]
    assert "3 shipping profiles" in dialog.general.relay.tester.result.text()
    assert "packstation relay" in dialog.general.relay.tester.result.text()
    dialog.general.relay.combo.setCurrentIndex(
        dialog.general.relay.combo.findText("packstation relay - packstation - PostNL handtekening")
    )
    assert dialog.save()
    wb = settings_module.load(station.path).settings.write_back
    assert (wb.mode, wb.picqer_profile_id) == ("picqer_shipment", 3002)

    again = make_dialog(qtbot, station, Messages("en"))
    assert again.general.wb_mode.currentData() == "picqer_shipment"
    assert again.general.relay.combo.currentText() == "Profile 3002 (Test connection shows its name)"
    again.picqer_address.setText("mijnwinkel")
    again.picqer_key.edit.setText("pq-key")
    await again.load_relay_profiles()
    assert again.general.relay.combo.currentText() == "packstation relay - packstation - PostNL handtekening"
    assert "the chosen one (packstation relay - packstation - PostNL handtekening) is among them" in (
        again.general.relay.tester.result.text()
    )


async def test_picqer_shipment_without_a_profile_is_not_saved(qtbot, station):
    dialog = make_dialog(qtbot, station, Messages("nl"), Settings(language="nl"))
    dialog.general.wb_mode.setCurrentIndex(dialog.general.wb_mode.findData("picqer_shipment"))
    assert not dialog.save()
    assert dialog.error_label.text().startswith("Kies het verzendprofiel van de relay")
    assert not station.path.exists()
    dialog.general.wb_mode.setCurrentIndex(dialog.general.wb_mode.findData("comment"))
    assert dialog.general.wb_mode.currentText() == "Alleen een opmerking"
    assert not dialog.general.relay.combo.isEnabled()
    assert dialog.save()
    assert settings_module.load(station.path).settings.write_back.mode == "comment"


async def test_loading_the_relays_profiles_says_what_went_wrong_and_what_to_do(qtbot, station):
    dialog = make_dialog(qtbot, station, Messages("en"))
    await dialog.load_relay_profiles()
    assert (
        dialog.general.relay.tester.result.text() == "Fill in the Picqer address and API key on the Accounts tab first."
    )
    assert station.profile_calls == []
    dialog.picqer_address.setText("mijnwinkel")
    dialog.picqer_key.edit.setText("pq-key")
    station.profiles_error = ConnectionFailed("Picqer", "refused")
    await dialog.load_relay_profiles()
    assert dialog.general.relay.tester.result.text().startswith("Picqer cannot be reached")
    assert dialog.general.relay.tester.result.property("tone") == "error"
    station.profiles_error = None
    station.providers = []
    await dialog.load_relay_profiles()
    assert dialog.general.relay.tester.result.text().startswith("Picqer has no active shipping profiles")
    assert "Add the packstation relay as a shipping provider" in dialog.general.relay.tester.result.text()


async def test_a_saved_profile_picqer_no_longer_has_is_named(qtbot, station):
    from packstation.settings import WriteBackSettings

    settings = Settings(write_back=WriteBackSettings(mode="picqer_shipment", picqer_profile_id=4444))
    dialog = make_dialog(qtbot, station, Messages("en"), settings)
    dialog.picqer_address.setText("mijnwinkel")
    dialog.picqer_key.edit.setText("pq-key")
    await dialog.load_relay_profiles()
    assert "not profile 4444 chosen before" in dialog.general.relay.tester.result.text()
    assert dialog.result_settings().write_back.picqer_profile_id == 4444  # kept until the admin chooses another


@pytest.mark.parametrize("language", ["en", "nl"])
async def test_the_dialog_with_the_relays_profiles_fits_1280_px(qtbot, station, language):
    station.providers.append(
        PicqerShippingProvider(
            600,
            "A shipping provider with a really very long name for testing widths",
            "custom",
            profiles=(PicqerProfile(6001, "An equally long profile name, just to see what the combo box does", ""),),
        )
    )
    dialog = make_dialog(qtbot, station, Messages(language), Settings(language=language))
    dialog.picqer_address.setText("mijnwinkel")
    dialog.picqer_key.edit.setText("pq-key")
    dialog.general.wb_mode.setCurrentIndex(dialog.general.wb_mode.findData("picqer_shipment"))
    await dialog.load_relay_profiles()
    dialog.tabs.setCurrentIndex(dialog.tabs.count() - 1)
    dialog.show()
    await asyncio.sleep(0.05)
    assert dialog.minimumSizeHint().width() <= 1280
    assert dialog.grab().width() <= 1280
    shot = SCREENSHOT.with_name(f"settings_write_back_{language}.png")
    assert dialog.grab().save(str(shot))


# --- printers chosen from what the computer sees --------------------------------------------------------------


def address_items(form) -> list[str]:
    return [form.address.itemText(i) for i in range(form.address.count())]


async def searched(dialog, wait_for) -> None:
    dialog.show()
    await wait_for(lambda: not dialog.busy)


async def test_usb_zebras_and_print_queues_are_chosen_from_lists(qtbot, station, wait_for):
    dialog = make_dialog(qtbot, station, Messages("en"), discover_printers=station.discover_printers)
    await searched(dialog, wait_for)
    assert station.printer_searches == 1  # searched once the dialog showed, not on every form
    label = dialog.label_printer
    label.transport.setCurrentIndex(label.transport.findData("usb"))
    assert address_items(label) == [
        "D4J111 — ZTC ZD421-203dpi ZPL, ready",
        "D4J222 — ZTC ZD421-203dpi ZPL, paper out",
    ]
    assert label.found.text() == "Zebras on USB: 2. Choose one, or type a serial."
    label.address.setCurrentIndex(1)
    assert label.address.currentText() == "D4J222"  # the setting takes the serial alone
    document = dialog.document_printer
    document.transport.setCurrentIndex(document.transport.findData("spooler"))
    assert address_items(document) == ["Brother_HL_L2350DW"]
    document.address.setCurrentIndex(0)
    assert dialog.save()
    s = settings_module.load(station.path).settings
    assert (s.label_printer.transport, s.label_printer.address) == ("usb", "D4J222")
    assert (s.document_printer.transport, s.document_printer.address) == ("spooler", "Brother_HL_L2350DW")


async def test_a_printer_not_found_now_can_still_be_typed(qtbot, station, wait_for):
    dialog = make_dialog(qtbot, station, Messages("en"), discover_printers=station.discover_printers)
    await searched(dialog, wait_for)
    form = dialog.label_printer
    form.transport.setCurrentIndex(form.transport.findData("usb"))
    form.address.setEditText("D4J999")  # switched off at the moment
    form.transport.setCurrentIndex(form.transport.findData("network"))
    assert form.address.count() == 0 and not form.refresh_button.isVisible() and not form.found.isVisible()
    form.address.setEditText("192.168.1.40:9100")
    assert dialog.save()
    assert settings_module.load(station.path).settings.label_printer.address == "192.168.1.40:9100"


async def test_the_search_does_not_hold_up_the_dialog_and_refresh_looks_again(qtbot, station, wait_for):
    station.printer_gate = asyncio.Event()
    dialog = make_dialog(qtbot, station, Messages("en"), discover_printers=station.discover_printers)
    form = dialog.label_printer
    form.transport.setCurrentIndex(form.transport.findData("usb"))
    dialog.show()
    await wait_for(lambda: station.printer_searches == 1)
    assert form.found.text() == "Looking for printers…" and not form.refresh_button.isEnabled()
    dialog.general.station_name.setText("Bank 2")  # the dialog answers while the search runs
    station.printer_gate.set()
    await wait_for(lambda: not dialog.busy)
    assert form.refresh_button.isEnabled() and form.address.count() == 2
    station.printers = PrinterSearch(
        printers=(*station.printers.printers, FoundPrinter(USB_PRINTER, "D4J333", "ZTC ZT411-203dpi ZPL")),
    )
    QTest.mouseClick(form.refresh_button, Qt.MouseButton.LeftButton)
    await wait_for(lambda: station.printer_searches == 2 and not dialog.busy)
    assert "D4J333 — ZTC ZT411-203dpi ZPL, ready" in address_items(form)


@pytest.mark.parametrize(
    ("language", "usb_words", "queue_words"),
    [
        (
            "en",
            ("cable", "Linux: install the udev rule", "Windows:", "USB not available: no backend"),
            "No print queue found",
        ),
        (
            "nl",
            ("kabel", "Linux: installeer de udev-regel", "Windows:", "USB not available: no backend"),
            "Geen printerwachtrij",
        ),
    ],
)
async def test_nothing_found_says_what_to_check(qtbot, station, wait_for, language, usb_words, queue_words):
    station.printers = PrinterSearch(problems=("USB not available: no backend",))
    dialog = make_dialog(
        qtbot, station, Messages(language), Settings(language=language), discover_printers=station.discover_printers
    )
    await searched(dialog, wait_for)
    form = dialog.label_printer
    form.transport.setCurrentIndex(form.transport.findData("usb"))
    assert form.address.count() == 0
    assert all(word in form.found.text() for word in usb_words), form.found.text()
    form.transport.setCurrentIndex(form.transport.findData("system"))
    assert form.found.text().startswith(queue_words)


# --- Picqer ids chosen by name: warehouse and order field (one helper with the relay's profile) ----------------


def combo_texts(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


async def test_the_warehouse_and_the_order_field_are_chosen_by_name_and_saved_by_id(qtbot, station):
    dialog = make_dialog(qtbot, station, Messages("en"))
    dialog.picqer_address.setText("mijnwinkel")
    dialog.picqer_key.edit.setText("pq-key")
    assert combo_texts(dialog.warehouse_choice.combo) == ["All warehouses"]
    await dialog.load_warehouses()
    assert combo_texts(dialog.warehouse_choice.combo) == [
        "All warehouses",
        "Hoofdmagazijn Utrecht",
        "Winkel Antwerpen",
    ]
    assert dialog.warehouse_choice.tester.result.text().startswith("Picqer has 2 warehouses. Choose the one")
    dialog.warehouse_choice.combo.setCurrentIndex(dialog.warehouse_choice.combo.findText("Winkel Antwerpen"))
    await dialog.load_order_fields()
    assert combo_texts(dialog.general.order_field.combo) == ["None", "Track & trace", "Verzendmethode"]
    dialog.general.order_field.combo.setCurrentIndex(dialog.general.order_field.combo.findText("Track & trace"))
    assert station.list_calls == [("warehouses", "mijnwinkel", "pq-key"), ("orderfields", "mijnwinkel", "pq-key")]
    assert dialog.save()
    s = settings_module.load(station.path).settings
    assert (s.picqer.warehouse_id, s.write_back.order_field_id) == (2812, 301)

    again = make_dialog(qtbot, station, Messages("en"))
    assert again.warehouse_choice.combo.currentText() == "Warehouse 2812 (Load from Picqer shows its name)"
    assert again.general.order_field.combo.currentText() == "Order field 301 (Load from Picqer shows its name)"
    again.picqer_address.setText("mijnwinkel")
    again.picqer_key.edit.setText("pq-key")
    await again.load_warehouses()
    assert again.warehouse_choice.combo.currentText() == "Winkel Antwerpen"
    assert "the chosen one (Winkel Antwerpen) is among them" in again.warehouse_choice.tester.result.text()


async def test_an_order_field_picqer_no_longer_has_is_named_and_kept_until_another_is_chosen(qtbot, station):
    from packstation.settings import WriteBackSettings

    settings = Settings(language="nl", write_back=WriteBackSettings(order_field_id=399))
    dialog = make_dialog(qtbot, station, Messages("nl"), settings)
    dialog.picqer_address.setText("mijnwinkel")
    dialog.picqer_key.edit.setText("pq-key")
    await dialog.load_order_fields()
    assert dialog.general.order_field.combo.currentText() == "Orderveld 399 (niet meer in Picqer)"
    assert "niet het eerder gekozen orderveld 399" in dialog.order_field_choice.tester.result.text()
    assert dialog.result_settings().write_back.order_field_id == 399
    dialog.general.order_field.combo.setCurrentIndex(dialog.general.order_field.combo.findText("Geen"))
    assert dialog.result_settings().write_back.order_field_id == 0


async def test_picqer_lists_need_the_account_first(qtbot, station):
    dialog = make_dialog(qtbot, station, Messages("en"))
    await dialog.load_warehouses()
    assert dialog.warehouse_choice.tester.result.text() == (
        "Fill in the Picqer address and API key on the Accounts tab first."
    )
    assert station.list_calls == []


# --- Esc asks before dropping edits ----------------------------------------------------------------------------


async def test_esc_on_an_unchanged_dialog_closes_it(qtbot, station):
    dialog = make_dialog(qtbot, station, Messages("en"))
    dialog.show()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == dialog.DialogCode.Rejected and not dialog.isVisible()
    assert dialog.discard_box is None


async def test_esc_after_an_edit_asks_and_keeps_the_edit_unless_discarded(qtbot, station, wait_for):
    dialog = make_dialog(qtbot, station, Messages("nl"), Settings(language="nl"))
    dialog.show()
    dialog.general.station_name.setText("Bank 2")
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    box = dialog.discard_box
    assert box is not None and dialog.isVisible()
    assert box.text() == "Je hebt instellingen gewijzigd die niet zijn opgeslagen. Sluiten zonder op te slaan?"
    QTest.keyClick(box, Qt.Key.Key_Escape)  # Esc on the question keeps editing
    await wait_for(lambda: dialog.discard_box is None)
    assert dialog.isVisible() and dialog.general.station_name.text() == "Bank 2"
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    box = dialog.discard_box
    discard = next(b for b in box.buttons() if b.text() == "Wijzigingen &weggooien")
    discard.click()
    await wait_for(lambda: not dialog.isVisible())
    assert dialog.result() == dialog.DialogCode.Rejected
    assert not station.path.exists()


async def test_a_typed_key_or_a_changed_profile_counts_as_an_edit(qtbot, station):
    dialog = make_dialog(qtbot, station, Messages("en"))
    assert not dialog.has_changes()
    dialog.myparcel_key.edit.setText("mp-new")
    assert dialog.has_changes()
    dialog.myparcel_key.edit.setText("")
    assert not dialog.has_changes()
    dialog.profiles_editor.default_on["signature"].setChecked(True)
    assert dialog.has_changes()
    assert dialog.save()
    assert not dialog.has_changes()  # saved: nothing to lose any more


# --- a wrong key: the dialog's reader is the admin -------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "picqer_words", "myparcel_words"),
    [
        ("en", "In Picqer, open Settings > API keys", "In the MyParcel backoffice"),
        ("nl", "Open in Picqer Instellingen > API-sleutels", "Open in de MyParcel-backoffice"),
    ],
)
async def test_a_wrong_key_says_where_to_find_the_right_one(qtbot, station, language, picqer_words, myparcel_words):
    dialog = make_dialog(qtbot, station, Messages(language), Settings(language=language))
    dialog.picqer_address.setText("mijnwinkel")
    dialog.picqer_key.edit.setText("wrong")
    station.picqer_error = Unauthorized("Picqer", 401)
    await dialog.test_picqer_connection()
    text = dialog.picqer_tester.result.text()
    assert picqer_words in text and "admin" not in text and "beheerder" not in text

    async def refused(platform: str, url: str, key: str) -> None:
        raise Unauthorized("MyParcel", 401)

    dialog.controller.ports = dataclasses.replace(dialog.controller.ports, test_myparcel=refused)
    dialog.myparcel_key.edit.setText("wrong")
    await dialog.test_myparcel_connection()
    text = dialog.myparcel_tester.result.text()
    assert myparcel_words in text and "admin" not in text and "beheerder" not in text
    # The packer, away from the settings, is still told to ask the admin.
    assert "admin" in Messages("en").error(Unauthorized("Picqer", 401))


# --- the language of Qt's own buttons ------------------------------------------------------------------------------


async def test_after_ctrl_l_the_dialogs_buttons_follow_the_language(qtbot, station, wait_for):
    Messages("nl")  # an earlier window's words, gone now (Qt took its translators with it)
    startup_messages = Messages("nl")  # run_gui's words (first-run dialog, crash dialog): installed on the app too
    window_messages = Messages("nl")  # the window's, which Ctrl+L switches
    dialog = make_dialog(qtbot, station, window_messages, Settings(language="nl"))
    dialog.show()

    def button_texts() -> list[str]:
        return sorted(b.text() for b in dialog.buttons.buttons())

    assert button_texts() == ["Annuleren", "Opslaan"]
    window_messages.set_language("en")  # Ctrl+L
    await wait_for(lambda: button_texts() == ["Cancel", "Save"])  # Qt re-reads them on its LanguageChange event
    assert dialog.accounts.picqer.test_button.text() == "Test connection"
    assert dialog.label_printer.test_button.text() == "Print test label"
    assert dialog.warehouse_choice.button.text() == "Load from Picqer"
    window_messages.set_language("nl")
    await wait_for(lambda: button_texts() == ["Annuleren", "Opslaan"])
    assert dialog.warehouse_choice.button.text() == "Uit Picqer laden"
    assert startup_messages.language.value == "nl"  # its own words stay Dutch: only Qt's are the app's


@pytest.mark.parametrize("language", ["en", "nl"])
async def test_every_tab_fits_a_1280_by_720_screen_with_nothing_cut_off(qtbot, station, wait_for, language):
    station.printers = PrinterSearch(problems=("USB not available: No backend available",))  # the longest texts
    settings = Settings(language=language)
    dialog = make_dialog(qtbot, station, Messages(language), settings, discover_printers=station.discover_printers)
    for form, transport in ((dialog.label_printer, "usb"), (dialog.document_printer, "spooler")):
        form.transport.setCurrentIndex(form.transport.findData(transport))
    dialog.picqer_address.setText("mijnwinkel")
    dialog.picqer_key.edit.setText("pq-key")
    dialog.show()
    await wait_for(lambda: not dialog.busy)
    for load in (dialog.load_warehouses, dialog.load_relay_profiles, dialog.load_order_fields):
        await load()
    start_width = dialog.width()
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        await asyncio.sleep(0.05)
        hint = dialog.minimumSizeHint()
        assert hint.width() <= 1280 and hint.height() <= 690, (index, hint)  # 720 less a title bar
        assert dialog.width() == start_width, "the dialog must not grow past its place when a tab opens"
    for form in (dialog.label_printer, dialog.document_printer):
        found = form.found
        assert found.height() >= found.heightForWidth(found.width()), found.text()  # every line shows


async def test_the_app_hands_the_dialog_its_lists_to_choose_from(qtbot, tmp_path, monkeypatch, wait_for):
    """GuiStation.open_settings: the printers this machine sees and the demo Picqer's names, end to end."""
    from PySide6.QtWidgets import QApplication

    from packstation import app
    from packstation.demo import DemoServers

    monkeypatch.setenv("PACKSTATION_CONFIG", str(tmp_path / "settings.toml"))
    servers = DemoServers().start()
    try:
        station = app.GuiStation(QApplication.instance(), demo=False)
        station.context = object()  # open_settings only checks that one is running
        station.open_settings(Messages("en"))
        dialog = station._dialog
        qtbot.addWidget(dialog)
        await wait_for(lambda: not dialog.busy)  # the first search, on a worker thread
        form = dialog.label_printer
        form.transport.setCurrentIndex(form.transport.findData("usb"))
        assert form.found.text().startswith(("Zebras on USB:", "No Zebra on USB."))  # whatever this machine has
        dialog.picqer_address.setText(servers.picqer_url)
        dialog.picqer_key.edit.setText(servers.picqer_api_key)
        await dialog.load_warehouses()
        await dialog.load_order_fields()
        assert dialog.warehouse_choice.combo.findText("Winkel Antwerpen") > 0
        assert dialog.general.order_field.combo.findText("Track & trace") > 0
        dialog.done(0)
    finally:
        servers.stop()


async def test_station_printers_come_from_picqers_packing_station_of_the_same_name(qtbot, station):
    # End to end against the demo Picqer: GET /packingstations, matched by the station's name, fills both printer
    # forms (not saved until the admin saves).
    from packstation import app
    from packstation.demo import DemoServers

    servers = DemoServers()
    servers.start()
    try:
        dialog = make_dialog(
            qtbot, station, Messages("en"), load_picqer_packing_stations=app.load_picqer_packing_stations
        )
        dialog.picqer_address.setText(servers.picqer_url)
        dialog.picqer_key.edit.setText(servers.picqer_api_key)
        dialog.general.station_name.setText("Nobody's bench")
        await dialog.load_station_printers()
        result = dialog.general.station_printers.result.text()
        assert "no packing station named Nobody's bench" in result
        assert dialog.label_printer.printer().address == ""

        dialog.general.station_name.setText("paktafel 1")
        await dialog.load_station_printers()
        label, document = dialog.label_printer.printer(), dialog.document_printer.printer()
        assert (label.transport, label.language, label.address) == ("spooler", "zpl", "Zebra GK420d")
        assert (document.transport, document.language, document.address) == ("system", "pdf", "Kantoor printer")
        assert dialog.general.station_printers.result.text() == (
            "Picqer's packing station Paktafel 1: label printer Zebra GK420d, document printer Kantoor printer. "
            "Check them on the Printers tab, then Save."
        )
        assert dialog.save()
        saved = settings_module.load(station.path).settings
        assert saved.label_printer.address == "Zebra GK420d" and saved.document_printer.address == "Kantoor printer"
    finally:
        servers.stop()


async def test_a_profile_asks_for_a_return_label_and_keeps_it(qtbot, station):
    dialog = make_dialog(qtbot, station, Messages("nl"))
    editor = dialog.profiles_editor
    editor.list.setCurrentRow(0)
    assert editor.return_label.currentText() == "Geen"
    editor.return_label.setCurrentIndex(editor.return_label.findData("printerless"))
    assert editor.return_label.currentText() == "Printerloos (PostNL NL), anders geprint"
    assert dialog.save()
    saved = settings_module.load(station.path).settings.profiles
    assert [p.return_label for p in saved][:2] == ["printerless", "none"]
    again = make_dialog(qtbot, station, Messages("en"))
    again.profiles_editor.list.setCurrentRow(0)
    assert again.profiles_editor.return_label.currentText() == "Printerless (PostNL NL), else printed"


async def test_the_carriers_are_written_as_they_write_themselves(qtbot, station):
    dialog = make_dialog(qtbot, station, Messages("nl"))
    combo = dialog.profiles_editor.carrier
    assert [combo.itemText(i) for i in range(combo.count())] == ["PostNL", "bpost", "DPD", "UPS"]  # not "Dpd"


async def test_the_pack_check_reads_as_a_dutch_sentence(qtbot, station):
    dialog = make_dialog(qtbot, station, Messages("nl"))
    general = dialog.general
    # "F12 vraagt alle regels afgevinkt" is no Dutch; the choices answer the label: Nee / Eerst vragen / Ja, weigeren.
    assert general.labels["pack_check"].text() == "Alle regels afvinken voor F12"
    assert [general.pack_check.itemText(i) for i in range(general.pack_check.count())] == [
        "Nee",
        "Eerst vragen",
        "Ja, weigeren",
    ]
