"""Forms of the hiring lead's pages."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length

from hiring.glossary import DECISION_LABELS
from hiring.services.decisions import RATIONALE_MAX_LENGTH


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class DecisionForm(FlaskForm):
    """Hire, reject or hold, with the reasons."""

    decision = RadioField(
        _l("Decision"),
        choices=list(DECISION_LABELS.items()),
        validators=[InputRequired(message=_l("Choose hire, reject or hold."))],
    )
    rationale = TextAreaField(
        _l("Rationale"),
        filters=[_strip],
        validators=[
            DataRequired(message=_l("Give the reasons for the decision.")),
            Length(max=RATIONALE_MAX_LENGTH),
        ],
    )
    submit = SubmitField(_l("Record decision"))
