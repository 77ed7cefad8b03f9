"""The picklists list reads only what Picqer changed since its last read, and everything every 15 minutes."""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest

from packstation.domain.picklists import PicklistStatus
from packstation.services.picklist_refresh import RefreshPlanner
from packstation.ui.controllers.picklists_controller import PicklistsController
from packstation.ui.messages import Messages
from packstation.ui.models.picklists_model import PicklistsModel

T0 = datetime(2026, 12, 4, 9, 0, 0)


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


@pytest.fixture
def stamped(station):
    """The station's picklists, each stamped by Picqer an hour ago or earlier."""
    for index, (number, picklist) in enumerate(list(station.picqer.picklists.items())):
        station.picqer.picklists[number] = dataclasses.replace(picklist, updated=T0 - timedelta(minutes=60 + index))
    return station


def change(station, number: str, at: datetime, **fields) -> None:
    """Change a picklist as Picqer does: the fields, and its updated stamp."""
    station.picqer.picklists[number] = dataclasses.replace(station.picqer.picklists[number], updated=at, **fields)


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


async def test_a_changed_picklist_is_updated_by_a_read_of_changes_only(stamped, clock, made, wait_for):
    controller = make(stamped, clock, made)
    await refreshed(controller, wait_for)
    assert stamped.picqer.list_reads == ["full"]
    number = "P2024-00124"
    was_urgent = controller.model.picklist(controller.model.row_of(number)).urgent
    change(stamped, number, T0, urgent=not was_urgent)
    clock.now += 60
    await refreshed(controller, wait_for)
    assert stamped.picqer.list_reads == ["full", "changes"]
    assert controller.model.picklist(controller.model.row_of(number)).urgent is not was_urgent
    assert controller.model.rowCount() == 12


async def test_a_picklist_closed_elsewhere_leaves_at_the_next_read_of_changes(stamped, clock, made, wait_for):
    controller = make(stamped, clock, made)
    await refreshed(controller, wait_for)
    change(stamped, "P2024-00123", T0, status=PicklistStatus.CLOSED)
    clock.now += 60
    await refreshed(controller, wait_for)
    assert stamped.picqer.list_reads[-1] == "changes"
    assert controller.model.row_of("P2024-00123") is None and controller.model.rowCount() == 11


async def test_a_new_picklist_appears_at_the_next_read_of_changes(stamped, clock, made, wait_for):
    controller = make(stamped, clock, made)
    await refreshed(controller, wait_for)
    template = stamped.picqer.picklists["P2024-00123"]
    stamped.picqer.picklists["P2024-09999"] = dataclasses.replace(template, id=99999, number="P2024-09999", updated=T0)
    clock.now += 60
    await refreshed(controller, wait_for)
    assert stamped.picqer.list_reads[-1] == "changes"
    assert controller.model.row_of("P2024-09999") is not None and controller.model.rowCount() == 13


async def test_a_picklist_gone_without_a_new_stamp_leaves_at_the_full_read_15_minutes_later(
    stamped, clock, made, wait_for
):
    controller = make(stamped, clock, made)
    await refreshed(controller, wait_for)
    del stamped.picqer.picklists["P2024-00125"]  # deleted in Picqer: no changed picklist tells of it
    clock.now += 60
    await refreshed(controller, wait_for)
    assert controller.model.row_of("P2024-00125") is not None
    clock.now += 15 * 60
    await refreshed(controller, wait_for)
    assert stamped.picqer.list_reads == ["full", "changes", "full"]
    assert controller.model.row_of("P2024-00125") is None


async def test_another_status_is_read_in_full(stamped, clock, made, wait_for):
    controller = make(stamped, clock, made)
    await refreshed(controller, wait_for)
    loads: list[int] = []
    controller.loaded.connect(loads.append)
    controller.set_status(None)
    await wait_for(lambda: loads)
    assert stamped.picqer.list_reads == ["full", "full"]


async def test_a_picqer_that_ignores_updated_after_gets_full_reads_as_before(stamped, clock, made, wait_for):
    controller = make(stamped, clock, made)
    await refreshed(controller, wait_for)
    stamped.picqer.ignores_updated_after = True
    change(stamped, "P2024-00123", T0, status=PicklistStatus.CLOSED)
    clock.now += 60
    await refreshed(controller, wait_for)
    assert stamped.picqer.list_reads == ["full", "changes", "full"]
    assert controller.model.row_of("P2024-00123") is None and controller.model.rowCount() == 11
    clock.now += 60
    await refreshed(controller, wait_for)
    assert stamped.picqer.list_reads[-1] == "full"  # no second try within this run
