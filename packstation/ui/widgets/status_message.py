"""The status bar's message: always two lines high, a longer message shortened with its whole text in a tooltip.

A word-wrapping QLabel asked the status bar for as many lines as the message needed at the label's narrowest
width: the bar grew from one line to three (or more) and the whole window's content jumped up and down.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

LINES = 2  # the room the status bar keeps for a message, whatever its length
# The least width the message asks for: the printer states and the print folder share the bar with it, and a
# long message must never widen the window past a small bench screen.
MINIMUM_WIDTH = 120


class StatusMessage(QLabel):
    """A plain-text label of exactly two lines; `full_text` is the message, `text()` what fits on screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)  # a scanned "<…" is shown as received, never as markup
        self.setWordWrap(False)  # the lines are broken here, to the width there is
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    @property
    def full_text(self) -> str:
        return self._full

    def set_message(self, text: str) -> None:
        """Show `text` in at most two lines; what does not fit ends in "…" and the tooltip has all of it."""
        self._full = text
        self._fit()

    def _height(self) -> int:
        margins = self.contentsMargins()
        return LINES * self.fontMetrics().lineSpacing() + margins.top() + margins.bottom() + 4

    def sizeHint(self) -> QSize:
        return QSize(MINIMUM_WIDTH, self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(MINIMUM_WIDTH, self._height())

    def hasHeightForWidth(self) -> bool:
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.setFixedHeight(self._height())  # the style sheet's font (13pt) arrives with polishing
            self._fit()

    def _fit(self) -> None:
        lines = self._lines(self.contentsRect().width())
        shortened = len(lines) > LINES
        if shortened:
            rest = " ".join(line.strip() for line in lines[LINES - 1 :])
            lines = [
                *lines[: LINES - 1],
                self.fontMetrics().elidedText(rest, Qt.TextElideMode.ElideRight, self._width()),
            ]
        super().setText("\n".join(line.rstrip() for line in lines))
        self.setToolTip(self._full if shortened else "")

    def _width(self) -> int:
        return max(self.contentsRect().width(), 1)

    def _lines(self, width: int) -> list[str]:
        """Break the message into the lines it takes at `width` (at spaces, else anywhere in a long word)."""
        width = max(width, 1)
        lines: list[str] = []
        for paragraph in self._full.split("\n"):
            layout = QTextLayout(paragraph, self.font())
            option = QTextOption()
            option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            layout.setTextOption(option)
            layout.beginLayout()
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(width)
                lines.append(paragraph[line.textStart() : line.textStart() + line.textLength()])
            layout.endLayout()
        return lines
