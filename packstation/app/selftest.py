"""`packstation --demo --self-test`: ship one demo picklist through every step without a window."""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time

from packstation.app.wiring import DATA_DIR_ENV, open_context


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
    from packstation.domain.picklists import PicklistStatus
    from packstation.services.shipping import ShipOrder

    async with open_context(demo=True) as context:
        service = context.service
        async for picklist in service.iter_picklists(PicklistStatus.NEW):
            if picklist.delivery.country == "NL":
                break
        else:
            print("self-test FAILED: the demo server has no open Dutch picklist")
            return 1
        # The CLI's path: an unfinished shipment of this picklist is finished, else it is booked.
        job = await service.ship_or_resume(ShipOrder(picklist.number))
        profile_name = job.intent.get("profile", "")
        jobs = sorted(context.print_folder.iterdir()) if context.print_folder else []
        closed = await context.picklists.get_picklist(picklist.id)
        if closed.status is not PicklistStatus.CLOSED or not jobs:
            print(f"self-test FAILED: picklist {picklist.number} is {closed.status.value}, {len(jobs)} print jobs")
            return 1
        registered = [s for s in await context.picklists.list_shipments(picklist.id) if not s.cancelled]
        if len(registered) != 1 or registered[0].tracking_code not in job.barcodes:
            codes = [s.tracking_code for s in registered]
            print(f"self-test FAILED: Picqer has {len(registered)} shipments for {picklist.number} ({codes})")
            return 1
        elapsed = time.perf_counter() - started
        printed = f"to {jobs[-1]}" if keep else f"on the virtual printer ({jobs[-1].stat().st_size:,} bytes)"
        print(
            f"self-test OK: {picklist.number} shipped with {profile_name}, barcode {', '.join(job.barcodes)}, "
            f"label printed {printed}, registered in Picqer as shipment {registered[0].id} through the relay, "
            f"picklist closed ({elapsed:.1f} s)"
        )
        return 0


if __name__ == "__main__":
    sys.exit(self_test())
