"""Settings files edited by hand, and logs that never hold a secret."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from packstation import logs, secrets, settings
from packstation.domain.errors import SecretsUnavailable


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    loaded = settings.load(tmp_path / "settings.toml")
    assert loaded.settings == settings.Settings()
    assert loaded.problems == ()


def test_round_trip_keeps_every_value(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    original = settings.Settings(
        language="nl",
        picqer=settings.PicqerSettings(subdomain="acme", warehouse_id=3),
        label_printer=settings.PrinterSettings(transport="usb", dpi=300, layout="crop"),
        scanner=settings.ScannerSettings(prefix="§"),
        profiles=({"name": "PostNL", "carrier": 1},),
    )
    settings.save(original, path)
    loaded = settings.load(path)
    assert loaded.problems == ()
    assert loaded.settings == original


def test_nonsense_file_is_kept_as_backup_and_defaults_used(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("this is [not toml\x00", encoding="utf-8")
    loaded = settings.load(path)
    assert loaded.settings == settings.Settings()
    assert loaded.problems and "could not be read" in loaded.problems[0].message
    assert loaded.backup is not None and loaded.backup.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")
    assert path.read_text(encoding="utf-8").startswith("this is"), "the original must not be overwritten"
    assert settings.load(path).backup == loaded.backup, "a second start must not pile up copies"


def test_wrong_types_fall_back_per_value(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(
        'language = "nl"\nbogus = 1\n[label_printer]\ndpi = "lots"\ntransport = "usb"\n[scanner]\nmin_length = true\n'
        '[document_printer]\ntransport = "carrier pigeon"\n',
        encoding="utf-8",
    )
    loaded = settings.load(path)
    assert loaded.settings.language == "nl"
    assert loaded.settings.label_printer.transport == "usb"
    assert loaded.settings.label_printer.dpi == 203
    assert loaded.settings.scanner.min_length == 4
    assert loaded.settings.document_printer.transport == "system"
    joined = " ".join(p.message for p in loaded.problems)
    assert "label_printer.dpi" in joined and "scanner.min_length" in joined and "bogus" in joined
    assert "carrier pigeon" in joined
    assert loaded.backup is not None


def test_keys_come_from_environment_first(monkeypatch: pytest.MonkeyPatch) -> None:
    secrets.set_key(secrets.PICQER, "from-keyring")
    assert secrets.get_key(secrets.PICQER) == "from-keyring"
    monkeypatch.setenv("PACKSTATION_PICQER_API_KEY", "from-env")
    assert secrets.get_key(secrets.PICQER) == "from-env"
    assert "from-env" not in repr(secrets.load_keys())


def test_no_keyring_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    assert not secrets.keyring_available()
    with pytest.raises(SecretsUnavailable, match="PACKSTATION_MYPARCEL_API_KEY"):
        secrets.set_key(secrets.MYPARCEL, "abc")


def test_log_never_holds_keys_or_authorization(tmp_path: Path) -> None:
    redactor = logs.configure(tmp_path, secrets=["s3cr3t-key-123"])
    try:
        log = logging.getLogger("packstation.test")
        log.warning("request headers {'Authorization': 'basic czNjcjN0LWtleS0xMjM='}")
        log.warning("key was %s", "s3cr3t-key-123")
        try:
            raise RuntimeError("failed with s3cr3t-key-123")
        except RuntimeError:
            log.exception("boom")
    finally:
        for handler in list(logging.getLogger().handlers):
            if any(f is redactor for f in handler.filters):
                logging.getLogger().removeHandler(handler)
                handler.close()
    text = (tmp_path / logs.LOG_FILE).read_text(encoding="utf-8")
    assert "s3cr3t-key-123" not in text
    assert "czNjcjN0" not in text
    assert text.count("[redacted]") >= 3


def test_a_hand_edited_profile_that_cannot_be_used_is_named_dropped_and_backed_up(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(
        "[[profiles]]\n"
        'name = "Kapot"\ncarrier = "pigeon"\nplatform = "myparcel"\n\n'
        "[[profiles]]\n"
        'name = "Eigen"\ncarrier = "postnl"\nplatform = "myparcel"\n',
        encoding="utf-8",
    )
    loaded = settings.load(path)
    assert [p["name"] for p in loaded.settings.profiles] == ["Eigen"]
    assert len(loaded.problems) == 1 and loaded.problems[0].code == "profile_skipped"
    assert loaded.problems[0].message.startswith("The shipping profile 'Kapot' is skipped:")
    assert loaded.backup is not None and "Kapot" in loaded.backup.read_text(encoding="utf-8")  # nothing lost


def test_when_no_profile_is_usable_the_standard_ones_are_offered_and_that_is_said(tmp_path: Path) -> None:
    from packstation import app
    from packstation.domain.shipments import Platform

    path = tmp_path / "settings.toml"
    path.write_text('[[profiles]]\nname = "Kapot"\ncarrier = "pigeon"\n', encoding="utf-8")
    loaded = settings.load(path)
    assert loaded.problems[-1].code == "no_profile_usable"
    assert app.load_profiles(loaded.settings, Platform.MYPARCEL)[0].name == "PostNL standaard"


def test_a_damaged_journal_is_reported_apart_from_the_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import asyncio

    from packstation import app

    monkeypatch.setenv(app.DATA_DIR_ENV, str(tmp_path))
    (tmp_path / "journal.sqlite3").write_bytes(b"this is not a database" * 100)
    context = app.build_context(settings.Settings(), secrets.ApiKeys(picqer="pq", myparcel="mp"))
    try:
        assert "moved aside" in context.journal_problem
        assert context.settings_problems == ()
    finally:
        asyncio.run(context.aclose())


def test_write_back_mode_and_relay_profile_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    original = settings.Settings(
        write_back=settings.WriteBackSettings(mode="picqer_shipment", picqer_profile_id=3001, comment=False)
    )
    settings.save(original, path)
    assert 'mode = "picqer_shipment"' in path.read_text(encoding="utf-8")
    loaded = settings.load(path)
    assert loaded.problems == ()
    assert loaded.settings == original and loaded.settings.write_back.registers_shipment


def test_hand_edited_write_back_nonsense_is_named_and_defaults_used(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('[write_back]\nmode = "carrier pigeon"\npicqer_profile_id = "relay"\n', encoding="utf-8")
    loaded = settings.load(path)
    wb = loaded.settings.write_back
    assert (wb.mode, wb.picqer_profile_id) == ("comment", 0)
    joined = " ".join(p.message for p in loaded.problems)
    assert "write_back.mode" in joined and "carrier pigeon" in joined and "write_back.picqer_profile_id" in joined
    assert loaded.backup is not None


def test_picqer_shipment_mode_without_a_profile_is_a_problem_and_writes_the_comment(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('[write_back]\nmode = "picqer_shipment"\npicqer_profile_id = -4\n', encoding="utf-8")
    loaded = settings.load(path)
    wb = loaded.settings.write_back
    assert wb.mode == "picqer_shipment" and wb.picqer_profile_id == 0 and not wb.registers_shipment
    codes = [p.code for p in loaded.problems]
    assert codes == ["setting_invalid", "write_back_no_profile"]
    assert "comment is written" in loaded.problems[1].message


def test_the_desk_gets_the_mode_and_falls_back_to_the_comment_without_a_profile(tmp_path, monkeypatch) -> None:
    import asyncio
    import dataclasses

    from packstation import app
    from packstation.services.shipping import WriteBackMode

    monkeypatch.setenv(app.DATA_DIR_ENV, str(tmp_path))
    keys = secrets.ApiKeys(picqer="k", myparcel="k")
    base = settings.Settings(picqer=settings.PicqerSettings(base_url="http://127.0.0.1:9/api/v1"))
    for wb, registers in (
        (settings.WriteBackSettings(mode="picqer_shipment", picqer_profile_id=3001), True),
        (settings.WriteBackSettings(mode="picqer_shipment", picqer_profile_id=0), False),
        (settings.WriteBackSettings(mode="comment", picqer_profile_id=3001), False),
    ):
        context = app.build_context(dataclasses.replace(base, write_back=wb), keys)
        try:
            policy = context.service.write_back
            assert policy.mode == WriteBackMode(wb.mode)
            assert policy.registers_shipment is registers
        finally:
            asyncio.run(context.aclose())
