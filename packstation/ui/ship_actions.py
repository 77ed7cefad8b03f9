"""What the packer's ship keys do (F12, Shift+F12, Ctrl+R, Ctrl+Shift+N, Ctrl+Shift+T): the shipping controller
decides, these say its refusals and ask the confirmations. The window binds its keys to them; the ship panel's
buttons are bound here."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from packstation.domain.mapping import Draft
from packstation.services.shipping import OpenedPicklist
from packstation.ui.controllers.packing_controller import PackingController
from packstation.ui.controllers.shipping_controller import ShippingController
from packstation.ui.panes.queue_pane import QueuePane
from packstation.ui.panes.ship_panel import ShipPanel
from packstation.ui.panes.shipment_form import ShipmentForm
from packstation.ui.state import Refusal


class Say(Protocol):
    """The status line's say: a text and, optionally, its tone ("error", "ok", ...)."""

    def __call__(self, text: str, tone: str = "", /) -> None: ...


class ShipActions:
    """The packer's ship commands, on the panes the window composed."""

    def __init__(
        self,
        shipping: ShippingController,
        form: ShipmentForm,
        queue: QueuePane,
        panel: ShipPanel,
        say: Say,
        confirm: Callable[[str, str], bool],
        focus_scan_field: Callable[[], None],
    ) -> None:
        self.shipping, self.form, self.queue = shipping, form, queue
        self.messages = shipping.messages
        self.say, self.focus_scan_field = say, focus_scan_field
        self._confirm = confirm
        self.packing: PackingController | None = None  # verified packing: checks F12 and adds the boxes
        panel.ship_button.clicked.connect(self.ship)
        panel.return_button.clicked.connect(self.ship_with_return)

    def confirm(self, title: str, text: str) -> bool:
        return self._confirm(title, text)

    def _refused(self, refusal: Refusal | None) -> None:
        if refusal is None:
            return
        self.say(refusal.text, "error")
        if refusal.choose_profile:
            self.form.focus_profile()  # as Alt+P: scrolled into view (below the fold at 1280x720), not only focused
        if refusal.invalid or refusal.choose_profile:
            self.form.told_invalid = True  # "ready now" replaces the red words once the packer corrects it

    def ship(self) -> None:
        """Ship and print the open picklist (F12, Ctrl+Enter); after a failure, retry from the failed step."""
        if self.shipping.busy or self._highlight_differs():
            return
        draft, packing = self.form.current_draft(), self._packing_check()
        if packing is not None:
            if not packing.may_ship(self.confirm, self.say):
                return
            draft = packing.apply_to(draft)
        self._refused(self.shipping.ship_pressed(self.form.opened, draft))

    def ship_with_return(self) -> None:
        """Ship and print the open picklist with a related return label (Shift+F12), even when its profile makes
        none: MyParcel books the return (`parent`: this parcel; the customer as sender) and its label prints next."""
        shipping, opened = self.shipping, self.form.opened
        if shipping.busy or self._highlight_differs():
            return
        draft = self.form.current_draft()
        # Said before the packing check asks anything: a return that cannot be made is no reason to confirm.
        refusal = shipping.return_refusal(opened, draft) if not shipping.can_retry else None
        if refusal is not None:
            self._refused(refusal)
            return
        packing = self._packing_check()
        if packing is not None:
            if not packing.may_ship(self.confirm, self.say):
                return
            draft = packing.apply_to(draft)
        self._refused(shipping.ship_with_return_pressed(opened, draft))

    def _packing_check(self) -> PackingController | None:
        """Verified packing, when the key books a new shipment (a retry or a finish books nothing new)."""
        if self.shipping.can_retry or self.shipping.unfinished is not None:
            return None
        return self.packing

    def reprint(self) -> None:
        """Print the label of an already shipped picklist again (Ctrl+R), or of the shipment just done."""
        if not self.shipping.busy and not self._highlight_differs():
            words = self.shipping.reprint_pressed(self.form.opened, self.form.current_draft())
            if words is not None:
                self.say(*words)

    def take_over(self) -> None:
        """Take over a picklist another station claimed, after the admin confirms (Ctrl+Shift+T)."""
        holder, job = self.shipping.claimed_by, self.shipping.job
        if not holder or job is None or self.shipping.busy:
            return
        m = self.messages
        if self.confirm(m.t("take_over.title"), m.t("take_over.text", number=job.picklist.number, holder=holder)):
            self.form.take_over_button.hide()
            self.shipping.take_over()
        self.focus_scan_field()

    def new_shipment(self) -> None:
        """Book a second shipment for an already shipped picklist, after confirming (Ctrl+Shift+N)."""
        opened = self.form.opened
        if opened is None or not opened.existing or self.shipping.busy or self._highlight_differs():
            return
        draft = self.form.current_draft()
        refusal = self.shipping.new_shipment_refusal(draft)
        if refusal is not None or draft is None:
            self._refused(refusal)
            return
        self._confirm_new_shipment(opened, draft)
        self.focus_scan_field()

    def _confirm_new_shipment(self, opened: OpenedPicklist, draft: Draft) -> None:
        m, number = self.messages, opened.picklist.number
        barcodes = ", ".join(s.barcode for s in opened.existing if s.barcode) or "–"
        if self.confirm(m.t("new_shipment.title"), m.t("new_shipment.text", number=number, barcodes=barcodes)):
            self.say(m.t("status.new_shipment", number=number))
            self.shipping.ship_new(draft)

    def _highlight_differs(self) -> bool:
        """Say so and return True when F12 would ship another picklist than the list highlights."""
        highlighted = self.queue.table.selected_picklist()
        number = highlighted.number if highlighted is not None else None
        conflict = self.shipping.highlight_conflict(self.form.opened, number)
        if conflict is not None:
            self.say(conflict, "error")
        return conflict is not None
