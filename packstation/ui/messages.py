"""Every word the packer reads: typed errors become what happened and what to do next.

The words themselves live in the Qt-free catalogue packstation/i18n (English and Dutch by key, shared with the
CLI and the relay). `Messages` is the Qt adapter on top: other UI modules ask it for text by key, so the language
can be switched while the app runs (`set_language` emits `language_changed`; views re-read text), and it installs
Qt's own translation of its standard buttons (Yes/No/Cancel) for the chosen language.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QObject, QTranslator, Signal

from packstation import i18n
from packstation.domain.errors import (
    AlreadyShipped,
    ApiStatusError,
    BadResponse,
    BarcodeCheckFailed,
    ConnectionFailed,
    InvalidShipment,
    LabelError,
    MissingApiKey,
    NotFound,
    PackingListNotPrinted,
    PaymentRequired,
    PicklistNotFound,
    PicklistNotPackable,
    PrintCancelled,
    PrinterDisconnected,
    PrinterError,
    PrinterNotFound,
    PrinterNotReady,
    QueueProblem,
    RateLimited,
    Rejected,
    RequestTimeout,
    ReturnLabelNotMade,
    SecretsUnavailable,
    ServerError,
    SettingsError,
    SheetLabelUnreadable,
    SheetPositionNeeded,
    ShipmentNotRegistered,
    Unauthorized,
    Violation,
    WaitStopped,
)
from packstation.domain.product_codes import looks_like_product_code
from packstation.domain.profiles import YES, ConfigOption, PossibleValue
from packstation.domain.scans import guess_layout_mistake
from packstation.domain.waits import Wait

Language = i18n.Language
euros = i18n.euros
placeholders = i18n.placeholders
catalogue_problems = i18n.catalogue_problems


class During(StrEnum):
    """What the packer was doing when an error came: it decides what to tell them to do next."""

    OPEN = "open"  # opening a scanned or typed picklist
    SHIP = "ship"  # running a shipment (F12 retries from the failed step)
    LOAD = "load"  # loading the picklist list in the background
    SETTINGS = "settings"


# Every key the catalogue has, English and Dutch alike (packstation/i18n): what Messages can say.
CATALOGUE: Mapping[str, str] = i18n.text_table(i18n.Language.EN)

_STATUS_KEYS = {"new", "paused", "closed", "snoozed", "cancelled", "unknown"}


class Messages(QObject):
    """Text in the current language; `set_language` switches it at runtime."""

    language_changed = Signal(str)

    def __init__(self, language: str = "en", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language = _parse_language(language)
        self._qt_translator: QTranslator | None = None  # Qt's own: qtbase_<lang>.qm (Yes/No/Cancel buttons)
        self._apply_translation()

    @property
    def language(self) -> Language:
        return self._language

    def set_language(self, language: str) -> None:
        """Switch every text to `language` ("en" or "nl")."""
        parsed = _parse_language(language)
        if parsed is not self._language:
            self._language = parsed
            self._apply_translation()
            self.language_changed.emit(parsed.value)

    @property
    def qt_translation_loaded(self) -> bool:
        """True while Qt's own Dutch texts (qtbase_nl.qm: Yes/No/Cancel buttons) of this Messages are installed."""
        return self._qt_translator is not None and self._qt_translator in _APPLICATION_TRANSLATORS

    def _apply_translation(self) -> None:
        app = QCoreApplication.instance()
        # Translators installed on the application are shared by every Messages: the start-up one, the
        # window's, an earlier window's. Each Messages removing only its own left another's Dutch qtbase
        # installed, so after Ctrl+L to English the Save/Cancel buttons stayed "Opslaan/Annuleren". The
        # language chosen last is the application's: every earlier application translator goes.
        _remove_application_translators(app)
        self._qt_translator = None
        if self._language is Language.EN or app is None:
            return  # Qt's buttons are English without a translator
        qt_translator = QTranslator(self)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_translator.load(f"qtbase_{self._language.value}", folder) and app.installTranslator(qt_translator):
            self._qt_translator = qt_translator
            _APPLICATION_TRANSLATORS.append(qt_translator)

    def t(self, key: str, **params: object) -> str:
        """Return the text for `key` in the current language with `params` filled in."""
        # This object's own language, not the application's: a second Messages in another language (an
        # earlier window) must not change this one's words.
        return i18n.text(key, self._language, **params)

    # --- domain values -------------------------------------------------------------------------------

    def picklist_status(self, status: str) -> str:
        """Return a picklist status ("new", "closed"…) in words."""
        value = str(status).lower()
        return self.t(f"status.{value}") if value in _STATUS_KEYS else value

    def step(self, step: str) -> str:
        """Return a ship step ("create", "print"…) in words."""
        return self.t(f"step.{step}")

    def _coded(self, prefix: str, problem: Violation, params: Mapping[str, object] | None = None) -> str:
        """Return a coded problem in words: the catalogue text for `prefix.code`, else its code and values."""
        key = f"{prefix}.{problem.code}"
        if key not in CATALOGUE:
            return str(problem)
        return self.t(key, **(dict(problem.params) if params is None else params))

    def violation(self, violation: Violation) -> str:
        """Return one broken shipment rule in words (its code and values when the code is not known)."""
        params = i18n.rule_params(violation)
        option = i18n.rule_option(violation)
        if f"option.label.{option}" in CATALOGUE:  # as the options form names it
            # A shipped option's violation names it by key only; an admin's own label comes as written.
            params.setdefault("label", self.t(f"option.label.{option}"))
            params["option"] = self.t(f"option.label.{option}").lower()
        return self._coded("violation", violation, params)

    def split_reason(self, reason: Violation | None) -> str:
        """Return why an address line needs the packer (its code and values when the code is not known)."""
        return "" if reason is None else self._coded("split", reason)

    def settings_problem(self, problem: Violation) -> str:
        """Return one problem of the settings file in words (its code and values when the code is not known)."""
        return self._coded("settings_problem", problem)

    def option_label(self, option: ConfigOption) -> str:
        """Return an option's name: translated when it is one packstation ships, else as the admin wrote it."""
        return self.t(f"option.label.{option.key}") if option.shipped_label else option.label

    def option_description(self, option: ConfigOption) -> str:
        """Return an option's explanation (its tooltip), translated when packstation wrote it."""
        key = f"option.description.{option.key}"
        return self.t(key) if option.shipped_description and key in CATALOGUE else option.description

    def option_value(self, option: ConfigOption, possible: PossibleValue) -> str:
        """Return one choice of a list option, translated when packstation wrote it."""
        if not possible.shipped:
            return possible.label
        if option.key == "insurance":
            amount = int(possible.value)
            return self.t("option.insured_up_to", amount=euros(amount)) if amount else self.t("option.not_insured")
        return self.t("option.yes" if possible.value == YES else "option.no")

    def remaining(self, steps: Iterable[str]) -> str:
        """Return what is left of an unfinished shipment (JournalEntry.remaining()) in words."""
        words = []
        for step in steps:
            match step.split()[0:2]:
                case ["book", *_]:
                    words.append(self.t("remaining.book"))
                case ["fetch", *_]:
                    words.append(self.t("remaining.label"))
                case ["reprint", *_] | ["print", *_]:
                    words.append(self.t("remaining.print"))
                case ["finish", *_]:
                    words.append(self.t("remaining.write_back"))
                case _:
                    words.append(step)
        return ", ".join(words)

    def violations(self, violations: Iterable[Violation]) -> str:
        """Return several broken rules as one text: each is a sentence of its own."""
        return " ".join(self.violation(v) for v in violations)

    def printer(self, name: str) -> str:
        """Return a printer's name: the station's two roles in the packer's language, any other as it is."""
        return i18n.printer_name(name, self._language)

    def queue_problem(self, problem: QueueProblem | None) -> str:
        """Return why a print job failed, was cancelled or is tried again ("" when it has no problem)."""
        return i18n.queue_problem_text(problem, self._language)

    def print_waiting(self, printer: str, conditions: Iterable[str]) -> str:
        """Say why a label waits in the print queue and what makes it print (the first condition's remedy)."""
        conditions = tuple(conditions)
        codes = {c.strip().lower().replace(" ", "_").replace("-", "_") for c in conditions}
        # A Zebra out of paper also reports itself paused: the cause comes first, the pause button last.
        for cause in ("paper_out", "head_open", "ribbon_out", "paused"):
            if cause in codes:
                return self.t(f"print_waiting.{cause}", printer=self.printer(printer))
        return self.t(
            "print_waiting.other", printer=self.printer(printer), conditions=self.printer_conditions(conditions)
        )

    def printer_conditions(self, conditions: Iterable[str]) -> str:
        return i18n.printer_conditions(conditions, self._language)

    # --- waits and errors ----------------------------------------------------------------------------

    def wait(self, wait: Wait, seconds: int) -> str:
        """Say what a shipment waits for and for how long (`seconds` left, counted down by the caller)."""
        attempts = wait.attempts if wait.attempts is not None else ""
        return self.t(
            f"wait.{wait.reason.value}", service=wait.service, seconds=seconds, attempt=wait.attempt, attempts=attempts
        )

    def document_problem(self, exc: PackingListNotPrinted | ReturnLabelNotMade) -> str:
        """Say which document beside the label did not come out, and what to do (the parcel itself shipped)."""
        if isinstance(exc, PackingListNotPrinted):
            return self.t("documents.packing_list_failed", number=exc.picklist_number, reason=exc.reason)
        if exc.barcode:
            return self.t(
                "documents.return_not_printed", number=exc.picklist_number, reason=exc.reason, barcode=exc.barcode
            )
        return self.t("documents.return_not_made", number=exc.picklist_number, reason=exc.reason)

    def error(self, exc: BaseException, during: During = During.SHIP) -> str:
        """Say what happened and what to do next; never a traceback."""
        nxt = self.t(f"next.{during.value}")
        # While shipping, a label the printer did not take can go to the other printer from the print queue.
        redirect = " " + self.t("next.redirect") if during is During.SHIP else ""
        context = _ErrorContext(self, nxt, redirect, during)
        # The most specific kind that has words wins; a kind whose words need a value the error lacks (a
        # ConnectionFailed without its address) gives None and leaves it to the kind above it.
        for kind in type(exc).__mro__:
            words = _ERROR_WORDS.get(kind)
            text = words(exc, context) if words is not None else None
            if text is not None:
                return text
        return self.t("error.unexpected", next=nxt)

    # --- scans ---------------------------------------------------------------------------------------

    def garbled_scan(self, received: str) -> str:
        """Say exactly what was received, and which keyboard-layout mix-up it looks like, if any."""
        guess = guess_layout_mistake(received)
        if guess is not None:
            layout, meant = guess
            return self.t("status.scan_layout", received=received, layout=self.t(f"layout.{layout}"), meant=meant)
        return self.t("status.scan_garbled", received=visible(received))


