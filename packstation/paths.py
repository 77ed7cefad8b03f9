"""Locate files shipped inside the packstation package (from source and from a PyInstaller bundle), and the
station's data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

PACKAGE = "packstation"
DATA_DIR_ENV = "PACKSTATION_DATA_DIR"


def data_dir() -> Path:
    """Return the folder for the journal, stored labels and demo prints ($PACKSTATION_DATA_DIR overrides)."""
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env)
    import platformdirs

    return Path(platformdirs.user_data_dir("packstation", appauthor=False))


def is_frozen() -> bool:
    """Return True when running from a PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def package_dir() -> Path:
    """Return the folder holding the packstation package's data files."""
    if is_frozen():
        # The spec collects package data to <bundle>/_internal/packstation/... (sys._MEIPASS is _internal).
        return Path(sys._MEIPASS) / PACKAGE  # type: ignore[attr-defined]  # set by the PyInstaller bootloader
    return Path(__file__).resolve().parent


def resource_path(relative: str) -> Path:
    """Return the absolute path of a data file given relative to the packstation package folder."""
    candidate = Path(relative)
    if candidate.is_absolute() or ".." in candidate.parts:
        raise ValueError(f"resource paths are relative to the packstation package and stay inside it: {relative!r}")
    return package_dir() / candidate
