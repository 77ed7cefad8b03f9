"""The relay's HTTP face (Starlette): Picqer's custom shipping-provider protocol
(https://picqer.com/en/api/external-shipping-provider-integrations-technical; docs/api-notes.md).

Thin on purpose: check who calls, read and shape-check the body, call the service, turn its refusals into
`{"version": "1.0", "error_messages": [...]}` in the shipment's language. A 5xx only for a bug.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import hmac
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from packstation.domain.errors import InvalidShipment
from packstation.domain.profiles import LIST, ConfigOption
from packstation.domain.provider import PayloadError, ProviderShipment, parse_shipment_payload
from packstation.i18n import Language, parse_language, text, violation_text
from packstation.relay.config import AccountConfig
from packstation.services.relay import ProviderLabel, RelayAccount, RelayRefusal, RelayService

log = logging.getLogger("packstation.relay")

VERSION = "1.0"
REALM = 'Basic realm="packstation relay"'
SHUTDOWN_GRACE = 30.0  # seconds a stopping relay waits for bookings left in the background


@dataclass
class RelayRuntime:
    """What the web layer needs, built by the composition root (packstation.relay.composition)."""

    service: RelayService
    accounts: tuple[tuple[AccountConfig, RelayAccount], ...]
    max_body_bytes: int
    closers: list[Callable[[], Awaitable[None]]] = field(default_factory=list)
    shutdown_grace: float = SHUTDOWN_GRACE

    def authenticate(self, header: str | None) -> RelayAccount | None:
        """Return the account of a Basic Authorization header, or None.

        Every account is compared, user and password both with hmac.compare_digest and without an early exit,
        so the time taken says neither which part was wrong nor how many accounts there are before it.
        """
        scheme, _, token = (header or "").partition(" ")
        if scheme.lower() != "basic" or not token.strip():
            return None
        try:
            decoded = base64.b64decode(token.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return None
        username, colon, password = decoded.partition(":")
        if not colon:
            return None
        found = None
        for config, account in self.accounts:
            user_ok = _same(username, config.username)
            password_ok = config.password_matches(password)
            if user_ok & password_ok and found is None:
                found = account
        return found


def _same(given: str, expected: str) -> bool:
    """Compare in constant time; hashing first also hides the length of the expected text."""
    return hmac.compare_digest(_digest(given), _digest(expected))


def _digest(value: str) -> bytes:
    return hashlib.sha256(value.encode("utf-8")).digest()


class _Problem(Exception):
    """A 4xx answer: messages in the request's language."""

    def __init__(self, status: int, messages: list[str], headers: dict[str, str] | None = None) -> None:
        super().__init__("; ".join(messages))
        self.status = status
        self.messages = messages
        self.headers = headers or {}


def error_response(status: int, messages: list[str], headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"version": VERSION, "error_messages": messages}, status_code=status, headers=headers)


def _value(raw: str | None) -> Any:
    """Picqer's examples send list values as numbers: digit strings go out as ints."""
    if raw is not None and raw.isdigit():
        return int(raw)
    return raw


def option_item(option: ConfigOption) -> dict[str, Any]:
    """Return one config-options item as the protocol's documentation shows it."""
    item: dict[str, Any] = {
        "key": option.key,
        "label": option.label,
        "description": option.description or None,
        "type": option.type,
    }
    if option.type == LIST:
        item["possible_values"] = [{"value": _value(v.value), "label": v.label} for v in option.possible_values]
    item["default_value"] = _value(option.default_value)
    item["required"] = option.required
    return item


def label_body(label: ProviderLabel) -> dict[str, Any]:
    documents = {"pdf": base64.b64encode(label.pdf).decode("ascii")}
    if label.zpl is not None:
        documents["zpl"] = base64.b64encode(label.zpl).decode("ascii")
    return {
        "version": VERSION,
        "data": {
            "carrier_key": label.carrier_key,
            "carrier_name": label.carrier_name,
            "tracking_code": label.tracking_code,
            "tracking_url": label.tracking_url,
            "label": {"format": label.label_format.value, "documents": documents},
        },
    }


