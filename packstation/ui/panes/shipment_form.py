"""The open picklist in the middle: its title, the address, the products, weight, parcels, profile and options.

It builds the draft from what is on screen and emits it whenever that changes; it decides nothing about shipping.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from packstation.domain.addresses import SplitAddress
from packstation.domain.errors import Violation
from packstation.domain.journal_entry import JournalEntry
from packstation.domain.mapping import Draft
from packstation.domain.profiles import ShippingProfile
from packstation.domain.shipments import Address
from packstation.services.shipping import OpenedPicklist, PackerChoices
from packstation.ui.messages import Messages
from packstation.ui.widgets.options_form import OptionsForm
from packstation.ui.widgets.wheel import PaneComboBox, PaneSpinBox

_ADDRESS_FIELDS = ("person", "company", "street", "number", "number_suffix", "box_number", "postal_code", "city", "cc")
_ADDRESS_KEYS = {
    "person": "detail.name",
    "company": "detail.company",
    "street": "detail.street",
    "number": "detail.number",
    "number_suffix": "detail.suffix",
    "box_number": "detail.box",
    "postal_code": "detail.postal_city",
    "city": "detail.postal_city",
    "cc": "detail.country",
}
_SPLIT_FIELDS = ("street", "number", "number_suffix", "box_number")
_INFO_KEYS = ("products", "remarks", "delivery_date", "pickup_point")
_SHIP_KEYS = {"weight": "detail.weight", "parcels": "detail.parcels", "profile": "detail.profile_key"}


# The shipment as it would be booked with these choices (ShippingController.draft); None when nothing is open.
MakeDraft = Callable[[PackerChoices], Draft | None]


class DetailScrollArea(QScrollArea):
    """The detail pane: scrolls down, never sideways, so the splitter must leave it its content's width.

    QScrollArea's own minimum is a few pixels; with a long option label or product line the content was wider
    than the pane and the right edge (the Box field, product codes) was cut off without a scroll bar.
    """

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        inner = self.widget()
        if inner is None:
            return hint
        width = inner.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()
        return QSize(max(hint.width(), width), hint.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the content changed (another picklist or profile): tell the splitter
        return super().eventFilter(watched, event)


def _field_row(widgets: list[QWidget], stretch: QWidget | None = None) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget, 1 if widget is stretch else 0)
    return row


class ShipmentForm(DetailScrollArea):
    """Show the open picklist and what the packer set for its shipment; emit the draft whenever it changes."""

    draft_changed = Signal(object)  # Draft | None
    said = Signal(str, str)  # text, tone: for the status bar

    def __init__(
        self,
        messages: Messages,
        make_draft: MakeDraft,
        profiles: Callable[[], tuple[ShippingProfile, ...]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.messages = messages
        self._make_draft = make_draft
        self._profiles = profiles
        self.opened: OpenedPicklist | None = None
        self.draft: Draft | None = None
        self._split_reason: Violation | None = None  # why the address split needs the packer, if it does
        self._readings: tuple[SplitAddress, ...] = ()  # the two ways a doubtful line reads (Alt+1, Alt+2)
        self.told_invalid = False  # the status bar says "not sent, fix this first": take it back once fixed
        self._told_words = ""  # what still stops the shipment, as last said after a refused F12
        detail = QWidget()
        detail.setObjectName("detailPanel")
        d = QVBoxLayout(detail)
        self._build_header(d)
        self._build_recipient(d)
        self._build_info(d)
        self._build_ship_box(d)
        d.addStretch(1)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(detail)
        self._connect()

    def _build_header(self, d: QVBoxLayout) -> None:
        header = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("picklistTitle")
        self.urgent_badge = QLabel()
        self.urgent_badge.setObjectName("urgentBadge")
        # The title takes the row (it wraps only when it must); the badge stays at the top of the row.
        header.addWidget(self.title, 1)
        header.addWidget(self.urgent_badge, 0, Qt.AlignmentFlag.AlignTop)
        d.addLayout(header)
        self.existing_banner = self._banner()
        d.addWidget(self.existing_banner)
        existing_row = QVBoxLayout()  # stacked: side by side they would widen the detail panel past its view
        self.reprint_button = QPushButton()
        self.reprint_button.setObjectName("reprintButton")
        self.new_shipment_button = QPushButton()
        self.new_shipment_button.setObjectName("newShipmentButton")
        self.take_over_button = QPushButton()
        self.take_over_button.setObjectName("takeOverButton")
        for button in (self.reprint_button, self.new_shipment_button, self.take_over_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys work from the scan field
            existing_row.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        d.addLayout(existing_row)

    @staticmethod
    def _banner() -> QLabel:
        banner = QLabel()
        banner.setObjectName("banner")
        banner.setWordWrap(True)
        return banner

    def _build_recipient(self, d: QVBoxLayout) -> None:
        self.recipient_box = QGroupBox()
        form = QFormLayout(self.recipient_box)
        self.address: dict[str, QLineEdit] = {name: QLineEdit() for name in _ADDRESS_FIELDS}
        for name, field in self.address.items():
            field.setObjectName(f"address_{name}")
        self.address["cc"].setMaxLength(2)
        for name, width in (("number", 90), ("number_suffix", 70), ("box_number", 70), ("postal_code", 110)):
            self.address[name].setMaximumWidth(width)
        self._address_labels: dict[str, QLabel] = {name: QLabel() for name in ("person", "company", "street")}
        for name in ("person", "company", "street"):
            form.addRow(self._address_labels[name], self.address[name])
        self._number_parts: dict[str, QLabel] = {name: QLabel() for name in ("number_suffix", "box_number")}
        number_row = _field_row(
            [
                self.address["number"],
                *(self._number_parts["number_suffix"], self.address["number_suffix"]),
                *(self._number_parts["box_number"], self.address["box_number"]),
            ]
        )
        number_row.addStretch(1)
        self._address_labels["number"] = QLabel()
        form.addRow(self._address_labels["number"], number_row)
        city = self.address["city"]
        city_row = _field_row([self.address["postal_code"], city, self.address["cc"]], stretch=city)
        self.address["cc"].setMaximumWidth(50)
        self._address_labels["postal_code"] = QLabel()
        form.addRow(self._address_labels["postal_code"], city_row)
        self.original_line = QLabel()
        self.original_line.setObjectName("originalAddress")
        self.original_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.original_line)
        self.ambiguous_banner = self._banner()
        form.addRow(self.ambiguous_banner)
        # A line that reads two ways ("Wijk 1 20"): one button (and Alt+1 / Alt+2) per reading fills the fields.
        readings_row = QVBoxLayout()  # one under the other: a Dutch reading is as wide as the pane at 1280 px
        self.reading_buttons: list[QPushButton] = []
        for index in range(2):
            button = QPushButton()
            button.setObjectName(f"reading{index + 1}")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys work from the scan field
            button.clicked.connect(lambda _checked=False, i=index: self.choose_reading(i))
            self.reading_buttons.append(button)
            readings_row.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        form.addRow(readings_row)
        self.address_confirmed = QCheckBox()
        self.address_confirmed.setObjectName("addressConfirmed")
        form.addRow(self.address_confirmed)
        d.addWidget(self.recipient_box)

    def _build_info(self, d: QVBoxLayout) -> None:
        self.info_box = QGroupBox()
        info = QFormLayout(self.info_box)
        self.products, self.remarks, self.delivery_date, self.pickup_point = (QLabel() for _ in _INFO_KEYS)
        for label in (self.products, self.remarks, self.pickup_point):
            label.setWordWrap(True)
        self._info_labels = {key: QLabel() for key in _INFO_KEYS}
        for key, value in zip(
            _INFO_KEYS, (self.products, self.remarks, self.delivery_date, self.pickup_point), strict=True
        ):
            info.addRow(self._info_labels[key], value)
        d.addWidget(self.info_box)

    def _build_ship_box(self, d: QVBoxLayout) -> None:
        self.ship_box = QGroupBox()
        ship_form = QFormLayout(self.ship_box)
        self.weight = QLineEdit()
        self.weight.setObjectName("weightField")
        self.weight.setValidator(QIntValidator(1, 100_000, self.weight))
        self.weight.setMaximumWidth(120)
        self.parcels = PaneSpinBox()
        self.parcels.setObjectName("parcelsField")
        self.parcels.setRange(1, 20)
        self.parcels.setMaximumWidth(80)
        self.profile_combo = PaneComboBox()
        self.profile_combo.setObjectName("profileCombo")
        self.options_form = OptionsForm(self.messages)
        self._ship_labels = {key: QLabel() for key in ("weight", "parcels", "profile", "options")}
        for key, field in (("weight", self.weight), ("parcels", self.parcels), ("profile", self.profile_combo)):
            ship_form.addRow(self._ship_labels[key], field)
        ship_form.addRow(self._ship_labels["options"], self.options_form)
        d.addWidget(self.ship_box)
        self.problems = QLabel()
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.warnings = QLabel()
        self.warnings.setObjectName("warnings")
        self.warnings.setWordWrap(True)
        d.addWidget(self.problems)
        d.addWidget(self.warnings)

    def _connect(self) -> None:
        for field in self.address.values():
            field.textEdited.connect(self.update_draft)
        self.address_confirmed.toggled.connect(self.update_draft)
        self.weight.textChanged.connect(self.update_draft)
        self.parcels.valueChanged.connect(self.update_draft)
        self.profile_combo.currentIndexChanged.connect(self._profile_changed)
        self.options_form.changed.connect(self.update_draft)

    def fit_to_font(self) -> None:
        """Wide enough for a usual city whole ("Amsterdam" showed as "msterdam" in a narrow pane)."""
        city = self.address["city"]
        city.ensurePolished()  # measured in the style sheet's font, which a widget has once it is in the window
        city.setMinimumWidth(city.fontMetrics().horizontalAdvance("Amsterdam") + 20)

    # --- text ----------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        m = self.messages
        self.reprint_button.setText(m.t("action.reprint"))
        self.new_shipment_button.setText(m.t("action.new_shipment"))
        self.take_over_button.setText(m.t("action.take_over"))
        self.recipient_box.setTitle(m.t("detail.recipient"))
        for name, label in self._address_labels.items():
            label.setText(m.t(_ADDRESS_KEYS[name]))
        self._number_parts["number_suffix"].setText(m.t("detail.suffix"))
        self._number_parts["box_number"].setText(m.t("detail.box"))
        self.address_confirmed.setText(m.t("detail.address_confirmed"))
        self.info_box.setTitle(m.t("detail.products"))
        for key in _INFO_KEYS:
            self._info_labels[key].setText(m.t(f"detail.{key}"))
        self.ship_box.setTitle(m.t("detail.profile"))
        for key, text_key in _SHIP_KEYS.items():
            self._ship_labels[key].setText(m.t(text_key))
        self._ship_labels["options"].setText(m.t("detail.options_key"))
        self.profile_combo.setToolTip(m.t("detail.profile_tip"))
        self.options_form.setToolTip(m.t("detail.options_tip"))
        if self.profile_combo.count():
            self.profile_combo.setItemText(0, m.t("detail.choose_profile"))
        self._show_split_reason()
        self._show_readings()
        self.options_form.retranslate()

    # --- the open picklist ---------------------------------------------------------------------------

    def show_opened(self, opened: OpenedPicklist | None, unfinished: JournalEntry | None, keep_inputs: bool) -> None:
        """Show this picklist (None: the empty pane); fill the inputs anew unless it is the one shown already."""
        m = self.messages
        new = opened is not self.opened or not keep_inputs
        self.opened = opened
        for box in (self.recipient_box, self.info_box, self.ship_box):
            box.setVisible(opened is not None)
        self.urgent_badge.setVisible(opened is not None and opened.picklist.urgent)
        self.urgent_badge.setText(m.t("detail.urgent"))
        shipped = opened is not None and bool(opened.existing)
        self.reprint_button.setVisible(shipped)
        self.new_shipment_button.setVisible(shipped)
        # The Dutch "scan to start" sentence wraps rather than widen the pane at 1280 px; a number stays whole.
        self.title.setWordWrap(opened is None)
        if opened is None:
            self.title.setText(m.t("detail.empty"))
            self.existing_banner.hide()
            self.problems.clear()
            self.warnings.clear()
            self.draft = None
            self.draft_changed.emit(None)
            return
        self._show_picklist(opened, unfinished)
        if new:
            self._fill_inputs(opened)
            # Start at the top: the number, the urgent badge and an "already shipped" banner are up there.
            self.verticalScrollBar().setValue(0)
        self.update_draft()

    def _show_picklist(self, opened: OpenedPicklist, unfinished: JournalEntry | None) -> None:
        m = self.messages
        picklist, order = opened.picklist, opened.order
        self.title.setText(picklist.number + (f"  ·  {order.number}" if order else ""))
        barcodes = ", ".join(s.barcode for s in opened.existing if s.barcode) or "–"
        self.existing_banner.setVisible(bool(opened.existing))
        if unfinished is not None:
            remaining = m.remaining(unfinished.remaining())
            self.existing_banner.setText(m.t("detail.unfinished", barcodes=barcodes, remaining=remaining))
        else:
            self.existing_banner.setText(m.t("detail.existing", barcodes=barcodes))
        lines = picklist.lines
        self.products.setText(
            "\n".join(m.t("detail.line", amount=ln.amount, name=ln.name, code=ln.product_code) for ln in lines)
            or str(picklist.product_count)
        )
        self._show_order(opened)
        line = " ".join(p for p in (picklist.delivery.address_line, picklist.delivery.address_line2) if p)
        self.original_line.setText(m.t("detail.original_address", line=line))

    def _show_order(self, opened: OpenedPicklist) -> None:
        m, order = self.messages, opened.order
        self.remarks.setText((order.customer_remarks if order else "") or m.t("detail.no_remarks"))
        date = opened.picklist.preferred_delivery_date or (order.preferred_delivery_date if order else None)
        self.delivery_date.setText(date.strftime("%d-%m-%Y") if date else m.t("detail.none"))
        pickup = order.pickup_point if order else None
        self.pickup_point.setText(
            f"{pickup.name}, {pickup.street} {pickup.number}, {pickup.postal_code} {pickup.city}"
            if pickup
            else m.t("detail.none")
        )

    def _fill_inputs(self, opened: OpenedPicklist) -> None:
        for field in self.address.values():
            field.setModified(False)
        self.address_confirmed.blockSignals(True)
        self.address_confirmed.setChecked(False)
        self.address_confirmed.blockSignals(False)
        profiles = self._profiles()
        self.profile_combo.blockSignals(True)
        self.profile_combo.clear()
        self.profile_combo.addItem(self.messages.t("detail.choose_profile"), None)
        for profile in profiles:
            self.profile_combo.addItem(profile.name, profile)
        # Preselect only what Picqer names for this picklist; never guess a profile for the packer.
        suggested = opened.suggested_profile
        index = next((i + 1 for i, p in enumerate(profiles) if p == suggested), 0) if suggested else 0
        self.profile_combo.setCurrentIndex(index)
        self.profile_combo.blockSignals(False)
        self.options_form.set_profile(suggested)
        self.weight.blockSignals(True)
        self.weight.setText(str(opened.picklist.weight_grams) if opened.picklist.weight_grams else "")
        self.weight.blockSignals(False)
        self.parcels.blockSignals(True)
        self.parcels.setValue(1)
        self.parcels.blockSignals(False)
        # The address as the domain splits it (any profile maps the recipient the same way).
        sample = opened.draft(suggested or profiles[0], {}) if profiles else None
        if sample is not None:
            self._fill_address(sample)

    def _fill_address(self, sample: Draft) -> None:
        # An emptied weight field books this weight (the picklist's, else the products'): say which.
        grams = sample.request.weight_grams
        self.weight.setPlaceholderText(self.messages.t("detail.weight_default", grams=grams) if grams else "")
        recipient = sample.request.recipient
        for name, field in self.address.items():
            field.setText(getattr(recipient, name))
            field.setCursorPosition(0)  # a text longer than its field shows its start, not its end
        split = sample.split
        doubtful = split.ambiguous or not split.ok
        for name in _SPLIT_FIELDS:
            self.address[name].setProperty("ambiguous", doubtful)
            self.address[name].style().unpolish(self.address[name])
            self.address[name].style().polish(self.address[name])
        self.ambiguous_banner.setVisible(doubtful)
        self._split_reason = split.reason
        self._show_split_reason()
        self._readings = split.alternatives
        for button in self.reading_buttons:
            button.setChecked(False)
        self._show_readings()
        self.address_confirmed.setVisible(doubtful)

    def set_busy(self, busy: bool) -> None:
        for widget in (self.recipient_box, self.ship_box, self.reprint_button, self.new_shipment_button):
            widget.setEnabled(not busy)
        self.take_over_button.setEnabled(not busy)

    # --- keys ----------------------------------------------------------------------------------------

    def _ship_box_usable(self) -> bool:
        """True when a picklist is open and its profile and options can be changed (not while shipping)."""
        if self.opened is None:
            self.said.emit(self.messages.t("status.nothing_open"), "error")
            return False
        return self.ship_box.isEnabled()

    def focus_profile(self) -> None:
        """Alt+P: into the shipping profile (arrow keys choose), scrolled into view with the options under it."""
        if not self._ship_box_usable():
            return
        self.ensureWidgetVisible(self.ship_box, 0, 0)  # as much of the box (options too) as fits
        self.ensureWidgetVisible(self.profile_combo, 50, 50)
        self.profile_combo.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_options(self) -> None:
        """Alt+O: into the first option the packer can change; without a profile, into the profile first."""
        if not self._ship_box_usable():
            return
        editor = self.options_form.first_editor()
        if editor is None:
            if self.profile_combo.currentData() is None:
                self.said.emit(self.messages.t("status.no_profile"), "error")
            self.focus_profile()
            return
        self.ensureWidgetVisible(self.options_form, 50, 50)  # the whole form, from its top
        self.ensureWidgetVisible(editor, 50, 50)
        editor.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def confirm_address_by_key(self) -> None:
        if self.address_confirmed.isVisible() and self.address_confirmed.isEnabled():
            self.address_confirmed.setChecked(not self.address_confirmed.isChecked())

    def choose_reading(self, index: int) -> None:
        """Fill the address fields with one reading of a two-way line: the packer's choice counts as checking it."""
        if index >= len(self._readings) or self.opened is None:
            return
        reading = self._readings[index]
        for name in _SPLIT_FIELDS:
            self.address[name].setText(getattr(reading, name))
            self.address[name].setModified(True)  # typed in by the packer, in effect: the draft books these fields
        for i, button in enumerate(self.reading_buttons):
            button.setChecked(i == index)
        self.update_draft()

    def _show_readings(self) -> None:
        m = self.messages
        for index, button in enumerate(self.reading_buttons):
            shown = index < len(self._readings)
            button.setVisible(shown)
            if shown:
                reading = self._readings[index]
                rest = m.t("detail.reading_suffix", suffix=reading.number_suffix) if reading.number_suffix else ""
                if reading.box_number:
                    rest += m.t("detail.reading_box", box=reading.box_number)
                button.setText(
                    m.t("detail.reading", n=index + 1, street=reading.street, number=reading.number, rest=rest)
                )

    def _show_split_reason(self) -> None:
        reason = self.messages.split_reason(self._split_reason)
        self.ambiguous_banner.setText(self.messages.t("detail.split_ambiguous", reason=reason))

    # --- the draft -----------------------------------------------------------------------------------

    def _say_what_is_left(self, draft: Draft) -> None:
        """After F12 was refused: take the red words back once the shipment can go, or name what still stops it."""
        assert self.opened is not None
        if draft.violations:
            words = self.messages.violation(draft.violations[0])
            if words != self._told_words:  # said once, not again on every keystroke over other news (a tick)
                self._told_words = words
                self.said.emit(words, "error")
            return
        self._told_words = ""
        self.told_invalid = False
        self.said.emit(self.messages.t("status.fixed", number=self.opened.picklist.number), "")

    def _profile_changed(self, _index: int) -> None:
        profile = self.profile_combo.currentData()
        self.options_form.set_profile(profile if isinstance(profile, ShippingProfile) else None)
        self.update_draft()

    def _entered_address(self) -> Address:
        values = {name: field.text().strip() for name, field in self.address.items()}
        values["cc"] = values["cc"].upper()
        return Address(**values)

    def current_draft(self) -> Draft | None:
        """Build the shipment from what is on screen now (None when no profile is chosen)."""
        profile = self.profile_combo.currentData()
        if self.opened is None or not isinstance(profile, ShippingProfile):
            return None
        # The packer's typing in an address field counts as checking the address, as the check box does.
        edited = any(field.isModified() for field in self.address.values())
        confirmed = edited or self.address_confirmed.isChecked()
        weight = int(self.weight.text()) if self.weight.text().isdigit() else None
        address = self._entered_address() if confirmed else None
        values = self.options_form.values()
        choices = PackerChoices(profile, values, weight_grams=weight, parcels=self.parcels.value(), address=address)
        return self._make_draft(choices)

    def update_draft(self, *_args: object) -> None:
        """Build the draft anew, show what blocks or warns, and emit it."""
        if self.opened is None:
            return
        m = self.messages
        draft = self.draft = self.current_draft()
        if draft is None:
            self.problems.setText(m.t("status.no_profile"))
            self.warnings.clear()
            self.options_form.mark_problems([])
            self.options_form.show_required([])
        else:
            self.problems.setText("\n".join("• " + m.violation(v) for v in draft.violations))
            self.warnings.setText("\n".join("• " + m.violation(v) for v in draft.warnings))
            self.options_form.mark_problems(draft.violations)
            self.options_form.show_required(draft.warnings)
            if self.told_invalid:
                self._say_what_is_left(draft)
        self.draft_changed.emit(draft)
