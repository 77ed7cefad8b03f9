"""Typed settings: frozen dataclasses with defaults in code, stored as versioned TOML.

API keys are never stored here (see secrets.py). A file edited by hand into nonsense gives clear problems,
defaults for what could not be read, and a backup copy; it is never overwritten silently.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import shutil
import tomllib
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

import tomli_w

from packstation.domain import limits
from packstation.domain.documents import PackingListPolicy, PackingListRule
from packstation.domain.errors import Violation
from packstation.domain.picklists import WriteBackMode
from packstation.domain.profiles import ShippingProfile, profile_from_dict, profile_to_dict
from packstation.domain.shipments import Platform
from packstation.inputs import InputError, read_input

# The accounts whose API keys live in the OS keyring (secrets.py), and the variables that may hold them instead.
# Named here, not in secrets.py, so the settings dialog can name them without importing the keyring code.
PICQER = "picqer"
MYPARCEL = "myparcel"
ENV_VARS = {PICQER: "PACKSTATION_PICQER_API_KEY", MYPARCEL: "PACKSTATION_MYPARCEL_API_KEY"}

SETTINGS_VERSION = 1
CONFIG_ENV = "PACKSTATION_CONFIG"

# The choices of the settings file. The values are the strings the file holds (unchanged from when these were
# plain strings), so every file written before loads as it did; a value outside them is named as a problem.


class Transport(StrEnum):
    """How the station reaches a printer."""

    VIRTUAL = "virtual"  # PDFs and ZPL into a folder (demo, tests, a station without a printer)
    USB = "usb"
    NETWORK = "network"  # raw TCP to host[:port] (9100 by default)
    SPOOLER = "spooler"  # a named print queue, sent raw
    SYSTEM = "system"  # a printer of the operating system, sent the label PDF


class Language(StrEnum):
    """The language the station speaks."""

    EN = "en"
    NL = "nl"


class PrinterLanguage(StrEnum):
    """What a printer takes: ZPL (a Zebra) or the label PDF itself (an office printer, a PDF queue)."""

    ZPL = "zpl"
    PDF = "pdf"


class Layout(StrEnum):
    """A label that does not fit the stock: scaled to fit, or cropped to its content (never clipped silently)."""

    FIT = "fit"
    CROP = "crop"


class Encoding(StrEnum):
    """How a ZPL graphic is compressed on the wire."""

    Z64 = "z64"
    ACS = "acs"
    HEX = "hex"


def _coerce(obj: object, **enums: type[StrEnum]) -> None:
    """Turn the plain strings of settings built in code (tests, the demo) into their enum; ValueError if unknown."""
    for name, enum in enums.items():
        value = getattr(obj, name)
        if not isinstance(value, enum):
            object.__setattr__(obj, name, enum(value))


@dataclass(frozen=True)
class PicqerSettings:
    subdomain: str = ""
    # Overrides https://{subdomain}.picqer.com/api/v1 (the demo servers and tests use loopback URLs).
    base_url: str = ""
    warehouse_id: int = 0  # 0 = all warehouses

    @property
    def url(self) -> str:
        if self.base_url:
            return self.base_url.rstrip("/")
        return f"https://{self.subdomain}.picqer.com/api/v1" if self.subdomain else ""


@dataclass(frozen=True)
class MyParcelSettings:
    platform: Platform = Platform.MYPARCEL  # .nl / .be
    base_url: str = ""  # empty = the platform's own API address

    def __post_init__(self) -> None:
        _coerce(self, platform=Platform)


@dataclass(frozen=True)
class PrinterSettings:
    """One printer role: where it is and how labels are laid out for it."""

    transport: Transport = Transport.VIRTUAL
    # The system printer always takes the PDF, whatever this says.
    language: PrinterLanguage = PrinterLanguage.ZPL
    address: str = ""  # USB serial, host[:port], spooler queue name or folder (virtual)
    dpi: int = field(default=203, metadata={"choices": limits.SUPPORTED_DPI})
    # Bounded as label2zpl bounds them (domain.limits); the height is checked again against the dpi on load.
    label_width_mm: float = field(default=101.6, metadata={"range": (limits.MIN_LABEL_MM, limits.MAX_LABEL_WIDTH_MM)})
    label_height_mm: float = field(
        default=152.4, metadata={"range": (limits.MIN_LABEL_MM, limits.max_label_length_mm(min(limits.SUPPORTED_DPI)))}
    )
    layout: Layout = Layout.FIT
    # A4 label sheets: 0 = find the label on the sheet by itself; 1-4 = the quarter that holds it (1 top-left,
    # 2 top-right, 3 bottom-left, 4 bottom-right), which wins over finding it.
    sheet_position: int = field(default=0, metadata={"choices": (0, 1, 2, 3, 4)})
    encoding: Encoding = Encoding.Z64
    darkness: int = field(default=-1, metadata={"range": (-1, limits.MAX_DARKNESS)})  # -1 = the printer's own
    speed: int = field(default=-1, metadata={"choices": (-1, *range(1, limits.MAX_SPEED + 1))})
    media_type: str = field(default="", metadata={"choices": ("", "T", "D")})  # thermal transfer, direct thermal
    # "" | T (tear off) | P (peel) | C (cutter) | R (rewind) | K (kiosk) | A (applicator) ... as zpl.PrintFrame takes
    print_mode: str = field(default="", metadata={"choices": ("", "T", "P", "C", "R", "K", "A", "D", "F", "L", "U")})
    offset_x: int = field(default=0, metadata={"range": (-limits.MAX_SHIFT_DOTS, limits.MAX_SHIFT_DOTS)})  # ^LS
    offset_y: int = field(default=0, metadata={"range": (-limits.MAX_TOP_DOTS, limits.MAX_TOP_DOTS)})  # ^LT

    def __post_init__(self) -> None:
        _coerce(self, transport=Transport, language=PrinterLanguage, layout=Layout, encoding=Encoding)


@dataclass(frozen=True)
class ScannerSettings:
    # The settings dialog's own ranges: a scanner types faster than 500 ms a key, and no barcode is longer than 64.
    max_gap_ms: int = field(default=35, metadata={"range": (5, 500)})
    min_length: int = field(default=4, metadata={"range": (1, 64)})
    suffix: str = "\r"
    prefix: str = ""


@dataclass(frozen=True)
class WriteBackSettings:
    comment: bool = True
    order_field_id: int = 0  # 0 = do not write an order field
    pick_all: bool = True
    close: bool = True
    claim: bool = True  # assign the picklist to this station's Picqer user before booking
    # "comment": a comment with the barcode; "picqer_shipment": a real Picqer shipment per parcel, made with the
    # Picqer shipping profile below, which points at the packstation relay (it hands Picqer the label).
    mode: WriteBackMode = WriteBackMode.COMMENT
    picqer_profile_id: int = 0  # 0 = none (then the comment is written, whatever the mode)

    def __post_init__(self) -> None:
        _coerce(self, mode=WriteBackMode)

    @property
    def registers_shipment(self) -> bool:
        """True when the desk makes a Picqer shipment per parcel (the mode, with a profile to make it with)."""
        return self.mode is WriteBackMode.PICQER_SHIPMENT and self.picqer_profile_id > 0


@dataclass(frozen=True)
class PackingListSettings:
    """When this station prints Picqer's packing list on its document printer (after the label, never before)."""

    policy: PackingListPolicy = PackingListPolicy.NEVER
    # For "when_asked": a tag on the picklist or order, and/or an order field whose value asks for it.
    tag: str = ""
    order_field_id: int = 0  # 0 = no order field

    def __post_init__(self) -> None:
        _coerce(self, policy=PackingListPolicy)

    def rule(self) -> PackingListRule:
        return PackingListRule(self.policy, self.tag, self.order_field_id or None)


