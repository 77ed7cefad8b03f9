<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>packstation</name>
    <message>
        <source>Packstation</source>
        <comment>app.title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packstation — {station}</source>
        <comment>app.title_station</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed labels go to {folder}</source>
        <comment>app.print_folder</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ship and print  (F12)</source>
        <comment>action.ship</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again  (F12)</source>
        <comment>action.retry</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ship and print  (F12)
{number}</source>
        <comment>action.ship_number</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again  (F12)
{number}</source>
        <comment>action.retry_number</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update Picqer  (F12)
{number}</source>
        <comment>action.finish_write_back</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish the shipment  (F12)
{number}</source>
        <comment>action.finish</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print label again  (Ctrl+R)</source>
        <comment>action.reprint</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh list  (F5)</source>
        <comment>action.refresh</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings…</source>
        <comment>action.settings</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nederlands</source>
        <comment>action.language</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nederlands  (Ctrl+L)</source>
        <comment>action.language_key</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <comment>action.quit</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a picklist or type its number and press Enter</source>
        <comment>scan.placeholder</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search customer, number, country…</source>
        <comment>search.placeholder</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <comment>filter.status</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warehouse</source>
        <comment>filter.warehouse</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <comment>filter.all_statuses</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All warehouses</source>
        <comment>filter.all_warehouses</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warehouse {id}</source>
        <comment>filter.warehouse_n</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {total} picklists</source>
        <comment>list.count</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pink: urgent, listed first</source>
        <comment>list.urgent_legend</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent picklists have a pink, bold row and come first in the list.</source>
        <comment>list.urgent_legend_tip</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading picklists… {count}</source>
        <comment>list.loading</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picklist</source>
        <comment>col.number</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <comment>col.customer</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <comment>col.country</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products</source>
        <comment>col.products</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <comment>col.weight</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred profile</source>
        <comment>col.profile</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <comment>col.status</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent</source>
        <comment>col.urgent</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URGENT</source>
        <comment>urgent.yes</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{grams} g</source>
        <comment>weight.grams</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>–</source>
        <comment>weight.unknown</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new</source>
        <comment>status.new</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <comment>status.paused</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <comment>status.closed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>snoozed</source>
        <comment>status.snoozed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <comment>status.cancelled</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <comment>status.unknown</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a picklist to start packing.</source>
        <comment>detail.empty</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient</source>
        <comment>detail.recipient</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <comment>detail.name</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <comment>detail.company</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street</source>
        <comment>detail.street</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <comment>detail.number</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suffix</source>
        <comment>detail.suffix</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Box</source>
        <comment>detail.box</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postal code, city</source>
        <comment>detail.postal_city</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <comment>detail.country</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As entered: {line}</source>
        <comment>detail.original_address</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the house number: the address could be read in more than one way. {reason}</source>
        <comment>detail.split_ambiguous</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products</source>
        <comment>detail.products</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address is &amp;correct, I checked it  (Alt+C)</source>
        <comment>detail.address_confirmed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+{n}:  street “{street}”, number {number}{rest}</source>
        <comment>detail.reading</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, addition {suffix}</source>
        <comment>detail.reading_suffix</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, box {box}</source>
        <comment>detail.reading_box</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer remarks</source>
        <comment>detail.remarks</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <comment>detail.no_remarks</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred delivery date</source>
        <comment>detail.delivery_date</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pickup point</source>
        <comment>detail.pickup_point</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>–</source>
        <comment>detail.none</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight (grams)</source>
        <comment>detail.weight</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: {grams} g</source>
        <comment>detail.weight_default</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parcels</source>
        <comment>detail.parcels</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipping profile</source>
        <comment>detail.profile</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a profile…</source>
        <comment>detail.choose_profile</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <comment>detail.options</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile  (Alt+P)</source>
        <comment>detail.profile_key</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options  (Alt+O)</source>
        <comment>detail.options_key</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+P comes here from anywhere; ↑/↓ choose the profile, Esc goes back to scanning.</source>
        <comment>detail.profile_tip</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+O comes here from anywhere; Tab goes on to the next option, Esc back to scanning.</source>
        <comment>detail.options_tip</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already shipped: {barcodes}. Press Ctrl+R to print the label again.</source>
        <comment>detail.existing</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipped ({barcodes}) but not finished. Still to do: {remaining}. Press F12 to finish it; nothing new is booked.</source>
        <comment>detail.unfinished</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{amount} × {name}  ({code})</source>
        <comment>detail.line</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URGENT</source>
        <comment>detail.urgent</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <comment>option.yes</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <comment>option.no</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature on delivery</source>
        <comment>option.label.signature</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only recipient</source>
        <comment>option.label.only_recipient</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return when not home</source>
        <comment>option.label.return</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age check 18+</source>
        <comment>option.label.age_check</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large format</source>
        <comment>option.label.large_format</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insurance</source>
        <comment>option.label.insurance</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label text</source>
        <comment>option.label.label_description</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not delivered to neighbours.</source>
        <comment>option.description.only_recipient</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the sender instead of a second attempt.</source>
        <comment>option.description.return</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient signs and shows they are 18 or older.</source>
        <comment>option.description.age_check</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between 100x70x50 and 175x78x58 cm.</source>
        <comment>option.description.large_format</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abroad the carrier&apos;s fixed amount is applied automatically.</source>
        <comment>option.description.insurance</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed on the label, at most 45 characters; empty: the order reference.</source>
        <comment>option.description.label_description</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not insured</source>
        <comment>option.not_insured</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insured up to {amount}</source>
        <comment>option.insured_up_to</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address line is empty.</source>
        <comment>split.empty</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no space before the house number: type street and number apart.</source>
        <comment>split.no_space_before_number</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No house number at the end of the address line: type street and number apart.</source>
        <comment>split.no_number</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No house number in the address line: type street, number and box apart.</source>
        <comment>split.no_number_be</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{number}-{suffix}” may be a range of numbers, or number {number} with addition {suffix}.</source>
        <comment>split.range_or_addition</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{suffix}” after the house number is not a usual addition.</source>
        <comment>split.unusual_addition</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The house number is written before the street.</source>
        <comment>split.number_first</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{number}” may be part of the street name, or the house number: press Alt+1 or Alt+2.</source>
        <comment>split.two_readings</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{number}-{range}” may be a range of numbers.</source>
        <comment>split.range</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The box number “{box}” is longer than {max} characters.</source>
        <comment>split.box_too_long</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The street is longer than {max} characters and has no space to split it at.</source>
        <comment>split.street_unsplittable</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The street is longer than {max} characters; the rest went to the extra line.</source>
        <comment>split.street_overflow</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking picklist</source>
        <comment>step.check</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating shipment</source>
        <comment>step.create</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching label</source>
        <comment>step.label</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking barcode</source>
        <comment>step.prepare</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing</source>
        <comment>step.print</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating Picqer</source>
        <comment>step.write_back</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <comment>step.done</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <comment>state.waiting</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>busy…</source>
        <comment>state.running</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <comment>state.done</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <comment>state.failed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <comment>state.skipped</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the print queue</source>
        <comment>state.queued</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label from MyParcel</source>
        <comment>preview.pdf</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the printer gets</source>
        <comment>preview.printed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No label yet</source>
        <comment>preview.none</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Barcode check passed: {codes}</source>
        <comment>preview.barcodes_ok</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Barcode check FAILED: {codes} would not scan</source>
        <comment>preview.barcodes_missing</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No barcode found to check</source>
        <comment>preview.no_barcodes</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The label PDF cannot be shown</source>
        <comment>preview.pdf_unreadable</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready. Scan a picklist.</source>
        <comment>status.ready</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening {number}…</source>
        <comment>status.opening</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} opened. Check the profile and press F12 to ship.</source>
        <comment>status.opened</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} opened. Choose a shipping profile, then press F12.</source>
        <comment>status.opened_choose</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipping {number}: {step}…</source>
        <comment>status.shipping</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} shipped ({barcodes}). {printer} printed the label. Scan the next picklist.</source>
        <comment>status.shipped</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number}: {printer} printed the label again ({barcodes}); nothing new was booked. Scan the next picklist.</source>
        <comment>status.reprinted</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} shipped ({barcodes}) and Picqer is updated. Scan the next picklist.</source>
        <comment>status.shipped_finished</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} shipped ({barcodes}). The label is stored, not printed.</source>
        <comment>status.shipped_not_printed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} shipped ({barcodes}) and registered in Picqer. {printer} printed the label. Scan the next picklist.</source>
        <comment>status.shipped_registered</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} shipped ({barcodes}) and registered in Picqer. The label is stored, not printed.</source>
        <comment>status.shipped_registered_not_printed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} shipped ({barcodes}). {printer} printed the label.</source>
        <comment>status.shipped_next</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} shipped ({barcodes}). {waiting} Scan the next picklist.</source>
        <comment>status.shipped_print_waiting</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number}: the waiting label is printed now.</source>
        <comment>status.held_label_printed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number}: the waiting label was cancelled, so it is not printed. Scan {number} and press F12 to print it.</source>
        <comment>status.held_label_cancelled</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{printer}: paper out. Load labels; the label prints by itself.</source>
        <comment>print_waiting.paper_out</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{printer}: print head open. Close it; the label prints by itself.</source>
        <comment>print_waiting.head_open</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{printer}: ribbon out. Load a new ribbon; the label prints by itself.</source>
        <comment>print_waiting.ribbon_out</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{printer}: paused. Press the pause button on the printer; the label prints by itself.</source>
        <comment>print_waiting.paused</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{printer}: {conditions}. Fix the printer; the label prints by itself.</source>
        <comment>print_waiting.other</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still shipping {number}. Wait until it is done, then scan {scanned} again.</source>
        <comment>status.busy_refused</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{next} is next: it opens as soon as {number} is done.</source>
        <comment>status.next_queued</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{next} is next.</source>
        <comment>status.is_next</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{next} is next: it opens once this one is done; scan it again to leave this one.</source>
        <comment>status.next_after_failure</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a picklist first.</source>
        <comment>status.nothing_open</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} is shipped but not finished. Still to do: {remaining}. Press F12 to finish it.</source>
        <comment>status.unfinished_offer</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing the label of {number} again…</source>
        <comment>status.reprinting</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} has no label yet: press F12 to ship it.</source>
        <comment>status.reprint_not_shipped</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number}: nothing new was booked. {waiting}</source>
        <comment>status.reprint_waiting</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still opening {number}. Press F12 again once it is shown.</source>
        <comment>status.still_opening</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{highlighted} is highlighted, but {number} is open. Press Enter to open {highlighted}, or Esc to stay with {number}.</source>
        <comment>status.highlight_not_open</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{highlighted} is highlighted, not opened. Press Enter to open it.</source>
        <comment>status.highlight_press_enter</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a shipping profile first.</source>
        <comment>status.no_profile</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanned “{received}”: that is not a picklist number. Scan the picklist barcode again.</source>
        <comment>status.scan_garbled</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No picklist matches the search. Change the search, or scan the picklist.</source>
        <comment>search.nothing_found</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} is ready now. Press F12 to ship.</source>
        <comment>status.fixed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two scans ran together (“{first}” and “{second}”). Scan one picklist.</source>
        <comment>status.scan_twice</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanned “{received}”: the scanner seems set to the {layout} keyboard layout (meant “{meant}”?). Set the scanner to the keyboard layout of this computer.</source>
        <comment>status.scan_layout</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scan was {length} characters long and was cut. Scan the picklist barcode, not another code.</source>
        <comment>status.scan_cut</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed invisible characters from the scan ({chars}).</source>
        <comment>status.scan_control</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language: English</source>
        <comment>status.language</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List updated: {count} picklists.</source>
        <comment>status.refreshed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the picklist again.</source>
        <comment>next.open</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Then press F12 to try again.</source>
        <comment>next.ship</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list tries again by itself.</source>
        <comment>next.load</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Then test the connection again.</source>
        <comment>next.settings</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{service} cannot be reached. Check the network cable or Wi-Fi. {next}</source>
        <comment>error.connection</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{service} cannot be reached at {url}. Check the network cable or Wi-Fi. {next}</source>
        <comment>error.connection_at</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no {service} API key. Ask the admin to enter it in Settings or to set {variable}.</source>
        <comment>error.key_missing</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{service} did not answer in time. Nothing is lost and no second label will be made. {next}</source>
        <comment>error.timeout</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{service} sent an answer the app cannot read. {next} If it keeps happening, call the office.</source>
        <comment>error.bad_response</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{service} refused the API key. Ask the admin to check the key in Settings.</source>
        <comment>error.unauthorized</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{service} refused the API key. Copy the key from {service} again, paste it on the Accounts tab and test again.</source>
        <comment>error.unauthorized_settings</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picqer refused the API key. In Picqer, open Settings &gt; API keys, copy the key (or add a new one), paste it on the Accounts tab and test again.</source>
        <comment>error.unauthorized_settings.picqer</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MyParcel refused the API key. In the MyParcel backoffice (SendMyParcel for Belgium), open Settings &gt; API key, copy the key, paste it on the Accounts tab and test again.</source>
        <comment>error.unauthorized_settings.myparcel</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{service} does not know this ({detail}). Check the number. {next}</source>
        <comment>error.not_found</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{service} is busy. Wait {seconds} seconds. {next}</source>
        <comment>error.rate_limited</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MyParcel wants this label paid first. Ask the office to pay it ({url}). {next}</source>
        <comment>error.payment</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{service} refused the shipment: {reasons}. Change the options. {next}</source>
        <comment>error.rejected</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{service} has a problem on its side. Wait a minute. {next}</source>
        <comment>error.server</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picqer did not register the shipment: {reasons}. The label is made: press F12 to finish updating Picqer (no second label is made).</source>
        <comment>error.not_registered</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{service} answered with an error: {detail}. {next}</source>
        <comment>error.api</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{service} stayed busy for {minutes} min: other stations share its limit. Nothing was booked twice. Wait a minute. {next}</source>
        <comment>error.rate_limited_long</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped waiting for {service}. Everything done so far is kept. Press F12 to go on; nothing is booked twice.</source>
        <comment>error.wait_stopped</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{service} is busy, trying again in {seconds} s; nothing is booked twice.</source>
        <comment>wait.rate_limited</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{service} has a problem on its side, trying again in {seconds} s (try {attempt} of {attempts}); nothing is booked twice.</source>
        <comment>wait.server_error</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{service} did not answer in time, trying again in {seconds} s (try {attempt} of {attempts}); nothing is booked twice.</source>
        <comment>wait.no_answer</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{service} cannot be reached, trying again in {seconds} s (try {attempt} of {attempts}).</source>
        <comment>wait.unreachable</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{service} did not confirm in time; checking for {seconds} s so nothing is done twice.</source>
        <comment>wait.confirming</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop waiting  (Esc)</source>
        <comment>action.stop_waiting</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent, fix this first: {violations}</source>
        <comment>error.invalid</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no picklist “{number}”. Check the number and scan again.</source>
        <comment>error.picklist_not_found</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanned “{code}”: that looks like a product code (EAN), not a picklist. Scan the barcode on the picklist.</source>
        <comment>error.product_code</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} is still open.</source>
        <comment>status.still_open</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picklist {number} cannot be packed now: it is {reason}. Put it aside and tell the office.</source>
        <comment>error.not_packable</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picklist {number} is being packed by {holder}. Put it aside.</source>
        <comment>error.not_packable_holder</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picklist {number} already has a label ({barcodes}). Press Ctrl+R to print it again.</source>
        <comment>error.already_shipped</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The label from MyParcel cannot be used ({detail}). {next}</source>
        <comment>error.label</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not printed: barcode {codes} would not scan on the label. Ask the admin to check the printer settings.</source>
        <comment>error.barcode_check</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not printed: the A4 label sheet holds labels or forms in positions {positions}, and packstation does not guess which to print. Ask the admin to set the label&apos;s A4 position for the label printer, or to send A4 labels to the document printer.</source>
        <comment>error.sheet_position</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not printed: barcode {codes} would not scan on the A4 label shrunk to {percent}. Ask the admin to send A4 labels to the document printer, or to ask the carrier for A6 labels.</source>
        <comment>error.sheet_unreadable</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{printer} cannot be reached. Switch it on and check its cable or network. {next}</source>
        <comment>error.printer_not_found</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{printer} is not ready: {conditions}. Fix it. {next}</source>
        <comment>error.printer_not_ready</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{printer} went away while printing. Reconnect its cable or network. {next}</source>
        <comment>error.printer_disconnected</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{printer} did not print the label ({detail}). Check the printer. {next}</source>
        <comment>error.printer_failed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The label was cancelled in the print queue, so it did not print. {next}</source>
        <comment>error.print_cancelled</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or print it on the other printer: F9, choose the label, F8; then F12 finishes the shipment.</source>
        <comment>next.redirect</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings cannot be used: {detail}. Ask the admin to open Settings.</source>
        <comment>error.settings</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer has no safe place for API keys. Ask the admin to set them as environment variables.</source>
        <comment>error.secrets</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something unexpected went wrong. {next} If it keeps happening, tell the admin: the details are in the packstation log.</source>
        <comment>error.unexpected</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paper out</source>
        <comment>printer.paper_out</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print head open</source>
        <comment>printer.head_open</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ribbon out</source>
        <comment>printer.ribbon_out</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <comment>printer.paused</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <comment>printer.offline</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>buffer full</source>
        <comment>printer.buffer_full</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print head too hot</source>
        <comment>printer.head_too_hot</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AZERTY (Belgian/French)</source>
        <comment>layout.azerty</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QWERTZ (German)</source>
        <comment>layout.qwertz</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{cc}” is not a country code: use two letters like NL.</source>
        <comment>violation.country_invalid</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the recipient&apos;s name.</source>
        <comment>violation.person_missing</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient&apos;s name is too long: shorten it.</source>
        <comment>violation.person_too_long</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the street.</source>
        <comment>violation.street_missing</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The street is too long: shorten it and put the rest in the extra address line.</source>
        <comment>violation.street_too_long</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the city.</source>
        <comment>violation.city_missing</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the house number (digits only).</source>
        <comment>violation.number_missing</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>House number “{number}” must be digits only: put letters in the suffix.</source>
        <comment>violation.number_invalid</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The house number suffix “{suffix}” is too long: shorten it.</source>
        <comment>violation.number_suffix_too_long</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Box numbers exist only in Belgium: move “{box}” to the suffix.</source>
        <comment>violation.box_number_not_be</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Box number “{box}” is too long: shorten it.</source>
        <comment>violation.box_number_too_long</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postal code “{postal_code}” is not valid for {cc}: check it.</source>
        <comment>violation.postal_code_invalid</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{carrier} cannot be shipped from the packing station: choose another profile.</source>
        <comment>violation.carrier_unsupported</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{carrier} is not available on this MyParcel account: choose another profile.</source>
        <comment>violation.carrier_not_on_platform</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{carrier} does not deliver to {cc}: choose another profile (bpost).</source>
        <comment>violation.carrier_destination</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SendMyParcel.be ships only parcels: choose a parcel profile.</source>
        <comment>violation.package_type_not_on_platform</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a normal parcel can go to {cc}: choose a parcel profile.</source>
        <comment>violation.package_type_not_abroad</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This package type cannot have “{option}”: switch it off or choose a parcel profile.</source>
        <comment>violation.option_needs_package</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SendMyParcel.be has no large format: switch it off.</source>
        <comment>violation.large_format_not_on_platform</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SendMyParcel.be has no “only recipient”: switch it off.</source>
        <comment>violation.only_recipient_not_on_platform</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SendMyParcel.be has no age check: switch it off.</source>
        <comment>violation.age_check_not_on_platform</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“Only recipient” is not possible to {cc}: switch it off.</source>
        <comment>violation.only_recipient_not_abroad</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A signature is not possible to {cc}: switch it off.</source>
        <comment>violation.signature_not_abroad</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“Return when not home” is not possible to {cc}: switch it off.</source>
        <comment>violation.return_not_abroad</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An age check is not possible to {cc}: switch it off.</source>
        <comment>violation.age_check_not_abroad</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large format is only possible within the EU: switch it off for {cc}.</source>
        <comment>violation.large_format_not_world</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This delivery type is not possible to {cc}: choose standard delivery.</source>
        <comment>violation.delivery_type_not_available</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This delivery type needs “only recipient”: switch it on.</source>
        <comment>violation.only_recipient_required</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This delivery type needs a delivery date: pick one.</source>
        <comment>violation.delivery_date_required</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery to a pickup point needs a signature: switch it on.</source>
        <comment>violation.signature_required</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery to a pickup point needs the pickup point: choose one or deliver at home.</source>
        <comment>violation.pickup_location_required</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Morning delivery is not possible on {delivery_date} (weekend): pick a weekday.</source>
        <comment>violation.delivery_date_weekend</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pickup point is set but the delivery is not to a pickup point: choose pickup or remove the point.</source>
        <comment>violation.pickup_without_pickup_delivery</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SendMyParcel.be takes no delivery date: remove it.</source>
        <comment>violation.delivery_date_not_on_platform</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A delivery date needs a delivery type: choose one or remove the date.</source>
        <comment>violation.delivery_type_required</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery date {delivery_date} has passed: pick a later date.</source>
        <comment>violation.delivery_date_past</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The insured amount cannot be negative.</source>
        <comment>violation.insurance_invalid</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insurance of {amount_eur} is too high for a parcel within NL: choose a lower amount.</source>
        <comment>violation.insurance_too_high</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An insured parcel needs “only recipient”: switch it on.</source>
        <comment>violation.insurance_needs_only_recipient</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An insured parcel needs a signature: switch it on.</source>
        <comment>violation.insurance_needs_signature</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parcels to {cc} must be insured for exactly {required_eur}: set the insurance to that.</source>
        <comment>violation.insurance_eu_amount</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parcels to {cc} must be insured for exactly {required_eur}: set the insurance to that.</source>
        <comment>violation.insurance_world_amount</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On SendMyParcel.be the insurance is either none or {required_eur}.</source>
        <comment>violation.insurance_amount</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An age check needs a signature: switch it on.</source>
        <comment>violation.age_check_needs_signature</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An age check needs “only recipient”: switch it on.</source>
        <comment>violation.age_check_needs_only_recipient</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pickup point is incomplete ({missing}): choose the pickup point again.</source>
        <comment>violation.pickup_location_incomplete</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This pickup point has no location code: choose the pickup point again.</source>
        <comment>violation.pickup_location_code_missing</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shipment has no picklist number as reference.</source>
        <comment>violation.reference_missing</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reference is too long.</source>
        <comment>violation.reference_too_long</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The weight must be more than 0 grams: weigh the parcel.</source>
        <comment>violation.weight_not_positive</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The weight is not known: weigh the parcel and enter it.</source>
        <comment>violation.weight_unknown</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No weight known for {products}: the weight may be too low, weigh the parcel.</source>
        <comment>violation.weight_partial</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The label text has {length} characters: shorten it.</source>
        <comment>violation.label_description_too_long</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order reference is too long for the label; it is shortened.</source>
        <comment>violation.label_description_shortened</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of parcels must be at least 1.</source>
        <comment>violation.parcels_invalid</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SendMyParcel.be cannot book {parcels} parcels as one shipment: ship them one by one.</source>
        <comment>violation.multi_collo_not_on_platform</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several parcels in one shipment need a parcel profile.</source>
        <comment>violation.multi_collo_needs_package</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several parcels in one shipment are only possible to NL and BE: ship them one by one.</source>
        <comment>violation.multi_collo_destination</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parcels to {cc} need a customs declaration: fill it in.</source>
        <comment>violation.customs_required</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This country needs a customs declaration, but the order is not loaded: scan the picklist again.</source>
        <comment>violation.customs_needs_order</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customs needs an invoice number for these contents: fill in the invoice.</source>
        <comment>violation.customs_invoice_missing</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customs declaration lists no products: add at least one.</source>
        <comment>violation.customs_no_items</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customs line {line} needs a description.</source>
        <comment>violation.customs_description_missing</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customs line {line}: the description is too long, shorten it.</source>
        <comment>violation.customs_description_too_long</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customs line {line}: the amount must be at least 1.</source>
        <comment>violation.customs_amount_invalid</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customs line {line} ({description}) has no weight: enter the weight of the products.</source>
        <comment>violation.customs_weight_unknown</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customs line {line} weighs {weight} g, which is too much for one line: split it.</source>
        <comment>violation.customs_weight_out_of_range</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customs line {line} ({description}) has no value: enter what the products are worth.</source>
        <comment>violation.customs_value_missing</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customs line {line} ({description}) has no HS code: add it to the product in Picqer.</source>
        <comment>violation.customs_classification_missing</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customs line {line}: “{classification}” is not an HS code (digits only, at most 10).</source>
        <comment>violation.customs_classification_invalid</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customs line {line}: country of origin “{country}” must be two letters like NL or CN.</source>
        <comment>violation.customs_origin_invalid</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address “{line}” could not be split into street and number: fill in the fields.</source>
        <comment>violation.address_not_split</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address “{line}” can be read in more than one way: check the fields and tick “correct” (Alt+C).</source>
        <comment>violation.address_ambiguous</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address “{line}” can be read in two ways: choose one with Alt+1 or Alt+2, or fill in the fields.</source>
        <comment>violation.address_two_readings</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suffix “{suffix}” is sent separately for Belgium: check it is printed on the label.</source>
        <comment>violation.be_number_suffix</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No e-mail address or phone number: the customer gets no track and trace.</source>
        <comment>violation.contact_missing</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile “{profile}” has no option “{option}”: check the profile in the settings.</source>
        <comment>violation.option_unknown</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a value for “{label}”.</source>
        <comment>violation.option_required</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{value}” is not a choice for “{label}”: choose one from the list.</source>
        <comment>violation.option_value_unknown</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{label}” must be yes or no, not “{value}”.</source>
        <comment>violation.option_not_yes_no</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{label}” must be a whole number, not “{value}”.</source>
        <comment>violation.option_not_a_number</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{label}” may have at most {max} characters; it has {length}: shorten it.</source>
        <comment>violation.option_text_too_long</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{option}” was switched on: the carrier requires it for this shipment.</source>
        <comment>violation.option_added</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The insurance was set to {amount_eur}: the carrier requires it for this shipment.</source>
        <comment>violation.insurance_added</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer chose a {pickup_carrier} pickup point but the profile ships with {carrier}: check the point.</source>
        <comment>violation.pickup_carrier_mismatch</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer asked for delivery on {delivery_date}; this delivery type takes no date.</source>
        <comment>violation.delivery_date_ignored</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New shipment…  (Ctrl+Shift+N)</source>
        <comment>action.new_shipment</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take over…  (Ctrl+Shift+T)</source>
        <comment>action.take_over</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print queue  (F9)</source>
        <comment>action.print_queue</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings…  (Ctrl+,)</source>
        <comment>action.settings_key</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes  (Tab, Space)</source>
        <comment>confirm.yes</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;No</source>
        <comment>confirm.no</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a new shipment?</source>
        <comment>new_shipment.title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picklist {number} already has a label ({barcodes}). A new shipment makes a second, paid label. Only do this when the first parcel is not sent. Make a new shipment?</source>
        <comment>new_shipment.text</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number}: new shipment. Check the profile and press F12.</source>
        <comment>status.new_shipment</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take over this picklist?</source>
        <comment>take_over.title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picklist {number} is claimed by {holder}. Take it over only when they are not packing it. Take over?</source>
        <comment>take_over.text</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picklist {number} is claimed by {holder}. An admin can take it over with Ctrl+Shift+T.</source>
        <comment>status.take_over_hint</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unfinished shipments</source>
        <comment>unfinished.title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These shipments were not finished. Choose one and press Enter to finish it, or Esc to do it later.</source>
        <comment>unfinished.text</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number}  ({when}): still to do: {remaining}</source>
        <comment>unfinished.line</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish  (Enter)</source>
        <comment>unfinished.finish</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later  (Esc)</source>
        <comment>unfinished.later</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finishing {number}…</source>
        <comment>status.resuming</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>book the shipment</source>
        <comment>remaining.book</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fetch the label</source>
        <comment>remaining.label</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print the label</source>
        <comment>remaining.print</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>update Picqer</source>
        <comment>remaining.write_back</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ready</source>
        <comment>printer.ready</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status unknown</source>
        <comment>printer.unknown</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{printer}: {state}</source>
        <comment>printer.status</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print queue</source>
        <comment>queue.title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picklist</source>
        <comment>queue.col.picklist</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer</source>
        <comment>queue.col.printer</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label printer</source>
        <comment>printer.role.label</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document printer</source>
        <comment>printer.role.document</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <comment>queue.col.state</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <comment>queue.col.time</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <comment>queue.col.problem</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <comment>queue.state.queued</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>printing…</source>
        <comment>queue.state.sending</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>printed</source>
        <comment>queue.state.printed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAILED</source>
        <comment>queue.state.failed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <comment>queue.state.cancelled</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>printed again</source>
        <comment>queue.state.printed_again</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} was printed again already: there is nothing to retry.</source>
        <comment>queue.already_printed_again</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry  (F6)</source>
        <comment>queue.retry</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry all failed  (Shift+F6)</source>
        <comment>queue.retry_failed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print again  (F7)</source>
        <comment>queue.reprint</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel  (Del)</source>
        <comment>queue.cancel</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to {printer}  (F8)</source>
        <comment>queue.redirect</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to other printer  (F8)</source>
        <comment>queue.redirect_none</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No print jobs yet.</source>
        <comment>queue.empty</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{failed} failed, {waiting} waiting</source>
        <comment>queue.summary</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: sent to the printer again.</source>
        <comment>queue.done_retry</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All failed jobs are sent again.</source>
        <comment>queue.done_retry_failed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No print job has failed: nothing to send again.</source>
        <comment>queue.nothing_failed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: printing again.</source>
        <comment>queue.done_reprint</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: cancelled.</source>
        <comment>queue.done_cancel</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is {state}: only a waiting job can be cancelled. F6 tries a failed one again.</source>
        <comment>queue.cannot_cancel</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: sent to {printer}.</source>
        <comment>queue.done_redirect</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a print job first (arrow keys).</source>
        <comment>queue.select_first</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Packstation</source>
        <comment>first_run.title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Picqer or MyParcel account is set up yet. Try the app with demo data, or enter the accounts now.</source>
        <comment>first_run.text</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Demo mode (no real labels)</source>
        <comment>first_run.demo</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Set up accounts…</source>
        <comment>first_run.settings</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <comment>first_run.quit</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <comment>settings.title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <comment>settings.tab.accounts</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Printers</source>
        <comment>settings.tab.printers</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;canner</source>
        <comment>settings.tab.scanner</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pr&amp;ofiles</source>
        <comment>settings.tab.profiles</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;General</source>
        <comment>settings.tab.general</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picqer</source>
        <comment>settings.picqer</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MyParcel</source>
        <comment>settings.myparcel</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subdomain or address</source>
        <comment>settings.subdomain</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yourshop (from yourshop.picqer.com)</source>
        <comment>settings.subdomain_hint</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <comment>settings.api_key</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stored; type to replace</source>
        <comment>settings.key_stored</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paste the API key</source>
        <comment>settings.key_missing</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <comment>settings.show_key</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <comment>settings.hide_key</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <comment>settings.test</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing…</source>
        <comment>settings.testing</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to Picqer as {user}.</source>
        <comment>settings.picqer_ok</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to MyParcel: the key works.</source>
        <comment>settings.myparcel_ok</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the subdomain first.</source>
        <comment>settings.need_subdomain</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the API key first.</source>
        <comment>settings.need_key</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <comment>settings.platform</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MyParcel.nl (Netherlands)</source>
        <comment>settings.platform_nl</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SendMyParcel.be (Belgium)</source>
        <comment>settings.platform_be</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API address (empty: standard)</source>
        <comment>settings.base_url</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer has no keyring to store API keys safely, so keys typed here are not saved. Set them as environment variables instead: {picqer_env} and {myparcel_env}, then restart the app.</source>
        <comment>settings.no_keyring</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label printer</source>
        <comment>settings.label_printer</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document printer (A4)</source>
        <comment>settings.document_printer</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <comment>settings.transport</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virtual (save to a folder)</source>
        <comment>settings.transport.virtual</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USB (Zebra)</source>
        <comment>settings.transport.usb</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network (Zebra, port 9100)</source>
        <comment>settings.transport.network</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer queue, raw ZPL</source>
        <comment>settings.transport.spooler</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System printer (PDF)</source>
        <comment>settings.transport.system</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <comment>settings.address</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder, USB serial, host:port or queue name</source>
        <comment>settings.address_hint</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution</source>
        <comment>settings.dpi</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label size</source>
        <comment>settings.label_size</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A6 (105 × 148 mm)</source>
        <comment>settings.size.a6</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4 × 6 in (102 × 152 mm)</source>
        <comment>settings.size.4x6</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>150 × 103 mm</source>
        <comment>settings.size.150x103</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A4 (210 × 297 mm)</source>
        <comment>settings.size.a4</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <comment>settings.size.custom</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width (mm)</source>
        <comment>settings.width</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Height (mm)</source>
        <comment>settings.height</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too large label</source>
        <comment>settings.layout</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shrink to fit</source>
        <comment>settings.layout.fit</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crop the margins</source>
        <comment>settings.layout.crop</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Darkness</source>
        <comment>settings.darkness</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>printer&apos;s own</source>
        <comment>settings.darkness_printer</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image encoding</source>
        <comment>settings.encoding</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer takes</source>
        <comment>settings.printer_language</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ZPL (Zebra label printer)</source>
        <comment>settings.printer_language.zpl</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (office printer, PDF queue)</source>
        <comment>settings.printer_language.pdf</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print test label</source>
        <comment>settings.print_test</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing…</source>
        <comment>settings.printing</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test label was sent to the printer.</source>
        <comment>settings.print_ok</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max. time between keys (ms)</source>
        <comment>settings.max_gap</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min. scan length</source>
        <comment>settings.min_length</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner ends with</source>
        <comment>settings.suffix</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter</source>
        <comment>settings.suffix.enter</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab</source>
        <comment>settings.suffix.tab</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter + line feed</source>
        <comment>settings.suffix.crlf</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing</source>
        <comment>settings.suffix.none</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner starts with</source>
        <comment>settings.prefix</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipping profiles</source>
        <comment>settings.profiles_list</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <comment>settings.profile_add</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <comment>settings.profile_copy</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <comment>settings.profile_remove</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset to &amp;defaults</source>
        <comment>settings.profile_defaults</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <comment>settings.profile_name</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New profile</source>
        <comment>settings.profile_new</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier</source>
        <comment>settings.carrier</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package type</source>
        <comment>settings.package_type</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parcel</source>
        <comment>settings.package.package</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailbox parcel</source>
        <comment>settings.package.mailbox</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter</source>
        <comment>settings.package.letter</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digital stamp</source>
        <comment>settings.package.digital_stamp</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options the packer can change</source>
        <comment>settings.offered</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on by default</source>
        <comment>settings.on_by_default</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picqer shipping profiles</source>
        <comment>settings.picqer_links</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picqer profile {id} (Load from Picqer shows its name)</source>
        <comment>settings.links.unknown</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picqer has {count} shipping profiles. Tick the ones whose picklists this profile ships, then Save.</source>
        <comment>settings.links.found</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picqer has {count} shipping profiles; the ticked ones ({name}) are among them.</source>
        <comment>settings.links.there</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picqer has {count} shipping profiles, but not {id} ticked before (removed or switched off). Untick it, then Save.</source>
        <comment>settings.links.gone</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picqer has no active shipping profiles. Add your carriers as shipping providers in Picqer, then load again.</source>
        <comment>settings.links.empty</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After printing, in Picqer</source>
        <comment>settings.write_back</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a comment with the track &amp;&amp; trace code</source>
        <comment>settings.wb.comment</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order field for the tracking code</source>
        <comment>settings.wb.order_field</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark all products picked</source>
        <comment>settings.wb.pick_all</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the picklist</source>
        <comment>settings.wb.close</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim the picklist for this station before booking</source>
        <comment>settings.wb.claim</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write back to Picqer</source>
        <comment>settings.wb.mode</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picqer shipment (via the packstation relay)</source>
        <comment>settings.wb.mode.picqer_shipment</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment only</source>
        <comment>settings.wb.mode.comment</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay&apos;s shipping profile</source>
        <comment>settings.wb.profile</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None chosen: Test connection loads the list</source>
        <comment>settings.wb.profile_none</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile {id} (Test connection shows its name)</source>
        <comment>settings.wb.profile_unknown</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picqer has {count} shipping profiles. Choose the one that points at the packstation relay, then Save.</source>
        <comment>settings.wb.profiles_found</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picqer has {count} shipping profiles; the chosen one ({name}) is among them.</source>
        <comment>settings.wb.profile_there</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picqer has {count} shipping profiles, but not profile {id} chosen before (removed or switched off). Choose another one, then Save.</source>
        <comment>settings.wb.profile_gone</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picqer has no active shipping profiles. Add the packstation relay as a shipping provider in Picqer, then test again.</source>
        <comment>settings.wb.no_profiles</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the Picqer address and API key on the Accounts tab first.</source>
        <comment>settings.wb.need_account</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the relay&apos;s shipping profile (Test connection lists them), or choose Comment only.</source>
        <comment>settings.wb.choose_profile</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile {id} (no longer in Picqer)</source>
        <comment>settings.wb.profile_missing</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load from Picqer</source>
        <comment>settings.load_from_picqer</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <comment>settings.order_field.none</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order field {id} (Load from Picqer shows its name)</source>
        <comment>settings.order_field.unknown</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order field {id} (no longer in Picqer)</source>
        <comment>settings.order_field.missing</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picqer has {count} order fields. Choose the one for the tracking code, or None, then Save.</source>
        <comment>settings.order_field.found</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picqer has {count} order fields; the chosen one ({name}) is among them.</source>
        <comment>settings.order_field.there</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picqer has {count} order fields, but not order field {id} chosen before (removed). Choose another one or None, then Save.</source>
        <comment>settings.order_field.gone</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picqer has no order fields. To keep the tracking code in one, add an order field in Picqer (Settings &gt; Order fields), then load again.</source>
        <comment>settings.order_field.empty</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warehouse</source>
        <comment>settings.warehouse</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All warehouses</source>
        <comment>settings.warehouse.none</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warehouse {id} (Load from Picqer shows its name)</source>
        <comment>settings.warehouse.unknown</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warehouse {id} (no longer in Picqer)</source>
        <comment>settings.warehouse.missing</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picqer has {count} warehouses. Choose the one this station packs for, or All warehouses, then Save.</source>
        <comment>settings.warehouse.found</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picqer has {count} warehouses; the chosen one ({name}) is among them.</source>
        <comment>settings.warehouse.there</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picqer has {count} warehouses, but not warehouse {id} chosen before (removed). Choose another one or All warehouses, then Save.</source>
        <comment>settings.warehouse.gone</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picqer lists no warehouses for this key: the station shows every picklist.</source>
        <comment>settings.warehouse.empty</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <comment>settings.printers_refresh</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for printers…</source>
        <comment>settings.printers_searching</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zebras on USB: {count}. Choose one, or type a serial.</source>
        <comment>settings.printers_usb_found</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Zebra on USB. Check the cable and power. Linux: install the udev rule for Zebras. Windows: use Printer queue, raw ZPL with the Zebra driver&apos;s queue.</source>
        <comment>settings.printers_no_usb</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print queues: {count}. Choose one, or type a queue name.</source>
        <comment>settings.printers_queues_found</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No print queue found. Is the printer on and its driver installed (Windows: Printers &amp; scanners; Linux: CUPS)? Or type the queue name.</source>
        <comment>settings.printers_no_queues</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not look: {detail}</source>
        <comment>settings.printers_problem</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ready</source>
        <comment>settings.printer_ready</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>switched off</source>
        <comment>settings.printer_queue_off</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>serial unreadable</source>
        <comment>settings.printer_no_serial</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <comment>settings.discard_title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You changed settings that are not saved. Close without saving?</source>
        <comment>settings.discard_question</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <comment>settings.discard</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <comment>settings.keep_editing</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <comment>settings.language</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station name</source>
        <comment>settings.station</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the list every (s)</source>
        <comment>settings.refresh</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <comment>settings.saved</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings could not be saved: {detail}</source>
        <comment>settings.save_failed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings are saved, but the API keys are not (no keyring). Use {picqer_env} and {myparcel_env}.</source>
        <comment>settings.keys_not_saved</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings file problems</source>
        <comment>settings.problems_title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file has problems; defaults are used where it could not be read:

