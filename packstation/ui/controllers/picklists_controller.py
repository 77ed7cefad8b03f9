"""Keep the picklists table filled: first load page by page, then refresh on an interval."""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Mapping

import qasync
from PySide6.QtCore import QObject, QTimer, Signal

from packstation.domain.picklists import Picklist, PicklistStatus
from packstation.services.picklist_refresh import ReadPlan, RefreshPlanner
from packstation.services.shipping import ShippingService
from packstation.ui.memory import keep_out_of_full_collections
from packstation.ui.messages import During, Messages
from packstation.ui.models.picklists_model import PicklistsModel
from packstation.ui.tasks import Tasks

log = logging.getLogger(__name__)

BATCH = 100  # rows handed to the model at once during the first load (one Picqer page)


class PicklistsController(QObject):
    """Load picklists from the service into the model; refresh every `refresh_seconds`, never twice at once."""

    loading_changed = Signal(bool)
    progressed = Signal(int)  # picklists received so far in this load
    loaded = Signal(int)  # total after a completed load
    failed = Signal(str)

    def __init__(
        self,
        service: ShippingService,
        model: PicklistsModel,
        messages: Messages,
        *,
        refresh_seconds: int = 60,
        warehouse_id: int | None = None,
        profile_names: Mapping[int, str] | None = None,
        planner: RefreshPlanner | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.model = model
        self.messages = messages
        self.status: PicklistStatus | None = PicklistStatus.NEW
        self.warehouse_id = warehouse_id
        self.planner = planner or RefreshPlanner()  # full read or only the picklists created since the last read
        self._loading = False
        self._stopped = False
        self._tasks = Tasks()
        self._timer = QTimer(self)
        self._timer.setInterval(max(5, refresh_seconds) * 1000)
        self._timer.timeout.connect(self.refresh)
        # Picqer's own names for its profile ids win; the station's profile names fill the gaps.
        self._own_names = {pid: p.name for p in service.profiles for pid in p.picqer_profile_ids}
        self.set_profile_names(profile_names or {})

    def set_profile_names(self, names: Mapping[int, str]) -> None:
        """Name Picqer profile ids (from Picqer's shipping providers) in the preferred-profile column."""
        self.model.set_profile_names({**self._own_names, **names})

    async def load_profile_names(self) -> None:
        """Ask the service for Picqer's profile names, when it offers `picqer_profile_names()`."""
        fetch = getattr(self.service, "picqer_profile_names", None)
        if fetch is None:
            return
        try:
            names = fetch()
            if inspect.isawaitable(names):
                names = await names
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the ids stay visible as "#1365"; the list itself still loads
            log.warning("Picqer profile names could not be loaded: %s", exc)
            return
        self.set_profile_names(names)

    @property
    def loading(self) -> bool:
        return self._loading

    def start(self) -> None:
        """Load now (from the event loop, as tasks cannot start before it runs) and then on the interval."""
        if self._stopped:
            # Its window closed before the loop got to this start (a station rebuilt and closed at once): an
            # interval started now would fire after the loop is gone.
            return
        QTimer.singleShot(0, self.refresh)
        QTimer.singleShot(0, self._load_names)
        self._timer.start()

    @qasync.asyncSlot()
    async def _load_names(self) -> None:
        await self.load_profile_names()

    def stop(self) -> None:
        """Stop refreshing for good (the window closes); a start() still on its way does nothing."""
        self._stopped = True
        self._timer.stop()

    def set_status(self, status: PicklistStatus | None) -> None:
        """Load picklists of another status (None: all)."""
        if status != self.status:
            self.status = status
            self.model.replace([])
            self.refresh()

    def shipped(self, number: str) -> None:
        """Drop a picklist that was just shipped and closed."""
        if self.status is PicklistStatus.NEW:
            self.model.remove(number)

    @qasync.asyncSlot()
    async def refresh(self) -> None:
        """Add the picklists created since the last read to the model (every 15 minutes: read everything), page by page.

        Every page is a background request: a scan or a shipment at this station never waits behind the list.
        """
        if self._loading:
            return
        self._tasks.adopt()
        self._set_loading(True)
        status, scope = self.status, (self.status, self.warehouse_id)
        plan = self.planner.plan(scope)
        self.planner.begin()
        try:
            if plan.full:
                complete: bool | None = await self._read_all(status, plan)
            else:
                complete = await self._read_changes(status, plan)
                if complete is None:  # Picqer ignored sinceid: read everything instead
                    plan = self.planner.plan(scope)
                    self.planner.begin()
                    complete = await self._read_all(status, plan)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.warning("Loading picklists failed: %s", exc)
            self.failed.emit(self.messages.error(exc, During.LOAD))
            return
        finally:
            self._set_loading(False)
        if not complete:
            # The filter changed while loading: this result is stale, load the new status now.
            QTimer.singleShot(0, self.refresh)
            return
        self.planner.finished(plan, scope)
        keep_out_of_full_collections()
        self.loaded.emit(self.model.rowCount())

    async def _read_all(self, status: PicklistStatus | None, plan: ReadPlan) -> bool:
        """Read every page of `status` into the model, then drop the picklists no page held; False if stale."""
        received: set[str] = set()
        # Pages go in as they come (changed rows update in place, new ones are added), so no event-loop turn
        # handles more than a page: one diff of 10,000 rows at the end blocked the window for tens of ms.
        batch: list[Picklist] = []
        try:
            async for picklist in self.service.iter_picklists(
                status=status, warehouse_id=self.warehouse_id, background=True
            ):
                if status != self.status:
                    return False  # the filter changed while loading: stop feeding stale rows
                self.planner.accepts(plan, picklist)
                received.add(picklist.number)
                batch.append(picklist)
                if len(batch) >= BATCH:
                    self.model.append(batch)
                    batch = []
                    # Page by page, so no full collection during a long first load walks the rows loaded so far.
                    keep_out_of_full_collections()
                    self.progressed.emit(len(received))
        except Exception:
            if batch and status == self.status:
                self.model.append(batch)
            raise
        if status != self.status:
            return False
        self.model.append(batch)
        self.model.retain(received)
        return True

    async def _read_changes(self, status: PicklistStatus | None, plan: ReadPlan) -> bool | None:
        """Add the picklists of `status` created since the last read (ids above the cursor); remove nothing.

        Return False if the status filter changed meanwhile, None if Picqer ignored `sinceid`. A picklist closed
        or paused elsewhere stays until the next full read (see services/picklist_refresh.py).
        """
        batch: list[Picklist] = []
        try:
            async for picklist in self.service.iter_picklists(
                status=status, warehouse_id=self.warehouse_id, since_id=plan.since_id, background=True
            ):
                if status != self.status:
                    return False
                if not self.planner.accepts(plan, picklist):
                    return None
                batch.append(picklist)
                if len(batch) >= BATCH:
                    self.model.append(batch)
                    batch = []
        finally:
            if status == self.status:
                self.model.append(batch)
        return True

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    async def close(self) -> None:
        """Cancel the background work still running and wait for it (the window closes or the app exits)."""
        await self._tasks.close()
