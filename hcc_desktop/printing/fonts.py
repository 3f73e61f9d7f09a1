"""The embedded serif family of the printed forms (Liberation Serif, Times-metric).

Decree 30/2020/NĐ-CP asks for a Times New Roman-like face with full Vietnamese
coverage; reportlab's base-14 fonts have neither, and fonts installed on the
machine differ between counters, so the TTFs shipped in ``resources/fonts`` are
registered once and embedded (subsetted) in every PDF.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from hcc_desktop.core.errors import PrintError

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"

FAMILY = "LiberationSerif"
REGULAR = "LiberationSerif"
BOLD = "LiberationSerif-Bold"
ITALIC = "LiberationSerif-Italic"
BOLD_ITALIC = "LiberationSerif-BoldItalic"

_FILES = {
    REGULAR: "LiberationSerif-Regular.ttf",
    BOLD: "LiberationSerif-Bold.ttf",
    ITALIC: "LiberationSerif-Italic.ttf",
    BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}


@dataclass(frozen=True)
class FontFamily:
    """reportlab names of the four faces, valid once :func:`register_fonts` returned."""

    regular: str = REGULAR
    bold: str = BOLD
    italic: str = ITALIC
    bold_italic: str = BOLD_ITALIC


_lock = threading.Lock()
_registered: FontFamily | None = None


def register_fonts() -> FontFamily:
    """Register the Liberation Serif family with reportlab, once per process.

    Parsing four TTFs costs tens of milliseconds, so later calls return the cached
    result without touching reportlab. Raises :class:`PrintError` ``font_missing``
    or ``font_invalid`` when a file is absent or unreadable.
    """
    global _registered
    family = _registered
    if family is not None:
        return family
    with _lock:
        if _registered is not None:
            return _registered
        fonts: list[TTFont] = []
        for name, filename in _FILES.items():
            path = FONT_DIR / filename
            if not path.is_file():
                raise PrintError("font_missing", path=str(path))
            try:
                fonts.append(TTFont(name, str(path)))
            except Exception as exc:  # reportlab raises bare TTFError/struct errors
                raise PrintError("font_invalid", path=str(path), reason=str(exc)) from exc
        for font in fonts:
            pdfmetrics.registerFont(font)
        # <b>/<i> inside Paragraph markup resolve through these mappings.
        for name in (REGULAR, BOLD, ITALIC, BOLD_ITALIC):
            addMapping(name, 0, 0, REGULAR)
            addMapping(name, 1, 0, BOLD)
            addMapping(name, 0, 1, ITALIC)
            addMapping(name, 1, 1, BOLD_ITALIC)
        _registered = FontFamily()
        return _registered
