"""Every error the app knows reaches the packer as short words that say what to do next, in both languages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject

from packstation.domain import errors as e
from packstation.domain.waits import Wait, WaitReason
from packstation.i18n import Language, dutch, english
from packstation.ui.messages import (
    CATALOGUE,
    During,
    Messages,
    catalogue_problems,
    guess_layout_mistake,
)

EVERY_ERROR: list[Exception] = [
    e.ConnectionFailed("Picqer", "refused"),
    e.RequestTimeout("MyParcel", "read timeout"),
    e.BadResponse("Picqer", "HTML page"),
    e.Unauthorized("MyParcel", 401),
    e.NotFound("Picqer", 404, (e.ApiMessage("Picklist not found"),)),
    e.RateLimited("Picqer", 429, retry_after=12.4),
    e.RateLimited("MyParcel", 429, retry_after=30.0, waited=290.0),
    e.WaitStopped("MyParcel"),
    e.PaymentRequired("MyParcel", 402, payment_url="https://pay.example/123"),
    e.Rejected("MyParcel", 422, (e.ApiMessage("Invalid postal code", code=3212),)),
    e.ServerError("MyParcel", 503),
    e.ShipmentNotRegistered("Picqer", 400, (e.ApiMessage("Cannot create shipment: no label", 26),), ("no label",)),
    e.InvalidShipment((e.Violation("x.unknown"),)),
    e.PicklistNotFound("P2024-99999"),
    e.PicklistNotPackable("P2024-00001", "closed"),
    e.PicklistNotPackable("P2024-00001", "in use", holder="Station 2"),
    e.AlreadyShipped("P2024-00001", ("3SMYPA0123456",)),
    e.LabelError("not a PDF"),
    e.BarcodeCheckFailed(("3SMYPA0123456",)),
    e.SheetPositionNeeded(1, (1, 2, 3, 4)),
    e.SheetLabelUnreadable(("008715830012345678901234",), 1, 0.739),
    e.PrinterNotFound("Zebra ZD421", "no USB device"),
    e.PrinterNotReady("Zebra ZD421", "not ready", ("paper out", "head open")),
    e.PrinterDisconnected("Zebra ZD421", "USB write failed"),
    e.SettingsError("profiles[0] has no carrier"),
    e.SecretsUnavailable("no keyring"),
    RuntimeError("Traceback (most recent call last): boom"),
]


def test_every_text_has_dutch_with_the_same_placeholders():
    assert catalogue_problems() == []
    assert len(CATALOGUE) > 500 and CATALOGUE.keys() >= english.ENGLISH.keys()


def test_dutch_words_are_the_catalogues_and_english_the_catalogue():
    nl, en = Messages("nl"), Messages("en")
    assert {key: nl.t(key) for key in english.ENGLISH} == dutch.DUTCH
    assert {key: en.t(key) for key in english.ENGLISH} == english.ENGLISH
    # Equal English texts may need different words elsewhere: the key tells them apart.
    assert nl.t("col.status") == "Status" and nl.t("status.paused") == "gepauzeerd"


def test_a_new_text_without_dutch_or_with_other_placeholders_is_reported():
    texts = {
        Language.EN: {"brand.new": "A brand new {thing}", "brand.other": "Scan {number}"},
        Language.NL: {"brand.other": "Scan {nummer}"},
    }
    assert catalogue_problems(texts) == [
        "brand.new: no Dutch text (add it to packstation/i18n/dutch.py)",
        "brand.other: placeholders differ (['number'] vs ['nummer'])",
    ]


class LanguageChanges(QObject):
    """Count the LanguageChange events Qt sends the application when a translator is installed or removed."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is QCoreApplication.instance() and event.type() == QEvent.Type.LanguageChange:
            self.count += 1
        return False


