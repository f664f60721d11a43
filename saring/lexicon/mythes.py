"""Parse a MyThes thesaurus (.dat), such as Debian's mythes-id `th_id_ID_v2.dat`.

Used at build time only: the runtime reads the compact graph derived from it (`thesaurus.py`).
Format: the first line names the encoding (ISO-8859-1 for mythes-id); then each entry is
``headword|n`` followed by `n` sense lines ``[pos]|syn1|syn2|...``. Antonym senses (``[ant]``) are
kept apart because a spinner never swaps a word for its antonym. mythes-id has a few malformed tags
("[ant]cukup", "ant]", a missing bracket); they are repaired rather than dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_PATH = Path("/usr/share/mythes/th_id_ID_v2.dat")


@dataclass(frozen=True, slots=True)
class Sense:
    pos: str  # "n", "v", "a", "adv", "p", "num", "pron", "ant" or "" when missing
    words: tuple[str, ...]

    @property
    def is_antonym(self) -> bool:
        return self.pos == "ant"


def parse_sense(line: str) -> Sense:
    """One sense line; a word glued to the tag ("[v]benguk") becomes the first synonym."""
    first, *rest = line.split("|")
    pos, glued = "", first
    if first.startswith("[") or "]" in first:
        tag, _, glued = first.lstrip("[").partition("]")
        pos = tag.strip().lower()
    words = [w.strip() for w in (glued, *rest)]
    return Sense(pos=pos, words=tuple(w for w in words if w))


def parse_mythes(text: str) -> dict[str, list[Sense]]:
    """Headword -> senses, from the decoded text of a .dat file (encoding line included)."""
    lines = text.split("\n")
    entries: dict[str, list[Sense]] = {}
    i = 1  # line 0 names the encoding
    while i < len(lines):
        head, _, count = lines[i].rpartition("|")
        if not head or not count.strip().isdigit():
            i += 1
            continue
        n = int(count)
        entries.setdefault(head.strip(), []).extend(parse_sense(s) for s in lines[i + 1 : i + 1 + n])
        i += 1 + n
    return entries


def read_mythes(path: Path = DEFAULT_PATH) -> dict[str, list[Sense]]:
    """Read and parse a .dat file in the encoding its first line names."""
    raw = path.read_bytes()
    encoding = raw.split(b"\n", 1)[0].decode("ascii", "replace").strip() or "ISO-8859-1"
    return parse_mythes(raw.decode(encoding, "replace"))
