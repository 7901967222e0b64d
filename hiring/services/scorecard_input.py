"""What a scorecard save may contain, checked per field, and how a stale save is told what changed.

Part of hiring.services.interviews (which re-exports the public names); split off to keep each module readable.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from flask_babel import gettext as _

from hiring import glossary
from hiring.domain.levels import RATING_MAX, RATING_MIN, RECOMMENDATIONS, normalize_language_level
from hiring.errors import VersionConflict
from hiring.models import Rating, Scorecard

NOTE_MAX_LENGTH = 5000


@dataclass(frozen=True)
class Change:
    """One way the saved scorecard differs from what the user tried to save."""

    field: str  # "ratings.NEG", "notes.NEG", "verified_languages.en", "recommendation", "status"
    label: str
    saved: str
    yours: str


class ScorecardConflict(VersionConflict):
    """The scorecard was saved elsewhere after the user read it; `changes` lists how it differs now."""

    def __init__(
        self, message: str, changes: list[Change], current_version: int | None, summary: str | None = None
    ):
        super().__init__(message)
        self.changes = changes
        self.current_version = current_version
        # The message without the list of changes, for pages that show the changes as a table.
        self.summary = summary or message


def marked_not_assessed(card: Scorecard, row: Rating) -> bool:
    """Whether a stored rating row without a value means an explicit "not assessed".

    Always in a submitted scorecard. A draft also keeps a competency that has only a note as a row without a
    value; such a row reads as "not rated yet", so that "not assessed" is never inherited unseen at submit.
    """
    return row.value is None and (card.is_submitted or not row.note)


@dataclass
class ScorecardInput:
    """A checked save: ratings 1..5, codes explicitly not assessed, notes, verified levels, recommendation."""

    values: dict[str, int]
    not_assessed: set[str]
    notes: dict[str, str]
    verified: dict[str, str]
    recommendation: str | None


def parse_scorecard_input(
    competencies, required_languages, ratings, notes, verified_languages, recommendation, not_assessed
) -> tuple[ScorecardInput, dict[str, str]]:
    """Check every value of a save against the vacancy; collect per-field errors rather than stop at the first."""
    codes = {c.code for c in competencies}
    errors: dict[str, str] = {}
    data = ScorecardInput({}, set(), {}, {}, None)

    if ratings is not None and not isinstance(ratings, Mapping):
        errors["ratings"] = _("Ratings must map competency codes to ratings.")
        ratings = None
    for code, raw in (ratings or {}).items():
        key = f"ratings.{code}"
        if code not in codes:
            errors[key] = _("Unknown competency: %(code)s.", code=code)
        elif raw is None:
            data.not_assessed.add(code)
        elif isinstance(raw, bool) or not isinstance(raw, int) or not RATING_MIN <= raw <= RATING_MAX:
            errors[key] = _(
                "Choose a whole number from %(low)s to %(high)s.", low=RATING_MIN, high=RATING_MAX
            )
        else:
            data.values[code] = raw
    for code in not_assessed or ():
        if code not in codes:
            errors[f"ratings.{code}"] = _("Unknown competency: %(code)s.", code=code)
        elif code in data.values:
            errors[f"ratings.{code}"] = _("Give a rating or mark it as not assessed, not both.")
        else:
            data.not_assessed.add(code)

    if notes is not None and not isinstance(notes, Mapping):
        errors["notes"] = _("Notes must map competency codes to text.")
        notes = None
    for code, text in (notes or {}).items():
        key = f"notes.{code}"
        if code not in codes:
            errors[key] = _("Unknown competency: %(code)s.", code=code)
        elif text is None:
            continue
        elif not isinstance(text, str):
            errors[key] = _("A note must be text.")
        elif len(text) > NOTE_MAX_LENGTH:
            errors[key] = _("Keep the note under %(n)s characters.", n=NOTE_MAX_LENGTH)
        elif text.strip():
            data.notes[code] = text.strip()

    for language, level in _language_pairs(verified_languages, errors):
        key = f"verified_languages.{language}"
        if language not in required_languages:
            errors[key] = _("Only the languages the vacancy requires can be verified.")
        elif language in data.verified:
            errors[key] = _("This language is given twice.")
        elif level in (None, ""):
            continue
        else:
            try:
                data.verified[language] = normalize_language_level(level)
            except (ValueError, TypeError):
                errors[key] = _("Choose a CEFR level (A1 to C2) or native.")

    if recommendation in (None, ""):
        data.recommendation = None
    elif recommendation in RECOMMENDATIONS:
        data.recommendation = recommendation
    else:
        errors["recommendation"] = _("Choose one of: strong no, no, yes, strong yes.")
    return data, errors


def _language_pairs(verified_languages, errors: dict[str, str]) -> list[tuple[str, Any]]:
    """[(language, level)] from a list of {"language", "level"} or a {language: level} mapping."""
    if verified_languages is None:
        return []
    if isinstance(verified_languages, Mapping):
        items = [{"language": k, "level": v} for k, v in verified_languages.items()]
    elif isinstance(verified_languages, list | tuple):
        items = list(verified_languages)
    else:
        errors["verified_languages"] = _("Verified languages must be a list of language and level.")
        return []
    pairs = []
    for item in items:
        if not isinstance(item, Mapping) or not isinstance(item.get("language"), str):
            errors["verified_languages"] = _("Each verified language needs a language code and a level.")
            continue
        pairs.append((item["language"].strip().lower(), item.get("level")))
    return pairs


def _rating_text(value: int | None, chosen: bool) -> str:
    if value is not None:
        return str(value)
    return _("not assessed") if chosen else _("not rated")


def _change_text(change: Change) -> str:
    if change.field.startswith("notes."):
        return _("%(label)s changed", label=change.label)
    return _(
        "%(label)s: %(saved)s (yours: %(yours)s)", label=change.label, saved=change.saved, yours=change.yours
    )


def stale_save_conflict(
    card: Scorecard, competencies, language: str, data: ScorecardInput, expected: int | None
):
    """The refusal of a stale save, listing how the saved scorecard differs from the attempted one."""
    changes: list[Change] = []
    saved_rows = {row.competency_code: row for row in card.ratings}
    for competency in competencies:
        code = competency.code
        name = f"{code} · {competency.name(language)}"
        row = saved_rows.get(code)
        saved_chosen = row is not None and (row.value is not None or marked_not_assessed(card, row))
        saved = _rating_text(row.value if row else None, saved_chosen)
        yours = _rating_text(data.values.get(code), code in data.not_assessed)
        if saved != yours:
            changes.append(Change(f"ratings.{code}", name, saved, yours))
        saved_note = row.note if row else ""
        if saved_note != data.notes.get(code, ""):
            changes.append(
                Change(
                    f"notes.{code}", _("Note on %(name)s", name=name), saved_note, data.notes.get(code, "")
                )
            )
    saved_languages = {v.language: v.level for v in card.verified_languages}
    for code in sorted(set(saved_languages) | set(data.verified)):
        if saved_languages.get(code) != data.verified.get(code):
            changes.append(
                Change(
                    f"verified_languages.{code}",
                    _("Verified %(language)s", language=glossary.label(glossary.LANGUAGE_NAMES, code)),
                    saved_languages.get(code) or "—",
                    data.verified.get(code) or "—",
                )
            )
    if card.recommendation != data.recommendation:
        changes.append(
            Change(
                "recommendation",
                _("Recommendation"),
                glossary.label(glossary.RECOMMENDATION_LABELS, card.recommendation),
                glossary.label(glossary.RECOMMENDATION_LABELS, data.recommendation),
            )
        )
    if expected is None:
        head = _(
            "This scorecard was already saved (version %(current)s) and your form did not say which version "
            "it started from. Nothing was changed.",
            current=card.version,
        )
    else:
        head = _(
            "This scorecard was saved elsewhere after you opened it (it is now version %(current)s, you "
            "started from version %(yours)s). Your changes were not saved; the newer version is kept.",
            current=card.version,
            yours=expected,
        )
    message = head
    if changes:
        listed = "; ".join(_change_text(c) for c in changes)
        message = head + " " + _("The saved version differs in: %(changes)s.", changes=listed)
    return ScorecardConflict(message, changes, card.version, summary=head)
