"""The admin's settings dialog: accounts, printers, scanner, shipping profiles, write-back and language.

Everything is saved through callables handed in by app.py, so this module never touches files, the keyring,
HTTP or printers itself. Keyboard only: Ctrl+Tab switches tabs, Alt+letter jumps to a field, Enter saves.
"""

from __future__ import annotations

import abc
import asyncio
import dataclasses
import logging
from collections.abc import Awaitable, Callable, Coroutine, Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from packstation.domain.errors import SecretsUnavailable, Violation
from packstation.domain.labels import DOCUMENT_PRINTER, LABEL_PRINTER
from packstation.domain.picklists import PicqerShippingProvider
from packstation.domain.printers import PRINT_QUEUE, USB_PRINTER, FoundPrinter, PrinterSearch
from packstation.domain.profiles import (
    LIST,
    MYPARCEL_INSURANCE_EUROS,
    SENDMYPARCEL_INSURANCE_EUROS,
    YES,
    ConfigOption,
    ShippingProfile,
    default_profiles,
    insurance_option,
    label_text_option,
    profile_from_dict,
    profile_to_dict,
    yes_no,
)
from packstation.domain.shipments import Carrier, PackageType, Platform
from packstation.secrets import ENV_VARS, MYPARCEL, PICQER
from packstation.settings import (
    TRANSPORTS,
    WRITE_BACK_MODES,
    MyParcelSettings,
    PicqerSettings,
    PrinterSettings,
    ScannerSettings,
    Settings,
    UiSettings,
    WriteBackSettings,
)
from packstation.ui.messages import During, Messages
from packstation.ui.style import STYLE

log = logging.getLogger(__name__)

SaveSettings = Callable[[Settings], None]
SetKey = Callable[[str, str], None]
TestPicqer = Callable[[str, str], Awaitable[str]]
TestMyParcel = Callable[[str, str, str], Awaitable[None]]
PrintTestLabel = Callable[[PrinterSettings, str], Awaitable[None]]  # the printer, and its role (errors name it)
# (Picqer address, API key) -> the account's shipping providers with their profiles (GET /shippingproviders)
LoadPicqerProfiles = Callable[[str, str], Awaitable[Sequence[PicqerShippingProvider]]]
# (Picqer address, API key) -> id: name of one of the account's lists (GET /warehouses, GET /orderfields)
LoadPicqerNames = Callable[[str, str], Awaitable[Mapping[int, str]]]
# () -> the printers this computer sees (USB Zebras, system queues); takes a second or so: app.py runs it on a thread
DiscoverPrinters = Callable[[], Awaitable[PrinterSearch]]
# A printer connection -> the kind of found printer its address names (network and virtual list none)
FOUND_KIND = {"usb": USB_PRINTER, "spooler": PRINT_QUEUE, "system": PRINT_QUEUE}

# (key, width mm, height mm); "custom" enables the width and height fields.
LABEL_SIZES: tuple[tuple[str, float, float], ...] = (
    ("a6", 105.0, 148.0),
    ("4x6", 101.6, 152.4),
    ("150x103", 103.0, 150.0),
    ("a4", 210.0, 297.0),
)
SUFFIXES = (("enter", "\r"), ("tab", "\t"), ("crlf", "\r\n"), ("none", ""))
BOOL_OPTIONS = ("signature", "only_recipient", "return", "age_check", "large_format")
CARRIERS = (Carrier.POSTNL, Carrier.BPOST, Carrier.DPD, Carrier.UPS)


def _combo(items: Sequence[tuple[str, object]]) -> QComboBox:
    combo = QComboBox()
    for text, data in items:
        combo.addItem(text, data)
    return combo


