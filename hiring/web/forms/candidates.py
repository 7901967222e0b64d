"""Forms of the candidate pages: the candidate's data, check answers, interviewers and the CSV import.

The forms read what was typed; hiring.services.candidates judges it, and its per-field messages are put back on
the fields (`place_error`, used by hiring.web.forms.refusals.show_refusal), so the page and the API say the same words.
"""

from typing import Any

from babel import Locale
from flask_babel import format_decimal
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    EmailField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Optional
from wtforms.widgets import HiddenInput

from hiring.domain.levels import ISO_639_1, LANGUAGE_LEVELS
from hiring.glossary import CEFR_LABELS, EDUCATION_LABELS, field_labels
from hiring.web.forms.schedule import ScheduleFields
from hiring.web.templating import reader_language

LANGUAGE_ROWS = 3  # empty language rows offered on a new candidate


class MarkedRequired:
    """Marks a field as required (asterisk, `required` attribute); the service says what is wrong."""

    field_flags = {"required": True}

    def __call__(self, form, field) -> None:
        return None


def language_choices() -> list[tuple[str, str]]:
    """Every ISO 639-1 code, named in the reader's language, in alphabetical order of the names."""
    names = Locale.parse(reader_language()).languages
    named = [(code, (names.get(code) or code)) for code in ISO_639_1]
    return sorted(
        ((code, f"{name[:1].upper()}{name[1:]} ({code})") for code, name in named), key=lambda c: c[1].lower()
    )


def field_choices(current: str | None = None) -> list[tuple[str, str]]:
    """Fields of education in the reader's language, keeping a free-text value the candidate already has."""
    known = field_labels(reader_language())
    choices = [("", str(_l("— not stated —")))]
    choices += list(known.items())
    if current and current not in known:
        choices.append((current, current))
    return choices


def number_text(value: float | None) -> str:
    """A stored number as the reader writes it: `2,5` in Russian, `2.5` in English, `5` for 5.0."""
    return "" if value is None else format_decimal(value, format="0.##")


class LanguageEntryForm(Form):
    """One language the candidate speaks, with a CEFR level."""

    language = SelectField(_l("Language"), choices=[], validate_choice=False)
    level = SelectField(_l("Level"), choices=[], validate_choice=False)


class CandidateForm(FlaskForm):
    full_name = StringField(_l("Full name"), validators=[MarkedRequired()], render_kw={"autocomplete": "off"})
    email = EmailField(_l("Email"), render_kw={"autocomplete": "off"})
    phone = StringField(_l("Phone"), render_kw={"inputmode": "tel", "autocomplete": "off"})
    education_level = SelectField(_l("Education level"), choices=[], validate_choice=False)
    education_field = SelectField(_l("Field of education"), choices=[], validate_choice=False)
    experience_years = StringField(_l("Relevant experience, years"), render_kw={"inputmode": "decimal"})
    plan_attainment_pct = StringField(_l("Sales plan attainment, %"), render_kw={"inputmode": "decimal"})
    languages = FieldList(FormField(LanguageEntryForm), min_entries=LANGUAGE_ROWS)
    add_language = SubmitField(_l("Add another language"))
    notes = TextAreaField(_l("Notes"))
    version = IntegerField(widget=HiddenInput(), validators=[Optional()])

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.education_level.choices = [("", str(_l("— not stated —")))] + [
            (code, str(text)) for code, text in EDUCATION_LABELS.items()
        ]
        self.education_field.choices = field_choices(self.education_field.data)
        self.language_errors: list[str] = []
        self._language_choices = [("", "—")] + language_choices()
        self._level_choices = [("", "—")] + [(level, str(CEFR_LABELS[level])) for level in LANGUAGE_LEVELS]
        self._choose_languages()

    def _choose_languages(self) -> None:
        for entry in self.languages:
            entry.form.language.choices = self._language_choices
            entry.form.level.choices = self._level_choices

    def add_language_row(self) -> None:
        self.languages.append_entry()
        self._choose_languages()

    def candidate_data(self) -> dict[str, Any]:
        """What was typed, in the shape hiring.services.candidates takes."""
        return {
            "full_name": self.full_name.data,
            "email": self.email.data,
            "phone": self.phone.data,
            "education_level": self.education_level.data,
            "education_field": self.education_field.data,
            "experience_years": self.experience_years.data,
            "plan_attainment_pct": self.plan_attainment_pct.data,
            "languages": [
                {"language": entry.language.data, "level": entry.level.data} for entry in self.languages
            ],
            "notes": self.notes.data,
        }

    def place_error(self, name: str, words: str) -> bool:
        """Put a service message next to the field it is about (see hiring.web.forms.refusals)."""
        if name == "languages":
            self.language_errors.append(words)
        elif name in self._fields and name not in ("add_language", "version"):
            self[name].errors = [*self[name].errors, words]
        else:
            return False
        return True


