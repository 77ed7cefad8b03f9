"""Every word the packer reads, in English and Dutch: typed errors become what happened and what to do next.

This is the one place wording lives. Other UI modules ask a `Messages` object for text by key, so the
language can be switched while the app runs (`set_language` emits `language_changed`; views re-read text).
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping
from enum import StrEnum

from PySide6.QtCore import QObject, Signal

from packstation.domain.errors import (
    AlreadyShipped,
    ApiStatusError,
    BadResponse,
    BarcodeCheckFailed,
    ConnectionFailed,
    InvalidShipment,
    LabelError,
    NotFound,
    PaymentRequired,
    PicklistNotFound,
    PicklistNotPackable,
    PrinterDisconnected,
    PrinterNotFound,
    PrinterNotReady,
    RateLimited,
    Rejected,
    RequestTimeout,
    SecretsUnavailable,
    ServerError,
    SettingsError,
    Unauthorized,
    Violation,
)


class Language(StrEnum):
    EN = "en"
    NL = "nl"


class During(StrEnum):
    """What the packer was doing when an error came: it decides what to tell them to do next."""

    OPEN = "open"  # opening a scanned or typed picklist
    SHIP = "ship"  # running a shipment (F12 retries from the failed step)
    LOAD = "load"  # loading the picklist list in the background
    SETTINGS = "settings"


# key: (English, Dutch). Placeholders use str.format names; both languages must use the same names.
CATALOGUE: dict[str, tuple[str, str]] = {
    # --- window, actions ---------------------------------------------------------------------------
    "app.title": ("Packstation", "Packstation"),
    "action.ship": ("Ship and print  (F12)", "Verzend en print  (F12)"),
    "action.retry": ("Try again from: {step}  (F12)", "Opnieuw vanaf: {step}  (F12)"),
    "action.reprint": ("Print label again  (Ctrl+R)", "Label opnieuw printen  (Ctrl+R)"),
    "action.refresh": ("Refresh list  (F5)", "Lijst vernieuwen  (F5)"),
    "action.settings": ("Settings…", "Instellingen…"),
    "action.language": ("Nederlands", "English"),
    "action.quit": ("Quit", "Afsluiten"),
    "scan.placeholder": (
        "Scan a picklist or type its number and press Enter",
        "Scan een picklijst of typ het nummer en druk op Enter",
    ),
    "search.placeholder": ("Search customer, number, country…", "Zoek klant, nummer, land…"),
    "filter.status": ("Status", "Status"),
    "filter.warehouse": ("Warehouse", "Magazijn"),
    "filter.all_statuses": ("All statuses", "Alle statussen"),
    "filter.all_warehouses": ("All warehouses", "Alle magazijnen"),
    "filter.warehouse_n": ("Warehouse {id}", "Magazijn {id}"),
    "list.count": ("{shown} of {total} picklists", "{shown} van {total} picklijsten"),
    "list.loading": ("Loading picklists… {count}", "Picklijsten laden… {count}"),
    # --- table columns -----------------------------------------------------------------------------
    "col.number": ("Picklist", "Picklijst"),
    "col.customer": ("Customer", "Klant"),
    "col.country": ("Country", "Land"),
    "col.products": ("Products", "Producten"),
    "col.weight": ("Weight", "Gewicht"),
    "col.profile": ("Preferred profile", "Voorkeursprofiel"),
    "col.status": ("Status", "Status"),
    "col.urgent": ("Urgent", "Spoed"),
    "urgent.yes": ("URGENT", "SPOED"),
    "weight.grams": ("{grams} g", "{grams} g"),
    "weight.unknown": ("–", "–"),
    # --- picklist statuses -------------------------------------------------------------------------
    "status.new": ("new", "nieuw"),
    "status.paused": ("paused", "gepauzeerd"),
    "status.closed": ("closed", "gesloten"),
    "status.snoozed": ("snoozed", "gesnoozed"),
    "status.cancelled": ("cancelled", "geannuleerd"),
    "status.unknown": ("unknown", "onbekend"),
    # --- detail panel ------------------------------------------------------------------------------
    "detail.empty": ("Scan a picklist to start packing.", "Scan een picklijst om te beginnen met inpakken."),
    "detail.recipient": ("Recipient", "Ontvanger"),
    "detail.name": ("Name", "Naam"),
    "detail.company": ("Company", "Bedrijf"),
    "detail.street": ("Street", "Straat"),
    "detail.number": ("Number", "Huisnummer"),
    "detail.suffix": ("Suffix", "Toevoeging"),
    "detail.box": ("Box", "Bus"),
    "detail.postal_city": ("Postal code, city", "Postcode, plaats"),
    "detail.country": ("Country", "Land"),
    "detail.original_address": ("As entered: {line}", "Zoals ingevoerd: {line}"),
    "detail.split_ambiguous": (
        "Check the house number: the address could be read in more than one way. {reason}",
        "Controleer het huisnummer: het adres kan op meer manieren gelezen worden. {reason}",
    ),
    "detail.products": ("Products", "Producten"),
    "detail.address_confirmed": ("The address is correct  (checked)", "Het adres klopt  (gecontroleerd)"),
    "detail.remarks": ("Customer remarks", "Opmerkingen klant"),
    "detail.no_remarks": ("None", "Geen"),
    "detail.delivery_date": ("Preferred delivery date", "Gewenste bezorgdatum"),
    "detail.pickup_point": ("Pickup point", "Afhaalpunt"),
    "detail.none": ("–", "–"),
    "detail.weight": ("Weight (grams)", "Gewicht (gram)"),
    "detail.parcels": ("Parcels", "Pakketten"),
    "detail.profile": ("Shipping profile", "Verzendprofiel"),
    "detail.choose_profile": ("Choose a profile…", "Kies een profiel…"),
    "detail.options": ("Options", "Opties"),
    "detail.existing": (
        "Already shipped: {barcodes}. Press Ctrl+R to print the label again.",
        "Al verzonden: {barcodes}. Druk op Ctrl+R om het label opnieuw te printen.",
    ),
    "detail.line": ("{amount} × {name}  ({code})", "{amount} × {name}  ({code})"),
    "detail.urgent": ("URGENT", "SPOED"),
    "option.yes": ("Yes", "Ja"),
    "option.no": ("No", "Nee"),
    # --- ship steps --------------------------------------------------------------------------------
    "step.check": ("Checking picklist", "Picklijst controleren"),
    "step.create": ("Creating shipment", "Zending aanmaken"),
    "step.label": ("Fetching label", "Label ophalen"),
    "step.prepare": ("Checking barcode", "Barcode controleren"),
    "step.print": ("Printing", "Printen"),
    "step.write_back": ("Updating Picqer", "Picqer bijwerken"),
    "step.done": ("Done", "Klaar"),
    "state.waiting": ("waiting", "wacht"),
    "state.running": ("busy…", "bezig…"),
    "state.done": ("done", "klaar"),
    "state.failed": ("failed", "mislukt"),
    "state.skipped": ("skipped", "overgeslagen"),
    # --- preview -----------------------------------------------------------------------------------
    "preview.pdf": ("Label from MyParcel", "Label van MyParcel"),
    "preview.printed": ("What the printer gets", "Wat de printer krijgt"),
    "preview.none": ("No label yet", "Nog geen label"),
    "preview.barcodes_ok": ("Barcode check passed: {codes}", "Barcodecontrole goed: {codes}"),
    "preview.barcodes_missing": (
        "Barcode check FAILED: {codes} would not scan",
        "Barcodecontrole MISLUKT: {codes} is niet scanbaar",
    ),
    "preview.no_barcodes": ("No barcode found to check", "Geen barcode gevonden om te controleren"),
    "preview.pdf_unreadable": ("The label PDF cannot be shown", "Het label-PDF kan niet getoond worden"),
    # --- status bar: what happened, what next ------------------------------------------------------
    "status.ready": ("Ready. Scan a picklist.", "Klaar. Scan een picklijst."),
    "status.opening": ("Opening {number}…", "{number} openen…"),
    "status.opened": (
        "{number} opened. Check the profile and press F12 to ship.",
        "{number} geopend. Controleer het profiel en druk op F12 om te verzenden.",
    ),
    "status.opened_choose": (
        "{number} opened. Choose a shipping profile, then press F12.",
        "{number} geopend. Kies een verzendprofiel en druk dan op F12.",
    ),
    "status.shipping": ("Shipping {number}: {step}…", "{number} verzenden: {step}…"),
    "status.shipped": (
        "{number} shipped ({barcodes}). Label printed. Scan the next picklist.",
        "{number} verzonden ({barcodes}). Label geprint. Scan de volgende picklijst.",
    ),
    "status.shipped_not_printed": (
        "{number} shipped ({barcodes}). The label is stored, not printed.",
        "{number} verzonden ({barcodes}). Het label is bewaard, niet geprint.",
    ),
    "status.busy_refused": (
        "Still shipping {number}. Wait until it is done, then scan {scanned} again.",
        "Nog bezig met {number}. Wacht tot het klaar is en scan {scanned} daarna opnieuw.",
    ),
    "status.nothing_open": ("Scan a picklist first.", "Scan eerst een picklijst."),
    "status.no_profile": ("Choose a shipping profile first.", "Kies eerst een verzendprofiel."),
    "status.scan_garbled": (
        "Scanned “{received}”: that is not a picklist number. Scan the picklist barcode again.",
        "Gescand: “{received}”: dat is geen picklijstnummer. Scan de barcode van de picklijst opnieuw.",
    ),
    "status.scan_layout": (
        "Scanned “{received}”: the scanner seems set to a {layout} keyboard (meant “{meant}”?). "
        "Set the scanner to the keyboard layout of this computer.",
        "Gescand: “{received}”: de scanner lijkt op een {layout}-toetsenbord te staan (bedoeld “{meant}”?). "
        "Zet de scanner op de toetsenbordindeling van deze computer.",
    ),
    "status.scan_cut": (
        "The scan was {length} characters long and was cut. Scan the picklist barcode, not another code.",
        "De scan was {length} tekens lang en is afgekapt. Scan de barcode van de picklijst, geen andere code.",
    ),
    "status.scan_control": (
        "Removed invisible characters from the scan ({chars}).",
        "Onzichtbare tekens uit de scan verwijderd ({chars}).",
    ),
    "status.language": ("Language: English", "Taal: Nederlands"),
    "status.refreshed": ("List updated: {count} picklists.", "Lijst bijgewerkt: {count} picklijsten."),
    # --- errors: what happened + what to do next ---------------------------------------------------
    "next.open": ("Scan the picklist again.", "Scan de picklijst opnieuw."),
    "next.ship": ("Then press F12 to try again.", "Druk daarna op F12 om het opnieuw te proberen."),
    "next.load": ("The list tries again by itself.", "De lijst probeert het vanzelf opnieuw."),
    "next.settings": ("Then test the connection again.", "Test daarna de verbinding opnieuw."),
    "error.connection": (
        "{service} cannot be reached. Check the network cable or Wi-Fi. {next}",
        "{service} is niet bereikbaar. Controleer de netwerkkabel of wifi. {next}",
    ),
    "error.timeout": (
        "{service} did not answer in time. Nothing is lost and no second label will be made. {next}",
        "{service} antwoordde niet op tijd. Er gaat niets verloren en er komt geen tweede label. {next}",
    ),
    "error.bad_response": (
        "{service} sent an answer the app cannot read. {next} If it keeps happening, call the office.",
        "{service} stuurde een antwoord dat de app niet kan lezen. {next} Blijft het gebeuren, bel dan kantoor.",
    ),
    "error.unauthorized": (
        "{service} refused the API key. Ask the admin to check the key in Settings.",
        "{service} weigert de API-sleutel. Vraag de beheerder de sleutel te controleren in Instellingen.",
    ),
    "error.not_found": (
        "{service} does not know this ({detail}). Check the number. {next}",
        "{service} kent dit niet ({detail}). Controleer het nummer. {next}",
    ),
    "error.rate_limited": (
        "{service} is busy. Wait {seconds} seconds. {next}",
        "{service} heeft het druk. Wacht {seconds} seconden. {next}",
    ),
    "error.payment": (
        "MyParcel wants this label paid first. Ask the office to pay it ({url}). {next}",
        "MyParcel wil dat dit label eerst betaald wordt. Vraag kantoor het te betalen ({url}). {next}",
    ),
    "error.rejected": (
        "{service} refused the shipment: {reasons}. Change the options. {next}",
        "{service} weigert de zending: {reasons}. Pas de opties aan. {next}",
    ),
    "error.server": (
        "{service} has a problem on its side. Wait a minute. {next}",
        "{service} heeft een storing. Wacht een minuut. {next}",
    ),
    "error.api": ("{service} answered with an error: {detail}. {next}", "{service} gaf een fout: {detail}. {next}"),
    "error.invalid": (
        "Not sent, fix this first: {violations}",
        "Niet verstuurd, los dit eerst op: {violations}",
    ),
    "error.picklist_not_found": (
        "There is no picklist “{number}”. Check the number and scan again.",
        "Er is geen picklijst “{number}”. Controleer het nummer en scan opnieuw.",
    ),
    "error.not_packable": (
        "Picklist {number} cannot be packed now: it is {reason}. Put it aside and tell the office.",
        "Picklijst {number} kan nu niet ingepakt worden: hij is {reason}. Leg hem apart en meld het aan kantoor.",
    ),
    "error.not_packable_holder": (
        "Picklist {number} is being packed by {holder}. Put it aside.",
        "Picklijst {number} wordt ingepakt door {holder}. Leg hem apart.",
    ),
    "error.already_shipped": (
        "Picklist {number} already has a label ({barcodes}). Press Ctrl+R to print it again.",
        "Picklijst {number} heeft al een label ({barcodes}). Druk op Ctrl+R om het opnieuw te printen.",
    ),
    "error.label": (
        "The label from MyParcel cannot be used ({detail}). {next}",
        "Het label van MyParcel is onbruikbaar ({detail}). {next}",
    ),
    "error.barcode_check": (
        "Not printed: barcode {codes} would not scan on the label. Ask the admin to check the printer settings.",
        "Niet geprint: barcode {codes} zou niet scanbaar zijn op het label. "
        "Vraag de beheerder de printerinstellingen te controleren.",
    ),
    "error.printer_not_found": (
        "Printer “{printer}” is not found. Check it is switched on and connected. {next}",
        "Printer “{printer}” is niet gevonden. Controleer of hij aan staat en aangesloten is. {next}",
    ),
    "error.printer_not_ready": (
        "Printer “{printer}” is not ready: {conditions}. Fix it. {next}",
        "Printer “{printer}” is niet klaar: {conditions}. Los het op. {next}",
    ),
    "error.printer_disconnected": (
        "Printer “{printer}” went away while printing. Reconnect it. {next}",
        "Printer “{printer}” viel weg tijdens het printen. Sluit hem opnieuw aan. {next}",
    ),
    "error.settings": (
        "The settings cannot be used: {detail}. Ask the admin to open Settings.",
        "De instellingen zijn onbruikbaar: {detail}. Vraag de beheerder Instellingen te openen.",
    ),
    "error.secrets": (
        "This computer has no safe place for API keys. Ask the admin to set them as environment variables.",
        "Deze computer heeft geen veilige plek voor API-sleutels. "
        "Vraag de beheerder ze als omgevingsvariabelen in te stellen.",
    ),
    "error.unexpected": (
        "Something unexpected went wrong. {next} If it keeps happening, show Help → Details to the admin.",
        "Er ging iets onverwachts mis. {next} Blijft het gebeuren, laat Help → Details aan de beheerder zien.",
    ),
    "printer.paper_out": ("paper out", "papier op"),
    "printer.head_open": ("print head open", "printkop open"),
    "printer.ribbon_out": ("ribbon out", "lint op"),
    "printer.paused": ("paused", "gepauzeerd"),
    "printer.offline": ("offline", "offline"),
    "printer.buffer_full": ("buffer full", "buffer vol"),
    "printer.head_too_hot": ("print head too hot", "printkop te heet"),
    "layout.azerty": ("AZERTY (Belgian/French)", "AZERTY (Belgisch/Frans)"),
    "layout.qwertz": ("QWERTZ (German)", "QWERTZ (Duits)"),
    # --- crash dialog ------------------------------------------------------------------------------
    "crash.title": ("Something went wrong", "Er ging iets mis"),
    "crash.text": (
        "The app hit a problem it did not expect. Your shipments are safe. Copy the details for the admin.",
        "De app liep tegen een onverwacht probleem aan. Je zendingen zijn veilig. "
        "Kopieer de details voor de beheerder.",
    ),
    "crash.copy": ("Copy details", "Details kopiëren"),
    "crash.close": ("Close", "Sluiten"),
}

_STATUS_KEYS = {"new", "paused", "closed", "snoozed", "cancelled", "unknown"}

# Characters a scanner types for the digits 1..0 when the computer expects another keyboard layout.
# The US minus key types ")" on both AZERTY variants.
_AZERTY_BE = str.maketrans("&é\"'(§è!çà)", "1234567890-")
_AZERTY_FR = str.maketrans("&é\"'(-è_çà)", "1234567890-")
_QWERTZ_SWAP = str.maketrans("zyZYß", "yzYZ-")
_PLAUSIBLE_SCAN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-_/.]*$")


class Messages(QObject):
    """Text in the current language; `set_language` switches it at runtime."""

    language_changed = Signal(str)

    def __init__(self, language: str = "en", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language = _parse_language(language)

    @property
    def language(self) -> Language:
        return self._language

    def set_language(self, language: str) -> None:
        """Switch every text to `language` ("en" or "nl")."""
        parsed = _parse_language(language)
        if parsed is not self._language:
            self._language = parsed
            self.language_changed.emit(parsed.value)

    def t(self, key: str, **params: object) -> str:
        """Return the text for `key` in the current language with `params` filled in."""
        texts = CATALOGUE[key]
        template = texts[1] if self._language is Language.NL else texts[0]
        if not params:
            return template
        return template.format_map(_Params(params))

    # --- domain values -------------------------------------------------------------------------------

    def picklist_status(self, status: str) -> str:
        """Return a picklist status ("new", "closed"…) in words."""
        value = str(status).lower()
        return self.t(f"status.{value}") if value in _STATUS_KEYS else value

    def step(self, step: str) -> str:
        """Return a ship step ("create", "print"…) in words."""
        return self.t(f"step.{step}")

    def violation(self, violation: Violation) -> str:
        """Return one broken shipment rule in words (the domain's English text when the code is not known here)."""
        key = f"violation.{violation.code}"
        if key in CATALOGUE:
            return self.t(key, **dict(violation.params))
        return violation.message

    def violations(self, violations: Iterable[Violation]) -> str:
        return "; ".join(self.violation(v) for v in violations)

    def printer_conditions(self, conditions: Iterable[str]) -> str:
        words = []
        for condition in conditions:
            key = "printer." + condition.strip().lower().replace(" ", "_").replace("-", "_")
            words.append(self.t(key) if key in CATALOGUE else condition)
        return ", ".join(words)

    # --- errors --------------------------------------------------------------------------------------

    def error(self, exc: BaseException, during: During = During.SHIP) -> str:
        """Say what happened and what to do next; never a traceback."""
        nxt = self.t(f"next.{during.value}")
        match exc:
            case InvalidShipment():
                return self.t("error.invalid", violations=self.violations(exc.violations))
            case PicklistNotFound():
                return self.t("error.picklist_not_found", number=exc.picklist_number)
            case PicklistNotPackable() if exc.holder:
                return self.t("error.not_packable_holder", number=exc.picklist_number, holder=exc.holder)
            case PicklistNotPackable():
                return self.t("error.not_packable", number=exc.picklist_number, reason=self.picklist_status(exc.reason))
            case AlreadyShipped():
                return self.t("error.already_shipped", number=exc.picklist_number, barcodes=", ".join(exc.barcodes))
            case BarcodeCheckFailed():
                return self.t("error.barcode_check", codes=", ".join(exc.missing))
            case LabelError():
                return self.t("error.label", detail=str(exc), next=nxt)
            case PrinterNotReady():
                conditions = self.printer_conditions(exc.conditions) if exc.conditions else exc.message
                return self.t("error.printer_not_ready", printer=exc.printer, conditions=conditions, next=nxt)
            case PrinterNotFound():
                return self.t("error.printer_not_found", printer=exc.printer, next=nxt)
            case PrinterDisconnected():
                return self.t("error.printer_disconnected", printer=exc.printer, next=nxt)
            case SettingsError():
                return self.t("error.settings", detail=str(exc))
            case SecretsUnavailable():
                return self.t("error.secrets")
            case ConnectionFailed():
                return self.t("error.connection", service=exc.service, next=nxt)
            case RequestTimeout():
                return self.t("error.timeout", service=exc.service, next=nxt)
            case BadResponse():
                return self.t("error.bad_response", service=exc.service, next=nxt)
            case ApiStatusError():
                return self._status_error(exc, nxt)
        return self.t("error.unexpected", next=nxt)

    def _status_error(self, exc: ApiStatusError, nxt: str) -> str:
        match exc:
            case Unauthorized():
                return self.t("error.unauthorized", service=exc.service)
            case NotFound():
                return self.t("error.not_found", service=exc.service, detail=exc.message, next=nxt)
            case RateLimited():
                seconds = round(exc.retry_after) if exc.retry_after else 60
                return self.t("error.rate_limited", service=exc.service, seconds=seconds, next=nxt)
            case PaymentRequired():
                return self.t("error.payment", url=exc.payment_url or "myparcel.nl", next=nxt)
            case Rejected():
                reasons = (
                    "; ".join(f"{m.text} ({m.code})" if m.code is not None else m.text for m in exc.messages)
                    or exc.message
                )
                return self.t("error.rejected", service=exc.service, reasons=reasons, next=nxt)
            case ServerError():
                return self.t("error.server", service=exc.service, next=nxt)
        return self.t("error.api", service=exc.service, detail=exc.message, next=nxt)

    # --- scans ---------------------------------------------------------------------------------------

    def garbled_scan(self, received: str) -> str:
        """Say exactly what was received, and which keyboard-layout mix-up it looks like, if any."""
        guess = guess_layout_mistake(received)
        if guess is not None:
            layout, meant = guess
            return self.t("status.scan_layout", received=received, layout=self.t(f"layout.{layout}"), meant=meant)
        return self.t("status.scan_garbled", received=visible(received))


class _Params(dict[str, object]):
    """Format values; a placeholder without a value stays visible instead of raising in front of the packer."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _parse_language(language: str) -> Language:
    try:
        return Language(str(language).lower()[:2])
    except ValueError:
        return Language.EN


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


def guess_layout_mistake(received: str) -> tuple[str, str] | None:
    """Return (layout, what was meant) when a scan looks typed through the wrong keyboard layout."""
    if not received:
        return None
    # AZERTY without Shift types &é"'(-è_çà for 1234567890.
    if any(ch in "&é\"'(è_çà§!)" for ch in received):
        for table in (_AZERTY_BE, _AZERTY_FR):
            meant = received.translate(table)
            if meant != received and _PLAUSIBLE_SCAN.match(meant):
                return "azerty", meant
    # QWERTZ swaps Y and Z and puts ß where US keyboards have the minus.
    if "ß" in received:
        meant = received.translate(_QWERTZ_SWAP)
        if _PLAUSIBLE_SCAN.match(meant):
            return "qwertz", meant
    return None


def catalogue_problems(catalogue: Mapping[str, tuple[str, str]] = CATALOGUE) -> list[str]:
    """List keys whose English and Dutch texts use different placeholders or are empty."""
    problems = []
    formatter = string.Formatter()
    for key, (en, nl) in catalogue.items():
        if not en or not nl:
            problems.append(f"{key}: empty text")
            continue
        names_en = {name for _, name, _, _ in formatter.parse(en) if name}
        names_nl = {name for _, name, _, _ in formatter.parse(nl) if name}
        if names_en != names_nl:
            problems.append(f"{key}: placeholders differ ({sorted(names_en)} vs {sorted(names_nl)})")
    return problems
