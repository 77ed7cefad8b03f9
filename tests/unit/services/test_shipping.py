"""ShippingService against in-memory fakes of its ports: step order, resumption, refusals, write-back."""

from __future__ import annotations

import dataclasses

import pytest

from packstation.domain.errors import (
    AlreadyShipped,
    BarcodeCheckFailed,
    InvalidShipment,
    PackstationError,
    PicklistNotFound,
    PicklistNotPackable,
    PrinterNotReady,
    RequestTimeout,
    ShipmentNotRegistered,
)
from packstation.domain.journal_entry import JournalStep
from packstation.domain.picklists import (
    DeliveryAddress,
    Order,
    Picklist,
    PicklistLine,
    PicklistStatus,
    PicqerShipment,
)
from packstation.domain.profiles import default_profiles
from packstation.domain.shipments import ParcelBox, Platform, Shipment
from packstation.services.shipping import (
    JobKind,
    ShipOrder,
    ShippingService,
    Step,
    StepFailed,
    StepStarted,
    UnknownProfile,
    WriteBackMode,
    WriteBackPolicy,
)
from tests.fakes.carrier import FakeMyParcel
from tests.fakes.picqer import FakePicqer
from tests.fakes.printer import FakePrinter


def make_picklist(number: str = "P2024-00001", status: PicklistStatus = PicklistStatus.NEW) -> Picklist:
    return Picklist(
        id=101,
        number=number,
        status=status,
        delivery=DeliveryAddress(
            name="Jan de Vries",
            address_line="Hoofdstraat 12 A",
            postal_code="1234 AB",
            city="Amsterdam",
            country="NL",
            email="jan@example.nl",
        ),
        lines=(PicklistLine("SKU-1", "Mok", 2, 0, 350),),
        order_id=9,
        weight_grams=700,
        total_products=2,
        total_picked=0,
    )


@pytest.fixture
def parts() -> tuple[FakePicqer, FakeMyParcel, FakePrinter, ShippingService]:
    picqer, myparcel, printer = FakePicqer(make_picklist()), FakeMyParcel(), FakePrinter()
    profiles = default_profiles(Platform.MYPARCEL)
    service = ShippingService(picqer, myparcel, printer, profiles, Platform.MYPARCEL, claim_settle=0.0)  # type: ignore[arg-type]
    return picqer, myparcel, printer, service


async def ship(service: ShippingService) -> tuple:
    opened = await service.open_picklist("P2024-00001")
    draft = opened.draft(service.profiles[0], {})
    return opened, service.start(opened, draft)


async def test_ships_prints_and_closes_in_order(parts) -> None:
    picqer, myparcel, printer, service = parts
    _opened, job = await ship(service)
    seen: list[Step] = []
    await service.run(job, on_event=lambda e: seen.append(e.step if isinstance(e, StepStarted) else job.step))
    assert job.step is Step.DONE
    assert [s for i, s in enumerate(seen) if i == 0 or seen[i - 1] is not s][:7] == list(Step)
    assert myparcel.created == 1
    assert len(printer.sent) == 1
    assert job.barcodes == ("3SMYPA000001000",)
    assert "3SMYPA000001000" in picqer.comments[0] and "https://track.example/" in picqer.comments[0]
    assert picqer.calls[-2:] == ["close", "get_picklist"]
    assert picqer.picklist.status is PicklistStatus.CLOSED


async def test_unknown_picklist_is_reported(parts) -> None:
    service = parts[3]
    with pytest.raises(PicklistNotFound):
        await service.open_picklist("P9999-99999")


async def test_printer_failure_keeps_the_label_and_retry_resumes_without_rebooking(parts) -> None:
    picqer, myparcel, printer, service = parts
    _opened, job = await ship(service)
    printer.not_ready = True
    with pytest.raises(PrinterNotReady):
        await service.run(job)
    assert job.step is Step.PRINT and job.label_pdf is not None
    printer.not_ready = False
    await service.run(job)
    assert job.step is Step.DONE
    assert myparcel.created == 1, "a retry must never book a second shipment"
    assert len(picqer.comments) == 1


