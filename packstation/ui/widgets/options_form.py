"""The options of a shipping profile as a form, generated from its config-options schema."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from packstation.domain.errors import Violation
from packstation.domain.profiles import FIELD_OPTION_KEYS, LIST, NO, YES, ConfigOption, ShippingProfile
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

    @property
    def profile(self) -> ShippingProfile | None:
        return self._profile

    def editor(self, key: str) -> QWidget | None:
        return self._editors.get(key)

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
        """Return the chosen value of every option (text options: as typed, trimmed)."""
        result: dict[str, str] = {}
        for key, editor in self._editors.items():
            if isinstance(editor, QCheckBox):
                result[key] = YES if editor.isChecked() else NO
            elif isinstance(editor, QComboBox):
                data = editor.currentData()
                if data is not None:
                    result[key] = str(data)
            elif isinstance(editor, QLineEdit):
                result[key] = editor.text().strip()
        return result

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
