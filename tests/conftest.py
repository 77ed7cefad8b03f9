"""Test-wide setup: offscreen Qt, an in-memory keyring, user folders in a temporary place."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import keyring
import keyring.backend
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never read or write the real user's settings, journal or logs from a test run. The folder is removed when
# the run ends (pytest_unconfigure), like the screenshots the UI tests take into it unless
# PACKSTATION_SCREENSHOT_DIR names a folder to keep them in (docs/screenshots refreshes the README's).
_USER_DIRS = tempfile.mkdtemp(prefix="packstation-tests-")
for _var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[_var] = os.path.join(_USER_DIRS, _var.lower())
os.environ.setdefault("PACKSTATION_SCREENSHOT_DIR", os.path.join(_USER_DIRS, "screenshots"))
os.environ.pop("PACKSTATION_CONFIG", None)
os.environ.pop("PACKSTATION_PICQER_API_KEY", None)
os.environ.pop("PACKSTATION_MYPARCEL_API_KEY", None)

REPO_ROOT = Path(__file__).resolve().parents[1]
# The sample files the tests read, with their sources and licences (tests/data/SOURCES.md).
DATA_DIR = REPO_ROOT / "tests" / "data"


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_USER_DIRS, ignore_errors=True)


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that lives in memory: headless Linux has no OS keyring, and tests must not touch a real one."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring() -> MemoryKeyring:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return DATA_DIR


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The station's data folder (journal, labels, prints) in this test's own temporary folder.

    Modules that run whole stations (demo servers, GuiStation, the CLI) use it for every test:
    `pytestmark = pytest.mark.usefixtures("data_dir")`.
    """
    from packstation.paths import DATA_DIR_ENV

    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    return tmp_path / "data"
