"""Deterministic demo data in Picqer wire format: picklists, orders, users, warehouses, shipping providers."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

WAREHOUSES: list[dict[str, Any]] = [
    {
        "idwarehouse": 2811,
        "name": "Hoofdmagazijn Utrecht",
        "accept_orders": True,
        "counts_for_general_stock": True,
        "priority": 1,
        "active": True,
    },
    {
        "idwarehouse": 2812,
        "name": "Winkel Antwerpen",
        "accept_orders": True,
        "counts_for_general_stock": False,
        "priority": 2,
        "active": True,
    },
]

DEMO_USER_ID = 1001
USERS: list[dict[str, Any]] = [
    {
        "iduser": DEMO_USER_ID,
        "idpacking_station": 1,
        "username": "demo.packer",
        "firstname": "Demo",
        "lastname": "Packer",
        "first_name": "Demo",
        "last_name": "Packer",
        "emailaddress": "packer@demo.example",
        "language": "nl",
        "admin": False,
        "active": True,
        "last_login_at": "2024-03-04 07:58:12",
    },
    {
        "iduser": 1002,
        "idpacking_station": 2,
        "username": "station2",
        "firstname": "Station",
        "lastname": "2",
        "first_name": "Station",
        "last_name": "2",
        "emailaddress": "station2@demo.example",
        "language": "nl",
        "admin": False,
        "active": True,
        "last_login_at": "2024-03-04 08:01:40",
    },
    {
        "iduser": 1003,
        "idpacking_station": None,
        "username": "admin",
        "firstname": "Anouk",
        "lastname": "Beheer",
        "first_name": "Anouk",
        "last_name": "Beheer",
        "emailaddress": "admin@demo.example",
        "language": "nl",
        "admin": True,
        "active": True,
        "last_login_at": "2024-03-01 17:20:03",
    },
]

# Profiles of the account's shipping providers: MyParcel.nl and SendMyParcel.be integrations and a custom provider.
SHIPPING_PROVIDERS: list[dict[str, Any]] = [
    {
        "idshippingprovider": 521,
        "name": "MyParcel",
        "provider": "MyParcel",
        "active": True,
        "profiles": [
            {"idshippingprovider_profile": 1365, "name": "PostNL - Nederland", "standard": True, "active": True},
            {"idshippingprovider_profile": 1366, "name": "PostNL - Handtekening", "standard": False, "active": True},
            {"idshippingprovider_profile": 1367, "name": "PostNL - Brievenbuspakje", "standard": False, "active": True},
            {"idshippingprovider_profile": 1368, "name": "PostNL - Pakketpunt", "standard": False, "active": True},
            {"idshippingprovider_profile": 1287, "name": "PostNL - EU Pack Special", "standard": False, "active": True},
            {"idshippingprovider_profile": 1290, "name": "PostNL - Wereld", "standard": False, "active": True},
        ],
    },
    {
        "idshippingprovider": 522,
        "name": "SendMyParcel",
        "provider": "SendMyParcel",
        "active": True,
        "profiles": [
            {"idshippingprovider_profile": 2001, "name": "bpost - België", "standard": True, "active": True},
            {"idshippingprovider_profile": 2002, "name": "DPD - België", "standard": False, "active": True},
        ],
    },
    {
        # A custom shipping provider (https://picqer.com/en/api/external-shipping-provider-integrations-technical):
        # Picqer itself calls the packstation relay for a label.
        "idshippingprovider": 530,
        "name": "packstation relay",
        "provider": "custom",
        "active": True,
        "profiles": [
            {"idshippingprovider_profile": 3001, "name": "packstation - PostNL", "standard": False, "active": True},
            {
                "idshippingprovider_profile": 3002,
                "name": "packstation - PostNL handtekening",
                "standard": False,
                "active": True,
            },
        ],
    },
]

RELAY_PROVIDER_ID = 530
RELAY_PROFILE_POSTNL = 3001
RELAY_PROFILE_POSTNL_SIGNATURE = 3002


def _relay_options(**changes: Any) -> list[dict[str, Any]]:
    # Every key the relay offers (shared decisions, issue 13), in its order, as a Picqer user would have saved them.
    values: dict[str, Any] = {
        "carrier": 1,
        "package_type": 1,
        "delivery_type": 2,
        "signature": 0,
        "only_recipient": 0,
        "age_check": 0,
        "insurance": 0,
        "large_format": 0,
        "return": 0,
        "label_description": None,
    }
    values.update(changes)
    return [{"key": key, "value": value} for key, value in values.items()]


# The config-option values stored on each custom profile: Picqer sends them back as data.profile on every shipment.
RELAY_PROFILE_OPTIONS: dict[int, list[dict[str, Any]]] = {
    RELAY_PROFILE_POSTNL: _relay_options(),
    RELAY_PROFILE_POSTNL_SIGNATURE: _relay_options(signature=1),
}

ORDERFIELDS = [(301, "Track & trace"), (302, "Verzendmethode")]


def _printer(idprinter: int, name: str, paper: str, zpl: bool = False) -> dict[str, object]:
    custom = paper == "custom"
    return {
        "idprinter": idprinter,
        "name": name,
        "format": paper,
        "custom_width": 102 if custom else None,
        "custom_height": 150 if custom else None,
        "zpl_support": zpl,
        "printnode_printerid": 10000000 + idprinter,
    }


# GET /packingstations, in the shape of Picqer's own example; a station takes the printers of the one named like it.
PACKING_STATIONS: list[dict[str, object]] = [
    {
        "idpacking_station": 1,
        "name": "Paktafel 1",
        "printer_packinglists": _printer(2, "Kantoor printer", "a4"),
        "printer_shipping_labels": _printer(1, "Zebra GK420d", "custom", zpl=True),
        "printer_shipping_documents": _printer(2, "Kantoor printer", "a4"),
        "printer_product_labels": None,
    },
    {
        "idpacking_station": 2,
        "name": "Retouren",
        "printer_packinglists": None,
        "printer_shipping_labels": None,
        "printer_shipping_documents": None,
        "printer_product_labels": None,
    },
]

# (idproduct, productcode, name, weight grams per unit, price EUR)
PRODUCTS: list[tuple[int, str, str, int, float]] = [
    (9001, "TS-BLK-M", "T-shirt zwart M", 180, 19.95),
    (9002, "TS-WHT-L", "T-shirt wit L", 190, 19.95),
    (9003, "HD-GRY-XL", "Hoodie grijs XL", 620, 54.95),
    (9004, "MUG-CER", "Keramische mok 300 ml", 340, 12.50),
    (9005, "BOT-750", "RVS drinkfles 750 ml", 410, 24.95),
    (9006, "BK-NL-01", "Kookboek Hollandse pot", 920, 29.99),
    (9007, "SOCK-3P", "Sokken 3-pack", 120, 9.95),
    (9008, "CAP-NVY", "Pet navy", 95, 17.50),
    (9009, "CNDL-SOY", "Sojakaars vanille", 280, 14.95),
    (9010, "TEA-EARL", "Earl Grey thee 100 g", 130, 6.95),
    (9011, "COF-BEAN1", "Koffiebonen 1 kg", 1050, 21.50),
    (9012, "LMP-DESK", "Bureaulamp LED", 1820, 49.00),
    (9013, "PLNT-POT", "Plantenpot terracotta 18 cm", 1400, 15.95),
    (9014, "CRD-GIFT", "Cadeaukaart", 10, 25.00),
    (9015, "BAG-TOTE", "Katoenen tas", 150, 7.95),
    (9016, "PUZ-1000", "Puzzel 1000 stukjes", 760, 18.95),
    (9017, "BLK-WOOL", "Plaid wol", 1350, 79.00),
    (9018, "SPK-BT", "Bluetooth speaker", 540, 59.95),
]


def ean13(body12: str) -> str:
    """Return the EAN-13 with its GS1 check digit for 12 digits (weights 1,3,1,3,... from the left)."""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body12))
    return body12 + str((10 - total % 10) % 10)


# EAN-13 barcodes of the products (GS1 Netherlands prefix 871 and a made-up company number). The drinking bottle
# has a second one (a new supplier's label), so a picklist line can be ticked by either.
BARCODES: dict[int, list[str]] = {idproduct: [ean13(f"87123450{idproduct % 10000:04d}")] for idproduct, *_ in PRODUCTS}
BARCODES[9005].append(ean13("871987600075"))

# Bundles (Picqer "virtual_composition"): (idproduct, productcode, name, price EUR, [(part idproduct, amount)]).
# Their weight is the sum of the parts' weights, as Picqer shows for a virtual composition.
BUNDLES: list[tuple[int, str, str, float, list[tuple[int, int]]]] = [
    (9101, "SET-TEA", "Theeset: mok en 2x Earl Grey", 24.95, [(9004, 1), (9010, 2)]),
    (9102, "SET-TS2", "T-shirt duo zwart en wit", 34.95, [(9001, 1), (9002, 1)]),
]
BUNDLE_BARCODES = {9101: ean13("871234591010"), 9102: ean13("871234591027")}
# Picklists (by index) whose order holds one bundle: (bundle idproduct, amount).
BUNDLE_PICKLISTS: dict[int, tuple[int, int]] = {7: (9101, 1), 19: (9102, 2)}

# Packagings (Picqer /packagings): (idpackaging, name, barcode, length, width, height in centimetres).
PACKAGINGS: list[tuple[int, str, str, int, int, int]] = [
    (501, "Envelop C4", ean13("871234550101"), 32, 23, 2),
    (502, "Doos S", ean13("871234550202"), 25, 20, 10),
    (503, "Doos L", ean13("871234550303"), 40, 30, 20),
]


def _weight_of(idproduct: int) -> int:
    for pid, _code, _name, weight, _price in PRODUCTS:
        if pid == idproduct:
            return weight
    raise KeyError(idproduct)


def products_wire() -> list[dict[str, Any]]:
    """Every product of the account as Picqer's GET /products shows it (normal products, then bundles)."""
    out: list[dict[str, Any]] = []
    for idproduct, code, name, weight, price in PRODUCTS:
        codes = BARCODES[idproduct]
        item: dict[str, Any] = {
            "idproduct": idproduct,
            "idvatgroup": 17,
            "productcode": code,
            "name": name,
            "price": price,
            "barcode": codes[0],
            "type": "normal",
            "weight": weight,
            "active": True,
        }
        if len(codes) > 1:
            item["barcodes"] = list(codes)
        out.append(item)
    for idproduct, code, name, price, parts in BUNDLES:
        out.append(
            {
                "idproduct": idproduct,
                "idvatgroup": 17,
                "productcode": code,
                "name": name,
                "price": price,
                "barcode": BUNDLE_BARCODES[idproduct],
                "type": "virtual_composition",
                "weight": sum(_weight_of(pid) * amount for pid, amount in parts),
                "active": True,
            }
        )
    return out


