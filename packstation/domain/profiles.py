"""Shipping profiles: a carrier, a package type and options in Picqer's config-options schema (api-notes §4).

A profile's options are what the packer can change at the station (a yes/no list, an insurance list, a free label
text); its `defaults` are fixed options the profile always applies (for example delivery to a pickup point).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from packstation.domain.errors import Violation
from packstation.domain.options import LABEL_DESCRIPTION_MAX, PLATFORM_CARRIERS
from packstation.domain.shipments import Carrier, DeliveryType, PackageType, Platform, ReturnLabel, ShipmentOptions

LIST = "list"
TEXT = "text"
YES, NO = "1", "0"

# Option keys a profile may carry and the ShipmentOptions field each one sets.
BOOL_KEYS = {
    "signature": "signature",
    "only_recipient": "only_recipient",
    "return": "return_to_sender",  # MyParcel's own name for the option
    "large_format": "large_format",
    "age_check": "age_check",
}
NUMBER_KEYS = {"insurance": "insurance_cents", "delivery_type": "delivery_type"}  # insurance in whole euros
TEXT_KEYS = {"label_description": "label_description"}
OPTION_KEYS = frozenset(BOOL_KEYS) | frozenset(NUMBER_KEYS) | frozenset(TEXT_KEYS)
# The other way round: the profile option key for a ShipmentOptions field ("insurance_cents" -> "insurance").
FIELD_OPTION_KEYS = {field: key for key, field in {**BOOL_KEYS, **NUMBER_KEYS, **TEXT_KEYS}.items()}
_BOOL_WORDS = {"1": True, "0": False, "yes": True, "no": False, "true": True, "false": False, "ja": True, "nee": False}
# defaults that may be fixed in a profile (stored by ShipmentOptions field name)
DEFAULT_FIELDS = (
    "delivery_type",
    "only_recipient",
    "signature",
    "return_to_sender",
    "large_format",
    "insurance_cents",
    "age_check",
    "label_description",
)


@dataclass(frozen=True)
class PossibleValue:
    value: str
    label: str
    # True when `label` is packstation's own English for this choice (Yes/No, an insurance amount): each station
    # shows its own translation of it. A choice an admin named in the settings file is shown as written.
    shipped: bool = False


@dataclass(frozen=True)
class ConfigOption:
    """One configurable option in Picqer's config-options schema."""

    key: str
    label: str
    type: str = LIST  # "list" or "text"
    description: str = ""
    possible_values: tuple[PossibleValue, ...] = ()
    default_value: str | None = None
    required: bool = False
    # True when `label` / `description` are packstation's own words for `key` (DEFAULT_OPTION_TEXTS): each
    # station shows its catalogue's translation (option.label.<key>, option.description.<key>). Words an admin
    # wrote in the settings file are shown as written.
    shipped_label: bool = False
    shipped_description: bool = False

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(v.value for v in self.possible_values)


def return_label_offered(carrier: Carrier, platform: Platform) -> bool:
    """True when MyParcel books related returns for the carrier (SendMyParcel: "only available with bpost")."""
    return carrier is (Carrier.BPOST if platform is Platform.SENDMYPARCEL else Carrier.POSTNL)


def printerless_offered(carrier: Carrier, platform: Platform, cc: str) -> bool:
    """True when the return can go printerless: PostNL within the Netherlands (MyParcel `printerless_return`)."""
    return platform is Platform.MYPARCEL and carrier is Carrier.POSTNL and cc.upper() == "NL"


@dataclass(frozen=True)
class ShippingProfile:
    """A named way of shipping the packer picks from (linked to Picqer profiles by id)."""

    name: str
    carrier: Carrier
    platform: Platform
    package_type: PackageType = PackageType.PACKAGE
    options: tuple[ConfigOption, ...] = ()
    defaults: ShipmentOptions = field(default_factory=ShipmentOptions)
    picqer_profile_ids: tuple[int, ...] = ()
    return_label: ReturnLabel = ReturnLabel.NONE

    def option(self, key: str) -> ConfigOption | None:
        """Return the profile's option with this key, if it has one."""
        return next((o for o in self.options if o.key == key), None)


