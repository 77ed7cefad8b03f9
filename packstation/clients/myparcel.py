"""MyParcel.nl / SendMyParcel.be client; the only place MyParcel field names and wire formats appear."""

from __future__ import annotations

import base64
import logging
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from packstation.clients.errors import (
    ApiError,
    ApiStatusError,
    BadResponse,
    ConnectionFailed,
    NotFound,
    Rejected,
    RequestTimeout,
    ServerError,
    parse_myparcel_error,
)
from packstation.clients.http import ApiSession, HttpConfig, RateLimiter, RetryPolicy
from packstation.clients.wire import Fields
from packstation.domain.shipments import (
    Address,
    Carrier,
    CustomsDeclaration,
    LabelFormat,
    PickupLocation,
    Platform,
    Shipment,
    ShipmentOptions,
    ShipmentRequest,
)

if TYPE_CHECKING:  # the session imports httpx on its first request (see clients/http.py)
    import httpx

log = logging.getLogger(__name__)

SERVICE = "MyParcel"
BASE_URLS = {
    Platform.MYPARCEL: "https://api.myparcel.nl",
    # SendMyParcel.be API §1.A; the MyParcel.nl docs post BE examples to api.myparcel.nl too: overridable per account
    # (api-notes §5).
    Platform.SENDMYPARCEL: "https://api.sendmyparcel.be",
}
# MyParcel.nl / SendMyParcel.be API §5 say "basic"; the current reference's examples say "bearer" (api-notes §6).
# Follow the numbered docs.
AUTH_SCHEME = "basic"
# MyParcel.nl API §6.B.2 requires version=1.1 (some examples and SendMyParcel.be omit it, api-notes §6); the
# version-less form is tried once only when the server refuses the content type (415 / error 3100).
SHIPMENT_CONTENT_TYPE = "application/vnd.shipment+json;charset=utf-8;version=1.1"
SHIPMENT_CONTENT_TYPE_NO_VERSION = "application/vnd.shipment+json;charset=utf-8"
JSON_CONTENT_TYPE = "application/json;charset=utf-8"
# A related return shipment (MyParcel reference §6.B.3): booked against a parent that is no longer a concept.
RETURN_CONTENT_TYPE = "application/vnd.return_shipment+json;charset=utf-8;version=1.1"
LABEL_LINK_ACCEPT = "application/vnd.shipment_label_link+json;charset=utf8"
# MyParcel.nl API §6.F.2: above 25 labels use the download link and poll it (404 until ready, 3 s to 3 min).
LABEL_LINK_THRESHOLD = 25
LABEL_POLL_INTERVAL = 3.0
LABEL_POLL_TIMEOUT = 200.0
MAX_LABEL_BYTES = 50 * 1024 * 1024
# MyParcel developer reference §6.F.1 (api-notes §18): ZPL on this Accept header,
# for PostNL and bpost only (domestic and EU; a rest-of-world shipment answers with a PDF), one label per request;
# bpost gives ZPL only while no PDF was asked for, so the ZPL is fetched before the PDF.
CARRIER_ZPL_ACCEPT = "application/vnd.shipment_label+zpl"
ZPL_CARRIERS = frozenset({Carrier.POSTNL, Carrier.BPOST})
# MyParcel.nl API §1.D: "you will be able to continue 45 seconds later" (a 1-minute window); the current reference
# counts 5-minute windows, so wait 60 s growing to 300 s (api-notes §7).
RATE_LIMIT_WAIT = 60.0
RATE_LIMIT_CAP = 300.0
# After a timeout or lost reply on POST /shipments: look up, then post again only if nothing exists (2 posts at most).
CREATE_ATTEMPTS = 2
# A timed-out POST may still be booking at MyParcel: watch its reference this long (at least the read timeout)
# before a second POST, so a slow booking is found instead of duplicated.
CONFIRM_MIN_SECONDS = 5.0
# A 5xx MyParcel itself answered (500, 503) ended the request: a booking made before the error shows at once, so
# the short watch is enough. A gateway's 502/504 says nothing about the backend, which may still be booking.
STILL_WORKING_STATUSES = frozenset({502, 504})
CONFIRM_INTERVAL = 1.0
CONCEPT = 1
# The consumer portal's page per platform: MyParcel's SDK builds myparcel.me/track-trace/{barcode}/{postal}/{cc}
# (api-notes §13); SendMyParcel's tracktraces hold no link at all and MyParcel's own BE plugins and SDK
# platform table use sendmyparcel.me with the same path.
TRACK_TRACE_PAGES = {
    Platform.MYPARCEL: "https://myparcel.me/track-trace/",
    Platform.SENDMYPARCEL: "https://sendmyparcel.me/track-trace/",
}
# Search pages of GET /shipments (MyParcel.nl API §6.E: size 30-200).
SEARCH_PAGE_SIZE = 200

