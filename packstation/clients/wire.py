"""Reading JSON objects at the edge: a wrong or missing field becomes BadResponse, never KeyError."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from packstation.clients.errors import BadResponse


class Fields:
    """A JSON object of one API, read with type checks; errors name the service, the object and the field."""

    def __init__(self, service: str, what: str, data: object) -> None:
        if not isinstance(data, Mapping):
            raise BadResponse(service, f"{what}: expected an object, got {type(data).__name__}")
        self.service = service
        self.what = what
        self.data: Mapping[str, Any] = data

    def _bad(self, key: str, expected: str) -> BadResponse:
        value = self.data.get(key)
        return BadResponse(self.service, f"{self.what}: field '{key}' should be {expected}, got {value!r:.60}")

    def has(self, key: str) -> bool:
        return self.data.get(key) is not None

    def req_int(self, key: str) -> int:
        """Return a required integer (digits in a string are accepted)."""
        if key not in self.data or self.data[key] is None:
            raise BadResponse(self.service, f"{self.what}: field '{key}' is missing")
        value = self.opt_int(key)
        if value is None:
            raise self._bad(key, "an integer")
        return value

    def opt_int(self, key: str, default: int | None = None) -> int | None:
        value = self.data.get(key)
        if value is None or value == "":
            return default
        if isinstance(value, bool):
            raise self._bad(key, "an integer")
        if isinstance(value, int):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str):
            try:
                return int(value.strip())
            except ValueError:
                pass
        raise self._bad(key, "an integer")

    def opt_number(self, key: str) -> Decimal | None:
        value = self.data.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, bool):
            raise self._bad(key, "a number")
        try:
            return Decimal(str(value).strip())
        except InvalidOperation:
            raise self._bad(key, "a number") from None

    def req_str(self, key: str) -> str:
        """Return a required non-empty text (numbers are accepted and written as text)."""
        if key not in self.data or self.data[key] is None:
            raise BadResponse(self.service, f"{self.what}: field '{key}' is missing")
        value = self.opt_str(key)
        if not value:
            raise self._bad(key, "a non-empty text")
        return value

    def opt_str(self, key: str, default: str = "") -> str:
        value = self.data.get(key)
        if value is None:
            return default
        if isinstance(value, str):
            return value.strip()
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
        raise self._bad(key, "a text")

    def opt_bool(self, key: str, default: bool = False) -> bool:
        value = self.data.get(key)
        if value is None:
            return default
        if isinstance(value, bool):
            return value
        if isinstance(value, int) and value in (0, 1):
            return bool(value)
        if isinstance(value, str) and value.strip().lower() in ("0", "1", "true", "false"):
            return value.strip().lower() in ("1", "true")
        raise self._bad(key, "true or false")

    def opt_date(self, key: str) -> date | None:
        """Return a date from "YYYY-MM-DD" (a time part after it is ignored)."""
        value = self.data.get(key)
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            raise self._bad(key, "a date")
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            raise self._bad(key, "a date (YYYY-MM-DD)") from None

    def items(self, key: str) -> list[Any]:
        """Return a list; a missing field or null is an empty list."""
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self._bad(key, "a list")
        return value

    def opt_obj(self, key: str) -> Fields | None:
        """Return a nested object, or None for null, a missing field or an empty list (PHP's empty object)."""
        value = self.data.get(key)
        if value is None or value == [] or value == {}:
            return None
        return Fields(self.service, f"{self.what}.{key}", value)

    def child(self, what: str, value: object) -> Fields:
        return Fields(self.service, f"{self.what}.{what}", value)

    def children(self, key: str) -> Iterator[Fields]:
        """Yield each object of a list field, named by its place ("picklist 7.products[2]") in its errors.

        One at a time, so the first bad entry in list order is the one reported.
        """
        for index, item in enumerate(self.items(key)):
            yield self.child(f"{key}[{index}]", item)

    @classmethod
    def identified(cls, service: str, what: str, data: object, id_key: str) -> tuple[Fields, int]:
        """Read an object's required id first, then name the object by it in every later error ("shipment 12: ...")."""
        object_id = cls(service, what, data).req_int(id_key)
        return cls(service, f"{what} {object_id}", data), object_id


def expect_list(service: str, what: str, data: object) -> list[Any]:
    """Return a JSON array, or raise BadResponse."""
    if not isinstance(data, list):
        raise BadResponse(service, f"{what}: expected a list, got {type(data).__name__}")
    return data
