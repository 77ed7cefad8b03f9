"""The PyInstaller spec covers what packstation imports and loads; the installers' files are valid.

PyInstaller itself is not run here (too slow): .ci/build_bundle.sh builds the bundle and runs its self-test.
"""

from __future__ import annotations

import ast
import configparser
import importlib.metadata
import importlib.util
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from PIL import Image

REPO = Path(__file__).resolve().parents[3]
INSTALLER = REPO / "installer"
PACKAGE = REPO / "packstation"
SPEC = INSTALLER / "packstation.spec"
LINUX = INSTALLER / "linux"

# Modules of pywin32 (a Windows-only dependency, so not installed where these tests usually run).
PYWIN32_MODULES = {"win32print", "win32api", "win32con", "pywintypes", "win32timezone"}


def _spec_list(name: str) -> list[str]:
    """Return the string literals of the first `NAME = [...]` assignment in the spec."""
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return [ast.literal_eval(element) for element in node.value.elts]  # type: ignore[attr-defined]
    raise AssertionError(f"{SPEC.name} has no {name} list")


def _spec_calls() -> set[tuple[str, str]]:
    """Return (function, first string argument) of every call in the spec."""
    calls = set()
    for node in ast.walk(ast.parse(SPEC.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                calls.add((node.func.id, first.value))
    return calls


def _packstation_imports() -> dict[str, set[Path]]:
    """Return every module packstation imports (at any depth, lazily or not), with the files that import it."""
    found: dict[str, set[Path]] = {}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            for name in names:
                found.setdefault(name, set()).add(path.relative_to(REPO))
    return found


def _third_party(module: str) -> bool:
    top = module.split(".")[0]
    return top != "packstation" and top not in sys.stdlib_module_names


def _normalized(distribution: str) -> str:
    return re.sub(r"[-_.]+", "-", distribution).lower()  # PEP 503


def _runtime_distributions() -> set[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {_normalized(re.split(r"[<>=!~;\[ ]", dep, maxsplit=1)[0]) for dep in project["dependencies"]}


def _relay_only_extras() -> set[str]:
    """Distributions of the "postgres" extra: the relay's PostgreSQL lock store, never part of the desk bundle."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extra = project.get("optional-dependencies", {}).get("postgres", [])
    return {_normalized(re.split(r"[<>=!~;\[ ]", dep, maxsplit=1)[0]) for dep in extra}


SERIAL_SCALE = Path("packstation/scale/toledo.py")


def _extra(name: str) -> set[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {_normalized(re.split(r"[<>=!~;\[ ]", dep, maxsplit=1)[0]) for dep in project["optional-dependencies"][name]}


def _distributions_of(top_module: str) -> set[str]:
    return {_normalized(d) for d in importlib.metadata.packages_distributions().get(top_module, [])}


def test_every_third_party_module_packstation_imports_comes_from_a_runtime_dependency() -> None:
    runtime = _runtime_distributions()
    importers: dict[str, set[Path]] = {}
    for module, files in _packstation_imports().items():
        # `from PIL import Image` also yields "PIL.Image": only the top level decides the distribution.
        importers.setdefault(module.split(".")[0], set()).update(files)
    outside: list[str] = []
    for top, files in sorted(importers.items()):
        if not _third_party(top) or top in PYWIN32_MODULES:
            continue
        dists = _distributions_of(top)
        relay_only = all(Path("packstation/relay") in f.parents for f in files)
        if relay_only and dists & _relay_only_extras():
            continue  # loaded by `packstation relay --database postgresql://` only, from the postgres extra
        if set(files) == {SERIAL_SCALE} and dists & _extra("scale-serial"):
            continue  # the serial Toledo scale's pyserial: an extra, bundled when installed (see the spec)
        if not dists or not dists & runtime:
            outside.append(f"{top} ({', '.join(sorted(dists))}) imported by {', '.join(map(str, sorted(files)))}")
    assert not outside, "test/dev-only packages imported by the app would be missing from the bundle:\n" + "\n".join(
        outside
    )


def test_no_module_packstation_imports_is_excluded_from_the_bundle() -> None:
    excludes = _spec_list("EXCLUDES")
    clashes = [
        f"{module} (excluded as {excluded}) imported by {', '.join(map(str, sorted(files)))}"
        for module, files in sorted(_packstation_imports().items())
        for excluded in excludes
        if module == excluded or module.startswith(excluded + ".")
    ]
    assert not clashes, "remove these from EXCLUDES in installer/packstation.spec:\n" + "\n".join(clashes)


def test_every_qt_module_packstation_uses_is_a_hidden_import() -> None:
    hidden = set(_spec_list("HIDDEN_IMPORTS"))
    qt_modules = {m for m in _packstation_imports() if re.fullmatch(r"PySide6\.Qt\w+", m)}
    assert qt_modules, "packstation imports no Qt module at all?"
    assert qt_modules <= hidden, f"add to HIDDEN_IMPORTS: {sorted(qt_modules - hidden)}"
    # The label preview and PDF printing need the PySide6-Pdf modules even before the UI imports them.
    assert {"PySide6.QtPdf", "PySide6.QtPdfWidgets", "PySide6.QtPrintSupport"} <= hidden


def test_every_runtime_dependency_is_listed_as_a_hidden_import() -> None:
    hidden_tops = {name.split(".")[0] for name in _spec_list("HIDDEN_IMPORTS")}
    missing = []
    for dist in sorted(_runtime_distributions()):
        if dist == "pywin32":
            continue  # Windows-only: checked against the spec text below
        tops = {
            top for top, dists in importlib.metadata.packages_distributions().items() if dist in map(_normalized, dists)
        }
        tops = {t for t in tops if not t.startswith("_")}
        if tops and not tops & hidden_tops:
            missing.append(f"{dist} (modules {sorted(tops)})")
    assert not missing, "runtime dependencies the spec does not name:\n" + "\n".join(missing)


def test_windows_spooler_modules_are_hidden_imports_on_windows() -> None:
    used = {m.split(".")[0] for m in _packstation_imports()} & PYWIN32_MODULES
    spec_text = SPEC.read_text(encoding="utf-8")
    windows_block = spec_text.split('if sys.platform == "win32":', 1)[1].split("\n\n", 1)[0]
    for module in used:
        assert f'"{module}"' in windows_block, f"{module} is imported by packstation but not a Windows hidden import"


def test_spec_collects_package_data_submodules_and_the_libraries_loaded_by_ctypes() -> None:
    calls = _spec_calls()
    assert ("collect_submodules", "packstation") in calls  # modules imported by name or inside functions
    assert ("collect_data_files", "packstation") in calls  # resources, translations, demo fonts
    assert ("collect_submodules", "keyring.backends") in calls  # found through entry points
    assert ("copy_metadata", "keyring") in calls
    assert ("collect_dynamic_libs", "libusb_package") in calls  # loaded with ctypes by pyusb
    assert ("collect_submodules", "serial") in calls  # pyserial's port and URL handlers, imported by name


def test_the_scale_modules_of_hidapi_are_hidden_imports() -> None:
    # scale/hid_pos.py imports hidraw (Linux) or hid inside a function: the import scan does not see either.
    spec_text = SPEC.read_text(encoding="utf-8")
    assert "hid" in _spec_list("HIDDEN_IMPORTS")
    linux_block = spec_text.split('if sys.platform.startswith("linux"):', 1)[1].split("\n\n", 1)[0]
    assert '"hidraw"' in linux_block
    assert _extra("scale-serial") <= {_normalized(d) for d in _extra("bundle")}, "the bundle ships the serial scale"


def test_packages_that_import_their_own_parts_by_name_are_collected_whole() -> None:
    # reportlab.graphics.barcode imports code93, usps4s, ... by name when it is first used: without them the
    # bundled demo servers and the printer test label fail with ModuleNotFoundError (seen in the first build).
    calls = _spec_calls()
    for package in ("reportlab.graphics.barcode",):
        if any(m == package or m.startswith(package + ".") for m in _packstation_imports()):
            assert ("collect_submodules", package) in calls, f"collect_submodules({package!r}) in the spec"


def test_files_the_spec_names_exist() -> None:
    names = re.findall(r'HERE / "([^"]+)"', SPEC.read_text(encoding="utf-8"))
    assert "packstation_main.py" in names
    assert {"icon.ico", "icon.icns", "icon.png"} <= set(names)
    missing = [name for name in names if not (INSTALLER / name).is_file()]
    assert not missing


def test_entry_script_runs_the_cli_main() -> None:
    tree = ast.parse((INSTALLER / "packstation_main.py").read_text(encoding="utf-8"))
    imports = [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert any(n.module == "packstation.cli" and [a.name for a in n.names] == ["main"] for n in imports)


def test_resource_files_named_in_packstation_exist_and_are_package_data() -> None:
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    globs = pyproject["tool"]["setuptools"]["package-data"]["packstation"]
    referenced: list[tuple[Path, str]] = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", None)) == "resource_path"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                referenced.append((path, node.args[0].value))
    for source, relative in referenced:
        target = PACKAGE / relative
        assert target.exists(), f"{source.relative_to(REPO)} asks for {relative}, which is not in packstation/"
        assert any(PurePathGlob(g).covers(relative) for g in globs), (
            f"{relative} is not package data in pyproject.toml, so neither pip nor the bundle ships it"
        )


class PurePathGlob:
    """Match a setuptools package-data glob (with ** for any depth) against a relative path."""

    def __init__(self, pattern: str) -> None:
        regex = re.escape(pattern).replace(r"\*\*/", "(?:.*/)?").replace(r"\*\*", ".*").replace(r"\*", "[^/]*")
        self._regex = re.compile(regex + r"\Z")

    def covers(self, relative: str) -> bool:
        return self._regex.match(relative.replace("\\", "/")) is not None


def test_no_module_finds_files_next_to_its_source_except_through_paths() -> None:
    # __file__-relative paths outside the package (the repo's resources/ folder, say) vanish in a bundle and in
    # a wheel; packstation.paths.resource_path is the one place that knows where the package data lives.
    users = [
        str(path.relative_to(REPO))
        for path in PACKAGE.rglob("*.py")
        if path.name != "paths.py" and "__file__" in path.read_text(encoding="utf-8")
    ]
    assert not users, f"use packstation.paths.resource_path instead of __file__ in: {users}"


def test_resource_path_points_into_the_package_from_source_and_from_a_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from packstation import paths

    assert paths.resource_path("demo/fonts/x.ttf") == PACKAGE / "demo" / "fonts" / "x.ttf"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resource_path("resources/translations/packstation_nl.qm") == (
        tmp_path / "packstation" / "resources" / "translations" / "packstation_nl.qm"
    )
    with pytest.raises(ValueError):
        paths.resource_path("../settings.toml")


def test_icons_match_the_drawing_and_have_every_size(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = importlib.util.spec_from_file_location("make_icons", INSTALLER / "make_icons.py")
    assert spec and spec.loader
    make_icons = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "make_icons", make_icons)  # dataclasses look their module up there
    spec.loader.exec_module(make_icons)
    assert (INSTALLER / "icon.svg").read_text(encoding="utf-8") == make_icons.svg_text(), "run installer/make_icons.py"
    with Image.open(INSTALLER / "icon.png") as png:
        assert png.size == (256, 256)
    with Image.open(INSTALLER / "icon.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])


UDEV_TOKEN = re.compile(r'\s*([A-Z]+(?:\{[^}]+\})?)\s*(==|!=|\+=|-=|:=|=)\s*"([^"]*)"\s*(?:,|$)')


def _udev_rules() -> list[dict[str, tuple[str, str]]]:
    rules = []
    for line in (LINUX / "60-packstation-zebra.rules").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        tokens = UDEV_TOKEN.findall(line)
        assert "".join(f'{k}{op}"{v}"' for k, op, v in tokens) == re.sub(r"\s*,\s*", "", line.strip()), (
            f"unparseable udev rule: {line}"
        )
        rules.append({key: (op, value) for key, op, value in tokens})
    return rules


def test_udev_rule_gives_the_seat_user_access_to_zebra_usb_printers() -> None:
    from packstation.printing.usb import ZEBRA_VENDOR_ID

    (rule,) = [r for r in _udev_rules() if "SUBSYSTEM" in r]
    assert rule["SUBSYSTEM"] == ("==", "usb")
    assert rule["ATTRS{idVendor}"] == ("==", f"{ZEBRA_VENDOR_ID:04x}")
    assert rule["MODE"] == ("=", "0660")
    assert rule["TAG"] == ("+=", "uaccess")
    # systemd applies uaccess in 73-seat-late.rules: a rule file sorted after it would tag too late.
    assert int((LINUX / "60-packstation-zebra.rules").name.split("-")[0]) < 73


def test_udev_rules_give_the_seat_user_the_hidraw_nodes_of_every_known_usb_scale() -> None:
    from packstation.scale.hid_pos import KNOWN_SCALE_VENDORS

    scale_rules = [r for r in _udev_rules() if r.get("KERNEL") == ("==", "hidraw*")]
    assert {r["ATTRS{idVendor}"][1] for r in scale_rules} == {f"{v:04x}" for v in KNOWN_SCALE_VENDORS}
    assert all(r["MODE"] == ("=", "0660") and r["TAG"] == ("+=", "uaccess") for r in scale_rules)


def test_desktop_file_is_a_valid_application_entry() -> None:
    path = LINUX / "packstation.desktop"
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    assert parser.sections() == ["Desktop Entry"]
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == "packstation"
    # install.sh rewrites `Exec=packstation` to the absolute path and installs the icon as packstation.png.
    assert entry["Exec"] == "packstation"
    assert entry["Icon"] == "packstation"
    assert entry["Terminal"] == "false"
    main_categories = {"AudioVideo", "Audio", "Video", "Development", "Education", "Game", "Graphics", "Network",
                       "Office", "Science", "Settings", "System", "Utility"}  # fmt: skip
    categories = entry["Categories"]
    assert categories.endswith(";") and main_categories & set(categories.split(";"))
    known = {"Type", "Version", "Name", "GenericName", "Comment", "Exec", "Icon", "Terminal", "Categories",
             "Keywords", "StartupWMClass", "StartupNotify"}  # fmt: skip
    assert {key.split("[")[0] for key in entry} <= known
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True, check=False)
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def _fake_unpacked_tarball(tmp_path: Path) -> Path:
    unpacked = tmp_path / "packstation-9.9.9-linux-x86_64"
    (unpacked / "packstation").mkdir(parents=True)
    program = unpacked / "packstation" / "packstation"
    program.write_text("#!/bin/sh\necho 'packstation 9.9.9'\n", encoding="utf-8")
    program.chmod(0o755)
    shutil.copy(LINUX / "install.sh", unpacked / "install.sh")
    shutil.copy(LINUX / "packstation.desktop", unpacked / "packstation.desktop")
    shutil.copy(LINUX / "60-packstation-zebra.rules", unpacked / "60-packstation-zebra.rules")
    shutil.copy(INSTALLER / "icon.png", unpacked / "packstation.png")
    return unpacked


def _run_install(unpacked: Path, home: Path, *args: str) -> str:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home)}
    result = subprocess.run(
        ["bash", str(unpacked / "install.sh"), *args], env=env, capture_output=True, text=True, check=False, timeout=30
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="the Linux installer script")
def test_linux_install_sh_installs_for_the_user_and_uninstalls_keeping_the_data(tmp_path: Path) -> None:
    unpacked = _fake_unpacked_tarball(tmp_path)
    home = tmp_path / "home"
    home.mkdir()
    out = _run_install(unpacked, home, "--no-udev")
    prefix = home / ".local" / "opt" / "packstation"
    assert "packstation 9.9.9 installed" in out
    assert (home / ".local" / "bin" / "packstation").resolve() == (prefix / "packstation").resolve()
    desktop = (home / ".local" / "share" / "applications" / "packstation.desktop").read_text(encoding="utf-8")
    assert f"Exec={prefix}/packstation\n" in desktop
    assert (home / ".local" / "share" / "icons" / "hicolor" / "256x256" / "apps" / "packstation.png").is_file()

    # An update replaces the program in place.
    (unpacked / "packstation" / "new-file").write_text("2", encoding="utf-8")
    _run_install(unpacked, home, "--no-udev")
    assert (prefix / "new-file").is_file()

    settings = home / ".config" / "packstation" / "settings.toml"
    journal = home / ".local" / "share" / "packstation" / "journal.sqlite3"
    for kept in (settings, journal):
        kept.parent.mkdir(parents=True, exist_ok=True)
        kept.write_text("kept", encoding="utf-8")
    out = _run_install(unpacked, home, "--uninstall")
    assert not prefix.exists() and not (home / ".local" / "bin" / "packstation").exists()
    assert settings.is_file() and journal.is_file()
    assert "are kept" in out

    _run_install(unpacked, home, "--uninstall", "--purge")
    assert not settings.exists() and not journal.exists()


def test_inno_setup_script_installs_per_user_and_asks_before_removing_user_data() -> None:
    raw = (INSTALLER / "packstation.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup reads UTF-8 only with a byte-order mark (the French text)"
    text = raw.decode("utf-8-sig")
    setup = dict(
        line.split("=", 1)
        for line in text.split("[Setup]", 1)[1].split("\n[", 1)[0].splitlines()
        if "=" in line and not line.startswith(";")
    )
    assert setup["PrivilegesRequired"] == "lowest"
    assert set(setup["PrivilegesRequiredOverridesAllowed"].split()) == {"commandline", "dialog"}
    assert setup["AppVersion"] == "{#AppVersion}"
    assert (INSTALLER / setup["SetupIconFile"]).is_file()
    assert 'Source: "{#BundleDir}\\*"' in text and '#define BundleDir "..\\dist\\packstation"' in text
    assert "{autoprograms}\\{#AppName}" in text and "{autodesktop}\\{#AppName}" in text
    # The user data folder platformdirs uses on Windows for appname "packstation" without an author.
    assert "ExpandConstant('{localappdata}\\packstation')" in text
    code = text.split("[Code]", 1)[1]
    assert "procedure CurUninstallStepChanged" in code and "MB_DEFBUTTON2" in code  # "No, keep them" is the default
    # Every custom message exists in every language the installer offers.
    languages = re.findall(r'^Name: "(\w+)"; MessagesFile', text, re.M)
    for message in set(re.findall(r"CustomMessage\('(\w+)'\)|\{cm:(\w+)\}", text)):
        name = next(m for m in message if m)
        if name in {"CreateDesktopIcon", "AdditionalIcons", "LaunchProgram"}:
            continue  # built into Inno Setup's language files
        for language in languages:
            assert f"{language}.{name}=" in text, f"{language}.{name} is missing"


def test_modules_imported_by_name_at_run_time_are_hidden_imports() -> None:
    """PyInstaller cannot see importlib.import_module(name): the bundle would fail at the first request/label."""
    from packstation.clients.http import HTTP_STACK
    from packstation.printing.lazy import HEAVY_MODULES

    hidden = set(_spec_list("HIDDEN_IMPORTS"))
    missing = [name for name in (*HTTP_STACK, *HEAVY_MODULES) if name not in hidden]
    assert not missing, f"imported by name but not hidden imports: {missing}"
