"""Picqer REST client (api/v1): picklists, orders, profiles, users; the only place Picqer field names appear."""

from __future__ import annotations

import base64
import binascii
import json
import logging
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any, TypedDict

from packstation.clients.errors import (
    ApiStatusError,
    BadResponse,
    ConnectionFailed,
    Rejected,
    RequestTimeout,
    ServerError,
    decode_json,
    parse_picqer_error,
    shipment_not_registered,
)
from packstation.clients.http import ApiSession, HttpConfig, Priority, RateLimiter, RetryPolicy
from packstation.clients.wire import Fields, expect_list
from packstation.domain.documents import PackingStation, StationPrinter, StationPrinterRole
from packstation.domain.packing import Packaging, Pick, Product, ProductPart
from packstation.domain.picklists import (
    DeliveryAddress,
    Order,
    OrderLine,
    Picklist,
    PicklistLine,
    PicklistStatus,
    PickupPoint,
    PicqerProfile,
    PicqerShipment,
    PicqerShippingProvider,
    PicqerUser,
    shipment_made_with,
)

if TYPE_CHECKING:  # the session imports httpx on its first request (see clients/http.py)
    import httpx

log = logging.getLogger(__name__)

SERVICE = "Picqer"
PAGE_SIZE = 100  # "Most GET requests are limited to 100 results" (Picqer API, "Pagination"; api-notes §1)
# Without Retry-After (Picqer does not document one) wait 20 s like the official PHP client, growing to 60 s.
RATE_LIMIT_WAIT = 20.0
RATE_LIMIT_CAP = 60.0
# Picqer answers 400 "... is locked" while another process (a webhook, a second station) holds the picklist:
# try again this many times, after these pauses.
LOCK_RETRIES = 3
LOCK_BACKOFF = (0.5, 1.0, 2.0)
# After a comment POST that got no answer, how long to watch for it before saying it failed (at least the
# read timeout: the server may still be working on it).
COMMENT_CONFIRM_MIN_SECONDS = 1.0
COMMENT_CONFIRM_INTERVAL = 0.25
# After a shipment POST that got no (readable) answer, watch GET shipments this long, this often, before saying
# it failed: Picqer waits up to 20 s for the shipping provider, so the shipment may appear after the reply died.
SHIPMENT_CONFIRM_MIN_SECONDS = 1.0
SHIPMENT_CONFIRM_INTERVAL = 1.0
ERROR_WRONG_STATUS = 21  # "Item not found or does not have the right status"
# Picqer product types whose parts are packed instead of the product itself (Picqer products, "type").
COMPOSITION_TYPES = frozenset({"virtual_composition", "composition_with_stock"})
PRODUCTS_PER_REQUEST = PAGE_SIZE  # idproducts filter: one page of products per request
MAX_PDF_BYTES = 20 * 1024 * 1024


def _is_locked(exc: ApiStatusError) -> bool:
    return exc.status == 400 and "is locked" in exc.message.lower()


def picklist_query(
    status: PicklistStatus | None,
    warehouse_id: int | None,
    search: str | None,
    picklist_number: str | None,
    assigned_user_id: int | None,
    since_id: int | None,
) -> dict[str, Any]:
    """Return the GET /picklists filters for what is asked; an empty or zero filter is left out."""
    params: dict[str, Any] = {}
    if status is not None and status is not PicklistStatus.UNKNOWN:
        params["status"] = status.value
    given = {
        "idwarehouse": warehouse_id,
        "search": search,
        "picklistid": picklist_number,
        "assigned_to_iduser": assigned_user_id,
    }
    params.update((name, value) for name, value in given.items() if value)
    if since_id is not None:
        params["sinceid"] = int(since_id)  # 0 is a real bound: every picklist
    return params


def shipment_body(
    profile_id: int, weight_grams: int | None, parcel_weights: Sequence[int], packaging_ids: Sequence[int | None]
) -> dict[str, Any]:
    """Return the POST /picklists/{id}/shipments body: parcels (with their boxes) for multi-collo only."""
    body: dict[str, Any] = {"idshippingprofile": int(profile_id)}
    if weight_grams:
        body["weight"] = int(weight_grams)
    if len(parcel_weights) > 1:
        body["parcels"] = [{"weight": int(w)} for w in parcel_weights]
        for parcel, packaging_id in zip(body["parcels"], packaging_ids, strict=False):
            if packaging_id:
                parcel["idpackaging"] = int(packaging_id)
    elif packaging_ids and packaging_ids[0]:
        body["idpackaging"] = int(packaging_ids[0])
    return body


