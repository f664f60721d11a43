"""Peak memory and time of `saring check` on the worst inputs under the default limits (issue 15).

Each input is built in a temporary folder (bombs are streamed out, never held whole) and checked by
its own `saring check --json` process, so each gets its own peak RSS (from `os.wait4`). The goals:
peak RSS <= 300 MB and <= 10 s per input, exit code 1 (one refused document) or 3 (a multi-record
file with skipped records), never a traceback. Usage: python benchmarks/hostile_inputs.py [--only NAME]
"""

from __future__ import annotations

import argparse
import codecs
import gzip
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path

from _common import ROOT, header

GIB = 1 << 30
MIB = 1 << 20
RSS_GOAL_MB = 300
SECONDS_GOAL = 10.0
_WORDS = ("harga beras naik kata menteri di Jakarta pada Senin warga pasar petani pemerintah "
          "bantuan sosial polisi menangkap pelaku penipuan daring").split()


def _gzip_stream(path: Path, head: bytes, fill: bytes, n_bytes: int, tail: bytes) -> None:
    """A gzip file of head + n_bytes of `fill` + tail, compressed chunk by chunk."""
    chunk = fill * (MIB // len(fill))
    with path.open("wb") as out, gzip.GzipFile(fileobj=out, mode="wb", compresslevel=6) as gz:
        gz.write(head)
        for _ in range(n_bytes // len(chunk)):
            gz.write(chunk)
        gz.write(tail)


def _words(n_chars: int, seed: int = 42) -> str:
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < n_chars:
        word = rng.choice(_WORDS)
        out.append(word)
        size += len(word) + 1
    return " ".join(out)[:n_chars]


def _ordinary_page(path: Path) -> None:
    path.write_bytes((ROOT / "tests" / "resources" / "news_page.html").read_bytes())


def _jsonl_bomb(path: Path) -> None:
    record = b'{"id": "ok", "text": "Harga beras naik di pasar tradisional menurut pedagang setempat."}\n'
    after = b'"}\n' + record.replace(b"ok", b"ok2")
    _gzip_stream(path, record + b'{"id": "bomb", "text": "', b"0", GIB, after)


def _text_bomb(path: Path) -> None:
    _gzip_stream(path, b"Judul Berita\n\n", b"\0", GIB, b"")


def _csv_bomb(path: Path) -> None:
    head = b"id,text\nr1,Harga beras naik di pasar menurut pedagang setempat.\nr2,"
    _gzip_stream(path, head, b"0", GIB, b"\n")


def _long_line(path: Path) -> None:
    path.write_text(_words(4_900_000))


def _long_record(path: Path) -> None:
    path.write_text(json.dumps({"id": "long", "text": _words(4_900_000)}) + "\n")


def _just_under_text_ceiling(path: Path) -> None:
    path.write_text(_words(199_000))  # the longest text analysed under the default ceiling


def _nested_divs(path: Path) -> None:
    path.write_text(f"<html><body>{'<div>' * 100_000}<p>{_words(500)}</p>{'</div>' * 100_000}</body></html>")


def _flat_html(path: Path) -> None:
    paragraphs = "".join(f"<p>{_words(60, seed=i)}</p>" for i in range(60_000))  # ~4.4 MB, 60k elements
    path.write_text(f"<!DOCTYPE html><html><head><title>Judul</title></head><body>{paragraphs}</body></html>")


def _utf16_text(path: Path) -> None:
    path.write_bytes(codecs.BOM_UTF16_LE + f"Judul Berita Panjang\n\n{_words(2_400_000)}".encode("utf-16-le"))


def _truncated_warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for i in range(30):
        body = f"<html><body><article><p>{_words(2000, seed=i)}</p></article></body></html>".encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://contoh.id/{i}", "response",
                                                      payload=io.BytesIO(body), http_headers=headers))
    data = buf.getvalue()
    path.write_bytes(data[: len(data) * 7 // 10])


def _corrupt_gzip(path: Path) -> None:
    data = gzip.compress("\n".join(json.dumps({"id": f"r{i}", "text": _words(600, seed=i)})
                                   for i in range(100)).encode())
    middle = len(data) // 2
    path.write_bytes(data[:middle] + zlib.compress(b"junk") + data[middle + 20:])


# name -> (file name, builder, extra flags)
INPUTS: dict[str, tuple[str, Callable[[Path], None], list[str]]] = {
    "baseline: an ordinary news page (tests/resources)": ("page.html", _ordinary_page, []),
    "jsonl.gz bomb (1 GiB of zeros in one line)": ("bomb.jsonl.gz", _jsonl_bomb, []),
    "text .gz bomb (1 GiB of NULs)": ("bomb.txt.gz", _text_bomb, []),
    "csv.gz bomb (1 GiB cell)": ("bomb.csv.gz", _csv_bomb, []),
    "4.9 MB single-line text": ("long.txt", _long_line, []),
    "4.9 MB single-line JSONL record": ("long.jsonl", _long_record, []),
    "199,000-char text (just under the ceiling)": ("ceiling.txt", _just_under_text_ceiling, []),
    "100k nested divs, resiliparse": ("deep.html", _nested_divs, ["--html-extractor", "resiliparse"]),
    "100k nested divs, trafilatura": ("deep.html", _nested_divs, []),
    "4.4 MB flat HTML (60k paragraphs), trafilatura": ("flat.html", _flat_html, []),
    "4.4 MB flat HTML (60k paragraphs), resiliparse": (
        "flat.html", _flat_html, ["--html-extractor", "resiliparse"]),
    "4.8 MB UTF-16 text with BOM": ("utf16.txt", _utf16_text, []),
    "truncated .warc.gz (30 records, cut at 70%)": ("cut.warc.gz", _truncated_warc, []),
    "corrupt .jsonl.gz (junk in the middle)": ("corrupt.jsonl.gz", _corrupt_gzip, []),
}


def run_one(path: Path, flags: list[str]) -> tuple[int, float, float, str]:
    """(exit code, seconds, peak RSS in MB, last stderr line, marked if a traceback) of `saring check`."""
    cmd = [sys.executable, "-m", "saring", "check", "--json", *flags, str(path)]
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err, \
            subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err) as proc:
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    lines = text.strip().splitlines()
    mark = "Traceback: " if "Traceback (most recent call last)" in text else ""
    last = mark + (lines[-1] if lines else "")
    return proc.returncode, seconds, usage.ru_maxrss / 1024, last


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", default=None, help="run the inputs whose name contains this text")
    args = parser.parse_args()
    header("benchmarks/hostile_inputs.py: saring check on hostile inputs, one process each")
    print(f"goals: peak RSS <= {RSS_GOAL_MB} MB, <= {SECONDS_GOAL:.0f} s, exit 1 or 3, no traceback")
    failures = 0
    with tempfile.TemporaryDirectory(prefix="saring-hostile-") as tmp:
        for name, (file_name, build, flags) in INPUTS.items():
            if args.only and args.only not in name:
                continue
            path = Path(tmp) / file_name
            if not path.exists():
                build(path)
            code, seconds, rss, last = run_one(path, flags)
            within = rss <= RSS_GOAL_MB and seconds <= SECONDS_GOAL
            ok = code in (0, 1, 3) and within and not last.startswith("Traceback")
            failures += not ok
            print(f"{'ok ' if ok else 'BAD'} {name:<50} exit {code}  {seconds:6.2f} s  peak RSS {rss:6.0f} MB"
                  f"  ({path.stat().st_size:,} bytes on disk)\n      {last[:150]}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
