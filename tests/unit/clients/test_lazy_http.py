"""The HTTP stack (httpx, httpcore, anyio's backend) loads with the first request, on a worker thread."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import httpx
import pytest

from packstation.clients import http
from packstation.clients.errors import parse_myparcel_error
from packstation.clients.http import ApiSession, HttpConfig, RateLimiter, RetryPolicy

REPO = Path(__file__).resolve().parents[3]


def run_fresh(code: str) -> dict[str, object]:
    """Run code in a new interpreter (nothing imported yet) and return the JSON it prints last."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, cwd=REPO, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_building_the_context_loads_no_http_stack_and_the_first_request_loads_it_off_the_loop(tmp_path):
    result = run_fresh(
        f"""
        import asyncio, json, os, sys, threading
        os.environ["PACKSTATION_DATA_DIR"] = {str(tmp_path)!r}
        from packstation import app
        from packstation.clients import http
        from packstation.demo import DemoServers
        from packstation.settings import Settings

        loaders = []
        real_load = http.load_http_stack

        def recorded(base_url="", tls=None):
            loaders.append(threading.current_thread() is threading.main_thread())
            real_load(base_url, tls)

        http.load_http_stack = recorded
        servers = DemoServers(picklist_count=3, rate_limits=False).start()
        settings, keys = app.demo_settings(servers, Settings())
        context = app.build_context(settings, keys)
        at_build = sorted(m for m in http.HTTP_STACK if m in sys.modules)

        async def first_requests():
            # Two requests at once, both before the stack is loaded: both wait for it, neither fails.
            first_id = servers.picqer.picklists[0]["idpicklist"]
            picklists = asyncio.create_task(context.picklists.get_picklist(first_id))
            user = asyncio.create_task(context.picklists.current_user())
            done = [await picklists, await user]
            await context.aclose()
            return done

        picklist, user = asyncio.run(first_requests())
        servers.stop()
        print(json.dumps({{
            "at_build": at_build,
            "after": sorted(m for m in http.HTTP_STACK if m in sys.modules),
            "on_main_thread": loaders,
            "picklist": picklist.id == servers.picqer.picklists[0]["idpicklist"],
            "user": user.username,
        }}))
        """
    )
    assert result["at_build"] == []
    assert result["after"] == sorted(http.HTTP_STACK)
    assert result["on_main_thread"] and not any(result["on_main_thread"])  # type: ignore[arg-type]
    assert result["picklist"] is True and result["user"]


def make_session(handler, base_url: str = "https://api.example.test") -> ApiSession:
    return ApiSession(
        "Test",
        HttpConfig(base_url=base_url, api_key="key"),
        RateLimiter(100),
        RetryPolicy(attempts=1),
        headers={},
        basic_auth=("user-key", ""),
        error_parser=parse_myparcel_error,
        rate_limit_wait=1.0,
        rate_limit_cap=2.0,
        transport=httpx.MockTransport(handler),
    )


async def test_a_session_builds_its_client_once_for_concurrent_first_requests(monkeypatch) -> None:
    loads: list[str] = []
    monkeypatch.setattr(http, "_stack_loaded", False)
    real_load = http.load_http_stack
    monkeypatch.setattr(
        http, "load_http_stack", lambda base_url="", tls=None: loads.append(base_url) or real_load(base_url, tls)
    )
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["Authorization"])
        return httpx.Response(200, json={"ok": True})

    session = make_session(handler)
    assert session.client is None  # nothing built before the first request
    await asyncio.gather(*(session.request("GET", f"/item/{n}") for n in range(3)))
    client = session.client
    assert client is not None
    await session.request("GET", "/again")
    assert session.client is client
    assert 1 <= len(loads) <= 3  # each waiting request may ask; the import itself happens once
    # Basic auth with the key as user name and an empty password, as httpx.BasicAuth sends it.
    assert set(seen) == {"Basic dXNlci1rZXk6"}
    await session.aclose()


async def test_a_closed_session_refuses_requests_and_closing_an_unused_one_opens_nothing() -> None:
    session = make_session(lambda request: httpx.Response(200, json={}))
    await session.aclose()
    assert session.client is None
    with pytest.raises(RuntimeError, match="closed"):
        await session.request("GET", "/late")
    assert session.client is None
