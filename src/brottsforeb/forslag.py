"""`bfa render forslag`: a reorganisation proposal as a tjänsteskrivelse.

A reorganisation is a branch: the repository at ``--base`` is today's organisation, the
working tree (or ``--head``) the proposed one. The document compares the two with the
minutes machinery (``history.diff_repos``), draws both organisation charts, lists the
governing documents that lapse and those that replace them, and states the decision asked
for from ``förslag:`` in the proposal's bfa.yaml (see docs/guide.md, "Omorganisation").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ._escape import Safe, cell, md, mermaid, xml
from ._ids import ID
from .errors import RenderError
from .history import WORKTREE, grouped, guarded, load_at, open_git, require_commits, resolve
from .loader import find_root
from .repo import Repo

NAMES_KOMMUN = "Kommunen (bfa.yaml)"  # history._label of bfa.yaml
RENAMED = re.compile(rf": bytte id från ({ID}) till ({ID})$")

__all__ = ["Proposal", "build", "proposal"]

#: Statuses (#14a's lifecycle) after which a body or document no longer counts.
ENDED_ORGAN = ("avvecklat",)
NOT_YET_ORGAN = ("föreslaget",)
ENDED_DOC = ("inaktuellt", "ska_upphävas", "upphävt", "ersatt")


@dataclasses.dataclass
class Lapse:
    """A governing document that lapses, and what replaces it (may be empty)."""

    id: str
    title: str
    reason: str
    replaced_by: list[str]


@dataclasses.dataclass
class Proposal:
    base: str
    head: str
    old: Repo
    new: Repo
    sentences: list[tuple[str, list[str]]]  # heading → Swedish sentences
    lapses: list[Lapse]
    new_documents: list[str]
    date: dt.date  # of the head commit (HEAD for the working tree): never the clock
    renamed: dict[str, str] = dataclasses.field(default_factory=dict)  # organ: new id → old
    #: the revisions as read, for the public version's scrub (old and new may be scrubbed)
    people: tuple[Repo, ...] = ()


def _status(repo: Repo, kind: str, eid: str) -> str:
    entry = repo.entry(kind, eid)
    data = entry.parsed.data if entry else None
    value = data.get("status") if isinstance(data, dict) else None
    return str(value) if value is not None else ""


def _field(repo: Repo, kind: str, eid: str, key: str) -> Any:
    entry = repo.entry(kind, eid)
    data = entry.parsed.data if entry else None
    return data.get(key) if isinstance(data, dict) else None


def _doc_title(repo: Repo, eid: str) -> str:
    return repo.name_of("dokument", eid)


def _lapses(old: Repo, new: Repo) -> tuple[list[Lapse], list[str]]:
    """Documents in force at base that lapse in the proposal, and the proposal's new ones."""
    added = sorted(new.ids("dokument") - old.ids("dokument"))
    out: list[Lapse] = []
    for eid in sorted(old.ids("dokument")):
        if _status(old, "dokument", eid) in ENDED_DOC:
            continue  # already out of force today
        status = _status(new, "dokument", eid)
        if eid not in new.ids("dokument"):
            reason = "upphör (tas bort i förslaget)"
        elif status in ENDED_DOC:
            reason = {
                "inaktuellt": "blir inaktuellt",
                "ska_upphävas": "ska upphävas",
                "upphävt": "upphävs",
                "ersatt": "ersätts",
            }[status]
        else:
            continue
        by: list[str] = []
        later = _field(new, "dokument", eid, "ersatt_av")
        if isinstance(later, str) and later in new.ids("dokument"):
            by.append(later)
        for other in sorted(new.ids("dokument")):
            replaces = _field(new, "dokument", other, "ersätter")
            names = replaces if isinstance(replaces, list) else [replaces]
            if any(
                isinstance(n, str) and (n == eid or n.strip() == _doc_title(old, eid))
                for n in names
            ):
                by.append(other)
        by = list(dict.fromkeys(by))
        out.append(Lapse(eid, _doc_title(old, eid), reason, [_doc_title(new, b) for b in by]))
    return out, [_doc_title(new, a) for a in added]


