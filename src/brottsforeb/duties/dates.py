"""Duties due on a single date: revisions, indicator values, action items; and trends."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .._periods import add_years, next_due
from ..model.dokument import WITHDRAWN, Dokument
from ..model.indikator import Indikator, Matvarde
from ..model.mote import Atgardspunkt
from ..repo import Repo

#: Statuses of an åtgärd that end its obligation.
DONE = ("genomförd", "avbruten")


def revision_due(repo: Repo, doc_id: str) -> dt.date | None:
    """When a document is to be revised (revision) or reviewed (aktualitetsprövning)."""
    d = repo.dokument[doc_id]
    r = d.revision
    if r is None or d.effective_status in (*WITHDRAWN, "ska_upphävas"):
        return None  # a withdrawn document is not revised
    base = d.date or d.valid_from
    return r.date or (add_years(base, r.years) if base and r.years else None)


def measure_due(repo: Repo, measure_id: str) -> dt.date | None:
    """When an åtgärd is to be finished; None when it has no end or is already finished
    or stopped. The one definition ``check`` (ATGARD-FORSENAD) and the uppföljning share."""
    a = repo.atgarder[measure_id]
    if a.end is None or a.status in DONE:
        return None
    return a.end


def decided_plans(repo: Repo, today: dt.date) -> list[tuple[str, Dokument]]:
    """The åtgärdsplaner that meet the law's duty on ``today``: in force, decided
    (antagen_av or datum), not decided after today, not expired (gäller_till). The one
    definition ``check`` (LAG-ATGARDSPLAN) and ``overview`` share."""
    return [
        (k, d)
        for k, d in repo.dokument.items()
        if d.type == "åtgärdsplan"
        and d.in_force
        and (d.adopted_by or d.date)
        and (d.date is None or d.date <= today)
        and (d.valid_to is None or d.valid_to >= today)
    ]


def late_measures(repo: Repo, today: dt.date) -> list[str]:
    """The åtgärder that are late on ``today``: marked försenad, or past their end and not
    finished or stopped (ATGARD-FORSENAD), sorted by id."""
    return sorted(
        k
        for k, a in repo.atgarder.items()
        if a.status == "försenad" or ((due := measure_due(repo, k)) is not None and due < today)
    )


def known_values(ind: Indikator, today: dt.date | None) -> list[Matvarde]:
    """The indicator's values known by ``today`` (all without a day), oldest first: judged
    as of a day, a value for a later period does not exist yet (`--today 2024-06-01` showed
    2025's value as the latest)."""
    return sorted((v for v in ind.values if today is None or v.when <= today), key=lambda v: v.when)


def indicator_due(repo: Repo, ind_id: str, today: dt.date | None = None) -> dt.date | None:
    """When the next value of an indicator is due, from its latest one known by ``today``
    (calendar months)."""
    ind = repo.indikatorer[ind_id]
    values = known_values(ind, today)
    if not values:
        return None
    return next_due(values[-1].when, ind.cadence.per, ind.cadence.count)


def trend(values: list[float], direction: str) -> str:
    """'bättre', 'sämre' or 'oförändrat' between the last two values; '' with fewer."""
    if len(values) < 2:
        return ""
    delta = values[-1] - values[-2]
    if delta == 0:
        return "oförändrat"
    better = delta > 0 if direction == "öka" else delta < 0
    return "bättre" if better else "sämre"


@dataclass(frozen=True)
class ActionItem:
    """An action item across the meetings it was carried to: reported once, at its origin."""

    origin: str  # meeting id where it was decided
    index: int  # its position there (or in the first meeting it appears in)
    at: str  # the meeting id the location refers to
    item: Atgardspunkt  # the latest version (latest 'senast')
    done: bool
    last_carried: str | None  # the latest meeting it was carried to


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def action_items(repo: Repo) -> list[ActionItem]:
    """Every action item once: carried copies (``från``) join their origin; closing any
    copy closes the item."""
    groups: dict[tuple[str, str], list[tuple[str, int, Atgardspunkt]]] = {}
    for mid, m in sorted(repo.moten.items(), key=lambda kv: (kv[1].date, kv[0])):
        for i, item in enumerate(m.action_items):
            groups.setdefault((item.origin or mid, _norm(item.what)), []).append((mid, i, item))
    out = []
    for (origin, _what), copies in groups.items():
        at, index, _first = next(((c[0], c[1], c[2]) for c in copies if c[0] == origin), copies[0])
        latest = copies[-1][2]
        carried = [c[0] for c in copies if c[0] != origin]
        out.append(
            ActionItem(
                origin,
                index,
                at,
                latest,
                any(c[2].done for c in copies),
                carried[-1] if carried else None,
            )
        )
    return out
