"""The interview's time and place, on the assign form and on the interview's own page."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateTimeLocalField, IntegerField, SelectField, StringField
from wtforms.validators import Length, NumberRange, Optional

from hiring.services.schedule import MAX_MINUTES, MIN_MINUTES, InterviewInput, local_start

# The zones HR picks from: Russia's, its neighbours' and a few where clients often sit.
TIME_ZONES = (
    "Europe/Kaliningrad",
    "Europe/Moscow",
    "Europe/Samara",
    "Asia/Yekaterinburg",
    "Asia/Omsk",
    "Asia/Novosibirsk",
    "Asia/Krasnoyarsk",
    "Asia/Irkutsk",
    "Asia/Yakutsk",
    "Asia/Vladivostok",
    "Asia/Magadan",
    "Asia/Kamchatka",
    "Europe/Minsk",
    "Asia/Almaty",
    "Asia/Tashkent",
    "Europe/Istanbul",
    "Asia/Dubai",
    "Europe/Berlin",
    "Europe/London",
    "UTC",
)


class ScheduleFields(FlaskForm):
    starts_at = DateTimeLocalField(
        _l("Interview date and time"), format="%Y-%m-%dT%H:%M", validators=[Optional()]
    )
    time_zone = SelectField(
        _l("Time zone"), choices=[(zone, zone) for zone in TIME_ZONES], default="Europe/Moscow"
    )
    duration_minutes = IntegerField(
        _l("Duration, minutes"), default=60, validators=[Optional(), NumberRange(MIN_MINUTES, MAX_MINUTES)]
    )
    location = StringField(_l("Place or video link"), validators=[Optional(), Length(max=500)])

    def interview(self) -> InterviewInput | None:
        """The interview the fields describe, or None when no time is given."""
        if self.starts_at.data is None:
            return None
        return InterviewInput(
            starts_at=local_start(self.starts_at.data, self.time_zone.data),
            duration_minutes=self.duration_minutes.data or 60,
            time_zone=self.time_zone.data,
            location=(self.location.data or "").strip(),
        )


class ScheduleForm(ScheduleFields):
    """The interview page (the view asks for the time: the assign form leaves it optional)."""

    def validate_required_time(self) -> bool:
        if self.starts_at.data is None and not self.starts_at.errors:
            self.starts_at.errors = [*self.starts_at.errors, _l("Give the date and time of the interview.")]
        return not self.starts_at.errors
