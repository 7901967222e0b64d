"""A scatter plot drawn on the server as SVG, for the validity report (page and PDF show the same picture).

Like hiring.documents.charts: every text is XML-escaped here, presentation attributes only, no scripts and no
external references, so a caller may insert the result with `|safe`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from xml.sax.saxutils import escape

FONT_FAMILY = "DejaVu Sans, sans-serif"
WIDTH, HEIGHT = 520, 340
_LEFT, _RIGHT, _TOP, _BOTTOM = 56, 16, 44, 40
_INK = "#1f2933"
_MUTED = "#5b6775"
_GRID = "#d5dae1"
_DOT = "#2f5d8a"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: object) -> str:
    return escape(_NOT_XML.sub("", str(value)))


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _ticks(low: float, high: float, count: int = 5) -> list[float]:
    """About `count` round tick values covering [low, high]."""
    if high <= low:
        return [low]
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.ceil(low / step - 1e-9) * step
    return [
        first + i * step for i in range(int((high - first) / step) + 2) if first + i * step <= high + 1e-9
    ]


def _range(values: Sequence[float], pad: float) -> tuple[float, float]:
    low, high = min(values), max(values)
    if high - low < 1e-9:
        low, high = low - 1, high + 1
    margin = (high - low) * pad
    return low - margin, high + margin


def scatter_svg(
    points: Sequence[tuple[float, float]], x_label: str, y_label: str, title: str, empty_text: str
) -> str:
    """An SVG scatter of (x, y) points with axes, ticks and labels; `empty_text` when there are none."""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" font-family="{FONT_FAMILY}" font-size="11">',
        f"<title>{_text(title)}</title>",
        f'<text x="{_LEFT}" y="16" fill="{_INK}" font-weight="bold">{_text(title)}</text>',
    ]
    plot_w, plot_h = WIDTH - _LEFT - _RIGHT, HEIGHT - _TOP - _BOTTOM
    if not points:
        parts.append(
            f'<text x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle" fill="{_MUTED}">{_text(empty_text)}</text>'
        )
        return "".join(parts) + "</svg>"
    x_low, x_high = _range([p[0] for p in points], 0.05)
    y_low, y_high = _range([p[1] for p in points], 0.08)

    def sx(x: float) -> float:
        return _LEFT + (x - x_low) / (x_high - x_low) * plot_w

    def sy(y: float) -> float:
        return _TOP + plot_h - (y - y_low) / (y_high - y_low) * plot_h

    for x in _ticks(x_low, x_high):
        parts.append(
            f'<line x1="{sx(x):.1f}" y1="{_TOP}" x2="{sx(x):.1f}" y2="{_TOP + plot_h}" stroke="{_GRID}"/>'
            f'<text x="{sx(x):.1f}" y="{_TOP + plot_h + 14}" text-anchor="middle" fill="{_MUTED}">{_num(x)}</text>'
        )
    for y in _ticks(y_low, y_high):
        parts.append(
            f'<line x1="{_LEFT}" y1="{sy(y):.1f}" x2="{_LEFT + plot_w}" y2="{sy(y):.1f}" stroke="{_GRID}"/>'
            f'<text x="{_LEFT - 6}" y="{sy(y) + 4:.1f}" text-anchor="end" fill="{_MUTED}">{_num(y)}</text>'
        )
    parts.append(
        f'<rect x="{_LEFT}" y="{_TOP}" width="{plot_w}" height="{plot_h}" fill="none" stroke="{_MUTED}"/>'
    )
    for x, y in points:
        parts.append(f'<circle cx="{sx(x):.1f}" cy="{sy(y):.1f}" r="4" fill="{_DOT}" fill-opacity="0.6"/>')
    parts.append(
        f'<text x="{_LEFT + plot_w}" y="{HEIGHT - 8}" text-anchor="end" fill="{_INK}">{_text(x_label)} →</text>'
        f'<text x="{_LEFT}" y="{_TOP - 8}" fill="{_INK}">↑ {_text(y_label)}</text>'
    )
    return "".join(parts) + "</svg>"
