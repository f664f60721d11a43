"""One table of error codes shared by the CLI, the batch runner and the API.

Codes are stable (reports and logs refer to them); messages say what to do about the problem. The
hint of each code, and the details assembled where an error is raised, are catalogue messages
(`saring/messages/catalogue/errors.toml`, `details.toml`): the CLI and the API render them in the reader's
language; tests/messages/test_no_english_errors.py fails on a detail or hint written as English in code.
`str()` of an error, its `message` and `detail` stay English: they are what logs, tracebacks and
`rejects.jsonl` keep, for the people who maintain Saring.
"""

from __future__ import annotations

from dataclasses import dataclass

from saring.messages import Msg, msg, render


@dataclass(frozen=True, slots=True)
class ErrorCode:
    code: str
    name: str
    http_status: int

    @property
    def hint(self) -> Msg:
        """What to do about it (catalogue `errors.<name>.hint`)."""
        return Msg(f"errors.{self.name}.hint")


CODES: dict[str, ErrorCode] = {
    e.name: e
    for e in (
        ErrorCode("SAR-E001", "empty_input", 422),
        ErrorCode("SAR-E002", "binary_input", 415),
        ErrorCode("SAR-E003", "undecodable", 415),
        ErrorCode("SAR-E004", "no_article", 422),
        ErrorCode("SAR-E005", "too_large", 413),
        ErrorCode("SAR-E006", "not_indonesian", 422),
        ErrorCode("SAR-E007", "malformed_record", 422),
        ErrorCode("SAR-E008", "missing_field", 422),
        ErrorCode("SAR-E009", "unsupported_format", 415),
        ErrorCode("SAR-E010", "missing_dependency", 500),
        ErrorCode("SAR-E011", "not_found", 404),
        ErrorCode("SAR-E012", "bad_request", 400),
        ErrorCode("SAR-E013", "unauthorized", 401),
        ErrorCode("SAR-E014", "timeout", 504),
        ErrorCode("SAR-E015", "store_error", 500),
        ErrorCode("SAR-E016", "model_missing", 500),
        ErrorCode("SAR-E017", "forbidden", 403),
        ErrorCode("SAR-E018", "method_not_allowed", 405),
        ErrorCode("SAR-E019", "unavailable", 503),
        ErrorCode("SAR-E020", "internal_error", 500),
        ErrorCode("SAR-E021", "request_timeout", 408),
        ErrorCode("SAR-E022", "output_error", 507),
        ErrorCode("SAR-E023", "bad_image", 415),
        ErrorCode("SAR-E024", "ocr_unavailable", 500),
        ErrorCode("SAR-E025", "corrupt_input", 422),
        ErrorCode("SAR-E026", "too_short", 422),
        ErrorCode("SAR-E027", "too_complex", 422),
    )
}


class SaringError(Exception):
    """An expected failure with a stable code; `render(lang)` is the one-line message users see.

    `detail` and `hint` may be plain text (technical values, or words for programmers) or a `Msg`.
    """

    def __init__(self, name: str, detail: str | Msg = "", hint: str | Msg | None = None) -> None:
        self.error = CODES[name]
        self.detail_msg = detail
        # A hint for where the code's shared one does not fit (it names a flag the command lacks).
        self.hint = hint or self.error.hint
        super().__init__(self.message)

    def __reduce__(self) -> tuple[type[SaringError], tuple[str, str | Msg, str | Msg]]:
        """Rebuilt from name, detail and hint when it crosses processes (a batch worker's failure)."""
        return (type(self), (self.name, self.detail_msg, self.hint))

    @property
    def code(self) -> str:
        return self.error.code

    @property
    def name(self) -> str:
        return self.error.name

    @property
    def detail(self) -> str:
        return render(self.detail_msg, "en")

    def to_msg(self) -> Msg:
        """The whole line as a message: code, name, detail and hint (`errors.line`)."""
        params = {"code": self.code, "name": self.name, "hint": self.hint}
        if self.detail_msg:
            return Msg("errors.line", {**params, "detail": self.detail_msg})
        return Msg("errors.line_bare", params)

    def render(self, lang: str) -> str:
        """`SAR-E006 not_indonesian: <detail> (<hint>)` in `lang`."""
        return render(self.to_msg(), lang)

    @property
    def message(self) -> str:
        return self.render("en")


def require(module: str, extra: str) -> object:
    """Import an optional dependency or raise a coded error that names the extra to install."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        detail = msg("errors.detail.needs_extra", module=module, extra=extra)
        raise SaringError("missing_dependency", detail) from exc
