"""Hostile and damaged inputs to every reader (issue 15): nothing is lost silently, nothing raises,
memory and time stay bounded. Regression cases first, then Hypothesis over arbitrary bytes."""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import random
import re
import time
import tracemalloc
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from saring.article import Article, Rejected
from saring.ingest import read_inputs, read_path
from saring.ingest.html import MAX_HTML_DEPTH, nesting_depth, parse_html
from saring.settings import FieldMap, IngestOptions
from tests.conftest import RESOURCES

OPTS = IngestOptions()
# Real-looking records whose texts hold what breaks naive CSV handling: quotes, commas, newlines.
TEXTS = [
    ('Menteri mengatakan, "harga beras turun," kata dia di Jakarta, Senin (12/2).\n\nWarga, pedagang, dan '
     'petani menyambut "kabar baik" itu; namun sebagian masih ragu.'),
    "Polisi menangkap dua orang; barang bukti berupa \"uang palsu\" senilai Rp 10 juta, kata Kapolres.",
    'Pesan berantai: "Jangan minum air dingin setelah makan", padahal dokter membantahnya, kata IDI.',
]


def _read(path: Path, options: IngestOptions = OPTS) -> list[Article | Rejected]:
    return list(read_path(str(path), options))


def _warc(n: int, gz: bool = True) -> bytes:
    """A WARC of `n` HTML responses; gzipped, each record is its own member (as crawlers write them)."""
    warcio = pytest.importorskip("warcio.warcwriter")
    from warcio.statusandheaders import StatusAndHeaders

    buf = io.BytesIO()
    writer = warcio.WARCWriter(buf, gzip=gz)
    for i in range(n):
        body = (f"<html><head><title>Berita Nomor {i}</title></head><body><article><p>Isi berita nomor {i} "
                "yang cukup panjang untuk dibaca warga kota.</p><p>Paragraf kedua memuat keterangan pejabat "
                "setempat tentang kejadian itu.</p></article></body></html>").encode()
        content_type = [("Content-Type", "text/html; charset=utf-8")]
        headers = StatusAndHeaders("200 OK", content_type, protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://contoh.id/{i}", "response",
                                                      payload=io.BytesIO(body), http_headers=headers))
    return buf.getvalue()


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_hostile_csv_written_by_python_loses_no_row(tmp_path: Path, delimiter: str) -> None:
    """Issue 15: three rows written by csv.writer came back as one (sniffed doublequote=False)."""
    path = tmp_path / "records.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(["id", "title", "text"])
        writer.writerows([f"r{i}", f"Judul Berita Nomor {i}", text] for i, text in enumerate(TEXTS))
    results = _read(path)
    assert [type(r) for r in results] == [Article] * 3
    assert [r.raw_text for r in results if isinstance(r, Article)] == TEXTS
    assert [r.source.line for r in results if r.source] == [2, 5, 6]  # the first text spans three lines


def test_hostile_csv_bad_line_is_counted_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"id,text\nr1,Isi berita pertama yang cukup panjang.\nr2," + b"x" * 3000
                     + b"\nr3,Isi berita ketiga yang cukup panjang.\n")
    results = _read(path, IngestOptions(max_bytes=1000))
    assert [getattr(r, "id", None) for r in results] == ["r1", None, "r3"]
    bad = results[1]
    assert isinstance(bad, Rejected) and bad.code == "SAR-E005" and "line 3 is 3,004 bytes" in bad.reason


def test_hostile_truncated_warc_gz_reports_the_lost_record(tmp_path: Path) -> None:
    """Issue 15: a truncated .warc.gz gave 4 of its 6 records with exit 0 and no word of the loss."""
    data = _warc(6)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: int(len(data) * 0.7)])
    results = _read(path)
    articles = [r for r in results if isinstance(r, Article)]
    lost = [r for r in results if isinstance(r, Rejected)]
    assert len(articles) == 4 and len(lost) == 1
    assert lost[0].code == "SAR-E025" and "byte offset" in lost[0].reason and "truncated" in lost[0].reason


def _record_ends(data: bytes, gz: bool) -> list[int]:
    """Where each record ends: its gzip member's end, or the next record's start less CRLF CRLF."""
    if not gz:
        starts = [m.start() for m in re.finditer(rb"WARC/1\.[01]\r\n", data)][1:] + [len(data)]
        return [s - 4 for s in starts]
    ends, pos = [], 0
    while pos < len(data):
        inflater = zlib.decompressobj(31)
        inflater.decompress(data[pos:])
        pos = len(data) - len(inflater.unused_data)
        ends.append(pos)
    return ends


