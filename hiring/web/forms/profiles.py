"""Forms of the profile pages: the profile's settings and one competency."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    FloatField,
    IntegerField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, Optional
from wtforms.widgets import CheckboxInput, HiddenInput, ListWidget, TextInput

from hiring.glossary import EDUCATION_LABELS, field_labels
from hiring.services.profile_input import NAME_LENGTH
from hiring.web.templating import reader_language


def strip(value):
    return value.strip() if isinstance(value, str) else value


class NumberField(FloatField):
    """A number typed with a decimal point or a decimal comma (`2,5`), as Russian users write it."""

    widget = TextInput()

    def _value(self) -> str:
        if self.raw_data:
            return self.raw_data[0]
        if isinstance(self.data, float) and self.data.is_integer():
            return str(int(self.data))
        return "" if self.data is None else str(self.data)

    def process_formdata(self, valuelist):
        if valuelist:
            valuelist = [
                value.replace("\u00a0", "").replace(" ", "").replace(",", ".") for value in valuelist
            ]
        super().process_formdata(valuelist)


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def version_field() -> IntegerField:
    """The version the record was read at, sent back with the save to detect a concurrent change."""
    return IntegerField(widget=HiddenInput(), validators=[InputRequired()])


def choices(items) -> list[SelectChoice]:
    """Select options from (value, label) pairs."""
    return [SelectChoice(value, label) for value, label in items]


def field_names() -> dict[str, str]:
    """Fields of education in the reader's language."""
    return field_labels(reader_language())


class ActionForm(FlaskForm):
    """A button that changes a record read at `version` (remove, clone)."""

    version = IntegerField(widget=HiddenInput(), validators=[Optional()])


class ProfileSettingsForm(FlaskForm):
    version = version_field()
    name_ru = StringField(
        _l("Name (Russian)"), filters=[strip], validators=[DataRequired(), Length(max=NAME_LENGTH)]
    )
    name_en = StringField(
        _l("Name (English)"), filters=[strip], validators=[DataRequired(), Length(max=NAME_LENGTH)]
    )
    description_ru = TextAreaField(_l("Description (Russian)"), filters=[strip])
    description_en = TextAreaField(_l("Description (English)"), filters=[strip])
    edu_min_level = SelectField(_l("Minimum education"), choices=choices(EDUCATION_LABELS.items()))
    edu_mandatory = BooleanField(_l("Education is mandatory"))
    edu_preferred_fields = MultiCheckboxField(_l("Preferred fields of education (a plus, no points)"))
    exp_min_years = NumberField(_l("Minimum years of relevant experience"), validators=[InputRequired()])
    exp_mandatory = BooleanField(_l("Experience is mandatory"))
    exp_exception_min_years = NumberField(_l("Exception: at least this many years…"), validators=[Optional()])
    exp_exception_min_plan_pct = NumberField(
        _l("…with the sales plan met at least at this %"), validators=[Optional()]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.edu_preferred_fields.choices = choices(field_names().items())


class CompetencyForm(FlaskForm):
    version = version_field()
    name_ru = StringField(
        _l("Name (Russian)"), filters=[strip], validators=[DataRequired(), Length(max=NAME_LENGTH)]
    )
    name_en = StringField(
        _l("Name (English)"), filters=[strip], validators=[DataRequired(), Length(max=NAME_LENGTH)]
    )
    covers_ru = TextAreaField(_l("What it covers (Russian)"), filters=[strip])
    covers_en = TextAreaField(_l("What it covers (English)"), filters=[strip])
    weight = NumberField(_l("Weight"), validators=[InputRequired()])
    critical_min = NumberField(_l("Critical minimum (1–5, optional)"), validators=[Optional()])
    anchor1_ru = TextAreaField(_l("Level 1 (Russian)"), filters=[strip])
    anchor1_en = TextAreaField(_l("Level 1 (English)"), filters=[strip])
    anchor3_ru = TextAreaField(_l("Level 3 (Russian)"), filters=[strip])
    anchor3_en = TextAreaField(_l("Level 3 (English)"), filters=[strip])
    anchor5_ru = TextAreaField(_l("Level 5 (Russian)"), filters=[strip])
    anchor5_en = TextAreaField(_l("Level 5 (English)"), filters=[strip])
    questions_ru = TextAreaField(_l("Questions (Russian), one per line; probes under them after a dash"))
    questions_en = TextAreaField(_l("Questions (English), one per line; probes under them after a dash"))


class NewCompetencyForm(CompetencyForm):
    code = StringField(
        _l("Code"),
        filters=[strip, lambda value: value.upper() if isinstance(value, str) else value],
        validators=[DataRequired(), Length(max=8)],
    )