class ScaleKind(StrEnum):
    """The scale at the station."""

    NONE = "none"  # no scale: the packer types the weight
    HID = "hid"  # a USB scale (HID point-of-sale scale)
    TOLEDO = "toledo"  # a Mettler Toledo on a serial line or socket
    VIRTUAL = "virtual"  # demo mode and tests


class ScaleUnit(StrEnum):
    """The unit a serial scale is set to (its replies carry none)."""

    KG = "kg"
    G = "g"
    LB = "lb"
    OZ = "oz"


SCALE_KINDS = tuple(ScaleKind)
SCALE_UNITS = tuple(ScaleUnit)


@dataclass(frozen=True)
class ScaleSettings:
    """The scale at the station, and how far a parcel may weigh from what its products and box add up to."""

    kind: ScaleKind = ScaleKind.NONE
    # hid: "" = the first USB scale found, else VID:PID (0922:8003), its serial number or its HID path.
    device: str = ""
    # toledo: COM3, /dev/ttyUSB0 or socket://host:port; the unit the scale is set to (its replies carry none).
    serial_port: str = ""
    serial_baudrate: int = field(default=9600, metadata={"choices": (1200, 2400, 4800, 9600, 19200)})
    serial_unit: ScaleUnit = ScaleUnit.KG
    # the empty box (and filling) added to the products' weight
    box_grams: int = field(default=0, metadata={"range": (0, limits.MAX_WEIGHT_GRAMS)})
    # Allowed difference from the expected weight: the larger of the two; 0 and 0 = no check.
    tolerance_grams: int = field(default=50, metadata={"range": (0, limits.MAX_WEIGHT_GRAMS)})
    tolerance_percent: float = field(default=5.0, metadata={"range": (0.0, 100.0)})  # NaN and inf are refused

    def __post_init__(self) -> None:
        _coerce(self, kind=ScaleKind, serial_unit=ScaleUnit)


