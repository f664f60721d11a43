// Interface text in Indonesian (default) and English. The report's own sentences come from the server in
// the same language (app.js asks with ?lang=). Article text is never translated or touched.
"use strict";

(function () {
  const STRINGS = {
    id: {
      tagline: "Saring sebelum sharing: laporan kredibilitas yang dijelaskan",
      form_heading: "Periksa sebuah artikel berita",
      title_label: "Judul (opsional)",
      text_label: "Teks artikel",
      text_placeholder: "Tempel teks artikel di sini. Baris pertama dipakai sebagai judul jika terlihat seperti judul.",
      file_label: "atau unggah berkas HTML/TXT atau tangkapan layar (seret atau tempel gambar)",
      file_clear: "hapus berkas",
      any_lang: "analisis juga teks bukan bahasa Indonesia",
      submit: "Periksa",
      busy: "Menganalisis…",
      hoax_heading: "Probabilitas hoaks",
      hoax_na: "— model hoaks belum tersedia di server ini",
      hoax_label_hoax: "cenderung hoaks",
      hoax_label_not_hoax: "cenderung bukan hoaks",
      hoax_label_uncertain: "belum pasti",
      top_features: "Faktor terbesar",
      article_heading: "Artikel dengan bukti yang disorot",
      article_hint: "Klik bagian yang disorot untuk melihat alasannya.",
      no_title: "(tanpa judul)",
      signals_heading: "Sinyal",
      signals_none: "Tidak ada sinyal yang terpasang di server ini.",
      flagged: "DITANDAI",
      not_flagged: "aman",
      score: "skor",
      threshold: "ambang",
      evidence_count: "{n} bukti",
      show_highlights: "sorot",
      evidence_heading: "Bukti terpilih",
      in_title: "di judul",
      quotes_heading: "Kutipan dan narasumber",
      quotes_none: "Tidak ada kutipan yang dikenali.",
      speaker_unknown: "narasumber tidak disebut",
      anonymous: "SUMBER ANONIM",
      speaker_named: "nama disebut",
      speaker_pronoun: "kata ganti",
      speaker_role: "jabatan",
      speaker_unnamed: "tidak bernama",
      provenance_heading: "Asal-usul teks",
      provenance_none: "Tidak ada artikel lebih awal yang cocok di indeks server ini.",
      this_article: "Artikel ini",
      source_article: "Sumber",
      source_paragraphs: "paragraf {n} di sumber",
      passage_verbatim: "disalin kata per kata",
      passage_reworded: "disalin dengan kata diganti",
      similarity: "kemiripan",
      relation_copy: "salinan",
      relation_partial_copy: "salinan sebagian",
      relation_spin: "hasil spinning",
      relation_same_story: "berita yang sama",
      claims_heading: "Klaim dan cek fakta",
      claims_none: "Tidak ada kalimat yang layak diperiksa.",
      claims_no_store: "Tidak ada basis data cek fakta yang dimuat: kalimat-kalimat ini layak diperiksa.",
      claims_no_factchecks: "Basis data server belum berisi cek fakta: kalimat-kalimat ini layak diperiksa.",
      claims_searched: "Dicocokkan dengan {n} cek fakta.",
      checkworthiness: "layak diperiksa",
      no_factcheck: "belum ada cek fakta yang cocok",
      same_claim: "klaim yang sama, peluang",
      related_claim: "klaim terkait, peluang",
      shared_names: "nama sama",
      shared_numbers: "angka sama",
      shared_words: "kata sama",
      whole_post: "seluruh tulisan",
      verdict_false: "SALAH",
      verdict_misleading: "MENYESATKAN",
      verdict_true: "BENAR",
      verdict_satire: "SATIRE",
      verdict_unproven: "BELUM TERBUKTI",
      verdict_other: "LAINNYA",
      open_link: "buka",
      json_heading: "Laporan JSON (saring.report/1)",
      meta_line: "id {id} · bahasa {lang} · {n} karakter",
      removed_line: "{n} bagian dibuang saat pembersihan",
      ocr_line: "dibaca dari gambar ({layout}) · keyakinan OCR rata-rata {conf}/100",
      ocr_unsure: "kurang yakin terbaca, cocokkan dengan gambar: {words}",
      need_input: "Tempel teks artikel atau pilih berkas terlebih dahulu.",
      hint_SAR_E006: "Centang “analisis juga teks bukan bahasa Indonesia” untuk tetap menganalisisnya.",
      network_error: "Server tidak dapat dihubungi.",
      footer: "Sinyal adalah petunjuk, bukan vonis. Periksa sumber aslinya.",
      lang_button: "English",
    },
    en: {
      tagline: "Saring before sharing: explained credibility reports",
      form_heading: "Check a news article",
      title_label: "Headline (optional)",
      text_label: "Article text",
      text_placeholder: "Paste the article text here. The first line is used as the headline when it looks like one.",
      file_label: "or upload an HTML/TXT file or a screenshot (drop or paste an image)",
      file_clear: "remove file",
      any_lang: "also analyse text that is not Indonesian",
      submit: "Check",
      busy: "Analysing…",
      hoax_heading: "Hoax probability",
      hoax_na: "— no hoax model is available on this server",
      hoax_label_hoax: "likely hoax",
      hoax_label_not_hoax: "likely not a hoax",
      hoax_label_uncertain: "uncertain",
      top_features: "Largest factors",
      article_heading: "Article with highlighted evidence",
      article_hint: "Click a highlight to see why it was marked.",
      no_title: "(no headline)",
      signals_heading: "Signals",
      signals_none: "No signals are installed on this server.",
      flagged: "FLAGGED",
      not_flagged: "ok",
      score: "score",
      threshold: "threshold",
      evidence_count: "{n} evidence",
      show_highlights: "highlight",
      evidence_heading: "Selected evidence",
      in_title: "in the headline",
      quotes_heading: "Quotes and speakers",
      quotes_none: "No quotes were recognised.",
      speaker_unknown: "speaker not named",
      anonymous: "ANONYMOUS SOURCE",
      speaker_named: "named",
      speaker_pronoun: "pronoun",
      speaker_role: "role",
      speaker_unnamed: "unnamed",
      provenance_heading: "Where the text came from",
      provenance_none: "No earlier matching article in this server's index.",
      this_article: "This article",
      source_article: "Source",
      source_paragraphs: "paragraph {n} of the source",
      passage_verbatim: "copied word for word",
      passage_reworded: "copied with words swapped",
      similarity: "similarity",
      relation_copy: "copy",
      relation_partial_copy: "partial copy",
      relation_spin: "spun rewrite",
      relation_same_story: "same story",
      claims_heading: "Claims and fact-checks",
      claims_none: "No sentence worth checking.",
      claims_no_store: "No fact-check database loaded: these sentences are worth checking.",
      claims_no_factchecks: "The server's database has no fact-checks: these sentences are worth checking.",
      claims_searched: "Checked against {n} fact-checks.",
      checkworthiness: "check-worthiness",
      no_factcheck: "no matching fact-check yet",
      same_claim: "same claim, probability",
      related_claim: "related claim, probability",
      shared_names: "shared names",
      shared_numbers: "shared numbers",
      shared_words: "shared words",
      whole_post: "whole post",
      verdict_false: "FALSE",
      verdict_misleading: "MISLEADING",
      verdict_true: "TRUE",
      verdict_satire: "SATIRE",
      verdict_unproven: "UNPROVEN",
      verdict_other: "OTHER",
      open_link: "open",
      json_heading: "JSON report (saring.report/1)",
      meta_line: "id {id} · language {lang} · {n} characters",
      removed_line: "{n} parts removed by cleaning",
      ocr_line: "read from an image ({layout}) · mean OCR confidence {conf}/100",
      ocr_unsure: "read with low confidence, check against the picture: {words}",
      need_input: "Paste the article text or choose a file first.",
      hint_SAR_E006: "Tick “also analyse text that is not Indonesian” to analyse it anyway.",
      network_error: "The server could not be reached.",
      footer: "Signals are hints, not verdicts. Check the original source.",
      lang_button: "Bahasa Indonesia",
    },
  };

  // Display names of the built-in signals; an unknown signal shows its registry name.
  const SIGNAL_NAMES = {
    id: {clickbait: "Judul umpan klik", spin: "Teks hasil spinning", copy: "Jejak salin-tempel",
         attribution: "Atribusi narasumber", tone: "Nada emosional", form: "Bentuk tulisan",
         scam: "Pola penipuan"},
    en: {clickbait: "Clickbait headline", spin: "Machine-spun text", copy: "Copy-paste artefacts",
         attribution: "Source attribution", tone: "Emotional tone", form: "Form of the text",
         scam: "Scam patterns"},
  };

  let lang = "id";
  try {
    const saved = window.localStorage.getItem("saring-lang");
    if (saved === "en" || saved === "id") lang = saved;
  } catch (e) { /* storage may be off; keep the default */ }

  function t(key, vars) {
    let text = STRINGS[lang][key] ?? STRINGS.id[key] ?? key;
    for (const [name, value] of Object.entries(vars || {})) text = text.split("{" + name + "}").join(String(value));
    return text;
  }

  // Decimals as the language writes them ("0,26" in Indonesian), as the server's sentences do.
  function number(x, digits) {
    const options = {minimumFractionDigits: digits, maximumFractionDigits: digits};
    return Number(x).toLocaleString(lang === "id" ? "id-ID" : "en-US", options);
  }

  function signalName(name) {
    return SIGNAL_NAMES[lang][name] || name;
  }

  function apply() {
    document.documentElement.lang = lang;
    for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
    for (const el of document.querySelectorAll("[data-i18n-placeholder]")) el.placeholder = t(el.dataset.i18nPlaceholder);
    const button = document.getElementById("lang-toggle");
    if (button) button.textContent = t("lang_button");
  }

  function toggle() {
    lang = lang === "id" ? "en" : "id";
    try { window.localStorage.setItem("saring-lang", lang); } catch (e) { /* ignore */ }
    apply();
  }

  window.SaringI18n = {t, signalName, number, apply, toggle, get lang() { return lang; }};
})();
