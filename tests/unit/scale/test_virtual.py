"""The demo's virtual scale: weights put on it settle after a moment, it can be zeroed and unplugged."""

from __future__ import annotations

import asyncio

import pytest

from packstation.domain.errors import ScaleDisconnected
from packstation.domain.weighing import ScaleStatus
from packstation.scale.virtual import VirtualScale


async def test_a_placed_parcel_moves_first_then_settles() -> None:
    scale = VirtualScale(settle_seconds=0.01)
    readings = scale.readings()
    assert (await anext(readings)).status is ScaleStatus.ZERO
    scale.place(830)
    moving = await asyncio.wait_for(anext(readings), 1)
    settled = await asyncio.wait_for(anext(readings), 1)
    assert (moving.stable, settled.stable, settled.grams) == (False, True, 830.0)
    scale.add(-30)
    await asyncio.wait_for(anext(readings), 1)
    assert (await asyncio.wait_for(anext(readings), 1)).grams == 800.0
    await scale.zero()
    assert (await asyncio.wait_for(anext(readings), 1)).status is ScaleStatus.ZERO
    scale.unplug()
    with pytest.raises(ScaleDisconnected):
        await asyncio.wait_for(anext(readings), 1)
    await scale.close()
