"""The options of a shipping profile as a form, generated from its config-options schema."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from packstation.domain.errors import Violation
from packstation.domain.profiles import (
    FIELD_OPTION_KEYS,
    LIST,
    NO,
    YES,
    ConfigOption,
    ShippingProfile,
    insurance_value,
)
from packstation.ui.messages import Messages
from packstation.ui.widgets.wheel import PaneComboBox


def is_yes_no(option: ConfigOption) -> bool:
    """True for a list option whose only values are 0/1 (Picqer's way to model a yes/no switch)."""
    return option.type == LIST and set(option.values) == {NO, YES}


class OptionsForm(QWidget):
    """list -> combo box, text -> line edit, yes/no list -> check box; `changed` on every edit."""

    changed = Signal()

    def __init__(self, messages: Messages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("optionsForm")
        self._messages = messages
        self._layout = QFormLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        # A long option name goes above its box when the pane is narrow, instead of widening the whole pane.
        self._layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._profile: ShippingProfile | None = None
        self._editors: dict[str, QWidget] = {}
        self._options: dict[str, ConfigOption] = {}
        # The packer's own value of each option the carrier's rules currently set (shown set and locked).
        self._own: dict[str, str] = {}
        # A value the rules set that the option's list does not offer (Swiss insurance: EUR 200), shown as an
        # extra entry while the rule applies.
        self._extra: dict[str, str] = {}

    @property
    def profile(self) -> ShippingProfile | None:
        return self._profile

    def editor(self, key: str) -> QWidget | None:
        return self._editors.get(key)

    def first_editor(self) -> QWidget | None:
        """The first option the packer can change (Alt+O goes there), None when none can be changed."""
        return next((editor for editor in self._editors.values() if editor.isEnabled()), None)

    def option_name(self, key: str) -> str:
        """Return the name the packer reads for an option: its check box's text, or its row's label."""
        editor = self._editors[key]
        if isinstance(editor, QCheckBox):
            return editor.text()
        label = self._layout.labelForField(editor)
        return label.text() if isinstance(label, QLabel) else ""

    def set_profile(self, profile: ShippingProfile | None, values: Mapping[str, str] | None = None) -> None:
        """Rebuild the form for `profile`, with its defaults or the given values."""
        while self._layout.rowCount():
            self._layout.removeRow(0)
        self._editors.clear()
        self._options.clear()
        self._own.clear()
        self._extra.clear()
        self._profile = profile
        if profile is None:
            return
        values = values or {}
        for option in profile.options:
            value = values.get(option.key, option.default_value)
            editor = self._make_editor(option, "" if value is None else str(value))
            editor.setObjectName(f"option_{option.key}")
            if option.description:
                editor.setToolTip(self._messages.option_description(option))
            self._editors[option.key] = editor
            self._options[option.key] = option
            if isinstance(editor, QCheckBox):
                self._layout.addRow(editor)  # the box carries the option's name: "☐ Signature on delivery"
            else:
                label = QLabel(self._messages.option_label(option) + (" *" if option.required else ""))
                label.setBuddy(editor)
                self._layout.addRow(label, editor)
        self.changed.emit()

    def retranslate(self) -> None:
        """Show the options in the current language, keeping what the packer chose."""
        if self._profile is not None:
            self.set_profile(self._profile, self.values())

    def values(self) -> dict[str, str]:
        """Return the packer's chosen value of every option (text options: as typed, trimmed).

        An option the carrier's rules set is shown set, but its value here stays the packer's own: the rules
        add it again for as long as they apply, and the packer's choice is back when they no longer do.
        """
        result: dict[str, str] = {}
        for key, editor in self._editors.items():
            value = self._own.get(key, _value_of(editor))
            if value is not None:
                result[key] = value
        return result

    def show_required(self, warnings: Iterable[Violation]) -> None:
        """Show the options the carrier's rules add to this shipment (draft warnings) as set and locked."""
        required = self._required_values(warnings)
        for key, editor in self._editors.items():
            value, why = required.get(key, ("", ""))
            self._offer_required_amount(key, editor, value)
            if value and _can_show(editor, value):
                self._own.setdefault(key, _value_of(editor) or "")
                _set_value(editor, value)
                editor.setEnabled(False)
                editor.setToolTip(why)
            elif key in self._own:
                _set_value(editor, self._own.pop(key))
                editor.setEnabled(True)
                editor.setToolTip(self._messages.option_description(self._options[key]))

    def _required_values(self, warnings: Iterable[Violation]) -> dict[str, tuple[str, str]]:
        """Option key -> (the value a carrier rule sets, why) from the draft's warnings."""
        required: dict[str, tuple[str, str]] = {}
        for warning in warnings:
            params = dict(warning.params)
            key = FIELD_OPTION_KEYS.get(params.get("option", ""), "")
            if warning.code == "option_added":
                required[key] = (YES, self._messages.violation(warning))
            elif warning.code == "insurance_added" and params.get("amount", "").isdigit():
                required[key] = (str(int(params["amount"]) // 100), self._messages.violation(warning))
        return required

    def _offer_required_amount(self, key: str, editor: QWidget, value: str) -> None:
        """Put a required amount the list does not hold into it (and take out the one a rule wanted before)."""
        if not isinstance(editor, QComboBox):
            return
        if self._extra.get(key, value) != value:
            with QSignalBlocker(editor):  # the rule now wants another value, or none
                editor.removeItem(editor.findData(self._extra.pop(key)))
        if value and editor.findData(value) < 0 and value.isdigit():
            # Only insurance is set in amounts the list may not hold: name it as the shipped choices are.
            extra = insurance_value(int(value))
            with QSignalBlocker(editor):
                editor.addItem(self._messages.option_value(self._options[key], extra), value)
            self._extra[key] = value

    def mark_problems(self, violations: Iterable[Violation]) -> None:
        """Highlight the options a rule violation names, with the reason as tooltip."""
        reasons: dict[str, list[str]] = {}
        for violation in violations:
            field = dict(violation.params).get("option", "")
            keys = {FIELD_OPTION_KEYS.get(field, field)} | {k for k in self._editors if violation.code.startswith(k)}
            for key in keys & set(self._editors):
                reasons.setdefault(key, []).append(self._messages.violation(violation))
        for key, editor in self._editors.items():
            problem = key in reasons
            editor.setProperty("problem", problem)
            option = self._options[key]
            editor.setToolTip("\n".join(reasons[key]) if problem else self._messages.option_description(option))
            # Re-polish so the style sheet's [problem="true"] rule applies now.
            editor.style().unpolish(editor)
            editor.style().polish(editor)

    def _make_editor(self, option: ConfigOption, value: str) -> QWidget:
        if is_yes_no(option):
            box = QCheckBox(self._messages.option_label(option))
            box.setChecked(value == YES)
            box.toggled.connect(self.changed)
            return box
        if option.type == LIST:
            combo = PaneComboBox()
            if not option.required:
                combo.addItem("", None)
            for possible in option.possible_values:
                combo.addItem(self._messages.option_value(option, possible), possible.value)
            index = combo.findData(value) if value else 0
            combo.setCurrentIndex(max(index, 0))
            combo.currentIndexChanged.connect(self.changed)
            return combo
        line = QLineEdit(value)
        line.textChanged.connect(self.changed)
        return line


def _value_of(editor: QWidget) -> str | None:
    """Return what an option's editor shows (None: a list with nothing chosen)."""
    if isinstance(editor, QCheckBox):
        return YES if editor.isChecked() else NO
    if isinstance(editor, QComboBox):
        data = editor.currentData()
        return None if data is None else str(data)
    if isinstance(editor, QLineEdit):
        return editor.text().strip()
    return None


def _can_show(editor: QWidget, value: str) -> bool:
    """True when the editor has a way to show `value` (a list must offer it)."""
    if isinstance(editor, QCheckBox):
        return value in (YES, NO)
    return isinstance(editor, QComboBox) and editor.findData(value) >= 0


def _set_value(editor: QWidget, value: str) -> None:
    """Show `value` without announcing a change: it is not the packer's edit."""
    with QSignalBlocker(editor):
        if isinstance(editor, QCheckBox):
            editor.setChecked(value == YES)
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value) if value else 0, 0))
        elif isinstance(editor, QLineEdit):
            editor.setText(value)