@dataclass(frozen=True)
class _ErrorContext:
    """What the words of an error need besides the error: the text source and what the packer was doing."""

    m: Messages
    nxt: str  # what to do next, for what the packer was doing
    redirect: str  # " send it to the other printer from the print queue", while shipping only
    during: During

    def t(self, key: str, **params: object) -> str:
        return self.m.t(key, **params)


def _invalid(exc: InvalidShipment, c: _ErrorContext) -> str:
    return c.t("error.invalid", violations=c.m.violations(exc.violations))


def _picklist_not_found(exc: PicklistNotFound, c: _ErrorContext) -> str:
    if looks_like_product_code(exc.picklist_number):
        return c.t("error.product_code", code=exc.picklist_number.strip())
    return c.t("error.picklist_not_found", number=exc.picklist_number)


def _not_packable(exc: PicklistNotPackable, c: _ErrorContext) -> str:
    if exc.holder:
        return c.t("error.not_packable_holder", number=exc.picklist_number, holder=exc.holder)
    return c.t("error.not_packable", number=exc.picklist_number, reason=c.m.picklist_status(exc.reason))


def _printer(exc: PrinterError, c: _ErrorContext) -> str:
    """A printer's error as the print queue panel and the command line word it too, then what to do next."""
    return i18n.printer_error_text(exc, c.m.language, next_step=c.nxt)


