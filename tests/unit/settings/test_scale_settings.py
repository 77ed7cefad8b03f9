"""The scale in the settings file (hand-edited too) and how the composition root builds it."""

from __future__ import annotations

import asyncio
import dataclasses
from pathlib import Path

import pytest

from packstation import app, secrets, settings
from packstation.domain.errors import Violation
from packstation.i18n import violation_text
from packstation.scale import toledo
from packstation.scale.hid_pos import HidPosScale
from packstation.scale.toledo import ToledoScale
from packstation.scale.virtual import VirtualScale
from packstation.services.weighing import Weighing


def words(problem: Violation) -> str:
    """A settings problem as the window and the command line word it (English)."""
    return violation_text(problem, prefix="settings_problem")


def test_scale_settings_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    original = settings.Settings(
        scale=settings.ScaleSettings(
            kind="toledo",
            serial_port="COM3",
            serial_unit="lb",
            box_grams=180,
            tolerance_grams=30,
            tolerance_percent=2.5,
        )
    )
    settings.save(original, path)
    loaded = settings.load(path)
    assert loaded.problems == ()
    assert loaded.settings == original


def test_hand_edited_scale_nonsense_is_named_and_defaults_used(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(
        '[scale]\nkind = "bathroom"\nserial_unit = "stone"\ntolerance_grams = -5\ntolerence_percent = 3\n',
        encoding="utf-8",
    )
    loaded = settings.load(path)
    scale = loaded.settings.scale
    assert (scale.kind, scale.serial_unit, scale.tolerance_grams) == ("none", "kg", 50)
    joined = " ".join(map(words, loaded.problems))
    assert "scale.kind" in joined and "bathroom" in joined and "scale.serial_unit" in joined
    assert "scale.tolerance_grams" in joined and "Did you mean “scale.tolerance_percent”" in joined
    assert loaded.backup is not None


def test_the_settings_units_are_the_ones_the_toledo_adapter_converts() -> None:
    assert set(settings.SCALE_UNITS) == set(toledo.UNITS)


@pytest.mark.parametrize(
    ("scale_settings", "kind"),
    [
        (settings.ScaleSettings(kind="none"), type(None)),
        (settings.ScaleSettings(kind="hid", device="0922:8003"), HidPosScale),
        (settings.ScaleSettings(kind="toledo", serial_port="COM3"), ToledoScale),
        (settings.ScaleSettings(kind="virtual"), VirtualScale),
    ],
)
def test_the_composition_root_builds_the_scale_the_settings_name(scale_settings, kind) -> None:
    assert isinstance(app.build_scale(scale_settings), kind)


async def test_the_context_carries_the_scale_and_its_weighing_service(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(app.DATA_DIR_ENV, str(tmp_path))
    keys = secrets.ApiKeys(picqer="k", myparcel="k")
    base = settings.Settings(picqer=settings.PicqerSettings(base_url="http://127.0.0.1:9/api/v1"))
    without = app.build_context(base, keys)
    try:
        assert without.scale is None and without.weighing is None  # typing only, as before
    finally:
        await without.aclose()
    context = app.build_context(dataclasses.replace(base, scale=settings.ScaleSettings(kind="virtual")), keys)
    try:
        assert isinstance(context.scale, VirtualScale)
        assert isinstance(context.weighing, Weighing) and context.weighing.scale is context.scale
        context.weighing.start()
        context.scale.set_weight(250)
        for _ in range(100):
            if context.weighing.stable_grams == 250:
                break
            await asyncio.sleep(0.01)
        assert context.weighing.stable_grams == 250
    finally:
        await context.aclose()
    assert not context.scale.connected  # closing the context stopped the reading and closed the scale


def test_demo_mode_weighs_on_the_virtual_scale() -> None:
    from packstation.demo import DemoServers

    servers = DemoServers(picklist_count=1, rate_limits=False)
    demo, _keys = app.demo_settings(servers, settings.Settings(scale=settings.ScaleSettings(kind="hid")))
    assert demo.scale.kind == "virtual"
