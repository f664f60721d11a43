"""Indonesian lexical resources: tokens, the mythes-id synonym graph, corpus collocations.

Public API (artefacts load lazily on first use, once per process):

- `tokenize(text)` / `words(text)`: tokens with offsets, the one tokeniser the statistics use;
- `load_thesaurus()`: the synonym graph (`Thesaurus.synonyms(word)`, `.canonical(word)`);
- `canonical_tokens(text, stem=False)`: every word mapped to the head of its synonym group, so a
  spun copy yields (nearly) the same tokens as its original (for near-duplicate search);
- `load_collocations()`: bigram statistics that score how well each synonym fits a context.
"""

from saring.lexicon.canonical import canonical_tokens
from saring.lexicon.collocations import load_collocations
from saring.lexicon.thesaurus import load_thesaurus
from saring.lexicon.tokens import tokenize, words

__all__ = ["canonical_tokens", "load_collocations", "load_thesaurus", "tokenize", "words"]
