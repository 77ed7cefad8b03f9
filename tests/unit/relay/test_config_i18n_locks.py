"""The relay's settings, its Qt-free words, and its lease stores."""

from __future__ import annotations

import asyncio
import hashlib
import os
from pathlib import Path

import pytest

from packstation.domain.errors import Violation
from packstation.domain.shipments import Platform
from packstation.i18n import Language, catalogue_problems, dutch, english, text, violation_text
from packstation.relay import config as relay_config
from packstation.relay.config import RelayConfigError
from packstation.relay.locks import PostgresLockStore, SqliteLockStore

REPO = Path(__file__).resolve().parents[3]


# --- settings ---------------------------------------------------------------------------------------------


def test_a_settings_file_with_two_accounts(tmp_path: Path) -> None:
    path = tmp_path / "relay.toml"
    digest = hashlib.sha256(b"pw-two").hexdigest()
    path.write_text(
        f"""
[relay]
database = "sqlite:///{tmp_path}/locks.sqlite3"
deadline_seconds = 12
zpl_dpi = 300

[[accounts]]
username = "shop-nl"
password = "pw-one"
myparcel_key_env = "SHOP_NL_KEY"

[[accounts]]
username = "shop-be"
password_sha256 = "{digest}"
myparcel_key = "be-key"
platform = "belgie"
base_url = "http://127.0.0.1:9"
allow_booking = false
""",
        encoding="utf-8",
    )
    settings = relay_config.load(path, {"SHOP_NL_KEY": "nl-key"})

    nl, be = settings.accounts
    assert (nl.username, nl.myparcel_key, nl.platform, nl.allow_booking) == (
        "shop-nl",
        "nl-key",
        Platform.MYPARCEL,
        True,
    )
    assert (be.platform, be.myparcel_base_url, be.allow_booking) == (Platform.SENDMYPARCEL, "http://127.0.0.1:9", False)
    assert nl.password_matches("pw-one") and not nl.password_matches("pw-one ")
    assert be.password_matches("pw-two") and not be.password_matches(digest)
    assert (settings.deadline_seconds, settings.zpl_dpi) == (12.0, 300)
    assert "nl-key" not in repr(settings) and "pw-one" not in repr(settings)
    assert set(settings.secrets) >= {"nl-key", "be-key", "pw-one"}
    assert settings.with_overrides(zpl_dpi=203, database="postgresql://u:dbpw@db/relay").secrets[-1] == "dbpw"


def test_one_account_from_the_environment() -> None:
    environ = {
        "PACKSTATION_RELAY_USERNAME": "picqer",
        "PACKSTATION_RELAY_PASSWORD": "pw",
        "PACKSTATION_RELAY_MYPARCEL_KEY": "key",
        "PACKSTATION_RELAY_PLATFORM": "belgie",
    }
    [account] = relay_config.load(None, environ).accounts
    assert (account.username, account.platform, account.myparcel_key) == ("picqer", Platform.SENDMYPARCEL, "key")


@pytest.mark.parametrize(
    ("toml", "says"),
    [
        ("", "no accounts"),
        ('[[accounts]]\nusername = "a"\nmyparcel_key = "k"', "exactly one of password"),
        ('[[accounts]]\nusername = "a"\npassword = "p"', "API key is missing"),
        ('[[accounts]]\nusername = "a"\npassword = "p"\nmyparcel_key_env = "NOPE"', "NOPE"),
        ('[[accounts]]\nusername = "a"\npassword = "p"\nmyparcel_key = "k"\nplatform = "de"', "platform"),
        ('[[accounts]]\nusername = "a"\npassword_sha256 = "abc"\nmyparcel_key = "k"', "64 hexadecimal"),
        ('[[accounts]]\nusername = "a"\npassword = "p"\nmyparcel_key = "k"\ncolour = 1', "colour"),
        ('[relay]\nzpl_dpi = 100\n[[accounts]]\nusername = "a"\npassword = "p"\nmyparcel_key = "k"', "zpl_dpi"),
        ('[relay]\ndeadline_seconds = 25\n[[accounts]]\nusername = "a"\npassword = "p"\nmyparcel_key = "k"', "19"),
        ('[relay]\ndatabase = "mysql://x"\n[[accounts]]\nusername = "a"\npassword = "p"\nmyparcel_key = "k"', "sqlite"),
        ("not toml [", "not valid TOML"),
    ],
)
def test_unusable_settings_say_what_is_wrong(tmp_path: Path, toml: str, says: str) -> None:
    path = tmp_path / "relay.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(RelayConfigError, match=says):
        relay_config.load(path, {})


