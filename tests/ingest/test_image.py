"""Screenshots in: images drawn here with Pillow (DejaVu fonts) go through real Tesseract OCR.

Each image is a small phone-shaped screenshot (a chat forward, a news page, a social post) so the
layout rules are tested on what Tesseract really returns, not on hand-made word boxes.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from saring.article import Article, OcrInfo, Rejected
from saring.errors import SaringError
from saring.ingest import detect_format, read_inputs, read_path
from saring.settings import IngestOptions

pytestmark = pytest.mark.usefixtures("ocr_ready")

Item = tuple[tuple[int, int], str, int, str]  # (x, y), text, font size, colour

FORWARD = [
    "Waspada! Vaksin booster terbaru mengandung",
    "chip yang dapat melacak lokasi warga.",
    "Sebarkan ke keluarga dan teman anda",
    "sebelum dihapus oleh pemerintah.",
]
REPLY = ["Benarkah ini? Kementerian Kesehatan", "belum memberikan penjelasan resmi."]


def _font(fonts: Path, size: int, bold: bool = False):  # type: ignore[no-untyped-def]
    from PIL import ImageFont

    return ImageFont.truetype(str(fonts / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")), size)


def _draw(fonts: Path, items: list[Item], *, size: tuple[int, int] = (720, 1280), dark: bool = False,
          boxes: tuple[tuple[int, int, int, int, str], ...] = (), fmt: str = "PNG") -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", size, "#111b21" if dark else "white")
    draw = ImageDraw.Draw(image)
    for left, top, right, bottom, colour in boxes:
        draw.rounded_rectangle((left, top, right, bottom), 18, fill=colour)
    for (x, y), text, font_size, colour in items:
        draw.text((x, y), text, font=_font(fonts, abs(font_size), bold=font_size < 0), fill=colour)
    out = io.BytesIO()
    image.save(out, fmt, **({"quality": 80} if fmt == "JPEG" else {}))
    return out.getvalue()


def _chat(fonts: Path, dark: bool = False, fmt: str = "PNG") -> bytes:
    ink, meta = ("#e9edef", "#8696a0") if dark else ("black", "#667781")
    bubble, reply = ("#202c33", "#005c4b") if dark else ("#ffffff", "#d9fdd3")
    items: list[Item] = [((24, 12), "09:41", 24, ink), ((600, 12), "87%", 24, ink)]
    items += [((40, 130), "Diteruskan", 22, meta)]
    items += [((40, 170 + 40 * i), line, 26, ink) for i, line in enumerate(FORWARD)]
    items += [((560, 340), "10.21", 20, meta), ((120, 440), "Ani", -22, "#1f7aec")]
    items += [((120, 480 + 40 * i), line, 26, ink) for i, line in enumerate(REPLY)]
    items += [((600, 570), "10.25", 20, meta)]
    boxes = ((20, 115, 660, 375, bubble), (100, 425, 700, 600, reply))
    return _draw(fonts, items, dark=dark, boxes=boxes, fmt=fmt)


def _read(data: bytes, name: str = "shot.png") -> Article | Rejected:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        (result,) = list(read_path(str(path), IngestOptions()))
    return result


def _article(data: bytes, name: str = "shot.png") -> Article:
    result = _read(data, name)
    assert isinstance(result, Article), result
    return result


@pytest.mark.parametrize(("dark", "fmt", "name"), [(False, "PNG", "a.png"), (True, "PNG", "b.png"),
                                                   (False, "JPEG", "c.jpg"), (False, "WEBP", "d.webp")])
def test_image_chat_forward_read_in_order_without_chrome(
    ocr_ready: Path, dark: bool, fmt: str, name: str,
) -> None:
    article = _article(_chat(ocr_ready, dark=dark, fmt=fmt), name)
    text = article.raw_text
    assert "Vaksin booster terbaru mengandung chip yang dapat melacak lokasi warga" in text
    assert text.index("Sebarkan ke keluarga") < text.index("Kementerian Kesehatan")
    assert "10.21" not in text and "Diteruskan" not in text and "87%" not in text
    reasons = {r.reason for r in article.removed}
    assert {"ocr_status_bar", "ocr_app_chrome", "ocr_timestamp"} <= reasons
    assert article.ocr is not None and article.ocr.layout == "chat"
    assert article.ocr.mean_confidence > 85
    assert len(article.raw_text.split("\n\n")) >= 2  # the forward and the reply are separate paragraphs


@pytest.mark.parametrize("name", ["news.png"])
def test_image_news_page_headline_from_layout(ocr_ready: Path, name: str) -> None:
    headline = ["Pemerintah Bantah Kabar Vaksin", "Mengandung Chip Pelacak"]
    body = [
        "Kementerian Kesehatan menyatakan kabar yang beredar",
        "di media sosial tentang vaksin berisi chip tidak benar.",
        "Juru bicara kementerian mengatakan vaksin telah melalui",
        "uji klinis dan pengawasan Badan Pengawas Obat dan Makanan.",
    ]
    items: list[Item] = [((24, 60), "Berita Nasional", 20, "#555555")]
    items += [((24, 110 + 56 * i), line, -40, "black") for i, line in enumerate(headline)]
    items += [((24, 300 + 38 * i), line, 24, "black") for i, line in enumerate(body)]
    article = _article(_draw(ocr_ready, items, size=(800, 900)), name)
    assert article.title.startswith("Pemerintah Bantah Kabar") and "Pelacak" in article.title
    assert article.raw_text.startswith("Kementerian Kesehatan menyatakan")
    assert article.ocr is not None and article.ocr.layout == "news"
    assert any(r.reason == "ocr_page_header" and "Nasional" in r.text for r in article.removed)


@pytest.mark.parametrize("name", ["post.png"])
def test_image_social_post_counts_removed(ocr_ready: Path, name: str) -> None:
    items: list[Item] = [((24, 100), "Info Warga Bekasi", -26, "black")]
    items += [((24, 160 + 38 * i), line, 26, "black") for i, line in enumerate(FORWARD)]
    grey = "#65676b"
    items += [((24, 340), "1,2 rb suka   345 komentar", 22, grey)]
    items += [((24, 400), "Suka   Komentari   Bagikan", 22, grey)]
    article = _article(_draw(ocr_ready, items), name)
    assert "melacak lokasi warga" in article.raw_text
    assert "komentar" not in article.raw_text.lower() and "Bagikan" not in article.raw_text
    assert article.ocr is not None and article.ocr.layout == "post"


@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_image_glyphs_the_model_lacks_are_put_back(ocr_ready: Path, fmt: str) -> None:
    """The `ind` model has no "*", "²", "+", "%" or "°": read from where the stand-in glyph sits or from
    what surrounds it, they come back; a real quote (ending at the x-height, not below it) stays one."""
    lines = [
        "*PROMO* untuk orang² yang daftar hari ini",
        "Kata mereka \"kue kek\" itu berbahaya bagi anak",
        "Hubungi +6281234567890 sebelum kehabisan",
        "Diskon untuk warga, suhu 30°C siang",
    ]
    items: list[Item] = [((24, 100 + 44 * i), line, 26, "black") for i, line in enumerate(lines)]
    text = _article(_draw(ocr_ready, items, size=(720, 440), fmt=fmt), f"glyphs.{fmt.lower()}").raw_text
    assert "*PROMO" in text and "orang²" in text and "+6281234567890" in text
    assert "30°C" in text
    assert '"kue kek"' in text.replace("\u201c", '"').replace("\u201d", '"')


@pytest.mark.parametrize(("read", "meant"), [
    ("83Y6", "83%"), ("10Y6o", "10%"), ("20Yo", "20%"), ("(t6281234567890)", "(+6281234567890)"),
    ("30?C.", "30°C."), ("?C.", "°C."), ("?Cara", "?Cara"), ("2096", "2096"), ("5Yogya", "5Yogya"),
    ("t123", "t123"), ("30?Cara", "30?Cara"), ("Ibh,", "lbh,"), ("Ibu", "Ibu"), ("IPK", "IPK"),
])
def test_ocr_stand_ins_mapped_back_only_where_nothing_else_fits(read: str, meant: str) -> None:
    """Forms Tesseract gives for "%", "+", "°" and "l" (seen in benchmark reads) and look-alikes that stay."""
    from saring.ingest.ocr import _fix_stand_ins

    assert _fix_stand_ins(read) == meant


def test_image_line_left_out_by_the_layout_is_read_again(ocr_ready: Path) -> None:
    """A line with no word on it (as when Tesseract's layout analysis drops one) is found and read."""
    from saring.ingest.image import decode_image
    from saring.ingest.ocr import _LOCK, _engine, _missed_lines, _recognize, _words

    items: list[Item] = [((24, 100 + 44 * i), line, 26, "black") for i, line in enumerate(FORWARD)]
    image = decode_image(_draw(ocr_ready, items, size=(720, 400)), "shot.png")
    engine = _engine()
    with _LOCK:
        engine.SetImage(image)
        _recognize(engine)
        words = _words(engine)
        dropped = {w.line for w in words if w.text == "Sebarkan"}
        kept = [w for w in words if w.line not in dropped]
        found = _missed_lines(engine, kept)
        engine.Clear()
    assert " ".join(w.text for w in found) == FORWARD[2]
    assert {w.block for w in found} <= {w.block for w in kept}  # read back into its paragraph's block


@pytest.mark.parametrize("head", [b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0", b"RIFF\x10\x00\x00\x00WEBPVP8 "])
def test_image_detected_from_bytes_on_stdin(head: bytes) -> None:
    assert detect_format("-", head + b"\x00" * 16) == "image"


def _png(size: tuple[int, int], mode: str = "L") -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new(mode, size, 255).save(out, "PNG")
    return out.getvalue()


def _animated() -> bytes:
    from PIL import Image

    frames = [Image.new("RGB", (64, 64), colour) for colour in ("white", "black")]
    out = io.BytesIO()
    frames[0].save(out, "PNG", save_all=True, append_images=frames[1:])
    return out.getvalue()


def _gif() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("P", (32, 32)).save(out, "GIF")
    return out.getvalue()


@pytest.mark.parametrize(("make", "code"), [
    (lambda: _png((5000, 5000)), "SAR-E005"),  # a 25 Mpx decompression bomb of 30 kB
    (lambda: _png((21000, 4)), "SAR-E005"),  # one side over the limit
    (lambda: _png((800, 600), "RGB")[:200], "SAR-E023"),  # truncated
    (_animated, "SAR-E023"),
    (_gif, "SAR-E023"),
    (lambda: b"\x89PNG\r\n\x1a\nnot really a png", "SAR-E023"),
    (lambda: _png((400, 300)), "SAR-E001"),  # a blank image: no text
])
def test_image_bad_inputs_give_coded_rejections(make, code: str) -> None:  # type: ignore[no-untyped-def]
    result = _read(make())
    assert isinstance(result, Rejected) and result.code == code, result


@pytest.mark.parametrize("name", ["shot.jpg"])
def test_image_truncated_jpeg_rejected(ocr_ready: Path, name: str) -> None:
    data = _chat(ocr_ready, fmt="JPEG")
    result = _read(data[: len(data) // 2], name)
    assert isinstance(result, Rejected) and result.code == "SAR-E023", result


@pytest.mark.parametrize("env", [{"TESSDATA_PREFIX": "/nonexistent"}])
def test_image_missing_model_is_coded(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    from saring.ingest import ocr

    monkeypatch.setattr(ocr, "_TESSDATA_DIRS", ("/nonexistent/tessdata",))
    with pytest.raises(SaringError) as info:
        ocr.find_tessdata(env)
    assert info.value.code == "SAR-E024" and "tesseract-ocr-ind" in str(info.value)


@pytest.mark.parametrize("name", ["shots"])
def test_image_in_a_folder_and_a_warc(ocr_ready: Path, tmp_path: Path, name: str) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    folder = tmp_path / name
    folder.mkdir()
    (folder / "forward.png").write_bytes(_chat(ocr_ready))
    (folder / "note.txt").write_text("Kabar ini beredar di grup keluarga sejak pagi.\n", encoding="utf-8")
    kinds = [type(r).__name__ for r in read_inputs([str(folder)], IngestOptions())]
    assert kinds == ["Article", "Article"]

    warc = tmp_path / "crawl.warc.gz"
    with open(warc, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        records = [("https://x.test/icon.png", _png((64, 64))), ("https://x.test/a.png", _chat(ocr_ready))]
        for url, payload in records:
            body = io.BytesIO(payload)
            record = writer.create_warc_record(url, "response", payload=body, http_headers=headers)
            writer.write_record(record)
    results = list(read_path(str(warc), IngestOptions()))
    assert len(results) == 1 and isinstance(results[0], Article)  # the 64 px logo is skipped as an icon
    assert results[0].url == "https://x.test/a.png" and "melacak lokasi" in results[0].raw_text


@pytest.mark.parametrize("runs", [("chlp", "Iokasi")])
def test_image_low_confidence_spans_point_into_text(runs: tuple[str, ...]) -> None:
    from saring.clean import clean
    from saring.report.ocr import low_confidence_evidence

    raw = "Vaksin mengandung chlp yang dapat melacak Iokasi warga.\n\nSebarkan ke keluarga."
    ocr = OcrInfo("chat", 80.0, (), runs)
    article = clean(Article(id="x", raw_text=raw, ocr=ocr))
    found = low_confidence_evidence(article)
    assert [e.text for e in found] == list(runs)
    assert all(article.text[e.start : e.end] == e.text for e in found)


@pytest.mark.parametrize("name", ["forward.png"])
def test_image_report_says_image_and_is_valid(ocr_ready: Path, name: str) -> None:
    from saring.pipeline import prepare
    from saring.report import Report
    from saring.report.build import validate_report

    prepared = prepare(_article(_chat(ocr_ready), name), IngestOptions())
    assert isinstance(prepared, Article)
    document = Report(article=prepared).to_dict()
    validate_report(document)
    ocr = document["article"]["ocr"]
    assert ocr["layout"] == "chat" and ocr["mean_confidence"] > 85
    assert [line["text"] for line in ocr["lines"]][0].startswith("Waspada!")
    assert all(prepared.text[e["start"] : e["end"]] == e["text"] for e in ocr["low_confidence"])


@pytest.mark.parametrize("name", ["forward.png"])
def test_image_api_upload_agrees_with_the_text(api, ocr_ready: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    from saring.report.build import validate_report

    client = api()
    response = client.post("/v1/check", files={"file": (name, _chat(ocr_ready), "image/png")})
    assert response.status_code == 200, response.text
    document = response.json()
    validate_report(document)
    assert document["article"]["ocr"]["layout"] == "chat"
    typed = client.post("/v1/check", json={"text": document["article"]["text"]}).json()
    assert typed["article"]["ocr"] is None
    flags = [{s["name"]: s["flag"] for s in report["signals"]} for report in (document, typed)]
    assert flags[0] == flags[1]
    assert document["hoax"]["label"] == typed["hoax"]["label"]


@pytest.mark.parametrize("name", ["broken.png"])
def test_image_api_bad_upload_is_coded(api, name: str) -> None:  # type: ignore[no-untyped-def]
    response = api().post("/v1/check", files={"file": (name, _png((800, 600), "RGB")[:300], "image/png")})
    assert response.status_code == 415 and response.json()["code"] == "SAR-E023"


@pytest.mark.parametrize("name", ["forward.png"])
def test_image_api_without_ocr_model_is_coded(  # type: ignore[no-untyped-def]
    api, ocr_ready: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    from saring.ingest import ocr
    from tests.api.test_errors import assert_error_shape

    def no_model() -> None:
        raise SaringError("ocr_unavailable", "'ind.traineddata' is in none of /nonexistent")

    monkeypatch.setattr(ocr, "_engine", no_model)
    response = api().post("/v1/check", files={"file": (name, _chat(ocr_ready), "image/png")})
    assert "tesseract-ocr-ind" in assert_error_shape(response, "SAR-E024")["error"]


@pytest.mark.parametrize("name", ["forward.png"])
def test_image_cli_check_one_screenshot(ocr_ready: Path, tmp_path: Path, name: str) -> None:
    import contextlib
    import json

    from saring.cli import main

    shot, broken = tmp_path / name, tmp_path / "broken.png"
    shot.write_bytes(_chat(ocr_ready))
    broken.write_bytes(_png((800, 600), "RGB")[:300])
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["check", "--json", "--no-db", str(shot)]) == 0
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["check", "--no-db", str(broken)]) == 1  # one document: a fatal, coded error
    report = json.loads(out.getvalue())
    assert report["article"]["ocr"]["layout"] == "chat" and "melacak lokasi" in report["article"]["text"]


@pytest.mark.browser
@pytest.mark.parametrize("name", ["forward.png"])
def test_image_pasted_into_the_page(  # type: ignore[no-untyped-def]
    chromium, live_server: str, ocr_ready: Path, name: str
) -> None:
    import base64

    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    page.goto(live_server)
    paste = """([b64, name]) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const chosen = new DataTransfer();
        chosen.items.add(new File([bytes], name, {type: "image/png"}));
        document.dispatchEvent(new ClipboardEvent("paste", {clipboardData: chosen}));
    }"""
    page.evaluate(paste, [base64.b64encode(_chat(ocr_ready)).decode(), name])
    assert page.eval_on_selector("#file-input", "input => input.files[0].name") == name
    page.click("#submit")
    page.wait_for_selector("#results:not([hidden])", timeout=60_000)
    assert "dibaca dari gambar (chat)" in page.inner_text("#meta")
    assert "melacak lokasi warga" in page.inner_text("#article-text")
    page.close()


@pytest.mark.parametrize("name", ["shots"])
def test_image_batch_reads_screenshots_and_counts_bad_ones(
    ocr_ready: Path, tmp_path: Path, name: str
) -> None:
    import contextlib
    import json

    from saring.cli import main

    folder, out = tmp_path / name, tmp_path / "out"
    folder.mkdir()
    (folder / "a_forward.png").write_bytes(_chat(ocr_ready))
    (folder / "b_broken.jpg").write_bytes(_chat(ocr_ready, fmt="JPEG")[:500])
    with contextlib.redirect_stderr(io.StringIO()):
        assert main(["batch", str(folder), "--out", str(out), "-j", "1"]) == 3  # finished, one skipped
    reports = [json.loads(line) for line in (out / "shard-00000.jsonl").read_text().splitlines()]
    assert [r["article"]["ocr"]["layout"] for r in reports] == ["chat"]
    rejects = [json.loads(line) for line in (out / "rejects.jsonl").read_text().splitlines()]
    assert [(Path(r["path"]).name, r["code"]) for r in rejects] == [("b_broken.jpg", "SAR-E023")]
