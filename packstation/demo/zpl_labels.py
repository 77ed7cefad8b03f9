"""The carrier's own ZPL label the demo MyParcel serves for PostNL and bpost, as MyParcel does on
`Accept: application/vnd.shipment_label+zpl`: the same content as the demo PDF (pdfs.py), barcodes included,
drawn for a 4 x 6 inch label at 203 dpi with the text, box and barcode commands carriers use."""

from __future__ import annotations

from typing import Any

from packstation.demo.pdfs import CARRIER_NAMES, SENDER, SENDER_BE, _address_lines

WIDTH, LENGTH = 812, 1218  # 4 x 6 inches at 203 dpi


def _field(text: object) -> str:
    """Field data with ^FH hex escapes for what ZPL cannot carry as is (^ ~ _ and non-ASCII, UTF-8 by ^CI28)."""
    out = []
    for ch in str(text):
        if ch.isascii() and ch.isprintable() and ch not in "^~_":
            out.append(ch)
        else:
            out.extend(f"_{byte:02X}" for byte in ch.encode("utf-8"))
    return "^FH^FD" + "".join(out) + "^FS"


def _text(x: int, y: int, text: object, height: int) -> str:
    return f"^FO{x},{y}^A0N,{height},{height}{_field(text)}\n"


def label(shipment: dict[str, Any]) -> bytes:
    """Return one ZPL label (^XA...^XZ) for a shipment that has its barcode."""
    barcode = shipment.get("barcode") or ""
    recipient = shipment.get("recipient") or {}
    options = shipment.get("options") or {}
    sender = SENDER_BE if shipment.get("platform") == "belgie" else SENDER
    parts = [f"^XA\n^CI28\n^PW{WIDTH}\n^LL{LENGTH}\n^LH0,0\n"]
    parts.append("^FX Frame and carrier\n^FO16,16^GB780,1186,3^FS\n")
    parts.append(_text(48, 48, CARRIER_NAMES.get(int(shipment.get("carrier_id") or 0), "Carrier"), 56))
    flags = [
        name
        for key, name in (("signature", "HANDTEKENING"), ("only_recipient", "ALLEEN HUISADRES"))
        if options.get(key)
    ]
    parts.append(_text(48, 116, "  ".join(flags) or "STANDAARD", 26))
    parts.append("^FO16,160^GB780,0,3^FS\n")
    parts.append(_text(48, 184, "Afzender / Sender", 20))
    for i, line in enumerate(sender):
        parts.append(_text(48, 212 + i * 28, line, 22))
    parts.append(_text(48, 360, "Ontvanger / Recipient", 22))
    for i, line in enumerate(_address_lines(recipient)[:6]):
        parts.append(_text(48, 400 + i * 44, line, 36))
    qr = f"{barcode}|{recipient.get('postal_code', '')}|{shipment['id']}"
    parts.append(f"^FX Sort code\n^FO560,170^BQN,2,5^FDMA,{qr}^FS\n")
    parts.append("^FO16,720^GB780,0,3^FS\n")
    # Code 128 chosen by the printer (mode A): subset C for the digit runs of a bpost barcode.
    parts.append(f"^FX Track and trace\n^FO100,780^BY3^BCN,170,N,N,N,A^FD{barcode}^FS\n")
    parts.append(f"^FO16,980^GB780,70,70^FS\n^FR^FO150,992^A0N,48,48^FD{barcode}^FS\n")
    parts.append(_text(48, 1100, f"Ref: {shipment.get('reference_identifier') or '-'}   ID {shipment['id']}", 24))
    parts.append("^PQ1\n^XZ\n")
    return "".join(parts).encode("utf-8")
