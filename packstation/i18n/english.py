"""The station's words in English, by key: the catalogue every other language translates (see dutch.py).

Packer-facing text says what happened and what to do next. The GUI (packstation.ui.messages.Messages), the CLI
and the relay all read it through packstation.i18n.text.
"""

from __future__ import annotations

from packstation.domain.profiles import DEFAULT_OPTION_TEXTS

# key: English text. Placeholders use str.format names; the Dutch text (dutch.py) must use the same names.
# A new key needs its Dutch in dutch.py too: tests/unit/i18n checks every key has both languages.
ENGLISH: dict[str, str] = {
    # --- window, actions ---------------------------------------------------------------------------
    "app.title": "Packstation",
    "app.title_station": "Packstation — {station}",
    "app.print_folder": "Printed labels go to {folder}",
    "action.ship": "Ship and print  (F12)",
    # Short: a long step name made the button, and so the window, wider than a 1366 px screen. The step list
    # below it marks the step the retry starts from.
    "action.retry": "Try again  (F12)",
    # With the number: the button names the picklist F12 ships (never the one merely highlighted in the list).
    # On a line of its own, so the button (and the window) is no wider than without it.
    "action.ship_number": "Ship and print  (F12)\n{number}",
    "action.retry_number": "Try again  (F12)\n{number}",
    "action.finish_write_back": "Update Picqer  (F12)\n{number}",
    "action.finish": "Finish the shipment  (F12)\n{number}",
    "action.reprint": "Print label again  (Ctrl+R)",
    "action.refresh": "Refresh list  (F5)",
    "action.settings": "Settings…",
    "action.language": "Nederlands",
    "action.language_key": "Nederlands  (Ctrl+L)",
    "action.quit": "Quit",
    "scan.placeholder": "Scan a picklist or type its number and press Enter",
    "search.placeholder": "Search customer, number, country…",
    "filter.status": "Status",
    "filter.warehouse": "Warehouse",
    "filter.all_statuses": "All statuses",
    "filter.all_warehouses": "All warehouses",
    "filter.warehouse_n": "Warehouse {id}",
    "list.count": "{shown} of {total} picklists",
    "list.urgent_legend": "Pink: urgent, listed first",
    "list.urgent_legend_tip": "Urgent picklists have a pink, bold row and come first in the list.",
    "list.loading": "Loading picklists… {count}",
    # --- table columns -----------------------------------------------------------------------------
    "col.number": "Picklist",
    "col.customer": "Customer",
    "col.country": "Country",
    "col.products": "Products",
    "col.weight": "Weight",
    "col.profile": "Preferred profile",
    "col.status": "Status",
    "col.urgent": "Urgent",
    "urgent.yes": "URGENT",
    "weight.grams": "{grams} g",
    "weight.unknown": "–",
    # --- picklist statuses -------------------------------------------------------------------------
    "status.new": "new",
    "status.paused": "paused",
    "status.closed": "closed",
    "status.snoozed": "snoozed",
    "status.cancelled": "cancelled",
    "status.unknown": "unknown",
    # --- detail panel ------------------------------------------------------------------------------
    "detail.empty": "Scan a picklist to start packing.",
    "detail.recipient": "Recipient",
    "detail.name": "Name",
    "detail.company": "Company",
    "detail.street": "Street",
    "detail.number": "Number",
    "detail.suffix": "Suffix",
    "detail.box": "Box",
    "detail.postal_city": "Postal code, city",
    "detail.country": "Country",
    "detail.original_address": "As entered: {line}",
    "detail.split_ambiguous": "Check the house number: the address could be read in more than one way. {reason}",
    "detail.products": "Products",
    "detail.address_confirmed": "The address is &correct, I checked it  (Alt+C)",
    "detail.reading": "Alt+{n}:  street “{street}”, number {number}{rest}",
    "detail.reading_suffix": ", addition {suffix}",
    "detail.reading_box": ", box {box}",
    "detail.remarks": "Customer remarks",
    "detail.no_remarks": "None",
    "detail.delivery_date": "Preferred delivery date",
    "detail.pickup_point": "Pickup point",
    "detail.none": "–",
    "detail.weight": "Weight (grams)",
    "detail.weight_default": "empty: {grams} g",
    "detail.parcels": "Parcels",
    "detail.profile": "Shipping profile",
    "detail.choose_profile": "Choose a profile…",
    "detail.options": "Options",
    # The form's row labels name the keys that reach them from the scan field (below the fold at 1280x720).
    "detail.profile_key": "Profile  (Alt+P)",
    "detail.options_key": "Options  (Alt+O)",
    "detail.profile_tip": "Alt+P comes here from anywhere; ↑/↓ choose the profile, Esc goes back to scanning.",
    "detail.options_tip": "Alt+O comes here from anywhere; Tab goes on to the next option, Esc back to scanning.",
    "detail.existing": "Already shipped: {barcodes}. Press Ctrl+R to print the label again.",
    "detail.unfinished": (
        "Shipped ({barcodes}) but not finished. Still to do: {remaining}. "
        "Press F12 to finish it; nothing new is booked."
    ),
    "detail.line": "{amount} × {name}  ({code})",
    "detail.urgent": "URGENT",
    "option.yes": "Yes",
    "option.no": "No",
    # The options packstation ships (domain.profiles.DEFAULT_OPTION_TEXTS); an admin's own words are shown as written.
    **{f"option.label.{key}": label for key, (label, _) in DEFAULT_OPTION_TEXTS.items()},
    **{f"option.description.{key}": text for key, (_, text) in DEFAULT_OPTION_TEXTS.items() if text},
    "option.not_insured": "Not insured",
    "option.insured_up_to": "Insured up to {amount}",
    # Why an address line needs the packer (domain.addresses, SplitAddress.reason codes).
    "split.empty": "The address line is empty.",
    "split.no_space_before_number": "There is no space before the house number: type street and number apart.",
    "split.no_number": "No house number at the end of the address line: type street and number apart.",
    "split.no_number_be": "No house number in the address line: type street, number and box apart.",
    "split.range_or_addition": (
        "“{number}-{suffix}” may be a range of numbers, or number {number} with addition {suffix}."
    ),
    "split.unusual_addition": "“{suffix}” after the house number is not a usual addition.",
    "split.number_first": "The house number is written before the street.",
    "split.two_readings": "“{number}” may be part of the street name, or the house number: press Alt+1 or Alt+2.",
    "split.range": "“{number}-{range}” may be a range of numbers.",
    "split.box_too_long": "The box number “{box}” is longer than {max} characters.",
    "split.street_unsplittable": "The street is longer than {max} characters and has no space to split it at.",
    "split.street_overflow": "The street is longer than {max} characters; the rest went to the extra line.",
    # --- ship steps --------------------------------------------------------------------------------
    "step.check": "Checking picklist",
    "step.create": "Creating shipment",
    "step.label": "Fetching label",
    "step.prepare": "Checking barcode",
    "step.print": "Printing",
    "step.write_back": "Updating Picqer",
    "step.done": "Done",
    "state.waiting": "waiting",
    "state.running": "busy…",
    "state.done": "done",
    "state.failed": "failed",
    "state.skipped": "skipped",
    "state.queued": "in the print queue",
    # --- preview -----------------------------------------------------------------------------------
    "preview.pdf": "Label from MyParcel",
    "preview.printed": "What the printer gets",
    "preview.none": "No label yet",
    "preview.barcodes_ok": "Barcode check passed: {codes}",
    "preview.barcodes_missing": "Barcode check FAILED: {codes} would not scan",
    "preview.no_barcodes": "No barcode found to check",
    "preview.pdf_unreadable": "The label PDF cannot be shown",
    # --- status bar: what happened, what next ------------------------------------------------------
    "status.ready": "Ready. Scan a picklist.",
    "status.opening": "Opening {number}…",
    "status.opened": "{number} opened. Check the profile and press F12 to ship.",
    "status.opened_choose": "{number} opened. Choose a shipping profile, then press F12.",
    "status.shipping": "Shipping {number}: {step}…",
    # {printer}: where the label came out (the label printer, or the A4 document printer), so it is found.
    "status.shipped": "{number} shipped ({barcodes}). {printer} printed the label. Scan the next picklist.",
    "status.reprinted": (
        "{number}: {printer} printed the label again ({barcodes}); nothing new was booked. Scan the next picklist."
    ),
    "status.shipped_finished": "{number} shipped ({barcodes}) and Picqer is updated. Scan the next picklist.",
    "status.shipped_not_printed": "{number} shipped ({barcodes}). The label is stored, not printed.",
    "status.shipped_registered": (
        "{number} shipped ({barcodes}) and registered in Picqer. {printer} printed the label. Scan the next picklist."
    ),
    "status.shipped_registered_not_printed": (
        "{number} shipped ({barcodes}) and registered in Picqer. The label is stored, not printed."
    ),
    "status.shipped_next": "{number} shipped ({barcodes}). {printer} printed the label.",
    "status.shipped_print_waiting": "{number} shipped ({barcodes}). {waiting} Scan the next picklist.",
    "status.held_label_printed": "{number}: the waiting label is printed now.",
    "status.held_label_cancelled": (
        "{number}: the waiting label was cancelled, so it is not printed. Scan {number} and press F12 to print it."
    ),
    # A label held in the print queue because the printer is not ready: what to do, and that it then prints.
    "print_waiting.paper_out": "{printer}: paper out. Load labels; the label prints by itself.",
    "print_waiting.head_open": "{printer}: print head open. Close it; the label prints by itself.",
    "print_waiting.ribbon_out": "{printer}: ribbon out. Load a new ribbon; the label prints by itself.",
    "print_waiting.paused": "{printer}: paused. Press the pause button on the printer; the label prints by itself.",
    "print_waiting.other": "{printer}: {conditions}. Fix the printer; the label prints by itself.",
    "status.busy_refused": "Still shipping {number}. Wait until it is done, then scan {scanned} again.",
    "status.next_queued": "{next} is next: it opens as soon as {number} is done.",
    "status.is_next": "{next} is next.",
    "status.next_after_failure": "{next} is next: it opens once this one is done; scan it again to leave this one.",
    "status.nothing_open": "Scan a picklist first.",
    "status.unfinished_offer": (
        "{number} is shipped but not finished. Still to do: {remaining}. Press F12 to finish it."
    ),
    "status.reprinting": "Printing the label of {number} again…",
    "status.reprint_not_shipped": "{number} has no label yet: press F12 to ship it.",
    "status.reprint_waiting": "{number}: nothing new was booked. {waiting}",
    "status.still_opening": "Still opening {number}. Press F12 again once it is shown.",
    "status.highlight_not_open": (
        "{highlighted} is highlighted, but {number} is open. Press Enter to open {highlighted}, "
        "or Esc to stay with {number}."
    ),
    "status.highlight_press_enter": "{highlighted} is highlighted, not opened. Press Enter to open it.",
    "status.no_profile": "Choose a shipping profile first.",
    "status.scan_garbled": "Scanned “{received}”: that is not a picklist number. Scan the picklist barcode again.",
    "search.nothing_found": "No picklist matches the search. Change the search, or scan the picklist.",
    "status.fixed": "{number} is ready now. Press F12 to ship.",
    "status.scan_twice": "Two scans ran together (“{first}” and “{second}”). Scan one picklist.",
    "status.scan_layout": (
        "Scanned “{received}”: the scanner seems set to the {layout} keyboard layout (meant “{meant}”?). "
        "Set the scanner to the keyboard layout of this computer."
    ),
    "status.scan_cut": (
        "The scan was {length} characters long and was cut. Scan the picklist barcode, not another code."
    ),
    "status.scan_control": "Removed invisible characters from the scan ({chars}).",
    "status.language": "Language: English",
    "status.refreshed": "List updated: {count} picklists.",
    # --- errors: what happened + what to do next ---------------------------------------------------
    "next.open": "Scan the picklist again.",
    "next.ship": "Then press F12 to try again.",
    "next.load": "The list tries again by itself.",
    "next.settings": "Then test the connection again.",
    "error.connection": "{service} cannot be reached. Check the network cable or Wi-Fi. {next}",
    "error.connection_at": "{service} cannot be reached at {url}. Check the network cable or Wi-Fi. {next}",
    "error.key_missing": "There is no {service} API key. Ask the admin to enter it in Settings or to set {variable}.",
    "error.timeout": "{service} did not answer in time. Nothing is lost and no second label will be made. {next}",
    "error.bad_response": (
        "{service} sent an answer the app cannot read. {next} If it keeps happening, call the office."
    ),
    "error.unauthorized": "{service} refused the API key. Ask the admin to check the key in Settings.",
    # In the settings dialog the reader is the admin: say where the key is, not "ask the admin".
    "error.unauthorized_settings": (
        "{service} refused the API key. Copy the key from {service} again, paste it on the Accounts tab and test again."
    ),
    "error.unauthorized_settings.picqer": (
        "Picqer refused the API key. In Picqer, open Settings > API keys, copy the key (or add a new one), "
        "paste it on the Accounts tab and test again."
    ),
    "error.unauthorized_settings.myparcel": (
        "MyParcel refused the API key. In the MyParcel backoffice (SendMyParcel for Belgium), open Settings > "
        "API key, copy the key, paste it on the Accounts tab and test again."
    ),
    "error.not_found": "{service} does not know this ({detail}). Check the number. {next}",
    "error.rate_limited": "{service} is busy. Wait {seconds} seconds. {next}",
    "error.payment": "MyParcel wants this label paid first. Ask the office to pay it ({url}). {next}",
    "error.rejected": "{service} refused the shipment: {reasons}. Change the options. {next}",
    "error.server": "{service} has a problem on its side. Wait a minute. {next}",
    "error.not_registered": (
        "Picqer did not register the shipment: {reasons}. The label is made: press F12 to finish updating Picqer "
        "(no second label is made)."
    ),
    "error.api": "{service} answered with an error: {detail}. {next}",
    "error.rate_limited_long": (
        "{service} stayed busy for {minutes} min: other stations share its limit. Nothing was booked twice. "
        "Wait a minute. {next}"
    ),
    "error.wait_stopped": (
        "Stopped waiting for {service}. Everything done so far is kept. Press F12 to go on; nothing is booked twice."
    ),
    # --- waits before an API is tried again (counted down each second; the Stop waiting button is next to it)
    "wait.rate_limited": "{service} is busy, trying again in {seconds} s; nothing is booked twice.",
    "wait.server_error": (
        "{service} has a problem on its side, trying again in {seconds} s (try {attempt} of {attempts}); "
        "nothing is booked twice."
    ),
    "wait.no_answer": (
        "{service} did not answer in time, trying again in {seconds} s (try {attempt} of {attempts}); "
        "nothing is booked twice."
    ),
    "wait.unreachable": "{service} cannot be reached, trying again in {seconds} s (try {attempt} of {attempts}).",
    "wait.confirming": "{service} did not confirm in time; checking for {seconds} s so nothing is done twice.",
    "action.stop_waiting": "Stop waiting  (Esc)",
    "error.invalid": "Not sent, fix this first: {violations}",
    "error.picklist_not_found": "There is no picklist “{number}”. Check the number and scan again.",
    "error.product_code": (
        "Scanned “{code}”: that looks like a product code (EAN), not a picklist. Scan the barcode on the picklist."
    ),
    "status.still_open": "{number} is still open.",
    "error.not_packable": "Picklist {number} cannot be packed now: it is {reason}. Put it aside and tell the office.",
    "error.not_packable_holder": "Picklist {number} is being packed by {holder}. Put it aside.",
    "error.already_shipped": "Picklist {number} already has a label ({barcodes}). Press Ctrl+R to print it again.",
    "error.label": "The label from MyParcel cannot be used ({detail}). {next}",
    "error.barcode_check": (
        "Not printed: barcode {codes} would not scan on the label. Ask the admin to check the printer settings."
    ),
    "error.sheet_position": (
        "Not printed: the A4 label sheet holds labels or forms in positions {positions}, and packstation does not "
        "guess which to print. Ask the admin to set the label's A4 position for the label printer, or to send A4 "
        "labels to the document printer."
    ),
    "error.sheet_unreadable": (
        "Not printed: barcode {codes} would not scan on the A4 label shrunk to {percent}. Ask the admin to send A4 "
        "labels to the document printer, or to ask the carrier for A6 labels."
    ),
    "error.printer_not_found": "{printer} cannot be reached. Switch it on and check its cable or network. {next}",
    "error.printer_not_ready": "{printer} is not ready: {conditions}. Fix it. {next}",
    "error.printer_disconnected": "{printer} went away while printing. Reconnect its cable or network. {next}",
    "error.printer_failed": "{printer} did not print the label ({detail}). Check the printer. {next}",
    "error.print_cancelled": "The label was cancelled in the print queue, so it did not print. {next}",
    # After a print failure during a shipment: the label can go to the station's other printer instead.
    "next.redirect": "Or print it on the other printer: F9, choose the label, F8; then F12 finishes the shipment.",
    "error.settings": "The settings cannot be used: {detail}. Ask the admin to open Settings.",
    "error.secrets": (
        "This computer has no safe place for API keys. Ask the admin to set them as environment variables."
    ),
    "error.unexpected": (
        "Something unexpected went wrong. {next} If it keeps happening, tell the admin: the details are in the "
        "packstation log."
    ),
    "printer.paper_out": "paper out",
    "printer.head_open": "print head open",
    "printer.ribbon_out": "ribbon out",
    "printer.paused": "paused",
    "printer.offline": "offline",
    "printer.buffer_full": "buffer full",
    "printer.head_too_hot": "print head too hot",
    "layout.azerty": "AZERTY (Belgian/French)",
    "layout.qwertz": "QWERTZ (German)",
    # --- rule violations (codes from packstation/domain: options.py, mapping.py, customs.py) ----------
    "violation.country_invalid": "“{cc}” is not a country code: use two letters like NL.",
    "violation.person_missing": "Fill in the recipient's name.",
    "violation.person_too_long": "The recipient's name is too long: shorten it.",
    "violation.street_missing": "Fill in the street.",
    "violation.street_too_long": "The street is too long: shorten it and put the rest in the extra address line.",
    "violation.city_missing": "Fill in the city.",
    "violation.number_missing": "Fill in the house number (digits only).",
    "violation.number_invalid": "House number “{number}” must be digits only: put letters in the suffix.",
    "violation.number_suffix_too_long": "The house number suffix “{suffix}” is too long: shorten it.",
    "violation.box_number_not_be": "Box numbers exist only in Belgium: move “{box}” to the suffix.",
    "violation.box_number_too_long": "Box number “{box}” is too long: shorten it.",
    "violation.postal_code_invalid": "Postal code “{postal_code}” is not valid for {cc}: check it.",
    "violation.carrier_unsupported": "{carrier} cannot be shipped from the packing station: choose another profile.",
    "violation.carrier_not_on_platform": "{carrier} is not available on this MyParcel account: choose another profile.",
    "violation.carrier_destination": "{carrier} does not deliver to {cc}: choose another profile (bpost).",
    "violation.package_type_not_on_platform": "SendMyParcel.be ships only parcels: choose a parcel profile.",
    "violation.package_type_not_abroad": "Only a normal parcel can go to {cc}: choose a parcel profile.",
    "violation.option_needs_package": (
        "This package type cannot have “{option}”: switch it off or choose a parcel profile."
    ),
    "violation.large_format_not_on_platform": "SendMyParcel.be has no large format: switch it off.",
    "violation.only_recipient_not_on_platform": "SendMyParcel.be has no “only recipient”: switch it off.",
    "violation.age_check_not_on_platform": "SendMyParcel.be has no age check: switch it off.",
    "violation.only_recipient_not_abroad": "“Only recipient” is not possible to {cc}: switch it off.",
    "violation.signature_not_abroad": "A signature is not possible to {cc}: switch it off.",
    "violation.return_not_abroad": "“Return when not home” is not possible to {cc}: switch it off.",
    "violation.age_check_not_abroad": "An age check is not possible to {cc}: switch it off.",
    "violation.large_format_not_world": "Large format is only possible within the EU: switch it off for {cc}.",
    "violation.delivery_type_not_available": "This delivery type is not possible to {cc}: choose standard delivery.",
    "violation.only_recipient_required": "This delivery type needs “only recipient”: switch it on.",
    "violation.delivery_date_required": "This delivery type needs a delivery date: pick one.",
    "violation.signature_required": "Delivery to a pickup point needs a signature: switch it on.",
    "violation.pickup_location_required": (
        "Delivery to a pickup point needs the pickup point: choose one or deliver at home."
    ),
    "violation.delivery_date_weekend": "Morning delivery is not possible on {delivery_date} (weekend): pick a weekday.",
    "violation.pickup_without_pickup_delivery": (
        "A pickup point is set but the delivery is not to a pickup point: choose pickup or remove the point."
    ),
    "violation.delivery_date_not_on_platform": "SendMyParcel.be takes no delivery date: remove it.",
    "violation.delivery_type_required": "A delivery date needs a delivery type: choose one or remove the date.",
    "violation.delivery_date_past": "Delivery date {delivery_date} has passed: pick a later date.",
    "violation.insurance_invalid": "The insured amount cannot be negative.",
    "violation.insurance_too_high": (
        "Insurance of {amount_eur} is too high for a parcel within NL: choose a lower amount."
    ),
    "violation.insurance_needs_only_recipient": "An insured parcel needs “only recipient”: switch it on.",
    "violation.insurance_needs_signature": "An insured parcel needs a signature: switch it on.",
    "violation.insurance_eu_amount": (
        "Parcels to {cc} must be insured for exactly {required_eur}: set the insurance to that."
    ),
    "violation.insurance_world_amount": (
        "Parcels to {cc} must be insured for exactly {required_eur}: set the insurance to that."
    ),
    "violation.insurance_amount": "On SendMyParcel.be the insurance is either none or {required_eur}.",
    "violation.age_check_needs_signature": "An age check needs a signature: switch it on.",
    "violation.age_check_needs_only_recipient": "An age check needs “only recipient”: switch it on.",
    "violation.pickup_location_incomplete": (
        "The pickup point is incomplete ({missing}): choose the pickup point again."
    ),
    "violation.pickup_location_code_missing": "This pickup point has no location code: choose the pickup point again.",
    "violation.reference_missing": "The shipment has no picklist number as reference.",
    "violation.reference_too_long": "The reference is too long.",
    "violation.weight_not_positive": "The weight must be more than 0 grams: weigh the parcel.",
    "violation.weight_unknown": "The weight is not known: weigh the parcel and enter it.",
    "violation.weight_partial": "No weight known for {products}: the weight may be too low, weigh the parcel.",
    # The scale against the products' weights (domain.weighing.check_weight).
    "violation.weight_too_high": (
        "The parcel weighs {measured} g, {difference} g more than the expected {expected} g (allowed: {allowed} g): "
        "check the contents before printing."
    ),
    "violation.weight_too_low": (
        "The parcel weighs {measured} g, {difference} g less than the expected {expected} g (allowed: {allowed} g): "
        "check the contents before printing."
    ),
    "violation.label_description_too_long": "The label text has {length} characters: shorten it.",
    "violation.label_description_shortened": "The order reference is too long for the label; it is shortened.",
    "violation.parcels_invalid": "The number of parcels must be at least 1.",
    "violation.multi_collo_not_on_platform": (
        "SendMyParcel.be cannot book {parcels} parcels as one shipment: ship them one by one."
    ),
    "violation.multi_collo_needs_package": "Several parcels in one shipment need a parcel profile.",
    "violation.multi_collo_destination": (
        "Several parcels in one shipment are only possible to NL and BE: ship them one by one."
    ),
    "violation.customs_required": "Parcels to {cc} need a customs declaration: fill it in.",
    "violation.customs_needs_order": (
        "This country needs a customs declaration, but the order is not loaded: scan the picklist again."
    ),
    "violation.customs_invoice_missing": "Customs needs an invoice number for these contents: fill in the invoice.",
    "violation.customs_no_items": "The customs declaration lists no products: add at least one.",
    "violation.customs_description_missing": "Customs line {line} needs a description.",
    "violation.customs_description_too_long": "Customs line {line}: the description is too long, shorten it.",
    "violation.customs_amount_invalid": "Customs line {line}: the amount must be at least 1.",
    "violation.customs_weight_unknown": (
        "Customs line {line} ({description}) has no weight: enter the weight of the products."
    ),
    "violation.customs_weight_out_of_range": (
        "Customs line {line} weighs {weight} g, which is too much for one line: split it."
    ),
    "violation.customs_value_missing": (
        "Customs line {line} ({description}) has no value: enter what the products are worth."
    ),
    "violation.customs_classification_missing": (
        "Customs line {line} ({description}) has no HS code: add it to the product in Picqer."
    ),
    "violation.customs_classification_invalid": (
        "Customs line {line}: “{classification}” is not an HS code (digits only, at most 10)."
    ),
    "violation.customs_origin_invalid": (
        "Customs line {line}: country of origin “{country}” must be two letters like NL or CN."
    ),
    "violation.address_not_split": (
        "The address “{line}” could not be split into street and number: fill in the fields."
    ),
    "violation.address_ambiguous": (
        "The address “{line}” can be read in more than one way: check the fields and tick “correct” (Alt+C)."
    ),
    "violation.address_two_readings": (
        "The address “{line}” can be read in two ways: choose one with Alt+1 or Alt+2, or fill in the fields."
    ),
    "violation.be_number_suffix": "Suffix “{suffix}” is sent separately for Belgium: check it is printed on the label.",
    "violation.contact_missing": "No e-mail address or phone number: the customer gets no track and trace.",
    "violation.option_unknown": "The profile “{profile}” has no option “{option}”: check the profile in the settings.",
    "violation.option_required": "Choose a value for “{label}”.",
    "violation.option_value_unknown": "“{value}” is not a choice for “{label}”: choose one from the list.",
    "violation.option_not_yes_no": "“{label}” must be yes or no, not “{value}”.",
    "violation.option_not_a_number": "“{label}” must be a whole number, not “{value}”.",
    "violation.option_text_too_long": "“{label}” may have at most {max} characters; it has {length}: shorten it.",
    "violation.option_added": "“{option}” was switched on: the carrier requires it for this shipment.",
    "violation.insurance_added": "The insurance was set to {amount_eur}: the carrier requires it for this shipment.",
    "violation.pickup_carrier_mismatch": (
        "The customer chose a {pickup_carrier} pickup point but the profile ships with {carrier}: check the point."
    ),
    "violation.delivery_date_ignored": (
        "The customer asked for delivery on {delivery_date}; this delivery type takes no date."
    ),
    # --- main window additions ---------------------------------------------------------------------
    "action.new_shipment": "New shipment…  (Ctrl+Shift+N)",
    "action.take_over": "Take over…  (Ctrl+Shift+T)",
    "action.print_queue": "Print queue  (F9)",
    "action.settings_key": "Settings…  (Ctrl+,)",
    # No letter answers yes: a scan's letters (a DHL "JVGL…" code) must never book a second label. N says no.
    "confirm.yes": "Yes  (Tab, Space)",
    "confirm.no": "&No",
    "new_shipment.title": "Make a new shipment?",
    "new_shipment.text": (
        "Picklist {number} already has a label ({barcodes}). A new shipment makes a second, paid label. "
        "Only do this when the first parcel is not sent. Make a new shipment?"
    ),
    "status.new_shipment": "{number}: new shipment. Check the profile and press F12.",
    "take_over.title": "Take over this picklist?",
    "take_over.text": (
        "Picklist {number} is claimed by {holder}. Take it over only when they are not packing it. Take over?"
    ),
    "status.take_over_hint": "Picklist {number} is claimed by {holder}. An admin can take it over with Ctrl+Shift+T.",
    "unfinished.title": "Unfinished shipments",
    "unfinished.text": (
        "These shipments were not finished. Choose one and press Enter to finish it, or Esc to do it later."
    ),
    "unfinished.line": "{number}  ({when}): still to do: {remaining}",
    "unfinished.finish": "Finish  (Enter)",
    "unfinished.later": "Later  (Esc)",
    "status.resuming": "Finishing {number}…",
    "remaining.book": "book the shipment",
    "remaining.label": "fetch the label",
    "remaining.print": "print the label",
    "remaining.write_back": "update Picqer",
    # --- printer status and print queue ------------------------------------------------------------
    "printer.ready": "ready",
    "printer.unknown": "status unknown",
    "printer.status": "{printer}: {state}",
    "queue.title": "Print queue",
    "queue.col.picklist": "Picklist",
    "queue.col.printer": "Printer",
    "printer.role.label": "Label printer",
    "printer.role.document": "Document printer",
    "queue.col.state": "State",
    "queue.col.time": "Time",
    "queue.col.problem": "Problem",
    "queue.state.queued": "waiting",
    "queue.state.sending": "printing…",
    "queue.state.printed": "printed",
    "queue.state.failed": "FAILED",
    "queue.state.cancelled": "cancelled",
    "queue.state.printed_again": "printed again",
    "queue.already_printed_again": "{name} was printed again already: there is nothing to retry.",
    "queue.retry": "Retry  (F6)",
    "queue.retry_failed": "Retry all failed  (Shift+F6)",
    "queue.reprint": "Print again  (F7)",
    "queue.cancel": "Cancel  (Del)",
    "queue.redirect": "Send to {printer}  (F8)",
    "queue.redirect_none": "Send to other printer  (F8)",
    "queue.empty": "No print jobs yet.",
    "queue.summary": "{failed} failed, {waiting} waiting",
    "queue.done_retry": "{name}: sent to the printer again.",
    "queue.done_retry_failed": "All failed jobs are sent again.",
    "queue.nothing_failed": "No print job has failed: nothing to send again.",
    "queue.done_reprint": "{name}: printing again.",
    "queue.done_cancel": "{name}: cancelled.",
    "queue.cannot_cancel": "{name} is {state}: only a waiting job can be cancelled. F6 tries a failed one again.",
    "queue.done_redirect": "{name}: sent to {printer}.",
    "queue.select_first": "Select a print job first (arrow keys).",
    # --- first run ---------------------------------------------------------------------------------
    "first_run.title": "Welcome to Packstation",
    "first_run.text": (
        "No Picqer or MyParcel account is set up yet. Try the app with demo data, or enter the accounts now."
    ),
    "first_run.demo": "&Demo mode (no real labels)",
    "first_run.settings": "&Set up accounts…",
    "first_run.quit": "&Quit",
    # --- settings dialog ---------------------------------------------------------------------------
    "settings.title": "Settings",
    "settings.tab.accounts": "&Accounts",
    "settings.tab.printers": "&Printers",
    "settings.tab.scanner": "S&canner",
    "settings.tab.profiles": "Pr&ofiles",
    "settings.tab.general": "&General",
    "settings.picqer": "Picqer",
    "settings.myparcel": "MyParcel",
    "settings.subdomain": "Subdomain or address",
    "settings.subdomain_hint": "yourshop (from yourshop.picqer.com)",
    "settings.api_key": "API key",
    "settings.key_stored": "stored; type to replace",
    "settings.key_missing": "paste the API key",
    "settings.show_key": "Show",
    "settings.hide_key": "Hide",
    "settings.test": "Test connection",
    "settings.testing": "Testing…",
    "settings.picqer_ok": "Connected to Picqer as {user}.",
    "settings.myparcel_ok": "Connected to MyParcel: the key works.",
    "settings.need_subdomain": "Fill in the subdomain first.",
    "settings.need_key": "Fill in the API key first.",
    "settings.platform": "Platform",
    "settings.platform_nl": "MyParcel.nl (Netherlands)",
    "settings.platform_be": "SendMyParcel.be (Belgium)",
    "settings.base_url": "API address (empty: standard)",
    "settings.no_keyring": (
        "This computer has no keyring to store API keys safely, so keys typed here are not saved. "
        "Set them as environment variables instead: {picqer_env} and {myparcel_env}, then restart the app."
    ),
    "settings.label_printer": "Label printer",
    "settings.document_printer": "Document printer (A4)",
    "settings.transport": "Connection",
    "settings.transport.virtual": "Virtual (save to a folder)",
    "settings.transport.usb": "USB (Zebra)",
    "settings.transport.network": "Network (Zebra, port 9100)",
    "settings.transport.spooler": "Printer queue, raw ZPL",
    "settings.transport.system": "System printer (PDF)",
    "settings.address": "Address",
    "settings.address_hint": "folder, USB serial, host:port or queue name",
    "settings.dpi": "Resolution",
    "settings.label_size": "Label size",
    "settings.size.a6": "A6 (105 × 148 mm)",
    "settings.size.4x6": "4 × 6 in (102 × 152 mm)",
    "settings.size.150x103": "150 × 103 mm",
    "settings.size.a4": "A4 (210 × 297 mm)",
    "settings.size.custom": "Custom",
    "settings.width": "Width (mm)",
    "settings.height": "Height (mm)",
    "settings.layout": "Too large label",
    "settings.layout.fit": "Shrink to fit",
    "settings.layout.crop": "Crop the margins",
    "settings.darkness": "Darkness",
    "settings.darkness_printer": "printer's own",
    "settings.encoding": "Image encoding",
    "settings.printer_language": "Printer takes",
    "settings.printer_language.zpl": "ZPL (Zebra label printer)",
    "settings.printer_language.pdf": "PDF (office printer, PDF queue)",
    "settings.print_test": "Print test label",
    "settings.printing": "Printing…",
    "settings.print_ok": "The test label was sent to the printer.",
    "settings.max_gap": "Max. time between keys (ms)",
    "settings.min_length": "Min. scan length",
    "settings.suffix": "Scanner ends with",
    "settings.suffix.enter": "Enter",
    "settings.suffix.tab": "Tab",
    "settings.suffix.crlf": "Enter + line feed",
    "settings.suffix.none": "Nothing",
    "settings.prefix": "Scanner starts with",
    "settings.profiles_list": "Shipping profiles",
    "settings.profile_add": "&Add",
    "settings.profile_copy": "&Copy",
    "settings.profile_remove": "&Remove",
    "settings.profile_defaults": "Reset to &defaults",
    "settings.profile_name": "Name",
    "settings.profile_new": "New profile",
    "settings.carrier": "Carrier",
    "settings.package_type": "Package type",
    "settings.package.package": "Parcel",
    "settings.package.mailbox": "Mailbox parcel",
    "settings.package.letter": "Letter",
    "settings.package.digital_stamp": "Digital stamp",
    "settings.offered": "Options the packer can change",
    "settings.on_by_default": "on by default",
    "settings.picqer_links": "Picqer shipping profiles",
    "settings.links.unknown": "Picqer profile {id} (Load from Picqer shows its name)",
    "settings.links.found": (
        "Picqer has {count} shipping profiles. Tick the ones whose picklists this profile ships, then Save."
    ),
    "settings.links.there": "Picqer has {count} shipping profiles; the ticked ones ({name}) are among them.",
    "settings.links.gone": (
        "Picqer has {count} shipping profiles, but not {id} ticked before (removed or switched off). "
        "Untick it, then Save."
    ),
    "settings.links.empty": (
        "Picqer has no active shipping profiles. Add your carriers as shipping providers in Picqer, then load again."
    ),
    "settings.write_back": "After printing, in Picqer",
    "settings.wb.comment": "Add a comment with the track && trace code",
    "settings.wb.order_field": "Order field for the tracking code",
    "settings.wb.pick_all": "Mark all products picked",
    "settings.wb.close": "Close the picklist",
    "settings.wb.claim": "Claim the picklist for this station before booking",
    "settings.wb.mode": "Write back to Picqer",
    "settings.wb.mode.picqer_shipment": "Picqer shipment (via the packstation relay)",
    "settings.wb.mode.comment": "Comment only",
    "settings.wb.profile": "Relay's shipping profile",
    "settings.wb.profile_none": "None chosen: Test connection loads the list",
    "settings.wb.profile_unknown": "Profile {id} (Test connection shows its name)",
    "settings.wb.profiles_found": (
        "Picqer has {count} shipping profiles. Choose the one that points at the packstation relay, then Save."
    ),
    "settings.wb.profile_there": "Picqer has {count} shipping profiles; the chosen one ({name}) is among them.",
    "settings.wb.profile_gone": (
        "Picqer has {count} shipping profiles, but not profile {id} chosen before (removed or switched off). "
        "Choose another one, then Save."
    ),
    "settings.wb.no_profiles": (
        "Picqer has no active shipping profiles. Add the packstation relay as a shipping provider in Picqer, "
        "then test again."
    ),
    "settings.wb.need_account": "Fill in the Picqer address and API key on the Accounts tab first.",
    "settings.wb.choose_profile": (
        "Choose the relay's shipping profile (Test connection lists them), or choose Comment only."
    ),
    "settings.wb.profile_missing": "Profile {id} (no longer in Picqer)",
    "settings.load_from_picqer": "Load from Picqer",
    "settings.order_field.none": "None",
    "settings.order_field.unknown": "Order field {id} (Load from Picqer shows its name)",
    "settings.order_field.missing": "Order field {id} (no longer in Picqer)",
    "settings.order_field.found": (
        "Picqer has {count} order fields. Choose the one for the tracking code, or None, then Save."
    ),
    "settings.order_field.there": "Picqer has {count} order fields; the chosen one ({name}) is among them.",
    "settings.order_field.gone": (
        "Picqer has {count} order fields, but not order field {id} chosen before (removed). "
        "Choose another one or None, then Save."
    ),
    "settings.order_field.empty": (
        "Picqer has no order fields. To keep the tracking code in one, add an order field in Picqer "
        "(Settings > Order fields), then load again."
    ),
    "settings.warehouse": "Warehouse",
    "settings.warehouse.none": "All warehouses",
    "settings.warehouse.unknown": "Warehouse {id} (Load from Picqer shows its name)",
    "settings.warehouse.missing": "Warehouse {id} (no longer in Picqer)",
    "settings.warehouse.found": (
        "Picqer has {count} warehouses. Choose the one this station packs for, or All warehouses, then Save."
    ),
    "settings.warehouse.there": "Picqer has {count} warehouses; the chosen one ({name}) is among them.",
    "settings.warehouse.gone": (
        "Picqer has {count} warehouses, but not warehouse {id} chosen before (removed). "
        "Choose another one or All warehouses, then Save."
    ),
    "settings.warehouse.empty": "Picqer lists no warehouses for this key: the station shows every picklist.",
    "settings.printers_refresh": "Refresh",
    "settings.printers_searching": "Looking for printers…",
    "settings.printers_usb_found": "Zebras on USB: {count}. Choose one, or type a serial.",
    "settings.printers_no_usb": (
        "No Zebra on USB. Check the cable and power. Linux: install the udev rule for Zebras. "
        "Windows: use Printer queue, raw ZPL with the Zebra driver's queue."
    ),
    "settings.printers_queues_found": "Print queues: {count}. Choose one, or type a queue name.",
    "settings.printers_no_queues": (
        "No print queue found. Is the printer on and its driver installed (Windows: Printers & scanners; "
        "Linux: CUPS)? Or type the queue name."
    ),
    "settings.printers_problem": "Could not look: {detail}",
    "settings.printer_ready": "ready",
    "settings.printer_queue_off": "switched off",
    "settings.printer_no_serial": "serial unreadable",
    "settings.discard_title": "Unsaved changes",
    "settings.discard_question": "You changed settings that are not saved. Close without saving?",
    "settings.discard": "&Discard changes",
    "settings.keep_editing": "&Keep editing",
    "settings.language": "Language",
    "settings.station": "Station name",
    "settings.refresh": "Refresh the list every (s)",
    "settings.saved": "Settings saved.",
    "settings.save_failed": "The settings could not be saved: {detail}",
    "settings.keys_not_saved": (
        "The settings are saved, but the API keys are not (no keyring). Use {picqer_env} and {myparcel_env}."
    ),
    "settings.problems_title": "Settings file problems",
    "settings.problems": (
        "The settings file has problems; defaults are used where it could not be read:\n\n{problems}\n\n"
        "A copy of the file as it was is kept at:\n{backup}\n\nOpen Settings to check and save them again."
    ),
    "settings.no_backup": "(no copy could be made)",
    "settings_problem.settings_unreadable": "The file could not be read ({error}); the standard settings are used.",
    "settings_problem.settings_newer": "The file is from a newer packstation (version {version}): update this station.",
    "settings_problem.section_invalid": "[{section}] is not a section; its standard values are used.",
    "settings_problem.setting_unknown": "Unknown setting “{name}” is ignored.",
    "settings_problem.setting_unknown_similar": "Unknown setting “{name}” is ignored. Did you mean “{suggestion}”?",
    "settings_problem.setting_not_a_choice": (
        "Setting “{name}” is {value}, which is not one of {allowed}; the standard value is used."
    ),
    "settings_problem.setting_invalid": "Setting “{name}” has an invalid value {value}; the standard value is used.",
    "settings_problem.setting_out_of_range": (
        "Setting “{name}” is {value}, outside {low} to {high}; the standard value is used."
    ),
    "settings_problem.profile_skipped": "The shipping profile {profile} is skipped: {reason}",
    "settings_problem.write_back_no_profile": (
        "Picqer shipment is chosen, but no shipping profile of the relay; a comment is written in Picqer instead."
    ),
    "settings_problem.no_profile_usable": "No shipping profile in the file is usable; the standard ones are offered.",
    "journal.problem_title": "Shipment journal",
    "journal.problem": (
        "The shipment journal could not be used, so packstation started a new one. Nothing is lost: the old "
        "journal and every stored label are kept.\n\n{detail}\n\nYou can go on packing; tell your admin."
    ),
    # --- crash dialog ------------------------------------------------------------------------------
    "crash.title": "Something went wrong",
    "crash.text": "The app hit a problem it did not expect. Your shipments are safe. Copy the details for the admin.",
    "crash.copy": "Copy details",
    "crash.close": "Close",
    "crash.log": "Also written to: {path}",
    # --- documents beside the label: packing list, return label, Picqer's station printers (issue 17) ----
    "documents.packing_list_failed": (
        "The packing list of {number} did not print ({reason}). The label is fine: print the packing list from "
        "Picqer (picklist, Print packing list), or check the document printer in Settings."
    ),
    "documents.return_not_made": (
        "No return label was made for {number} ({reason}). The label is fine: make the return in MyParcel's back "
        "office if the customer needs one."
    ),
    "documents.return_not_printed": (
        "The return label of {number} (return barcode {barcode}) did not print ({reason}). The label is fine: "
        "print the return label from the journal (Labels folder)."
    ),
    "settings.packing_list": "Packing list",
    "settings.packing_list.policy": "Print Picqer's packing list",
    "settings.packing_list.never": "Never",
    "settings.packing_list.always": "With every parcel",
    "settings.packing_list.when_asked": "When the order asks for it",
    "settings.packing_list.tag": "Tag that asks for it",
    "settings.packing_list.order_field": "Order field that asks for it (id, 0 = none)",
    "settings.return_label": "Return label",
    "settings.return_label.none": "None",
    "settings.return_label.printed": "Printed with the label",
    "settings.return_label.printerless": "Printerless (PostNL NL), else printed",
    "settings.station_printers.button": "Take this station's printers from Picqer",
    "settings.station_printers.loading": "Looking up this station in Picqer's packing stations…",
    "settings.station_printers.found": (
        "Picqer's packing station {station}: label printer {label}, document printer {document}. Check them on the "
        "Printers tab, then Save."
    ),
    "settings.station_printers.not_set": "not set in Picqer",
    "settings.station_printers.none_named": (
        "Picqer has no packing station named {station}. Give this station the name it has in Picqer (Settings, "
        "Packing stations), then try again."
    ),
    "settings.station_printers.need_name": (
        "Fill in the station name first: it is looked up in Picqer's packing stations."
    ),
    # --- verified packing (issue 16) ---
    "settings.pack_check": "F12 needs every line ticked",
    "settings.pack_check.off": "No",
    "settings.pack_check.warn": "Ask first",
    "settings.pack_check.require": "Yes, refuse",
    "pack.title": "Packing",
    "pack.header.code": "Code",
    "pack.header.name": "Product",
    "pack.header.barcode": "Barcode",
    "pack.header.amount": "Amount",
    "pack.header.ticked": "Ticked",
    "pack.box": "Box: {box}",
    "pack.no_box": "Box: scan a box barcode",
    "pack.weight.scale": "Weight: {grams} g from scale",
    "pack.weight.none": "Weight: put the parcel on the scale or type it",
    "pack.weight.expected": "expected {grams} g",
    "pack.weight.off": "Weight {grams} g: more than {tolerance} g off the expected {expected} g. Check the parcel.",
    "pack.manual_tick": "Tick by hand  (Ctrl+T)",
    "pack.progress": "{packed} of {total} units ticked",
    "pack.opened": "Scan the products of {number}.",
    "pack.ticked": "{code} ticked: {packed} of {amount}.",
    "pack.all_ticked": "All lines ticked. Scan a box, then F12.",
    "pack.box_chosen": "Box {box} chosen; parcels: {count}.",
    "pack.wrong_product": "{code} is not on this picklist ({name}). Put it back; nothing ticked.",
    "pack.extra_unit": "{code}: all {amount} already ticked. Put this one back; nothing ticked.",
    "pack.unknown_code": (
        "{code} is not on this picklist and is no box. Put it back, or tick its line by hand (Ctrl+T)."
    ),
    "pack.garbled": "The scan was unreadable. Scan it again.",
    "pack.bundle_code": "{code} is a set: scan its parts one by one.",
    "pack.manual.title": "Tick by hand",
    "pack.manual.text": "Why is {code} ({name}) not scanned?",
    "pack.manual.ticked": "{code} ticked by hand: {packed} of {amount}.",
    "pack.manual.choose": "Choose the line with ↑ ↓, then Ctrl+T again. Esc goes back to scanning.",
    "pack.switch.title": "Another picklist",
    "pack.switch.text": "{number} is half packed ({packed} of {total}). Open {other} instead? The ticks are kept.",
    "pack.missing.title": "Lines not ticked",
    "pack.missing.text": "{count} lines are not ticked ({missing}). Ship anyway?",
    "pack.missing.refused": "Not all ticked. Still missing: {missing}. Scan them, then F12.",
    "pack.picks_failed": "Picks not sent to Picqer yet: {error}. They are sent with the next tick or F12.",
    "pack.failed": "Packing could not be loaded: {error}. Ship without ticking, or scan the picklist again.",
    "scale.unplugged": "Scale unplugged: type the weight.",
    "scale.back": "Scale connected again.",
    "scale.zeroed": "Scale set to zero.",
    "action.zero": "Zero scale  (Ctrl+0)",
    # verified packing: undo and a weight per box (issue 16)
    "pack.untick_button": "Untick one  (Alt+U)",
    "pack.untick_tip": "Takes one tick off the chosen line. In the list, Delete does the same.",
    "pack.manual_tip": "Ticks a product that has no barcode. You give the reason.",
    "pack.remove_box_button": "Remove box  (Ctrl+Shift+B)",
    "pack.boxes": "Boxes: {count}",
    "pack.box.row": "{n}. {box}: {weight}",
    "pack.box.scale": "{grams} g from scale",
    "pack.box.typed": "{grams} g typed",
    "pack.box.unweighed": "not weighed yet",
    "pack.box.none": "No box scanned yet: nothing to remove.",
    "pack.box.removed": "Box {box} removed; parcels: {count}.",
    "pack.untick.choose": "Choose the line with ↑ ↓, then Alt+U or Delete. Esc goes back to scanning.",
    "pack.untick.nothing": "{code}: nothing ticked to take out.",
    "pack.unticked": "{code} unticked: {packed} of {amount}.",
    "pack.unticked.picked": "The tick is gone here; {count} stays picked in Picqer (Picqer cannot un-pick).",
    # Printer conditions that had words only below the UI (packstation.printing.transport codes).
    "printer.no_answer": "not answering (paper out, print head open or ribbon out?)",
    "printer.head_too_cold": "print head too cold",
    "printer.memory_corrupt": "memory corrupt",
    "printer.not_ready": "not ready",
    # Why a print job failed, was cancelled or is tried again (domain.errors.QueueProblemCode; i18n.queue_problem_text).
    "queue.problem.cancelled": "cancelled by the packer",
    "queue.problem.moved": "moved to {printer}",
    "queue.problem.moving": "moving to {printer}",
    "queue.problem.closed": "the app was closed before it printed",
    "queue.problem.retrying": "retrying in {delay} s: {error}",
    "queue.problem.gave_up": "{error} (tried {attempts} times)",
    "queue.problem.not_prepared": "could not prepare it for {printer}: {error}",
    "queue.problem.unexpected": "unexpected error: {error}",
    # What to do after a printer error on the command line (`packstation ship` goes on where it stopped).
    "next.command": "Then run the command again: it goes on where it stopped.",
    # --- ship with a related return label (Shift+F12), issue 17 ----------------------------------------
    "action.ship_with_return": "Ship + return label  (Shift+F12)",
    "status.return_retry_first": "{number} is not finished: press F12 to try again first.",
    "status.return_after_shipping": "{number} is already shipped: make its return label in MyParcel's back office.",
    "status.return_not_offered": (
        "{carrier} makes no return labels through MyParcel, {offered} does: choose another profile, or press F12 to "
        "ship without one."
    ),
    "status.return_no_email": (
        "{number} has no customer e-mail address, which MyParcel needs for a return label. Press F12 to ship "
        "without one."
    ),
    "status.return_printed": "return label {barcode} printed",
    "status.return_mailed": "return {barcode} e-mailed to the customer",
    "status.return_stored": "return label {barcode} stored",
}
