"""Screenshots in: OCR accuracy, report agreement, speed and limits on rendered rumours and news.

Rumours (TurnBackHoax 2024, 150-900 characters) are rendered as a chat forward and as a social post,
the chat as WhatsApp shows it (`*bold*`, `_italic_`, `~struck~` set in that type, the marks gone;
`--raw-marks` shows the marks as typed, as the renders did before), the post as Facebook does (marks
shown as typed),
news articles (CLICK-ID 2019, headline and up to 900 characters of body) as a phone news page, by
Debian's chromium through Playwright: fonts Roboto / Liberation / DejaVu, 14-17 CSS px, 2x or 3x pixel
density, light or dark. Each screenshot is read three ways: as rendered (`clean`), re-compressed as
a forwarded picture (`jpeg`: 0.75 scale, JPEG q50 then q70) and as a phone photo of the screen
(`photo`: keystone, blur, uneven light, noise, JPEG q80). Emoji are dropped before rendering (the
OCR model has no glyphs for them).

Measured: character error rate (Levenshtein over whitespace-collapsed text, title + body against
what was shown); agreement of the report from the image with the report from the same text typed
in (every signal flag, the hoax label; `near`: reads whose differing flags all sit within NEAR of
their threshold on the typed text); with --claims-db, the fact-checks shown as the same claim from
the image against those from the typed rumour; OCR time per screenshot on one core; with --limits,
peak RSS and time for the largest allowed image and the bad-image suite, each in a fresh process.

    python benchmarks/ocr_eval.py --n 30            # 30 rumours x 2 layouts + 15 news, x 3 variants
    python benchmarks/ocr_eval.py --n 40 --seed 29 --claims-db /tmp/tbh_2024.db --dump /tmp/differ.jsonl
    python benchmarks/ocr_eval.py --limits

`--claims-db` imports the 2015-2021 TurnBackHoax index and the 2024 fact-checks of the rumours into
that SQLite file on first use (about a minute); keep it outside the project.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # one core, as the goal is stated; before tesseract loads

import argparse
import html
import io
import json
import random
import re
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks._common import CORPUS_2019, DATA, header, peak_rss_mb, require_data  # noqa: E402

RUMOURS = DATA / "turnbackhoax_2024_alharkan7" / "normalized.jsonl"
FONTS = ["Roboto", "Liberation Sans", "DejaVu Sans", "Liberation Serif"]
_NOT_RENDERABLE = re.compile(r"[^\u0000-\u024f\u2010-\u2027\u2030-\u205e]")  # emoji and pictographs
REPLIES = [
    "Benarkah ini? Tolong dicek dulu sebelum disebar.",
    "Astaga, ngeri sekali kalau begitu.",
    "Sudah ada klarifikasinya belum ya?",
    "Makasih infonya, langsung saya teruskan ke grup RT.",
]


@dataclass(slots=True)
class Sample:
    layout: str
    title: str
    paragraphs: list[str]  # as the screen shows them: the typed text, and the reference of the CER
    style: dict[str, Any]
    source: str = ""  # the rumour's id in the 2024 TurnBackHoax data
    claim: str = ""  # the title of its own fact-check there
    markup: list[str] | None = None  # chat: the paragraphs with WhatsApp's *bold* _italic_ ~strike~ marks

    @property
    def reference(self) -> str:
        return " ".join([self.title, *self.paragraphs]).strip()


def _clean(text: str) -> str:
    return re.sub(r"[ \t]+", " ", _NOT_RENDERABLE.sub("", text)).strip()


# WhatsApp's formatting marks: a word run between two marks, no space inside them, not inside a word.
_MARKS = {"*": "b", "_": "i", "~": "s"}
_MARKED = re.compile(r"(?<![\w*_~])([*_~])(?=\S)([^\n]*?\S)\1(?![\w*_~])")


def whatsapp_display(text: str) -> str:
    """The text as WhatsApp shows it: marks taken away (their words are set bold, italic, struck)."""
    return _MARKED.sub(r"\2", text)


def whatsapp_html(text: str) -> str:
    """Escaped HTML of a chat message, its marked runs set in bold, italic or struck type."""
    parts, last = [], 0
    for m in _MARKED.finditer(text):
        tag = _MARKS[m.group(1)]
        parts += [html.escape(text[last : m.start()]), f"<{tag}>{html.escape(m.group(2))}</{tag}>"]
        last = m.end()
    return "".join([*parts, html.escape(text[last:])])


def load_samples(n: int, rng: random.Random, raw_marks: bool = False) -> list[Sample]:
    """`raw_marks`: chats show WhatsApp's *bold* marks as typed (the renders before they were rendered)."""
    with open(require_data(RUMOURS), encoding="utf-8") as fh:
        rumours = [r for r in map(json.loads, fh) if 150 <= len(_clean(r["text"])) <= 900]
    with open(require_data(CORPUS_2019), encoding="utf-8") as fh:
        news = [r for r in map(json.loads, fh) if len(r.get("text", "")) > 600 and r.get("title")]
    samples = []
    for record in rng.sample(rumours, n):
        body = [p for p in (_clean(x) for x in record["text"].split("\n")) if p]
        chat = [p for p in [*body, rng.choice(REPLIES)] if whatsapp_display(p).strip()]
        shown = chat if raw_marks else [_clean(whatsapp_display(p)) for p in chat]
        samples.append(Sample("chat", "", shown, _style(rng, "chat"), record["id"],
                              record["title"], None if raw_marks else chat))
        samples.append(Sample("post", "", body, _style(rng, "post"), record["id"], record["title"]))
    for record in rng.sample(news, n // 2):
        samples.append(
            Sample("news", _clean(record["title"]), _news_body(record["text"]), _style(rng, "news"))
        )
    return samples


def _news_body(text: str) -> list[str]:
    """The first sentences, up to 900 characters, in paragraphs of about three sentences."""
    sentences = re.split(r"(?<=[.!?])\s+", _clean(text.replace(",", ", ")).replace(" ,", ","))
    kept: list[str] = []
    while sentences and sum(map(len, kept)) + len(sentences[0]) <= 900:
        kept.append(sentences.pop(0))
    kept = kept or [sentences[0][:900]]
    # The corpus cut linked names out of its texts, leaving paragraphs that open with ", memang ...".
    return [" ".join(kept[i : i + 3]).lstrip(" ,.-") for i in range(0, len(kept), 3)]


def _style(rng: random.Random, layout: str) -> dict[str, Any]:
    fonts = FONTS if layout == "news" else FONTS[:3]
    return {
        "font": rng.choice(fonts),
        "size": rng.choice([14, 15, 16, 17]),
        "scale": rng.choice([2, 3]),
        "dark": rng.random() < (0.15 if layout == "news" else 0.4),
        "width": rng.choice([360, 390, 412]),
    }


# -- rendering ---------------------------------------------------------------------------------------

_CSS = """
* { box-sizing: border-box; overflow-wrap: anywhere; }
body { margin: 0; font-family: '{font}'; font-size: {size}px; line-height: 1.4; background: {bg};
  color: {ink}; }
.bar { display: flex; justify-content: space-between; padding: 4px 14px; font-size: 13px; background: {bar};
  color: {barink}; }
.head { padding: 10px 14px; background: {bar}; color: {barink}; font-weight: bold; font-size: 17px; }
.meta { color: {muted}; font-size: 12px; } .wrap { padding: 10px; }
.bubble { max-width: 82%; padding: 6px 9px 4px; border-radius: 8px; margin: 6px 0; background: {bubble}; }
.me { margin-left: auto; background: {mine}; } .fwd { font-style: italic; } .time { text-align: right; }
.post .who { font-weight: bold; }
.counts, .buttons { display: flex; justify-content: space-between; color: {muted}; font-size: 13px;
  padding: 8px 0; border-top: 1px solid {line}; }
h1 { font-size: {h1}px; line-height: 1.25; margin: 12px 0 6px; } .nav { color: {muted}; font-size: 13px; }
p { margin: 0 0 12px; }
.input { margin: 12px 10px; padding: 10px 14px; border-radius: 20px; background: {bubble}; color: {muted}; }
"""


def render_html(sample: Sample) -> str:
    s = sample.style
    dark = s["dark"]
    colours = {
        "bg": "#0b141a" if dark else "#efeae2",
        "ink": "#e9edef" if dark else "#111b21",
        "bar": "#202c33" if dark else "#008069",
        "barink": "#e9edef" if dark else "#ffffff",
        "muted": "#8696a0" if dark else "#667781",
        "bubble": "#202c33" if dark else "#ffffff",
        "mine": "#005c4b" if dark else "#d9fdd3",
        "line": "#2a3942" if dark else "#dddddd",
    }
    if sample.layout != "chat":
        colours.update(
            bg="#18191a" if dark else "#ffffff", bar="#242526" if dark else "#ffffff", barink=colours["ink"]
        )
    css = _CSS
    for key, value in {**colours, "font": s["font"], "size": s["size"], "h1": s["size"] + 9}.items():
        css = css.replace("{" + key + "}", str(value))
    body = {"chat": _chat, "post": _post, "news": _news}[sample.layout](sample)
    status = '<div class="bar"><span>09:41</span><span>4G 87%</span></div>'
    head = f"<meta charset='utf-8'><style>{css}</style>"
    return f"<!doctype html><html><head>{head}</head><body>{status}{body}</body></html>"


def _chat(sample: Sample) -> str:
    marked = sample.markup
    *message, reply = [whatsapp_html(p) for p in marked] if marked else map(html.escape, sample.paragraphs)
    text = "<br><br>".join(message)
    return (
        f'<div class="head">Grup Keluarga</div><div class="wrap"><div class="bubble"><div class="meta fwd">'
        f'Diteruskan</div>{text}<div class="meta time">10.21</div></div><div class="bubble me">'
        f'{reply}<div class="meta time">10.25 ✓✓</div></div></div>'
        f'<div class="input">Ketik pesan</div>'
    )


def _post(sample: Sample) -> str:
    text = "".join(f"<p>{html.escape(p)}</p>" for p in sample.paragraphs)
    return (
        '<div class="wrap post"><div class="who">Info Warga Terkini</div>'
        '<div class="meta">2 j · Publik</div>'
        f'<div style="margin-top:10px">{text}</div><div class="meta">Lihat terjemahan</div>'
        '<div class="counts"><span>1,2 rb suka</span><span>345 komentar</span>'
        "<span>89 kali dibagikan</span></div>"
        '<div class="buttons"><span>Suka</span><span>Komentari</span><span>Bagikan</span></div></div>'
    )


def _news(sample: Sample) -> str:
    text = "".join(f"<p>{html.escape(p)}</p>" for p in sample.paragraphs)
    return (
        '<div class="wrap"><div class="nav">Berita · Nasional · Daerah</div>'
        f"<h1>{html.escape(sample.title)}</h1>{text}</div>"
    )


def render_all(samples: list[Sample]) -> list[bytes]:
    from playwright.sync_api import sync_playwright

    shots = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        for sample in samples:
            s = sample.style
            page = browser.new_page(
                viewport={"width": s["width"], "height": 780}, device_scale_factor=s["scale"]
            )
            page.set_content(render_html(sample))
            shots.append(page.screenshot(full_page=True))
            page.close()
        browser.close()
    return shots


# -- degradations ------------------------------------------------------------------------------------


def forwarded_jpeg(png: bytes) -> bytes:
    """What a chat app does to a forwarded picture: downscale, JPEG, and again on the next forward."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    image = image.resize((int(image.width * 0.75), int(image.height * 0.75)), Image.Resampling.BICUBIC)
    for quality in (50, 70):
        out = io.BytesIO()
        image.save(out, "JPEG", quality=quality)
        image = Image.open(io.BytesIO(out.getvalue()))
    return out.getvalue()


def phone_photo(png: bytes, rng: random.Random) -> bytes:
    """A photo of the screen: keystone, defocus, uneven light, sensor noise, JPEG."""
    import numpy as np
    from PIL import Image, ImageFilter

    screen = Image.open(io.BytesIO(png)).convert("RGB")
    bezel = int(0.06 * screen.width)  # the photo shows the phone around the screen
    image = Image.new("RGB", (screen.width + 2 * bezel, screen.height + 2 * bezel), (25, 25, 25))
    image.paste(screen, (bezel, bezel))
    w, h = image.size
    d = [rng.uniform(0.0, 0.05) * w for _ in range(4)]
    quad = (
        d[0],
        d[1],
        d[2],
        h - d[3],
        w - d[1],
        h - d[0],
        w - d[3],
        d[2],
    )  # corners, clockwise from top left
    image = image.transform(
        (w, h), Image.Transform.QUAD, quad, Image.Resampling.BICUBIC, fillcolor=(40, 40, 40)
    )
    image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.8, 1.4)))
    pixels = np.asarray(image, dtype=np.float32)
    light = np.linspace(rng.uniform(0.75, 0.9), rng.uniform(1.0, 1.1), h, dtype=np.float32)[:, None, None]
    noise = np.random.default_rng(rng.randrange(1 << 30)).normal(0, 7, pixels.shape).astype(np.float32)
    photo = Image.fromarray(np.clip(pixels * light + noise, 0, 255).astype(np.uint8))
    out = io.BytesIO()
    photo.save(out, "JPEG", quality=80)
    return out.getvalue()


# -- measures ----------------------------------------------------------------------------------------


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, one numpy row at a time (insertions resolved by a running minimum)."""
    import numpy as np

    if not a or not b:
        return max(len(a), len(b))
    codes_b = np.frombuffer(b.encode("utf-32-le"), dtype=np.uint32)
    offsets = np.arange(len(b) + 1)
    row = offsets.copy()
    for i, char in enumerate(a, start=1):
        cost = (codes_b != ord(char)).astype(np.int64)
        best = np.empty_like(row)
        best[0] = i
        best[1:] = np.minimum(row[:-1] + cost, row[1:] + 1)
        row = np.minimum.accumulate(best - offsets) + offsets
    return int(row[-1])


def cer(reference: str, read: str) -> float:
    ref, hyp = " ".join(reference.split()), " ".join(read.split())
    return edit_distance(ref, hyp) / max(1, len(ref))


def agreement(judge: Any, image_article: Any, sample: Sample) -> dict[str, Any]:
    """Flags, hoax label and shown fact-checks of the image's report against the typed text's.

    A differing flag is `near` when the typed text's score sits within NEAR of the signal's threshold:
    a character misread then moves it across, which says as much about the signal as about the OCR.
    """
    from saring.article import Article, Rejected
    from saring.pipeline import prepare
    from saring.settings import IngestOptions

    typed = Article(id="typed", raw_text="\n\n".join(sample.paragraphs), title=sample.title)
    judged = []
    for article in (image_article, typed):
        prepared = prepare(article, IngestOptions(accept_langs=()))
        if isinstance(prepared, Rejected):
            return {"flags": False, "differ": ["rejected:" + prepared.code], "near": []}
        judged.append(judge(prepared))
    image, text = judged
    flag = {k: v[0] for k, v in image["signals"].items()}
    differ = sorted(k for k, v in text["signals"].items() if flag.get(k) != v[0])
    near = [k for k in differ if abs(text["signals"][k][1] - text["signals"][k][2]) <= NEAR]
    row: dict[str, Any] = {"flags": not differ, "differ": differ, "near": near}
    row["scores"] = {k: (round(image["signals"][k][1], 3), round(text["signals"][k][1], 3),
                         text["signals"][k][2]) for k in differ}
    if text["label"] is not None:
        row["label"] = image["label"] == text["label"]
    if text["matches"] is not None:
        row["claims"] = {"image": image["matches"], "text": text["matches"]}
    return row


NEAR = 0.03  # a typed text's score this close to its signal's threshold: a flag on a knife edge


def make_judge(skip: list[str], factchecks: Any = None) -> Any:
    """Signal (flag, score, threshold), the hoax label without a store (no model: None), and with
    `factchecks` the ids of the fact-checks the report shows as the same claim, most probable first."""
    from saring.claims.match import list_claims, match_claims, same_claim_matches
    from saring.errors import SaringError
    from saring.pipeline import Analyzer
    from saring.signals import SIGNALS, run_signals

    names = [name for name in SIGNALS if name not in skip]
    analyzer = Analyzer(names, factchecks=factchecks)
    try:
        model: Any = analyzer.hoax_model
    except SaringError as exc:
        print(f"hoax label agreement not measured: {exc}")
        model = None

    def judge(article: Any) -> dict[str, Any]:
        signals = run_signals(article, names)
        label = model.predict(article, signals)["label"] if model is not None else None
        matches = None
        if factchecks is not None:
            claims = match_claims(article, list_claims(article, analyzer.claim_settings), factchecks)
            matches = list(dict.fromkeys(m["id"] for m in same_claim_matches(claims)))
        return {"signals": {s.name: (s.flag, s.score, s.threshold) for s in signals}, "label": label,
                "matches": matches}

    return judge


def evaluate(n: int, seed: int, skip: list[str], raw_marks: bool = False, claims_db: str | None = None,
             dump: str | None = None) -> None:
    from saring.article import SourceRef
    from saring.ingest.image import read_image

    rng = random.Random(seed)
    samples = load_samples(n, rng, raw_marks)
    started = time.perf_counter()
    shots = render_all(samples)
    print(f"rendered {len(shots)} screenshots in {time.perf_counter() - started:.1f} s")
    factchecks = open_factchecks(claims_db) if claims_db else None
    judge = make_judge(skip, factchecks)
    rows: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    read_image(shots[0], SourceRef("warm-up"))
    for number, (sample, png) in enumerate(zip(samples, shots, strict=True)):
        variants = (("clean", png), ("jpeg", forwarded_jpeg(png)), ("photo", phone_photo(png, rng)))
        for variant, data in variants:
            row = _measure(data, sample, f"{sample.layout}-{variant}")
            if row["article"] is not None:
                row.update(agreement(judge, row["article"], sample))
            row["sample"], row["own"] = number, own_factcheck(sample)
            rows[(sample.layout, variant)].append(row)
    _print_table(rows)
    if factchecks is not None:
        _print_claims(rows)
    if dump:
        _dump(dump, rows, samples)


def open_factchecks(db: str) -> Any:
    """The 2015-2021 TurnBackHoax index plus the 2024 fact-checks of the rumours, imported into `db` once."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import claims_pairs
    from claims_open import _titles_2024

    from saring.claims.retrieval import FactCheckIndex

    started = time.perf_counter()
    index = FactCheckIndex(claims_pairs.open_index(Path(db), extra_titles=_titles_2024()))
    print(f"fact-check store {db}: {len(index):,} fact-checks ({time.perf_counter() - started:.0f} s)")
    return index


def own_factcheck(sample: Sample) -> str | None:
    """The store id of the rumour's own 2024 fact-check (as `open_factchecks` imports it)."""
    from saring.claims.factchecks import fact_check_from_record

    record = {"claim": sample.claim, "url": f"https://turnbackhoax.id/#{sample.source}"}
    return fact_check_from_record(record).id if sample.source else None


def _measure(data: bytes, sample: Sample, name: str) -> dict[str, Any]:
    from saring.article import SourceRef
    from saring.errors import SaringError
    from saring.ingest.image import read_image

    t0, c0 = time.perf_counter(), time.process_time()
    try:
        article = read_image(data, SourceRef(name))
    except SaringError as exc:
        print(f"{name}: {exc}")
        article = None
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    row: dict[str, Any] = {"article": article, "wall": wall, "cpu": cpu}
    row["cer"] = cer(sample.reference, f"{article.title} {article.raw_text}") if article else 1.0
    row["conf"] = article.ocr.mean_confidence if article and article.ocr else 0.0
    row["layout"] = article.ocr.layout if article and article.ocr else ""
    return row


def _print_table(rows: dict[tuple[str, str], list[dict[str, Any]]]) -> None:
    print("\nlayout variant     n  CER mean  CER p90  conf  flags=  near  label=  layout=  wall p50/p95 s"
          "  cpu p50/p95 s")
    by_variant: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for (layout, variant), items in sorted(rows.items()):
        by_variant[variant] += items
        _print_row(f"{layout:<6} {variant:<7}", items, layout)
    for variant, items in sorted(by_variant.items()):
        _print_row(f"{'all':<6} {variant:<7}", items, None)
    differ: dict[str, int] = defaultdict(int)
    for items in rows.values():
        for item in items:
            for name in item.get("differ", []):
                differ[name] += 1
    print("signals that differed (image vs text):", dict(sorted(differ.items())) or "none")
    print(f"peak RSS of this process {peak_rss_mb():.0f} MB (chromium runs in its own processes)")


def _print_row(name: str, items: list[dict[str, Any]], layout: str | None) -> None:
    cers = sorted(x["cer"] for x in items)
    seen = sum(x["layout"] == layout for x in items) / len(items) if layout else float("nan")
    print(f"{name} {len(items):3d}  {statistics.mean(cers):8.2%}  {_q(cers, 0.9):7.2%}"
          f"  {statistics.mean(x['conf'] for x in items):4.1f}  {_share(items, 'flags'):6.1%}"
          f"  {_near(items):4d}"
          f"  {_share(items, 'label'):6.1%}  {seen:7.1%}"
          f"  {_q([x['wall'] for x in items], 0.5):6.2f}/{_q([x['wall'] for x in items], 0.95):.2f}"
          f"       {_q([x['cpu'] for x in items], 0.5):6.2f}/{_q([x['cpu'] for x in items], 0.95):.2f}")


def _near(items: list[dict[str, Any]]) -> int:
    """Reads whose flags differ only on signals whose typed-text score sits within NEAR of the threshold."""
    return sum(bool(x.get("differ")) and len(x.get("near", [])) == len(x["differ"]) for x in items)


def _print_claims(rows: dict[tuple[str, str], list[dict[str, Any]]]) -> None:
    """Same-claim matches shown from the image against those from the typed rumour (chat and post)."""
    print("\nclaims  variant   n  top match=  shown set=  own shown: text / image")
    by_variant: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for (layout, variant), items in sorted(rows.items()):
        if layout != "news":
            by_variant[variant] += [x for x in items if "claims" in x]
    for variant, items in sorted(by_variant.items()):
        top = sum(x["claims"]["image"][:1] == x["claims"]["text"][:1] for x in items)
        same = sum(set(x["claims"]["image"]) == set(x["claims"]["text"]) for x in items)
        own_text = sum(x["own"] in x["claims"]["text"] for x in items)
        own_image = sum(x["own"] in x["claims"]["image"] for x in items)
        print(f"rumours {variant:<7} {len(items):3d}  {top / len(items):9.1%}  {same / len(items):9.1%}"
              f"   {own_text} / {own_image}")


def _dump(path: str, rows: dict[tuple[str, str], list[dict[str, Any]]], samples: list[Sample]) -> None:
    """Every read whose report differs from the typed text's, with both texts, for reading by hand."""
    with open(path, "w", encoding="utf-8") as fh:
        for (layout, variant), items in sorted(rows.items()):
            for x in items:
                claims = x.get("claims", {})
                same_claims = claims.get("image") == claims.get("text")
                if x.get("flags", False) and x.get("label", True) and same_claims:
                    continue
                article, sample = x["article"], samples[x["sample"]]
                keys = ("sample", "differ", "near", "scores", "label", "claims", "own")
                record = {k: x.get(k) for k in keys}
                record |= {"layout": layout, "variant": variant, "cer": round(x["cer"], 4),
                           "typed": sample.reference,
                           "read": f"{article.title} {article.raw_text}".strip() if article else None}
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"differing reads written to {path}")


