"""Real PDFs for the demo servers, drawn with reportlab: shipping labels (A6 / A4 quadrants) and packing lists."""

from __future__ import annotations

import io
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode import code128, qr
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4, A6
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

CARRIER_NAMES = {1: "PostNL", 2: "bpost", 3: "CheapCargo", 4: "DPD", 5: "Instabox", 8: "UPS"}
SENDER = ("Demo Webwinkel B.V.", "Industrieweg 12", "3542 AD Utrecht", "NL")
SENDER_BE = ("Demo Webshop BV", "Noorderlaan 147", "2030 Antwerpen", "BE")
CONTENTS = {1: "Commercial goods", 2: "Commercial samples", 3: "Documents", 4: "Gifts", 5: "Return shipment"}
LABEL_W, LABEL_H = A6  # 105 x 148 mm


def _text(canvas: Canvas, x: float, y: float, value: object, size: float = 9, bold: bool = False) -> None:
    canvas.setFont("Helvetica-Bold" if bold else "Helvetica", size)
    canvas.drawString(x, y, str(value))


def _address_lines(address: dict[str, Any]) -> list[str]:
    street = " ".join(
        str(part) for part in (address.get("street"), address.get("number"), address.get("number_suffix")) if part
    )
    if address.get("box_number"):
        street += f" bus {address['box_number']}"
    lines = [
        address.get("company") or "",
        address.get("person") or "",
        street,
        address.get("street_additional_info") or "",
        f"{address.get('postal_code') or ''} {address.get('city') or ''}".strip(),
        address.get("cc") or "",
    ]
    return [line for line in lines if line]


def _draw_label(canvas: Canvas, shipment: dict[str, Any], x0: float, y0: float) -> None:
    """Draw one 105 x 148 mm label with its lower-left corner at (x0, y0)."""
    canvas.saveState()
    canvas.setLineWidth(0.6)
    canvas.rect(x0 + 3 * mm, y0 + 3 * mm, LABEL_W - 6 * mm, LABEL_H - 6 * mm)
    left = x0 + 7 * mm
    top = y0 + LABEL_H - 12 * mm
    carrier = CARRIER_NAMES.get(int(shipment.get("carrier_id") or 0), "Carrier")
    _text(canvas, left, top, carrier, 18, bold=True)
    options = shipment.get("options") or {}
    flags = [
        name
        for key, name in (
            ("signature", "HANDTEKENING"),
            ("only_recipient", "ALLEEN HUISADRES"),
            ("age_check", "18+"),
            ("return", "RETOUR BIJ GEEN GEHOOR"),
        )
        if options.get(key)
    ]
    if options.get("delivery_type") in (4, 5):
        flags.append("PAKKETPUNT")
    _text(canvas, left, top - 6 * mm, "  ".join(flags) or "STANDAARD", 7, bold=True)
    colli = shipment.get("_colli")
    if colli:
        _text(canvas, x0 + LABEL_W - 30 * mm, top, f"Colli {colli[0]}/{colli[1]}", 10, bold=True)

    sender = SENDER_BE if shipment.get("platform") == "belgie" else SENDER
    _text(canvas, left, top - 14 * mm, "Afzender / Sender", 6)
    for i, line in enumerate(sender):
        _text(canvas, left, top - 18 * mm - i * 3.2 * mm, line, 7)

    _text(canvas, left, top - 34 * mm, "Ontvanger / Recipient", 7)
    for i, line in enumerate(_address_lines(shipment.get("recipient") or {})[:6]):
        _text(canvas, left, top - 40 * mm - i * 5 * mm, line, 11, bold=i < 2)

    pickup = shipment.get("pickup")
    if pickup:
        _text(canvas, left, top - 72 * mm, f"Afhaalpunt: {pickup.get('location_name', '')}", 7, bold=True)

    barcode = shipment.get("barcode") or ""
    bar = code128.Code128(barcode, barWidth=0.38 * mm, barHeight=17 * mm, humanReadable=False, quiet=True)
    bar.drawOn(canvas, x0 + (LABEL_W - bar.width) / 2, y0 + 22 * mm)
    _text(canvas, x0 + (LABEL_W - bar.width) / 2 + 6 * mm, y0 + 17 * mm, barcode, 10, bold=True)

    code = qr.QrCodeWidget(f"{barcode}|{(shipment.get('recipient') or {}).get('postal_code', '')}|{shipment['id']}")
    bounds = code.getBounds()
    size = 18 * mm
    scale_x, scale_y = size / (bounds[2] - bounds[0]), size / (bounds[3] - bounds[1])
    drawing = Drawing(size, size, transform=[scale_x, 0, 0, scale_y, 0, 0])
    drawing.add(code)
    renderPDF.draw(drawing, canvas, x0 + LABEL_W - 7 * mm - size, top - 34 * mm)
    _text(canvas, left, y0 + 8 * mm, f"Ref: {shipment.get('reference_identifier') or '-'}   ID {shipment['id']}", 7)
    description = options.get("label_description")
    if description:
        _text(canvas, left, y0 + 12 * mm, str(description)[:45], 7)
    canvas.restoreState()