{problems}

A copy of the file as it was is kept at:
{backup}

Open Settings to check and save them again.</source>
        <comment>settings.problems</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no copy could be made)</source>
        <comment>settings.no_backup</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be read ({error}); the standard settings are used.</source>
        <comment>settings_problem.settings_unreadable</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is from a newer packstation (version {version}): update this station.</source>
        <comment>settings_problem.settings_newer</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[{section}] is not a section; its standard values are used.</source>
        <comment>settings_problem.section_invalid</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown setting “{name}” is ignored.</source>
        <comment>settings_problem.setting_unknown</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown setting “{name}” is ignored. Did you mean “{suggestion}”?</source>
        <comment>settings_problem.setting_unknown_similar</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting “{name}” is {value}, which is not one of {allowed}; the standard value is used.</source>
        <comment>settings_problem.setting_not_a_choice</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting “{name}” has an invalid value {value}; the standard value is used.</source>
        <comment>settings_problem.setting_invalid</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting “{name}” is {value}, outside {low} to {high}; the standard value is used.</source>
        <comment>settings_problem.setting_out_of_range</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shipping profile {profile} is skipped: {reason}</source>
        <comment>settings_problem.profile_skipped</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picqer shipment is chosen, but no shipping profile of the relay; a comment is written in Picqer instead.</source>
        <comment>settings_problem.write_back_no_profile</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No shipping profile in the file is usable; the standard ones are offered.</source>
        <comment>settings_problem.no_profile_usable</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipment journal</source>
        <comment>journal.problem_title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shipment journal could not be used, so packstation started a new one. Nothing is lost: the old journal and every stored label are kept.

