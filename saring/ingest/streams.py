"""Input byte streams that stay bounded and fail loudly.

A gzip file is inflated as it is read, never whole; a truncated or corrupt member becomes a coded
`corrupt_input` error that says how far reading got, instead of an EOFError traceback or a silent
stop, and a decompression bomb is stopped within its first 16 MiB. UTF-16/UTF-32 files with a
byte-order mark are recoded to UTF-8 as they are read, so the line-based readers work on them.
`bounded_lines` reads lines of at most `limit` bytes and drops the rest of a longer line while
counting it: a 1 GiB line never sits in memory.
"""

from __future__ import annotations

import codecs
import gzip
import io
import zlib
from collections.abc import Iterator
from typing import BinaryIO, cast

from saring.errors import SaringError
from saring.messages import Msg, msg

_CHUNK = 1 << 20  # bytes per read while skipping the rest of an over-long line
_EXCERPT = 200  # bytes of an over-long line kept for the rejection message
MAX_INFLATION = 200  # gzip data inflating more than this many times its size is a bomb (see _GuardedGzip)
_BOMB_WINDOW = 16 << 20


class LongLine(bytes):
    """The first bytes of a line over the limit; `size` is the whole line's length (the rest was dropped)."""

    size: int


class _Counted:
    """The compressed side of a gzip stream, counted (a pipe has no `tell`)."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.n = 0

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.n += len(data)
        return data


class _GuardedGzip(io.RawIOBase):
    """gzip inflated on demand; damage is `corrupt_input` and a bomb `too_large`, then the stream ends.

    A bomb is told by its ratio: MAX_INFLATION times the compressed bytes within a window of
    `_BOMB_WINDOW` inflated bytes (zeros inflate ~1000-fold, news text 3- to 10-fold), so it is stopped
    after at most one window whatever it would inflate to.
    """

    def __init__(self, raw: BinaryIO) -> None:
        self._compressed = _Counted(raw)
        self._gzip = gzip.GzipFile(fileobj=cast(BinaryIO, self._compressed), mode="rb")
        self._inflated = 0
        self._window = (0, 0)  # (inflated, compressed) where the current window started
        self._failed = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._failed:  # the error was reported once; what follows is unreadable
            return 0
        try:
            n = self._gzip.readinto(buffer)
        except EOFError as exc:
            raise self._error("corrupt_input", msg("errors.detail.gzip_truncated")) from exc
        except (OSError, zlib.error) as exc:  # gzip.BadGzipFile is an OSError
            raise self._error("corrupt_input", msg("errors.detail.gzip_corrupt", reason=str(exc))) from exc
        self._inflated += n
        if self._inflated - self._window[0] >= _BOMB_WINDOW:
            self._check_ratio()
        return n

    def _check_ratio(self) -> None:
        inflated = self._inflated - self._window[0]
        compressed = max(1, self._compressed.n - self._window[1])
        if inflated > MAX_INFLATION * compressed:
            raise self._error("too_large", msg("errors.detail.gzip_bomb", ratio=MAX_INFLATION),
                              hint=msg("errors.hint.gzip_ratio", ratio=MAX_INFLATION))
        self._window = (self._inflated, self._compressed.n)

    def _error(self, name: str, what: Msg, hint: Msg | None = None) -> SaringError:
        self._failed = True
        detail = msg("errors.detail.gzip_at", what=what, inflated=self._inflated, offset=self._compressed.n)
        return SaringError(name, detail, hint=hint)

    def close(self) -> None:
        self._gzip.close()
        self._compressed.raw.close()
        super().close()


class _Recoder(io.RawIOBase):
    """Text in another Unicode encoding (UTF-16/32 with a BOM) read out as UTF-8 bytes, chunk by chunk."""

    def __init__(self, raw: BinaryIO, codec: str) -> None:
        self._raw = raw
        self._decoder = codecs.getincrementaldecoder(codec)()
        self._codec = codec
        self._pending = b""
        self._done = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._pending and not self._done:
            chunk = self._raw.read(_CHUNK)
            self._done = not chunk
            try:
                text = self._decoder.decode(chunk, final=self._done)
            except UnicodeDecodeError as exc:
                detail = msg("errors.detail.not_valid_encoding", label=msg("errors.label.the_file"),
                             encoding=self._codec, reason=exc.reason)
                raise SaringError("undecodable", detail) from exc
            self._pending = text.encode("utf-8", "surrogatepass")
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n

    def close(self) -> None:
        self._raw.close()
        super().close()


def open_gzip(raw: BinaryIO) -> io.BufferedReader:
    return io.BufferedReader(_GuardedGzip(raw))


def recode_to_utf8(stream: io.BufferedReader, codec: str) -> io.BufferedReader:
    return io.BufferedReader(_Recoder(stream, codec))


def bounded_lines(stream: BinaryIO | io.BufferedIOBase, limit: int) -> Iterator[bytes]:
    """Lines with their newline; a line over `limit` bytes comes as a `LongLine` holding only its start."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while True:
            rest = stream.readline(_CHUNK)
            size += len(rest)
            if not rest or rest.endswith(b"\n"):
                break
        long_line = LongLine(line[:_EXCERPT])
        long_line.size = size
        yield long_line


def read_bounded(
    stream: BinaryIO | io.BufferedIOBase, limit: int, label: str | Msg, known_size: int | None = None
) -> bytes:
    """All of `stream` if it holds at most `limit` bytes; else `too_large` without reading on.

    The real size is named when it is known without reading on (a plain file's size); a compressed
    file or stdin is not inflated or drained past the limit just to count it.
    """
    data = stream.read(limit + 1)
    if len(data) <= limit:
        return data
    if known_size is not None:
        detail = msg("errors.detail.bytes_over_limit", label=label, n=known_size, limit=limit)
        raise SaringError("too_large", detail)
    raise SaringError("too_large", msg("errors.detail.more_bytes_than_limit", label=label, limit=limit))
