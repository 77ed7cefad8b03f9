"""The ship steps, visible: each with its state and, when it failed, what went wrong."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from packstation.ui.messages import Messages
from packstation.ui.state import STEPS, StepState

_GLYPHS = {
    StepState.WAITING: "○",
    StepState.RUNNING: "◐",
    StepState.DONE: "✔",
    StepState.FAILED: "✖",
    StepState.SKIPPED: "–",
    StepState.QUEUED: "◑",
}


class StepsView(QWidget):
    """One row per ship step: glyph, name, state; a failed step shows the reason below it."""

    def __init__(self, messages: Messages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("steps")
        self._messages = messages
        self._states: dict[str, StepState] = dict.fromkeys(STEPS, StepState.WAITING)
        self._details: dict[str, str] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setVerticalSpacing(2)
        self._glyphs: dict[str, QLabel] = {}
        self._names: dict[str, QLabel] = {}
        self._state_labels: dict[str, QLabel] = {}
        self._detail_labels: dict[str, QLabel] = {}
        for row, step in enumerate(STEPS):
            glyph, name, state, detail = QLabel(), QLabel(), QLabel(), QLabel()
            glyph.setFixedWidth(22)
            glyph.setAlignment(Qt.AlignmentFlag.AlignCenter)
            detail.setWordWrap(True)
            detail.setObjectName("stepFailure")
            detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            detail.hide()
            layout.addWidget(glyph, row * 2, 0)
            layout.addWidget(name, row * 2, 1)
            layout.addWidget(state, row * 2, 2, Qt.AlignmentFlag.AlignRight)
            layout.addWidget(detail, row * 2 + 1, 1, 1, 2)
            self._glyphs[step], self._names[step] = glyph, name
            self._state_labels[step], self._detail_labels[step] = state, detail
        layout.setColumnStretch(1, 1)
        messages.language_changed.connect(self._refresh_all)
        self._refresh_all()

    def state(self, step: str) -> StepState:
        return self._states[step]

    def detail(self, step: str) -> str:
        return self._details.get(step, "")

    def reset(self) -> None:
        """All steps waiting (a new picklist)."""
        self._states = dict.fromkeys(STEPS, StepState.WAITING)
        self._details.clear()
        self._refresh_all()

    def set_state(self, step: str, state: StepState, detail: str = "") -> None:
        """Show `step` in `state`; `detail` is the failure text for a failed step."""
        if step not in self._states:
            return
        self._states[step] = state
        if detail:
            self._details[step] = detail
        else:
            self._details.pop(step, None)
        self._refresh(step)

    def _refresh_all(self, *_args: object) -> None:
        for step in STEPS:
            self._refresh(step)

    def _refresh(self, step: str) -> None:
        state = self._states[step]
        self._glyphs[step].setText(_GLYPHS[state])
        self._names[step].setText(self._messages.step(step))
        self._state_labels[step].setText(self._messages.t(f"state.{state.value}"))
        for label in (self._glyphs[step], self._names[step], self._state_labels[step]):
            label.setProperty("state", state.value)
            label.style().unpolish(label)
            label.style().polish(label)
        detail = self._details.get(step, "")
        self._detail_labels[step].setText(detail)
        self._detail_labels[step].setVisible(bool(detail))
