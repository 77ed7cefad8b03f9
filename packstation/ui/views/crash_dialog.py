"""Something nobody expected: say so, keep the app running, and give the admin copyable (redacted) details."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from packstation.ui.messages import Messages
from packstation.ui.style import STYLE

log = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


class CrashDialog(QDialog):
    """The unexpected error in words, with the details read-only and a Copy button (Alt+C / Alt+K)."""

    def __init__(
        self, messages: Messages, details: str, log_path: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setStyleSheet(STYLE)
        self.messages = messages
        layout = QVBoxLayout(self)
        self.text = QLabel()
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        self.details = QPlainTextEdit(details)
        self.details.setObjectName("crashDetails")
        self.details.setReadOnly(True)
        self.details.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        layout.addWidget(self.details, 1)
        self.log_label = QLabel()
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._log_path = log_path
        layout.addWidget(self.log_label)
        row = QHBoxLayout()
        self.copy_button = QPushButton()
        self.close_button = QPushButton()
        self.close_button.setDefault(True)
        row.addWidget(self.copy_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        self.copy_button.clicked.connect(self.copy)
        self.close_button.clicked.connect(self.accept)
        self.retranslate()
        self.resize(720, 420)

    def copy(self) -> None:
        """Put the details on the clipboard for a mail or a ticket."""
        QGuiApplication.clipboard().setText(self.details.toPlainText())

    def retranslate(self) -> None:
        m = self.messages
        self.setWindowTitle(m.t("crash.title"))
        self.text.setText(m.t("crash.text"))
        self.copy_button.setText("&" + m.t("crash.copy"))
        self.close_button.setText(m.t("crash.close"))
        self.log_label.setVisible(self._log_path is not None)
        if self._log_path is not None:
            self.log_label.setText(m.t("crash.log", path=str(self._log_path)))


class CrashHandler:
    """sys.excepthook replacement: log the redacted traceback, show at most one CrashDialog, keep running."""

    def __init__(
        self,
        redact: Callable[[str], str],
        log_path: Path,
        messages: Callable[[], Messages],
        parent: Callable[[], QWidget | None] = lambda: None,
    ) -> None:
        self.redact = redact
        self.log_path = log_path
        self.messages = messages  # asked at each error: the window's words in the language it shows now
        self._parent = parent
        self.dialog: CrashDialog | None = None
        self.count = 0
        self.previous: ExceptHook = sys.excepthook

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self.previous(exc_type, exc, tb)
            return
        self.count += 1
        details = self.redact("".join(traceback.format_exception(exc_type, exc, tb)))
        self._write(details)
        if self.dialog is not None and self.dialog.isVisible():
            return  # one dialog at a time; the rest is in the log
        try:
            dialog = CrashDialog(self.messages(), details, self.log_path, self._parent())
            # No WA_DeleteOnClose: Qt deleting a dialog Python also owns corrupts memory at exit.
            dialog.finished.connect(self._closed)
            self.dialog = dialog
            dialog.open()  # not exec(): a nested loop inside an excepthook would stall qasync
        except Exception:  # the handler itself must never raise (that would end the app)
            log.exception("The crash dialog could not be shown")

    def _closed(self, _result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None and dialog.parent() is not None:
            dialog.setParent(None)  # hand it to Python, which frees it with the last reference

    def _write(self, details: str) -> None:
        log.critical("Unexpected error:\n%s", details)
        try:
            self.log_path.parent.mkdir(parents=True, exist_ok=True)
            with self.log_path.open("a", encoding="utf-8") as file:
                file.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n{details}\n")
        except OSError as exc:
            log.warning("Could not write the crash log %s: %s", self.log_path, exc)


def install_crash_handler(
    app: QCoreApplication,
    redact: Callable[[str], str],
    log_path: Path,
    messages: Callable[[], Messages] = lambda: Messages("en"),
) -> CrashHandler:
    """Replace sys.excepthook so an unexpected error is logged and shown instead of ending the app silently."""
    parent = app.activeWindow if isinstance(app, QApplication) else (lambda: None)
    handler = CrashHandler(redact, log_path, messages, parent)
    sys.excepthook = handler
    return handler
