"""The relay's own settings: accounts (Basic Auth user -> MyParcel account) and how it runs.

From a TOML file (`packstation relay --config relay.toml`) or, for one account, from environment variables.
Secrets never appear in a repr or a log line.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from packstation.domain import limits
from packstation.domain.errors import SettingsError
from packstation.domain.shipments import Platform

DEFAULT_DEADLINE = 17.0  # Picqer regards a shipment as failed after 20 s; 3 s left for the network (api-notes §4)
DEFAULT_ZPL_DPI = 203
DEFAULT_MAX_BODY_BYTES = 256 * 1024  # a shipment with a hundred customs lines is ~20 kB
DEFAULT_LEASE_SECONDS = 300.0
MYPARCEL_RATE_LIMIT = 100  # requests per minute per API key (MyParcel.nl API §1.D, api-notes §7)
ENV_PREFIX = "PACKSTATION_RELAY_"
SUPPORTED_DPI = limits.SUPPORTED_DPI
# A request body is a shipment (~20 kB); a limit above this no longer protects the relay's memory.
MAX_BODY_BYTES_LIMIT = 16 * 1024 * 1024
MAX_LOCK_LEASE_SECONDS = 86_400.0  # a day: a lock held longer is a lock lost


class RelayConfigError(SettingsError):
    """The relay's settings cannot be used as they are."""


@dataclass(frozen=True)
class AccountConfig:
    """One set of Basic Auth credentials Picqer uses, and the MyParcel account it books on."""

    username: str
    myparcel_key: str = field(repr=False)
    platform: Platform = Platform.MYPARCEL
    password: str = field(default="", repr=False)
    password_sha256: str = field(default="", repr=False)  # hex digest: the file need not hold the password
    myparcel_base_url: str = ""  # empty: MyParcel's own address for the platform
    allow_booking: bool = True  # False: only labels a desk booked are returned

    def password_matches(self, given: str) -> bool:
        """Compare in constant time (no early exit on the first differing byte)."""
        if self.password_sha256:
            digest = hashlib.sha256(given.encode("utf-8")).hexdigest()
            return hmac.compare_digest(digest.encode("ascii"), self.password_sha256.strip().lower().encode("ascii"))
        # Digests of equal length: compare_digest would otherwise give away the password's length.
        given_digest = hashlib.sha256(given.encode("utf-8")).digest()
        return hmac.compare_digest(given_digest, hashlib.sha256(self.password.encode("utf-8")).digest())


@dataclass(frozen=True)
class RelayConfig:
    """Everything the relay needs to run."""

    accounts: tuple[AccountConfig, ...]
    database: str = ""  # sqlite:///path or postgresql://...; empty: a SQLite file in the user's data folder
    deadline_seconds: float = DEFAULT_DEADLINE
    zpl_dpi: int = DEFAULT_ZPL_DPI
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    lock_lease_seconds: float = DEFAULT_LEASE_SECONDS
    myparcel_rate_limit: int = MYPARCEL_RATE_LIMIT  # per account and process

    @property
    def secrets(self) -> tuple[str, ...]:
        """Every secret of the settings (for the log redactor)."""
        found = []
        for account in self.accounts:
            found += [account.myparcel_key, account.password]
        if self.database.startswith(("postgresql://", "postgres://")):
            found.append(unquote(urlsplit(self.database).password or ""))
        return tuple(s for s in found if s)

    def with_overrides(
        self, *, database: str | None = None, zpl_dpi: int | None = None, deadline_seconds: float | None = None
    ) -> RelayConfig:
        """Return these settings with command-line values put over them."""
        changes: dict[str, Any] = {}
        if database:
            changes["database"] = database
        if zpl_dpi is not None:
            changes["zpl_dpi"] = zpl_dpi
        if deadline_seconds is not None:
            changes["deadline_seconds"] = deadline_seconds
        return _checked(replace(self, **changes))


def _platform(raw: object, where: str) -> Platform:
    try:
        return Platform(str(raw or "myparcel").strip().lower())
    except ValueError:
        raise RelayConfigError(f"{where}: platform must be 'myparcel' or 'belgie', not {raw!r}") from None


