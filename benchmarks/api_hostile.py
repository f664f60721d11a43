"""Worst-case requests against `saring serve`: answer, time and the server's peak RSS for each.

    python benchmarks/api_hostile.py                 # every case, each on a fresh one-worker server
    python benchmarks/api_hostile.py --case deep_json_200k --case many_keys

Loopback only (a server on a free 127.0.0.1 port, as benchmarks/api_load.py starts it). Each case gets
its own server so that its peak RSS (VmHWM) is its own; the warm server's RSS is printed beside it.
"answer" is the time to the response; "busy" is how long the server kept computing after it (an
over-time request is answered 504 while its thread finishes: Python cannot stop a thread).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from _common import header
from api_load import free_port, server_cpu_s, server_rss_mb, start_server

SENTENCE = "Pemerintah kota mengumumkan perbaikan jalan di kawasan pasar induk akan dimulai pekan depan. "
LIMIT = 2_000_000  # the default SARING_API_MAX_BODY_BYTES


def _json(data: object) -> tuple[bytes, bytes]:
    return b"application/json", json.dumps(data).encode()


def _upload(name: str, data: bytes) -> tuple[bytes, bytes]:
    boundary = "saringbench"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            f"Content-Type: text/html\r\n\r\n"
        ).encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return f"multipart/form-data; boundary={boundary}".encode(), body


CASES: dict[str, Callable[[], tuple[bytes, bytes]]] = {
    "deep_json_200k": lambda: (b"application/json", b"[" * 100_000 + b"]" * 100_000),
    "deep_json_2mb": lambda: (b"application/json", b"[" * (LIMIT // 2) + b"]" * (LIMIT // 2)),
    "many_keys": lambda: _json({f"k{i}": 1 for i in range(150_000)}),
    "lone_surrogates": lambda: _json({"text": "\ud800" * 300_000}),
    "long_text": lambda: _json({"text": SENTENCE * (LIMIT // len(SENTENCE) - 10)}),
    "longest_article": lambda: _json({"text": SENTENCE * (199_000 // len(SENTENCE))}),  # under 200,000 chars
    "nested_html_upload": lambda: _upload("page.html", b"<div>" * 100_000 + b"isi" + b"</div>" * 100_000),
    "no_content_type": lambda: (b"", json.dumps({"text": SENTENCE}).encode()),
    "declared_5mb": lambda: (b"application/json", b"x" * 5_000_000),
}


def send(port: int, content_type: bytes, body: bytes) -> tuple[int, str, float]:
    """POST /v1/check; the status, the error code (or 'report') and the seconds to the whole answer."""
    declared = b"Content-Type: " + content_type + b"\r\n" if content_type else b""
    head = b"POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + declared
    head += f"Content-Length: {len(body)}\r\n\r\n".encode()
    start = time.perf_counter()
    with socket.create_connection(("127.0.0.1", port), timeout=120) as sock:
        try:
            sock.sendall(head + body)
        except OSError:  # answered and closed before the body was sent (e.g. 413 on the declared length)
            pass
        answer = b""
        while chunk := sock.recv(1 << 16):
            answer += chunk
    seconds = time.perf_counter() - start
    status_line, _, rest = answer.partition(b"\r\n")
    payload = rest.partition(b"\r\n\r\n")[2]
    try:
        code = json.loads(payload).get("code", "report")
    except ValueError:
        code = "?"
    return int(status_line.split()[1]), code, seconds


def busy_for(pid: int, limit: float = 120.0) -> float:
    """Seconds until the server's CPU time stops growing (checked every 0.5 s)."""
    start, last = time.perf_counter(), server_cpu_s(pid)
    while time.perf_counter() - start < limit:
        time.sleep(0.5)
        now = server_cpu_s(pid)
        if now - last < 0.02:
            return time.perf_counter() - start - 0.5
        last = now
    return limit


def run_case(name: str, folder: Path) -> None:
    from saring.store import open_store

    db = folder / f"{name}.db"
    with open_store(str(db)) as store:  # the server reads a store that exists
        store.migrate()
    port = free_port()
    server = start_server(port, 1, db)
    try:
        warm = server_rss_mb(server.pid)
        content_type, body = CASES[name]()
        status, code, seconds = send(port, content_type, body)
        busy = busy_for(server.pid)
        print(
            f"{name:<20} {len(body):>9,} B  {status} {code:<9} answer {seconds:6.2f} s  busy {busy:5.1f} s  "
            f"peak RSS {server_rss_mb(server.pid):5.0f} MB (warm {warm:.0f} MB)"
        )
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--case", action="append", choices=sorted(CASES), help="run only these (repeatable)")
    args = parser.parse_args()
    header("worst-case requests to POST /v1/check (loopback, one worker per case)")
    print(f"cpus {os.cpu_count()}, load average {os.getloadavg()[0]:.2f} before start")
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.case or list(CASES):
            run_case(name, Path(tmp))
    print(f"load average {os.getloadavg()[0]:.2f} after the run (other processes share the cores)")


if __name__ == "__main__":
    main()