class OptionValueError(ValueError):
    """The packer's option values do not fit the profile; every problem is listed."""

    def __init__(self, violations: tuple[Violation, ...]) -> None:
        super().__init__("; ".join(map(str, violations)))
        self.violations = violations


def profile_for_picklist(
    profiles: Iterable[ShippingProfile], preferred_profile_id: int | None
) -> ShippingProfile | None:
    """Return the profile linked to the picklist's Picqer profile; None when the picklist names none or no link."""
    if preferred_profile_id is None:
        return None
    return next((p for p in profiles if preferred_profile_id in p.picqer_profile_ids), None)


def _parse_bool(raw: str) -> bool | None:
    return _BOOL_WORDS.get(raw.strip().lower())


def option_values_to_shipment_options(profile: ShippingProfile, values: Mapping[str, str]) -> ShipmentOptions:
    """Turn the packer's option values (defaults where absent) into ShipmentOptions; raise OptionValueError."""
    keys = {o.key for o in profile.options}
    problems = [
        Violation("option_unknown", (("option", key), ("profile", profile.name))) for key in values if key not in keys
    ]
    changes: dict[str, Any] = {}
    for option in profile.options:
        raw = values.get(option.key, option.default_value)
        change, problem = _option_value(option, "" if raw is None else str(raw).strip())
        if problem is not None:
            problems.append(problem)
        changes.update(change)
    if problems:
        raise OptionValueError(tuple(problems))
    return dataclasses.replace(profile.defaults, package_type=profile.package_type, **changes)


_Change = tuple[dict[str, Any], Violation | None]  # the ShipmentOptions fields one option sets, or why it cannot


def _option_value(option: ConfigOption, raw: str) -> _Change:
    """Return what one option's value sets in ShipmentOptions, or the problem with the value."""
    params = _problem_params(option, raw)
    if not raw:
        return {}, Violation("option_required", params) if option.required else None
    if option.type == LIST and raw not in option.values:
        return {}, Violation("option_value_unknown", params)
    if option.key in BOOL_KEYS:
        flag = _parse_bool(raw)
        return ({}, Violation("option_not_yes_no", params)) if flag is None else ({BOOL_KEYS[option.key]: flag}, None)
    if option.key in NUMBER_KEYS:
        return _number_value(option.key, raw, params)
    if option.key in TEXT_KEYS:
        if len(raw) > LABEL_DESCRIPTION_MAX:
            length = (("max", str(LABEL_DESCRIPTION_MAX)), ("length", str(len(raw))))
            return {}, Violation("option_text_too_long", (*params, *length))
        return {TEXT_KEYS[option.key]: raw}, None
    return {}, None


def _problem_params(option: ConfigOption, raw: str) -> tuple[tuple[str, str], ...]:
    """Return what a problem with an option's value names: the option, its label and the value."""
    # A shipped label is named by the catalogue from the option key; an admin's own label travels as written.
    label = () if option.shipped_label else (("label", option.label),)
    return (("option", option.key), *label, ("value", raw))


def _number_value(key: str, raw: str, params: tuple[tuple[str, str], ...]) -> _Change:
    if not raw.isdigit():
        return {}, Violation("option_not_a_number", params)
    if key == "insurance":
        return {"insurance_cents": int(raw) * 100}, None
    try:
        return {"delivery_type": DeliveryType(int(raw))}, None
    except ValueError:
        return {}, Violation("option_value_unknown", params)


# --- the profiles a fresh installation starts with ---------------------------------------------