def _text_complete(data: bytes, ends: list[int]) -> list[int]:
    """Where each gzip member's whole content can be inflated: a cut in its trailer, or in the last
    deflate bytes after the text, loses no text (how many bytes that is varies with the random record ids)."""
    done, start = [], 0
    for end in ends:
        member = data[start:end]
        full = zlib.decompressobj(31).decompress(member)
        done.append(start + next(k for k in range(len(member) + 1)
                                 if zlib.decompressobj(31).decompress(member[:k]) == full))
        start = end
    return done


@pytest.mark.parametrize("gz", [True, False])
def test_hostile_warc_cut_anywhere_is_reported_unless_between_records(tmp_path: Path, gz: bool) -> None:
    """Cut a WARC at 150 seeded places: the complete records are read, and any cut inside a record
    is a coded rejection (fastwarc alone is silent when a gzip member is cut in its first bytes)."""
    data = _warc(4, gz)
    ends = _record_ends(data, gz)
    options = IngestOptions(html_extractor="resiliparse")
    readable_at = _text_complete(data, ends) if gz else ends
    rng = random.Random(15)
    for cut in sorted(rng.sample(range(1, len(data)), 150)) + ends:
        path = tmp_path / (f"cut{cut}.warc.gz" if gz else f"cut{cut}.warc")
        path.write_bytes(data[:cut])
        results = _read(path, options)
        complete = sum(done <= cut for done in readable_at)
        at_boundary = any(end <= cut <= end + (0 if gz else 4) for end in ends)
        assert sum(isinstance(r, Article) for r in results) == complete, cut
        assert any(isinstance(r, Rejected) and r.code == "SAR-E025" for r in results) != at_boundary, cut


@pytest.mark.parametrize("damage", ["not_warc", "garbage_inside"])
def test_hostile_corrupt_warc_is_coded_and_the_folder_goes_on(tmp_path: Path, damage: str) -> None:
    """Issue 15: `OSError: Invalid WARC header` ended the whole run; the other files must still be read."""
    data = _warc(3)
    garbage = data[:300] + b"\x00junk" * 40 + data[400:]
    bad = b"hello, this is no crawl\n" * 20 if damage == "not_warc" else garbage
    (tmp_path / "a_bad.warc.gz").write_bytes(bad)
    (tmp_path / "b_good.warc.gz").write_bytes(data)
    results = list(read_inputs([str(tmp_path)], OPTS))
    rejected = [r for r in results if isinstance(r, Rejected)]
    assert len([r for r in results if isinstance(r, Article)]) == 3
    assert len(rejected) == 1 and rejected[0].code == "SAR-E025"
    assert rejected[0].source.path.endswith("a_bad.warc.gz") and "unreadable" in rejected[0].reason


@pytest.mark.parametrize("cut", [0.5, 0.9])
def test_hostile_truncated_jsonl_gz_keeps_what_came_before(tmp_path: Path, cut: float) -> None:
    lines = [json.dumps({"id": f"j{i}", "text": f"Isi berita nomor {i} yang cukup panjang untuk dibaca."})
             for i in range(2000)]
    data = gzip.compress("\n".join(lines).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: int(len(data) * cut)])
    results = _read(path)
    *articles, last = results
    assert articles and all(isinstance(a, Article) for a in articles)
    assert [a.id for a in articles] == [f"j{i}" for i in range(len(articles))]
    assert isinstance(last, Rejected) and last.code == "SAR-E025"
    assert "truncated gzip data" in last.reason and "bytes inflated" in last.reason


