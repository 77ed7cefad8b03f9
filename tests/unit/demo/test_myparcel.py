"""The demo MyParcel server enforces the documented API rules (docs/api-notes.md §5-§14) and serves real labels."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import httpx
import numpy
import pypdfium2
import pytest
import zxingcpp

from packstation.demo import DemoServers


def label_barcodes(pdf: bytes) -> list[list[str]]:
    """Texts of the Code128 barcodes found on each page, rendered at 300 dpi."""
    document = pypdfium2.PdfDocument(pdf)
    found = []
    for page in document:
        image = page.render(scale=300 / 72).to_pil().convert("L")
        codes = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.Code128)
        found.append(sorted(code.text for code in codes))
    return found


def page_sizes_mm(pdf: bytes) -> list[tuple[int, int]]:
    return [(round(p.get_width() / 72 * 25.4), round(p.get_height() / 72 * 25.4)) for p in pypdfium2.PdfDocument(pdf)]


def errors(reply: httpx.Response) -> list[tuple[int, str]]:
    assert reply.status_code == 422, reply.text
    body = reply.json()
    assert body["message"]
    return [(e["code"], e["fields"][0]) for e in body["errors"]]


def test_liveness_needs_no_key(servers: DemoServers) -> None:
    assert httpx.get(servers.myparcel_url + "/").json() == {"title": "MyParcel API", "status": "OK"}


def test_auth_is_basic_base64_of_the_raw_key(servers: DemoServers) -> None:
    url = servers.myparcel_url + "/shipments"
    ua = {"User-Agent": "CustomApiCall/2"}
    key = servers.myparcel_api_key
    picqer_style = httpx.get(url, headers=ua, auth=(key, ""))  # base64("key:") is not MyParcel's scheme
    assert picqer_style.status_code == 401 and picqer_style.json()["errors"][0]["code"] == 3000
    assert httpx.get(url, headers=ua).status_code == 401
    good = {**ua, "Authorization": "basic " + base64.b64encode(key.encode()).decode()}
    assert httpx.get(url, headers=good).status_code == 200
    with httpx.Client() as client:
        request = client.build_request("GET", url, headers={"Authorization": good["Authorization"]})
        del request.headers["User-Agent"]
        assert client.send(request).status_code == 400


def test_content_type_must_be_the_versioned_shipment_type(
    myparcel: httpx.Client, myparcel_be: httpx.Client, make_nl: Any, post: Any
) -> None:
    plain = post(myparcel, make_nl(), content_type="application/json; charset=utf-8")
    assert plain.status_code == 415 and plain.json()["errors"][0]["code"] == 3100
    unversioned = post(myparcel, make_nl(), content_type="application/vnd.shipment+json;charset=utf-8")
    assert unversioned.status_code == 415
    be = make_nl(
        recipient__cc="BE",
        recipient__postal_code="2000",
        recipient__city="Antwerpen",
        recipient__street="Meir",
        recipient__number="12",
        recipient__number_suffix=None,
        carrier=2,
    )
    assert post(myparcel_be, be, content_type="application/vnd.shipment+json; charset=utf-8").status_code == 200


def test_valid_nl_shipment_is_a_concept_without_barcode_until_its_label(
    servers: DemoServers, myparcel: httpx.Client, make_nl: Any, post: Any
) -> None:
    created = post(myparcel, make_nl())
    assert created.status_code == 200, created.text
    ids = created.json()["data"]["ids"]
    assert ids == [{"id": ids[0]["id"], "reference_identifier": "P2024-00001"}]
    sid = ids[0]["id"]
    before = myparcel.get(f"/shipments/{sid}").json()["data"]
    assert before["results"] == 1
    assert before["shipments"][0]["status"] == 1 and before["shipments"][0]["barcode"] is None
    assert before["shipments"][0]["carrier_id"] == 1 and before["shipments"][0]["platform"] == "myparcel"

    label = myparcel.get(f"/shipment_labels/{sid}", params={"format": "A6"})
    assert label.headers["Content-Type"] == "application/pdf"
    after = myparcel.get(f"/shipments/{sid}").json()["data"]["shipments"][0]
    assert after["status"] == 2 and after["barcode"].startswith("3SMYPA") and len(after["barcode"]) == 15
    assert page_sizes_mm(label.content) == [(105, 148)]
    assert label_barcodes(label.content) == [[after["barcode"]]]
    text = pypdfium2.PdfDocument(label.content)[0].get_textpage().get_text_range()
    assert "Sanne de Vries" in text and "PostNL" in text

    trace = myparcel.get(f"/tracktraces/{sid}").json()["data"]["tracktraces"][0]
    assert trace["shipment_id"] == sid and after["barcode"] in trace["link_tracktrace"]
    deleted = myparcel.delete(f"/shipments/{sid}")
    assert deleted.status_code == 422 and deleted.json()["errors"][0]["code"] == 3723


def test_concepts_can_be_deleted(servers: DemoServers, myparcel: httpx.Client, make_nl: Any, post: Any) -> None:
    sid = post(myparcel, make_nl()).json()["data"]["ids"][0]["id"]
    assert myparcel.delete(f"/shipments/{sid}").status_code == 204
    assert servers.myparcel.shipments_by_reference("P2024-00001") == []


def test_reference_lookup_finds_only_own_account(
    myparcel: httpx.Client, myparcel_be: httpx.Client, make_nl: Any, post: Any
) -> None:
    post(myparcel, make_nl(reference_identifier="P2024-00042"))
    post(myparcel, make_nl(reference_identifier="P2024-00043"))
    found = myparcel.get("/shipments", params={"reference_identifier": "P2024-00042"}).json()["data"]
    results = found["search_results"]
    assert results["results"] == 1 and results["page"] == 1 and results["size"] == 30
    assert [s["reference_identifier"] for s in results["shipments"]] == ["P2024-00042"]
    other = myparcel_be.get("/shipments", params={"reference_identifier": "P2024-00042"}).json()
    assert other["data"]["search_results"]["shipments"] == []


def test_a4_labels_land_in_requested_quadrants(myparcel: httpx.Client, make_nl: Any, post: Any) -> None:
    ids = [post(myparcel, make_nl(reference_identifier=f"R{i}")).json()["data"]["ids"][0]["id"] for i in range(3)]
    reply = myparcel.get("/shipment_labels/" + ";".join(map(str, ids)), params={"format": "A4", "positions": "2;4"})
    assert page_sizes_mm(reply.content) == [(210, 297), (210, 297)]
    page = pypdfium2.PdfDocument(reply.content)[0].render(scale=72 / 72).to_pil().convert("L")
    width, height = page.size
    quadrant_ink = {
        q: int((numpy.asarray(page.crop(box)) < 128).sum())
        for q, box in {
            1: (0, 0, width // 2, height // 2),
            2: (width // 2, 0, width, height // 2),
            3: (0, height // 2, width // 2, height),
            4: (width // 2, height // 2, width, height),
        }.items()
    }
    assert quadrant_ink[1] == quadrant_ink[3] == 0 and quadrant_ink[2] > 0 and quadrant_ink[4] > 0
    assert myparcel.get(f"/shipment_labels/{ids[0]}", params={"format": "A5"}).json()["errors"][0]["code"] == 3709
    assert myparcel.get(f"/shipment_labels/{ids[0]}", params={"positions": "5"}).json()["errors"][0]["code"] == 3708


def test_label_link_accept_returns_a_relative_pdf_url(
    servers: DemoServers, myparcel: httpx.Client, make_nl: Any, post: Any
) -> None:
    sid = post(myparcel, make_nl()).json()["data"]["ids"][0]["id"]
    link = myparcel.get(
        f"/shipment_labels/{sid}",
        params={"format": "A6"},
        headers={"Accept": "application/vnd.shipment_label_link+json; charset=utf8"},
    )
    url = link.json()["data"]["pdfs"]["url"]
    assert url.startswith("/pdfs/")
    pdf = httpx.get(servers.myparcel_url + url)
    assert pdf.headers["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def customs_shipment(make_nl: Any) -> dict[str, Any]:
    return make_nl(
        recipient={
            "cc": "CH",
            "city": "Zürich",
            "street": "Bahnhofstrasse 45",
            "postal_code": "8001",
            "person": "Lukas Meier",
            "email": "l@mail.example",
        },
        options={"package_type": 1, "insurance": {"amount": 20000, "currency": "EUR"}},
        customs_declaration={
            "contents": 1,
            "invoice": "O2024-00011",
            "weight": 540,
            "items": [
                {
                    "description": "Hoodie grijs XL",
                    "amount": 1,
                    "weight": 620 - 80,
                    "classification": "6110",
                    "country": "NL",
                    "item_value": {"amount": 5495, "currency": "EUR"},
                }
            ],
        },
    )


def test_customs_labels_only_as_a4(myparcel: httpx.Client, make_nl: Any, post: Any) -> None:
    created = post(myparcel, customs_shipment(make_nl))
    assert created.status_code == 200, created.text
    sid = created.json()["data"]["ids"][0]["id"]
    a6 = myparcel.get(f"/shipment_labels/{sid}", params={"format": "A6"})
    assert a6.status_code == 422 and a6.json()["errors"][0]["code"] == 3709
    a4 = myparcel.get(f"/shipment_labels/{sid}", params={"format": "A4"})
    assert "CN23" in pypdfium2.PdfDocument(a4.content)[0].get_textpage().get_text_range()


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"recipient__street": "Laan van Nieuw Oost-Indië en Buitenplaats 1"}, (3509, "recipient.street")),
        ({"recipient__person": "Maria Magdalena Theodora Cornelia van den Heuvel-Smit"}, (3510, "recipient.person")),
        ({"recipient__postal_code": "351 AB"}, (3505, "recipient.postal_code")),
        ({"recipient__number": None}, (3503, "recipient.number")),
        ({"recipient__number": "12A"}, (3503, "recipient.number")),
        ({"options__label_description": "x" * 46}, (3705, "options.label_description")),
        ({"physical_properties__weight": 0}, (3730, "physical_properties.weight")),
        ({"carrier": 2}, (3728, "carrier")),
        ({"options__package_type": 2, "options__signature": 1}, (3705, "options.signature")),
        ({"options__insurance": {"amount": 50000, "currency": "EUR"}}, (3705, "options.only_recipient")),
        (
            {
                "options__insurance": {"amount": 600000, "currency": "EUR"},
                "options__only_recipient": 1,
                "options__signature": 1,
            },
            (3743, "options.insurance.amount"),
        ),
        ({"options__delivery_type": 1}, (3705, "options.only_recipient")),
        ({"options__delivery_type": 3, "options__only_recipient": 1}, (3721, "options.delivery_date")),
        ({"options__delivery_type": 4, "options__signature": 1}, (3722, "pickup")),
        ({"options__age_check": 1}, (3705, "options.signature")),
    ],
)
def test_nl_rule_violations_are_422_with_the_documented_code(
    myparcel: httpx.Client, make_nl: Any, post: Any, changes: dict[str, Any], expected: tuple[int, str]
) -> None:
    code, field = expected
    assert (code, f"data.shipments[0].{field}") in errors(post(myparcel, make_nl(**changes)))


def eu(make_nl: Any, **options: Any) -> dict[str, Any]:
    return make_nl(
        recipient={
            "cc": "DE",
            "city": "Berlin",
            "street": "Friedrichstraße 123",
            "postal_code": "10117",
            "person": "Jonas Müller",
        },
        options={"package_type": 1, **options},
    )


def test_destination_rules_for_eu_and_global(myparcel: httpx.Client, make_nl: Any, post: Any) -> None:
    assert post(myparcel, eu(make_nl, insurance={"amount": 50000, "currency": "EUR"})).status_code == 200
    assert (3705, "data.shipments[0].options.signature") in errors(post(myparcel, eu(make_nl, signature=1)))
    assert (3705, "data.shipments[0].options.return") in errors(post(myparcel, eu(make_nl, **{"return": 1})))
    wrong = post(myparcel, eu(make_nl, insurance={"amount": 10000, "currency": "EUR"}))
    assert (3743, "data.shipments[0].options.insurance.amount") in errors(wrong)
    assert (3733, "data.shipments[0].options.package_type") in errors(post(myparcel, eu(make_nl, package_type=2)))
    no_customs = customs_shipment(make_nl)
    del no_customs["customs_declaration"]
    assert (3702, "data.shipments[0].customs_declaration") in errors(post(myparcel, no_customs))


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda c: c.update(invoice=""), (3703, "customs_declaration.invoice")),
        (lambda c: c["items"][0].update(amount=0), (3765, "customs_declaration.items[0].amount")),
        (lambda c: c["items"][0].update(weight=25000), (3702, "customs_declaration.items[0].weight")),
        (lambda c: c["items"][0].update(classification="61.10"), (3702, "customs_declaration.items[0].classification")),
        (lambda c: c.update(weight=999), (3702, "customs_declaration.weight")),
        (lambda c: c.update(contents=9), (3702, "customs_declaration.contents")),
    ],
)
def test_customs_rule_violations(
    myparcel: httpx.Client, make_nl: Any, post: Any, edit: Any, expected: tuple[int, str]
) -> None:
    shipment = customs_shipment(make_nl)
    edit(shipment["customs_declaration"])
    code, field = expected
    assert (code, f"data.shipments[0].{field}") in errors(post(myparcel, shipment))


def be_shipment(make_nl: Any, **options: Any) -> dict[str, Any]:
    return make_nl(
        carrier=2,
        recipient={
            "cc": "BE",
            "city": "Bruxelles",
            "street": "Rue de la Loi",
            "number": "16",
            "box_number": "3",
            "postal_code": "1000",
            "person": "Élise Dubois",
        },
        options={"package_type": 1, **options},
    )


def test_belgian_platform_rules(myparcel_be: httpx.Client, make_nl: Any, post: Any) -> None:
    ok = post(myparcel_be, be_shipment(make_nl))
    assert ok.status_code == 200, ok.text
    assert (3733, "data.shipments[0].options.package_type") in errors(
        post(myparcel_be, be_shipment(make_nl, package_type=2))
    )
    assert (3721, "data.shipments[0].options.delivery_type") in errors(
        post(myparcel_be, be_shipment(make_nl, delivery_type=3, only_recipient=0))
    )
    insured = be_shipment(make_nl, insurance={"amount": 25000, "currency": "EUR"}, signature=1)
    assert (3743, "data.shipments[0].options.insurance.amount") in errors(post(myparcel_be, insured))
    unsigned = be_shipment(make_nl, insurance={"amount": 50000, "currency": "EUR"})
    assert (3705, "data.shipments[0].options.signature") in errors(post(myparcel_be, unsigned))
    assert (3728, "data.shipments[0].carrier") in errors(post(myparcel_be, make_nl(carrier=8)))
    multi = be_shipment(make_nl)
    multi["secondary_shipments"] = [{}]
    assert (3735, "data.shipments[0].secondary_shipments") in errors(post(myparcel_be, multi))


def test_bpost_barcode_is_carrier_specific(myparcel_be: httpx.Client, make_nl: Any, post: Any) -> None:
    sid = post(myparcel_be, be_shipment(make_nl)).json()["data"]["ids"][0]["id"]
    label = myparcel_be.get(f"/shipment_labels/{sid}", params={"format": "A6"})
    shipment = myparcel_be.get(f"/shipments/{sid}").json()["data"]["shipments"][0]
    assert shipment["barcode"].startswith("3232") and len(shipment["barcode"]) == 24
    assert label_barcodes(label.content) == [[shipment["barcode"]]]


def test_multi_collo_makes_one_label_per_parcel(
    servers: DemoServers, myparcel: httpx.Client, make_nl: Any, post: Any
) -> None:
    shipment = make_nl(reference_identifier="P2024-00005")
    shipment["secondary_shipments"] = [{}, {"reference_identifier": "P2024-00005-3"}]
    reply = post(myparcel, shipment)
    assert reply.status_code == 200, reply.text
    ids = reply.json()["data"]["ids"]
    assert len(ids) == 1
    main = ids[0]["id"]
    label = myparcel.get(f"/shipment_labels/{main}", params={"format": "A6"})
    stored = myparcel.get(f"/shipments/{main}").json()["data"]["shipments"][0]
    barcodes = [stored["barcode"]] + [s["barcode"] for s in stored["secondary_shipments"]]
    assert len(set(barcodes)) == 3 and all(b and b.startswith("3SMYPA") for b in barcodes)
    assert [s["multi_collo_main_shipment_id"] for s in stored["secondary_shipments"]] == [main, main]
    assert label_barcodes(label.content) == [[barcode] for barcode in barcodes]  # one A6 page per parcel
    assert len(servers.myparcel.shipments_by_reference("P2024-00005")) == 2
    bad = make_nl()
    bad["secondary_shipments"] = [{"options": {"signature": 1}}]
    assert (3736, "data.shipments[0].secondary_shipments[0].options") in errors(post(myparcel, bad))
    abroad = eu(make_nl)
    abroad["secondary_shipments"] = [{}]
    assert (3735, "data.shipments[0].secondary_shipments") in errors(post(myparcel, abroad))


@pytest.mark.parametrize("number", ["05", "07", "09", "11", "13", "15", "21", "23", "25"])
def test_documented_myparcel_nl_examples_are_accepted(
    samples_dir: Path, myparcel: httpx.Client, post: Any, number: str
) -> None:
    path = next(samples_dir.glob(f"06.shipments__{number}__*request.json"))
    shipments = json.loads(path.read_text())["data"]["shipments"]
    reply = post(myparcel, *shipments)
    assert reply.status_code == 200, reply.text
    assert len(reply.json()["data"]["ids"]) == len(shipments)
