"""The relay's own words: what Picqer shows its user when the relay cannot return a label.

Each text says what happened and what to do next. Keys "relay.violation.<code>" replace the desk's text of a
domain rule code where the desk's names a key or field of its own window.
"""

from __future__ import annotations

ENGLISH: dict[str, str] = {
    # --- the request itself ---------------------------------------------------------------------------
    "relay.unauthorized": "Wrong user name or password for the packstation relay: check the shipping provider in "
    "Picqer.",
    "relay.too_large": "The request is larger than {limit} bytes: the relay does not read it.",
    "relay.content_type": "The request must be JSON (Content-Type: application/json), not “{content_type}”.",
    "relay.not_utf8": "The request is not UTF-8 text.",
    "relay.bad_json": "The request is not valid JSON ({error}).",
    "relay.not_found": "The relay has no page {path}: use /config-options and /shipments.",
    "relay.method": "{method} is not possible on {path}.",
    "relay.internal": "The relay hit an internal error; the administrator can find it in the relay's log.",
    "relay.violation.payload_field_missing": "Picqer sent no “{field}”: fill it in at the order in Picqer.",
    "relay.violation.payload_field_type": "Picqer sent “{field}” in a form the relay cannot read.",
    "relay.violation.payload_field_unknown": "The field “{field}” is not part of Picqer's shipping-provider protocol.",
    "relay.violation.profile_key_unknown": "The profile option “{option}” is unknown to the relay: remove it from the "
    "Picqer profile (known: {known}).",
    "relay.violation.picklist_reference_missing": "Picqer sent no picklist number: create the shipment from a "
    "picklist.",
    # --- the shipment ----------------------------------------------------------------------------------
    "relay.booking_disabled": "Nothing was booked for picklist {picklist} at a packstation desk yet, and this "
    "relay does not book labels itself: ship the picklist at a packstation desk.",
    "relay.recipient_mismatch": "The label booked for {picklist} goes to {booked}, but Picqer's address is "
    "{picqer}: correct the address, cancel the label at MyParcel and ship again.",
    "relay.myparcel_slow": "MyParcel is slow; try again in a minute.",
    "relay.still_booking": "The label for {picklist} is still being booked; try again in a minute.",
    "relay.myparcel_unreachable": "MyParcel cannot be reached right now; try again in a minute.",
    "relay.myparcel_busy": "MyParcel gets too many requests right now; try again in a minute.",
    "relay.myparcel_bad_answer": "MyParcel gave an answer the relay cannot read; try again in a minute.",
    "relay.myparcel_key": "MyParcel refuses the relay's API key: ask the administrator to check the relay's settings.",
    "relay.myparcel_payment": "MyParcel wants this label paid first: pay it at {url}, then try again.",
    "relay.myparcel_payment_no_url": "MyParcel wants this label paid first: pay it in the MyParcel back office, "
    "then try again.",
    "relay.myparcel_refused": "MyParcel refused the shipment: {messages}",
    "relay.myparcel_failed": "MyParcel could not book the shipment: {message}",
    "relay.lock_store_down": "The relay cannot reach its own database; try again in a minute, and tell the "
    "administrator if it goes on.",
    "relay.violation.address_not_split": "The house number cannot be found in “{line}”: correct the address in "
    "Picqer (street, then number), then try again.",
    "relay.violation.address_ambiguous": "The address “{line}” can be read in more than one way: write street, "
    "house number and addition clearly in Picqer (e.g. “Meander 251 A”), then try again.",
    "relay.violation.weight_unknown": "The weight is not known: enter the weight of the parcel in Picqer.",
    "relay.violation.weight_not_positive": "The weight must be more than 0 grams: enter the weight in Picqer.",
    "relay.violation.customs_no_items": "Parcels to this country need customs data, but Picqer sent no products: "
    "check the products of the order in Picqer.",
    # --- the option names of the relay's profile (the others come from the desk's catalogue) ----------
    "option.label.carrier": "Carrier",
    "option.label.package_type": "Package type",
    "option.label.delivery_type": "Delivery type",
}

