"""When the app tells Python's cycle collector to stop re-scanning what is alive (gc.freeze)."""

from __future__ import annotations

import gc


def keep_out_of_full_collections() -> None:
    """Stop Python's cycle collector from re-scanning what is alive now.

    A full (generation 2) collection walks every tracked object the process holds (10,000 loaded picklists,
    the modules a first label imports, the demo servers) with the GIL held: 30-140 ms measured, a visible stall
    whenever a refresh or a shipment's allocations trigger one. Frozen objects are skipped by later collections
    and still freed by reference counting when nothing refers to them any more (picklist rows, jobs, labels hold
    no reference cycles). Only cyclic garbage that already reached the oldest generation stays; the young
    generations are collected first so that little does.
    """
    gc.collect(1)
    gc.freeze()
