"""Combo and spin boxes that leave the mouse wheel to the scrolling pane unless the packer is in them.

Qt's own boxes change their value under a turning wheel even without focus: scrolling down the detail pane
would silently switch the shipping profile or an insurance choice that happened to pass under the pointer.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QComboBox, QSpinBox, QWidget


class PaneComboBox(QComboBox):
    """A combo box that takes the wheel only while it has focus (clicked or tabbed into)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a wheel turn does not give it focus either
        # Sized for a short choice, not the longest: the pane gives it more room when it has it.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(10)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # passes on to the scroll area


class PaneSpinBox(QSpinBox):
    """A spin box that takes the wheel only while it has focus."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()
