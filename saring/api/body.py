"""Reading a JSON request body safely: the declared media type first, then its shape, then parsing.

`json.loads` recurses once per nesting level: a 200 KB body of `[` ends in RecursionError (a 500) before
any validation. And a 2 MB object of 150,000 unknown keys costs 2.5 s and 200 MB to validate into as
many errors. So depth and value count are measured first, in linear time without recursion, and a body
over either limit is refused unparsed. No request body needs more than a few levels or a few thousand
values (1000 articles of 7 fields).
"""

from __future__ import annotations

import json
import re
from typing import Any

from starlette.requests import Request

from saring.api.settings import ApiSettings
from saring.errors import SaringError
from saring.messages import Msg, msg

_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')  # a JSON string (brackets inside it do not nest)
_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b"[]{},")


def media_type(request: Request) -> str:
    """`application/json` from `Content-Type: application/json; charset=utf-8`; '' when absent."""
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


def require_json(request: Request, alternative: Msg | str = "") -> None:
    """Refuse (415) a body that is not declared as JSON, including one with no Content-Type at all."""
    found = media_type(request)
    if found != "application/json":
        if found:
            detail = msg("api.body.wrong_content_type", found=found, alternative=alternative)
        else:
            detail = msg("api.body.no_content_type", alternative=alternative)
        raise SaringError("unsupported_format", detail)


def json_shape(body: bytes) -> tuple[int, int]:
    """(deepest nesting of arrays and objects, values beyond the first in each) of `body`, strings skipped.

    Exact for valid JSON; for anything else an estimate, good enough to refuse it before parsing.
    """
    import numpy as np

    structure = _STRING.sub(b"", body).translate(None, _NOT_STRUCTURE)
    codes = np.frombuffer(structure, dtype=np.uint8)
    opens = (codes == ord("[")) | (codes == ord("{"))
    closes = (codes == ord("]")) | (codes == ord("}"))
    depth = int(np.cumsum(opens.astype(np.int32) - closes, dtype=np.int32).max(initial=0))
    return depth, len(codes) - int(opens.sum()) - int(closes.sum())


def parse_json(body: bytes, settings: ApiSettings) -> Any:
    """The parsed body, or a coded 400 for invalid, too deeply nested or too large JSON."""
    depth, commas = json_shape(body)
    if depth > settings.max_json_depth:
        detail = msg("api.body.too_deep", depth=depth, limit=settings.max_json_depth)
        raise SaringError("bad_request", detail)
    if commas >= settings.max_json_values:
        detail = msg("api.body.too_many_values", values=commas, limit=settings.max_json_values)
        raise SaringError("bad_request", detail)
    try:
        return json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SaringError("bad_request", msg("api.body.invalid_json", reason=str(exc))) from exc
    except RecursionError:  # only with a depth limit set above the interpreter's recursion limit
        raise SaringError("bad_request", msg("api.body.nested_too_deeply")) from None
