"""Settings files edited by hand, and logs that never hold a secret."""

from __future__ import annotations

import logging
import tomllib
from pathlib import Path

import pytest

from packstation import logs, secrets, settings
from packstation.domain.errors import SecretsUnavailable, Violation
from packstation.i18n import violation_text


def words(problem: Violation) -> str:
    """A settings problem as the window and the command line word it (English)."""
    return violation_text(problem, prefix="settings_problem")


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
    assert loaded.problems and "could not be read" in words(loaded.problems[0])
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
    joined = " ".join(map(words, loaded.problems))
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
    assert [p.name for p in loaded.settings.profiles] == ["Eigen"]
    assert len(loaded.problems) == 1 and loaded.problems[0].code == "profile_skipped"
    assert words(loaded.problems[0]).startswith("The shipping profile 'Kapot' is skipped:")
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
    joined = " ".join(map(words, loaded.problems))
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
    assert "comment is written" in words(loaded.problems[1])


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


# Written by the version before the choices became enums (plain strings, profiles as tables): every value must
# load as it did, and saving it again must write the same strings back.
PREVIOUS_VERSION_FILE = """\
version = 1
language = "nl"
station_name = "Inpaktafel 2"

[picqer]
subdomain = "acme"
base_url = ""
warehouse_id = 2811

[myparcel]
platform = "belgie"
base_url = ""

[label_printer]
transport = "usb"
language = "zpl"
address = "D4J111"
dpi = 300
label_width_mm = 101.6
label_height_mm = 152.4
layout = "crop"
sheet_position = 0
encoding = "acs"
darkness = 20
speed = -1
media_type = ""
print_mode = ""
offset_x = 0
offset_y = 0

[document_printer]
transport = "spooler"
language = "pdf"
address = "Brother_HL_L2350DW"
dpi = 600
label_width_mm = 210.0
label_height_mm = 297.0
layout = "fit"
sheet_position = 3
encoding = "hex"
darkness = -1
speed = -1
media_type = ""
print_mode = ""
offset_x = 0
offset_y = 0

[scanner]
max_gap_ms = 35
min_length = 4
suffix = "\\r"
prefix = ""

[write_back]
comment = true
order_field_id = 301
pick_all = true
close = false
claim = true
mode = "picqer_shipment"
picqer_profile_id = 3001

[ui]
refresh_seconds = 60

[[profiles]]
name = "bpost handtekening"
carrier = "bpost"
platform = "belgie"
package_type = "package"
picqer_profile_ids = [
    3001,
]

[[profiles.options]]
key = "signature"
label = "Signature on delivery"
type = "list"
possible_values = [
    { value = "0", label = "No" },
    { value = "1", label = "Yes" },
]
default_value = "1"
required = true

[[profiles.options]]
key = "label_description"
label = "Label text"
type = "text"
description = "Printed on the label, at most 45 characters; empty: the order reference."
required = false

[profiles.defaults]
"""


def test_a_file_written_by_the_previous_version_loads_into_the_same_values(tmp_path: Path) -> None:
    from packstation.domain.picklists import WriteBackMode
    from packstation.domain.shipments import Carrier, Platform

    path = tmp_path / "settings.toml"
    path.write_text(PREVIOUS_VERSION_FILE, encoding="utf-8")
    loaded = settings.load(path)
    assert loaded.problems == () and loaded.backup is None
    s = loaded.settings
    assert (s.language, s.station_name, s.picqer.warehouse_id) == ("nl", "Inpaktafel 2", 2811)
    assert s.myparcel.platform is Platform.SENDMYPARCEL
    label, document = s.label_printer, s.document_printer
    assert (label.transport, label.language, label.layout, label.encoding) == ("usb", "zpl", "crop", "acs")
    assert label.transport is settings.Transport.USB and label.encoding is settings.Encoding.ACS
    assert (label.address, label.dpi, label.darkness) == ("D4J111", 300, 20)
    assert document.transport is settings.Transport.SPOOLER and document.language is settings.PrinterLanguage.PDF
    assert (document.dpi, document.sheet_position, document.encoding) == (600, 3, "hex")
    assert s.write_back.mode is WriteBackMode.PICQER_SHIPMENT and s.write_back.registers_shipment
    assert (s.write_back.order_field_id, s.write_back.close) == (301, False)
    (profile,) = s.profiles
    assert (profile.name, profile.carrier, profile.picqer_profile_ids) == ("bpost handtekening", Carrier.BPOST, (3001,))
    assert [o.key for o in profile.options] == ["signature", "label_description"]

    settings.save(s, path)
    previous = tomllib.loads(PREVIOUS_VERSION_FILE)
    written = tomllib.loads(path.read_text(encoding="utf-8"))
    # Everything it held is written back as it was (sections added since, like [scale], come with their defaults).
    assert {key: value for key, value in written.items() if key in previous} == previous


@pytest.mark.parametrize(
    ("section", "key", "value"),
    [
        ("label_printer", "transport", "carrier-pigeon"),
        ("label_printer", "layout", "stretch"),
        ("document_printer", "encoding", "b64"),
        ("myparcel", "platform", "myparcel.de"),
        ("write_back", "mode", "email"),
    ],
)
def test_a_value_that_is_not_a_choice_is_still_named(tmp_path: Path, section: str, key: str, value: str) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(f'language = "xx"\n[{section}]\n{key} = "{value}"\n', encoding="utf-8")
    loaded = settings.load(path)
    named = {p.params[0][1]: p for p in loaded.problems if p.code == "setting_not_a_choice"}
    assert set(named) == {"language", f"{section}.{key}"}
    assert repr(value) in words(named[f"{section}.{key}"]) and loaded.backup is not None
    assert loaded.settings == settings.Settings()
