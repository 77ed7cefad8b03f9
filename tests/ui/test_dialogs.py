"""Crash dialog and handler, and the first-run choice."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from packstation.ui.messages import Messages
from packstation.ui.views.crash_dialog import CrashDialog, install_crash_handler
from packstation.ui.views.first_run_dialog import FirstRunChoice, FirstRunDialog


def redact(text: str) -> str:
    return text.replace("sk-SECRET-123", "***")


@pytest.fixture
def window_messages() -> Messages:
    """The words of the window that is open: a packer's Ctrl+L changes their language."""
    return Messages("nl")


@pytest.fixture
def handler(tmp_path, window_messages):
    previous = sys.excepthook
    handler = install_crash_handler(QApplication.instance(), redact, tmp_path / "crash.log", lambda: window_messages)
    yield handler
    if handler.dialog is not None:
        handler.dialog.close()
    sys.excepthook = previous


def raise_and_hook(message: str) -> None:
    try:
        raise RuntimeError(message)
    except RuntimeError:
        sys.excepthook(*sys.exc_info())


async def test_crash_shows_redacted_details_and_logs_them(handler, tmp_path):
    raise_and_hook("Picqer said no to key sk-SECRET-123")
    dialog = handler.dialog
    assert isinstance(dialog, CrashDialog) and dialog.isVisible()
    details = dialog.details.toPlainText()
    assert "RuntimeError: Picqer said no to key ***" in details and "sk-SECRET" not in details
    assert "Traceback" in details
    assert dialog.windowTitle() == "Er ging iets mis"
    log = (tmp_path / "crash.log").read_text()
    assert "key ***" in log and "sk-SECRET" not in log
    dialog.copy()
    assert QGuiApplication.clipboard().text() == details


async def test_the_crash_dialog_speaks_the_language_the_window_speaks_now(handler, window_messages):
    window_messages.set_language("en")  # the packer switched with Ctrl+L after start
    raise_and_hook("boom")
    assert handler.dialog is not None and handler.dialog.windowTitle() == "Something went wrong"


async def test_one_dialog_at_a_time_and_the_app_keeps_running(handler, tmp_path):
    raise_and_hook("first")
    first = handler.dialog
    raise_and_hook("second")
    assert handler.dialog is first and "first" in first.details.toPlainText()
    assert handler.count == 2
    assert "second" in (tmp_path / "crash.log").read_text()  # nothing is lost: it is in the log
    first.close_button.click()
    assert handler.dialog is None
    raise_and_hook("third")
    assert handler.dialog is not None and "third" in handler.dialog.details.toPlainText()


async def test_first_run_choices(qtbot):
    dialog = FirstRunDialog(Messages("en"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.demo_button.click()
    assert dialog.choice is FirstRunChoice.DEMO
    dialog = FirstRunDialog(Messages("nl"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.settings_button.isDefault()
    assert "Demomodus" in dialog.demo_button.text()
    dialog.settings_button.click()
    assert dialog.choice is FirstRunChoice.SETTINGS
    dialog = FirstRunDialog(Messages("en"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reject()  # Esc
    assert dialog.choice is FirstRunChoice.QUIT


async def test_the_first_screen_switches_to_dutch_with_ctrl_l(qtbot, wait_for):
    messages = Messages("en")
    dialog = FirstRunDialog(messages)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    await wait_for(dialog.isActiveWindow)  # a window shortcut needs its window active
    assert dialog.language_button.text() == "Nederlands  (Ctrl+L)"
    QTest.keyClick(dialog, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert messages.language.value == "nl"
    assert "Demomodus" in dialog.demo_button.text() and dialog.language_button.text() == "English  (Ctrl+L)"
    dialog.language_button.click()
    assert messages.language.value == "en" and "Demo" in dialog.demo_button.text()


def test_ask_first_run_returns_the_choice() -> None:
    # ask_first_run runs its own modal loop before the app's qasync loop exists; run it the same way, in a
    # fresh process, because a nested exec() after the qasync tests' loops corrupts Qt's state at exit.
    script = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from packstation.ui.messages import Messages
from packstation.ui.views.first_run_dialog import ask_first_run

app = QApplication([])

def press_settings():
    # activeModalWidget, not topLevelWidgets(): wrapping every top-level widget makes Python co-own Qt's
    # internal ones, which crashes the interpreter at exit.
    QApplication.activeModalWidget().settings_button.click()

QTimer.singleShot(50, press_settings)
print(ask_first_run(Messages("en")).name)
# As the app ends (cli.main): PySide6 6.12 can crash in the interpreter's teardown of Qt objects.
from packstation.app import leave_without_finalizing
leave_without_finalizing(0)
"""
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == FirstRunChoice.SETTINGS.name
