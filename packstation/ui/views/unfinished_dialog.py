"""Shipments a crash or a failure left unfinished, offered to the packer on start."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QListWidget, QMessageBox, QPushButton, QVBoxLayout, QWidget

from packstation.domain.journal_entry import JournalEntry
from packstation.ui.messages import Messages
from packstation.ui.style import STYLE


class UnfinishedDialog(QDialog):
    """A list of unfinished shipments: arrows choose, Enter finishes the chosen one, Esc postpones."""

    chosen = Signal(object)  # JournalEntry

    def __init__(self, entries: Sequence[JournalEntry], messages: Messages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unfinishedDialog")
        self.setStyleSheet(STYLE)
        self.entries = list(entries)
        self.messages = messages
        m = messages
        self.setWindowTitle(m.t("unfinished.title"))
        layout = QVBoxLayout(self)
        text = QLabel(m.t("unfinished.text"))
        text.setWordWrap(True)
        layout.addWidget(text)
        self.list = QListWidget()
        for entry in self.entries:
            when = entry.created_at.replace("T", " ")[:16]
            self.list.addItem(
                m.t(
                    "unfinished.line", number=entry.picklist_number, when=when, remaining=m.remaining(entry.remaining())
                )
            )
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.finish_selected())
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.finish_button = QPushButton(m.t("unfinished.finish"))
        self.finish_button.setDefault(True)
        self.later_button = QPushButton(m.t("unfinished.later"))
        row.addStretch(1)
        row.addWidget(self.later_button)
        row.addWidget(self.finish_button)
        layout.addLayout(row)
        self.finish_button.clicked.connect(self.finish_selected)
        self.later_button.clicked.connect(self.reject)
        self.resize(640, 320)

    def finish_selected(self) -> None:
        """Hand the chosen entry to the controller and close."""
        row = self.list.currentRow()
        if 0 <= row < len(self.entries):
            self.chosen.emit(self.entries[row])
            self.accept()


def show_journal_problem(parent: QWidget, messages: Messages, detail: str) -> QMessageBox:
    """Say once, without blocking, that the journal was replaced: nothing is lost, the admin should know."""
    box = QMessageBox(parent)
    box.setObjectName("journalProblem")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(messages.t("journal.problem_title"))
    box.setText(messages.t("journal.problem", detail=detail))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
