"""Human-readable terminal rendering of a report, with evidence highlighted in the article text."""

from __future__ import annotations

import textwrap
from typing import Any

_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"
_HIGHLIGHT = "\x1b[30;43m"


def _style(text: str, code: str, color: bool) -> str:
    return f"{code}{text}{_RESET}" if color else text


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


def _hoax_lines(hoax: dict[str, Any] | None, color: bool) -> list[str]:
    if hoax is None:
        return ["Hoax probability: n/a (no model loaded)"]
    judged = f", judged as a {hoax['population']}" if hoax.get("population") else ""
    headline = f"Hoax probability: {hoax['probability']:.0%} ({hoax['label']}{judged}, {hoax['model']})"
    lines = [_style(headline, _BOLD, color)]
    if hoax.get("explanation"):
        lines += textwrap.wrap(hoax["explanation"], 100, initial_indent="  ", subsequent_indent="  ")
    for feat in hoax.get("top_features", [])[:8]:
        lines.append(f"  {'+' if feat['weight'] > 0 else '-'} {feat['feature']} ({feat['weight']:+.2f})")
    return lines


def _signal_lines(signals: list[dict[str, Any]], color: bool) -> list[str]:
    lines = [_style("Signals", _BOLD, color)]
    for s in signals:
        mark = "FLAG" if s["flag"] else "ok  "
        lines.append(f"  {mark} {s['name']:<14} {s['score']:.2f}  {s.get('summary', '')}")
        for ev in s["evidence"][:6]:
            where = "title" if ev.get("field") == "title" else f"{ev['start']}-{ev['end']}"
            quoted = f"        [{where}] \u201c{ev['text'][:80]}\u201d \u2014 {ev['why']}"
            lines.append(_style(quoted, _DIM, color))
    return lines


def _provenance_lines(matches: list[dict[str, Any]]) -> list[str]:
    lines = ["Provenance"] if matches else []
    for m in matches:
        lines.append(f"  {m['relation']:<12} {m['similarity']:.2f}  {m.get('site') or ''} "
                     f"{m.get('published') or ''}  {m.get('title') or m['id']}  {m.get('url') or ''}")
    return lines


def _ocr_lines(ocr: dict[str, Any] | None) -> list[str]:
    if not ocr:
        return []
    doubtful = ocr["low_confidence"]
    line = f"read from an image ({ocr['layout']}) \u00b7 mean OCR confidence {ocr['mean_confidence']:.0f}/100"
    return [line + (f" \u00b7 unsure: {', '.join(e['text'] for e in doubtful[:6])}" if doubtful else "")]


def _claims_status(lookups: dict[str, Any] | None) -> str:
    """In words: what the listed claims were checked against (the report's `lookups`)."""
    hint = "these sentences are worth checking (add fact-checks: saring factcheck import FILE)"
    if not lookups or lookups["claims"] == "no_store":
        return f"no fact-check database loaded: {hint}"
    if lookups["claims"] == "no_factchecks":
        return f"no fact-checks in {lookups['store']}: {hint}"
    return f"checked against {lookups['factchecks']} fact-checks in {lookups['store']}"


def _claim_lines(claims: list[dict[str, Any]], lookups: dict[str, Any] | None) -> list[str]:
    if not claims:
        return ["Claims: no check-worthy sentence found"]
    lines = ["Claims", f"  {_claims_status(lookups)}"]
    for c in claims:
        scope = "whole post: " if c.get("scope") == "post" else ""
        lines.append(f"  ({c['checkworthiness']:.2f}) {scope}{c['sentence'][:120]}")
        for m in c["matches"][:3]:
            source = f"{m.get('publisher') or ''}: {m['claim'][:90]} {m.get('url') or ''}"
            lines.append(f"      \u2192 {m['verdict'].upper()} {source}")
            if "probability" in m:
                lines.append(f"        {_match_reason(m)}")
    return lines


def _match_reason(match: dict[str, Any]) -> str:
    """Why a fact-check was shown: its same-claim probability and the words, names and numbers shared."""
    relation = "same claim" if match.get("relation") == "same_claim" else "related"
    reason = match.get("reason") or {}
    parts = [f"{relation} p={match['probability']:.2f}"]
    for key, label in (("shared_names", "names"), ("shared_numbers", "numbers"), ("shared_terms", "words")):
        if reason.get(key):
            parts.append(f"{label}: {', '.join(reason[key][:6])}")
    if reason.get("other_numbers"):
        parts.append(f"numbers only in the fact-check: {', '.join(reason['other_numbers'][:4])}")
    return " \u00b7 ".join(parts)


def render_text(report: dict[str, Any], color: bool = False) -> str:
    art = report["article"]
    evidence = [e for s in report["signals"] for e in s["evidence"]]
    spans = [(e["start"], e["end"]) for e in evidence if e.get("field", "text") == "text"]
    title_spans = [(e["start"], e["end"]) for e in evidence if e.get("field") == "title"]
    lines = [
        _style(highlight(art["title"], title_spans, color) or "(no title)", _BOLD, color),
        f"id {art['id']} \u00b7 lang {art['lang']} \u00b7 {art['n_chars']} chars"
        + (f" \u00b7 {art['site']}" if art.get("site") else "")
        + (f" \u00b7 {art['published']}" if art.get("published") else ""),
        *_ocr_lines(art.get("ocr")),
        "",
        *_hoax_lines(report["hoax"], color),
        "",
        *_signal_lines(report["signals"], color),
        *_provenance_lines(report["provenance"]),
        *_claim_lines(report["claims"], report.get("lookups")),
    ]
    if art["removed"]:
        lines += ["", f"Removed by cleaning ({len(art['removed'])})"]
        lines += [f"  {r['reason']}: {r['text'][:90]}" for r in art["removed"]]
    lines += ["", _style("Article text", _BOLD, color), highlight(art["text"], spans, color)]
    return "\n".join(lines)