# Options sent as explicit 0/1 for a package (package_type 1); others send only what is switched on.
_BOOLEAN_OPTIONS = {
    Platform.MYPARCEL: ("only_recipient", "signature", "return", "large_format", "age_check"),
    # SendMyParcel.be API §6.A.3 documents signature; its examples also send return and large_format as 0.
    Platform.SENDMYPARCEL: ("signature", "return", "large_format"),
}


def _flag(value: bool) -> int:
    """MyParcel booleans are the integers 1 and 0 (MyParcel.nl API §4.1)."""
    return 1 if value else 0


def _price(cents: int) -> dict[str, Any]:
    return {"amount": int(cents), "currency": "EUR"}


def _put(target: dict[str, Any], key: str, value: str) -> None:
    if value:
        target[key] = value


def shipment_payload(request: ShipmentRequest, platform: Platform) -> dict[str, Any]:
    """Return the Shipment object of POST /shipments for a request (secondary parcels included)."""
    refs = request.parcel_references
    shipment: dict[str, Any] = {
        "reference_identifier": refs[0],
        "recipient": _recipient_payload(request.recipient),
        "options": _options_payload(request.options, platform),
        "carrier": int(request.carrier),
        # Always sent: SendMyParcel requires it, MyParcel needs it for non-EU and digital stamps.
        "physical_properties": _physical_properties(request.weight_grams, request.dimensions_cm),
        # Keep the account's address book clean of every customer of every packer.
        "general_settings": {"save_recipient_address": 0},
    }
    if request.pickup is not None:
        shipment["pickup"] = _pickup_payload(request.pickup)
    if request.customs is not None:
        shipment["customs_declaration"] = _customs_payload(request.customs)
    if len(refs) > 1:
        # Each extra parcel inherits everything from the main one and carries its own idempotency key (§6.H).
        shipment["secondary_shipments"] = [{"reference_identifier": ref} for ref in refs[1:]]
        # A secondary's own data wins over what it inherits (MyParcel.nl API §6.H.2): each box scanned at packing
        # carries its own weight and size.
        for secondary, box in zip(shipment["secondary_shipments"], request.boxes[1:], strict=False):
            secondary["physical_properties"] = _physical_properties(box.weight_grams, box.dimensions_cm)
    return shipment


def _physical_properties(weight_grams: int, dimensions_cm: tuple[int, int, int] | None) -> dict[str, int]:
    """PhysicalProperties (MP §7.N): integer grams; length/width/height in centimetres, as the box sizes Picqer
    keeps (api-notes §17: MyParcel states no unit)."""
    properties = {"weight": int(weight_grams)}
    if dimensions_cm is not None:
        length, width, height = (max(1, int(v)) for v in dimensions_cm)
        properties.update({"length": length, "width": width, "height": height})
    return properties


def _recipient_payload(r: Address) -> dict[str, Any]:
    recipient: dict[str, Any] = {"cc": r.cc, "city": r.city, "street": r.street}
    for key, value in (
        ("region", r.region),
        ("postal_code", r.postal_code),
        ("number", r.number),
        ("number_suffix", r.number_suffix),
        ("street_additional_info", r.street_additional_info),
        ("person", r.person),
        ("company", r.company),
        ("email", r.email),
        ("phone", r.phone),
    ):
        _put(recipient, key, value)
    if r.cc == "BE" or r.box_number:
        # Belgian addresses carry the "bus" number separately (SendMyParcel.be API §7.B.1; examples send "" when none).
        recipient["box_number"] = r.box_number
    return recipient


