"""API keys: the OS keyring, or environment variables for headless use. Never the settings file."""

from __future__ import annotations

import os
from dataclasses import dataclass

from packstation.domain.errors import SecretsUnavailable
from packstation.settings import ENV_VARS, MYPARCEL, PICQER

__all__ = ["ENV_VARS", "MYPARCEL", "PICQER", "SERVICE", "ApiKeys"]

SERVICE = "packstation"


@dataclass(frozen=True)
class ApiKeys:
    picqer: str
    myparcel: str

    def __repr__(self) -> str:  # keys must never reach a log or a crash report
        def state(key: str) -> str:
            return "set" if key else "missing"

        return f"ApiKeys(picqer={state(self.picqer)}, myparcel={state(self.myparcel)})"


def get_key(account: str) -> str:
    """Return the key from the environment if set, else from the OS keyring; "" when there is none."""
    from_env = os.environ.get(ENV_VARS[account], "")
    if from_env:
        return from_env
    # Imported here, not at the top: keyring costs ~40 ms of start-up and demo mode never needs it.
    import keyring
    import keyring.errors

    try:
        return keyring.get_password(SERVICE, account) or ""
    except keyring.errors.KeyringError:
        return ""


def set_key(account: str, value: str) -> None:
    """Store the key in the OS keyring; raise SecretsUnavailable when there is no usable keyring."""
    import keyring
    import keyring.errors

    try:
        if value:
            keyring.set_password(SERVICE, account, value)
        else:
            try:
                keyring.delete_password(SERVICE, account)
            except keyring.errors.PasswordDeleteError:
                pass
    except keyring.errors.KeyringError as exc:
        raise SecretsUnavailable(
            f"No keyring to store the {account} API key ({exc}). Set {ENV_VARS[account]} instead."
        ) from exc


def keyring_available() -> bool:
    """Tell whether a real OS keyring backs the secrets (never a plaintext fallback)."""
    import keyring

    backend = keyring.get_keyring()
    priority = getattr(backend, "priority", 0)
    name = type(backend).__module__
    return priority > 0 and "fail" not in name and "null" not in name and "plaintext" not in name.lower()


def load_keys() -> ApiKeys:
    """Return both API keys (environment first, then the keyring)."""
    return ApiKeys(picqer=get_key(PICQER), myparcel=get_key(MYPARCEL))