def _language_of(body: object) -> Language:
    if isinstance(body, dict):
        data = body.get("data")
        shipment = data.get("shipment") if isinstance(data, dict) else None
        if isinstance(shipment, dict):
            return parse_language(shipment.get("language"))
    return Language.EN


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def build_app(runtime: RelayRuntime) -> Starlette:
    """Return the relay's ASGI application."""

    def account_of(request: Request) -> RelayAccount:
        account = runtime.authenticate(request.headers.get("Authorization"))
        if account is None:
            raise _Problem(401, [text("relay.unauthorized", Language.EN)], {"WWW-Authenticate": REALM})
        return account

    async def read_json(request: Request) -> object:
        content_type = request.headers.get("Content-Type", "")
        media = content_type.split(";", 1)[0].strip().lower()
        if media != "application/json" and not media.endswith("+json"):
            raise _Problem(415, [text("relay.content_type", content_type=content_type or "-")])
        limit = runtime.max_body_bytes
        declared = request.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise _Problem(413, [text("relay.too_large", limit=limit)])
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > limit:  # a chunked body has no Content-Length: count what arrives
                raise _Problem(413, [text("relay.too_large", limit=limit)])
        try:
            decoded = bytes(body).decode("utf-8")
        except UnicodeDecodeError:
            raise _Problem(400, [text("relay.not_utf8")]) from None
        try:
            return json.loads(decoded, parse_constant=_reject_constant)
        except ValueError as exc:
            raise _Problem(400, [text("relay.bad_json", error=str(exc).split(":", 1)[0])]) from None
        except RecursionError:  # thousands of nested brackets fit within the size limit
            raise _Problem(400, [text("relay.bad_json", error="nested too deeply")]) from None

    async def config_options(request: Request) -> Response:
        account = account_of(request)
        items = [option_item(o) for o in runtime.service.config_options(account)]
        return JSONResponse({"version": VERSION, "data": {"items": items}})

    async def shipments(request: Request) -> Response:
        account = account_of(request)
        body = await read_json(request)
        language = _language_of(body)
        try:
            shipment: ProviderShipment = parse_shipment_payload(body)
        except PayloadError as exc:
            messages = [violation_text(p, exc.language) for p in exc.problems]
            log.info("%s: refused a request it cannot read: %s", account.name, exc)
            raise _Problem(422, messages) from None
        if shipment.ignored_fields:
            log.info("%s: fields left out of the shipment: %s", account.name, ", ".join(shipment.ignored_fields))
        try:
            label = await runtime.service.create_shipment(account, shipment)
        except RelayRefusal as exc:
            log.info("%s %s: refused (%s)", account.name, shipment.picklist_number, exc.key)
            raise _Problem(exc.status, [text(exc.key, language, **exc.params)]) from None
        except InvalidShipment as exc:
            log.info("%s %s: breaks rules: %s", account.name, shipment.picklist_number, exc)
            raise _Problem(422, [violation_text(v, language) for v in exc.violations]) from None
        return JSONResponse(label_body(label))

    async def healthz(request: Request) -> Response:
        try:
            await runtime.service.locks.check()
        except Exception:
            log.exception("health check: the lock store cannot be used")
            return JSONResponse({"status": "error", "problem": "lock store"}, status_code=503)
        return JSONResponse({"status": "ok"})

    def guarded(handler: Callable[[Request], Awaitable[Response]]) -> Callable[[Request], Awaitable[Response]]:
        async def run(request: Request) -> Response:
            try:
                return await handler(request)
            except _Problem as problem:
                return error_response(problem.status, problem.messages, problem.headers)
            except Exception:
                # A bug: the traceback goes to the log, Picqer gets its generic text (a 5xx), nothing more.
                log.exception("%s %s failed", request.method, request.url.path)
                return PlainTextResponse("Internal error", status_code=500)

        return run

    async def not_found(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        if status == 405:
            return error_response(405, [text("relay.method", method=request.method, path=request.url.path)])
        if status == 404:
            return error_response(404, [text("relay.not_found", path=request.url.path)])
        return error_response(status, [str(getattr(exc, "detail", "error"))])

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            # Bookings left running after a deadline keep their lease until done: let them finish first.
            await runtime.service.drain(runtime.shutdown_grace)
            for close in runtime.closers:
                try:
                    await close()
                except Exception:
                    log.exception("closing the relay")

    return Starlette(
        routes=[
            Route("/config-options", guarded(config_options), methods=["GET"]),
            Route("/shipments", guarded(shipments), methods=["POST"]),
            Route("/healthz", guarded(healthz), methods=["GET"]),
        ],
        exception_handlers={HTTPException: not_found},
        lifespan=lifespan,
    )
