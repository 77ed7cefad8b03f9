"""The demo Picqer server enforces the documented API rules (docs/api-notes.md §1-§3)."""

from __future__ import annotations

import time

import httpx
import pypdfium2
import pytest

from packstation.demo import DemoServers


def test_requests_without_the_api_key_get_a_401_json_error(servers: DemoServers) -> None:
    headers = {"User-Agent": "t"}
    no_auth = httpx.get(servers.picqer_url + "/picklists", headers=headers)
    wrong = httpx.get(servers.picqer_url + "/picklists", headers=headers, auth=("not-the-key", ""))
    assert no_auth.status_code == 401 and wrong.status_code == 401
    body = wrong.json()
    assert body["error"] is True and isinstance(body["error_code"], int) and body["error_message"]


def test_requests_without_user_agent_are_refused(servers: DemoServers) -> None:
    # httpx always sends its own User-Agent unless removed explicitly
    with httpx.Client(auth=(servers.picqer_api_key, "")) as client:
        request = client.build_request("GET", servers.picqer_url + "/users/me")
        del request.headers["User-Agent"]
        reply = client.send(request)
    assert reply.status_code == 400
    assert "User-Agent" in reply.json()["error_message"]


def test_rate_limit_headers_count_down(picqer: httpx.Client) -> None:
    first = picqer.get("users/me")
    second = picqer.get("users/me")
    assert first.headers["X-RateLimit-Limit"] == "500"
    assert int(second.headers["X-RateLimit-Remaining"]) == int(first.headers["X-RateLimit-Remaining"]) - 1


def test_250_picklists_come_in_three_pages_of_at_most_100() -> None:
    with (
        DemoServers(picklist_count=250) as servers,
        httpx.Client(auth=(servers.picqer_api_key, ""), headers={"User-Agent": "t"}) as client,
    ):
        pages = [client.get(servers.picqer_url + "/picklists", params={"offset": o}).json() for o in (0, 100, 200, 300)]
    assert [len(p) for p in pages] == [100, 100, 50, 0]
    numbers = [p["picklistid"] for page in pages for p in page]
    assert len(set(numbers)) == 250 and numbers[0] == "P2024-00001" and numbers[-1] == "P2024-00250"


def test_filters_by_status_number_search_and_warehouse(servers: DemoServers, picqer: httpx.Client) -> None:
    new = picqer.get("picklists", params={"status": "new"}).json()
    assert new and all(p["status"] == "new" for p in new)
    assert {p["status"] for p in picqer.get("picklists").json()} >= {"new", "paused", "closed", "cancelled"}
    one = picqer.get("picklists", params={"picklistid": "P2024-00002"}).json()
    assert [p["picklistid"] for p in one] == ["P2024-00002"]
    city = picqer.get("picklists", params={"search": "kortrijk"}).json()
    assert city and all(p["deliverycity"] == "Kortrijk" for p in city)
    by_number = picqer.get("picklists", params={"search": "P2024-00010"}).json()
    assert [p["picklistid"] for p in by_number] == ["P2024-00010"]
    shop = picqer.get("picklists", params={"idwarehouse": 2812}).json()
    assert shop and all(p["idwarehouse"] == 2812 for p in shop)
    assert len(shop) < len(picqer.get("picklists").json())


def test_seed_covers_the_special_cases(servers: DemoServers, picqer: httpx.Client) -> None:
    picklists = picqer.get("picklists").json()
    lines = {p["deliveryaddress"] for p in picklists}
    assert {
        "Hoofdstraat 12 A",
        "2e Hugo de Grootstraat 10-III",
        "Winklaarlaan 1-3",
        "Kerkstraat 7hs",
        "'s-Gravenweg 4",
        "Rue de la Loi 16 bte 3",
        "Kortrijkstraat 37/1",
        "Meir 12 bus 4",
    } <= lines
    assert {"NL", "BE", "DE", "FR", "CH", "GB", "US"} <= {p["deliverycountry"] for p in picklists}
    assert any(p["urgent"] for p in picklists) and any(p["preferred_delivery_date"] for p in picklists)
    assert any(p["idshippingprovider_profile"] is None for p in picklists)
    assert any(isinstance(p["tags"], list) and p["tags"] for p in picklists)  # new array form
    assert any(isinstance(p["tags"], dict) and p["tags"] for p in picklists)  # old keyed-by-title form
    assert all(p["products"] and all(x["weight"] > 0 for x in p["products"]) for p in picklists)
    orders = [picqer.get(f"orders/{p['idorder']}").json() for p in picklists[:20]]
    pickup = [o for o in orders if o["pickup_point_data"]]
    assert pickup and {"carrier", "id", "name", "street", "house_number", "zipcode", "city", "country"} <= set(
        pickup[0]["pickup_point_data"]
    )
    assert any(o["customer_remarks"] for o in orders)
    assert orders[0]["orderid"] == "O2024-00001" and orders[0]["picklists"][0]["picklistid"] == "P2024-00001"


