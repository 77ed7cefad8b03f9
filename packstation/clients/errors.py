"""Typed API errors (re-exported from the domain) and the parsers of each API's error bodies.

The parsers never raise: an HTML page from a proxy, an empty body or broken JSON yields at most one
generic message, so the status code still reaches the packer as a typed error.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from packstation.domain.errors import (
    ApiError,
    ApiMessage,
    ApiStatusError,
    BadResponse,
    ConnectionFailed,
    MissingApiKey,
    NotFound,
    PaymentRequired,
    RateLimited,
    Rejected,
    RequestTimeout,
    ServerError,
    ShipmentNotRegistered,
    Unauthorized,
)

__all__ = [
    "ApiError",
    "ApiMessage",
    "ApiStatusError",
    "BadResponse",
    "ConnectionFailed",
    "MissingApiKey",
    "NotFound",
    "PaymentRequired",
    "RateLimited",
    "Rejected",
    "RequestTimeout",
    "ServerError",
    "ShipmentNotRegistered",
    "Unauthorized",
    "decode_json",
    "find_payment_url",
    "html_title",
    "parse_myparcel_error",
    "parse_picqer_error",
    "parse_retry_after",
    "shipment_not_registered",
    "status_error",
]

# An error body larger than this is not an API error object; reading it whole would only waste memory.
_MAX_ERROR_BODY = 256 * 1024
# MyParcel appends "(request_id: …)" to its top-level message; useful in logs, noise for the packer.
_REQUEST_ID = re.compile(r"\s*\(request_id:[^)]*\)\s*$")
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
# Picqer's error 26 "Cannot create shipment": the shipping provider refused; its own messages follow the prefix.
PICQER_SHIPMENT_REFUSED = 26
_CANNOT_CREATE = re.compile(r"^\s*cannot create shipment\s*:?\s*", re.IGNORECASE)
# MyParcel error codes are four or five digits; a smaller numeric key in a nested entry is a list index.
_MIN_MYPARCEL_CODE = 100


def decode_json(content: bytes) -> Any | None:
    """Return the decoded JSON of a body, or None when it is empty, too large or not JSON."""
    if not content or len(content) > _MAX_ERROR_BODY:
        return None
    try:
        return json.loads(content.decode("utf-8", errors="replace"))
    except ValueError:
        return None


def parse_retry_after(value: str | None) -> float | None:
    """Return Retry-After in seconds (delta-seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def status_error(
    service: str,
    status: int,
    headers: Mapping[str, str],
    content: bytes,
    parser: Callable[[bytes], tuple[ApiMessage, ...]],
) -> ApiStatusError:
    """Map an error response to its typed error, with the API's own messages (`parser` reads them from the body)."""
    messages = parser(content)
    if status in (401, 403):
        return Unauthorized(service, status, messages)
    if status == 402:
        return PaymentRequired(service, status, messages, payment_url=find_payment_url(content))
    if status == 404:
        return NotFound(service, status, messages)
    if status == 429:
        return RateLimited(service, status, messages, retry_after=parse_retry_after(headers.get("Retry-After")))
    if status >= 500:
        return ServerError(service, status, messages)
    return Rejected(service, status, messages)


def html_title(content: bytes) -> str:
    """Return the <title> of an HTML error page (a proxy or maintenance page), or ""."""
    head = content[:_MAX_ERROR_BODY].decode("utf-8", errors="replace")
    if "<" not in head:
        return ""
    match = _TITLE.search(head)
    if not match:
        return ""
    return " ".join(html.unescape(match.group(1)).split())[:200]


def _fallback(content: bytes) -> tuple[ApiMessage, ...]:
    title = html_title(content)
    return (ApiMessage(text=title),) if title else ()


def _as_code(value: object) -> int | None:
    """Return an error code given as an int or a string of digits; None for anything else (a bool included)."""
    if isinstance(value, str):
        digits = value.strip()
        return int(digits) if digits.isdigit() else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _first_text(value: object) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list):
        for item in value:
            if isinstance(item, str) and item.strip():
                return item.strip()
    return ""


