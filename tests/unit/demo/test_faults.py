"""Fault switch, rate limits, latency and the demo-server command."""

from __future__ import annotations

import argparse
import base64
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from packstation.commands import demo_server
from packstation.demo import DemoServers, FaultSwitch


@pytest.mark.parametrize(
    ("kind", "status", "content_type"),
    [
        ("429", 429, "application/json"),
        ("500", 500, "application/json"),
        ("502", 502, "application/json"),
        ("503", 503, "application/json"),
        ("html500", 500, "text/html"),
    ],
)
def test_status_faults_fire_once_and_are_recorded(
    servers: DemoServers, picqer: httpx.Client, kind: str, status: int, content_type: str
) -> None:
    servers.picqer.faults.inject(kind, method="GET", path=r"^/api/v1/users/me$", seconds=3)
    assert picqer.get("warehouses").status_code == 200  # other paths are untouched
    faulty = picqer.get("users/me")
    assert faulty.status_code == status and faulty.headers["Content-Type"].startswith(content_type)
    if kind == "429":
        assert faulty.headers["Retry-After"] == "3" and faulty.json()["error_code"] == 28
    assert picqer.get("users/me").status_code == 200
    assert [(f.kind, f.method, f.path) for f in servers.picqer.faults.injected] == [(kind, "GET", "/api/v1/users/me")]


def test_times_and_clear(servers: DemoServers, picqer: httpx.Client) -> None:
    servers.picqer.faults.inject("503", times=2)
    assert [picqer.get("users/me").status_code for _ in range(3)] == [503, 503, 200]
    servers.picqer.faults.inject("503", times=5)
    servers.picqer.faults.clear()
    assert picqer.get("users/me").status_code == 200 and servers.picqer.faults.injected == []
    with pytest.raises(ValueError, match="unknown fault kind"):
        FaultSwitch().inject("teapot")


def test_bad_json_and_empty_bodies(servers: DemoServers, picqer: httpx.Client) -> None:
    servers.picqer.faults.inject("bad_json", path="/picklists$")
    broken = picqer.get("picklists")
    assert broken.status_code == 200
    with pytest.raises(ValueError):
        broken.json()
    servers.picqer.faults.inject("empty", path="/picklists$")
    empty = picqer.get("picklists")
    assert empty.status_code == 200 and empty.content == b""


def test_drop_closes_without_answer_and_does_no_work(servers: DemoServers, picqer: httpx.Client) -> None:
    picklist = servers.picqer.picklist_by_number("P2024-00001")
    servers.picqer.faults.inject("drop", method="POST", path="/pickall$")
    with pytest.raises(httpx.RemoteProtocolError):
        picqer.post(f"picklists/{picklist['idpicklist']}/pickall")
    assert picklist["totalpicked"] == 0


def test_lose_reply_does_the_work_then_drops(
    servers: DemoServers, myparcel: httpx.Client, make_nl: Any, post: Any
) -> None:
    servers.myparcel.faults.inject("lose_reply", method="POST", path="^/shipments$")
    with pytest.raises(httpx.RemoteProtocolError):
        post(myparcel, make_nl(reference_identifier="P2024-00009"))
    assert len(servers.myparcel.shipments_by_reference("P2024-00009")) == 1  # created although unanswered
    found = myparcel.get("/shipments", params={"reference_identifier": "P2024-00009"}).json()
    assert found["data"]["search_results"]["results"] == 1
    assert servers.myparcel.requests[0] == ("POST", "/shipments", 0)


def test_slow_reply_delays_only_that_request(servers: DemoServers, picqer: httpx.Client) -> None:
    # A delay far above what a loaded machine adds to two plain requests: the point is the order, not the speed.
    servers.picqer.faults.inject("slow", path="/users/me$", seconds=1.0)
    started = time.perf_counter()
    with pytest.raises(httpx.ReadTimeout):
        picqer.get("users/me", timeout=0.15)
    # The server is threaded: another request is answered while the slow one sleeps.
    assert picqer.get("warehouses").status_code == 200
    assert time.perf_counter() - started < 1.0
    time.sleep(1.0)
    assert picqer.get("users/me").status_code == 200


def test_payment_required_on_labels(servers: DemoServers, myparcel: httpx.Client, make_nl: Any, post: Any) -> None:
    sid = post(myparcel, make_nl()).json()["data"]["ids"][0]["id"]
    servers.myparcel.faults.inject("402", path="^/shipment_labels/")
    reply = myparcel.get(f"/shipment_labels/{sid}")
    assert reply.status_code == 402
    assert reply.json()["data"]["payment_instructions"][0]["payment_url"].startswith("https://")
    assert servers.myparcel.shipment(sid)["status"] == 1