def test_10000_picklists_build_quickly() -> None:
    started = time.perf_counter()
    servers = DemoServers(picklist_count=10000)
    assert time.perf_counter() - started < 2.0
    assert len(servers.picqer.picklists) == 10000


def test_close_needs_new_status_and_all_products_picked(servers: DemoServers, picqer: httpx.Client) -> None:
    picklist = servers.picqer.picklist_by_number("P2024-00001")
    assert picklist is not None and picklist["totalpicked"] == 0
    pid = picklist["idpicklist"]
    refused = picqer.post(f"picklists/{pid}/close")
    assert refused.status_code == 400 and refused.json()["error_code"] == 21
    assert picqer.post(f"picklists/{pid}/pickall").status_code == 200
    closed = picqer.post(f"picklists/{pid}/close")
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    assert picqer.get(f"picklists/{pid}").json()["closed_by_iduser"] == picqer.get("users/me").json()["iduser"]
    again = picqer.post(f"picklists/{pid}/close")
    assert again.status_code == 400 and again.json()["error_code"] == 21


def test_locked_close_answers_400_once_then_succeeds(servers: DemoServers, picqer: httpx.Client) -> None:
    pid = servers.picqer.picklist_by_number("P2024-00003")["idpicklist"]
    picqer.post(f"picklists/{pid}/pickall")
    servers.picqer.faults.inject("locked", method="POST", path=r"/close$")
    locked = picqer.post(f"picklists/{pid}/close")
    assert locked.status_code == 400 and "is locked" in locked.json()["error_message"]
    assert picqer.get(f"picklists/{pid}").json()["status"] == "new"
    assert picqer.post(f"picklists/{pid}/close").status_code == 200


def test_assign_pause_resume_cancel_and_comments(servers: DemoServers, picqer: httpx.Client) -> None:
    pid = servers.picqer.picklist_by_number("P2024-00002")["idpicklist"]
    station2 = next(u for u in picqer.get("users").json() if u["username"] == "station2")
    assert (
        picqer.post(f"picklists/{pid}/assign", json={"iduser": station2["iduser"]}).json()["assigned_to_iduser"]
        == station2["iduser"]
    )
    assigned = picqer.get("picklists", params={"assigned_to_iduser": station2["iduser"]}).json()
    assert [p["idpicklist"] for p in assigned] == [pid]
    assert picqer.post(f"picklists/{pid}/unassign").json()["assigned_to_iduser"] is None
    assert picqer.post(f"picklists/{pid}/pause", json={}).status_code == 400
    paused = picqer.post(f"picklists/{pid}/pause", json={"reason": "Doos te klein"}).json()
    assert paused["status"] == "paused" and paused["paused_reason"] == "Doos te klein"
    assert picqer.post(f"picklists/{pid}/resume").json()["status"] == "new"
    comment = picqer.post(f"picklists/{pid}/comments", json={"body": "Track & trace: 3SMYPA000000001"})
    assert comment.status_code == 201
    assert picqer.get(f"picklists/{pid}/comments").json()[-1]["body"] == "Track & trace: 3SMYPA000000001"
    assert servers.picqer.comments[pid][-1]["body"].endswith("3SMYPA000000001")
    assert picqer.post(f"picklists/{pid}/cancel").json()["status"] == "cancelled"
    assert picqer.post(f"picklists/{pid}/pickall").json()["error_code"] == 21


