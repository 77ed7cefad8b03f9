"""Controllers on the Qt loop over the real ShippingService with fake ports."""

from __future__ import annotations

import asyncio

from packstation.domain.documents import PackingListPolicy, PackingListRule
from packstation.domain.errors import PrinterNotReady
from packstation.domain.picklists import PicklistStatus
from packstation.services.picklist_refresh import RefreshPlanner
from packstation.services.shipping import PackerChoices
from packstation.ui.controllers.picklists_controller import PicklistsController
from packstation.ui.controllers.shipping_controller import ShippingController
from packstation.ui.messages import Messages
from packstation.ui.models.picklists_model import PicklistsModel


class Recorder:
    """Collect a controller's signals as (name, args)."""

    def __init__(self, controller, *names: str) -> None:
        self.events: list[tuple[str, tuple]] = []
        for name in names:
            getattr(controller, name).connect(lambda *args, _n=name: self.events.append((_n, args)))

    def of(self, name: str) -> list[tuple]:
        return [args for n, args in self.events if n == name]


def controller_for(station) -> ShippingController:
    return ShippingController(station.service, Messages("en"))


def draft_for(controller: ShippingController):
    profile = controller.opened.suggested_profile or controller.profiles()[0]
    return controller.draft(PackerChoices(profile, {}))


async def test_open_picklist_reports_it_with_the_suggested_profile(station, wait_for):
    controller = controller_for(station)
    seen = Recorder(controller, "picklist_opened", "failed")
    controller.open_picklist("P2024-00123")
    await wait_for(lambda: seen.events)
    (opened,) = seen.of("picklist_opened")[0]
    assert opened.picklist.number == "P2024-00123"
    assert opened.suggested_profile is not None and opened.suggested_profile.name == "PostNL standaard"


async def test_a_new_scan_cancels_the_lookup_in_flight(station, wait_for):
    controller = controller_for(station)
    seen = Recorder(controller, "picklist_opened", "failed")
    station.picqer.gates["P2024-00123"] = asyncio.Event()  # the first lookup hangs
    controller.open_picklist("P2024-00123")
    await wait_for(lambda: "P2024-00123" in station.picqer.lookups)
    controller.open_picklist("P2024-00124")
    await wait_for(lambda: seen.events)
    station.picqer.gates["P2024-00123"].set()
    await asyncio.sleep(0.05)
    assert [args[0].picklist.number for args in seen.of("picklist_opened")] == ["P2024-00124"]
    assert controller.opened.picklist.number == "P2024-00124"


async def test_unknown_picklist_says_so_in_words(station, wait_for):
    controller = controller_for(station)
    seen = Recorder(controller, "picklist_opened", "failed")
    controller.open_picklist("P9999-99999")
    await wait_for(lambda: seen.events)
    assert seen.of("failed") == [("There is no picklist “P9999-99999”. Check the number and scan again.",)]


async def test_ship_runs_every_step_and_reports_done(station, wait_for):
    controller = controller_for(station)
    seen = Recorder(
        controller, "picklist_opened", "step_changed", "shipment_done", "failed", "label_fetched", "label_prepared"
    )
    controller.open_picklist("P2024-00123")
    await wait_for(lambda: seen.of("picklist_opened"))
    controller.ship(draft_for(controller))
    await wait_for(lambda: seen.of("shipment_done") or seen.of("failed"))
    assert seen.of("failed") == []
    (job,) = seen.of("shipment_done")[0]
    assert job.barcodes == ("3SMYPA000000900",)
    assert station.printer.sent == ["P2024-00123"]
    final = {}
    for step, state, _detail in seen.of("step_changed"):
        final[step] = state
    assert final == dict.fromkeys(["check", "create", "label", "prepare", "print", "write_back"], "done")
    assert seen.of("label_fetched") and seen.of("label_prepared")
    assert not controller.busy


async def test_a_packing_list_that_cannot_print_is_told_after_the_parcel_shipped(station, wait_for):
    # The station has no document printer: the label prints, the picklist ships, and the packer hears which
    # document did not come out and what to do (in Dutch too).
    station.service.packing_list = PackingListRule(PackingListPolicy.ALWAYS)
    controller = ShippingController(station.service, Messages("nl"))
    seen = Recorder(controller, "picklist_opened", "shipment_done", "failed", "documents_problem")
    controller.open_picklist("P2024-00123")
    await wait_for(lambda: seen.of("picklist_opened"))
    controller.ship(draft_for(controller))
    await wait_for(lambda: seen.of("documents_problem") or seen.of("failed"))
    assert seen.of("failed") == [] and station.printer.sent == ["P2024-00123"]
    (job,) = seen.of("shipment_done")[0]
    assert job.packing_list_problem is not None
    ((text,),) = seen.of("documents_problem")
    assert text.startswith("De pakbon van P2024-00123 is niet geprint") and "print de pakbon vanuit Picqer" in text


