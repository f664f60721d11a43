"""WhatsApp chat exports: each turn worth judging becomes an article; headers and app lines are removed
and listed; a text that merely starts with a date is not taken for an export."""

from __future__ import annotations

import json
from pathlib import Path

from saring.article import Article, Rejected, Removed, SourceRef
from saring.ingest import read_inputs
from saring.ingest.chat_export import looks_like_chat_export
from saring.settings import IngestOptions
from tests.conftest import DATA, need

RUMOUR = (
    "*PENTING!!* Mulai besok semua rekening BRI akan diblokir jika tidak melakukan verifikasi ulang "
    "lewat link berikut bit.ly/verif-bri2024"
)
FOLLOW_UP = "Sebarkan ke keluarga dan teman, jangan sampai terlambat!!!"


def _read(tmp_path: Path, text: str) -> list[Article | Rejected]:
    path = tmp_path / "chat.txt"
    path.write_text(text, encoding="utf-8")
    return list(read_inputs([str(path)], IngestOptions()))


def test_android_export_gives_the_forward_with_its_follow_up_and_drops_the_chatter(tmp_path: Path) -> None:
    chat = (
        "12/05/24 10.15 - Pesan dan panggilan terenkripsi secara end-to-end. Tidak seorang pun di luar "
        "chat ini, "
        "termasuk WhatsApp, yang dapat membaca atau mendengarkannya.\n"
        f"12/05/24 10.16 - Budi: {RUMOUR}\n"
        f"12/05/24 10.17 - Budi: {FOLLOW_UP}\n"
        "12/05/24 10.20 - Ani: Beneran ini pak?\n"
        "12/05/24 10.21 - Budi: <Media tidak disertakan>\n"
    )
    (article,) = _read(tmp_path, chat)
    assert isinstance(article, Article)
    assert article.raw_text == f"{RUMOUR}\n{FOLLOW_UP}" and article.title == ""
    assert article.published == "2024-05-12" and article.metadata == {"chat_sender": "Budi"}
    assert article.source is not None and article.source.line == 2
    reasons = [r.reason for r in article.removed]
    assert reasons == ["chat_system_message", "chat_header", "chat_header"]


def test_iphone_and_us_formats_multi_line_messages_and_turn_gaps(tmp_path: Path) -> None:
    chat = (
        "[5/13/24, 9:05:12 PM] +62 812-3456-7890: INFO DARI GRUP SEBELAH\n"
        "Mulai tanggal 1 Juni semua kendaraan tanpa stiker khusus dilarang masuk tol dalam kota.\n"
        "\u200eimage omitted\n"
        "[5/13/24, 11:40:00 PM] +62 812-3456-7890: Katanya razia besar-besaran akan digelar mulai Senin "
        "pagi di semua gerbang tol, siapkan surat kendaraan kalian.\n"
    )
    first, second = _read(tmp_path, chat)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.title == "INFO DARI GRUP SEBELAH"  # a multi-line message's first line is its headline
    assert first.raw_text.startswith("Mulai tanggal 1 Juni") and "omitted" not in first.raw_text
    assert "chat_app_line" in [r.reason for r in first.removed]
    assert first.published == "2024-05-13" and second.source is not None and second.source.line == 4


def test_a_chat_with_nothing_long_enough_is_refused_as_too_short(tmp_path: Path) -> None:
    (rejected,) = _read(tmp_path, "01/02/25 08.00 - Ani: ok\n01/02/25 08.01 - Budi: siap\n")
    assert isinstance(rejected, Rejected) and rejected.code == "SAR-E026"
    assert "2 turns" in rejected.reason  # reasons are kept in English for logs


def test_ordinary_texts_are_not_exports() -> None:
    assert not looks_like_chat_export("Jakarta - Polisi menangkap tiga orang.\n12/05/24 10.15 - jam kejadian")
    assert not looks_like_chat_export("12/05/24 10.15 - Polisi menangkap tiga orang di Jakarta Selatan.")
    assert not looks_like_chat_export("")


def test_real_rumours_survive_the_round_trip_through_an_export(tmp_path: Path) -> None:
    """2024 TurnBackHoax rumours written into an export as forwards between short replies come back
    one per forward, text unchanged."""
    rows = [json.loads(line) for line in need(DATA / "turnbackhoax_2024_alharkan7" / "normalized.jsonl")
            .read_text(encoding="utf-8").splitlines()[:400]]
    def plain(text: str) -> bool:  # not itself a chat copy, whose header the reader would take off
        return not text.lstrip().startswith(("[", "\u200e")) and ": " not in text.split("\n")[0]

    texts = [r["text"].strip() for r in rows]
    rumours = [t for t in texts if 30 <= len(t.split()) <= 200 and plain(t)][:20]
    lines = []
    for i, text in enumerate(rumours):
        lines.append(f"0{1 + i % 9}/03/24 1{i % 10}.0{i % 6} - Pengirim {i % 3}: {text}")
        lines.append(f"0{1 + i % 9}/03/24 1{i % 10}.0{i % 6} - Penerima: hoaks bukan ini?")
    got = [r for r in _read(tmp_path, "\n".join(lines) + "\n") if isinstance(r, Article)]
    assert [a.raw_text if not a.title else f"{a.title}\n{a.raw_text}" for a in got] == rumours


def test_messages_copied_from_the_app_are_one_article_without_headers() -> None:
    """Copying several messages out of WhatsApp gives "[time, date] sender: text" lines; pasted into the
    page or sent to the API they are one text: the forward is judged, the reply listed as removed."""
    from saring.ingest.text import parse_text

    pasted = (f"[10.16, 12/5/2024] Budi: {RUMOUR}\n[10.17, 12/5/2024] Budi: {FOLLOW_UP}\n"
              "[10.20, 12/5/2024] Ani: Beneran ini pak?")
    article = parse_text(pasted, SourceRef("-"))
    assert article.raw_text == f"{RUMOUR}\n{FOLLOW_UP}" and article.published == "2024-05-12"
    assert [r.reason for r in article.removed].count("chat_header") == 3
    assert Removed("Beneran ini pak?", "chat_short_reply") in article.removed
    short = parse_text("[08.00, 1/2/2025] Ani: ok siap", SourceRef("-"))
    assert short.raw_text == "ok siap"  # too little to judge: cleaning refuses it with its usual code


def test_checking_a_pasted_chat_judges_the_forward_not_the_timestamps() -> None:
    from saring.library import check

    pasted = f"[10.16, 12/5/2024] Budi: {RUMOUR}\n[10.17, 12/5/2024] Budi: {FOLLOW_UP}"
    features = [f["feature"] for f in check(pasted).to_dict()["hoax"]["top_features"]]
    assert not any("00" in f or "#" in f for f in features), features
