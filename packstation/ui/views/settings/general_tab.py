"""The general tab: language, station name, refresh interval, and what the desk writes back to Picqer."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from packstation.domain.picklists import WriteBackMode
from packstation.settings import Language, Settings, UiSettings, WriteBackSettings
from packstation.ui.messages import Messages
from packstation.ui.views.settings.widgets import (
    ORDER_FIELD_TEXTS,
    RELAY_PROFILE_TEXTS,
    PicqerChoice,
    make_combo,
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
        self.labels = {key: QLabel() for key in ("language", "station", "refresh")}
        for key, widget in (
            ("language", self.language_combo),
            ("station", self.station_name),
            ("refresh", self.refresh_seconds),
        ):
            self.labels[key].setBuddy(widget)
            form.addRow(self.labels[key], widget)
        layout.addLayout(form)
        layout.addWidget(self._build_write_back(settings.write_back))
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
        self.write_back_box.setTitle(m.t("settings.write_back"))
        self.wb_comment.setText(m.t("settings.wb.comment"))
        self.wb_pick_all.setText(m.t("settings.wb.pick_all"))
        self.wb_close.setText(m.t("settings.wb.close"))
        self.wb_claim.setText(m.t("settings.wb.claim"))
        self.order_field_label.setText(m.t("settings.wb.order_field"))
        self.wb_mode_label.setText(m.t("settings.wb.mode"))
        for i in range(self.wb_mode.count()):
            self.wb_mode.setItemText(i, m.t(f"settings.wb.mode.{self.wb_mode.itemData(i)}"))
        self.relay_label.setText(m.t("settings.wb.profile"))
        for choice in (self.relay, self.order_field):
            choice.retranslate()