async def test_printer_failure_retries_from_the_failed_step_without_a_second_label(station, wait_for):
    controller = controller_for(station)
    seen = Recorder(controller, "picklist_opened", "step_changed", "shipment_done", "failed")
    station.printer.fail.append(PrinterNotReady("Zebra ZD421", "not ready", ("paper out",)))
    controller.open_picklist("P2024-00123")
    await wait_for(lambda: seen.of("picklist_opened"))
    controller.ship(draft_for(controller))
    await wait_for(lambda: seen.of("failed"))
    (message,) = seen.of("failed")[0]
    assert "paper out" in message and "F12" in message
    assert ("print", "failed", message) in seen.of("step_changed")
    assert controller.can_retry and controller.failed_step == "print"
    controller.retry()
    await wait_for(lambda: seen.of("shipment_done"))
    assert len(station.carrier.created) == 1
    assert station.printer.sent == ["P2024-00123"]


async def test_a_scan_while_shipping_is_next_and_opens_once_the_shipment_is_done(station, wait_for):
    controller = controller_for(station)
    seen = Recorder(controller, "picklist_opened", "shipment_done", "scan_refused", "next_queued", "busy_changed")
    station.carrier.gate = asyncio.Event()
    controller.open_picklist("P2024-00123")
    await wait_for(lambda: seen.of("picklist_opened"))
    controller.ship(draft_for(controller))
    await wait_for(lambda: controller.busy)
    controller.open_picklist("P2024-00123")  # the one being shipped: nothing to queue
    await wait_for(lambda: seen.of("scan_refused"))
    assert "Still shipping P2024-00123" in seen.of("scan_refused")[0][0]
    controller.open_picklist("P2024-00124")
    await wait_for(lambda: seen.of("next_queued"))
    assert seen.of("next_queued") == [("P2024-00124",)] and controller.next_number == "P2024-00124"
    assert station.picqer.lookups == ["P2024-00123"]  # not looked up while shipping
    station.carrier.gate.set()
    await wait_for(lambda: len(seen.of("picklist_opened")) == 2)
    assert seen.of("picklist_opened")[1][0].picklist.number == "P2024-00124"
    assert [name for name, _args in seen.events if name in ("shipment_done", "picklist_opened")] == [
        "picklist_opened",
        "shipment_done",
        "picklist_opened",
    ]
    assert seen.of("busy_changed") == [(True,), (False,)] and controller.next_number is None


async def test_picklists_controller_fills_and_refreshes_the_model(station, wait_for):
    messages = Messages("en")
    model = PicklistsModel(messages)
    # Every refresh a full read (the 15-minute one): only a full read drops a picklist closed elsewhere; the reads
    # of new picklists in between are tested in test_picklists_refresh.py.
    planner = RefreshPlanner(full_every=0.0)
    controller = PicklistsController(station.service, model, messages, refresh_seconds=60, planner=planner)
    seen = Recorder(controller, "loaded", "failed")
    controller.refresh()
    await wait_for(lambda: seen.of("loaded"))
    assert model.rowCount() == 12
    assert model.index(0, 5).data() == "PostNL standaard"  # Picqer profile 7 is linked to it
    import dataclasses

    first = station.picqer.picklists["P2024-00123"]
    station.picqer.picklists["P2024-00123"] = dataclasses.replace(first, status=PicklistStatus.CLOSED)
    controller.refresh()
    await wait_for(lambda: len(seen.of("loaded")) == 2)
    assert model.rowCount() == 11 and model.row_of("P2024-00123") is None


async def test_picklists_controller_reports_a_failed_load(station, wait_for):
    from packstation.domain.errors import ConnectionFailed

    messages = Messages("en")
    model = PicklistsModel(messages)
    controller = PicklistsController(station.service, model, messages)
    seen = Recorder(controller, "loaded", "failed")
    station.picqer.fail["iter_picklists"] = ConnectionFailed("Picqer", "refused")
    controller.refresh()
    await wait_for(lambda: seen.events)
    assert seen.of("failed") == [
        ("Picqer cannot be reached. Check the network cable or Wi-Fi. The list tries again by itself.",)
    ]
    assert not controller.loading


