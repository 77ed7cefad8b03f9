"""`packstation scales`: what an admin setting up a bench sees, on a fake hidapi module."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from packstation import cli, settings
from packstation.scale import hid_pos
from tests.fakes.fake_hid import FakeHidModule, FakeHidScale, data_report
from tests.fakes.fake_toledo import FakeToledo

MOTION, STABLE, ZERO, GRAMS, KILOGRAMS = 3, 4, 2, 2, 3


@pytest.fixture(autouse=True)
def no_settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "settings.toml"
    monkeypatch.setenv("PACKSTATION_CONFIG", str(path))
    return path


def use_hid(monkeypatch: pytest.MonkeyPatch, *devices: FakeHidScale) -> None:
    module = FakeHidModule(*devices)
    monkeypatch.setattr(hid_pos, "default_hid_module", lambda: module)


def test_scales_lists_the_usb_scales_as_json(monkeypatch, capsys) -> None:
    use_hid(monkeypatch, FakeHidScale(), FakeHidScale(vendor_id=0x046D, usage_page=1, path=b"/dev/hidraw0"))
    assert cli.main(["scales", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed == {
        "scales": [
            {
                "kind": "hid",
                "name": "DYMO M10 10 kg Digital Postal Scale",
                "address": "0922:8003",
                "serial": "0071234567890",
                "path": "/dev/hidraw3",
            }
        ],
        "problems": [],
    }


def test_scales_says_when_there_is_none(monkeypatch, capsys) -> None:
    use_hid(monkeypatch)
    assert cli.main(["scales"]) == 0
    assert "No USB scale found" in capsys.readouterr().out


def test_watch_prints_each_new_stable_weight_of_the_first_usb_scale(monkeypatch, capsys) -> None:
    device = FakeHidScale(repeat_last=False)
    device.send(
        data_report(ZERO, GRAMS, 0, 0),
        data_report(MOTION, GRAMS, 0, 380),
        data_report(STABLE, GRAMS, 0, 412),
        data_report(STABLE, GRAMS, 0, 412),  # repeated: printed once
        data_report(STABLE, KILOGRAMS, 0xFD, 1250),
    )
    use_hid(monkeypatch, device)
    assert cli.main(["scales", "--watch", "--count", "3"]) == 0
    out = capsys.readouterr()
    assert out.out.splitlines() == ["0 g (zero)", "412 g (stable)", "1250 g (stable)"]
    assert "Watching DYMO" in out.err


def test_watch_reads_the_serial_scale_of_the_settings(no_settings_file: Path, capsys) -> None:
    with FakeToledo() as toledo:
        toledo.state.kilograms = 0.75
        settings.save(
            settings.Settings(scale=settings.ScaleSettings(kind="toledo", serial_port=toledo.url)), no_settings_file
        )
        assert cli.main(["scales", "--watch", "--json", "--count", "1"]) == 0
    assert json.loads(capsys.readouterr().out) == {"grams": 750.0, "status": "stable"}


def test_watch_without_a_scale_says_so(monkeypatch, capsys) -> None:
    use_hid(monkeypatch)
    assert cli.main(["scales", "--watch"]) == 1
    assert "no USB scale is connected" in capsys.readouterr().err
