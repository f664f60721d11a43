"""Fuzzing the API's inputs (issue 15): random JSON, raw bodies, headers and uploads on every route.

Whatever arrives, the answer is never a 500, every error has the one error body (whose hint names no
command-line flag), and every answer carries the security headers. The hand-made hostile cases (deep
JSON, no Content-Type, ...) are in test_hostile.py; here Hypothesis looks for the cases nobody thought of.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.api.test_errors import assert_error_shape
from tests.api.test_hostile import DEEP, JSON, TEXT, TOKEN, assert_secure

FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WRITES = ("/v1/index", "/v1/factchecks")
ROUTES = ("/v1/check", "/v1/trace", *WRITES)

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
texts = st.one_of(st.text(max_size=300), st.just(TEXT), st.builds(lambda s: TEXT + s, st.text(max_size=50)))
# Objects shaped like the real bodies, with any value in any field, so that fuzzing gets past the parser.
article_like = st.fixed_dictionaries(
    {},
    optional={
        "text": texts | json_values,
        "title": st.text(max_size=60) | json_values,
        "url": st.sampled_from(["https://contoh.co.id/a", "javascript:alert(1)", "http://127.0.0.1/"])
        | st.text(max_size=30),
        "id": st.text(max_size=20),
        "published": st.text(max_size=20),
        "any_lang": st.booleans() | json_values,
        "extra": json_values,
    },
)
bodies = st.one_of(
    article_like,
    st.fixed_dictionaries({"articles": st.lists(article_like, max_size=3) | json_values}),
    st.fixed_dictionaries(
        {
            "factchecks": st.lists(
                st.fixed_dictionaries(
                    {"claim": texts},
                    optional={
                        "verdict": json_values,
                        "rating": st.text(max_size=20),
                        "url": st.text(max_size=30),
                    },
                ),
                max_size=3,
            )
        }
    ),
    json_values,
)
content_types = st.sampled_from(
    ["application/json", "application/json; charset=latin-1", "APPLICATION/JSON", "text/plain", "",
     "multipart/form-data", "multipart/form-data; boundary=", "application/x-www-form-urlencoded"]
) | st.text(max_size=30)  # fmt: skip


def _check(response: Any) -> None:
    assert response.status_code != 500, response.text
    assert_secure(response)
    if response.status_code >= 400:
        body = assert_error_shape(response, response.json()["code"])
        # no CLI flag in an API answer (the client's own value, echoed in quotes, may hold anything)
        said = re.sub(r"'[^']*'", "''", body["error"])
        assert not re.search(r"--[a-z]", said), body["error"]


def _client(api: Callable[..., Any]) -> Any:
    return api(write_token="rahasia", max_body_bytes=20_000)


@pytest.mark.parametrize("route", ROUTES)
def test_fuzz_json_bodies(api: Any, route: str) -> None:
    client = _client(api)

    @FUZZ
    @given(body=bodies)
    def run(body: Any) -> None:
        _check(client.post(route, content=json.dumps(body).encode(), headers=JSON | TOKEN))

    run()


@pytest.mark.parametrize("route", ROUTES)
def test_fuzz_raw_bytes_and_content_types(api: Any, route: str) -> None:
    client = _client(api)

    @FUZZ
    @given(
        data=st.binary(max_size=400) | st.just(DEEP[:2000] + DEEP[-2000:]) | st.just(b'{"text": "\\ud800"}'),
        content_type=content_types,
    )
    def run(data: bytes, content_type: str) -> None:
        headers: dict[str, Any] = TOKEN | ({"content-type": content_type.encode()} if content_type else {})
        _check(client.post(route, content=data, headers=headers))

    run()


@pytest.mark.parametrize("route", ["/v1/check", "/v1/trace"])
def test_fuzz_uploads(api: Any, route: str) -> None:
    client = _client(api)

    @FUZZ
    @given(
        name=st.text(max_size=30) | st.sampled_from(["a.html", "a.txt", "a.jsonl", "a.png", "../../x"]),
        data=st.binary(max_size=600) | texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
        fields=st.dictionaries(st.sampled_from(["title", "url", "any_lang", "other"]), st.text(max_size=20)),
        media=st.sampled_from(["text/plain", "text/html", "application/octet-stream", "image/png"]),
    )
    def run(name: str, data: bytes, fields: dict[str, str], media: str) -> None:
        _check(client.post(route, files={"file": (name, data, media)}, data=fields))

    run()


def test_fuzz_headers_and_queries(api: Any) -> None:
    client = _client(api)

    @FUZZ
    @given(
        authorization=st.text(max_size=40).filter(lambda s: s.isprintable() and s.isascii()),
        q=st.text(max_size=60),
        limit=st.text(max_size=6) | st.integers(-5, 10**6).map(str),
    )
    def run(authorization: str, q: str, limit: str) -> None:
        index = {"articles": [{"text": TEXT}]}
        _check(client.post("/v1/index", json=index, headers={"Authorization": authorization}))
        _check(client.get("/v1/claims/search", params={"q": q, "limit": limit}))

    run()
