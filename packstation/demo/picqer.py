"""Fake Picqer REST API (https://picqer.com/en/api; docs/api-notes.md §1-3, §17): picklists, orders, users,
warehouses, order fields, carriers."""

from __future__ import annotations

import base64
import binascii
import copy
import re
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from packstation.demo import provider, seed
from packstation.demo.http import DemoApp, Reply, Request, RouteFn, json_reply, match_route

PAGE_SIZE = 100
API_PREFIX = "/api/v1"
DEMO_API_KEY = "demo-picqer-key-7f3a9c"  # user 1001 "Demo Packer"
DEMO_STATION2_API_KEY = "demo-picqer-station2-key-2b6e"  # user 1002 "Station 2"

# Picqer error codes used here (https://picqer.com/en/api/response-codes).
E_UNKNOWN = 1
E_MISSING = 5
E_NO_PRODUCT = 15  # "No product given when picking"
E_BAD_AMOUNT = 16  # "Not a valid picking amount"
E_PICK_NOT_FOUND = 17  # "Product to pick not found"
E_TOO_MANY = 18  # "Amount to pick is too high"
E_NOT_FOUND = 20
E_WRONG_STATUS = 21
E_BAD_JSON = 22
E_CANNOT_SHIP = 26
E_RATE = 28

LOCKED_MESSAGE = "Picklist is locked by another process, please try again"
# Picqer lets a shipment be cancelled "within 5 minutes after creation" (https://picqer.com/en/api/picklists).
CANCEL_WINDOW = 300.0
LABEL_PATH = re.compile(r"/labels/(?P<name>[A-Za-z0-9_-]+\.(?:pdf|zpl))")


STAMP_FORMAT = "%Y-%m-%d %H:%M:%S"


def _now() -> str:
    return datetime.now().strftime(STAMP_FORMAT)


@dataclass(frozen=True)
class _ShipmentRequest:
    """A checked POST /shipments, ready for the provider call made outside the state lock."""

    idpicklist: int
    provider: dict[str, Any]
    profile: dict[str, Any]
    weight: int
    parcels: list[dict[str, Any]]
    idpackaging: int | None
    payload: dict[str, Any]
    url: str
    username: str
    password: str
    timeout: float


