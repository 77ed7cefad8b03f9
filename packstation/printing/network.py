"""Zebra printers on the network: raw TCP port 9100 takes ZPL and answers ~HS like USB does."""

from __future__ import annotations

import asyncio
import logging
import socket
import time

from packstation.domain.errors import PrinterDisconnected, PrinterNotFound
from packstation.printing.transport import ETX, HOST_STATUS_QUERY, OFFLINE, PrinterStatus, parse_host_status

log = logging.getLogger(__name__)

RAW_PORT = 9100


def parse_address(address: str) -> tuple[str, int]:
    """Return (host, port) from "host", "host:port" or "[v6]:port"."""
    address = address.strip()
    if not address:
        raise ValueError("The printer's network address is empty.")
    if address.startswith("["):
        host, _, rest = address[1:].partition("]")
        port = rest.lstrip(":")
        return host, int(port) if port else RAW_PORT
    if address.count(":") == 1:
        host, port = address.split(":")
        return host, int(port)
    return address, RAW_PORT


class NetworkTransport:
    """A printer at host:9100."""

    def __init__(
        self,
        address: str,
        *,
        name: str = "",
        connect_timeout: float = 3.0,
        write_timeout: float = 20.0,
        status_timeout: float = 1.5,
    ) -> None:
        self.host, self.port = parse_address(address)
        self._name = name or f"{self.host}:{self.port}"
        self.connect_timeout = connect_timeout
        self.write_timeout = write_timeout
        self.status_timeout = status_timeout

    @property
    def name(self) -> str:
        return self._name

    def _connect(self) -> socket.socket:
        try:
            sock = socket.create_connection((self.host, self.port), timeout=self.connect_timeout)
        except TimeoutError as exc:
            raise PrinterNotFound(self.name, f"No answer from {self.host}:{self.port}. Is the printer on?") from exc
        except OSError as exc:
            raise PrinterNotFound(self.name, f"Cannot reach the printer at {self.host}:{self.port} ({exc}).") from exc
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock

    def _send(self, data: bytes) -> None:
        sock = self._connect()
        sent = 0
        try:
            sock.settimeout(self.write_timeout)
            view = memoryview(data)
            while sent < len(data):
                sent += sock.send(view[sent : sent + 65536])
            # Half-close and wait for the printer to close: the data has then left our buffers.
            sock.shutdown(socket.SHUT_WR)
            try:
                sock.recv(1024)
            except TimeoutError:
                pass
        except OSError as exc:
            raise PrinterDisconnected(
                self.name,
                f"The connection to the printer broke during printing ({sent} of {len(data)} bytes sent). "
                "The label is kept: check the printer and reprint.",
            ) from exc
        finally:
            sock.close()

    async def send(self, data: bytes, job_name: str) -> None:
        """Send the job over one TCP connection."""
        log.info("TCP %s: sending %s (%d bytes)", self.name, job_name, len(data))
        await asyncio.to_thread(self._send, data)

    def _status(self) -> PrinterStatus:
        try:
            sock = self._connect()
        except PrinterNotFound as exc:
            return PrinterStatus(ready=False, conditions=(OFFLINE,), detail=exc.message)
        answer = b""
        try:
            sock.sendall(HOST_STATUS_QUERY)
            deadline = time.monotonic() + self.status_timeout
            while answer.count(bytes([ETX])) < 3:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                sock.settimeout(left)
                chunk = sock.recv(1024)
                if not chunk:
                    break
                answer += chunk
        except TimeoutError:
            pass  # silence: parse_host_status reports it as not ready
        except OSError as exc:
            return PrinterStatus(ready=False, conditions=(OFFLINE,), detail=str(exc))
        finally:
            sock.close()
        return parse_host_status(answer)

    async def status(self) -> PrinterStatus:
        """Ask ~HS over TCP; no answer in time means not ready."""
        return await asyncio.to_thread(self._status)