class PackCheck(StrEnum):
    """Whether F12 needs every picklist line ticked (verified packing): not at all, asks first, or refuses."""

    OFF = "off"
    WARN = "warn"
    REQUIRE = "require"


@dataclass(frozen=True)
class UiSettings:
    refresh_seconds: int = field(default=60, metadata={"range": (5, 3600)})


@dataclass(frozen=True)
class PackingSettings:
    """Verified packing (issue 16): what F12 does with picklist lines not ticked."""

    pack_check: PackCheck = PackCheck.OFF  # off by default: a station without scanners ships as before

    def __post_init__(self) -> None:
        _coerce(self, pack_check=PackCheck)


@dataclass(frozen=True)
class Settings:
    version: int = SETTINGS_VERSION
    language: Language = Language.EN
    station_name: str = ""
    picqer: PicqerSettings = field(default_factory=PicqerSettings)
    myparcel: MyParcelSettings = field(default_factory=MyParcelSettings)
    label_printer: PrinterSettings = field(default_factory=PrinterSettings)
    document_printer: PrinterSettings = field(
        default_factory=lambda: PrinterSettings(
            transport=Transport.SYSTEM, language=PrinterLanguage.PDF, label_width_mm=210.0, label_height_mm=297.0
        )
    )
    scanner: ScannerSettings = field(default_factory=ScannerSettings)
    write_back: WriteBackSettings = field(default_factory=WriteBackSettings)
    packing_list: PackingListSettings = field(default_factory=PackingListSettings)
    scale: ScaleSettings = field(default_factory=ScaleSettings)
    packing: PackingSettings = field(default_factory=PackingSettings)
    ui: UiSettings = field(default_factory=UiSettings)
    # Shipping profiles, parsed once when the file is read (stored in the config-options schema of
    # domain/profiles.py); empty = the platform's defaults.
    profiles: tuple[ShippingProfile, ...] = ()

    def __post_init__(self) -> None:
        _coerce(self, language=Language)
        if any(not isinstance(p, ShippingProfile) for p in self.profiles):  # settings data built in code
            object.__setattr__(self, "profiles", tuple(_profile(p) for p in self.profiles))

    @property
    def accounts_configured(self) -> bool:
        return bool(self.picqer.url)