def test_orderfields_shippingmethods_and_account(servers: DemoServers, picqer: httpx.Client) -> None:
    picklist = servers.picqer.picklist_by_number("P2024-00001")
    fields = picqer.get(f"orders/{picklist['idorder']}/orderfields").json()
    field = fields[0]["idorderfield"]
    put = picqer.put(f"orders/{picklist['idorder']}/orderfields/{field}", json={"value": "3SMYPA000000001"})
    assert put.json() == {"idorderfield": field, "title": fields[0]["title"], "value": "3SMYPA000000001"}
    methods = picqer.get(f"picklists/{picklist['idpicklist']}/shippingmethods").json()
    assert [m["idshippingprovider_profile"] for m in methods if m["selected"]] == [
        picklist["idshippingprovider_profile"]
    ]
    providers = picqer.get("shippingproviders").json()
    assert any(prof["standard"] for prov in providers for prof in prov["profiles"])
    assert picqer.get(f"picklists/{picklist['idpicklist']}/shipments").json() == []
    assert picqer.get("users/me").json()["username"] == "demo.packer"
    assert len(picqer.get("warehouses").json()) == 2
    # The account's order fields: the ones every order carries, by id and title.
    account_fields = picqer.get("orderfields").json()
    assert [(f["idorderfield"], f["title"]) for f in account_fields] == [
        (f["idorderfield"], f["title"]) for f in fields
    ]
    assert picqer.get("picklists/1").status_code == 404
    assert picqer.get("picklists/1").json()["error_code"] == 20


def test_packing_list_is_a_real_pdf(servers: DemoServers, picqer: httpx.Client) -> None:
    pid = servers.picqer.picklist_by_number("P2024-00002")["idpicklist"]
    reply = picqer.get(f"picklists/{pid}/packinglistpdf")
    assert reply.headers["Content-Type"] == "application/pdf"
    pdf = pypdfium2.PdfDocument(reply.content)
    text = pdf[0].get_textpage().get_text_range()
    assert "P2024-00002" in text and "Opmerking klant" in text


def test_request_log_records_method_path_and_status(servers: DemoServers, picqer: httpx.Client) -> None:
    servers.picqer.reset_requests()
    picqer.get("picklists", params={"status": "new"})
    picqer.get("picklists/1")
    assert servers.picqer.requests == [
        ("GET", "/api/v1/picklists?status=new", 200),
        ("GET", "/api/v1/picklists/1", 404),
    ]


def _as(servers: DemoServers, key: str) -> httpx.Client:
    return httpx.Client(base_url=servers.picqer_url + "/", auth=(key, ""), headers={"User-Agent": "t"}, timeout=5)


def test_each_api_key_is_its_own_user(servers: DemoServers) -> None:
    with _as(servers, servers.picqer_api_key) as one, _as(servers, servers.picqer_station2_api_key) as two:
        me_one, me_two = one.get("users/me").json(), two.get("users/me").json()
        assert (me_one["iduser"], me_two["iduser"]) == (1001, 1002)
        assert f"{me_two['firstname']} {me_two['lastname']}" == "Station 2"
        # Interleaved requests never mix the users up.
        assert [one.get("users/me").json()["iduser"], two.get("users/me").json()["iduser"]] == [1001, 1002]
        pid = servers.picqer.picklist_by_number("P2024-00001")["idpicklist"]
        two.post(f"picklists/{pid}/comments", json={"body": "from the second bench"})
        one.post(f"picklists/{pid}/comments", json={"body": "from the first bench"})
        authors = {c["body"]: c["author"]["iduser"] for c in one.get(f"picklists/{pid}/comments").json()}
        assert authors["from the second bench"] == 1002 and authors["from the first bench"] == 1001
        two.post(f"picklists/{pid}/pickall")
        closed = two.post(f"picklists/{pid}/close").json()
        assert closed["closed_by_iduser"] == 1002


def test_assign_over_another_users_claim_reassigns_like_picqer(servers: DemoServers) -> None:
    # Picqer documents no refusal for assigning a held picklist; its back office re-assigns. A claim is only
    # known to hold after reading the picklist again.
    with _as(servers, servers.picqer_api_key) as one, _as(servers, servers.picqer_station2_api_key) as two:
        pid = servers.picqer.picklist_by_number("P2024-00002")["idpicklist"]
        assert one.post(f"picklists/{pid}/assign", json={"iduser": 1001}).json()["assigned_to_iduser"] == 1001
        taken = two.post(f"picklists/{pid}/assign", json={"iduser": 1002})
        assert taken.status_code == 200 and taken.json()["assigned_to_iduser"] == 1002
        assert one.get(f"picklists/{pid}").json()["assigned_to_iduser"] == 1002


