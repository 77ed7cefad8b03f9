"""Benchmark PDF -> ZPL per sample label at 203 and 300 dpi.

Compares packstation's converter with (a) a bare pypdfium2 render of the same page (the floor) and
(b) zebrafy (dev-only) at equal settings: same dots, no dither, same rotation, Z64. Prints median times,
payload sizes (Z64 vs hex) and how many of the label's barcodes read in what would be sent.

The three are timed in alternating rounds (bare, ours, zebrafy, bare, ...) so that load from other processes on
the machine falls on all of them alike; the ratios come from the same rounds.

Run: .venv/bin/python bench/bench_zpl.py [--repeat N] [--baseline COMMIT]
(--baseline adds zpl.py as of COMMIT, loaded from git, to the same alternating rounds: before/after in one run.)
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium

from packstation.printing import barcodes, zpl, zpl_render

SAMPLES = Path(__file__).resolve().parents[1] / "tests" / "data" / "labels"  # sources: tests/data/SOURCES.md
LABELS = {
    "bpost_webatvantage_createLabelForOrder.pdf": 1,  # A4 sheet, label in position 1
    "pdf2zpl_endicia-shipping-label.pdf": None,
    "pdf2zpl_usps-label-landscape.pdf": None,
    "postnl_firstred_singlelabel_3S1234567890123.pdf": None,
}


def medians_ms(fns: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """Median ms of each function, timed in alternating rounds after one warm-up call each (fonts, caches)."""
    for fn in fns.values():
        fn()
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            start = time.perf_counter()
            fn()
            times[name].append((time.perf_counter() - start) * 1000)
    return {name: statistics.median(values) for name, values in times.items()}


def bare_render(pdf: bytes, dpi: int, crop: tuple[float, float, float, float] = (0, 0, 0, 0)) -> None:
    """Open, render page 1 in grey at the printer's dots (pypdfium2 defaults otherwise), close."""
    document = pdfium.PdfDocument(pdf)
    page = document[0]
    page.render(scale=dpi / 72, crop=crop, grayscale=True).to_numpy()
    page.close()
    document.close()


