"""The accounts tab: Picqer and MyParcel, each an AccountBox (its fields, the API key, and a connection test)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from packstation.domain.shipments import Platform
from packstation.settings import MYPARCEL, PICQER, MyParcelSettings, PicqerSettings
from packstation.ui.messages import During, Messages
from packstation.ui.views.settings.widgets import (
    WAREHOUSE_TEXTS,
    KeyField,
    PicqerChoice,
    Tester,
    make_combo,
    select_data,
)

PLATFORM_NAMES = {Platform.MYPARCEL: "MyParcel.nl", Platform.SENDMYPARCEL: "SendMyParcel.be"}


def parse_picqer_address(text: str) -> tuple[str, str]:
    """Return (subdomain, base_url) from what the admin typed: "shop", "shop.picqer.com" or a full URL."""
    text = text.strip().rstrip("/")
    if "://" in text:
        return "", text
    if text.endswith(".picqer.com"):
        text = text[: -len(".picqer.com")]
    return text, ""


class AccountBox(QGroupBox):
    """One account: its own fields as rows, the API key, and a Test button that says the result in words."""

    def __init__(self, messages: Messages, loaded_key: str, key_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._messages = messages
        self.form = QFormLayout(self)
        self.key = KeyField(messages, loaded_key)
        self.key.edit.setObjectName(key_name)
        self.key_label = self.add_row(self.key, buddy=self.key.edit)
        self.test_button = QPushButton()
        self.tester = Tester(self.test_button)

    def add_row(self, field: QWidget | QHBoxLayout, buddy: QWidget) -> QLabel:
        """Add a labelled row (Alt+letter on the label jumps to `buddy`); return its label."""
        label = QLabel()
        label.setBuddy(buddy)
        self.form.addRow(label, field)
        return label

    def add_test_rows(self) -> None:
        """The Test button with its busy bar, and the result under it."""
        row = QHBoxLayout()
        row.addWidget(self.test_button)
        row.addWidget(self.tester.busy, 1)
        row.addStretch(2)
        self.form.addRow(row)
        self.form.addRow(self.tester.result)

    async def test(self, check: Callable[[str], Awaitable[str]], ok_text: Callable[[str], str]) -> None:
        """Run `check` with the key as entered (not yet saved) and say how it went."""
        m = self._messages
        if not self.key.text():
            self.tester.show(m.t("settings.need_key"), "error")
            return
        self.tester.start(m.t("settings.testing"))
        try:
            answer = await check(self.key.text())
        except Exception as exc:
            self.tester.finish(m.error(exc, During.SETTINGS), ok=False)
            return
        self.tester.finish(ok_text(answer), ok=True)

    def retranslate(self, title: str) -> None:
        m = self._messages
        self.setTitle(m.t(title))
        self.key_label.setText(m.t("settings.api_key"))
        self.test_button.setText(m.t("settings.test"))
        self.key.retranslate()


class AccountsTab(QWidget):
    """Picqer (address, key, warehouse) above MyParcel (platform, key, API address)."""

    def __init__(
        self,
        messages: Messages,
        picqer: PicqerSettings,
        myparcel: MyParcelSettings,
        key: Callable[[str], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._messages = messages
        layout = QVBoxLayout(self)
        self.picqer = AccountBox(messages, key(PICQER), "picqerKey")
        self.address = QLineEdit(picqer.base_url or picqer.subdomain)
        self.address.setObjectName("picqerAddress")
        self.picqer.form.insertRow(0, QLabel(), self.address)
        self.address_label = self._label_of_first_row(self.picqer, self.address)
        self.picqer.add_test_rows()
        # The picklists of one warehouse only (0 = all): chosen by name from the account's warehouses.
        self.warehouse = PicqerChoice(messages, WAREHOUSE_TEXTS, picqer.warehouse_id, "warehouse")
        self.warehouse_label = self.picqer.add_row(self.warehouse.row, buddy=self.warehouse.combo)
        self.picqer.form.addRow(self.warehouse.tester.busy)
        self.picqer.form.addRow(self.warehouse.tester.result)
        layout.addWidget(self.picqer)

        self.myparcel = AccountBox(messages, key(MYPARCEL), "myparcelKey")
        self.platform_combo = make_combo([(PLATFORM_NAMES[p], p) for p in Platform])
        self.platform_combo.setObjectName("platformCombo")
        select_data(self.platform_combo, myparcel.platform)
        self.myparcel.form.insertRow(0, QLabel(), self.platform_combo)
        self.platform_label = self._label_of_first_row(self.myparcel, self.platform_combo)
        self.myparcel_url = QLineEdit(myparcel.base_url)
        self.url_label = self.myparcel.add_row(self.myparcel_url, buddy=self.myparcel_url)
        self.myparcel.add_test_rows()
        layout.addWidget(self.myparcel)
        layout.addStretch(1)

    @staticmethod
    def _label_of_first_row(box: AccountBox, field: QWidget) -> QLabel:
        item = box.form.itemAt(0, QFormLayout.ItemRole.LabelRole)
        label = item.widget() if item is not None else None
        assert isinstance(label, QLabel)
        label.setBuddy(field)
        return label

    def platform(self) -> Platform:
        return Platform(self.platform_combo.currentData())

    def picqer_settings(self) -> PicqerSettings:
        subdomain, base_url = parse_picqer_address(self.address.text())
        return PicqerSettings(subdomain=subdomain, base_url=base_url, warehouse_id=self.warehouse.chosen_id)

    def myparcel_settings(self) -> MyParcelSettings:
        return MyParcelSettings(platform=self.platform(), base_url=self.myparcel_url.text().strip())

    def picqer_account(self) -> tuple[str, str]:
        """The Picqer address and key as entered (not yet saved)."""
        return self.address.text().strip(), self.picqer.key.text()

    def retranslate(self) -> None:
        m = self._messages
        self.picqer.retranslate("settings.picqer")
        self.myparcel.retranslate("settings.myparcel")
        self.address_label.setText(m.t("settings.subdomain"))
        self.address.setPlaceholderText(m.t("settings.subdomain_hint"))
        self.warehouse_label.setText(m.t("settings.warehouse"))
        self.warehouse.retranslate()
        self.platform_label.setText(m.t("settings.platform"))
        self.platform_combo.setItemText(0, m.t("settings.platform_nl"))
        self.platform_combo.setItemText(1, m.t("settings.platform_be"))
        self.url_label.setText(m.t("settings.base_url"))
