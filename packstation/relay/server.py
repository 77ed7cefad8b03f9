"""Serving the relay with uvicorn: TLS 1.2 or newer with uvicorn's own certificate, several processes."""

from __future__ import annotations

import inspect
import json
import logging
import os
import ssl
import sys
from pathlib import Path
from typing import Any

import uvicorn

from packstation.relay import config as relay_config

# For --workers N: uvicorn starts fresh processes that import the app by name; they read their settings here.
SETTINGS_FILE_ENV = "PACKSTATION_RELAY_SETTINGS_FILE"
OVERRIDES_ENV = "PACKSTATION_RELAY_OVERRIDES"
LOG_LEVEL_ENV = "PACKSTATION_RELAY_LOG_LEVEL"


def configure_logging(level: str, secrets: tuple[str, ...]) -> None:
    """Log to stderr (systemd's journal) through a filter that removes every key and password."""
    from packstation.logs import RedactingFilter

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    logging.getLogger("httpx").setLevel(logging.WARNING)


class RelayUvicornConfig(uvicorn.Config):
    """uvicorn's Config with a TLS context that refuses anything older than TLS 1.2."""

    def load(self) -> None:
        super().load()
        if self.ssl is not None:
            # Seed 000 asks for TLS 1.1 or later; 1.0 and 1.1 are broken and refused by current clients anyway.
            self.ssl.minimum_version = ssl.TLSVersion.TLSv1_2


def load_settings(path: Path | None, overrides: dict[str, Any]) -> relay_config.RelayConfig:
    """Return the relay's settings from the file (or environment) with the command line's values over them."""
    return relay_config.load(path).with_overrides(**overrides)


def app_from_environment() -> Any:
    """uvicorn factory for worker processes: the settings named by the parent's environment."""
    from packstation.relay.composition import build_relay_app

    raw_path = os.environ.get(SETTINGS_FILE_ENV, "")
    overrides = json.loads(os.environ.get(OVERRIDES_ENV, "{}") or "{}")
    settings = load_settings(Path(raw_path) if raw_path else None, overrides)
    configure_logging(os.environ.get(LOG_LEVEL_ENV, "info"), settings.secrets)
    return build_relay_app(settings)


def serve(
    settings: relay_config.RelayConfig,
    *,
    settings_file: Path | None,
    overrides: dict[str, Any],
    host: str,
    port: int,
    ssl_certfile: str | None = None,
    ssl_keyfile: str | None = None,
    workers: int = 1,
    log_config: Any = None,
) -> None:
    """Serve until stopped (Ctrl-C or SIGTERM)."""
    common: dict[str, Any] = {
        "host": host,
        "port": port,
        "ssl_certfile": ssl_certfile,
        "ssl_keyfile": ssl_keyfile,
        "log_config": log_config,
        "proxy_headers": False,  # the relay trusts no forwarded client address; it only logs it
        "server_header": False,
        "timeout_graceful_shutdown": 35,
    }
    if workers > 1:
        os.environ[SETTINGS_FILE_ENV] = str(settings_file or "")
        os.environ[OVERRIDES_ENV] = json.dumps(overrides)
        os.environ[LOG_LEVEL_ENV] = logging.getLevelName(logging.getLogger().level).lower()
        config = RelayUvicornConfig(
            "packstation.relay.server:app_from_environment", factory=True, workers=workers, **common
        )
        from uvicorn.supervisors import Multiprocess

        socket = config.bind_socket()
        # uvicorn 0.36 dropped Multiprocess's `target` (each worker builds its own Server now); accept both.
        if "target" in inspect.signature(Multiprocess.__init__).parameters:
            Multiprocess(config, target=uvicorn.Server(config).run, sockets=[socket]).run()  # type: ignore[call-arg]  # older uvicorn
        else:
            Multiprocess(config, sockets=[socket]).run()
        return
    from packstation.relay.composition import build_relay_app

    uvicorn.Server(RelayUvicornConfig(build_relay_app(settings), **common)).run()
