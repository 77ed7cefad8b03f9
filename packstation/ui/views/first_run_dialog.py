"""First start without accounts: try the demo, or set up the accounts."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from packstation.ui.messages import Messages
from packstation.ui.style import STYLE


class FirstRunChoice(StrEnum):
    DEMO = "demo"
    SETTINGS = "settings"
    QUIT = "quit"


class FirstRunDialog(QDialog):
    """Two big choices; Alt+D for the demo, Alt+S (Alt+I in Dutch) for the settings, Esc quits.

    The very first screen a warehouse sees: Ctrl+L (or the language button) switches English/Dutch here too.
    """

    def __init__(self, messages: Messages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunDialog")
        self.setStyleSheet(STYLE)
        self.messages = messages
        self.choice = FirstRunChoice.QUIT
        layout = QVBoxLayout(self)
        self.text = QLabel()
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        row = QHBoxLayout()
        self.demo_button = QPushButton()
        self.settings_button = QPushButton()
        self.quit_button = QPushButton()
        self.language_button = QPushButton()
        for button in (self.demo_button, self.settings_button):
            button.setMinimumHeight(48)
            row.addWidget(button)
        row.addWidget(self.quit_button)
        layout.addLayout(row)
        languages = QHBoxLayout()
        languages.addStretch(1)
        languages.addWidget(self.language_button)
        layout.addLayout(languages)
        self.language_button.clicked.connect(self.toggle_language)
        QShortcut(QKeySequence("Ctrl+L"), self).activated.connect(self.toggle_language)
        self.settings_button.setDefault(True)  # Enter: the real setup, never a demo by accident
        self.demo_button.clicked.connect(lambda: self._choose(FirstRunChoice.DEMO))
        self.settings_button.clicked.connect(lambda: self._choose(FirstRunChoice.SETTINGS))
        self.quit_button.clicked.connect(lambda: self._choose(FirstRunChoice.QUIT))
        messages.language_changed.connect(self.retranslate)
        self.retranslate()

    def toggle_language(self) -> None:
        self.messages.set_language("en" if self.messages.language.value == "nl" else "nl")

    def _choose(self, choice: FirstRunChoice) -> None:
        self.choice = choice
        if choice is FirstRunChoice.QUIT:
            self.reject()
        else:
            self.accept()

    def reject(self) -> None:
        self.choice = FirstRunChoice.QUIT
        super().reject()

    def retranslate(self, *_args: object) -> None:
        m = self.messages
        self.setWindowTitle(m.t("first_run.title"))
        self.text.setText(m.t("first_run.text"))
        self.demo_button.setText(m.t("first_run.demo"))
        self.settings_button.setText(m.t("first_run.settings"))
        self.quit_button.setText(m.t("first_run.quit"))
        self.language_button.setText(m.t("action.language_key"))


def ask_first_run(messages: Messages, parent: QWidget | None = None) -> FirstRunChoice:
    """Ask (modal, before the main loop runs) whether to start the demo or the settings."""
    dialog = FirstRunDialog(messages, parent)
    dialog.exec()
    return dialog.choice
