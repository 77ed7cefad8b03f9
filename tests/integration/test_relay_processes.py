"""Two real `packstation relay` processes sharing one lock store: 20 duplicate calls book one label."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from packstation.demo import DemoServers
from tests.unit.relay.seed_examples import shipment

REPO = Path(__file__).resolve().parents[2]
USER, PASSWORD = "picqer-shop", "two-process-pass"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def demo() -> Iterator[DemoServers]:
    # Every MyParcel answer takes 0.2 s: both processes look the picklist up before either booking lands, so
    # only the shared lease stands between them and a second label.
    servers = DemoServers(picklist_count=1, rate_limits=False, latency=0.2).start()
    yield servers
    servers.stop()


def _database(backend: str, tmp_path: Path) -> str:
    if backend.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'locks.sqlite3'}"
    url = os.environ.get("PACKSTATION_TEST_POSTGRES_URL", "")
    if not url:
        pytest.skip("PACKSTATION_TEST_POSTGRES_URL is not set (.ci/run starts a PostgreSQL)")
    return url


@pytest.fixture
def relays(request: pytest.FixtureRequest, demo: DemoServers, tmp_path: Path) -> Iterator[list[str]]:
    database = _database(request.param, tmp_path)
    settings = tmp_path / "relay.toml"
    settings.write_text(
        f"""
[[accounts]]
username = "{USER}"
password = "{PASSWORD}"
myparcel_key_env = "DEMO_MYPARCEL_KEY"
base_url = "{demo.myparcel_url}"
""",
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(REPO), "DEMO_MYPARCEL_KEY": demo.myparcel_api_key}
    processes, urls = [], []
    # "sqlite-workers": one `packstation relay --workers 2` (uvicorn's worker processes share the port).
    workers = ["--workers", "2"] if request.param == "sqlite-workers" else []
    for _ in range(1 if workers else 2):
        port = _free_port()
        command = [sys.executable, "-m", "packstation", "relay", "--port", str(port), "--config", str(settings)]
        command += ["--database", database, "--log-level", "warning", *workers]
        processes.append(subprocess.Popen(command, env=env, cwd=REPO, stderr=subprocess.PIPE, text=True))
        urls.append(f"http://127.0.0.1:{port}")
    try:
        for process, url in zip(processes, urls, strict=True):
            deadline = time.monotonic() + 30
            while True:
                assert process.poll() is None, process.stderr.read() if process.stderr else "relay exited"
                try:
                    if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert time.monotonic() < deadline, "the relay did not start"
                time.sleep(0.1)
        yield urls * (2 // len(urls))
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            if process.stderr:
                process.stderr.close()


@pytest.mark.parametrize("relays", ["sqlite", "sqlite-workers", "postgres"], indirect=True)
async def test_twenty_duplicate_calls_over_two_processes_book_once(relays: list[str], demo: DemoServers) -> None:
    picklist = f"P-{uuid.uuid4().hex[:8]}"  # the PostgreSQL table outlives the test
    async with httpx.AsyncClient(auth=(USER, PASSWORD), timeout=30) as http:
        responses = await asyncio.gather(
            *(http.post(f"{relays[n % 2]}/shipments", json=shipment(picklist)) for n in range(20))
        )

    assert [r.status_code for r in responses] == [200] * 20, [r.text for r in responses if r.status_code != 200]
    stored = demo.myparcel.shipments_by_reference(picklist)
    assert len(stored) == 1
    assert {r.json()["data"]["tracking_code"] for r in responses} == {stored[0]["barcode"]}


def test_the_relay_commands_debug_log_holds_no_key_or_password(demo: DemoServers, tmp_path: Path) -> None:
    port = _free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "PACKSTATION_RELAY_USERNAME": USER,
        "PACKSTATION_RELAY_PASSWORD": PASSWORD,
        "PACKSTATION_RELAY_MYPARCEL_KEY": demo.myparcel_api_key,
        "PACKSTATION_RELAY_MYPARCEL_BASE_URL": demo.myparcel_url,
    }
    command = [sys.executable, "-m", "packstation", "relay", "--port", str(port), "--log-level", "debug"]
    command += ["--database", f"sqlite:///{tmp_path / 'locks.sqlite3'}"]
    process = subprocess.Popen(command, env=env, cwd=REPO, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        booked = httpx.post(f"{url}/shipments", json=shipment("P-LOG"), auth=(USER, PASSWORD), timeout=30)
        refused = httpx.post(f"{url}/shipments", json=shipment("P-LOG"), auth=(USER, "guessed-wrong"), timeout=30)
    finally:
        process.terminate()
        _, log = process.communicate(timeout=30)

    assert booked.status_code == 200 and refused.status_code == 401
    assert "POST /shipments" in log and "DEBUG" in log  # the log did record the calls, at debug level
    for secret in (PASSWORD, demo.myparcel_api_key, "guessed-wrong"):
        assert secret not in log
