"""Fake Picqer REST API (api-contract §A, §E): picklists, orders, users, warehouses, shipping providers."""

from __future__ import annotations

import base64
import binascii
import copy
import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from packstation.demo import seed
from packstation.demo.http import DemoApp, Reply, Request, json_reply, match_route

PAGE_SIZE = 100
API_PREFIX = "/api/v1"
DEMO_API_KEY = "demo-picqer-key-7f3a9c"  # user 1001 "Demo Packer"
DEMO_STATION2_API_KEY = "demo-picqer-station2-key-2b6e"  # user 1002 "Station 2"

# Picqer error codes used here [PQ-DOC:response-codes].
E_UNKNOWN = 1
E_MISSING = 5
E_NOT_FOUND = 20
E_WRONG_STATUS = 21
E_BAD_JSON = 22
E_RATE = 28


def _now() -> str:
    return datetime.now().strftime("%Y-%m-%d %H:%M:%S")


class PicqerState(DemoApp):
    """In-memory Picqer account served over HTTP; all state access goes through `lock`.

    Each API key belongs to one user (Picqer keys are made per user): /users/me, comments and closing are that
    user's. Assigning a picklist that another user holds re-assigns it, as Picqer's own back office does; the
    API documents no refusal (contract §A.7.6), so a station cannot rely on assign failing.
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
        self.shipping_providers: list[dict[str, Any]] = copy.deepcopy(seed.SHIPPING_PROVIDERS)
        unknown = set(self.api_keys.values()) - {u["iduser"] for u in self.users}
        if unknown:
            raise ValueError(f"API keys for users the account does not have: {sorted(unknown)}")
        self.me_iduser = self.api_keys[self.api_key]  # the caller of the request being routed (set under the lock)
        self._by_id = {p["idpicklist"]: p for p in picklists}
        self._by_order: dict[int, list[dict[str, Any]]] = {}
        for picklist in picklists:
            self._by_order.setdefault(picklist["idorder"], []).append(picklist)
        self._next_comment = 1
        p = r"(?P<id>\d+)"
        self._routes = [
            ("GET", re.compile(r"/picklists"), self._list_picklists),
            ("GET", re.compile(rf"/picklists/{p}"), self._get_picklist),
            ("PUT", re.compile(rf"/picklists/{p}"), self._put_picklist),
            ("POST", re.compile(rf"/picklists/{p}/pickall"), self._pickall),
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
            ("GET", re.compile(rf"/orders/{p}"), self._get_order),
            ("GET", re.compile(rf"/orders/{p}/orderfields"), self._get_orderfields),
            ("PUT", re.compile(rf"/orders/{p}/orderfields/(?P<field>\d+)"), self._put_orderfield),
            ("GET", re.compile(r"/shippingproviders"), self._shippingproviders),
            ("GET", re.compile(r"/warehouses"), self._warehouses),
            ("GET", re.compile(r"/users"), self._users),
            ("GET", re.compile(r"/users/me"), self._me),
        ]

    # -- helpers for tests and the app's demo mode --------------------------------------------------

    def picklist_by_number(self, number: str) -> dict[str, Any] | None:
        """Return the picklist with this picklistid (e.g. "P2024-00001")."""
        with self.lock:
            return next((p for p in self.picklists if p["picklistid"] == number), None)

    def picklist_by_id(self, idpicklist: int) -> dict[str, Any] | None:
        """Return the picklist with this idpicklist."""
        with self.lock:
            return self._by_id.get(idpicklist)

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
        """Require Basic auth with a known API key as user name, and a User-Agent."""
        if self._key_of(request) not in self.api_keys:
            return self.error_reply(401, "Invalid API key or no access to this function", code=E_UNKNOWN)
        if not (request.headers.get("User-Agent") or "").strip():
            return self.error_reply(400, "A User-Agent header is required, see picqer.com/api", code=E_MISSING)
        return None

    def route(self, request: Request) -> Reply:
        """Dispatch to the endpoint below /api/v1."""
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
        if found == "method":
            return self.error_reply(405, "Method not allowed", code=E_UNKNOWN)
        fn, params = found
        if request.method in {"POST", "PUT"} and request.body:
            try:
                inner.json()
            except ValueError:
                return self.error_reply(400, "No valid JSON given", code=E_BAD_JSON)
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
        try:
            offset = int(request.arg("offset") or 0)
        except ValueError:
            return self.error_reply(400, "offset must be a number", code=E_MISSING)
        items = self.picklists
        status = request.arg("status")
        if status:
            items = [p for p in items if p["status"] == status]
        number = request.arg("picklistid")
        if number:
            items = [p for p in items if p["picklistid"] == number]
        for key in ("idwarehouse", "assigned_to_iduser", "idorder"):
            value = request.arg(key)
            if value:
                items = [p for p in items if str(p[key]) == value]
        since, before = request.arg("sinceid"), request.arg("beforeid")
        if since:
            items = [p for p in items if p["idpicklist"] > int(since)]
        if before:
            items = [p for p in items if p["idpicklist"] < int(before)]
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

    def _close(self, request: Request, id: str) -> Reply:
        picklist = self._picklist(id)
        if picklist is None:
            return self._not_found()
        if picklist["status"] != "new":
            return self._wrong_status("Item not found or does not have the right status")
        if picklist["totalpicked"] < picklist["totalproducts"]:
            return self._wrong_status("Picklist cannot be closed: not all products are picked")
        picklist["status"] = "closed"
        picklist["closed_by_iduser"] = self.me_iduser
        picklist["closed_at"] = picklist["updated"] = _now()
        order = self.orders.get(picklist["idorder"])
        if order is not None:
            order["status"] = "completed"
        return json_reply(200, picklist)

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
        from packstation.demo import pdfs  # lazily: reportlab is slow to import (see demo/myparcel.py)

        pdf = pdfs.packing_list(picklist, self.orders.get(picklist["idorder"]))
        return Reply(
            200,
            pdf,
            "application/pdf",
            {"Content-Disposition": f'inline; filename="packinglist-{picklist["picklistid"]}.pdf"'},
        )

    def _picklist_shipments(self, request: Request, id: str) -> Reply:
        # MyParcel shipments made by the station are not Picqer shipments, so this stays empty.
        return json_reply(200, []) if self._picklist(id) else self._not_found()

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

    def _users(self, request: Request) -> Reply:
        users = self.users
        if request.arg("active") in {"true", "1"}:
            users = [u for u in users if u["active"]]
        return self._paged(request, users)

    def _me(self, request: Request) -> Reply:
        return json_reply(200, next(u for u in self.users if u["iduser"] == self.me_iduser))
