"""The serial Toledo 8217 scale through pyserial: against an emulated scale (socket:// URL on loopback) and a
port with nothing behind it (loop://, which only echoes what is sent)."""

from __future__ import annotations

import asyncio

import pytest

from packstation.domain.errors import ScaleDisconnected, ScaleError, ScaleNotFound
from packstation.domain.weighing import ScaleStatus, ZeroMethod
from packstation.scale.toledo import ToledoScale, parse_frame
from tests.fakes.fake_toledo import FakeToledo


@pytest.mark.parametrize(
    ("frame", "unit", "grams", "status"),
    [
        (b"\x0201.250\r", "kg", 1250.0, ScaleStatus.STABLE),
        (b"\x02002.50\r", "lb", 1133.981, ScaleStatus.STABLE),
        (b"\x0200450\r", "g", 450.0, ScaleStatus.STABLE),
        (b"\x0200.000\r", "kg", 0.0, ScaleStatus.ZERO),
        (b"\x02?q\r", "kg", 0.0, ScaleStatus.MOTION),  # 0x71: bits 5, 6 and 0 (motion)
        (b"\x02?r\r", "kg", 0.0, ScaleStatus.OVER_WEIGHT),  # 0x72: out of range
        (b"\x02?t\r", "kg", 0.0, ScaleStatus.UNDER_ZERO),  # 0x74: under zero
        (b"\x02?p\r", "kg", 0.0, ScaleStatus.ZERO),  # 0x70: centre of zero (the reply to a good 'Z')
        (b"\x02?\xf1\r", "kg", 0.0, ScaleStatus.MOTION),  # the same with the parity bit left in (8N1 line)
    ],
)
def test_replies_become_readings(frame: bytes, unit: str, grams: float, status: ScaleStatus) -> None:
    reading = parse_frame(frame, unit)
    assert reading.grams == pytest.approx(grams, abs=0.001)
    assert reading.status is status
    assert reading.stable is (status in (ScaleStatus.STABLE, ScaleStatus.ZERO))


@pytest.mark.parametrize("frame", [b"\x02\r", b"\x02ab.c\r", b"\x02?\r"])
def test_garbled_replies_are_refused(frame: bytes) -> None:
    with pytest.raises(ValueError):
        parse_frame(frame, "kg")


async def test_weights_motion_and_zero_over_a_serial_url() -> None:
    with FakeToledo() as toledo:
        scale = ToledoScale(toledo.url, unit="kg", poll_seconds=0.01)
        toledo.state.kilograms = 1.25
        readings = scale.readings()
        reading = await asyncio.wait_for(anext(readings), 5)
        assert (reading.grams, reading.stable) == (1250.0, True)
        toledo.state.motion = True
        moving = await asyncio.wait_for(anext(readings), 5)
        assert (moving.status, moving.stable) == (ScaleStatus.MOTION, False)
        with pytest.raises(ScaleError, match="did not zero"):
            await scale.zero()
        toledo.state.motion = False
        assert await scale.zero() is ZeroMethod.SCALE
        zeroed = await asyncio.wait_for(anext(readings), 5)
        assert (zeroed.grams, zeroed.status) == (0.0, ScaleStatus.ZERO)
        assert b"W" in toledo.state.commands and b"Z" in toledo.state.commands
        toledo.state.silent = True  # switched off
        with pytest.raises(ScaleDisconnected, match="does not answer"):
            await asyncio.wait_for(anext(readings), 5)
        assert not scale.connected
        await scale.close()


async def test_a_port_with_no_scale_behind_it_is_a_disconnected_scale() -> None:
    scale = ToledoScale("loop://", unit="kg")
    scale.REPLY_TIMEOUT = 0.2
    with pytest.raises(ScaleDisconnected):
        await asyncio.wait_for(anext(scale.readings()), 5)


async def test_a_port_that_does_not_exist_is_not_found() -> None:
    with pytest.raises(ScaleNotFound, match="cannot be opened"):
        await ToledoScale("/dev/ttyUSB-packstation-none").open()
    with pytest.raises(ScaleNotFound, match="no serial port"):
        await ToledoScale("").open()