@dataclass(frozen=True)
class LoadedSettings:
    settings: Settings
    path: Path
    problems: tuple[Violation, ...] = ()  # each a code and values; packstation.i18n words them
    backup: Path | None = None


def default_path() -> Path:
    """Return the settings file: $PACKSTATION_CONFIG, else the platform's config directory."""
    from_env = os.environ.get(CONFIG_ENV)
    if from_env:
        return Path(from_env)
    import platformdirs

    return Path(platformdirs.user_config_dir("packstation", appauthor=False)) / "settings.toml"


def load(path: Path | None = None) -> LoadedSettings:
    """Read settings; never raises for a bad file, but reports problems and keeps a backup of it."""
    path = path or default_path()
    if not path.exists() and not path.is_symlink():  # a link to nothing (or to itself) is a problem, not a first start
        return LoadedSettings(Settings(), path)
    try:
        raw = tomllib.loads(read_input(path, limits.MAX_SETTINGS_BYTES, "settings file").decode("utf-8"))
    # RecursionError: tomllib parses nested arrays recursively, and "a = [[[[..." 2000 deep exhausts the stack.
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, InputError, RecursionError) as exc:
        backup = _backup(path)
        unreadable = _problem("settings_unreadable", error=exc)
        return LoadedSettings(Settings(), path, (unreadable,), backup)
    problems: list[Violation] = []
    raw_profiles = raw.pop("profiles", [])  # parsed here, once, each bad one named
    settings = _from_dict(Settings, raw, "", problems)
    settings = dataclasses.replace(settings, profiles=_usable_profiles(raw_profiles, problems))
    settings = _usable_write_back(settings, problems)
    settings = _usable_label_sizes(settings, problems)
    settings = _usable_scale(settings, problems)
    if settings.version > SETTINGS_VERSION:
        problems.append(_problem("settings_newer", version=settings.version))
    backup = _backup(path) if problems else None
    return LoadedSettings(settings, path, tuple(problems), backup)


def save(settings: Settings, path: Path | None = None) -> Path:
    """Write settings atomically (a crash mid-write never leaves half a file)."""
    path = path or default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = _to_dict(dataclasses.replace(settings, version=SETTINGS_VERSION))
    tmp = path.with_suffix(".toml.tmp")
    tmp.write_text(tomli_w.dumps(data), encoding="utf-8")
    os.replace(tmp, path)
    return path


def _backup(path: Path) -> Path | None:
    """Copy the file aside once per distinct content, so repeated starts do not pile up copies."""
    try:
        # A settings "file" that is a pipe or a device, or huge, is not copied: reading it might never end.
        content = read_input(path, limits.MAX_SETTINGS_BYTES, "settings file")
    except InputError:
        return None
    for existing in sorted(path.parent.glob(f"{path.name}.bad-*")):
        if existing.read_bytes() == content:
            return existing
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.name}.bad-{stamp}")
    try:
        shutil.copy2(path, backup)
    except OSError:
        return None
    return backup


