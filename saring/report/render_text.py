"""Human-readable terminal rendering of a report, with evidence highlighted in the article text.

Every label comes from the message catalogue (`catalogue/terminal.toml`) in the reader's language; the
report's own prose (summaries, reasons, the explanation) arrives already rendered by `Report.to_dict`,
so render the document in the same `lang` as the labels.
"""

from __future__ import annotations

import textwrap
from typing import Any

from saring.messages import DEFAULT_LANG, Msg, check_lang, msg, render

_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"
_HIGHLIGHT = "\x1b[30;43m"

_SIGNAL_NAMES = {
    "clickbait": msg("terminal.signal.clickbait"),
    "copy": msg("terminal.signal.copy"),
    "attribution": msg("terminal.signal.attribution"),
    "spin": msg("terminal.signal.spin"),
    "tone": msg("terminal.signal.tone"),
    "form": msg("terminal.signal.form"),
    "scam": msg("terminal.signal.scam"),
}
_LABELS = {
    "hoax": msg("terminal.label.hoax"),
    "not_hoax": msg("terminal.label.not_hoax"),
    "uncertain": msg("terminal.label.uncertain"),
}
_POPULATIONS = {"report": msg("terminal.population.report"), "post": msg("terminal.population.post")}
_RELATIONS = {
    "copy": msg("terminal.relation.copy"),
    "partial_copy": msg("terminal.relation.partial_copy"),
    "spin": msg("terminal.relation.spin"),
    "same_story": msg("terminal.relation.same_story"),
}
_VERDICTS = {
    "false": msg("terminal.verdict.false"),
    "misleading": msg("terminal.verdict.misleading"),
    "true": msg("terminal.verdict.true"),
    "satire": msg("terminal.verdict.satire"),
    "unproven": msg("terminal.verdict.unproven"),
    "other": msg("terminal.verdict.other"),
}
_LAYOUTS = {
    "chat": msg("terminal.layout.chat"),
    "post": msg("terminal.layout.post"),
    "news": msg("terminal.layout.news"),
    "screenshot": msg("terminal.layout.screenshot"),
}
_SHARED = (  # a fact-check match's reason keys, how many of each to show, and their label
    ("shared_names", 6, msg("terminal.match.names")),
    ("shared_numbers", 6, msg("terminal.match.numbers")),
    ("shared_terms", 6, msg("terminal.match.words")),
    ("other_numbers", 4, msg("terminal.match.other_numbers")),
)


def _style(text: str, code: str, color: bool) -> str:
    return f"{code}{text}{_RESET}" if color else text


def _named(table: dict[str, Msg], key: str) -> Msg | str:
    """A code's words from `table`; a code it does not know (a newer report) is shown as is."""
    return table.get(key) or key


