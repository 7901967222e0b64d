"""Forms of the vacancy pages: the vacancy with any number of language requirements and custom checks."""

import re
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import AnyOf, DataRequired, Length, Optional
from wtforms.widgets import CheckboxInput, HiddenInput, ListWidget, TextInput

from hiring.glossary import CEFR_LABELS, EDUCATION_LABELS, LANGUAGE_NAMES
from hiring.models.vacancies import VACANCY_STATUSES
from hiring.services.vacancies import SCALAR_FIELDS
from hiring.services.vacancy_input import CURRENCIES
from hiring.services.vacancy_input import LANGUAGES as VACANCY_LANGUAGES
from hiring.web.forms.candidates import language_choices
from hiring.web.forms.profiles import NumberField, choices, strip

EMPTY_ROWS = 2  # blank rows offered under the filled ones
MAX_ROWS = 30


class AmountField(IntegerField):
    """A whole amount; spaces between thousands (`150 000`) are allowed."""

    widget = TextInput()

    def process_formdata(self, valuelist):
        if valuelist:
            valuelist = [re.sub(r"[\s\u00a0\u202f]", "", value) for value in valuelist]
        super().process_formdata(valuelist)


class LanguageRowForm(Form):
    """One language requirement; a row with neither a language nor a level is ignored."""

    # The candidate form's picker: names in the reader's language, the code in brackets (issue 24: a typed
    # "английский" had silently become "ан").
    language = SelectField(_l("Language"), choices=[], validate_choice=False)
    min_level = SelectField(
        _l("Minimum level"),
        choices=choices([("", "—"), *CEFR_LABELS.items()]),
        validate_choice=False,  # the service says what is wrong, next to the row
    )
    mandatory = BooleanField(_l("Mandatory"), default=True)

    def is_blank(self) -> bool:
        return not self.language.data and not self.min_level.data


class CheckRowForm(Form):
    """One custom yes/no check; a row without text is ignored."""

    text = StringField(_l("Yes/no question answered by HR"), filters=[strip])
    mandatory = BooleanField(_l("Mandatory"), default=True)

    def is_blank(self) -> bool:
        return not self.text.data