def test_hostile_gzip_bomb_is_stopped_after_one_window(tmp_path: Path) -> None:
    """Issue 15: a .jsonl.gz inflating to 1 GiB of zeros peaked at 2.2 GB before being refused.
    Here 64 MiB of zeros (64 KB compressed): inflation stops within the first 16 MiB window."""
    from saring.ingest.streams import MAX_INFLATION

    bomb = io.BytesIO()
    with gzip.GzipFile(fileobj=bomb, mode="wb", compresslevel=1) as gz:
        gz.write(b'{"id": "j0", "text": "Isi berita pertama yang cukup panjang untuk dibaca."}\n{"text": "')
        for _ in range(64):
            gz.write(b"0" * (1 << 20))
        gz.write(b'"}\n{"id": "j2", "text": "Isi berita ketiga yang cukup panjang untuk dibaca."}\n')
    path = tmp_path / "bomb.jsonl.gz"
    path.write_bytes(bomb.getvalue())
    tracemalloc.start()
    results = _read(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [getattr(r, "id", None) for r in results] == ["j0", None]
    bad = results[1]
    assert isinstance(bad, Rejected) and bad.code == "SAR-E005" and bad.source.line == 2
    assert f"inflating over {MAX_INFLATION}-fold" in bad.reason
    inflated = int(bad.reason.split(" bytes inflated")[0].rsplit(" ", 1)[1].replace(",", ""))
    assert inflated < 20 << 20
    assert peak < 12_000_000, f"peak {peak:,} bytes"


def test_hostile_long_line_in_gzip_is_skipped_and_reading_goes_on(tmp_path: Path) -> None:
    """A line over the limit that is no bomb is read through in bounded memory, counted with its real size."""
    rng = random.Random(7)
    noise = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz ") for _ in range(3_000_000))
    lines = [{"id": "j0", "text": "Isi berita pertama yang cukup panjang."}, {"id": "j1", "text": noise},
             {"id": "j2", "text": "Isi berita ketiga yang cukup panjang."}]
    path = tmp_path / "long.jsonl.gz"
    path.write_bytes(gzip.compress("".join(json.dumps(r) + "\n" for r in lines).encode(), compresslevel=1))
    tracemalloc.start()
    results = _read(path, IngestOptions(max_bytes=1_000_000))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [getattr(r, "id", None) for r in results] == ["j0", None, "j2"]
    size = len(json.dumps(lines[1])) + 1  # with its newline
    assert isinstance(results[1], Rejected)
    assert f"line 2 is {size:,} bytes, limit 1,000,000" in results[1].reason
    assert peak < 8_000_000, f"peak {peak:,} bytes"


def test_hostile_compressed_single_text_is_not_inflated_past_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"Judul\n\n" + b"a" * (32 << 20)))
    tracemalloc.start()
    (result,) = _read(path, IngestOptions(max_bytes=1_000_000))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert isinstance(result, Rejected) and result.code == "SAR-E005"
    assert "is more than 1,000,000 bytes" in result.reason
    assert peak < 6_000_000, f"peak {peak:,} bytes"


def test_hostile_size_message_names_the_real_size(tmp_path: Path) -> None:
    """Issue 15: the message said '5,000,001 bytes' whatever the real size."""
    path = tmp_path / "big.txt"
    path.write_text("Judul\n\n" + "kata " * 3000)
    (result,) = _read(path, IngestOptions(max_bytes=1000))
    assert isinstance(result, Rejected) and "is 15,007 bytes, limit 1,000" in result.reason


@pytest.mark.parametrize("extractor", ["resiliparse", "trafilatura"])
def test_hostile_deep_html_is_refused_quickly(extractor: str) -> None:
    """Issue 15: 100k nested divs (1.1 MB) did not finish in 300 s with resiliparse."""
    from saring.article import SourceRef
    from saring.errors import SaringError

    page = f"<html><body>{'<div>' * 100_000}<p>Isi berita di sini.</p>{'</div>' * 100_000}</body></html>"
    start = time.perf_counter()
    with pytest.raises(SaringError) as caught:
        parse_html(page, SourceRef("deep.html"), IngestOptions(html_extractor=extractor))
    assert time.perf_counter() - start < 5
    assert caught.value.name == "too_complex"  # resiliparse: too deep; trafilatura: too many elements


@pytest.mark.parametrize(
    ("html", "depth"),
    [("<div>" * 4000, 4000), ("<div><p>x</p></div>" * 2000, 2), ("<br><img>" * 3000 + "<div>", 1),
     ("<div></span>" * 3500, 3500), ("<a><b><c></a>" * 1200, 3)],
)
def test_hostile_nesting_depth_follows_the_parser_stack(html: str, depth: int) -> None:
    """Stray closing tags are ignored and a closing tag pops back to its opener, as parsers do."""
    assert min(nesting_depth(html, MAX_HTML_DEPTH), MAX_HTML_DEPTH + 1) == min(depth, MAX_HTML_DEPTH + 1)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("name", ["berita.txt", "berita.jsonl", "berita.csv"])