def test_language_switch_installs_and_removes_the_qt_translators(qapp):
    def translated() -> str:
        return QCoreApplication.translate("QPlatformTheme", "Cancel")  # a standard button's text

    before = translated()  # a window from another test may still have Dutch installed
    changes = LanguageChanges()
    qapp.installEventFilter(changes)
    try:
        messages = Messages("en")
        assert changes.count == 0  # English: no translator
        messages.set_language("nl")
        installed = changes.count
        assert installed == 1  # Qt's qtbase_nl.qm; packstation's own words come from packstation.i18n
        assert translated() == "Annuleren" and messages.t("action.quit") == "Afsluiten"
        messages.set_language("en")
        assert changes.count == 2 * installed  # both removed again
        assert translated() == before and messages.t("action.quit") == "Quit"
    finally:
        qapp.removeEventFilter(changes)


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("exc", EVERY_ERROR, ids=lambda exc: type(exc).__name__)
def test_every_error_becomes_short_words_without_internals(exc, language):
    text = Messages(language).error(exc, During.SHIP)
    assert text
    assert "{" not in text and "Traceback" not in text and "Error(" not in text
    assert len(text) < 260


def test_dutch_and_english_differ_and_keep_the_facts():
    exc = e.PrinterNotReady("Zebra ZD421", "not ready", ("paper out",))
    en = Messages("en").error(exc)
    nl = Messages("nl").error(exc)
    assert "paper out" in en and "F12" in en
    assert "papier op" in nl and "F12" in nl and "Zebra ZD421" in nl


def test_what_to_do_next_depends_on_what_the_packer_was_doing():
    exc = e.ConnectionFailed("Picqer", "refused")
    assert "F12" in Messages("en").error(exc, During.SHIP)
    assert "Scan the picklist again" in Messages("en").error(exc, During.OPEN)


def test_api_reasons_and_codes_are_shown():
    text = Messages("en").error(e.Rejected("MyParcel", 422, (e.ApiMessage("Invalid postal code", code=3212),)))
    assert "Invalid postal code (3212)" in text


def test_language_switch_at_runtime_is_announced(qtbot):
    messages = Messages("en")
    seen: list[str] = []
    messages.language_changed.connect(seen.append)
    messages.set_language("nl")
    assert seen == ["nl"]
    assert messages.t("step.print") == "Printen"
    messages.set_language("nl")
    assert seen == ["nl"]


def test_layout_mistakes_are_recognised():
    assert guess_layout_mistake("Péàé')àà&é\"") == ("azerty", "P2024-00123")
    assert guess_layout_mistake("P2024ß00123") == ("qwertz", "P2024-00123")
    assert guess_layout_mistake("P2024-00123") is None


def test_garbled_scan_shows_exactly_what_was_received():
    text = Messages("en").garbled_scan("Péàé')àà&é\"")
    assert "Péàé')àà&é\"" in text and "P2024-00123" in text and "AZERTY" in text
    assert "\\x1d" in Messages("en").garbled_scan("??\x1d")


def _draft(country: str, options: dict[str, str]):
    from packstation.domain.mapping import build_request
    from packstation.domain.picklists import DeliveryAddress, Order, OrderLine, Picklist, PicklistLine, PicklistStatus
    from packstation.domain.profiles import default_profiles
    from packstation.domain.shipments import Platform

    address = {
        "NL": ("Meander 251", "6825MC", "Arnhem"),
        "CH": ("Bahnhofstrasse 1", "8001", "Zürich"),
    }[country]
    picklist = Picklist(
        id=1,
        number="P2018-29382",
        status=PicklistStatus.NEW,
        delivery=DeliveryAddress(
            name="Jan de Vries",
            address_line=address[0],
            postal_code=address[1],
            city=address[2],
            country=country,
            email="jan@example.nl",
        ),
        lines=(PicklistLine("MUG", "Mok", 1, 0, 350),),
        order_id=9,
        total_products=1,
    )
    mug = OrderLine("MUG", "Mok", 1, weight_grams=350, price_cents=995, hs_code="691200", country_of_origin="NL")
    order = Order(9, "O2018-29230", lines=(mug,))
    profile = next(p for p in default_profiles(Platform.MYPARCEL) if p.name == "PostNL standaard")
    return build_request(picklist, order, profile, options, Platform.MYPARCEL)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_options_the_carrier_adds_are_named_as_in_the_form_without_field_names(language):
    messages = Messages(language)
    swiss = messages.violations(_draft("CH", {}).warnings)
    age_check = messages.violations(_draft("NL", {"age_check": "1"}).warnings)
    for text in (swiss, age_check):
        assert not {"insurance_cents", "only_recipient", "True", "20000", "EUR"} & set(text.replace("“", " ").split())
    assert "€ 200" in swiss
    if language == "nl":
        assert "De verzekering is op € 200 gezet" in swiss
        assert "“alleen ontvanger” is aangezet" in age_check
        assert "“handtekening bij aflevering” is aangezet" in age_check
    else:
        assert "“only recipient” was switched on" in age_check


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "“Label text” may have at most 45 characters; it has 50: shorten it."),
        ("nl", "“Labeltekst” mag hoogstens 45 tekens hebben; het zijn er 50: maak het korter."),
    ],
)
def test_a_too_long_label_text_is_named_as_the_form_names_it(language, expected):
    draft = _draft("NL", {"label_description": "x" * 50})
    assert Messages(language).violations(draft.violations) == expected


