"""The picklists list reads only the picklists created since its last read (sinceid), everything every 15 min."""

from __future__ import annotations

import asyncio
import dataclasses
import gc
from collections.abc import Iterator

import pytest

from packstation.domain.picklists import PicklistStatus
from packstation.services.picklist_refresh import RefreshPlanner
from packstation.ui.controllers.picklists_controller import PicklistsController
from packstation.ui.messages import Messages
from packstation.ui.models.picklists_model import PicklistsModel


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture(autouse=True)
def made() -> Iterator[list[PicklistsController]]:
    """The controllers a test made, freed here on the Qt thread: a garbage collection that a later test's server
    thread happens to run must not destroy their timers from that thread."""
    controllers: list[PicklistsController] = []
    yield controllers
    for controller in controllers:
        controller.stop()
    controllers.clear()
    gc.collect()


def add_new_picklist(station, number: str, idpicklist: int) -> None:
    """A picklist created in Picqer: a higher id than any before it."""
    template = station.picqer.picklists["P2024-00123"]
    station.picqer.picklists[number] = dataclasses.replace(template, id=idpicklist, number=number)


def close_elsewhere(station, number: str) -> None:
    station.picqer.picklists[number] = dataclasses.replace(
        station.picqer.picklists[number], status=PicklistStatus.CLOSED
    )


async def refreshed(controller: PicklistsController, wait_for) -> None:
    loads: list[int] = []
    controller.loaded.connect(loads.append)
    controller.failed.connect(lambda text: pytest.fail(text))
    controller.refresh()
    await wait_for(lambda: loads)


def make(station, clock: Clock, made: list[PicklistsController]) -> PicklistsController:
    messages = Messages("en")
    planner = RefreshPlanner(clock=clock, random=lambda: 0.5)
    controller = PicklistsController(station.service, PicklistsModel(messages), messages, planner=planner)
    made.append(controller)
    return controller


async def test_a_new_picklist_appears_at_the_next_refresh_which_asks_only_for_newer_ids(station, clock, made, wait_for):
    controller = make(station, clock, made)
    await refreshed(controller, wait_for)
    assert station.picqer.list_reads == ["full"]
    add_new_picklist(station, "P2024-09999", 99999)
    clock.now += 60
    await refreshed(controller, wait_for)
    assert station.picqer.list_reads == ["full", "new"]
    assert controller.model.row_of("P2024-09999") is not None and controller.model.rowCount() == 13
    clock.now += 60
    await refreshed(controller, wait_for)  # nothing newer: nothing changes
    assert station.picqer.list_reads == ["full", "new", "new"] and controller.model.rowCount() == 13


async def test_a_picklist_closed_elsewhere_stays_until_the_next_full_read_then_leaves(station, clock, made, wait_for):
    controller = make(station, clock, made)
    await refreshed(controller, wait_for)
    close_elsewhere(station, "P2024-00123")
    clock.now += 60
    await refreshed(controller, wait_for)
    assert station.picqer.list_reads[-1] == "new"
    assert controller.model.row_of("P2024-00123") is not None  # stale until the full read; opening it says closed
    clock.now += 15 * 60
    await refreshed(controller, wait_for)
    assert station.picqer.list_reads == ["full", "new", "full"]
    assert controller.model.row_of("P2024-00123") is None and controller.model.rowCount() == 11


async def test_a_picklist_new_again_with_an_older_id_appears_at_the_next_full_read(station, clock, made, wait_for):
    close_elsewhere(station, "P2024-00124")
    controller = make(station, clock, made)
    await refreshed(controller, wait_for)
    assert controller.model.row_of("P2024-00124") is None
    station.picqer.picklists["P2024-00124"] = dataclasses.replace(
        station.picqer.picklists["P2024-00124"], status=PicklistStatus.NEW
    )  # resumed in Picqer: NEW again, with the id it always had
    clock.now += 60
    await refreshed(controller, wait_for)
    assert controller.model.row_of("P2024-00124") is None
    clock.now += 15 * 60
    await refreshed(controller, wait_for)
    assert controller.model.row_of("P2024-00124") is not None


async def test_another_status_is_read_in_full(station, clock, made, wait_for):
    controller = make(station, clock, made)
    await refreshed(controller, wait_for)
    loads: list[int] = []
    controller.loaded.connect(loads.append)
    controller.set_status(None)
    await wait_for(lambda: loads)
    assert station.picqer.list_reads == ["full", "full"]


async def test_a_picqer_that_ignores_sinceid_gets_full_reads_as_before(station, clock, made, wait_for):
    controller = make(station, clock, made)
    await refreshed(controller, wait_for)
    station.picqer.ignores_since_id = True
    close_elsewhere(station, "P2024-00123")
    clock.now += 60
    await refreshed(controller, wait_for)
    # The first answer (an id not above the cursor) gives it away; the same refresh reads everything instead.
    assert station.picqer.list_reads == ["full", "new", "full"]
    assert controller.model.row_of("P2024-00123") is None and controller.model.rowCount() == 11
    clock.now += 60
    await refreshed(controller, wait_for)
    assert station.picqer.list_reads[-1] == "full"  # no second try within this run


async def test_a_controller_whose_window_closed_before_it_started_never_reads_the_list(station, clock, made, wait_for):
    # GuiStation.open starts the controller on the loop's next turn; a window closed before that turn (a station
    # rebuilt and closed at once) must not leave a list refreshing behind it once the loop is gone.
    controller = make(station, clock, made)
    controller.stop()
    controller.start()
    await asyncio.sleep(0.05)
    assert station.picqer.list_reads == []
    assert not controller._timer.isActive()
