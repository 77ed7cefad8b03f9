"""Typed errors that cross layer boundaries.

They live in the domain so that the UI can turn every one of them into the packer's words
(ui/messages.py) without importing the clients or printers that raise them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class PackstationError(Exception):
    """Base of every error the app expects and explains."""


# --- remote APIs -------------------------------------------------------------------------------


class ApiError(PackstationError):
    """A call to Picqer or MyParcel failed."""

    def __init__(self, service: str, message: str) -> None:
        super().__init__(f"{service}: {message}")
        self.service = service
        self.message = message


class ConnectionFailed(ApiError):
    """The server could not be reached (DNS, refused, reset, TLS); `url` is the address that was tried."""

    def __init__(self, service: str, message: str, url: str = "") -> None:
        super().__init__(service, message)
        self.url = url


class MissingApiKey(ApiError):
    """No API key is set for the service; nothing was sent. `variable` is the environment variable that can
    supply it when there is no keyring (headless stations, CI)."""

    def __init__(self, service: str, variable: str = "") -> None:
        where = f"enter it in the settings or set {variable}" if variable else "enter it in the settings"
        super().__init__(service, f"no API key is set: {where}")
        self.variable = variable


class RequestTimeout(ApiError):
    """The server did not answer in time; the request may or may not have taken effect."""


class BadResponse(ApiError):
    """The server answered something the app cannot read (HTML page, broken JSON, missing fields)."""


@dataclass(frozen=True)
class ApiMessage:
    """One error message from an API, with its code where the API gives one."""

    text: str
    code: int | None = None
    field: str = ""


class ApiStatusError(ApiError):
    """The server answered with an error status."""

    def __init__(self, service: str, status: int, messages: tuple[ApiMessage, ...] = ()) -> None:
        text = "; ".join(m.text for m in messages) or f"HTTP {status}"
        super().__init__(service, text)
        self.status = status
        self.messages = messages

    @property
    def codes(self) -> tuple[int, ...]:
        return tuple(m.code for m in self.messages if m.code is not None)


class Unauthorized(ApiStatusError):
    """401/403: the API key is wrong, revoked or lacks rights."""


class NotFound(ApiStatusError):
    """404: the thing asked for does not exist."""


class RateLimited(ApiStatusError):
    """429 after the retries ran out; `waited` is how long this request already waited for the limit (seconds)."""

    def __init__(
        self,
        service: str,
        status: int,
        messages: tuple[ApiMessage, ...] = (),
        retry_after: float | None = None,
        waited: float = 0.0,
    ) -> None:
        super().__init__(service, status, messages)
        self.retry_after = retry_after
        self.waited = waited


class WaitStopped(ApiError):
    """The packer stopped a retry wait: the job stopped at its step; what was done is kept and F12 goes on.

    Raised only while the request waits, never while one is on its way, so nothing is left half-sent.
    """

    def __init__(self, service: str) -> None:
        super().__init__(service, "the packer stopped waiting")


class PaymentRequired(ApiStatusError):
    """402: MyParcel prepayment account; the label must be paid first."""

    def __init__(self, service: str, status: int, messages: tuple[ApiMessage, ...] = (), payment_url: str = "") -> None:
        super().__init__(service, status, messages)
        self.payment_url = payment_url


class Rejected(ApiStatusError):
    """400/422 and other 4xx: the API refused the request and said why."""


class ServerError(ApiStatusError):
    """5xx after the retries ran out."""


class ShipmentNotRegistered(Rejected):
    """Picqer refused to create its shipment (error 26): the shipping provider behind the profile said no.

    `reasons` are the provider's own messages (for the packstation relay: why MyParcel's label cannot be
    handed over), without Picqer's "Cannot create shipment:" in front, so the packer reads them as they are.
    """

    def __init__(
        self, service: str, status: int, messages: tuple[ApiMessage, ...] = (), reasons: tuple[str, ...] = ()
    ) -> None:
        super().__init__(service, status, messages)
        self.reasons = reasons


# --- shipment rules ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Violation:
    """One problem told by a stable code and its values; packstation.i18n turns it into English or Dutch.

    A broken shipment rule, the reason an address split needs the packer, a problem of the settings file.
    The words live only in the catalogue, so the GUI, the CLI and the relay say the same thing.
    """

    code: str
    params: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        """The code and its values, for logs and tracebacks (not for people: ask packstation.i18n)."""
        values = ", ".join(f"{name}={value}" for name, value in self.params)
        return f"{self.code} ({values})" if values else self.code


class InvalidShipment(PackstationError):
    """The shipment breaks a carrier rule; nothing was sent."""

    def __init__(self, violations: tuple[Violation, ...]) -> None:
        super().__init__("; ".join(map(str, violations)))
        self.violations = violations


class PicklistNotPackable(PackstationError):
    """The picklist cannot be shipped now (closed, cancelled, paused, held by another station)."""

    def __init__(self, picklist_number: str, reason: str, holder: str = "") -> None:
        super().__init__(f"{picklist_number}: {reason}")
        self.picklist_number = picklist_number
        self.reason = reason
        self.holder = holder


class PicklistNotFound(PackstationError):
    """No picklist with the scanned or typed number."""

    def __init__(self, picklist_number: str) -> None:
        super().__init__(picklist_number)
        self.picklist_number = picklist_number


class AlreadyShipped(PackstationError):
    """The picklist already has a shipment; making another needs an explicit confirmation."""

    def __init__(self, picklist_number: str, barcodes: tuple[str, ...]) -> None:
        super().__init__(f"{picklist_number}: {', '.join(barcodes)}")
        self.picklist_number = picklist_number
        self.barcodes = barcodes


# --- labels and printers -----------------------------------------------------------------------


class LabelError(PackstationError):
    """A label PDF cannot be used (not a PDF, corrupt, empty, too large)."""


class BarcodeCheckFailed(PackstationError):
    """A barcode of the label did not survive conversion for the label printer."""

    def __init__(self, missing: tuple[str, ...]) -> None:
        super().__init__(", ".join(missing))
        self.missing = missing


class SheetPositionNeeded(LabelError):
    """A label sheet (A4) holds more than one label: which to print is the admin's choice, never a guess."""

    def __init__(self, page: int, positions: tuple[int, ...]) -> None:
        listed = ", ".join(map(str, positions))
        super().__init__(
            f"Page {page} is a sheet with more than one label or form on it (positions {listed}): choose the "
            "position of the label to print (1 top-left, 2 top-right, 3 bottom-left, 4 bottom-right)."
        )
        self.page = page
        self.positions = positions


