"""Synthetic scanned pages for the attachment tests and benchmarks."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT = Path(__file__).resolve().parents[1] / "resources" / "fonts" / "LiberationSerif-Regular.ttf"
LINE = "Cộng hòa xã hội chủ nghĩa Việt Nam — Độc lập, Tự do, Hạnh phúc. Giấy khai sinh số {}"


@cache
def text_page(dpi: int = 200, fmt: str = "PNG") -> bytes:
    """An A4 page of dense text as a scanner gives it (slightly blurred, off-white)."""
    width, height = round(8.27 * dpi), round(11.69 * dpi)
    image = Image.new("L", (width, height), 246)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), max(8, dpi * 12 // 72))
    step = dpi * 18 // 72
    for i in range((height - 2 * dpi) // step):
        draw.text((dpi, dpi + i * step), LINE.format(i), fill=25, font=font)
    image = image.filter(ImageFilter.GaussianBlur(0.8))
    out = io.BytesIO()
    image.save(out, fmt, dpi=(dpi, dpi))
    return out.getvalue()


def photo_page() -> bytes:
    """A page of mid-tones (a photograph): kept in grayscale, not bitonal."""
    image = Image.linear_gradient("L").resize((800, 1100))
    out = io.BytesIO()
    image.convert("RGB").save(out, "JPEG", quality=90)
    return out.getvalue()


def write_pages(directory: Path, count: int, *, dpi: int = 200, fmt: str = "PNG") -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        p = directory / f"page{i + 1:02d}.{fmt.lower()}"
        p.write_bytes(text_page(dpi, fmt))
        paths.append(p)
    return paths
