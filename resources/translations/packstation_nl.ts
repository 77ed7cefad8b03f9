<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en_US">
<context>
    <name>packstation</name>
    <message>
        <source>Packstation</source>
        <comment>app.title</comment>
        <translation>Packstation</translation>
    </message>
    <message>
        <source>Packstation — {station}</source>
        <comment>app.title_station</comment>
        <translation>Packstation — {station}</translation>
    </message>
    <message>
        <source>Printed labels go to {folder}</source>
        <comment>app.print_folder</comment>
        <translation>Geprinte labels komen in {folder}</translation>
    </message>
    <message>
        <source>Ship and print  (F12)</source>
        <comment>action.ship</comment>
        <translation>Verzend en print  (F12)</translation>
    </message>
    <message>
        <source>Try again  (F12)</source>
        <comment>action.retry</comment>
        <translation>Opnieuw proberen  (F12)</translation>
    </message>
    <message>
        <source>Ship and print  (F12)
{number}</source>
        <comment>action.ship_number</comment>
        <translation>Verzend en print  (F12)
{number}</translation>
    </message>
    <message>
        <source>Try again  (F12)
{number}</source>
        <comment>action.retry_number</comment>
        <translation>Opnieuw proberen  (F12)
{number}</translation>
    </message>
    <message>
        <source>Update Picqer  (F12)
{number}</source>
        <comment>action.finish_write_back</comment>
        <translation>Picqer bijwerken  (F12)
{number}</translation>
    </message>
    <message>
        <source>Finish the shipment  (F12)
{number}</source>
        <comment>action.finish</comment>
        <translation>Zending afronden  (F12)
{number}</translation>
    </message>
    <message>
        <source>Print label again  (Ctrl+R)</source>
        <comment>action.reprint</comment>
        <translation>Label opnieuw printen  (Ctrl+R)</translation>
    </message>
    <message>
        <source>Refresh list  (F5)</source>
        <comment>action.refresh</comment>
        <translation>Lijst vernieuwen  (F5)</translation>
    </message>
    <message>
        <source>Settings…</source>
        <comment>action.settings</comment>
        <translation>Instellingen…</translation>
    </message>
    <message>
        <source>Nederlands</source>
        <comment>action.language</comment>
        <translation>English</translation>
    </message>
    <message>
        <source>Nederlands  (Ctrl+L)</source>
        <comment>action.language_key</comment>
        <translation>English  (Ctrl+L)</translation>
    </message>
    <message>
        <source>Quit</source>
        <comment>action.quit</comment>
        <translation>Afsluiten</translation>
    </message>
    <message>
        <source>Scan a picklist or type its number and press Enter</source>
        <comment>scan.placeholder</comment>
        <translation>Scan een picklijst of typ het nummer en druk op Enter</translation>
    </message>
    <message>
        <source>Search customer, number, country…</source>
        <comment>search.placeholder</comment>
        <translation>Zoek klant, nummer, land…</translation>
    </message>
    <message>
        <source>Status</source>
        <comment>filter.status</comment>
        <translation>Status</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <comment>filter.warehouse</comment>
        <translation>Magazijn</translation>
    </message>
    <message>
        <source>All statuses</source>
        <comment>filter.all_statuses</comment>
        <translation>Alle statussen</translation>
    </message>
    <message>
        <source>All warehouses</source>
        <comment>filter.all_warehouses</comment>
        <translation>Alle magazijnen</translation>
    </message>
    <message>
        <source>Warehouse {id}</source>
        <comment>filter.warehouse_n</comment>
        <translation>Magazijn {id}</translation>
    </message>
    <message>
        <source>{shown} of {total} picklists</source>
        <comment>list.count</comment>
        <translation>{shown} van {total} picklijsten</translation>
    </message>
    <message>
        <source>Pink: urgent, listed first</source>
        <comment>list.urgent_legend</comment>
        <translation>Roze: spoed, staat bovenaan</translation>
    </message>
    <message>
        <source>Urgent picklists have a pink, bold row and come first in the list.</source>
        <comment>list.urgent_legend_tip</comment>
        <translation>Spoedpicklijsten hebben een roze, vette regel en staan bovenaan de lijst.</translation>
    </message>
    <message>
        <source>Loading picklists… {count}</source>
        <comment>list.loading</comment>
        <translation>Picklijsten laden… {count}</translation>
    </message>
    <message>
        <source>Picklist</source>
        <comment>col.number</comment>
        <translation>Picklijst</translation>
    </message>
    <message>
        <source>Customer</source>
        <comment>col.customer</comment>
        <translation>Klant</translation>
    </message>
    <message>
        <source>Country</source>
        <comment>col.country</comment>
        <translation>Land</translation>
    </message>
    <message>
        <source>Products</source>
        <comment>col.products</comment>
        <translation>Aantal</translation>
    </message>
    <message>
        <source>Weight</source>
        <comment>col.weight</comment>
        <translation>Gewicht</translation>
    </message>
    <message>
        <source>Preferred profile</source>
        <comment>col.profile</comment>
        <translation>Voorkeursprofiel</translation>
    </message>
    <message>
        <source>Status</source>
        <comment>col.status</comment>
        <translation>Status</translation>
    </message>
    <message>
        <source>Urgent</source>
        <comment>col.urgent</comment>
        <translation>Spoed</translation>
    </message>
    <message>
        <source>URGENT</source>
        <comment>urgent.yes</comment>
        <translation>SPOED</translation>
    </message>
    <message>
        <source>{grams} g</source>
        <comment>weight.grams</comment>
        <translation>{grams} g</translation>
    </message>
    <message>
        <source>–</source>
        <comment>weight.unknown</comment>
        <translation>–</translation>
    </message>
    <message>
        <source>new</source>
        <comment>status.new</comment>
        <translation>nieuw</translation>
    </message>
    <message>
        <source>paused</source>
        <comment>status.paused</comment>
        <translation>gepauzeerd</translation>
    </message>
    <message>
        <source>closed</source>
        <comment>status.closed</comment>
        <translation>gesloten</translation>
    </message>
    <message>
        <source>snoozed</source>
        <comment>status.snoozed</comment>
        <translation>gesnoozed</translation>
    </message>
    <message>
        <source>cancelled</source>
        <comment>status.cancelled</comment>
        <translation>geannuleerd</translation>
    </message>
    <message>
        <source>unknown</source>
        <comment>status.unknown</comment>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>Scan a picklist to start packing.</source>
        <comment>detail.empty</comment>
        <translation>Scan een picklijst om te beginnen met inpakken.</translation>
    </message>
    <message>
        <source>Recipient</source>
        <comment>detail.recipient</comment>
        <translation>Ontvanger</translation>
    </message>
    <message>
        <source>Name</source>
        <comment>detail.name</comment>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Company</source>
        <comment>detail.company</comment>
        <translation>Bedrijf</translation>
    </message>
    <message>
        <source>Street</source>
        <comment>detail.street</comment>
        <translation>Straat</translation>
    </message>
    <message>
        <source>Number</source>
        <comment>detail.number</comment>
        <translation>Huisnummer</translation>
    </message>
    <message>
        <source>Suffix</source>
        <comment>detail.suffix</comment>
        <translation>Toevoeging</translation>
    </message>
    <message>
        <source>Box</source>
        <comment>detail.box</comment>
        <translation>Bus</translation>
    </message>
    <message>
        <source>Postal code, city</source>
        <comment>detail.postal_city</comment>
        <translation>Postcode, plaats</translation>
    </message>
    <message>
        <source>Country</source>
        <comment>detail.country</comment>
        <translation>Land</translation>
    </message>
    <message>
        <source>As entered: {line}</source>
        <comment>detail.original_address</comment>
        <translation>Zoals ingevoerd: {line}</translation>
    </message>
    <message>
        <source>Check the house number: the address could be read in more than one way. {reason}</source>
        <comment>detail.split_ambiguous</comment>
        <translation>Controleer het huisnummer: het adres kan op meer manieren gelezen worden. {reason}</translation>
    </message>
    <message>
        <source>Products</source>
        <comment>detail.products</comment>
        <translation>Producten</translation>
    </message>
    <message>
        <source>The address is &amp;correct, I checked it  (Alt+C)</source>
        <comment>detail.address_confirmed</comment>
        <translation>Het adres &amp;klopt, ik heb het gecontroleerd  (Alt+K)</translation>
    </message>
    <message>
        <source>Alt+{n}:  street “{street}”, number {number}{rest}</source>
        <comment>detail.reading</comment>
        <translation>Alt+{n}:  straat “{street}”, nummer {number}{rest}</translation>
    </message>
    <message>
        <source>, addition {suffix}</source>
        <comment>detail.reading_suffix</comment>
        <translation>, toevoeging {suffix}</translation>
    </message>
    <message>
        <source>, box {box}</source>
        <comment>detail.reading_box</comment>
        <translation>, bus {box}</translation>
    </message>
    <message>
        <source>Customer remarks</source>
        <comment>detail.remarks</comment>
        <translation>Opmerkingen klant</translation>
    </message>
    <message>
        <source>None</source>
        <comment>detail.no_remarks</comment>
        <translation>Geen</translation>
    </message>
    <message>
        <source>Preferred delivery date</source>
        <comment>detail.delivery_date</comment>
        <translation>Gewenste bezorgdatum</translation>
    </message>
    <message>
        <source>Pickup point</source>
        <comment>detail.pickup_point</comment>
        <translation>Afhaalpunt</translation>
    </message>
    <message>
        <source>–</source>
        <comment>detail.none</comment>
        <translation>–</translation>
    </message>
    <message>
        <source>Weight (grams)</source>
        <comment>detail.weight</comment>
        <translation>Gewicht (gram)</translation>
    </message>
    <message>
        <source>empty: {grams} g</source>
        <comment>detail.weight_default</comment>
        <translation>leeg: {grams} g</translation>
    </message>
    <message>
        <source>Parcels</source>
        <comment>detail.parcels</comment>
        <translation>Pakketten</translation>
    </message>
    <message>
        <source>Shipping profile</source>
        <comment>detail.profile</comment>
        <translation>Verzendprofiel</translation>
    </message>
    <message>
        <source>Choose a profile…</source>
        <comment>detail.choose_profile</comment>
        <translation>Kies een profiel…</translation>
    </message>
    <message>
        <source>Options</source>
        <comment>detail.options</comment>
        <translation>Opties</translation>
    </message>
    <message>
        <source>Profile  (Alt+P)</source>
        <comment>detail.profile_key</comment>
        <translation>Profiel  (Alt+P)</translation>
    </message>
    <message>
        <source>Options  (Alt+O)</source>
        <comment>detail.options_key</comment>
        <translation>Opties  (Alt+O)</translation>
    </message>
    <message>
        <source>Alt+P comes here from anywhere; ↑/↓ choose the profile, Esc goes back to scanning.</source>
        <comment>detail.profile_tip</comment>
        <translation>Alt+P brengt je hier vanuit elk veld; ↑/↓ kiest het profiel, Esc gaat terug naar scannen.</translation>
    </message>
    <message>
        <source>Alt+O comes here from anywhere; Tab goes on to the next option, Esc back to scanning.</source>
        <comment>detail.options_tip</comment>
        <translation>Alt+O brengt je hier vanuit elk veld; Tab gaat naar de volgende optie, Esc terug naar scannen.</translation>
    </message>
    <message>
        <source>Already shipped: {barcodes}. Press Ctrl+R to print the label again.</source>
        <comment>detail.existing</comment>
        <translation>Al verzonden: {barcodes}. Druk op Ctrl+R om het label opnieuw te printen.</translation>
    </message>
    <message>
        <source>Shipped ({barcodes}) but not finished. Still to do: {remaining}. Press F12 to finish it; nothing new is booked.</source>
        <comment>detail.unfinished</comment>
        <translation>Verzonden ({barcodes}) maar niet afgerond. Nog te doen: {remaining}. Druk op F12 om hem af te ronden; er wordt niets nieuws geboekt.</translation>
    </message>
    <message>
        <source>{amount} × {name}  ({code})</source>
        <comment>detail.line</comment>
        <translation>{amount} × {name}  ({code})</translation>
    </message>
    <message>
        <source>URGENT</source>
        <comment>detail.urgent</comment>
        <translation>SPOED</translation>
    </message>
    <message>
        <source>Yes</source>
        <comment>option.yes</comment>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <comment>option.no</comment>
        <translation>Nee</translation>
    </message>
    <message>
        <source>Signature on delivery</source>
        <comment>option.label.signature</comment>
        <translation>Handtekening bij aflevering</translation>
    </message>
    <message>
        <source>Only recipient</source>
        <comment>option.label.only_recipient</comment>
        <translation>Alleen ontvanger</translation>
    </message>
    <message>
        <source>Return when not home</source>
        <comment>option.label.return</comment>
        <translation>Retour bij niet thuis</translation>
    </message>
    <message>
        <source>Age check 18+</source>
        <comment>option.label.age_check</comment>
        <translation>Leeftijdscheck 18+</translation>
    </message>
    <message>
        <source>Large format</source>
        <comment>option.label.large_format</comment>
        <translation>Groot formaat</translation>
    </message>
    <message>
        <source>Insurance</source>
        <comment>option.label.insurance</comment>
        <translation>Verzekering</translation>
    </message>
    <message>
        <source>Label text</source>
        <comment>option.label.label_description</comment>
        <translation>Labeltekst</translation>
    </message>
    <message>
        <source>Not delivered to neighbours.</source>
        <comment>option.description.only_recipient</comment>
        <translation>Niet bij de buren afgegeven.</translation>
    </message>
    <message>
        <source>Back to the sender instead of a second attempt.</source>
        <comment>option.description.return</comment>
        <translation>Terug naar de afzender in plaats van een tweede poging.</translation>
    </message>
    <message>
        <source>The recipient signs and shows they are 18 or older.</source>
        <comment>option.description.age_check</comment>
        <translation>De ontvanger tekent en laat zien dat hij 18 jaar of ouder is.</translation>
    </message>
    <message>
        <source>Between 100x70x50 and 175x78x58 cm.</source>
        <comment>option.description.large_format</comment>
        <translation>Tussen 100x70x50 en 175x78x58 cm.</translation>
    </message>
    <message>
        <source>Abroad the carrier&apos;s fixed amount is applied automatically.</source>
        <comment>option.description.insurance</comment>
        <translation>In het buitenland geldt automatisch het vaste bedrag van de vervoerder.</translation>
    </message>
    <message>
        <source>Printed on the label, at most 45 characters; empty: the order reference.</source>
        <comment>option.description.label_description</comment>
        <translation>Wordt op het label gedrukt, hoogstens 45 tekens; leeg: de orderreferentie.</translation>
    </message>
    <message>
        <source>Not insured</source>
        <comment>option.not_insured</comment>
        <translation>Niet verzekerd</translation>
    </message>
    <message>
        <source>Insured up to {amount}</source>
        <comment>option.insured_up_to</comment>
        <translation>Verzekerd tot {amount}</translation>
    </message>
    <message>
        <source>The address line is empty.</source>
        <comment>split.empty</comment>
        <translation>De adresregel is leeg.</translation>
    </message>
    <message>
        <source>There is no space before the house number: type street and number apart.</source>
        <comment>split.no_space_before_number</comment>
        <translation>Er staat geen spatie voor het huisnummer: typ straat en nummer apart.</translation>
    </message>
    <message>
        <source>No house number at the end of the address line: type street and number apart.</source>
        <comment>split.no_number</comment>
        <translation>Geen huisnummer aan het eind van de adresregel: typ straat en nummer apart.</translation>
    </message>
    <message>
        <source>No house number in the address line: type street, number and box apart.</source>
        <comment>split.no_number_be</comment>
        <translation>Geen huisnummer in de adresregel: typ straat, nummer en bus apart.</translation>
    </message>
    <message>
        <source>“{number}-{suffix}” may be a range of numbers, or number {number} with addition {suffix}.</source>
        <comment>split.range_or_addition</comment>
        <translation>“{number}-{suffix}” kan een reeks nummers zijn, of nummer {number} met toevoeging {suffix}.</translation>
    </message>
    <message>
        <source>“{suffix}” after the house number is not a usual addition.</source>
        <comment>split.unusual_addition</comment>
        <translation>“{suffix}” na het huisnummer is geen gebruikelijke toevoeging.</translation>
    </message>
    <message>
        <source>The house number is written before the street.</source>
        <comment>split.number_first</comment>
        <translation>Het huisnummer staat voor de straat.</translation>
    </message>
    <message>
        <source>“{number}” may be part of the street name, or the house number: press Alt+1 or Alt+2.</source>
        <comment>split.two_readings</comment>
        <translation>“{number}” kan bij de straatnaam horen, of het huisnummer zijn: druk Alt+1 of Alt+2.</translation>
    </message>
    <message>
        <source>“{number}-{range}” may be a range of numbers.</source>
        <comment>split.range</comment>
        <translation>“{number}-{range}” kan een reeks nummers zijn.</translation>
    </message>
    <message>
        <source>The box number “{box}” is longer than {max} characters.</source>
        <comment>split.box_too_long</comment>
        <translation>Het busnummer “{box}” is langer dan {max} tekens.</translation>
    </message>
    <message>
        <source>The street is longer than {max} characters and has no space to split it at.</source>
        <comment>split.street_unsplittable</comment>
        <translation>De straat is langer dan {max} tekens en heeft geen spatie om te splitsen.</translation>
    </message>
    <message>
        <source>The street is longer than {max} characters; the rest went to the extra line.</source>
        <comment>split.street_overflow</comment>
        <translation>De straat is langer dan {max} tekens; de rest staat in de extra adresregel.</translation>
    </message>
    <message>
        <source>Checking picklist</source>
        <comment>step.check</comment>
        <translation>Picklijst controleren</translation>
    </message>
    <message>
        <source>Creating shipment</source>
        <comment>step.create</comment>
        <translation>Zending aanmaken</translation>
    </message>
    <message>
        <source>Fetching label</source>
        <comment>step.label</comment>
        <translation>Label ophalen</translation>
    </message>
    <message>
        <source>Checking barcode</source>
        <comment>step.prepare</comment>
        <translation>Barcode controleren</translation>
    </message>
    <message>
        <source>Printing</source>
        <comment>step.print</comment>
        <translation>Printen</translation>
    </message>
    <message>
        <source>Updating Picqer</source>
        <comment>step.write_back</comment>
        <translation>Picqer bijwerken</translation>
    </message>
    <message>
        <source>Done</source>
        <comment>step.done</comment>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>waiting</source>
        <comment>state.waiting</comment>
        <translation>wacht</translation>
    </message>
    <message>
        <source>busy…</source>
        <comment>state.running</comment>
        <translation>bezig…</translation>
    </message>
    <message>
        <source>done</source>
        <comment>state.done</comment>
        <translation>klaar</translation>
    </message>
    <message>
        <source>failed</source>
        <comment>state.failed</comment>
        <translation>mislukt</translation>
    </message>
    <message>
        <source>skipped</source>
        <comment>state.skipped</comment>
        <translation>overgeslagen</translation>
    </message>
    <message>
        <source>in the print queue</source>
        <comment>state.queued</comment>
        <translation>in de printwachtrij</translation>
    </message>
    <message>
        <source>Label from MyParcel</source>
        <comment>preview.pdf</comment>
        <translation>Label van MyParcel</translation>
    </message>
    <message>
        <source>What the printer gets</source>
        <comment>preview.printed</comment>
        <translation>Wat de printer krijgt</translation>
    </message>
    <message>
        <source>No label yet</source>
        <comment>preview.none</comment>
        <translation>Nog geen label</translation>
    </message>
    <message>
        <source>Barcode check passed: {codes}</source>
        <comment>preview.barcodes_ok</comment>
        <translation>Barcodecontrole goed: {codes}</translation>
    </message>
    <message>
        <source>Barcode check FAILED: {codes} would not scan</source>
        <comment>preview.barcodes_missing</comment>
        <translation>Barcodecontrole MISLUKT: {codes} is niet scanbaar</translation>
    </message>
    <message>
        <source>No barcode found to check</source>
        <comment>preview.no_barcodes</comment>
        <translation>Geen barcode gevonden om te controleren</translation>
    </message>
    <message>
        <source>The label PDF cannot be shown</source>
        <comment>preview.pdf_unreadable</comment>
        <translation>Het label-PDF kan niet getoond worden</translation>
    </message>
    <message>
        <source>Ready. Scan a picklist.</source>
        <comment>status.ready</comment>
        <translation>Klaar. Scan een picklijst.</translation>
    </message>
    <message>
        <source>Opening {number}…</source>
        <comment>status.opening</comment>
        <translation>{number} openen…</translation>
    </message>
    <message>
        <source>{number} opened. Check the profile and press F12 to ship.</source>
        <comment>status.opened</comment>
        <translation>{number} geopend. Controleer het profiel en druk op F12 om te verzenden.</translation>
    </message>
    <message>
        <source>{number} opened. Choose a shipping profile, then press F12.</source>
        <comment>status.opened_choose</comment>
        <translation>{number} geopend. Kies een verzendprofiel en druk dan op F12.</translation>
    </message>
    <message>
        <source>Shipping {number}: {step}…</source>
        <comment>status.shipping</comment>
        <translation>{number} verzenden: {step}…</translation>
    </message>
    <message>
        <source>{number} shipped ({barcodes}). {printer} printed the label. Scan the next picklist.</source>
        <comment>status.shipped</comment>
        <translation>{number} verzonden ({barcodes}). {printer} heeft het label geprint. Scan de volgende picklijst.</translation>
    </message>
    <message>
        <source>{number}: {printer} printed the label again ({barcodes}); nothing new was booked. Scan the next picklist.</source>
        <comment>status.reprinted</comment>
        <translation>{number}: {printer} heeft het label opnieuw geprint ({barcodes}); er is niets nieuws geboekt. Scan de volgende picklijst.</translation>
    </message>
    <message>
        <source>{number} shipped ({barcodes}) and Picqer is updated. Scan the next picklist.</source>
        <comment>status.shipped_finished</comment>
        <translation>{number} verzonden ({barcodes}) en Picqer is bijgewerkt. Scan de volgende picklijst.</translation>
    </message>
    <message>
        <source>{number} shipped ({barcodes}). The label is stored, not printed.</source>
        <comment>status.shipped_not_printed</comment>
        <translation>{number} verzonden ({barcodes}). Het label is bewaard, niet geprint.</translation>
    </message>
    <message>
        <source>{number} shipped ({barcodes}) and registered in Picqer. {printer} printed the label. Scan the next picklist.</source>
        <comment>status.shipped_registered</comment>
        <translation>{number} verzonden ({barcodes}) en geregistreerd in Picqer. {printer} heeft het label geprint. Scan de volgende picklijst.</translation>
    </message>
    <message>
        <source>{number} shipped ({barcodes}) and registered in Picqer. The label is stored, not printed.</source>
        <comment>status.shipped_registered_not_printed</comment>
        <translation>{number} verzonden ({barcodes}) en geregistreerd in Picqer. Het label is bewaard, niet geprint.</translation>
    </message>
    <message>
        <source>{number} shipped ({barcodes}). {printer} printed the label.</source>
        <comment>status.shipped_next</comment>
        <translation>{number} verzonden ({barcodes}). {printer} heeft het label geprint.</translation>
    </message>
    <message>
        <source>{number} shipped ({barcodes}). {waiting} Scan the next picklist.</source>
        <comment>status.shipped_print_waiting</comment>
        <translation>{number} verzonden ({barcodes}). {waiting} Scan de volgende picklijst.</translation>
    </message>
    <message>
        <source>{number}: the waiting label is printed now.</source>
        <comment>status.held_label_printed</comment>
        <translation>{number}: het wachtende label is nu geprint.</translation>
    </message>
    <message>
        <source>{number}: the waiting label was cancelled, so it is not printed. Scan {number} and press F12 to print it.</source>
        <comment>status.held_label_cancelled</comment>
        <translation>{number}: het wachtende label is geannuleerd en dus niet geprint. Scan {number} en druk op F12 om het te printen.</translation>
    </message>
    <message>
        <source>{printer}: paper out. Load labels; the label prints by itself.</source>
        <comment>print_waiting.paper_out</comment>
        <translation>{printer}: papier op. Plaats nieuwe labels; het label wordt dan vanzelf geprint.</translation>
    </message>
    <message>
        <source>{printer}: print head open. Close it; the label prints by itself.</source>
        <comment>print_waiting.head_open</comment>
        <translation>{printer}: printkop open. Sluit hem; het label wordt dan vanzelf geprint.</translation>
    </message>
    <message>
        <source>{printer}: ribbon out. Load a new ribbon; the label prints by itself.</source>
        <comment>print_waiting.ribbon_out</comment>
        <translation>{printer}: lint op. Plaats een nieuw lint; het label wordt dan vanzelf geprint.</translation>
    </message>
    <message>
        <source>{printer}: paused. Press the pause button on the printer; the label prints by itself.</source>
        <comment>print_waiting.paused</comment>
        <translation>{printer}: gepauzeerd. Druk op de pauzeknop van de printer; het label wordt dan vanzelf geprint.</translation>
    </message>
    <message>
        <source>{printer}: {conditions}. Fix the printer; the label prints by itself.</source>
        <comment>print_waiting.other</comment>
        <translation>{printer}: {conditions}. Verhelp het probleem; het label wordt dan vanzelf geprint.</translation>
    </message>
    <message>
        <source>Still shipping {number}. Wait until it is done, then scan {scanned} again.</source>
        <comment>status.busy_refused</comment>
        <translation>Nog bezig met {number}. Wacht tot het klaar is en scan {scanned} daarna opnieuw.</translation>
    </message>
    <message>
        <source>{next} is next: it opens as soon as {number} is done.</source>
        <comment>status.next_queued</comment>
        <translation>{next} is de volgende: die gaat open zodra {number} klaar is.</translation>
    </message>
    <message>
        <source>{next} is next.</source>
        <comment>status.is_next</comment>
        <translation>{next} is de volgende.</translation>
    </message>
    <message>
        <source>{next} is next: it opens once this one is done; scan it again to leave this one.</source>
        <comment>status.next_after_failure</comment>
        <translation>{next} is de volgende: die gaat open zodra deze klaar is; scan hem opnieuw om deze te laten liggen.</translation>
    </message>
    <message>
        <source>Scan a picklist first.</source>
        <comment>status.nothing_open</comment>
        <translation>Scan eerst een picklijst.</translation>
    </message>
    <message>
        <source>{number} is shipped but not finished. Still to do: {remaining}. Press F12 to finish it.</source>
        <comment>status.unfinished_offer</comment>
        <translation>{number} is verzonden maar niet afgerond. Nog te doen: {remaining}. Druk op F12 om hem af te ronden.</translation>
    </message>
    <message>
        <source>Printing the label of {number} again…</source>
        <comment>status.reprinting</comment>
        <translation>Het label van {number} wordt opnieuw geprint…</translation>
    </message>
    <message>
        <source>{number} has no label yet: press F12 to ship it.</source>
        <comment>status.reprint_not_shipped</comment>
        <translation>{number} heeft nog geen label: druk op F12 om hem te verzenden.</translation>
    </message>
    <message>
        <source>{number}: nothing new was booked. {waiting}</source>
        <comment>status.reprint_waiting</comment>
        <translation>{number}: er is niets nieuws geboekt. {waiting}</translation>
    </message>
    <message>
        <source>Still opening {number}. Press F12 again once it is shown.</source>
        <comment>status.still_opening</comment>
        <translation>{number} wordt nog geopend. Druk opnieuw op F12 zodra hij te zien is.</translation>
    </message>
    <message>
        <source>{highlighted} is highlighted, but {number} is open. Press Enter to open {highlighted}, or Esc to stay with {number}.</source>
        <comment>status.highlight_not_open</comment>
        <translation>{highlighted} is gemarkeerd, maar {number} is open. Druk op Enter om {highlighted} te openen, of op Esc om bij {number} te blijven.</translation>
    </message>
    <message>
        <source>{highlighted} is highlighted, not opened. Press Enter to open it.</source>
        <comment>status.highlight_press_enter</comment>
        <translation>{highlighted} is gemarkeerd, niet geopend. Druk op Enter om hem te openen.</translation>
    </message>
    <message>
        <source>Choose a shipping profile first.</source>
        <comment>status.no_profile</comment>
        <translation>Kies eerst een verzendprofiel.</translation>
    </message>
    <message>
        <source>Scanned “{received}”: that is not a picklist number. Scan the picklist barcode again.</source>
        <comment>status.scan_garbled</comment>
        <translation>Gescand: “{received}”: dat is geen picklijstnummer. Scan de barcode van de picklijst opnieuw.</translation>
    </message>
    <message>
        <source>No picklist matches the search. Change the search, or scan the picklist.</source>
        <comment>search.nothing_found</comment>
        <translation>Geen picklijst past bij de zoekopdracht. Pas de zoekopdracht aan, of scan de picklijst.</translation>
    </message>
    <message>
        <source>{number} is ready now. Press F12 to ship.</source>
        <comment>status.fixed</comment>
        <translation>{number} is nu klaar. Druk op F12 om te verzenden.</translation>
    </message>
    <message>
        <source>Two scans ran together (“{first}” and “{second}”). Scan one picklist.</source>
        <comment>status.scan_twice</comment>
        <translation>Twee scans liepen in elkaar over (“{first}” en “{second}”). Scan één picklijst.</translation>
    </message>
    <message>
        <source>Scanned “{received}”: the scanner seems set to the {layout} keyboard layout (meant “{meant}”?). Set the scanner to the keyboard layout of this computer.</source>
        <comment>status.scan_layout</comment>
        <translation>Gescand “{received}”: de scanner lijkt op de {layout}-toetsenbordindeling te staan (bedoeld “{meant}”?). Zet de scanner op de toetsenbordindeling van deze computer.</translation>
    </message>
    <message>
        <source>The scan was {length} characters long and was cut. Scan the picklist barcode, not another code.</source>
        <comment>status.scan_cut</comment>
        <translation>De scan was {length} tekens lang en is afgekapt. Scan de barcode van de picklijst, geen andere code.</translation>
    </message>
    <message>
        <source>Removed invisible characters from the scan ({chars}).</source>
        <comment>status.scan_control</comment>
        <translation>Onzichtbare tekens uit de scan verwijderd ({chars}).</translation>
    </message>
    <message>
        <source>Language: English</source>
        <comment>status.language</comment>
        <translation>Taal: Nederlands</translation>
    </message>
    <message>
        <source>List updated: {count} picklists.</source>
        <comment>status.refreshed</comment>
        <translation>Lijst bijgewerkt: {count} picklijsten.</translation>
    </message>
    <message>
        <source>Scan the picklist again.</source>
        <comment>next.open</comment>
        <translation>Scan de picklijst opnieuw.</translation>
    </message>
    <message>
        <source>Then press F12 to try again.</source>
        <comment>next.ship</comment>
        <translation>Druk daarna op F12 om het opnieuw te proberen.</translation>
    </message>
    <message>
        <source>The list tries again by itself.</source>
        <comment>next.load</comment>
        <translation>De lijst probeert het vanzelf opnieuw.</translation>
    </message>
    <message>
        <source>Then test the connection again.</source>
        <comment>next.settings</comment>
        <translation>Test daarna de verbinding opnieuw.</translation>
    </message>
    <message>
        <source>{service} cannot be reached. Check the network cable or Wi-Fi. {next}</source>
        <comment>error.connection</comment>
        <translation>{service} is niet bereikbaar. Controleer de netwerkkabel of wifi. {next}</translation>
    </message>
    <message>
        <source>{service} cannot be reached at {url}. Check the network cable or Wi-Fi. {next}</source>
        <comment>error.connection_at</comment>
        <translation>{service} is niet bereikbaar op {url}. Controleer de netwerkkabel of wifi. {next}</translation>
    </message>
    <message>
        <source>There is no {service} API key. Ask the admin to enter it in Settings or to set {variable}.</source>
        <comment>error.key_missing</comment>
        <translation>Er is geen API-sleutel voor {service}. Vraag de beheerder die in te vullen in Instellingen of {variable} in te stellen.</translation>
    </message>
    <message>
        <source>{service} did not answer in time. Nothing is lost and no second label will be made. {next}</source>
        <comment>error.timeout</comment>
        <translation>{service} antwoordde niet op tijd. Er gaat niets verloren en er komt geen tweede label. {next}</translation>
    </message>
    <message>
        <source>{service} sent an answer the app cannot read. {next} If it keeps happening, call the office.</source>
        <comment>error.bad_response</comment>
        <translation>{service} stuurde een antwoord dat de app niet kan lezen. {next} Blijft het gebeuren, bel dan kantoor.</translation>
    </message>
    <message>
        <source>{service} refused the API key. Ask the admin to check the key in Settings.</source>
        <comment>error.unauthorized</comment>
        <translation>{service} weigert de API-sleutel. Vraag de beheerder de sleutel te controleren in Instellingen.</translation>
    </message>
    <message>
        <source>{service} refused the API key. Copy the key from {service} again, paste it on the Accounts tab and test again.</source>
        <comment>error.unauthorized_settings</comment>
        <translation>{service} weigert de API-sleutel. Kopieer de sleutel opnieuw uit {service}, plak hem op het tabblad Accounts en test opnieuw.</translation>
    </message>
    <message>
        <source>Picqer refused the API key. In Picqer, open Settings &gt; API keys, copy the key (or add a new one), paste it on the Accounts tab and test again.</source>
        <comment>error.unauthorized_settings.picqer</comment>
        <translation>Picqer weigert de API-sleutel. Open in Picqer Instellingen &gt; API-sleutels, kopieer de sleutel (of maak een nieuwe), plak hem op het tabblad Accounts en test opnieuw.</translation>
    </message>
    <message>
        <source>MyParcel refused the API key. In the MyParcel backoffice (SendMyParcel for Belgium), open Settings &gt; API key, copy the key, paste it on the Accounts tab and test again.</source>
        <comment>error.unauthorized_settings.myparcel</comment>
        <translation>MyParcel weigert de API-sleutel. Open in de MyParcel-backoffice (SendMyParcel voor België) Instellingen &gt; API-sleutel, kopieer de sleutel, plak hem op het tabblad Accounts en test opnieuw.</translation>
    </message>
    <message>
        <source>{service} does not know this ({detail}). Check the number. {next}</source>
        <comment>error.not_found</comment>
        <translation>{service} kent dit niet ({detail}). Controleer het nummer. {next}</translation>
    </message>
    <message>
        <source>{service} is busy. Wait {seconds} seconds. {next}</source>
        <comment>error.rate_limited</comment>
        <translation>{service} heeft het druk. Wacht {seconds} seconden. {next}</translation>
    </message>
    <message>
        <source>MyParcel wants this label paid first. Ask the office to pay it ({url}). {next}</source>
        <comment>error.payment</comment>
        <translation>MyParcel wil dat dit label eerst betaald wordt. Vraag kantoor het te betalen ({url}). {next}</translation>
    </message>
    <message>
        <source>{service} refused the shipment: {reasons}. Change the options. {next}</source>
        <comment>error.rejected</comment>
        <translation>{service} weigert de zending: {reasons}. Pas de opties aan. {next}</translation>
    </message>
    <message>
        <source>{service} has a problem on its side. Wait a minute. {next}</source>
        <comment>error.server</comment>
        <translation>{service} heeft een storing. Wacht een minuut. {next}</translation>
    </message>
    <message>
        <source>Picqer did not register the shipment: {reasons}. The label is made: press F12 to finish updating Picqer (no second label is made).</source>
        <comment>error.not_registered</comment>
        <translation>Picqer heeft de zending niet geregistreerd: {reasons}. Het label is gemaakt: druk op F12 om Picqer verder bij te werken (er komt geen tweede label).</translation>
    </message>
    <message>
        <source>{service} answered with an error: {detail}. {next}</source>
        <comment>error.api</comment>
        <translation>{service} gaf een fout: {detail}. {next}</translation>
    </message>
    <message>
        <source>{service} stayed busy for {minutes} min: other stations share its limit. Nothing was booked twice. Wait a minute. {next}</source>
        <comment>error.rate_limited_long</comment>
        <translation>{service} bleef {minutes} min bezet: andere stations delen de limiet. Er is niets dubbel geboekt. Wacht een minuut. {next}</translation>
    </message>
    <message>
        <source>Stopped waiting for {service}. Everything done so far is kept. Press F12 to go on; nothing is booked twice.</source>
        <comment>error.wait_stopped</comment>
        <translation>Gestopt met wachten op {service}. Wat al gedaan is, blijft bewaard. Druk op F12 om verder te gaan; er wordt niets dubbel geboekt.</translation>
    </message>
    <message>
        <source>{service} is busy, trying again in {seconds} s; nothing is booked twice.</source>
        <comment>wait.rate_limited</comment>
        <translation>{service} heeft het druk, opnieuw over {seconds} s; er wordt niets dubbel geboekt.</translation>
    </message>
    <message>
        <source>{service} has a problem on its side, trying again in {seconds} s (try {attempt} of {attempts}); nothing is booked twice.</source>
        <comment>wait.server_error</comment>
        <translation>{service} heeft een storing, opnieuw over {seconds} s (poging {attempt} van {attempts}); er wordt niets dubbel geboekt.</translation>
    </message>
    <message>
        <source>{service} did not answer in time, trying again in {seconds} s (try {attempt} of {attempts}); nothing is booked twice.</source>
        <comment>wait.no_answer</comment>
        <translation>{service} antwoordde niet op tijd, opnieuw over {seconds} s (poging {attempt} van {attempts}); er wordt niets dubbel geboekt.</translation>
    </message>
    <message>
        <source>{service} cannot be reached, trying again in {seconds} s (try {attempt} of {attempts}).</source>
        <comment>wait.unreachable</comment>
        <translation>{service} is niet bereikbaar, opnieuw over {seconds} s (poging {attempt} van {attempts}).</translation>
    </message>
    <message>
        <source>{service} did not confirm in time; checking for {seconds} s so nothing is done twice.</source>
        <comment>wait.confirming</comment>
        <translation>{service} bevestigde niet op tijd; nog {seconds} s controleren, zodat niets dubbel gebeurt.</translation>
    </message>
    <message>
        <source>Stop waiting  (Esc)</source>
        <comment>action.stop_waiting</comment>
        <translation>Stoppen met wachten  (Esc)</translation>
    </message>
    <message>
        <source>Not sent, fix this first: {violations}</source>
        <comment>error.invalid</comment>
        <translation>Niet verstuurd, los dit eerst op: {violations}</translation>
    </message>
    <message>
        <source>There is no picklist “{number}”. Check the number and scan again.</source>
        <comment>error.picklist_not_found</comment>
        <translation>Er is geen picklijst “{number}”. Controleer het nummer en scan opnieuw.</translation>
    </message>
    <message>
        <source>Scanned “{code}”: that looks like a product code (EAN), not a picklist. Scan the barcode on the picklist.</source>
        <comment>error.product_code</comment>
        <translation>Gescand: “{code}”: dat lijkt een productcode (EAN), geen picklijst. Scan de barcode op de picklijst.</translation>
    </message>
    <message>
        <source>{number} is still open.</source>
        <comment>status.still_open</comment>
        <translation>{number} staat nog open.</translation>
    </message>
    <message>
        <source>Picklist {number} cannot be packed now: it is {reason}. Put it aside and tell the office.</source>
        <comment>error.not_packable</comment>
        <translation>Picklijst {number} kan nu niet ingepakt worden: hij is {reason}. Leg hem apart en meld het aan kantoor.</translation>
    </message>
    <message>
        <source>Picklist {number} is being packed by {holder}. Put it aside.</source>
        <comment>error.not_packable_holder</comment>
        <translation>Picklijst {number} wordt ingepakt door {holder}. Leg hem apart.</translation>
    </message>
    <message>
        <source>Picklist {number} already has a label ({barcodes}). Press Ctrl+R to print it again.</source>
        <comment>error.already_shipped</comment>
        <translation>Picklijst {number} heeft al een label ({barcodes}). Druk op Ctrl+R om het opnieuw te printen.</translation>
    </message>
    <message>
        <source>The label from MyParcel cannot be used ({detail}). {next}</source>
        <comment>error.label</comment>
        <translation>Het label van MyParcel is onbruikbaar ({detail}). {next}</translation>
    </message>
    <message>
        <source>Not printed: barcode {codes} would not scan on the label. Ask the admin to check the printer settings.</source>
        <comment>error.barcode_check</comment>
        <translation>Niet geprint: barcode {codes} zou niet scanbaar zijn op het label. Vraag de beheerder de printerinstellingen te controleren.</translation>
    </message>
    <message>
        <source>Not printed: the A4 label sheet holds labels or forms in positions {positions}, and packstation does not guess which to print. Ask the admin to set the label&apos;s A4 position for the label printer, or to send A4 labels to the document printer.</source>
        <comment>error.sheet_position</comment>
        <translation>Niet geprint: het A4-labelvel heeft labels of formulieren op posities {positions}, en packstation gokt niet wat te printen. Vraag de beheerder de A4-positie van het label voor de labelprinter in te stellen, of A4-labels naar de documentprinter te sturen.</translation>
    </message>
    <message>
        <source>Not printed: barcode {codes} would not scan on the A4 label shrunk to {percent}. Ask the admin to send A4 labels to the document printer, or to ask the carrier for A6 labels.</source>
        <comment>error.sheet_unreadable</comment>
        <translation>Niet geprint: barcode {codes} zou niet scanbaar zijn op het A4-label, verkleind tot {percent}. Vraag de beheerder A4-labels naar de documentprinter te sturen, of de vervoerder om A6-labels te vragen.</translation>
    </message>
    <message>
        <source>{printer} cannot be reached. Switch it on and check its cable or network. {next}</source>
        <comment>error.printer_not_found</comment>
        <translation>{printer} is niet bereikbaar. Zet hem aan en controleer de kabel of het netwerk. {next}</translation>
    </message>
    <message>
        <source>{printer} is not ready: {conditions}. Fix it. {next}</source>
        <comment>error.printer_not_ready</comment>
        <translation>{printer} is niet klaar: {conditions}. Los het op. {next}</translation>
    </message>
    <message>
        <source>{printer} went away while printing. Reconnect its cable or network. {next}</source>
        <comment>error.printer_disconnected</comment>
        <translation>{printer} viel weg tijdens het printen. Sluit de kabel of het netwerk opnieuw aan. {next}</translation>
    </message>
    <message>
        <source>{printer} did not print the label ({detail}). Check the printer. {next}</source>
        <comment>error.printer_failed</comment>
        <translation>{printer} heeft het label niet geprint ({detail}). Controleer de printer. {next}</translation>
    </message>
    <message>
        <source>The label was cancelled in the print queue, so it did not print. {next}</source>
        <comment>error.print_cancelled</comment>
        <translation>Het label is in de printwachtrij geannuleerd en dus niet geprint. {next}</translation>
    </message>
    <message>
        <source>Or print it on the other printer: F9, choose the label, F8; then F12 finishes the shipment.</source>
        <comment>next.redirect</comment>
        <translation>Of print het op de andere printer: F9, kies het label, F8; daarna rondt F12 de zending af.</translation>
    </message>
    <message>
        <source>The settings cannot be used: {detail}. Ask the admin to open Settings.</source>
        <comment>error.settings</comment>
        <translation>De instellingen zijn onbruikbaar: {detail}. Vraag de beheerder Instellingen te openen.</translation>
    </message>
    <message>
        <source>This computer has no safe place for API keys. Ask the admin to set them as environment variables.</source>
        <comment>error.secrets</comment>
        <translation>Deze computer heeft geen veilige plek voor API-sleutels. Vraag de beheerder ze als omgevingsvariabelen in te stellen.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. {next} If it keeps happening, tell the admin: the details are in the packstation log.</source>
        <comment>error.unexpected</comment>
        <translation>Er ging iets onverwachts mis. {next} Blijft het gebeuren, meld het aan de beheerder: de details staan in het packstation-logboek.</translation>
    </message>
    <message>
        <source>paper out</source>
        <comment>printer.paper_out</comment>
        <translation>papier op</translation>
    </message>
    <message>
        <source>print head open</source>
        <comment>printer.head_open</comment>
        <translation>printkop open</translation>
    </message>
    <message>
        <source>ribbon out</source>
        <comment>printer.ribbon_out</comment>
        <translation>lint op</translation>
    </message>
    <message>
        <source>paused</source>
        <comment>printer.paused</comment>
        <translation>gepauzeerd</translation>
    </message>
    <message>
        <source>offline</source>
        <comment>printer.offline</comment>
        <translation>offline</translation>
    </message>
    <message>
        <source>buffer full</source>
        <comment>printer.buffer_full</comment>
        <translation>buffer vol</translation>
    </message>
    <message>
        <source>print head too hot</source>
        <comment>printer.head_too_hot</comment>
        <translation>printkop te heet</translation>
    </message>
    <message>
        <source>AZERTY (Belgian/French)</source>
        <comment>layout.azerty</comment>
        <translation>AZERTY (Belgisch/Frans)</translation>
    </message>
    <message>
        <source>QWERTZ (German)</source>
        <comment>layout.qwertz</comment>
        <translation>QWERTZ (Duits)</translation>
    </message>
    <message>
        <source>“{cc}” is not a country code: use two letters like NL.</source>
        <comment>violation.country_invalid</comment>
        <translation>“{cc}” is geen landcode: gebruik twee letters, zoals NL.</translation>
    </message>
    <message>
        <source>Fill in the recipient&apos;s name.</source>
        <comment>violation.person_missing</comment>
        <translation>Vul de naam van de ontvanger in.</translation>
    </message>
    <message>
        <source>The recipient&apos;s name is too long: shorten it.</source>
        <comment>violation.person_too_long</comment>
        <translation>De naam van de ontvanger is te lang: maak hem korter.</translation>
    </message>
    <message>
        <source>Fill in the street.</source>
        <comment>violation.street_missing</comment>
        <translation>Vul de straat in.</translation>
    </message>
    <message>
        <source>The street is too long: shorten it and put the rest in the extra address line.</source>
        <comment>violation.street_too_long</comment>
        <translation>De straatnaam is te lang: maak hem korter en zet de rest in de extra adresregel.</translation>
    </message>
    <message>
        <source>Fill in the city.</source>
        <comment>violation.city_missing</comment>
        <translation>Vul de plaats in.</translation>
    </message>
    <message>
        <source>Fill in the house number (digits only).</source>
        <comment>violation.number_missing</comment>
        <translation>Vul het huisnummer in (alleen cijfers).</translation>
    </message>
    <message>
        <source>House number “{number}” must be digits only: put letters in the suffix.</source>
        <comment>violation.number_invalid</comment>
        <translation>Huisnummer “{number}” mag alleen cijfers hebben: zet letters in de toevoeging.</translation>
    </message>
    <message>
        <source>The house number suffix “{suffix}” is too long: shorten it.</source>
        <comment>violation.number_suffix_too_long</comment>
        <translation>De toevoeging “{suffix}” is te lang: maak hem korter.</translation>
    </message>
    <message>
        <source>Box numbers exist only in Belgium: move “{box}” to the suffix.</source>
        <comment>violation.box_number_not_be</comment>
        <translation>Busnummers bestaan alleen in België: zet “{box}” in de toevoeging.</translation>
    </message>
    <message>
        <source>Box number “{box}” is too long: shorten it.</source>
        <comment>violation.box_number_too_long</comment>
        <translation>Busnummer “{box}” is te lang: maak het korter.</translation>
    </message>
    <message>
        <source>Postal code “{postal_code}” is not valid for {cc}: check it.</source>
        <comment>violation.postal_code_invalid</comment>
        <translation>Postcode “{postal_code}” klopt niet voor {cc}: controleer hem.</translation>
    </message>
    <message>
        <source>{carrier} cannot be shipped from the packing station: choose another profile.</source>
        <comment>violation.carrier_unsupported</comment>
        <translation>{carrier} kan niet vanaf het inpakstation verzonden worden: kies een ander profiel.</translation>
    </message>
    <message>
        <source>{carrier} is not available on this MyParcel account: choose another profile.</source>
        <comment>violation.carrier_not_on_platform</comment>
        <translation>{carrier} is niet beschikbaar op dit MyParcel-account: kies een ander profiel.</translation>
    </message>
    <message>
        <source>{carrier} does not deliver to {cc}: choose another profile (bpost).</source>
        <comment>violation.carrier_destination</comment>
        <translation>{carrier} bezorgt niet naar {cc}: kies een ander profiel (bpost).</translation>
    </message>
    <message>
        <source>SendMyParcel.be ships only parcels: choose a parcel profile.</source>
        <comment>violation.package_type_not_on_platform</comment>
        <translation>SendMyParcel.be verstuurt alleen pakketten: kies een pakketprofiel.</translation>
    </message>
    <message>
        <source>Only a normal parcel can go to {cc}: choose a parcel profile.</source>
        <comment>violation.package_type_not_abroad</comment>
        <translation>Alleen een gewoon pakket kan naar {cc}: kies een pakketprofiel.</translation>
    </message>
    <message>
        <source>This package type cannot have “{option}”: switch it off or choose a parcel profile.</source>
        <comment>violation.option_needs_package</comment>
        <translation>Dit pakkettype kan geen “{option}” hebben: zet het uit of kies een pakketprofiel.</translation>
    </message>
    <message>
        <source>SendMyParcel.be has no large format: switch it off.</source>
        <comment>violation.large_format_not_on_platform</comment>
        <translation>SendMyParcel.be heeft geen groot formaat: zet het uit.</translation>
    </message>
    <message>
        <source>SendMyParcel.be has no “only recipient”: switch it off.</source>
        <comment>violation.only_recipient_not_on_platform</comment>
        <translation>SendMyParcel.be heeft geen “alleen ontvanger”: zet het uit.</translation>
    </message>
    <message>
        <source>SendMyParcel.be has no age check: switch it off.</source>
        <comment>violation.age_check_not_on_platform</comment>
        <translation>SendMyParcel.be heeft geen leeftijdscheck: zet hem uit.</translation>
    </message>
    <message>
        <source>“Only recipient” is not possible to {cc}: switch it off.</source>
        <comment>violation.only_recipient_not_abroad</comment>
        <translation>“Alleen ontvanger” kan niet naar {cc}: zet het uit.</translation>
    </message>
    <message>
        <source>A signature is not possible to {cc}: switch it off.</source>
        <comment>violation.signature_not_abroad</comment>
        <translation>Een handtekening kan niet naar {cc}: zet hem uit.</translation>
    </message>
    <message>
        <source>“Return when not home” is not possible to {cc}: switch it off.</source>
        <comment>violation.return_not_abroad</comment>
        <translation>“Retour bij niet thuis” kan niet naar {cc}: zet het uit.</translation>
    </message>
    <message>
        <source>An age check is not possible to {cc}: switch it off.</source>
        <comment>violation.age_check_not_abroad</comment>
        <translation>Een leeftijdscheck kan niet naar {cc}: zet hem uit.</translation>
    </message>
    <message>
        <source>Large format is only possible within the EU: switch it off for {cc}.</source>
        <comment>violation.large_format_not_world</comment>
        <translation>Groot formaat kan alleen binnen de EU: zet het uit voor {cc}.</translation>
    </message>
    <message>
        <source>This delivery type is not possible to {cc}: choose standard delivery.</source>
        <comment>violation.delivery_type_not_available</comment>
        <translation>Deze bezorgsoort kan niet naar {cc}: kies standaard bezorging.</translation>
    </message>
    <message>
        <source>This delivery type needs “only recipient”: switch it on.</source>
        <comment>violation.only_recipient_required</comment>
        <translation>Deze bezorgsoort vraagt “alleen ontvanger”: zet het aan.</translation>
    </message>
    <message>
        <source>This delivery type needs a delivery date: pick one.</source>
        <comment>violation.delivery_date_required</comment>
        <translation>Deze bezorgsoort vraagt een bezorgdatum: kies er een.</translation>
    </message>
    <message>
        <source>Delivery to a pickup point needs a signature: switch it on.</source>
        <comment>violation.signature_required</comment>
        <translation>Bezorgen bij een afhaalpunt vraagt een handtekening: zet die aan.</translation>
    </message>
    <message>
        <source>Delivery to a pickup point needs the pickup point: choose one or deliver at home.</source>
        <comment>violation.pickup_location_required</comment>
        <translation>Bezorgen bij een afhaalpunt vraagt het afhaalpunt: kies er een of bezorg thuis.</translation>
    </message>
    <message>
        <source>Morning delivery is not possible on {delivery_date} (weekend): pick a weekday.</source>
        <comment>violation.delivery_date_weekend</comment>
        <translation>Ochtendbezorging kan niet op {delivery_date} (weekend): kies een doordeweekse dag.</translation>
    </message>
    <message>
        <source>A pickup point is set but the delivery is not to a pickup point: choose pickup or remove the point.</source>
        <comment>violation.pickup_without_pickup_delivery</comment>
        <translation>Er is een afhaalpunt gekozen maar de bezorging is niet naar een afhaalpunt: kies afhaalpunt of haal het punt weg.</translation>
    </message>
    <message>
        <source>SendMyParcel.be takes no delivery date: remove it.</source>
        <comment>violation.delivery_date_not_on_platform</comment>
        <translation>SendMyParcel.be neemt geen bezorgdatum aan: haal hem weg.</translation>
    </message>
    <message>
        <source>A delivery date needs a delivery type: choose one or remove the date.</source>
        <comment>violation.delivery_type_required</comment>
        <translation>Een bezorgdatum vraagt een bezorgsoort: kies er een of haal de datum weg.</translation>
    </message>
    <message>
        <source>Delivery date {delivery_date} has passed: pick a later date.</source>
        <comment>violation.delivery_date_past</comment>
        <translation>Bezorgdatum {delivery_date} is voorbij: kies een latere datum.</translation>
    </message>
    <message>
        <source>The insured amount cannot be negative.</source>
        <comment>violation.insurance_invalid</comment>
        <translation>Het verzekerde bedrag kan niet negatief zijn.</translation>
    </message>
    <message>
        <source>Insurance of {amount_eur} is too high for a parcel within NL: choose a lower amount.</source>
        <comment>violation.insurance_too_high</comment>
        <translation>Verzekering van {amount_eur} is te hoog voor een pakket binnen NL: kies een lager bedrag.</translation>
    </message>
    <message>
        <source>An insured parcel needs “only recipient”: switch it on.</source>
        <comment>violation.insurance_needs_only_recipient</comment>
        <translation>Een verzekerd pakket vraagt “alleen ontvanger”: zet het aan.</translation>
    </message>
    <message>
        <source>An insured parcel needs a signature: switch it on.</source>
        <comment>violation.insurance_needs_signature</comment>
        <translation>Een verzekerd pakket vraagt een handtekening: zet die aan.</translation>
    </message>
    <message>
        <source>Parcels to {cc} must be insured for exactly {required_eur}: set the insurance to that.</source>
        <comment>violation.insurance_eu_amount</comment>
        <translation>Pakketten naar {cc} moeten voor precies {required_eur} verzekerd zijn: stel dat in.</translation>
    </message>
    <message>
        <source>Parcels to {cc} must be insured for exactly {required_eur}: set the insurance to that.</source>
        <comment>violation.insurance_world_amount</comment>
        <translation>Pakketten naar {cc} moeten voor precies {required_eur} verzekerd zijn: stel dat in.</translation>
    </message>
    <message>
        <source>On SendMyParcel.be the insurance is either none or {required_eur}.</source>
        <comment>violation.insurance_amount</comment>
        <translation>Bij SendMyParcel.be is de verzekering geen of {required_eur}.</translation>
    </message>
    <message>
        <source>An age check needs a signature: switch it on.</source>
        <comment>violation.age_check_needs_signature</comment>
        <translation>Een leeftijdscheck vraagt een handtekening: zet die aan.</translation>
    </message>
    <message>
        <source>An age check needs “only recipient”: switch it on.</source>
        <comment>violation.age_check_needs_only_recipient</comment>
        <translation>Een leeftijdscheck vraagt “alleen ontvanger”: zet het aan.</translation>
    </message>
    <message>
        <source>The pickup point is incomplete ({missing}): choose the pickup point again.</source>
        <comment>violation.pickup_location_incomplete</comment>
        <translation>Het afhaalpunt is onvolledig ({missing}): kies het afhaalpunt opnieuw.</translation>
    </message>
    <message>
        <source>This pickup point has no location code: choose the pickup point again.</source>
        <comment>violation.pickup_location_code_missing</comment>
        <translation>Dit afhaalpunt heeft geen locatiecode: kies het afhaalpunt opnieuw.</translation>
    </message>
    <message>
        <source>The shipment has no picklist number as reference.</source>
        <comment>violation.reference_missing</comment>
        <translation>De zending heeft geen picklijstnummer als referentie.</translation>
    </message>
    <message>
        <source>The reference is too long.</source>
        <comment>violation.reference_too_long</comment>
        <translation>De referentie is te lang.</translation>
    </message>
    <message>
        <source>The weight must be more than 0 grams: weigh the parcel.</source>
        <comment>violation.weight_not_positive</comment>
        <translation>Het gewicht moet meer dan 0 gram zijn: weeg het pakket.</translation>
    </message>
    <message>
        <source>The weight is not known: weigh the parcel and enter it.</source>
        <comment>violation.weight_unknown</comment>
        <translation>Het gewicht is onbekend: weeg het pakket en vul het in.</translation>
    </message>
    <message>
        <source>No weight known for {products}: the weight may be too low, weigh the parcel.</source>
        <comment>violation.weight_partial</comment>
        <translation>Geen gewicht bekend voor {products}: het gewicht kan te laag zijn, weeg het pakket.</translation>
    </message>
    <message>
        <source>The label text has {length} characters: shorten it.</source>
        <comment>violation.label_description_too_long</comment>
        <translation>De labeltekst heeft {length} tekens: maak hem korter.</translation>
    </message>
    <message>
        <source>The order reference is too long for the label; it is shortened.</source>
        <comment>violation.label_description_shortened</comment>
        <translation>De orderreferentie is te lang voor het label; hij wordt ingekort.</translation>
    </message>
    <message>
        <source>The number of parcels must be at least 1.</source>
        <comment>violation.parcels_invalid</comment>
        <translation>Het aantal pakketten moet minstens 1 zijn.</translation>
    </message>
    <message>
        <source>SendMyParcel.be cannot book {parcels} parcels as one shipment: ship them one by one.</source>
        <comment>violation.multi_collo_not_on_platform</comment>
        <translation>SendMyParcel.be kan geen {parcels} pakketten als één zending boeken: verstuur ze één voor één.</translation>
    </message>
    <message>
        <source>Several parcels in one shipment need a parcel profile.</source>
        <comment>violation.multi_collo_needs_package</comment>
        <translation>Meerdere pakketten in één zending kan alleen met een pakketprofiel.</translation>
    </message>
    <message>
        <source>Several parcels in one shipment are only possible to NL and BE: ship them one by one.</source>
        <comment>violation.multi_collo_destination</comment>
        <translation>Meerdere pakketten in één zending kan alleen naar NL en BE: verstuur ze één voor één.</translation>
    </message>
    <message>
        <source>Parcels to {cc} need a customs declaration: fill it in.</source>
        <comment>violation.customs_required</comment>
        <translation>Pakketten naar {cc} hebben een douaneverklaring nodig: vul die in.</translation>
    </message>
    <message>
        <source>This country needs a customs declaration, but the order is not loaded: scan the picklist again.</source>
        <comment>violation.customs_needs_order</comment>
        <translation>Dit land vraagt een douaneverklaring, maar de order is niet geladen: scan de picklijst opnieuw.</translation>
    </message>
    <message>
        <source>Customs needs an invoice number for these contents: fill in the invoice.</source>
        <comment>violation.customs_invoice_missing</comment>
        <translation>De douane vraagt een factuurnummer voor deze inhoud: vul de factuur in.</translation>
    </message>
    <message>
        <source>The customs declaration lists no products: add at least one.</source>
        <comment>violation.customs_no_items</comment>
        <translation>De douaneverklaring heeft geen producten: voeg er minstens één toe.</translation>
    </message>
    <message>
        <source>Customs line {line} needs a description.</source>
        <comment>violation.customs_description_missing</comment>
        <translation>Douaneregel {line} heeft een omschrijving nodig.</translation>
    </message>
    <message>
        <source>Customs line {line}: the description is too long, shorten it.</source>
        <comment>violation.customs_description_too_long</comment>
        <translation>Douaneregel {line}: de omschrijving is te lang, maak hem korter.</translation>
    </message>
    <message>
        <source>Customs line {line}: the amount must be at least 1.</source>
        <comment>violation.customs_amount_invalid</comment>
        <translation>Douaneregel {line}: het aantal moet minstens 1 zijn.</translation>
    </message>
    <message>
        <source>Customs line {line} ({description}) has no weight: enter the weight of the products.</source>
        <comment>violation.customs_weight_unknown</comment>
        <translation>Douaneregel {line} ({description}) heeft geen gewicht: vul het gewicht van de producten in.</translation>
    </message>
    <message>
        <source>Customs line {line} weighs {weight} g, which is too much for one line: split it.</source>
        <comment>violation.customs_weight_out_of_range</comment>
        <translation>Douaneregel {line} weegt {weight} g, te veel voor één regel: splits hem.</translation>
    </message>
    <message>
        <source>Customs line {line} ({description}) has no value: enter what the products are worth.</source>
        <comment>violation.customs_value_missing</comment>
        <translation>Douaneregel {line} ({description}) heeft geen waarde: vul in wat de producten waard zijn.</translation>
    </message>
    <message>
        <source>Customs line {line} ({description}) has no HS code: add it to the product in Picqer.</source>
        <comment>violation.customs_classification_missing</comment>
        <translation>Douaneregel {line} ({description}) heeft geen HS-code: voeg die toe aan het product in Picqer.</translation>
    </message>
    <message>
        <source>Customs line {line}: “{classification}” is not an HS code (digits only, at most 10).</source>
        <comment>violation.customs_classification_invalid</comment>
        <translation>Douaneregel {line}: “{classification}” is geen HS-code (alleen cijfers, hooguit 10).</translation>
    </message>
    <message>
        <source>Customs line {line}: country of origin “{country}” must be two letters like NL or CN.</source>
        <comment>violation.customs_origin_invalid</comment>
        <translation>Douaneregel {line}: land van herkomst “{country}” moet twee letters zijn, zoals NL of CN.</translation>
    </message>
    <message>
        <source>The address “{line}” could not be split into street and number: fill in the fields.</source>
        <comment>violation.address_not_split</comment>
        <translation>Het adres “{line}” kon niet in straat en nummer gesplitst worden: vul de velden in.</translation>
    </message>
    <message>
        <source>The address “{line}” can be read in more than one way: check the fields and tick “correct” (Alt+C).</source>
        <comment>violation.address_ambiguous</comment>
        <translation>Het adres “{line}” kan op meer manieren gelezen worden: controleer de velden en vink “klopt” aan (Alt+K).</translation>
    </message>
    <message>
        <source>The address “{line}” can be read in two ways: choose one with Alt+1 or Alt+2, or fill in the fields.</source>
        <comment>violation.address_two_readings</comment>
        <translation>Het adres “{line}” kan op twee manieren gelezen worden: kies er een met Alt+1 of Alt+2, of vul de velden in.</translation>
    </message>
    <message>
        <source>Suffix “{suffix}” is sent separately for Belgium: check it is printed on the label.</source>
        <comment>violation.be_number_suffix</comment>
        <translation>Toevoeging “{suffix}” gaat apart mee voor België: controleer dat hij op het label staat.</translation>
    </message>
    <message>
        <source>No e-mail address or phone number: the customer gets no track and trace.</source>
        <comment>violation.contact_missing</comment>
        <translation>Geen e-mailadres of telefoonnummer: de klant krijgt geen track en trace.</translation>
    </message>
    <message>
        <source>The profile “{profile}” has no option “{option}”: check the profile in the settings.</source>
        <comment>violation.option_unknown</comment>
        <translation>Het profiel “{profile}” heeft geen optie “{option}”: controleer het profiel in de instellingen.</translation>
    </message>
    <message>
        <source>Choose a value for “{label}”.</source>
        <comment>violation.option_required</comment>
        <translation>Kies een waarde voor “{label}”.</translation>
    </message>
    <message>
        <source>“{value}” is not a choice for “{label}”: choose one from the list.</source>
        <comment>violation.option_value_unknown</comment>
        <translation>“{value}” is geen keuze voor “{label}”: kies er een uit de lijst.</translation>
    </message>
    <message>
        <source>“{label}” must be yes or no, not “{value}”.</source>
        <comment>violation.option_not_yes_no</comment>
        <translation>“{label}” moet ja of nee zijn, niet “{value}”.</translation>
    </message>
    <message>
        <source>“{label}” must be a whole number, not “{value}”.</source>
        <comment>violation.option_not_a_number</comment>
        <translation>“{label}” moet een heel getal zijn, niet “{value}”.</translation>
    </message>
    <message>
        <source>“{label}” may have at most {max} characters; it has {length}: shorten it.</source>
        <comment>violation.option_text_too_long</comment>
        <translation>“{label}” mag hoogstens {max} tekens hebben; het zijn er {length}: maak het korter.</translation>
    </message>
    <message>
        <source>“{option}” was switched on: the carrier requires it for this shipment.</source>
        <comment>violation.option_added</comment>
        <translation>“{option}” is aangezet: de vervoerder eist dat voor deze zending.</translation>
    </message>
    <message>
        <source>The insurance was set to {amount_eur}: the carrier requires it for this shipment.</source>
        <comment>violation.insurance_added</comment>
        <translation>De verzekering is op {amount_eur} gezet: de vervoerder eist dat voor deze zending.</translation>
    </message>
    <message>
        <source>The customer chose a {pickup_carrier} pickup point but the profile ships with {carrier}: check the point.</source>
        <comment>violation.pickup_carrier_mismatch</comment>
        <translation>De klant koos een afhaalpunt van {pickup_carrier} maar het profiel verstuurt met {carrier}: controleer het punt.</translation>
    </message>
    <message>
        <source>The customer asked for delivery on {delivery_date}; this delivery type takes no date.</source>
        <comment>violation.delivery_date_ignored</comment>
        <translation>De klant vroeg bezorging op {delivery_date}; deze bezorgsoort neemt geen datum aan.</translation>
    </message>
    <message>
        <source>New shipment…  (Ctrl+Shift+N)</source>
        <comment>action.new_shipment</comment>
        <translation>Nieuwe zending…  (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>Take over…  (Ctrl+Shift+T)</source>
        <comment>action.take_over</comment>
        <translation>Overnemen…  (Ctrl+Shift+T)</translation>
    </message>
    <message>
        <source>Print queue  (F9)</source>
        <comment>action.print_queue</comment>
        <translation>Printwachtrij  (F9)</translation>
    </message>
    <message>
        <source>Settings…  (Ctrl+,)</source>
        <comment>action.settings_key</comment>
        <translation>Instellingen…  (Ctrl+,)</translation>
    </message>
    <message>
        <source>Yes  (Tab, Space)</source>
        <comment>confirm.yes</comment>
        <translation>Ja  (Tab, Spatie)</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <comment>confirm.no</comment>
        <translation>&amp;Nee</translation>
    </message>
    <message>
        <source>Make a new shipment?</source>
        <comment>new_shipment.title</comment>
        <translation>Nieuwe zending maken?</translation>
    </message>
    <message>
        <source>Picklist {number} already has a label ({barcodes}). A new shipment makes a second, paid label. Only do this when the first parcel is not sent. Make a new shipment?</source>
        <comment>new_shipment.text</comment>
        <translation>Picklijst {number} heeft al een label ({barcodes}). Een nieuwe zending maakt een tweede, betaald label. Doe dit alleen als het eerste pakket niet verstuurd wordt. Nieuwe zending maken?</translation>
    </message>
    <message>
        <source>{number}: new shipment. Check the profile and press F12.</source>
        <comment>status.new_shipment</comment>
        <translation>{number}: nieuwe zending. Controleer het profiel en druk op F12.</translation>
    </message>
    <message>
        <source>Take over this picklist?</source>
        <comment>take_over.title</comment>
        <translation>Deze picklijst overnemen?</translation>
    </message>
    <message>
        <source>Picklist {number} is claimed by {holder}. Take it over only when they are not packing it. Take over?</source>
        <comment>take_over.text</comment>
        <translation>Picklijst {number} is geclaimd door {holder}. Neem hem alleen over als die hem niet inpakt. Overnemen?</translation>
    </message>
    <message>
        <source>Picklist {number} is claimed by {holder}. An admin can take it over with Ctrl+Shift+T.</source>
        <comment>status.take_over_hint</comment>
        <translation>Picklijst {number} is geclaimd door {holder}. Een beheerder kan hem overnemen met Ctrl+Shift+T.</translation>
    </message>
    <message>
        <source>Unfinished shipments</source>
        <comment>unfinished.title</comment>
        <translation>Onafgemaakte zendingen</translation>
    </message>
    <message>
        <source>These shipments were not finished. Choose one and press Enter to finish it, or Esc to do it later.</source>
        <comment>unfinished.text</comment>
        <translation>Deze zendingen zijn niet afgemaakt. Kies er een en druk op Enter om hem af te maken, of Esc voor later.</translation>
    </message>
    <message>
        <source>{number}  ({when}): still to do: {remaining}</source>
        <comment>unfinished.line</comment>
        <translation>{number}  ({when}): nog te doen: {remaining}</translation>
    </message>
    <message>
        <source>Finish  (Enter)</source>
        <comment>unfinished.finish</comment>
        <translation>Afmaken  (Enter)</translation>
    </message>
    <message>
        <source>Later  (Esc)</source>
        <comment>unfinished.later</comment>
        <translation>Later  (Esc)</translation>
    </message>
    <message>
        <source>Finishing {number}…</source>
        <comment>status.resuming</comment>
        <translation>{number} afmaken…</translation>
    </message>
    <message>
        <source>book the shipment</source>
        <comment>remaining.book</comment>
        <translation>zending boeken</translation>
    </message>
    <message>
        <source>fetch the label</source>
        <comment>remaining.label</comment>
        <translation>label ophalen</translation>
    </message>
    <message>
        <source>print the label</source>
        <comment>remaining.print</comment>
        <translation>label printen</translation>
    </message>
    <message>
        <source>update Picqer</source>
        <comment>remaining.write_back</comment>
        <translation>Picqer bijwerken</translation>
    </message>
    <message>
        <source>ready</source>
        <comment>printer.ready</comment>
        <translation>klaar</translation>
    </message>
    <message>
        <source>status unknown</source>
        <comment>printer.unknown</comment>
        <translation>status onbekend</translation>
    </message>
    <message>
        <source>{printer}: {state}</source>
        <comment>printer.status</comment>
        <translation>{printer}: {state}</translation>
    </message>
    <message>
        <source>Print queue</source>
        <comment>queue.title</comment>
        <translation>Printwachtrij</translation>
    </message>
    <message>
        <source>Picklist</source>
        <comment>queue.col.picklist</comment>
        <translation>Picklijst</translation>
    </message>
    <message>
        <source>Printer</source>
        <comment>queue.col.printer</comment>
        <translation>Printer</translation>
    </message>
    <message>
        <source>Label printer</source>
        <comment>printer.role.label</comment>
        <translation>Labelprinter</translation>
    </message>
    <message>
        <source>Document printer</source>
        <comment>printer.role.document</comment>
        <translation>Documentprinter</translation>
    </message>
    <message>
        <source>State</source>
        <comment>queue.col.state</comment>
        <translation>Status</translation>
    </message>
    <message>
        <source>Time</source>
        <comment>queue.col.time</comment>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Problem</source>
        <comment>queue.col.problem</comment>
        <translation>Probleem</translation>
    </message>
    <message>
        <source>waiting</source>
        <comment>queue.state.queued</comment>
        <translation>wacht</translation>
    </message>
    <message>
        <source>printing…</source>
        <comment>queue.state.sending</comment>
        <translation>bezig…</translation>
    </message>
    <message>
        <source>printed</source>
        <comment>queue.state.printed</comment>
        <translation>geprint</translation>
    </message>
    <message>
        <source>FAILED</source>
        <comment>queue.state.failed</comment>
        <translation>MISLUKT</translation>
    </message>
    <message>
        <source>cancelled</source>
        <comment>queue.state.cancelled</comment>
        <translation>geannuleerd</translation>
    </message>
    <message>
        <source>printed again</source>
        <comment>queue.state.printed_again</comment>
        <translation>opnieuw geprint</translation>
    </message>
    <message>
        <source>{name} was printed again already: there is nothing to retry.</source>
        <comment>queue.already_printed_again</comment>
        <translation>{name} is al opnieuw geprint: er valt niets opnieuw te proberen.</translation>
    </message>
    <message>
        <source>Retry  (F6)</source>
        <comment>queue.retry</comment>
        <translation>Opnieuw  (F6)</translation>
    </message>
    <message>
        <source>Retry all failed  (Shift+F6)</source>
        <comment>queue.retry_failed</comment>
        <translation>Alle mislukte opnieuw  (Shift+F6)</translation>
    </message>
    <message>
        <source>Print again  (F7)</source>
        <comment>queue.reprint</comment>
        <translation>Nogmaals printen  (F7)</translation>
    </message>
    <message>
        <source>Cancel  (Del)</source>
        <comment>queue.cancel</comment>
        <translation>Annuleren  (Del)</translation>
    </message>
    <message>
        <source>Send to {printer}  (F8)</source>
        <comment>queue.redirect</comment>
        <translation>Naar {printer}  (F8)</translation>
    </message>
    <message>
        <source>Send to other printer  (F8)</source>
        <comment>queue.redirect_none</comment>
        <translation>Naar andere printer  (F8)</translation>
    </message>
    <message>
        <source>No print jobs yet.</source>
        <comment>queue.empty</comment>
        <translation>Nog geen printopdrachten.</translation>
    </message>
    <message>
        <source>{failed} failed, {waiting} waiting</source>
        <comment>queue.summary</comment>
        <translation>{failed} mislukt, {waiting} wachtend</translation>
    </message>
    <message>
        <source>{name}: sent to the printer again.</source>
        <comment>queue.done_retry</comment>
        <translation>{name}: opnieuw naar de printer gestuurd.</translation>
    </message>
    <message>
        <source>All failed jobs are sent again.</source>
        <comment>queue.done_retry_failed</comment>
        <translation>Alle mislukte opdrachten zijn opnieuw gestuurd.</translation>
    </message>
    <message>
        <source>No print job has failed: nothing to send again.</source>
        <comment>queue.nothing_failed</comment>
        <translation>Er is geen printopdracht mislukt: er valt niets opnieuw te versturen.</translation>
    </message>
    <message>
        <source>{name}: printing again.</source>
        <comment>queue.done_reprint</comment>
        <translation>{name}: wordt nogmaals geprint.</translation>
    </message>
    <message>
        <source>{name}: cancelled.</source>
        <comment>queue.done_cancel</comment>
        <translation>{name}: geannuleerd.</translation>
    </message>
    <message>
        <source>{name} is {state}: only a waiting job can be cancelled. F6 tries a failed one again.</source>
        <comment>queue.cannot_cancel</comment>
        <translation>{name} is {state}: alleen een wachtende opdracht kan geannuleerd worden. F6 probeert een mislukte opnieuw.</translation>
    </message>
    <message>
        <source>{name}: sent to {printer}.</source>
        <comment>queue.done_redirect</comment>
        <translation>{name}: naar {printer} gestuurd.</translation>
    </message>
    <message>
        <source>Select a print job first (arrow keys).</source>
        <comment>queue.select_first</comment>
        <translation>Kies eerst een printopdracht (pijltjestoetsen).</translation>
    </message>
    <message>
        <source>Welcome to Packstation</source>
        <comment>first_run.title</comment>
        <translation>Welkom bij Packstation</translation>
    </message>
    <message>
        <source>No Picqer or MyParcel account is set up yet. Try the app with demo data, or enter the accounts now.</source>
        <comment>first_run.text</comment>
        <translation>Er is nog geen Picqer- of MyParcel-account ingesteld. Probeer de app met demogegevens, of vul de accounts nu in.</translation>
    </message>
    <message>
        <source>&amp;Demo mode (no real labels)</source>
        <comment>first_run.demo</comment>
        <translation>&amp;Demomodus (geen echte labels)</translation>
    </message>
    <message>
        <source>&amp;Set up accounts…</source>
        <comment>first_run.settings</comment>
        <translation>Accounts &amp;instellen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <comment>first_run.quit</comment>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>Settings</source>
        <comment>settings.title</comment>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <comment>settings.tab.accounts</comment>
        <translation>&amp;Accounts</translation>
    </message>
    <message>
        <source>&amp;Printers</source>
        <comment>settings.tab.printers</comment>
        <translation>&amp;Printers</translation>
    </message>
    <message>
        <source>S&amp;canner</source>
        <comment>settings.tab.scanner</comment>
        <translation>S&amp;canner</translation>
    </message>
    <message>
        <source>Pr&amp;ofiles</source>
        <comment>settings.tab.profiles</comment>
        <translation>Pr&amp;ofielen</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <comment>settings.tab.general</comment>
        <translation>Al&amp;gemeen</translation>
    </message>
    <message>
        <source>Picqer</source>
        <comment>settings.picqer</comment>
        <translation>Picqer</translation>
    </message>
    <message>
        <source>MyParcel</source>
        <comment>settings.myparcel</comment>
        <translation>MyParcel</translation>
    </message>
    <message>
        <source>Subdomain or address</source>
        <comment>settings.subdomain</comment>
        <translation>Subdomein of adres</translation>
    </message>
    <message>
        <source>yourshop (from yourshop.picqer.com)</source>
        <comment>settings.subdomain_hint</comment>
        <translation>jouwwinkel (van jouwwinkel.picqer.com)</translation>
    </message>
    <message>
        <source>API key</source>
        <comment>settings.api_key</comment>
        <translation>API-sleutel</translation>
    </message>
    <message>
        <source>stored; type to replace</source>
        <comment>settings.key_stored</comment>
        <translation>opgeslagen; typ om te vervangen</translation>
    </message>
    <message>
        <source>paste the API key</source>
        <comment>settings.key_missing</comment>
        <translation>plak de API-sleutel</translation>
    </message>
    <message>
        <source>Show</source>
        <comment>settings.show_key</comment>
        <translation>Toon</translation>
    </message>
    <message>
        <source>Hide</source>
        <comment>settings.hide_key</comment>
        <translation>Verberg</translation>
    </message>
    <message>
        <source>Test connection</source>
        <comment>settings.test</comment>
        <translation>Verbinding testen</translation>
    </message>
    <message>
        <source>Testing…</source>
        <comment>settings.testing</comment>
        <translation>Bezig met testen…</translation>
    </message>
    <message>
        <source>Connected to Picqer as {user}.</source>
        <comment>settings.picqer_ok</comment>
        <translation>Verbonden met Picqer als {user}.</translation>
    </message>
    <message>
        <source>Connected to MyParcel: the key works.</source>
        <comment>settings.myparcel_ok</comment>
        <translation>Verbonden met MyParcel: de sleutel werkt.</translation>
    </message>
    <message>
        <source>Fill in the subdomain first.</source>
        <comment>settings.need_subdomain</comment>
        <translation>Vul eerst het subdomein in.</translation>
    </message>
    <message>
        <source>Fill in the API key first.</source>
        <comment>settings.need_key</comment>
        <translation>Vul eerst de API-sleutel in.</translation>
    </message>
    <message>
        <source>Platform</source>
        <comment>settings.platform</comment>
        <translation>Platform</translation>
    </message>
    <message>
        <source>MyParcel.nl (Netherlands)</source>
        <comment>settings.platform_nl</comment>
        <translation>MyParcel.nl (Nederland)</translation>
    </message>
    <message>
        <source>SendMyParcel.be (Belgium)</source>
        <comment>settings.platform_be</comment>
        <translation>SendMyParcel.be (België)</translation>
    </message>
    <message>
        <source>API address (empty: standard)</source>
        <comment>settings.base_url</comment>
        <translation>API-adres (leeg: standaard)</translation>
    </message>
    <message>
        <source>This computer has no keyring to store API keys safely, so keys typed here are not saved. Set them as environment variables instead: {picqer_env} and {myparcel_env}, then restart the app.</source>
        <comment>settings.no_keyring</comment>
        <translation>Deze computer heeft geen sleutelbos om API-sleutels veilig te bewaren; hier getypte sleutels worden niet bewaard. Zet ze als omgevingsvariabelen: {picqer_env} en {myparcel_env}, en start de app opnieuw.</translation>
    </message>
    <message>
        <source>Label printer</source>
        <comment>settings.label_printer</comment>
        <translation>Labelprinter</translation>
    </message>
    <message>
        <source>Document printer (A4)</source>
        <comment>settings.document_printer</comment>
        <translation>Documentprinter (A4)</translation>
    </message>
    <message>
        <source>Connection</source>
        <comment>settings.transport</comment>
        <translation>Verbinding</translation>
    </message>
    <message>
        <source>Virtual (save to a folder)</source>
        <comment>settings.transport.virtual</comment>
        <translation>Virtueel (opslaan in een map)</translation>
    </message>
    <message>
        <source>USB (Zebra)</source>
        <comment>settings.transport.usb</comment>
        <translation>USB (Zebra)</translation>
    </message>
    <message>
        <source>Network (Zebra, port 9100)</source>
        <comment>settings.transport.network</comment>
        <translation>Netwerk (Zebra, poort 9100)</translation>
    </message>
    <message>
        <source>Printer queue, raw ZPL</source>
        <comment>settings.transport.spooler</comment>
        <translation>Printerwachtrij, ruwe ZPL</translation>
    </message>
    <message>
        <source>System printer (PDF)</source>
        <comment>settings.transport.system</comment>
        <translation>Systeemprinter (PDF)</translation>
    </message>
    <message>
        <source>Address</source>
        <comment>settings.address</comment>
        <translation>Adres</translation>
    </message>
    <message>
        <source>folder, USB serial, host:port or queue name</source>
        <comment>settings.address_hint</comment>
        <translation>map, USB-serienummer, host:poort of wachtrijnaam</translation>
    </message>
    <message>
        <source>Resolution</source>
        <comment>settings.dpi</comment>
        <translation>Resolutie</translation>
    </message>
    <message>
        <source>Label size</source>
        <comment>settings.label_size</comment>
        <translation>Labelformaat</translation>
    </message>
    <message>
        <source>A6 (105 × 148 mm)</source>
        <comment>settings.size.a6</comment>
        <translation>A6 (105 × 148 mm)</translation>
    </message>
    <message>
        <source>4 × 6 in (102 × 152 mm)</source>
        <comment>settings.size.4x6</comment>
        <translation>4 × 6 inch (102 × 152 mm)</translation>
    </message>
    <message>
        <source>150 × 103 mm</source>
        <comment>settings.size.150x103</comment>
        <translation>150 × 103 mm</translation>
    </message>
    <message>
        <source>A4 (210 × 297 mm)</source>
        <comment>settings.size.a4</comment>
        <translation>A4 (210 × 297 mm)</translation>
    </message>
    <message>
        <source>Custom</source>
        <comment>settings.size.custom</comment>
        <translation>Eigen formaat</translation>
    </message>
    <message>
        <source>Width (mm)</source>
        <comment>settings.width</comment>
        <translation>Breedte (mm)</translation>
    </message>
    <message>
        <source>Height (mm)</source>
        <comment>settings.height</comment>
        <translation>Hoogte (mm)</translation>
    </message>
    <message>
        <source>Too large label</source>
        <comment>settings.layout</comment>
        <translation>Te groot label</translation>
    </message>
    <message>
        <source>Shrink to fit</source>
        <comment>settings.layout.fit</comment>
        <translation>Verkleinen tot het past</translation>
    </message>
    <message>
        <source>Crop the margins</source>
        <comment>settings.layout.crop</comment>
        <translation>Marges afsnijden</translation>
    </message>
    <message>
        <source>Darkness</source>
        <comment>settings.darkness</comment>
        <translation>Donkerte</translation>
    </message>
    <message>
        <source>printer&apos;s own</source>
        <comment>settings.darkness_printer</comment>
        <translation>van de printer</translation>
    </message>
    <message>
        <source>Image encoding</source>
        <comment>settings.encoding</comment>
        <translation>Beeldcodering</translation>
    </message>
    <message>
        <source>Printer takes</source>
        <comment>settings.printer_language</comment>
        <translation>Printer verwerkt</translation>
    </message>
    <message>
        <source>ZPL (Zebra label printer)</source>
        <comment>settings.printer_language.zpl</comment>
        <translation>ZPL (Zebra-labelprinter)</translation>
    </message>
    <message>
        <source>PDF (office printer, PDF queue)</source>
        <comment>settings.printer_language.pdf</comment>
        <translation>PDF (kantoorprinter, PDF-wachtrij)</translation>
    </message>
    <message>
        <source>Print test label</source>
        <comment>settings.print_test</comment>
        <translation>Testlabel printen</translation>
    </message>
    <message>
        <source>Printing…</source>
        <comment>settings.printing</comment>
        <translation>Bezig met printen…</translation>
    </message>
    <message>
        <source>The test label was sent to the printer.</source>
        <comment>settings.print_ok</comment>
        <translation>Het testlabel is naar de printer gestuurd.</translation>
    </message>
    <message>
        <source>Max. time between keys (ms)</source>
        <comment>settings.max_gap</comment>
        <translation>Max. tijd tussen toetsen (ms)</translation>
    </message>
    <message>
        <source>Min. scan length</source>
        <comment>settings.min_length</comment>
        <translation>Min. scanlengte</translation>
    </message>
    <message>
        <source>Scanner ends with</source>
        <comment>settings.suffix</comment>
        <translation>Scanner eindigt met</translation>
    </message>
    <message>
        <source>Enter</source>
        <comment>settings.suffix.enter</comment>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Tab</source>
        <comment>settings.suffix.tab</comment>
        <translation>Tab</translation>
    </message>
    <message>
        <source>Enter + line feed</source>
        <comment>settings.suffix.crlf</comment>
        <translation>Enter + regelopschuiving</translation>
    </message>
    <message>
        <source>Nothing</source>
        <comment>settings.suffix.none</comment>
        <translation>Niets</translation>
    </message>
    <message>
        <source>Scanner starts with</source>
        <comment>settings.prefix</comment>
        <translation>Scanner begint met</translation>
    </message>
    <message>
        <source>Shipping profiles</source>
        <comment>settings.profiles_list</comment>
        <translation>Verzendprofielen</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <comment>settings.profile_add</comment>
        <translation>&amp;Toevoegen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <comment>settings.profile_copy</comment>
        <translation>&amp;Kopiëren</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <comment>settings.profile_remove</comment>
        <translation>&amp;Verwijderen</translation>
    </message>
    <message>
        <source>Reset to &amp;defaults</source>
        <comment>settings.profile_defaults</comment>
        <translation>&amp;Standaardprofielen</translation>
    </message>
    <message>
        <source>Name</source>
        <comment>settings.profile_name</comment>
        <translation>Naam</translation>
    </message>
    <message>
        <source>New profile</source>
        <comment>settings.profile_new</comment>
        <translation>Nieuw profiel</translation>
    </message>
    <message>
        <source>Carrier</source>
        <comment>settings.carrier</comment>
        <translation>Vervoerder</translation>
    </message>
    <message>
        <source>Package type</source>
        <comment>settings.package_type</comment>
        <translation>Pakkettype</translation>
    </message>
    <message>
        <source>Parcel</source>
        <comment>settings.package.package</comment>
        <translation>Pakket</translation>
    </message>
    <message>
        <source>Mailbox parcel</source>
        <comment>settings.package.mailbox</comment>
        <translation>Brievenbuspakje</translation>
    </message>
    <message>
        <source>Letter</source>
        <comment>settings.package.letter</comment>
        <translation>Brief</translation>
    </message>
    <message>
        <source>Digital stamp</source>
        <comment>settings.package.digital_stamp</comment>
        <translation>Digitale postzegel</translation>
    </message>
    <message>
        <source>Options the packer can change</source>
        <comment>settings.offered</comment>
        <translation>Opties die de inpakker kan wijzigen</translation>
    </message>
    <message>
        <source>on by default</source>
        <comment>settings.on_by_default</comment>
        <translation>standaard aan</translation>
    </message>
    <message>
        <source>Picqer shipping profiles</source>
        <comment>settings.picqer_links</comment>
        <translation>Picqer-verzendprofielen</translation>
    </message>
    <message>
        <source>Picqer profile {id} (Load from Picqer shows its name)</source>
        <comment>settings.links.unknown</comment>
        <translation>Picqer-profiel {id} (Uit Picqer laden toont de naam)</translation>
    </message>
    <message>
        <source>Picqer has {count} shipping profiles. Tick the ones whose picklists this profile ships, then Save.</source>
        <comment>settings.links.found</comment>
        <translation>Picqer heeft {count} verzendprofielen. Vink de profielen aan waarvan dit profiel de picklijsten verzendt en klik op Opslaan.</translation>
    </message>
    <message>
        <source>Picqer has {count} shipping profiles; the ticked ones ({name}) are among them.</source>
        <comment>settings.links.there</comment>
        <translation>Picqer heeft {count} verzendprofielen; de aangevinkte ({name}) zitten erbij.</translation>
    </message>
    <message>
        <source>Picqer has {count} shipping profiles, but not {id} ticked before (removed or switched off). Untick it, then Save.</source>
        <comment>settings.links.gone</comment>
        <translation>Picqer heeft {count} verzendprofielen, maar niet het eerder aangevinkte {id} (verwijderd of uitgezet). Vink het uit en klik op Opslaan.</translation>
    </message>
    <message>
        <source>Picqer has no active shipping profiles. Add your carriers as shipping providers in Picqer, then load again.</source>
        <comment>settings.links.empty</comment>
        <translation>Picqer heeft geen actieve verzendprofielen. Voeg je vervoerders toe in Picqer en laad opnieuw.</translation>
    </message>
    <message>
        <source>After printing, in Picqer</source>
        <comment>settings.write_back</comment>
        <translation>Na het printen, in Picqer</translation>
    </message>
    <message>
        <source>Add a comment with the track &amp;&amp; trace code</source>
        <comment>settings.wb.comment</comment>
        <translation>Opmerking met track &amp;&amp; trace toevoegen</translation>
    </message>
    <message>
        <source>Order field for the tracking code</source>
        <comment>settings.wb.order_field</comment>
        <translation>Orderveld voor de trackingcode</translation>
    </message>
    <message>
        <source>Mark all products picked</source>
        <comment>settings.wb.pick_all</comment>
        <translation>Alle producten als gepickt markeren</translation>
    </message>
    <message>
        <source>Close the picklist</source>
        <comment>settings.wb.close</comment>
        <translation>Picklijst sluiten</translation>
    </message>
    <message>
        <source>Claim the picklist for this station before booking</source>
        <comment>settings.wb.claim</comment>
        <translation>Picklijst eerst claimen voor dit station</translation>
    </message>
    <message>
        <source>Write back to Picqer</source>
        <comment>settings.wb.mode</comment>
        <translation>Terugmelden aan Picqer</translation>
    </message>
    <message>
        <source>Picqer shipment (via the packstation relay)</source>
        <comment>settings.wb.mode.picqer_shipment</comment>
        <translation>Picqer-zending (via de packstation-relay)</translation>
    </message>
    <message>
        <source>Comment only</source>
        <comment>settings.wb.mode.comment</comment>
        <translation>Alleen een opmerking</translation>
    </message>
    <message>
        <source>Relay&apos;s shipping profile</source>
        <comment>settings.wb.profile</comment>
        <translation>Verzendprofiel van de relay</translation>
    </message>
    <message>
        <source>None chosen: Test connection loads the list</source>
        <comment>settings.wb.profile_none</comment>
        <translation>Geen gekozen: Verbinding testen laadt de lijst</translation>
    </message>
    <message>
        <source>Profile {id} (Test connection shows its name)</source>
        <comment>settings.wb.profile_unknown</comment>
        <translation>Profiel {id} (Verbinding testen toont de naam)</translation>
    </message>
    <message>
        <source>Picqer has {count} shipping profiles. Choose the one that points at the packstation relay, then Save.</source>
        <comment>settings.wb.profiles_found</comment>
        <translation>Picqer heeft {count} verzendprofielen. Kies het profiel dat naar de packstation-relay wijst en klik op Opslaan.</translation>
    </message>
    <message>
        <source>Picqer has {count} shipping profiles; the chosen one ({name}) is among them.</source>
        <comment>settings.wb.profile_there</comment>
        <translation>Picqer heeft {count} verzendprofielen; het gekozen profiel ({name}) staat ertussen.</translation>
    </message>
    <message>
        <source>Picqer has {count} shipping profiles, but not profile {id} chosen before (removed or switched off). Choose another one, then Save.</source>
        <comment>settings.wb.profile_gone</comment>
        <translation>Picqer heeft {count} verzendprofielen, maar niet het eerder gekozen profiel {id} (verwijderd of uitgezet). Kies een ander profiel en klik op Opslaan.</translation>
    </message>
    <message>
        <source>Picqer has no active shipping profiles. Add the packstation relay as a shipping provider in Picqer, then test again.</source>
        <comment>settings.wb.no_profiles</comment>
        <translation>Picqer heeft geen actieve verzendprofielen. Voeg de packstation-relay toe als vervoerder in Picqer en test daarna opnieuw.</translation>
    </message>
    <message>
        <source>Fill in the Picqer address and API key on the Accounts tab first.</source>
        <comment>settings.wb.need_account</comment>
        <translation>Vul eerst het Picqer-adres en de API-sleutel in op het tabblad Accounts.</translation>
    </message>
    <message>
        <source>Choose the relay&apos;s shipping profile (Test connection lists them), or choose Comment only.</source>
        <comment>settings.wb.choose_profile</comment>
        <translation>Kies het verzendprofiel van de relay (Verbinding testen toont ze), of kies Alleen een opmerking.</translation>
    </message>
    <message>
        <source>Profile {id} (no longer in Picqer)</source>
        <comment>settings.wb.profile_missing</comment>
        <translation>Profiel {id} (niet meer in Picqer)</translation>
    </message>
    <message>
        <source>Load from Picqer</source>
        <comment>settings.load_from_picqer</comment>
        <translation>Uit Picqer laden</translation>
    </message>
    <message>
        <source>None</source>
        <comment>settings.order_field.none</comment>
        <translation>Geen</translation>
    </message>
    <message>
        <source>Order field {id} (Load from Picqer shows its name)</source>
        <comment>settings.order_field.unknown</comment>
        <translation>Orderveld {id} (Uit Picqer laden toont de naam)</translation>
    </message>
    <message>
        <source>Order field {id} (no longer in Picqer)</source>
        <comment>settings.order_field.missing</comment>
        <translation>Orderveld {id} (niet meer in Picqer)</translation>
    </message>
    <message>
        <source>Picqer has {count} order fields. Choose the one for the tracking code, or None, then Save.</source>
        <comment>settings.order_field.found</comment>
        <translation>Picqer heeft {count} ordervelden. Kies het veld voor de trackingcode, of Geen, en klik op Opslaan.</translation>
    </message>
    <message>
        <source>Picqer has {count} order fields; the chosen one ({name}) is among them.</source>
        <comment>settings.order_field.there</comment>
        <translation>Picqer heeft {count} ordervelden; het gekozen veld ({name}) zit erbij.</translation>
    </message>
    <message>
        <source>Picqer has {count} order fields, but not order field {id} chosen before (removed). Choose another one or None, then Save.</source>
        <comment>settings.order_field.gone</comment>
        <translation>Picqer heeft {count} ordervelden, maar niet het eerder gekozen orderveld {id} (verwijderd). Kies een ander veld of Geen en klik op Opslaan.</translation>
    </message>
    <message>
        <source>Picqer has no order fields. To keep the tracking code in one, add an order field in Picqer (Settings &gt; Order fields), then load again.</source>
        <comment>settings.order_field.empty</comment>
        <translation>Picqer heeft geen ordervelden. Wil je de trackingcode in een orderveld bewaren, maak er dan een in Picqer (Instellingen &gt; Ordervelden) en laad opnieuw.</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <comment>settings.warehouse</comment>
        <translation>Magazijn</translation>
    </message>
    <message>
        <source>All warehouses</source>
        <comment>settings.warehouse.none</comment>
        <translation>Alle magazijnen</translation>
    </message>
    <message>
        <source>Warehouse {id} (Load from Picqer shows its name)</source>
        <comment>settings.warehouse.unknown</comment>
        <translation>Magazijn {id} (Uit Picqer laden toont de naam)</translation>
    </message>
    <message>
        <source>Warehouse {id} (no longer in Picqer)</source>
        <comment>settings.warehouse.missing</comment>
        <translation>Magazijn {id} (niet meer in Picqer)</translation>
    </message>
    <message>
        <source>Picqer has {count} warehouses. Choose the one this station packs for, or All warehouses, then Save.</source>
        <comment>settings.warehouse.found</comment>
        <translation>Picqer heeft {count} magazijnen. Kies het magazijn waarvoor dit station inpakt, of Alle magazijnen, en klik op Opslaan.</translation>
    </message>
    <message>
        <source>Picqer has {count} warehouses; the chosen one ({name}) is among them.</source>
        <comment>settings.warehouse.there</comment>
        <translation>Picqer heeft {count} magazijnen; het gekozen magazijn ({name}) zit erbij.</translation>
    </message>
    <message>
        <source>Picqer has {count} warehouses, but not warehouse {id} chosen before (removed). Choose another one or All warehouses, then Save.</source>
        <comment>settings.warehouse.gone</comment>
        <translation>Picqer heeft {count} magazijnen, maar niet het eerder gekozen magazijn {id} (verwijderd). Kies een ander magazijn of Alle magazijnen en klik op Opslaan.</translation>
    </message>
    <message>
        <source>Picqer lists no warehouses for this key: the station shows every picklist.</source>
        <comment>settings.warehouse.empty</comment>
        <translation>Picqer toont geen magazijnen voor deze sleutel: het station toont alle picklijsten.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <comment>settings.printers_refresh</comment>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <source>Looking for printers…</source>
        <comment>settings.printers_searching</comment>
        <translation>Printers zoeken…</translation>
    </message>
    <message>
        <source>Zebras on USB: {count}. Choose one, or type a serial.</source>
        <comment>settings.printers_usb_found</comment>
        <translation>Zebra&apos;s op USB: {count}. Kies er een, of typ een serienummer.</translation>
    </message>
    <message>
        <source>No Zebra on USB. Check the cable and power. Linux: install the udev rule for Zebras. Windows: use Printer queue, raw ZPL with the Zebra driver&apos;s queue.</source>
        <comment>settings.printers_no_usb</comment>
        <translation>Geen Zebra op USB. Controleer kabel en stroom. Linux: installeer de udev-regel voor Zebra&apos;s. Windows: kies Printerwachtrij, ruwe ZPL met de wachtrij van het Zebra-stuurprogramma.</translation>
    </message>
    <message>
        <source>Print queues: {count}. Choose one, or type a queue name.</source>
        <comment>settings.printers_queues_found</comment>
        <translation>Printerwachtrijen: {count}. Kies er een, of typ de naam van een wachtrij.</translation>
    </message>
    <message>
        <source>No print queue found. Is the printer on and its driver installed (Windows: Printers &amp; scanners; Linux: CUPS)? Or type the queue name.</source>
        <comment>settings.printers_no_queues</comment>
        <translation>Geen printerwachtrij gevonden. Staat de printer aan en is het stuurprogramma geïnstalleerd (Windows: Printers en scanners; Linux: CUPS)? Of typ de naam van de wachtrij.</translation>
    </message>
    <message>
        <source>Could not look: {detail}</source>
        <comment>settings.printers_problem</comment>
        <translation>Kon niet zoeken: {detail}</translation>
    </message>
    <message>
        <source>ready</source>
        <comment>settings.printer_ready</comment>
        <translation>gereed</translation>
    </message>
    <message>
        <source>switched off</source>
        <comment>settings.printer_queue_off</comment>
        <translation>uitgeschakeld</translation>
    </message>
    <message>
        <source>serial unreadable</source>
        <comment>settings.printer_no_serial</comment>
        <translation>serienummer onleesbaar</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <comment>settings.discard_title</comment>
        <translation>Niet-opgeslagen wijzigingen</translation>
    </message>
    <message>
        <source>You changed settings that are not saved. Close without saving?</source>
        <comment>settings.discard_question</comment>
        <translation>Je hebt instellingen gewijzigd die niet zijn opgeslagen. Sluiten zonder op te slaan?</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <comment>settings.discard</comment>
        <translation>Wijzigingen &amp;weggooien</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <comment>settings.keep_editing</comment>
        <translation>&amp;Verder bewerken</translation>
    </message>
    <message>
        <source>Language</source>
        <comment>settings.language</comment>
        <translation>Taal</translation>
    </message>
    <message>
        <source>Station name</source>
        <comment>settings.station</comment>
        <translation>Naam van dit station</translation>
    </message>
    <message>
        <source>Refresh the list every (s)</source>
        <comment>settings.refresh</comment>
        <translation>Lijst verversen elke (s)</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <comment>settings.saved</comment>
        <translation>Instellingen opgeslagen.</translation>
    </message>
    <message>
        <source>The settings could not be saved: {detail}</source>
        <comment>settings.save_failed</comment>
        <translation>De instellingen konden niet worden opgeslagen: {detail}</translation>
    </message>
    <message>
        <source>The settings are saved, but the API keys are not (no keyring). Use {picqer_env} and {myparcel_env}.</source>
        <comment>settings.keys_not_saved</comment>
        <translation>De instellingen zijn opgeslagen, de API-sleutels niet (geen sleutelbos). Gebruik {picqer_env} en {myparcel_env}.</translation>
    </message>
    <message>
        <source>Settings file problems</source>
        <comment>settings.problems_title</comment>
        <translation>Problemen met het instellingenbestand</translation>
    </message>
    <message>
        <source>The settings file has problems; defaults are used where it could not be read:

{problems}

A copy of the file as it was is kept at:
{backup}

Open Settings to check and save them again.</source>
        <comment>settings.problems</comment>
        <translation>Het instellingenbestand heeft problemen; waar het onleesbaar was, gelden de standaardwaarden:

{problems}

Een kopie van het bestand zoals het was staat in:
{backup}

Open Instellingen om ze te controleren en opnieuw op te slaan.</translation>
    </message>
    <message>
        <source>(no copy could be made)</source>
        <comment>settings.no_backup</comment>
        <translation>(er kon geen kopie gemaakt worden)</translation>
    </message>
    <message>
        <source>The file could not be read ({error}); the standard settings are used.</source>
        <comment>settings_problem.settings_unreadable</comment>
        <translation>Het bestand was niet te lezen ({error}); de standaardinstellingen gelden.</translation>
    </message>
    <message>
        <source>The file is from a newer packstation (version {version}): update this station.</source>
        <comment>settings_problem.settings_newer</comment>
        <translation>Het bestand komt van een nieuwere packstation (versie {version}): werk dit station bij.</translation>
    </message>
    <message>
        <source>[{section}] is not a section; its standard values are used.</source>
        <comment>settings_problem.section_invalid</comment>
        <translation>[{section}] is geen sectie; de standaardwaarden gelden.</translation>
    </message>
    <message>
        <source>Unknown setting “{name}” is ignored.</source>
        <comment>settings_problem.setting_unknown</comment>
        <translation>Onbekende instelling “{name}” wordt genegeerd.</translation>
    </message>
    <message>
        <source>Unknown setting “{name}” is ignored. Did you mean “{suggestion}”?</source>
        <comment>settings_problem.setting_unknown_similar</comment>
        <translation>Onbekende instelling “{name}” wordt genegeerd. Bedoeld: “{suggestion}”?</translation>
    </message>
    <message>
        <source>Setting “{name}” is {value}, which is not one of {allowed}; the standard value is used.</source>
        <comment>settings_problem.setting_not_a_choice</comment>
        <translation>Instelling “{name}” is {value}, en dat is niet een van {allowed}; de standaardwaarde geldt.</translation>
    </message>
    <message>
        <source>Setting “{name}” has an invalid value {value}; the standard value is used.</source>
        <comment>settings_problem.setting_invalid</comment>
        <translation>Instelling “{name}” heeft een ongeldige waarde {value}; de standaardwaarde geldt.</translation>
    </message>
    <message>
        <source>Setting “{name}” is {value}, outside {low} to {high}; the standard value is used.</source>
        <comment>settings_problem.setting_out_of_range</comment>
        <translation>Instelling “{name}” is {value}, buiten {low} tot {high}; de standaardwaarde geldt.</translation>
    </message>
    <message>
        <source>The shipping profile {profile} is skipped: {reason}</source>
        <comment>settings_problem.profile_skipped</comment>
        <translation>Het verzendprofiel {profile} wordt overgeslagen: {reason}</translation>
    </message>
    <message>
        <source>Picqer shipment is chosen, but no shipping profile of the relay; a comment is written in Picqer instead.</source>
        <comment>settings_problem.write_back_no_profile</comment>
        <translation>Picqer-zending is gekozen, maar geen verzendprofiel van de relay; in Picqer komt in plaats daarvan een opmerking.</translation>
    </message>
    <message>
        <source>No shipping profile in the file is usable; the standard ones are offered.</source>
        <comment>settings_problem.no_profile_usable</comment>
        <translation>Geen verzendprofiel in het bestand is bruikbaar; de standaardprofielen worden aangeboden.</translation>
    </message>
    <message>
        <source>Shipment journal</source>
        <comment>journal.problem_title</comment>
        <translation>Verzendjournaal</translation>
    </message>
    <message>
        <source>The shipment journal could not be used, so packstation started a new one. Nothing is lost: the old journal and every stored label are kept.

{detail}

You can go on packing; tell your admin.</source>
        <comment>journal.problem</comment>
        <translation>Het verzendjournaal was niet te gebruiken, daarom is packstation met een nieuw journaal begonnen. Er is niets verloren: het oude journaal en alle bewaarde labels blijven bewaard.

{detail}

Je kunt doorgaan met inpakken; meld het aan de beheerder.</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <comment>crash.title</comment>
        <translation>Er ging iets mis</translation>
    </message>
    <message>
        <source>The app hit a problem it did not expect. Your shipments are safe. Copy the details for the admin.</source>
        <comment>crash.text</comment>
        <translation>De app liep tegen een onverwacht probleem aan. Je zendingen zijn veilig. Kopieer de details voor de beheerder.</translation>
    </message>
    <message>
        <source>Copy details</source>
        <comment>crash.copy</comment>
        <translation>Details kopiëren</translation>
    </message>
    <message>
        <source>Close</source>
        <comment>crash.close</comment>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Also written to: {path}</source>
        <comment>crash.log</comment>
        <translation>Ook bewaard in: {path}</translation>
    </message>
    <message>
        <source>The packing list of {number} did not print ({reason}). The label is fine: print the packing list from Picqer (picklist, Print packing list), or check the document printer in Settings.</source>
        <comment>documents.packing_list_failed</comment>
        <translation>De pakbon van {number} is niet geprint ({reason}). Het label is in orde: print de pakbon vanuit Picqer (picklijst, Pakbon printen), of controleer de documentprinter in Instellingen.</translation>
    </message>
    <message>
        <source>No return label was made for {number} ({reason}). The label is fine: make the return in MyParcel&apos;s back office if the customer needs one.</source>
        <comment>documents.return_not_made</comment>
        <translation>Er is geen retourlabel gemaakt voor {number} ({reason}). Het label is in orde: maak het retour in de backoffice van MyParcel als de klant er een nodig heeft.</translation>
    </message>
    <message>
        <source>The return label of {number} (return barcode {barcode}) did not print ({reason}). The label is fine: print the return label from the journal (Labels folder).</source>
        <comment>documents.return_not_printed</comment>
        <translation>Het retourlabel van {number} (retourbarcode {barcode}) is niet geprint ({reason}). Het label is in orde: print het retourlabel vanuit het journaal (map Labels).</translation>
    </message>
    <message>
        <source>Packing list</source>
        <comment>settings.packing_list</comment>
        <translation>Pakbon</translation>
    </message>
    <message>
        <source>Print Picqer&apos;s packing list</source>
        <comment>settings.packing_list.policy</comment>
        <translation>Pakbon van Picqer printen</translation>
    </message>
    <message>
        <source>Never</source>
        <comment>settings.packing_list.never</comment>
        <translation>Nooit</translation>
    </message>
    <message>
        <source>With every parcel</source>
        <comment>settings.packing_list.always</comment>
        <translation>Bij elk pakket</translation>
    </message>
    <message>
        <source>When the order asks for it</source>
        <comment>settings.packing_list.when_asked</comment>
        <translation>Als de bestelling erom vraagt</translation>
    </message>
    <message>
        <source>Tag that asks for it</source>
        <comment>settings.packing_list.tag</comment>
        <translation>Tag die erom vraagt</translation>
    </message>
    <message>
        <source>Order field that asks for it (id, 0 = none)</source>
        <comment>settings.packing_list.order_field</comment>
        <translation>Bestelveld dat erom vraagt (id, 0 = geen)</translation>
    </message>
    <message>
        <source>Return label</source>
        <comment>settings.return_label</comment>
        <translation>Retourlabel</translation>
    </message>
    <message>
        <source>None</source>
        <comment>settings.return_label.none</comment>
        <translation>Geen</translation>
    </message>
    <message>
        <source>Printed with the label</source>
        <comment>settings.return_label.printed</comment>
        <translation>Geprint bij het label</translation>
    </message>
    <message>
        <source>Printerless (PostNL NL), else printed</source>
        <comment>settings.return_label.printerless</comment>
        <translation>Printerloos (PostNL NL), anders geprint</translation>
    </message>
    <message>
        <source>Take this station&apos;s printers from Picqer</source>
        <comment>settings.station_printers.button</comment>
        <translation>Printers van dit station uit Picqer halen</translation>
    </message>
    <message>
        <source>Looking up this station in Picqer&apos;s packing stations…</source>
        <comment>settings.station_printers.loading</comment>
        <translation>Dit station opzoeken in de paktafels van Picqer…</translation>
    </message>
    <message>
        <source>Picqer&apos;s packing station {station}: label printer {label}, document printer {document}. Check them on the Printers tab, then Save.</source>
        <comment>settings.station_printers.found</comment>
        <translation>Paktafel {station} in Picqer: labelprinter {label}, documentprinter {document}. Controleer ze op het tabblad Printers en klik dan op Opslaan.</translation>
    </message>
    <message>
        <source>not set in Picqer</source>
        <comment>settings.station_printers.not_set</comment>
        <translation>niet ingesteld in Picqer</translation>
    </message>
    <message>
        <source>Picqer has no packing station named {station}. Give this station the name it has in Picqer (Settings, Packing stations), then try again.</source>
        <comment>settings.station_printers.none_named</comment>
        <translation>Picqer heeft geen paktafel met de naam {station}. Geef dit station de naam die het in Picqer heeft (Instellingen, Paktafels) en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Fill in the station name first: it is looked up in Picqer&apos;s packing stations.</source>
        <comment>settings.station_printers.need_name</comment>
        <translation>Vul eerst de naam van het station in: die wordt opgezocht in de paktafels van Picqer.</translation>
    </message>
</context>
</TS>
