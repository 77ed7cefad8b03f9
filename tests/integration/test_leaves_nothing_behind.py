"""Checking a station and running the tests leave no folders in the temporary directory."""

from __future__ import annotations

import getpass
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def clean_env(tmp: Path) -> dict[str, str]:
    """The environment of a fresh process whose temporary directory is `tmp` and whose folders are its own."""
    inherited = {"PACKSTATION_DATA_DIR", "PACKSTATION_SCREENSHOT_DIR", "PYTEST_ADDOPTS", "PYTEST_DEBUG_TEMPROOT"}
    inherited |= {f"XDG_{kind}_HOME" for kind in ("CONFIG", "DATA", "STATE", "CACHE")}  # the outer run's folders
    env = {k: v for k, v in os.environ.items() if k not in inherited}
    env.update(TMPDIR=str(tmp), TEMP=str(tmp), TMP=str(tmp), HOME=str(tmp.parent / "home"))
    return env


def left_in(tmp: Path) -> list[str]:
    return sorted(str(p.relative_to(tmp)) for p in tmp.rglob("*"))


def test_self_test_removes_its_temporary_data_folder(tmp_path: Path) -> None:
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "packstation", "--demo", "--self-test"],
        capture_output=True,
        text=True,
        timeout=120,
        env=clean_env(tmp),
        cwd=REPO,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("self-test OK:")
    assert "packstation-selftest-" not in result.stdout  # it names no file that is gone
    assert left_in(tmp) == []


def test_self_test_keeps_its_data_where_packstation_data_dir_says(tmp_path: Path) -> None:
    tmp, data = tmp_path / "tmp", tmp_path / "data"
    tmp.mkdir()
    env = {**clean_env(tmp), "PACKSTATION_DATA_DIR": str(data)}
    result = subprocess.run(
        [sys.executable, "-m", "packstation", "--demo", "--self-test"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (printed,) = (data / "prints").iterdir()
    assert f"label printed to {printed}" in result.stdout
    assert (data / "journal.sqlite3").is_file()
    assert left_in(tmp) == []


def test_a_passing_test_run_leaves_no_folders(tmp_path: Path) -> None:
    """The run's user folders, its screenshots and pytest's tmp_path folders all go when the run passes."""
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    tests = [
        "tests/ui/test_print_queue.py::test_screenshot",  # a screenshot, Qt, the user folders of conftest.py
        "tests/unit/journal/test_journal.py",  # tmp_path in every test
    ]
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *tests],
        capture_output=True,
        text=True,
        timeout=300,
        env={**clean_env(tmp), "QT_QPA_PLATFORM": "offscreen"},
        cwd=REPO,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    # pytest keeps only its empty per-user root (pytest-of-<user>), where later runs number their folders.
    assert left_in(tmp) in ([], [f"pytest-of-{getpass.getuser()}"])
