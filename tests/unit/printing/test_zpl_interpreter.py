"""The ZPL interpreter on real third-party labels: every barcode reads back, text and boxes land in place."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import zxingcpp
from PIL import Image

from packstation.printing import zpl_fields, zpl_render

CARRIER = Path(__file__).resolve().parents[2] / "data" / "zpl" / "carrier"
DHL_PDF417 = (
    "UNH+2876965+IFTMIN:D:96B:UN+DHL5.6.0/AWESOME'BGM+787+999994760001+9'DTM+186:20240312:102'TSR+++10'"
    "TOD+Z02++CPT'NAD+OS+0464651'NAD+CN+++MEVR. SOME PERSONE+STREET 17 E+SOMEPLACE++0+DE'CTA+GR'"
    "COM+SOMEEMAIL@GMAIL.COM:EM'GID+0+1'MEA+WT++KGM:2'PCI+ZZ1+JVGL09999999999994760001'UNT+13+123546798'"
)


def _zpl(name: str) -> str:
    return (CARRIER / name).read_text(encoding="utf-8-sig")


def _read(image: np.ndarray) -> list[tuple[str, str]]:
    found = zxingcpp.read_barcodes((~image).astype(np.uint8) * 255)
    return sorted((b.format.name, b.text) for b in found)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Example1-102x152.zpl2", [("Code39", "ZAUBERFLOETE")]),
        ("Example3-54x86.zpl2", [("Code39", "123456789")]),
        ("Example4-102x152.zpl2", [("QRCode", "Package 4 in the Storage Box 2B")]),
        ("Example6-75x254.zpl2", [("Code39", "71521501001"), ("Code39", "71521501002")]),
        ("Example9-102x152.zpl2", [("Code128", "12345678")]),
        (
            "Example10-102x152.zpl2",  # a DHL label: routing and licence plate Code 128s, and the data PDF417
            [("Code128", "2LDE0+70000000"), ("Code128", "JVGL09999999999994760001"), ("PDF417", DHL_PDF417)],
        ),
        ("Barcode128-102x152.zpl2", [("Code128", "ABC12345")] * 6),
        ("QrCode-54x86.zpl2", [("QRCode", "BinaryKits.Zpl.Viewer")] * 5),
        ("BarcodePDF417-102x152.zpl2", [("PDF417", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")] * 6),
    ],
)
def test_every_barcode_of_a_real_label_reads_back(name, expected):
    result = zpl_render.render(_zpl(name))
    assert len(result.images) == 1
    assert _read(result.images[0]) == expected


def test_datamatrix_modules_follow_the_element_size():
    image = zpl_render.render(_zpl("DataMatrix-102x152.zpl2")).images[0]
    # ^BXN,4 / 6 / 8 / 10 read; the 2-dot one is at the edge of what a reader resolves.
    assert _read(image).count(("DataMatrix", "ABC")) >= 4
    # ABC is a 10x10 symbol: at 10 dots a module it is 100 dots square from ^FO30,310.
    rows = np.flatnonzero(image[:, 30:130].any(axis=1))
    assert rows.max() == 409


def test_gs1_128_with_invocation_codes_reads_as_gs1():
    result = zpl_render.render(_zpl("GS1-102x152.zpl2"))
    assert ("Code128", "(01)12345678901231(21)123456") in _read(result.images[0])
    # The FNC1 of the GS1 DataMatrix is not drawn as such: said, not hidden.
    assert "^BX FNC1" in result.unsupported_commands


def test_reverse_fields_and_boxes_draw_a_reversed_banner():
    image = zpl_render.render(_zpl("Example1-102x152.zpl2")).images[0]
    # ^LH10,10 + ^FO0,250 ^GB800,100,50: a solid bar rows 260-359; ^FR text in it is white.
    banner = image[262:358, 12:808]
    assert banner.mean() > 0.8
    assert (~banner[:, 150:600]).sum() > 2000  # the reversed "PRIORITY MAIL 2-DAY"
    assert image[270:350, 810:].sum() == 0  # nothing right of the box


def test_text_lands_at_its_field_origin_with_its_height():
    image = zpl_render.render("^XA^PW400^LL200^FO50,60^A0N,40,40^FDHELLO^FS^XZ").images[0]
    rows, cols = np.nonzero(image)
    assert 50 <= cols.min() <= 56
    assert 60 <= rows.min() <= 72 and rows.max() <= 100
    assert 25 <= rows.max() - rows.min() <= 40  # capitals about three quarters of the cell height


def test_typeset_text_sits_on_its_baseline_and_rotates():
    upright = zpl_render.render("^XA^PW400^LL400^FT100,200^A0N,50,50^FDHH^FS^XZ").images[0]
    assert np.nonzero(upright)[0].max() in range(195, 201)  # capitals end on the baseline
    turned = zpl_render.render("^XA^PW400^LL400^FO100,100^A0R,50,50^FDHH^FS^XZ").images[0]
    rows, cols = np.nonzero(turned)
    assert rows.max() - rows.min() > cols.max() - cols.min()  # the text runs down the label


def test_hex_escapes_in_the_labels_character_set():
    assert zpl_render._decode_field_data("Stra_DFe", "_", 27) == "Straße"
    assert zpl_render._decode_field_data("Stra\\C3\\9Fe", "\\", 28) == "Straße"
    image = zpl_render.render(_zpl("HexEscape-54x86.zpl2")).images[0]
    assert image[10:40].any() and image[50:80].any() and image[90:120].any()


def test_code128_invocation_codes_choose_subsets_and_fnc1():
    assert zpl_fields.code128_values(">;>80112") == [105, 102, 1, 12]
    assert zpl_fields.code128_values(">:AB>5" + "1234") == [104, 33, 34, 99, 12, 34]
    assert zpl_fields.code128_values("A>0") == [104, 33, 30]  # >0 is a literal ">"
    bars = zpl_render.render("^XA^FO10,10^BY2^BCN,80,N^FD>;1234567890^FS^XZ").images[0]
    assert _read(bars) == [("Code128", "1234567890")]
    # Subset C: start + 5 pairs + check + stop = 7 * 11 + 13 modules at 2 dots.
    assert np.ptp(np.flatnonzero(bars[50])) + 1 == (7 * 11 + 13) * 2


def test_code39_ratio_and_check_digit():
    narrow = zpl_render.render("^XA^FO10,10^BY2,2.0^B3N,N,60,N^FDAB12^FS^XZ").images[0]
    wide = zpl_render.render("^XA^FO10,10^BY2,3.0^B3N,N,60,N^FDAB12^FS^XZ").images[0]
    assert _read(narrow) == _read(wide) == [("Code39", "AB12")]
    assert np.ptp(np.flatnonzero(wide[30])) > np.ptp(np.flatnonzero(narrow[30]))
    checked = zpl_render.render("^XA^FO10,10^BY2^B3N,Y,60,N^FDAB12^FS^XZ").images[0]
    assert _read(checked) == [("Code39", "AB12" + zpl_fields.CODE39_CHARS[(10 + 11 + 1 + 2) % 43])]


def test_a_field_that_cannot_be_drawn_is_listed():
    result = zpl_render.render("^XA^FO10,10^B3N,N,60^FDab{}^FS^XZ")
    assert result.unsupported_commands == ("^B3 (Code 39 cannot hold '{}'.)",)
    assert not result.images[0].any()


def test_inverted_label_prints_upside_down():
    upright = zpl_render.render("^XA^PW200^LL100^FO0,0^GB50,20,20^FS^XZ").images[0]
    inverted = zpl_render.render("^XA^POI^PW200^LL100^FO0,0^GB50,20,20^FS^XZ").images[0]
    assert upright[:20, :50].all() and inverted[-20:, -50:].all() and not inverted[:20, :50].any()


def test_graphic_label_matches_labelarys_render():
    """The reference PNG is Labelary's render of the same ZPL: at least 98% of pixels agree after alignment."""
    ours = zpl_render.render(_zpl("expected_label_0.zpl")).images[0]
    reference = np.asarray(Image.open(CARRIER / "expected_label_0.png").convert("L")) < 128
    best = 0.0
    for dy in range(-3, 4):
        for dx in range(-3, 4):
            shifted = np.roll(np.roll(ours, dy, axis=0), dx, axis=1)
            h, w = min(shifted.shape[0], reference.shape[0]), min(shifted.shape[1], reference.shape[1])
            best = max(best, float((shifted[:h, :w] == reference[:h, :w]).mean()))
    assert best >= 0.98


