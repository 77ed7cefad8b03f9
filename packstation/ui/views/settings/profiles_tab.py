"""The shipping profiles tab: the station's profiles as a list and a form, each ticked to its Picqer profiles."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from packstation.domain.profiles import (
    LIST,
    YES,
    ConfigOption,
    ShippingProfile,
    default_profiles,
    insurance_euros,
    insurance_option,
    label_text_option,
    profile_from_dict,
    profile_to_dict,
    yes_no,
)
from packstation.domain.shipments import Carrier, PackageType, Platform, ReturnLabel
from packstation.ui.messages import Messages
from packstation.ui.views.settings.widgets import (
    PROFILE_LINK_TEXTS,
    PicqerChecklist,
    make_combo,
    name_items,
    select_data,
)
from packstation.ui.widgets.buttons import push_button

BOOL_OPTIONS = ("signature", "only_recipient", "return", "age_check", "large_format")
CARRIERS = (Carrier.POSTNL, Carrier.BPOST, Carrier.DPD, Carrier.UPS)
# As the carriers write themselves (the enum's name in title case read "Dpd" and "Bpost").
CARRIER_NAMES = {Carrier.POSTNL: "PostNL", Carrier.BPOST: "bpost", Carrier.DPD: "DPD", Carrier.UPS: "UPS"}


class ProfilesEditor(QWidget):
    """Shipping profiles as a list and a form; edited as profile_to_dict data, checked with profile_from_dict."""

    def __init__(
        self,
        messages: Messages,
        profiles: Sequence[ShippingProfile],
        platform: Callable[[], Platform],
        picqer_profiles: Mapping[int, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._messages = messages
        self._platform = platform
        self.edited = False
        self._profiles: list[dict[str, Any]] = [profile_to_dict(p) for p in profiles]
        self._current = -1
        self._loading = False
        root = QHBoxLayout(self)
        self._build_list(root)
        self.form_box = QWidget()
        form = QFormLayout(self.form_box)
        self.name = QLineEdit()
        self.name.setObjectName("profileName")
        self.carrier = make_combo([(CARRIER_NAMES.get(c, c.name.title()), c.name.lower()) for c in CARRIERS])
        self.package_type = make_combo([(p.name.lower(), p.name.lower()) for p in PackageType])
        # A related return with each parcel: none, printed with the label, or printerless where PostNL offers it.
        self.return_label = make_combo([("", choice.value) for choice in ReturnLabel])
        self.return_label.setObjectName("returnLabel")
        self.return_label_label = QLabel()
        self.return_label_label.setBuddy(self.return_label)
        self._build_options()
        self.labels = {key: QLabel() for key in ("name", "carrier", "package_type", "picqer_links")}
        links_label = self._build_links(picqer_profiles)
        self.problem = QLabel()
        self.problem.setObjectName("problems")
        self.problem.setWordWrap(True)
        self.labels["name"].setBuddy(self.name)
        self.labels["carrier"].setBuddy(self.carrier)
        self.labels["package_type"].setBuddy(self.package_type)
        self.labels["picqer_links"].setBuddy(self.picqer_links.list)
        form.addRow(self.labels["name"], self.name)
        form.addRow(self.labels["carrier"], self.carrier)
        # The return label shares the package type's row: a row of its own would make this tab the tallest.
        package_row = QHBoxLayout()
        package_row.addWidget(self.package_type, 1)
        package_row.addWidget(self.return_label_label)
        package_row.addWidget(self.return_label, 1)
        form.addRow(self.labels["package_type"], package_row)
        form.addRow(self.options_box)
        form.addRow(links_label, self.picqer_links.list)
        form.addRow(self.picqer_links.tester.result)
        form.addRow(self.problem)
        root.addWidget(self.form_box, 3)
        self._connect()
        self._refill(0)
        self.retranslate()

    def _build_list(self, root: QHBoxLayout) -> None:
        left = QVBoxLayout()
        self.list = QListWidget()
        self.list.setObjectName("profilesList")
        left.addWidget(self.list, 1)
        buttons = QGridLayout()
        self.add_button = push_button(self.add_profile)
        self.copy_button = push_button(self.copy_profile)
        self.remove_button = push_button(self.remove_profile)
        self.defaults_button = push_button(self.reset_defaults)
        buttons.addWidget(self.add_button, 0, 0)
        buttons.addWidget(self.copy_button, 0, 1)
        buttons.addWidget(self.remove_button, 1, 0)
        buttons.addWidget(self.defaults_button, 1, 1)
        left.addLayout(buttons)
        root.addLayout(left, 2)

    def _build_options(self) -> None:
        """One row per option: offered with this profile, and (for yes/no options) on by default."""
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

    def _build_links(self, picqer_profiles: Mapping[int, str]) -> QWidget:
        # The Picqer shipping profiles this profile ships, ticked by name (Picqer's own list, not typed ids).
        self.picqer_links = PicqerChecklist(self._messages, PROFILE_LINK_TEXTS, "picqerProfiles")
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
        links_column.addWidget(self.labels["picqer_links"])
        links_column.addWidget(self.picqer_links.button, 0, Qt.AlignmentFlag.AlignLeft)
        links_column.addWidget(self.picqer_links.tester.busy)
        links_column.addStretch(1)
        return links_label

    def _connect(self) -> None:
        self.list.currentRowChanged.connect(self._row_changed)
        self.name.textEdited.connect(self._form_edited)
        for combo in (self.carrier, self.package_type, self.return_label):
            combo.currentIndexChanged.connect(self._form_edited)
        for box in (*self.offered.values(), *self.default_on.values()):
            box.toggled.connect(self._form_edited)

    # --- data ----------------------------------------------------------------------------------------

    def profiles(self) -> tuple[ShippingProfile, ...]:
        """Return every profile as entered; raise ValueError naming the first invalid one."""
        self._store_form()
        return tuple(profile_from_dict(data) for data in self._profiles)

    def set_picqer_profiles(self, names: Mapping[int, str]) -> None:
        """Take the account's shipping profiles (id: name) loaded elsewhere in the dialog."""
        self.picqer_links.set_items(list(names.items()))

    def add_profile(self) -> None:
        platform = self._platform()
        carrier = Carrier.BPOST if platform is Platform.SENDMYPARCEL else Carrier.POSTNL
        data: dict[str, Any] = {
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
        select_data(self.carrier, str(data.get("carrier", "postnl")).lower())
        select_data(self.package_type, str(data.get("package_type", "package")).lower())
        select_data(self.return_label, str(data.get("return_label", ReturnLabel.NONE.value)).lower())
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
        if self.return_label.currentData() == ReturnLabel.NONE:
            data.pop("return_label", None)  # as profile_to_dict writes it: only when set
        else:
            data["return_label"] = self.return_label.currentData()
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
            made = insurance_option(insurance_euros(self._platform()))
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
        name_items(self.package_type, m, "settings.package")
        self.picqer_links.retranslate()
        self.return_label_label.setText(m.t("settings.return_label"))
        name_items(self.return_label, m, "settings.return_label")


def _config_option_dict(option: ConfigOption) -> dict[str, Any]:
    # The domain's own serialisation, so the settings file holds options exactly as profile_to_dict writes them.
    carrier = Carrier.POSTNL
    return profile_to_dict(ShippingProfile("option", carrier, Platform.MYPARCEL, options=(option,)))["options"][0]
