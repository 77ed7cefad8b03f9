"""The weighing service on a USB scale (the real HID adapter on a fake hidapi module) and on the virtual one:
only stable weights fill in, a scale pulled mid-shift is reported and found again when it comes back."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable

import pytest

from packstation.domain.errors import ScaleNotFound
from packstation.scale.hid_pos import HidPosScale
from packstation.scale.virtual import VirtualScale
from packstation.services.weighing import Weighing, WeighingEvent, WeighingEventKind
from tests.fakes.fake_hid import FakeHidModule, FakeHidScale, data_report

STABLE, MOTION, GRAMS = 4, 3, 2


async def until(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        await asyncio.sleep(0.01)


@pytest.fixture
def events() -> list[WeighingEvent]:
    return []


async def test_unplugged_mid_shift_then_plugged_in_again(events: list[WeighingEvent]) -> None:
    device = FakeHidScale(repeat_last=False)
    weighing = Weighing(HidPosScale(hid_module=FakeHidModule(device)), backoff=(0.01, 0.02))
    weighing.subscribe(events.append)
    listener_threads: set[int] = set()
    weighing.subscribe(lambda event: listener_threads.add(threading.get_ident()))
    weighing.start()

    device.send(data_report(MOTION, GRAMS, 0, 700))
    await until(lambda: weighing.latest is not None)
    assert weighing.stable_grams is None  # a moving weight never fills in
    device.send(data_report(STABLE, GRAMS, 0, 743))
    await until(lambda: weighing.stable_grams == 743)
    stable_events = [e for e in events if e.kind is WeighingEventKind.STABLE]
    assert [e.reading.grams for e in stable_events if e.reading] == [743.0]

    device.unplug()
    await until(lambda: not weighing.connected)
    assert weighing.stable_grams is None and weighing.latest is None
    assert "disconnected" in weighing.problem
    await asyncio.sleep(0.1)  # several reconnect attempts while it is away: reported once
    assert [e.kind for e in events].count(WeighingEventKind.UNPLUGGED) == 1
    with pytest.raises(ScaleNotFound):
        await weighing.zero()

    device.plug_in()
    await until(lambda: weighing.connected)
    device.send(data_report(STABLE, GRAMS, 0, 1210))
    await until(lambda: weighing.stable_grams == 1210)
    kinds = [e.kind for e in events if e.kind is not WeighingEventKind.READING]
    assert kinds == [
        WeighingEventKind.STABLE,
        WeighingEventKind.UNPLUGGED,
        WeighingEventKind.RECONNECTED,
        WeighingEventKind.STABLE,
    ]
    assert device.opened == 2
    assert listener_threads == {threading.get_ident()}  # listeners run on the loop (the UI thread), never a reader
    await weighing.stop()
    assert not weighing.scale.connected


async def test_a_station_started_without_its_scale_finds_it_when_it_is_plugged_in(
    events: list[WeighingEvent],
) -> None:
    device = FakeHidScale(plugged=False, repeat_last=False)
    weighing = Weighing(HidPosScale(hid_module=FakeHidModule(device)), backoff=(0.01,))
    weighing.subscribe(events.append)
    weighing.start()
    await until(lambda: any(e.kind is WeighingEventKind.UNPLUGGED for e in events))
    assert "no USB scale" in weighing.problem
    device.plug_in()
    device.send(data_report(STABLE, GRAMS, 0, 55))
    await until(lambda: weighing.stable_grams == 55)
    assert WeighingEventKind.RECONNECTED in [e.kind for e in events]
    await weighing.stop()


async def test_reading_never_blocks_the_event_loop() -> None:
    # A scale that sends nothing: every hidapi read waits its full timeout on a worker thread.
    weighing = Weighing(HidPosScale(hid_module=FakeHidModule(FakeHidScale(repeat_last=False))))
    weighing.start()
    started = time.monotonic()
    ticks = 0
    while time.monotonic() - started < 0.6:
        await asyncio.sleep(0.01)
        ticks += 1
    assert ticks > 30  # the loop kept turning while reads were waiting
    await weighing.stop()


async def test_a_listener_that_fails_does_not_stop_the_readings(events: list[WeighingEvent]) -> None:
    scale = VirtualScale(settle_seconds=0.01)
    weighing = Weighing(scale, backoff=(0.01,))

    def broken(event: WeighingEvent) -> None:
        raise RuntimeError("a UI bug")

    weighing.subscribe(broken)
    weighing.subscribe(events.append)
    weighing.start()
    await until(lambda: weighing.connected)
    scale.place(420)
    await until(lambda: weighing.stable_grams == 420)
    scale.place(510)
    await until(lambda: weighing.stable_grams == 510)
    assert weighing.stable is not None and weighing.stable.grams == 510
    await weighing.stop()


async def test_the_stable_weight_keeps_the_moment_it_settled_through_repeats_and_wobbles() -> None:
    clock = iter(range(100))
    scale = VirtualScale()
    weighing = Weighing(scale, clock=lambda: float(next(clock)))
    weighing.start()
    scale.set_weight(300)
    await until(lambda: weighing.stable_grams == 300)
    first = weighing.stable
    scale.set_weight(300)  # the same weight again (a real scale repeats it continuously)
    await asyncio.sleep(0.05)
    assert weighing.stable == first
    scale.set_weight(300, stable=False)  # a bump on the bench
    await until(lambda: weighing.stable is None)  # never a weight while it moves
    scale.set_weight(300)
    await until(lambda: weighing.stable is not None)
    assert weighing.stable == first  # a weight typed since it first settled still wins
    scale.set_weight(450)
    await until(lambda: weighing.stable_grams == 450)
    assert weighing.stable is not None and first is not None and weighing.stable.changed_at > first.changed_at
    await weighing.stop()


async def test_over_capacity_takes_the_earlier_weight_away() -> None:
    device = FakeHidScale(repeat_last=False)
    weighing = Weighing(HidPosScale(hid_module=FakeHidModule(device)))
    weighing.start()
    device.send(data_report(STABLE, GRAMS, 0, 3000))
    await until(lambda: weighing.stable_grams == 3000)
    device.send(data_report(6, GRAMS, 0, 0))  # Over Weight: a parcel heavier than the scale takes
    await until(lambda: weighing.stable is None)
    assert weighing.latest is not None and weighing.latest.status.value == "over_weight"
    await weighing.stop()