def _options_payload(o: ShipmentOptions, platform: Platform) -> dict[str, Any]:
    options: dict[str, Any] = {"package_type": int(o.package_type)}
    flags = {
        "only_recipient": o.only_recipient,
        "signature": o.signature,
        "return": o.return_to_sender,
        "large_format": o.large_format,
        "age_check": o.age_check,
    }
    explicit = _BOOLEAN_OPTIONS[platform] if o.package_type == 1 else ()
    for key, on in flags.items():
        if key in explicit or on:
            options[key] = _flag(on)
    if o.insurance_cents:
        options["insurance"] = _price(o.insurance_cents)
    if o.delivery_type is not None:
        options["delivery_type"] = int(o.delivery_type)
    if o.delivery_date is not None:
        options["delivery_date"] = f"{o.delivery_date.isoformat()} 00:00:00"
    _put(options, "label_description", o.label_description)
    return options


def _pickup_payload(p: PickupLocation) -> dict[str, Any]:
    pickup: dict[str, Any] = {
        "location_name": p.location_name,
        "street": p.street,
        "number": p.number,
        "postal_code": p.postal_code,
        "city": p.city,
        "cc": p.cc,
    }
    _put(pickup, "location_code", p.location_code)
    _put(pickup, "retail_network_id", p.retail_network_id)
    return pickup


def _customs_payload(c: CustomsDeclaration) -> dict[str, Any]:
    return {
        "contents": int(c.contents),
        "invoice": c.invoice,
        "weight": c.weight_grams,
        "items": [
            {
                "description": item.description,
                "amount": item.amount,
                "weight": item.weight_grams,
                "item_value": _price(item.value_cents),
                "classification": item.classification,
                "country": item.country,
            }
            for item in c.items
        ],
    }


def parse_shipment(data: object) -> Shipment:
    """Return a Shipment from MyParcel's shipment object."""
    f, shipment_id = Fields.identified(SERVICE, "shipment", data, "id")
    carrier = _carrier(f)
    # No recipient reads as an empty one: every recipient field is then "".
    recipient = f.opt_obj("recipient") or f.child("recipient", {})
    secondary_ids = [entry.req_int("id") for entry in f.children("secondary_shipments")]
    return Shipment(
        id=shipment_id,
        reference=f.opt_str("reference_identifier"),
        carrier=carrier,
        status=f.opt_int("status", CONCEPT) or CONCEPT,
        barcode=f.opt_str("barcode"),
        recipient_postal_code=recipient.opt_str("postal_code"),
        recipient_cc=recipient.opt_str("cc").upper(),
        secondary_ids=tuple(secondary_ids),
        recipient_street=recipient.opt_str("street"),
        recipient_number=recipient.opt_str("number"),
        recipient_number_suffix=recipient.opt_str("number_suffix"),
        recipient_city=recipient.opt_str("city"),
        has_customs=f.opt_obj("customs_declaration") is not None,
    )


def _carrier(f: Fields) -> Carrier | int:
    """Return the shipment's carrier (`carrier_id`, or the older `carrier`); a carrier this app does not know
    stays its number."""
    carrier_id = f.opt_int("carrier_id")
    if carrier_id is None:
        carrier_id = f.opt_int("carrier", 0) or 0
    try:
        return Carrier(carrier_id)
    except ValueError:
        return carrier_id  # newer carriers (DHL, GLS, …) are shown by number rather than refused


def label_link_in(data: object) -> str:
    """Return the download address of a label-link answer: data.pdfs.url, or the newer data.pdf[0].url."""
    body = Fields(SERVICE, "label link", data).opt_obj("data")
    holder: object = None
    if body is not None:
        holder = body.data.get("pdfs")
        if holder is None:
            holder = body.data.get("pdf")  # newer form: {"data": {"pdf": [{"url": ...}]}}
    if isinstance(holder, list):
        holder = holder[0] if holder else None
    link = holder.get("url") if isinstance(holder, Mapping) else None
    if not isinstance(link, str) or not link:
        raise BadResponse(SERVICE, "label link: the answer holds no download address")
    return link


def _shipments_in(data: object, what: str) -> list[Any]:
    """Return the shipment list of either GET wrapper: data.search_results.shipments or data.shipments."""
    body = Fields(SERVICE, what, data).opt_obj("data")
    if body is None:
        raise BadResponse(SERVICE, f"{what}: field 'data' is missing")
    results = body.opt_obj("search_results")
    holder = results if results is not None else body
    return holder.items("shipments")


