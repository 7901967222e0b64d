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
_ROW_HEIGHT = 22
_BAR_HEIGHT = 10
_DOT_RADIUS = 4
_PAD = 8
_TITLE_HEIGHT = 24
_AXIS_HEIGHT = 18
_LEGEND_HEIGHT = 20
_VALUE_GAP = 36  # room right of the plot for the value of a full bar

_BAR_FILL = "#a9c1da"  # light, so the raters' dots and the critical minimum stay visible on it
_DOT_FILL = "#1f3f60"
_GAP_FILL = "#e3a49f"
_ALARM = "#b3261e"
_GRID = "#d5dae1"
_INK = "#1f2933"
_MUTED = "#5b6775"

# Characters XML 1.0 does not allow at all (escaping cannot save them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class ChartItem(NamedTuple):
    """One competency: its label, mean on the 1-5 scale (None: not assessed), critical minimum, code, and
    every interviewer's rating (so a 2 and a 4 do not draw as one 3)."""

    label: str
    mean: float | None
    critical_min: float | None = None
    code: str | None = None
    ratings: tuple[int, ...] = ()


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
    rating_text: str = "an interviewer's rating",
    mean_text: str = "mean",
    number_text: Callable[[float], str] | None = None,
) -> str:
    """A horizontal bar chart of competency means on the 1-5 scale, as a standalone SVG string.

    Grid lines at 1..5; per competency one `<g class="mark" data-code="...">` holding its bar and value (or
    the `not_assessed_text`), a min–max whisker and one dot per interviewer's rating (equal ratings one above
    the other), plus a tick at its critical minimum when it has one, drawn last across the whole row (rows grow
    to hold the highest stack of equal ratings) so it stays visible. A bar whose mean is below the critical
    minimum is drawn in the alarm colour. `items` are `ChartItem`s or plain
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

    # Equal ratings stack one above the other: a row is tall enough for the highest stack, so that the
    # critical minimum, drawn across the whole row, always reaches beyond the dots.
    stack = max((max(row.ratings.count(v) for v in row.ratings) for row in rows if row.ratings), default=1)
    row_height = max(_ROW_HEIGHT, stack * (_DOT_RADIUS * 2 + 1) + 8)
    top = _PAD + (_TITLE_HEIGHT if title else 0)
    plot_top = top + _AXIS_HEIGHT
    plot_bottom = plot_top + row_height * len(rows)
    has_critical = any(_on_scale(row.critical_min) is not None for row in rows)
    height = plot_bottom + _PAD + (_LEGEND_HEIGHT if rows else 0)
    legend_gap = (width - 2 * _PAD) / 3
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
        row_top = plot_top + index * row_height
        middle = row_top + row_height / 2
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
            ratings = sorted(v for v in (_on_scale(r) for r in row.ratings) if v is not None)
            right = x(max([mean, *ratings]))
            out.append(
                f'<g class="mark{" below-minimum" if below else ""}" data-code="{_attr(code)}" '
                f'data-mean="{_attr(format_mean(float(row.mean)))}">'
                f'<rect x="{_num(plot_left)}" y="{_num(middle - _BAR_HEIGHT / 2)}" width="{_num(bar_width)}" '
                f'height="{_BAR_HEIGHT}" rx="2" fill="{_GAP_FILL if below else _BAR_FILL}"/>'
                + _raters(ratings, x, middle)
                + f'<line class="mean" x1="{_num(x(mean))}" y1="{_num(middle - _BAR_HEIGHT / 2 - 2)}" '
                f'x2="{_num(x(mean))}" y2="{_num(middle + _BAR_HEIGHT / 2 + 2)}" stroke="{_INK}" '
                f'stroke-width="2"/>'
                f'<text class="value" x="{_num(right + _DOT_RADIUS + 5)}" y="{_num(middle + 4)}" '
                f'fill="{_INK}" font-weight="bold">{_text(shown(float(row.mean)))}</text></g>'
            )
        if minimum is not None:
            tx = _num(x(minimum))
            y1, y2 = _num(middle - row_height / 2 + 1), _num(middle + row_height / 2 - 1)
            # A white halo under the dashes keeps them visible on a dark dot or the mean's tick.
            out.append(
                f'<line class="critical-min-halo" x1="{tx}" y1="{y1}" x2="{tx}" y2="{y2}" stroke="#ffffff" '
                f'stroke-width="4"/>'
                f'<line class="critical-min" data-code="{_attr(code)}" x1="{tx}" y1="{y1}" x2="{tx}" '
                f'y2="{y2}" stroke="{_ALARM}" stroke-width="2" stroke-dasharray="3 2">'
                f"<title>{_text(critical_min_text)}: {_text(shown(float(row.critical_min)))}</title></line>"
            )
    legend_y = plot_bottom + _PAD + 10
    legend = [
        f'<g class="legend"><circle cx="{_PAD + 4}" cy="{legend_y - 4}" r="{_DOT_RADIUS}" '
        f'fill="{_DOT_FILL}"/><text x="{_PAD + 12}" y="{legend_y}" fill="{_MUTED}">'
        f"{_text(rating_text)}</text>",
        f'<line x1="{_PAD + legend_gap - 2}" y1="{legend_y - 9}" x2="{_PAD + legend_gap - 2}" '
        f'y2="{legend_y + 1}" stroke="{_INK}" stroke-width="2"/><text x="{_PAD + legend_gap + 4}" '
        f'y="{legend_y}" fill="{_MUTED}">{_text(mean_text)}</text>',
    ]
    if has_critical:
        cx = _PAD + 2 * legend_gap
        legend.append(
            f'<line x1="{cx}" y1="{legend_y - 9}" x2="{cx}" y2="{legend_y + 1}" stroke="{_ALARM}" '
            f'stroke-width="2" stroke-dasharray="3 2"/>'
            f'<text x="{cx + 6}" y="{legend_y}" fill="{_MUTED}">{_text(critical_min_text)}</text>'
        )
    if rows:
        out.append("".join(legend) + "</g>")
    out.append("</svg>")
    return "".join(out)


def _raters(ratings: Sequence[float], x: Callable[[float], float], middle: float) -> str:
    """A min–max whisker and a dot per rating; equal ratings sit one above the other, so two 4s show as two dots."""
    if not ratings:
        return ""
    parts = []
    if ratings[-1] > ratings[0]:
        parts.append(
            f'<line class="range" x1="{_num(x(ratings[0]))}" y1="{_num(middle)}" x2="{_num(x(ratings[-1]))}" '
            f'y2="{_num(middle)}" stroke="{_DOT_FILL}" stroke-width="1.5"/>'
        )
    seen: dict[float, int] = {}
    for value in ratings:
        nth = seen.get(value, 0)
        seen[value] = nth + 1
        count = ratings.count(value)
        offset = (nth - (count - 1) / 2) * (_DOT_RADIUS * 2 + 1)
        parts.append(
            f'<circle class="rating" data-value="{_num(value)}" cx="{_num(x(value))}" '
            f'cy="{_num(middle + offset)}" r="{_DOT_RADIUS}" fill="{_DOT_FILL}" stroke="#ffffff" '
            f'stroke-width="1"/>'
        )
    return "".join(parts)


_BAND_FILLS = ("#f3d6d3", "#f6e7c1", "#d7e8d0", "#b9dcb0")  # no hire, consider, hire, strong hire


def band_scale_svg(
    score: float | None,
    thresholds: Sequence[float],
    band_texts: Sequence[str],
    *,
    width: int = 640,
    title: str = "",
    number_text: Callable[[float], str] | None = None,
) -> str:
    """The 0–100 scale cut at `thresholds` (ascending, e.g. 45/60/75) into the bands named by `band_texts`
    (lowest first, one more than the thresholds), with a marker at the score (none without a score)."""
    shown = number_text or format_mean
    left, right = _PAD, width - _PAD
    bar_top, bar_height = 16, 16
    height = bar_top + bar_height + 20

    def x(value: float) -> float:
        return left + min(max(float(value), 0.0), 100.0) / 100 * (right - left)

    cuts = [0.0, *thresholds, 100.0]
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="band-scale" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{_attr(title or "band scale")}" '
        f'font-family="{FONT_FAMILY}" font-size="{_FONT_SIZE}">',
        f"<title>{_text(title or 'band scale')}</title>",
    ]
    for index, (low, high) in enumerate(zip(cuts, cuts[1:], strict=False)):
        fill = _BAND_FILLS[min(index, len(_BAND_FILLS) - 1)]
        out.append(
            f'<rect class="band" x="{_num(x(low))}" y="{bar_top}" width="{_num(x(high) - x(low))}" '
            f'height="{bar_height}" fill="{fill}"/>'
            f'<text x="{_num((x(low) + x(high)) / 2)}" y="{bar_top + 12}" text-anchor="middle" '
            f'fill="{_INK}">{_text(band_texts[index] if index < len(band_texts) else "")}</text>'
        )
    for cut in thresholds:
        out.append(
            f'<text class="threshold" x="{_num(x(cut))}" y="{bar_top + bar_height + 13}" text-anchor="middle" '
            f'fill="{_MUTED}">{_text(shown(cut))}</text>'
        )
    if score is not None and math.isfinite(float(score)):
        sx = _num(x(score))
        out.append(
            f'<g class="score-marker" data-score="{_attr(format_mean(float(score)))}">'
            f'<line x1="{sx}" y1="{bar_top - 4}" x2="{sx}" y2="{bar_top + bar_height + 3}" stroke="{_INK}" '
            f'stroke-width="3"/><path d="M {_num(x(score) - 6)} 2 L {_num(x(score) + 6)} 2 L {sx} {bar_top - 3} Z" '
            f'fill="{_INK}"/></g>'
        )
    out.append("</svg>")
    return "".join(out)
