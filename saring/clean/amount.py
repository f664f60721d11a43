"""How much text is worth judging, and how much is analysed: a floor and a ceiling on the cleaned text.

The floor was chosen on real forwarded rumours (the texts of turnbackhoax_2024 and
indonesia_false_news_bdc2020): at least `min_words` words and `min_letters` letters, title and text
together. It refuses "ok" and the texts that hold no claim at all ("Assalamualaikum", "BACOT!",
"VIRALKAN…", a bare phone number: 0.32% and 0.17% of those datasets) while the shortest real claims,
such as "Gempa Bengkulu 9,8 SR" or "Provokator DPO", are judged. The ceiling keeps every analysis
within seconds: signal time grows with the text (attribution takes ~5 s on 4.9 MB of one line),
and the longest article in the shared corpora is 32,767 characters.
"""

from __future__ import annotations

import re

from saring.errors import SaringError
from saring.messages import msg
from saring.settings import IngestOptions

_LETTER = re.compile(r"[^\W\d_]")
_LETTER_SAMPLE = 400  # characters of the text in which letters are counted


def amount_problem(title: str, text: str, options: IngestOptions) -> SaringError | None:
    """Why the cleaned `text` (with its `title`) is not analysed, or None when it is fine."""
    if not text:
        return SaringError("empty_input", msg("errors.detail.nothing_left"))
    if len(text) > options.max_text_chars:
        detail = msg("errors.detail.cleaned_too_long", n=len(text), limit=options.max_text_chars)
        return SaringError("too_large", detail, hint=msg("errors.hint.one_article"))
    words = len(title.split()) + len(text.split())
    letters = len(_LETTER.findall(f"{title} {text[:_LETTER_SAMPLE]}"))  # exact for the texts it refuses
    if words >= options.min_words and letters >= options.min_letters:
        return None
    code = "errors.detail.too_short_one_word" if words == 1 else "errors.detail.too_short"
    need = {"min_words": options.min_words, "min_letters": options.min_letters}
    return SaringError("too_short", msg(code, words=words, letters=letters, **need))

