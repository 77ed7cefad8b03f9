"""The compiled Qt resources (packstation/ui/resources_rc.py) hold exactly what resources/ holds: nobody can edit
the style sheet or an icon and ship the old one because they forgot tools/build_resources.py."""

from __future__ import annotations

import importlib.util
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QFile, QIODevice
from PySide6.QtGui import QIcon, QPixmap

from packstation.ui import resources_rc, style

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
QRC_FILES = [node.text or "" for node in ET.parse(RESOURCES / "packstation.qrc").getroot().iter("file")]
REBUILD = "out of date: run .venv/bin/python tools/build_resources.py and commit the result"


def load_build_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_resources", ROOT / "tools" / "build_resources.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


build = load_build_tool()


def read_resource(path: str) -> bytes:
    file = QFile(path)
    assert file.open(QIODevice.OpenModeFlag.ReadOnly), f"{path} is not in resources_rc.py: {REBUILD}"
    try:
        return bytes(file.readAll().data())
    finally:
        file.close()


def without_tool_version(module: str) -> list[str]:
    # rcc writes its Qt patch version in a comment; a 6.12.x bump alone must not fail the check.
    return [line for line in module.splitlines() if not line.startswith("# Created by: The Resource Compiler")]


def test_the_qrc_lists_icons_and_the_style_sheet():
    # Words are no Qt resource: packstation.i18n holds them for the GUI, the CLI and the relay alike.
    assert set(QRC_FILES) == {"style.qss", "icons/icon.svg", "icons/icon.png"}


@pytest.mark.parametrize("name", QRC_FILES)
def test_every_resource_is_embedded_exactly_as_it_is_on_disk(name):
    assert read_resource(f":/{name}") == (RESOURCES / name).read_bytes(), f"{name} {REBUILD}"


def test_resources_rc_is_what_rcc_makes_of_the_qrc(tmp_path):
    fresh = tmp_path / "resources_rc.py"
    build.compile_resources(fresh)
    committed = Path(resources_rc.__file__).read_text(encoding="utf-8")
    assert without_tool_version(fresh.read_text(encoding="utf-8")) == without_tool_version(committed), REBUILD


def test_the_style_sheet_and_icons_load_from_the_resources(qapp):
    assert style.STYLE == (RESOURCES / "style.qss").read_text(encoding="utf-8")
    assert "QPushButton#shipButton" in style.STYLE
    assert not QIcon(":/icons/icon.svg").isNull()
    assert QPixmap(":/icons/icon.png").width() > 0
