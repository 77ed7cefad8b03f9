"""The carrier's own ZPL end to end: demo MyParcel serves ZPL for PostNL and bpost; DPD still goes through our
PDF -> ZPL converter. Everything as the app wires it (client, service, ZPL printer, virtual transport)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from packstation import app, secrets
from packstation.demo import DemoServers
from packstation.domain.picklists import PicklistStatus
from packstation.domain.profiles import default_profiles, profile_to_dict
from packstation.domain.shipments import Platform
from packstation.printing import zpl_render
from packstation.services.shipping import Step

pytestmark = pytest.mark.usefixtures("data_dir")  # tests/conftest.py: a data folder per test


async def _open_to(context: app.AppContext, country: str) -> str:
    async for picklist in context.service.iter_picklists(PicklistStatus.NEW):
        if picklist.delivery.country == country and not picklist.delivery.address_line.endswith("1-3"):
            return picklist.number
    raise AssertionError(f"no open picklist to {country} in the demo data")


async def _ship(context: app.AppContext, number: str, profile_name: str | None = None):
    opened = await context.service.open_picklist(number)
    profile = opened.suggested_profile or context.service.profiles[0]
    if profile_name is not None:
        profile = next(p for p in context.service.profiles if p.name == profile_name)
    job = context.service.start(opened, opened.draft(profile, {}))
    await context.service.run(job)
    assert job.step is Step.DONE, job.error
    return job


async def test_a_postnl_label_prints_the_carriers_zpl_byte_for_byte() -> None:
    async with app.open_context(demo=True) as context:
        assert context.demo is not None and context.print_folder is not None
        number = await _open_to(context, "NL")
        job = await _ship(context, number)
        (shipment,) = context.demo.myparcel.shipments_by_reference(number)
        served = context.demo.myparcel.zpl_served[shipment["id"]]
        (printed,) = sorted(context.print_folder.iterdir())
        assert printed.read_bytes() == served
        assert job.prepared is not None and job.prepared.from_carrier
        # The check compared the carrier ZPL's render with the PDF: the track-and-trace barcode is in both.
        assert shipment["barcode"] in job.prepared.source_barcodes
        assert not job.prepared.missing_barcodes and job.prepared.previews_png
        # The journal keeps the PDF (Picqer and a paper reprint need it).
        assert Path(job.label_path).read_bytes().startswith(b"%PDF")


async def test_dpd_and_bpost_on_sendmyparcel(tmp_path: Path) -> None:
    servers = DemoServers()
    servers.start()
    try:
        settings, _keys = app.demo_settings(servers)
        settings = replace(
            settings,
            myparcel=replace(settings.myparcel, platform="belgie"),
            profiles=tuple(profile_to_dict(p) for p in default_profiles(Platform.SENDMYPARCEL)),
        )
        keys = secrets.ApiKeys(picqer=servers.picqer_api_key, myparcel=servers.myparcel_be_api_key)
        context = app.build_context(settings, keys, demo=servers)
        try:
            assert context.print_folder is not None
            dpd = await _ship(context, await _open_to(context, "BE"), "DPD")
            (printed,) = sorted(context.print_folder.iterdir())
            payload = printed.read_bytes()
            # DPD has no carrier ZPL: our converter made it (only the app's own commands, a ^GFA graphic).
            assert dpd.prepared is not None and not dpd.prepared.from_carrier
            assert b"^GFA" in payload and zpl_render.allowed_commands_only(payload.decode("ascii")) == ()
            assert servers.myparcel.zpl_served == {}

            bpost = await _ship(context, await _open_to(context, "BE"), "bpost standaard")
            shipment_id = bpost.shipments[0].id
            new = [p for p in sorted(context.print_folder.iterdir()) if p != printed]
            assert [p.read_bytes() for p in new] == [servers.myparcel.zpl_served[shipment_id]]
        finally:
            await context.aclose()
    finally:
        servers.stop()
