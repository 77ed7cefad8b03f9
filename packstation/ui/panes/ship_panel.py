"""The right pane: the ship buttons, the steps and the label preview with its barcode check."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from packstation.ui.messages import Messages
from packstation.ui.state import ShippingState
from packstation.ui.widgets.label_preview import LabelPreview
from packstation.ui.widgets.steps import StepsView


class ShipPanel(QWidget):
    """Render the shipping controller's state: what the button says, whether it acts, each step, the label."""

    def __init__(self, messages: Messages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.messages = messages
        r = QVBoxLayout(self)
        r.setContentsMargins(0, 0, 0, 0)
        self.ship_button = QPushButton()
        self.ship_button.setObjectName("shipButton")
        self.ship_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # F12 ships; focus stays on the scan field
        r.addWidget(self.ship_button)
        # The same shipment with a related return label (Shift+F12), for a parcel whose profile makes none.
        self.return_button = QPushButton()
        self.return_button.setObjectName("shipWithReturnButton")
        self.return_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.return_button.setEnabled(False)
        r.addWidget(self.return_button)
        self.steps = StepsView(messages)
        r.addWidget(self.steps)
        self.preview = LabelPreview(messages)
        r.addWidget(self.preview, 1)
        messages.language_changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self, *_args: object) -> None:
        self.return_button.setText(self.messages.t("action.ship_with_return"))

    def show_state(self, state: ShippingState) -> None:
        button = self.ship_button
        button.setText(state.button_text)
        button.setProperty("retry", state.retry)
        button.style().unpolish(button)
        button.style().polish(button)
        button.setEnabled(state.can_ship)
        self.return_button.setEnabled(state.can_ship_with_return)
