"""The values the shipping controller publishes and the panes render: no widgets, no controllers here."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

# The service's Step values in order (services.shipping.Step), as the packer sees them.
STEPS = ("check", "create", "label", "prepare", "print", "write_back")


class StepState(StrEnum):
    WAITING = "waiting"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    SKIPPED = "skipped"
    QUEUED = "queued"  # the label waits in the print queue until the printer is ready; it prints by itself


class ShippingKind(StrEnum):
    IDLE = "idle"  # nothing open (or the last shipment left the pane)
    OPENED = "opened"  # a picklist is open (F12 ships it when its draft is ready)
    BUSY = "busy"  # opening a picklist or shipping one: F12 waits
    FAILED = "failed"  # a shipment stopped at `step` with `error`: F12 retries from there
    CLAIMED = "claimed"  # another station (`holder`) holds the picklist: take over or leave it
    SHIPPED = "shipped"  # the shipment is done


@dataclass(frozen=True)
class ShippingState:
    """What the ship button says and whether F12 may act now, decided by the controller in one place."""

    kind: ShippingKind = ShippingKind.IDLE
    button_text: str = ""
    can_ship: bool = False  # F12 (and the button) act now
    # Shift+F12 (and its button) ship the open picklist with a related return label now: F12 would book a new
    # shipment, the carrier makes returns and the customer has the e-mail address MyParcel needs for one.
    can_ship_with_return: bool = False
    retry: bool = False  # the button is the retry of a failed step (styled apart)
    step: str = ""  # the failed step (FAILED, CLAIMED)
    error: str = ""  # what went wrong, in the packer's words (FAILED, CLAIMED)
    holder: str = ""  # who holds the picklist (CLAIMED)


@dataclass(frozen=True)
class Refusal:
    """Why a key the packer pressed (F12, Shift+F12, Ctrl+R, Ctrl+Shift+N) does nothing now, in the packer's words."""

    text: str
    choose_profile: bool = False  # no profile chosen: the profile box takes the focus
    invalid: bool = False  # the draft breaks a rule: the status bar says so until it is fixed
