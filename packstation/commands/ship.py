"""`packstation ship PICKLIST`: ship one picklist without a window, for scripts and the self-test."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from typing import TYPE_CHECKING, Any

from packstation.domain.errors import AlreadyShipped, InvalidShipment, PackstationError, PrinterError
from packstation.domain.journal_entry import JournalStep
from packstation.i18n import printer_error_text, text, violation_text

if TYPE_CHECKING:
    from packstation.domain.mapping import Draft
    from packstation.services.shipping import OpenedPicklist, ShipmentJob


def register(subparsers: Any) -> None:
    """Add the `ship` subcommand."""
    parser = subparsers.add_parser(
        "ship",
        help="ship one picklist headless: book, fetch and print the label, close the picklist in Picqer",
    )
    parser.add_argument("picklist", help="the picklist number, e.g. P2024-00123")
    parser.add_argument("--profile", help="shipping profile name (default: the profile linked to the picklist)")
    parser.add_argument("--weight", type=int, metavar="GRAMS", help="parcel weight in grams")
    parser.add_argument("--parcels", type=int, default=1, metavar="N", help="number of parcels (multi-collo)")
    parser.add_argument("--no-print", action="store_true", help="book and save the label, but do not print it")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument(
        "--confirm-address",
        action="store_true",
        help="book an address that can be read in more than one way as packstation splits it (shown first)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Ship the picklist; print the result; return 0 on success, 1 with the reason otherwise."""
    from packstation.domain.limits import MAX_PARCELS, MAX_WEIGHT_GRAMS

    if args.weight is not None and not 0 < args.weight <= MAX_WEIGHT_GRAMS:
        message = f"The weight must be 1 to {MAX_WEIGHT_GRAMS} grams, not {args.weight}."
        return _fail(args, message, step="input", code=2)
    if not 1 <= args.parcels <= MAX_PARCELS:
        return _fail(
            args, f"The number of parcels must be 1 to {MAX_PARCELS}, not {args.parcels}.", step="input", code=2
        )
    return asyncio.run(_ship(args))


async def _ship(args: argparse.Namespace) -> int:
    from packstation.app import open_context
    from packstation.services.shipping import (
        AddressNotConfirmed,
        JobKind,
        NoProfileChosen,
        ShipmentEvent,
        ShipOrder,
        StepFailed,
        StepStarted,
        UnknownProfile,
        address_split,
    )

    step = "start"

    def follow(event: ShipmentEvent) -> None:
        nonlocal step
        if isinstance(event, StepStarted | StepFailed):
            step = event.step.value

    def confirm(opened: OpenedPicklist, draft: Draft) -> bool:
        # The window asks the packer to check the split (Alt+C); headless, the admin does it by flag.
        if args.confirm_address:
            reading = _reading(opened.picklist.delivery.address_line, draft)
            print(f"packstation ship: {opened.picklist.number}: address confirmed: {reading}.", file=sys.stderr)
        return bool(args.confirm_address)

    order = ShipOrder(
        args.picklist,
        profile_name=args.profile,
        weight_grams=args.weight,
        parcels=args.parcels,
        print_label=not args.no_print,
    )
    try:
        # Nothing runs after this command to print a label held for paper: wait for the paper, as before.
        async with open_context(demo=bool(getattr(args, "demo", False)), wait_while_held=True) as context:
            step = "open"
            job = await context.service.ship_or_resume(order, confirm_address=confirm, on_event=follow)
    except UnknownProfile as exc:
        return _fail(args, f"No shipping profile named '{exc.name}'. Available: {', '.join(exc.available)}.", step)
    except NoProfileChosen as exc:
        names = ", ".join(exc.available)
        return _fail(args, f"The picklist names no shipping profile; choose one with --profile ({names}).", step)
    except AddressNotConfirmed as exc:
        number = exc.opened.picklist.number
        reason = (
            f"The address of {number} can be read in more than one way: "
            f"{_reading(exc.opened.picklist.delivery.address_line, exc.draft)}. "
            "Check it; to book it as read, run again with --confirm-address (or correct it in Picqer)."
        )
        return _fail(args, reason, step, extra={"address": address_split(exc.draft)})
    except InvalidShipment as exc:
        return _fail(args, "The shipment breaks carrier rules: " + " ".join(map(violation_text, exc.violations)), step)
    except AlreadyShipped as exc:
        reason = (
            f"{exc.picklist_number} is already shipped ({', '.join(exc.barcodes) or 'no barcode yet'}). "
            f"If this station shipped it, its label is stored: packstation journal --label {exc.picklist_number} "
            "-o label.pdf"
        )
        return _fail(args, reason, step)
    except PrinterError as exc:
        # In the words the window uses for it (what is wrong with which printer, what to do), not the class name.
        return _fail(args, printer_error_text(exc, next_step=text("next.command")), step)
    except PackstationError as exc:
        return _fail(args, f"{type(exc).__name__}: {exc}", step)
    return _done(args, job, str(job.intent.get("profile") or ""), resumed=job.kind is JobKind.RESUME)


def _reading(line: str, draft: Draft) -> str:
    """Return how packstation splits a doubtful address line, and why it is doubtful, in one phrase."""
    from packstation.services.shipping import address_split

    words = {"street": "street", "number": "number", "number_suffix": "addition", "box_number": "box"}
    parts = ", ".join(f"{words[k]} '{v}'" for k, v in address_split(draft).items() if v)
    why = violation_text(draft.split.reason, prefix="split").rstrip(".") if draft.split.reason else ""
    return f"'{line}' is read as {parts}" + (f" ({why})" if why else "")


def _done(args: argparse.Namespace, job: ShipmentJob, profile_name: str, resumed: bool = False) -> int:
    result = {
        "ok": True,
        "picklist": job.picklist.number,
        "resumed": resumed,  # an earlier, unfinished run of this picklist was finished
        "profile": profile_name,
        "address_confirmed": bool(job.intent.get("address_confirmed")),
        "shipment_ids": [s.id for s in job.shipments],
        "barcodes": list(job.barcodes),
        "tracking_url": job.tracking_url,
        "label_path": job.label_path,
        "print_jobs": [{"printer": job.receipt.printer, "job_id": job.receipt.job_id, "detail": job.receipt.detail}]
        if job.receipt
        else [],
        "closed": JournalStep.CLOSED in job.written_back,
        # write-back mode picqer_shipment: the Picqer shipment made for the parcel (None: a comment, or nothing)
        "picqer_shipment_id": job.picqer_shipment_id,
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        printed = f", printed on {job.receipt.printer}" if job.receipt else ", not printed"
        registered = f"; registered in Picqer (shipment {job.picqer_shipment_id})" if job.registered_in_picqer else ""
        print(f"{job.picklist.number}: {', '.join(job.barcodes)}{printed}; label saved at {job.label_path}{registered}")
    return 0


def _fail(
    args: argparse.Namespace, reason: str, step: str, code: int = 1, extra: dict[str, object] | None = None
) -> int:
    if getattr(args, "json", False):
        print(json.dumps({"ok": False, "step": step, "error": reason, **(extra or {})}, indent=2))
    print(f"packstation ship: {reason}", file=sys.stderr)
    return code
