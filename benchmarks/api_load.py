"""Load test of `POST /v1/check`: N concurrent keep-alive clients against `saring serve --workers W`.

    python benchmarks/api_load.py                      # 50 clients, 2 workers, ≤ 3000 requests, ≤ 60 s
    python benchmarks/api_load.py --clients 1 --requests 200     # service time without queueing

Loopback only: the script starts its own server on 127.0.0.1 on a free port and stops it at the end;
the run is bounded by --requests and --seconds. Each request is a different real article (the 2019
news corpus in ../shared/data; the two seeds when it is absent), so nothing can be served from a
cache. Clients are closed-loop (send, wait for the answer, send the next), as wrk/ab do, so with C
clients latency ≈ C / throughput (Little's law). The client is a few lines of raw HTTP/1.1 on
asyncio, to take as little of the shared CPU as possible; it still runs on the same cores.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from pathlib import Path

from _common import CORPUS_2019, ROOT, corpus_records, header

SEEDS = ROOT.parent / "shared" / "seeds"


def load_bodies(n: int, seed: int) -> list[bytes]:
    """JSON bodies of real Indonesian articles (title + text), shuffled with a fixed seed."""
    if CORPUS_2019.exists():
        records = [r for r in corpus_records(limit=n * 3) if len(str(r.get("text", ""))) > 400]
        random.Random(seed).shuffle(records)
        articles = [{"title": str(r["title"]), "text": str(r["text"])} for r in records[:n]]
    else:
        print(f"note: {CORPUS_2019} absent; using the two seed texts")
        articles = [{"text": p.read_text(encoding="utf-8")} for p in sorted(SEEDS.glob("*.txt"))]
    if not articles:
        sys.exit("benchmark skipped: no article texts (../shared beside the project)")
    return [json.dumps(a, ensure_ascii=False).encode("utf-8") for a in articles]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(port: int, workers: int, db: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SARING_API_")}
    cmd = [
        sys.executable,
        "-m",
        "saring",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--db",
        str(db),
        "--log-level",
        "warning",
    ]
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"server exited with {proc.returncode}")
        try:
            direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback, never a proxy
            direct.open(f"http://127.0.0.1:{port}/health", timeout=2).close()
            return proc
        except OSError:
            time.sleep(0.3)
    proc.kill()
    sys.exit("server did not start within 120 s")


async def post(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, port: int, body: bytes) -> int:
    """One keep-alive POST /v1/check; returns the status after reading the whole response."""
    head = (
        f"POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode()
    writer.write(head + body)
    await writer.drain()
    status = int((await reader.readline()).split()[1])
    length = 0
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode("latin-1").partition(":")
        if name.lower() == "content-length":
            length = int(value)
    await reader.readexactly(length)
    return status


async def run_clients(
    port: int, bodies: list[bytes], clients: int, max_requests: int, seconds: float
) -> tuple[list[float], Counter[int], float]:
    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    issued = 0
    deadline = time.perf_counter() + seconds

    async def client() -> None:
        nonlocal issued
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while issued < max_requests and time.perf_counter() < deadline:
                body = bodies[issued % len(bodies)]
                issued += 1
                start = time.perf_counter()
                statuses[await post(reader, writer, port, body)] += 1
                latencies.append((time.perf_counter() - start) * 1000)
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    return latencies, statuses, time.perf_counter() - started


def server_pids(pid: int) -> list[int]:
    """The server process and its worker processes (Linux /proc)."""
    pids = [pid]
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            pids += [int(c) for c in (task / "children").read_text().split()]
    except OSError:
        pass
    return pids


def server_cpu_s(pid: int) -> float:
    """User + system CPU seconds used so far by the server processes (utime + stime in /proc/PID/stat)."""
    total = 0
    for p in server_pids(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            continue
    return total / os.sysconf("SC_CLK_TCK")


def server_rss_mb(pid: int) -> float:
    """Peak RSS (VmHWM) of the server and its worker processes."""
    total = 0.0
    for p in server_pids(pid):
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total += int(line.split()[1]) / 1024
        except OSError:
            continue
    return total


def report(latencies: list[float], statuses: Counter[int], wall: float, clients: int, workers: int) -> None:
    qs = statistics.quantiles(latencies, n=100, method="inclusive")
    print(f"clients {clients}, workers {workers}, requests {len(latencies)} in {wall:.1f} s")
    print(f"throughput {len(latencies) / wall:.1f} req/s")
    print(
        f"latency p50 {qs[49]:.1f} ms  p95 {qs[94]:.1f} ms  p99 {qs[98]:.1f} ms  max {max(latencies):.1f} ms"
    )
    print(f"statuses {dict(sorted(statuses.items()))}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--requests", type=int, default=3000, help="stop after this many requests")
    parser.add_argument("--seconds", type=float, default=60.0, help="stop after this many seconds")
    parser.add_argument("--warmup", type=int, default=100, help="requests sent (and not counted) first")
    parser.add_argument("--texts", type=int, default=500, help="distinct articles to cycle through")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    header("POST /v1/check load test (loopback)")
    print(f"cpus {os.cpu_count()}, load average {os.getloadavg()[0]:.2f} before start")
    bodies = load_bodies(args.texts, args.seed)
    sizes = sorted(len(b) for b in bodies)
    print(f"{len(bodies)} distinct articles, body bytes median {sizes[len(sizes) // 2]}, max {sizes[-1]}")
    port = free_port()
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        server = start_server(port, args.workers, Path(tmp) / "bench.db")
        try:
            asyncio.run(
                run_clients(port, bodies[::-1], min(args.clients, args.warmup), args.warmup, args.seconds)
            )
            cpu_before = server_cpu_s(server.pid)
            latencies, statuses, wall = asyncio.run(
                run_clients(port, bodies, args.clients, args.requests, args.seconds)
            )
            cpu_ms = (server_cpu_s(server.pid) - cpu_before) * 1000 / max(1, len(latencies))
            report(latencies, statuses, wall, args.clients, args.workers)
            print(f"server CPU {cpu_ms:.1f} ms per request (all workers; the cost, whatever else runs)")
            print(f"load average {os.getloadavg()[0]:.2f} after the run (other processes share the cores)")
            print(f"server peak RSS (all processes) {server_rss_mb(server.pid):.0f} MB")
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