#: Keys that say something about the data, not about the organisation.
BOOKKEEPING = frozenset({"obekräftat", "exempeldata"})


@guarded
def proposal(path: Path, base: str, head: str | None = None, *, public: bool = False) -> Proposal:
    """Compare the repository at ``base`` with ``head`` (None: the working tree).

    ``public``: both revisions are scrubbed of the people of both before they are compared,
    so no sentence names a holder who comes, goes or is replaced."""
    from .history import diff_repos

    git_repo = open_git(path)
    root = find_root(path)
    require_commits(git_repo)
    resolve(git_repo, base)  # a clear error for an unknown revision
    tip = resolve(git_repo, head) if head else git_repo.head.commit
    date = dt.datetime.fromtimestamp(tip.committed_date, dt.UTC).date()
    old = load_at(git_repo, root, base)
    new = load_at(git_repo, root, head)
    people = (old, new)  # the people of both revisions (the holder who leaves, too)
    # the proposal's own text in bfa.yaml is the memo, not a change of the organisation
    own = f"{NAMES_KOMMUN}: förslag"
    # nor is bookkeeping: which values are confirmed or invented changes no one's duties
    changes = [
        c
        for c in diff_repos(old, new)
        if not c.sentence.startswith(own) and c.key.split(".")[0] not in BOOKKEEPING
    ]
    sentences = [(heading, [c.sentence for c in items]) for heading, items in grouped(changes)]
    if public:
        sentences = _public_sentences(changes, people)
    renamed = {}
    for c in changes:
        m = RENAMED.search(c.sentence)
        if c.kind == "organ" and m:
            renamed[m.group(2)] = m.group(1)
    lapses, added = _lapses(old, new)
    if public:
        from .render._public import public_repo

        old, new = public_repo(*people), public_repo(new, old)
    return Proposal(
        base, head or WORKTREE, old, new, sentences, lapses, added, date, renamed, people
    )


def _public_sentences(changes: list[Any], people: tuple[Repo, Repo]) -> list[Any]:
    """The change list of the public version: a holder's change says only that the holder
    changed, and every other sentence is scrubbed of the people of both revisions."""
    from .render._public import scrubber

    fn = scrubber(*people)
    out = []
    for heading, items in grouped(changes):
        said: list[str] = []
        for c in items:
            if c.key.split(".")[0] == "innehavare":
                subject = c.sentence.partition(": ")[0]
                text = (
                    f"{subject}: innehavaren ändrades (namnet utelämnas i den offentliga versionen)"
                )
            else:
                text = fn(c.sentence)
            if text not in said:
                said.append(text)
        out.append((fn(heading), said))
    return out


# -- the organisation as text and pictures ----------------------------------------------------


def _in_force(repo: Repo, *, proposed: bool) -> Repo:
    """The repository with only the bodies that exist in that state of the organisation."""
    skip = ENDED_ORGAN if proposed else (*ENDED_ORGAN, *NOT_YET_ORGAN)
    organ = {
        k: e
        for k, e in repo.entries.get("organ", {}).items()
        if _status(repo, "organ", k) not in skip
    }
    return dataclasses.replace(repo, entries={**repo.entries, "organ": organ})


def _placed(repo: Repo) -> dict[str, str]:
    """Every body of the chart as a board reads it: 'Styrgrupp (under Lokala förebyggande
    rådet)', in the chart's order (parents before their children)."""
    from .render._charts import org_graph

    nodes = [n for n in org_graph(repo) if n.kind != "funktion"]
    labels = {n.id: n.label for n in nodes}
    out: dict[str, str] = {}
    for n in nodes:
        text = n.label
        if n.parent in labels:
            text += f" (under {labels[n.parent]})"
        if n.kind == "extern":
            text += " – utanför kommunen"
        out[n.id.removeprefix("o_")] = text
    return out