def test_hostile_utf16_and_utf32_with_bom_are_text(tmp_path: Path, codec: str, name: str) -> None:
    """Issue 15: UTF-16 text with a byte-order mark was refused as binary."""
    body = "Isi berita tentang harga cabai yang naik menjelang Lebaran di pasar “Induk”."
    text = {"berita.txt": f"Harga Cabai Naik Lagi\n\n{body}\n",
            "berita.jsonl": json.dumps({"id": "u1", "title": "Harga Cabai Naik Lagi", "text": body}) + "\n",
            "berita.csv": f'id,title,text\nu1,Harga Cabai Naik Lagi,"{body}"\n'}[name]
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
           "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}[codec]
    path = tmp_path / name
    path.write_bytes(bom + text.encode(codec))
    no_bom = tmp_path / f"forced-{name}"  # without a mark, --encoding names the codec
    no_bom.write_bytes(text.encode(codec))
    for article in [*_read(path), *_read(no_bom, IngestOptions(encoding=codec))]:
        assert isinstance(article, Article)
        assert article.title == "Harga Cabai Naik Lagi" and article.raw_text.strip() == body


@pytest.mark.parametrize(
    ("record", "expected"),
    [({"id": "n", "text": None}, "'text' is null"),
     ({"id": "n", "isi": "x"}, "no 'text' field (fields: id, isi)"),
     ({"id": "n", "text": ["a"]}, "'text' is list, not a string")],
)
def test_hostile_field_messages_say_what_is_wrong(
    tmp_path: Path, record: dict[str, object], expected: str
) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps(record) + "\n")
    (result,) = _read(path)
    assert isinstance(result, Rejected) and expected in result.reason


def test_hostile_json_messages_have_no_doubled_words(tmp_path: Path) -> None:
    """Issue 15: json's "Invalid control character at" + "at column" gave "at at column"."""
    path = tmp_path / "r.jsonl"
    path.write_bytes(b'{"text": "Isi berita yang cukup panjang \x01 di sini."}\n{"text": "unterminated\n')
    results = _read(path)
    assert [r.code for r in results if isinstance(r, Rejected)] == ["SAR-E007", "SAR-E007"]
    for r in results:
        assert isinstance(r, Rejected) and " at at " not in r.reason and "at column" in r.reason


def test_hostile_directory_where_a_file_is_expected(tmp_path: Path) -> None:
    (result,) = list(read_path(str(tmp_path), OPTS))
    assert isinstance(result, Rejected) and result.code == "SAR-E011"
    assert "not_found: a directory, not a file" in result.reason and "does not exist" not in result.reason


_FORMATS = ["text", "html", "jsonl", "csv", "warc"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000), fmt=st.sampled_from(_FORMATS), gz=st.booleans())
def test_hostile_any_bytes_give_articles_or_coded_rejections(
    tmp_path: Path, data: bytes, fmt: str, gz: bool
) -> None:
    """No reader raises on any input; every rejection is coded (Hypothesis)."""
    if fmt == "warc":
        data = b"WARC/1.0\r\n" + data
    path = tmp_path / ("input.gz" if gz else "input")
    path.write_bytes(gzip.compress(data)[: len(data) // 2 + 10] if gz else data)  # gz: usually truncated
    for result in read_path(str(path), IngestOptions(format=fmt)):
        assert isinstance(result, Article | Rejected)
        if isinstance(result, Rejected):
            assert result.code.startswith("SAR-E") and result.reason


_CELL = st.text(alphabet=st.sampled_from(list("abc XYZ,;\t|\"'\n\r.019")), min_size=1, max_size=80)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(_CELL, min_size=1, max_size=6), delimiter=st.sampled_from([",", ";", "\t"]))
def test_hostile_csv_round_trip(tmp_path: Path, texts: list[str], delimiter: str) -> None:
    """Whatever csv.writer writes, the reader gives back: same rows, same texts (Hypothesis)."""
    path = tmp_path / "round.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(["id", "judul", "isi"])
        writer.writerows([f"r{i}", "Judul", text] for i, text in enumerate(texts))
    options = IngestOptions(fields=FieldMap(text="isi", title="judul"))
    results = _read(path, options)
    assert [r.id for r in results if isinstance(r, Article)] == [f"r{i}" for i in range(len(texts))]
    expected = [t.replace("\r\n", "\n").replace("\r", "\n") for t in texts]
    assert [r.raw_text for r in results if isinstance(r, Article)] == expected


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(_CELL, min_size=1, max_size=6), gz=st.booleans(), bom=st.sampled_from(["", "utf-16"]))
def test_hostile_jsonl_round_trip(tmp_path: Path, texts: list[str], gz: bool, bom: str) -> None:
    """What json.dumps writes comes back, gzipped or in UTF-16 with a BOM too (Hypothesis)."""
    records = ({"id": f"r{i}", "title": "Judul", "text": t} for i, t in enumerate(texts))
    lines = "".join(json.dumps(record) + "\n" for record in records)
    data = lines.encode("utf-16") if bom else lines.encode()
    path = tmp_path / "round.jsonl"
    path.write_bytes(gzip.compress(data) if gz else data)
    results = _read(path)
    assert [r.id for r in results if isinstance(r, Article)] == [f"r{i}" for i in range(len(texts))]
    expected = [t.replace("\r\n", "\n").replace("\r", "\n") for t in texts]
    assert [r.raw_text for r in results if isinstance(r, Article)] == expected


