"""The demo Picqer's products, bundles, packagings and POST /pick, as the Picqer docs describe them."""

from __future__ import annotations

import httpx

from packstation.demo import DemoServers, seed


def gtin_ok(code: str) -> bool:
    digits = [int(d) for d in code]
    total = sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits[:-1]))
    return len(code) == 13 and (10 - total % 10) % 10 == digits[-1]


def test_every_product_and_box_has_a_valid_ean13_and_one_product_has_two(picqer: httpx.Client) -> None:
    products = picqer.get("products").json()
    assert len(products) == len(seed.PRODUCTS) + 2
    codes = [p["barcode"] for p in products] + [c for p in products for c in p.get("barcodes", [])]
    codes += [p["barcode"] for p in picqer.get("packagings").json()]
    assert all(gtin_ok(code) for code in codes)
    assert len(set(p["barcode"] for p in products)) == len(products)
    assert [p["productcode"] for p in products if len(p.get("barcodes", [])) > 1] == ["BOT-750"]
    assert all(p["weight"] > 0 for p in products)


def test_products_by_ids_one_product_and_the_parts_of_a_bundle(picqer: httpx.Client) -> None:
    found = picqer.get("products", params={"idproducts": "9004,9101,1"}).json()
    assert [p["idproduct"] for p in found] == [9004, 9101]
    bundle = picqer.get("products/9101").json()
    assert (bundle["type"], bundle["weight"]) == ("virtual_composition", 340 + 2 * 130)
    parts = picqer.get("products/9101/parts").json()
    assert [(p["idproduct"], p["amount"]) for p in parts] == [(9004, 1), (9010, 2)]
    assert picqer.get("products/9004/parts").json() == []
    assert picqer.get("products/1/parts").status_code == 404


def test_three_packagings_with_sizes_in_centimetres(picqer: httpx.Client) -> None:
    boxes = picqer.get("packagings").json()
    assert [(b["name"], b["length"], b["width"], b["height"]) for b in boxes] == [
        ("Envelop C4", 32, 23, 2),
        ("Doos S", 25, 20, 10),
        ("Doos L", 40, 30, 20),
    ]


def test_pick_counts_per_line_and_refuses_more_than_the_line_holds(servers: DemoServers, picqer: httpx.Client) -> None:
    picklist = picqer.get("picklists", params={"picklistid": "P2024-00008"}).json()[0]
    url = f"picklists/{picklist['idpicklist']}/pick"
    pot = next(line for line in picklist["products"] if line["productcode"] == "PLNT-POT")
    assert picqer.post(url, json={"idpicklist_product": pot["idpicklist_product"], "amount": 2}).status_code == 200
    answer = picqer.post(url, json={"productcode": "PLNT-POT", "amount": 2})
    assert (answer.status_code, answer.json()["error_code"]) == (400, 18)
    assert picqer.post(url, json={"productcode": "PLNT-POT", "amount": 1}).json()["totalpicked"] == 3
    assert picqer.post(url, json={"amount": 1}).json()["error_code"] == 15
    assert picqer.post(url, json={"productcode": "PLNT-POT", "amount": 0}).json()["error_code"] == 16
    assert picqer.post(url, json={"productcode": "NOPE", "amount": 1}).json()["error_code"] == 17
    servers.picqer.faults.inject("locked", method="POST", path=r"/pick$")
    locked = picqer.post(url, json={"productcode": "LMP-DESK", "amount": 1})
    assert locked.status_code == 400 and "is locked" in locked.json()["error_message"]
    stored = servers.picqer.picklist_by_number("P2024-00008")
    assert stored is not None
    assert {line["productcode"]: line["amount_picked"] for line in stored["products"]}["PLNT-POT"] == 3


def test_two_picklists_hold_a_bundle_line(servers: DemoServers) -> None:
    bundles = {
        number: [(line["productcode"], line["amount"]) for line in picklist["products"] if line["has_parts"]]
        for number in ("P2024-00008", "P2024-00020")
        if (picklist := servers.picqer.picklist_by_number(number)) is not None
    }
    assert bundles == {"P2024-00008": [("SET-TEA", 1)], "P2024-00020": [("SET-TS2", 2)]}
