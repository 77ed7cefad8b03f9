"""The command line as an admin or a script uses it: --config anywhere, settings problems, errors that say where."""

from __future__ import annotations

import asyncio
import functools
import json
import socket
from pathlib import Path

import pytest

from packstation import app, cli, secrets
from packstation.journal import SqliteJournal

# The arguments each subcommand cannot do without, so every one can be parsed.
REQUIRED = {"ship": ["P1"], "label2zpl": ["in.pdf"], "zpl2png": ["in.zpl", "-o", "out.png"]}
PICKLIST = "P2024-00001"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(app.DATA_DIR_ENV, str(tmp_path / "data"))
    monkeypatch.delenv("PACKSTATION_CONFIG", raising=False)  # main() sets it from --config; undone after the test
    return tmp_path / "data"


@pytest.fixture
def one_try(monkeypatch: pytest.MonkeyPatch) -> None:
    """Give up on an unreachable server after the first try (the default retries for ~10 s with back-off)."""
    from packstation.clients import http

    monkeypatch.setattr(http, "RetryPolicy", functools.partial(http.RetryPolicy, attempts=1))


def closed_port() -> int:
    """A loopback port nothing listens on (connecting is refused at once)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def write_config(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("command", sorted(cli.build_parser()._subparsers._group_actions[0].choices))  # type: ignore[union-attr]
def test_config_is_accepted_after_every_subcommand(command: str) -> None:
    parser = cli.build_parser()
    required = REQUIRED.get(command, [])
    if command in cli.OWN_SETTINGS_COMMANDS:  # the relay's --config names the relay's own settings file
        args = parser.parse_args(["--config", "desk.toml", command, "--config", "relay.toml"])
        assert (args.config, args.relay_config) == (Path("desk.toml"), Path("relay.toml"))
        return

    assert parser.parse_args([command, *required, "--config", "after.toml"]).config == Path("after.toml")
    assert parser.parse_args(["--config", "before.toml", command, *required]).config == Path("before.toml")
    assert parser.parse_args([command, *required]).config is None


def test_ship_uses_the_config_given_after_it_and_names_the_address_it_could_not_reach(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], one_try: None
) -> None:
    port = closed_port()
    config = write_config(tmp_path / "station.toml", f'[picqer]\nbase_url = "http://127.0.0.1:{port}/api/v1"\n')
    monkeypatch.setenv(secrets.ENV_VARS[secrets.PICQER], "picqer-key")
    monkeypatch.setenv(secrets.ENV_VARS[secrets.MYPARCEL], "myparcel-key")

    assert cli.main(["ship", PICKLIST, "--json", "--config", str(config)]) == 1
    result = json.loads(capsys.readouterr().out)
    assert result["ok"] is False
    assert f"http://127.0.0.1:{port}/api/v1/picklists" in result["error"]


def test_a_missing_api_key_names_its_environment_variable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], one_try: None
) -> None:
    config = write_config(
        tmp_path / "station.toml", f'[picqer]\nbase_url = "http://127.0.0.1:{closed_port()}/api/v1"\n'
    )

    assert cli.main(["ship", PICKLIST, "--config", str(config)]) == 1
    err = capsys.readouterr().err
    assert "no API key" in err and "PACKSTATION_PICQER_API_KEY" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["journal", "--json"],
        ["printers", "--json"],
        ["label2zpl", "missing.pdf"],
        ["zpl2png", "missing.zpl", "-o", "out.png"],
        ["demo-server", "--picklists", "-1"],  # refused at once, after the settings were read
        ["ship", PICKLIST],
        ["--demo", "--self-test"],
    ],
    ids=lambda argv: argv[0].lstrip("-"),
)
def test_every_command_names_a_misspelt_setting(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str], one_try: None
) -> None:
    config = write_config(tmp_path / "station.toml", f'[picqer]\nbaseurl = "http://127.0.0.1:{closed_port()}"\n')

    cli.main(["--config", str(config), *argv])
    err = capsys.readouterr().err
    assert "Unknown setting “picqer.baseurl” is ignored. Did you mean “picqer.base_url”?" in err  # as the window
    assert str(config) in err


def test_journal_honours_demo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(app.DATA_DIR_ENV, "")  # not set: the platform's data folder, and demo/ inside it
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    demo = tmp_path / "xdg" / "packstation" / "demo"
    journal = SqliteJournal(demo / "journal.sqlite3", demo / "labels", "demo")
    asyncio.run(journal.begin(1, "P-DEMO", {}))
    journal.close()

    for argv in (["--demo", "journal", "--json"], ["journal", "--demo", "--json"]):
        monkeypatch.setenv(app.DATA_DIR_ENV, "")
        assert cli.main(argv) == 0
        result = json.loads(capsys.readouterr().out)
        assert result["journal"] == str(demo / "journal.sqlite3")
        assert [e["picklist_number"] for e in result["entries"]] == ["P-DEMO"]

    monkeypatch.setenv(app.DATA_DIR_ENV, "")
    assert cli.main(["journal", "--json"]) == 0  # the station's own journal: a new station, nothing shipped
    assert json.loads(capsys.readouterr().out)["entries"] == []


def test_ship_refuses_a_doubtful_address_until_confirmed_and_the_journal_keeps_the_confirmation(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # P2024-00003 of the demo data lives at 'Winklaarlaan 1-3': a range of numbers, or number 1 addition 3.
    ship = ["--demo", "ship", "P2024-00003", "--profile", "PostNL standaard", "--json"]

    assert cli.main(ship) == 1
    captured = capsys.readouterr()
    refused = json.loads(captured.out)
    assert refused["ok"] is False and "--confirm-address" in refused["error"]
    assert refused["address"] == {"street": "Winklaarlaan", "number": "1", "number_suffix": "3", "box_number": ""}
    assert "'Winklaarlaan 1-3' is read as street 'Winklaarlaan', number '1', addition '3'" in refused["error"]

    assert cli.main([*ship, "--confirm-address"]) == 0
    captured = capsys.readouterr()
    booked = json.loads(captured.out)
    assert booked["ok"] is True and booked["address_confirmed"] is True and booked["barcodes"]
    assert "address confirmed: 'Winklaarlaan 1-3' is read as street 'Winklaarlaan'" in captured.err

    assert cli.main(["journal", "--json"]) == 0
    (entry,) = json.loads(capsys.readouterr().out)["entries"]
    assert entry["picklist_number"] == "P2024-00003" and entry["finished"] is True
    assert entry["data"]["address_confirmed"] is True
    assert entry["data"]["address"]["number_suffix"] == "3"
    assert cli.main(["journal"]) == 0
    assert "address:  confirmed as read (Winklaarlaan 1 3)" in capsys.readouterr().out


def test_testing_an_account_without_a_key_names_its_variable_and_sends_nothing() -> None:
    from packstation.domain.errors import MissingApiKey

    address = f"http://127.0.0.1:{closed_port()}/api/v1"  # nothing listens: a request would fail differently
    with pytest.raises(MissingApiKey) as picqer:
        asyncio.run(app.check_picqer_account(address, ""))
    assert picqer.value.variable == "PACKSTATION_PICQER_API_KEY"
    with pytest.raises(MissingApiKey) as myparcel:
        asyncio.run(app.check_myparcel_account("myparcel", address, ""))
    assert myparcel.value.variable == "PACKSTATION_MYPARCEL_API_KEY"


def test_ship_says_in_the_windows_words_which_printer_failed_and_what_to_do_next(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from packstation.printing import queue

    # The demo's virtual label printer writes into data/prints: a file there makes every print fail as a
    # printer that cannot be reached does. The queue tries again at once instead of after 1 and 3 seconds.
    data_dir.mkdir(parents=True)
    (data_dir / "prints").write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr(queue, "PrintQueues", functools.partial(queue.PrintQueues, backoff=(0.01,)))

    assert cli.main(["--demo", "ship", PICKLIST, "--profile", "PostNL standaard", "--json"]) == 1
    captured = capsys.readouterr()
    words = (
        "Label printer cannot be reached. Switch it on and check its cable or network. "
        "Then run the command again: it goes on where it stopped."
    )
    assert json.loads(captured.out) == {"ok": False, "step": "print", "error": words}
    assert f"packstation ship: {words}\n" in captured.err
    assert "PrinterNotFound" not in captured.err
