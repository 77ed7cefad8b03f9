"""Benchmark PDF -> ZPL per sample label at 203 and 300 dpi.

Compares packstation's converter with (a) the floor: a bare pypdfium2 render of the same page at the printer's
dots without anti-aliasing, nothing else (target: ours at most 1.5x it on every sample and dpi), and (b) zebrafy
(dev-only, for information) at equal settings: same dots, no dither, same rotation, Z64. Prints median times,
payload sizes (Z64 vs hex) and how many of the label's barcodes read in what would be sent.

The three are timed in alternating rounds (bare, ours, zebrafy, bare, ...) so that load from other processes on
the machine falls on all of them alike; the ratios come from the same rounds.

Run: .venv/bin/python bench/bench_zpl.py [--repeat N] [--baseline COMMIT]
(--baseline adds zpl.py as of COMMIT, loaded from git, to the same alternating rounds: before/after in one run.)

A last table times finding the label on an A4 sheet (no position given) against the position given, and an A6
label drawn here, which must not pay for the search (with --baseline: against zpl.py before the search existed).
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

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


def medians_ms(
    fns: dict[str, Callable[[], object]],
    repeat: int,
    best: dict[str, float] | None = None,
    cpu: dict[str, float] | None = None,
) -> dict[str, float]:
    """Median ms of each function, timed in alternating rounds after one warm-up call each (fonts, caches).

    On a machine shared with other work the medians float with the load. `best`, when given, receives each
    function's fastest round; `cpu` the median of the CPU time its thread spent (time.thread_time: everything
    here runs in the calling thread, PDFium included), which waiting for a core does not count.
    """
    for fn in fns.values():
        fn()
    times: dict[str, list[float]] = {name: [] for name in fns}
    cpu_times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            start, start_cpu = time.perf_counter(), time.thread_time()
            fn()
            times[name].append((time.perf_counter() - start) * 1000)
            cpu_times[name].append((time.thread_time() - start_cpu) * 1000)
    if best is not None:
        best.update({name: min(values) for name, values in times.items()})
    if cpu is not None:
        cpu.update({name: statistics.median(values) for name, values in cpu_times.items()})
    return {name: statistics.median(values) for name, values in times.items()}


TARGET = 1.5  # ours at most 1.5x the floor


def bare_render(pdf: bytes, dpi: int, crop: tuple[float, float, float, float] = (0, 0, 0, 0)) -> None:
    """Open, render page 1 in grey at the printer's dots without anti-aliasing (defaults otherwise), close."""
    document = pdfium.PdfDocument(pdf)
    page = document[0]
    page.render(
        scale=dpi / 72, crop=crop, grayscale=True, no_smoothtext=True, no_smoothpath=True, no_smoothimage=True
    ).to_numpy()
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
        f"{'ours':>5} {'zebrafy':>8} {'zebrafy default':>16} {'target':>7}"
    )
    ratios: list[tuple[str, int, float, float, float, float]] = []
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
            fastest: dict[str, float] = {}
            cpu: dict[str, float] = {}
            ms = medians_ms(fns, args.repeat, fastest, cpu)
            bare_ms, crop_ms, ours_ms, zb_ms = ms["bare"], ms["crop"], ms["ours"], ms.get("zebrafy", float("nan"))
            short = name.split("_")[0] + "/" + name.split("_")[1][:10]
            print(
                f"{short:20} {dpi:>4} {bare_ms:9.1f} {crop_ms:7.1f} {ours_ms:8.1f} {zb_ms:10.1f} "
                f"{ours_ms / bare_ms:8.2f}x {zb_ms / ours_ms:7.2f}x {len(z64):8,} {len(acs):8,} {len(hexed):9,} "
                f"{len(z64) / len(hexed):7.1%} {ours_read:>5} {zb_read:>8} {zb_default:>16} "
                f"{'met' if ours_ms / bare_ms <= TARGET else 'MISSED':>7}"
            )
            before_cpu = cpu["before"] / cpu["bare"] if "before" in cpu else float("nan")
            ratios.append(
                (
                    short,
                    dpi,
                    ours_ms / bare_ms,
                    fastest["ours"] / fastest["bare"],
                    cpu["ours"] / cpu["bare"],
                    before_cpu,
                )
            )
            if before is not None:
                print(
                    f"{'  before (' + args.baseline + ')':20} {dpi:>4} {'':9} {'':7} {ms['before']:8.1f} {'':10} "
                    f"{ms['before'] / bare_ms:8.2f}x {zb_ms / ms['before']:7.2f}x {len(old_z64):8,} {'':8} {'':9} "
                    f"{len(old_z64) / len(hexed):7.1%} same bitmap: {'yes' if same else 'NO'}"
                )
    print("zebrafy (equal) gets the whole page: it has no A4-quadrant crop, so bpost at 203 dpi is shrunk.")
    met = sum(r <= TARGET for _s, _d, r, _b, _c, _o in ratios)
    met_cpu = sum(c <= TARGET for _s, _d, _r, _b, c, _o in ratios)
    print(f"\nours / floor (bare render without anti-aliasing), target <= {TARGET}x on every sample:")
    for short, dpi, ratio, fastest_ratio, cpu_ratio, before_cpu in ratios:
        print(
            f"  {short:20} {dpi:>4}  medians {ratio:5.2f}x   fastest rounds {fastest_ratio:5.2f}x   "
            f"CPU time {cpu_ratio:5.2f}x" + (f"   (before, CPU time {before_cpu:5.2f}x)" if before is not None else "")
        )
    print(f"  met for {met} of {len(ratios)} (medians), {met_cpu} of {len(ratios)} (CPU time)")
    print("\nbarcodes: readable in what would be sent / readable in the source PDF at 300 dpi (page 1 of each PDF)")
    sheet_search(args.repeat, before, args.baseline)
    return 0