async def test_write_back_retry_adds_no_second_comment(parts) -> None:
    picqer, _myparcel, _printer, service = parts
    picqer.fail_close_once = True
    _opened, job = await ship(service)
    with pytest.raises(PicklistNotPackable):
        await service.run(job)
    assert job.step is Step.WRITE_BACK
    await service.run(job)
    assert len(picqer.comments) == 1
    assert picqer.picklist.status is PicklistStatus.CLOSED


async def test_closed_picklist_is_refused_before_booking(parts) -> None:
    picqer, myparcel, _printer, service = parts
    _opened, job = await ship(service)
    picqer.picklist = dataclasses.replace(picqer.picklist, status=PicklistStatus.CLOSED)
    with pytest.raises(PicklistNotPackable):
        await service.run(job)
    assert myparcel.created == 0


async def test_already_shipped_needs_a_reprint_not_a_second_label(parts) -> None:
    _picqer, myparcel, printer, service = parts
    _opened, job = await ship(service)
    await service.run(job)
    opened = await service.open_picklist("P2024-00001")
    assert [s.reference for s in opened.existing] == ["P2024-00001"]
    draft = opened.draft(service.profiles[0], {})
    with pytest.raises(AlreadyShipped):
        service.start(opened, draft)
    reprint = service.start_reprint(opened, draft)
    await service.run(reprint)
    assert myparcel.created == 1
    assert len(printer.sent) == 2


async def test_lost_barcode_stops_before_printing(parts) -> None:
    _picqer, _myparcel, printer, service = parts
    printer.lose_barcode = True
    _opened, job = await ship(service)
    with pytest.raises(BarcodeCheckFailed):
        await service.run(job)
    assert job.step is Step.PREPARE and printer.sent == []


async def test_invalid_draft_is_refused_before_anything_is_sent(parts) -> None:
    _picqer, myparcel, _printer, service = parts
    opened = await service.open_picklist("P2024-00001")
    draft = opened.draft(service.profiles[0], {}, weight_grams=0)
    assert draft.violations
    with pytest.raises(InvalidShipment):
        service.start(opened, draft)
    assert myparcel.created == 0


async def test_write_back_steps_can_be_switched_off(parts) -> None:
    picqer, _myparcel, _printer, service = parts
    service.write_back = WriteBackPolicy(comment=False, pick_all=False, close=False)
    _opened, job = await ship(service)
    await service.run(job)
    assert picqer.comments == [] and "close" not in picqer.calls


async def test_picklist_claimed_by_another_station_is_refused_with_the_holder(parts) -> None:
    picqer, myparcel, _printer, service = parts
    picqer.picklist = dataclasses.replace(picqer.picklist, assigned_user_id=2)
    _opened, job = await ship(service)
    with pytest.raises(PicklistNotPackable) as caught:
        await service.run(job)
    assert caught.value.holder == "Bench Two"
    assert myparcel.created == 0
    job.take_over = True
    await service.run(job)
    assert myparcel.created == 1 and "assign" in picqer.calls


async def test_cancel_releases_the_claim(parts) -> None:
    picqer, _myparcel, _printer, service = parts
    opened, _job = await ship(service)
    picqer.picklist = dataclasses.replace(picqer.picklist, assigned_user_id=1)
    await service.release(opened)
    assert picqer.picklist.assigned_user_id is None


async def test_barcode_read_back_failing_after_printing_retries_without_a_second_label(parts) -> None:
    """The label prints before MyParcel's barcodes are read back; a failed read-back is retried on its own."""
    _picqer, myparcel, printer, service = parts
    original = myparcel.get_shipment
    calls = {"n": 0}

    async def flaky_get_shipment(shipment_id: int) -> Shipment:
        calls["n"] += 1
        if calls["n"] == 1:
            from packstation.domain.errors import ConnectionFailed

            raise ConnectionFailed("MyParcel", "connection reset")
        return await original(shipment_id)

    myparcel.get_shipment = flaky_get_shipment
    _opened, job = await ship(service)
    with pytest.raises(PackstationError):
        await service.run(job)
    assert job.step is Step.PRINT and len(printer.sent) == 1, "printed without waiting for the barcodes"
    await service.run(job)
    assert job.step is Step.DONE and myparcel.created == 1 and len(printer.sent) == 1
    assert job.barcodes, "read back on the retry"


