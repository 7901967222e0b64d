"""Interview invitations as iCalendar (RFC 5545/5546) made with the `icalendar` library: values in, bytes out.

One assignment is one event for good: its UID never changes, SEQUENCE rises with every move, and the
cancellation carries the same UID with METHOD:CANCEL so that the interviewer's calendar removes it.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vCalAddress, vText

PRODID = "-//KAM Hiring//Interview invitations//EN"


@dataclass(frozen=True)
class Invitation:
    uid: str
    sequence: int
    starts_at: datetime  # aware
    duration_minutes: int
    time_zone: str  # IANA name the interviewer reads the time in
    summary: str
    location: str
    description: str
    url: str
    organizer_email: str
    attendee_email: str
    attendee_name: str
    stamp: datetime  # aware; when this version of the invitation was made


def invitation_ics(invitation: Invitation, *, cancel: bool = False) -> bytes:
    """A METHOD:REQUEST calendar (or METHOD:CANCEL) with the one event of the interview."""
    zone = ZoneInfo(invitation.time_zone) if invitation.time_zone else ZoneInfo("UTC")
    start = invitation.starts_at.astimezone(zone)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancel else "REQUEST")
    event = Event()
    event.add("uid", invitation.uid)
    event.add("sequence", invitation.sequence)
    event.add("dtstamp", invitation.stamp)
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=invitation.duration_minutes))
    event.add("summary", invitation.summary)
    if invitation.location:
        event.add("location", invitation.location)
    event.add("description", invitation.description)
    event.add("url", invitation.url)
    event.add("status", "CANCELLED" if cancel else "CONFIRMED")
    organizer = vCalAddress(f"mailto:{invitation.organizer_email}")
    organizer.params["cn"] = vText("KAM Hiring")
    event.add("organizer", organizer)
    attendee = vCalAddress(f"mailto:{invitation.attendee_email}")
    attendee.params["cn"] = vText(invitation.attendee_name)
    attendee.params["role"] = vText("REQ-PARTICIPANT")
    attendee.params["partstat"] = vText("NEEDS-ACTION")
    attendee.params["rsvp"] = vText("FALSE")
    event.add("attendee", attendee)
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
