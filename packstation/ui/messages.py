"""Every word the packer reads, in English and Dutch: typed errors become what happened and what to do next.

This is the one place wording lives. Other UI modules ask a `Messages` object for text by key, so the
language can be switched while the app runs (`set_language` emits `language_changed`; views re-read text).
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QObject, QTranslator, Signal

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
    # --- rule violations (codes from packstation/domain: options.py, mapping.py, customs.py) ----------
    "violation.country_invalid": (
        "“{cc}” is not a country code: use two letters like NL.",
        "“{cc}” is geen landcode: gebruik twee letters, zoals NL.",
    ),
    "violation.person_missing": ("Fill in the recipient's name.", "Vul de naam van de ontvanger in."),
    "violation.person_too_long": (
        "The recipient's name is too long: shorten it.",
        "De naam van de ontvanger is te lang: maak hem korter.",
    ),
    "violation.street_missing": ("Fill in the street.", "Vul de straat in."),
    "violation.street_too_long": (
        "The street is too long: shorten it and put the rest in the extra address line.",
        "De straatnaam is te lang: maak hem korter en zet de rest in de extra adresregel.",
    ),
    "violation.city_missing": ("Fill in the city.", "Vul de plaats in."),
    "violation.number_missing": ("Fill in the house number (digits only).", "Vul het huisnummer in (alleen cijfers)."),
    "violation.number_invalid": (
        "House number “{number}” must be digits only: put letters in the suffix.",
        "Huisnummer “{number}” mag alleen cijfers hebben: zet letters in de toevoeging.",
    ),
    "violation.number_suffix_too_long": (
        "The house number suffix “{suffix}” is too long: shorten it.",
        "De toevoeging “{suffix}” is te lang: maak hem korter.",
    ),
    "violation.box_number_not_be": (
        "Box numbers exist only in Belgium: move “{box}” to the suffix.",
        "Busnummers bestaan alleen in België: zet “{box}” in de toevoeging.",
    ),
    "violation.box_number_too_long": (
        "Box number “{box}” is too long: shorten it.",
        "Busnummer “{box}” is te lang: maak het korter.",
    ),
    "violation.postal_code_invalid": (
        "Postal code “{postal_code}” is not valid for {cc}: check it.",
        "Postcode “{postal_code}” klopt niet voor {cc}: controleer hem.",
    ),
    "violation.carrier_unsupported": (
        "{carrier} cannot be shipped from the packing station: choose another profile.",
        "{carrier} kan niet vanaf het inpakstation verzonden worden: kies een ander profiel.",
    ),
    "violation.carrier_not_on_platform": (
        "{carrier} is not available on this MyParcel account: choose another profile.",
        "{carrier} is niet beschikbaar op dit MyParcel-account: kies een ander profiel.",
    ),
    "violation.carrier_destination": (
        "{carrier} does not deliver to {cc}: choose another profile (bpost).",
        "{carrier} bezorgt niet naar {cc}: kies een ander profiel (bpost).",
    ),
    "violation.package_type_not_on_platform": (
        "SendMyParcel.be ships only parcels: choose a parcel profile.",
        "SendMyParcel.be verstuurt alleen pakketten: kies een pakketprofiel.",
    ),
    "violation.package_type_not_abroad": (
        "Only a normal parcel can go to {cc}: choose a parcel profile.",
        "Alleen een gewoon pakket kan naar {cc}: kies een pakketprofiel.",
    ),
    "violation.option_needs_package": (
        "This package type cannot have “{option}”: switch it off or choose a parcel profile.",
        "Dit pakkettype kan geen “{option}” hebben: zet het uit of kies een pakketprofiel.",
    ),
    "violation.large_format_not_on_platform": (
        "SendMyParcel.be has no large format: switch it off.",
        "SendMyParcel.be heeft geen groot formaat: zet het uit.",
    ),
    "violation.only_recipient_not_on_platform": (
        "SendMyParcel.be has no “only recipient”: switch it off.",
        "SendMyParcel.be heeft geen “alleen ontvanger”: zet het uit.",
    ),
    "violation.age_check_not_on_platform": (
        "SendMyParcel.be has no age check: switch it off.",
        "SendMyParcel.be heeft geen leeftijdscheck: zet hem uit.",
    ),
    "violation.only_recipient_not_abroad": (
        "“Only recipient” is not possible to {cc}: switch it off.",
        "“Alleen ontvanger” kan niet naar {cc}: zet het uit.",
    ),
    "violation.signature_not_abroad": (
        "A signature is not possible to {cc}: switch it off.",
        "Een handtekening kan niet naar {cc}: zet hem uit.",
    ),
    "violation.return_not_abroad": (
        "“Return when not home” is not possible to {cc}: switch it off.",
        "“Retour bij niet thuis” kan niet naar {cc}: zet het uit.",
    ),
    "violation.age_check_not_abroad": (
        "An age check is not possible to {cc}: switch it off.",
        "Een leeftijdscheck kan niet naar {cc}: zet hem uit.",
    ),
    "violation.large_format_not_world": (
        "Large format is only possible within the EU: switch it off for {cc}.",
        "Groot formaat kan alleen binnen de EU: zet het uit voor {cc}.",
    ),
    "violation.delivery_type_not_available": (
        "This delivery type is not possible to {cc}: choose standard delivery.",
        "Deze bezorgsoort kan niet naar {cc}: kies standaard bezorging.",
    ),
    "violation.only_recipient_required": (
        "This delivery type needs “only recipient”: switch it on.",
        "Deze bezorgsoort vraagt “alleen ontvanger”: zet het aan.",
    ),
    "violation.delivery_date_required": (
        "This delivery type needs a delivery date: pick one.",
        "Deze bezorgsoort vraagt een bezorgdatum: kies er een.",
    ),
    "violation.signature_required": (
        "Delivery to a pickup point needs a signature: switch it on.",
        "Bezorgen bij een afhaalpunt vraagt een handtekening: zet die aan.",
    ),
    "violation.pickup_location_required": (
        "Delivery to a pickup point needs the pickup point: choose one or deliver at home.",
        "Bezorgen bij een afhaalpunt vraagt het afhaalpunt: kies er een of bezorg thuis.",
    ),
    "violation.delivery_date_weekend": (
        "Morning delivery is not possible on {delivery_date} (weekend): pick a weekday.",
        "Ochtendbezorging kan niet op {delivery_date} (weekend): kies een doordeweekse dag.",
    ),
    "violation.pickup_without_pickup_delivery": (
        "A pickup point is set but the delivery is not to a pickup point: choose pickup or remove the point.",
        "Er is een afhaalpunt gekozen maar de bezorging is niet naar een afhaalpunt: "
        "kies afhaalpunt of haal het punt weg.",
    ),
    "violation.delivery_date_not_on_platform": (
        "SendMyParcel.be takes no delivery date: remove it.",
        "SendMyParcel.be neemt geen bezorgdatum aan: haal hem weg.",
    ),
    "violation.delivery_type_required": (
        "A delivery date needs a delivery type: choose one or remove the date.",
        "Een bezorgdatum vraagt een bezorgsoort: kies er een of haal de datum weg.",
    ),
    "violation.delivery_date_past": (
        "Delivery date {delivery_date} has passed: pick a later date.",
        "Bezorgdatum {delivery_date} is voorbij: kies een latere datum.",
    ),
    "violation.insurance_invalid": (
        "The insured amount cannot be negative.",
        "Het verzekerde bedrag kan niet negatief zijn.",
    ),
    "violation.insurance_too_high": (
        "Insurance of {amount_eur} is too high for a parcel within NL: choose a lower amount.",
        "Verzekering van {amount_eur} is te hoog voor een pakket binnen NL: kies een lager bedrag.",
    ),
    "violation.insurance_needs_only_recipient": (
        "An insured parcel needs “only recipient”: switch it on.",
        "Een verzekerd pakket vraagt “alleen ontvanger”: zet het aan.",
    ),
    "violation.insurance_needs_signature": (
        "An insured parcel needs a signature: switch it on.",
        "Een verzekerd pakket vraagt een handtekening: zet die aan.",
    ),
    "violation.insurance_eu_amount": (
        "Parcels to {cc} must be insured for exactly {required_eur}: set the insurance to that.",
        "Pakketten naar {cc} moeten voor precies {required_eur} verzekerd zijn: stel dat in.",
    ),
    "violation.insurance_world_amount": (
        "Parcels to {cc} must be insured for exactly {required_eur}: set the insurance to that.",
        "Pakketten naar {cc} moeten voor precies {required_eur} verzekerd zijn: stel dat in.",
    ),
    "violation.insurance_amount": (
        "On SendMyParcel.be the insurance is either none or {required_eur}.",
        "Bij SendMyParcel.be is de verzekering geen of {required_eur}.",
    ),
    "violation.age_check_needs_signature": (
        "An age check needs a signature: switch it on.",
        "Een leeftijdscheck vraagt een handtekening: zet die aan.",
    ),
    "violation.age_check_needs_only_recipient": (
        "An age check needs “only recipient”: switch it on.",
        "Een leeftijdscheck vraagt “alleen ontvanger”: zet het aan.",
    ),
    "violation.pickup_location_incomplete": (
        "The pickup point is incomplete ({missing}): choose the pickup point again.",
        "Het afhaalpunt is onvolledig ({missing}): kies het afhaalpunt opnieuw.",
    ),
    "violation.pickup_location_code_missing": (
        "This pickup point has no location code: choose the pickup point again.",
        "Dit afhaalpunt heeft geen locatiecode: kies het afhaalpunt opnieuw.",
    ),
    "violation.reference_missing": (
        "The shipment has no picklist number as reference.",
        "De zending heeft geen picklijstnummer als referentie.",
    ),
    "violation.reference_too_long": ("The reference is too long.", "De referentie is te lang."),
    "violation.weight_not_positive": (
        "The weight must be more than 0 grams: weigh the parcel.",
        "Het gewicht moet meer dan 0 gram zijn: weeg het pakket.",
    ),
    "violation.weight_unknown": (
        "The weight is not known: weigh the parcel and enter it.",
        "Het gewicht is onbekend: weeg het pakket en vul het in.",
    ),
    "violation.weight_partial": (
        "No weight known for {products}: the weight may be too low, weigh the parcel.",
        "Geen gewicht bekend voor {products}: het gewicht kan te laag zijn, weeg het pakket.",
    ),
    "violation.label_description_too_long": (
        "The label text has {length} characters: shorten it.",
        "De labeltekst heeft {length} tekens: maak hem korter.",
    ),
    "violation.label_description_shortened": (
        "The order reference is too long for the label; it is shortened.",
        "De orderreferentie is te lang voor het label; hij wordt ingekort.",
    ),
    "violation.parcels_invalid": (
        "The number of parcels must be at least 1.",
        "Het aantal pakketten moet minstens 1 zijn.",
    ),
    "violation.multi_collo_not_on_platform": (
        "SendMyParcel.be cannot book {parcels} parcels as one shipment: ship them one by one.",
        "SendMyParcel.be kan geen {parcels} pakketten als één zending boeken: verstuur ze één voor één.",
    ),
    "violation.multi_collo_needs_package": (
        "Several parcels in one shipment need a parcel profile.",
        "Meerdere pakketten in één zending kan alleen met een pakketprofiel.",
    ),
    "violation.multi_collo_destination": (
        "Several parcels in one shipment are only possible to NL and BE: ship them one by one.",
        "Meerdere pakketten in één zending kan alleen naar NL en BE: verstuur ze één voor één.",
    ),
    "violation.customs_required": (
        "Parcels to {cc} need a customs declaration: fill it in.",
        "Pakketten naar {cc} hebben een douaneverklaring nodig: vul die in.",
    ),
    "violation.customs_needs_order": (
        "This country needs a customs declaration, but the order is not loaded: scan the picklist again.",
        "Dit land vraagt een douaneverklaring, maar de order is niet geladen: scan de picklijst opnieuw.",
    ),
    "violation.customs_invoice_missing": (
        "Customs needs an invoice number for these contents: fill in the invoice.",
        "De douane vraagt een factuurnummer voor deze inhoud: vul de factuur in.",
    ),
    "violation.customs_no_items": (
        "The customs declaration lists no products: add at least one.",
        "De douaneverklaring heeft geen producten: voeg er minstens één toe.",
    ),
    "violation.customs_description_missing": (
        "Customs line {line} needs a description.",
        "Douaneregel {line} heeft een omschrijving nodig.",
    ),
    "violation.customs_description_too_long": (
        "Customs line {line}: the description is too long, shorten it.",
        "Douaneregel {line}: de omschrijving is te lang, maak hem korter.",
    ),
    "violation.customs_amount_invalid": (
        "Customs line {line}: the amount must be at least 1.",
        "Douaneregel {line}: het aantal moet minstens 1 zijn.",
    ),
    "violation.customs_weight_unknown": (
        "Customs line {line} ({description}) has no weight: enter the weight of the products.",
        "Douaneregel {line} ({description}) heeft geen gewicht: vul het gewicht van de producten in.",
    ),
    "violation.customs_weight_out_of_range": (
        "Customs line {line} weighs {weight} g, which is too much for one line: split it.",
        "Douaneregel {line} weegt {weight} g, te veel voor één regel: splits hem.",
    ),
    "violation.customs_value_missing": (
        "Customs line {line} ({description}) has no value: enter what the products are worth.",
        "Douaneregel {line} ({description}) heeft geen waarde: vul in wat de producten waard zijn.",
    ),
    "violation.customs_classification_missing": (
        "Customs line {line} ({description}) has no HS code: add it to the product in Picqer.",
        "Douaneregel {line} ({description}) heeft geen HS-code: voeg die toe aan het product in Picqer.",
    ),
    "violation.customs_classification_invalid": (
        "Customs line {line}: “{classification}” is not an HS code (digits only, at most 10).",
        "Douaneregel {line}: “{classification}” is geen HS-code (alleen cijfers, hooguit 10).",
    ),
    "violation.customs_origin_invalid": (
        "Customs line {line}: country of origin “{country}” must be two letters like NL or CN.",
        "Douaneregel {line}: land van herkomst “{country}” moet twee letters zijn, zoals NL of CN.",
    ),
    "violation.address_not_split": (
        "The address “{line}” could not be split into street and number: fill in the fields.",
        "Het adres “{line}” kon niet in straat en nummer gesplitst worden: vul de velden in.",
    ),
    "violation.address_ambiguous": (
        "The address “{line}” can be read in more than one way: check the fields and tick “correct”.",
        "Het adres “{line}” kan op meer manieren gelezen worden: controleer de velden en vink “klopt” aan.",
    ),
    "violation.be_number_suffix": (
        "Suffix “{suffix}” is sent separately for Belgium: check it is printed on the label.",
        "Toevoeging “{suffix}” gaat apart mee voor België: controleer dat hij op het label staat.",
    ),
    "violation.contact_missing": (
        "No e-mail address or phone number: the customer gets no track and trace.",
        "Geen e-mailadres of telefoonnummer: de klant krijgt geen track en trace.",
    ),
    "violation.option_added": (
        "“{option}” was set to {value}: the carrier requires it for this shipment.",
        "“{option}” is op {value} gezet: de vervoerder eist dat voor deze zending.",
    ),
    "violation.pickup_carrier_mismatch": (
        "The customer chose a {pickup_carrier} pickup point but the profile ships with {carrier}: check the point.",
        "De klant koos een afhaalpunt van {pickup_carrier} maar het profiel verstuurt met {carrier}: "
        "controleer het punt.",
    ),
    "violation.delivery_date_ignored": (
        "The customer asked for delivery on {delivery_date}; this delivery type takes no date.",
        "De klant vroeg bezorging op {delivery_date}; deze bezorgsoort neemt geen datum aan.",
    ),
    # --- main window additions ---------------------------------------------------------------------
    "action.new_shipment": ("New shipment…  (Ctrl+Shift+N)", "Nieuwe zending…  (Ctrl+Shift+N)"),
    "action.take_over": ("Take over…  (Ctrl+Shift+T)", "Overnemen…  (Ctrl+Shift+T)"),
    "action.print_queue": ("Print queue  (F9)", "Printwachtrij  (F9)"),
    "action.settings_key": ("Settings…  (Ctrl+,)", "Instellingen…  (Ctrl+,)"),
    "confirm.yes": ("Yes", "Ja"),
    "confirm.no": ("No", "Nee"),
    "new_shipment.title": ("Make a new shipment?", "Nieuwe zending maken?"),
    "new_shipment.text": (
        "Picklist {number} already has a label ({barcodes}). A new shipment makes a second, paid label. "
        "Only do this when the first parcel is not sent. Make a new shipment?",
        "Picklijst {number} heeft al een label ({barcodes}). Een nieuwe zending maakt een tweede, betaald label. "
        "Doe dit alleen als het eerste pakket niet verstuurd wordt. Nieuwe zending maken?",
    ),
    "status.new_shipment": (
        "{number}: new shipment. Check the profile and press F12.",
        "{number}: nieuwe zending. Controleer het profiel en druk op F12.",
    ),
    "take_over.title": ("Take over this picklist?", "Deze picklijst overnemen?"),
    "take_over.text": (
        "Picklist {number} is claimed by {holder}. Take it over only when they are not packing it. Take over?",
        "Picklijst {number} is geclaimd door {holder}. Neem hem alleen over als die hem niet inpakt. Overnemen?",
    ),
    "status.take_over_hint": (
        "Picklist {number} is claimed by {holder}. An admin can take it over with Ctrl+Shift+T.",
        "Picklijst {number} is geclaimd door {holder}. Een beheerder kan hem overnemen met Ctrl+Shift+T.",
    ),
    "unfinished.title": ("Unfinished shipments", "Onafgemaakte zendingen"),
    "unfinished.text": (
        "These shipments were not finished. Choose one and press Enter to finish it, or Esc to do it later.",
        "Deze zendingen zijn niet afgemaakt. Kies er een en druk op Enter om hem af te maken, of Esc voor later.",
    ),
    "unfinished.line": ("{number}  ({when}): still to do: {remaining}", "{number}  ({when}): nog te doen: {remaining}"),
    "unfinished.finish": ("Finish  (Enter)", "Afmaken  (Enter)"),
    "unfinished.later": ("Later  (Esc)", "Later  (Esc)"),
    "status.resuming": ("Finishing {number}…", "{number} afmaken…"),
    "remaining.book": ("book the shipment", "zending boeken"),
    "remaining.label": ("fetch the label", "label ophalen"),
    "remaining.print": ("print the label", "label printen"),
    "remaining.write_back": ("update Picqer", "Picqer bijwerken"),
    # --- printer status and print queue ------------------------------------------------------------
    "printer.ready": ("ready", "klaar"),
    "printer.unknown": ("status unknown", "status onbekend"),
    "printer.status": ("{printer}: {state}", "{printer}: {state}"),
    "queue.title": ("Print queue", "Printwachtrij"),
    "queue.col.picklist": ("Picklist", "Picklijst"),
    "queue.col.printer": ("Printer", "Printer"),
    "queue.col.state": ("State", "Status"),
    "queue.col.time": ("Time", "Tijd"),
    "queue.col.problem": ("Problem", "Probleem"),
    "queue.state.queued": ("waiting", "wacht"),
    "queue.state.sending": ("printing…", "bezig…"),
    "queue.state.printed": ("printed", "geprint"),
    "queue.state.failed": ("FAILED", "MISLUKT"),
    "queue.state.cancelled": ("cancelled", "geannuleerd"),
    "queue.retry": ("Retry  (F6)", "Opnieuw  (F6)"),
    "queue.retry_failed": ("Retry all failed  (Shift+F6)", "Alle mislukte opnieuw  (Shift+F6)"),
    "queue.reprint": ("Print again  (F7)", "Nogmaals printen  (F7)"),
    "queue.cancel": ("Cancel  (Del)", "Annuleren  (Del)"),
    "queue.redirect": ("Send to {printer}  (F8)", "Naar {printer}  (F8)"),
    "queue.redirect_none": ("Send to other printer  (F8)", "Naar andere printer  (F8)"),
    "queue.empty": ("No print jobs yet.", "Nog geen printopdrachten."),
    "queue.summary": ("{failed} failed, {waiting} waiting", "{failed} mislukt, {waiting} wachtend"),
    "queue.done_retry": ("{name}: sent to the printer again.", "{name}: opnieuw naar de printer gestuurd."),
    "queue.done_retry_failed": ("All failed jobs are sent again.", "Alle mislukte opdrachten zijn opnieuw gestuurd."),
    "queue.done_reprint": ("{name}: printing again.", "{name}: wordt nogmaals geprint."),
    "queue.done_cancel": ("{name}: cancelled.", "{name}: geannuleerd."),
    "queue.done_redirect": ("{name}: sent to {printer}.", "{name}: naar {printer} gestuurd."),
    "queue.select_first": ("Select a print job first (arrow keys).", "Kies eerst een printopdracht (pijltjestoetsen)."),
    # --- first run ---------------------------------------------------------------------------------
    "first_run.title": ("Welcome to Packstation", "Welkom bij Packstation"),
    "first_run.text": (
        "No Picqer or MyParcel account is set up yet. Try the app with demo data, or enter the accounts now.",
        "Er is nog geen Picqer- of MyParcel-account ingesteld. Probeer de app met demogegevens, "
        "of vul de accounts nu in.",
    ),
    "first_run.demo": ("&Demo mode (no real labels)", "&Demomodus (geen echte labels)"),
    "first_run.settings": ("&Set up accounts…", "Accounts &instellen…"),
    "first_run.quit": ("&Quit", "&Afsluiten"),
    # --- settings dialog ---------------------------------------------------------------------------
    "settings.title": ("Settings", "Instellingen"),
    "settings.tab.accounts": ("&Accounts", "&Accounts"),
    "settings.tab.printers": ("&Printers", "&Printers"),
    "settings.tab.scanner": ("S&canner", "S&canner"),
    "settings.tab.profiles": ("Pr&ofiles", "Pr&ofielen"),
    "settings.tab.general": ("&General", "Al&gemeen"),
    "settings.picqer": ("Picqer", "Picqer"),
    "settings.myparcel": ("MyParcel", "MyParcel"),
    "settings.subdomain": ("Subdomain or address", "Subdomein of adres"),
    "settings.subdomain_hint": ("yourshop (from yourshop.picqer.com)", "jouwwinkel (van jouwwinkel.picqer.com)"),
    "settings.api_key": ("API key", "API-sleutel"),
    "settings.key_stored": ("stored; type to replace", "opgeslagen; typ om te vervangen"),
    "settings.key_missing": ("paste the API key", "plak de API-sleutel"),
    "settings.show_key": ("Show", "Toon"),
    "settings.hide_key": ("Hide", "Verberg"),
    "settings.test": ("Test connection", "Verbinding testen"),
    "settings.testing": ("Testing…", "Bezig met testen…"),
    "settings.picqer_ok": ("Connected to Picqer as {user}.", "Verbonden met Picqer als {user}."),
    "settings.myparcel_ok": ("Connected to MyParcel: the key works.", "Verbonden met MyParcel: de sleutel werkt."),
    "settings.need_subdomain": ("Fill in the subdomain first.", "Vul eerst het subdomein in."),
    "settings.need_key": ("Fill in the API key first.", "Vul eerst de API-sleutel in."),
    "settings.platform": ("Platform", "Platform"),
    "settings.platform_nl": ("MyParcel.nl (Netherlands)", "MyParcel.nl (Nederland)"),
    "settings.platform_be": ("SendMyParcel.be (Belgium)", "SendMyParcel.be (België)"),
    "settings.base_url": ("API address (empty: standard)", "API-adres (leeg: standaard)"),
    "settings.no_keyring": (
        "This computer has no keyring to store API keys safely, so keys typed here are not saved. "
        "Set them as environment variables instead: {picqer_env} and {myparcel_env}, then restart the app.",
        "Deze computer heeft geen sleutelbos om API-sleutels veilig te bewaren; hier getypte sleutels worden "
        "niet bewaard. Zet ze als omgevingsvariabelen: {picqer_env} en {myparcel_env}, en start de app opnieuw.",
    ),
    "settings.label_printer": ("Label printer", "Labelprinter"),
    "settings.document_printer": ("Document printer (A4)", "Documentprinter (A4)"),
    "settings.transport": ("Connection", "Verbinding"),
    "settings.transport.virtual": ("Virtual (save to a folder)", "Virtueel (opslaan in een map)"),
    "settings.transport.usb": ("USB (Zebra)", "USB (Zebra)"),
    "settings.transport.network": ("Network (Zebra, port 9100)", "Netwerk (Zebra, poort 9100)"),
    "settings.transport.spooler": ("Printer queue, raw ZPL", "Printerwachtrij, ruwe ZPL"),
    "settings.transport.system": ("System printer (PDF)", "Systeemprinter (PDF)"),
    "settings.address": ("Address", "Adres"),
    "settings.address_hint": (
        "folder, USB serial, host:port or queue name",
        "map, USB-serienummer, host:poort of wachtrijnaam",
    ),
    "settings.dpi": ("Resolution", "Resolutie"),
    "settings.label_size": ("Label size", "Labelformaat"),
    "settings.size.a6": ("A6 (105 × 148 mm)", "A6 (105 × 148 mm)"),
    "settings.size.4x6": ("4 × 6 in (102 × 152 mm)", "4 × 6 inch (102 × 152 mm)"),
    "settings.size.150x103": ("150 × 103 mm", "150 × 103 mm"),
    "settings.size.a4": ("A4 (210 × 297 mm)", "A4 (210 × 297 mm)"),
    "settings.size.custom": ("Custom", "Eigen formaat"),
    "settings.width": ("Width (mm)", "Breedte (mm)"),
    "settings.height": ("Height (mm)", "Hoogte (mm)"),
    "settings.layout": ("Too large label", "Te groot label"),
    "settings.layout.fit": ("Shrink to fit", "Verkleinen tot het past"),
    "settings.layout.crop": ("Crop the margins", "Marges afsnijden"),
    "settings.darkness": ("Darkness", "Donkerte"),
    "settings.darkness_printer": ("printer's own", "van de printer"),
    "settings.encoding": ("Image encoding", "Beeldcodering"),
    "settings.print_test": ("Print test label", "Testlabel printen"),
    "settings.printing": ("Printing…", "Bezig met printen…"),
    "settings.print_ok": ("The test label was sent to the printer.", "Het testlabel is naar de printer gestuurd."),
    "settings.max_gap": ("Max. time between keys (ms)", "Max. tijd tussen toetsen (ms)"),
    "settings.min_length": ("Min. scan length", "Min. scanlengte"),
    "settings.suffix": ("Scanner ends with", "Scanner eindigt met"),
    "settings.suffix.enter": ("Enter", "Enter"),
    "settings.suffix.tab": ("Tab", "Tab"),
    "settings.suffix.crlf": ("Enter + line feed", "Enter + regelopschuiving"),
    "settings.suffix.none": ("Nothing", "Niets"),
    "settings.prefix": ("Scanner starts with", "Scanner begint met"),
    "settings.profiles_list": ("Shipping profiles", "Verzendprofielen"),
    "settings.profile_add": ("&Add", "&Toevoegen"),
    "settings.profile_copy": ("&Copy", "&Kopiëren"),
    "settings.profile_remove": ("&Remove", "&Verwijderen"),
    "settings.profile_defaults": ("Reset to &defaults", "&Standaardprofielen"),
    "settings.profile_name": ("Name", "Naam"),
    "settings.profile_new": ("New profile", "Nieuw profiel"),
    "settings.carrier": ("Carrier", "Vervoerder"),
    "settings.package_type": ("Package type", "Pakkettype"),
    "settings.package.package": ("Parcel", "Pakket"),
    "settings.package.mailbox": ("Mailbox parcel", "Brievenbuspakje"),
    "settings.package.letter": ("Letter", "Brief"),
    "settings.package.digital_stamp": ("Digital stamp", "Digitale postzegel"),
    "settings.offered": ("Options the packer can change", "Opties die de inpakker kan wijzigen"),
    "settings.on_by_default": ("on by default", "standaard aan"),
    "settings.picqer_ids": ("Picqer profile ids", "Picqer-profielnummers"),
    "settings.picqer_ids_hint": ("e.g. 1365, 1366", "bijv. 1365, 1366"),
    "settings.picqer_ids_known": ("Known in Picqer: {names}", "Bekend in Picqer: {names}"),
    "settings.opt.signature": ("Signature", "Handtekening"),
    "settings.opt.only_recipient": ("Only recipient", "Alleen ontvanger"),
    "settings.opt.return": ("Return when not home", "Retour bij niet thuis"),
    "settings.opt.age_check": ("Age check 18+", "Leeftijdscheck 18+"),
    "settings.opt.large_format": ("Large format", "Groot formaat"),
    "settings.opt.insurance": ("Insurance", "Verzekering"),
    "settings.opt.label_description": ("Label text", "Labeltekst"),
    "settings.write_back": ("After printing, in Picqer", "Na het printen, in Picqer"),
    "settings.wb.comment": ("Add a comment with the track && trace code", "Opmerking met track && trace toevoegen"),
    "settings.wb.order_field": (
        "Order field for the tracking code (0 = none)",
        "Orderveld voor de trackingcode (0 = geen)",
    ),
    "settings.wb.pick_all": ("Mark all products picked", "Alle producten als gepickt markeren"),
    "settings.wb.close": ("Close the picklist", "Picklijst sluiten"),
    "settings.wb.claim": (
        "Claim the picklist for this station before booking",
        "Picklijst eerst claimen voor dit station",
    ),
    "settings.language": ("Language", "Taal"),
    "settings.station": ("Station name", "Naam van dit station"),
    "settings.refresh": ("Refresh the list every (s)", "Lijst verversen elke (s)"),
    "settings.saved": ("Settings saved.", "Instellingen opgeslagen."),
    "settings.save_failed": (
        "The settings could not be saved: {detail}",
        "De instellingen konden niet worden opgeslagen: {detail}",
    ),
    "settings.keys_not_saved": (
        "The settings are saved, but the API keys are not (no keyring). Use {picqer_env} and {myparcel_env}.",
        "De instellingen zijn opgeslagen, de API-sleutels niet (geen sleutelbos). Gebruik {picqer_env} en "
        "{myparcel_env}.",
    ),
    "settings.problems_title": ("Settings file problems", "Problemen met het instellingenbestand"),
    "settings.problems": (
        "The settings file has problems; defaults are used where it could not be read:\n\n{problems}\n\n"
        "A copy of the file as it was is kept at:\n{backup}\n\nOpen Settings to check and save them again.",
        "Het instellingenbestand heeft problemen; waar het onleesbaar was, gelden de standaardwaarden:\n\n"
        "{problems}\n\nEen kopie van het bestand zoals het was staat in:\n{backup}\n\n"
        "Open Instellingen om ze te controleren en opnieuw op te slaan.",
    ),
    "settings.no_backup": ("(no copy could be made)", "(er kon geen kopie gemaakt worden)"),
    # --- crash dialog ------------------------------------------------------------------------------
    "crash.title": ("Something went wrong", "Er ging iets mis"),
    "crash.text": (
        "The app hit a problem it did not expect. Your shipments are safe. Copy the details for the admin.",
        "De app liep tegen een onverwacht probleem aan. Je zendingen zijn veilig. "
        "Kopieer de details voor de beheerder.",
    ),
    "crash.copy": ("Copy details", "Details kopiëren"),
    "crash.close": ("Close", "Sluiten"),
    "crash.log": ("Also written to: {path}", "Ook bewaard in: {path}"),
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
        self._qt_translator: QTranslator | None = None
        self._apply_qt_translation()

    @property
    def language(self) -> Language:
        return self._language

    def set_language(self, language: str) -> None:
        """Switch every text to `language` ("en" or "nl")."""
        parsed = _parse_language(language)
        if parsed is not self._language:
            self._language = parsed
            self._apply_qt_translation()
            self.language_changed.emit(parsed.value)

    @property
    def qt_translation_loaded(self) -> bool:
        """True while Qt's own Dutch texts (qtbase_nl.qm: Yes/No/Cancel buttons) are installed."""
        return self._qt_translator is not None

    def _apply_qt_translation(self) -> None:
        # Qt's built-in buttons and dialogs have their own catalogue; Dutch needs qtbase_nl.qm from PySide6.
        app = QCoreApplication.instance()
        if app is None:
            return
        if self._qt_translator is not None:
            app.removeTranslator(self._qt_translator)
            self._qt_translator = None
        if self._language is not Language.NL:
            return
        translator = QTranslator(self)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load("qtbase_nl", folder) and app.installTranslator(translator):
            self._qt_translator = translator

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
            params: dict[str, object] = dict(violation.params)
            for name in ("amount", "required"):  # the domain counts insurance in cents
                if str(params.get(name, "")).lstrip("-").isdigit():
                    params[f"{name}_eur"] = f"€ {int(str(params[name])) / 100:,.0f}".replace(",", ".")
            option = str(params.get("option", ""))
            option_key = f"settings.opt.{'return' if option == 'return_to_sender' else option}"
            if option_key in CATALOGUE:
                params["option"] = self.t(option_key).lower()
            return self.t(key, **params)
        return violation.message

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
