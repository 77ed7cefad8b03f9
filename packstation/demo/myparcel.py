"""Fake MyParcel.nl / SendMyParcel.be Core API (docs/api-notes.md §5-§14): shipments, labels, track & trace."""

from __future__ import annotations

import base64
import binascii
import copy
import hashlib
import re
from datetime import datetime
from typing import Any

from packstation.demo import myparcel_rules
from packstation.demo.http import DemoApp, Reply, Request, RouteFn, json_reply, match_route

DEMO_NL_KEY = "demo-myparcel-nl-key-41d2"
DEMO_BE_KEY = "demo-sendmyparcel-be-key-8e07"
SHIPMENT_TYPE = "application/vnd.shipment+json"
RETURN_TYPE = "application/vnd.return_shipment+json"  # related returns (MyParcel reference §6.B.3)
# Where the demo shop's returns go (a related return's recipient is the shop; its sender, the parent's recipient).
SHOP_ADDRESS = {
    "cc": "NL",
    "postal_code": "2131BC",
    "city": "Hoofddorp",
    "street": "Siriusdreef",
    "number": "66",
    "person": "Demo Webshop",
    "company": "Demo Webshop B.V.",
}
# The carrier's own ZPL label (MyParcel reference §6.F.1; "application/vnd.zpl" is accepted too).
ZPL_ACCEPT = "application/vnd.shipment_label+zpl"
ACCOUNTS = {"myparcel": (101, 1001), "belgie": (202, 2002)}  # platform -> (account_id, shop_id)
BASE_PRICE = {1: 695, 2: 415, 3: 96, 4: 235}


def _now() -> str:
    return datetime.now().strftime("%Y-%m-%d %H:%M:%S")