def _printer_or_other_printer(exc: PrinterError, c: _ErrorContext) -> str:
    """A printer's error, then how to print the label on the other printer instead (while shipping)."""
    return _printer(exc, c) + c.redirect


def _connection(exc: ConnectionFailed, c: _ErrorContext) -> str:
    if exc.url:
        return c.t("error.connection_at", service=exc.service, url=exc.url, next=c.nxt)
    return c.t("error.connection", service=exc.service, next=c.nxt)


def _unauthorized(exc: Unauthorized, c: _ErrorContext) -> str:
    if c.during is not During.SETTINGS:
        return c.t("error.unauthorized", service=exc.service)
    key = f"error.unauthorized_settings.{exc.service.lower()}"
    return c.t(key if key in CATALOGUE else "error.unauthorized_settings", service=exc.service)


def _rate_limited(exc: RateLimited, c: _ErrorContext) -> str:
    if exc.waited >= 60:
        return c.t("error.rate_limited_long", service=exc.service, minutes=round(exc.waited / 60), next=c.nxt)
    seconds = round(exc.retry_after) if exc.retry_after else 60
    return c.t("error.rate_limited", service=exc.service, seconds=seconds, next=c.nxt)


def _not_registered(exc: ShipmentNotRegistered, c: _ErrorContext) -> str:
    # The relay's own words (why it could not hand Picqer the label), else Picqer's message.
    reasons = "; ".join(exc.reasons) or exc.message
    return c.t("error.not_registered", reasons=reasons.rstrip("."))