# The English words of the options packstation ships, by option key: (label, description). The station shows its
# own translation of these; a label or description an admin wrote in the settings file is shown as written.
DEFAULT_OPTION_TEXTS: dict[str, tuple[str, str]] = {
    "signature": ("Signature on delivery", ""),
    "only_recipient": ("Only recipient", "Not delivered to neighbours."),
    "return": ("Return when not home", "Back to the sender instead of a second attempt."),
    "age_check": ("Age check 18+", "The recipient signs and shows they are 18 or older."),
    "large_format": ("Large format", "Between 100x70x50 and 175x78x58 cm."),
    "insurance": ("Insurance", "Abroad the carrier's fixed amount is applied automatically."),
    "label_description": (
        "Label text",
        f"Printed on the label, at most {LABEL_DESCRIPTION_MAX} characters; empty: the order reference.",
    ),
}
# Labels earlier versions saved for the shipped options (settings dialog, default profiles): packstation's own
# words too, so a settings file that still holds them reads as the shipped option (see _option_from_dict).
EARLIER_OPTION_LABELS: dict[str, tuple[str, ...]] = {
    "signature": ("Signature",),
    "only_recipient": ("Only at the recipient's address",),
}
_YES_NO_VALUES = (PossibleValue(NO, "No", shipped=True), PossibleValue(YES, "Yes", shipped=True))


def insurance_value_label(euros: int) -> str:
    """Return the English words for one insurance choice in whole euros."""
    return "Not insured" if euros == 0 else f"Insured up to EUR {euros}"


def yes_no(key: str, default: bool = False) -> ConfigOption:
    """Return one of the shipped yes/no options as Picqer models it: a list of two values."""
    return _shipped_option(key, LIST, _YES_NO_VALUES, default_value=YES if default else NO, required=True)


def insurance_option(euros: Iterable[int], default: int = 0) -> ConfigOption:
    """Return the insurance choice in whole euros (0 = not insured)."""
    return _shipped_option(
        "insurance", LIST, tuple(insurance_value(e) for e in euros), default_value=str(default), required=True
    )


def label_text_option() -> ConfigOption:
    """Return the free label text (empty: the order reference or number is printed)."""
    return _shipped_option("label_description", TEXT)


def insurance_value(euros: int) -> PossibleValue:
    """Return one insurance choice in whole euros in packstation's own words (translated by each station)."""
    return PossibleValue(str(euros), insurance_value_label(euros), shipped=True)


def _shipped_option(
    key: str,
    kind: str,
    values: tuple[PossibleValue, ...] = (),
    default_value: str | None = None,
    required: bool = False,
) -> ConfigOption:
    label, description = DEFAULT_OPTION_TEXTS[key]
    return ConfigOption(
        key, label, kind, description, values, default_value, required, shipped_label=True, shipped_description=True
    )


# MyParcel.nl insurance tiers from "10000, 25000, 50000, 500000" cents [MP §6.A.4]
MYPARCEL_INSURANCE_EUROS = (0, 100, 250, 500, 5000)
SENDMYPARCEL_INSURANCE_EUROS = (0, 500)  # "needs to be 50000" [SMP §6.A.4]


def _postnl_options(
    *, signature: bool = False, only_recipient: bool = False, age_check: bool = False, insurance: int = 0
) -> tuple[ConfigOption, ...]:
    return (
        yes_no("signature", signature),
        yes_no("only_recipient", only_recipient),
        yes_no("return"),
        yes_no("age_check", age_check),
        yes_no("large_format"),
        insurance_option(MYPARCEL_INSURANCE_EUROS, insurance),
        label_text_option(),
    )


def _bpost_options(*, signature: bool = False, insurance: int = 0) -> tuple[ConfigOption, ...]:
    return (
        yes_no("signature", signature),
        insurance_option(SENDMYPARCEL_INSURANCE_EUROS, insurance),
        label_text_option(),
    )


def insurance_euros(platform: Platform) -> tuple[int, ...]:
    """Return the insurance choices of a platform in whole euros (0 = none)."""
    return MYPARCEL_INSURANCE_EUROS if platform is Platform.MYPARCEL else SENDMYPARCEL_INSURANCE_EUROS