def parts_wire() -> dict[int, list[dict[str, Any]]]:
    """GET /products/{id}/parts of each bundle."""
    names = {pid: (code, name) for pid, code, name, _w, _p in PRODUCTS}
    out: dict[int, list[dict[str, Any]]] = {}
    for idproduct, _code, _name, _price, parts in BUNDLES:
        out[idproduct] = [
            {
                "idproduct_part": idproduct * 10 + n,
                "idproduct": pid,
                "amount": amount,
                "productcode": names[pid][0],
                "name": names[pid][1],
                "type": "normal",
            }
            for n, (pid, amount) in enumerate(parts, start=1)
        ]
    return out


def packagings_wire() -> list[dict[str, Any]]:
    """GET /packagings."""
    return [
        {
            "idpackaging": pid,
            "name": name,
            "barcode": barcode,
            "length": length,
            "width": width,
            "height": height,
            "use_in_auto_advice": True,
            "active": True,
            "created_at": "2024-01-08 09:00:00",
            "updated_at": "2024-01-08 09:00:00",
        }
        for pid, name, barcode, length, width, height in PACKAGINGS
    ]


def _add_bundle(picklist: dict[str, Any], order: dict[str, Any], idproduct: int, amount: int) -> None:
    """Put a bundle line on a picklist and its order (after the generated lines, so the random data stays put)."""
    bundle = next(item for item in products_wire() if item["idproduct"] == idproduct)
    line_no = len(picklist["products"])
    closed = picklist["status"] == "closed"
    common = {
        "idproduct": idproduct,
        "idvatgroup": 17,
        "productcode": bundle["productcode"],
        "name": bundle["name"],
        "remarks": "",
        "price": bundle["price"],
        "amount": amount,
        "weight": bundle["weight"],
        "has_parts": True,
    }
    order["products"].append(
        {
            **common,
            "idorder_product": order["idorder"] * 10 + line_no,
            "amount_cancelled": 0,
            "partof_idorder_product": None,
            "hs_code": "",
            "country_of_origin": "",
        }
    )
    picklist["products"].append(
        {
            **common,
            "idpicklist_product": picklist["idpicklist"] * 10 + line_no,
            "idorder_product": order["idorder"] * 10 + line_no,
            "idreturn_product_replacement": None,
            "amount_picked": amount if closed else 0,
            "stocklocation": f"S-{idproduct % 100:02d}-1",
            "partof_idpicklist_product": None,
        }
    )
    picklist["totalproducts"] += amount
    picklist["totalpicked"] += amount if closed else 0
    picklist["weight"] += bundle["weight"] * amount