def tracking_page(shipment: Shipment, platform: Platform = Platform.MYPARCEL) -> str:
    """Return the consumer-portal tracking page of a shipment, built from barcode, postal code and country, or ""."""
    if not shipment.barcode:
        return ""
    postal_code = "".join(shipment.recipient_postal_code.split()).upper()
    parts = [shipment.barcode, postal_code]
    if shipment.recipient_cc:
        parts.append(shipment.recipient_cc.upper())  # the SDK leaves the country out when it has none
    return TRACK_TRACE_PAGES[platform] + "/".join(quote(part, safe="") for part in parts)


def shipment_from_request(shipment_id: int, request: ShipmentRequest) -> Shipment:
    """Return the just-created concept of a one-parcel request as MyParcel stores it (no barcode before the label)."""
    return Shipment(
        id=shipment_id,
        reference=request.parcel_references[0],
        carrier=request.carrier,
        status=CONCEPT,
        barcode="",
        recipient_postal_code=request.recipient.postal_code,
        recipient_cc=request.recipient.cc.upper(),
    )


class MyParcelClient:
    """MyParcel.nl or SendMyParcel.be (implements services.ports.ShipmentCarrier)."""

    def __init__(
        self,
        config: HttpConfig,
        platform: Platform,
        limiter: RateLimiter,
        retry: RetryPolicy,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        if not config.base_url:
            config = replace(config, base_url=BASE_URLS[platform])
        self.platform = platform
        self._base_url = config.base_url.rstrip("/")
        self._session = ApiSession(
            SERVICE,
            config,
            limiter,
            retry,
            headers={
                # base64 of the raw key, without a "user:" part (MyParcel.nl API §5) — unlike Picqer's Basic auth.
                "Authorization": f"{AUTH_SCHEME} {base64.b64encode(config.api_key.encode()).decode('ascii')}",
                "Accept": "application/json;charset=utf-8",
            },
            error_parser=parse_myparcel_error,
            rate_limit_wait=RATE_LIMIT_WAIT,
            rate_limit_cap=RATE_LIMIT_CAP,
            transport=transport,
        )

    async def aclose(self) -> None:
        """Close the connection pool."""
        await self._session.aclose()

    @property
    def base_url(self) -> str:
        return self._base_url

    # --- reading -------------------------------------------------------------------------------

    async def find_by_reference(self, reference: str) -> list[Shipment]:
        """Return the shipments whose reference_identifier is exactly `reference` (newest last)."""
        if not reference:
            return []
        response = await self._session.request(
            "GET", "/shipments", params={"reference_identifier": reference, "size": SEARCH_PAGE_SIZE}
        )
        raw = _shipments_in(self._session.json(response, "shipment search"), "shipment search")
        # The search may match loosely; only the exact reference is the same parcel.
        found = [parse_shipment(item) for item in raw]
        return sorted((s for s in found if s.reference == reference), key=lambda s: s.id)

    async def get_shipment(self, shipment_id: int) -> Shipment:
        """Return one shipment (its barcode appears once the label exists)."""
        response = await self._session.request("GET", f"/shipments/{int(shipment_id)}")
        raw = _shipments_in(self._session.json(response, "shipment"), "shipment")
        for item in raw:
            shipment = parse_shipment(item)
            if shipment.id == shipment_id:
                return shipment
        raise NotFound(SERVICE, 404, ())

    async def tracking_url(self, shipment: Shipment) -> str:
        """Return the consumer-portal tracking page, built without a request (or "" before the barcode exists)."""
        if shipment.barcode and not shipment.recipient_postal_code.strip():
            # The page needs the postal code; without one (countries that have none) ask MyParcel instead.
            return await self.tracktrace_link(shipment)
        return tracking_page(shipment, self.platform)

    async def tracktrace_link(self, shipment: Shipment) -> str:
        """Return the link GET /tracktraces gives (the carrier's page), or the built page while it has none."""
        try:
            response = await self._session.request("GET", f"/tracktraces/{int(shipment.id)}")
            data = Fields(SERVICE, "tracktraces", self._session.json(response, "tracktraces")).opt_obj("data")
        except (ApiStatusError, BadResponse) as exc:
            log.info("MyParcel: no track & trace for %s (%s); using the built page", shipment.id, exc)
            return tracking_page(shipment, self.platform)
        entries = data.items("tracktraces") if data is not None else []
        for entry in entries:
            if not isinstance(entry, Mapping):
                continue  # recorded answers hold [] for a shipment without events
            for key in ("link_tracktrace", "link_consumer_portal"):
                link = entry.get(key)
                if isinstance(link, str) and link.startswith("https://"):
                    return link
        return tracking_page(shipment, self.platform)

    # --- creating ------------------------------------------------------------------------------

    async def create(self, request: ShipmentRequest, *, looked_up: bool = False) -> list[Shipment]:
        """Create the shipment (and its secondary parcels); return one Shipment per parcel, in parcel order.

        Idempotent by reference_identifier: what exists is reused, and after a timeout or lost reply the
        reference is watched for a while (MyParcel may still be booking) before anything is sent again.

        Args:
            looked_up: the caller found nothing under the main reference just now (no await on anything else
                between its lookup and this call): skip the lookup before the first POST. Every later attempt
                still looks up first.
        """
        payload = {"data": {"shipments": [shipment_payload(request, self.platform)]}}
        last_error: ApiError | None = None
        for attempt in range(1, CREATE_ATTEMPTS + 1):
            if attempt > 1 or not looked_up:
                existing = await self._existing(request)
                if existing is not None:
                    return existing
            try:
                # A 429 is retried inside (after its Retry-After, within the policy's budget): MyParcel refused
                # that POST untouched, so sending it again cannot book twice and needs no lookup first.
                main_id, echoed = await self._post_shipments(payload, request.reference)
            except (RequestTimeout, ConnectionFailed, ServerError) as exc:
                # The POST may have been (or still be being) booked: never decide without watching the reference.
                last_error = exc
                existing = await self._watch_for(request, attempt, self._watch_window(exc))
                if existing is not None:
                    log.info("MyParcel: %s was booked although its reply was lost; reusing it", request.reference)
                    return existing
                continue
            return await self._booked(request, main_id, echoed)
        existing = await self._existing(request)
        if existing is None:
            assert last_error is not None
            raise last_error
        return existing

    async def _booked(self, request: ShipmentRequest, main_id: int, echoed: str) -> list[Shipment]:
        """Return the parcels a successful POST booked (`echoed`: the reference its reply names, or "")."""
        refs = request.parcel_references
        if len(refs) == 1 and echoed in ("", refs[0]):
            # The POST reply holds the id and the request the rest; the barcode is read after the label.
            return [shipment_from_request(main_id, request)]
        # Multi-collo needs the secondary ids, which only GET /shipments/{id} gives.
        return await self._expand(await self.get_shipment(main_id), request)

    def _watch_window(self, error: ApiError) -> float:
        """How long to watch the reference after this failed POST before posting again."""
        if isinstance(error, ServerError) and error.status not in STILL_WORKING_STATUSES:
            return CONFIRM_MIN_SECONDS
        return max(CONFIRM_MIN_SECONDS, self._session.config.read_timeout)

    async def _watch_for(self, request: ShipmentRequest, attempt: int, window: float) -> list[Shipment] | None:
        """Look the reference up repeatedly for `window` seconds after a failed POST; None if it never shows."""
        return await self._session.watch(
            lambda: self._existing(request), window, CONFIRM_INTERVAL, attempt + 1, CREATE_ATTEMPTS
        )

    async def _post_shipments(self, payload: dict[str, Any], reference: str) -> tuple[int, str]:
        """POST (only a 429 is retried here); return the main shipment's id and the reference the reply echoes."""
        content_types = (SHIPMENT_CONTENT_TYPE, SHIPMENT_CONTENT_TYPE_NO_VERSION)
        for index, content_type in enumerate(content_types):
            try:
                response = await self._session.request(
                    "POST",
                    "/shipments",
                    json=payload,
                    headers={"Content-Type": content_type},
                    idempotent=False,  # a timeout or lost reply is the caller's to resolve: it looks first
                )
            except Rejected as exc:
                # 415 / 3100: the content type was refused before anything was created; try the other form.
                if index + 1 < len(content_types) and (exc.status == 415 or 3100 in exc.codes):
                    continue
                raise
            ids = Fields(SERVICE, "created shipments", self._session.json(response, "created shipments"))
            data = ids.opt_obj("data")
            raw_ids = data.items("ids") if data is not None else []
            if not raw_ids:
                raise BadResponse(SERVICE, f"created shipments: no id in the answer for {reference}")
            first = Fields(SERVICE, "created shipments.ids[0]", raw_ids[0])
            return first.req_int("id"), first.opt_str("reference_identifier")
        raise AssertionError("unreachable")  # pragma: no cover

    async def _existing(self, request: ShipmentRequest) -> list[Shipment] | None:
        """Return the parcels that already exist for this request, or None when the main one does not."""
        refs = request.parcel_references
        found = await self.find_by_reference(refs[0])
        # A secondary parcel never carries the main reference; the main is the one without a parent.
        mains = [s for s in found if s.id not in {sid for m in found for sid in m.secondary_ids}]
        if not mains:
            return None
        if len(mains) > 1:
            log.warning("MyParcel: %d shipments carry reference %s; using the oldest", len(mains), refs[0])
        return await self._expand(mains[0], request)

    async def _expand(self, main: Shipment, request: ShipmentRequest) -> list[Shipment]:
        """Return the main shipment and its secondary parcels in the order of the request's references."""
        refs = request.parcel_references
        if len(refs) == 1:
            return [main]
        parcels = [main]
        secondaries = [await self.get_shipment(sid) for sid in main.secondary_ids]
        by_ref = {s.reference: s for s in secondaries}
        # A secondary sent as {} may carry no reference or inherit the main one; match those by position.
        leftovers = [s for s in secondaries if s.reference not in refs[1:]]
        for ref in refs[1:]:
            shipment = by_ref.get(ref) or (leftovers.pop(0) if leftovers else None)
            if shipment is None:
                raise ApiError(
                    SERVICE,
                    f"shipment {main.id} ({refs[0]}) exists with {len(secondaries) + 1} of {len(refs)} parcels; "
                    "delete the concept at MyParcel or ship the parcels it has",
                )
            parcels.append(shipment)
        return parcels

    async def create_related_return(
        self, parent: Shipment, *, name: str, email: str, package_type: int = 1, printerless: bool = False
    ) -> int:
        """Book a related return of a registered shipment (its recipient becomes the sender); return its id.

        `printerless` asks MyParcel's `printerless_return` (PostNL within NL): the customer gets a code by e-mail
        instead of a label. Not retried on a lost reply: a second return would be a second paid shipment.
        """
        options: dict[str, Any] = {"package_type": int(package_type)}
        if printerless:
            options["printerless_return"] = 1
        payload = {
            "data": {
                "return_shipments": [
                    {
                        "parent": int(parent.id),
                        "carrier": int(parent.carrier),
                        "email": email,
                        "name": name,
                        "options": options,
                    }
                ]
            }
        }
        response = await self._session.request(
            "POST", "/shipments", json=payload, headers={"Content-Type": RETURN_CONTENT_TYPE}, idempotent=False
        )
        ids = Fields(SERVICE, "return shipment", self._session.json(response, "return shipment"))
        data = ids.opt_obj("data")
        raw_ids = data.items("ids") if data is not None else []
        if not raw_ids:
            raise BadResponse(SERVICE, f"return shipment: no id in the answer for shipment {parent.id}")
        return Fields(SERVICE, "return shipment.ids[0]", raw_ids[0]).req_int("id")

    async def delete_concepts(self, shipment_ids: Sequence[int]) -> None:
        """Delete concept shipments that will not be used (only concepts can be deleted; they cost nothing)."""
        if not shipment_ids:
            return
        await self._session.request(
            "DELETE",
            f"/shipments/{';'.join(str(int(i)) for i in shipment_ids)}",
            headers={"Content-Type": JSON_CONTENT_TYPE},
        )

    # --- labels --------------------------------------------------------------------------------

    async def fetch_label(
        self, shipment_ids: list[int], label_format: LabelFormat, positions: Sequence[int] = ()
    ) -> bytes:
        """Return the label PDF of these shipments (this registers them at MyParcel).

        Args:
            positions: A4 only: where on the first sheet the labels go (1 top-left … 4 bottom-right).
        """
        if not shipment_ids:
            raise ValueError("no shipments to fetch a label for")
        params: dict[str, str] = {"format": label_format.value}
        if label_format is LabelFormat.A4 and positions:
            if any(p not in (1, 2, 3, 4) for p in positions):
                raise ValueError(f"label positions are 1 to 4, not {list(positions)}")
            params["positions"] = ";".join(str(p) for p in positions)
        url = f"/shipment_labels/{';'.join(str(int(i)) for i in shipment_ids)}"
        # SendMyParcel documents only the PDF and JSON answers (SendMyParcel.be API §6.F.2): no link variant there.
        if len(shipment_ids) > LABEL_LINK_THRESHOLD and self.platform is Platform.MYPARCEL:
            response = await self._session.request("GET", url, params=params, headers={"Accept": LABEL_LINK_ACCEPT})
            return await self._download_pdf(self._pdf_link(response))
        response = await self._session.request(
            "GET", url, params=params, headers={"Accept": "application/pdf"}, max_bytes=MAX_LABEL_BYTES
        )
        return self._checked_pdf(response.content)

    async def fetch_carrier_zpl(self, shipments: Sequence[Shipment]) -> bytes | None:
        """Return the carrier's own ZPL label of these parcels, or None where MyParcel gives none.

        Asked before the PDF (bpost refuses ZPL once a PDF was made) and one parcel per request, as the reference
        demands. None means: print our conversion of the PDF instead (another carrier, a rest-of-world label that
        comes as PDF, a refusal, or an answer that is not one ZPL label per parcel).
        """
        if not shipments or any(s.carrier not in ZPL_CARRIERS for s in shipments):
            return None
        labels: list[bytes] = []
        for shipment in shipments:
            try:
                response = await self._session.request(
                    "GET",
                    f"/shipment_labels/{int(shipment.id)}",
                    headers={"Accept": CARRIER_ZPL_ACCEPT},
                    max_bytes=MAX_LABEL_BYTES,
                )
            except (Rejected, NotFound, ServerError, BadResponse) as exc:
                # A refusal, or the ZPL side failing after the retries: the PDF still makes a label. What would
                # stop the PDF as well (no connection, key, payment, a stopped wait) is raised as it is.
                log.info("MyParcel gave no ZPL for shipment %s (%s): the PDF is converted instead", shipment.id, exc)
                return None
            body = response.content
            if not body.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"^XA", b"~")):
                log.info(
                    "MyParcel answered shipment %s's ZPL request with %r: the PDF is converted", shipment.id, body[:8]
                )
                return None
            labels.append(body)
        payload = b"".join(labels)
        if payload.count(b"^XA") != len(shipments):
            # A multi-collo request may answer with every parcel's label: printing it as well would double them.
            log.info(
                "MyParcel's ZPL holds %d labels for %d parcels: the PDF is converted",
                payload.count(b"^XA"),
                len(shipments),
            )
            return None
        return payload

    def _pdf_link(self, response: httpx.Response) -> str:
        """Return the label download address of a label-link answer as a path on this API."""
        link = label_link_in(self._session.json(response, "label link"))
        parts = urlsplit(link)
        if not (parts.scheme or parts.netloc):
            return link
        # An absolute link must point at the same API; the key is never sent anywhere else.
        base = urlsplit(self._base_url)
        if (parts.scheme, parts.netloc) != (base.scheme, base.netloc):
            raise BadResponse(SERVICE, f"label link: refusing to download from another host ({parts.netloc})")
        return parts.path + (f"?{parts.query}" if parts.query else "")

    async def _download_pdf(self, link: str) -> bytes:
        """Poll the label download link until the PDF is ready (MyParcel answers 404 until then)."""
        policy = self._session.retry
        waited = 0.0
        while True:
            try:
                response = await self._session.request(
                    "GET", link, headers={"Accept": "application/pdf"}, max_bytes=MAX_LABEL_BYTES
                )
            except NotFound:
                if waited >= LABEL_POLL_TIMEOUT:
                    raise RequestTimeout(
                        SERVICE, f"the labels were not ready after {int(LABEL_POLL_TIMEOUT)} seconds"
                    ) from None
                await policy.sleep(LABEL_POLL_INTERVAL)
                waited += LABEL_POLL_INTERVAL
                continue
            return self._checked_pdf(response.content)

    @staticmethod
    def _checked_pdf(content: bytes) -> bytes:
        if not content.startswith(b"%PDF"):
            head = content[:40].decode("latin-1", errors="replace")
            raise BadResponse(SERVICE, f"the label is not a PDF (starts with {head!r})")
        return content
