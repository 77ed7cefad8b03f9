"""Start-up cost: building the printers must not load numpy, PDFium, zxing-cpp or Pillow; labels still print."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.unit.printing.conftest import LABELS, REPO

HEAVY = ("numpy", "pypdfium2", "zxingcpp", "PIL")


def run_fresh(code: str) -> dict[str, object]:
    """Run code in a new interpreter (nothing imported yet) and return the JSON it prints last."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, cwd=REPO, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_building_both_printers_loads_no_rendering_library_and_a_cold_label_still_reads(tmp_path: Path):
    pdf = LABELS / "postnl_firstred_singlelabel_3S1234567890123.pdf"
    result = run_fresh(
        f"""
        import asyncio, json, sys
        from pathlib import Path
        from packstation.printing import printers, zpl
        from packstation.settings import PrinterSettings

        renderer = zpl.PdfRenderer()
        label = printers.build_printer(PrinterSettings(transport="virtual"), Path({str(tmp_path)!r}), renderer=renderer)
        document = printers.build_printer(
            PrinterSettings(transport="virtual", language="pdf"), Path({str(tmp_path)!r}), renderer=renderer
        )
        loaded_at_start = [m for m in {HEAVY!r} if m in sys.modules]
        pdf = Path({str(pdf)!r})
        prepared = asyncio.run(label.prepare(pdf.read_bytes()))
        print(json.dumps({{
            "loaded_at_start": loaded_at_start,
            "kinds": [type(label).__name__, type(document).__name__],
            "source": list(prepared.source_barcodes),
            "output": list(prepared.output_barcodes),
            "zpl": prepared.payload.startswith(b"^XA"),
        }}))
        """
    )
    assert result["loaded_at_start"] == []
    assert result["kinds"] == ["ZplLabelPrinter", "PdfLabelPrinter"]
    assert "3SDEVC201611210" in result["source"]
    assert result["output"] == result["source"]
    assert result["zpl"] is True


def test_warm_up_loads_the_rendering_libraries_on_a_background_thread():
    result = run_fresh(
        f"""
        import json, sys
        from packstation.printing import lazy, zpl

        before = [m for m in {HEAVY!r} if m in sys.modules]
        thread = lazy.warm_up()
        thread.join(60)
        print(json.dumps({{
            "before": before,
            "after": [m for m in {HEAVY!r} if m in sys.modules],
            "thread": thread.name,
            "alive": thread.is_alive(),
        }}))
        """
    )
    assert result["before"] == []
    assert result["after"] == list(HEAVY)
    assert result["thread"] == "packstation-warm-up"
    assert result["alive"] is False


def test_a_lazy_module_puts_the_real_module_in_place_on_first_use():
    from packstation.printing.lazy import LazyModule, lazy

    namespace: dict[str, object] = {}
    namespace["json_module"] = lazy("json", namespace, "json_module")
    assert isinstance(namespace["json_module"], LazyModule)
    assert namespace["json_module"].dumps([1]) == "[1]"  # type: ignore[attr-defined]
    import json

    assert namespace["json_module"] is json