def _side_by_side(
    old: Repo, new: Repo, renamed: dict[str, str] | None = None
) -> list[tuple[str, str]]:
    """One row per body: as it is today and as proposed ('–' where it does not exist). A
    body that only changed id (``renamed``: new id → old id) stays on its own row."""
    a = _placed(old)
    # chart keys spell '-' as '_' (render._charts._nid)
    moved = {n.replace("-", "_"): o.replace("-", "_") for n, o in (renamed or {}).items()}
    b = {moved.get(k, k): v for k, v in _placed(new).items()}
    order = list(a) + [k for k in b if k not in a]
    return [(a.get(k, "–"), b.get(k, "–")) for k in order]


def _mermaid_pair(old: Repo, new: Repo) -> Safe:
    """Both charts in one Mermaid flowchart, side by side (GitHub and GitLab draw it)."""
    from .render._charts import org_graph

    lines = ["%% bfa-figur: organisationsschema", "flowchart LR"]
    for prefix, title, repo in (
        ("nu", "Nuvarande organisation", old),
        ("ny", "Föreslagen organisation", new),
    ):
        nodes = org_graph(repo)
        lines.append(f'  subgraph {prefix}["{mermaid(title)}"]')
        lines.append("    direction TB")
        for n in nodes:
            shape = ('(["', '"])') if n.kind == "funktion" else ('["', '"]')
            lines.append(f"    {prefix}_{n.id}{shape[0]}{mermaid(n.label)}{shape[1]}")
        for n in nodes:
            if n.parent:
                lines.append(f"    {prefix}_{n.parent} --> {prefix}_{n.id}")
            for t in n.dotted_to:
                lines.append(f"    {prefix}_{n.id} -.- {prefix}_{t}")
        lines.append("  end")
    return Safe("\n".join(lines))


def _svg_pair(old: Repo, new: Repo) -> str:
    """Both SVG charts side by side under their headings, for the PDF."""
    import re

    from .render._charts import svg_chart

    parts, x, height = [], 0, 0
    for title, repo in (("Nuvarande organisation", old), ("Föreslagen organisation", new)):
        svg = svg_chart(repo)
        m = re.search(r'width="(\d+)" height="(\d+)"', svg)
        w, h = (int(m.group(1)), int(m.group(2))) if m else (820, 400)
        inner = svg.replace("<svg ", f'<svg x="{x}" y="40" ', 1)
        parts.append(
            f'<text x="{x + w / 2:.0f}" y="26" text-anchor="middle" font-family="sans-serif" '
            f'font-size="20" font-weight="bold">{xml(title)}</text>'
        )
        parts.append(inner)
        x += w + 40
        height = max(height, h + 40)
    width = x - 40
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">\n' + "\n".join(parts) + "\n</svg>"
    )


# -- the document -----------------------------------------------------------------------------


def _paragraphs(text: str | None) -> list[str]:
    if not text:
        return []
    return [md(p) for p in str(text).split("\n\n") if p.strip()] + [""]


def _bullets(items: Iterable[str]) -> list[str]:
    return [f"- {md(i)}" for i in items]