# --- words ------------------------------------------------------------------------------------------------


def test_every_rule_code_and_relay_text_has_dutch_with_the_same_placeholders() -> None:
    assert catalogue_problems() == []
    violation_keys = [k for k in english.ENGLISH if k.startswith("violation.")]
    assert len(violation_keys) > 60
    assert all(k in dutch.DUTCH for k in violation_keys)


def test_violations_in_both_languages_with_the_desks_values() -> None:
    insurance = Violation("insurance_added", (("option", "insurance_cents"), ("amount", "20000")))
    date = Violation("delivery_date_past", (("delivery_date", "2024-01-05"),))
    assert (
        violation_text(insurance, "en") == "The insurance was set to € 200: the carrier requires it for this shipment."
    )
    assert (
        violation_text(insurance, "nl") == "De verzekering is op € 200 gezet: de vervoerder eist dat voor deze zending."
    )
    assert violation_text(date, Language.NL) == "Bezorgdatum 05-01-2024 is voorbij: kies een latere datum."
    # A code the catalogue does not know yet shows its code and values, not an empty reply.
    assert violation_text(Violation("brand_new_code", (("cc", "CH"),)), "nl") == "brand_new_code (cc=CH)"
    assert text("relay.myparcel_slow", "nl_NL") == "MyParcel is traag; probeer het over een minuut opnieuw."
    assert text("relay.myparcel_slow", "fr") == "MyParcel is slow; try again in a minute."


def test_i18n_and_the_relay_never_load_qt() -> None:
    import subprocess
    import sys

    code = (
        "import sys, packstation.i18n, packstation.relay.composition, packstation.relay.embedded, "
        "packstation.commands.relay; "
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'packstation.ui'))], 'Qt loaded'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})


# --- leases -----------------------------------------------------------------------------------------------


async def _lease_rules(store: SqliteLockStore | PostgresLockStore, other: SqliteLockStore | PostgresLockStore) -> None:
    key = f"shop/P-{os.getpid()}-{id(store)}"
    assert await store.try_acquire(key, "a", 60)
    assert not await other.try_acquire(key, "b", 60)  # held, also for another process's store
    await other.release(key, "b")  # not b's to give back
    assert not await other.try_acquire(key, "b", 60)
    await store.release(key, "a")
    assert await other.try_acquire(key, "b", 60)
    await other.release(key, "b")
    # A holder that died: its lease runs out and the key is free again.
    assert await store.try_acquire(key, "dead", 0.2)
    assert not await other.try_acquire(key, "c", 60)
    await asyncio.sleep(0.5)
    assert await other.try_acquire(key, "c", 60)
    await other.release(key, "c")
    await store.check()


async def test_sqlite_leases(tmp_path: Path) -> None:
    path = tmp_path / "locks.sqlite3"
    await _lease_rules(SqliteLockStore(path), SqliteLockStore.from_url(f"sqlite:///{path}"))


async def test_postgres_leases() -> None:
    url = os.environ.get("PACKSTATION_TEST_POSTGRES_URL", "")
    if not url:
        pytest.skip("PACKSTATION_TEST_POSTGRES_URL is not set (.ci/run starts a PostgreSQL)")
    first, second = PostgresLockStore(url), PostgresLockStore(url)
    try:
        await _lease_rules(first, second)
    finally:
        await first.close()
        await second.close()


def test_the_command_refuses_unusable_settings_with_exit_code_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from packstation.cli import main

    for name in list(os.environ):
        if name.startswith("PACKSTATION_RELAY_"):
            monkeypatch.delenv(name)
    assert main(["relay"]) == 2
    assert "no accounts" in capsys.readouterr().err
    assert main(["relay", "--ssl-certfile", str(tmp_path / "cert.pem")]) == 2
    assert "--ssl-keyfile" in capsys.readouterr().err
    monkeypatch.setenv("PACKSTATION_RELAY_USERNAME", "u")
    monkeypatch.setenv("PACKSTATION_RELAY_PASSWORD", "p")
    monkeypatch.setenv("PACKSTATION_RELAY_MYPARCEL_KEY", "k")
    assert main(["relay", "--deadline", "30"]) == 2
    assert "deadline_seconds" in capsys.readouterr().err