def test_sizes_beyond_any_label_are_refused_before_anything_is_allocated():
    hostile = "^XA^FO30000,30000^GB32000,32000,32000^FS^FO0,0^A0N,32000,32000^FD" + "W" * 500 + "^FS^BY99^XZ"
    with pytest.raises(zpl_render.ZplRenderError, match=r"larger|beyond|outside"):
        zpl_render.render(hostile)


def test_text_and_barcodes_running_off_the_label_are_cut_not_allocated():
    wide = "^XA^PW800^LL400^FO700,350^A0N,300,300^FD" + "W" * 200 + "^FS^FO700,10^BY9^BCN,300^FD" + "1" * 80 + "^FS^XZ"
    (image,) = zpl_render.render(wide).images
    assert image.shape[0] <= zpl_render.MAX_DOTS and image.shape[1] <= zpl_render.MAX_DOTS


def test_circles_ellipses_and_diagonals():
    (image,) = zpl_render.render(
        "^XA^PW300^LL300^FO10,10^GC100,5^FS^FO150,10^GE120,60,60^FS^FO10,150^GD100,100,4,,L^FS^XZ"
    ).images
    assert image[60, 12:16].any() and not image[60, 40:80].any()  # a ring, hollow inside
    assert image[40, 160:260].all()  # the ellipse with a border to its middle is filled
    assert image[151, 10:14].any() and image[248, 106:110].any()  # L falls to the right: top-left to bottom-right
    assert not image[151, 106:110].any()


def test_the_data_of_a_symbology_not_drawn_does_not_show_as_text():
    result = zpl_render.render("^XA^FO10,10^BY2^B2N,50,N^FD12345678^FS^XZ")
    assert result.unsupported_commands == ("^B2",)
    assert not result.images[0].any()


def test_every_command_called_rendered_is_interpreted():
    # A command in RENDERED_COMMANDS passes the carrier ZPL check: it must really be handled, never skipped.
    for name in zpl_render.RENDERED_COMMANDS:
        handled = hasattr(zpl_render._Interpreter, "cmd_" + name[1:]) or name in zpl_render.NO_IMAGE_EFFECT
        assert handled or name == "~DG", name
    assert zpl_render.render("^XA^FO0,0^GB10,10,10^FS^JZY^XZ").unsupported_commands == ("^JZ",)