@functools.singledispatch
def _to_dict(obj: Any) -> Any:
    """Return settings as the plain values a TOML file holds (a table per dataclass); one rule per type below."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    return obj


@_to_dict.register(ShippingProfile)
def _profile_to_dict(obj: ShippingProfile) -> Any:
    return _to_dict(profile_to_dict(obj))  # its unset (None) values left out, as before


@_to_dict.register(StrEnum)
def _enum_to_dict(obj: StrEnum) -> Any:
    return obj.value  # the plain string, as files always held


@_to_dict.register(tuple)
@_to_dict.register(list)
def _sequence_to_dict(obj: tuple[Any, ...] | list[Any]) -> Any:
    return [_to_dict(v) for v in obj]


@_to_dict.register(dict)
def _mapping_to_dict(obj: dict[Any, Any]) -> Any:
    return {str(k): _to_dict(v) for k, v in obj.items() if v is not None}


def _problem(code: str, **params: object) -> Violation:
    """Return one problem of the file: a code and its values (packstation.i18n words them)."""
    return Violation(code, tuple((name, str(value)) for name, value in params.items()))


def _profile(profile: ShippingProfile | dict[str, Any]) -> ShippingProfile:
    return profile if isinstance(profile, ShippingProfile) else profile_from_dict(profile)


def _usable_profiles(raw_profiles: object, problems: list[Violation]) -> tuple[ShippingProfile, ...]:
    """Parse the shipping profiles; drop the ones that cannot be used (like any bad value, with a problem)."""
    if not isinstance(raw_profiles, list):
        problems.append(_problem("setting_invalid", name="profiles", value=repr(raw_profiles)))
        return ()
    usable: list[ShippingProfile] = []
    for index, raw in enumerate(raw_profiles):
        try:
            profile = profile_from_dict(raw)
        except ValueError as exc:
            name = raw.get("name") if isinstance(raw, dict) else None
            which = f"'{name}'" if isinstance(name, str) and name else f"#{index + 1}"
            problems.append(_problem("profile_skipped", profile=which, reason=exc))
        else:
            usable.append(profile)
    if raw_profiles and not usable:
        problems.append(_problem("no_profile_usable"))
    return tuple(usable)


def _usable_label_sizes(settings: Settings, problems: list[Violation]) -> Settings:
    """Keep each printer's label within what ^LL allows at its dpi (600 dpi allows a shorter label than 203)."""
    changed: dict[str, Any] = {}
    for role in ("label_printer", "document_printer"):
        printer: PrinterSettings = getattr(settings, role)
        try:
            limits.label_size(printer.label_width_mm, printer.label_height_mm, printer.dpi)
        except limits.LimitError:
            name = f"{role}.label_height_mm"
            default = PrinterSettings.label_height_mm
            problems.append(_problem("setting_out_of_range", name=name, value=repr(printer.label_height_mm)))
            changed[role] = dataclasses.replace(printer, label_height_mm=default)
    return dataclasses.replace(settings, **changed) if changed else settings


def _usable_write_back(settings: Settings, problems: list[Violation]) -> Settings:
    """Name a write-back that cannot work as written; the desk then writes the comment (never nothing)."""
    wb = settings.write_back
    if wb.picqer_profile_id < 0:
        value = wb.picqer_profile_id
        problems.append(_problem("setting_invalid", name="write_back.picqer_profile_id", value=repr(value)))
        wb = dataclasses.replace(wb, picqer_profile_id=0)
    if wb.mode is WriteBackMode.PICQER_SHIPMENT and not wb.picqer_profile_id:
        problems.append(_problem("write_back_no_profile"))
    return dataclasses.replace(settings, write_back=wb)


def _usable_scale(settings: Settings, problems: list[Violation]) -> Settings:
    """Negative weights and tolerances mean nothing: name them and use the defaults."""
    scale, default = settings.scale, ScaleSettings()
    for name in ("box_grams", "tolerance_grams", "tolerance_percent"):
        value = getattr(scale, name)
        if value < 0:
            problems.append(_problem("setting_invalid", name=f"scale.{name}", value=repr(value)))
            scale = dataclasses.replace(scale, **{name: getattr(default, name)})
    return dataclasses.replace(settings, scale=scale)


def _from_dict(cls: type, raw: Any, where: str, problems: list[Violation], default: Any = None) -> Any:
    """Build dataclass `cls` from TOML data, keeping defaults (and noting a problem) for bad values."""
    default = cls() if default is None else default
    if not isinstance(raw, dict):
        section = where or "settings"
        problems.append(_problem("section_invalid", section=section))
        return default
    hints = typing.get_type_hints(cls)
    _note_unknown_keys(raw, {f.name for f in dataclasses.fields(cls)}, where, problems)
    values: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name not in raw:
            continue
        hint = hints[f.name]
        name = _join(where, f.name)
        if dataclasses.is_dataclass(hint):
            values[f.name] = _from_dict(typing.cast(type, hint), raw[f.name], name, problems, getattr(default, f.name))
            continue
        converted = _checked_value(f, hint, raw[f.name], name, problems)
        if converted is not _INVALID:
            values[f.name] = converted
    return dataclasses.replace(default, **values)


