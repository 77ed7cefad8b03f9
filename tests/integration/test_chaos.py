"""Nothing lost, nothing twice: the shipping flow under injected faults, crashes and a second station.

Each seeded run ships a few picklists against one DemoServers while Picqer and MyParcel answer 429/5xx,
drop connections, lose replies and go slow, the printer runs out of paper or loses its USB cable, and the
app is killed at a step or in the middle of a request and restarted on the same data folder. The invariants
(see chaos_support.ChaosRun.check) must hold after every run; a failure names the seed and its faults.
Replay one: `.venv/bin/python bench/chaos.py --runs 1 --seed SEED --printer virtual|usb`.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from packstation.domain.errors import AlreadyShipped, PackstationError, PicklistNotPackable
from packstation.services.shipping import ShipmentJob, Step
from tests.integration.chaos_support import (
    SECOND_USER_ID,
    ChaosRun,
    GatedPicklists,
    PrinterRig,
    Station,
)

SEEDS = range(8)


def _failure(run: ChaosRun) -> str:
    report = run.report
    return "\n".join(["invariants broken:", *report.violations, "replay:", report.replay()])


@pytest.mark.parametrize("seed", SEEDS)
async def test_random_faults_lose_nothing_and_double_nothing(seed: int, tmp_path: Path) -> None:
    printer = "usb" if seed % 2 else "virtual"
    # Every fault kind, including the ones that once broke the invariants (multi-collo, racing stations,
    # lost replies): their fixes are what these seeds keep honest.
    run = ChaosRun(seed, tmp_path, printer=printer, shipments=4, race=seed % 3 == 0, known_bugs=True)
    report = await run.run()
    assert report.ok, _failure(run)
    # A racing pair counts as two attempts on one picklist.
    assert report.shipments == 4 + (seed % 3 == 0) and sum(report.faults.values()) > 0, report.replay()


# --- fixed scenarios --------------------------------------------------------------------------------


async def _ship_one(run: ChaosRun, station: Station, number: str, parcels: int = 1, note: str = "") -> ShipmentJob:
    opened = await station.service.open_picklist(number)
    profile = opened.suggested_profile or station.service.profiles[0]
    draft = opened.draft(profile, {}, parcels=parcels)
    assert not draft.violations, draft.violations
    run.record_attempt(number, opened.picklist.id, draft.request.parcel_references, [note or "scripted"])
    return station.service.start(opened, draft, profile=profile)


@contextlib.asynccontextmanager
async def _scenario(
    tmp_path: Path, printer: str = "virtual", wrap: Callable[[Any], Any] | None = None
) -> AsyncIterator[tuple[ChaosRun, str]]:
    """Start one DemoServers and station 1 (`run.station`); yield the run and a shippable picklist."""
    run = ChaosRun(0, tmp_path, printer=printer, shipments=0, race=False)
    run.servers.start()
    try:
        run.station = Station(run.servers, run.data_dir, run.rig, wrap=wrap)
        yield run, (await run.candidates(run.station))[0]
    finally:
        if run.station is not None:
            await run.station.aclose()
        run.servers.stop()


async def _check(run: ChaosRun) -> None:
    assert run.station is not None
    await run.station.aclose()
    run.station = None
    await run.check()


async def _retry_until_done(station: Station, job: ShipmentJob, tries: int = 4) -> None:
    for attempt in range(tries):
        try:
            await station.service.run(job)
            return
        except PackstationError:
            if attempt == tries - 1:
                raise
            await asyncio.sleep(0.05)


async def test_usb_cable_pulled_mid_label_fails_the_job_then_one_label_after_replug(tmp_path: Path) -> None:
    async with _scenario(tmp_path, printer="usb") as (run, number):
        assert run.station is not None
        job = await _ship_one(run, run.station, number)
        run.rig.unplug_after(500)  # mid-label: the carrier ZPL of a PostNL label is ~2 KB
        with pytest.raises(PackstationError):
            await run.station.service.run(job)
        assert job.step is Step.PRINT
        entry = (await run.station.journal.for_picklist(number))[-1]
        assert "print_failed" in entry.steps and entry.print_error
        assert run.rig.printed() == {}  # 500 bytes are no label
        run.rig.replug()
        await run.station.service.run(job)
        await _check(run)
        assert run.report.ok, _failure(run)
        assert run.rig.printed()[job.barcodes[0]] == 1


async def test_app_killed_while_myparcel_books_resumes_without_a_second_shipment(tmp_path: Path) -> None:
    async with _scenario(tmp_path) as (run, number):
        assert run.station is not None
        job = await _ship_one(run, run.station, number, note="killed during POST /shipments")
        assert await run.kill_during(job, "myparcel", "POST", r"^/shipments$")
        assert myparcel_count(run, number) == 1  # booked although the app died waiting for the answer
        await run.finish_unfinished()
        await _check(run)
        assert run.report.ok, _failure(run)


@pytest.mark.parametrize("step", [Step.LABEL, Step.PRINT, Step.WRITE_BACK])
async def test_app_killed_at_a_step_resumes_from_the_journal(step: Step, tmp_path: Path) -> None:
    async with _scenario(tmp_path) as (run, number):
        assert run.station is not None
        job = await _ship_one(run, run.station, number, note=f"kill before {step}")
        assert await run.kill_at(job, step)
        await run.finish_unfinished()
        await _check(run)
        assert run.report.ok, _failure(run)


async def test_second_station_is_refused_once_the_first_has_claimed(tmp_path: Path) -> None:
    async with _scenario(tmp_path) as (run, number):
        assert run.station is not None
        second_rig = PrinterRig("virtual", tmp_path / "printer-2")
        second = Station(run.servers, tmp_path / "station-2", second_rig, name="station-2", user_id=SECOND_USER_ID)
        try:
            first_job = await _ship_one(run, run.station, number)
            opened = await second.service.open_picklist(number)
            profile = opened.suggested_profile or second.service.profiles[0]
            second_job = second.service.start(opened, opened.draft(profile, {}), profile=profile)
            # Station 1 has claimed the picklist (checked) before station 2 presses ship.
            first_task = asyncio.ensure_future(run.station.service.run(first_job))
            while first_job.step is Step.CHECK and not first_task.done():
                await asyncio.sleep(0.001)
            with pytest.raises(PicklistNotPackable, match="claimed by another station"):
                await second.service.run(second_job)
            await first_task
        finally:
            await second.aclose()
        run.second_rig = second_rig
        run.attempts[-1].race = True
        await _check(run)
        assert run.report.ok, _failure(run)
        assert second_rig.printed() == {}


def myparcel_count(run: ChaosRun, reference: str) -> int:
    return len(run.servers.myparcel.shipments_by_reference(reference))


# --- bugs the chaos runs found, now fixed: each scenario stays as a regression test ------------------


async def test_lost_reply_to_the_tracking_comment_does_not_post_it_twice(tmp_path: Path) -> None:
    async with _scenario(tmp_path) as (run, number):
        assert run.station is not None
        job = await _ship_one(run, run.station, number, note="picqer POST comments lose_reply")
        run.servers.picqer.faults.inject("lose_reply", method="POST", path=r"/comments$", times=1)
        await _retry_until_done(run.station, job)
        await _check(run)
        assert run.report.ok, _failure(run)


async def test_timeout_while_myparcel_is_still_booking_makes_one_shipment(tmp_path: Path) -> None:
    async with _scenario(tmp_path) as (run, number):
        assert run.station is not None
        job = await _ship_one(run, run.station, number, note="myparcel POST /shipments timeout (1 s)")
        # The server needs 1 s for this POST; the client gives up after 0.3 s (in production: 30 s).
        run.servers.myparcel.faults.inject("slow", method="POST", path=r"^/shipments$", times=1, seconds=1.0)
        await _retry_until_done(run.station, job)
        await asyncio.sleep(1.0)  # the first POST finishes
        await _check(run)
        assert myparcel_count(run, number) == 1, _failure(run)


async def test_multi_collo_job_killed_after_printing_is_not_printed_again(tmp_path: Path) -> None:
    async with _scenario(tmp_path) as (run, number):
        assert run.station is not None
        job = await _ship_one(run, run.station, number, parcels=2, note="2 parcels, kill before write_back")
        assert await run.kill_at(job, Step.WRITE_BACK)
        await run.finish_unfinished()
        await _check(run)
        assert run.report.ok, _failure(run)


async def test_label_step_failing_after_the_pdf_was_saved_keeps_the_barcodes_in_the_journal(tmp_path: Path) -> None:
    async with _scenario(tmp_path) as (run, number):
        assert run.station is not None
        job = await _ship_one(run, run.station, number, note="GET /shipments/{id} fails in the label step")

        def fail_reading_back(current: ShipmentJob) -> None:
            if current.step is Step.LABEL and current.error is None:
                run.servers.myparcel.faults.inject("empty", method="GET", path=r"^/shipments/\d+$", times=1)

        with pytest.raises(PackstationError):
            await run.station.service.run(job, fail_reading_back)
        await run.restart()
        await run.finish_unfinished()
        await _check(run)
        assert run.report.ok, _failure(run)


async def test_two_stations_scanning_one_picklist_at_once_print_one_label(tmp_path: Path) -> None:
    second_read, first_claimed = asyncio.Event(), asyncio.Event()
    # Station 1 claims only after station 2 read the picklist unassigned; station 2 assigns only after station 1
    # re-read its own claim: what two packers get when both scan within a few hundred milliseconds.
    async with _scenario(tmp_path, wrap=lambda s: GatedPicklists(s, assign_after=second_read)) as (run, number):
        assert run.station is not None
        second_rig = PrinterRig("virtual", tmp_path / "printer-2")
        second_rig.seen = run.rig.seen
        second = Station(
            run.servers,
            tmp_path / "station-2",
            second_rig,
            name="station-2",
            user_id=SECOND_USER_ID,
            wrap=lambda s: GatedPicklists(s, read=second_read, assign_after=first_claimed),
        )
        try:
            jobs = [await _ship_one(run, s, number) for s in (run.station, second)]
            del run.attempts[1:]
            run.attempts[0].race = True

            def on_first_step(job: ShipmentJob) -> None:
                if job.step is Step.CREATE:
                    first_claimed.set()

            results = await asyncio.gather(
                run.station.service.run(jobs[0], on_first_step), second.service.run(jobs[1]), return_exceptions=True
            )
        finally:
            await second.aclose()
        run.second_rig = second_rig
        await _check(run)
        # The station whose claim was overtaken is refused: by the claim itself, or by the other station's
        # shipment it finds right before booking.
        refused = [r for r in results if isinstance(r, PicklistNotPackable | AlreadyShipped)]
        assert run.report.ok and len(refused) == 1, _failure(run) + f"\nresults: {results}"


async def test_two_stations_claiming_one_picklist_when_they_scan_it_print_one_label(tmp_path: Path) -> None:
    """Both scans assign the picklist in the background (the claim at open); both packers press F12 at once."""
    async with _scenario(tmp_path) as (run, number):
        assert run.station is not None
        second_rig = PrinterRig("virtual", tmp_path / "printer-2")
        second_rig.seen = run.rig.seen
        second = Station(run.servers, tmp_path / "station-2", second_rig, name="station-2", user_id=SECOND_USER_ID)
        try:
            stations = (run.station, second)
            opened = await asyncio.gather(*(s.service.open_picklist(number, claim=True) for s in stations))
            profile = opened[0].suggested_profile or run.station.service.profiles[0]
            jobs = [s.service.start(o, o.draft(profile, {})) for s, o in zip(stations, opened, strict=True)]
            run.record_attempt(number, opened[0].picklist.id, jobs[0].request.parcel_references, ["claimed at open"])
            run.attempts[0].race = True
            results = await asyncio.gather(
                *(s.service.run(j) for s, j in zip(stations, jobs, strict=True)), return_exceptions=True
            )
        finally:
            await second.aclose()
        run.second_rig = second_rig
        await _check(run)
        refused = [r for r in results if isinstance(r, PicklistNotPackable | AlreadyShipped)]
        assert run.report.ok and len(refused) == 1, _failure(run) + f"\nresults: {results}"
