"""RefreshPlanner: when the list reads everything, and from which Picqer stamp it reads the changes."""

from __future__ import annotations

from datetime import datetime, timedelta

from packstation.domain.picklists import DeliveryAddress, Picklist, PicklistStatus
from packstation.services.picklist_refresh import RefreshPlanner

T0 = datetime(2026, 12, 4, 9, 0, 0)
NEW = (PicklistStatus.NEW, None)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def stamped(at: datetime | None) -> Picklist:
    return Picklist(id=1, number="P1", status=PicklistStatus.NEW, delivery=DeliveryAddress(), updated=at)


def read(planner: RefreshPlanner, clock: Clock, stamps: list[datetime | None], seconds: float = 0.0):
    plan = planner.plan(NEW)
    planner.begin()
    clock.now += seconds
    accepted = [planner.accepts(plan, stamped(s)) for s in stamps]
    planner.finished(plan, NEW)
    return plan, accepted


def test_first_read_is_full_then_changes_from_the_newest_stamp_minus_a_minute() -> None:
    clock = Clock()
    planner = RefreshPlanner(clock=clock, random=lambda: 0.5)
    plan, _ = read(planner, clock, [T0 - timedelta(hours=2), T0, T0 - timedelta(hours=1)])
    assert plan.full
    clock.now += 60
    assert planner.plan(NEW).since == T0 - timedelta(seconds=60)


def test_a_long_full_read_looks_back_as_long_as_it_took() -> None:
    # A picklist on the first page may close while the last pages are read: its stamp is older than the newest
    # stamp the read saw, by up to the read's duration.
    clock = Clock()
    planner = RefreshPlanner(clock=clock, random=lambda: 0.5)
    read(planner, clock, [T0], seconds=300.0)
    closed_during_the_read = T0 - timedelta(minutes=4)
    assert planner.plan(NEW).since < closed_during_the_read


def test_the_cursor_never_moves_back_and_an_empty_read_of_changes_keeps_it() -> None:
    clock = Clock()
    planner = RefreshPlanner(clock=clock, random=lambda: 0.5)
    read(planner, clock, [T0])
    read(planner, clock, [])
    assert planner.plan(NEW).since == T0 - timedelta(seconds=60)
    read(planner, clock, [T0 + timedelta(seconds=30)])
    assert planner.plan(NEW).since == T0 - timedelta(seconds=30)


def test_full_again_after_15_minutes_for_another_scope_or_without_any_stamp() -> None:
    clock = Clock()
    planner = RefreshPlanner(clock=clock, random=lambda: 0.5)
    read(planner, clock, [T0])
    clock.now += 14 * 60
    assert not planner.plan(NEW).full
    assert planner.plan((None, None)).full  # all statuses: not what the last full read covered
    clock.now += 60
    assert planner.plan(NEW).full
    empty = RefreshPlanner(clock=clock, random=lambda: 0.5)
    read(empty, clock, [])
    assert empty.plan(NEW).full  # nothing to take a cursor from


def test_an_answer_older_than_the_cursor_means_the_filter_was_ignored() -> None:
    clock = Clock()
    planner = RefreshPlanner(clock=clock, random=lambda: 0.5)
    read(planner, clock, [T0])
    _plan, accepted = read(planner, clock, [T0 - timedelta(days=3)])
    assert accepted == [False]
    assert not planner.changes_supported and planner.plan(NEW).full