def test_the_stations_printers_are_named_in_the_packers_language():
    dutch = Messages("nl")
    assert dutch.printer("Label printer") == "Labelprinter" and dutch.printer("Document printer") == "Documentprinter"
    assert dutch.printer("ZDesigner ZD421-203dpi ZPL") == "ZDesigner ZD421-203dpi ZPL"  # a name as configured
    text = dutch.error(e.PrinterNotFound("Label printer", "no USB device"))
    assert "Labelprinter" in text and "Label printer" not in text


# A profile as a settings file holds it, hand-edited or written by an earlier version: labels as English text.
OLD_SETTINGS = """
[[profiles]]
name = "PostNL oud"
carrier = "postnl"
platform = "myparcel"
package_type = "package"

[[profiles.options]]
key = "signature"
label = "Signature"  # what the settings dialog saved before "Signature on delivery"
type = "list"
possible_values = [{value = "0", label = "No"}, {value = "1", label = "Yes"}]
default_value = "0"
required = true

[[profiles.options]]
key = "only_recipient"
label = "Only at the recipient's address"  # the default profiles before "Only recipient"
type = "list"
possible_values = [{value = "0", label = "No"}, {value = "1", label = "Yes"}]
default_value = "0"
required = true

[[profiles.options]]
key = "return"
label = "Alleen thuis afleveren"  # an admin's own words
type = "list"
possible_values = [{value = "0", label = "Nee"}, {value = "1", label = "Ja"}]
default_value = "0"
required = true

[[profiles.options]]
key = "insurance"
label = "Insurance"
description = "Abroad the carrier's fixed amount is applied automatically."
type = "list"
possible_values = [{value = "0", label = "Not insured"}, {value = "100", label = "Tot honderd euro"}]
default_value = "0"
required = true
"""


def dutch_form_of_old_settings(qtbot, tmp_path):
    from packstation import settings as settings_module
    from packstation.ui.widgets.options_form import OptionsForm

    path = tmp_path / "settings.toml"
    path.write_text(OLD_SETTINGS, encoding="utf-8")
    loaded = settings_module.load(path)
    assert not loaded.problems
    form = OptionsForm(Messages("nl"))
    qtbot.addWidget(form)
    form.set_profile(loaded.settings.profiles[0])
    return form


def test_a_settings_file_of_an_earlier_version_shows_the_shipped_options_in_dutch(qtbot, tmp_path):
    form = dutch_form_of_old_settings(qtbot, tmp_path)
    assert form.option_name("signature") == "Handtekening bij aflevering"
    assert form.option_name("only_recipient") == "Alleen ontvanger"
    assert form.option_name("insurance") == "Verzekering *"
    assert (
        form.editor("insurance").toolTip() == "In het buitenland geldt automatisch het vaste bedrag van de vervoerder."
    )


def test_an_option_the_admin_named_keeps_the_admins_words_in_dutch(qtbot, tmp_path):
    form = dutch_form_of_old_settings(qtbot, tmp_path)
    assert form.option_name("return") == "Alleen thuis afleveren"
    insurance = form.editor("insurance")
    # packstation's own choice translated, the admin's choice as written
    assert [insurance.itemText(i) for i in range(insurance.count())] == ["Niet verzekerd", "Tot honderd euro"]


