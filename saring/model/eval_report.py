"""Render an `Evaluation` as eval.md (tables people read) and as JSON (numbers the gate reads)."""

from __future__ import annotations

from typing import Any

from saring.model.evaluate import MODEL, Evaluation, Result

METRICS = ("macro_f1", "roc_auc", "brier", "ece")


def result_key(r: Result) -> str:
    """Stable name of a (protocol, method) cell, e.g. ``rahutomo|leave-topic-out (12)||saring``."""
    return f"{r.protocol.dataset}|{r.protocol.name}|{r.protocol.train_on}|{r.method}"


def to_json(ev: Evaluation) -> dict[str, Any]:
    return {
        "results": {
            result_key(r): {k: round(v, 4) for k, v in r.metrics.items()} for r in ev.results + ev.ablations
        },
        "gated": [result_key(r) for r in ev.results if r.protocol.gated and r.method == MODEL],
        "open_world": {result_key(r): {k: round(v, 4) for k, v in r.metrics.items()} for r in ev.open_world},
        "open_checks": ev.open_checks,
        "news": ev.news,
        "sha256": ev.sha256,
        "signals": ev.signals,
    }


def _row(r: Result) -> str:
    m = r.metrics
    trained = r.protocol.train_on or "same dataset"
    cells = [r.protocol.dataset, r.protocol.name, trained, r.method, f"{int(m['n'])} ({int(m['n_hoax'])})"]
    cells += [f"{m[k]:.3f}" for k in METRICS]
    return "| " + " | ".join(cells) + " |"


def _news_lines(news: dict[str, Any]) -> list[str]:
    if not news:
        return []
    lines = [
        "",
        "## Ordinary news (Kompas/Tempo 2019, never trained on)",
        "",
        f"- articles: {news['n']}; median hoax probability {news['median']:.3f}",
        (
            f"- share labelled `hoax`: {news['share_hoax_label']:.1%}; share at or above the decision "
            f"threshold: {news['share_p_ge_threshold']:.1%}"
        ),
    ]
    for name, seed in news.get("seeds", {}).items():
        lines.append(
            f"- seed `{name}`: probability {seed['probability']:.3f}, higher than "
            f"{seed['above_share_of_news']:.0%} of these articles"
        )
    return lines


def _open_world_lines(ev: Evaluation, head: list[str]) -> list[str]:
    """The mixed estimate (report + post models by form) on the open-world protocols, and its checks."""
    if not ev.open_world:
        return []
    c = ev.open_checks
    by_category = ", ".join(f"{k} {v:.1%}" for k, v in c["recall_2024_by_category"].items())
    lines = [
        "",
        "## Open world: one estimate for reports and posts (`saring/model/openworld.py`)",
        "",
        (
            "Both population models trained only on data published before 2022 (report: Rahutomo + 2019 "
            "news of the background outlets; post: TurnBackHoax 2015-2021 + BDC 2015-2020), mixed by the "
            "`form` signal; threshold mixed the same way. Kompas/Tempo were never trained on."
        ),
        "",
        *head[-2:],
        *[_row(r) for r in ev.open_world],
        "",
        (
            f"- 2024 rumours at or above the threshold (recall): {c['recall_2024']:.1%} ({by_category}; "
            "categories assigned by an LLM, noisy)"
        ),
        (
            f"- ordinary news (Kompas/Tempo, n={c['news_n']}): labelled `hoax` "
            f"{c['news_share_hoax_label']:.1%}; "
            f"at or above the threshold {c['news_share_p_ge_threshold']:.1%}; ECE {c['news_ece']:.3f}"
        ),
        "",
        "Shortcut tests:",
        "",
        (
            f"- ROC-AUC of 2024 rumours vs Kompas/Tempo from text length alone: {c['auc_length_alone']:.3f}; "
            f"from "
            f"the `form` probability alone: {c['auc_form_alone']:.3f}"
        ),
        (
            f"- Kompas/Tempo articles cut to the length of a random 2024 rumour (n={c['news_cut_n']}): at or "
            f"above the threshold {c['news_cut_share_p_ge_threshold']:.1%}, labelled `hoax` "
            f"{c['news_cut_share_hoax_label']:.1%}"
        ),
        (
            f"- 2024 rumours with the scrape's quote marks put back (n={c['quotes_n']}): recall "
            f"{c['quotes_recall_plain']:.1%} without, {c['quotes_recall_with_marks']:.1%} with; "
            f"mean |change| "
            f"{c['quotes_mean_abs_change']:.3f}"
        ),
    ]
    for name, seed in c.get("seeds", {}).items():
        lines.append(
            f"- seed `{name}`: {seed['probability']:.3f} ({seed['label']}), read as a {seed['population']} "
            f"(P(post) {seed['post_probability']:.2f})"
        )
    return lines


def to_markdown(ev: Evaluation, command: str) -> str:
    head = [
        "# Saring hoax model: evaluation",
        "",
        f"Reproduce: `{command}`",
        "",
        (
            "Macro-F1 at the method's decision threshold (the model's is chosen on inner folds of each "
            "training part; baselines use 0.5); ROC-AUC; Brier score; ECE over 10 equal-width bins. All "
            "splits keep near-duplicate clusters together; verdict words are masked in every text. "
            "n (hoax) = test items."
        ),
        "",
        "| test set | protocol | trained on | method | n (hoax) | macro-F1 | ROC-AUC | Brier | ECE |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    rows = [_row(r) for r in ev.results]
    if ev.ablations:
        rows += [
            "",
            "## Ablations: recipe variants on the Rahutomo protocols (same test folds)",
            "",
            *head[-2:],
            *[_row(r) for r in ev.ablations],
        ]
    data = ["", "## Data fingerprints (SHA-256)", ""] + [
        f"- {k}: `{v}`" for k, v in sorted(ev.sha256.items())
    ]
    signals = ["", "## Signals used as features", ""] + [f"- {k}: `{v}`" for k, v in ev.signals.items()]
    world = _open_world_lines(ev, head)
    return "\n".join(head + rows + _news_lines(ev.news) + world + data + signals) + "\n"
