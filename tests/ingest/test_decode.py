"""The mojibake pre-check agrees with ftfy's own test, on the installed ftfy and on real text."""

from __future__ import annotations

import json
import re
import re._constants as sre
import re._parser as sre_parse
from typing import Any

import pytest
from ftfy.badness import BADNESS_RE, is_bad
from hypothesis import given, settings
from hypothesis import strategies as st

from saring.ingest.decode import (
    _MAC_ROMAN_MOJIBAKE,
    BADNESS_MARGIN,
    CLEAN_NON_ASCII,
    _control_ratio,
    _may_be_bad,
    _non_ascii,
    repair_mojibake,
)
from tests.conftest import DATA, need

CORPUS = DATA / "clickid_raw_articles_2019" / "normalized.jsonl"


def _needs_suspect(items: Any) -> bool:
    """Whether every string this parsed pattern sequence matches holds a character that is neither ASCII
    nor in CLEAN_NON_ASCII."""
    for op, av in items:
        if op == sre.LITERAL and _suspect(av, av):
            return True
        if op == sre.IN and not any(o == sre.NEGATE for o, _ in av) and all(
            (o == sre.LITERAL and _suspect(a, a)) or (o == sre.RANGE and _suspect(*a)) for o, a in av
        ):
            return True
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1 and _needs_suspect(av[2]):
            return True
        if op == sre.SUBPATTERN and _needs_suspect(av[3]):
            return True
        if op == sre.BRANCH and all(_needs_suspect(branch) for branch in av[1]):
            return True
    return False


def _suspect(first: int, last: int) -> bool:
    """Whether every character of the range first..last is suspect."""
    return first >= 128 and not any(first <= ord(c) <= last for c in CLEAN_NON_ASCII)


def test_decode_ftfy_pattern_fits_the_window_search() -> None:
    """If an ftfy upgrade breaks either assumption of `_may_be_bad`, this fails (not the users)."""
    parsed = sre_parse.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
    assert parsed.getwidth()[1] < BADNESS_MARGIN
    assert _needs_suspect(list(parsed))
    assert _needs_suspect(list(sre_parse.parse(_MAC_ROMAN_MOJIBAKE.pattern)))  # repair_mojibake skips both
    assert not BADNESS_RE.flags & re.MULTILINE  # `^` only at the text's start, which the windows keep


MOJIBAKE_AND_CLEAN = st.sampled_from("aZ .,\n\"'ÃÂâ€œ™˜¢£Â Ã©èœŒ°·»«–—‚ÄúÙÛ¿¡\x85\x93ðŸ˜‚" + CLEAN_NON_ASCII)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=MOJIBAKE_AND_CLEAN, max_size=60))
def test_decode_precheck_equals_ftfy_on_generated_text(text: str) -> None:
    assert _may_be_bad(text) == is_bad(text)


def test_decode_precheck_equals_ftfy_on_the_corpus_and_its_mojibake() -> None:
    texts: list[str] = []
    with open(need(CORPUS), encoding="utf-8") as fh:
        for _, line in zip(range(1500), fh, strict=False):
            text = json.loads(line).get("text") or ""
            texts.append(text)
            if not text.isascii():
                texts.append(text.encode("utf-8").decode("cp1252", errors="replace"))  # typical damage
    assert sum(not t.isascii() for t in texts) > 500
    for text in texts:
        assert _may_be_bad(text) == is_bad(text)


@pytest.mark.parametrize("damaged, clean", [("Ã©tÃ©", "été"), ("â€œKutipanâ€\x9d", "“Kutipan”"),
                                            ("Presiden â€“ katanya", "Presiden – katanya")])
def test_decode_repair_still_repairs(damaged: str, clean: str) -> None:
    assert repair_mojibake(damaged) == clean
    assert repair_mojibake(clean) == clean


CONTROLS = st.text(alphabet=st.sampled_from("a \t\n\r\x0b\x0c\x00\x08\x0e\x1f\x7f\x80\x9f\xa0\xc2\ud800é"))


@settings(max_examples=500, deadline=None)
@given(st.one_of(CONTROLS, st.text()))
def test_control_ratio_counts_what_the_character_class_matches(text: str) -> None:
    sample = text[:8192]
    plain = len(re.findall("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]", sample)) / len(sample) if sample else 0.0
    assert _control_ratio(text) == plain


@settings(max_examples=300, deadline=None)
@given(st.one_of(CONTROLS, st.text()))
def test_non_ascii_keeps_exactly_the_non_ascii_characters(text: str) -> None:
    assert _non_ascii(text) == "".join(c for c in text if ord(c) >= 128)
