"""Documents beside the label, end to end against the demo servers as the app wires them: Picqer's packing list
on the document printer (never, always, when the order asks), and the packing stations Picqer keeps printers for."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest

from packstation import app, secrets
from packstation.commands.journal import format_entries
from packstation.demo import DemoServers
from packstation.domain.documents import StationPrinterRole, station_named
from packstation.domain.errors import PackingListNotPrinted, ReturnLabelNotMade
from packstation.domain.journal_entry import JournalEntry
from packstation.domain.picklists import PicklistStatus
from packstation.domain.profiles import default_profiles
from packstation.domain.shipments import Platform, ReturnLabel
from packstation.services.shipping import ShipmentJob, Step
from packstation.settings import PackingListPolicy, PackingListSettings

pytestmark = pytest.mark.usefixtures("data_dir")  # tests/conftest.py: a data folder per test


@pytest.fixture
def servers() -> AsyncIterator[DemoServers]:
    demo = DemoServers()
    demo.start()
    try:
        yield demo
    finally:
        demo.stop()


def _context(servers: DemoServers, packing_list: PackingListSettings) -> app.AppContext:
    settings, _keys = app.demo_settings(servers)
    settings = replace(settings, packing_list=packing_list)
    keys = secrets.ApiKeys(picqer=servers.picqer_api_key, myparcel=servers.myparcel_api_key)
    return app.build_context(settings, keys, demo=servers)


async def _open_numbers(context: app.AppContext, count: int) -> list[str]:
    numbers = []
    async for picklist in context.service.iter_picklists(PicklistStatus.NEW):
        if (
            picklist.delivery.country == "NL"
            and not picklist.tags
            and not picklist.delivery.address_line.endswith("1-3")
        ):
            numbers.append(picklist.number)
        if len(numbers) == count:
            return numbers
    raise AssertionError("not enough open picklists to NL in the demo data")


async def _ship(context: app.AppContext, number: str) -> ShipmentJob:
    opened = await context.service.open_picklist(number)
    profile = opened.suggested_profile or context.service.profiles[0]
    job = context.service.start(opened, opened.draft(profile, {}))
    await context.service.run(job)
    assert job.step is Step.DONE, job.error
    return job


async def _journal_of(context: app.AppContext, number: str) -> list[JournalEntry]:
    journal = context.service._journal  # the one the app built: what an admin reads in the journal view
    assert journal is not None
    return await journal.for_picklist(number)


def _printed(context: app.AppContext) -> list[bytes]:
    assert context.print_folder is not None
    return [p.read_bytes() for p in sorted(context.print_folder.rglob("*")) if p.is_file()]


def _packing_lists(context: app.AppContext) -> list[bytes]:
    # The demo's packing list is a PDF; the label printer gets ZPL, so every PDF printed is a packing list.
    return [data for data in _printed(context) if data.startswith(b"%PDF")]


async def test_always_prints_the_packing_list_after_the_label_and_journals_it(servers: DemoServers) -> None:
    context = _context(servers, PackingListSettings(policy=PackingListPolicy.ALWAYS))
    try:
        (number,) = await _open_numbers(context, 1)
        job = await _ship(context, number)
        assert job.packing_list_problem is None
        (packing_list,) = _packing_lists(context)
        assert number.encode() in packing_list or len(packing_list) > 500
        (entry,) = await _journal_of(context, number)
        assert "packing_list" in entry.steps and entry.finished
    finally:
        await context.aclose()


async def test_never_prints_no_packing_list(servers: DemoServers) -> None:
    context = _context(servers, PackingListSettings(policy=PackingListPolicy.NEVER))
    try:
        (number,) = await _open_numbers(context, 1)
        await _ship(context, number)
        assert _packing_lists(context) == [] and len(_printed(context)) == 1  # the label alone
    finally:
        await context.aclose()


async def test_when_asked_prints_only_for_the_order_that_asks_by_order_field(servers: DemoServers) -> None:
    context = _context(
        servers, PackingListSettings(policy=PackingListPolicy.WHEN_ASKED, tag="Pakbon", order_field_id=302)
    )
    try:
        asking, silent = await _open_numbers(context, 2)
        picklist = servers.picqer.picklist_by_number(asking)
        assert picklist is not None
        for field in servers.picqer.orders[picklist["idorder"]]["orderfields"]:
            if field["idorderfield"] == 302:
                field["value"] = "ja"
        await _ship(context, silent)
        assert _packing_lists(context) == []
        await _ship(context, asking)
        assert len(_packing_lists(context)) == 1
    finally:
        await context.aclose()


async def test_a_packing_list_that_fails_never_blocks_the_label_and_says_what_to_do(servers: DemoServers) -> None:
    context = _context(servers, PackingListSettings(policy=PackingListPolicy.ALWAYS))
    servers.picqer.packing_list_error = 500
    try:
        (number,) = await _open_numbers(context, 1)
        job = await _ship(context, number)  # DONE: label printed, Picqer told, picklist closed
        assert job.receipt is not None and len(_printed(context)) == 1
        assert servers.picqer.picklist_by_number(number)["status"] == "closed"
        problem = job.packing_list_problem
        assert isinstance(problem, PackingListNotPrinted)
        assert problem.picklist_number == number
        assert "packing list" in str(problem) and "print the packing list from Picqer" in str(problem)
        (entry,) = await _journal_of(context, number)
        assert "packing_list_failed" in entry.steps and entry.finished
    finally:
        await context.aclose()


async def test_picqer_packing_stations_name_the_printers_per_role(servers: DemoServers) -> None:
    context = _context(servers, PackingListSettings())
    try:
        stations = await context.picklists.list_packing_stations()
        station = station_named(stations, "paktafel 1")
        assert station is not None
        labels = station.printer(StationPrinterRole.LABELS)
        assert labels is not None and labels.zpl and labels.name == "Zebra GK420d"
        document = station.document_printer()
        assert document is not None and document.name == "Kantoor printer" and document.paper == "a4"
        retouren = station_named(stations, "Retouren")
        assert retouren is not None and retouren.printers == () and retouren.document_printer() is None
    finally:
        await context.aclose()


def _return_context(servers: DemoServers, return_label: ReturnLabel) -> app.AppContext:
    settings, _keys = app.demo_settings(servers)
    profiles = tuple(
        replace(p, return_label=return_label) if p.name == "PostNL standaard" else p
        for p in default_profiles(Platform.MYPARCEL)
    )
    settings = replace(settings, profiles=profiles)
    keys = secrets.ApiKeys(picqer=servers.picqer_api_key, myparcel=servers.myparcel_api_key)
    return app.build_context(settings, keys, demo=servers)


async def _ship_with(context: app.AppContext, number: str, profile_name: str) -> ShipmentJob:
    opened = await context.service.open_picklist(number)
    profile = next(p for p in context.service.profiles if p.name == profile_name)
    job = context.service.start(opened, opened.draft(profile, {}))
    await context.service.run(job)
    assert job.step is Step.DONE, job.error
    return job


def _comments(servers: DemoServers, number: str) -> str:
    picklist = servers.picqer.picklist_by_number(number)
    assert picklist is not None
    return "\n".join(c["body"] for c in servers.picqer.comments.get(picklist["idpicklist"], []))


async def test_a_related_return_label_prints_with_the_outgoing_label(servers: DemoServers) -> None:
    context = _return_context(servers, ReturnLabel.PRINTED)
    try:
        (number,) = await _open_numbers(context, 1)
        job = await _ship_with(context, number, "PostNL standaard")
        assert job.return_problem is None
        (parcel,) = servers.myparcel.shipments_by_reference(number)
        (returned,) = [s for s in servers.myparcel.shipments if s["parent_id"] == parcel["id"]]
        # MyParcel's related return: the customer sends it back to the shop, with a barcode of its own.
        assert returned["sender"]["postal_code"] == parcel["recipient"]["postal_code"]
        assert returned["barcode"] and returned["barcode"] != parcel["barcode"]
        assert job.return_barcode == returned["barcode"]
        assert len(_printed(context)) == 2  # the parcel's label, then the return label
        (entry,) = await _journal_of(context, number)
        assert "return_label" in entry.steps
        assert entry.return_barcode == returned["barcode"]
        assert f"  return:   {returned['barcode']}" in format_entries([entry], Path("journal.sqlite3"))
        # The return's label is kept on disk, but it is a step of the parcel's entry, not an entry of its own
        # that the journal would list (and the window offer to finish) as unfinished.
        journal = context.service._journal
        assert journal is not None
        assert [e.picklist_number for e in await journal.entries()] == [number]
        assert await journal.unfinished() == []
        assert [p.name for p in journal.labels_dir.glob(f"{number}-return_*.pdf")] == [
            f"{number}-return_{returned['id']}.pdf"
        ]
        assert f"Return barcode: {returned['barcode']}" in _comments(servers, number)
    finally:
        await context.aclose()


async def test_a_printerless_return_is_mailed_not_printed(servers: DemoServers) -> None:
    context = _return_context(servers, ReturnLabel.PRINTERLESS)
    try:
        (number,) = await _open_numbers(context, 1)
        job = await _ship_with(context, number, "PostNL standaard")
        assert job.return_problem is None and job.return_printerless
        (parcel,) = servers.myparcel.shipments_by_reference(number)
        (returned,) = [s for s in servers.myparcel.shipments if s["parent_id"] == parcel["id"]]
        assert returned["options"]["printerless_return"] == 1
        assert servers.myparcel.printerless_mailed[returned["id"]] == job.request.recipient.email
        assert len(_printed(context)) == 1  # the parcel's label only
        assert "printerless" in _comments(servers, number) and returned["barcode"] in _comments(servers, number)
    finally:
        await context.aclose()


async def test_a_return_that_cannot_be_booked_never_blocks_the_parcel_and_says_what_to_do(
    servers: DemoServers,
) -> None:
    context = _return_context(servers, ReturnLabel.PRINTED)
    try:
        (number,) = await _open_numbers(context, 1)
        # MyParcel needs the customer's e-mail address for a return: this order has none (a phone number only).
        opened = await context.service.open_picklist(number)
        profile = next(p for p in context.service.profiles if p.name == "PostNL standaard")
        draft = opened.draft(profile, {})
        job = context.service.start(
            opened, replace(draft, request=replace(draft.request, recipient=replace(draft.request.recipient, email="")))
        )
        await context.service.run(job)
        assert job.step is Step.DONE and len(_printed(context)) == 1
        problem = job.return_problem
        assert isinstance(problem, ReturnLabelNotMade) and problem.picklist_number == number
        assert "No return label was made" in str(problem) and "MyParcel's back office" in str(problem)
        assert [s for s in servers.myparcel.shipments if s["parent_id"]] == []
    finally:
        await context.aclose()