async def test_scan_asks_for_the_order_and_the_myparcel_lookup_at_once(parts) -> None:
    """Each answer waits for the other request to have been sent: asked one after the other, this times out."""
    import asyncio

    picqer, myparcel, _printer, service = parts
    order_asked, lookup_asked = asyncio.Event(), asyncio.Event()
    get_order, find_by_reference = picqer.get_order, myparcel.find_by_reference

    async def slow_order(order_id: int) -> Order:
        order_asked.set()
        await lookup_asked.wait()
        return await get_order(order_id)

    async def slow_lookup(reference: str) -> list[Shipment]:
        lookup_asked.set()
        await order_asked.wait()
        return await find_by_reference(reference)

    picqer.get_order, myparcel.find_by_reference = slow_order, slow_lookup
    opened = await asyncio.wait_for(service.open_picklist("P2024-00001"), timeout=5)
    assert opened.order is not None and opened.order.number == "O2024-00009"
    assert opened.existing == ()


async def test_a_failing_order_read_reports_its_own_error_and_drops_the_lookup(parts) -> None:
    import asyncio

    picqer, myparcel, _printer, service = parts
    lookup_cancelled = asyncio.Event()

    async def broken_order(order_id: int) -> Order:
        await asyncio.sleep(0)
        raise PicklistNotFound("O2024-00009")

    async def endless_lookup(reference: str) -> list[Shipment]:
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            lookup_cancelled.set()
            raise
        return []

    picqer.get_order, myparcel.find_by_reference = broken_order, endless_lookup
    with pytest.raises(PicklistNotFound):
        await asyncio.wait_for(service.open_picklist("P2024-00001"), timeout=5)
    await asyncio.wait_for(lookup_cancelled.wait(), timeout=5)


async def test_a_refusal_before_booking_ends_its_journal_entry_and_a_take_over_opens_a_new_one(parts, tmp_path):
    from packstation.journal import open_journal

    picqer, myparcel, printer, _service = parts
    journal, _problem = open_journal(tmp_path / "journal.sqlite3", tmp_path / "labels", station="bench 1")
    profiles = default_profiles(Platform.MYPARCEL)
    service = ShippingService(picqer, myparcel, printer, profiles, Platform.MYPARCEL, journal=journal, claim_settle=0)  # type: ignore[arg-type]
    try:
        picqer.picklist = dataclasses.replace(picqer.picklist, assigned_user_id=2)  # Bench Two holds it
        _opened, job = await ship(service)
        with pytest.raises(PicklistNotPackable):
            await service.run(job)
        # Nothing was booked: the next start must not offer it as an unfinished shipment.
        assert await journal.unfinished() == []
        (refused,) = await journal.entries()
        assert refused.refused and refused.finished and refused.shipment_ids == ()
        job.take_over = True
        await service.run(job)
        first, taken_over = await journal.entries()
        assert first.id == refused.id and first.steps == refused.steps  # the refusal stays as it was
        assert taken_over.finished and not taken_over.refused and taken_over.shipment_ids
    finally:
        journal.close()


async def test_a_check_that_could_not_reach_picqer_stays_unfinished(parts, tmp_path):
    from packstation.domain.errors import ConnectionFailed
    from packstation.journal import open_journal

    picqer, myparcel, printer, _service = parts
    journal, _problem = open_journal(tmp_path / "journal.sqlite3", tmp_path / "labels", station="bench 1")
    profiles = default_profiles(Platform.MYPARCEL)
    service = ShippingService(picqer, myparcel, printer, profiles, Platform.MYPARCEL, journal=journal, claim_settle=0)  # type: ignore[arg-type]

    async def offline(picklist_id: int) -> Picklist:
        raise ConnectionFailed("Picqer", "network unreachable")

    try:
        _opened, job = await ship(service)
        picqer.get_picklist = offline  # type: ignore[method-assign]
        with pytest.raises(ConnectionFailed):
            await service.run(job)
        (entry,) = await journal.unfinished()  # the packer meant to ship it: it is still to do
        assert not entry.refused
    finally:
        journal.close()


# --- write-back mode picqer_shipment: a Picqer shipment per parcel instead of a comment -------------------

RELAY_PROFILE = 3001
REGISTER = WriteBackPolicy(mode=WriteBackMode.PICQER_SHIPMENT, picqer_profile_id=RELAY_PROFILE)


