"""RefreshPlanner: when the list reads everything, and from which picklist id it reads the new ones."""

from __future__ import annotations

from packstation.domain.picklists import DeliveryAddress, Picklist, PicklistStatus
from packstation.services.picklist_refresh import RefreshPlanner

NEW = (PicklistStatus.NEW, None)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def numbered(idpicklist: int) -> Picklist:
    return Picklist(id=idpicklist, number=f"P{idpicklist}", status=PicklistStatus.NEW, delivery=DeliveryAddress())


def read(planner: RefreshPlanner, clock: Clock, ids: list[int], seconds: float = 0.0):
    plan = planner.plan(NEW)
    planner.begin()
    clock.now += seconds
    accepted = [planner.accepts(plan, numbered(i)) for i in ids]
    planner.finished(plan, NEW)
    return plan, accepted


def test_first_read_is_full_then_asks_for_ids_above_the_highest_seen() -> None:
    clock = Clock()
    planner = RefreshPlanner(clock=clock, random=lambda: 0.5)
    plan, _ = read(planner, clock, [120, 305, 17])  # Picqer's order is not the id order
    assert plan.full
    clock.now += 60
    assert planner.plan(NEW).since_id == 305


def test_the_cursor_never_moves_back_and_an_empty_read_keeps_it() -> None:
    clock = Clock()
    planner = RefreshPlanner(clock=clock, random=lambda: 0.5)
    read(planner, clock, [305])
    read(planner, clock, [])
    assert planner.plan(NEW).since_id == 305
    read(planner, clock, [306, 310])
    assert planner.plan(NEW).since_id == 310


def test_full_again_after_15_minutes_for_another_scope_or_without_any_picklist() -> None:
    clock = Clock()
    planner = RefreshPlanner(clock=clock, random=lambda: 0.5)
    read(planner, clock, [305])
    clock.now += 14 * 60
    assert not planner.plan(NEW).full
    assert planner.plan((None, None)).full  # all statuses: not what the last full read covered
    clock.now += 60
    assert planner.plan(NEW).full
    empty = RefreshPlanner(clock=clock, random=lambda: 0.5)
    read(empty, clock, [])
    assert empty.plan(NEW).full  # nothing to take a cursor from


def test_the_full_read_interval_is_spread_by_ten_percent() -> None:
    clock = Clock()
    early = RefreshPlanner(clock=clock, random=lambda: 0.0)
    read(early, clock, [305])
    clock.now += 15 * 60 * 0.9
    assert early.plan(NEW).full
    clock = Clock()
    late = RefreshPlanner(clock=clock, random=lambda: 1.0)
    read(late, clock, [305])
    clock.now += 15 * 60 * 1.09
    assert not late.plan(NEW).full


def test_an_answer_not_above_the_cursor_means_sinceid_was_ignored() -> None:
    clock = Clock()
    planner = RefreshPlanner(clock=clock, random=lambda: 0.5)
    read(planner, clock, [305])
    _plan, accepted = read(planner, clock, [17])
    assert accepted == [False]
    assert not planner.changes_supported and planner.plan(NEW).full
    read(planner, clock, [17, 305])  # the full read that follows
    clock.now += 60
    assert planner.plan(NEW).full  # and every refresh after it
