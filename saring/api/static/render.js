// Builds the report view from a saring.report/1 document.
// Article text and every string from the server are untrusted: they only ever reach the page through
// textContent, element properties and createElement; nothing from the server is ever parsed as HTML.
"use strict";

(function () {
  const {t, signalName, number} = window.SaringI18n;
  const N_COLOURS = 6;
  const VERDICTS = ["false", "misleading", "true", "satire", "unproven", "other"];

  function el(tag, options, children) {
    const node = document.createElement(tag);
    const opts = options || {};
    if (opts.cls) node.className = opts.cls;
    if (opts.text !== undefined && opts.text !== null) node.textContent = String(opts.text);
    if (opts.title) node.title = String(opts.title);
    for (const [key, value] of Object.entries(opts.data || {})) node.dataset[key] = String(value);
    for (const child of children || []) if (child) node.append(child);
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  // Only http(s) links are made clickable: a `javascript:` URL in a fact-check record stays text.
  function safeHref(url) {
    if (typeof url !== "string" || !url) return null;
    try {
      const parsed = new URL(url, window.location.href);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  function link(url, label) {
    const href = safeHref(url);
    if (!href) return el("span", {cls: "url", text: label || url || ""});
    const a = el("a", {text: label || url});
    a.href = href;
    a.target = "_blank";
    a.rel = "noopener noreferrer nofollow";
    return a;
  }

  function percent(x) {
    return typeof x === "number" && isFinite(x) ? Math.round(x * 100) + "%" : "—";
  }

  // Offsets in reports count Unicode code points (Python); JavaScript strings count UTF-16 units.
  function codePoints(text) {
    return Array.from(text || "");
  }

  function colourOf(report) {
    const colours = {};
    report.signals.forEach((s, i) => { colours[s.name] = i % N_COLOURS; });
    return colours;
  }

  // Where highlights overlap, a flagged signal's colour wins over an unflagged one's (then registry order).
  function precedence(report) {
    const order = {};
    report.signals.forEach((s, i) => { order[s.name] = (s.flag ? 0 : 1000) + i; });
    return order;
  }

  function spansFor(report, field, chars, active) {
    const spans = [];
    for (const signal of report.signals) {
      if (!active.has(signal.name)) continue;
      for (const ev of signal.evidence || []) {
        if ((ev.field || "text") !== field) continue;
        const start = ev.start, end = ev.end;
        if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= chars.length)) continue;
        spans.push({start, end, signal: signal.name, why: ev.why || "", text: chars.slice(start, end).join(""), field});
      }
    }
    return spans;
  }

  // Splits the text at every span boundary; each piece is plain text or one <mark> naming all its signals.
  function highlighted(text, spans, colours, order, onPick) {
    const chars = codePoints(text);
    const cuts = new Set([0, chars.length]);
    for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
    const points = Array.from(cuts).sort((a, b) => a - b);
    const fragment = document.createDocumentFragment();
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      const piece = chars.slice(a, b).join("");
      const covering = spans.filter((s) => s.start <= a && s.end >= b);
      if (!covering.length) { fragment.append(document.createTextNode(piece)); continue; }
      const names = Array.from(new Set(covering.map((s) => s.signal))).sort((x, y) => order[x] - order[y]);
      const mark = el("mark", {
        cls: "hl c" + colours[names[0]] + (names.length > 1 ? " multi" : ""),
        text: piece,
        title: covering.map((s) => signalName(s.signal) + ": " + s.why).join("\n"),
        data: {signals: names.join(" ")},
      });
      mark.tabIndex = 0;
      mark.addEventListener("click", () => onPick(covering));
      mark.addEventListener("keydown", (e) => { if (e.key === "Enter") onPick(covering); });
      fragment.append(mark);
    }
    return fragment;
  }

  function renderHoax(node, hoax) {
    clear(node);
    if (!hoax) { node.append(el("p", {cls: "na", text: t("hoax_na")})); return; }
    const label = t("hoax_label_" + hoax.label);
    node.append(el("div", {cls: "prob " + (hoax.label || ""), text: percent(hoax.probability)}));
    node.append(el("div", {cls: "prob-label", text: label + " · " + (hoax.model || "")}));
    const bar = el("div", {cls: "bar"}, [el("span", {cls: "fill p" + Math.round((hoax.probability || 0) * 10)})]);
    node.append(bar);
    if (hoax.explanation) node.append(el("p", {cls: "explanation", text: hoax.explanation}));
    const features = (hoax.top_features || []).slice(0, 6);
    if (features.length) {
      node.append(el("p", {cls: "small", text: t("top_features")}));
      // A signal feature has words from the server (`label`); an n-gram is the article's own words.
      node.append(el("ul", {cls: "features"}, features.map((f) =>
        el("li", {cls: f.weight > 0 ? "up" : "down", text: (f.weight > 0 ? "▲ " : "▼ ") + (f.label || f.feature)}))));
    }
  }

  function renderMeta(node, article) {
    clear(node);
    node.append(el("div", {text: t("meta_line", {id: article.id, lang: article.lang || "?", n: number(article.n_chars, 0)})}));
    if (article.site || article.published) node.append(el("div", {text: [article.site, article.published].filter(Boolean).join(" · ")}));
    if (article.url) node.append(el("div", {}, [link(article.url)]));
    if ((article.removed || []).length) node.append(el("div", {cls: "small", text: t("removed_line", {n: article.removed.length})}));
    if (article.ocr) renderOcr(node, article.ocr);
  }

  // An image article: say so, with OCR confidence and the words to check against the picture.
  function renderOcr(node, ocr) {
    node.append(el("div", {cls: "small", text: t("ocr_line", {layout: ocr.layout, conf: Math.round(ocr.mean_confidence)})}));
    const unsure = (ocr.low_confidence || []).map((e) => e.text);
    if (unsure.length) node.append(el("div", {cls: "small", text: t("ocr_unsure", {words: unsure.slice(0, 8).join(", ")})}));
  }

  function renderSignals(node, report, colours, active, onToggle) {
    clear(node);
    if (!report.signals.length) { node.append(el("li", {cls: "na", text: t("signals_none")})); return; }
    for (const s of report.signals) {
      const box = el("input");
      box.type = "checkbox";
      box.checked = active.has(s.name);
      box.disabled = !(s.evidence || []).length;
      box.addEventListener("change", () => onToggle(s.name, box.checked));
      const toggle = el("label", {cls: "toggle"}, [box, el("span", {text: t("show_highlights")})]);
      const head = el("div", {cls: "signal-head"}, [
        el("span", {cls: "swatch c" + colours[s.name]}),
        el("strong", {text: signalName(s.name)}),
        el("span", {cls: "badge " + (s.flag ? "flag" : "ok"), text: s.flag ? t("flagged") : t("not_flagged")}),
      ]);
      const numbers = t("score") + " " + number(s.score, 2) + " · " + t("threshold") + " " + number(s.threshold, 2) +
        " · " + t("evidence_count", {n: (s.evidence || []).length});
      node.append(el("li", {cls: "signal", data: {signal: s.name}}, [
        head, el("div", {cls: "small", text: numbers}), s.summary ? el("p", {cls: "summary", text: s.summary}) : null, toggle,
      ]));
    }
  }

  function renderEvidence(card, list, picked) {
    clear(list);
    for (const s of picked) {
      list.append(el("li", {}, [
        el("strong", {text: signalName(s.signal)}),
        s.field === "title" ? el("span", {cls: "small", text: " (" + t("in_title") + ")"}) : null,
        el("q", {text: s.text}),
        el("div", {cls: "why", text: s.why}),
      ]));
    }
    card.hidden = !picked.length;
  }

  function attributionDetails(report) {
    const attribution = report.signals.find((s) => s.name === "attribution");
    return (attribution && attribution.details) || {};
  }

  // A quote is {quote: [start, end] (code points into the text), speaker, verb, speaker_kind, ...}.
  function quoteText(q, chars) {
    if (Array.isArray(q.quote) && q.quote.length === 2) return chars.slice(q.quote[0], q.quote[1]).join("");
    return typeof q.quote === "string" ? q.quote : q.text || "";
  }

  function renderQuotes(node, report) {
    clear(node);
    const details = attributionDetails(report);
    const quotes = Array.isArray(details.quotes) ? details.quotes : [];
    const anonymous = Array.isArray(details.anonymous) ? details.anonymous : [];
    if (!quotes.length && !anonymous.length) { node.append(el("li", {cls: "na", text: t("quotes_none")})); return; }
    const chars = codePoints(report.article.text);
    for (const q of quotes) {
      const speaker = q.speaker || "";
      const how = [q.speaker_kind ? t("speaker_" + q.speaker_kind) : "", q.verb].filter(Boolean).join(", ");
      node.append(el("li", {cls: speaker ? "quote" : "quote unnamed"}, [
        el("q", {text: quoteText(q, chars)}),
        el("div", {cls: "speaker", text: "— " + (speaker || t("speaker_unknown")) + (how ? " (" + how + ")" : "")}),
      ]));
    }
    for (const a of anonymous) {
      node.append(el("li", {cls: "quote unnamed"}, [
        el("span", {cls: "badge flag", text: t("anonymous")}),
        el("span", {text: " " + (a.text || "")}),
        a.reason ? el("div", {cls: "speaker", text: a.reason}) : null,
      ]));
    }
  }

  // A passage is {kind, similarity, text (this article's words), query/source: {start, end, paragraphs},
  // source_text?}; without the source's words the source side names its paragraphs.
  function passageRow(p) {
    const paragraphs = p.source && Array.isArray(p.source.paragraphs) ? p.source.paragraphs.map((i) => i + 1) : [];
    const theirs = typeof p.source_text === "string" ? p.source_text
      : paragraphs.length ? t("source_paragraphs", {n: paragraphs.join(", ")}) : "";
    const kind = p.kind ? t("passage_" + p.kind) + " · " + percent(p.similarity) : "";
    return el("div", {cls: "pair"}, [
      el("div", {cls: "side-a"}, [kind ? el("div", {cls: "small", text: kind}) : null, document.createTextNode(p.text || "")]),
      el("div", {cls: "side-b" + (typeof p.source_text === "string" ? "" : " na"), text: theirs}),
    ]);
  }

  function renderProvenance(node, report) {
    clear(node);
    const matches = report.provenance || [];
    if (!matches.length) { node.append(el("p", {cls: "na", text: t("provenance_none")})); return; }
    for (const m of matches) {
      const head = el("div", {cls: "match-head"}, [
        el("span", {cls: "badge rel-" + m.relation, text: t("relation_" + m.relation)}),
        el("span", {cls: "small", text: " " + t("similarity") + " " + percent(m.similarity) + " "}),
        m.url ? link(m.url, m.title || m.url) : el("span", {text: m.title || m.id}),
        el("span", {cls: "small", text: " " + [m.site, m.published].filter(Boolean).join(" · ")}),
      ]);
      const rows = (m.passages || []).map(passageRow);
      const header = rows.length ? el("div", {cls: "pair head"}, [el("div", {text: t("this_article")}), el("div", {text: t("source_article")})]) : null;
      node.append(el("div", {cls: "match"}, [head, header, ...rows]));
    }
  }

  // What the claims were checked against (report.lookups): listed only, or matched to N fact-checks.
  function claimsStatus(lookups) {
    if (lookups.claims === "searched") return t("claims_searched", {n: lookups.factchecks});
    return t(lookups.claims === "no_factchecks" ? "claims_no_factchecks" : "claims_no_store");
  }

  // Why a fact-check was shown: same-claim probability and the names, numbers and words shared (text only).
  function matchReason(m) {
    const r = m.reason || {};
    const parts = [t(m.relation === "same_claim" ? "same_claim" : "related_claim") + " " + percent(m.probability)];
    for (const [key, label] of [["shared_names", "shared_names"], ["shared_numbers", "shared_numbers"], ["shared_terms", "shared_words"]]) {
      if ((r[key] || []).length) parts.push(t(label) + ": " + r[key].slice(0, 6).join(", "));
    }
    return parts.join(" · ");
  }

  function renderClaims(node, report) {
    clear(node);
    const claims = report.claims || [];
    if (!claims.length) { node.append(el("li", {cls: "na", text: t("claims_none")})); return; }
    // Reports of servers from before `lookups` carry matches only where a store was searched.
    const lookups = report.lookups, searched = !lookups || lookups.claims === "searched";
    if (lookups) node.append(el("li", {cls: "small claims-status", text: claimsStatus(lookups)}));
    for (const c of claims) {
      const matches = (c.matches || []).map((m) => {
        const verdict = VERDICTS.includes(m.verdict) ? m.verdict : "other";
        return el("li", {cls: "factcheck"}, [
          el("span", {cls: "verdict v-" + verdict, text: t("verdict_" + verdict)}),
          el("span", {text: " " + (m.claim || "")}),
          el("div", {cls: "small"}, [
            document.createTextNode([m.publisher, m.rating, m.date].filter(Boolean).join(" · ") + " "),
            m.url ? link(m.url, t("open_link")) : null,
          ]),
          m.probability != null ? el("div", {cls: "small match-reason", text: matchReason(m)}) : null,
        ]);
      });
      node.append(el("li", {cls: "claim"}, [
        el("q", {text: (c.scope === "post" ? t("whole_post") + ": " : "") + c.sentence}),
        el("div", {cls: "small", text: t("checkworthiness") + " " + percent(c.checkworthiness)}),
        matches.length ? el("ul", {cls: "factchecks"}, matches)
          : searched ? el("div", {cls: "small na", text: t("no_factcheck")}) : null,
      ]));
    }
  }

  function renderArticle(report, active, onPick) {
    const colours = colourOf(report), order = precedence(report);
    const article = report.article;
    const titleNode = clear(document.getElementById("article-title"));
    const textNode = clear(document.getElementById("article-text"));
    const titleChars = codePoints(article.title);
    if (titleChars.length) titleNode.append(highlighted(article.title, spansFor(report, "title", titleChars, active), colours, order, onPick));
    else titleNode.append(el("span", {cls: "na", text: t("no_title")}));
    textNode.append(highlighted(article.text, spansFor(report, "text", codePoints(article.text), active), colours, order, onPick));
  }

  function render(report, view) {
    const colours = colourOf(report);
    const pick = (spans) => renderEvidence(document.getElementById("evidence-card"), document.getElementById("evidence"), spans);
    const toggle = (name, on) => {
      if (on) view.active.add(name); else view.active.delete(name);
      renderArticle(report, view.active, pick);
    };
    renderHoax(document.getElementById("hoax"), report.hoax);
    renderMeta(document.getElementById("meta"), report.article);
    renderSignals(document.getElementById("signals"), report, colours, view.active, toggle);
    renderArticle(report, view.active, pick);
    pick([]);
    renderQuotes(document.getElementById("quotes"), report);
    renderProvenance(document.getElementById("provenance"), report);
    renderClaims(document.getElementById("claims"), report);
    document.getElementById("raw-json").textContent = JSON.stringify(report, null, 2);
  }

  window.SaringRender = {render, safeHref, el, clear};
})();