async def test_picqer_shipment_mode_picks_all_then_makes_one_shipment_then_closes(parts) -> None:
    picqer, myparcel, _printer, service = parts
    service.write_back = REGISTER
    _opened, job = await ship(service)
    await service.run(job)
    assert job.step is Step.DONE and myparcel.created == 1
    assert len(picqer.shipments) == 1 and job.picqer_shipment_id == picqer.shipments[0].id
    assert job.registered_in_picqer
    assert picqer.shipment_bodies == [(RELAY_PROFILE, 700, [])]
    assert picqer.comments == [], "the Picqer shipment replaces the comment"
    order = picqer.calls
    assert order.index("pick_all") < order.index("create_shipment") < order.index("close")
    assert order[-1] == "get_picklist", "the close is confirmed by reading the picklist back"
    assert picqer.picklist.status is PicklistStatus.CLOSED


async def test_multi_collo_sends_one_weight_per_parcel(parts) -> None:
    picqer, _myparcel, _printer, service = parts
    service.write_back = REGISTER
    opened = await service.open_picklist("P2024-00001")
    job = service.start(opened, opened.draft(service.profiles[0], {}, weight_grams=900, parcels=2))
    await service.run(job)
    assert picqer.shipment_bodies == [(RELAY_PROFILE, 1800, [900, 900])]


async def test_multi_collo_of_weighed_boxes_sends_each_box_its_own_weight(parts) -> None:
    picqer, _myparcel, _printer, service = parts
    service.write_back = REGISTER
    opened = await service.open_picklist("P2024-00001")
    draft = opened.draft(service.profiles[0], {}, weight_grams=900, parcels=2)
    boxes = (ParcelBox(2500, (25, 20, 10)), ParcelBox(800, (32, 23, 2)))
    boxed = dataclasses.replace(draft, request=dataclasses.replace(draft.request, weight_grams=2500, boxes=boxes))
    job = service.start(opened, boxed)
    await service.run(job)
    assert picqer.shipment_bodies == [(RELAY_PROFILE, 3300, [2500, 800])]


async def test_the_scanned_boxes_go_to_the_picqer_shipment(parts) -> None:
    picqer, _myparcel, _printer, service = parts
    service.write_back = REGISTER
    opened = await service.open_picklist("P2024-00001")
    draft = opened.draft(service.profiles[0], {}, weight_grams=900, parcels=2)
    boxed = dataclasses.replace(draft, request=dataclasses.replace(draft.request, packaging_ids=(502, 501)))
    job = service.start(opened, boxed)
    await service.run(job)
    assert picqer.shipment_packagings == [[502, 501]]


async def test_a_picklist_picqer_closed_with_the_shipment_is_not_closed_again(parts) -> None:
    picqer, _myparcel, _printer, service = parts
    service.write_back = REGISTER
    picqer.closes_on_shipment = True
    _opened, job = await ship(service)
    await service.run(job)
    assert "close" not in picqer.calls and JournalStep.CLOSED in job.written_back
    assert picqer.calls[picqer.calls.index("create_shipment") + 1 :] == ["get_picklist"]


async def test_a_refused_registration_says_the_relays_words_and_the_retry_makes_one_shipment(parts) -> None:
    picqer, myparcel, printer, service = parts
    service.write_back = REGISTER
    picqer.refuse_shipment = ["The label of P2024-00001 is not booked yet"]
    _opened, job = await ship(service)
    with pytest.raises(ShipmentNotRegistered) as caught:
        await service.run(job)
    assert caught.value.reasons == ("The label of P2024-00001 is not booked yet",)
    assert job.step is Step.WRITE_BACK and picqer.shipments == []
    await service.run(job)  # F12
    assert job.step is Step.DONE and len(picqer.shipments) == 1
    assert myparcel.created == 1 and len(printer.sent) == 1, "the retry makes no second label"


async def test_a_retry_after_a_lost_reply_finds_the_shipment_instead_of_making_another(parts) -> None:
    picqer, _myparcel, _printer, service = parts
    service.write_back = REGISTER
    picqer.lose_shipment_reply = True
    _opened, job = await ship(service)
    with pytest.raises(RequestTimeout):
        await service.run(job)
    assert len(picqer.shipments) == 1  # Picqer made it; the station does not know
    await service.run(job)
    assert job.step is Step.DONE and len(picqer.shipments) == 1
    assert job.picqer_shipment_id == picqer.shipments[0].id
    assert picqer.calls.count("create_shipment") == 1 and "list_shipments" in picqer.calls


