"""Before/after of the printing optimisation in one run: convert (PDF -> ZPL) and prepare (convert + barcode check).

"Before" is zpl.py and printers.py as of commit 5f0db05 (loaded from git into throw-away modules), "after" is the
working tree. Same labels, same process, medians; before and after are timed one block after the other per
label (not interleaved), so a load change between the blocks shows: repeat the run when the machine is busy.
Every row also says whether both found the same barcodes in the source and in what is sent.

Run: .venv/bin/python bench/bench_prepare.py [--repeat 10] [--commit 5f0db05]
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
import time
import types

import common

from packstation.printing import printers, zpl

SAMPLES = common.REPO / "tests" / "data" / "labels"  # sources: tests/data/SOURCES.md
LABELS = {
    "bpost_webatvantage_createLabelForOrder.pdf": 1,
    "pdf2zpl_endicia-shipping-label.pdf": None,
    "pdf2zpl_usps-label-landscape.pdf": None,
    "postnl_firstred_singlelabel_3S1234567890123.pdf": None,
}


def old_module(commit: str, path: str, name: str) -> types.ModuleType:
    """Load `path` as it was at `commit` as a separate module called `name`."""
    source = subprocess.run(
        ["git", "show", f"{commit}:{path}"], cwd=common.REPO, capture_output=True, text=True, check=True
    ).stdout
    module = types.ModuleType(name)
    sys.modules[name] = module
    exec(compile(source, f"{commit}:{path}", "exec"), module.__dict__)
    return module


class NullTransport:
    name = "none"


async def prepare_ms(printer: object, pdf: bytes, repeat: int) -> tuple[float, object]:
    label = await printer.prepare(pdf)  # type: ignore[attr-defined]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        label = await printer.prepare(pdf)  # type: ignore[attr-defined]
        times.append((time.perf_counter() - start) * 1000)
    return common.median(times), label


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--commit", default="5f0db05")
    args = parser.parse_args()
    old_zpl = old_module(args.commit, "packstation/printing/zpl.py", "old_zpl")
    old_printers = old_module(args.commit, "packstation/printing/printers.py", "old_printers")
    old_printers.zpl = old_zpl  # the old printer converts with the old zpl module
    rows = []
    for name, quadrant in LABELS.items():
        pdf = (SAMPLES / name).read_bytes()
        for dpi in (203, 300):
            geometry = zpl.LabelGeometry.from_mm(101.6, 152.4, dpi=dpi, quadrant=quadrant)
            old_geometry = old_zpl.LabelGeometry.from_mm(101.6, 152.4, dpi=dpi, quadrant=quadrant)
            bare = common.median(common.run_repeated(lambda p=pdf, d=dpi: bare_render(p, d), args.repeat))
            before = common.median(
                common.run_repeated(lambda p=pdf, g=old_geometry: old_zpl.convert(p, g), args.repeat)
            )
            after = common.median(common.run_repeated(lambda p=pdf, g=geometry: zpl.convert(p, g), args.repeat))
            # Bitmaps, not ZPL text: the Z64 compressor changed (zlib -> libdeflate), the printed dots must not.
            old_rasters, new_rasters = old_zpl.convert(pdf, old_geometry).rasters, zpl.convert(pdf, geometry).rasters
            same = len(old_rasters) == len(new_rasters) and all(
                a.bitmap.shape == b.bitmap.shape and (a.bitmap == b.bitmap).all()
                for a, b in zip(old_rasters, new_rasters, strict=True)
            )
            old_printer = old_printers.ZplLabelPrinter("old", NullTransport(), old_geometry)
            new_printer = printers.ZplLabelPrinter("new", NullTransport(), geometry)
            prep_before, old_label = await prepare_ms(old_printer, pdf, args.repeat)
            prep_after, new_label = await prepare_ms(new_printer, pdf, args.repeat)
            codes = (old_label.source_barcodes, old_label.output_barcodes) == (  # type: ignore[attr-defined]
                new_label.source_barcodes,
                new_label.output_barcodes,
            )  # type: ignore[attr-defined]
            read = f"{len(new_label.output_barcodes)}/{len(new_label.source_barcodes)}"  # type: ignore[attr-defined]
            short = name.split("_")[0] + "/" + name.split("_")[1][:10]
            rows.append(
                [
                    short,
                    dpi,
                    bare,
                    before,
                    after,
                    f"{before / bare:.1f}x -> {after / bare:.1f}x",
                    "yes" if same else "NO",
                    prep_before,
                    prep_after,
                    read,
                    "yes" if codes else "NO",
                ]
            )
    print(
        "All pages of each sample (endicia has 3 pages, usps 4: their 'vs bare' sets all pages against page 1); "
        f"before = {args.commit}, after = working tree; medians of {args.repeat}"
    )
    print(
        common.table(
            [
                "label",
                "dpi",
                "bare render ms (page 1)",
                "convert before ms",
                "convert after ms",
                "vs bare",
                "same bitmaps",
                "prepare before ms",
                "prepare after ms",
                "barcodes read",
                "same barcodes",
            ],
            rows,
        )
    )
    return 0


def bare_render(pdf: bytes, dpi: int) -> None:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    page = document[0]
    page.render(scale=dpi / 72, grayscale=True).to_numpy()
    page.close()
    document.close()


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
