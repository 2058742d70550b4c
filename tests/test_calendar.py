"""bfa calendar: planned meetings and deadlines as iCalendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from icalendar import Calendar

from .conftest import EXAMPLES


def _events(data: bytes) -> list:  # type: ignore[type-arg]
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_calendar_has_planned_meetings_and_deadlines(cli, tmp_path: Path) -> None:
    out = tmp_path / "bfa.ics"
    result = cli("calendar", EXAMPLES / "torsby", "--today", "2026-11-21", "-o", out)
    assert result.exit_code == 0, result.output
    events = _events(out.read_bytes())
    meeting = next(e for e in events if str(e["summary"]) == "Möte: Styrgrupp")
    start = meeting.decoded("dtstart")
    assert start.date() == dt.date(2027, 3, 16) and start.hour == 13
    assert str(meeting["location"]) == "Kommunhuset"
    riktlinje = next(e for e in events if "Riktlinje för Torsby" in str(e["summary"]))
    assert riktlinje.decoded("dtstart") == dt.date(2028, 9, 2)
    assert "om " not in str(riktlinje["summary"])  # no text that goes stale in a calendar
    # past meetings are not in the calendar
    assert not any(
        e.decoded("dtstart") < dt.date(2026, 11, 21)
        for e in events
        if isinstance(e.decoded("dtstart"), dt.date)
        and not isinstance(e.decoded("dtstart"), dt.datetime)
    )


def test_calendar_is_deterministic(cli, tmp_path: Path) -> None:
    a = cli("calendar", EXAMPLES / "lindesberg", "--today", "2026-11-21").stdout_bytes
    b = cli("calendar", EXAMPLES / "lindesberg", "--today", "2026-11-21").stdout_bytes
    assert a == b and a.startswith(b"BEGIN:VCALENDAR")


def test_calendar_refuses_to_overwrite_a_foreign_file(cli, tmp_path: Path) -> None:
    out = tmp_path / "mitt.ics"
    out.write_text("min egen kalender")
    result = cli("calendar", EXAMPLES / "torsby", "-o", out)
    assert result.exit_code == 2
    assert "skrivs inte över" in result.stderr
    assert out.read_text() == "min egen kalender"
    assert cli("calendar", EXAMPLES / "torsby", "-o", out, "--force").exit_code == 0
    # bfa's own output is replaced without --force
    assert cli("calendar", EXAMPLES / "torsby", "-o", out).exit_code == 0
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