class SheetLabelUnreadable(BarcodeCheckFailed):
    """A label taken from part of a sheet was shrunk to fit the label printer and a barcode no longer reads."""

    def __init__(self, missing: tuple[str, ...], page: int, scale: float) -> None:
        super().__init__(missing)
        self.args = (
            f"barcode {', '.join(missing)} does not read once the label on page {page} of the sheet is printed at "
            f"{scale:.0%} of its size: print it on the document printer (A4) or ask the carrier for A6 labels",
        )
        self.page = page
        self.scale = scale


class PackingListNotPrinted(PackstationError):
    """Picqer's packing list of a shipped picklist did not print; the label did, and the shipment goes on."""

    def __init__(self, picklist_number: str, reason: str) -> None:
        super().__init__(
            f"The packing list of {picklist_number} did not print ({reason}). The label is fine: print the "
            "packing list from Picqer (picklist, Print packing list), or check the document printer in Settings."
        )
        self.picklist_number = picklist_number
        self.reason = reason


class ReturnLabelNotMade(PackstationError):
    """The related return of a shipped parcel was not booked, or its label did not print; the parcel's own label
    did, and the shipment goes on. `barcode` is set when the return was booked (only its printing failed)."""

    def __init__(self, picklist_number: str, reason: str, barcode: str = "") -> None:
        if barcode:
            what = (
                f"The return label of {picklist_number} (return barcode {barcode}) did not print ({reason}). The "
                "parcel's own label is fine: print the return label from the journal (Labels folder)."
            )
        else:
            what = (
                f"No return label was made for {picklist_number} ({reason}). The parcel's own label is fine: make "
                "the return in MyParcel's back office if the customer needs one."
            )
        super().__init__(what)
        self.picklist_number = picklist_number
        self.reason = reason
        self.barcode = barcode


class PrinterError(PackstationError):
    """The printer could not take the job."""

    def __init__(self, printer: str, message: str) -> None:
        super().__init__(f"{printer}: {message}")
        self.printer = printer
        self.message = message


class PrinterNotFound(PrinterError):
    """The printer is not connected, not switched on or not configured."""


class PrinterNotReady(PrinterError):
    """The printer is there but cannot print: paper out, head open, ribbon out, paused."""

    def __init__(self, printer: str, message: str, conditions: tuple[str, ...] = ()) -> None:
        super().__init__(printer, message)
        self.conditions = conditions


class PrinterDisconnected(PrinterError):
    """The printer went away during the job (unplugged, network lost)."""


class PrintCancelled(PrinterError):
    """The print job was cancelled in the print queue (by the packer, or the app closing) before it printed."""


class QueueProblemCode(StrEnum):
    """Why a print job failed, waits to be tried again or was cancelled (words: packstation.i18n, "queue.problem.*")."""

    CANCELLED = "cancelled"  # the packer cancelled it
    MOVED = "moved"  # sent to another printer (params: printer)
    MOVING = "moving"  # being prepared for another printer (params: printer)
    CLOSED = "closed"  # the app closed before it printed
    RETRYING = "retrying"  # the printer failed; tried again soon (params: delay; error)
    GAVE_UP = "gave_up"  # the printer failed every attempt (params: attempts; error)
    NOT_PREPARED = "not_prepared"  # the label could not be prepared for another printer (params: printer; error)
    UNEXPECTED = "unexpected"  # a bug, not the printer (error)


@dataclass(frozen=True)
class QueueProblem:
    """What a print job's problem is, by code and values, and the printer's own error when there was one.

    The print queue sets it; the print queue panel and the command line word it in the packer's language
    (packstation.i18n.queue_problem_text), the printer's error as every other printer error is worded.
    """

    code: QueueProblemCode
    params: tuple[tuple[str, str], ...] = ()
    error: BaseException | None = None

    def __str__(self) -> str:
        """The code, its values and the error, for logs (not for people: ask packstation.i18n)."""
        values = ", ".join(f"{name}={value}" for name, value in self.params)
        if self.error is not None:
            values = ", ".join(filter(None, (values, f"error={self.error}")))
        return f"{self.code.value} ({values})" if values else self.code.value


class ScaleError(PackstationError):
    """The scale cannot be read or zeroed."""

    def __init__(self, scale: str, message: str) -> None:
        super().__init__(f"{scale}: {message}")
        self.scale = scale
        self.message = message


class ScaleNotFound(ScaleError):
    """No scale is connected (or it cannot be opened: no permission, in use by another program)."""


class ScaleDisconnected(ScaleError):
    """The scale went away while it was being read (unplugged, switched off, cable pulled)."""


class SettingsError(PackstationError):
    """The settings file cannot be used as it is."""


class SecretsUnavailable(PackstationError):
    """No OS keyring is available to store API keys."""
