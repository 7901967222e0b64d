"""What a scorecard save may contain, checked per field, and how a stale save is told what changed.

Used by hiring.services.interviews; split off to keep each module readable. Messages are lazy message ids
(hiring.errors): the page or API that shows them translates them.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from hiring import glossary
from hiring.domain.levels import RATING_MAX, RATING_MIN, RECOMMENDATIONS, normalize_language_level
from hiring.errors import Message, ScorecardConflict, text
from hiring.errors import lazy_gettext as _l
from hiring.models import Rating, Scorecard
from hiring.services.candidate_input import MAX_PLAN_PCT, parse_number

NOTE_MAX_LENGTH = 5000
# A rating at either end of the scale needs an evidence note before the scorecard is submitted.
EXTREME_RATINGS = (RATING_MIN, RATING_MAX)


@dataclass(frozen=True)
class Change:
    """One way the saved scorecard differs from what the user tried to save (texts shown as they render)."""

    field: str  # "ratings.NEG", "notes.NEG", "verified_languages.en", "verified_plan_attainment_pct", ...
    label: str
    saved: str
    yours: str


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
    verified_plan_pct: float | None = None


def parse_scorecard_input(
    competencies,
    required_languages,
    ratings,
    notes,
    verified_languages,
    recommendation,
    not_assessed,
    verified_plan_pct=None,
) -> tuple[ScorecardInput, dict[str, str]]:
    """Check every value of a save against the vacancy; collect per-field errors rather than stop at the first."""
    codes = {c.code for c in competencies}
    errors: dict[str, str] = {}
    data = ScorecardInput({}, set(), {}, {}, None)

    if ratings is not None and not isinstance(ratings, Mapping):
        errors["ratings"] = _l("Ratings must map competency codes to ratings.")
        ratings = None
    for code, raw in (ratings or {}).items():
        key = f"ratings.{code}"
        if code not in codes:
            errors[key] = _l("Unknown competency: %(code)s.", code=code)
        elif raw is None:
            data.not_assessed.add(code)
        elif isinstance(raw, bool) or not isinstance(raw, int) or not RATING_MIN <= raw <= RATING_MAX:
            errors[key] = _l(
                "Choose a whole number from %(low)s to %(high)s.", low=RATING_MIN, high=RATING_MAX
            )
        else:
            data.values[code] = raw
    for code in not_assessed or ():
        if code not in codes:
            errors[f"ratings.{code}"] = _l("Unknown competency: %(code)s.", code=code)
        elif code in data.values:
            errors[f"ratings.{code}"] = _l("Give a rating or mark it as not assessed, not both.")
        else:
            data.not_assessed.add(code)

    if notes is not None and not isinstance(notes, Mapping):
        errors["notes"] = _l("Notes must map competency codes to text.")
        notes = None
    for code, note in (notes or {}).items():
        key = f"notes.{code}"
        if code not in codes:
            errors[key] = _l("Unknown competency: %(code)s.", code=code)
        elif note is None:
            continue
        elif not isinstance(note, str):
            errors[key] = _l("A note must be text.")
        elif len(note) > NOTE_MAX_LENGTH:
            errors[key] = _l("Keep the note under %(n)s characters.", n=NOTE_MAX_LENGTH)
        elif note.strip():
            data.notes[code] = note.strip()

    for language, level in _language_pairs(verified_languages, errors):
        key = f"verified_languages.{language}"
        if language not in required_languages:
            errors[key] = _l("Only the languages the vacancy requires can be verified.")
        elif language in data.verified:
            errors[key] = _l("This language is given twice.")
        elif level in (None, ""):
            continue
        else:
            try:
                data.verified[language] = normalize_language_level(level)
            except (ValueError, TypeError):
                errors[key] = _l("Choose a CEFR level (A1 to C2) or native.")

    data.verified_plan_pct = _plan_figure(verified_plan_pct, errors)

    if recommendation in (None, ""):
        data.recommendation = None
    elif recommendation in RECOMMENDATIONS:
        data.recommendation = recommendation
    else:
        errors["recommendation"] = _l("Choose one of: strong no, no, yes, strong yes.")
    return data, errors


def extreme_ratings_without_evidence(competencies, data: ScorecardInput) -> dict[str, Message]:
    """Per competency rated 1 or 5 without a note, the message that asks for one (naming the competency)."""
    missing = {}
    for competency in competencies:
        rating = data.values.get(competency.code)
        if rating in EXTREME_RATINGS and not data.notes.get(competency.code):
            names = {"ru": competency.name_ru, "en": competency.name_en}
            missing[competency.code] = _l(
                "A rating of %(rating)s on «%(competency)s» needs an evidence note before you submit: write what"
                " the candidate said or did that shows it.",
                rating=rating,
                competency=Message(glossary.in_reader_language, names),
            )
    return missing


def _plan_figure(value, errors: dict[str, str]) -> float | None:
    """The verified plan attainment in percent (0 to 1000), or None when not given."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = parse_number(value)
    except (TypeError, ValueError):
        errors["verified_plan_attainment_pct"] = _l(
            "“%(value)s” is not a number; write it like 95 or 102,5.", value=str(value).strip()
        )
        return None
    if not 0 <= number <= MAX_PLAN_PCT:
        errors["verified_plan_attainment_pct"] = _l("Enter a number from 0 to %(upper)s.", upper=MAX_PLAN_PCT)
        return None
    return number