async def test_a_job_killed_between_picqers_create_and_its_reply_resumes_with_one_shipment(parts, tmp_path) -> None:
    from packstation.journal import open_journal

    picqer, myparcel, printer, _service = parts
    journal, _problem = open_journal(tmp_path / "journal.sqlite3", tmp_path / "labels", station="bench 1")
    profiles = default_profiles(Platform.MYPARCEL)
    service = ShippingService(
        picqer,
        myparcel,
        printer,
        profiles,
        Platform.MYPARCEL,
        REGISTER,
        journal=journal,
        claim_settle=0,  # type: ignore[arg-type]
    )
    try:
        picqer.lose_shipment_reply = True  # the process dies with the POST answered by nobody
        _opened, job = await ship(service)
        with pytest.raises(RequestTimeout):
            await service.run(job)
        del job  # the station restarts: only the journal remains
        (entry,) = await journal.unfinished()
        assert "printed" in entry.steps and "picqer_shipment" not in entry.steps
        resumed = await service.resume(entry)
        await service.run(resumed)
        assert resumed.step is Step.DONE
        assert len(picqer.shipments) == 1 and picqer.calls.count("create_shipment") == 1
        assert myparcel.created == 1 and len(printer.sent) == 1
        (done,) = await journal.entries()
        assert done.finished and done.picqer_shipment_id == picqer.shipments[0].id
        assert done.steps.count("picqer_shipment") == 1
    finally:
        journal.close()


async def test_a_resumed_job_whose_journal_has_the_shipment_does_not_ask_picqer_again(parts, tmp_path) -> None:
    from packstation.journal import open_journal

    picqer, myparcel, printer, _service = parts
    journal, _problem = open_journal(tmp_path / "journal.sqlite3", tmp_path / "labels", station="bench 1")
    service = ShippingService(
        picqer,
        myparcel,
        printer,
        default_profiles(Platform.MYPARCEL),
        Platform.MYPARCEL,
        REGISTER,  # type: ignore[arg-type]
        journal=journal,
        claim_settle=0,
    )
    try:
        picqer.fail_close_once = True
        _opened, job = await ship(service)
        with pytest.raises(PicklistNotPackable):
            await service.run(job)
        (entry,) = await journal.unfinished()
        assert entry.picqer_shipment_id == picqer.shipments[0].id
        resumed = await service.resume(entry)
        assert resumed.registered_in_picqer
        await service.run(resumed)
        assert resumed.step is Step.DONE and len(picqer.shipments) == 1
        assert picqer.calls.count("create_shipment") == 1 and "list_shipments" not in picqer.calls
    finally:
        journal.close()


async def test_a_resumed_multi_collo_job_registers_each_box_with_its_own_weight(parts, tmp_path) -> None:
    from packstation.journal import open_journal

    picqer, myparcel, printer, _service = parts
    journal, _problem = open_journal(tmp_path / "journal.sqlite3", tmp_path / "labels", station="bench 1")
    profiles = default_profiles(Platform.MYPARCEL)
    service = ShippingService(
        picqer,
        myparcel,
        printer,
        profiles,
        Platform.MYPARCEL,
        REGISTER,  # type: ignore[arg-type]
        journal=journal,
        claim_settle=0,
    )
    try:
        opened = await service.open_picklist("P2024-00001")
        draft = opened.draft(profiles[0], {}, weight_grams=900, parcels=2)
        boxes = (ParcelBox(2500, (25, 20, 10)), ParcelBox(800, (32, 23, 2)))
        boxed = dataclasses.replace(draft, request=dataclasses.replace(draft.request, weight_grams=2500, boxes=boxes))
        picqer.refuse_shipment = ["The label of P2024-00001 is not booked yet"]
        with pytest.raises(ShipmentNotRegistered):
            await service.run(service.start(opened, boxed))
        (entry,) = await journal.unfinished()  # the station restarts: only the journal remains
        resumed = await service.resume(entry)
        assert resumed.request.boxes == boxes
        await service.run(resumed)
        assert picqer.shipment_bodies == [(RELAY_PROFILE, 3300, [2500, 800])]
    finally:
        journal.close()


