"""The printers tab: one PrinterForm per printer role (labels, documents), each with its test label."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QSignalBlocker
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from packstation.domain.documents import PackingStation, StationPrinterRole
from packstation.domain.printers import PRINT_QUEUE, USB_PRINTER, FoundPrinter, PrinterSearch
from packstation.settings import Encoding, Layout, PrinterLanguage, PrinterSettings, Transport
from packstation.ui.messages import Messages
from packstation.ui.views.settings.widgets import Tester, make_combo, name_items, select_data

# A printer connection -> the kind of found printer its address names (network and virtual list none)
FOUND_KIND = {Transport.USB: USB_PRINTER, Transport.SPOOLER: PRINT_QUEUE, Transport.SYSTEM: PRINT_QUEUE}

# The form's rows, top to bottom -> the catalogue key of their label
FIELD_LABELS = {
    "transport": "settings.transport",
    "address": "settings.address",
    "language": "settings.printer_language",
    "dpi": "settings.dpi",
    "size": "settings.label_size",
    "layout": "settings.layout",
    "darkness": "settings.darkness",
    "encoding": "settings.encoding",
}

# (key, width mm, height mm); "custom" enables the width and height fields.
LABEL_SIZES: tuple[tuple[str, float, float], ...] = (
    ("a6", 105.0, 148.0),
    ("4x6", 101.6, 152.4),
    ("150x103", 103.0, 150.0),
    ("a4", 210.0, 297.0),
)


class PrinterForm(QWidget):
    """One printer role: connection, resolution, label size, fit/crop, darkness, encoding, test label."""

    def __init__(self, messages: Messages, printer: PrinterSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._messages = messages
        self._original = printer
        form = QFormLayout(self)
        self.transport = make_combo([(t, t) for t in Transport])
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
        self.dpi = make_combo([(f"{d} dpi", d) for d in (203, 300, 600)])
        self.size_choice = make_combo([(key, key) for key, _w, _h in LABEL_SIZES] + [("custom", "custom")])
        self.width_mm = QDoubleSpinBox()
        self.height_mm = QDoubleSpinBox()
        for spin in (self.width_mm, self.height_mm):
            spin.setRange(20.0, 420.0)
            spin.setDecimals(1)
            spin.setSuffix(" mm")
        # Width × height on a row of their own: beside the size choice they made each printer form so wide that
        # the two side by side pushed the dialog past a 1280 px screen (1324 px, 1362 px in Dutch).
        size_row = QHBoxLayout()
        size_row.addWidget(self.width_mm)
        size_row.addWidget(QLabel("×"))
        size_row.addWidget(self.height_mm)
        size_row.addStretch(1)
        self.language = make_combo([(language, language) for language in PrinterLanguage])
        self.layout_choice = make_combo([(layout, layout) for layout in Layout])
        self.darkness = QSpinBox()
        self.darkness.setRange(-1, 30)
        self.encoding = make_combo([(encoding.upper(), encoding) for encoding in Encoding])
        self.test_button = QPushButton()
        self.tester = Tester(self.test_button)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.tester.busy, 1)
        test_row.addStretch(1)
        self.labels = {key: QLabel() for key in FIELD_LABELS}
        fields = (self.transport, self.address, self.language, self.dpi, self.size_choice, self.layout_choice)
        for label, widget in zip(self.labels.values(), (*fields, self.darkness, self.encoding), strict=True):
            label.setBuddy(widget)
        form.addRow(self.labels["transport"], self.transport)
        form.addRow(self.labels["address"], address_row)
        form.addRow(self.found)
        form.addRow(self.labels["language"], self.language)
        form.addRow(self.labels["dpi"], self.dpi)
        form.addRow(self.labels["size"], self.size_choice)
        form.addRow("", size_row)
        form.addRow(self.labels["layout"], self.layout_choice)
        form.addRow(self.labels["darkness"], self.darkness)
        form.addRow(self.labels["encoding"], self.encoding)
        form.addRow(test_row)
        form.addRow(self.tester.result)
        self.size_choice.currentIndexChanged.connect(self._size_changed)
        self.transport.currentIndexChanged.connect(self._show_found)
        self.address.currentIndexChanged.connect(self._found_printer_chosen)
        self.set_printer(printer)
        self.retranslate()

    def set_printer(self, printer: PrinterSettings) -> None:
        self._original = printer
        select_data(self.transport, printer.transport)
        self.address.setEditText(printer.address)
        select_data(self.language, printer.language)
        select_data(self.dpi, printer.dpi)
        preset = next(
            (
                key
                for key, w, h in LABEL_SIZES
                if abs(w - printer.label_width_mm) < 0.05 and abs(h - printer.label_height_mm) < 0.05
            ),
            "custom",
        )
        self.width_mm.setValue(printer.label_width_mm)
        self.height_mm.setValue(printer.label_height_mm)
        select_data(self.size_choice, preset)
        self._size_changed()
        select_data(self.layout_choice, printer.layout)
        self.darkness.setValue(printer.darkness)
        select_data(self.encoding, printer.encoding)

    def use_printer(self, address: str, transport: Transport, language: PrinterLanguage) -> None:
        """Enter a printer found elsewhere (Picqer's packing station); the other settings stay as entered."""
        self.set_printer(dataclasses.replace(self.printer(), transport=transport, language=language, address=address))

    def printer(self) -> PrinterSettings:
        """Return the printer role as entered (settings not shown here, like speed, are kept)."""
        return dataclasses.replace(
            self._original,
            transport=Transport(self.transport.currentData()),
            address=self.address.currentText().strip(),
            language=PrinterLanguage(self.language.currentData()),
            dpi=int(self.dpi.currentData()),
            label_width_mm=round(self.width_mm.value(), 1),
            label_height_mm=round(self.height_mm.value(), 1),
            layout=Layout(self.layout_choice.currentData()),
            darkness=self.darkness.value(),
            encoding=Encoding(self.encoding.currentData()),
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
        kind = FOUND_KIND.get(Transport(self.transport.currentData()))
        if self._search is None or kind is None:
            return []
        return [p for p in self._search.printers if p.kind == kind]

    def _show_found(self, *_args: object) -> None:
        kind = FOUND_KIND.get(Transport(self.transport.currentData()))
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
        if not listed or kind is None:
            return
        self.found.setText(self._found_summary(kind))
        self._fit_found()

    def _found_summary(self, kind: str) -> str:
        """What the search found for this connection, or why it found nothing."""
        m = self._messages
        found = self.found_printers()
        if self._searching:
            return m.t("settings.printers_searching")
        if kind != USB_PRINTER:
            return m.t("settings.printers_queues_found" if found else "settings.printers_no_queues", count=len(found))
        text = m.t("settings.printers_usb_found" if found else "settings.printers_no_usb", count=len(found))
        problems = self._search.problems if self._search is not None else ()
        if not found and problems:  # why USB could not be searched (no libusb, no permission)
            text += " " + m.t("settings.printers_problem", detail="; ".join(problems))
        return text

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
        key = self.size_choice.currentData()
        custom = key == "custom"
        self.width_mm.setEnabled(custom)
        self.height_mm.setEnabled(custom)
        for preset, w, h in LABEL_SIZES:
            if preset == key:
                self.width_mm.setValue(w)
                self.height_mm.setValue(h)

    def retranslate(self) -> None:
        m = self._messages
        for key, text_key in FIELD_LABELS.items():
            self.labels[key].setText(m.t(text_key))
        name_items(self.transport, m, "settings.transport")
        name_items(self.size_choice, m, "settings.size")
        name_items(self.language, m, "settings.printer_language")
        name_items(self.layout_choice, m, "settings.layout")
        address_edit = self.address.lineEdit()
        if address_edit is not None:  # always: the combo is editable
            address_edit.setPlaceholderText(m.t("settings.address_hint"))
        self.refresh_button.setText(m.t("settings.printers_refresh"))
        self._show_found()
        self.darkness.setSpecialValueText(m.t("settings.darkness_printer"))
        self.test_button.setText(m.t("settings.print_test"))
        self.width_mm.setToolTip(m.t("settings.width"))
        self.height_mm.setToolTip(m.t("settings.height"))


class PrintersTab(QWidget):
    """The label printer and the document printer side by side: one PrinterForm each."""

    def __init__(
        self, messages: Messages, label: PrinterSettings, document: PrinterSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._messages = messages
        layout = QHBoxLayout(self)
        self.label_printer_box = QGroupBox()
        self.label_printer = PrinterForm(messages, label)
        QVBoxLayout(self.label_printer_box).addWidget(self.label_printer)
        self.document_printer_box = QGroupBox()
        self.document_printer = PrinterForm(messages, document)
        QVBoxLayout(self.document_printer_box).addWidget(self.document_printer)
        layout.addWidget(self.label_printer_box)
        layout.addWidget(self.document_printer_box)

    @property
    def forms(self) -> tuple[PrinterForm, PrinterForm]:
        """The label printer's form, then the document printer's."""
        return (self.label_printer, self.document_printer)

    def set_searching(self) -> None:
        for form in self.forms:
            form.set_searching()

    def set_found(self, search: PrinterSearch) -> None:
        for form in self.forms:
            form.set_found(search)

    def use_station(self, station: PackingStation) -> tuple[str, str]:
        """Fill both forms (not saved) with the printers of Picqer's packing station; return their names ("" = none)."""
        label, document = station.printer(StationPrinterRole.LABELS), station.document_printer()
        if label is not None:
            # A ZPL printer takes the raw ZPL through its queue; any other gets the label PDF through the system.
            zpl = (Transport.SPOOLER, PrinterLanguage.ZPL) if label.zpl else (Transport.SYSTEM, PrinterLanguage.PDF)
            self.label_printer.use_printer(label.name, *zpl)
        if document is not None:
            self.document_printer.use_printer(document.name, Transport.SYSTEM, PrinterLanguage.PDF)
        return (label.name if label else "", document.name if document else "")

    def retranslate(self) -> None:
        m = self._messages
        self.label_printer_box.setTitle(m.t("settings.label_printer"))
        self.document_printer_box.setTitle(m.t("settings.document_printer"))
        for form in self.forms:
            form.retranslate()
