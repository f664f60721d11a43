"""The language gate accepts real Indonesian and still refuses English, Malaysian Malay and the rest (#16)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from saring.article import Article, SourceRef
from saring.clean.lang import TITLE_CHARS, identify, language_sample
from saring.clean.langwords import function_vote, malay_vote
from saring.ingest import read_path
from saring.ingest.text import parse_text
from saring.pipeline import prepare
from saring.settings import IngestOptions
from tests.conftest import RESOURCES, ROOT, SEED_002, need

LANG = RESOURCES / "lang"
ACCEPTED = ("id", "und")


def _lines(name: str) -> list[str]:
    return [x for x in (LANG / f"{name}.txt").read_text(encoding="utf-8").splitlines() if x.strip()]


def _pages(name: str, size: int = 5) -> list[str]:
    lines = _lines(name)
    return ["\n\n".join(lines[i : i + size]) for i in range(0, len(lines), size)]


def _refused(texts: list[str]) -> float:
    return sum(identify(t)[0] not in ACCEPTED for t in texts) / len(texts)


@pytest.mark.parametrize("name", ["ms", "ms_holdout", "en", "jv", "su", "tl"])
def test_lang_refuses_every_foreign_page(name: str) -> None:
    assert _refused(_pages(name)) == 1.0


@pytest.mark.parametrize(("name", "floor"), [("ms", 0.85), ("ms_holdout", 0.85), ("en", 1.0), ("jv", 1.0),
                                             ("su", 0.75), ("tl", 1.0), ("other", 1.0)])
def test_lang_refuses_most_foreign_posts(name: str, floor: float) -> None:
    # One-sentence Malay posts without a word only Malaysians use are not told from Indonesian: measured
    # 90% (ms) and 87% (ms_holdout) refused; Sundanese, which py3langid lacks, 80%.
    assert _refused(_lines(name)) >= floor


@pytest.mark.parametrize("name", ["id_hard"])
def test_lang_accepts_hard_indonesian(name: str) -> None:
    assert _refused(_lines(name)) <= 0.05 and _refused(_pages(name)) == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "𝗣𝗘𝗠𝗘𝗥𝗜𝗡𝗧𝗔𝗛 𝗕𝗔𝗚𝗜𝗞𝗔𝗡 𝗨𝗔𝗡𝗚 𝗧𝗨𝗡𝗔𝗜 𝗞𝗘𝗣𝗔𝗗𝗔 𝗪𝗔𝗥𝗚𝗔, 𝗦𝗜𝗟𝗔𝗛𝗞𝗔𝗡 𝗞𝗟𝗜𝗞 𝗟𝗜𝗡𝗞 𝗗𝗜 𝗕𝗔𝗪𝗔𝗛 𝗜𝗡𝗜",
        "BARU SAJA TERJADI!! JALAN TOL AMBLAS, RIBUAN MOBIL TERJEBAK HINGGA MALAM",
        "Akun WhatsApp Sekda Kabupaten Contoh\n0812 3456 7890 Budi Santoso",
    ],
)
def test_lang_styled_capital_and_contact_posts_are_not_refused(text: str) -> None:
    assert identify(text)[0] in ACCEPTED


@pytest.mark.parametrize(
    "text",
    [
        "Bacalah doa ini setiap pagi agar hati tenang dan rezeki dilancarkan. Rasulullah SAW mengajarkan doa "
        "yang dibaca ketika bangun tidur, sebagaimana diriwayatkan oleh Imam Bukhari, yang artinya segala "
        "puji bagi Allah yang telah menghidupkan kami setelah mematikan kami dan kepada-Nya kami kembali. "
        "Doa tersebut sebaiknya dibaca dengan penuh keyakinan. "
        + "الْحَمْدُ لِلَّهِ الَّذِي أَحْيَانَا بَعْدَ مَا أَمَاتَنَا وَإِلَيْهِ النُّشُورُ " * 6,
    ],
)
def test_lang_arabic_verses_in_an_indonesian_column_do_not_decide(text: str) -> None:
    assert identify(text)[0] == "id"


LONG_TITLES = ["Законодавство " * 8000, "The quick brown fox jumps over the lazy dog. " * 2300]


@pytest.mark.parametrize("title", LONG_TITLES, ids=["cyrillic", "english"])
def test_lang_a_100k_character_title_cannot_flip_an_indonesian_text(title: str) -> None:
    text = need(SEED_002).read_text(encoding="utf-8")
    assert len(title) >= 100_000 and identify(text)[0] == "id"
    assert identify(text, title)[0] == "id"
    assert language_sample(text, title).count("quick") <= TITLE_CHARS // len("the quick brown fox ")


@pytest.mark.parametrize("lines", [8])
def test_lang_an_english_opening_quote_does_not_refuse_an_indonesian_fact_check(lines: int) -> None:
    quote = " ".join(_lines("en")[:lines])
    body = "\n\n".join(_lines("id_hard"))
    assert identify(quote)[0] == "en"
    assert identify(f"{quote}\n\n{body}")[0] == "id"


@pytest.mark.parametrize(
    ("text", "votes"),
    [
        ("kerajaan memberikan rawatan percuma kerana wang bantuan telah diluluskan, kata polis", (3, 0)),
        ("pemerintah memberikan perawatan gratis karena uang bantuan sudah cair, ujar polisi", (0, 7)),
    ],
)
def test_lang_malay_vote_counts_words_only_one_standard_uses(text: str, votes: tuple[int, int]) -> None:
    assert malay_vote(text) == votes


@pytest.mark.parametrize(("text", "votes"), [("aku ora iso teka, kowe wis mangan?", (3, 0, 0)),
                                             ("saya tidak bisa datang, kamu sudah makan?", (0, 0, 4)),
                                             ("video of “lockdown in spain”", (0, 2, 0))])
def test_lang_function_vote_counts_javanese_sundanese_english_and_indonesian_words(
    text: str, votes: tuple[int, int, int],
) -> None:
    assert function_vote(text) == votes


@pytest.mark.parametrize(("name", "code"), [("ms", "SAR-E006"), ("id_hard", None)])
def test_lang_prepare_refuses_with_the_not_indonesian_code(name: str, code: str | None) -> None:
    result = prepare(parse_text(_pages(name)[0], SourceRef(f"{name}.txt")), IngestOptions())
    assert (result.code if not isinstance(result, Article) else None) == code


@pytest.mark.data
@pytest.mark.parametrize("name", ["turnbackhoax_jibranfawaid2021", "turnbackhoax_2024_alharkan7",
                                  "rahutomo2017"])
def test_lang_refuses_at_most_half_a_percent_of_a_shared_indonesian_set(data_dir: Path, name: str) -> None:
    """Every record, through the real read -> prepare path; hand-audited foreign records are left out."""
    audit = json.loads((ROOT / "benchmarks" / "langid_audit.json").read_text(encoding="utf-8"))["records"]
    options = IngestOptions()
    total = refused = 0
    for item in read_path(str(need(data_dir / name / "normalized.jsonl")), options):
        if isinstance(item, Article) and item.id not in audit:
            total += 1
            result = prepare(item, options)
            refused += not isinstance(result, Article) and result.code == "SAR-E006"
    assert total > 500 and refused / total <= 0.005
