"""Push buttons made and wired in one step."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton


def push_button(on_click: Callable[[], object]) -> QPushButton:
    """Return a button that calls `on_click` when pressed; its text comes from the view's retranslate."""
    button = QPushButton()
    button.clicked.connect(on_click)
    return button