def _rejected(exc: Rejected, c: _ErrorContext) -> str:
    reasons = "; ".join(f"{m.text} ({m.code})" if m.code is not None else m.text for m in exc.messages)
    return c.t("error.rejected", service=exc.service, reasons=reasons or exc.message, next=c.nxt)


# Each error kind's words; `Messages.error` looks a raised error's kinds up from the most specific.
_ERROR_WORDS: dict[type, Callable[[Any, _ErrorContext], str | None]] = {
    InvalidShipment: _invalid,
    PicklistNotFound: _picklist_not_found,
    PicklistNotPackable: _not_packable,
    AlreadyShipped: lambda exc, c: c.t(
        "error.already_shipped", number=exc.picklist_number, barcodes=", ".join(exc.barcodes)
    ),
    SheetLabelUnreadable: lambda exc, c: c.t(
        "error.sheet_unreadable", codes=", ".join(exc.missing), percent=f"{exc.scale:.0%}"
    ),
    BarcodeCheckFailed: lambda exc, c: c.t("error.barcode_check", codes=", ".join(exc.missing)),
    SheetPositionNeeded: lambda exc, c: c.t("error.sheet_position", positions=", ".join(map(str, exc.positions))),
    LabelError: lambda exc, c: c.t("error.label", detail=str(exc), next=c.nxt),
    PrinterNotReady: _printer,
    PrinterNotFound: _printer_or_other_printer,
    PrinterDisconnected: _printer_or_other_printer,
    PrintCancelled: _printer,
    PrinterError: _printer_or_other_printer,
    SettingsError: lambda exc, c: c.t("error.settings", detail=str(exc)),
    SecretsUnavailable: lambda exc, c: c.t("error.secrets"),
    WaitStopped: lambda exc, c: c.t("error.wait_stopped", service=exc.service),
    ConnectionFailed: _connection,
    MissingApiKey: lambda exc, c: (
        c.t("error.key_missing", service=exc.service, variable=exc.variable) if exc.variable else None
    ),
    RequestTimeout: lambda exc, c: c.t("error.timeout", service=exc.service, next=c.nxt),
    BadResponse: lambda exc, c: c.t("error.bad_response", service=exc.service, next=c.nxt),
    Unauthorized: _unauthorized,
    NotFound: lambda exc, c: c.t("error.not_found", service=exc.service, detail=exc.message, next=c.nxt),
    RateLimited: _rate_limited,
    PaymentRequired: lambda exc, c: c.t("error.payment", url=exc.payment_url or "myparcel.nl", next=c.nxt),
    ShipmentNotRegistered: _not_registered,
    Rejected: _rejected,
    ServerError: lambda exc, c: c.t("error.server", service=exc.service, next=c.nxt),
    ApiStatusError: lambda exc, c: c.t("error.api", service=exc.service, detail=exc.message, next=c.nxt),
}


def _parse_language(language: str) -> Language:
    return i18n.parse_language(language)


def visible(text: str) -> str:
    """Show control characters and spaces that would otherwise be invisible in a message."""
    out = []
    for ch in text:
        if ch in string.printable and ch not in "\t\r\n\x0b\x0c":
            out.append(ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(ch)
    return "".join(out)


# The translators a Messages installed on the application (ours and Qt's own), whichever Messages did it.
_APPLICATION_TRANSLATORS: list[QTranslator] = []


def _remove_application_translators(app: QCoreApplication | None) -> None:
    while _APPLICATION_TRANSLATORS:
        translator = _APPLICATION_TRANSLATORS.pop()
        if app is None:
            continue
        try:
            app.removeTranslator(translator)
        except RuntimeError:  # its Messages is gone, and Qt removed the translator with it
            pass