_ENTRY_KEYS = frozenset({"code", "message", "human", "fields", "title", "status"})


def _myparcel_entries(errors: object) -> Iterable[tuple[int | None, Mapping[str, Any]]]:
    """Yield (code from the key, entry) for flat and one-level nested error entries."""
    items: Iterable[object]
    if isinstance(errors, list):
        items = errors
    elif isinstance(errors, Mapping):
        items = [errors]
    else:
        return
    for item in items:
        if not isinstance(item, Mapping):
            continue
        if _ENTRY_KEYS & set(item):
            yield None, item
            continue
        # Nested form: {"3705": {"fields": [...], "human": [...]}} or {"0": {...}} keyed by index.
        for key, inner in item.items():
            if isinstance(inner, Mapping):
                code = _as_code(key)
                yield (code if code is not None and code >= _MIN_MYPARCEL_CODE else None), inner


def parse_myparcel_error(content: bytes) -> tuple[ApiMessage, ...]:
    """Return the messages of a MyParcel error body ({"message", "errors": [...]}), human text first."""
    data = decode_json(content)
    if not isinstance(data, Mapping):
        return _fallback(content)
    top = data.get("message")
    top_text = _REQUEST_ID.sub("", top).strip() if isinstance(top, str) else ""
    messages: list[ApiMessage] = []
    for key_code, entry in _myparcel_entries(data.get("errors")):
        code, field = _myparcel_code_and_field(entry, key_code)
        text = _myparcel_text(entry) or top_text
        if text or code is not None:
            messages.append(ApiMessage(text=text or f"error {code}", code=code, field=field))
    if not messages and top_text:
        messages.append(ApiMessage(text=top_text))
    return tuple(messages)


def _myparcel_text(entry: Mapping[str, Any]) -> str:
    """The entry's own words: the text meant for people first."""
    return _first_text(entry.get("human")) or _first_text(entry.get("message")) or _first_text(entry.get("title"))


def _myparcel_code_and_field(entry: Mapping[str, Any], key_code: int | None) -> tuple[int | None, str]:
    """Return an error entry's code ("code", else the key it is nested under, else fields[0] when that is a
    number, as the official SDK does) and the field it names (none when fields[0] served as the code)."""
    field = _first_text(entry.get("fields"))
    code = _as_code(entry.get("code"))
    if code is None:
        code = key_code
    if code is None:
        code = _as_code(field)
        field = "" if code is not None else field
    return code, field


def parse_picqer_error(content: bytes) -> tuple[ApiMessage, ...]:
    """Return the message of a Picqer error body ({"error": true, "error_code": N, "error_message": "..."})."""
    data = decode_json(content)
    if not isinstance(data, Mapping):
        return _fallback(content)
    code = _as_code(data.get("error_code"))
    text = _first_text(data.get("error_message")) or _first_text(data.get("message"))
    if not text and code is None:
        return ()
    return (ApiMessage(text=text or f"error {code}", code=code),)


def shipment_not_registered(exc: Rejected) -> ShipmentNotRegistered | None:
    """Return Picqer's error 26 as ShipmentNotRegistered with the provider's messages, or None for any other.

    Picqer joins the provider's messages with "; " after "Cannot create shipment: " (its generic text when the
    provider did not answer correctly); the packer reads them without Picqer's prefix.
    """
    if PICQER_SHIPMENT_REFUSED not in exc.codes:
        return None
    reasons: list[str] = []
    for message in exc.messages:
        if message.code != PICQER_SHIPMENT_REFUSED:
            continue
        rest = _CANNOT_CREATE.sub("", message.text, count=1)
        reasons += [part.strip() for part in rest.split("; ") if part.strip()]
    return ShipmentNotRegistered(exc.service, exc.status, exc.messages, tuple(reasons))


def find_payment_url(content: bytes) -> str:
    """Return the payment_url of a MyParcel 402 body (PaymentInstructions, wherever it is nested), or ""."""
    data = decode_json(content)
    stack: list[object] = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, Mapping):
            url = node.get("payment_url")
            if isinstance(url, str) and url.startswith("https://"):
                return url
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return ""
