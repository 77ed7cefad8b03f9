"""The ZPL renderer against independent references: BinaryKits' ACS/B64/Z64 triplet and Labelary renders."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from packstation.printing import zpl, zpl_render

from .conftest import ZPL_SAMPLES

UNIT = ZPL_SAMPLES / "binarykits" / "unit"
PHP = ZPL_SAMPLES / "pdf_to_zpl_php"


def as_bits(path) -> np.ndarray:
    return np.array(Image.open(path).convert("L")) < 128


@pytest.mark.parametrize("variant", ["ACS", "B64", "Z64", "Z64_net472"])
def test_binarykits_graphic_decodes_to_the_reference_png(variant):
    reference = as_bits(UNIT / "Zpl.png")
    result = zpl_render.render((UNIT / f"DownloadGraphics{variant}.txt").read_text())
    assert result.unsupported_commands == ()
    image = result.images[0]
    h, w = reference.shape
    assert np.array_equal(image[100 : 100 + h, 100 : 100 + w], reference)  # ^FO100,100 ^XG


def test_triplet_decodes_to_one_bitmap():
    images = [
        zpl_render.render((UNIT / f"DownloadGraphics{v}.txt").read_text()).images[0] for v in ("ACS", "B64", "Z64")
    ]
    assert np.array_equal(images[0], images[1]) and np.array_equal(images[1], images[2])


@pytest.mark.parametrize("name", sorted(p.stem for p in PHP.glob("*.zpl")))
def test_acs_labels_match_labelary_renders(name):
    result = zpl_render.render((PHP / f"{name}.zpl").read_text())
    assert np.array_equal(result.images[0], as_bits(PHP / f"{name}.png"))


def test_wrong_z64_crc_is_rejected():
    good = zpl.z64_encode(bytes([0xF0]) * 40)
    bad = good[:-4] + ("0000" if not good.endswith("0000") else "FFFF")
    label = f"^XA^FO0,0^GFA,40,40,4,{bad}^FS^XZ"
    with pytest.raises(zpl_render.ZplRenderError, match="CRC"):
        zpl_render.render(label)
    assert zpl_render.render(label.replace(bad, good)).images[0][:10, :4].all()


def test_hex_data_shorter_than_declared_is_an_error():
    with pytest.raises(zpl_render.ZplRenderError, match="declares"):
        zpl_render.render("^XA^GFA,8,8,2,FFFF^FS^XZ")


def test_unsupported_commands_are_listed_not_ignored():
    # Text is drawn; MaxiCode, a stored format recall and a unit change are not, and say so.
    result = zpl_render.render("^XA^FO10,10^A0N,30,30^FDHello^FS^BDN,2^FD123^FS^XFR:X.ZPL^FS^MUM^XZ")
    assert result.unsupported_commands == ("^BD", "^XF", "^MU")
    assert len(result.images) == 1
    assert result.images[0][10:40, 10:80].any()  # the text is there


def test_allowed_commands_only_flags_foreign_commands():
    own = zpl.frame_label(
        zpl.encode_gfa(np.ones((8, 16), dtype=bool)), zpl.LabelGeometry(), zpl.PrintFrame(darkness=10)
    )
    assert zpl_render.allowed_commands_only(own) == ()
    assert zpl_render.allowed_commands_only("^XA^JUS^XZ~JR^XA^FDx^FS^XZ") == ("^JU", "~JR", "^FD")


def test_png_preview_is_one_bit_of_the_label_size():
    bitmap = np.zeros((30, 24), dtype=bool)
    bitmap[5:10, 8:16] = True
    label = zpl.frame_label(zpl.encode_gfa(bitmap), zpl.LabelGeometry(width_dots=24, length_dots=30))
    png = zpl_render.render_png(label)[0]
    image = Image.open(__import__("io").BytesIO(png))
    assert image.size == (24, 30)
    assert np.array_equal(np.array(image.convert("L")) < 128, bitmap)