def test_hostile_resources_still_read() -> None:
    """The old CSV fixture (sniffed before) reads the same with the header-only delimiter guess."""
    results = _read(RESOURCES / "records.csv", IngestOptions(fields=FieldMap(text="isi", title="judul")))
    assert [r.id for r in results if isinstance(r, Article)] == ["c1", "c2", "c3"]


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=400).map(lambda b: b.replace(b"\x00", b"\n")), limit=st.integers(1, 60))
def test_hostile_bounded_lines_lose_nothing(data: bytes, limit: int) -> None:
    """Short lines come back byte for byte; a long one keeps its start and its real size (Hypothesis)."""
    from saring.ingest.streams import LongLine, bounded_lines

    *full, rest = data.split(b"\n")
    expected = [line + b"\n" for line in full] + ([rest] if rest else [])
    got = list(bounded_lines(io.BufferedReader(io.BytesIO(data)), limit))
    assert len(got) == len(expected)
    for line, original in zip(got, expected, strict=True):
        if isinstance(line, LongLine):
            assert len(original) > limit and line.size == len(original) and original.startswith(line)
        else:
            assert line == original and len(line) <= limit or line.endswith(b"\n") and len(line) == limit + 1


def test_hostile_huge_flat_html_is_refused_before_trafilatura_runs() -> None:
    """A 60,000-paragraph page took 19 s in trafilatura (its own tree-size check runs after extracting)."""
    from saring.article import SourceRef
    from saring.errors import SaringError
    from saring.ingest.html import MAX_HTML_ELEMENTS

    page = "<html><body>" + "<p>Isi berita.</p>" * (MAX_HTML_ELEMENTS + 1) + "</body></html>"
    start = time.perf_counter()
    with pytest.raises(SaringError) as caught:
        parse_html(page, SourceRef("flat.html"), OPTS)
    assert time.perf_counter() - start < 1
    assert caught.value.name == "too_complex" and f"{MAX_HTML_ELEMENTS + 3:,} elements" in caught.value.detail


def test_hostile_csv_unclosed_quote_is_held_to_the_row_limit(tmp_path: Path) -> None:
    """An unclosed quote would make csv gather the rest of the file into one field: bounded per row."""
    path = tmp_path / "open_quote.csv"
    body = "".join(f"r{i},Isi berita nomor {i} yang cukup panjang.\n" for i in range(3, 40_000))
    path.write_text('id,text\nr1,Isi berita pertama.\nr2,"Kutipan yang tidak ditutup\n' + body)
    tracemalloc.start()
    seen = [(r.code, r.source.line, r.reason) if isinstance(r, Rejected) else (r.id, 0, "")
            for r in read_path(str(path), IngestOptions(max_bytes=100_000))]  # articles not kept
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert seen[0][0] == "r1" and seen[-1][0] == "r39999"  # reading went on after the runaway row
    code, line, reason = next(s for s in seen if s[0] == "SAR-E005")
    assert line == 3 and "an unclosed quote?" in reason
    assert peak < 12_000_000, f"peak {peak:,} bytes"
