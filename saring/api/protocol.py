"""uvicorn's HTTP/1.1 protocol (h11) with a deadline on the request head: slow-header clients are cut off.

uvicorn bounds an idle keep-alive connection (5 s) but not a request whose line and headers never finish:
a client that sends `POST / HTTP/1.1\\r\\nHost: x\\r\\n` and stalls holds its connection (and a file
descriptor) forever, and enough of them exhaust the server (slowloris). Here the head must be complete
within `SARING_API_HEADER_TIMEOUT_MS` of the connection, or of the previous response on a kept-alive
one; otherwise the connection is closed. Once the head is in, the body deadline (`security.BodyLimit`)
and the work's time limit take over.
"""

from __future__ import annotations

import asyncio
from functools import cache

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol


@cache
def head_timeout_s() -> float:
    """From the settings of this worker process (`saring serve` passes its flags as SARING_API_*)."""
    from saring.api.settings import api_settings_from_env

    return api_settings_from_env().header_timeout_ms / 1000


class HeadTimeoutH11(H11Protocol):
    """`H11Protocol` that closes a connection whose request head is not complete in time."""

    _head_clock: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._restart_head_clock()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._restart_head_clock()

    def connection_lost(self, exc: Exception | None) -> None:
        if self._head_clock is not None:
            self._head_clock.cancel()
        super().connection_lost(exc)

    def _restart_head_clock(self) -> None:
        if self._head_clock is not None:
            self._head_clock.cancel()
        self._head_clock = self.loop.call_later(head_timeout_s(), self._head_overdue)

    def _head_overdue(self) -> None:
        """No request has started since the clock was set (h11 still waits for a head), or the client
        still sends a body that nobody reads (answered without it, e.g. a 404): hang up."""
        waiting = self.conn.their_state is h11.IDLE
        unread = self.conn.our_state is h11.DONE and self.conn.their_state is h11.SEND_BODY
        if (waiting or unread) and not self.transport.is_closing():
            self.transport.close()