def _pickup_profile(name: str, carrier: Carrier, platform: Platform) -> ShippingProfile:
    """Return a profile that delivers to a pickup point, signed for, with the platform's insurance choices."""
    return ShippingProfile(
        name,
        carrier,
        platform,
        options=(insurance_option(insurance_euros(platform)), label_text_option()),
        defaults=ShipmentOptions(delivery_type=DeliveryType.PICKUP, signature=True),
    )


def default_profiles(platform: Platform) -> tuple[ShippingProfile, ...]:
    """Return the profiles a new station starts with on this platform."""
    if platform is Platform.MYPARCEL:
        nl = Platform.MYPARCEL
        return (
            ShippingProfile("PostNL standaard", Carrier.POSTNL, nl, options=_postnl_options()),
            ShippingProfile("PostNL handtekening", Carrier.POSTNL, nl, options=_postnl_options(signature=True)),
            ShippingProfile(
                "PostNL brievenbuspakje", Carrier.POSTNL, nl, PackageType.MAILBOX, options=(label_text_option(),)
            ),
            ShippingProfile(
                "PostNL verzekerd",
                Carrier.POSTNL,
                nl,
                options=_postnl_options(signature=True, only_recipient=True, insurance=500),
            ),
            ShippingProfile(
                "PostNL leeftijdscheck 18+",
                Carrier.POSTNL,
                nl,
                options=_postnl_options(signature=True, only_recipient=True, age_check=True),
            ),
            _pickup_profile("PostNL ophaalpunt", Carrier.POSTNL, nl),
        )
    be = Platform.SENDMYPARCEL
    return (
        ShippingProfile("bpost standaard", Carrier.BPOST, be, options=_bpost_options()),
        ShippingProfile("bpost handtekening", Carrier.BPOST, be, options=_bpost_options(signature=True)),
        ShippingProfile("bpost verzekerd", Carrier.BPOST, be, options=_bpost_options(signature=True, insurance=500)),
        _pickup_profile("bpost afhaalpunt", Carrier.BPOST, be),
        ShippingProfile("DPD", Carrier.DPD, be, options=(label_text_option(),)),
        ShippingProfile("PostNL België", Carrier.POSTNL, be, options=_bpost_options()),
    )


# --- settings storage ---------------------------------------------------------------------------


def _option_to_dict(o: ConfigOption) -> dict[str, Any]:
    data: dict[str, Any] = {"key": o.key, "label": o.label, "type": o.type}
    if o.description:
        data["description"] = o.description
    if o.type == LIST:
        data["possible_values"] = [{"value": v.value, "label": v.label} for v in o.possible_values]
    data["default_value"] = o.default_value
    data["required"] = o.required
    return data


def profile_to_dict(p: ShippingProfile) -> dict[str, Any]:
    """Return the profile as plain data for the settings file."""
    base = ShipmentOptions()
    defaults: dict[str, Any] = {}
    for name in DEFAULT_FIELDS:
        value = getattr(p.defaults, name)
        if value != getattr(base, name):
            defaults[name] = int(value) if name == "delivery_type" else value
    return {
        "name": p.name,
        "carrier": p.carrier.name.lower(),
        "platform": p.platform.value,
        "package_type": p.package_type.name.lower(),
        "options": [_option_to_dict(o) for o in p.options],
        "defaults": defaults,
        "picqer_profile_ids": list(p.picqer_profile_ids),
        # Only when set, so the files of profiles without one read as before.
        **({"return_label": p.return_label.value} if p.return_label is not ReturnLabel.NONE else {}),
    }


def _enum(enum: Any, raw: Any, what: str, where: str) -> Any:
    if isinstance(raw, bool):
        raise ValueError(f"{where}: {what} {raw!r} is not known.")
    if isinstance(raw, int):
        try:
            return enum(raw)
        except ValueError:
            pass
    elif isinstance(raw, str):
        text = raw.strip()
        if text.isdigit():
            return _enum(enum, int(text), what, where)
        for member in enum:
            if text.lower() in (member.name.lower(), str(member.value).lower()):
                return member
    names = ", ".join(m.name.lower() for m in enum)
    raise ValueError(f"{where}: {what} {raw!r} is not known (use one of {names}).")


