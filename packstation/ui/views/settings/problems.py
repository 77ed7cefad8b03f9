"""What was wrong with a hand-edited settings file, in the station's words, and where its copy is."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from packstation.domain.errors import Violation
from packstation.ui.messages import Messages


def settings_problems_text(messages: Messages, problems: Sequence[Violation], backup: Path | None) -> str:
    """Say what was wrong with a hand-edited settings file and where the copy of it is."""
    listed = "\n".join(f"• {messages.settings_problem(p)}" for p in problems)
    where = str(backup) if backup is not None else messages.t("settings.no_backup")
    return messages.t("settings.problems", problems=listed, backup=where)


def show_settings_problems(
    parent: QWidget | None, messages: Messages, problems: Sequence[Violation], backup: Path | None
) -> QMessageBox | None:
    """Show the settings file's problems once, without blocking the loop; None when there are none."""
    if not problems:
        return None
    box = QMessageBox(parent)
    box.setObjectName("settingsProblems")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(messages.t("settings.problems_title"))
    box.setText(settings_problems_text(messages, problems, backup))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