def test_actions_answer_with_the_updated_picklist(servers: DemoServers, picqer: httpx.Client) -> None:
    pid = servers.picqer.picklist_by_number("P2024-00005")["idpicklist"]
    replies = [
        picqer.post(f"picklists/{pid}/assign", json={"iduser": 1001}),
        picqer.post(f"picklists/{pid}/unassign"),
        picqer.post(f"picklists/{pid}/pause", json={"reason": "wacht op doos"}),
        picqer.post(f"picklists/{pid}/resume"),
        picqer.post(f"picklists/{pid}/pickall"),
        picqer.post(f"picklists/{pid}/close"),
    ]
    assert all(r.status_code == 200 and r.json()["idpicklist"] == pid for r in replies)
    assert [r.json()["status"] for r in replies] == ["new", "new", "paused", "new", "new", "closed"]
    assert replies[0].json()["assigned_to_iduser"] == 1001 and replies[1].json()["assigned_to_iduser"] is None
    assert replies[4].json()["totalpicked"] == replies[4].json()["totalproducts"]
    assert all(p["amount_picked"] == p["amount"] for p in replies[4].json()["products"])
    assert replies[-1].json() == picqer.get(f"picklists/{pid}").json()
    other = servers.picqer.picklist_by_number("P2024-00006")["idpicklist"]
    cancelled = picqer.post(f"picklists/{other}/cancel").json()
    assert cancelled["idpicklist"] == other and cancelled["status"] == "cancelled"


def test_single_key_servers_still_work_and_unknown_users_are_refused() -> None:
    from packstation.demo import PicqerState

    single = PicqerState(5, api_key="only-key")
    assert single.api_keys == {"only-key": 1001} and single.api_key == "only-key"
    with pytest.raises(ValueError, match="4242"):
        PicqerState(5, api_keys={"k": 4242})


def test_updated_after_is_ignored_like_real_picqer_while_changes_still_stamp_updated(
    servers: DemoServers, picqer: httpx.Client
) -> None:
    # Picqer documents no updated_after filter for picklists and ignores unknown filters: neither may the demo
    # answer it, or a station built on it would pass here and read everything every minute against Picqer.
    everything = picqer.get("picklists").json()
    newest = max(p["updated"] for p in everything)
    assert picqer.get("picklists", params={"updated_after": newest}).json() == everything
    target = next(p for p in everything if p["status"] == "new")
    picqer.post(f"picklists/{target['idpicklist']}/pickall").raise_for_status()
    picqer.post(f"picklists/{target['idpicklist']}/close").raise_for_status()
    closed = picqer.get(f"picklists/{target['idpicklist']}").json()
    assert closed["status"] == "closed" and closed["updated"] > newest


def test_sinceid_with_status_answers_only_newer_ids_of_that_status(servers: DemoServers, picqer: httpx.Client) -> None:
    new = picqer.get("picklists", params={"status": "new"}).json()
    highest = max(p["idpicklist"] for p in new)
    assert picqer.get("picklists", params={"status": "new", "sinceid": highest}).json() == []
    older = sorted(p["idpicklist"] for p in new)[-3]
    answer = picqer.get("picklists", params={"status": "new", "sinceid": older}).json()
    assert [p["idpicklist"] for p in answer] == sorted(p["idpicklist"] for p in new)[-2:]


def test_sinceid_and_beforeid_bound_the_ids(servers: DemoServers, picqer: httpx.Client) -> None:
    ids = [p["idpicklist"] for p in picqer.get("picklists").json()]
    middle = ids[len(ids) // 2]
    after = [p["idpicklist"] for p in picqer.get("picklists", params={"sinceid": middle}).json()]
    before = [p["idpicklist"] for p in picqer.get("picklists", params={"beforeid": middle}).json()]
    assert after == [i for i in ids if i > middle]
    assert before == [i for i in ids if i < middle]


def test_malformed_list_filters_are_a_400_not_a_crash(picqer: httpx.Client) -> None:
    for params in ({"sinceid": "abc"}, {"beforeid": "1.5"}, {"sinceid": "-1"}):
        reply = picqer.get("picklists", params=params)
        assert reply.status_code == 400, params
        assert reply.json()["error"] is True