# Customs data a webshop keeps on its products (HS code, country of origin). Two products have none, so
# that a non-EU order holding them shows how the app refuses a shipment it cannot declare.
CUSTOMS: dict[str, tuple[str, str]] = {
    "TS-BLK-M": ("610910", "PT"),
    "TS-WHT-L": ("610910", "PT"),
    "HD-GRY-XL": ("611020", "TR"),
    "MUG-CER": ("691200", "PT"),
    "BOT-750": ("732393", "CN"),
    "BK-NL-01": ("490199", "NL"),
    "SOCK-3P": ("611595", "TR"),
    "CAP-NVY": ("650500", "CN"),
    "CNDL-SOY": ("340600", "NL"),
    "TEA-EARL": ("090230", "LK"),
    "COF-BEAN1": ("090121", "NL"),
    "LMP-DESK": ("940520", "CN"),
    "PLNT-POT": ("691390", "IT"),
    "BAG-TOTE": ("420222", "IN"),
    "BLK-WOOL": ("630120", "NL"),
    "SPK-BT": ("851822", "CN"),
}

# (address line, zipcode, city, region) per country; NL lines cover the house-number suffix forms.
ADDRESSES: dict[str, list[tuple[str, str, str, str]]] = {
    "NL": [
        ("Hoofdstraat 12 A", "3511 AB", "Utrecht", "Utrecht"),
        ("2e Hugo de Grootstraat 10-III", "1052 LC", "Amsterdam", "Noord-Holland"),
        ("Winklaarlaan 1-3", "5038 EJ", "Tilburg", "Noord-Brabant"),
        ("Kerkstraat 7hs", "1017 GC", "Amsterdam", "Noord-Holland"),
        ("'s-Gravenweg 4", "3062 ZC", "Rotterdam", "Zuid-Holland"),
        ("Koppeling 15", "6983 HX", "Doesburg", "Gelderland"),
        ("De Koppeling 15a", "6983 HX", "Doesburg", "Gelderland"),
        ("Meander 251", "6825 MC", "Arnhem", "Gelderland"),
        ("Antareslaan 31", "2132 JE", "Hoofddorp", "Noord-Holland"),
        ("Van der Valk Boumanweg 178 A", "2352 JD", "Leiderdorp", "Zuid-Holland"),
        ("1e Jan Steenstraat 10", "1072 NL", "Amsterdam", "Noord-Holland"),
        ("Plein 1940-1945 3", "3231 BH", "Brielle", "Zuid-Holland"),
        ("Vrije Water 12", "3811 GA", "Amersfoort", "Utrecht"),
        ("Oudegracht 231 bis", "3511 NK", "Utrecht", "Utrecht"),
        ("Markt 3-B", "5611 EB", "Eindhoven", "Noord-Brabant"),
        ("Laan van Meerdervoort 1022", "2564 AZ", "Den Haag", "Zuid-Holland"),
        ("Grote Markt 27", "9711 LV", "Groningen", "Groningen"),
        ("Burgemeester van Stamplein 270", "2132 BH", "Hoofddorp", "Noord-Holland"),
        ("Dorpsstraat 8 zw", "1191 BM", "Ouderkerk aan de Amstel", "Noord-Holland"),
        ("Stationsweg 101 rood", "2515 BM", "Den Haag", "Zuid-Holland"),
    ],
    "BE": [
        ("Rue de la Loi 16 bte 3", "1000", "Bruxelles", "Bruxelles-Capitale"),
        ("Kortrijkstraat 37/1", "8500", "Kortrijk", "West-Vlaanderen"),
        ("Meir 12 bus 4", "2000", "Antwerpen", "Antwerpen"),
        ("Veldstraat 55", "9000", "Gent", "Oost-Vlaanderen"),
        ("Avenue Louise 231 boîte 7", "1050", "Ixelles", "Bruxelles-Capitale"),
        ("Bondgenotenlaan 100", "3000", "Leuven", "Vlaams-Brabant"),
    ],
    "DE": [
        ("Friedrichstraße 123", "10117", "Berlin", "Berlin"),
        ("Königsallee 60", "40212", "Düsseldorf", "Nordrhein-Westfalen"),
        ("Maximilianstraße 17", "80539", "München", "Bayern"),
    ],
    "FR": [
        ("12 rue de Rivoli", "75004", "Paris", "Île-de-France"),
        ("8 place Bellecour", "69002", "Lyon", "Auvergne-Rhône-Alpes"),
    ],
    "CH": [("Bahnhofstrasse 45", "8001", "Zürich", "ZH"), ("Rue du Rhône 30", "1204", "Genève", "GE")],
    "GB": [("221B Baker Street", "NW1 6XE", "London", ""), ("10 Deansgate", "M3 1AZ", "Manchester", "")],
    "US": [
        ("1600 Amphitheatre Parkway", "94043", "Mountain View", "CA"),
        ("350 Fifth Avenue", "10118", "New York", "NY"),
    ],
}

