"""`packstation --demo --self-test`: ship one demo picklist through every step without a window."""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from typing import TYPE_CHECKING

from packstation.app.wiring import DATA_DIR_ENV, AppContext, open_context

if TYPE_CHECKING:
    from packstation.domain.picklists import Picklist


def self_test() -> int:
    """Ship one demo picklist through every step without a window; print one line; 0 on success.

    Its journal, label and print job go to $PACKSTATION_DATA_DIR when that is set (and stay there), else to
    a temporary folder that is removed afterwards: checking a station must not leave files behind.
    """
    started = time.perf_counter()
    if os.environ.get(DATA_DIR_ENV):
        return _run_self_test(started, keep=True)
    with tempfile.TemporaryDirectory(prefix="packstation-selftest-", ignore_cleanup_errors=True) as folder:
        os.environ[DATA_DIR_ENV] = folder
        try:
            return _run_self_test(started, keep=False)
        finally:
            del os.environ[DATA_DIR_ENV]


def _run_self_test(started: float, *, keep: bool) -> int:
    try:
        return asyncio.run(_self_test(started, keep=keep))
    except Exception as exc:  # the self-test must always end with a reason, never a traceback
        print(f"self-test FAILED: {type(exc).__name__}: {exc}")
        return 1


async def _self_test(started: float, *, keep: bool) -> int:
    from packstation.services.shipping import ShipOrder

    async with open_context(demo=True) as context:
        picklist = await _open_dutch_picklist(context)
        if picklist is None:
            print("self-test FAILED: the demo server has no open Dutch picklist")
            return 1
        # The CLI's path: an unfinished shipment of this picklist is finished, else it is booked.
        job = await context.service.ship_or_resume(ShipOrder(picklist.number))
        jobs = sorted(context.print_folder.iterdir()) if context.print_folder else []
        problem, registered = await _check_picqer(context, picklist, job.barcodes, len(jobs))
        if problem:
            print(f"self-test FAILED: {problem}")
            return 1
        elapsed = time.perf_counter() - started
        printed = f"to {jobs[-1]}" if keep else f"on the virtual printer ({jobs[-1].stat().st_size:,} bytes)"
        print(
            f"self-test OK: {picklist.number} shipped with {job.intent.get('profile', '')}, barcode "
            f"{', '.join(job.barcodes)}, label printed {printed}, registered in Picqer as shipment {registered} "
            f"through the relay, picklist closed ({elapsed:.1f} s)"
        )
        return 0


async def _open_dutch_picklist(context: AppContext) -> Picklist | None:
    from packstation.domain.picklists import PicklistStatus

    async for picklist in context.service.iter_picklists(PicklistStatus.NEW):
        if picklist.delivery.country == "NL":
            return picklist
    return None


async def _check_picqer(
    context: AppContext, picklist: Picklist, barcodes: tuple[str, ...], print_jobs: int
) -> tuple[str, int]:
    """Return what is wrong in Picqer after the shipment ("" when nothing) and the Picqer shipment's id."""
    from packstation.domain.picklists import PicklistStatus

    closed = await context.picklists.get_picklist(picklist.id)
    if closed.status is not PicklistStatus.CLOSED or not print_jobs:
        return f"picklist {picklist.number} is {closed.status.value}, {print_jobs} print jobs", 0
    registered = [s for s in await context.picklists.list_shipments(picklist.id) if not s.cancelled]
    if len(registered) != 1 or registered[0].tracking_code not in barcodes:
        codes = [s.tracking_code for s in registered]
        return f"Picqer has {len(registered)} shipments for {picklist.number} ({codes})", 0
    return "", registered[0].id


if __name__ == "__main__":
    sys.exit(self_test())