async def test_a_cancelled_or_foreign_picqer_shipment_does_not_count_as_made(parts) -> None:
    picqer, _myparcel, _printer, service = parts
    service.write_back = REGISTER
    picqer.shipments = [
        PicqerShipment(id=400, profile_id=RELAY_PROFILE, cancelled=True),
        PicqerShipment(id=401, profile_id=1365),
    ]
    _opened, job = await ship(service)
    job.kind = JobKind.RESUME  # as after a crash: it must look first
    await service.run(job)
    assert job.picqer_shipment_id == picqer.shipments[-1].id == 502 and len(picqer.shipments) == 3


async def test_comment_mode_is_unchanged(parts) -> None:
    picqer, _myparcel, _printer, service = parts
    service.write_back = WriteBackPolicy(mode=WriteBackMode.COMMENT, picqer_profile_id=RELAY_PROFILE)
    _opened, job = await ship(service)
    await service.run(job)
    assert len(picqer.comments) == 1 and picqer.shipments == [] and not job.registered_in_picqer


async def test_picqer_shipment_mode_without_a_profile_still_writes_the_comment(parts) -> None:
    picqer, _myparcel, _printer, service = parts
    service.write_back = WriteBackPolicy(mode=WriteBackMode.PICQER_SHIPMENT, picqer_profile_id=None)
    _opened, job = await ship(service)
    await service.run(job)
    assert len(picqer.comments) == 1 and picqer.shipments == []


async def test_an_additional_shipment_keeps_the_comment_in_picqer_shipment_mode(parts) -> None:
    picqer, myparcel, _printer, service = parts
    service.write_back = REGISTER
    _opened, first = await ship(service)
    await service.run(first)
    opened = await service.open_picklist("P2024-00001")
    assert opened.existing
    extra = service.start_additional(opened, opened.draft(service.profiles[0], {}))
    await service.run(extra)
    assert myparcel.created == 2
    assert len(picqer.shipments) == 1, "the relay could not find the second MyParcel shipment"
    assert len(picqer.comments) == 1 and extra.barcodes[0] in picqer.comments[0]
    assert not extra.registered_in_picqer


async def test_the_carriers_zpl_is_asked_before_the_pdf_and_printed_as_sent(parts) -> None:
    _picqer, myparcel, printer, service = parts
    myparcel.carrier_zpl = b"^XA^FO10,10^A0N,30^FDPostNL^FS^XZ"
    _opened, job = await ship(service)
    await service.run(job)
    # bpost makes no ZPL once the PDF exists: the ZPL request comes first.
    assert myparcel.calls == ["zpl", "pdf"]
    assert printer.sent == [myparcel.carrier_zpl]
    assert job.label_pdf is not None and job.label_pdf.startswith(b"%PDF")


async def test_without_carrier_zpl_the_pdf_is_converted(parts) -> None:
    _picqer, _myparcel, printer, service = parts
    _opened, job = await ship(service)
    await service.run(job)
    assert printer.sent and printer.sent[0].startswith(b"^XA%PDF")


# --- claim when the picklist opens; print before the barcodes are read back ------------------------------


async def test_claim_at_open_assigns_at_the_scan_and_f12_only_confirms_it(parts) -> None:
    """F12 re-reads the claim and asks MyParcel at once: each answer waits for the other request to be sent."""
    import asyncio

    picqer, myparcel, _printer, service = parts
    opened = await service.open_picklist("P2024-00001", claim=True)
    await asyncio.sleep(0.01)  # the packer packs; the claim settles meanwhile
    assert picqer.calls == ["assign"] and picqer.picklist.assigned_user_id == 1
    reread, looked_up = asyncio.Event(), asyncio.Event()
    get_picklist, find_by_reference = picqer.get_picklist, myparcel.find_by_reference

    async def slow_reread(picklist_id: int) -> Picklist:
        reread.set()
        await asyncio.wait_for(looked_up.wait(), 1)
        return await get_picklist(picklist_id)

    async def slow_lookup(reference: str) -> list[Shipment]:
        looked_up.set()
        await asyncio.wait_for(reread.wait(), 1)
        return await find_by_reference(reference)

    picqer.get_picklist, myparcel.find_by_reference = slow_reread, slow_lookup  # type: ignore[method-assign]
    job = service.start(opened, opened.draft(service.profiles[0], {}))
    await service.run(job)
    assert job.step is Step.DONE and myparcel.created == 1
    assert picqer.calls.count("assign") == 1, "F12 does not claim a second time"


