"""The general tab: language, station name, refresh interval, what the desk writes back to Picqer, and when the
document printer prints Picqer's packing list."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from packstation.domain.picklists import WriteBackMode
from packstation.settings import (
    Language,
    PackCheck,
    PackingListPolicy,
    PackingListSettings,
    PackingSettings,
    Settings,
    UiSettings,
    WriteBackSettings,
)
from packstation.ui.messages import Messages
from packstation.ui.views.settings.widgets import (
    ORDER_FIELD_TEXTS,
    RELAY_PROFILE_TEXTS,
    PicqerChoice,
    Tester,
    make_combo,
    name_items,
    select_data,
)

LANGUAGE_NAMES = {Language.EN: "English", Language.NL: "Nederlands"}  # each in its own language


class GeneralTab(QWidget):
    """The station's language, name and refresh; the write-back to Picqer in a box below."""

    def __init__(self, messages: Messages, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._messages = messages
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.language_combo = make_combo([(LANGUAGE_NAMES[language], language) for language in Language])
        self.language_combo.setObjectName("languageCombo")
        select_data(self.language_combo, settings.language)
        self.station_name = QLineEdit(settings.station_name)
        self.refresh_seconds = QSpinBox()
        self.refresh_seconds.setRange(5, 3600)
        self.refresh_seconds.setValue(settings.ui.refresh_seconds)
        self.pack_check = make_combo([(check.value, check) for check in PackCheck])
        self.pack_check.setObjectName("packCheck")
        select_data(self.pack_check, settings.packing.pack_check)
        # Picqer's packing station of the same name names the printers: one click offers them (see the dialog).
        self.station_printers_button = QPushButton()
        self.station_printers_button.setObjectName("stationPrinters")
        self.station_printers = Tester(self.station_printers_button)
        station_row = QHBoxLayout()
        station_row.addWidget(self.station_name, 1)
        station_row.addWidget(self.station_printers_button)
        station_row.addWidget(self.station_printers.busy)
        self.labels = {key: QLabel() for key in ("language", "station", "refresh", "pack_check")}
        self.labels["language"].setBuddy(self.language_combo)
        form.addRow(self.labels["language"], self.language_combo)
        self.labels["station"].setBuddy(self.station_name)
        form.addRow(self.labels["station"], station_row)
        form.addRow(self.station_printers.result)
        self.labels["refresh"].setBuddy(self.refresh_seconds)
        self.labels["pack_check"].setBuddy(self.pack_check)
        refresh_row = QHBoxLayout()  # one row for both: the tab must fit 720 px high
        refresh_row.addWidget(self.refresh_seconds)
        refresh_row.addSpacing(24)
        refresh_row.addWidget(self.labels["pack_check"])
        refresh_row.addWidget(self.pack_check)
        refresh_row.addStretch(1)
        form.addRow(self.labels["refresh"], refresh_row)
        layout.addLayout(form)
        layout.addWidget(self._build_write_back(settings.write_back))
        self.packing_list = PackingListForm(messages, settings.packing_list)
        layout.addWidget(self.packing_list)
        layout.addStretch(1)

    def _build_write_back(self, wb: WriteBackSettings) -> QGroupBox:
        self.write_back_box = QGroupBox()
        form = QFormLayout(self.write_back_box)
        self.wb_comment = QCheckBox()
        self.wb_comment.setChecked(wb.comment)
        self.wb_pick_all = QCheckBox()
        self.wb_pick_all.setChecked(wb.pick_all)
        self.wb_close = QCheckBox()
        self.wb_close.setChecked(wb.close)
        self.wb_claim = QCheckBox()
        self.wb_claim.setChecked(wb.claim)
        self.order_field = PicqerChoice(self._messages, ORDER_FIELD_TEXTS, wb.order_field_id, "orderField")
        self.order_field_label = QLabel()
        self.order_field_label.setBuddy(self.order_field.combo)
        # Picqer shipment or comment; the shipment is made with the Picqer profile that points at the relay.
        self.wb_mode = make_combo([(mode, mode) for mode in reversed(WriteBackMode)])
        self.wb_mode.setObjectName("writeBackMode")
        select_data(self.wb_mode, wb.mode)
        self.wb_mode_label = QLabel()
        self.wb_mode_label.setBuddy(self.wb_mode)
        self.relay = PicqerChoice(self._messages, RELAY_PROFILE_TEXTS, wb.picqer_profile_id, "relayProfile")
        self.relay.button.setObjectName("relayProfilesTest")
        self.relay_label = QLabel()
        self.relay_label.setBuddy(self.relay.combo)
        form.addRow(self.wb_mode_label, self.wb_mode)
        form.addRow(self.relay_label, self.relay.row)
        form.addRow(self.relay.tester.busy)
        form.addRow(self.relay.tester.result)
        for box in (self.wb_claim, self.wb_comment, self.wb_pick_all, self.wb_close):
            form.addRow(box)
        form.addRow(self.order_field_label, self.order_field.row)
        form.addRow(self.order_field.tester.busy)
        form.addRow(self.order_field.tester.result)
        self.wb_mode.currentIndexChanged.connect(self._mode_changed)
        self._mode_changed()
        return self.write_back_box

    def _mode_changed(self, *_args: object) -> None:
        registers = self.mode() is WriteBackMode.PICQER_SHIPMENT
        for widget in (self.relay.combo, self.relay_label):
            widget.setEnabled(registers)

    def mode(self) -> WriteBackMode:
        return WriteBackMode(self.wb_mode.currentData())

    def language(self) -> Language:
        return Language(self.language_combo.currentData())

    def ui_settings(self) -> UiSettings:
        return UiSettings(refresh_seconds=self.refresh_seconds.value())

    def packing_settings(self) -> PackingSettings:
        return PackingSettings(pack_check=PackCheck(self.pack_check.currentData()))

    def write_back(self) -> WriteBackSettings:
        """Return the write-back as entered."""
        return WriteBackSettings(
            comment=self.wb_comment.isChecked(),
            order_field_id=self.order_field.chosen_id,
            pick_all=self.wb_pick_all.isChecked(),
            close=self.wb_close.isChecked(),
            claim=self.wb_claim.isChecked(),
            mode=self.mode(),
            picqer_profile_id=self.relay.chosen_id,
        )

    def retranslate(self) -> None:
        m = self._messages
        self.labels["language"].setText(m.t("settings.language"))
        self.labels["station"].setText(m.t("settings.station"))
        self.labels["refresh"].setText(m.t("settings.refresh"))
        self.labels["pack_check"].setText(m.t("settings.pack_check"))
        name_items(self.pack_check, m, "settings.pack_check")
        self.write_back_box.setTitle(m.t("settings.write_back"))
        self.wb_comment.setText(m.t("settings.wb.comment"))
        self.wb_pick_all.setText(m.t("settings.wb.pick_all"))
        self.wb_close.setText(m.t("settings.wb.close"))
        self.wb_claim.setText(m.t("settings.wb.claim"))
        self.order_field_label.setText(m.t("settings.wb.order_field"))
        self.wb_mode_label.setText(m.t("settings.wb.mode"))
        name_items(self.wb_mode, m, "settings.wb.mode")
        self.relay_label.setText(m.t("settings.wb.profile"))
        for choice in (self.relay, self.order_field):
            choice.retranslate()
        self.packing_list.retranslate()
        self.station_printers_button.setText(m.t("settings.station_printers.button"))


class PackingListForm(QGroupBox):
    """When the document printer prints Picqer's packing list: never, always, or when the order asks for it."""

    def __init__(self, messages: Messages, packing_list: PackingListSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._messages = messages
        form = QFormLayout(self)
        self.policy = make_combo([("", policy) for policy in PackingListPolicy])
        self.policy.setObjectName("packingListPolicy")
        select_data(self.policy, packing_list.policy)
        self.tag = QLineEdit(packing_list.tag)
        self.tag.setObjectName("packingListTag")
        self.order_field = QSpinBox()
        self.order_field.setObjectName("packingListOrderField")
        self.order_field.setRange(0, 2_000_000_000)
        self.order_field.setValue(packing_list.order_field_id)
        self.policy_label, self.tag_label, self.order_field_label = QLabel(), QLabel(), QLabel()
        self.policy_label.setBuddy(self.policy)
        form.addRow(self.policy_label, self.policy)
        # The tag and the order field share a row: the tab must fit a 1280 x 720 screen.
        asks = QHBoxLayout()
        asks.addWidget(self.tag, 1)
        asks.addWidget(self.order_field_label)
        asks.addWidget(self.order_field)
        self.tag_label.setBuddy(self.tag)
        self.order_field_label.setBuddy(self.order_field)
        form.addRow(self.tag_label, asks)
        self.policy.currentIndexChanged.connect(self._policy_changed)
        self._policy_changed()

    def _policy_changed(self, *_args: object) -> None:
        # The tag and the order field only matter when the order decides.
        asked = self.policy.currentData() == PackingListPolicy.WHEN_ASKED
        self.tag.setEnabled(asked)
        self.order_field.setEnabled(asked)

    def packing_list(self) -> PackingListSettings:
        return PackingListSettings(
            policy=PackingListPolicy(self.policy.currentData()),
            tag=self.tag.text().strip(),
            order_field_id=self.order_field.value(),
        )

    def retranslate(self) -> None:
        m = self._messages
        self.setTitle(m.t("settings.packing_list"))
        self.policy_label.setText(m.t("settings.packing_list.policy"))
        self.tag_label.setText(m.t("settings.packing_list.tag"))
        self.order_field_label.setText(m.t("settings.packing_list.order_field"))
        for index in range(self.policy.count()):
            self.policy.setItemText(index, m.t(f"settings.packing_list.{self.policy.itemData(index)}"))
