"""What `packstation printers` and `packstation scales` print for the devices they found (commands/listing.py)."""

from __future__ import annotations

import json

import pytest

from packstation.commands.listing import report_found

ROWS = [{"name": "ZD421"}, {"name": "GK420d"}]


def test_each_device_gets_its_line_and_a_search_problem_goes_to_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    problems = ["USB printers cannot be listed: no libusb", "CUPS is not running"]
    code = report_found("printers", ROWS, problems, as_json=False, none_found="none", line=lambda row: row["name"])

    out, err = capsys.readouterr()
    assert code == 0
    assert out.splitlines() == ["ZD421", "GK420d"]
    assert err == "note: USB printers cannot be listed: no libusb; CUPS is not running\n"


def test_nothing_found_prints_the_hint_and_is_not_a_failure(capsys: pytest.CaptureFixture[str]) -> None:
    code = report_found("scales", [], [], as_json=False, none_found="No USB scale found.", line=str)

    out, err = capsys.readouterr()
    assert (code, out, err) == (0, "No USB scale found.\n", "")


def test_json_holds_the_rows_under_their_key_and_the_problems(capsys: pytest.CaptureFixture[str]) -> None:
    code = report_found("printers", ROWS, ["CUPS is not running"], as_json=True, none_found="none", line=str)

    out, err = capsys.readouterr()
    assert code == 0
    assert json.loads(out) == {"printers": ROWS, "problems": ["CUPS is not running"]}
    assert err == ""  # the problems are in the JSON, not also on stderr
