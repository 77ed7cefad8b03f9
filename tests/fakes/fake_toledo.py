"""A Toledo 8217 bench scale behind a loopback TCP port, reached with pyserial's socket:// URL.

It answers the demand protocol as the scale does: 'W' -> <STX>weight<CR> or <STX>?<status><CR> (motion,
over capacity, under zero), 'Z' -> zeroes when stable and answers with a status record. `silent` makes it
stop answering (switched off) without closing the connection.
"""

from __future__ import annotations

import socket
import socketserver
import threading
from dataclasses import dataclass, field

MOTION, OUT_OF_RANGE, UNDER_ZERO, CENTER_OF_ZERO = 0x01, 0x02, 0x04, 0x10
ALWAYS_SET = 0x60  # bits 5 and 6 of every status byte


@dataclass
class ToledoState:
    kilograms: float = 0.0
    motion: bool = False
    over_capacity: bool = False
    silent: bool = False
    zero_offset: float = 0.0
    commands: list[bytes] = field(default_factory=list)

    @property
    def net(self) -> float:
        return round(self.kilograms - self.zero_offset, 3)

    def status_byte(self) -> int:
        byte = ALWAYS_SET
        if self.motion:
            byte |= MOTION
        if self.over_capacity:
            byte |= OUT_OF_RANGE
        if self.net < 0:
            byte |= UNDER_ZERO
        if self.net == 0:
            byte |= CENTER_OF_ZERO
        return byte

    def answer(self, command: bytes) -> bytes | None:
        self.commands.append(command)
        if self.silent:
            return None
        if command == b"W":
            if self.motion or self.over_capacity or self.net < 0:
                return b"\x02?" + bytes([self.status_byte()]) + b"\r"
            return b"\x02" + f"{self.net:06.3f}".encode() + b"\r"
        if command == b"Z":
            if not self.motion and not self.over_capacity:
                self.zero_offset = self.kilograms
            return b"\x02?" + bytes([self.status_byte()]) + b"\r"
        return b"\x02?" + bytes([self.status_byte()]) + b"\r"


class FakeToledo:
    """Serves one ToledoState on 127.0.0.1; `url` is what ToledoScale takes as its port."""

    def __init__(self) -> None:
        self.state = ToledoState()
        state = self.state

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                connection: socket.socket = self.request
                while True:
                    try:
                        data = connection.recv(64)
                    except OSError:
                        return
                    if not data:
                        return
                    for command in data:
                        reply = state.answer(bytes([command]))
                        if reply is not None:
                            connection.sendall(reply)

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.socket.getsockname()[:2]  # (str, int) for TCP; server_address is typed wider
        return f"socket://{host}:{port}"

    def __enter__(self) -> FakeToledo:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