def highlight(text: str, spans: list[tuple[int, int]], color: bool) -> str:
    """Mark spans: ANSI background on a terminal, [[...]] otherwise. Overlaps are merged."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, pos = [], 0
    for start, end in merged:
        out.append(text[pos:start])
        out.append(_style(text[start:end], _HIGHLIGHT, True) if color else f"[[{text[start:end]}]]")
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _hoax_lines(hoax: dict[str, Any] | None, color: bool, lang: str) -> list[str]:
    if hoax is None:
        return [render(msg("terminal.hoax_none"), lang)]
    label, model = _named(_LABELS, hoax["label"]), hoax["model"]
    headline = (
        msg("terminal.hoax_judged", probability=hoax["probability"], label=label, model=model,
            population=_named(_POPULATIONS, hoax["population"]))
        if hoax.get("population")
        else msg("terminal.hoax", probability=hoax["probability"], label=label, model=model)
    )
    lines = [_style(render(headline, lang), _BOLD, color)]
    if hoax.get("explanation"):
        lines += textwrap.wrap(hoax["explanation"], 100, initial_indent="  ", subsequent_indent="  ")
    for feat in hoax.get("top_features", [])[:8]:
        sign = "+" if feat["weight"] > 0 else "-"
        name = _named(_SIGNAL_NAMES, feat["feature"]) if feat.get("kind") == "signal" else feat["feature"]
        share = msg("terminal.feature", sign=sign, feature=name, weight=feat["weight"])
        line = render(share, lang)
        lines.append(f"  {line} \u2014 {feat['label']}" if feat.get("label") else f"  {line}")
    return lines


def _signal_lines(signals: list[dict[str, Any]], color: bool, lang: str) -> list[str]:
    marks = (render(msg("terminal.flag"), lang), render(msg("terminal.not_flagged"), lang))
    width = max(map(len, marks))
    lines = [_style(render(msg("terminal.signals"), lang), _BOLD, color)]
    for s in signals:
        mark = marks[0] if s["flag"] else marks[1]
        name = render(_named(_SIGNAL_NAMES, s["name"]), lang)
        row = msg("terminal.signal_row", mark=mark.ljust(width), name=name, score=s["score"],
                  summary=s.get("summary", ""))
        lines.append("  " + render(row, lang))
        for ev in s["evidence"][:6]:
            in_title = ev.get("field") == "title"
            where = render(msg("terminal.in_title"), lang) if in_title else f"{ev['start']}-{ev['end']}"
            quoted = f"        [{where}] \u201c{ev['text'][:80]}\u201d \u2014 {ev['why']}"
            lines.append(_style(quoted, _DIM, color))
    return lines


def _provenance_lines(matches: list[dict[str, Any]], lang: str) -> list[str]:
    lines = [render(msg("terminal.provenance"), lang)] if matches else []
    for m in matches:
        relation = render(_named(_RELATIONS, m["relation"]), lang)
        similarity = render(msg("terminal.number", value=m["similarity"]), lang)
        lines.append(f"  {relation:<16} {similarity}  {m.get('site') or ''} "
                     f"{m.get('published') or ''}  {m.get('title') or m['id']}  {m.get('url') or ''}")
    return lines


def _ocr_lines(ocr: dict[str, Any] | None, lang: str) -> list[str]:
    if not ocr:
        return []
    doubtful = [e["text"] for e in ocr["low_confidence"][:6]]
    line = msg("terminal.ocr", layout=_named(_LAYOUTS, ocr["layout"]), confidence=ocr["mean_confidence"])
    unsure = [msg("terminal.ocr_unsure", words=doubtful)] if doubtful else []
    return [" \u00b7 ".join(render(m, lang) for m in [line, *unsure])]


def _claims_status(lookups: dict[str, Any] | None) -> Msg:
    """In words: what the listed claims were checked against (the report's `lookups`)."""
    if not lookups or lookups["claims"] == "no_store":
        return msg("terminal.claims_no_store")
    if lookups["claims"] == "no_factchecks":
        return msg("terminal.claims_no_factchecks", store=lookups["store"])
    return msg("terminal.claims_searched", n=lookups["factchecks"], store=lookups["store"])


def _claim_lines(claims: list[dict[str, Any]], lookups: dict[str, Any] | None, lang: str) -> list[str]:
    if not claims:
        return [render(msg("terminal.claims_none"), lang)]
    lines = [render(msg("terminal.claims"), lang), "  " + render(_claims_status(lookups), lang)]
    for c in claims:
        scope = render(msg("terminal.whole_post"), lang) + ": " if c.get("scope") == "post" else ""
        score = render(msg("terminal.number", value=c["checkworthiness"]), lang)
        lines.append(f"  ({score}) {scope}{c['sentence'][:120]}")
        for m in c["matches"][:3]:
            verdict = render(_named(_VERDICTS, m["verdict"]), lang)
            source = f"{m.get('publisher') or ''}: {m['claim'][:90]} {m.get('url') or ''}"
            lines.append(f"      \u2192 {verdict} {source}")
            if "probability" in m:
                lines.append(f"        {_match_reason(m, lang)}")
    return lines


def _match_reason(match: dict[str, Any], lang: str) -> str:
    """Why a fact-check was shown: its same-claim probability and the words, names and numbers shared."""
    p = match["probability"]
    same = match.get("relation") == "same_claim"
    relation = msg("terminal.match.same_claim") if same else msg("terminal.match.related")
    parts = [msg("terminal.match.probability", relation=relation, probability=p)]
    reason = match.get("reason") or {}
    for key, n, label in _SHARED:
        if reason.get(key):
            parts.append(msg("terminal.match.part", label=label, items=", ".join(reason[key][:n])))
    return " \u00b7 ".join(render(part, lang) for part in parts)


def render_text(report: dict[str, Any], color: bool = False, *, lang: str = DEFAULT_LANG) -> str:
    """The report for a terminal, labels in `lang` ("id" or "en"); pass `Report.to_dict(lang)` of the same
    language so the report's own prose matches."""
    check_lang(lang)
    art = report["article"]
    evidence = [e for s in report["signals"] for e in s["evidence"]]
    spans = [(e["start"], e["end"]) for e in evidence if e.get("field", "text") == "text"]
    title_spans = [(e["start"], e["end"]) for e in evidence if e.get("field") == "title"]
    meta = [msg("terminal.meta", id=art["id"], lang=art["lang"] or "?", chars=art["n_chars"])]
    meta += [art[key] for key in ("site", "published") if art.get(key)]
    lines = [
        _style(highlight(art["title"], title_spans, color) or render(msg("terminal.no_title"), lang), _BOLD,
               color),
        " \u00b7 ".join(render(m, lang) for m in meta),
        *_ocr_lines(art.get("ocr"), lang),
        "",
        *_hoax_lines(report["hoax"], color, lang),
        "",
        *_signal_lines(report["signals"], color, lang),
        *_provenance_lines(report["provenance"], lang),
        *_claim_lines(report["claims"], report.get("lookups"), lang),
    ]
    if art["removed"]:
        lines += ["", render(msg("terminal.removed", n=len(art["removed"])), lang)]
        lines += [f"  {r.get('why') or r['reason']}: {r['text'][:90]}" for r in art["removed"]]
    heading = _style(render(msg("terminal.article_text"), lang), _BOLD, color)
    lines += ["", heading, highlight(art["text"], spans, color)]
    return "\n".join(lines)
