"""The admin's settings dialog: accounts, printers, scanner, shipping profiles, write-back and language.

It lays out one widget per tab (views/settings/) and hands what it does to a SettingsController, so it never
touches files, the keyring, HTTP or printers itself. Keyboard only: Ctrl+Tab switches tabs, Alt+letter jumps to
a field, Enter saves.
"""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Generic, TypeVar, cast

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from packstation.domain.errors import Violation
from packstation.domain.labels import DOCUMENT_PRINTER, LABEL_PRINTER
from packstation.domain.picklists import WriteBackMode
from packstation.domain.profiles import default_profiles
from packstation.domain.shipments import Platform
from packstation.settings import ENV_VARS, MYPARCEL, PICQER, Settings
from packstation.ui.messages import During, Messages
from packstation.ui.ports import PicqerList, SettingsActions
from packstation.ui.style import STYLE
from packstation.ui.views.settings.accounts_tab import AccountsTab
from packstation.ui.views.settings.general_tab import GeneralTab
from packstation.ui.views.settings.printers_tab import PrinterForm, PrintersTab
from packstation.ui.views.settings.problems import settings_problems_text, show_settings_problems
from packstation.ui.views.settings.profiles_tab import ProfilesEditor
from packstation.ui.views.settings.scanner_tab import ScannerTab
from packstation.ui.views.settings.widgets import KeyField, PicqerChoice, PicqerNames, Tester, banner, discard_question

__all__ = ["SettingsDialog", "settings_problems_text", "show_settings_problems"]
TAB_KEYS = ("accounts", "printers", "scanner", "profiles", "general")
T = TypeVar("T")
ENV_NAMES = {"picqer_env": ENV_VARS[PICQER], "myparcel_env": ENV_VARS[MYPARCEL]}  # where keys go without a keyring


class _TabField(Generic[T]):
    """A tab's field read through the dialog, by the name the rest of the app and the tests use."""

    def __init__(self, path: str) -> None:
        self._get = operator.attrgetter(path)

    def __get__(self, dialog: SettingsDialog, owner: type | None = None) -> T:
        return cast(T, self._get(dialog))