async def test_claim_at_open_overtaken_by_another_station_refuses_at_f12(parts) -> None:
    import asyncio

    picqer, myparcel, _printer, service = parts
    opened = await service.open_picklist("P2024-00001", claim=True)
    await asyncio.sleep(0.01)
    picqer.picklist = dataclasses.replace(picqer.picklist, assigned_user_id=2)  # the other bench assigned later
    job = service.start(opened, opened.draft(service.profiles[0], {}))
    with pytest.raises(PicklistNotPackable, match="claimed by another station") as refused:
        await service.run(job)
    assert refused.value.holder == "Bench Two" and myparcel.created == 0


async def test_a_failed_claim_at_open_is_made_at_f12(parts) -> None:
    import asyncio

    picqer, myparcel, _printer, service = parts
    assign = picqer.assign
    failures = {"left": 1}

    async def flaky_assign(picklist_id: int, user_id: int) -> None:
        if failures["left"]:
            failures["left"] -= 1
            from packstation.domain.errors import ConnectionFailed

            raise ConnectionFailed("Picqer", "connection reset")
        await assign(picklist_id, user_id)

    picqer.assign = flaky_assign  # type: ignore[method-assign]
    opened = await service.open_picklist("P2024-00001", claim=True)
    await asyncio.sleep(0.01)
    assert picqer.picklist.assigned_user_id is None
    job = service.start(opened, opened.draft(service.profiles[0], {}))
    await service.run(job)
    assert job.step is Step.DONE and picqer.calls.count("assign") == 1 and myparcel.created == 1


async def test_leaving_an_opened_picklist_gives_back_only_the_claim_made_at_open(parts) -> None:
    import asyncio

    picqer, _myparcel, _printer, service = parts
    opened = await service.open_picklist("P2024-00001", claim=True)
    await asyncio.sleep(0.01)
    assert picqer.picklist.assigned_user_id == 1
    await service.leave(opened)
    assert picqer.picklist.assigned_user_id is None
    # Held by this station before it was opened (assigned in Picqer by hand): leaving keeps it.
    picqer.picklist = dataclasses.replace(picqer.picklist, assigned_user_id=1)
    opened = await service.open_picklist("P2024-00001", claim=True)
    await service.leave(opened)
    assert picqer.picklist.assigned_user_id == 1 and picqer.calls.count("assign") == 1


async def test_opening_without_claim_assigns_nothing(parts) -> None:
    picqer, _myparcel, _printer, service = parts
    await service.open_picklist("P2024-00001")
    assert "assign" not in picqer.calls


async def test_the_label_prints_before_its_barcodes_are_read_back(parts) -> None:
    """MyParcel's barcode answer comes only once the label was sent: a flow that waits for it never prints."""
    import asyncio

    _picqer, myparcel, printer, service = parts
    get_shipment = myparcel.get_shipment

    async def read_back_after_printing(shipment_id: int) -> Shipment:
        while not printer.sent:
            await asyncio.sleep(0.001)
        return await get_shipment(shipment_id)

    myparcel.get_shipment = read_back_after_printing  # type: ignore[method-assign]
    _opened, job = await ship(service)
    await asyncio.wait_for(service.run(job), 2)
    assert job.step is Step.DONE and job.barcodes == ("3SMYPA000001000",)
    assert "3SMYPA000001000" in "\n".join(_picqer.comments), "the write-back has the barcode"


async def test_journal_keeps_the_label_path_before_the_barcodes_are_in(parts, tmp_path) -> None:
    """A crash while the label prints leaves an entry with the stored label, so the resume does not book again."""
    import asyncio

    from packstation.journal import SqliteJournal

    picqer, myparcel, printer, _service = parts
    journal = SqliteJournal(tmp_path / "journal.sqlite3", tmp_path / "labels", "bench1")
    profiles = default_profiles(Platform.MYPARCEL)
    service = ShippingService(picqer, myparcel, printer, profiles, Platform.MYPARCEL, journal=journal)  # type: ignore[arg-type]
    release = asyncio.Event()
    get_shipment = myparcel.get_shipment

    async def held_read_back(shipment_id: int) -> Shipment:
        await release.wait()
        return await get_shipment(shipment_id)

    myparcel.get_shipment = held_read_back  # type: ignore[method-assign]
    _opened, job = await ship(service)
    running = asyncio.ensure_future(service.run(job))
    while not printer.sent:
        await asyncio.sleep(0.001)
    (entry,) = await journal.for_picklist("P2024-00001")
    assert entry.label_path and "printed" in entry.steps and entry.barcodes == ()
    release.set()
    await running
    (entry,) = await journal.for_picklist("P2024-00001")
    assert entry.barcodes == ("3SMYPA000001000",)
    journal.close()


