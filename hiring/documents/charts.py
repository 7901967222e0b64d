"""SVG charts drawn on the server, so the page and the PDF show the same picture (no Flask, no scripts).

Every piece of text is XML-escaped here (labels come from user-editable profiles), so a caller may insert the
result with `|safe`. Presentation attributes only (no `style`), no external references: fit for a strict CSP
and for WeasyPrint.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from typing import NamedTuple
from xml.sax.saxutils import escape

FONT_FAMILY = "DejaVu Sans, sans-serif"
SCALE_MIN = 1
SCALE_MAX = 5

_FONT_SIZE = 11
_CHAR_WIDTH = 0.58 * _FONT_SIZE  # a DejaVu Sans average; labels are wrapped by this estimate
_LINE_HEIGHT = 13
_ROW_HEIGHT = 32
_BAR_HEIGHT = 14
_PAD = 8
_TITLE_HEIGHT = 24
_AXIS_HEIGHT = 18
_LEGEND_HEIGHT = 20
_VALUE_GAP = 36  # room right of the plot for the value of a full bar

_BAR_FILL = "#2f5d8a"
_GAP_FILL = "#b3261e"
_GRID = "#d5dae1"
_INK = "#1f2933"
_MUTED = "#5b6775"

# Characters XML 1.0 does not allow at all (escaping cannot save them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class ChartItem(NamedTuple):
    """One competency: its label, mean on the 1-5 scale (None: not assessed), critical minimum, and code."""

    label: str
    mean: float | None
    critical_min: float | None = None
    code: str | None = None


def _text(value: object) -> str:
    return escape(_NOT_XML.sub("", str(value)))


def _attr(value: object) -> str:
    return escape(_NOT_XML.sub("", str(value)), {'"': "&quot;", "'": "&apos;"})


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def format_mean(value: float) -> str:
    """3.0 -> "3", 3.5 -> "3.5", 3.6667 -> "3.67"."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _on_scale(value: float | None) -> float | None:
    if value is None:
        return None
    value = float(value)
    if not math.isfinite(value):
        return None
    return min(max(value, SCALE_MIN), SCALE_MAX)


def _wrap(label: str, max_chars: int, max_lines: int = 2) -> list[str]:
    """Split a label into at most `max_lines` lines of about `max_chars`, the last one cut with an ellipsis."""
    words = " ".join(str(label).split()).split(" ")
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if len(candidate) <= max_chars or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    lines.append(current)
    if len(lines) > max_lines:
        lines = lines[: max_lines - 1] + [" ".join(lines[max_lines - 1 :])]
    return [line if len(line) <= max_chars else line[: max(max_chars - 1, 1)] + "…" for line in lines]


