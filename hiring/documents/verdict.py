"""The verdict block: "should we hire, and why" in one place, for the evaluation PDF's page 1 and the
evaluation page's head (SPEC §5). Plain values in the current locale (call inside force_locale for a PDF).
"""

from __future__ import annotations

from typing import Any

from flask_babel import format_decimal
from flask_babel import gettext as _
from markupsafe import Markup

from hiring import glossary
from hiring.documents.charts import band_scale_svg
from hiring.domain.levels import BAND_THRESHOLDS

# Lowest band first, as the scale is drawn left to right.
_SCALE_BANDS = ("no_hire", *(band for _cut, band in sorted(BAND_THRESHOLDS)))


def verdict(result, vacancy, decision=None, language: str = "ru") -> dict[str, Any]:
    """Band and score on the 45/60/75 scale, eligibility in a line, the decision, the recommendations
    counted, the two strongest and two weakest competencies, and every flag in words."""
    names = {c.code: c.name(language) for c in vacancy.profile.competencies}
    assessed = [r for r in result.competencies if r.mean is not None and r.code in names]
    by_strength = sorted(assessed, key=lambda r: (-r.mean, -r.weight, r.code))
    strongest = by_strength[:2]
    weakest = [r for r in reversed(by_strength) if r not in strongest][:2]
    reasons = glossary.deciding_rules(result.screening, vacancy)
    eligibility = str(glossary.label(glossary.ELIGIBILITY_LABELS, result.eligibility))
    return {
        "band": result.band,
        "band_label": glossary.label(glossary.BAND_LABELS, result.band),
        "score": result.score,
        "scale": band_scale(result.score),
        "eligibility": result.eligibility,
        "eligibility_line": f"{eligibility}: {'; '.join(reasons)}" if reasons else eligibility,
        "coverage": result.coverage,
        "confidence_label": glossary.label(glossary.CONFIDENCE_LABELS, result.confidence),
        "submitted_count": result.submitted_count,
        "decision": decision_values(decision) if decision else None,
        "recommendations": glossary.recommendation_summary(result.recommendations),
        "strongest": [{"name": names[r.code], "mean": r.mean} for r in strongest],
        "weakest": [{"name": names[r.code], "mean": r.mean} for r in weakest],
        "flags": [
            {"kind": glossary.flag_kind(f), "label": glossary.flag_label(f, vacancy)} for f in result.flags
        ],
    }


def decision_values(decision) -> dict[str, Any]:
    return {
        "decision": decision.decision,
        "label": glossary.label(glossary.DECISION_LABELS, decision.decision),
        "rationale": decision.rationale,
        "decided_by": decision.decided_by.display_name if decision.decided_by else None,
        "decided_at": decision.decided_at,
    }


def band_scale(score: float | None) -> Markup:
    """The score's place on the 0–100 scale cut at the band thresholds (charts.py escapes every text)."""
    svg = band_scale_svg(
        score,
        [cut for cut, _band in sorted(BAND_THRESHOLDS)],
        [glossary.label(glossary.BAND_LABELS, band) for band in _SCALE_BANDS],
        title=_("Score on the 0–100 scale with the band thresholds"),
        number_text=lambda value: format_decimal(value, format="#,##0.#"),
    )
    return Markup(svg)  # noqa: S704 (charts.py escapes all text it draws)
