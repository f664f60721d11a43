"""What one server process loads once and shares between requests, and how work is run under limits.

CPU-bound work (parsing, cleaning, signals, search) runs in worker threads so the event loop keeps
answering; at most `analysis_threads` run at once, and each request has `time_limit_ms`. Python
cannot stop a thread, so a request over its limit is answered 504 while its thread finishes in the
background; `max_pending` bounds how many such threads (running or queued) a process may hold, and
past it new work is refused with 503 instead of piling up.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from starlette.exceptions import HTTPException

from saring.api.errors import Refused
from saring.api.settings import ApiSettings
from saring.errors import SaringError
from saring.messages import msg

if TYPE_CHECKING:
    from saring.pipeline import Analyzer
    from saring.store import Store

T = TypeVar("T")
log = logging.getLogger(__name__)
_EXPECTED = (SaringError, Refused, HTTPException)  # coded answers; anything else is a bug


def served_store(settings: ApiSettings) -> str | None:
    """The store the server uses, found as `saring check` finds it; only a server taking writes creates it."""
    from saring.store import default_store_url, store_to_read

    if settings.no_db:
        return None
    if settings.write_token:
        return settings.db or default_store_url()
    return store_to_read(settings.db)


class Services:
    """The process-wide analyzer and store, plus the limits every request's work runs under."""

    def __init__(self, settings: ApiSettings, analyzer: Analyzer | None = None) -> None:
        self.settings = settings
        self.store_url = served_store(settings)
        self._store: Store | None = None
        self._store_lock = threading.Lock()  # one connection: one statement sequence at a time
        self._pending = threading.BoundedSemaphore(max(1, settings.max_pending))
        self._limiter: Any = None  # anyio.CapacityLimiter, made inside the event loop
        self._shared: dict[str, Any] = {}
        self._shared_lock = threading.Lock()
        self.analyzer = analyzer or self._default_analyzer()

    def _default_analyzer(self) -> Analyzer:
        """The analyzer `saring check --db` uses: fact-checks and provenance from this server's store.

        Its `look_up` reads the shared connection, so callers hold `store()` around it (see `analyse`).
        """
        from saring.api.components import available
        from saring.pipeline import Analyzer

        if self.store_url is None:
            return Analyzer()
        factchecks = self.factcheck_index()
        with self.store() as store:
            return Analyzer(factchecks=factchecks, store=store if available()["trace"] else None)

    def factcheck_index(self) -> Any:
        """The process's fact-check search (it caches claim vectors); None without saring.claims."""
        from saring.api.components import component

        try:
            index_class = component("claims_search")
        except SaringError:
            return None
        with self.store() as store:
            return self.shared("factcheck_index", lambda: index_class(store))

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """Run `fn(*args)` in a worker thread within the time limit (504) and the pending bound (503)."""
        import anyio

        if self._limiter is None:
            self._limiter = anyio.CapacityLimiter(max(1, self.settings.analysis_threads))
        if not self._pending.acquire(blocking=False):
            raise SaringError("unavailable", msg("api.busy"))
        ticket = _Ticket(self._pending)
        try:
            with anyio.fail_after(self.settings.time_limit_ms / 1000):
                return await anyio.to_thread.run_sync(
                    ticket.call, fn, *args, limiter=self._limiter, abandon_on_cancel=True
                )
        except TimeoutError:
            raise SaringError("timeout", msg("api.over_time", ms=self.settings.time_limit_ms)) from None
        finally:
            ticket.give_up()

    @contextmanager
    def store(self) -> Iterator[Store]:
        """The store (`served_store`), opened and migrated on first use; one thread at a time."""
        if self.store_url is None:
            raise SaringError("unavailable", msg("api.no_store"))
        with self._store_lock:
            if self._store is None:
                from saring.store import open_store

                opened = open_store(self.store_url)
                opened.migrate()
                self._store = opened
            yield self._store

    def shared(self, name: str, make: Callable[[], T]) -> T:
        """One object per process built on first use (e.g. a search index over the store)."""
        with self._shared_lock:
            if name not in self._shared:
                self._shared[name] = make()
            found: T = self._shared[name]
            return found

    def close(self) -> None:
        with self._store_lock:
            if self._store is not None:
                self._store.close()
                self._store = None
        self._shared.clear()


class _Ticket:
    """Holds one pending slot until the work has run, or until it is given up before it started."""

    def __init__(self, pending: threading.BoundedSemaphore) -> None:
        self._pending = pending
        self._lock = threading.Lock()
        self._state = "waiting"  # -> running -> done, or waiting -> given_up

    def call(self, fn: Callable[..., T], *args: Any) -> T:
        with self._lock:
            if self._state == "given_up":
                raise SaringError("timeout", msg("api.given_up"))
            self._state = "running"
        try:
            return fn(*args)
        except _EXPECTED:
            raise
        except Exception as exc:  # a bug: log it whole, answer a coded 500 that names no internals
            log.exception("unexpected error in %s", getattr(fn, "__name__", fn))
            raise SaringError("internal_error", type(exc).__name__) from exc
        finally:
            with self._lock:
                self._state = "done"
                self._pending.release()

    def give_up(self) -> None:
        """Called when the request ends: frees the slot now unless a thread is still using it."""
        with self._lock:
            if self._state == "waiting":
                self._state = "given_up"
                self._pending.release()
