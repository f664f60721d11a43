"""Screenshots (PNG, JPEG, WebP) to Articles: decode under explicit limits, OCR, read the layout.

Most rumours reach Indonesian readers as an image of a chat forward, a post or a fake news page. The
image is checked before any pixel is decoded (format, frame count, dimensions), so a decompression
bomb or a 100,000-pixel-tall strip costs a header read, not gigabytes; a truncated file is a coded
`bad_image`, never a traceback.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from saring.article import Article, OcrInfo, SourceRef
from saring.errors import SaringError, require
from saring.ingest.base import content_id
from saring.messages import msg

if TYPE_CHECKING:
    from PIL.Image import Image

# 12 Mpx holds a 1080 x 11,000 scrolling screenshot (five phone screens); decoded to 8-bit gray it is
# 12 MB, Tesseract's working copies stay well under 400 MB and, filled with text, it is read within the
# OCR time limit (benchmarks/ocr_eval.py --limits measures both).
MAX_PIXELS = 12_000_000
MAX_SIDE = 20_000
_FORMATS = ("PNG", "JPEG", "WEBP")
_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF8")
# Narrower than this is a thumbnail or a low-resolution forward whose letters are too small for
# Tesseract: scale it up twice (when the result stays under MAX_PIXELS).
_UPSCALE_BELOW = 600
_DARK_MEAN = 110  # mean gray level under which the page is dark mode: invert to dark text on light


def looks_like_image(head: bytes) -> bool:
    """PNG, JPEG, GIF or WebP by their first bytes (GIF only to refuse it with a clear code)."""
    return head.startswith(_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP")


def read_image(data: bytes, source: SourceRef) -> Article:
    """OCR the image and build the Article: headline, body, removed chrome, OCR confidence."""
    from saring.ingest.layout import read_page
    from saring.ingest.ocr import recognize

    image = decode_image(data, source.path)
    page = read_page(recognize(image), image.height)
    if not page.paragraphs:
        raise SaringError("empty_input", msg("ocr.error.no_text", path=source.path))
    body = "\n\n".join(page.paragraphs)
    ocr = OcrInfo(page.layout, page.mean_confidence, tuple(page.lines), tuple(page.low_confidence))
    return Article(
        id=content_id(page.title, body), raw_text=body, title=page.title, source=source,
        removed=page.removed, ocr=ocr,
    )


def image_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) from the header alone, or None when it is not an image we read."""
    try:
        with _open(data, "image") as image:
            return image.size
    except SaringError:
        return None


def decode_image(data: bytes, label: str) -> Image:
    """8-bit gray pixels, dark text on light, at a size Tesseract reads; limits checked before decoding."""
    from PIL import Image, ImageOps

    with _open(data, label) as image:
        _check_limits(image, label)
        try:
            gray = ImageOps.exif_transpose(image).convert("L")
        except (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError) as exc:
            raise SaringError("bad_image", f"{label}: {exc}") from exc
    if _mean_level(gray) < _DARK_MEAN:
        gray = ImageOps.invert(gray)
    if gray.width < _UPSCALE_BELOW and 4 * gray.width * gray.height <= MAX_PIXELS:
        gray = gray.resize((gray.width * 2, gray.height * 2), Image.Resampling.LANCZOS)
    return gray


def _open(data: bytes, label: str) -> Image:
    require("PIL", "ocr")
    import warnings

    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return Image.open(io.BytesIO(data), formats=_FORMATS)
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
        raise SaringError("too_large", f"{label}: {exc}") from exc
    except UnidentifiedImageError as exc:
        raise SaringError("bad_image", msg("ocr.error.not_an_image", path=label, reason=str(exc))) from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise SaringError("bad_image", f"{label}: {exc}") from exc


def _check_limits(image: Image, label: str) -> None:
    width, height = image.size
    if width * height > MAX_PIXELS or max(width, height) > MAX_SIDE:
        sizes = {"width": width, "height": height, "limit": MAX_PIXELS, "side": MAX_SIDE}
        raise SaringError("too_large", msg("ocr.error.too_large", path=label, **sizes))
    frames = int(getattr(image, "n_frames", 1))
    if frames > 1:
        raise SaringError("bad_image", msg("ocr.error.animated", path=label, frames=frames))


def _mean_level(gray: Image) -> float:
    from PIL import ImageStat

    return float(ImageStat.Stat(gray.reduce(4) if min(gray.size) >= 8 else gray).mean[0])