FIRST = [
    "Sanne",
    "Daan",
    "Emma",
    "Lucas",
    "Julia",
    "Sem",
    "Tess",
    "Finn",
    "Lotte",
    "Milan",
    "Noor",
    "Bram",
    "Élise",
    "Jan",
    "Fleur",
    "Ruben",
    "Zoë",
    "Thijs",
    "Anna",
    "Koen",
]
LAST = [
    "de Vries",
    "Jansen",
    "van den Berg",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "Peeters",
    "Dubois",
    "Müller",
    "Martin",
    "Janssens",
    "van Dijk",
    "Hendriks",
    "O'Brien",
    "Schmidt",
    "Willems",
    "Claes",
]
COMPANIES = [
    "Triangle B.V.",
    "Bakkerij De Korenschoof",
    "Studio Noord",
    "Fietsenmaker Smit VOF",
    "Atelier Lumière",
    "Gebr. Visser Installatietechniek B.V.",
]
REMARKS = [
    "Graag niet bij de buren afgeven.",
    "Cadeautje, graag zonder factuur in het pakket.",
    "Bel aan bij de achterdeur.",
    "Please deliver after 17:00.",
    "Liever geen plastic verpakking.",
]
PHONE_PREFIX = {
    "NL": "+316",
    "BE": "+32470",
    "DE": "+49151",
    "FR": "+336",
    "CH": "+4179",
    "GB": "+447700",
    "US": "+1415",
}
COUNTRY_WEIGHTS = [("NL", 62), ("BE", 16), ("DE", 7), ("FR", 5), ("CH", 4), ("GB", 3), ("US", 3)]
PROFILE_FOR_COUNTRY = {"NL": 1365, "BE": 2001, "DE": 1287, "FR": 1287, "CH": 1290, "GB": 1290, "US": 1290}

