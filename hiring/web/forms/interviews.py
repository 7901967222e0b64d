"""Forms of the interviewer's pages: the scorecard (built per vacancy) and the reopen button."""

from collections.abc import Iterable
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    HiddenField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import Length

from hiring.domain.levels import LANGUAGE_LEVELS, RATING_MAX, RATING_MIN
from hiring.glossary import CEFR_LABELS, LANGUAGE_NAMES, RECOMMENDATION_LABELS, label
from hiring.models import Competency, Scorecard
from hiring.services.scorecard_input import NOTE_MAX_LENGTH, marked_not_assessed

NOT_ASSESSED = "na"
RATING_CHOICES = [SelectChoice(str(n)) for n in range(RATING_MIN, RATING_MAX + 1)] + [
    SelectChoice(NOT_ASSESSED, _l("Not assessed"))
]


class ScorecardForm(FlaskForm):
    """The fixed part of a scorecard; `scorecard_form` adds a rating, a note and languages per vacancy.

    Choices are not validated here: the service checks every value and answers per field, so the pages
    and the API refuse the same things with the same words.
    """

    version = HiddenField()
    recommendation = RadioField(
        _l("Overall recommendation"),
        choices=[SelectChoice(key, text) for key, text in RECOMMENDATION_LABELS.items()],
        validate_choice=False,
    )
    # Typed as text: the service reads "95", "102,5" or "110 %" and answers a bad value beside the field.
    verified_plan_attainment_pct = StringField(_l("Verified sales plan attainment, percent"))
    save_draft = SubmitField(_l("Save draft"))
    submit_scorecard = SubmitField(_l("Submit"))

    competency_codes: tuple[str, ...] = ()
    language_codes: tuple[str, ...] = ()

    def rating_field(self, code: str):
        return self[f"rating_{code}"]

    def note_field(self, code: str):
        return self[f"note_{code}"]

    def language_field(self, language: str):
        return self[f"language_{language}"]

    @property
    def submitting(self) -> bool:
        return bool(self.submit_scorecard.data)

    def service_input(self) -> dict[str, Any]:
        """The keyword arguments of hiring.services.interviews.save_scorecard, from what was posted."""
        ratings: dict[str, Any] = {}
        not_assessed: set[str] = set()
        for code in self.competency_codes:
            raw = (self.rating_field(code).data or "").strip()
            if raw == NOT_ASSESSED:
                not_assessed.add(code)
            elif raw:
                # Whole numbers go on as numbers so that 0 and 6 are refused for their range; anything else
                # goes on as typed and is refused as not a number.
                ratings[code] = int(raw) if raw.lstrip("-").isdigit() else raw
        return {
            "ratings": ratings,
            "not_assessed": not_assessed,
            "notes": {code: self.note_field(code).data or "" for code in self.competency_codes},
            "verified_languages": [
                {"language": language, "level": self.language_field(language).data or None}
                for language in self.language_codes
            ],
            "verified_plan_attainment_pct": (self.verified_plan_attainment_pct.data or "").strip() or None,
            "recommendation": self.recommendation.data or None,
            "submit": self.submitting,
            "expected_version": parse_version(self.version.data),
        }

    def place_error(self, key: str, words: str) -> bool:
        """Put a service message (keyed `ratings.NEG`, `recommendation`, ...) beside its field, if shown."""
        kind, _, subject = key.partition(".")
        name = {"ratings": "rating_", "notes": "note_", "verified_languages": "language_"}.get(kind)
        field_name = f"{name}{subject}" if name else kind
        if field_name not in self:
            return False
        self[field_name].errors = [*self[field_name].errors, words]
        return True


def scorecard_form(
    competencies: Iterable[Competency], languages: Iterable[str], card: Scorecard | None = None, **kwargs
) -> ScorecardForm:
    """A scorecard form for these competencies and required languages, prefilled from `card` on GET."""
    competencies = list(competencies)
    languages = list(languages)

    class VacancyScorecardForm(ScorecardForm):
        competency_codes = tuple(c.code for c in competencies)
        language_codes = tuple(languages)

    for competency in competencies:
        setattr(
            VacancyScorecardForm,
            f"rating_{competency.code}",
            RadioField(_l("Rating"), choices=RATING_CHOICES, validate_choice=False),
        )
        setattr(
            VacancyScorecardForm,
            f"note_{competency.code}",
            TextAreaField(_l("Evidence"), validators=[Length(max=NOTE_MAX_LENGTH)]),
        )
    level_choices = [SelectChoice("", _l("Not verified"))] + [
        SelectChoice(level, CEFR_LABELS[level]) for level in LANGUAGE_LEVELS
    ]
    for language in languages:
        setattr(
            VacancyScorecardForm,
            f"language_{language}",
            SelectField(
                _l("Verified level: %(language)s", language=label(LANGUAGE_NAMES, language)),
                choices=level_choices,
                validate_choice=False,
            ),
        )
    if card is not None:
        kwargs.setdefault("data", scorecard_data(card))
    return VacancyScorecardForm(**kwargs)


def scorecard_data(card: Scorecard) -> dict[str, Any]:
    """The stored scorecard as form data."""
    data: dict[str, Any] = {"version": str(card.version), "recommendation": card.recommendation}
    if card.verified_plan_attainment_pct is not None:
        data["verified_plan_attainment_pct"] = f"{card.verified_plan_attainment_pct:g}"
    for row in card.ratings:
        data[f"rating_{row.competency_code}"] = rating_choice(card, row)
        data[f"note_{row.competency_code}"] = row.note
    for row in card.verified_languages:
        data[f"language_{row.language}"] = row.level
    return data


def rating_choice(card: Scorecard, row) -> str:
    """The radio to check for a stored rating (see hiring.services.scorecard_input.marked_not_assessed)."""
    if row.value is not None:
        return str(row.value)
    return NOT_ASSESSED if marked_not_assessed(card, row) else ""


def parse_version(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class ReopenForm(FlaskForm):
    """HR's button that reopens a submitted scorecard."""

    version = HiddenField()
    reopen = SubmitField(_l("Reopen"))