def competency_chart_svg(
    items: Sequence[ChartItem | tuple],
    *,
    width: int = 640,
    title: str = "",
    not_assessed_text: str = "not assessed",
    critical_min_text: str = "critical minimum",
    number_text: Callable[[float], str] | None = None,
) -> str:
    """A horizontal bar chart of competency means on the 1-5 scale, as a standalone SVG string.

    Grid lines at 1..5; per competency one `<g class="mark" data-code="...">` holding its bar and value (or
    the `not_assessed_text`), plus a tick at its critical minimum when it has one. A bar whose mean is below
    the critical minimum is drawn in the alarm colour. `items` are `ChartItem`s or plain
    `(label, mean, critical_min[, code])` tuples; without a code the label is the data-code.
    """
    rows = [item if isinstance(item, ChartItem) else ChartItem(*item) for item in items]
    shown = number_text or format_mean  # the reader's number format (`3,5` in Russian); data-mean stays `3.5`
    width = max(int(width), 240)
    label_width = round(width * 0.38)
    plot_left = label_width + _PAD
    plot_right = width - _VALUE_GAP
    plot_width = plot_right - plot_left
    max_chars = max(int((label_width - _PAD) / _CHAR_WIDTH), 8)

    def x(value: float) -> float:
        return plot_left + (value - SCALE_MIN) / (SCALE_MAX - SCALE_MIN) * plot_width

    top = _PAD + (_TITLE_HEIGHT if title else 0)
    plot_top = top + _AXIS_HEIGHT
    plot_bottom = plot_top + _ROW_HEIGHT * len(rows)
    has_critical = any(_on_scale(row.critical_min) is not None for row in rows)
    height = plot_bottom + _PAD + (_LEGEND_HEIGHT if has_critical else 0)
    aria = title or "competency chart"

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="competency-chart" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" aria-label="{_attr(aria)}" '
        f'font-family="{FONT_FAMILY}" font-size="{_FONT_SIZE}">',
        f"<title>{_text(aria)}</title>",
    ]
    if title:
        out.append(
            f'<text class="chart-title" x="{_PAD}" y="{_PAD + 14}" font-size="13" font-weight="bold" '
            f'fill="{_INK}">{_text(title)}</text>'
        )
    for level in range(SCALE_MIN, SCALE_MAX + 1):
        gx = _num(x(level))
        out.append(
            f'<line class="grid" x1="{gx}" y1="{plot_top - 4}" x2="{gx}" y2="{plot_bottom}" '
            f'stroke="{_GRID}" stroke-width="1"/>'
        )
        out.append(
            f'<text class="tick" x="{gx}" y="{plot_top - 7}" text-anchor="middle" fill="{_MUTED}">{level}</text>'
        )
    for index, row in enumerate(rows):
        row_top = plot_top + index * _ROW_HEIGHT
        middle = row_top + _ROW_HEIGHT / 2
        code = row.code if row.code is not None else row.label
        lines = _wrap(row.label, max_chars)
        first_baseline = middle + 4 - (len(lines) - 1) * _LINE_HEIGHT / 2
        tspans = "".join(
            f'<tspan x="{label_width}" y="{_num(first_baseline + n * _LINE_HEIGHT)}">{_text(line)}</tspan>'
            for n, line in enumerate(lines)
        )
        out.append(f'<text class="label" text-anchor="end" fill="{_INK}">{tspans}</text>')

        mean = _on_scale(row.mean)
        minimum = _on_scale(row.critical_min)
        if mean is None:
            out.append(
                f'<g class="mark" data-code="{_attr(code)}" data-mean="">'
                f'<text class="not-assessed" x="{_num(plot_left + 4)}" y="{_num(middle + 4)}" '
                f'font-style="italic" fill="{_MUTED}">{_text(not_assessed_text)}</text></g>'
            )
        else:
            below = minimum is not None and float(row.mean) < float(row.critical_min)
            bar_width = max(x(mean) - plot_left, 2)
            out.append(
                f'<g class="mark{" below-minimum" if below else ""}" data-code="{_attr(code)}" '
                f'data-mean="{_attr(format_mean(float(row.mean)))}">'
                f'<rect x="{_num(plot_left)}" y="{_num(middle - _BAR_HEIGHT / 2)}" width="{_num(bar_width)}" '
                f'height="{_BAR_HEIGHT}" rx="2" fill="{_GAP_FILL if below else _BAR_FILL}"/>'
                f'<text class="value" x="{_num(plot_left + bar_width + 4)}" y="{_num(middle + 4)}" '
                f'fill="{_INK}">{_text(shown(float(row.mean)))}</text></g>'
            )
        if minimum is not None:
            tx = _num(x(minimum))
            out.append(
                f'<line class="critical-min" data-code="{_attr(code)}" x1="{tx}" y1="{_num(middle - 11)}" '
                f'x2="{tx}" y2="{_num(middle + 11)}" stroke="{_GAP_FILL}" stroke-width="2">'
                f"<title>{_text(critical_min_text)}: {_text(shown(float(row.critical_min)))}</title></line>"
            )
    if has_critical:
        legend_y = plot_bottom + _PAD + 10
        out.append(
            f'<g class="legend"><line x1="{plot_left}" y1="{legend_y - 8}" x2="{plot_left}" y2="{legend_y + 2}" '
            f'stroke="{_GAP_FILL}" stroke-width="2"/>'
            f'<text x="{plot_left + 6}" y="{legend_y}" fill="{_MUTED}">{_text(critical_min_text)}</text></g>'
        )
    out.append("</svg>")
    return "".join(out)