def _draw_customs_form(canvas: Canvas, shipment: dict[str, Any], x0: float, y0: float, width: float) -> None:
    """Draw a simple CN23-style customs declaration in a box starting at (x0, y0)."""
    customs = shipment.get("customs_declaration") or {}
    top = y0 + 130 * mm
    canvas.setLineWidth(0.6)
    canvas.rect(x0, y0, width, 138 * mm)
    _text(canvas, x0 + 4 * mm, top, "CN23 - CUSTOMS DECLARATION / DOUANEVERKLARING", 11, bold=True)
    _text(
        canvas,
        x0 + 4 * mm,
        top - 7 * mm,
        f"Contents: {CONTENTS.get(int(customs.get('contents') or 0), '?')}   Invoice: {customs.get('invoice') or '-'}"
        f"   Total weight: {customs.get('weight', 0)} g   Barcode: {shipment.get('barcode') or ''}",
        8,
    )
    heads = ("Description", "Qty", "Weight (g)", "Value (EUR)", "HS/ISIC", "Origin")
    cols = (4, 90, 105, 125, 150, 172)
    for col, head in zip(cols, heads, strict=True):
        _text(canvas, x0 + col * mm, top - 16 * mm, head, 8, bold=True)
    for row, item in enumerate((customs.get("items") or [])[:12]):
        y = top - 22 * mm - row * 5 * mm
        value = (item.get("item_value") or {}).get("amount", 0) / 100
        cells = (
            str(item.get("description", ""))[:50],
            item.get("amount", ""),
            item.get("weight", ""),
            f"{value:.2f}",
            item.get("classification", ""),
            item.get("country", ""),
        )
        for col, cell in zip(cols, cells, strict=True):
            _text(canvas, x0 + col * mm, y, cell, 8)
    _text(
        canvas,
        x0 + 4 * mm,
        y0 + 6 * mm,
        "I certify that the particulars given in this declaration are correct. Signature: Demo Webwinkel B.V.",
        7,
    )


def labels(shipments: list[dict[str, Any]], paper: str, positions: list[int]) -> bytes:
    """Return a label PDF: one A6 page per label, or A4 pages with up to four labels in quadrants."""
    out = io.BytesIO()
    if paper == "A6":
        canvas = Canvas(out, pagesize=A6)
        canvas.setTitle("MyParcel labels")
        for shipment in shipments:
            _draw_label(canvas, shipment, 0, 0)
            canvas.showPage()
        canvas.save()
        return out.getvalue()

    canvas = Canvas(out, pagesize=A4)
    canvas.setTitle("MyParcel labels")
    page_w, page_h = A4
    origin = {1: (0, page_h - LABEL_H), 2: (LABEL_W, page_h - LABEL_H), 3: (0, 0), 4: (LABEL_W, 0)}
    queue = list(shipments)
    first = True
    while queue:
        slots = positions if first and positions else [1, 2, 3, 4]
        first = False
        for slot in slots:
            if not queue:
                break
            shipment = queue[0]
            if shipment.get("customs_declaration"):
                # A customs label gets its own page: label top-left, customs form on the lower half.
                if slot != slots[0]:
                    break
                queue.pop(0)
                _draw_label(canvas, shipment, *origin[1])
                _draw_customs_form(canvas, shipment, 6 * mm, 6 * mm, page_w - 12 * mm)
                break
            queue.pop(0)
            _draw_label(canvas, shipment, *origin[slot])
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def packing_list(picklist: dict[str, Any], order: dict[str, Any] | None) -> bytes:
    """Return an A4 packing slip for a picklist."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    canvas.setTitle(f"Pakbon {picklist['picklistid']}")
    _, page_h = A4
    left = 20 * mm
    y = page_h - 25 * mm
    _text(canvas, left, y, "PAKBON / PACKING SLIP", 16, bold=True)
    _text(canvas, left, y - 8 * mm, f"Picklist {picklist['picklistid']}", 10)
    if order:
        _text(canvas, left, y - 13 * mm, f"Order {order['orderid']}   Referentie {order['reference']}", 10)
    lines = [
        picklist["deliveryname"],
        picklist["deliverycontact"],
        picklist["deliveryaddress"],
        picklist["deliveryaddress2"],
        f"{picklist['deliveryzipcode']} {picklist['deliverycity']}",
        picklist["deliverycountry"],
    ]
    for i, line in enumerate(line for line in lines if line):
        _text(canvas, 120 * mm, y - i * 5 * mm, line, 10)
    y -= 45 * mm
    for col, head in ((0, "Code"), (35, "Product"), (120, "Aantal"), (140, "Locatie")):
        _text(canvas, left + col * mm, y, head, 10, bold=True)
    for product in picklist["products"]:
        y -= 6 * mm
        for col, cell in (
            (0, product["productcode"]),
            (35, product["name"]),
            (120, product["amount"]),
            (140, product.get("stocklocation", "")),
        ):
            _text(canvas, left + col * mm, y, cell, 10)
    remarks = (order or {}).get("customer_remarks")
    if remarks:
        _text(canvas, left, y - 14 * mm, f"Opmerking klant: {remarks}", 10, bold=True)
    canvas.showPage()
    canvas.save()
    return out.getvalue()
