"""When the picklists list reads everything again and when it reads only the picklists created since the last read.

A full read of 10,000 NEW picklists is 100 requests; twenty stations doing it every minute would spend four times
Picqer's 500 requests a minute of the whole account. Picqer documents no "changed since" filter for picklists, but
it does document `sinceid` (only picklists with a higher id) and ids grow as picklists are created. So between full
reads a refresh asks `status=<shown status>&sinceid=<highest idpicklist seen>`: the picklists created since, one
request when nothing is new. New rows are added; such a read removes nothing.

What that read cannot see waits for the next full read (every 15 minutes, +-10%): a picklist closed, paused or
cancelled at another bench stays in the list until then, and one that became NEW again with an older id (unsnoozed,
resumed) appears only then. A stale row costs nothing: opening it re-reads the picklist from Picqer, and the packer
is told at once that it is closed or paused (ShippingService.open_picklist, MainWindow._say_not_packable).
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from packstation.domain.picklists import Picklist

log = logging.getLogger(__name__)

FULL_EVERY = 15 * 60.0  # seconds between full reads


@dataclass(frozen=True)
class ReadPlan:
    """What the next refresh asks Picqer: everything (`since_id` None), or the picklists with a higher id."""

    since_id: int | None

    @property
    def full(self) -> bool:
        return self.since_id is None


class RefreshPlanner:
    """Decide full read or new-picklists-only read, and keep the cursor: the highest picklist id Picqer sent.

    A server that ignores `sinceid` is noticed by the first answer whose id is not above the cursor; from then on
    every refresh is a full read, as before.
    """

    def __init__(
        self,
        *,
        full_every: float = FULL_EVERY,
        clock: Callable[[], float] = time.monotonic,
        random: Callable[[], float] = random.random,
    ) -> None:
        self.full_every = full_every
        self._random = random
        self._next_full_after = full_every
        self._clock = clock
        self._scope: Hashable = None  # the filters (status, warehouse) of the last full read
        self._last_full: float | None = None
        self._cursor: int | None = None  # the highest idpicklist seen in this scope
        self._reading: int | None = None  # the highest idpicklist of the read under way
        self.changes_supported = True

    def plan(self, scope: Hashable) -> ReadPlan:
        """Return what to read for these filters now."""
        due = self._last_full is None or self._clock() - self._last_full >= self._next_full_after
        if due or scope != self._scope or self._cursor is None or not self.changes_supported:
            return ReadPlan(since_id=None)
        return ReadPlan(since_id=self._cursor)

    def begin(self) -> None:
        """A read starts: ids seen from now on count towards the next cursor."""
        self._reading = None

    def accepts(self, plan: ReadPlan, picklist: Picklist) -> bool:
        """Note the picklist's id; False when it shows the server ignored `sinceid` (stop this read)."""
        if plan.since_id is not None and picklist.id <= plan.since_id:
            if self.changes_supported:
                log.warning("Picqer ignored sinceid; the picklists list is read in full from now on")
            self.changes_supported = False
            return False
        if self._reading is None or picklist.id > self._reading:
            self._reading = picklist.id
        return True

    def finished(self, plan: ReadPlan, scope: Hashable) -> None:
        """A read completed: move the cursor (never backwards) and, after a full read, restart the interval."""
        if plan.full:
            self._scope = scope
            self._last_full = self._clock()
            # +-10%: stations started together (the morning) do not all read everything in the same minute.
            self._next_full_after = self.full_every * (0.9 + 0.2 * self._random())
            self._cursor = self._reading
        elif self._reading is not None and (self._cursor is None or self._reading > self._cursor):
            self._cursor = self._reading

    def forget(self) -> None:
        """Make the next refresh a full read (another status shown, or a read that failed half-way)."""
        self._last_full = None
        self._cursor = None