def _account(raw: Mapping[str, Any], where: str, environ: Mapping[str, str]) -> AccountConfig:
    known = {
        "username",
        "password",
        "password_sha256",
        "myparcel_key",
        "myparcel_key_env",
        "platform",
        "base_url",
        "allow_booking",
    }
    unknown = sorted(set(raw) - known)
    if unknown:
        raise RelayConfigError(f"{where}: unknown setting(s) {', '.join(unknown)}")
    username = str(raw.get("username") or "").strip()
    if not username:
        raise RelayConfigError(f"{where}: username is missing")
    password, digest = _password(raw, where)
    key = _myparcel_key(raw, where, environ)
    allow = raw.get("allow_booking", True)
    if not isinstance(allow, bool):
        raise RelayConfigError(f"{where}: allow_booking must be true or false")
    return AccountConfig(
        username=username,
        myparcel_key=key,
        platform=_platform(raw.get("platform"), where),
        password=password,
        password_sha256=digest,
        myparcel_base_url=str(raw.get("base_url") or "").strip(),
        allow_booking=allow,
    )


def _password(raw: Mapping[str, Any], where: str) -> tuple[str, str]:
    """Return (password, its SHA-256 in hex): exactly one of them is given."""
    password = str(raw.get("password") or "")
    digest = str(raw.get("password_sha256") or "").strip().lower()
    if bool(password) == bool(digest):
        raise RelayConfigError(f"{where}: give exactly one of password and password_sha256")
    if digest and (len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest)):
        raise RelayConfigError(f"{where}: password_sha256 must be 64 hexadecimal characters")
    return password, digest


def _myparcel_key(raw: Mapping[str, Any], where: str, environ: Mapping[str, str]) -> str:
    """Return the account's MyParcel API key, written in the file or named by an environment variable."""
    key = str(raw.get("myparcel_key") or "")
    env_name = str(raw.get("myparcel_key_env") or "").strip()
    if env_name:
        if key:
            raise RelayConfigError(f"{where}: give myparcel_key or myparcel_key_env, not both")
        key = environ.get(env_name, "")
        if not key:
            raise RelayConfigError(f"{where}: the environment variable {env_name} (MyParcel API key) is not set")
    if not key:
        raise RelayConfigError(f"{where}: the MyParcel API key is missing (myparcel_key or myparcel_key_env)")
    return key


def _checked(config: RelayConfig) -> RelayConfig:
    _check_accounts(config.accounts)
    if config.zpl_dpi not in SUPPORTED_DPI:
        raise RelayConfigError(f"zpl_dpi must be one of {', '.join(map(str, SUPPORTED_DPI))}, not {config.zpl_dpi}")
    if not 1.0 <= config.deadline_seconds <= 19.0:
        raise RelayConfigError("deadline_seconds must be between 1 and 19 (Picqer waits 20 s)")
    if not 1024 <= config.max_body_bytes <= MAX_BODY_BYTES_LIMIT:
        raise RelayConfigError(f"max_body_bytes must be 1024 to {MAX_BODY_BYTES_LIMIT}")
    if not 60 <= config.lock_lease_seconds <= MAX_LOCK_LEASE_SECONDS:  # NaN is refused here too
        raise RelayConfigError(f"lock_lease_seconds must be 60 to {MAX_LOCK_LEASE_SECONDS:.0f}")
    if config.myparcel_rate_limit < 1:
        raise RelayConfigError("myparcel_rate_limit must be at least 1")
    if config.database and not config.database.startswith(("sqlite:///", "postgresql://", "postgres://")):
        raise RelayConfigError("database must start with sqlite:/// or postgresql://")
    return config


def _check_accounts(accounts: tuple[AccountConfig, ...]) -> None:
    if not accounts:
        raise RelayConfigError(
            "no accounts: give [[accounts]] in the settings file or PACKSTATION_RELAY_USERNAME, _PASSWORD, "
            "_MYPARCEL_KEY and _PLATFORM"
        )
    names = [a.username for a in accounts]
    if len(set(names)) != len(names):
        raise RelayConfigError("two accounts have the same username")