def a6_label() -> bytes:
    """An A6 label (105 x 148 mm, a Code128 and address lines) drawn with reportlab: MyParcel's usual format."""
    from reportlab.graphics.barcode.code128 import Code128
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=(105 * mm, 148 * mm))
    c.rect(4 * mm, 4 * mm, 97 * mm, 140 * mm)
    c.setFont("Helvetica", 10)
    for i, line in enumerate(("J. de Vries", "Keizersgracht 1", "1015 CJ Amsterdam")):
        c.drawString(10 * mm, (130 - 5 * i) * mm, line)
    Code128("3SMYPA0004711", barWidth=0.38 * mm, barHeight=18 * mm).drawOn(c, 10 * mm, 60 * mm)
    c.showPage()
    c.save()
    return out.getvalue()


def sheet_search(repeat: int, before: object | None, baseline: str | None) -> None:
    """Time the search for a sheet's label, and show that an A6 label does not pay for it."""
    bpost = (SAMPLES / "bpost_webatvantage_createLabelForOrder.pdf").read_bytes()
    a6 = a6_label()
    old_module: Any = before
    print(f"\n{'sheet search':36} {'dpi':>4} {'given ms':>9} {'found ms':>9} {'before ms':>10}")
    for dpi in (203, 300):
        given = zpl.LabelGeometry.from_mm(101.6, 152.4, dpi=dpi, quadrant=1)
        search = zpl.LabelGeometry.from_mm(101.6, 152.4, dpi=dpi)

        def given_position(g: zpl.LabelGeometry = given) -> object:
            return zpl.pdf_to_zpl(bpost, g)

        def found_by_itself(g: zpl.LabelGeometry = search) -> object:
            return zpl.convert(bpost, g, locate_barcodes=barcodes.locate).labels

        ms = medians_ms({"given": given_position, "found": found_by_itself}, repeat)
        print(f"{'bpost A4 (position 1 / found)':36} {dpi:>4} {ms['given']:9.1f} {ms['found']:9.1f} {'':>10}")

        def a6_now(g: zpl.LabelGeometry = search) -> object:
            return zpl.pdf_to_zpl(a6, g)

        fns: dict[str, Callable[[], object]] = {"found": a6_now}
        if old_module is not None:

            def a6_before(g: object = old_module.LabelGeometry.from_mm(101.6, 152.4, dpi=dpi)) -> object:
                return old_module.pdf_to_zpl(a6, g)

            fns["before"] = a6_before
        ms = medians_ms(fns, repeat)
        old_ms = f"{ms['before']:10.1f}" if "before" in ms else f"{'-':>10}"
        name = f"A6 drawn (no search; before {baseline or '-'})"
        print(f"{name:36} {dpi:>4} {'':>9} {ms['found']:9.1f} {old_ms}")


if __name__ == "__main__":
    raise SystemExit(main())
