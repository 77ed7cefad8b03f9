"""The printing subcommands: exit codes, outputs and plain messages for bad input."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from packstation.cli import main

from .conftest import LABELS

POSTNL = LABELS / "postnl_firstred_singlelabel_3S1234567890123.pdf"


def test_label2zpl_then_zpl2png(tmp_path: Path, capsys):
    out = tmp_path / "label.zpl"
    assert main(["label2zpl", str(POSTNL), "-o", str(out), "--dpi", "300", "--encoding", "acs"]) == 0
    text = out.read_text()
    assert text.startswith("^XA") and "^PW1200" in text and ":Z64:" not in text
    png = tmp_path / "label.png"
    assert main(["zpl2png", str(out), "-o", str(png), "--dpi", "300"]) == 0
    image = np.array(Image.open(png).convert("L"))
    assert image.shape == (1800, 1200) and (image < 128).any()


def test_label2zpl_bad_inputs_exit_non_zero_with_a_message(tmp_path: Path, capsys):
    assert main(["label2zpl", str(LABELS / "broken" / "myparcel_pdk_label_mangled_utf8.pdf")]) == 1
    assert "corrupt" in capsys.readouterr().err
    assert main(["label2zpl", str(tmp_path / "missing.pdf")]) == 2
    assert "cannot read" in capsys.readouterr().err
    out = tmp_path / "bpost.zpl"
    bpost = str(LABELS / "bpost_webatvantage_createLabelForOrder.pdf")
    assert main(["label2zpl", bpost, "-o", str(out)]) == 0  # the A4 sheet's label is found by itself
    assert "is a sheet" in capsys.readouterr().err
    assert main(["label2zpl", bpost, "--position", "1", "-o", str(out)]) == 0


def test_zpl2png_reports_a_bad_crc(tmp_path: Path, capsys):
    bad = tmp_path / "bad.zpl"
    bad.write_text("^XA^FO0,0^GFA,2,2,1,:Z64:eJz7/x8AAwAB/w==:0000^FS^XZ")
    assert main(["zpl2png", str(bad), "-o", str(tmp_path / "x.png")]) == 1
    assert "CRC" in capsys.readouterr().err


def test_printers_json_runs_without_hardware(capsys):
    assert main(["printers", "--json"]) == 0
    assert '"printers"' in capsys.readouterr().out


def test_printers_lists_a_zebra_out_of_paper_in_words(capsys, monkeypatch, tmp_path):
    """`packstation printers` words a Zebra's condition codes through the catalogue, as the GUI does.

    A Zebra out of paper does not answer its status question (as a real one): that silence is the condition.
    """
    from packstation.printing import discovery
    from tests.fakes.fake_usb import FakeUsbBackend, FakeUsbDevice

    backend = FakeUsbBackend(
        FakeUsbDevice(serial="D4J111", address=5), FakeUsbDevice(serial="D4J222", address=6, paper_out=True)
    )
    no_queues = tmp_path / "lpstat"
    no_queues.write_text("#!/bin/sh\nexit 0\n")
    no_queues.chmod(0o755)
    search = discovery.find_printers(backend, str(no_queues))
    monkeypatch.setattr(discovery, "find_printers", lambda: search)
    assert main(["printers"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("usb") and lines[0].endswith(" ready")
    assert lines[1].endswith(" not answering (paper out, print head open or ribbon out?)")
