"""The whole flow against the embedded demo servers and the virtual printer, as the app wires it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from packstation import app
from packstation.domain.errors import AlreadyShipped, InvalidShipment, PicklistNotFound
from packstation.domain.picklists import PicklistStatus
from packstation.services.shipping import Step

pytestmark = pytest.mark.usefixtures("data_dir")  # tests/conftest.py: a data folder per test


async def first_open(context: app.AppContext, country: str) -> str:
    async for picklist in context.service.iter_picklists(PicklistStatus.NEW):
        if picklist.delivery.country == country and not picklist.delivery.address_line.endswith("1-3"):
            return picklist.number
    raise AssertionError(f"no open picklist to {country} in the demo data")


async def test_scan_to_closed_picklist_with_label_printed() -> None:
    async with app.open_context(demo=True) as context:
        assert context.demo is not None and context.print_folder is not None
        number = await first_open(context, "NL")
        opened = await context.service.open_picklist(number)
        assert opened.existing == ()
        profile = opened.suggested_profile or context.service.profiles[0]
        job = context.service.start(opened, opened.draft(profile, {}))
        await context.service.run(job)

        assert job.step is Step.DONE
        shipments = context.demo.myparcel.shipments_by_reference(number)
        assert len(shipments) == 1
        assert shipments[0]["barcode"] and job.barcodes == (shipments[0]["barcode"],)
        printed = sorted(context.print_folder.iterdir())
        assert len(printed) == 1 and printed[0].read_bytes().startswith(b"^XA")
        assert Path(job.label_path).read_bytes().startswith(b"%PDF")
        wire = context.demo.picqer.picklist_by_number(number)
        assert wire is not None and wire["status"] == "closed"
        # Demo mode registers the parcel as a Picqer shipment through the embedded relay (issue 13).
        (registered,) = context.demo.picqer.shipments_of(wire["idpicklist"])
        assert registered["trackingcode"] == job.barcodes[0]

        # A second scan of the same picklist shows the shipment and refuses a second label.
        again = await context.service.open_picklist(number)
        assert [s.barcode for s in again.existing] == list(job.barcodes)
        with pytest.raises(AlreadyShipped):
            context.service.start(again, again.draft(profile, {}))


async def test_unknown_scan_and_invalid_options_send_nothing() -> None:
    async with app.open_context(demo=True) as context:
        assert context.demo is not None
        with pytest.raises(PicklistNotFound):
            await context.service.open_picklist("P2024-99999")
        number = await first_open(context, "DE")
        opened = await context.service.open_picklist(number)
        profile = opened.suggested_profile or context.service.profiles[0]
        draft = opened.draft(profile, {}, weight_grams=0)
        with pytest.raises(InvalidShipment):
            context.service.start(opened, draft)
        assert context.demo.myparcel.shipments_by_reference(number) == []


def test_self_test_command_exits_zero(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "packstation", "--demo", "--self-test"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, app.DATA_DIR_ENV: str(tmp_path)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("self-test OK:")


def test_headless_ship_prints_json(tmp_path: Path) -> None:
    env = {**os.environ, app.DATA_DIR_ENV: str(tmp_path)}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "packstation",
            "--demo",
            "ship",
            "P2024-00001",
            "--profile",
            "PostNL standaard",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    payload = json.loads(result.stdout)
    assert payload["ok"] and payload["closed"]
    assert payload["barcodes"][0].startswith("3SMYPA")
    assert Path(payload["label_path"]).read_bytes().startswith(b"%PDF")
    assert payload["print_jobs"] and payload["print_jobs"][0]["printer"]


def test_headless_ship_of_unknown_picklist_says_why(tmp_path: Path) -> None:
    env = {**os.environ, app.DATA_DIR_ENV: str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "packstation", "--demo", "ship", "P2024-99999", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 1
    payload = json.loads(result.stdout)
    assert payload["ok"] is False and "P2024-99999" in payload["error"]


async def test_customs_label_goes_to_the_document_printer_as_a4_pdf() -> None:
    async with app.open_context(demo=True) as context:
        assert context.demo is not None and context.print_folder is not None
        number = await first_open(context, "US")
        opened = await context.service.open_picklist(number)
        draft = opened.draft(opened.suggested_profile or context.service.profiles[0], {})
        assert draft.request.customs is not None and not draft.violations
        job = context.service.start(opened, draft)
        await context.service.run(job)
        assert job.receipt is not None and job.receipt.printer == "Document printer"
        (printed,) = sorted(context.print_folder.iterdir())
        pdf = printed.read_bytes()
        assert printed.suffix == ".pdf" and pdf.startswith(b"%PDF")
        import pypdfium2

        width, height = pypdfium2.PdfDocument(pdf)[0].get_size()
        assert (round(width), round(height)) == (595, 842), "customs labels exist only as A4"
        shipment = context.demo.myparcel.shipments_by_reference(number)[0]
        assert shipment["customs_declaration"]["items"], "MyParcel got the declaration from the order lines"


def test_headless_ship_run_again_finishes_a_shipment_that_stopped_half_way(tmp_path: Path) -> None:
    """The label printer failed after booking: running the same command again prints and closes it, once."""
    from dataclasses import replace

    from packstation import secrets, settings

    server = subprocess.Popen(
        [sys.executable, "-m", "packstation", "demo-server", "--picklists", "10"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert server.stdout is not None
        info: dict[str, str] = {}
        for line in server.stdout:  # key=value lines, then "serving…" while it runs
            if line.startswith("serving"):
                break
            key, _, value = line.strip().partition("=")
            info[key] = value
        config = settings.Settings(
            picqer=settings.PicqerSettings(base_url=info["picqer_url"]),
            myparcel=settings.MyParcelSettings(platform="myparcel", base_url=info["myparcel_url"]),
            label_printer=settings.PrinterSettings(transport="virtual", address=str(tmp_path / "prints")),
            document_printer=settings.PrinterSettings(transport="virtual", address=str(tmp_path / "documents")),
        )
        blocked = tmp_path / "not-a-folder"
        blocked.write_text("a file where the printer's folder should be", encoding="utf-8")
        broken = replace(config, label_printer=settings.PrinterSettings(transport="virtual", address=str(blocked)))
        settings.save(broken, tmp_path / "settings.toml")
        env = {
            **os.environ,
            settings.CONFIG_ENV: str(tmp_path / "settings.toml"),
            app.DATA_DIR_ENV: str(tmp_path / "data"),
            secrets.ENV_VARS[secrets.PICQER]: info["picqer_api_key"],
            secrets.ENV_VARS[secrets.MYPARCEL]: info["myparcel_api_key"],
        }
        command = [
            sys.executable,
            "-m",
            "packstation",
            "ship",
            "P2024-00001",
            "--profile",
            "PostNL standaard",
            "--json",
        ]
        first = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
        assert first.returncode == 1 and json.loads(first.stdout)["step"] == "print"
        settings.save(config, tmp_path / "settings.toml")  # the admin fixes the printer
        again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
        assert again.returncode == 0, again.stderr
        result = json.loads(again.stdout)
        assert result["resumed"] is True and result["profile"] == "PostNL standaard" and result["closed"] is True
        assert len(list((tmp_path / "prints").iterdir())) == 1  # printed once
        assert len(result["shipment_ids"]) == 1  # booked once: the first run's shipment
    finally:
        server.terminate()
        server.wait(10)