DUTCH: dict[str, str] = {
    "relay.unauthorized": "Verkeerde gebruikersnaam of wachtwoord voor de packstation-relay: controleer de "
    "vervoerder in Picqer.",
    "relay.too_large": "Het verzoek is groter dan {limit} bytes: de relay leest het niet.",
    "relay.content_type": "Het verzoek moet JSON zijn (Content-Type: application/json), niet “{content_type}”.",
    "relay.not_utf8": "Het verzoek is geen UTF-8-tekst.",
    "relay.bad_json": "Het verzoek is geen geldige JSON ({error}).",
    "relay.not_found": "De relay heeft geen pagina {path}: gebruik /config-options en /shipments.",
    "relay.method": "{method} kan niet op {path}.",
    "relay.internal": "De relay kreeg een interne fout; de beheerder vindt die in het logboek van de relay.",
    "relay.violation.payload_field_missing": "Picqer stuurde geen “{field}”: vul het in bij de order in Picqer.",
    "relay.violation.payload_field_type": "Picqer stuurde “{field}” in een vorm die de relay niet kan lezen.",
    "relay.violation.payload_field_unknown": "Het veld “{field}” hoort niet bij het vervoerdersprotocol van Picqer.",
    "relay.violation.profile_key_unknown": "De profieloptie “{option}” kent de relay niet: haal hem weg uit het "
    "Picqer-profiel (bekend: {known}).",
    "relay.violation.picklist_reference_missing": "Picqer stuurde geen picklijstnummer: maak de zending aan vanuit "
    "een picklijst.",
    "relay.booking_disabled": "Voor picklijst {picklist} is nog niets geboekt aan een packstation-inpaktafel, en "
    "deze relay boekt zelf geen labels: verzend de picklijst aan een packstation-inpaktafel.",
    "relay.recipient_mismatch": "Het label van {picklist} gaat naar {booked}, maar het adres in Picqer is "
    "{picqer}: verbeter het adres, annuleer het label bij MyParcel en verzend opnieuw.",
    "relay.myparcel_slow": "MyParcel is traag; probeer het over een minuut opnieuw.",
    "relay.still_booking": "Het label van {picklist} wordt nog geboekt; probeer het over een minuut opnieuw.",
    "relay.myparcel_unreachable": "MyParcel is nu niet bereikbaar; probeer het over een minuut opnieuw.",
    "relay.myparcel_busy": "MyParcel krijgt nu te veel verzoeken; probeer het over een minuut opnieuw.",
    "relay.myparcel_bad_answer": "MyParcel gaf een antwoord dat de relay niet kan lezen; probeer het over een "
    "minuut opnieuw.",
    "relay.myparcel_key": "MyParcel weigert de API-sleutel van de relay: vraag de beheerder de instellingen van de "
    "relay te controleren.",
    "relay.myparcel_payment": "MyParcel wil dit label eerst betaald hebben: betaal het op {url} en probeer het "
    "opnieuw.",
    "relay.myparcel_payment_no_url": "MyParcel wil dit label eerst betaald hebben: betaal het in de MyParcel-"
    "backoffice en probeer het opnieuw.",
    "relay.myparcel_refused": "MyParcel weigert de zending: {messages}",
    "relay.myparcel_failed": "MyParcel kon de zending niet boeken: {message}",
    "relay.lock_store_down": "De relay kan zijn eigen database niet bereiken; probeer het over een minuut opnieuw "
    "en meld het de beheerder als het zo blijft.",
    "relay.violation.address_not_split": "Het huisnummer staat niet in “{line}”: verbeter het adres in Picqer "
    "(straat, dan nummer) en probeer het opnieuw.",
    "relay.violation.address_ambiguous": "Het adres “{line}” kan op meer manieren gelezen worden: schrijf straat, "
    "huisnummer en toevoeging duidelijk in Picqer (bijv. “Meander 251 A”) en probeer het opnieuw.",
    "relay.violation.weight_unknown": "Het gewicht is niet bekend: vul het gewicht van het pakket in Picqer in.",
    "relay.violation.weight_not_positive": "Het gewicht moet meer dan 0 gram zijn: vul het gewicht in Picqer in.",
    "relay.violation.customs_no_items": "Pakketten naar dit land hebben douanegegevens nodig, maar Picqer stuurde "
    "geen producten: controleer de producten van de order in Picqer.",
    "option.label.carrier": "Vervoerder",
    "option.label.package_type": "Pakkettype",
    "option.label.delivery_type": "Bezorgsoort",
}
