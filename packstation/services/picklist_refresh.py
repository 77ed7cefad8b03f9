"""When the picklists list reads everything again and when it reads only what Picqer changed since the last read.

A full read of 10,000 NEW picklists is 100 requests; twenty stations doing it every minute would spend four times
Picqer's 500 requests a minute of the whole account. Between full reads a refresh asks Picqer only for picklists
updated after the newest `updated` stamp it has seen (minus an overlap): one request when nothing changed. Those
answers carry every status, so a picklist closed at another bench leaves the list at the next refresh; the rare full
read drops what left without a changed stamp (deleted, moved to another warehouse).
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import datetime, timedelta

from packstation.domain.picklists import Picklist

log = logging.getLogger(__name__)

FULL_EVERY = 15 * 60.0  # seconds between full reads
# Picqer stamps to the second, and a change may be written just after a read that saw later stamps: read the last
# minute again every time (a few picklists at most; a read of changes is one request until 100 changed).
OVERLAP = timedelta(seconds=60)


@dataclass(frozen=True)
class ReadPlan:
    """What the next refresh asks Picqer: everything (`since` None), or what changed after `since`."""

    since: datetime | None

    @property
    def full(self) -> bool:
        return self.since is None


class RefreshPlanner:
    """Decide full read or changes-only read, and keep the cursor from the stamps Picqer sent.

    The cursor is only ever a Picqer stamp (never this machine's clock), so a station whose clock is off still
    asks the right question. A server that ignores `updated_after` is noticed by the first answer older than the
    cursor; from then on every refresh is a full read, as before.
    """

    def __init__(
        self,
        *,
        full_every: float = FULL_EVERY,
        overlap: timedelta = OVERLAP,
        clock: Callable[[], float] = time.monotonic,
        random: Callable[[], float] = random.random,
    ) -> None:
        self.full_every = full_every
        self._random = random
        self._next_full_after = full_every
        self.overlap = overlap
        self._clock = clock
        self._scope: Hashable = None  # the filters (status, warehouse) of the last full read
        self._last_full: float | None = None
        self._cursor: datetime | None = None  # the newest stamp seen
        self._reading: datetime | None = None  # the newest stamp of the read under way
        self._started = 0.0
        # How long the last read took: a picklist already read may change while later pages are read, with a
        # stamp older than the newest one those pages show; the next read looks back this much further.
        self._lag = 0.0
        self.changes_supported = True

    def plan(self, scope: Hashable) -> ReadPlan:
        """Return what to read for these filters now."""
        due = self._last_full is None or self._clock() - self._last_full >= self._next_full_after
        if due or scope != self._scope or self._cursor is None or not self.changes_supported:
            return ReadPlan(since=None)
        return ReadPlan(since=self._cursor - timedelta(seconds=self._lag) - self.overlap)

    def begin(self) -> None:
        """A read starts: stamps seen from now on count towards the next cursor."""
        self._reading = None
        self._started = self._clock()

    def accepts(self, plan: ReadPlan, picklist: Picklist) -> bool:
        """Note the picklist's stamp; False when it shows the server ignored `updated_after` (stop this read)."""
        stamp = picklist.updated
        if plan.since is not None and (stamp is None or stamp <= plan.since):
            if self.changes_supported:
                log.warning("Picqer ignored updated_after; the picklists list is read in full from now on")
            self.changes_supported = False
            return False
        if stamp is not None and (self._reading is None or stamp > self._reading):
            self._reading = stamp
        return True

    def finished(self, plan: ReadPlan, scope: Hashable) -> None:
        """A read completed: move the cursor (never backwards) and, after a full read, restart the interval."""
        now = self._clock()
        self._lag = max(0.0, now - self._started)
        if plan.full:
            self._scope = scope
            self._last_full = now
            # +-10%: stations started together (the morning) do not all read everything in the same minute.
            self._next_full_after = self.full_every * (0.9 + 0.2 * self._random())
            self._cursor = self._reading
        elif self._reading is not None and (self._cursor is None or self._reading > self._cursor):
            self._cursor = self._reading

    def forget(self) -> None:
        """Make the next refresh a full read (another status shown, or a read that failed half-way)."""
        self._last_full = None
        self._cursor = None
