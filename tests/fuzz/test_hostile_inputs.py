"""The hostile-input table: every row ends in one clear error line or a correct result, in time, losing no file.

Issue 18: 104 bad inputs once gave 6 tracebacks, 3 hangs and an overwritten PDF. Each row here names an input
and what must come of it. CLI rows run `python -m packstation` as a real process with a time limit and API
keys planted in its environment; settings and journal rows run in-process against files made here. After
every row each file that was there before is byte-identical, and no planted secret shows in any output.
"""

from __future__ import annotations

import asyncio
import logging
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from .hostile import (
    A4,
    A6,
    RELAY_ACCOUNT,
    SECRETS,
    SETTINGS_SECRET,
    TIMEOUT_SECONDS,
    error_lines,
    mm_box,
    raw_pdf,
    run_cli,
    z64,
)

# --- the files every CLI row can name (made fresh in each row's folder) ------------------------------------

LINE = b"0 0 0 RG 4 w 20 20 m 200 200 l S"
GOOD_ZPL = "^XA^PW16^LL8^FO0,0^GFA,16,16,2," + "FF00" * 8 + "^FS^XZ\n"
TWO_LABELS = GOOD_ZPL * 2


def _files() -> dict[str, bytes]:
    a6 = raw_pdf([A6], LINE)
    return {
        "a6.pdf": a6,
        "a4.pdf": raw_pdf([A4], LINE),
        "empty.pdf": b"",
        "one.pdf": b"%",
        "text.pdf": b"hello, this is not a label\n",
        "html.pdf": b"<html><body>502 Bad Gateway</body></html>",
        "png.pdf": b"\x89PNG\r\n\x1a\n" + b"\x00" * 100,
        "header.pdf": b"%PDF-1.4\n",
        "half.pdf": a6[: len(a6) // 2],
        "late.pdf": b"x" * 2000 + a6,
        "nul.pdf": b"\x00" * 4096,
        "zero_box.pdf": raw_pdf(["0 0 0 0"], LINE),
        "negative_box.pdf": raw_pdf(["0 0 -300 -400"], LINE),
        "inf_box.pdf": raw_pdf(["0 0 1e999 1e999"], LINE),
        "word_box.pdf": raw_pdf(["0 0 wide tall"], LINE),
        "page_5m.pdf": raw_pdf([mm_box(5000, 5000)], LINE),
        "page_601mm.pdf": raw_pdf([mm_box(100, 601)], LINE),
        "page_200in.pdf": raw_pdf(["0 0 14400 14400"], LINE),
        "pages_51.pdf": raw_pdf([A6] * 51, LINE),
        "a4_26_pages.pdf": raw_pdf([A4] * 26, LINE),
        "blank_a4.pdf": raw_pdf([A4], b""),
        "label.zpl": GOOD_ZPL.encode(),
        "two.zpl": TWO_LABELS.encode(),
        "other.zpl": b"old contents\n",
        "out-2.png": TWO_LABELS.encode(),  # ZPL named like the second output of a two-label run
    }


def _prepare(folder: Path) -> None:
    for name, data in _files().items():
        (folder / name).write_bytes(data)
    (folder / "deep.toml").write_bytes(b"a = " + b"[" * 2000 + b"]" * 2000 + b"\n")
    account = b'[[accounts]]\nusername = "u"\npassword = "p"\nmyparcel_key = "k"\nplatform = "myparcel"\n'
    for name, line in {
        "dpi": b"zpl_dpi = 250",
        "dpi_inf": b"zpl_dpi = inf",
        "body_inf": b"max_body_bytes = 1e400",
        "body_huge": b"max_body_bytes = 99999999999",
        "lease_nan": b"lock_lease_seconds = nan",
        "deadline_inf": b"deadline_seconds = inf",
    }.items():
        (folder / f"{name}.toml").write_bytes(b"[relay]\n" + line + b"\n" + account)
    (folder / "folder").mkdir()
    os.mkfifo(folder / "fifo")
    os.mkfifo(folder / "fifo.pdf")
    os.symlink("/dev/zero", folder / "zero.pdf")
    os.symlink("loop.pdf", folder / "loop.pdf")
    os.symlink("missing.pdf", folder / "dangling.pdf")
    os.symlink("a6.pdf", folder / "link_a6.pdf")
    os.link(folder / "a6.pdf", folder / "hard_a6.pdf")
    with open(folder / "sparse.pdf", "wb") as stream:  # 21 MB that costs no disk
        stream.write(b"%PDF-1.4\n")
        stream.truncate(21 * 1024 * 1024)
    with open(folder / "sparse.zpl", "wb") as stream:
        stream.write(b"^XA")
        stream.truncate(33 * 1024 * 1024)


def _snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry of the folder: regular files by content, the rest by kind (never read a pipe)."""
    out: dict[str, bytes | str] = {}
    for path in sorted(folder.iterdir()):
        mode = os.lstat(path).st_mode
        if stat.S_ISLNK(mode):
            out[path.name] = f"link -> {os.readlink(path)}"
        elif stat.S_ISREG(mode):
            out[path.name] = path.read_bytes() if os.path.getsize(path) < 1 << 20 else f"{os.path.getsize(path)}"
        elif stat.S_ISDIR(mode):
            out[path.name] = "folder"
            out.update({f"{path.name}/{name}": content for name, content in _snapshot(path).items()})
        else:
            out[path.name] = "fifo"
    return out


@dataclass(frozen=True)
class Cli:
    """One CLI row: the arguments, and either a refusal naming `needle` or success with `needle` in stderr."""

    args: tuple[str, ...]
    needle: str
    ok: bool = False
    writes: tuple[str, ...] = ()  # files the row may create or replace (all others must stay as they were)
    env: tuple[tuple[str, str], ...] = ()  # more environment for the process

    def __str__(self) -> str:
        return " ".join(self.args)[:90]


def refused(*args: str, needle: str) -> Cli:
    return Cli(tuple(args), needle)


def converts(*args: str, needle: str, writes: tuple[str, ...] = ()) -> Cli:
    return Cli(tuple(args), needle, ok=True, writes=writes)


FINITE = "must be a finite number"
WIDTH = "label width must be 10 to 216 mm"
HEIGHT = "label height must be 10 to 4003 mm"
NUMBER = "must be a number"
NOT_REGULAR = "not a regular file"
OWN_INPUT = "it is the input file"

CLI_ROWS: list[Cli] = [
    # --- label2zpl: label sizes (argparse refuses them before any file is read) ---
    *(refused("label2zpl", "a6.pdf", "--width-mm", v, needle=FINITE) for v in ("inf", "+inf", "Infinity")),
    *(refused("label2zpl", "a6.pdf", "--width-mm", v, needle=FINITE) for v in ("nan", "NaN", "1e309")),
    *(refused("label2zpl", "a6.pdf", "--height-mm", v, needle=FINITE) for v in ("inf", "nan", "1e999")),
    # Negative values need the = form (argparse reads "-inf" as an option); refused all the same.
    *(refused("label2zpl", "a6.pdf", f"--width-mm={v}", needle=FINITE) for v in ("-inf", "-nan", "-Infinity")),
    refused("label2zpl", "a6.pdf", "--height-mm=-inf", needle=FINITE),
    refused("label2zpl", "a6.pdf", "--width-mm=-1e308", needle=WIDTH),
    refused("label2zpl", "a6.pdf", "--width-mm", needle="expected one argument"),
    *(
        refused("label2zpl", "a6.pdf", "--width-mm", v, needle=WIDTH)
        for v in ("1e9", "1e308", "-1", "0", "-0", "0.0", "1e-9", "9.99", "216.01", "217", "1000", "1e6")
    ),
    *(
        refused("label2zpl", "a6.pdf", "--height-mm", v, needle=HEIGHT)
        for v in ("1e9", "100000", "5000", "4004", "1e308", "-5", "0", "9", "1e-300", "-0.0")
    ),
    *(
        refused("label2zpl", "a6.pdf", "--width-mm", v, needle=NUMBER)
        for v in ("abc", "", " ", "1,5", "0x10", "10mm", "1e", "-")
    ),
    *(refused("label2zpl", "a6.pdf", "--height-mm", v, needle=NUMBER) for v in ("tall", "", "1.2.3", "½")),
    refused("label2zpl", "a6.pdf", "--dpi", "600", "--height-mm", "1400", needle="10 to 1354 mm at 600 dpi"),
    refused("label2zpl", "a6.pdf", "--dpi", "300", "--height-mm", "2800", needle="10 to 2709 mm at 300 dpi"),
    # The A4 sheet at --position 1 --dpi 600 with 1e6 mm (tried to allocate terabytes).
    refused(
        "label2zpl",
        "a4.pdf",
        "--position",
        "1",
        "--dpi",
        "600",
        "--width-mm",
        "1e6",
        "--height-mm",
        "1e6",
        needle=WIDTH,
    ),
    refused("label2zpl", "a4.pdf", "--position", "1", "--dpi", "600", "--height-mm", "1e6", needle=HEIGHT),
    # The 5 m x 5 m page as a 5000 mm label (6 GB), and the same page on the longest label there is.
    refused("label2zpl", "page_5m.pdf", "--height-mm", "5000", needle=HEIGHT),
    refused("label2zpl", "page_5m.pdf", "--height-mm", "4000", needle="larger than 600 mm a side"),
    *(refused("label2zpl", "a6.pdf", "--dpi", v, needle="invalid") for v in ("0", "-203", "250", "1200", "203.0")),
    *(refused("label2zpl", "a6.pdf", "--dpi", v, needle="invalid") for v in ("abc", "", "1e3", "99999999999999999999")),
    *(refused("label2zpl", "a6.pdf", "--position", v, needle="invalid") for v in ("0", "5", "-1", "1.5", "x", "")),
    *(refused("label2zpl", "a6.pdf", "--encoding", v, needle="invalid choice") for v in ("z65", "", "HEX", "../x")),
    refused("label2zpl", "a6.pdf", "--fit", "--crop", needle="not allowed with argument"),
    refused("label2zpl", needle="the following arguments are required"),
    # --- label2zpl: sizes at the bounds convert ---
    converts("label2zpl", "a6.pdf", "--width-mm", "215.9", "-o", "w.zpl", needle="1 label(s)", writes=("w.zpl",)),
    converts("label2zpl", "a6.pdf", "--width-mm", "216", "-o", "w.zpl", needle="1 label(s)", writes=("w.zpl",)),
    # The smallest label there is: an A6 page does not fit it, and says so.
    refused("label2zpl", "a6.pdf", "--width-mm", "10", "--height-mm", "10", needle="far larger than the 10 x 10 mm"),
    converts("label2zpl", "a6.pdf", "--height-mm", "4003", "-o", "w.zpl", needle="1 label(s)", writes=("w.zpl",)),
    converts(
        "label2zpl",
        "a6.pdf",
        "--dpi",
        "600",
        "--height-mm",
        "1354",
        "-o",
        "w.zpl",
        needle="1 label(s)",
        writes=("w.zpl",),
    ),
    converts("label2zpl", "a6.pdf", "--width-mm", " 105 ", "-o", "w.zpl", needle="1 label(s)", writes=("w.zpl",)),
    converts("label2zpl", "a6.pdf", "--width-mm", "1_0_5", "-o", "w.zpl", needle="1 label(s)", writes=("w.zpl",)),
    # --- label2zpl: input files ---
    refused("label2zpl", "/dev/zero", needle=NOT_REGULAR),  # read until MemoryError before
    refused("label2zpl", "/dev/null", needle=NOT_REGULAR),
    refused("label2zpl", "/dev/urandom", needle=NOT_REGULAR),
    refused("label2zpl", "fifo", needle=NOT_REGULAR),  # hung before
    refused("label2zpl", "fifo.pdf", needle=NOT_REGULAR),
    refused("label2zpl", "zero.pdf", needle=NOT_REGULAR),
    refused("label2zpl", "folder", needle=NOT_REGULAR),
    refused("label2zpl", ".", needle=NOT_REGULAR),
    refused("label2zpl", "missing.pdf", needle="No such file"),
    refused("label2zpl", "dangling.pdf", needle="No such file"),
    refused("label2zpl", "loop.pdf", needle="cannot read loop.pdf"),
    refused("label2zpl", "x" * 5000 + ".pdf", needle="name too long"),
    refused("label2zpl", "sparse.pdf", needle="more than the 20.0 MB"),
    refused("label2zpl", "empty.pdf", needle="empty"),
    refused("label2zpl", "one.pdf", needle="not a PDF"),
    refused("label2zpl", "text.pdf", needle="not a PDF"),
    refused("label2zpl", "html.pdf", needle="not a PDF"),
    refused("label2zpl", "png.pdf", needle="not a PDF"),
    refused("label2zpl", "nul.pdf", needle="not a PDF"),
    refused("label2zpl", "late.pdf", needle="not a PDF"),
    refused("label2zpl", "header.pdf", needle="corrupt"),
    refused("label2zpl", "half.pdf", needle="corrupt"),
    refused("label2zpl", "page_5m.pdf", needle="larger than 600 mm a side"),
    refused("label2zpl", "page_601mm.pdf", needle="larger than 600 mm a side"),
    refused("label2zpl", "page_200in.pdf", needle="larger than 600 mm a side"),
    refused("label2zpl", "pages_51.pdf", needle="more than the limit of 50"),
    refused("label2zpl", "a4_26_pages.pdf", needle="25 A4 sheets"),
    refused("label2zpl", "blank_a4.pdf", needle="blank"),
    # PDFium reads a box it cannot use as US Letter: a page that converts like any other.
    converts("label2zpl", "zero_box.pdf", "-o", "w.zpl", needle="", writes=("w.zpl",)),
    converts("label2zpl", "negative_box.pdf", "-o", "w.zpl", needle="", writes=("w.zpl",)),
    converts("label2zpl", "inf_box.pdf", "-o", "w.zpl", needle="", writes=("w.zpl",)),
    converts("label2zpl", "word_box.pdf", "-o", "w.zpl", needle="", writes=("w.zpl",)),
    converts("label2zpl", "link_a6.pdf", "-o", "w.zpl", needle="1 label(s)", writes=("w.zpl",)),
    converts("label2zpl", "a4.pdf", "-o", "w.zpl", needle="is a sheet", writes=("w.zpl",)),
    converts("label2zpl", "a4.pdf", "--position", "3", "-o", "w.zpl", needle="1 label(s)", writes=("w.zpl",)),
    # --- label2zpl: outputs (the input was overwritten without a word before) ---
    refused("label2zpl", "a6.pdf", "-o", "a6.pdf", needle=OWN_INPUT),
    refused("label2zpl", "a6.pdf", "-o", "./a6.pdf", needle=OWN_INPUT),
    refused("label2zpl", "a6.pdf", "-o", "folder/../a6.pdf", needle=OWN_INPUT),
    refused("label2zpl", "a6.pdf", "-o", "hard_a6.pdf", needle=OWN_INPUT),
    refused("label2zpl", "a6.pdf", "-o", "link_a6.pdf", needle=OWN_INPUT),
    refused("label2zpl", "link_a6.pdf", "-o", "a6.pdf", needle=OWN_INPUT),
    refused("label2zpl", "a6.pdf", "--output", "a6.pdf", needle=OWN_INPUT),
    refused("label2zpl", "a6.pdf", "-o", "folder", needle="it is a folder"),
    refused("label2zpl", "a6.pdf", "-o", ".", needle="it is a folder"),
    refused("label2zpl", "a6.pdf", "-o", "", needle="it is a folder"),
    refused("label2zpl", "a6.pdf", "-o", "fifo", needle=NOT_REGULAR),
    refused("label2zpl", "a6.pdf", "-o", "/dev/full", needle=NOT_REGULAR),
    refused("label2zpl", "a6.pdf", "-o", "zero.pdf", needle=NOT_REGULAR),
    refused("label2zpl", "a6.pdf", "-o", "no/such/folder/out.zpl", needle="cannot write"),
    refused("label2zpl", "a6.pdf", "-o", "a6.pdf/out.zpl", needle="cannot write"),
    converts("label2zpl", "a6.pdf", "-o", "other.zpl", needle="-> other.zpl", writes=("other.zpl",)),
    converts("label2zpl", "a6.pdf", "-o", "dangling.pdf", needle="-> dangling.pdf", writes=("dangling.pdf",)),
    # --- zpl2png: ZPL files ---
    refused("zpl2png", "/dev/zero", "-o", "o.png", needle=NOT_REGULAR),
    refused("zpl2png", "fifo", "-o", "o.png", needle=NOT_REGULAR),
    refused("zpl2png", "folder", "-o", "o.png", needle=NOT_REGULAR),
    refused("zpl2png", "missing.zpl", "-o", "o.png", needle="No such file"),
    refused("zpl2png", "loop.pdf", "-o", "o.png", needle="cannot read loop.pdf"),
    refused("zpl2png", "sparse.zpl", "-o", "o.png", needle="more than the 32.0 MB"),
    refused("zpl2png", "empty.pdf", "-o", "o.png", needle="holds no ^XA...^XZ label"),
    refused("zpl2png", "a6.pdf", "-o", "o.png", needle="holds no ^XA...^XZ label"),
    refused("zpl2png", "png.pdf", "-o", "o.png", needle="holds no ^XA...^XZ label"),
    refused("zpl2png", "label.zpl", "-o", "label.zpl", needle=OWN_INPUT),
    # Two labels are written as two-1.zpl and two-2.zpl: the input itself is never one of them.
    converts("zpl2png", "two.zpl", "-o", "two.zpl", needle="2 image(s)", writes=("two-1.zpl", "two-2.zpl")),
    refused("zpl2png", "label.zpl", "-o", "folder", needle="it is a folder"),
    refused("zpl2png", "label.zpl", "-o", "fifo", needle=NOT_REGULAR),
    refused("zpl2png", "label.zpl", "-o", "/dev/full", needle=NOT_REGULAR),
    refused("zpl2png", "label.zpl", "-o", "no/such/out.png", needle="cannot write"),
    refused("zpl2png", "label.zpl", needle="the following arguments are required"),
    *(refused("zpl2png", "label.zpl", "-o", "o.png", "--dpi", v, needle="invalid") for v in ("0", "250", "abc", "-1")),
    converts("zpl2png", "label.zpl", "-o", "o.png", needle="1 image(s)", writes=("o.png",)),
    converts("zpl2png", "label.zpl", "-o", "o.png", "--dpi", "600", needle="1 image(s)", writes=("o.png",)),
    converts("zpl2png", "two.zpl", "-o", "o.png", needle="2 image(s)", writes=("o-1.png", "o-2.png")),
    # Two labels to o.png write o-1.png and o-2.png: the second is the input here.
    refused("zpl2png", "out-2.png", "-o", "out.png", needle=OWN_INPUT),
]


def relay(*args: str, needle: str, account: bool = False) -> Cli:
    """A relay row: refused before it serves anything (a good configuration would serve until killed)."""
    return Cli(("relay", *args), needle, env=tuple(RELAY_ACCOUNT.items()) if account else ())


RELAY_ROWS: list[Cli] = [
    relay("--config", "fifo", needle=NOT_REGULAR),
    relay("--config", "/dev/zero", needle=NOT_REGULAR),
    relay("--config", "zero.pdf", needle=NOT_REGULAR),
    relay("--config", "folder", needle=NOT_REGULAR),
    relay("--config", "missing.toml", needle="No such file"),
    relay("--config", "loop.pdf", needle="cannot read loop.pdf"),
    relay("--config", "sparse.zpl", needle="more than the 1.0 MB"),
    relay("--config", "a6.pdf", needle="not valid TOML"),
    relay("--config", "png.pdf", needle="not UTF-8 text"),
    relay("--config", "text.pdf", needle="not valid TOML"),
    relay("--config", "deep.toml", needle="not valid TOML"),
    relay("--config", "dpi.toml", needle="zpl_dpi must be one of 203, 300, 600"),
    relay("--config", "dpi_inf.toml", needle="zpl_dpi must be a int"),
    relay("--config", "body_inf.toml", needle="max_body_bytes must be a int"),
    relay("--config", "body_huge.toml", needle="max_body_bytes must be 1024 to"),
    relay("--config", "lease_nan.toml", needle="lock_lease_seconds must be 60 to"),
    relay("--config", "deadline_inf.toml", needle="deadline_seconds must be between 1 and 19"),
    *(relay("--zpl-dpi", v, needle="invalid") for v in ("250", "0", "abc")),
    *(relay(f"--deadline={v}", needle="deadline", account=True) for v in ("nan", "inf", "-1", "1e308", "0")),
    relay("--deadline", "soon", needle="invalid float"),
    relay(needle="no accounts"),
]
CLI_ROWS += RELAY_ROWS


def journal_label(out: str, needle: str) -> Cli:
    """A `journal --label` row on the journal in data/ (its stored label is data/labels/P-1_7.pdf)."""
    return Cli(("journal", "--label", "P-1", "-o", out), needle, env=(("PACKSTATION_DATA_DIR", "data"),))


JOURNAL_CLI_ROWS: list[Cli] = [
    journal_label("data/journal.sqlite3", OWN_INPUT),  # wrote the label over the journal before
    journal_label("./data/../data/journal.sqlite3", OWN_INPUT),
    journal_label("data/labels/P-1_7.pdf", OWN_INPUT),
    journal_label("data/labels/old.pdf", OWN_INPUT),
    journal_label("data", "it is a folder"),
    journal_label("fifo", NOT_REGULAR),
    journal_label("/dev/full", NOT_REGULAR),
    Cli(
        ("journal", "--label", "P-1", "-o", "reprint.pdf"),
        "",
        ok=True,
        writes=("reprint.pdf",),
        env=(("PACKSTATION_DATA_DIR", "data"),),
    ),
]
CLI_ROWS += JOURNAL_CLI_ROWS

# `ship` refuses impossible numbers before it reaches any server (the keys in its environment are never shown).
SHIP_ROWS: list[Cli] = [
    *(
        refused("ship", "P2024-00123", f"--parcels={v}", needle="number of parcels must be 1 to 20")
        for v in ("0", "-1", "21", "1000000000", "99999999999999999999")
    ),
    *(
        refused("ship", "P2024-00123", f"--weight={v}", needle="weight must be 1 to 100000 grams")
        for v in ("0", "-5", "100001", "1000000000000")
    ),
    *(refused("ship", "P2024-00123", f"--weight={v}", needle="invalid int") for v in ("inf", "nan", "1e3", "", "2kg")),
    refused("ship", "P2024-00123", "--parcels=1.5", needle="invalid int"),
]
CLI_ROWS += SHIP_ROWS


# ZPL contents for zpl2png: (name, ZPL, refused needle or None for a correct result).
def _zpl_rows() -> list[tuple[str, str, str | None]]:
    graphic = z64(b"\xf0" * 64)
    bomb = z64(b"\x00" * (21 * 1024 * 1024))
    return [
        ("box", "^XA^FO10,10^GB100,50,3^FS^XZ", None),
        ("z64 graphic", f"^XA^FO0,0^GFA,64,64,8,{graphic}^FS^XZ", None),
        ("text is listed, not drawn", "^XA^FO10,10^A0N,30,30^FDHello^FS^XZ", None),
        ("negative ^GF sizes", "^XA^GFA,-5,-5,1,FF^FS^XZ", None),
        ("thousands of digits in ^PW", "^XA^PW" + "9" * 5000 + "^XZ", None),
        ("ACS repeat bomb", "^XA^FO0,0^GFA,8,8,1," + "z" * 200_000 + "F^FS^XZ", None),
        ("largest label there is", "^XA^PW5100^LL32000^XZ", None),
        ("^PW beyond the widest head", "^XA^PW99999^XZ", "^PW print width is 99999"),
        ("^PW zero", "^XA^PW0^XZ", "^PW print width is 0"),
        ("^PW negative", "^XA^PW-5^XZ", "^PW print width is -5"),
        ("^LL beyond ZPL", "^XA^LL99999^XZ", "^LL label length is 99999"),
        ("^LL negative", "^XA^LL-5^XZ", "^LL label length is -5"),
        ("^LH far away", "^XA^LH99999,0^XZ", "^LH label home x"),
        ("^FO far right", "^XA^FO99999,0^GB10,10,1^FS^XZ", "^FO x is 99999"),
        ("^FO far down", "^XA^FO0,99999^GB10,10,1^FS^XZ", "^FO y is 99999"),
        ("^FO far negative", "^XA^FO-99999,0^GB10,10,1^FS^XZ", "^FO x is -99999"),
        ("^GB box of a gigadot", "^XA^FO0,0^GB32000,32000,1^FS^XZ", "reaches beyond the largest label"),
        ("^GB too wide", "^XA^GB99999,10,1^FS^XZ", "^GB box width is 99999"),
        ("^GB thick", "^XA^GB10,10,99999^FS^XZ", "^GB border thickness"),
        ("^GF of a gigabyte", "^XA^GFA,999999999,999999999,1,00^FS^XZ", "larger than any label"),
        ("^GF rows wider than any head", "^XA^GFA,1000,1000,1000,00^FS^XZ", "wider than any label"),
        ("^GF with ten-digit sizes", "^XA^GFA,1,1" + "0" * 12 + ",1,00^FS^XZ", "more than nine digits"),
        ("Z64 bomb", f"^XA^FO0,0^GFA,100,100,10,{bomb}^FS^XZ", "inflates to more than"),
        ("Z64 bad CRC", f"^XA^FO0,0^GFA,64,64,8,{graphic[:-4]}0000^FS^XZ", "a printer would drop this label"),
        ("Z64 not zlib", f"^XA^FO0,0^GFA,4,4,1,:Z64:QUJDRA==:{_crc('QUJDRA=='):04X}^FS^XZ", "not a zlib"),
        ("B64 no CRC", "^XA^FO0,0^GFA,4,4,1,:B64:QUJDRA==^FS^XZ", "no ':CRC'"),
        ("hex with a stray letter", "^XA^FO0,0^GFA,2,2,1,FF@@^FS^XZ", "Unexpected character"),
        ("hex short of its size", "^XA^FO0,0^GFA,8,8,2,FFFF^FS^XZ", "declares 8"),
        ("rows that do not divide", "^XA^FO0,0^GFA,3,3,2,FFFFFF^FS^XZ", "not a whole number"),
        ("^XG magnified 99 times", "~DGR:A.GRF,2,1,FFFF^XA^FO0,0^XGR:A.GRF,99,99^FS^XZ", "magnification x is 99"),
        ("^XG of nothing stored", "^XA^XGR:NONE.GRF,1,1^FS^XZ", "which no ~DG"),
        ("~DG of a gigabyte", "~DGR:B.GRF,999999999,999999999,00", "larger than any label"),
        ("300 labels", "^XA^XZ" * 300, "more than 200 labels"),
        ("five largest labels", "^XA^PW5100^LL32000^XZ" * 5, "labels together are larger"),
        ("no ^XZ", "^XA^FO0,0^GB10,10,1^FS", "holds no ^XA...^XZ label"),
        ("only ^XZ", "^XZ^XZ^XZ", "holds no ^XA...^XZ label"),
        ("NUL bytes", "\x00" * 1000, "holds no ^XA...^XZ label"),
        ("latin-1 noise", "".join(chr(c) for c in range(256)) * 10, "holds no ^XA...^XZ label"),
    ]


def _crc(text: str) -> int:
    import binascii

    return binascii.crc_hqx(text.encode(), 0)


ZPL_ROWS = _zpl_rows()


def _check_cli_row(row: Cli, folder: Path) -> None:
    before = _snapshot(folder)
    outcome = run_cli(list(row.args), folder, dict(row.env))
    after = _snapshot(folder)

    assert outcome.code is not None, f"still running after {TIMEOUT_SECONDS:.0f} s"
    assert "Traceback" not in outcome.stderr, outcome.stderr[-2000:]
    for secret in (*SECRETS.values(), *(v for k, v in RELAY_ACCOUNT.items() if "SECRET" in v)):
        assert secret not in outcome.stdout + outcome.stderr
    for name, content in before.items():
        if name not in row.writes:
            assert after.get(name) == content, f"{name} was changed or lost"
    if row.ok:
        assert outcome.code == 0, outcome.stderr[-2000:]
        assert not error_lines(outcome.stderr), outcome.stderr
        assert row.needle in outcome.stderr
    else:
        assert outcome.code in (1, 2), outcome
        # Exactly one line says what is wrong (`journal` prints its refusals bare, as it prints everything).
        lines = outcome.stderr.splitlines() if row.args[0] == "journal" else error_lines(outcome.stderr)
        [line] = lines
        assert row.needle.lower() in line.lower(), line
        assert not set(after) - set(before), "a refused run left a file behind"


def _journal_with_label(folder: Path) -> None:
    from packstation.journal import SqliteJournal

    data = folder / "data"
    journal = SqliteJournal(data / "journal.sqlite3", data / "labels", "S")

    async def fill() -> None:
        entry_id = await journal.begin(1, "P-1", {})
        path = await journal.save_label("P-1", [7], raw_pdf([A6], LINE))
        await journal.record(entry_id, "label", {"path": path})

    asyncio.run(fill())
    journal.close()
    (data / "labels" / "old.pdf").write_bytes(b"%PDF-1.4 a label stored earlier")


@pytest.mark.parametrize("row", CLI_ROWS, ids=str)
def test_cli(row: Cli, tmp_path: Path) -> None:
    _prepare(tmp_path)
    if row.args[0] == "journal":
        _journal_with_label(tmp_path)
    _check_cli_row(row, tmp_path)


@pytest.mark.parametrize(("name", "zpl", "needle"), ZPL_ROWS, ids=[row[0] for row in ZPL_ROWS])
def test_zpl2png(name: str, zpl: str, needle: str | None, tmp_path: Path) -> None:
    _prepare(tmp_path)
    (tmp_path / "in.zpl").write_bytes(zpl.encode("latin-1"))
    if needle is None:
        row = converts("zpl2png", "in.zpl", "-o", "o.png", needle="image(s)", writes=("o.png",))
    else:
        row = refused("zpl2png", "in.zpl", "-o", "o.png", needle=needle)
    _check_cli_row(row, tmp_path)


# --- the relay's label path (the PDF MyParcel returns, made into ZPL for Picqer) ----------------------------


def _relay_label_rows() -> list[tuple[str, bytes, int, str | None]]:
    files = _files()
    return [
        ("A6 label", files["a6.pdf"], 203, None),
        ("A6 label at 600 dpi", files["a6.pdf"], 600, None),
        ("5 m page", files["page_5m.pdf"], 203, "larger than 600 mm a side"),
        ("601 mm page", files["page_601mm.pdf"], 300, "larger than 600 mm a side"),
        ("51 pages", files["pages_51.pdf"], 203, "more than the limit of 50"),
        ("26 A4 sheets", files["a4_26_pages.pdf"], 203, "25 A4 sheets"),
        ("empty", b"", 203, "empty"),
        ("HTML error page", files["html.pdf"], 203, "not a PDF"),
        ("cut in half", files["half.pdf"], 203, "corrupt"),
        ("21 MB", b"%PDF-1.4\n" + bytes(21 * 1024 * 1024), 203, "more than the limit of 20 MB"),
        ("a resolution no head has", files["a6.pdf"], 250, "resolution must be one of"),
        ("zero dpi", files["a6.pdf"], 0, "resolution must be one of"),
    ]


RELAY_LABEL_ROWS = _relay_label_rows()


@pytest.mark.parametrize(("name", "pdf", "dpi", "needle"), RELAY_LABEL_ROWS, ids=[row[0] for row in RELAY_LABEL_ROWS])
def test_relay_label(name: str, pdf: bytes, dpi: int, needle: str | None) -> None:
    from packstation.domain.errors import LabelError
    from packstation.printing.zpl import PdfRenderer
    from packstation.relay.composition import PdfZplConverter

    async def convert() -> bytes:
        return await asyncio.wait_for(PdfZplConverter(renderer).to_zpl(pdf, dpi), TIMEOUT_SECONDS)

    with PdfRenderer() as renderer:
        if needle is None:
            zpl = asyncio.run(convert())
            assert zpl.startswith(b"^XA") and zpl.rstrip().endswith(b"^XZ")
            return
        with pytest.raises(LabelError) as refused_with:
            asyncio.run(convert())
    assert needle in str(refused_with.value) and "\n" not in str(refused_with.value)


@pytest.mark.parametrize("language", ["zpl", "pdf"])
@pytest.mark.parametrize(
    ("name", "pdf", "dpi", "needle"),
    [row for row in RELAY_LABEL_ROWS if row[2] in (203, 600)],
    ids=[row[0] for row in RELAY_LABEL_ROWS if row[2] in (203, 600)],
)
def test_desk_print_path(name: str, pdf: bytes, dpi: int, needle: str | None, language: str, tmp_path: Path) -> None:
    """The desk prepares the label MyParcel sent for its printer: ZPL for a Zebra, the PDF for an office printer."""
    from packstation.domain.errors import LabelError
    from packstation.printing.printers import build_printer
    from packstation.printing.zpl import PdfRenderer
    from packstation.settings import PrinterSettings

    config = PrinterSettings(transport="virtual", language=language, dpi=dpi, address=str(tmp_path))

    async def prepare() -> object:
        return await asyncio.wait_for(printer.prepare(pdf), TIMEOUT_SECONDS)

    with PdfRenderer() as renderer:
        printer = build_printer(config, tmp_path, renderer=renderer)
        if needle is None:
            label = asyncio.run(prepare())
            assert label.previews_png  # type: ignore[attr-defined]
            return
        with pytest.raises(LabelError) as refused_with:
            asyncio.run(prepare())
    assert needle in str(refused_with.value) and "\n" not in str(refused_with.value)


# --- settings files -----------------------------------------------------------------------------------------

PLANTED = f'[picqer]\napi_key = "{SETTINGS_SECRET}"\n[myparcel]\ntoken = "{SETTINGS_SECRET}"\n'


@dataclass(frozen=True)
class SettingsRow:
    name: str
    text: bytes | None  # None: `make` builds the path itself
    codes: tuple[str, ...]  # the problems expected (any of them); () = read cleanly
    make: Callable[[Path], None] | None = None


def _printer(line: str) -> bytes:
    return f"[label_printer]\n{line}\n".encode()


_RANGE = ("setting_out_of_range",)
_INVALID = ("setting_invalid",)
_CHOICE = ("setting_not_a_choice",)
_UNREADABLE = ("settings_unreadable",)

SETTINGS_ROWS: list[SettingsRow] = [
    *(
        SettingsRow(f"width {v}", _printer(f"label_width_mm = {v}"), _RANGE)
        for v in ("inf", "-inf", "nan", "+nan", "1e400", "1e9", "0", "-5", "9.9", "216.5", "1e-300")
    ),
    *(
        SettingsRow(f"height {v}", _printer(f"label_height_mm = {v}"), _RANGE)
        for v in ("inf", "nan", "1e400", "100000", "5000", "-1", "0")
    ),
    SettingsRow("height too long at 600 dpi", _printer("dpi = 600\nlabel_height_mm = 2000"), _RANGE),
    SettingsRow("height too long at 300 dpi", _printer("dpi = 300\nlabel_height_mm = 3000"), _RANGE),
    SettingsRow("width as text", _printer('label_width_mm = "wide"'), _INVALID),
    SettingsRow("width as bool", _printer("label_width_mm = true"), _INVALID),
    SettingsRow("width as table", _printer("label_width_mm = {a = 1}"), _INVALID),
    *(SettingsRow(f"dpi {v}", _printer(f"dpi = {v}"), _CHOICE) for v in ("0", "250", "-203", "1200")),
    *(SettingsRow(f"dpi {v}", _printer(f"dpi = {v}"), _INVALID) for v in ("203.0", '"203"', "inf", "[203]")),
    *(SettingsRow(f"offset_x {v}", _printer(f"offset_x = {v}"), _RANGE) for v in ("10000", "-10000", "2147483648")),
    *(SettingsRow(f"offset_y {v}", _printer(f"offset_y = {v}"), _RANGE) for v in ("121", "-500")),
    SettingsRow("offset beyond 64 bits", _printer("offset_x = 99999999999999999999999"), (*_RANGE, *_UNREADABLE)),
    SettingsRow("darkness 99", _printer("darkness = 99"), _RANGE),
    SettingsRow("darkness -2", _printer("darkness = -2"), _RANGE),
    *(SettingsRow(f"speed {v}", _printer(f"speed = {v}"), _CHOICE) for v in ("0", "15", "-5")),
    SettingsRow("media type X", _printer('media_type = "X"'), _CHOICE),
    SettingsRow("print mode Z", _printer('print_mode = "Z"'), _CHOICE),
    SettingsRow("sheet position 9", _printer("sheet_position = 9"), _CHOICE),
    SettingsRow("document printer inf", b"[document_printer]\nlabel_height_mm = inf\n", _RANGE),
    SettingsRow("scanner gap -1", b"[scanner]\nmax_gap_ms = -1\n", _RANGE),
    SettingsRow("scanner gap huge", b"[scanner]\nmax_gap_ms = 1000000000\n", _RANGE),
    SettingsRow("scanner length 0", b"[scanner]\nmin_length = 0\n", _RANGE),
    SettingsRow("scale tolerance nan", b"[scale]\ntolerance_percent = nan\n", _RANGE),
    SettingsRow("scale tolerance inf", b"[scale]\ntolerance_percent = inf\n", _RANGE),
    SettingsRow("scale box a tonne", b"[scale]\nbox_grams = 1000000\n", _RANGE),
    SettingsRow("scale tolerance negative", b"[scale]\ntolerance_grams = -1\n", _RANGE),
    SettingsRow("refresh 0", b"[ui]\nrefresh_seconds = 0\n", _RANGE),
    SettingsRow("refresh huge", b"[ui]\nrefresh_seconds = 1000000000000000000\n", _RANGE),
    SettingsRow("binary garbage", bytes(range(256)) * 8, _UNREADABLE),
    SettingsRow("invalid UTF-8", b'station_name = "\xff\xfe"\n', _UNREADABLE),
    SettingsRow("byte-order mark", "\ufeffstation_name = 'x'\n".encode(), _UNREADABLE),
    SettingsRow("NUL bytes", b"\x00" * 100, _UNREADABLE),
    SettingsRow("unclosed table", b"[label_printer\ndpi = 203\n", _UNREADABLE),
    SettingsRow("over 1 MB", b"# " + b"x" * (1024 * 1024) + b"\n", _UNREADABLE),
    SettingsRow("deep nesting", b"a = " + b"[" * 2000 + b"]" * 2000 + b"\n", (*_UNREADABLE, "setting_unknown")),
    SettingsRow("section is a number", b"label_printer = 5\n", ("section_invalid",)),
    SettingsRow("secrets where none belong", PLANTED.encode(), ("setting_unknown",)),
    SettingsRow("all good", _printer("dpi = 300\nlabel_width_mm = 104\nlabel_height_mm = 2000\noffset_y = -120"), ()),
    SettingsRow("a pipe", None, _UNREADABLE, make=lambda p: os.mkfifo(p)),
    SettingsRow("a folder", None, _UNREADABLE, make=lambda p: p.mkdir()),
    SettingsRow("a link to /dev/zero", None, _UNREADABLE, make=lambda p: os.symlink("/dev/zero", p)),
    SettingsRow("a link to itself", None, _UNREADABLE, make=lambda p: os.symlink(p.name, p)),
]


@pytest.mark.parametrize("row", SETTINGS_ROWS, ids=[row.name for row in SETTINGS_ROWS])
def test_settings(row: SettingsRow, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    import concurrent.futures

    from packstation import settings as settings_module
    from packstation.i18n import violation_text
    from packstation.printing.printers import frame_from, geometry_from

    path = tmp_path / "settings.toml"
    if row.make is not None:
        row.make(path)
    else:
        path.write_bytes((row.text or b"") + PLANTED.encode() * (row.name == "all good"))
    before = _snapshot(tmp_path)
    caplog.set_level(logging.DEBUG)
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        # A pipe used to block the loader for ever: the time limit is part of the row.
        loaded = pool.submit(settings_module.load, path).result(timeout=TIMEOUT_SECONDS)

    codes = [problem.code for problem in loaded.problems]
    if row.codes:
        assert set(codes) & set(row.codes), codes
    else:
        assert codes == ["setting_unknown", "setting_unknown"]  # only the planted keys
    for problem in loaded.problems:
        words = violation_text(problem, prefix="settings_problem")  # as the window and the command line say it
        assert "\n" not in words and SETTINGS_SECRET not in words
    assert SETTINGS_SECRET not in caplog.text
    # Whatever the file held, both printers can be built from what was loaded.
    for printer in (loaded.settings.label_printer, loaded.settings.document_printer):
        geometry_from(printer)
        frame_from(printer)
    after = _snapshot(tmp_path)
    for name, content in before.items():
        assert after.get(name) == content, f"{name} was changed or lost"


# --- the journal --------------------------------------------------------------------------------------------

JOURNAL_ENTRIES = 60


def _journal_bytes(folder: Path) -> bytes:
    from packstation.journal import SqliteJournal

    path = folder / "made" / "journal.sqlite3"
    journal = SqliteJournal(path, folder / "made" / "labels", "S")

    async def fill() -> None:
        for n in range(JOURNAL_ENTRIES):
            entry_id = await journal.begin(n, f"P-{n:04d}", {"api_key": SETTINGS_SECRET, "n": n})
            await journal.record(entry_id, "created", {"shipment_ids": [n], "token": SETTINGS_SECRET})

    asyncio.run(fill())
    journal.close()
    return path.read_bytes()


def _flip(data: bytes, seed: int, count: int) -> bytes:
    import random

    rng = random.Random(seed)
    out = bytearray(data)
    for _ in range(count):
        out[rng.randrange(100, len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def _scribble_page(data: bytes, page: int) -> bytes:
    out = bytearray(data)
    out[page * 4096 : page * 4096 + 16] = b"\xff" * 16
    return bytes(out)


JournalChange = Callable[[bytes], bytes]
# (name, what is done to a good journal of 60 entries, what the message must say, entries that must come back)
JOURNAL_ROWS: list[tuple[str, JournalChange, str, int]] = [
    ("random bytes", lambda d: os.urandom(300), "is damaged", 0),
    ("ten kilobytes of text", lambda d: b"not a journal\n" * 800, "is damaged", 0),
    ("header only", lambda d: d[:100], "is damaged", 0),
    ("first page only", lambda d: d[:4096], "is damaged", 0),
    *((f"truncated to {p}%", (lambda d, p=p: d[: len(d) * p // 100]), "is damaged", 0) for p in (10, 30, 50, 70)),
    # The entries' own pages are near the end of the file: cut after them, every entry comes back.
    *((f"truncated to {p}%", (lambda d, p=p: d[: len(d) * p // 100]), "Recovered", 50) for p in (90, 99)),
    # Page 2 is the root of the entries' tree: its leaves are read straight from their pages.
    *(
        (f"page {n} header scribbled", (lambda d, n=n: _scribble_page(d, n)), "Recovered", JOURNAL_ENTRIES)
        for n in (1, 2, 5, 7)
    ),
    *(
        (f"{c} bits flipped (seed {s})", (lambda d, s=s, c=c: _flip(d, s, c)), "", 0)
        for s in (1, 2, 3)
        for c in (5, 500)
    ),
    ("page size zeroed", lambda d: d[:16] + b"\x00\x00" + d[18:], "Recovered", JOURNAL_ENTRIES),
    ("empty file", lambda d: b"", "", 0),  # SQLite's empty database: a journal is made in it
]


@pytest.mark.parametrize(("name", "change", "said", "recovers"), JOURNAL_ROWS, ids=[row[0] for row in JOURNAL_ROWS])
def test_journal(
    name: str, change: JournalChange, said: str, recovers: int, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import concurrent.futures

    from packstation.journal import open_journal

    good = _journal_bytes(tmp_path)
    damaged = change(good)
    data = tmp_path / "data"
    data.mkdir()
    (data / "journal.sqlite3").write_bytes(damaged)
    caplog.set_level(logging.DEBUG)

    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        journal, problem = pool.submit(open_journal, data / "journal.sqlite3", data / "labels", "S").result(
            timeout=TIMEOUT_SECONDS
        )
    try:

        async def use() -> list[str]:
            entry_id = await journal.begin(999, "P-AFTER", {})
            await journal.record(entry_id, "created", {"shipment_ids": [1]})
            return [entry.picklist_number for entry in await journal.entries()]

        numbers = asyncio.run(use())
    finally:
        journal.close()

    assert numbers[-1] == "P-AFTER" and recovers + 1 <= len(numbers) <= JOURNAL_ENTRIES + 1
    if said:
        assert problem is not None and said in problem
    if problem is not None:
        assert "\n" not in problem
        # The file as it was is kept aside, byte for byte, and the message says where.
        [aside] = [p for p in data.iterdir() if ".unusable-" in p.name and not p.name.endswith(("-wal", "-shm"))]
        assert aside.read_bytes() == damaged and str(aside) in problem
        if "Recovered" in problem:
            assert f"Recovered {len(numbers) - 1} entr" in problem
    assert SETTINGS_SECRET not in caplog.text + (problem or "")


def test_the_table_holds_at_least_200_hostile_inputs() -> None:
    desk = 2 * len([row for row in RELAY_LABEL_ROWS if row[2] in (203, 600)])
    rows = len(CLI_ROWS) + len(ZPL_ROWS) + len(RELAY_LABEL_ROWS) + desk + len(SETTINGS_ROWS) + len(JOURNAL_ROWS)
    assert rows >= 200, rows
