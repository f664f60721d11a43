"""The optional parts the API exposes (provenance index, fact-check search), found by import.

A part that is not installed or not built yet answers a coded 503 instead of breaking the app, so
`/v1/check` keeps working on a minimal install.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from saring.errors import SaringError
from saring.messages import msg

# feature -> (module, name): the public functions and classes of saring.index and saring.claims.
FEATURES: dict[str, tuple[str, str]] = {
    "trace": ("saring.index", "trace"),
    "index": ("saring.index", "add_articles"),
    "claims_search": ("saring.claims.retrieval", "FactCheckIndex"),
    "factchecks": ("saring.claims.storage", "import_factchecks"),
    "factcheck_record": ("saring.claims.factchecks", "fact_check_from_record"),
}


def component(feature: str) -> Callable[..., Any]:
    """The function behind `feature`, or a 503 `unavailable` error naming what is missing."""
    module_name, attr = FEATURES[feature]
    try:
        found = getattr(importlib.import_module(module_name), attr, None)
    except ImportError:
        found = None
    if found is None:
        detail = msg("api.feature_missing", feature=feature, name=f"{module_name}.{attr}")
        raise SaringError("unavailable", detail)
    fn: Callable[..., Any] = found
    return fn


# What /health reports: each optional endpoint and the components it needs.
ENDPOINTS: dict[str, tuple[str, ...]] = {
    "trace": ("trace",),
    "index": ("index",),
    "claims_search": ("claims_search",),
    "factchecks": ("factchecks", "factcheck_record"),
}


def available() -> dict[str, bool]:
    return {endpoint: all(_found(f) for f in needs) for endpoint, needs in ENDPOINTS.items()}


def _found(feature: str) -> bool:
    try:
        component(feature)
    except SaringError:
        return False
    return True