TAGS = [
    {"idtag": 11, "title": "Spoed", "color": "#e53935", "inherit": True, "textColor": "#ffffff"},
    {"idtag": 12, "title": "Breekbaar", "color": "#fb8c00", "inherit": True, "textColor": "#000000"},
    {"idtag": 13, "title": "Cadeau", "color": "#8e24aa", "inherit": False, "textColor": "#ffffff"},
]

PICKUP_POINT: dict[str, Any] = {
    "carrier": "postnl",
    "id": "176227",
    "name": "Albert Heijn Hoofddorp",
    "street": "Burgemeester van Stamplein",
    "house_number": "270",
    "zipcode": "2132 BH",
    "city": "Hoofddorp",
    "country": "NL",
    "options": {"pakjegemak": True, "parcel_machine": False},
}

BASE_TIME = datetime(2024, 3, 4, 7, 30, 0)
FIRST_IDPICKLIST = 53398250
FIRST_IDORDER = 6754000


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def _tags_wire(tags: list[dict[str, Any]], new_form: bool) -> Any:
    """Picklist tags: array of objects (new, since Oct 2025) or object keyed by title (old form, still in the wild)."""
    if new_form:
        return [dict(tag) for tag in tags]
    if not tags:
        return []  # PHP encodes an empty keyed array as []
    return {tag["title"]: dict(tag) for tag in tags}


