"""An iCalendar file of planned meetings and deadlines, for Outlook and Google Calendar."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import Any
from zoneinfo import ZoneInfo

from .duties import deadlines
from .model.mote import parse_time
from .repo import Repo

__all__ = ["PRODID", "calendar_ics", "meeting_ics"]

PRODID = "-//bfa//brottsforeb kalender//SV"
TZ = ZoneInfo("Europe/Stockholm")
#: A meeting whose ``tid`` gives only the start lasts this long, unless its body's
#: ``möten.längd_minuter`` says otherwise.
DEFAULT_MINUTES = 60


#: Control and bidi characters (but the CR LF of iCalendar's own lines): shown as \\x1b,
#: so a calendar printed to a terminal (`bfa calendar -o /dev/stdout`) cannot drive it.
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def _shown(ics: bytes) -> bytes:
    text = ics.decode("utf-8")
    if not _CONTROL.search(text):
        return ics
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text).encode("utf-8")


def _uid(*parts: str) -> str:
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:20] + "@bfa"


def calendar_ics(repo: Repo, today: dt.date) -> bytes:
    """Planned meetings (meeting files dated today or later, not cancelled) and every due
    date of the calendar of duties (`bfa check` watches the same) from today on that is
    not already met.

    The output depends only on the repository and ``today``, so it can be committed.
    """
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    name = repo.kommun.name if repo.kommun else "bfa"
    cal.add("x-wr-calname", f"Brottsförebyggande arbete – {name}")
    stamp = dt.datetime.combine(today, dt.time(0, 0), tzinfo=dt.UTC)

    for mid, m in sorted(repo.moten.items()):
        if m.date < today or m.state(today) == "inställt":
            continue
        ev = _meeting_event(repo, mid, stamp)
        if m.place:
            ev.add("location", m.place)
        agenda = [i.heading for i in m.items]
        if agenda:
            ev.add("description", "Ärenden: " + "; ".join(agenda))
        cal.add_component(ev)

    for d in deadlines(repo, today):
        if d.due < today or d.met:
            continue
        file, line, col = repo.where(d.kind, d.id, d.path)
        where = f"{file}:{line}:{col}" if line else file
        ev = Event()
        ev.add("uid", _uid("frist", d.rule, d.kind, d.id, d.due.isoformat(), d.what))
        ev.add("dtstamp", stamp)
        ev.add("summary", "Förfaller: " + d.what)
        ev.add("dtstart", d.due)
        ev.add("dtend", d.due + dt.timedelta(days=1))
        ev.add("description", f"{where} [{d.rule}]")
        ev.add("categories", ["bfa", d.rule])
        cal.add_component(ev)
    if hasattr(cal, "add_missing_timezones"):  # VTIMEZONE for Outlook
        cal.add_missing_timezones()
    return _shown(bytes(cal.to_ical()))


def meeting_ics(repo: Repo, meeting: list[str]) -> bytes:
    """One meeting as an iCalendar invitation: the body's members (with their e-mail
    addresses where the repository knows them) as attendees, the agenda as description."""
    from icalendar import Calendar, vCalAddress, vText

    from .render._meetings import find_meeting

    mid = find_meeting(repo, meeting)
    m = repo.moten[mid]
    body = repo.organ.get(m.organ)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("method", "REQUEST")
    ev = _meeting_event(repo, mid, dt.datetime.combine(m.date, dt.time(0, 0), tzinfo=dt.UTC))
    if m.place or m.link:
        ev.add("location", m.place or m.link)
    if m.link:
        ev.add("url", m.link)
    lines = [f"{n}. {i.heading}" for n, i in enumerate(m.items, start=1)]
    if lines:
        ev.add("description", "Dagordning:\n" + "\n".join(lines))
    if m.cancelled or m.status == "inställt":
        ev.add("status", "CANCELLED")
    convener = body.convener[0] if body and body.convener else None
    for fid in _invited(repo, mid):
        f = repo.funktioner.get(fid)
        if f is None or f.holder is None or not f.holder.email:
            continue
        address = vCalAddress(f"mailto:{f.holder.email}")
        address.params["cn"] = vText(f.holder.name)
        if fid == convener:
            ev.add("organizer", address)
            continue
        address.params["role"] = vText("REQ-PARTICIPANT")
        address.params["partstat"] = vText("NEEDS-ACTION")
        address.params["rsvp"] = vText("TRUE")
        ev.add("attendee", address, encode=False)
    cal.add_component(ev)
    if hasattr(cal, "add_missing_timezones"):
        cal.add_missing_timezones()
    return _shown(bytes(cal.to_ical()))


def _invited(repo: Repo, mid: str) -> list[str]:
    """The functions a meeting's invitation goes to: the body's members, chair and convener."""
    body = repo.organ.get(repo.moten[mid].organ)
    members = list(body.members) if body else []
    for role in (body.chair if body else None, *(body.convener if body else [])):
        if role and role not in members:
            members.append(role)
    return members


def unreachable(repo: Repo, meeting: list[str]) -> tuple[list[str], int]:
    """(titles of the invited without an e-mail address, how many are invited): an
    invitation that reaches nobody is said to, not written in silence (N15)."""
    from .render._meetings import find_meeting

    invited = _invited(repo, find_meeting(repo, meeting))
    missing = [
        f.title if f is not None else fid
        for fid in invited
        if (f := repo.funktioner.get(fid)) is None or f.holder is None or not f.holder.email
    ]
    return missing, len(invited)


def _meeting_event(repo: Repo, mid: str, stamp: dt.datetime) -> Any:
    """The part of a meeting's VEVENT that the calendar and the invitation share: uid,
    stamp, summary and start/end (with clock times when the meeting file gives them)."""
    from icalendar import Event

    m = repo.moten[mid]
    ev = Event()
    ev.add("uid", _uid("mote", mid))
    ev.add("dtstamp", stamp)
    ev.add("summary", f"Möte: {repo.name_of('organ', m.organ)}")
    if m.time:  # validated when the repository was read (model.mote.parse_time)
        start, end = parse_time(m.time)
        begin = dt.datetime.combine(m.date, start, tzinfo=TZ)
        body = repo.organ.get(m.organ)
        minutes = (body.meetings.minutes if body and body.meetings else None) or (DEFAULT_MINUTES)
        finish = (
            dt.datetime.combine(m.date, end, tzinfo=TZ)
            if end
            else begin + dt.timedelta(minutes=minutes)
        )
        ev.add("dtstart", begin)
        ev.add("dtend", finish)
    else:
        ev.add("dtstart", m.date)
        ev.add("dtend", m.date + dt.timedelta(days=1))
    return ev