def _note_unknown_keys(raw: dict[str, Any], known: set[str], where: str, problems: list[Violation]) -> None:
    for key in raw:
        if key not in known:
            name = _join(where, key)
            similar = _similar_name(key, known)
            if similar:
                # A misspelt key (`baseurl`) is the usual cause: name the setting that was probably meant.
                suggestion = _join(where, similar)
                problems.append(_problem("setting_unknown_similar", name=name, suggestion=suggestion))
            else:
                problems.append(_problem("setting_unknown", name=name))


def _checked_value(f: dataclasses.Field[Any], hint: Any, value: Any, name: str, problems: list[Violation]) -> Any:
    """Return the value converted to the field's type and checked against its choices and range, or _INVALID
    (with the problem noted: the caller keeps the default)."""
    converted = _convert(hint, value)
    if converted is _INVALID:
        problems.append(_problem("setting_invalid", name=name, value=repr(value)))
        return _INVALID
    is_enum = isinstance(hint, type) and issubclass(hint, StrEnum)
    choices = tuple(hint) if is_enum else f.metadata.get("choices")
    if choices is not None and converted not in choices:
        allowed = ", ".join(map(str, choices))
        problems.append(_problem("setting_not_a_choice", name=name, value=repr(value), allowed=allowed))
        return _INVALID
    if is_enum:
        converted = hint(converted)
    bounds = f.metadata.get("range")
    if bounds is not None:
        low, high = bounds
        try:
            limits.check_in_range(converted, low, high, f"Setting '{name}'")
        except limits.LimitError:
            problems.append(_problem("setting_out_of_range", name=name, value=repr(value), low=low, high=high))
            return _INVALID
    return converted


_INVALID = object()


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)  # True is an int to Python, not to TOML


# How a TOML value becomes a setting of each plain type (_INVALID when it is of another type).
_SCALARS: dict[Any, Callable[[Any], Any]] = {
    bool: lambda value: value if isinstance(value, bool) else _INVALID,
    int: lambda value: value if isinstance(value, int) and not isinstance(value, bool) else _INVALID,
    float: lambda value: float(value) if _is_number(value) else _INVALID,
    str: lambda value: value if isinstance(value, str) else _INVALID,
}


def _convert(hint: Any, value: Any) -> Any:
    if isinstance(hint, type) and issubclass(hint, StrEnum):
        hint = str  # its choices are checked by the caller
    if hint in _SCALARS:
        return _SCALARS[hint](value)
    origin = typing.get_origin(hint)
    if origin is tuple:
        return _convert_tuple(hint, value)
    if origin is dict:
        return dict(value) if isinstance(value, dict) else _INVALID
    if origin in (typing.Union, types.UnionType):
        return _convert_union(hint, value)
    return _INVALID


def _convert_tuple(hint: Any, value: Any) -> Any:
    if not isinstance(value, list):
        return _INVALID
    (item_hint, _ellipsis) = typing.get_args(hint)
    items = [_convert(item_hint, v) for v in value]
    return _INVALID if any(i is _INVALID for i in items) else tuple(items)


def _convert_union(hint: Any, value: Any) -> Any:
    """Convert to the first arm of the union that takes the value."""
    for arm in typing.get_args(hint):
        converted = _convert(arm, value)
        if converted is not _INVALID:
            return converted
    return _INVALID


def _similar_name(key: str, known: set[str]) -> str:
    """Return the known setting a misspelt key most likely means ("baseurl" -> "base_url"), or ""."""
    import difflib

    def squashed(name: str) -> str:
        return name.replace("_", "").replace("-", "").casefold()

    by_squashed = {squashed(name): name for name in known}
    if squashed(key) in by_squashed:
        return by_squashed[squashed(key)]
    close = difflib.get_close_matches(key.casefold(), sorted(known), n=1, cutoff=0.75)
    return close[0] if close else ""


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key