# Hand-picked scenarios for the first picklists so the demo and tests always see every special case.
# keys: country, address index, extra flags.
_SCENARIOS: list[dict[str, Any]] = [
    {"cc": "NL", "addr": 0},
    {"cc": "NL", "addr": 1, "urgent": True, "remarks": 0},
    {"cc": "NL", "addr": 2},
    {"cc": "NL", "addr": 3, "pickup": True},
    {"cc": "NL", "addr": 4, "preferred": 2},
    {"cc": "BE", "addr": 0},
    {"cc": "BE", "addr": 1, "profile_null": True},
    {"cc": "BE", "addr": 2, "remarks": 1},
    {"cc": "DE", "addr": 0},
    {"cc": "FR", "addr": 0, "company": True},
    {"cc": "CH", "addr": 0},
    {"cc": "GB", "addr": 0},
    {"cc": "US", "addr": 0, "urgent": True},
    {"cc": "NL", "addr": 5, "company": True, "profile_null": True},
    {"cc": "NL", "addr": 9, "status": "paused"},
    {"cc": "NL", "addr": 10, "status": "closed"},
    {"cc": "NL", "addr": 11, "status": "cancelled"},
    {"cc": "NL", "addr": 13, "remarks": 2, "preferred": 1},
]


Wire = dict[str, Any]