def test_a_rule_broken_by_a_shipped_option_names_it_in_dutch_and_an_admins_option_as_written(tmp_path):
    from packstation.domain.profiles import OptionValueError, option_values_to_shipment_options
    from packstation.settings import load

    path = tmp_path / "settings.toml"
    path.write_text(OLD_SETTINGS, encoding="utf-8")
    profile = load(path).settings.profiles[0]
    with pytest.raises(OptionValueError) as caught:
        option_values_to_shipment_options(profile, {"signature": "misschien", "return": "misschien"})
    texts = [Messages("nl").violation(v) for v in caught.value.violations]
    assert any("Handtekening bij aflevering" in t for t in texts), texts
    assert any("Alleen thuis afleveren" in t for t in texts), texts
    assert not any("Signature" in t for t in texts), texts


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "Picqer did not register the shipment: The label of P2024-00001 is not booked; Book it first. "
            "The label is made: press F12 to finish updating Picqer (no second label is made).",
        ),
        ("nl", "Picqer heeft de zending niet geregistreerd: The label of P2024-00001 is not booked; Book it first."),
    ],
)
def test_a_refused_picqer_shipment_reads_in_the_relays_words(language: str, expected: str) -> None:
    refused = e.ShipmentNotRegistered(
        "Picqer",
        400,
        (e.ApiMessage("Cannot create shipment: The label of P2024-00001 is not booked; Book it first.", 26),),
        ("The label of P2024-00001 is not booked", "Book it first."),
    )
    assert Messages(language).error(refused).startswith(expected)


def test_a4_sheet_refusals_say_what_to_do_in_both_languages():
    several = e.SheetPositionNeeded(1, (1, 2))
    assert "positions 1, 2" in Messages("en").error(several) and "A4 position" in Messages("en").error(several)
    assert "posities 1, 2" in Messages("nl").error(several) and "A4-positie" in Messages("nl").error(several)
    shrunk = e.SheetLabelUnreadable(("0087158300",), 1, 0.739)
    en, nl = Messages("en").error(shrunk), Messages("nl").error(shrunk)
    assert "0087158300" in en and "74%" in en and "document printer" in en and "A6" in en
    assert "0087158300" in nl and "74%" in nl and "documentprinter" in nl and "A6" in nl


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            [
                "MyParcel is busy, trying again in 5 s; nothing is booked twice.",
                "MyParcel has a problem on its side, trying again in 2 s (try 3 of 5); nothing is booked twice.",
                "Picqer did not answer in time, trying again in 1 s (try 2 of 5); nothing is booked twice.",
                "Picqer cannot be reached, trying again in 4 s (try 4 of 5).",
                "MyParcel did not confirm in time; checking for 25 s so nothing is done twice.",
            ],
        ),
        (
            "nl",
            [
                "MyParcel heeft het druk, opnieuw over 5 s; er wordt niets dubbel geboekt.",
                "MyParcel heeft een storing, opnieuw over 2 s (poging 3 van 5); er wordt niets dubbel geboekt.",
                "Picqer antwoordde niet op tijd, opnieuw over 1 s (poging 2 van 5); er wordt niets dubbel geboekt.",
                "Picqer is niet bereikbaar, opnieuw over 4 s (poging 4 van 5).",
                "MyParcel bevestigde niet op tijd; nog 25 s controleren, zodat niets dubbel gebeurt.",
            ],
        ),
    ],
)
def test_each_wait_says_what_is_waited_for_and_for_how_long(language: str, expected: list[str]) -> None:
    m = Messages(language)
    waits = [
        (Wait("MyParcel", WaitReason.RATE_LIMITED, 4.6), 5),
        (Wait("MyParcel", WaitReason.SERVER_ERROR, 2.0, attempt=3, attempts=5), 2),
        (Wait("Picqer", WaitReason.NO_ANSWER, 1.0, attempt=2, attempts=5), 1),
        (Wait("Picqer", WaitReason.UNREACHABLE, 4.0, attempt=4, attempts=5), 4),
        (Wait("MyParcel", WaitReason.CONFIRMING, 25.0, attempt=2, attempts=2), 25),
    ]
    assert [m.wait(wait, left) for wait, left in waits] == expected


def test_a_rate_limit_that_outlasted_the_budget_says_how_long_it_was_shared() -> None:
    exc = e.RateLimited("MyParcel", 429, retry_after=30.0, waited=290.0)
    assert Messages("en").error(exc) == (
        "MyParcel stayed busy for 5 min: other stations share its limit. Nothing was booked twice. Wait a minute. "
        "Then press F12 to try again."
    )
    assert "5 min" in Messages("nl").error(exc) and "F12" in Messages("nl").error(exc)