def _select(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    combo.setCurrentIndex(max(index, 0))


def _parse_picqer_address(text: str) -> tuple[str, str]:
    """Return (subdomain, base_url) from what the admin typed: "shop", "shop.picqer.com" or a full URL."""
    text = text.strip().rstrip("/")
    if "://" in text:
        return "", text
    if text.endswith(".picqer.com"):
        text = text[: -len(".picqer.com")]
    return text, ""


class _Tester:
    """A "Test" button, a busy bar and the result in words, for one async check."""

    def __init__(self, button: QPushButton) -> None:
        self.button = button
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # no percentage: a moving bar while waiting
        self.busy.setMaximumHeight(10)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.result = QLabel()
        self.result.setObjectName("testResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def start(self, text: str) -> None:
        self.button.setEnabled(False)
        self.busy.show()
        self.show(text, "")

    def finish(self, text: str, ok: bool) -> None:
        self.button.setEnabled(True)
        self.busy.hide()
        self.show(text, "ok" if ok else "error")

    def show(self, text: str, tone: str) -> None:
        self.result.setText(text)
        self.result.setProperty("tone", tone)
        self.result.setStyleSheet({"ok": "color: #1f7a44;", "error": "color: #b00020;"}.get(tone, ""))


@dataclasses.dataclass(frozen=True)
class ChoiceTexts:
    """Catalogue keys of one named Picqer list: what the combo and the result line say."""

    unknown: str  # {id}: the saved id before the list is loaded
    missing: str  # {id}: the saved id after loading, when Picqer no longer has it
    found: str  # {count}: loaded, nothing chosen yet
    there: str  # {count} {name}: loaded, the chosen one is among them
    gone: str  # {count} {id}: loaded, the chosen one is not
    empty: str  # loaded, Picqer has none
    button: str  # the button that loads the list
    none: str = ""  # a combo's "nothing chosen" item (id 0)


class _PicqerNames(abc.ABC):
    """What every named Picqer list shares: a load button, the result in words, and the names as listed.

    Until the list is loaded a saved id is shown by its number; after loading, an id Picqer no longer has
    stays chosen (nothing is lost by just looking) and is named as gone until the admin chooses otherwise.
    """

    def __init__(self, messages: Messages, texts: ChoiceTexts, object_name: str) -> None:
        self._messages = messages
        self.texts = texts
        self.items: list[tuple[int, str]] = []  # (id, name) as Picqer listed them
        self.loaded = False
        self.button = QPushButton()
        self.button.setObjectName(f"{object_name}Load")
        self.tester = _Tester(self.button)

    @abc.abstractmethod
    def chosen_ids(self) -> list[int]:
        """Return the ids chosen now (saved ones included until the admin drops them)."""

    @abc.abstractmethod
    def fill(self) -> None:
        """Show the names Picqer listed and the chosen ids it does not name."""

    def set_items(self, items: Sequence[tuple[int, str]]) -> None:
        """Take a list loaded elsewhere (the same GET answers more than one list)."""
        self.items = list(items)
        self.loaded = True
        self.fill()

    async def load(self, fetch: Callable[[], Awaitable[Sequence[tuple[int, str]]]]) -> None:
        """Load the list from Picqer and say what was found, and whether the chosen ones are among it."""
        m = self._messages
        self.tester.start(m.t("settings.testing"))
        try:
            items = list(await fetch())
        except Exception as exc:
            self.tester.finish(m.error(exc, During.SETTINGS), ok=False)
            return
        self.set_items(items)
        count = len(items)
        names = dict(items)
        chosen = [i for i in self.chosen_ids() if i]
        gone = [i for i in chosen if i not in names]
        t = self.texts
        if not count:
            self.tester.finish(m.t(t.empty), ok=False)
        elif gone:
            self.tester.finish(m.t(t.gone, count=count, id=", ".join(map(str, gone))), ok=False)
        elif chosen:
            self.tester.finish(m.t(t.there, count=count, name=", ".join(names[i] for i in chosen)), ok=True)
        else:
            self.tester.finish(m.t(t.found, count=count), ok=True)

    def name_of(self, item_id: int) -> str:
        """Return an id's name as Picqer listed it, or the id in words when Picqer did not name it."""
        names = dict(self.items)
        if item_id in names:
            return names[item_id]
        return self._messages.t(self.texts.missing if self.loaded else self.texts.unknown, id=item_id)

    def retranslate(self) -> None:
        self.button.setText(self._messages.t(self.texts.button))
        self.fill()


class PicqerChoice(_PicqerNames):
    """One id Picqer holds (a shipping profile, order field, warehouse), chosen by name in a combo, saved by id."""

    def __init__(self, messages: Messages, texts: ChoiceTexts, chosen_id: int, object_name: str) -> None:
        super().__init__(messages, texts, object_name)
        self.chosen_id = chosen_id
        self.combo = QComboBox()
        self.combo.setObjectName(object_name)
        # Long Picqer names must not widen the dialog past a 1280 px screen.
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(28)
        self.row = QHBoxLayout()
        self.row.addWidget(self.combo, 1)
        self.row.addWidget(self.button)
        self.combo.currentIndexChanged.connect(self._chosen)

    def chosen_ids(self) -> list[int]:
        return [self.chosen_id]

    def fill(self) -> None:
        m = self._messages
        with QSignalBlocker(self.combo):
            self.combo.clear()
            self.combo.addItem(m.t(self.texts.none), 0)
            if self.chosen_id and self.chosen_id not in dict(self.items):
                self.combo.addItem(self.name_of(self.chosen_id), self.chosen_id)
            for item_id, name in self.items:
                self.combo.addItem(name, item_id)
            _select(self.combo, self.chosen_id)

    def _chosen(self, _index: int) -> None:
        self.chosen_id = int(self.combo.currentData() or 0)


class PicqerChecklist(_PicqerNames):
    """Several ids Picqer holds (the shipping profiles a station profile ships), ticked by name, saved by id."""

    def __init__(self, messages: Messages, texts: ChoiceTexts, object_name: str) -> None:
        super().__init__(messages, texts, object_name)
        self.checked: list[int] = []
        self.list = QListWidget()
        self.list.setObjectName(object_name)
        self.list.itemChanged.connect(self._ticked)
        self._filling = False
        self.on_change: Callable[[], None] = lambda: None  # the owner's: called after a tick or untick

    def chosen_ids(self) -> list[int]:
        return list(self.checked)

    def set_checked(self, ids: Sequence[int]) -> None:
        self.checked = list(ids)
        self.fill()

    def fill(self) -> None:
        self._filling = True
        try:
            self.list.clear()
            listed = [item_id for item_id, _name in self.items]
            for item_id in [i for i in self.checked if i not in listed] + listed:
                item = QListWidgetItem(self.name_of(item_id))
                item.setToolTip(self.name_of(item_id))
                item.setData(Qt.ItemDataRole.UserRole, item_id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                checked = item_id in self.checked
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                self.list.addItem(item)
        finally:
            self._filling = False

    def _ticked(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        item_id = int(item.data(Qt.ItemDataRole.UserRole))
        ticked = item.checkState() == Qt.CheckState.Checked
        if ticked and item_id not in self.checked:
            self.checked.append(item_id)
        elif not ticked and item_id in self.checked:
            self.checked.remove(item_id)
        self.on_change()


RELAY_PROFILE_TEXTS = ChoiceTexts(
    none="settings.wb.profile_none",
    unknown="settings.wb.profile_unknown",
    missing="settings.wb.profile_missing",
    found="settings.wb.profiles_found",
    there="settings.wb.profile_there",
    gone="settings.wb.profile_gone",
    empty="settings.wb.no_profiles",
    button="settings.test",
)
ORDER_FIELD_TEXTS = ChoiceTexts(
    none="settings.order_field.none",
    unknown="settings.order_field.unknown",
    missing="settings.order_field.missing",
    found="settings.order_field.found",
    there="settings.order_field.there",
    gone="settings.order_field.gone",
    empty="settings.order_field.empty",
    button="settings.load_from_picqer",
)
PROFILE_LINK_TEXTS = ChoiceTexts(
    unknown="settings.links.unknown",
    missing="settings.wb.profile_missing",
    found="settings.links.found",
    there="settings.links.there",
    gone="settings.links.gone",
    empty="settings.links.empty",
    button="settings.load_from_picqer",
)
WAREHOUSE_TEXTS = ChoiceTexts(
    none="settings.warehouse.none",
    unknown="settings.warehouse.unknown",
    missing="settings.warehouse.missing",
    found="settings.warehouse.found",
    there="settings.warehouse.there",
    gone="settings.warehouse.gone",
    empty="settings.warehouse.empty",
    button="settings.load_from_picqer",
)


class KeyField(QWidget):
    """An API key: hidden by default, Show/Hide with Alt+letter; remembers what was loaded."""

    def __init__(self, messages: Messages, loaded: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._messages = messages
        self.loaded = loaded
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit(loaded)
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.toggle = QPushButton()
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self._toggled)
        row.addWidget(self.edit, 1)
        row.addWidget(self.toggle)
        self.retranslate()

    @property
    def changed(self) -> bool:
        return self.edit.text().strip() != self.loaded

    def text(self) -> str:
        return self.edit.text().strip()

    def retranslate(self) -> None:
        m = self._messages
        self.toggle.setText(m.t("settings.hide_key" if self.toggle.isChecked() else "settings.show_key"))
        self.edit.setPlaceholderText(m.t("settings.key_stored" if self.loaded else "settings.key_missing"))

    def _toggled(self, shown: bool) -> None:
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.retranslate()


class PrinterForm(QWidget):
    """One printer role: connection, resolution, label size, fit/crop, darkness, encoding, test label."""

    def __init__(self, messages: Messages, printer: PrinterSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._messages = messages
        self._original = printer
        form = QFormLayout(self)
        self.transport = _combo([(t, t) for t in TRANSPORTS])
        # Chosen from what this computer sees (USB Zebras, print queues), or typed: a network host, a folder,
        # a printer that is switched off now.
        self.address = QComboBox()
        self.address.setObjectName("printerAddress")
        self.address.setEditable(True)
        self.address.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.address.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.address.setMinimumContentsLength(22)  # a queue name like "Brother_HL_L2350DW_series" in full
        self.address.setEditText(printer.address)
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("printersRefresh")
        self.refresh_button.hide()  # shown once the dialog can look for printers
        self.found = QLabel()
        self.found.setObjectName("printersFound")
        self.found.setWordWrap(True)
        self.found.hide()
        # What was found on a row of its own: a wrapped text beside a button in a form row was cut off.
        address_row = QHBoxLayout()
        address_row.addWidget(self.address, 1)
        address_row.addWidget(self.refresh_button)
        self._search: PrinterSearch | None = None
        self._searching = False
        self._can_search = False
        self.dpi = _combo([(f"{d} dpi", d) for d in (203, 300, 600)])
        self.size = _combo([(key, key) for key, _w, _h in LABEL_SIZES] + [("custom", "custom")])
        self.width = QDoubleSpinBox()
        self.height = QDoubleSpinBox()
        for spin in (self.width, self.height):
            spin.setRange(20.0, 420.0)
            spin.setDecimals(1)
            spin.setSuffix(" mm")
        # Width × height on a row of their own: beside the size choice they made each printer form so wide that
        # the two side by side pushed the dialog past a 1280 px screen (1324 px, 1362 px in Dutch).
        size_row = QHBoxLayout()
        size_row.addWidget(self.width)
        size_row.addWidget(QLabel("×"))
        size_row.addWidget(self.height)
        size_row.addStretch(1)
        self.language = _combo([("zpl", "zpl"), ("pdf", "pdf")])
        self.layout_choice = _combo([("fit", "fit"), ("crop", "crop")])
        self.darkness = QSpinBox()
        self.darkness.setRange(-1, 30)
        self.encoding = _combo([("Z64", "z64"), ("ACS", "acs"), ("HEX", "hex")])
        self.test_button = QPushButton()
        self.tester = _Tester(self.test_button)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.tester.busy, 1)
        test_row.addStretch(1)
        self.labels = {
            key: QLabel()
            for key in ("transport", "address", "language", "dpi", "size", "layout", "darkness", "encoding")
        }
        for key, widget in (
            ("transport", self.transport),
            ("address", self.address),
            ("language", self.language),
            ("dpi", self.dpi),
            ("size", self.size),
            ("layout", self.layout_choice),
            ("darkness", self.darkness),
            ("encoding", self.encoding),
        ):
            self.labels[key].setBuddy(widget)
        form.addRow(self.labels["transport"], self.transport)
        form.addRow(self.labels["address"], address_row)
        form.addRow(self.found)
        form.addRow(self.labels["language"], self.language)
        form.addRow(self.labels["dpi"], self.dpi)
        form.addRow(self.labels["size"], self.size)
        form.addRow("", size_row)
        form.addRow(self.labels["layout"], self.layout_choice)
        form.addRow(self.labels["darkness"], self.darkness)
        form.addRow(self.labels["encoding"], self.encoding)
        form.addRow(test_row)
        form.addRow(self.tester.result)
        self.size.currentIndexChanged.connect(self._size_changed)
        self.transport.currentIndexChanged.connect(self._show_found)
        self.address.currentIndexChanged.connect(self._found_printer_chosen)
        self.set_printer(printer)
        self.retranslate()

    def set_printer(self, printer: PrinterSettings) -> None:
        self._original = printer
        _select(self.transport, printer.transport)
        self.address.setEditText(printer.address)
        _select(self.language, printer.language)
        _select(self.dpi, printer.dpi)
        preset = next(
            (
                key
                for key, w, h in LABEL_SIZES
                if abs(w - printer.label_width_mm) < 0.05 and abs(h - printer.label_height_mm) < 0.05
            ),
            "custom",
        )
        self.width.setValue(printer.label_width_mm)
        self.height.setValue(printer.label_height_mm)
        _select(self.size, preset)
        self._size_changed()
        _select(self.layout_choice, printer.layout)
        self.darkness.setValue(printer.darkness)
        _select(self.encoding, printer.encoding)

    def printer(self) -> PrinterSettings:
        """Return the printer role as entered (settings not shown here, like speed, are kept)."""
        return dataclasses.replace(
            self._original,
            transport=str(self.transport.currentData()),
            address=self.address.currentText().strip(),
            language=str(self.language.currentData()),
            dpi=int(self.dpi.currentData()),
            label_width_mm=round(self.width.value(), 1),
            label_height_mm=round(self.height.value(), 1),
            layout=str(self.layout_choice.currentData()),
            darkness=self.darkness.value(),
            encoding=str(self.encoding.currentData()),
        )

    # --- the printers this computer sees -------------------------------------------------------------

    def set_searching(self) -> None:
        """Say a search runs (Refresh waits for it)."""
        self._can_search = True
        self._searching = True
        self._show_found()

    def set_found(self, search: PrinterSearch) -> None:
        """Offer the printers found for this connection; the address as entered stays."""
        self._can_search = True
        self._searching = False
        self._search = search
        self._show_found()

    def found_printers(self) -> list[FoundPrinter]:
        """Return the printers found that this connection can print to."""
        kind = FOUND_KIND.get(str(self.transport.currentData()))
        if self._search is None or kind is None:
            return []
        return [p for p in self._search.printers if p.kind == kind]

    def _show_found(self, *_args: object) -> None:
        m = self._messages
        kind = FOUND_KIND.get(str(self.transport.currentData()))
        listed = self._can_search and kind is not None
        self.refresh_button.setVisible(listed)
        self.refresh_button.setEnabled(not self._searching)
        self.found.setVisible(listed)
        typed = self.address.currentText()
        with QSignalBlocker(self.address):
            self.address.clear()
            for printer in self.found_printers():
                self.address.addItem(self._found_text(printer), printer.address)
            self.address.setCurrentIndex(-1)
            self.address.setEditText(typed)
        if not listed:
            return
        found = self.found_printers()
        if self._searching:
            self.found.setText(m.t("settings.printers_searching"))
        elif kind == USB_PRINTER:
            text = m.t("settings.printers_usb_found" if found else "settings.printers_no_usb", count=len(found))
            problems = self._search.problems if self._search is not None else ()
            if not found and problems:  # why USB could not be searched (no libusb, no permission)
                text += " " + m.t("settings.printers_problem", detail="; ".join(problems))
            self.found.setText(text)
        else:
            self.found.setText(
                m.t("settings.printers_queues_found" if found else "settings.printers_no_queues", count=len(found))
            )
        self._fit_found()

    def _fit_found(self) -> None:
        # QFormLayout gives a spanning row its size hint, not its height for the width it has: a long wrapped
        # message (nothing found, what to check) lost its last lines. Ask the label its height at its width.
        width = self.found.width()
        if not self.found.isHidden() and width > 50:  # laid out (a hidden tab's page keeps its width)
            self.found.setMinimumHeight(self.found.heightForWidth(width))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_found()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_found()

    def _found_text(self, found: FoundPrinter) -> str:
        """A found printer as the list shows it: where it is, what it is and whether it can print now."""
        m = self._messages
        if found.kind == USB_PRINTER:
            status = m.t("settings.printer_ready") if found.ready else m.printer_conditions(found.conditions)
            serial = found.address or m.t("settings.printer_no_serial")
            return f"{serial} — {found.name}, {status or found.status}"
        return found.address if found.ready else f"{found.address} — {m.t('settings.printer_queue_off')}"

    def _found_printer_chosen(self, index: int) -> None:
        # The list shows name and status; the setting takes the serial or queue name alone.
        if index >= 0:
            with QSignalBlocker(self.address):
                self.address.setEditText(str(self.address.itemData(index) or ""))

    def _size_changed(self, *_args: object) -> None:
        key = self.size.currentData()
        custom = key == "custom"
        self.width.setEnabled(custom)
        self.height.setEnabled(custom)
        for preset, w, h in LABEL_SIZES:
            if preset == key:
                self.width.setValue(w)
                self.height.setValue(h)

    def retranslate(self) -> None:
        m = self._messages
        for key, text_key in (
            ("transport", "settings.transport"),
            ("address", "settings.address"),
            ("language", "settings.printer_language"),
            ("dpi", "settings.dpi"),
            ("size", "settings.label_size"),
            ("layout", "settings.layout"),
            ("darkness", "settings.darkness"),
            ("encoding", "settings.encoding"),
        ):
            self.labels[key].setText(m.t(text_key))
        for i in range(self.transport.count()):
            self.transport.setItemText(i, m.t(f"settings.transport.{self.transport.itemData(i)}"))
        for i in range(self.size.count()):
            self.size.setItemText(i, m.t(f"settings.size.{self.size.itemData(i)}"))
        for i in range(self.language.count()):
            self.language.setItemText(i, m.t(f"settings.printer_language.{self.language.itemData(i)}"))
        for i in range(self.layout_choice.count()):
            self.layout_choice.setItemText(i, m.t(f"settings.layout.{self.layout_choice.itemData(i)}"))
        address_edit = self.address.lineEdit()
        if address_edit is not None:  # always: the combo is editable
            address_edit.setPlaceholderText(m.t("settings.address_hint"))
        self.refresh_button.setText(m.t("settings.printers_refresh"))
        self._show_found()
        self.darkness.setSpecialValueText(m.t("settings.darkness_printer"))
        self.test_button.setText(m.t("settings.print_test"))
        self.width.setToolTip(m.t("settings.width"))
        self.height.setToolTip(m.t("settings.height"))


class ProfilesEditor(QWidget):
    """Shipping profiles as a list and a form; stored as profile_to_dict data, checked with profile_from_dict."""

    def __init__(
        self,
        messages: Messages,
        profiles: Sequence[Mapping[str, Any]],
        platform: Callable[[], Platform],
        picqer_profiles: Mapping[int, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._messages = messages
        self._platform = platform
        self.edited = False
        self._profiles: list[dict[str, Any]] = [dict(p) for p in profiles]
        self._current = -1
        self._loading = False
        root = QHBoxLayout(self)
        left = QVBoxLayout()
        self.list = QListWidget()
        self.list.setObjectName("profilesList")
        left.addWidget(self.list, 1)
        buttons = QGridLayout()
        self.add_button = QPushButton()
        self.copy_button = QPushButton()
        self.remove_button = QPushButton()
        self.defaults_button = QPushButton()
        buttons.addWidget(self.add_button, 0, 0)
        buttons.addWidget(self.copy_button, 0, 1)
        buttons.addWidget(self.remove_button, 1, 0)
        buttons.addWidget(self.defaults_button, 1, 1)
        left.addLayout(buttons)
        root.addLayout(left, 2)

        self.form_box = QWidget()
        form = QFormLayout(self.form_box)
        self.name = QLineEdit()
        self.name.setObjectName("profileName")
        self.carrier = _combo([(c.name.title() if c is not Carrier.UPS else "UPS", c.name.lower()) for c in CARRIERS])
        self.carrier.setItemText(0, "PostNL")
        self.package_type = _combo([(p.name.lower(), p.name.lower()) for p in PackageType])
        self.offered: dict[str, QCheckBox] = {}
        self.default_on: dict[str, QCheckBox] = {}
        self.options_box = QGroupBox()
        grid = QGridLayout(self.options_box)
        for row, key in enumerate((*BOOL_OPTIONS, "insurance", "label_description")):
            self.offered[key] = QCheckBox()
            self.offered[key].setObjectName(f"offer_{key}")
            grid.addWidget(self.offered[key], row, 0)
            if key in BOOL_OPTIONS:
                self.default_on[key] = QCheckBox()
                self.default_on[key].setObjectName(f"default_{key}")
                grid.addWidget(self.default_on[key], row, 1)
        # The Picqer shipping profiles this profile ships, ticked by name (Picqer's own list, not typed ids).
        self.picqer_links = PicqerChecklist(messages, PROFILE_LINK_TEXTS, "picqerProfiles")
        links = self.picqer_links.list
        links.setMaximumHeight(110)
        # A long "provider - profile" name is shortened in the list (whole in its tooltip), not scrolled sideways.
        links.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        links.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        if picqer_profiles:
            self.picqer_links.set_items(list(picqer_profiles.items()))
        self.picqer_links.on_change = self._form_edited
        # The load button under the row's label, where the form has room: a row of its own made the profiles tab
        # the tallest of the dialog.
        links_label = QWidget()
        links_column = QVBoxLayout(links_label)
        links_column.setContentsMargins(0, 0, 0, 0)
        self.problem = QLabel()
        self.problem.setObjectName("problems")
        self.problem.setWordWrap(True)
        self.labels = {key: QLabel() for key in ("name", "carrier", "package_type", "picqer_links")}
        self.labels["name"].setBuddy(self.name)
        self.labels["carrier"].setBuddy(self.carrier)
        self.labels["package_type"].setBuddy(self.package_type)
        self.labels["picqer_links"].setBuddy(self.picqer_links.list)
        form.addRow(self.labels["name"], self.name)
        form.addRow(self.labels["carrier"], self.carrier)
        form.addRow(self.labels["package_type"], self.package_type)
        form.addRow(self.options_box)
        links_column.addWidget(self.labels["picqer_links"])
        links_column.addWidget(self.picqer_links.button, 0, Qt.AlignmentFlag.AlignLeft)
        links_column.addWidget(self.picqer_links.tester.busy)
        links_column.addStretch(1)
        form.addRow(links_label, self.picqer_links.list)
        form.addRow(self.picqer_links.tester.result)
        form.addRow(self.problem)
        root.addWidget(self.form_box, 3)

        self.list.currentRowChanged.connect(self._row_changed)
        self.add_button.clicked.connect(self.add_profile)
        self.copy_button.clicked.connect(self.copy_profile)
        self.remove_button.clicked.connect(self.remove_profile)
        self.defaults_button.clicked.connect(self.reset_defaults)
        self.name.textEdited.connect(self._form_edited)
        for combo in (self.carrier, self.package_type):
            combo.currentIndexChanged.connect(self._form_edited)
        for box in (*self.offered.values(), *self.default_on.values()):
            box.toggled.connect(self._form_edited)
        self._refill(0)
        self.retranslate()

    # --- data ----------------------------------------------------------------------------------------

    def profiles(self) -> tuple[dict[str, Any], ...]:
        """Return every profile as settings data; raise ValueError naming the first invalid one."""
        self._store_form()
        result = []
        for data in self._profiles:
            result.append(profile_to_dict(profile_from_dict(data)))
        return tuple(result)

    def set_picqer_profiles(self, names: Mapping[int, str]) -> None:
        """Take the account's shipping profiles (id: name) loaded elsewhere in the dialog."""
        self.picqer_links.set_items(list(names.items()))

    def add_profile(self) -> None:
        platform = self._platform()
        carrier = Carrier.BPOST if platform is Platform.SENDMYPARCEL else Carrier.POSTNL
        data = {
            "name": self._unique(self._messages.t("settings.profile_new")),
            "carrier": carrier.name.lower(),
            "platform": platform.value,
            "package_type": "package",
            "options": [],
            "defaults": {},
            "picqer_profile_ids": [],
        }
        self._store_form()
        self._profiles.append(data)
        self.edited = True
        self._refill(len(self._profiles) - 1)
        self.name.setFocus()
        self.name.selectAll()

    def copy_profile(self) -> None:
        if self._current < 0:
            return
        self._store_form()
        data = dict(self._profiles[self._current])
        data["name"] = self._unique(str(data.get("name", "")))
        data["picqer_profile_ids"] = []  # one Picqer profile points at one station profile
        self._profiles.insert(self._current + 1, data)
        self.edited = True
        self._refill(self._current + 1)

    def remove_profile(self) -> None:
        if self._current < 0:
            return
        del self._profiles[self._current]
        self._current = -1
        self.edited = True
        self._refill(min(self.list.currentRow(), len(self._profiles) - 1))

    def reset_defaults(self) -> None:
        self._profiles = [profile_to_dict(p) for p in default_profiles(self._platform())]
        self._current = -1
        self.edited = True
        self._refill(0)

    def _unique(self, name: str) -> str:
        names = {str(p.get("name", "")) for p in self._profiles}
        candidate, n = name, 2
        while candidate in names:
            candidate, n = f"{name} ({n})", n + 1
        return candidate

    # --- form ----------------------------------------------------------------------------------------

    def _refill(self, select: int) -> None:
        self._loading = True
        self.list.clear()
        for data in self._profiles:
            self.list.addItem(str(data.get("name", "")))
        self._loading = False
        self._current = -1
        self.form_box.setEnabled(bool(self._profiles))
        self.copy_button.setEnabled(bool(self._profiles))
        self.remove_button.setEnabled(bool(self._profiles))
        if self._profiles:
            self.list.setCurrentRow(max(0, min(select, len(self._profiles) - 1)))

    def _row_changed(self, row: int) -> None:
        if self._loading:
            return
        self._store_form()
        self._current = row
        if 0 <= row < len(self._profiles):
            self._load_form(self._profiles[row])

    def _load_form(self, data: Mapping[str, Any]) -> None:
        self._loading = True
        self.name.setText(str(data.get("name", "")))
        _select(self.carrier, str(data.get("carrier", "postnl")).lower())
        _select(self.package_type, str(data.get("package_type", "package")).lower())
        options = {str(o.get("key")): o for o in data.get("options", []) if isinstance(o, Mapping)}
        for key, box in self.offered.items():
            box.setChecked(key in options)
        for key, box in self.default_on.items():
            box.setChecked(key in options and str(options[key].get("default_value")) == YES)
        ids = data.get("picqer_profile_ids", [])
        self.picqer_links.set_checked([i for i in ids if isinstance(i, int)] if isinstance(ids, list) else [])
        self._loading = False
        self._check()

    def _form_edited(self, *_args: object) -> None:
        if self._loading or self._current < 0:
            return
        self.edited = True
        self._store_form()
        self.list.item(self._current).setText(self.name.text())
        self._check()

    def _store_form(self) -> None:
        if self._current < 0 or self._current >= len(self._profiles) or self._loading:
            return
        data = dict(self._profiles[self._current])
        existing = {str(o.get("key")): o for o in data.get("options", []) if isinstance(o, Mapping)}
        data["name"] = self.name.text().strip()
        data["carrier"] = self.carrier.currentData()
        data["package_type"] = self.package_type.currentData()
        data["platform"] = self._platform().value
        data["picqer_profile_ids"] = self.picqer_links.chosen_ids()
        data["options"] = [self._option(key, existing.get(key)) for key, box in self.offered.items() if box.isChecked()]
        self._profiles[self._current] = data

    def _option(self, key: str, existing: Mapping[str, Any] | None) -> dict[str, Any]:
        """Keep an option as it was configured (its labels), only changing whether it is on by default."""
        if existing is not None:
            option = dict(existing)
            if key in self.default_on and option.get("type", LIST) == LIST:
                option["default_value"] = YES if self.default_on[key].isChecked() else "0"
            return option
        # The shipped English texts go into the file; every station shows them in its packer's language.
        made: ConfigOption
        if key in BOOL_OPTIONS:
            made = yes_no(key, default=self.default_on[key].isChecked())
        elif key == "insurance":
            euros = (
                SENDMYPARCEL_INSURANCE_EUROS if self._platform() is Platform.SENDMYPARCEL else MYPARCEL_INSURANCE_EUROS
            )
            made = insurance_option(euros)
        else:
            made = label_text_option()
        return _config_option_dict(made)

    def _check(self) -> None:
        try:
            profile_from_dict(self._profiles[self._current])
        except (ValueError, IndexError) as exc:
            self.problem.setText(str(exc))
        else:
            self.problem.clear()

    def retranslate(self) -> None:
        m = self._messages
        self.add_button.setText(m.t("settings.profile_add"))
        self.copy_button.setText(m.t("settings.profile_copy"))
        self.remove_button.setText(m.t("settings.profile_remove"))
        self.defaults_button.setText(m.t("settings.profile_defaults"))
        self.labels["name"].setText(m.t("settings.profile_name"))
        self.labels["carrier"].setText(m.t("settings.carrier"))
        self.labels["package_type"].setText(m.t("settings.package_type"))
        self.labels["picqer_links"].setText(m.t("settings.picqer_links"))
        self.options_box.setTitle(m.t("settings.offered"))
        for key, box in self.offered.items():
            box.setText(m.t(f"option.label.{key}"))
        for box in self.default_on.values():
            box.setText(m.t("settings.on_by_default"))
        for i in range(self.package_type.count()):
            self.package_type.setItemText(i, m.t(f"settings.package.{self.package_type.itemData(i)}"))
        self.picqer_links.retranslate()


def _config_option_dict(option: ConfigOption) -> dict[str, Any]:
    # The domain's own serialisation, so the settings file holds options exactly as profile_to_dict writes them.
    carrier = Carrier.POSTNL
    return profile_to_dict(ShippingProfile("option", carrier, Platform.MYPARCEL, options=(option,)))["options"][0]


class SettingsDialog(QDialog):
    """Edit every setting; Save writes through `save_settings` and the keys through `set_key`."""

    saved = Signal(object)  # Settings

    def __init__(
        self,
        settings: Settings,
        messages: Messages,
        *,
        save_settings: SaveSettings,
        set_key: SetKey,
        test_picqer: TestPicqer,
        test_myparcel: TestMyParcel,
        print_test_label: PrintTestLabel,
        load_picqer_profiles: LoadPicqerProfiles | None = None,
        load_picqer_warehouses: LoadPicqerNames | None = None,
        load_picqer_order_fields: LoadPicqerNames | None = None,
        discover_printers: DiscoverPrinters | None = None,
        get_key: Callable[[str], str] = lambda _account: "",
        keyring_available: bool = True,
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
        self._save_settings = save_settings
        self._set_key = set_key
        self._test_picqer = test_picqer
        self._test_myparcel = test_myparcel
        self._print_test_label = print_test_label
        self._load_picqer_profiles = load_picqer_profiles
        self._load_picqer_warehouses = load_picqer_warehouses
        self._load_picqer_order_fields = load_picqer_order_fields
        self._discover_printers = discover_printers
        self._printers_searched = False  # the first show starts a search; Refresh starts another
        self._keyring_available = keyring_available
        self._problems = tuple(problems)
        self._backup = backup
        self._tasks: set[asyncio.Task[None]] = set()
        self.keys_saved = False
        root = QVBoxLayout(self)
        self.problems_banner = QLabel()
        self.problems_banner.setObjectName("banner")
        self.problems_banner.setWordWrap(True)
        self.problems_banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        root.addWidget(self.problems_banner)
        self.keyring_banner = QLabel()
        self.keyring_banner.setObjectName("banner")
        self.keyring_banner.setWordWrap(True)
        self.keyring_banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        root.addWidget(self.keyring_banner)
        self.tabs = QTabWidget()
        root.addWidget(self.tabs, 1)
        self.tabs.addTab(self._build_accounts(get_key), "")
        self.tabs.addTab(self._build_printers(), "")
        self.tabs.addTab(self._build_scanner(), "")
        self.profiles_editor = ProfilesEditor(
            messages,
            settings.profiles or [profile_to_dict(p) for p in default_profiles(self.platform())],
            self.platform,
            picqer_profiles or {},
        )
        self.tabs.addTab(self.profiles_editor, "")
        self.profiles_editor.picqer_links.button.clicked.connect(lambda: self._spawn(self.load_profile_links()))
        self.tabs.addTab(self._build_general(), "")
        self.error_label = QLabel()
        self.error_label.setObjectName("problems")
        self.error_label.setWordWrap(True)
        root.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        root.addWidget(self.buttons)
        messages.language_changed.connect(self.retranslate)
        self._searching_printers = False
        self.discard_box: QMessageBox | None = None  # the "close without saving?" question while it is open
        self.retranslate()
        if discover_printers is not None:
            # Refresh and the search's result take their room now: appearing after the first search, they
            # widened the dialog past the right edge of a 1280 px screen.
            for form in (self.label_printer, self.document_printer):
                form.set_searching()
        self.resize(860, 640)
        self._baseline = self._snapshot()

    # --- building ------------------------------------------------------------------------------------

    def _build_accounts(self, get_key: Callable[[str], str]) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        s = self.settings
        self.picqer_box = QGroupBox()
        form = QFormLayout(self.picqer_box)
        self.picqer_address = QLineEdit(s.picqer.base_url or s.picqer.subdomain)
        self.picqer_address.setObjectName("picqerAddress")
        self.picqer_key = KeyField(self.messages, get_key(PICQER))
        self.picqer_key.edit.setObjectName("picqerKey")
        self.picqer_test = QPushButton()
        self.picqer_tester = _Tester(self.picqer_test)
        self._account_labels = {
            key: QLabel() for key in ("picqer_address", "picqer_key", "platform", "mp_url", "mp_key")
        }
        self._account_labels["picqer_address"].setBuddy(self.picqer_address)
        self._account_labels["picqer_key"].setBuddy(self.picqer_key.edit)
        form.addRow(self._account_labels["picqer_address"], self.picqer_address)
        form.addRow(self._account_labels["picqer_key"], self.picqer_key)
        row = QHBoxLayout()
        row.addWidget(self.picqer_test)
        row.addWidget(self.picqer_tester.busy, 1)
        row.addStretch(2)
        form.addRow(row)
        form.addRow(self.picqer_tester.result)
        # The picklists of one warehouse only (0 = all): chosen by name from the account's warehouses.
        self.warehouse_choice = PicqerChoice(self.messages, WAREHOUSE_TEXTS, s.picqer.warehouse_id, "warehouse")
        self._account_labels["warehouse"] = QLabel()
        self._account_labels["warehouse"].setBuddy(self.warehouse_choice.combo)
        form.addRow(self._account_labels["warehouse"], self.warehouse_choice.row)
        form.addRow(self.warehouse_choice.tester.busy)
        form.addRow(self.warehouse_choice.tester.result)
        self.warehouse_choice.button.clicked.connect(lambda: self._spawn(self.load_warehouses()))
        layout.addWidget(self.picqer_box)

        self.myparcel_box = QGroupBox()
        form = QFormLayout(self.myparcel_box)
        self.platform_combo = _combo([("MyParcel.nl", "myparcel"), ("SendMyParcel.be", "belgie")])
        self.platform_combo.setObjectName("platformCombo")
        _select(self.platform_combo, s.myparcel.platform)
        self.myparcel_url = QLineEdit(s.myparcel.base_url)
        self.myparcel_key = KeyField(self.messages, get_key(MYPARCEL))
        self.myparcel_key.edit.setObjectName("myparcelKey")
        self.myparcel_test = QPushButton()
        self.myparcel_tester = _Tester(self.myparcel_test)
        self._account_labels["platform"].setBuddy(self.platform_combo)
        self._account_labels["mp_url"].setBuddy(self.myparcel_url)
        self._account_labels["mp_key"].setBuddy(self.myparcel_key.edit)
        form.addRow(self._account_labels["platform"], self.platform_combo)
        form.addRow(self._account_labels["mp_key"], self.myparcel_key)
        form.addRow(self._account_labels["mp_url"], self.myparcel_url)
        row = QHBoxLayout()
        row.addWidget(self.myparcel_test)
        row.addWidget(self.myparcel_tester.busy, 1)
        row.addStretch(2)
        form.addRow(row)
        form.addRow(self.myparcel_tester.result)
        layout.addWidget(self.myparcel_box)
        layout.addStretch(1)
        self.picqer_test.clicked.connect(lambda: self._spawn(self.test_picqer_connection()))
        self.myparcel_test.clicked.connect(lambda: self._spawn(self.test_myparcel_connection()))
        return page

    def _build_printers(self) -> QWidget:
        page = QWidget()
        layout = QHBoxLayout(page)
        self.label_printer_box = QGroupBox()
        self.label_printer = PrinterForm(self.messages, self.settings.label_printer)
        QVBoxLayout(self.label_printer_box).addWidget(self.label_printer)
        self.document_printer_box = QGroupBox()
        self.document_printer = PrinterForm(self.messages, self.settings.document_printer)
        QVBoxLayout(self.document_printer_box).addWidget(self.document_printer)
        layout.addWidget(self.label_printer_box)
        layout.addWidget(self.document_printer_box)
        for form in (self.label_printer, self.document_printer):
            form.test_button.clicked.connect(lambda _=False, f=form: self._spawn(self.print_test(f)))
            form.refresh_button.clicked.connect(lambda: self._spawn(self.refresh_printers()))
        return page

    def _build_scanner(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        sc = self.settings.scanner
        self.max_gap = QSpinBox()
        self.max_gap.setRange(5, 500)
        self.max_gap.setSuffix(" ms")
        self.max_gap.setValue(sc.max_gap_ms)
        self.min_length = QSpinBox()
        self.min_length.setRange(1, 64)
        self.min_length.setValue(sc.min_length)
        self.suffix = _combo([(key, value) for key, value in SUFFIXES])
        _select(self.suffix, sc.suffix)
        self.prefix = QLineEdit(sc.prefix)
        self._scanner_labels = {key: QLabel() for key in ("max_gap", "min_length", "suffix", "prefix")}
        for key, widget in (
            ("max_gap", self.max_gap),
            ("min_length", self.min_length),
            ("suffix", self.suffix),
            ("prefix", self.prefix),
        ):
            self._scanner_labels[key].setBuddy(widget)
            form.addRow(self._scanner_labels[key], widget)
        return page

    def _build_general(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        form = QFormLayout()
        s = self.settings
        self.language_combo = _combo([("English", "en"), ("Nederlands", "nl")])
        self.language_combo.setObjectName("languageCombo")
        _select(self.language_combo, s.language)
        self.station_name = QLineEdit(s.station_name)
        self.refresh_seconds = QSpinBox()
        self.refresh_seconds.setRange(5, 3600)
        self.refresh_seconds.setValue(s.ui.refresh_seconds)
        self._general_labels = {key: QLabel() for key in ("language", "station", "refresh")}
        for key, widget in (
            ("language", self.language_combo),
            ("station", self.station_name),
            ("refresh", self.refresh_seconds),
        ):
            self._general_labels[key].setBuddy(widget)
            form.addRow(self._general_labels[key], widget)
        layout.addLayout(form)
        self.write_back_box = QGroupBox()
        wb_form = QFormLayout(self.write_back_box)
        wb = s.write_back
        self.wb_comment = QCheckBox()
        self.wb_comment.setChecked(wb.comment)
        self.wb_pick_all = QCheckBox()
        self.wb_pick_all.setChecked(wb.pick_all)
        self.wb_close = QCheckBox()
        self.wb_close.setChecked(wb.close)
        self.wb_claim = QCheckBox()
        self.wb_claim.setChecked(wb.claim)
        self.order_field_choice = PicqerChoice(self.messages, ORDER_FIELD_TEXTS, wb.order_field_id, "orderField")
        self.wb_order_field = self.order_field_choice.combo
        self.wb_order_field_label = QLabel()
        self.wb_order_field_label.setBuddy(self.wb_order_field)
        # Picqer shipment or comment; the shipment is made with the Picqer profile that points at the relay.
        self.wb_mode = _combo([(mode, mode) for mode in reversed(WRITE_BACK_MODES)])
        self.wb_mode.setObjectName("writeBackMode")
        _select(self.wb_mode, wb.mode)
        self.wb_mode_label = QLabel()
        self.wb_mode_label.setBuddy(self.wb_mode)
        self.relay_choice = PicqerChoice(self.messages, RELAY_PROFILE_TEXTS, wb.picqer_profile_id, "relayProfile")
        self.wb_profile = self.relay_choice.combo
        self.wb_profile.setObjectName("relayProfile")
        self.relay_choice.button.setObjectName("relayProfilesTest")
        self.wb_profile_label = QLabel()
        self.wb_profile_label.setBuddy(self.wb_profile)
        self.wb_test = self.relay_choice.button
        self.wb_tester = self.relay_choice.tester
        wb_form.addRow(self.wb_mode_label, self.wb_mode)
        wb_form.addRow(self.wb_profile_label, self.relay_choice.row)
        wb_form.addRow(self.wb_tester.busy)
        wb_form.addRow(self.wb_tester.result)
        for box in (self.wb_claim, self.wb_comment, self.wb_pick_all, self.wb_close):
            wb_form.addRow(box)
        wb_form.addRow(self.wb_order_field_label, self.order_field_choice.row)
        wb_form.addRow(self.order_field_choice.tester.busy)
        wb_form.addRow(self.order_field_choice.tester.result)
        layout.addWidget(self.write_back_box)
        self.wb_mode.currentIndexChanged.connect(self._write_back_mode_changed)
        self.wb_test.clicked.connect(lambda: self._spawn(self.load_relay_profiles()))
        self.order_field_choice.button.clicked.connect(lambda: self._spawn(self.load_order_fields()))
        self._write_back_mode_changed()
        layout.addStretch(1)
        return page

    # --- reading the form ----------------------------------------------------------------------------

    def platform(self) -> Platform:
        combo = getattr(self, "platform_combo", None)
        value = combo.currentData() if combo is not None else self.settings.myparcel.platform
        return Platform.SENDMYPARCEL if value == "belgie" else Platform.MYPARCEL

    def result_settings(self) -> Settings:
        """Return the settings as entered; raise ValueError when a shipping profile is invalid."""
        s = self.settings
        subdomain, base_url = _parse_picqer_address(self.picqer_address.text())
        profiles = self.profiles_editor.profiles() if (self.profiles_editor.edited or s.profiles) else ()
        return dataclasses.replace(
            s,
            language=str(self.language_combo.currentData()),
            station_name=self.station_name.text().strip(),
            picqer=PicqerSettings(subdomain=subdomain, base_url=base_url, warehouse_id=self.warehouse_choice.chosen_id),
            myparcel=MyParcelSettings(
                platform=str(self.platform_combo.currentData()), base_url=self.myparcel_url.text().strip()
            ),
            label_printer=self.label_printer.printer(),
            document_printer=self.document_printer.printer(),
            scanner=ScannerSettings(
                max_gap_ms=self.max_gap.value(),
                min_length=self.min_length.value(),
                suffix=str(self.suffix.currentData()),
                prefix=self.prefix.text(),
            ),
            write_back=WriteBackSettings(
                comment=self.wb_comment.isChecked(),
                order_field_id=self.order_field_choice.chosen_id,
                pick_all=self.wb_pick_all.isChecked(),
                close=self.wb_close.isChecked(),
                claim=self.wb_claim.isChecked(),
                mode=str(self.wb_mode.currentData()),
                picqer_profile_id=self.relay_profile_id(),
            ),
            ui=UiSettings(refresh_seconds=self.refresh_seconds.value()),
            profiles=profiles,
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
        if settings.write_back.mode == "picqer_shipment" and not settings.write_back.picqer_profile_id:
            # Saved like this, every parcel would get only a comment: say so now, not at the first shipment.
            self.tabs.setCurrentIndex(self.tabs.count() - 1)
            self.error_label.setText(m.t("settings.wb.choose_profile"))
            self.wb_profile.setFocus()
            return False
        try:
            self._save_settings(settings)
        except Exception as exc:  # a full disk or a read-only folder: say so, keep the dialog open
            log.warning("Saving settings failed: %s", exc)
            self.error_label.setText(m.t("settings.save_failed", detail=str(exc)))
            return False
        self.settings = settings
        self._baseline = self._snapshot()
        keys_failed = False
        for account, field in ((PICQER, self.picqer_key), (MYPARCEL, self.myparcel_key)):
            if not field.changed:
                continue
            try:
                self._set_key(account, field.text())
            except SecretsUnavailable:
                keys_failed = True
            else:
                field.loaded = field.text()
                self.keys_saved = True
        self._baseline = self._snapshot()
        self.messages.set_language(settings.language)
        self.saved.emit(settings)
        if keys_failed:
            self._keyring_available = False
            self.retranslate()
            self.error_label.setText(m.t("settings.keys_not_saved", **self._env_names()))
            self.tabs.setCurrentIndex(0)
            return False
        self.accept()
        return True

    async def test_picqer_connection(self) -> None:
        """Ask Picqer who the key belongs to and say it in words."""
        m = self.messages
        address = self.picqer_address.text().strip()
        if not address:
            self.picqer_tester.show(m.t("settings.need_subdomain"), "error")
            return
        if not self.picqer_key.text():
            self.picqer_tester.show(m.t("settings.need_key"), "error")
            return
        self.picqer_tester.start(m.t("settings.testing"))
        try:
            user = await self._test_picqer(address, self.picqer_key.text())
        except Exception as exc:
            self.picqer_tester.finish(m.error(exc, During.SETTINGS), ok=False)
            return
        self.picqer_tester.finish(m.t("settings.picqer_ok", user=user), ok=True)

    async def load_relay_profiles(self) -> None:
        """Load Picqer's shipping profiles (provider - profile) to choose the relay's by name; say what was found."""
        loader = self._relay_profile_names if self._load_picqer_profiles is not None else None
        await self._load_choice(self.relay_choice, loader)
        if self.relay_choice.loaded:  # the same list: the profiles tab ticks from it without loading again
            self.profiles_editor.picqer_links.set_items(self.relay_choice.items)

    async def load_profile_links(self) -> None:
        """Load Picqer's shipping profiles to tick, by name, the ones a station profile ships."""
        links = self.profiles_editor.picqer_links
        loader = self._relay_profile_names if self._load_picqer_profiles is not None else None
        await self._load_choice(links, loader)
        if links.loaded:
            self.relay_choice.set_items(links.items)

    async def load_order_fields(self) -> None:
        """Load Picqer's order fields to choose the one that keeps the tracking code by name."""
        await self._load_choice(self.order_field_choice, self._load_picqer_order_fields)

    async def load_warehouses(self) -> None:
        """Load Picqer's warehouses to choose the one this station packs for by name."""
        await self._load_choice(self.warehouse_choice, self._load_picqer_warehouses)

    async def _load_choice(self, choice: _PicqerNames, loader: Callable[[str, str], Awaitable[Any]] | None) -> None:
        """Load one named Picqer list into its choice with the address and key as entered (not yet saved)."""
        address = self.picqer_address.text().strip()
        key = self.picqer_key.text()
        if not address or not key or loader is None:
            choice.tester.show(self.messages.t("settings.wb.need_account"), "error")
            return

        async def fetch() -> list[tuple[int, str]]:
            named = await loader(address, key)
            return list(named.items()) if isinstance(named, Mapping) else list(named)

        await choice.load(fetch)

    async def _relay_profile_names(self, address: str, key: str) -> list[tuple[int, str]]:
        assert self._load_picqer_profiles is not None
        providers = await self._load_picqer_profiles(address, key)
        return [
            (profile.id, f"{provider.name} - {profile.name}") for provider in providers for profile in provider.profiles
        ]

    def _write_back_mode_changed(self, *_args: object) -> None:
        registers = self.wb_mode.currentData() == "picqer_shipment"
        for widget in (self.wb_profile, self.wb_profile_label):
            widget.setEnabled(registers)

    async def test_myparcel_connection(self) -> None:
        """Try the MyParcel key on the chosen platform and say whether it works."""
        m = self.messages
        if not self.myparcel_key.text():
            self.myparcel_tester.show(m.t("settings.need_key"), "error")
            return
        self.myparcel_tester.start(m.t("settings.testing"))
        try:
            await self._test_myparcel(
                str(self.platform_combo.currentData()), self.myparcel_url.text().strip(), self.myparcel_key.text()
            )
        except Exception as exc:
            self.myparcel_tester.finish(m.error(exc, During.SETTINGS), ok=False)
            return
        self.myparcel_tester.finish(m.t("settings.myparcel_ok"), ok=True)

    async def refresh_printers(self) -> None:
        """Look for the printers this computer sees and offer them in both printer forms."""
        if self._discover_printers is None or self._searching_printers:
            return
        self._printers_searched = self._searching_printers = True
        forms = (self.label_printer, self.document_printer)
        for form in forms:
            form.set_searching()
        try:
            search = await self._discover_printers()
        except Exception as exc:  # the search itself failed: say why and keep what was typed
            log.warning("Looking for printers failed: %s", exc)
            search = PrinterSearch(problems=(str(exc) or type(exc).__name__,))
        finally:
            self._searching_printers = False
        for form in forms:
            form.set_found(search)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._printers_searched and self._discover_printers is not None:
            self._printers_searched = True
            self._spawn(self.refresh_printers())

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
        m = self.messages
        box = QMessageBox(self)
        box.setObjectName("discardChanges")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(m.t("settings.discard_title"))
        box.setText(m.t("settings.discard_question"))
        discard = box.addButton(m.t("settings.discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(m.t("settings.keep_editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)  # Enter or Esc on the question keeps the edits
        box.setEscapeButton(keep)
        self.discard_box = box

        def answered(_result: int) -> None:
            self.discard_box = None
            box.deleteLater()
            if box.clickedButton() is discard:
                QDialog.reject(self)

        box.finished.connect(answered)
        box.open()

    async def print_test(self, form: PrinterForm) -> None:
        """Print the calibration label on the printer as configured in `form` (not yet saved)."""
        m = self.messages
        form.tester.start(m.t("settings.printing"))
        try:
            role = LABEL_PRINTER if form is self.label_printer else DOCUMENT_PRINTER
            await self._print_test_label(form.printer(), role)
        except Exception as exc:
            form.tester.finish(m.error(exc, During.SETTINGS), ok=False)
            return
        form.tester.finish(m.t("settings.print_ok"), ok=True)

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    @property
    def busy(self) -> bool:
        """True while a connection test or a test print runs."""
        return bool(self._tasks)

    def _env_names(self) -> dict[str, str]:
        return {"picqer_env": ENV_VARS[PICQER], "myparcel_env": ENV_VARS[MYPARCEL]}

    # --- text ----------------------------------------------------------------------------------------

    def retranslate(self, *_args: object) -> None:
        m = self.messages
        self.setWindowTitle(m.t("settings.title"))
        for index, key in enumerate(("accounts", "printers", "scanner", "profiles", "general")):
            self.tabs.setTabText(index, m.t(f"settings.tab.{key}"))
        if self._problems:
            self.problems_banner.setText(settings_problems_text(m, self._problems, self._backup))
        self.problems_banner.setVisible(bool(self._problems))
        self.keyring_banner.setText(m.t("settings.no_keyring", **self._env_names()))
        self.keyring_banner.setVisible(not self._keyring_available)
        self.picqer_box.setTitle(m.t("settings.picqer"))
        self.myparcel_box.setTitle(m.t("settings.myparcel"))
        labels = self._account_labels
        labels["picqer_address"].setText(m.t("settings.subdomain"))
        labels["picqer_key"].setText(m.t("settings.api_key"))
        labels["platform"].setText(m.t("settings.platform"))
        labels["mp_url"].setText(m.t("settings.base_url"))
        labels["mp_key"].setText(m.t("settings.api_key"))
        labels["warehouse"].setText(m.t("settings.warehouse"))
        self.picqer_address.setPlaceholderText(m.t("settings.subdomain_hint"))
        self.platform_combo.setItemText(0, m.t("settings.platform_nl"))
        self.platform_combo.setItemText(1, m.t("settings.platform_be"))
        for button in (self.picqer_test, self.myparcel_test):
            button.setText(m.t("settings.test"))
        self.picqer_key.retranslate()
        self.myparcel_key.retranslate()
        self.label_printer_box.setTitle(m.t("settings.label_printer"))
        self.document_printer_box.setTitle(m.t("settings.document_printer"))
        self.label_printer.retranslate()
        self.document_printer.retranslate()
        for key, text_key in (
            ("max_gap", "settings.max_gap"),
            ("min_length", "settings.min_length"),
            ("suffix", "settings.suffix"),
            ("prefix", "settings.prefix"),
        ):
            self._scanner_labels[key].setText(m.t(text_key))
        for i, (key, _value) in enumerate(SUFFIXES):
            self.suffix.setItemText(i, m.t(f"settings.suffix.{key}"))
        self.profiles_editor.retranslate()
        self._general_labels["language"].setText(m.t("settings.language"))
        self._general_labels["station"].setText(m.t("settings.station"))
        self._general_labels["refresh"].setText(m.t("settings.refresh"))
        self.write_back_box.setTitle(m.t("settings.write_back"))
        self.wb_comment.setText(m.t("settings.wb.comment"))
        self.wb_pick_all.setText(m.t("settings.wb.pick_all"))
        self.wb_close.setText(m.t("settings.wb.close"))
        self.wb_claim.setText(m.t("settings.wb.claim"))
        self.wb_order_field_label.setText(m.t("settings.wb.order_field"))
        self.wb_mode_label.setText(m.t("settings.wb.mode"))
        for i in range(self.wb_mode.count()):
            self.wb_mode.setItemText(i, m.t(f"settings.wb.mode.{self.wb_mode.itemData(i)}"))
        self.wb_profile_label.setText(m.t("settings.wb.profile"))
        for choice in (self.relay_choice, self.order_field_choice, self.warehouse_choice):
            choice.retranslate()


def settings_problems_text(messages: Messages, problems: Sequence[Violation], backup: Path | None) -> str:
    """Say what was wrong with a hand-edited settings file and where the copy of it is."""
    listed = "\n".join(f"• {messages.settings_problem(p)}" for p in problems)
    where = str(backup) if backup is not None else messages.t("settings.no_backup")
    return messages.t("settings.problems", problems=listed, backup=where)


def show_settings_problems(
    parent: QWidget | None, messages: Messages, problems: Sequence[Violation], backup: Path | None
) -> QMessageBox | None:
    """Show the settings file's problems once, without blocking the loop; None when there are none."""
    if not problems:
        return None
    box = QMessageBox(parent)
    box.setObjectName("settingsProblems")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(messages.t("settings.problems_title"))
    box.setText(settings_problems_text(messages, problems, backup))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
