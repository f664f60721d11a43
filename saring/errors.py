"""One table of error codes shared by the CLI, the batch runner and the API.

Codes are stable (reports and logs refer to them); messages say what to do about the problem.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ErrorCode:
    code: str
    name: str
    http_status: int
    hint: str


CODES: dict[str, ErrorCode] = {
    e.name: e
    for e in (
        ErrorCode("SAR-E001", "empty_input", 422, "the input has no text; check the file or field name"),
        ErrorCode("SAR-E002", "binary_input", 415,
                  "the input looks binary (NUL bytes); give text, HTML, JSONL, CSV, WARC or an image"),
        ErrorCode("SAR-E003", "undecodable", 415, "the bytes are not UTF-8, cp1252 or latin-1 text"),
        ErrorCode("SAR-E004", "no_article", 422, "no article body was found in the HTML"),
        ErrorCode("SAR-E005", "too_large", 413, "the input is over the size limit; raise --max-bytes if intended"),
        ErrorCode("SAR-E006", "not_indonesian", 422, "the text is not Indonesian; pass --any-lang to analyse it anyway"),
        ErrorCode("SAR-E007", "malformed_record", 422, "the record could not be parsed"),
        ErrorCode("SAR-E008", "missing_field", 422, "the record lacks the text field; set --text-field"),
        ErrorCode("SAR-E009", "unsupported_format", 415, "unknown input format; use --format"),
        ErrorCode("SAR-E010", "missing_dependency", 500, "an optional dependency is not installed"),
        ErrorCode("SAR-E011", "not_found", 404, "the file or resource does not exist"),
        ErrorCode("SAR-E012", "bad_request", 400, "the request is not valid"),
        ErrorCode("SAR-E013", "unauthorized", 401, "a valid token is required"),
        ErrorCode("SAR-E014", "timeout", 504, "the work took longer than the time limit"),
        ErrorCode("SAR-E015", "store_error", 500, "the store could not be read or written"),
        ErrorCode("SAR-E016", "model_missing", 500, "no trained model is available; run saring train"),
        ErrorCode("SAR-E017", "forbidden", 403, "this server does not allow that; see docs/api.md for the setting"),
        ErrorCode("SAR-E018", "method_not_allowed", 405, "use the HTTP method shown in /openapi.json"),
        ErrorCode("SAR-E019", "unavailable", 503, "this part of the service is not available on this server"),
        ErrorCode("SAR-E020", "internal_error", 500, "an unexpected error; the server log has the details"),
        ErrorCode("SAR-E021", "request_timeout", 408, "the request body came too slowly; send it whole"),
        ErrorCode("SAR-E022", "output_error", 507, "cannot write the output; free space or write elsewhere"),
        ErrorCode("SAR-E023", "bad_image", 415, "not a readable still image; send one PNG, JPEG or WebP"),
        ErrorCode("SAR-E024", "ocr_unavailable", 500, "OCR model missing: apt-get install tesseract-ocr-ind"),
        ErrorCode("SAR-E025", "corrupt_input", 422,
                  "the file is truncated or corrupt from that offset on; re-fetch or repair it"),
        ErrorCode("SAR-E026", "too_short", 422,
                  "too little text to judge; give the whole article or message"),
        ErrorCode("SAR-E027", "too_complex", 422,
                  "the HTML is too big or too deeply nested to parse in bounded time; give the article text"),
    )
}


class SaringError(Exception):
    """An expected failure with a stable code; `str()` is the one-line message users see."""

    def __init__(self, name: str, detail: str = "", hint: str | None = None) -> None:
        self.error = CODES[name]
        self.detail = detail
        # A hint for where the code's shared one does not fit (it names a flag the command lacks).
        self.hint = hint or self.error.hint
        super().__init__(self.message)

    def __reduce__(self) -> tuple[type[SaringError], tuple[str, str, str]]:
        """Rebuilt from name, detail and hint when it crosses processes (a batch worker's failure)."""
        return (type(self), (self.name, self.detail, self.hint))

    @property
    def code(self) -> str:
        return self.error.code

    @property
    def name(self) -> str:
        return self.error.name

    @property
    def message(self) -> str:
        detail = f": {self.detail}" if self.detail else ""
        return f"{self.error.code} {self.error.name}{detail} ({self.hint})"


def require(module: str, extra: str) -> object:
    """Import an optional dependency or raise a coded error that names the extra to install."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise SaringError("missing_dependency", f"needs '{module}': pip install 'saring[{extra}]'") from exc