def from_environment(environ: Mapping[str, str] = os.environ) -> AccountConfig | None:
    """Return the single account of PACKSTATION_RELAY_USERNAME/_PASSWORD/_MYPARCEL_KEY/_PLATFORM, if set."""
    username = environ.get(f"{ENV_PREFIX}USERNAME", "")
    if not username:
        return None
    raw: dict[str, Any] = {
        "username": username,
        "password": environ.get(f"{ENV_PREFIX}PASSWORD", ""),
        "myparcel_key": environ.get(f"{ENV_PREFIX}MYPARCEL_KEY", ""),
        "platform": environ.get(f"{ENV_PREFIX}PLATFORM", "myparcel"),
        "base_url": environ.get(f"{ENV_PREFIX}MYPARCEL_BASE_URL", ""),
    }
    booking = environ.get(f"{ENV_PREFIX}ALLOW_BOOKING", "").strip().lower()
    if booking:
        raw["allow_booking"] = booking not in ("0", "false", "no")
    return _account(raw, "environment", environ)


def parse(data: Mapping[str, Any], environ: Mapping[str, str] = os.environ, where: str = "settings") -> RelayConfig:
    """Return the settings of a parsed TOML document."""
    unknown = sorted(set(data) - {"relay", "accounts"})
    if unknown:
        raise RelayConfigError(f"{where}: unknown section(s) {', '.join(unknown)}")
    values = _relay_values(data.get("relay") or {}, where)
    return _checked(RelayConfig(accounts=_accounts(data.get("accounts") or [], where, environ), **values))


def _relay_values(relay: object, where: str) -> dict[str, Any]:
    """Return the [relay] table's settings, each converted to its type."""
    if not isinstance(relay, Mapping):
        raise RelayConfigError(f"{where}: [relay] must be a table")
    numbers = {
        "database": str,
        "deadline_seconds": float,
        "zpl_dpi": int,
        "max_body_bytes": int,
        "lock_lease_seconds": float,
        "myparcel_rate_limit": int,
    }
    unknown = sorted(set(relay) - set(numbers))
    if unknown:
        raise RelayConfigError(f"{where}: unknown [relay] setting(s) {', '.join(unknown)}")
    values: dict[str, Any] = {}
    for key, kind in numbers.items():
        if key in relay:
            try:
                values[key] = kind(relay[key])
            except (TypeError, ValueError, OverflowError):  # int(inf) overflows
                raise RelayConfigError(f"{where}: [relay] {key} must be a {kind.__name__}") from None
    return values


def _accounts(raw_accounts: object, where: str, environ: Mapping[str, str]) -> tuple[AccountConfig, ...]:
    if not isinstance(raw_accounts, list):
        raise RelayConfigError(f"{where}: accounts must be written as [[accounts]] tables")
    accounts = [
        _account(raw, f"{where}: accounts[{n}]", environ) if isinstance(raw, Mapping) else None
        for n, raw in enumerate(raw_accounts)
    ]
    if any(a is None for a in accounts):
        raise RelayConfigError(f"{where}: every [[accounts]] entry must be a table")
    return tuple(a for a in accounts if a is not None)


def load(path: Path | None = None, environ: Mapping[str, str] = os.environ) -> RelayConfig:
    """Return the settings of the TOML file at `path`, or of the environment when no file is given."""
    if path is None:
        account = from_environment(environ)
        return _checked(RelayConfig(accounts=(account,) if account else ()))
    from packstation.inputs import InputError, read_input

    try:
        # Bounded as the desk's settings are: a regular file of at most 1 MB (a pipe would block the start).
        text = read_input(Path(path), limits.MAX_SETTINGS_BYTES, "settings file").decode("utf-8")
        data = tomllib.loads(text)
    except InputError as exc:
        raise RelayConfigError(str(exc)) from None
    except UnicodeDecodeError as exc:
        raise RelayConfigError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except (tomllib.TOMLDecodeError, RecursionError) as exc:
        raise RelayConfigError(f"{path}: not valid TOML ({exc})") from None
    return parse(data, environ, str(path))


def single_account(
    username: str,
    password: str,
    myparcel_key: str,
    *,
    platform: Platform = Platform.MYPARCEL,
    myparcel_base_url: str = "",
    database: str = "",
    allow_booking: bool = True,
    deadline_seconds: float = DEFAULT_DEADLINE,
) -> RelayConfig:
    """Return checked settings for one account (demo mode, tests, scripts)."""
    account = AccountConfig(
        username=username,
        myparcel_key=myparcel_key,
        platform=platform,
        password=password,
        myparcel_base_url=myparcel_base_url,
        allow_booking=allow_booking,
    )
    return _checked(RelayConfig(accounts=(account,), database=database, deadline_seconds=deadline_seconds))