def _q(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[int(q * (len(ordered) - 1))]


def _share(items: list[dict[str, Any]], key: str) -> float:
    measured = [x[key] for x in items if key in x]
    return sum(map(bool, measured)) / len(measured) if measured else float("nan")


# -- limits: each case in a fresh process, so its peak RSS is its own --------------------------------


def _limit_case(case: str) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    if case == "bomb":
        return _png_bomb(30_000, 30_000)
    if case == "largest":  # 1080 x 11,100 = 12.0 Mpx, the size limit: a long scrolling screenshot of text
        image = Image.new("L", (1080, 11_100), 255)
        draw, font = ImageDraw.Draw(image), ImageFont.truetype("DejaVuSans.ttf", 30)
        line = "Waspada! Vaksin mengandung chip yang dapat melacak lokasi."
        for y in range(20, 11_060, 44):
            draw.text((20, y), line, font=font, fill=0)
    elif case == "tall":
        image = Image.new("L", (600, 21_000), 255)
    else:  # truncated, animated
        image = Image.new("RGB", (1080, 1920), "white")
    out = io.BytesIO()
    if case == "animated":
        image.save(out, "WEBP", save_all=True, append_images=[Image.new("RGB", (1080, 1920), "black")])
    else:
        image.save(out, "PNG")
    data = out.getvalue()
    return data[: len(data) // 3] if case == "truncated" else data


def _png_bomb(width: int, height: int) -> bytes:
    """A valid gray PNG of `width` x `height` white pixels, compressed row by row (900 Mpx in ~1 MB)."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    packer = zlib.compressobj(9)
    row = b"\x00" + b"\xff" * width
    data = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def run_limit_case(path: str) -> None:
    """Read one image file in this (fresh) process: outcome, wall and CPU seconds, peak RSS."""
    from saring.article import SourceRef
    from saring.errors import SaringError
    from saring.ingest.image import read_image
    from saring.ingest.ocr import find_tessdata

    find_tessdata()
    data = Path(path).read_bytes()
    base = peak_rss_mb()
    t0, c0 = time.perf_counter(), time.process_time()
    try:
        outcome = f"read {len(read_image(data, SourceRef(path)).raw_text):,} chars"
    except SaringError as exc:
        outcome = exc.code
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(json.dumps({"outcome": outcome, "wall": wall, "cpu": cpu, "peak": peak_rss_mb(), "base": base}))


def limits() -> None:
    import tempfile

    print("case        bytes        outcome               wall s  cpu s  peak RSS MB (at start)")
    with tempfile.TemporaryDirectory() as folder:
        for case in ("largest", "bomb", "tall", "truncated", "animated"):
            path = Path(folder) / case
            path.write_bytes(_limit_case(case))
            cmd = [sys.executable, __file__, "--limit-case", str(path)]
            out = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if out.returncode != 0:
                print(f"{case:<11} FAILED (a traceback): {out.stderr[-500:]}")
                continue
            r = json.loads(out.stdout.strip().splitlines()[-1])
            size = path.stat().st_size
            print(f"{case:<11} {size:>11,}  {r['outcome']:<20} {r['wall']:6.2f} {r['cpu']:6.2f}"
                  f"  {r['peak']:6.0f} ({r['base']:.0f})")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=30, help="rumours sampled (each in 2 layouts); news: n/2")
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument(
        "--limits", action="store_true", help="peak RSS and time on the limit and bad-image cases"
    )
    parser.add_argument(
        "--skip-signal", action="append", default=[], help="leave a signal out of the agreement"
    )
    parser.add_argument(
        "--raw-marks", action="store_true",
        help="chats show WhatsApp's *bold* marks as typed (as the renders did before they were rendered)",
    )
    parser.add_argument(
        "--claims-db", help="SQLite file holding the TurnBackHoax fact-checks (imported on first use): "
        "compare the fact-checks shown from the image with those from the typed rumour",
    )
    parser.add_argument("--dump", help="write every read whose report differs from the typed text's (JSONL)")
    parser.add_argument("--limit-case", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.limit_case:
        run_limit_case(args.limit_case)
        return
    header("OCR: screenshots of rumours and news")
    if args.limits:
        limits()
    else:
        evaluate(args.n, args.seed, args.skip_signal, args.raw_marks, args.claims_db, args.dump)


if __name__ == "__main__":
    main()
