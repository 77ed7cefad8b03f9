"""Who may call the relay, over what, and what its log never holds."""

from __future__ import annotations

import hashlib
import logging
import ssl
import warnings
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
import trustme

from packstation.demo import DemoServers
from packstation.domain.shipments import Platform
from packstation.relay.config import AccountConfig, RelayConfig
from packstation.relay.embedded import RelayThread
from tests.unit.relay.conftest import PASSWORD, USER, booked
from tests.unit.relay.seed_examples import shipment


@pytest.mark.parametrize(
    "auth",
    [None, (USER, "wrong-password"), ("someone-else", PASSWORD), (USER, ""), (USER.upper(), PASSWORD)],
    ids=["none", "wrong password", "wrong user", "empty password", "other case"],
)
def test_no_or_wrong_credentials_get_401_with_a_challenge_and_book_nothing(
    relay: RelayThread, demo: DemoServers, auth: tuple[str, str] | None
) -> None:
    with httpx.Client(base_url=relay.base_url, auth=auth, timeout=10) as http:
        options = http.get("/config-options")
        created = http.post("/shipments", json=shipment())

    for response in (options, created):
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"] == 'Basic realm="packstation relay"'
        assert response.json()["version"] == "1.0"
        assert response.json()["error_messages"]
    assert booked(demo, "P2018-29382") == []


def test_a_broken_authorization_header_is_a_401_not_a_crash(relay: RelayThread) -> None:
    for header in ("Basic", "Basic ###", "Bearer abc", "Basic " + "bm9jb2xvbg==", "Basic //79"):
        response = httpx.get(f"{relay.base_url}/config-options", headers={"Authorization": header})
        assert response.status_code == 401, header


def test_right_credentials_and_a_password_given_as_sha256(
    start_relay: Callable[..., RelayThread], demo: DemoServers, tmp_path: Path
) -> None:
    second = AccountConfig(
        username="second-shop",
        myparcel_key=demo.myparcel_be_api_key,
        platform=Platform.SENDMYPARCEL,
        password_sha256=hashlib.sha256(b"another secret").hexdigest(),
        myparcel_base_url=demo.myparcel_url,
    )
    first = AccountConfig(USER, demo.myparcel_api_key, password=PASSWORD, myparcel_base_url=demo.myparcel_url)
    relay = start_relay(RelayConfig((first, second), database=f"sqlite:///{tmp_path / 'l.sqlite3'}"))

    nl = httpx.get(f"{relay.base_url}/config-options", auth=(USER, PASSWORD))
    be = httpx.get(f"{relay.base_url}/config-options", auth=("second-shop", "another secret"))
    crossed = httpx.get(f"{relay.base_url}/config-options", auth=("second-shop", PASSWORD))

    assert nl.status_code == be.status_code == 200
    assert crossed.status_code == 401
    carriers = {item["key"]: item for item in be.json()["data"]["items"]}["carrier"]["possible_values"]
    assert [v["label"] for v in carriers] == ["bpost", "PostNL", "DPD"]  # the Belgian account's platform


def test_healthz_needs_no_credentials(relay: RelayThread) -> None:
    response = httpx.get(f"{relay.base_url}/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_no_key_or_password_ever_reaches_the_log(
    client: httpx.Client, relay: RelayThread, demo: DemoServers, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger, every level: nothing is redacted in these records
    client.post("/shipments", json=shipment())  # a booking
    client.post("/shipments", json=shipment())  # a desk-booked label found
    client.post("/shipments", json=shipment("P-X", customs=True, profile=[{"key": "signature", "value": 1}]))
    httpx.post(f"{relay.base_url}/shipments", json=shipment(), auth=(USER, "a-wrong-guess"))
    demo.myparcel.faults.inject("500", times=5)
    client.post("/shipments", json=shipment("P-Y"))

    text = caplog.text + "".join(str(r.args) for r in caplog.records)
    assert "P-Y" in text  # the log did record the requests
    for secret in (PASSWORD, demo.myparcel_api_key, "a-wrong-guess"):
        assert secret not in text


# --- TLS --------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def certificate_authority() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def tls_relay(
    start_relay: Callable[..., RelayThread], certificate_authority: trustme.CA, tmp_path: Path
) -> RelayThread:
    server_cert = certificate_authority.issue_cert("127.0.0.1", "localhost")
    chain = tmp_path / "chain.pem"
    key = tmp_path / "key.pem"
    server_cert.private_key_and_cert_chain_pem.write_to_path(str(chain))
    server_cert.private_key_pem.write_to_path(str(key))
    return start_relay(ssl_certfile=str(chain), ssl_keyfile=str(key))


def _client_context(ca: trustme.CA, version: ssl.TLSVersion) -> ssl.SSLContext:
    context = ssl.create_default_context()
    ca.configure_trust(context)
    if version < ssl.TLSVersion.TLSv1_2:
        context.set_ciphers("DEFAULT:@SECLEVEL=0")  # let this client even offer TLS 1.1
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # TLS 1.1 is deprecated: that is the point here
        context.minimum_version = version
        context.maximum_version = version
    return context


def test_tls_1_2_and_1_3_work(tls_relay: RelayThread, certificate_authority: trustme.CA) -> None:
    assert tls_relay.base_url.startswith("https://")
    for version in (ssl.TLSVersion.TLSv1_2, ssl.TLSVersion.TLSv1_3):
        context = _client_context(certificate_authority, version)
        with httpx.Client(verify=context, auth=(USER, PASSWORD)) as http:
            response = http.get(f"{tls_relay.base_url}/config-options")
        assert response.status_code == 200, version


def test_a_tls_1_1_client_is_refused(tls_relay: RelayThread, certificate_authority: trustme.CA) -> None:
    context = _client_context(certificate_authority, ssl.TLSVersion.TLSv1_1)
    with httpx.Client(verify=context, auth=(USER, PASSWORD)) as http, pytest.raises(httpx.ConnectError):
        http.get(f"{tls_relay.base_url}/config-options")


def test_the_server_context_itself_refuses_anything_below_tls_1_2(
    tls_relay: RelayThread, certificate_authority: trustme.CA
) -> None:
    # Independent of this machine's OpenSSL policy (which may refuse TLS 1.1 on its own): our setting is there.
    from packstation.relay.server import RelayUvicornConfig

    chain = Path(tls_relay._ssl[0] or "")
    key = Path(tls_relay._ssl[1] or "")
    config = RelayUvicornConfig(lambda: None, ssl_certfile=str(chain), ssl_keyfile=str(key), log_config=None)
    config.load()
    assert config.ssl is not None
    assert config.ssl.minimum_version == ssl.TLSVersion.TLSv1_2
