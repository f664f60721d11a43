// The form: send the article to POST /v1/check (JSON, or multipart for a file) and show the report.
// The report's prose comes from the server in the page's language (?lang=); switching the language sends
// the last request again, so the whole page (interface, report, error) speaks one language.
"use strict";

(function () {
  const {t} = window.SaringI18n;
  const {render, el, clear} = window.SaringRender;
  const $ = (id) => document.getElementById(id);
  let last = null; // {report, view} of the latest result: the highlights chosen survive a language switch
  let lastRequest = null; // the latest request sent (a result or an error), sent again in the new language

  function showError(body) {
    const box = clear($("error"));
    box.append(el("strong", {text: body.code ? body.code + " · HTTP " + body.status : t("network_error")}));
    box.append(el("p", {text: body.error || ""}));
    if (body.code === "SAR-E006") box.append(el("p", {text: t("hint_SAR_E006")})); // the page's way: the tick box
    const details = (body.errors || []).filter((e) => e.field);
    if (details.length) box.append(el("ul", {}, details.map((e) => el("li", {text: e.field + ": " + e.message}))));
    box.hidden = false;
  }

  function buildRequest() {
    const file = $("file-input").files[0];
    const title = $("title-input").value.trim();
    const anyLang = $("any-lang").checked;
    if (file) {
      const form = new FormData();
      form.append("file", file, file.name);
      if (title) form.append("title", title);
      if (anyLang) form.append("any_lang", "true");
      return {method: "POST", body: form};
    }
    const text = $("text-input").value;
    if (!text.trim()) return null;
    const payload = {text, any_lang: anyLang};
    if (title) payload.title = title;
    return {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(payload)};
  }

  async function submit(event) {
    event.preventDefault();
    $("error").hidden = true;
    const request = buildRequest();
    if (!request) { showError({error: t("need_input")}); return; }
    last = null;
    await send(request, true);
  }

  // Sends `request` with the page's language; a result replaces the report, an error is shown instead.
  async function send(request, scroll) {
    lastRequest = request;
    $("submit").disabled = true;
    $("busy").hidden = false;
    const lang = window.SaringI18n.lang;
    try {
      const response = await fetch("/v1/check?lang=" + encodeURIComponent(lang), request);
      let body;
      try { body = await response.json(); } catch (e) { body = {error: "HTTP " + response.status}; }
      if (lang !== window.SaringI18n.lang) return; // switched again meanwhile: the newer answer follows
      if (!response.ok || body.ok === false) { showError(body); $("results").hidden = true; return; }
      $("error").hidden = true;
      const withEvidence = body.signals.filter((s) => (s.evidence || []).length).map((s) => s.name);
      const active = last ? new Set(withEvidence.filter((name) => last.view.active.has(name))) : new Set(withEvidence);
      last = {report: body, view: {active}};
      render(body, last.view);
      $("results").dataset.lang = lang; // the language the report is in (tests wait for it)
      $("results").hidden = false;
      if (scroll) $("results").scrollIntoView({behavior: "smooth", block: "start"});
    } catch (e) {
      showError({error: t("network_error")});
    } finally {
      $("submit").disabled = false;
      $("busy").hidden = true;
    }
  }

  function onFile() {
    const chosen = $("file-input").files.length > 0;
    $("file-clear").hidden = !chosen;
    $("text-input").disabled = chosen;
  }

  // A screenshot dropped on the form or pasted anywhere becomes the uploaded file.
  function takeImage(files) {
    const image = Array.from(files || []).find((f) => /^image\/(png|jpeg|webp)$/.test(f.type));
    if (!image) return false;
    const chosen = new DataTransfer();
    chosen.items.add(image);
    $("file-input").files = chosen.files;
    onFile();
    return true;
  }

  function start() {
    window.SaringI18n.apply();
    $("check-form").addEventListener("submit", submit);
    $("file-input").addEventListener("change", onFile);
    $("file-clear").addEventListener("click", () => { $("file-input").value = ""; onFile(); });
    document.addEventListener("paste", (e) => { if (takeImage(e.clipboardData && e.clipboardData.files)) e.preventDefault(); });
    $("check-form").addEventListener("dragover", (e) => e.preventDefault());
    $("check-form").addEventListener("drop", (e) => { if (takeImage(e.dataTransfer && e.dataTransfer.files)) e.preventDefault(); });
    $("lang-toggle").addEventListener("click", () => {
      window.SaringI18n.toggle();
      if (lastRequest) send(lastRequest, false);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