def build(path: Path, base: str, head: str | None = None, *, public: bool = False) -> Any:
    """The tjänsteskrivelse as a ``render.Rendered`` (Markdown; ``render.to_pdf`` for PDF).

    ``public``: the public version (no one's name, e-mail or phone; see ``proposal``)."""
    from .render import MARKER, Rendered

    p = proposal(path, base, head, public=public)
    k = p.new.kommun
    if k is None:
        raise RenderError("bfa.yaml kunde inte läsas i förslaget; kör bfa validate.")
    f = getattr(k, "proposal", None)
    case = f.case if f else "Förändrad organisation för det brottsförebyggande arbetet"
    title = f"Tjänsteskrivelse: {case}"
    when = f.date if f and f.date else p.date
    meta: list[tuple[str, str]] = [("Ärende", case)]
    if f and f.record_number:
        meta.append(("Diarienummer", f.record_number))
    if f and f.date:
        meta.append(("Datum", f.date.isoformat()))
    if f and f.prepared_by:
        meta.append(("Handläggare", p.new.name_of("funktioner", f.prepared_by)))
    if f and f.decided_by:
        meta.append(("Beslutas av", p.new.name_of("organ", f.decided_by)))
    meta.append(("Jämförelse", f"{_rev(p.base)} → {_rev(p.head)}"))
    old_v, new_v = _in_force(p.old, proposed=False), _in_force(p.new, proposed=True)

    # the title block ends where every document's does: the PDF writes it from ``meta``
    # once (it was printed twice: as the title block and again as a table, N8)
    lines = [f"# {md(title)}", "", "| | |", "|---|---|"]
    lines += [f"| {cell(key)} | {cell(value)} |" for key, value in meta]
    lines += ["", "<!-- bfa:brödtext -->", "", "## Förslag till beslut", ""]
    if f and f.decisions:
        lines += [f"{n}. {md(text)}" for n, text in enumerate(f.decisions, 1)]
    else:
        lines.append("*Beslutsförslaget är inte ifyllt (`förslag: beslutsförslag:` i bfa.yaml).*")
    lines.append("")
    lines += ["## Sammanfattning", ""]
    if f and f.summary:
        lines += _paragraphs(f.summary)
    n_changes = sum(len(s) for _, s in p.sentences)
    lines += [
        f"Förslaget ändrar {n_changes} {'uppgift' if n_changes == 1 else 'uppgifter'} i "
        f"organisationen för det brottsförebyggande arbetet i {md(k.name)}"
        + (f" och {len(p.lapses)} styrdokument upphör eller ersätts." if p.lapses else "."),
        "",
    ]
    if f and f.background:
        lines += ["## Bakgrund", "", *_paragraphs(f.background)]
    lines += ["## Ärendet", "", "### Nuvarande och föreslagen organisation", ""]
    lines += ["```mermaid", _mermaid_pair(old_v, new_v), "```", ""]
    lines += ["| Nuvarande organisation | Föreslagen organisation |", "|---|---|"]
    lines += [f"| {cell(a)} | {cell(b)} |" for a, b in _side_by_side(old_v, new_v, p.renamed)]
    lines += ["", "### Förändringar", ""]
    if not p.sentences:
        lines += ["Inga förändringar i förhållande till nuvarande organisation.", ""]
    for heading, sentences in p.sentences:
        lines += [f"**{md(heading)}**", "", *_bullets(sentences), ""]
    lines += ["### Styrdokument som upphör och som ersätter dem", ""]
    if not p.lapses and not p.new_documents:
        lines += ["Inga styrdokument upphör eller tillkommer.", ""]
    else:
        lines += ["| Styrdokument | Vad som händer | Ersätts av |", "|---|---|---|"]
        for lapse in p.lapses:
            by = ", ".join(lapse.replaced_by) or "–"
            lines.append(f"| {cell(lapse.title)} | {cell(lapse.reason)} | {cell(by)} |")
        replacing = {t for lapse in p.lapses for t in lapse.replaced_by}
        for title_ in p.new_documents:
            if title_ not in replacing:
                lines.append(f"| {cell(title_)} | tillkommer | – |")
        lines.append("")
    lines += ["## Konsekvenser", ""]
    lines += _paragraphs(f.consequences) if f and f.consequences else ["Inga redovisade.", ""]
    lines += ["## Beslutsunderlag", "", f"- {md(title)}"]
    lines += _bullets(f.documents if f else [])
    if public:
        lines += [
            "",
            "*Offentlig version: namn, e-postadresser och telefonnummer till personer är "
            "utelämnade; endast funktionerna anges.*",
        ]
    lines += ["", MARKER, ""]
    example = any(
        e.model is not None and getattr(e.model, "example_data", False)
        for e in p.new.iter_entries()
    )
    if example:
        lines.insert(
            4, "*Dokumentet bygger delvis på exempeldata, inte kommunens egna uppgifter.*\n"
        )
    figures = {"organisationsschema": _svg_pair(old_v, new_v)}
    text = "\n".join(lines)
    if public:
        from .render._public import scrub

        text = scrub(text, *p.people)
    return Rendered("forslag", "forslag", text, title, meta, k.name, when, figures, public=public)


def _rev(rev: str) -> str:
    """A revision as the user named it; only a commit id is shortened ('ny-organisation',
    not 'ny-organisat', N8)."""
    return rev[:12] if re.fullmatch(r"[0-9a-f]{13,40}", rev) else rev