{detail}

You can go on packing; tell your admin.</source>
        <comment>journal.problem</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <comment>crash.title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app hit a problem it did not expect. Your shipments are safe. Copy the details for the admin.</source>
        <comment>crash.text</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy details</source>
        <comment>crash.copy</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <comment>crash.close</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also written to: {path}</source>
        <comment>crash.log</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The packing list of {number} did not print ({reason}). The label is fine: print the packing list from Picqer (picklist, Print packing list), or check the document printer in Settings.</source>
        <comment>documents.packing_list_failed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No return label was made for {number} ({reason}). The label is fine: make the return in MyParcel&apos;s back office if the customer needs one.</source>
        <comment>documents.return_not_made</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The return label of {number} (return barcode {barcode}) did not print ({reason}). The label is fine: print the return label from the journal (Labels folder).</source>
        <comment>documents.return_not_printed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packing list</source>
        <comment>settings.packing_list</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print Picqer&apos;s packing list</source>
        <comment>settings.packing_list.policy</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <comment>settings.packing_list.never</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With every parcel</source>
        <comment>settings.packing_list.always</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the order asks for it</source>
        <comment>settings.packing_list.when_asked</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag that asks for it</source>
        <comment>settings.packing_list.tag</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order field that asks for it (id, 0 = none)</source>
        <comment>settings.packing_list.order_field</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return label</source>
        <comment>settings.return_label</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <comment>settings.return_label.none</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed with the label</source>
        <comment>settings.return_label.printed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printerless (PostNL NL), else printed</source>
        <comment>settings.return_label.printerless</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take this station&apos;s printers from Picqer</source>
        <comment>settings.station_printers.button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up this station in Picqer&apos;s packing stations…</source>
        <comment>settings.station_printers.loading</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picqer&apos;s packing station {station}: label printer {label}, document printer {document}. Check them on the Printers tab, then Save.</source>
        <comment>settings.station_printers.found</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set in Picqer</source>
        <comment>settings.station_printers.not_set</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picqer has no packing station named {station}. Give this station the name it has in Picqer (Settings, Packing stations), then try again.</source>
        <comment>settings.station_printers.none_named</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the station name first: it is looked up in Picqer&apos;s packing stations.</source>
        <comment>settings.station_printers.need_name</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
