"""Forms of the outcome page and the validity report."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, HiddenField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length

from hiring.models import REVIEW_MONTHS
from hiring.services.outcome_input import MAX_NOTES

FIELD_LABELS = {
    "retention_pct": _l("Key clients kept, %"),
    "revenue_growth_pct": _l("Portfolio revenue growth, %"),
    "plan_attainment_pct": _l("Sales plan attainment, %"),
    "manager_rating": _l("Manager's overall rating (1–5)"),
    "still_employed": _l("Still works here"),
    "left_on": _l("Leaving date"),
}


def _field_name(month: int, name: str) -> str:
    return f"m{month}_{name}"


class OutcomeForm(FlaskForm):
    """Start date, notes and, per review month, the four KPIs and whether the person still works here."""

    started_on = StringField(_l("Start date"), validators=[DataRequired()], render_kw={"type": "date"})
    notes = TextAreaField(
        _l("Notes (removed when the candidate is anonymised)"), validators=[Length(max=MAX_NOTES)]
    )
    version = HiddenField()
    submit = SubmitField(_l("Save outcome"))

    def review_fields(self, month: int) -> list:
        return [self[_field_name(month, name)] for name in FIELD_LABELS]

    def outcome_data(self) -> dict:
        """The SPEC §6 shape the service takes; an empty review month is left out."""
        reviews = []
        for month in REVIEW_MONTHS:
            values = {name: self[_field_name(month, name)].data for name in FIELD_LABELS}
            values["still_employed"] = {"yes": True, "no": False}.get(values["still_employed"])
            if any(v not in (None, "") for v in values.values()):
                reviews.append({"month": month, **values})
        return {"started_on": self.started_on.data, "notes": self.notes.data, "reviews": reviews}

    def fill(self, outcome) -> None:
        """Show a stored outcome."""
        self.started_on.data = outcome.started_on.isoformat()
        self.notes.data = outcome.notes
        self.version.data = str(outcome.version)
        for review in outcome.reviews:
            for name in FIELD_LABELS:
                value = getattr(review, name)
                if name == "still_employed":
                    value = {True: "yes", False: "no"}.get(value, "")
                elif value is None:
                    value = ""
                elif hasattr(value, "isoformat"):
                    value = value.isoformat()
                else:
                    value = f"{value:g}"
                self[_field_name(review.month, name)].data = value

    def place_error(self, key: str, words: str) -> bool:
        """Put a service message (`reviews[6].retention_pct`, `started_on`) beside its field."""
        if key.startswith("reviews[") and "]." in key:
            month, name = key[len("reviews[") :].split("].", 1)
            key = _field_name(int(month), name)
        field = self._fields.get(key)
        if field is None:
            return False
        field.errors = [*field.errors, words]
        return True


for _month in REVIEW_MONTHS:
    for _name, _label in FIELD_LABELS.items():
        if _name == "still_employed":
            _field = SelectField(
                _label, choices=[("", "—"), ("yes", _l("yes")), ("no", _l("no"))], default=""
            )
        elif _name == "left_on":
            _field = StringField(_label, render_kw={"type": "date"})
        else:
            _field = StringField(_label, render_kw={"inputmode": "decimal"})
        setattr(OutcomeForm, _field_name(_month, _name), _field)


class CloneForm(FlaskForm):
    """Clone the profile with the suggested weights, after HR confirms."""

    confirm = BooleanField(
        _l("I understand this creates a new profile with these weights; the current profile does not change.")
    )
    submit = SubmitField(_l("Clone the profile with these weights"))


class OutcomeImportForm(FlaskForm):
    """A CSV file or workbook of outcomes, one line per review."""

    file = FileField(
        _l("CSV file or Excel workbook"),
        validators=[FileRequired(message=_l("Choose a CSV file or an Excel workbook (.xlsx) to upload."))],
        render_kw={
            "accept": ".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        },
    )
    submit = SubmitField(_l("Import outcomes"))