def build(count: int, seed: int) -> tuple[list[Wire], dict[int, Wire], dict[int, list[Wire]]]:
    """Return (picklists, orders by idorder, comments by idpicklist) for `count` picklists."""
    rng = random.Random(seed)  # noqa: S311 - deterministic demo data, not security
    countries = [cc for cc, _ in COUNTRY_WEIGHTS]
    weights = [w for _, w in COUNTRY_WEIGHTS]
    picklists: list[dict[str, Any]] = []
    orders: dict[int, dict[str, Any]] = {}
    comments: dict[int, list[dict[str, Any]]] = {}
    for index in range(count):
        scenario = _SCENARIOS[index] if index < len(_SCENARIOS) else {}
        cc = scenario.get("cc") or rng.choices(countries, weights)[0]
        pool = ADDRESSES[cc]
        address, zipcode, city, region = pool[scenario["addr"] if "addr" in scenario else rng.randrange(len(pool))]
        person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        company = scenario.get("company") or (not scenario and rng.random() < 0.12)
        deliveryname = rng.choice(COMPANIES) if company else person
        contact = person if company else ""
        number = index + 1
        idpicklist = FIRST_IDPICKLIST + index
        idorder = FIRST_IDORDER + index
        created = BASE_TIME - timedelta(minutes=7 * (count - index))
        status = scenario.get("status") or (
            "new" if scenario or rng.random() < 0.9 else rng.choice(["paused", "closed", "cancelled", "new", "new"])
        )
        urgent = bool(scenario.get("urgent")) or (not scenario and rng.random() < 0.08)
        remarks = (
            REMARKS[scenario["remarks"]]
            if "remarks" in scenario
            else (rng.choice(REMARKS) if not scenario and rng.random() < 0.1 else "")
        )
        preferred = None
        if "preferred" in scenario or (not scenario and rng.random() < 0.06):
            preferred = (BASE_TIME + timedelta(days=scenario.get("preferred", rng.randint(1, 5)))).strftime("%Y-%m-%d")
        profile: int | None = PROFILE_FOR_COUNTRY[cc]
        pickup = None
        if scenario.get("pickup"):
            pickup = dict(PICKUP_POINT)
            pickup["options"] = dict(PICKUP_POINT["options"])
            profile = 1368
        if scenario.get("profile_null") or (not scenario and rng.random() < 0.2):
            profile = None
        email = f"{person.split()[0].lower().replace('é', 'e').replace('ë', 'e')}.{number}@mail.example"
        phone = f"{PHONE_PREFIX[cc]}{rng.randrange(10**6, 10**7)}"
        warehouse = 2812 if cc == "BE" and index % 3 == 0 else 2811
        line_count = 1 if not scenario and rng.random() < 0.35 else rng.randint(2, 4)
        chosen = rng.sample(PRODUCTS, line_count)
        order_lines: list[dict[str, Any]] = []
        pick_lines: list[dict[str, Any]] = []
        total_amount = 0
        total_weight = 0
        for line_no, (idproduct, code, name, weight, price) in enumerate(chosen):
            amount = 1 if rng.random() < 0.7 else rng.randint(2, 3)
            total_amount += amount
            total_weight += weight * amount
            order_lines.append(
                {
                    "idorder_product": idorder * 10 + line_no,
                    "idproduct": idproduct,
                    "idvatgroup": 17,
                    "productcode": code,
                    "name": name,
                    "remarks": "",
                    "price": price,
                    "amount": amount,
                    "amount_cancelled": 0,
                    "weight": weight,
                    "partof_idorder_product": None,
                    "has_parts": False,
                    "hs_code": CUSTOMS.get(code, ("", ""))[0],
                    "country_of_origin": CUSTOMS.get(code, ("", ""))[1],
                }
            )
            picked = amount if status == "closed" else 0
            location = f"{chr(65 + idproduct % 6)}-{idproduct % 40:02d}-{line_no + 1}"
            pick_lines.append(
                {
                    "idpicklist_product": idpicklist * 10 + line_no,
                    "idproduct": idproduct,
                    "idorder_product": idorder * 10 + line_no,
                    "idreturn_product_replacement": None,
                    "idvatgroup": 17,
                    "productcode": code,
                    "name": name,
                    "remarks": "",
                    "amount": amount,
                    "amount_picked": picked,
                    "price": price,
                    "weight": weight,
                    "stocklocation": location,
                    "partof_idpicklist_product": None,
                    "has_parts": False,
                }
            )
        tags = [TAGS[0]] if urgent else ([rng.choice(TAGS[1:])] if rng.random() < 0.15 else [])
        picklistid = f"P2024-{number:05d}"
        orderid = f"O2024-{number:05d}"
        reference = f"WEB-{100000 + number * 7}"
        closed = status == "closed"
        picklist = {
            "idpicklist": idpicklist,
            "picklistid": picklistid,
            "idcustomer": 880000 + index,
            "idorder": idorder,
            "idreturn": None,
            "idwarehouse": warehouse,
            "idtemplate": 4501,
            "idpicklist_batch": None,
            "idshippingprovider_profile": profile,
            "deliveryname": deliveryname,
            "deliverycontact": contact,
            "deliveryaddress": address,
            "deliveryaddress2": "",
            "deliveryzipcode": zipcode,
            "deliverycity": city,
            "deliveryregion": region,
            "deliverycountry": cc,
            "telephone": phone,
            "emailaddress": email,
            "reference": reference,
            "assigned_to_iduser": None,
            "invoiced": False,
            "urgent": urgent,
            "preferred_delivery_date": preferred,
            "status": status,
            "paused_reason": "Wacht op voorraad" if status == "paused" else None,
            "totalproducts": total_amount,
            "totalpicked": total_amount if closed else 0,
            "weight": total_weight,
            "snoozed_until": None,
            "closed_by_iduser": 1002 if closed else None,
            "closed_at": _stamp(created + timedelta(hours=1)) if closed else None,
            "created": _stamp(created),
            "updated": _stamp(created + timedelta(minutes=3)),
            "tags": _tags_wire(tags, new_form=idpicklist % 2 == 0),
            "products": pick_lines,
        }
        order_status = {"new": "processing", "paused": "paused", "closed": "completed", "cancelled": "cancelled"}
        full = "\n".join(x for x in (deliveryname, contact, address, f"{zipcode} {city}", cc) if x)
        order = {
            "idorder": idorder,
            "orderid": orderid,
            "idcustomer": 880000 + index,
            "idtemplate": 4501,
            "idshippingprovider_profile": profile,
            "deliveryname": deliveryname,
            "deliverycontactname": contact,
            "deliveryaddress": address,
            "deliveryaddress2": "",
            "deliveryzipcode": zipcode,
            "deliverycity": city,
            "deliveryregion": region,
            "deliverycountry": cc,
            "full_delivery_address": full,
            "invoicename": deliveryname,
            "invoicecontactname": contact,
            "invoiceaddress": address,
            "invoiceaddress2": "",
            "invoicezipcode": zipcode,
            "invoicecity": city,
            "invoiceregion": region,
            "invoicecountry": cc,
            "telephone": phone,
            "emailaddress": email,
            "reference": reference,
            "customer_remarks": remarks,
            "pickup_point_data": pickup,
            "partialdelivery": False,
            "invoiced": False,
            "preferred_delivery_date": preferred,
            "discount": 0,
            "calculatevat": True,
            "status": order_status[status],
            "language": "en" if cc in {"GB", "US", "CH", "FR"} else "nl",
            "public_status_page": f"https://demo.picqer.com/s/{idorder:x}",
            "created": _stamp(created - timedelta(minutes=40)),
            "updated": _stamp(created),
            "tags": {tag["title"]: dict(tag) for tag in tags} if tags else [],
            "orderfields": [{"idorderfield": fid, "title": title, "value": ""} for fid, title in ORDERFIELDS],
            "products": order_lines,
        }
        if index in BUNDLE_PICKLISTS:
            _add_bundle(picklist, order, *BUNDLE_PICKLISTS[index])
        picklists.append(picklist)
        orders[idorder] = order
        if remarks:
            comments[idpicklist] = [
                {
                    "idcomment": idpicklist * 100,
                    "show_at_related": True,
                    "is_visible_to_fulfilment_customer": False,
                    "source": "webshop",
                    "author_type": "customer",
                    "author": {"full_name": person},
                    "body": remarks,
                    "mentions": [],
                    "created": _stamp(created),
                    "updated": _stamp(created),
                }
            ]
    return picklists, orders, comments
