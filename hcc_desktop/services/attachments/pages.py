"""Scanned pages to one compact PDF per component.

Documents are mostly black text on white paper: such a page is stored
bitonal (CCITT G4, a few tens of kB at 200 dpi); a page with photographs or
stamps in colour is stored in grayscale JPEG. Pages are brought to about
200 dpi. PDF files are kept as they are (their pages appended). A file that
is neither a readable image nor a readable PDF is refused, naming it, and
nothing is built.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from hcc_desktop.services.attachments.files import AttachmentError

TARGET_DPI = 200
# A4 at 200 dpi: the longest side of a page whose resolution is not recorded.
A4_LONG_SIDE = round(297 / 25.4 * TARGET_DPI)
# One component's PDF; a 30-page text document at 200 dpi is ~1.5 MB bitonal.
MAX_PDF_BYTES = 15 * 1024 * 1024
MAX_INPUT_BYTES = 60 * 1024 * 1024
MAX_PAGES = 200
JPEG_QUALITY = 45
# A page is "text" when fewer than this share of its pixels are mid-tones.
MIDTONE_SHARE = 0.15
BITONAL_THRESHOLD = 165

MODES = ("auto", "bitonal", "gray")


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f}".replace(".", ",")


def too_large(size: int) -> AttachmentError:
    limit = MAX_PDF_BYTES
    return AttachmentError(
        "attachment_too_large", size=size, limit=limit, size_mb=_mb(size), limit_mb=_mb(limit)
    )


@dataclass(frozen=True)
class PageSource:
    """One input: a file's bytes and the name shown in messages."""

    name: str
    data: bytes

    @classmethod
    def from_path(cls, path: Path | str) -> PageSource:
        p = Path(path)
        try:
            size = p.stat().st_size
            if size > MAX_INPUT_BYTES:
                raise AttachmentError("attachment_input_too_large", name=p.name, size_mb=_mb(size))
            return cls(p.name, p.read_bytes())
        except OSError as exc:
            raise AttachmentError("attachment_unreadable", name=p.name, detail=str(exc)) from exc


@dataclass(frozen=True)
class BuiltPdf:
    data: bytes
    pages: int


def _is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(b"%PDF")


def _pdf_pages(source: PageSource) -> int:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        count = len(PdfReader(io.BytesIO(source.data)).pages)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise AttachmentError("attachment_corrupt_file", name=source.name, detail=str(exc)) from exc
    if count == 0:
        raise AttachmentError("attachment_corrupt_file", name=source.name, detail="no pages")
    return count


def _open_frames(source: PageSource) -> list[object]:
    from PIL import Image, ImageOps, ImageSequence

    try:
        image = Image.open(io.BytesIO(source.data))
        if image.format == "JPEG":
            # Decode only the luminance: the page is kept gray anyway.
            image.draft("L", image.size)
        frames: list[object] = []
        for frame in ImageSequence.Iterator(image):
            frame.load()
            frames.append(ImageOps.exif_transpose(frame.copy()))
        if not frames:
            raise ValueError("no image")
        return frames
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise AttachmentError("attachment_corrupt_file", name=source.name, detail=str(exc)) from exc


def _scale_for(image: object) -> float:
    from PIL import Image

    assert isinstance(image, Image.Image)
    dpi = image.info.get("dpi")
    try:
        x_dpi = float(dpi[0]) if dpi else 0.0
    except (TypeError, ValueError, IndexError):
        x_dpi = 0.0
    if x_dpi >= 50:
        return min(1.0, TARGET_DPI / x_dpi)
    return min(1.0, A4_LONG_SIDE / max(image.size))


def prepare_page(image: object, mode: str = "auto") -> object:
    """One page, gray, ~200 dpi, bitonal when it is text (or when ``mode`` says)."""
    from PIL import Image

    assert isinstance(image, Image.Image)
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}")
    gray = image.convert("L")
    scale = _scale_for(image)
    if scale < 0.98:
        size = (max(1, round(gray.width * scale)), max(1, round(gray.height * scale)))
        gray = gray.resize(size, Image.Resampling.BILINEAR, reducing_gap=2.0)
    if mode == "auto":
        histogram = gray.histogram()
        mid = sum(histogram[64:192])
        mode = "bitonal" if mid < MIDTONE_SHARE * gray.width * gray.height else "gray"
    if mode == "bitonal":
        return gray.point(lambda v: 255 if v >= BITONAL_THRESHOLD else 0, mode="1")
    return gray


def _images_to_pdf(pages: Sequence[object]) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    first = pages[0]
    assert isinstance(first, Image.Image)
    extra: dict[str, object] = {}
    if all(getattr(p, "mode", "") == "L" for p in pages):
        # Pillow hands the option to the TIFF (G4) encoder too, which refuses it.
        extra["quality"] = JPEG_QUALITY
    first.save(
        out,
        "PDF",
        save_all=True,
        append_images=list(pages[1:]),
        resolution=float(TARGET_DPI),
        **extra,
    )
    return out.getvalue()


def _prepare_all(frames: list[object], mode: str) -> list[object]:
    if len(frames) < 2:
        return [prepare_page(f, mode) for f in frames]
    # Pillow releases the GIL while it decodes, scales and thresholds.
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        return list(pool.map(lambda f: prepare_page(f, mode), frames))


def build_pdf(sources: Sequence[PageSource], *, mode: str = "auto") -> BuiltPdf:
    """One PDF of every page of ``sources``, in order; refuses a corrupt file
    or a result over :data:`MAX_PDF_BYTES` (nothing is built)."""
    if not sources:
        raise AttachmentError("attachment_no_files")
    parts: list[tuple[str, bytes, int]] = []  # ("pdf"|"img", bytes, pages)
    run: list[object] = []

    def flush() -> None:
        if run:
            parts.append(("img", _images_to_pdf(run), len(run)))
            run.clear()

    for source in sources:
        if _is_pdf(source.data):
            flush()
            parts.append(("pdf", source.data, _pdf_pages(source)))
        else:
            run.extend(_prepare_all(_open_frames(source), mode))
    flush()
    pages = sum(p[2] for p in parts)
    if pages > MAX_PAGES:
        raise AttachmentError("attachment_too_many_pages", pages=pages, limit=MAX_PAGES)
    if len(parts) == 1:
        data = parts[0][1]
    else:
        from pypdf import PdfWriter

        writer = PdfWriter()
        for _kind, part, _n in parts:
            writer.append(io.BytesIO(part))
        buffer = io.BytesIO()
        writer.write(buffer)
        data = buffer.getvalue()
    if len(data) > MAX_PDF_BYTES:
        raise too_large(len(data))
    return BuiltPdf(data, pages)
