"""Every error the app knows reaches the packer as short words that say what to do next, in both languages."""

from __future__ import annotations

import pytest

from packstation.domain import errors as e
from packstation.ui.messages import CATALOGUE, During, Messages, catalogue_problems, guess_layout_mistake

EVERY_ERROR: list[Exception] = [
    e.ConnectionFailed("Picqer", "refused"),
    e.RequestTimeout("MyParcel", "read timeout"),
    e.BadResponse("Picqer", "HTML page"),
    e.Unauthorized("MyParcel", 401),
    e.NotFound("Picqer", 404, (e.ApiMessage("Picklist not found"),)),
    e.RateLimited("Picqer", 429, retry_after=12.4),
    e.PaymentRequired("MyParcel", 402, payment_url="https://pay.example/123"),
    e.Rejected("MyParcel", 422, (e.ApiMessage("Invalid postal code", code=3212),)),
    e.ServerError("MyParcel", 503),
    e.InvalidShipment((e.Violation("x.unknown", "Evening delivery is not possible to Belgium"),)),
    e.PicklistNotFound("P2024-99999"),
    e.PicklistNotPackable("P2024-00001", "closed"),
    e.PicklistNotPackable("P2024-00001", "in use", holder="Station 2"),
    e.AlreadyShipped("P2024-00001", ("3SMYPA0123456",)),
    e.LabelError("not a PDF"),
    e.BarcodeCheckFailed(("3SMYPA0123456",)),
    e.PrinterNotFound("Zebra ZD421", "no USB device"),
    e.PrinterNotReady("Zebra ZD421", "not ready", ("paper out", "head open")),
    e.PrinterDisconnected("Zebra ZD421", "USB write failed"),
    e.SettingsError("profiles[0] has no carrier"),
    e.SecretsUnavailable("no keyring"),
    RuntimeError("Traceback (most recent call last): boom"),
]


def test_catalogue_has_both_languages_with_the_same_placeholders():
    assert catalogue_problems() == []
    assert all(isinstance(v, tuple) and len(v) == 2 for v in CATALOGUE.values())


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
