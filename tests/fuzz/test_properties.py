"""Property-based fuzzing of the pure parts: ZPL decoding, label bounds, address split, settings loading, scans.

Each property is what a user relies on whatever the input: the ZPL renderer either draws or says why in one
ZplRenderError, a label size is either within a Zebra's bounds or refused, the address split and scan cleaning
never fail, and any settings file loads into printers that can be built. Runs derandomized (the same examples
every run, so CI is repeatable); PACKSTATION_FUZZ_EXAMPLES raises the count for a longer local hunt.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

import numpy as np
import pytest
import tomli_w
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from packstation import settings as settings_module
from packstation.domain import limits
from packstation.domain.addresses import split_street
from packstation.i18n import violation_text
from packstation.printing import zpl, zpl_render
from packstation.printing.printers import frame_from, geometry_from

EXAMPLES = int(os.environ.get("PACKSTATION_FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# --- ZPL decoding -------------------------------------------------------------------------------------------

ZPL_PIECES = st.sampled_from(
    [
        "^XA",
        "^XZ",
        "^FS",
        "^PW",
        "^LL",
        "^LH",
        "^FO",
        "^GB",
        "^GFA,",
        "~DGR:X.GRF,",
        "^XGR:X.GRF,",
        ",",
        ":Z64:",
        ":B64:",
        "eJz7/x8AAwAB/w==",
        "FF",
        "00",
        "z",
        "G",
        ":",
        "!",
        "0",
        "1",
        "8",
        "99999",
        "-5",
        "32000",
        "5100",
        "^A0N,30,30",
        "^FD",
        "\n",
    ]
)
ZPL_TEXT = st.one_of(
    st.lists(ZPL_PIECES, max_size=40).map("".join),
    st.text(alphabet=st.characters(max_codepoint=255), max_size=300),
)


@FUZZ
@given(ZPL_TEXT)
@example("^XA^PW5100^LL32000^XZ" * 3)
@example("^XA^FO32000,32000^GB32000,32000,32000^FS^XZ")
@example("^XA^FO0,0^GFA,8,8,1," + "z" * 5000 + "F^FS^XZ")
def test_rendering_any_zpl_draws_or_says_why(text: str) -> None:
    try:
        result = zpl_render.render(text)
    except zpl_render.ZplRenderError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    for image in result.images:
        assert image.dtype == bool and image.size <= limits.MAX_IMAGE_DOTS
    assert sum(image.size for image in result.images) <= limits.MAX_RENDER_DOTS


@FUZZ
@given(
    data=st.text(alphabet="0123456789ABCDEFabcdefGHIJKLMNOPQRSTUVWXYghijklmnopqrstuvwxyz,!: \n", max_size=400),
    total=st.integers(min_value=-10, max_value=10_000),
    bytes_per_row=st.integers(min_value=-2, max_value=700),
)
def test_ascii_graphic_data_decodes_to_its_declared_size_or_is_refused(
    data: str, total: int, bytes_per_row: int
) -> None:
    try:
        bitmap = zpl_render.decode_graphic(data, total, bytes_per_row)
    except zpl_render.ZplRenderError:
        return
    assert bitmap.shape == (total // bytes_per_row, bytes_per_row * 8)


@FUZZ
@given(
    bitmap=st.integers(min_value=1, max_value=40).flatmap(
        lambda h: st.integers(min_value=1, max_value=40).flatmap(
            lambda w: st.lists(st.booleans(), min_size=h * w, max_size=h * w).map(
                lambda bits: np.array(bits, dtype=bool).reshape(h, w)
            )
        )
    ),
    encoding=st.sampled_from(zpl.ENCODINGS),
)
def test_what_the_app_encodes_decodes_to_the_same_dots(bitmap: np.ndarray, encoding: str) -> None:
    geometry = zpl.LabelGeometry(width_dots=bitmap.shape[1], length_dots=bitmap.shape[0])
    label = zpl.frame_label(zpl.encode_gfa(bitmap, encoding), geometry)
    [image] = zpl_render.render(label).images
    assert np.array_equal(image, bitmap)


# --- label bounds -------------------------------------------------------------------------------------------

ANY_FLOAT = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-(10**30), 10**30))


@FUZZ
@given(width=ANY_FLOAT, height=ANY_FLOAT, dpi=st.sampled_from([*limits.SUPPORTED_DPI, 0, 250, -203]))
def test_a_label_size_is_a_zebra_label_or_refused(width: float, height: float, dpi: int) -> None:
    try:
        geometry = zpl.LabelGeometry.from_mm(width, height, dpi=dpi)
    except limits.LimitError as exc:
        assert "\n" not in str(exc)
        return
    assert math.isfinite(width) and math.isfinite(height)
    assert 1 <= geometry.width_dots <= limits.MAX_LABEL_WIDTH_DOTS
    assert 1 <= geometry.length_dots <= limits.MAX_LABEL_LENGTH_DOTS


@FUZZ
@given(st.lists(st.tuples(ANY_FLOAT, ANY_FLOAT), max_size=60))
def test_pdf_pages_are_labels_or_refused(sizes: list[tuple[float, float]]) -> None:
    try:
        limits.check_pdf_pages([(float(w), float(h)) for w, h in sizes])
    except limits.LimitError:
        return
    assert len(sizes) <= limits.MAX_PDF_PAGES
    assert all(0 < w <= 600 / 25.4 * 72 + 1e-6 and 0 < h <= 600 / 25.4 * 72 + 1e-6 for w, h in sizes)


# --- address split ------------------------------------------------------------------------------------------

ADDRESS_TEXT = st.one_of(
    st.text(max_size=120),
    st.lists(
        st.sampled_from(["Kerkstraat", "12", "a", "bus", "3", "-", " ", "/", "1e", "Postbus", "Wijk", "hs", "II"]),
        max_size=12,
    ).map(" ".join),
)


@FUZZ
@given(line=ADDRESS_TEXT, country=st.sampled_from(["NL", "BE", "DE", "nl", "", "XX"]), line2=st.text(max_size=40))
def test_splitting_any_address_line_never_fails(line: str, country: str, line2: str) -> None:
    split = split_street(line, country, line2)
    if split.ok and country.upper() in ("NL", "BE"):
        assert split.street and split.number.isdigit()


# --- settings loading ---------------------------------------------------------------------------------------

TOML_VALUE = st.one_of(
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.lists(st.integers(0, 10), max_size=3),
)
PRINTER_KEYS = st.sampled_from(
    [
        "dpi",
        "label_width_mm",
        "label_height_mm",
        "offset_x",
        "offset_y",
        "darkness",
        "speed",
        "media_type",
        "print_mode",
        "layout",
        "sheet_position",
        "encoding",
        "transport",
        "language",
    ]
)


@FUZZ
@given(
    label=st.dictionaries(PRINTER_KEYS, TOML_VALUE, max_size=8),
    document=st.dictionaries(PRINTER_KEYS, TOML_VALUE, max_size=8),
    scanner=st.dictionaries(st.sampled_from(["max_gap_ms", "min_length", "suffix"]), TOML_VALUE, max_size=3),
    ui=st.dictionaries(st.just("refresh_seconds"), TOML_VALUE, max_size=1),
)
def test_any_settings_file_loads_into_printers_that_can_be_built(
    label: dict, document: dict, scanner: dict, ui: dict, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = Path(tmp_path_factory.mktemp("settings")) / "settings.toml"
    path.write_text(
        tomli_w.dumps({"label_printer": label, "document_printer": document, "scanner": scanner, "ui": ui}),
        encoding="utf-8",
    )
    loaded = settings_module.load(path)
    for printer in (loaded.settings.label_printer, loaded.settings.document_printer):
        geometry_from(printer)
        frame_from(printer)
        assert math.isfinite(printer.label_width_mm) and math.isfinite(printer.label_height_mm)
    assert 5 <= loaded.settings.ui.refresh_seconds <= 3600
    assert 1 <= loaded.settings.scanner.min_length <= 64
    for problem in loaded.problems:
        assert "\n" not in violation_text(problem, prefix="settings_problem")


# --- scans --------------------------------------------------------------------------------------------------


@FUZZ
@given(st.text(max_size=400))
@example("\x1b[31mP2024-00123\x1b[0m")
@example("]C1P2024-00123\x1d")
def test_a_scan_is_cleaned_to_printable_text_within_the_limit(raw: str) -> None:
    from packstation.ui.widgets.scan_detector import MAX_SCAN_LENGTH, clean_scan

    report = clean_scan(raw)
    assert len(report.text) <= MAX_SCAN_LENGTH
    assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 for ch in report.text)
    assert report.truncated == (report.length > MAX_SCAN_LENGTH)
    assert report.text == report.text.strip()
