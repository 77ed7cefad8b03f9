"""The pieces every settings tab shares: a test button with its result, an API key field, named Picqer lists."""

from __future__ import annotations

import abc
import dataclasses
from collections.abc import Awaitable, Callable, Sequence

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
)

from packstation.ui.messages import During, Messages


def make_combo(items: Sequence[tuple[str, object]]) -> QComboBox:
    combo = QComboBox()
    for text, data in items:
        combo.addItem(text, data)
    return combo


def select_data(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    combo.setCurrentIndex(max(index, 0))


def name_items(combo: QComboBox, messages: Messages, prefix: str) -> None:
    """Name each choice in the current language: the catalogue's text for `prefix.<the choice's data>`."""
    for i in range(combo.count()):
        combo.setItemText(i, messages.t(f"{prefix}.{combo.itemData(i)}"))


def banner() -> QLabel:
    """A wrapped, selectable line above the tabs (what is wrong with the settings file, no keyring)."""
    label = QLabel()
    label.setObjectName("banner")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def discard_question(parent: QWidget, messages: Messages) -> tuple[QMessageBox, QPushButton]:
    """The "close without saving?" box; Enter or Esc keeps the edits. Returns the box and its Discard button."""
    m = messages
    box = QMessageBox(parent)
    box.setObjectName("discardChanges")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(m.t("settings.discard_title"))
    box.setText(m.t("settings.discard_question"))
    discard = box.addButton(m.t("settings.discard"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(m.t("settings.keep_editing"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    return box, discard


class Tester:
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


def texts_under(prefix: str, button: str) -> ChoiceTexts:
    """The texts of a list whose catalogue keys all sit under one prefix ("settings.warehouse.none", ...)."""
    keys = ("none", "unknown", "missing", "found", "there", "gone", "empty")
    return ChoiceTexts(**{key: f"{prefix}.{key}" for key in keys}, button=button)


class PicqerNames(abc.ABC):
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
        self.tester = Tester(self.button)

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


class PicqerChoice(PicqerNames):
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
            select_data(self.combo, self.chosen_id)

    def _chosen(self, _index: int) -> None:
        self.chosen_id = int(self.combo.currentData() or 0)


class PicqerChecklist(PicqerNames):
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
ORDER_FIELD_TEXTS = texts_under("settings.order_field", button="settings.load_from_picqer")
# Ticked, not chosen: no "nothing chosen" item; a missing id is said as for the relay's profile.
PROFILE_LINK_TEXTS = dataclasses.replace(
    texts_under("settings.links", button="settings.load_from_picqer"), none="", missing="settings.wb.profile_missing"
)
WAREHOUSE_TEXTS = texts_under("settings.warehouse", button="settings.load_from_picqer")


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