def readable(zpl_text: str, dpi: int, expected: tuple[str, ...]) -> str:
    try:
        images = zpl_render.render(zpl_text, dpi).images
    except zpl_render.ZplRenderError as exc:
        return f"rejected ({str(exc)[:40]}...)"
    found = barcodes.decode_all(images)
    return f"{sum(code in found for code in expected)}/{len(expected)}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--baseline", help="also time packstation/printing/zpl.py as of this git commit")
    args = parser.parse_args()
    before = None
    if args.baseline:
        from bench_prepare import old_module

        before = old_module(args.baseline, "packstation/printing/zpl.py", "baseline_zpl")
    try:
        from zebrafy import ZebrafyPDF
    except ImportError:
        ZebrafyPDF = None
        print("zebrafy is not installed (pip install .[bench]); its column stays empty", file=sys.stderr)

    header = (
        f"{'label':20} {'dpi':>4} {'pdfium ms':>9} {'crop ms':>7} {'ours ms':>8} {'zebrafy ms':>10} "
        f"{'ours/bare':>9} {'zeb/ours':>8} {'Z64 B':>8} {'ACS B':>8} {'hex B':>9} {'Z64/hex':>7} "
        f"{'ours':>5} {'zebrafy':>8} {'zebrafy default':>16}"
    )
    print(header)
    print("-" * len(header))
    for name, quadrant in LABELS.items():
        pdf = (SAMPLES / name).read_bytes()
        document = pdfium.PdfDocument(pdf)
        first_only = pdfium.PdfDocument.new()
        first_only.import_pages(document, [0])
        buffer = io.BytesIO()
        first_only.save(buffer)
        page_pdf = buffer.getvalue()
        expected = barcodes.source_codes(page_pdf)
        for dpi in (203, 300):
            geometry = zpl.LabelGeometry.from_mm(101.6, 152.4, dpi=dpi, quadrant=quadrant)
            conversion = zpl.convert(page_pdf, geometry, encoding="z64")
            z64 = conversion.labels[0]
            acs = zpl.pdf_to_zpl(page_pdf, geometry, encoding="acs")[0]
            hexed = zpl.pdf_to_zpl(page_pdf, geometry, encoding="hex")[0]
            ours_read = readable(z64, dpi, expected)
            zb_ms, zb_read, zb_default = float("nan"), "-", "-"
            if ZebrafyPDF is not None:
                rotation = conversion.rasters[0].rotation

                def zebrafy_equal(
                    rotation: int = rotation,
                    page_pdf: bytes = page_pdf,
                    geometry: zpl.LabelGeometry = geometry,
                    dpi: int = dpi,
                ) -> str:
                    return ZebrafyPDF(
                        page_pdf,
                        format="Z64",
                        dither=False,
                        width=geometry.width_dots,
                        height=geometry.length_dots,
                        rotation=rotation,
                        dpi=dpi,
                        complete_zpl=True,
                    ).to_zpl()

                zb_read = readable(zebrafy_equal(), dpi, expected)
                zb_default = readable(ZebrafyPDF(page_pdf).to_zpl(), 203, expected)
            # The bare render of the page is the floor; "crop" renders only the label's A4 quadrant (bpost), which is
            # all that ours renders: shown so that the whole-sheet floor is seen to flatter ours there.
            page_w, page_h = document[0].get_size()
            crop = zpl._quadrant_crop(page_w, page_h, quadrant)
            fns: dict[str, Callable[[], object]] = {
                "bare": lambda p=page_pdf, d=dpi: bare_render(p, d),
                "crop": lambda p=page_pdf, d=dpi, c=crop: bare_render(p, d, c),
                "ours": lambda p=page_pdf, g=geometry: zpl.pdf_to_zpl(p, g, encoding="z64"),
            }
            if ZebrafyPDF is not None:
                fns["zebrafy"] = zebrafy_equal
            if before is not None:
                old_geometry = before.LabelGeometry.from_mm(101.6, 152.4, dpi=dpi, quadrant=quadrant)
                fns["before"] = lambda p=page_pdf, g=old_geometry: before.pdf_to_zpl(p, g, encoding="z64")
                same = np.array_equal(before.rasterize(page_pdf, old_geometry), conversion.rasters[0].bitmap)
                old_z64 = before.pdf_to_zpl(page_pdf, old_geometry, encoding="z64")[0]
            ms = medians_ms(fns, args.repeat)
            bare_ms, crop_ms, ours_ms, zb_ms = ms["bare"], ms["crop"], ms["ours"], ms.get("zebrafy", float("nan"))
            short = name.split("_")[0] + "/" + name.split("_")[1][:10]
            print(
                f"{short:20} {dpi:>4} {bare_ms:9.1f} {crop_ms:7.1f} {ours_ms:8.1f} {zb_ms:10.1f} "
                f"{ours_ms / bare_ms:8.2f}x {zb_ms / ours_ms:7.2f}x {len(z64):8,} {len(acs):8,} {len(hexed):9,} "
                f"{len(z64) / len(hexed):7.1%} {ours_read:>5} {zb_read:>8} {zb_default:>16}"
            )
            if before is not None:
                print(
                    f"{'  before (' + args.baseline + ')':20} {dpi:>4} {'':9} {'':7} {ms['before']:8.1f} {'':10} "
                    f"{ms['before'] / bare_ms:8.2f}x {zb_ms / ms['before']:7.2f}x {len(old_z64):8,} {'':8} {'':9} "
                    f"{len(old_z64) / len(hexed):7.1%} same bitmap: {'yes' if same else 'NO'}"
                )
    print("zebrafy (equal) gets the whole page: it has no A4-quadrant crop, so bpost at 203 dpi is shrunk.")
    print("\nbarcodes: readable in what would be sent / readable in the source PDF at 300 dpi (page 1 of each PDF)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