def _language_pairs(verified_languages, errors: dict[str, str]) -> list[tuple[str, Any]]:
    """[(language, level)] from a list of {"language", "level"} or a {language: level} mapping."""
    if verified_languages is None:
        return []
    if isinstance(verified_languages, Mapping):
        items = [{"language": k, "level": v} for k, v in verified_languages.items()]
    elif isinstance(verified_languages, list | tuple):
        items = list(verified_languages)
    else:
        errors["verified_languages"] = _l("Verified languages must be a list of language and level.")
        return []
    pairs = []
    for item in items:
        if not isinstance(item, Mapping) or not isinstance(item.get("language"), str):
            errors["verified_languages"] = _l("Each verified language needs a language code and a level.")
            continue
        pairs.append((item["language"].strip().lower(), item.get("level")))
    return pairs


def _plan_text(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"


def _rating_text(value: int | None, chosen: bool) -> str:
    if value is not None:
        return str(value)
    return _l("not assessed") if chosen else _l("not rated")


def _change_text(change: Change) -> str:
    if change.field.startswith("notes."):
        return _l("%(label)s changed", label=change.label)
    return _l(
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
                    f"notes.{code}", _l("Note on %(name)s", name=name), saved_note, data.notes.get(code, "")
                )
            )
    saved_languages = {v.language: v.level for v in card.verified_languages}
    for code in sorted(set(saved_languages) | set(data.verified)):
        if saved_languages.get(code) != data.verified.get(code):
            changes.append(
                Change(
                    f"verified_languages.{code}",
                    _l(
                        "Verified %(language)s",
                        language=Message(glossary.label, glossary.LANGUAGE_NAMES, code),
                    ),
                    saved_languages.get(code) or "—",
                    data.verified.get(code) or "—",
                )
            )
    if card.verified_plan_attainment_pct != data.verified_plan_pct:
        changes.append(
            Change(
                "verified_plan_attainment_pct",
                _l("Verified plan attainment"),
                _plan_text(card.verified_plan_attainment_pct),
                _plan_text(data.verified_plan_pct),
            )
        )
    if card.recommendation != data.recommendation:
        changes.append(
            Change(
                "recommendation",
                _l("Recommendation"),
                Message(glossary.label, glossary.RECOMMENDATION_LABELS, card.recommendation),
                Message(glossary.label, glossary.RECOMMENDATION_LABELS, data.recommendation),
            )
        )
    if expected is None:
        head = _l(
            "This scorecard was already saved (version %(current)s) and your form did not say which version "
            "it started from. Nothing was changed.",
            current=card.version,
        )
    else:
        head = _l(
            "This scorecard was saved elsewhere after you opened it (it is now version %(current)s, you "
            "started from version %(yours)s). Your changes were not saved; the newer version is kept.",
            current=card.version,
            yours=expected,
        )
    message = Message(_stale_message, head, changes) if changes else head
    return ScorecardConflict(message, changes, card.version, summary=head)


def _stale_message(head, changes: list[Change]) -> str:
    """The head and the list of changes, put together in the reader's language when shown."""
    listed = "; ".join(text(_change_text(c)) for c in changes)
    return text(head) + " " + text(_l("The saved version differs in: %(changes)s.", changes=listed))