def _scalar(raw: Any, where: str) -> str | None:
    if raw is None:
        return None
    if isinstance(raw, bool):
        return YES if raw else NO
    if isinstance(raw, int | str):
        return str(raw).strip()
    raise ValueError(f"{where}: {raw!r} must be text or a number.")


def _option_from_dict(raw: Any, where: str) -> ConfigOption:
    key, where, label, kind, description = _option_words(raw, where)
    values = _possible_values(raw.get("possible_values"), where) if kind == LIST else ()
    default = _scalar(raw.get("default_value"), where) or None
    if kind == LIST and default is not None and default not in {v.value for v in values}:
        raise ValueError(f"{where}: default value {default!r} is not one of the possible values.")
    required = raw.get("required", False)
    if not isinstance(required, bool):
        raise ValueError(f"{where}: required must be true or false.")
    option = ConfigOption(key, label, kind, description, values, default, required)
    return _recognise_shipped_words(option)


def _recognise_shipped_words(option: ConfigOption) -> ConfigOption:
    """Mark the words the settings file holds in packstation's own English (this or an earlier version's).

    The file stores every label as text, so hand-edited files and those of earlier versions keep loading; this is
    the one place where those texts are told apart from an admin's own words. An earlier label becomes today's.
    """
    shipped_label, shipped_description = DEFAULT_OPTION_TEXTS.get(option.key, (None, None))
    if shipped_label is None:
        return option
    label_is_ours = option.label in (shipped_label, *EARLIER_OPTION_LABELS.get(option.key, ()))
    return dataclasses.replace(
        option,
        label=shipped_label if label_is_ours else option.label,
        shipped_label=label_is_ours,
        shipped_description=option.description == shipped_description,
        possible_values=tuple(_recognise_shipped_value(option.key, v) for v in option.possible_values),
    )


def _recognise_shipped_value(key: str, possible: PossibleValue) -> PossibleValue:
    if key in BOOL_KEYS:
        ours = (possible.value, possible.label) in ((NO, "No"), (YES, "Yes"))
    else:
        amount = possible.value
        ours = key == "insurance" and amount.isdigit() and possible.label == insurance_value_label(int(amount))
    return dataclasses.replace(possible, shipped=ours)


def _option_words(raw: Any, where: str) -> tuple[str, str, str, str, str]:
    """Return an option table's key, where it is (for problems), label, type and description."""
    if not isinstance(raw, Mapping):
        raise ValueError(f"{where}: an option must be a table with key, label and type, not {raw!r}.")
    key = raw.get("key")
    if not isinstance(key, str) or key not in OPTION_KEYS:
        raise ValueError(f"{where}: option key {key!r} is not known (use one of {', '.join(sorted(OPTION_KEYS))}).")
    where = f"{where}, option '{key}'"
    label = raw.get("label", key)
    if not isinstance(label, str) or not label.strip():
        raise ValueError(f"{where}: the label must be text.")
    kind = raw.get("type", LIST)
    if kind not in (LIST, TEXT):
        raise ValueError(f"{where}: type {kind!r} must be 'list' or 'text'.")
    description = raw.get("description") or ""
    if not isinstance(description, str):
        raise ValueError(f"{where}: the description must be text.")
    return key, where, label.strip(), kind, description


