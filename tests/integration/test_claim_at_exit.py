"""Closing the station while the claim made at a scan still waits on Picqer ends at once and leaves nothing behind."""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Iterator

import pytest

from packstation import app
from packstation.demo import DemoServers
from packstation.domain.picklists import PicklistStatus
from packstation.services.shipping import Step

ASSIGN = r"/api/v1/picklists/\d+/assign"
SLOW_ASSIGN = 3.0  # seconds Picqer takes to answer the claim
CLOSES_WITHIN = 1.5  # seconds closing the station may take, well short of that


pytestmark = pytest.mark.usefixtures("data_dir")  # tests/conftest.py: a data folder per test


@pytest.fixture
def servers() -> Iterator[DemoServers]:
    with DemoServers(rate_limits=False) as s:
        yield s


async def first_free(context: app.AppContext) -> str:
    async for picklist in context.service.iter_picklists(PicklistStatus.NEW):
        if picklist.assigned_user_id is None and not picklist.delivery.address_line.endswith("1-3"):
            return picklist.number
    raise AssertionError("no free picklist in the demo data")


async def assigned(servers: DemoServers, number: str) -> None:
    """Wait until the demo Picqer has assigned the picklist to someone."""
    async with asyncio.timeout(SLOW_ASSIGN + 5):
        while (servers.picqer.picklist_by_number(number) or {}).get("assigned_to_iduser") is None:
            await asyncio.sleep(0.05)


def others() -> set[asyncio.Task[object]]:
    return asyncio.all_tasks() - {asyncio.current_task()}  # type: ignore[operator]


async def answered(servers: DemoServers, status: int) -> None:
    """Wait until the demo Picqer has answered an assign with `status` (it logs a request once it answered)."""
    async with asyncio.timeout(5):
        while not any(m == "POST" and re.fullmatch(ASSIGN, p) and s == status for m, p, s in servers.picqer.requests):
            await asyncio.sleep(0.02)


async def test_closing_while_the_claim_waits_to_retry_a_refused_assign_cancels_it(servers: DemoServers) -> None:
    """Picqer answers the claim with 429 and Retry-After: the claim waits to retry when the station closes."""
    before = others()
    context = app.build_context(*app.demo_settings(servers))
    number = await first_free(context)
    servers.picqer.faults.inject("429", method="POST", path=ASSIGN, seconds=SLOW_ASSIGN)
    await context.service.open_picklist(number, claim=True)
    await answered(servers, 429)
    started = time.monotonic()
    await asyncio.wait_for(context.aclose(), CLOSES_WITHIN)
    assert time.monotonic() - started < CLOSES_WITHIN
    assert others() - before == set(), "no task of the closed station is left to run against its closed clients"


async def test_closing_while_picqer_takes_its_time_over_the_claim_cancels_it(servers: DemoServers) -> None:
    before = others()
    context = app.build_context(*app.demo_settings(servers))
    number = await first_free(context)
    servers.picqer.add_route_latency("POST", ASSIGN, SLOW_ASSIGN)
    await context.service.open_picklist(number, claim=True)
    started = time.monotonic()
    await asyncio.wait_for(context.aclose(), CLOSES_WITHIN)
    assert time.monotonic() - started < CLOSES_WITHIN
    assert others() - before == set(), "no task of the closed station is left to run against its closed clients"


async def test_a_claim_picqer_applied_after_the_exit_lets_the_next_start_ship_the_picklist(
    servers: DemoServers,
) -> None:
    """The half-done claim: Picqer got the assign, the station closed before the answer came."""
    context = app.build_context(*app.demo_settings(servers))
    number = await first_free(context)
    servers.picqer.add_route_latency("POST", ASSIGN, SLOW_ASSIGN)
    await context.service.open_picklist(number, claim=True)
    await asyncio.sleep(0.5)  # the assign is on its way: Picqer has it and takes its time
    await asyncio.wait_for(context.aclose(), CLOSES_WITHIN)
    servers.picqer.route_latency.clear()
    # Picqer applies the assign the station stopped waiting for (there is no taking a request back): the
    # picklist is held by this station's user, as after any exit with a claimed picklist open.
    await assigned(servers, number)

    context = app.build_context(*app.demo_settings(servers))
    try:
        opened = await context.service.open_picklist(number, claim=True)
        profile = opened.suggested_profile or context.service.profiles[0]
        job = context.service.start(opened, opened.draft(profile, {}))
        await context.service.run(job)
        assert job.step is Step.DONE
        wire = servers.picqer.picklist_by_number(number)
        assert wire is not None and wire["status"] == "closed"
    finally:
        await context.aclose()