class VacancyForm(FlaskForm):
    version = IntegerField(widget=HiddenInput(), validators=[Optional()])
    title = StringField(_l("Title"), filters=[strip], validators=[DataRequired(), Length(max=200)])
    language = SelectField(
        _l("Language of the vacancy"),
        choices=choices((code, LANGUAGE_NAMES[code]) for code in VACANCY_LANGUAGES),
    )
    company = StringField(_l("Company"), filters=[strip], validators=[Length(max=200)])
    location = StringField(_l("Location"), filters=[strip], validators=[Length(max=200)])
    employment_terms = StringField(
        _l("Employment terms"),
        filters=[strip],
        validators=[Length(max=200)],
        description=_l("e.g. full time, hybrid"),
    )
    salary_from = AmountField(_l("Salary from"), validators=[Optional()])
    salary_to = AmountField(_l("Salary to"), validators=[Optional()])
    salary_currency = SelectField(_l("Currency"), choices=choices((c, c) for c in CURRENCIES))
    salary_period = SelectField(
        _l("Salary period"), choices=choices([("month", _l("per month")), ("year", _l("per year"))])
    )
    salary_basis = SelectField(
        _l("Gross or net"),
        choices=choices([("gross", _l("before tax")), ("net", _l("after tax"))]),
    )
    travel_required = BooleanField(_l("Business travel required"))
    about_company = TextAreaField(_l("About us"), filters=[strip])
    intro = TextAreaField(_l("Introduction"), filters=[strip])
    responsibilities = TextAreaField(_l("Responsibilities, one per line"))
    conditions = TextAreaField(_l("Conditions, one per line"))
    how_to_apply = TextAreaField(_l("How to apply"), filters=[strip])
    contacts = TextAreaField(_l("Contacts"), filters=[strip])
    publish_exp_exception = BooleanField(_l("Publish the experience exception in the job post"))
    edu_min_level = SelectField(_l("Minimum education"), choices=choices(EDUCATION_LABELS.items()))
    edu_mandatory = BooleanField(_l("Education is mandatory"))
    exp_min_years = NumberField(_l("Minimum years of relevant experience"), validators=[Optional()])
    exp_exception_min_years = NumberField(_l("Exception: at least this many years…"), validators=[Optional()])
    exp_exception_min_plan_pct = NumberField(
        _l("…with the sales plan met at least at this %"), validators=[Optional()]
    )
    languages = FieldList(FormField(LanguageRowForm), _l("Foreign languages"), max_entries=MAX_ROWS)
    checks = FieldList(FormField(CheckRowForm), _l("Custom yes/no checks"), max_entries=MAX_ROWS)
    add_language = SubmitField(_l("Add a language row"))
    add_check = SubmitField(_l("Add a check row"))

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._language_choices = [("", "—"), *language_choices()]
        self._choose_languages()

    def _choose_languages(self) -> None:
        """Every row offers every language; a code saved before that is not in the list stays offered."""
        known = {code for code, _name in self._language_choices}
        for row in self.languages:
            field = row.form.language
            current = field.data or ""
            extra = [(current, current)] if current and current not in known else []
            field.choices = self._language_choices + extra

    def add_rows(self, blank: int = EMPTY_ROWS) -> None:
        """Offer `blank` empty rows under the filled ones in each list."""
        for rows in (self.languages, self.checks):
            while len(rows) < MAX_ROWS and sum(1 for row in rows if row.form.is_blank()) < blank:
                rows.append_entry()
        self._choose_languages()

    def wants_another_row(self) -> bool:
        """True when the user pressed an "add row" button (the form is shown again, nothing is saved)."""
        if self.add_language.data and len(self.languages) < MAX_ROWS:
            self.languages.append_entry()
            self._choose_languages()
            return True
        if self.add_check.data and len(self.checks) < MAX_ROWS:
            self.checks.append_entry()
            return True
        return bool(self.add_language.data or self.add_check.data)

    def to_data(self) -> tuple[dict[str, Any], list[int], list[int]]:
        """The SPEC §6 data for the service, and the form rows behind each listed language and check."""
        language_rows = [i for i, row in enumerate(self.languages) if not row.form.is_blank()]
        check_rows = [i for i, row in enumerate(self.checks) if not row.form.is_blank()]
        data = {name: getattr(self, name).data for name in SCALAR_FIELDS}
        data["travel_required"] = bool(self.travel_required.data)
        data["publish_exp_exception"] = bool(self.publish_exp_exception.data)
        data["requirements"] = {
            "education": {"min_level": self.edu_min_level.data, "mandatory": bool(self.edu_mandatory.data)},
            "experience": {
                "min_years": self.exp_min_years.data,
                "exception_min_years": self.exp_exception_min_years.data,
                "exception_min_plan_pct": self.exp_exception_min_plan_pct.data,
            },
            "languages": [
                {
                    "language": self.languages[i].form.language.data,
                    "min_level": self.languages[i].form.min_level.data,
                    "mandatory": bool(self.languages[i].form.mandatory.data),
                }
                for i in language_rows
            ],
            "custom": [
                {"text": self.checks[i].form.text.data, "mandatory": bool(self.checks[i].form.mandatory.data)}
                for i in check_rows
            ],
        }
        return data, language_rows, check_rows

    def placer(self, language_rows: list[int], check_rows: list[int]):
        """Puts a service message beside the field its key names (see hiring.web.forms.refusals)."""

        def place(key: str, words: str) -> bool:
            field = self._field_for(key, language_rows, check_rows)
            if field is None:
                return False
            field.errors = [*field.errors, words]
            return True

        return place

    def _field_for(self, key: str, language_rows: list[int], check_rows: list[int]):
        match = re.fullmatch(r"requirements\.(languages|custom)\[(\d+)\](?:\.(\w+))?", key)
        if match:
            part, index, name = match.group(1), int(match.group(2)), match.group(3)
            rows, form_rows = (
                (self.languages, language_rows) if part == "languages" else (self.checks, check_rows)
            )
            if index >= len(form_rows):
                return None
            row = rows[form_rows[index]].form
            return row[name] if name in row._fields else None
        flat = {
            "requirements.education.min_level": "edu_min_level",
            "requirements.education.mandatory": "edu_mandatory",
            "requirements.experience.min_years": "exp_min_years",
            "requirements.experience.exception_min_years": "exp_exception_min_years",
            "requirements.experience.exception_min_plan_pct": "exp_exception_min_plan_pct",
        }.get(key, key)
        return self._fields.get(flat) if flat in self._fields and "." not in flat else None


class PanelForm(FlaskForm):
    """Assign one or more interviewers to the candidates ticked in the vacancy's list."""

    candidate_ids = SelectMultipleField(_l("Candidates"), coerce=int, choices=[], validate_choice=False)
    interviewer_ids = SelectMultipleField(
        _l("Interviewers"),
        coerce=int,
        choices=[],
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
    )


class StatusForm(FlaskForm):
    """Open or close a vacancy."""

    status = HiddenField(validators=[AnyOf(VACANCY_STATUSES)])


class ChooseProfileForm(FlaskForm):
    """The first step of a new vacancy: its profile and language (sent with GET, so no CSRF)."""

    class Meta:
        csrf = False

    profile_id = SelectField(_l("Competency profile"), coerce=int)
    language = SelectField(
        _l("Language of the vacancy"),
        choices=choices((code, LANGUAGE_NAMES[code]) for code in VACANCY_LANGUAGES),
    )