class MyParcelState(DemoApp):
    """In-memory MyParcel server with two accounts (platform derived from the API key)."""

    server_name = "myparcel"

    def __init__(
        self,
        *,
        api_key: str = DEMO_NL_KEY,
        be_api_key: str = DEMO_BE_KEY,
        rate_limit: int = 100,
        rate_window: float = 60.0,
        rate_limits: bool = True,
        latency: float = 0.0,
    ) -> None:
        super().__init__(rate_limit=rate_limit, rate_window=rate_window, rate_limits=rate_limits, latency=latency)
        self.keys = {api_key: "myparcel", be_api_key: "belgie"}
        self.shipments: list[dict[str, Any]] = []
        self.pdfs: dict[str, bytes] = {}
        # Shipments whose PDF label was made: bpost gives no ZPL after that (MyParcel reference §6.F.1).
        self.pdf_made: set[int] = set()
        self.zpl_served: dict[int, bytes] = {}  # shipment id -> the carrier ZPL served for it
        # Printerless returns whose code MyParcel "mailed" when their label was made: return id -> e-mail address.
        self.printerless_mailed: dict[int, str] = {}
        self._next_id = 90_000_001
        self._next_barcode = 0
        self._platform = "myparcel"  # account of the request being routed (set under the lock)
        ids = r"(?P<ids>\d+(?:;\d+)*)"
        self._routes: list[tuple[str, re.Pattern[str], RouteFn]] = [
            ("GET", re.compile(r"/"), self._root),
            ("POST", re.compile(r"/shipments"), self._create),
            ("GET", re.compile(r"/shipments"), self._search),
            ("GET", re.compile(rf"/shipments/{ids}"), self._get),
            ("DELETE", re.compile(rf"/shipments/{ids}"), self._delete),
            ("GET", re.compile(rf"/shipment_labels/{ids}"), self._labels),
            ("GET", re.compile(r"/pdfs/(?P<digest>[0-9a-f]+)"), self._pdf),
            ("GET", re.compile(rf"/tracktraces/{ids}"), self._tracktraces),
        ]

    # -- helpers for tests --------------------------------------------------------------------------

    def shipments_by_reference(self, reference: str) -> list[dict[str, Any]]:
        """Return all shipments (any account) with this reference_identifier."""
        with self.lock:
            return [s for s in self.shipments if s["reference_identifier"] == reference]

    def shipment(self, shipment_id: int) -> dict[str, Any] | None:
        """Return one stored shipment by id."""
        with self.lock:
            return next((s for s in self.shipments if s["id"] == shipment_id), None)

    # -- server hooks -----------------------------------------------------------------------------

    def error_reply(self, status: int, message: str, *, code: int | None = None) -> Reply:
        """MyParcel error body {"message", "errors": [{"code", "message", "human", "fields"}]}."""
        errors = [{"code": code, "message": message, "human": [message], "fields": []}] if code else []
        return json_reply(status, {"message": message, "errors": errors})

    def rate_limited_reply(self, retry_after: float) -> Reply:
        """429 Too Many Requests with Retry-After."""
        reply = self.error_reply(429, "Too Many Requests: rate limit of the MyParcel API reached")
        reply.headers["Retry-After"] = str(max(1, round(retry_after)))
        return reply

    def fault_reply(self, kind: str, seconds: float) -> Reply | None:
        """The "402" fault: a prepaid account has not paid this label yet."""
        if kind != "402":
            return None
        instructions = {
            "id": "8a1c2f",
            "hash": "a5f4c0b0d9e7",
            "invoices": [{"id": 7001, "number": "F2024-7001", "status": 1}],
            "type": 1,
            "notification_hash": "c1d2e3",
            "original_notification_hash": "c1d2e3",
            "payment_url": "https://backoffice.myparcel.nl/payment/a5f4c0b0d9e7",
            "paid": 0,
            "price": {"amount": 695, "currency": "EUR"},
        }
        body = json_reply(402, {"message": "Payment Required", "data": {"payment_instructions": [instructions]}})
        return body

    def check_headers(self, request: Request) -> Reply | None:
        """Require `basic base64(key)` of a known account and a User-Agent (not for `/` and `/pdfs/`)."""
        if request.path == "/" or request.path.startswith("/pdfs/"):
            return None
        auth = (request.headers.get("Authorization") or "").strip()
        scheme, _, token = auth.partition(" ")
        key = None
        if scheme.lower() in {"basic", "bearer"} and token:
            try:
                key = base64.b64decode(token.strip(), validate=True).decode("utf-8")
            except (binascii.Error, UnicodeDecodeError):
                key = None
        if key not in self.keys:
            return json_reply(
                401,
                {
                    "message": "Access Denied.",
                    "errors": [
                        {
                            "status": 401,
                            "code": 3000,
                            "title": "Access Denied.",
                            "message": "Access Denied.",
                            "human": ["Check that the API key is attached as: Authorization: basic base64(API key)"],
                        }
                    ],
                },
            )
        if not (request.headers.get("User-Agent") or "").strip():
            return self.error_reply(400, "A User-Agent header is required", code=3212)
        return None

    def route(self, request: Request) -> Reply:
        """Dispatch to the endpoint for the caller's account."""
        found = match_route(self._routes, request)
        if found is None:
            return self.error_reply(404, "Invalid route", code=3105)
        if isinstance(found, str):  # "method": the path exists, not with this method
            return self.error_reply(405, "Method not allowed", code=3105)
        fn, params = found
        auth = (request.headers.get("Authorization") or " ").partition(" ")[2].strip()
        try:
            key = base64.b64decode(auth).decode("utf-8") if auth else ""
        except (binascii.Error, UnicodeDecodeError):
            key = ""
        with self.lock:
            self._platform = self.keys.get(key, "myparcel")
            return fn(request, **params)

    # -- endpoints --------------------------------------------------------------------------------

    def _root(self, request: Request) -> Reply:
        return json_reply(200, {"title": "MyParcel API", "status": "OK"})

    def _mine(self) -> list[dict[str, Any]]:
        return [s for s in self.shipments if s["platform"] == self._platform]

    def _by_ids(self, ids: str) -> list[dict[str, Any]] | None:
        wanted = [int(i) for i in ids.split(";")]
        mine = {s["id"]: s for s in self._mine()}
        if any(i not in mine for i in wanted):
            return None
        return [mine[i] for i in wanted]

    def _create(self, request: Request) -> Reply:
        content_type = (request.headers.get("Content-Type") or "").replace(" ", "").lower()
        parts = content_type.split(";")
        versioned = "version=1.1" in parts
        if parts[0] == RETURN_TYPE and "charset=utf-8" in parts:
            return self._create_returns(request)
        if parts[0] != SHIPMENT_TYPE or (self._platform == "myparcel" and not versioned):
            return self.error_reply(
                415, f"Invalid content type: use {SHIPMENT_TYPE};charset=utf-8;version=1.1", code=3100
            )
        if "charset=utf-8" not in parts:
            return self.error_reply(415, "Invalid character set: content must be sent with charset=utf-8", code=3101)
        try:
            body = request.json()
        except ValueError:
            return self.error_reply(400, "Malformed JSON body", code=3212)
        shipments = ((body or {}).get("data") or {}).get("shipments") if isinstance(body, dict) else None
        if not isinstance(shipments, list) or not shipments:
            return self.error_reply(422, "data.shipments is required", code=3212)
        problems = []
        for i, shipment in enumerate(shipments):
            problems += myparcel_rules.validate(shipment, self._platform, f"data.shipments[{i}]")
        if problems:
            return json_reply(422, {"message": "Shipment validation error", "errors": [p.wire() for p in problems]})
        ids = []
        for shipment in shipments:
            main = self._store(shipment, None)
            ids.append({"id": main["id"], "reference_identifier": main["reference_identifier"]})
            for secondary in shipment.get("secondary_shipments") or []:
                self._store({**shipment, **secondary, "secondary_shipments": None}, main)
        return json_reply(200, {"data": {"ids": ids}})

    def _create_returns(self, request: Request) -> Reply:
        """Related returns: each names a registered parent of this account; its label is fetched like any other."""
        try:
            body = request.json()
        except ValueError:
            return self.error_reply(400, "Malformed JSON body", code=3212)
        returns = ((body or {}).get("data") or {}).get("return_shipments") if isinstance(body, dict) else None
        if not isinstance(returns, list) or not returns:
            return self.error_reply(422, "data.return_shipments is required", code=3212)
        parents = []
        for sent in returns:
            parent = next((s for s in self._mine() if s["id"] == sent.get("parent")), None)
            if parent is None:
                return self.error_reply(422, "Invalid parent: shipment not found", code=3754)
            if parent["status"] == 1:
                return self.error_reply(422, "Parent shipment cannot be a concept", code=3754)
            if not str(sent.get("name") or "").strip() or not str(sent.get("email") or "").strip():
                return self.error_reply(422, "name and email are required for a return shipment", code=3212)
            carrier = int(sent.get("carrier") or parent["carrier_id"])
            if carrier != (2 if self._platform == "belgie" else 1):
                return self.error_reply(422, "Return shipments are not available for this carrier", code=3728)
            options = sent.get("options") or {}
            if options.get("printerless_return") and (carrier != 1 or parent["recipient"]["cc"] != "NL"):
                return self.error_reply(
                    422, "printerless_return is only available for PostNL returns within the Netherlands", code=3705
                )
            parents.append((parent, sent, carrier))
        ids = []
        for parent, sent, carrier in parents:
            stamp = _now()
            shipment = {
                **copy.deepcopy(parent),
                "id": self._next_id,
                "parent_id": parent["id"],
                "shipment_type": 1,
                "reference_identifier": None,
                "recipient": dict(SHOP_ADDRESS),
                "sender": {**copy.deepcopy(parent["recipient"]), "email": sent["email"], "person": sent["name"]},
                "options": {"package_type": 1, **copy.deepcopy(sent.get("options") or {})},
                "carrier_id": carrier,
                "status": 1,
                "barcode": None,
                "customs_declaration": None,
                "secondary_shipments": None,
                "multi_collo_main_shipment_id": None,
                "created": stamp,
                "modified": stamp,
            }
            self._next_id += 1
            self.shipments.append(shipment)
            ids.append({"id": shipment["id"], "reference_identifier": None})
        return json_reply(200, {"data": {"ids": ids}})

    def _store(self, sent: dict[str, Any], main: dict[str, Any] | None) -> dict[str, Any]:
        account_id, shop_id = ACCOUNTS[self._platform]
        options = copy.deepcopy(sent["options"]) if main is None else copy.deepcopy(main["options"])
        price = BASE_PRICE.get(int(options.get("package_type", 1)), 695)
        cc = sent["recipient"]["cc"]
        dest = myparcel_rules.destination(cc, self._platform)
        mandatory = myparcel_rules.mandatory_insurance(dest)
        if self._platform == "myparcel" and mandatory and int(options.get("package_type", 1)) == 1:
            options.setdefault("insurance", {"amount": mandatory, "currency": "EUR"})
        if dest != "domestic":
            price += 700 if cc in myparcel_rules.EU else 1800
        stamp = _now()
        shipment = {
            "id": self._next_id,
            "parent_id": None,
            "account_id": account_id,
            "shop_id": shop_id,
            "platform": self._platform,
            "shipment_type": 1,
            "reference_identifier": sent.get("reference_identifier") or (main or {}).get("reference_identifier"),
            "recipient": copy.deepcopy(sent["recipient"]),
            "sender": None,
            "options": options,
            "carrier_id": int(sent["carrier"]),
            "status": 1,
            "barcode": None,
            "price": {"amount": price, "currency": "EUR"},
            "pickup": copy.deepcopy(sent.get("pickup")),
            "physical_properties": copy.deepcopy(sent.get("physical_properties")),
            "customs_declaration": copy.deepcopy(sent.get("customs_declaration")),
            "general_settings": copy.deepcopy(sent.get("general_settings")),
            "secondary_shipments": None,
            "multi_collo_main_shipment_id": main["id"] if main else None,
            "created": stamp,
            "modified": stamp,
        }
        self._next_id += 1
        self.shipments.append(shipment)
        return shipment

    def _wire(self, shipment: dict[str, Any]) -> dict[str, Any]:
        wire = copy.deepcopy(shipment)
        if shipment["multi_collo_main_shipment_id"] is None:
            secondaries = [
                copy.deepcopy(s) for s in self.shipments if s["multi_collo_main_shipment_id"] == shipment["id"]
            ]
            wire["secondary_shipments"] = secondaries or None
        return wire

    def _search(self, request: Request) -> Reply:
        items = self._mine()
        reference = request.arg("reference_identifier")
        if reference is not None:
            items = [s for s in items if s["reference_identifier"] == reference]
        status = request.arg("status")
        if status:
            wanted = {int(x) for x in status.split(";") if x.isdigit()}
            items = [s for s in items if s["status"] in wanted]
        q = (request.arg("q") or "").lower()
        if q:
            items = [s for s in items if q in str(s).lower()]
        try:
            page = int(request.arg("page") or 1)
            size = int(request.arg("size") or 30)
        except ValueError:
            return self.error_reply(422, "Invalid query parameter: page or size", code=3200)
        if not 1 <= page <= 1000:
            return self.error_reply(422, "Invalid query parameter: page", code=3200)
        if not 30 <= size <= 200:
            return self.error_reply(422, "Invalid query parameter: size", code=3201)
        window = items[(page - 1) * size : page * size]
        return json_reply(
            200,
            {
                "data": {
                    "search_results": {
                        "shipments": [self._wire(s) for s in window],
                        "page": page,
                        "size": size,
                        "results": len(items),
                    }
                }
            },
        )

    def _get(self, request: Request, ids: str) -> Reply:
        found = self._by_ids(ids)
        if found is None:
            # MyParcel answers unknown ids with an empty list, not a 404 (recorded sample shipments__06).
            found = [s for s in self._mine() if str(s["id"]) in ids.split(";")]
        return json_reply(200, {"data": {"shipments": [self._wire(s) for s in found], "results": len(found)}})

    def _delete(self, request: Request, ids: str) -> Reply:
        found = self._by_ids(ids)
        if found is None or any(s["status"] != 1 for s in found):
            return self.error_reply(
                422, "Cannot delete shipment: only concept shipments (status 1) can be deleted", code=3723
            )
        doomed = {s["id"] for s in found}
        doomed |= {s["id"] for s in self.shipments if s["multi_collo_main_shipment_id"] in doomed}
        self.shipments = [s for s in self.shipments if s["id"] not in doomed]
        return Reply(204, b"")

    def _barcode(self, carrier: int) -> str:
        self._next_barcode += 1
        n = self._next_barcode
        if carrier == 2:
            return f"3232{n:020d}"
        if carrier == 4:
            return f"0{5232000000000 + n:013d}"
        if carrier == 8:
            return f"1Z9DEMO{n:011d}"
        if carrier == 5:
            return f"IBX{n:09d}"
        return f"3SMYPA{n:09d}"

    def _labels(self, request: Request, ids: str) -> Reply:
        found = self._by_ids(ids)
        if found is None:
            return self.error_reply(404, "Cannot generate shipment label: shipment not found", code=3758)
        paper = (request.arg("format") or "A4").upper()
        if paper not in {"A4", "A6"}:
            return self.error_reply(422, f"Invalid shipment label paper format '{paper}' (A4 or A6)", code=3709)
        raw_positions = request.arg("positions")
        positions: list[int] = []
        if raw_positions:
            try:
                positions = [int(p) for p in raw_positions.split(";")]
            except ValueError:
                positions = [0]
            if any(p not in (1, 2, 3, 4) for p in positions):
                return self.error_reply(422, "Invalid shipment label position (1-4)", code=3708)
        labelled: list[dict[str, Any]] = []
        for shipment in found:
            colli = [shipment] + [s for s in self.shipments if s["multi_collo_main_shipment_id"] == shipment["id"]]
            labelled += [s for s in colli if s not in labelled]
        if paper == "A6" and any(s["customs_declaration"] for s in labelled):
            return self.error_reply(422, "Labels with a customs form can only be requested in A4 format", code=3709)
        for shipment in labelled:
            if shipment["barcode"] is None:
                shipment["barcode"] = self._barcode(shipment["carrier_id"])
            if (shipment["options"] or {}).get("printerless_return"):
                self.printerless_mailed[shipment["id"]] = shipment["sender"]["email"]
            if shipment["status"] == 1:
                shipment["status"] = 2
            shipment["modified"] = _now()
        accept = (request.headers.get("Accept") or "").lower()
        if ZPL_ACCEPT in accept or "application/vnd.zpl" in accept:
            zpl = self._zpl_label(found)
            if zpl is not None:
                return zpl
        self.pdf_made.update(s["id"] for s in labelled)
        pages = []
        for shipment in labelled:
            drawn = dict(shipment)
            main_id = shipment["multi_collo_main_shipment_id"] or shipment["id"]
            group = [s for s in labelled if (s["multi_collo_main_shipment_id"] or s["id"]) == main_id]
            if len(group) > 1:
                drawn["_colli"] = (group.index(shipment) + 1, len(group))
            pages.append(drawn)
        # reportlab costs ~100 ms to import: only the first label pays it, not every start of demo mode.
        from packstation.demo import pdfs

        pdf = pdfs.labels(pages, paper, positions)
        if "application/vnd.shipment_label_link+json" in accept or accept.startswith("application/json"):
            digest = hashlib.sha1(pdf, usedforsecurity=False).hexdigest()
            self.pdfs[digest] = pdf
            url = f"/pdfs/{digest}"
            if accept.startswith("application/json"):
                url = f"http://{request.headers.get('Host', '127.0.0.1')}{url}"
            return json_reply(200, {"data": {"pdfs": {"url": url}}})
        name = "-".join(str(s["id"]) for s in found)
        return Reply(200, pdf, "application/pdf", {"Content-Disposition": f'attachment; filename="{name}.pdf"'})

    def _zpl_label(self, found: list[dict[str, Any]]) -> Reply | None:
        """The carrier's ZPL (PostNL, bpost; domestic and EU), one label per request; None = answer with the PDF."""
        if len(found) != 1:
            return self.error_reply(422, "ZPL labels can be requested for one shipment at a time", code=3709)
        shipment = found[0]
        if shipment["carrier_id"] not in (1, 2):
            return self.error_reply(422, "ZPL labels exist for PostNL and bpost shipments only", code=3709)
        if shipment["carrier_id"] == 2 and shipment["id"] in self.pdf_made:
            return self.error_reply(
                422, "A ZPL label cannot be made after the PDF label of a bpost shipment", code=3709
            )
        cc = (shipment.get("recipient") or {}).get("cc", "")
        if myparcel_rules.destination(cc, shipment["platform"]) == "global":
            return None  # rest of the world: MyParcel answers with the PDF
        from packstation.demo import zpl_labels

        body = self.zpl_served[shipment["id"]] = zpl_labels.label(shipment)
        return Reply(200, body, ZPL_ACCEPT, {})

    def _pdf(self, request: Request, digest: str) -> Reply:
        pdf = self.pdfs.get(digest)
        if pdf is None:
            return self.error_reply(404, "PDF not found (or not ready yet)")
        return Reply(200, pdf, "application/pdf", {"Content-Disposition": f'attachment; filename="{digest}.pdf"'})

    def _tracktraces(self, request: Request, ids: str) -> Reply:
        found = [s for s in self._mine() if str(s["id"]) in ids.split(";")]
        traces = []
        for shipment in found:
            recipient = shipment["recipient"]
            registered = shipment["status"] >= 2
            trace: dict[str, Any] = {
                "shipment_id": shipment["id"],
                "code": "A01" if registered else None,
                "description": "De zending is aangemeld" if registered else "Concept",
                "time": shipment["modified"],
                "final": False,
                "history": [{"code": "A01", "description": "De zending is aangemeld", "time": shipment["modified"]}]
                if registered
                else [],
            }
            if shipment["platform"] == "myparcel":
                link = None
                if shipment["barcode"]:
                    postal = str(recipient.get("postal_code") or "").replace(" ", "")
                    link = (
                        f"https://postnl.nl/tracktrace/?B={shipment['barcode']}&P={postal}&D={recipient['cc']}&T=C&L=NL"
                    )
                trace.update(
                    {
                        "link_consumer_portal": link,
                        "link_tracktrace": link,
                        "recipient": recipient,
                        "options": shipment["options"],
                        "pickup": shipment["pickup"],
                        "delayed": False,
                        "location": None,
                        "status": {
                            "current": shipment["status"],
                            "main": "registered" if registered else "concept",
                            "final": False,
                        },
                    }
                )
            traces.append(trace)
        return json_reply(200, {"data": {"tracktraces": traces}})