async def test_leaving_a_picklist_refused_by_myparcel_gives_back_the_claim(station, wait_for):
    from packstation.domain.errors import ApiMessage, Rejected

    controller = controller_for(station)
    seen = Recorder(controller, "picklist_opened", "failed")

    async def refuse(request, *, looked_up=False):
        raise Rejected("MyParcel", 422, (ApiMessage("Invalid house number", 3503),))

    station.carrier.create = refuse
    controller.open_picklist("P2024-00123")
    await wait_for(lambda: seen.of("picklist_opened"))
    claimed_id = controller.opened.picklist.id
    controller.ship(draft_for(controller))
    await wait_for(lambda: seen.of("failed"))
    held = next(p for p in station.picqer.picklists.values() if p.id == claimed_id)
    assert held.assigned_user_id is not None, "booking claims the picklist for this station"
    number = next(n for n in station.picqer.picklists if n != "P2024-00123")
    controller.open_picklist(number)
    await wait_for(lambda: len(seen.of("picklist_opened")) == 2)
    held = next(p for p in station.picqer.picklists.values() if p.id == claimed_id)
    assert held.assigned_user_id is None, "nothing was booked, so the other stations may take it"


async def test_a_scan_claims_the_picklist_and_scanning_the_next_one_gives_it_back(station, wait_for):
    controller = controller_for(station)
    seen = Recorder(controller, "picklist_opened", "failed")
    controller.open_picklist("P2024-00123")
    await wait_for(lambda: seen.of("picklist_opened"))
    first = controller.opened.picklist.id

    def holder(picklist_id: int) -> int | None:
        return next(p for p in station.picqer.picklists.values() if p.id == picklist_id).assigned_user_id

    await wait_for(lambda: holder(first) is not None)  # claimed while the packer packs, before any F12
    number = next(n for n in station.picqer.picklists if n != "P2024-00123")
    controller.open_picklist(number)
    await wait_for(lambda: len(seen.of("picklist_opened")) == 2)
    await wait_for(lambda: holder(first) is None)  # left without shipping: free for the other benches
    assert holder(controller.opened.picklist.id) is not None


async def test_loaded_picklists_stay_out_of_full_collections_and_are_still_freed(station, wait_for):
    """A full cycle collection over 10,000 rows stalls the window ~100 ms: loaded rows are frozen out of it."""
    import dataclasses
    import gc
    import weakref

    messages = Messages("en")
    model = PicklistsModel(messages)
    # Every refresh a full read: the second one drops the row closed elsewhere (see the test above).
    planner = RefreshPlanner(full_every=0.0)
    controller = PicklistsController(station.service, model, messages, refresh_seconds=60, planner=planner)
    seen = Recorder(controller, "loaded")
    try:
        controller.refresh()
        await wait_for(lambda: seen.of("loaded"))
        shown = model.picklist(model.row_of("P2024-00123"))
        # Frozen: in no generation the collector walks, so a full collection does not visit it.
        assert gc.get_freeze_count() > 0
        assert not any(o is shown for generation in range(3) for o in gc.get_objects(generation))
        gone = weakref.ref(shown)
        del shown
        first = station.picqer.picklists["P2024-00123"]
        station.picqer.picklists["P2024-00123"] = dataclasses.replace(first, status=PicklistStatus.CLOSED)
        del first
        controller.refresh()
        await wait_for(lambda: len(seen.of("loaded")) == 2)
        assert model.row_of("P2024-00123") is None
        assert gone() is None  # frozen, yet freed by reference counting once its row went
    finally:
        gc.unfreeze()


async def test_a_finished_shipment_leaves_what_it_loaded_out_of_full_collections(station, wait_for):
    import gc

    controller = controller_for(station)
    seen = Recorder(controller, "picklist_opened", "shipment_done", "failed")
    gc.unfreeze()
    try:
        controller.open_picklist("P2024-00123")
        await wait_for(lambda: seen.of("picklist_opened"))
        controller.ship(draft_for(controller))
        await wait_for(lambda: seen.of("shipment_done") or seen.of("failed"))
        await asyncio.sleep(0)
        (job,) = seen.of("shipment_done")[0]
        assert gc.get_freeze_count() > 0
        assert not any(o is job for generation in range(3) for o in gc.get_objects(generation))
    finally:
        gc.unfreeze()
