"""Benchmark PDF -> ZPL per sample label at 203 and 300 dpi.

Compares packstation's converter with (a) a bare pypdfium2 render of the same page (the floor) and
(b) zebrafy (dev-only) at equal settings: same dots, no dither, same rotation, Z64. Prints median times,
payload sizes (Z64 vs hex) and how many of the label's barcodes read in what would be sent.

Run: .venv/bin/python bench/bench_zpl.py [--repeat N]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium

from packstation.printing import barcodes, zpl, zpl_render

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples" / "labels"
LABELS = {
    "bpost_webatvantage_createLabelForOrder.pdf": 1,  # A4 sheet, label in position 1
    "pdf2zpl_endicia-shipping-label.pdf": None,
    "pdf2zpl_usps-label-landscape.pdf": None,
    "postnl_firstred_singlelabel_3S1234567890123.pdf": None,
}


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm up (fonts, caches)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bare_render(pdf: bytes, dpi: int) -> None:
    document = pdfium.PdfDocument(pdf)
    page = document[0]
    page.render(scale=dpi / 72, grayscale=True).to_numpy()
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
    args = parser.parse_args()
    try:
        from zebrafy import ZebrafyPDF
    except ImportError:
        ZebrafyPDF = None
        print("zebrafy is not installed (pip install .[bench]); its column stays empty", file=sys.stderr)

    header = (
        f"{'label':28} {'dpi':>4} {'pdfium ms':>9} {'ours ms':>8} {'zebrafy ms':>10} "
        f"{'Z64 B':>8} {'ACS B':>8} {'hex B':>9} {'ours':>5} {'zebrafy':>8} {'zebrafy default':>16}"
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
            ours_ms = median_ms(lambda p=page_pdf, g=geometry: zpl.pdf_to_zpl(p, g, encoding="z64"), args.repeat)
            bare_ms = median_ms(lambda p=page_pdf, d=dpi: bare_render(p, d), args.repeat)
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

                zb_ms = median_ms(zebrafy_equal, args.repeat)
                zb_read = readable(zebrafy_equal(), dpi, expected)
                zb_default = readable(ZebrafyPDF(page_pdf).to_zpl(), 203, expected)
            short = name.split("_")[0] + "/" + name.split("_")[1][:10]
            print(
                f"{short:28} {dpi:>4} {bare_ms:9.1f} {ours_ms:8.1f} {zb_ms:10.1f} {len(z64):8,} {len(acs):8,} "
                f"{len(hexed):9,} {ours_read:>5} {zb_read:>8} {zb_default:>16}"
            )
    print("zebrafy (equal) gets the whole page: it has no A4-quadrant crop, so bpost at 203 dpi is shrunk.")
    print("\nbarcodes: readable in what would be sent / readable in the source PDF at 300 dpi (page 1 of each PDF)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