def candidate_form_data(candidate) -> dict[str, Any]:
    """The form's starting values from a stored candidate."""
    languages = [{"language": item.language, "level": item.level} for item in candidate.languages]
    return {
        "full_name": candidate.full_name,
        "email": candidate.email or "",
        "phone": candidate.phone or "",
        "education_level": candidate.education_level or "",
        "education_field": candidate.education_field or "",
        "experience_years": number_text(candidate.experience_years),
        "plan_attainment_pct": number_text(candidate.plan_attainment_pct),
        "languages": languages + [{"language": "", "level": ""}],
        "notes": candidate.notes or "",
        "version": candidate.version,
    }


ANSWER_CHOICES = [
    SelectChoice("yes", _l("Yes")),
    SelectChoice("no", _l("No")),
    SelectChoice("", _l("Not answered")),
]
_ANSWER_VALUES = {"yes": True, "no": False, "": None}


def checks_form(vacancy, candidate, **kwargs: Any) -> FlaskForm:
    """A yes/no/not-answered choice per custom check of the vacancy, starting at the current answers."""
    current = {answer.check.position: answer.met for answer in candidate.check_answers}

    class ChecksForm(FlaskForm):
        def answers(self) -> dict[int, bool | None]:
            return {
                check.position: _ANSWER_VALUES[self[f"check_{check.position}"].data]
                for check in vacancy.custom_checks
            }

    for check in vacancy.custom_checks:
        met = current.get(check.position)
        default = "" if met is None else ("yes" if met else "no")
        setattr(
            ChecksForm,
            f"check_{check.position}",
            RadioField(check.text, choices=ANSWER_CHOICES, default=default),
        )
    return ChecksForm(**kwargs)


class AssignForm(ScheduleFields):
    """The interviewer and, optionally, the interview's time and place."""

    user_id = SelectField(_l("Interviewer"), coerce=int, choices=[])


class ActionForm(FlaskForm):
    """A button that changes something (unassign): only its CSRF token."""


class AnonymizeForm(FlaskForm):
    confirm = BooleanField(
        _l("I confirm: erase this candidate's name, contacts, notes and written evidence"),
        validators=[DataRequired()],
    )


class ImportForm(FlaskForm):
    file = FileField(
        _l("CSV file or Excel workbook"),
        validators=[FileRequired(message=_l("Choose a CSV file or an Excel workbook (.xlsx) to upload."))],
        render_kw={
            "accept": ".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        },
    )


class ConfirmImportForm(FlaskForm):
    """A previewed file, named by its single-use token (hiring.services.import_previews)."""

    token = HiddenField()


class MappingForm(FlaskForm):
    """The columns HR chose for a preview; the selects (`columns`, one per column) are read by the view."""

    preview = HiddenField()


class CandidateFileForm(FlaskForm):
    """A file (a CV) to attach to a candidate; its type and size are checked by hiring.services.candidate_files."""

    file = FileField(
        _l("CV or another document (PDF, DOCX, ODT, RTF; up to 10 MB)"),
        validators=[FileRequired(message=_l("Choose a file to attach."))],
        render_kw={"accept": ".pdf,.docx,.odt,.rtf"},
    )