class PicqerState(DemoApp):
    """In-memory Picqer account served over HTTP; all state access goes through `lock`.

    Each API key belongs to one user (Picqer keys are made per user): /users/me, comments and closing are that
    user's. Assigning a picklist that another user holds re-assigns it, as Picqer's own back office does; the
    API documents no refusal (https://picqer.com/en/api/picklists), so a station cannot rely on assign failing.
    """

    server_name = "picqer"

    def __init__(
        self,
        picklist_count: int = 60,
        seed_value: int = 7,
        *,
        api_key: str = DEMO_API_KEY,
        api_keys: Mapping[str, int] | None = None,
        rate_limit: int = 500,
        rate_window: float = 60.0,
        rate_limits: bool = True,
        latency: float = 0.0,
        relay_timeout: float = provider.SHIPMENT_TIMEOUT,
    ) -> None:
        super().__init__(rate_limit=rate_limit, rate_window=rate_window, rate_limits=rate_limits, latency=latency)
        # api_keys maps each key to its user; without it, `api_key` alone belongs to the demo packer.
        self.api_keys: dict[str, int] = dict(api_keys) if api_keys else {api_key: seed.DEMO_USER_ID}
        self.api_key = next(iter(self.api_keys))
        picklists, orders, comments = seed.build(picklist_count, seed_value)
        self.picklists: list[dict[str, Any]] = picklists
        self.orders: dict[int, dict[str, Any]] = orders
        self.comments: dict[int, list[dict[str, Any]]] = comments
        self.users: list[dict[str, Any]] = copy.deepcopy(seed.USERS)
        self.warehouses: list[dict[str, Any]] = copy.deepcopy(seed.WAREHOUSES)
        # The account's order fields (GET /orderfields); every order carries a value for each (seed.build).
        self.orderfields: list[dict[str, Any]] = [
            {"idorderfield": fid, "title": title, "type": "text", "required": False} for fid, title in seed.ORDERFIELDS
        ]
        self.shipping_providers: list[dict[str, Any]] = copy.deepcopy(seed.SHIPPING_PROVIDERS)
        self.products: list[dict[str, Any]] = seed.products_wire()
        self.product_parts: dict[int, list[dict[str, Any]]] = seed.parts_wire()
        self.packagings: list[dict[str, Any]] = seed.packagings_wire()
        # GET /packingstations: the stations set up in Picqer, each with a printer per role.
        self.packing_stations: list[dict[str, Any]] = copy.deepcopy(seed.PACKING_STATIONS)
        # 0: the packing list PDF is served; else the status GET /picklists/{id}/packinglistpdf answers (tests).
        self.packing_list_error = 0
        self.picks: list[dict[str, Any]] = []  # every accepted POST /pick body, in order (tests read it)
        unknown = set(self.api_keys.values()) - {u["iduser"] for u in self.users}
        if unknown:
            raise ValueError(f"API keys for users the account does not have: {sorted(unknown)}")
        self.me_iduser = self.api_keys[self.api_key]  # the caller of the request being routed (set under the lock)
        self._by_id = {p["idpicklist"]: p for p in picklists}
        self._by_order: dict[int, list[dict[str, Any]]] = {}
        for picklist in picklists:
            self._by_order.setdefault(picklist["idorder"], []).append(picklist)
        self._next_comment = 1
        # The custom shipping provider's connection (empty until connect_relay) and its profiles' stored options.
        self.relay_config_url = ""
        self.relay_shipment_url = ""
        self.relay_username = ""
        self.relay_password = ""
        self.relay_timeout = relay_timeout
        self.relay_profile_options: dict[int, list[dict[str, Any]]] = copy.deepcopy(seed.RELAY_PROFILE_OPTIONS)
        self.cancel_window = CANCEL_WINDOW
        self.shipments: dict[int, list[dict[str, Any]]] = {}  # by idpicklist, oldest first
        self._shipment_born: dict[int, float] = {}  # idshipment -> monotonic creation time (cancel window)
        self._label_files: dict[str, tuple[bytes, str]] = {}  # public label file name -> (bytes, content type)
        self._shipping: set[int] = set()  # picklists whose provider call is in flight
        self._next_shipment = 1
        p = r"(?P<id>\d+)"
        self._routes: list[tuple[str, re.Pattern[str], RouteFn]] = [
            ("GET", re.compile(r"/picklists"), self._list_picklists),
            ("GET", re.compile(rf"/picklists/{p}"), self._get_picklist),
            ("PUT", re.compile(rf"/picklists/{p}"), self._put_picklist),
            ("POST", re.compile(rf"/picklists/{p}/pickall"), self._pickall),
            ("POST", re.compile(rf"/picklists/{p}/pick"), self._pick),
            ("GET", re.compile(r"/products"), self._list_products),
            ("GET", re.compile(rf"/products/{p}"), self._get_product),
            ("GET", re.compile(rf"/products/{p}/parts"), self._get_parts),
            ("GET", re.compile(r"/packagings"), self._list_packagings),
            ("POST", re.compile(rf"/picklists/{p}/close"), self._close),
            ("POST", re.compile(rf"/picklists/{p}/assign"), self._assign),
            ("POST", re.compile(rf"/picklists/{p}/unassign"), self._unassign),
            ("POST", re.compile(rf"/picklists/{p}/pause"), self._pause),
            ("POST", re.compile(rf"/picklists/{p}/resume"), self._resume),
            ("POST", re.compile(rf"/picklists/{p}/cancel"), self._cancel),
            ("GET", re.compile(rf"/picklists/{p}/comments"), self._get_comments),
            ("POST", re.compile(rf"/picklists/{p}/comments"), self._post_comment),
            ("GET", re.compile(rf"/picklists/{p}/shippingmethods"), self._shippingmethods),
            ("GET", re.compile(rf"/picklists/{p}/packinglistpdf"), self._packinglist),
            ("GET", re.compile(rf"/picklists/{p}/shipments"), self._picklist_shipments),
            ("POST", re.compile(rf"/picklists/{p}/shipments"), self._create_shipment),
            ("DELETE", re.compile(rf"/picklists/{p}/shipments/(?P<idshipment>\d+)"), self._cancel_shipment),
            ("GET", re.compile(rf"/orders/{p}"), self._get_order),
            ("GET", re.compile(rf"/orders/{p}/orderfields"), self._get_orderfields),
            ("PUT", re.compile(rf"/orders/{p}/orderfields/(?P<field>\d+)"), self._put_orderfield),
            ("GET", re.compile(r"/shippingproviders"), self._shippingproviders),
            ("GET", re.compile(r"/warehouses"), self._warehouses),
            ("GET", re.compile(r"/packingstations"), self._packingstations),
            ("GET", re.compile(r"/orderfields"), self._orderfields),
            ("GET", re.compile(r"/users"), self._users),
            ("GET", re.compile(r"/users/me"), self._me),
        ]
        # Routes that take the lock themselves: they wait on another server and must not stall the others.
        self._unlocked_routes: set[Any] = {self._create_shipment}

    # -- helpers for tests and the app's demo mode --------------------------------------------------

    def picklist_by_number(self, number: str) -> dict[str, Any] | None:
        """Return the picklist with this picklistid (e.g. "P2024-00001")."""
        with self.lock:
            return next((p for p in self.picklists if p["picklistid"] == number), None)

    def picklist_by_id(self, idpicklist: int) -> dict[str, Any] | None:
        """Return the picklist with this idpicklist."""
        with self.lock:
            return self._by_id.get(idpicklist)

    def connect_relay(self, base_url: str, username: str, password: str) -> None:
        """Connect the custom provider (530) to a relay: config URL, shipment URL and its Basic Auth credentials.

        `base_url` is where the relay's paths start (any reverse-proxy prefix included), e.g.
        "http://127.0.0.1:8765"; Picqer then calls base_url + "/config-options" and base_url + "/shipments".
        """
        base = base_url.rstrip("/")
        with self.lock:
            self.relay_config_url = base + "/config-options"
            self.relay_shipment_url = base + "/shipments"
            self.relay_username = username
            self.relay_password = password

    def relay_config_options(self) -> list[dict[str, Any]]:
        """GET the relay's configuration options as Picqer does when a profile is edited, checked against the
        shipping-provider protocol (api-notes §4).

                Raises provider.ProviderAnswerError when the answer has the wrong shape, httpx.HTTPError when there is
                none, and RuntimeError before connect_relay.
        """
        with self.lock:
            url, username, password = self.relay_config_url, self.relay_username, self.relay_password
            timeout = self.relay_timeout
        if not url:
            raise RuntimeError("the custom shipping provider is not connected: call connect_relay first")
        return provider.get_config_options(url, username, password, timeout)

    def shipping_in_flight(self, idpicklist: int) -> bool:
        """Whether a POST shipments for this picklist is waiting for the shipping provider right now."""
        with self.lock:
            return idpicklist in self._shipping

    def shipments_of(self, idpicklist: int) -> list[dict[str, Any]]:
        """Return (copies of) the shipments stored for a picklist, oldest first."""
        with self.lock:
            return copy.deepcopy(self.shipments.get(idpicklist, []))

    # -- server hooks -----------------------------------------------------------------------------

    def error_reply(self, status: int, message: str, *, code: int | None = None) -> Reply:
        """Picqer error body: {"error": true, "error_code": N, "error_message": "..."}."""
        return json_reply(status, {"error": True, "error_code": code or E_UNKNOWN, "error_message": message})

    def rate_limited_reply(self, retry_after: float) -> Reply:
        """429 with error 28 and a Retry-After header."""
        reply = self.error_reply(429, "Rate limit exceeded", code=E_RATE)
        reply.headers["Retry-After"] = str(max(1, round(retry_after)))
        return reply

    def rate_headers(self, remaining: int) -> dict[str, str]:
        """X-RateLimit-Limit and X-RateLimit-Remaining on every reply."""
        return {"X-RateLimit-Limit": str(self.limiter.limit), "X-RateLimit-Remaining": str(remaining)}

    def fault_reply(self, kind: str, seconds: float) -> Reply | None:
        """The "locked" fault: Picqer answers 400 when another process holds the picklist."""
        if kind == "locked":
            return self.error_reply(400, "Picklist is locked by another process, please try again", code=E_UNKNOWN)
        return None

    @staticmethod
    def _key_of(request: Request) -> str | None:
        """Return the API key of a request: the user name of its Basic auth."""
        auth = request.headers.get("Authorization") or ""
        if auth[:6].lower() != "basic ":
            return None
        try:
            return base64.b64decode(auth[6:].strip(), validate=True).decode("utf-8").split(":", 1)[0]
        except (binascii.Error, UnicodeDecodeError):
            return None

    def check_headers(self, request: Request) -> Reply | None:
        """Require Basic auth with a known API key as user name, and a User-Agent (label links are public)."""
        if request.method in {"GET", "HEAD"} and LABEL_PATH.fullmatch(request.path):
            return None
        if self._key_of(request) not in self.api_keys:
            return self.error_reply(401, "Invalid API key or no access to this function", code=E_UNKNOWN)
        if not (request.headers.get("User-Agent") or "").strip():
            return self.error_reply(400, "A User-Agent header is required, see picqer.com/api", code=E_MISSING)
        return None

    def route(self, request: Request) -> Reply:
        """Dispatch to the endpoint below /api/v1, or serve a public label link."""
        label = LABEL_PATH.fullmatch(request.path)
        if label is not None and request.method in {"GET", "HEAD"}:
            return self._label_file(label["name"])
        if not request.path.startswith(API_PREFIX + "/"):
            return self.error_reply(404, "Endpoint not found", code=E_NOT_FOUND)
        inner = Request(
            request.method,
            request.path[len(API_PREFIX) :].rstrip("/") or "/",
            request.query,
            request.headers,
            request.body,
        )
        found = match_route(self._routes, inner)
        if found is None:
            return self.error_reply(404, "Endpoint not found", code=E_NOT_FOUND)
        if isinstance(found, str):  # "method": the path exists, not with this method
            return self.error_reply(405, "Method not allowed", code=E_UNKNOWN)
        fn, params = found
        if request.method in {"POST", "PUT"} and request.body:
            try:
                inner.json()
            except ValueError:
                return self.error_reply(400, "No valid JSON given", code=E_BAD_JSON)
        if fn in self._unlocked_routes:
            caller = self.api_keys.get(self._key_of(request) or "", self.api_keys[self.api_key])
            return fn(inner, caller=caller, **params)
        with self.lock:
            self.me_iduser = self.api_keys.get(self._key_of(request) or "", self.me_iduser)
            return fn(inner, **params)

    # -- picklists --------------------------------------------------------------------------------

    def _picklist(self, idpicklist: str) -> dict[str, Any] | None:
        return self._by_id.get(int(idpicklist))

    def _not_found(self) -> Reply:
        return self.error_reply(404, "Item not found", code=E_NOT_FOUND)

    def _wrong_status(self, message: str) -> Reply:
        return self.error_reply(400, message, code=E_WRONG_STATUS)

    def _list_picklists(self, request: Request) -> Reply:
        """GET /picklists with the filters the contract lists (§A.7.1), Picqer's offset pages (§A.4)."""
        try:
            offset = int(request.arg("offset") or 0)
        except ValueError:
            return self.error_reply(400, "offset must be a number", code=E_MISSING)
        numbers: dict[str, int] = {}
        for key in ("sinceid", "beforeid", "idwarehouse", "assigned_to_iduser", "idorder"):
            value = request.arg(key)
            if value:
                if not value.strip().isdigit():
                    return self.error_reply(400, f"{key} must be a number", code=E_MISSING)
                numbers[key] = int(value)
        items = self.picklists
        status = request.arg("status")
        if status:
            items = [p for p in items if p["status"] == status]
        number = request.arg("picklistid")
        if number:
            items = [p for p in items if p["picklistid"] == number]
        for key in ("idwarehouse", "assigned_to_iduser", "idorder"):
            if key in numbers:
                items = [p for p in items if p[key] == numbers[key]]
        if "sinceid" in numbers:
            items = [p for p in items if p["idpicklist"] > numbers["sinceid"]]
        if "beforeid" in numbers:
            items = [p for p in items if p["idpicklist"] < numbers["beforeid"]]
        search = (request.arg("search") or "").strip().lower()
        if search:
            fields = ("picklistid", "deliveryname", "deliverycontact", "deliverycity", "reference")
            items = [p for p in items if any(search in str(p[f] or "").lower() for f in fields)]
        return json_reply(200, items[offset : offset + PAGE_SIZE])

    def _get_picklist(self, request: Request, id: str) -> Reply:
        picklist = self._picklist(id)
        return json_reply(200, picklist) if picklist else self._not_found()

    def _put_picklist(self, request: Request, id: str) -> Reply:
        picklist = self._picklist(id)
        if picklist is None:
            return self._not_found()
        body = request.json()
        if not isinstance(body, dict) or not body:
            return self.error_reply(400, "Missing parameters", code=E_MISSING)
        allowed = {"urgent", "invoiced", "idshippingprovider_profile", "preferred_delivery_date"}
        for key, value in body.items():
            if key in allowed:
                picklist[key] = value
        picklist["updated"] = _now()
        return json_reply(200, picklist)

    def _pickall(self, request: Request, id: str) -> Reply:
        picklist = self._picklist(id)
        if picklist is None:
            return self._not_found()
        if picklist["status"] != "new":
            return self._wrong_status("Item not found or does not have the right status")
        for product in picklist["products"]:
            product["amount_picked"] = product["amount"]
        picklist["totalpicked"] = picklist["totalproducts"]
        picklist["updated"] = _now()
        return json_reply(200, picklist)

    def _pick(self, request: Request, id: str) -> Reply:
        """Pick units of one line, named by idpicklist_product, or by productcode / product as picqer-php sends."""
        picklist = self._picklist(id)
        if picklist is None:
            return self._not_found()
        if picklist["status"] != "new":
            return self._wrong_status("Item not found or does not have the right status")
        body = request.json() if request.body else {}
        if not isinstance(body, dict):
            return self.error_reply(400, "No valid JSON given", code=E_BAD_JSON)
        line_id = _whole_number(body.get("idpicklist_product"))
        code = body.get("productcode") or body.get("product")
        if line_id is None and not (isinstance(code, str) and code.strip()):
            return self.error_reply(400, "No product given when picking", code=E_NO_PRODUCT)
        amount = _whole_number(body.get("amount", 1))
        if amount is None or amount <= 0:
            return self.error_reply(400, "Not a valid picking amount", code=E_BAD_AMOUNT)
        if line_id is not None:
            lines = [line for line in picklist["products"] if line["idpicklist_product"] == line_id]
        else:
            wanted = str(code).strip().lower()
            lines = [line for line in picklist["products"] if str(line["productcode"]).lower() == wanted]
            lines = [line for line in lines if line["amount_picked"] < line["amount"]] or lines
        if not lines:
            return self.error_reply(400, "Product to pick not found", code=E_PICK_NOT_FOUND)
        line = lines[0]
        if line["amount_picked"] + amount > line["amount"]:
            return self.error_reply(400, "Amount to pick is too high", code=E_TOO_MANY)
        line["amount_picked"] += amount
        picklist["totalpicked"] = sum(item["amount_picked"] for item in picklist["products"])
        picklist["updated"] = _now()
        self.picks.append({"idpicklist": picklist["idpicklist"], **body})
        return json_reply(200, picklist)

    # -- products and packagings --------------------------------------------------------------------

    def _list_products(self, request: Request) -> Reply:
        items = self.products
        ids = request.arg("idproducts")
        if ids:
            try:
                wanted = {int(part) for part in ids.split(",") if part.strip()}
            except ValueError:
                return self.error_reply(400, "idproducts must be a list of numbers", code=E_MISSING)
            items = [p for p in items if p["idproduct"] in wanted]
        for key in ("productcode", "barcode"):
            value = request.arg(key)
            if value:
                items = [p for p in items if str(p.get(key, "")) == value]
        return self._paged(request, items)

    def _product(self, id: str) -> dict[str, Any] | None:
        return next((p for p in self.products if p["idproduct"] == int(id)), None)

    def _get_product(self, request: Request, id: str) -> Reply:
        product = self._product(id)
        return json_reply(200, product) if product else self._not_found()

    def _get_parts(self, request: Request, id: str) -> Reply:
        if self._product(id) is None:
            return self._not_found()
        return json_reply(200, self.product_parts.get(int(id), []))

    def _list_packagings(self, request: Request) -> Reply:
        items = self.packagings
        if request.arg("inactive") not in {"true", "1"}:
            items = [p for p in items if p["active"]]
        return self._paged(request, items)

    def _close(self, request: Request, id: str) -> Reply:
        picklist = self._picklist(id)
        if picklist is None:
            return self._not_found()
        if picklist["status"] != "new":
            return self._wrong_status("Item not found or does not have the right status")
        if picklist["totalpicked"] < picklist["totalproducts"]:
            return self._wrong_status("Picklist cannot be closed: not all products are picked")
        self._mark_closed(picklist, self.me_iduser)
        return json_reply(200, picklist)

    def _mark_closed(self, picklist: dict[str, Any], iduser: int) -> None:
        picklist["status"] = "closed"
        picklist["closed_by_iduser"] = iduser
        picklist["closed_at"] = picklist["updated"] = _now()
        order = self.orders.get(picklist["idorder"])
        if order is not None:
            order["status"] = "completed"

    def _assign(self, request: Request, id: str) -> Reply:
        picklist = self._picklist(id)
        if picklist is None:
            return self._not_found()
        body = request.json()
        iduser = body.get("iduser") if isinstance(body, dict) else None
        if not isinstance(iduser, int):
            return self.error_reply(400, "Missing parameter iduser", code=E_MISSING)
        if not any(u["iduser"] == iduser for u in self.users):
            return self.error_reply(404, "User not found", code=E_NOT_FOUND)
        picklist["assigned_to_iduser"] = iduser
        picklist["updated"] = _now()
        return json_reply(200, picklist)

    def _unassign(self, request: Request, id: str) -> Reply:
        picklist = self._picklist(id)
        if picklist is None:
            return self._not_found()
        picklist["assigned_to_iduser"] = None
        picklist["updated"] = _now()
        return json_reply(200, picklist)

    def _pause(self, request: Request, id: str) -> Reply:
        picklist = self._picklist(id)
        if picklist is None:
            return self._not_found()
        body = request.json()
        reason = body.get("reason") if isinstance(body, dict) else None
        if not isinstance(reason, str) or not reason.strip():
            return self.error_reply(400, "Missing parameter reason", code=E_MISSING)
        if picklist["status"] != "new":
            return self._wrong_status("Item not found or does not have the right status")
        picklist["status"] = "paused"
        picklist["paused_reason"] = reason
        picklist["updated"] = _now()
        return json_reply(200, picklist)

    def _resume(self, request: Request, id: str) -> Reply:
        picklist = self._picklist(id)
        if picklist is None:
            return self._not_found()
        if picklist["status"] != "paused":
            return self._wrong_status("Item not found or does not have the right status")
        picklist["status"] = "new"
        picklist["paused_reason"] = None
        picklist["updated"] = _now()
        return json_reply(200, picklist)

    def _cancel(self, request: Request, id: str) -> Reply:
        picklist = self._picklist(id)
        if picklist is None:
            return self._not_found()
        if picklist["status"] not in {"new", "paused"}:
            return self._wrong_status("Item not found or does not have the right status")
        picklist["status"] = "cancelled"
        picklist["updated"] = _now()
        return json_reply(200, picklist)

    def _get_comments(self, request: Request, id: str) -> Reply:
        if self._picklist(id) is None:
            return self._not_found()
        return json_reply(200, self.comments.get(int(id), []))

    def _post_comment(self, request: Request, id: str) -> Reply:
        if self._picklist(id) is None:
            return self._not_found()
        body = request.json()
        text = body.get("body") if isinstance(body, dict) else None
        if not isinstance(text, str) or not text.strip():
            return self.error_reply(400, "Missing parameter body", code=E_MISSING)
        me = next(u for u in self.users if u["iduser"] == self.me_iduser)
        stamp = _now()
        comment = {
            "idcomment": 9_000_000 + self._next_comment,
            "show_at_related": True,
            "is_visible_to_fulfilment_customer": False,
            "source": "api",
            "author_type": "user",
            "author": {"iduser": me["iduser"], "full_name": f"{me['firstname']} {me['lastname']}"},
            "body": text,
            "mentions": [],
            "created": stamp,
            "updated": stamp,
        }
        self._next_comment += 1
        self.comments.setdefault(int(id), []).append(comment)
        return json_reply(201, comment)

    def _profiles(self) -> list[tuple[dict[str, Any], dict[str, Any]]]:
        return [(prov, prof) for prov in self.shipping_providers for prof in prov["profiles"] if prof["active"]]

    def _shippingmethods(self, request: Request, id: str) -> Reply:
        picklist = self._picklist(id)
        if picklist is None:
            return self._not_found()
        chosen = picklist["idshippingprovider_profile"]
        if chosen is None:
            chosen = next(prof["idshippingprovider_profile"] for _, prof in self._profiles() if prof["standard"])
        return json_reply(
            200,
            [
                {
                    "idshippingprovider_profile": prof["idshippingprovider_profile"],
                    "name": prof["name"],
                    "provider": prov["provider"],
                    "selected": prof["idshippingprovider_profile"] == chosen,
                    "extra_fields": [],
                }
                for prov, prof in self._profiles()
            ],
        )

    def _packinglist(self, request: Request, id: str) -> Reply:
        picklist = self._picklist(id)
        if picklist is None:
            return self._not_found()
        if self.packing_list_error:
            return self.error_reply(self.packing_list_error, "Packing list could not be generated")
        from packstation.demo import pdfs  # lazily: reportlab is slow to import (see demo/myparcel.py)

        pdf = pdfs.packing_list(picklist, self.orders.get(picklist["idorder"]))
        return Reply(
            200,
            pdf,
            "application/pdf",
            {"Content-Disposition": f'inline; filename="packinglist-{picklist["picklistid"]}.pdf"'},
        )

    def _picklist_shipments(self, request: Request, id: str) -> Reply:
        # Only shipments Picqer made through its custom provider; MyParcel labels made by the station are not here.
        if self._picklist(id) is None:
            return self._not_found()
        return json_reply(200, self.shipments.get(int(id), []))

    # -- shipments through the custom shipping provider (Picqer shipping-provider protocol) ------------------------

    def _create_shipment(self, request: Request, id: str, *, caller: int) -> Reply:
        """POST /picklists/{id}/shipments: check under the lock, call the provider without it, store under it."""
        with self.lock:
            checked = self._check_shipment_request(request, int(id))
            if isinstance(checked, Reply):
                return checked
            self._shipping.add(checked.idpicklist)
        try:
            # Up to relay_timeout seconds: the lock stays free so every other request is answered meanwhile.
            outcome = provider.post_shipment(
                checked.url, checked.username, checked.password, checked.payload, checked.timeout
            )
        finally:
            with self.lock:
                self._shipping.discard(checked.idpicklist)
        if isinstance(outcome, provider.Refusal):
            return self.error_reply(400, outcome.message, code=E_CANNOT_SHIP)
        with self.lock:
            return json_reply(200, self._store_shipment(checked, outcome, caller))

    def _check_shipment_request(self, request: Request, idpicklist: int) -> _ShipmentRequest | Reply:
        picklist = self._by_id.get(idpicklist)
        if picklist is None:
            return self._not_found()
        if picklist["status"] != "new":
            return self._wrong_status("Item not found or does not have the right status")
        if idpicklist in self._shipping:
            return self.error_reply(400, LOCKED_MESSAGE, code=E_UNKNOWN)
        body = request.json()
        if not isinstance(body, dict):
            body = {}
        profile_id = _whole_number(body.get("idshippingprofile", body.get("idshippingprovider_profile")))
        if profile_id is None:
            return self.error_reply(400, "Missing idshippingprofile", code=E_MISSING)
        parcels = body.get("parcels")
        if parcels is not None and (
            not isinstance(parcels, list)
            or not parcels
            or not all(isinstance(p, dict) and (_whole_number(p.get("weight")) or 0) > 0 for p in parcels)
        ):
            return self.error_reply(400, "parcels must be a list of {weight} in grams", code=E_MISSING)
        weight = _whole_number(body.get("weight"))
        if body.get("weight") is None:
            # Picqer falls back on the picklist's weight; with parcels, their sum is the shipment's weight.
            weight = sum(int(p["weight"]) for p in parcels) if parcels else int(picklist["weight"] or 0)
        if weight is None or weight <= 0:
            return self.error_reply(400, "weight must be a whole number of grams", code=E_MISSING)
        found = next(
            (
                (prov, prof)
                for prov in self.shipping_providers
                for prof in prov["profiles"]
                if prof["idshippingprovider_profile"] == profile_id and prof["active"] and prov["active"]
            ),
            None,
        )
        if found is None:
            return self.error_reply(
                400, f"{provider.CANNOT_CREATE}shipping profile {profile_id} not found", code=E_CANNOT_SHIP
            )
        prov, prof = found
        if prov["provider"] != "custom":
            # The account's MyParcel integrations stand for labels the station makes itself; this demo does not
            # play MyParcel's Picqer integration.
            return self.error_reply(
                400,
                f"{provider.CANNOT_CREATE}the demo Picqer makes shipments only through a custom shipping provider",
                code=E_CANNOT_SHIP,
            )
        if not self.relay_shipment_url:
            return self.error_reply(400, provider.NOT_CONNECTED, code=E_CANNOT_SHIP)
        options = self.relay_profile_options.get(profile_id, [])
        payload = provider.shipment_payload(options, picklist, self.orders.get(picklist["idorder"]), weight)
        idpackaging = _whole_number(body.get("idpackaging"))
        return _ShipmentRequest(
            idpicklist=idpicklist,
            provider=copy.deepcopy(prov),
            profile=copy.deepcopy(prof),
            weight=weight,
            parcels=[
                {"weight": int(p["weight"]), "idpackaging": _whole_number(p.get("idpackaging")) or idpackaging}
                for p in parcels
            ]
            if parcels
            else [{"weight": weight, "idpackaging": idpackaging}],
            idpackaging=idpackaging,
            # A copy: the JSON is written outside the lock while other requests may change the order.
            payload=copy.deepcopy(payload),
            url=self.relay_shipment_url,
            username=self.relay_username,
            password=self.relay_password,
            timeout=self.relay_timeout,
        )

    def _store_shipment(self, checked: _ShipmentRequest, label: provider.Label, caller: int) -> dict[str, Any]:
        picklist = self._by_id[checked.idpicklist]
        idshipment = 71_000_000 + self._next_shipment
        self._next_shipment += 1
        token = secrets.token_urlsafe(16)  # label links are public, as Picqer's are: unguessable names
        base = f"http://127.0.0.1:{self.port}"
        pdf_url = f"{base}/labels/{token}.pdf"
        self._label_files[f"{token}.pdf"] = (label.pdf, "application/pdf")
        zpl_url = None
        if label.zpl is not None:
            zpl_url = f"{base}/labels/{token}.zpl"
            self._label_files[f"{token}.zpl"] = (label.zpl, "text/plain; charset=utf-8")
        documents = [
            {
                "idparcel_document": idshipment * 10 + 1,
                "type": "label",
                "size": label.format,
                "format": "pdf",
                "url": pdf_url,
            }
        ]
        if zpl_url:
            documents.append(
                {
                    "idparcel_document": idshipment * 10 + 2,
                    "type": "label",
                    "size": label.format,
                    "format": "zpl",
                    "url": zpl_url,
                }
            )
        # Seed 000 has no multi-collo shape: one provider call gives one label and tracking code, which belong to
        # the first parcel; further parcels are recorded with their weights only.
        parcels = [
            {
                "idparcel": idshipment * 100 + index,
                "idpackaging": parcel["idpackaging"],
                "weight": parcel["weight"],
                "tracking_code": label.tracking_code if index == 0 else None,
                "tracking_url": label.tracking_url if index == 0 else None,
                "documents": documents if index == 0 else [],
            }
            for index, parcel in enumerate(checked.parcels)
        ]
        stamp = _now()
        shipment = {
            "idshipment": idshipment,
            "idpicklist": checked.idpicklist,
            "idorder": picklist["idorder"],
            "idreturn": None,
            "idshippingprovider": checked.provider["idshippingprovider"],
            "idcompany_shippingprovider": checked.provider["idshippingprovider"],
            "idcompany_shippingprovider_profile": checked.profile["idshippingprovider_profile"],
            "profile_name": checked.profile["name"],
            "provider": checked.provider["provider"],
            "providername": checked.provider["name"],
            "public_providername": label.carrier_name or checked.provider["name"],
            "carrier_key": label.carrier_key,
            "trackingcode": label.tracking_code,
            "trackingurl": label.tracking_url,
            "tracktraceurl": label.tracking_url,
            "labelurl": pdf_url,
            "labelurl_pdf": pdf_url,
            "labelurl_zpl": zpl_url,
            "weight": checked.weight,
            "idpackaging": checked.idpackaging,
            "cancelled": False,
            "created_by_iduser": caller,
            "created": stamp,
            "updated": stamp,
            "parcels": parcels,
        }
        self.shipments.setdefault(checked.idpicklist, []).append(shipment)
        self._shipment_born[idshipment] = time.monotonic()
        # Picqer closes a fully picked picklist once its shipment exists; another request may have changed its
        # status while the provider was working, and then it is left as it is.
        if picklist["status"] == "new" and picklist["totalpicked"] >= picklist["totalproducts"]:
            self._mark_closed(picklist, caller)
        return copy.deepcopy(shipment)

    def _cancel_shipment(self, request: Request, id: str, idshipment: str) -> Reply:
        if self._picklist(id) is None:
            return self._not_found()
        shipment = next((s for s in self.shipments.get(int(id), []) if s["idshipment"] == int(idshipment)), None)
        if shipment is None:
            return self._not_found()
        if shipment["cancelled"]:
            return self._wrong_status("Shipment is already cancelled")
        if time.monotonic() - self._shipment_born[shipment["idshipment"]] > self.cancel_window:
            return self._wrong_status("Shipment can only be cancelled within 5 minutes after creation")
        # Like Picqer, the cancellation is not passed on to the provider (Picqer shipping-provider protocol).
        shipment["cancelled"] = True
        shipment["updated"] = _now()
        return json_reply(200, shipment)

    def _label_file(self, name: str) -> Reply:
        with self.lock:
            found = self._label_files.get(name)
        if found is None:
            return self._not_found()
        content, content_type = found
        return Reply(200, content, content_type, {"Content-Disposition": f'inline; filename="{name}"'})

    # -- orders -----------------------------------------------------------------------------------

    def _order_wire(self, order: dict[str, Any]) -> dict[str, Any]:
        embedded_keys = (
            "idpicklist",
            "picklistid",
            "idorder",
            "idwarehouse",
            "idshippingprovider_profile",
            "deliveryname",
            "deliverycontact",
            "deliveryaddress",
            "deliveryaddress2",
            "deliveryzipcode",
            "deliverycity",
            "deliveryregion",
            "deliverycountry",
            "urgent",
            "preferred_delivery_date",
            "status",
            "totalproducts",
            "totalpicked",
            "closed_by_iduser",
            "closed_at",
        )
        embedded = [{k: p[k] for k in embedded_keys} for p in self._by_order.get(order["idorder"], [])]
        return {**order, "picklists": embedded}

    def _get_order(self, request: Request, id: str) -> Reply:
        order = self.orders.get(int(id))
        return json_reply(200, self._order_wire(order)) if order else self._not_found()

    def _get_orderfields(self, request: Request, id: str) -> Reply:
        order = self.orders.get(int(id))
        return json_reply(200, order["orderfields"]) if order else self._not_found()

    def _put_orderfield(self, request: Request, id: str, field: str) -> Reply:
        order = self.orders.get(int(id))
        if order is None:
            return self._not_found()
        body = request.json()
        if not isinstance(body, dict) or "value" not in body:
            return self.error_reply(400, "Missing parameter value", code=E_MISSING)
        entry = next((f for f in order["orderfields"] if f["idorderfield"] == int(field)), None)
        if entry is None:
            return self._not_found()
        entry["value"] = str(body["value"])
        order["updated"] = _now()
        return json_reply(200, entry)

    # -- account ----------------------------------------------------------------------------------

    def _paged(self, request: Request, items: list[dict[str, Any]]) -> Reply:
        offset = int(request.arg("offset") or 0)
        return json_reply(200, items[offset : offset + PAGE_SIZE])

    def _shippingproviders(self, request: Request) -> Reply:
        return json_reply(200, self.shipping_providers)

    def _warehouses(self, request: Request) -> Reply:
        return self._paged(request, self.warehouses)

    def _packingstations(self, request: Request) -> Reply:
        return self._paged(request, self.packing_stations)

    def _orderfields(self, request: Request) -> Reply:
        return self._paged(request, self.orderfields)

    def _users(self, request: Request) -> Reply:
        users = self.users
        if request.arg("active") in {"true", "1"}:
            users = [u for u in users if u["active"]]
        return self._paged(request, users)

    def _me(self, request: Request) -> Reply:
        return json_reply(200, next(u for u in self.users if u["iduser"] == self.me_iduser))


def _whole_number(value: Any) -> int | None:
    """An int from JSON as PHP would take it: an int or a string of digits (bools and fractions are not)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None
