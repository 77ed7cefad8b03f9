"""The Yes/No question before a step that cannot be undone (a second label, taking over a claim)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from packstation.ui.messages import Messages


def ask_yes_no(
    parent: QWidget, messages: Messages, title: str, text: str, showing: Callable[[QMessageBox | None], None]
) -> bool:
    """Ask Yes/No. No is the default and N answers no, so a stray Enter or a scan never confirms; yes takes
    Tab then Space (a deliberate act: the questions asked here can book a second label).

    `showing` gets the box while it is open, then None (tests and the scan detector reach it meanwhile)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton(messages.t("confirm.yes"), QMessageBox.ButtonRole.YesRole)
    no = box.addButton(messages.t("confirm.no"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    showing(box)
    box.exec()
    showing(None)
    return box.clickedButton() is yes