class SettingsDialog(QDialog):
    """Edit every setting; Save hands them, and the changed keys, to the controller."""

    saved = Signal(object)  # Settings

    def __init__(
        self,
        settings: Settings,
        messages: Messages,
        controller: SettingsActions,
        *,
        picqer_profiles: Mapping[int, str] | None = None,
        problems: Sequence[Violation] = (),
        backup: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setStyleSheet(STYLE)
        self.settings = settings
        self.messages = messages
        self.controller = controller
        controller.setParent(self)  # it lives as long as the dialog
        self._printers_searched = False  # the first show starts a search; Refresh starts another
        self._problems = tuple(problems)
        self._backup = backup
        self.keys_saved = False
        self.discard_box: QMessageBox | None = None  # the "close without saving?" question while it is open
        root = QVBoxLayout(self)
        self.problems_banner = banner()
        root.addWidget(self.problems_banner)
        self.keyring_banner = banner()
        root.addWidget(self.keyring_banner)
        self.tabs = QTabWidget()
        root.addWidget(self.tabs, 1)
        self.accounts = AccountsTab(messages, settings.picqer, settings.myparcel, controller.key)
        self.printers = PrintersTab(messages, settings.label_printer, settings.document_printer)
        self.scanner = ScannerTab(messages, settings.scanner)
        profiles = settings.profiles or default_profiles(self.platform())
        self.profiles_editor = ProfilesEditor(messages, profiles, self.platform, picqer_profiles or {})
        self.general = GeneralTab(messages, settings)
        for page in (self.accounts, self.printers, self.scanner, self.profiles_editor, self.general):
            self.tabs.addTab(page, "")
        self.error_label = QLabel()
        self.error_label.setObjectName("problems")
        self.error_label.setWordWrap(True)
        root.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        root.addWidget(self.buttons)
        self._connect()
        self.retranslate()
        if controller.can_search_printers:
            # Refresh and the search's result take their room now: appearing after the first search, they
            # widened the dialog past the right edge of a 1280 px screen.
            self.printers.set_searching()
        self.resize(860, 640)
        self._baseline = self._snapshot()

    def _connect(self) -> None:
        spawn = self.controller.spawn
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.messages.language_changed.connect(self.retranslate)
        self.accounts.picqer.test_button.clicked.connect(lambda: spawn(self.test_picqer_connection()))
        self.accounts.myparcel.test_button.clicked.connect(lambda: spawn(self.test_myparcel_connection()))
        self.warehouse_choice.button.clicked.connect(lambda: spawn(self.load_warehouses()))
        for form in self.printers.forms:
            form.test_button.clicked.connect(lambda _=False, f=form: spawn(self.print_test(f)))
            form.refresh_button.clicked.connect(lambda: spawn(self.refresh_printers()))
        self.profiles_editor.picqer_links.button.clicked.connect(lambda: spawn(self.load_profile_links()))
        self.relay_choice.button.clicked.connect(lambda: spawn(self.load_relay_profiles()))
        self.order_field_choice.button.clicked.connect(lambda: spawn(self.load_order_fields()))
        self.general.station_printers_button.clicked.connect(lambda: spawn(self.load_station_printers()))
        self.general.station_printers_button.setVisible(self.controller.can_load_station_printers)

    # --- the tabs' fields, by the names the rest of the app and the tests use --------------------------

    picqer_address = _TabField[QLineEdit]("accounts.address")
    picqer_key = _TabField[KeyField]("accounts.picqer.key")
    picqer_tester = _TabField[Tester]("accounts.picqer.tester")
    myparcel_key = _TabField[KeyField]("accounts.myparcel.key")
    myparcel_tester = _TabField[Tester]("accounts.myparcel.tester")
    warehouse_choice = _TabField[PicqerChoice]("accounts.warehouse")
    label_printer = _TabField[PrinterForm]("printers.label_printer")
    document_printer = _TabField[PrinterForm]("printers.document_printer")
    relay_choice = _TabField[PicqerChoice]("general.relay")
    order_field_choice = _TabField[PicqerChoice]("general.order_field")

    # --- reading the form ----------------------------------------------------------------------------

    def platform(self) -> Platform:
        accounts = getattr(self, "accounts", None)  # the profiles tab asks while the dialog is being built
        return accounts.platform() if accounts is not None else self.settings.myparcel.platform

    def result_settings(self) -> Settings:
        """Return the settings as entered; raise ValueError when a shipping profile is invalid."""
        s = self.settings
        editor = self.profiles_editor
        return dataclasses.replace(
            s,
            language=self.general.language(),
            station_name=self.general.station_name.text().strip(),
            picqer=self.accounts.picqer_settings(),
            myparcel=self.accounts.myparcel_settings(),
            label_printer=self.label_printer.printer(),
            document_printer=self.document_printer.printer(),
            scanner=self.scanner.scanner(),
            write_back=self.general.write_back(),
            packing_list=self.general.packing_list.packing_list(),
            ui=self.general.ui_settings(),
            profiles=editor.profiles() if (editor.edited or s.profiles) else (),
        )

    def relay_profile_id(self) -> int:
        """Return the Picqer profile the shipments are made with (0 = none chosen)."""
        return self.relay_choice.chosen_id

    # --- actions -------------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save settings, then keys; stay open to explain when the keys could not be stored."""
        m = self.messages
        try:
            settings = self.result_settings()
        except ValueError as exc:
            self.tabs.setCurrentWidget(self.profiles_editor)
            self.error_label.setText(str(exc))
            return False
        if settings.write_back.mode is WriteBackMode.PICQER_SHIPMENT and not settings.write_back.picqer_profile_id:
            # Saved like this, every parcel would get only a comment: say so now, not at the first shipment.
            self.tabs.setCurrentWidget(self.general)
            self.error_label.setText(m.t("settings.wb.choose_profile"))
            self.relay_choice.combo.setFocus()
            return False
        keys = {PICQER: self.picqer_key, MYPARCEL: self.myparcel_key}
        changed = {account: field.text() for account, field in keys.items() if field.changed}
        try:
            not_stored = self.controller.save(settings, changed)
        except Exception as exc:  # a full disk or a read-only folder: say so, keep the dialog open
            self.error_label.setText(m.t("settings.save_failed", detail=str(exc)))
            return False
        self.settings = settings
        for account in changed.keys() - set(not_stored):
            keys[account].loaded = keys[account].text()
            self.keys_saved = True
        self._baseline = self._snapshot()
        self.messages.set_language(settings.language)
        self.saved.emit(settings)
        if not_stored:
            self.retranslate()
            self.error_label.setText(m.t("settings.keys_not_saved", **ENV_NAMES))
            self.tabs.setCurrentWidget(self.accounts)
            return False
        self.accept()
        return True

    async def test_picqer_connection(self) -> None:
        """Ask Picqer who the key belongs to and say it in words."""
        address, _key = self.accounts.picqer_account()
        if not address:
            self.picqer_tester.show(self.messages.t("settings.need_subdomain"), "error")
            return
        await self.accounts.picqer.test(
            lambda key: self.controller.test_picqer(address, key),
            lambda user: self.messages.t("settings.picqer_ok", user=user),
        )

    async def test_myparcel_connection(self) -> None:
        """Try the MyParcel key on the chosen platform and say whether it works."""
        accounts = self.accounts

        async def check(key: str) -> str:
            await self.controller.test_myparcel(accounts.platform(), accounts.myparcel_url.text().strip(), key)
            return ""

        await accounts.myparcel.test(check, lambda _answer: self.messages.t("settings.myparcel_ok"))

    async def load_relay_profiles(self) -> None:
        """Load Picqer's shipping profiles (provider - profile) to choose the relay's by name; say what was found."""
        await self._load_choice(self.relay_choice, PicqerList.SHIPPING_PROFILES)
        if self.relay_choice.loaded:  # the same list: the profiles tab ticks from it without loading again
            self.profiles_editor.picqer_links.set_items(self.relay_choice.items)

    async def load_profile_links(self) -> None:
        """Load Picqer's shipping profiles to tick, by name, the ones a station profile ships."""
        links = self.profiles_editor.picqer_links
        await self._load_choice(links, PicqerList.SHIPPING_PROFILES)
        if links.loaded:
            self.relay_choice.set_items(links.items)

    async def load_order_fields(self) -> None:
        """Load Picqer's order fields to choose the one that keeps the tracking code by name."""
        await self._load_choice(self.order_field_choice, PicqerList.ORDER_FIELDS)

    async def load_warehouses(self) -> None:
        """Load Picqer's warehouses to choose the one this station packs for by name."""
        await self._load_choice(self.warehouse_choice, PicqerList.WAREHOUSES)

    async def _load_choice(self, choice: PicqerNames, which: PicqerList) -> None:
        """Load one named Picqer list into its choice with the address and key as entered (not yet saved)."""
        account = self._entered_account(choice.tester)
        loader = self.controller.picqer_list(which)
        if account is None or loader is None:
            choice.tester.show(self.messages.t("settings.wb.need_account"), "error")
            return
        await choice.load(lambda: loader(*account))

    def _entered_account(self, tester: Tester) -> tuple[str, str] | None:
        """The Picqer address and key as entered; None (and the tester says so) while one is missing."""
        address, key = self.accounts.picqer_account()
        if address and key:
            return address, key
        tester.show(self.messages.t("settings.wb.need_account"), "error")
        return None

    async def load_station_printers(self) -> None:
        """Offer the printers Picqer keeps for the packing station of this station's name as the printers' roles.

        The label printer and the document printer forms are filled (not saved): the admin checks them and saves.
        """
        m, tester = self.messages, self.general.station_printers
        account = self._entered_account(tester)
        name = self.general.station_name.text().strip()
        if account is None:
            return
        if not name:
            tester.show(m.t("settings.station_printers.need_name"), "error")
            return
        tester.start(m.t("settings.station_printers.loading"))
        try:
            station = await self.controller.station_printers(*account, name)
        except Exception as exc:
            tester.finish(m.error(exc, During.SETTINGS), False)
            return
        if station is None:
            tester.finish(m.t("settings.station_printers.none_named", station=name), False)
            return
        label, document = self.printers.use_station(station)
        not_set = m.t("settings.station_printers.not_set")
        found = {"label": label or not_set, "document": document or not_set}
        tester.finish(m.t("settings.station_printers.found", station=station.name, **found), bool(label or document))

    async def refresh_printers(self) -> None:
        """Look for the printers this computer sees and offer them in both printer forms."""
        if not self.controller.can_search_printers:
            return
        self._printers_searched = True
        self.printers.set_searching()
        search = await self.controller.find_printers()
        if search is not None:  # None: a search already runs, and fills the forms when done
            self.printers.set_found(search)

    async def print_test(self, form: PrinterForm) -> None:
        """Print the calibration label on the printer as configured in `form` (not yet saved)."""
        m = self.messages
        form.tester.start(m.t("settings.printing"))
        try:
            role = LABEL_PRINTER if form is self.label_printer else DOCUMENT_PRINTER
            await self.controller.print_test(form.printer(), role)
        except Exception as exc:
            form.tester.finish(m.error(exc, During.SETTINGS), ok=False)
            return
        form.tester.finish(m.t("settings.print_ok"), ok=True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._printers_searched and self.controller.can_search_printers:
            self._printers_searched = True
            self.controller.spawn(self.refresh_printers())

    @property
    def busy(self) -> bool:
        """True while a connection test or a test print runs."""
        return self.controller.busy

    # --- leaving without saving ----------------------------------------------------------------------

    def has_changes(self) -> bool:
        """True when something differs from what the dialog opened with (or last saved)."""
        return self._snapshot() != self._baseline

    def _snapshot(self) -> tuple[object, ...]:
        try:
            entered: object = self.result_settings()
        except ValueError:  # an invalid profile: certainly an edit
            entered = None
        return (entered, self.picqer_key.changed, self.myparcel_key.changed, self.profiles_editor.edited)

    def reject(self) -> None:
        """Esc, Cancel or the window's close button: ask first when edits would be lost."""
        if self.discard_box is not None:
            return
        if not self.has_changes():
            super().reject()
            return
        box, discard = discard_question(self, self.messages)
        self.discard_box = box

        def answered(_result: int) -> None:
            self.discard_box = None
            box.deleteLater()
            if box.clickedButton() is discard:
                QDialog.reject(self)

        box.finished.connect(answered)
        box.open()

    # --- text ----------------------------------------------------------------------------------------

    def retranslate(self, *_args: object) -> None:
        m = self.messages
        self.setWindowTitle(m.t("settings.title"))
        for index, key in enumerate(TAB_KEYS):
            self.tabs.setTabText(index, m.t(f"settings.tab.{key}"))
        if self._problems:
            self.problems_banner.setText(settings_problems_text(m, self._problems, self._backup))
        self.problems_banner.setVisible(bool(self._problems))
        self.keyring_banner.setText(m.t("settings.no_keyring", **ENV_NAMES))
        self.keyring_banner.setVisible(not self.controller.keyring_available)
        for tab in (self.accounts, self.printers, self.scanner, self.profiles_editor, self.general):
            tab.retranslate()