class PicqerClient:
    """Picqer, as far as the packing station needs it (implements services.ports.PicklistSource).

    Products are cached for the life of the client (one session): they rarely change while a station runs.
    """

    def __init__(
        self,
        config: HttpConfig,
        limiter: RateLimiter,
        retry: RetryPolicy,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._session = ApiSession(
            SERVICE,
            config,
            limiter,
            retry,
            headers={"Accept": "application/json"},
            # HTTP Basic with the key as user name; "the password will be ignored" (Picqer API, api-notes §1).
            basic_auth=(config.api_key, ""),
            error_parser=parse_picqer_error,
            rate_limit_wait=RATE_LIMIT_WAIT,
            rate_limit_cap=RATE_LIMIT_CAP,
            transport=transport,
        )
        self._products: dict[int, Product] = {}

    async def aclose(self) -> None:
        """Close the connection pool."""
        await self._session.aclose()

    # --- plumbing ------------------------------------------------------------------------------

    async def _call(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """Send a request; retry Picqer's 400 "is locked" a few times (the request was refused, so it is safe)."""
        for attempt in range(LOCK_RETRIES + 1):
            try:
                return await self._session.request(method, url, **kwargs)
            except Rejected as exc:
                if not _is_locked(exc) or attempt == LOCK_RETRIES:
                    raise
                log.info("Picqer: %s %s is locked; retry %d", method, url, attempt + 1)
                await self._session.retry.sleep(LOCK_BACKOFF[min(attempt, len(LOCK_BACKOFF) - 1)])
        raise AssertionError("unreachable")  # pragma: no cover

    async def _get_json(
        self,
        url: str,
        what: str,
        params: Mapping[str, Any] | None = None,
        *,
        priority: Priority = Priority.FOREGROUND,
    ) -> Any:
        response = await self._call("GET", url, params=params, priority=priority)
        return self._session.json(response, what)

    async def _paged(
        self, url: str, what: str, params: Mapping[str, Any], *, priority: Priority = Priority.FOREGROUND
    ) -> AsyncIterator[Any]:
        """Yield the items of every offset page (each page retried on its own, so a 429 skips nothing)."""
        offset = 0
        while True:
            page = expect_list(
                SERVICE, what, await self._get_json(url, what, {**params, "offset": offset}, priority=priority)
            )
            for item in page:
                yield item
            if len(page) < PAGE_SIZE:
                return
            offset += PAGE_SIZE

    # --- picklists -----------------------------------------------------------------------------

    async def iter_picklists(
        self,
        status: PicklistStatus | None = PicklistStatus.NEW,
        warehouse_id: int | None = None,
        search: str | None = None,
        *,
        picklist_number: str | None = None,
        assigned_user_id: int | None = None,
        since_id: int | None = None,
        background: bool = False,
    ) -> AsyncIterator[Picklist]:
        """Yield picklists page by page (Picqer pages of 100), each at most once.

        `since_id` asks only for picklists with a higher idpicklist (Picqer's documented `sinceid`: the ones created
        since, as ids grow; it says nothing of picklists changed since). `background` pages wait behind every scan
        and shipment of this key (see RateLimiter).
        """
        params = picklist_query(status, warehouse_id, search, picklist_number, assigned_user_id, since_id)
        priority = Priority.BACKGROUND if background else Priority.FOREGROUND
        # Offset pages shift when picklists close meanwhile; never show one twice.
        seen: set[int] = set()
        async for raw in self._paged("/picklists", "picklists", params, priority=priority):
            picklist = parse_picklist(raw)
            if picklist.id not in seen:
                seen.add(picklist.id)
                yield picklist

    async def find_picklist(self, number: str) -> Picklist | None:
        """Return the picklist with this human number (e.g. P2024-00123), or None."""
        number = number.strip()
        if not number:
            return None
        raw = await self._get_json("/picklists", "picklists", {"picklistid": number})
        for item in expect_list(SERVICE, "picklists", raw):
            found = parse_picklist(item)
            if found.number.casefold() == number.casefold():
                if isinstance(item, Mapping) and isinstance(item.get("products"), list):
                    return found  # this list answer carries the products: it is the whole picklist
                # List answers may leave out the products (api-notes §2); the single picklist has them.
                return await self.get_picklist(found.id)
        return None

    async def get_picklist(self, picklist_id: int) -> Picklist:
        """Return one picklist with its products."""
        return parse_picklist(await self._get_json(f"/picklists/{int(picklist_id)}", "picklist"))

    async def shipping_methods(self, picklist_id: int) -> tuple[list[PicqerProfile], int | None]:
        """Return the profiles allowed for this picklist and the id of the one Picqer selected (or None)."""
        raw = await self._get_json(f"/picklists/{int(picklist_id)}/shippingmethods", "shipping methods")
        profiles: list[PicqerProfile] = []
        selected: int | None = None
        for index, item in enumerate(expect_list(SERVICE, "shipping methods", raw)):
            f = Fields(SERVICE, f"shipping method {index}", item)
            profile = PicqerProfile(
                id=f.req_int("idshippingprovider_profile"), name=f.opt_str("name"), provider=f.opt_str("provider")
            )
            profiles.append(profile)
            if f.opt_bool("selected"):
                selected = profile.id
        return profiles, selected

    async def packing_list_pdf(self, picklist_id: int) -> bytes:
        """Return the packing list PDF of a picklist."""
        response = await self._call(
            "GET",
            f"/picklists/{int(picklist_id)}/packinglistpdf",
            headers={"Accept": "application/pdf, application/json"},
            max_bytes=MAX_PDF_BYTES,
        )
        return _pdf_from(response)

    async def add_comment(self, picklist_id: int, text: str) -> None:
        """Add a comment to a picklist (where the tracking code goes when Picqer has no shipment)."""
        try:
            await self._call("POST", f"/picklists/{int(picklist_id)}/comments", json={"body": text})
        except (RequestTimeout, ConnectionFailed, ServerError):
            # Picqer may have stored it (or still be storing it): watch for it before anyone posts it again.
            if await self._comment_appears(picklist_id, text):
                log.info("Picqer: the comment on picklist %s was stored although its reply was lost", picklist_id)
                return
            raise

    async def _comment_appears(self, picklist_id: int, text: str) -> bool:
        """Look for a comment for as long as Picqer could still be working on an unanswered POST."""

        async def look() -> bool | None:
            try:
                return True if text in await self.list_comments(picklist_id) else None
            except (RequestTimeout, ConnectionFailed, ServerError, BadResponse):
                return None  # still unknown: keep watching until the window closes

        window = max(COMMENT_CONFIRM_MIN_SECONDS, self._session.config.read_timeout)
        return await self._session.watch(look, window, COMMENT_CONFIRM_INTERVAL) is not None

    async def list_comments(self, picklist_id: int) -> list[str]:
        """Return the text of every comment on a picklist (to check a write-back whose reply was lost)."""
        data = await self._get_json(f"/picklists/{int(picklist_id)}/comments", "picklist comments")
        if not isinstance(data, list):
            raise BadResponse(SERVICE, "The picklist comments are not a list.")
        return [str(item.get("body", "")) for item in data if isinstance(item, dict)]

    async def create_shipment(
        self,
        picklist_id: int,
        profile_id: int,
        weight_grams: int | None = None,
        parcel_weights: Sequence[int] = (),
        packaging_ids: Sequence[int | None] = (),
    ) -> PicqerShipment:
        """Create a Picqer shipment with this shipping-provider profile; Picqer asks the profile's provider.

        `parcel_weights` (grams, one per parcel) are sent for multi-collo only. `packaging_ids` (Picqer
        idpackaging, one per parcel, None when unknown) tell Picqer which box each parcel went in.
        Never sent twice: after a lost or unreadable reply the shipments of the picklist are watched, and a
        non-cancelled one with this profile is returned as the one this call made. Picqer's error 26 (the provider
        said no) raises ShipmentNotRegistered with the provider's own messages.
        """
        body = shipment_body(profile_id, weight_grams, parcel_weights, packaging_ids)
        url = f"/picklists/{int(picklist_id)}/shipments"
        try:
            response = await self._call("POST", url, json=body)
        except Rejected as exc:
            refused = shipment_not_registered(exc)
            if refused is not None:
                raise refused from None
            raise
        except (RequestTimeout, ConnectionFailed, ServerError):
            # The shipment may exist although its reply was lost: look, never post a second one blindly.
            found = await self._shipment_appears(picklist_id, profile_id)
            if found is None:
                raise
            log.info("Picqer: shipment %s of picklist %s was made although its reply was lost", found.id, picklist_id)
            return found
        try:
            return parse_shipment(self._session.json(response, "shipment"))
        except BadResponse:
            # Created (a 2xx), but the answer is not a shipment object: read it back from the list.
            found = await self._shipment_appears(picklist_id, profile_id)
            if found is None:
                raise
            return found

    async def _shipment_appears(self, picklist_id: int, profile_id: int) -> PicqerShipment | None:
        """Watch a picklist's shipments for a non-cancelled one made with this profile, while Picqer may still be
        making it; None when it did not appear or Picqer cannot be read now (the caller's retry looks again first).
        """

        async def look() -> PicqerShipment | None:
            return shipment_made_with(await self.list_shipments(picklist_id), profile_id)

        window = max(SHIPMENT_CONFIRM_MIN_SECONDS, self._session.config.read_timeout)
        try:
            return await self._session.watch(look, window, SHIPMENT_CONFIRM_INTERVAL)
        except (RequestTimeout, ConnectionFailed, ServerError, BadResponse) as exc:
            # Unreadable now (each read already retried): stop, rather than keep the packer waiting minutes.
            log.info("Picqer: cannot look for the shipment of picklist %s now: %s", picklist_id, exc)
            return None

    async def list_shipments(self, picklist_id: int) -> list[PicqerShipment]:
        """Return the Picqer shipments of a picklist, cancelled ones included (oldest first, as Picqer lists them)."""
        raw = await self._get_json(f"/picklists/{int(picklist_id)}/shipments", "picklist shipments")
        return [parse_shipment(item) for item in expect_list(SERVICE, "picklist shipments", raw)]

    async def pick_all(self, picklist_id: int) -> Picklist | None:
        """Mark every product of the picklist as picked; return the picklist Picqer answers with, if any."""
        response = await self._call("POST", f"/picklists/{int(picklist_id)}/pickall")
        return _picklist_in(response, picklist_id)

    async def close_picklist(self, picklist_id: int) -> Picklist | None:
        """Close the picklist (one already closed counts as done); return it as Picqer answers, if it does."""
        try:
            response = await self._call("POST", f"/picklists/{int(picklist_id)}/close")
        except Rejected as exc:
            # Picqer closes a picklist by itself once shipped and picked; a second close answers error 21.
            if ERROR_WRONG_STATUS not in exc.codes:
                raise
            current = await self.get_picklist(picklist_id)
            if current.status is not PicklistStatus.CLOSED:
                raise
            log.info("Picqer: picklist %s was already closed", current.number)
            return current
        return _picklist_in(response, picklist_id)

    async def assign(self, picklist_id: int, user_id: int) -> Picklist | None:
        """Assign the picklist to a user (the packer at this station); return the picklist Picqer answers with.

        The answer shows the picklist right after this assignment: it cannot tell whether another station
        assigns it a moment later (Picqer re-assigns without complaint), so a claim still needs a later re-read.
        """
        response = await self._call("POST", f"/picklists/{int(picklist_id)}/assign", json={"iduser": int(user_id)})
        return _picklist_in(response, picklist_id)

    async def unassign(self, picklist_id: int) -> Picklist | None:
        """Release the picklist; return the picklist Picqer answers with, if any."""
        response = await self._call("POST", f"/picklists/{int(picklist_id)}/unassign")
        return _picklist_in(response, picklist_id)

    async def pick(
        self, picklist_id: int, picks: Sequence[Pick], on_picked: Callable[[Pick], None] | None = None
    ) -> None:
        """Mark units of picklist lines as picked: one POST /pick per line, amounts of the same line coalesced.

        Picqer's pick takes one product per call, so the lines go one after another through the shared rate
        limiter (never a burst of parallel calls); "is locked" is retried with back-off by `_call`. `on_picked`
        is called after each accepted pick, so a failure part-way leaves the caller knowing what was sent.
        """
        merged: dict[tuple[int | None, str], int] = {}
        for item in picks:
            if item.amount > 0:
                key = (item.line_id, item.product_code if item.line_id is None else "")
                merged[key] = merged.get(key, 0) + item.amount
        url = f"/picklists/{int(picklist_id)}/pick"
        for (line_id, code), amount in merged.items():
            # idpicklist_product names the exact line (a product can be on two lines); productcode otherwise.
            body: dict[str, Any] = {"amount": int(amount)}
            if line_id is not None:
                body["idpicklist_product"] = int(line_id)
            else:
                body["productcode"] = code
            await self._call("POST", url, json=body)
            if on_picked is not None:
                on_picked(Pick(line_id, code, amount))

    # --- products and packagings ---------------------------------------------------------------

    async def get_products(self, product_ids: Sequence[int]) -> dict[int, Product]:
        """Return the products with these ids (bundles with their parts), from the session cache when known.

        Unknown ids are asked in batches with the `idproducts` filter; an id Picqer does not return is left out.
        """
        wanted = list(dict.fromkeys(int(i) for i in product_ids))
        missing = [i for i in wanted if i not in self._products]
        for start in range(0, len(missing), PRODUCTS_PER_REQUEST):
            batch = missing[start : start + PRODUCTS_PER_REQUEST]
            raw = await self._get_json("/products", "products", {"idproducts": ",".join(str(i) for i in batch)})
            for index, item in enumerate(expect_list(SERVICE, "products", raw)):
                product, composition = parse_product(item, index)
                if composition:
                    product = Product(
                        product.id,
                        product.code,
                        product.name,
                        product.barcodes,
                        product.weight_grams,
                        tuple(await self.get_parts(product.id)),
                    )
                self._products[product.id] = product
        return {i: self._products[i] for i in wanted if i in self._products}

    async def get_parts(self, product_id: int) -> list[ProductPart]:
        """Return the parts of a composition (GET /products/{id}/parts): product id and units per composition."""
        raw = await self._get_json(f"/products/{int(product_id)}/parts", "product parts")
        parts: list[ProductPart] = []
        for index, item in enumerate(expect_list(SERVICE, "product parts", raw)):
            f = Fields(SERVICE, f"product {product_id} part {index}", item)
            parts.append(ProductPart(product_id=f.req_int("idproduct"), amount=f.opt_int("amount", 1) or 1))
        return parts

    async def list_packagings(self) -> list[Packaging]:
        """Return the account's active packagings (GET /packagings, all pages)."""
        return [
            parse_packaging(item)
            async for item in self._paged("/packagings", "packagings", {})
            if not isinstance(item, Mapping) or item.get("active", True) is not False
        ]

    # --- orders --------------------------------------------------------------------------------

    async def get_order(self, order_id: int) -> Order:
        """Return one order (pickup point, remarks, language, product weights and prices)."""
        return parse_order(await self._get_json(f"/orders/{int(order_id)}", "order"))

    async def set_order_field(self, order_id: int, order_field_id: int, value: str) -> None:
        """Set a custom order field (e.g. the tracking code)."""
        await self._call("PUT", f"/orders/{int(order_id)}/orderfields/{int(order_field_id)}", json={"value": value})

    # --- account -------------------------------------------------------------------------------

    async def list_shipping_providers(self) -> list[PicqerShippingProvider]:
        """Return the account's active shipping providers with their active profiles (GET /shippingproviders)."""
        raw = await self._get_json("/shippingproviders", "shipping providers")
        providers: list[PicqerShippingProvider] = []
        for index, item in enumerate(expect_list(SERVICE, "shipping providers", raw)):
            provider = Fields(SERVICE, f"shipping provider {index}", item)
            if not provider.opt_bool("active", True):
                continue
            provider_name = provider.opt_str("name") or provider.opt_str("provider")
            profiles: list[PicqerProfile] = []
            for profile in provider.children("profiles"):
                if not profile.opt_bool("active", True):
                    continue
                profiles.append(
                    PicqerProfile(
                        id=profile.req_int("idshippingprovider_profile"),
                        name=profile.opt_str("name"),
                        provider=provider_name,
                    )
                )
            providers.append(
                PicqerShippingProvider(
                    id=provider.opt_int("idshippingprovider", 0) or 0,
                    name=provider_name,
                    kind=provider.opt_str("provider"),
                    profiles=tuple(profiles),
                )
            )
        return providers

    async def list_profiles(self) -> list[PicqerProfile]:
        """Return every active shipping-provider profile, flattened from GET /shippingproviders."""
        return [profile for provider in await self.list_shipping_providers() for profile in provider.profiles]

    async def current_user(self) -> PicqerUser:
        """Return the user the API key belongs to."""
        return parse_user(await self._get_json("/users/me", "user"))

    async def list_users(self, active_only: bool = True) -> list[PicqerUser]:
        """Return the account's users (all pages)."""
        params = {"active": "true"} if active_only else {}
        return [parse_user(item) async for item in self._paged("/users", "users", params)]

    async def list_order_fields(self) -> dict[int, str]:
        """Return the account's order fields as id -> title (GET /orderfields, all pages)."""
        return await self._titles_by_id("/orderfields", "order field", "idorderfield", "title")

    async def list_packing_stations(self) -> list[PackingStation]:
        """Return the account's packing stations with their printers (GET /packingstations, all pages)."""
        return [parse_packing_station(item) async for item in self._paged("/packingstations", "packing stations", {})]

    async def list_warehouses(self) -> dict[int, str]:
        """Return the account's warehouses as id -> name (all pages)."""
        return await self._titles_by_id("/warehouses", "warehouse", "idwarehouse", "name")

    async def _titles_by_id(self, path: str, what: str, id_key: str, title_key: str) -> dict[int, str]:
        """Return every page of a plain list as id -> title; `what` names one item in errors."""
        titles: dict[int, str] = {}
        async for item in self._paged(path, f"{what}s", {}):
            f = Fields(SERVICE, what, item)
            titles[f.req_int(id_key)] = f.opt_str(title_key)
        return titles


# --- wire mapping ------------------------------------------------------------------------------


def _cents(amount: Decimal | None) -> int | None:
    if amount is None:
        return None
    return int((amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _grams(value: int | None) -> int | None:
    return value if value else None  # Picqer uses 0 for "weight unknown"


def parse_tags(value: object) -> tuple[str, ...]:
    """Return tag titles from either form: an object keyed by title (before 2 Oct 2025) or an array of objects."""
    if value is None or value == [] or value == {}:
        return ()
    if isinstance(value, Mapping):
        titles = [_keyed_tag_title(key, tag) for key, tag in value.items()]
    elif isinstance(value, list):
        titles = [_listed_tag_title(tag) for tag in value]
    else:
        raise BadResponse(SERVICE, f"picklist: field 'tags' should be a list or an object, got {value!r:.60}")
    return tuple(t for t in titles if t)


def _keyed_tag_title(key: object, tag: object) -> str:
    """The older form: the key is the title, unless the tag object names one."""
    title = tag.get("title") if isinstance(tag, Mapping) else None
    return str(title if isinstance(title, str) and title else key).strip()


def _listed_tag_title(tag: object) -> str:
    if isinstance(tag, Mapping) and isinstance(tag.get("title"), str):
        return str(tag["title"]).strip()
    if isinstance(tag, str):
        return tag.strip()
    raise BadResponse(SERVICE, f"picklist: a tag should be an object with a title, got {tag!r:.60}")


def _delivery(f: Fields) -> DeliveryAddress:
    return DeliveryAddress(
        name=f.opt_str("deliveryname"),
        # The picklist says "deliverycontact", the order "deliverycontactname" (api-notes §2).
        contact=f.opt_str("deliverycontact") or f.opt_str("deliverycontactname"),
        address_line=f.opt_str("deliveryaddress"),
        address_line2=f.opt_str("deliveryaddress2"),
        postal_code=f.opt_str("deliveryzipcode"),
        city=f.opt_str("deliverycity"),
        region=f.opt_str("deliveryregion"),
        country=f.opt_str("deliverycountry").upper(),
        phone=f.opt_str("telephone"),
        email=f.opt_str("emailaddress"),
    )


class _LineBasics(TypedDict):
    product_code: str
    name: str
    amount: int


def _line_basics(p: Fields) -> _LineBasics:
    """What a picklist line and an order line read first, alike, from their `products` entry."""
    return _LineBasics(
        product_code=p.opt_str("productcode"),
        name=p.opt_str("name"),
        amount=p.opt_int("amount", 0) or 0,
    )


def parse_picklist(data: object) -> Picklist:
    """Return a Picklist from Picqer's picklist object."""
    f, picklist_id = Fields.identified(SERVICE, "picklist", data, "idpicklist")
    lines = [
        PicklistLine(
            **_line_basics(p),
            amount_picked=p.opt_int("amount_picked", 0) or 0,
            weight_grams=_grams(p.opt_int("weight")),
            line_id=p.opt_int("idpicklist_product"),
            product_id=p.opt_int("idproduct"),
            has_parts=p.opt_bool("has_parts"),
            part_of_line_id=p.opt_int("partof_idpicklist_product"),
        )
        for p in f.children("products")
    ]
    return Picklist(
        id=picklist_id,
        number=f.req_str("picklistid"),
        status=PicklistStatus.parse(f.req_str("status")),
        delivery=_delivery(f),
        lines=tuple(lines),
        order_id=f.opt_int("idorder"),
        warehouse_id=f.opt_int("idwarehouse"),
        urgent=f.opt_bool("urgent"),
        weight_grams=_grams(f.opt_int("weight")),
        preferred_profile_id=f.opt_int("idshippingprovider_profile"),
        preferred_delivery_date=f.opt_date("preferred_delivery_date"),
        total_products=f.opt_int("totalproducts", 0) or 0,
        total_picked=f.opt_int("totalpicked", 0) or 0,
        assigned_user_id=f.opt_int("assigned_to_iduser"),
        reference=f.opt_str("reference"),
        tags=parse_tags(f.data.get("tags")),
        updated=_stamp(f.data.get("updated")),
    )


def _stamp(value: object) -> datetime | None:
    """Return a Picqer date-time ("2024-03-04 07:33:00"); None when absent or unreadable (it only steers refresh)."""
    if not isinstance(value, str):
        return None
    value = value.strip()[:19]
    if len(value) != 19 or value[10] != " ":
        return None
    try:
        return datetime.fromisoformat(value)  # 10x faster than strptime: 50,000 rows in a full read
    except ValueError:
        return None


def _cm_to_mm(value: int | None) -> int | None:
    return value * 10 if value else None  # Picqer packagings measure in whole centimetres; 0 is "not set"


def parse_product(data: object, index: int = 0) -> tuple[Product, bool]:
    """Return a Product (without parts) from Picqer's product object, and whether it is a composition."""
    f = Fields(SERVICE, f"product {index}", data)
    product_id = f.req_int("idproduct")
    f = Fields(SERVICE, f"product {product_id}", data)
    codes = [f.opt_str("barcode")]
    # Picqer documents one `barcode`; a `barcodes` list is read too when present (api-notes §17, unverified).
    for extra in f.items("barcodes"):
        if isinstance(extra, str):
            codes.append(extra.strip())
        elif isinstance(extra, Mapping) and isinstance(extra.get("barcode"), str):
            codes.append(extra["barcode"].strip())
    kind = f.opt_str("type", "normal").lower()
    product = Product(
        id=product_id,
        code=f.opt_str("productcode"),
        name=f.opt_str("name"),
        barcodes=tuple(dict.fromkeys(c for c in codes if c)),
        weight_grams=_grams(f.opt_int("weight")),
    )
    return product, kind in COMPOSITION_TYPES


def parse_packaging(data: object) -> Packaging:
    """Return a Packaging from Picqer's packaging object (dimensions in centimetres on the wire)."""
    f, packaging_id = Fields.identified(SERVICE, "packaging", data, "idpackaging")
    barcode = f.opt_str("barcode")
    return Packaging(
        id=packaging_id,
        name=f.opt_str("name"),
        barcodes=(barcode,) if barcode else (),
        length_mm=_cm_to_mm(f.opt_int("length")),
        width_mm=_cm_to_mm(f.opt_int("width")),
        height_mm=_cm_to_mm(f.opt_int("height")),
        # Not in Picqer's packaging table; read when an account has it (api-notes §17, unverified).
        weight_grams=_grams(f.opt_int("weight")),
    )


def parse_pickup_point(f: Fields | None) -> PickupPoint | None:
    """Return the pickup point of an order (Picqer pickup_point_data), or None."""
    if f is None:
        return None
    options = f.opt_obj("options")
    return PickupPoint(
        carrier=f.opt_str("carrier"),
        location_code=f.opt_str("location_code") or f.opt_str("id"),
        name=f.opt_str("name"),
        street=f.opt_str("street"),
        number=f.opt_str("house_number") or f.opt_str("number"),
        postal_code=f.opt_str("zipcode") or f.opt_str("postal_code"),
        city=f.opt_str("city"),
        country=(f.opt_str("country") or f.opt_str("cc")).upper(),
        retail_network_id=f.opt_str("retail_network_id") or (options.opt_str("retail_network_id") if options else ""),
    )


def parse_order(data: object) -> Order:
    """Return an Order from Picqer's order object."""
    f, order_id = Fields.identified(SERVICE, "order", data, "idorder")
    lines = [
        OrderLine(
            **_line_basics(p),
            weight_grams=_grams(p.opt_int("weight")),
            price_cents=_cents(p.opt_number("price")),
            hs_code=p.opt_str("hs_code"),
            country_of_origin=p.opt_str("country_of_origin").upper(),
            is_part=p.has("partof_idorder_product"),
        )
        for p in f.children("products")
    ]
    return Order(
        id=order_id,
        number=f.opt_str("orderid") or str(order_id),
        reference=f.opt_str("reference"),
        customer_remarks=f.opt_str("customer_remarks"),
        pickup_point=parse_pickup_point(f.opt_obj("pickup_point_data")),
        preferred_delivery_date=f.opt_date("preferred_delivery_date"),
        language=f.opt_str("language"),
        lines=tuple(lines),
        preferred_profile_id=f.opt_int("idshippingprovider_profile"),
        invoice_address=tuple(
            line for line in (f.opt_str("invoiceaddress"), f.opt_str("invoiceaddress2")) if line.strip()
        ),
        field_values=tuple(_order_field_values(f)),
    )


def _order_field_values(f: Fields) -> list[tuple[int, str]]:
    values = []
    for field in f.children("orderfields"):
        field_id = field.opt_int("idorderfield")
        if field_id is not None:
            values.append((field_id, field.opt_str("value")))
    return values


def parse_packing_station(data: object) -> PackingStation:
    """Return a packing station of GET /packingstations with the printer Picqer keeps for each role."""
    f, station_id = Fields.identified(SERVICE, "packing station", data, "idpacking_station")
    printers = []
    for role in StationPrinterRole:
        p = f.opt_obj(role.value)  # null when the station has no printer for the role
        if p is None:
            continue
        printers.append(
            (
                role,
                StationPrinter(
                    id=p.req_int("idprinter"),
                    name=p.opt_str("name"),
                    paper=p.opt_str("format"),
                    width_mm=p.opt_int("custom_width"),
                    height_mm=p.opt_int("custom_height"),
                    zpl=p.opt_bool("zpl_support"),
                    printnode_id=p.opt_int("printnode_printerid"),
                ),
            )
        )
    return PackingStation(id=station_id, name=f.opt_str("name"), printers=tuple(printers))


def parse_user(data: object) -> PicqerUser:
    """Return a PicqerUser from Picqer's user object (first/last name spelled either way)."""
    f = Fields(SERVICE, "user", data)
    first = f.opt_str("firstname") or f.opt_str("first_name")
    last = f.opt_str("lastname") or f.opt_str("last_name")
    return PicqerUser(id=f.req_int("iduser"), username=f.opt_str("username"), full_name=f"{first} {last}".strip())


def parse_shipment(data: object) -> PicqerShipment:
    """Return a PicqerShipment from either layout: the older top-level trackingcode/labelurl_pdf, or parcels[]."""
    f, shipment_id = Fields.identified(SERVICE, "shipment", data, "idshipment")
    codes, parcel_url, parcel_label = _parcels(f)
    top_code = f.opt_str("trackingcode")
    if top_code and not codes:
        codes.append(top_code)
    return PicqerShipment(
        id=shipment_id,
        picklist_id=f.opt_int("idpicklist"),
        # The shipments API says idcompany_shippingprovider_profile; /shippingproviders the same id without
        # "company"; accept both.
        profile_id=f.opt_int("idcompany_shippingprovider_profile") or f.opt_int("idshippingprovider_profile"),
        profile_name=f.opt_str("profile_name"),
        provider_name=f.opt_str("public_providername") or f.opt_str("providername") or f.opt_str("provider"),
        carrier_key=f.opt_str("carrier_key"),
        tracking_codes=tuple(codes),
        tracking_url=f.opt_str("trackingurl") or f.opt_str("tracktraceurl") or parcel_url,
        label_url=f.opt_str("labelurl_pdf") or f.opt_str("labelurl") or parcel_label,
        cancelled=f.opt_bool("cancelled"),
        created=f.opt_str("created"),
    )


def _parcels(f: Fields) -> tuple[list[str], str, str]:
    """Return the newer layout's tracking codes (each once), its first tracking URL and first PDF label URL."""
    codes: list[str] = []
    parcel_url = ""
    parcel_label = ""
    for parcel in f.children("parcels"):
        code = parcel.opt_str("tracking_code")
        if code and code not in codes:
            codes.append(code)
        parcel_url = parcel_url or parcel.opt_str("tracking_url")
        parcel_label = _pdf_label_url(parcel, parcel_label)
    return codes, parcel_url, parcel_label


def _pdf_label_url(parcel: Fields, found: str) -> str:
    """Return `found`, else the parcel's first PDF label URL; every document is read (and checked) either way."""
    for document in parcel.children("documents"):
        if document.opt_str("type", "label") == "label" and document.opt_str("format", "pdf") == "pdf":
            found = found or document.opt_str("url")
    return found


def _picklist_in(response: httpx.Response, picklist_id: int) -> Picklist | None:
    """Return the picklist an action endpoint answered with, or None when the answer is not that picklist."""
    if not response.content or "json" not in response.headers.get("Content-Type", "json").lower():
        return None
    try:
        data = json.loads(response.content)
    except ValueError:
        return None  # the action succeeded; an unreadable echo only means the caller reads the picklist itself
    if not isinstance(data, Mapping) or data.get("idpicklist") != int(picklist_id):
        return None
    try:
        return parse_picklist(data)
    except BadResponse as exc:
        log.info("Picqer: the answer to an action on picklist %s is not a whole picklist (%s)", picklist_id, exc)
        return None


def _pdf_from(response: httpx.Response) -> bytes:
    """Return PDF bytes from a PDF answer, or from a base64 field of a JSON answer."""
    content_type = response.headers.get("Content-Type", "").lower()
    content = response.content
    if "json" in content_type:
        data = decode_json(content)
        encoded = None
        if isinstance(data, Mapping):
            encoded = next(
                (data[k] for k in ("pdf", "base64", "content", "data") if isinstance(data.get(k), str)), None
            )
        if encoded is None:
            raise BadResponse(SERVICE, "packing list: the JSON answer holds no PDF")
        try:
            content = base64.b64decode(encoded, validate=True)
        except (binascii.Error, ValueError):
            raise BadResponse(SERVICE, "packing list: the PDF in the answer is not valid base64") from None
    if not content.startswith(b"%PDF"):
        raise BadResponse(SERVICE, f"packing list: the answer is not a PDF ({content_type or 'no content type'})")
    return content