def test_rate_limits_answer_429_after_the_limit() -> None:
    with DemoServers(picklist_count=5, picqer_rate_limit=3, myparcel_rate_limit=2, rate_window=0.5) as servers:
        with httpx.Client(auth=(servers.picqer_api_key, ""), headers={"User-Agent": "t"}) as client:
            replies = [client.get(servers.picqer_url + "/users/me") for _ in range(4)]
            assert [r.status_code for r in replies] == [200, 200, 200, 429]
            assert [r.headers["X-RateLimit-Remaining"] for r in replies[:3]] == ["2", "1", "0"]
            assert replies[3].json()["error_code"] == 28 and int(replies[3].headers["Retry-After"]) >= 1
            time.sleep(0.55)
            assert client.get(servers.picqer_url + "/users/me").status_code == 200
        auth = {
            "Authorization": "basic " + base64.b64encode(servers.myparcel_api_key.encode()).decode(),
            "User-Agent": "CustomApiCall/2",
        }
        codes = [httpx.get(servers.myparcel_url + "/shipments", headers=auth).status_code for _ in range(3)]
        assert codes == [200, 200, 429]


def test_rate_limits_can_be_switched_off() -> None:
    with DemoServers(picklist_count=1, rate_limits=False, picqer_rate_limit=1) as servers:
        with httpx.Client(auth=(servers.picqer_api_key, ""), headers={"User-Agent": "t"}) as client:
            assert {client.get(servers.picqer_url + "/users/me").status_code for _ in range(3)} == {200}


def test_latency_delays_every_reply() -> None:
    with DemoServers(picklist_count=1, latency=0.1) as servers:
        started = time.perf_counter()
        httpx.get(servers.myparcel_url + "/")
        assert time.perf_counter() - started >= 0.1


def test_label_latency_delays_only_the_label_route_and_the_timeline_shows_it() -> None:
    # Measured by the server's own timeline (received -> answered), with a latency far above what a loaded
    # machine adds to a plain request: the sleep is a floor, the other route's time only needs to stay well under.
    latency = 1.0
    with DemoServers(picklist_count=1, myparcel_latency=0.0, picqer_latency=0.0, label_latency=latency) as servers:
        auth = {"Authorization": "basic " + base64.b64encode(servers.myparcel_api_key.encode()).decode()}
        headers = {**auth, "User-Agent": "test"}
        httpx.get(servers.myparcel_url + "/shipments", headers=headers)
        httpx.get(servers.myparcel_url + "/shipment_labels/1", headers=headers)  # unknown: still rendered late
        first, second = servers.myparcel.timeline
        assert (first.method, first.path) == ("GET", "/shipments") and second.path == "/shipment_labels/1"
        assert first.answered - first.received < latency / 2
        assert first.answered <= second.received and second.answered - second.received >= latency


def test_demo_server_command_prints_urls_and_keys_and_serves(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PACKSTATION_DATA_DIR", str(tmp_path))  # the relay's lock file goes there
    parser = argparse.ArgumentParser()
    demo_server.register(parser.add_subparsers())
    args = parser.parse_args(["demo-server", "--picklists", "7"])
    assert args.func is demo_server.run
    stop = threading.Event()
    result: list[int] = []
    thread = threading.Thread(target=lambda: result.append(demo_server.run(args, stop=stop)))
    thread.start()
    try:
        deadline = time.monotonic() + 5
        values: dict[str, str] = {}
        while "picqer_relay_profile_id" not in values and time.monotonic() < deadline:
            time.sleep(0.02)
            out = capsys.readouterr().out
            values.update(line.split("=", 1) for line in out.splitlines() if "=" in line)
        picklists = httpx.get(
            values["picqer_url"] + "/picklists", auth=(values["picqer_api_key"], ""), headers={"User-Agent": "t"}
        ).json()
        assert len(picklists) == 7
        assert httpx.get(values["myparcel_url"] + "/").json()["status"] == "OK"
        # The demo Picqer's custom shipping provider has its relay, as in `packstation --demo`.
        assert httpx.get(values["relay_url"] + "/healthz").json() == {"status": "ok"}
        assert values["picqer_relay_profile_id"] == "3001"
        assert (tmp_path / "relay-locks.sqlite3").exists()
    finally:
        stop.set()
        thread.join(5)
    assert result == [0]
