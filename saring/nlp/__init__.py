"""Shared text utilities for Indonesian news text (sentence splitting), used by signals and claims."""

from saring.nlp.sentences import split_sentences

__all__ = ["split_sentences"]