async def test_ship_or_resume_finishes_a_shipment_that_stopped_half_way_without_booking_again(parts, tmp_path):
    from packstation.journal import open_journal

    picqer, myparcel, printer, _service = parts
    journal, _problem = open_journal(tmp_path / "journal.sqlite3", tmp_path / "labels", station="bench 1")
    profiles = default_profiles(Platform.MYPARCEL)
    service = ShippingService(picqer, myparcel, printer, profiles, Platform.MYPARCEL, journal=journal, claim_settle=0)  # type: ignore[arg-type]
    try:
        printer.not_ready = True
        heard: list[object] = []
        order = ShipOrder("P2024-00001", profile_name=profiles[0].name.upper())  # names match in any case
        with pytest.raises(PrinterNotReady):
            await service.ship_or_resume(order, on_event=heard.append)
        assert heard[-1] == StepFailed(Step.PRINT, heard[-1].error)  # type: ignore[attr-defined]
        printer.not_ready = False
        job = await service.ship_or_resume(order)
        assert job.kind is JobKind.RESUME and job.step is Step.DONE
        assert myparcel.created == 1 and len(printer.sent) == 1  # one label, booked once, printed once
        assert await journal.unfinished() == []
    finally:
        journal.close()


async def test_ship_or_resume_refuses_an_unknown_profile_before_sending_anything(parts) -> None:
    _picqer, myparcel, _printer, service = parts
    with pytest.raises(UnknownProfile) as refused:
        await service.ship_or_resume(ShipOrder("P2024-00001", profile_name="Pigeon post"))
    assert refused.value.available == tuple(p.name for p in service.profiles)
    assert myparcel.created == 0


# --- closing the service: its background work ends before the clients close -------------------------------


async def test_closing_the_service_cancels_the_claim_still_on_its_way(parts) -> None:
    import asyncio

    picqer, _myparcel, _printer, service = parts
    reached = asyncio.Event()
    ended: list[str] = []

    async def unanswered_assign(picklist_id: int, user_id: int) -> None:
        reached.set()
        try:
            await asyncio.Event().wait()  # Picqer never answers
        finally:
            ended.append("assign")

    picqer.assign = unanswered_assign  # type: ignore[method-assign]
    await service.open_picklist("P2024-00001", claim=True)
    await reached.wait()
    await asyncio.wait_for(service.aclose(), 1)
    assert ended == ["assign"], "the claim ended with the service, not after it"
    assert picqer.picklist.assigned_user_id is None


async def test_closing_the_service_ends_the_give_back_of_a_failed_open(parts) -> None:
    """The open failed after the claim started: the claim is given back in the background; closing ends both."""
    import asyncio

    from packstation.domain.errors import ConnectionFailed

    picqer, _myparcel, _printer, service = parts
    reached = asyncio.Event()

    async def unanswered_assign(picklist_id: int, user_id: int) -> None:
        reached.set()
        await asyncio.Event().wait()

    async def failing_order(order_id: int) -> None:
        await reached.wait()
        raise ConnectionFailed("Picqer", "connection reset")

    picqer.assign = unanswered_assign  # type: ignore[method-assign]
    picqer.get_order = failing_order  # type: ignore[method-assign]
    with pytest.raises(ConnectionFailed):
        await service.open_picklist("P2024-00001", claim=True)
    left = {task for task in asyncio.all_tasks() if task is not asyncio.current_task()}
    assert len(left) == 2  # the claim, and its give-back waiting for it
    await asyncio.wait_for(service.aclose(), 1)
    assert all(task.done() for task in left)
    assert "unassign" not in picqer.calls  # never assigned: nothing to give back