def _possible_values(possible: Any, where: str) -> tuple[PossibleValue, ...]:
    """Read a list option's choices: each a value (unique, not empty) and a label (the value when absent)."""
    if not isinstance(possible, list) or not possible:
        raise ValueError(f"{where}: a list option needs possible_values [{{value, label}}, ...].")
    values: list[PossibleValue] = []
    for item in possible:
        if not isinstance(item, Mapping) or "value" not in item:
            raise ValueError(f"{where}: possible value {item!r} needs a value and a label.")
        value = _scalar(item["value"], where)
        if not value:
            raise ValueError(f"{where}: a possible value is empty.")
        values.append(PossibleValue(value, str(item.get("label") or value)))
    if len({v.value for v in values}) != len(values):
        raise ValueError(f"{where}: the possible values repeat a value.")
    return tuple(values)


def _defaults_from_dict(raw: Any, where: str) -> ShipmentOptions:
    if raw is None:
        return ShipmentOptions()
    if not isinstance(raw, Mapping):
        raise ValueError(f"{where}: defaults must be a table of option values.")
    changes: dict[str, Any] = {}
    for name, value in raw.items():
        if name not in DEFAULT_FIELDS:
            raise ValueError(f"{where}: default {name!r} is not known (use one of {', '.join(DEFAULT_FIELDS)}).")
        changes[name] = _default_value(name, value, where)
    return ShipmentOptions(**changes)


def _default_value(name: str, value: Any, where: str) -> Any:
    """Return one default of a profile as ShipmentOptions holds it; raise ValueError saying what to fix."""
    if name == "delivery_type":
        return _enum(DeliveryType, value, "delivery type", where)
    if name == "insurance_cents":
        return _default_insurance(value, where)
    if name == "label_description":
        if not isinstance(value, str) or len(value) > LABEL_DESCRIPTION_MAX:
            raise ValueError(f"{where}: label_description must be text of at most {LABEL_DESCRIPTION_MAX}.")
        return value
    if not isinstance(value, bool) and value not in (0, 1):
        raise ValueError(f"{where}: {name} must be true or false, not {value!r}.")
    return bool(value)


def _default_insurance(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{where}: insurance_cents must be a whole number of cents, not {value!r}.")
    return value


def _options_from_list(raw_options: Any, where: str) -> tuple[ConfigOption, ...]:
    if not isinstance(raw_options, list):
        raise ValueError(f"{where}: options must be a list.")
    options = tuple(_option_from_dict(o, where) for o in raw_options)
    keys = [o.key for o in options]
    if len(set(keys)) != len(keys):
        raise ValueError(f"{where}: an option key appears twice.")
    return options


def _picqer_profile_ids(ids: Any, where: str) -> tuple[int, ...]:
    if not isinstance(ids, list) or any(isinstance(i, bool) or not isinstance(i, int) or i <= 0 for i in ids):
        raise ValueError(f"{where}: picqer_profile_ids must be a list of Picqer profile ids (whole numbers).")
    return tuple(ids)


def profile_from_dict(d: Any) -> ShippingProfile:
    """Read a profile from settings data; raise ValueError saying what to fix when it is malformed."""
    if not isinstance(d, Mapping):
        raise ValueError(f"A shipping profile must be a table, not {type(d).__name__}.")
    name = d.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError("A shipping profile needs a name.")
    where = f"Shipping profile '{name.strip()}'"
    platform = _enum(Platform, d.get("platform", Platform.MYPARCEL.value), "platform", where)
    carrier = _enum(Carrier, d.get("carrier"), "carrier", where)
    if carrier not in PLATFORM_CARRIERS[platform]:
        raise ValueError(f"{where}: carrier {carrier.name.lower()} is not available on platform {platform.value}.")
    package_type = _enum(PackageType, d.get("package_type", "package"), "package type", where)
    options = _options_from_list(d.get("options", []), where)
    ids = _picqer_profile_ids(d.get("picqer_profile_ids", []), where)
    return ShippingProfile(
        name=name.strip(),
        carrier=carrier,
        platform=platform,
        package_type=package_type,
        options=options,
        defaults=_defaults_from_dict(d.get("defaults"), where),
        picqer_profile_ids=ids,
        return_label=_enum(ReturnLabel, d.get("return_label", ReturnLabel.NONE.value), "return label", where),
    )
