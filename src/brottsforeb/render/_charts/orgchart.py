"""The organisation chart as a graph, and as Mermaid for the Markdown."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..._escape import Safe, mermaid
from ...model import Organ
from ...model.organ import POLITICAL_TYPES as POLITICAL
from ...repo import Repo


@dataclass
class Node:
    id: str
    label: str
    kind: str  # "organ", "extern", "funktion"
    parent: str | None = None
    dotted_to: list[str] = field(default_factory=list)
    #: A body with no parent drawn in the row below this node (the leading body), without
    #: a line: it belongs to the structure but the data says nothing about whom it serves.
    beside: str | None = None


def _nid(prefix: str, eid: str) -> str:
    return f"{prefix}_{eid.replace('-', '_')}"


def org_graph(repo: Repo, public: bool = False) -> list[Node]:
    """Bodies with their parent (ingår i / tillsätts av / rapporterar till), plus the
    coordinator and the community police officer linked to the bodies they hold together.

    ``public``: labels are scrubbed of people's names and contacts before they are laid out
    (a name typed into a body's name would otherwise reach the chart, wrapped over lines)."""
    organ = repo.organ
    nodes: list[Node] = []
    order = ["fullmäktige", "nämnd", "råd", "styrgrupp", "beredningsgrupp", "arbetsgrupp"]

    def rank(kv: tuple[str, Organ]) -> tuple[bool, int, str]:
        t = kv[1].type
        return (kv[1].external, order.index(t) if t in order else 99, kv[1].name)

    for oid, o in sorted(organ.items(), key=rank):
        parent = next((p for p in (o.part_of, o.appointed_by, o.reports_to) if p in organ), None)
        if o.type == "nämnd" and parent is None:
            parent = next((k for k, v in organ.items() if v.type == "fullmäktige"), None)
        lead = repo.kommun.leadership.organ if repo.kommun and repo.kommun.leadership else None
        beside = None
        if parent is None and not o.external and o.type not in POLITICAL and lead in organ:
            beside = _nid("o", lead) if lead != oid else None
        roles = [r.role for r in o.role_members if r.role not in POLITICAL]
        label = o.name + (f" (även {' och '.join(dict.fromkeys(roles))})" if roles else "")
        nodes.append(
            Node(
                _nid("o", oid),
                label,
                "extern" if o.external else "organ",
                parent and _nid("o", parent),
                beside=beside,
            )
        )
    key: dict[str, str] = {}
    if repo.kommun and repo.kommun.coordination:
        key[repo.kommun.coordination] = "samordnare"
    funktioner = repo.funktioner
    for fid, func in funktioner.items():
        if "kommunpolis" in func.title.lower():
            key.setdefault(fid, "kommunpolis")
    for fid in sorted(key):
        f = funktioner.get(fid)
        if f is None:
            continue
        linked = [
            _nid("o", oid)
            for oid, o in sorted(organ.items())
            if fid in o.convener
            or (
                not o.external
                and (fid in o.members or any(fid in r.members for r in o.role_members))
            )
        ]
        nodes.append(Node(_nid("f", fid), f.title, "funktion", None, linked))
    if public:
        from .._public import scrub

        for n in nodes:
            n.label = scrub(n.label, repo)
    return nodes


#: What the two kinds of line mean, in the PDF's legend and in the Mermaid chart's.
LEGEND = [
    ("solid", "ingår i, tillsätts av eller rapporterar till organet ovanför"),
    ("dashed", "funktionen är sammankallande eller ledamot"),
]


def mermaid_legend(nodes: list[Node]) -> list[str]:
    """A "Förklaring" subgraph drawing each line style that the chart uses, with its text."""
    used = {"solid": any(n.parent for n in nodes), "dashed": any(n.dotted_to for n in nodes)}
    arrow = {"solid": "-->", "dashed": "-.-"}
    rows = [
        f'    forklaring_{style}_a[" "] {arrow[style]}|"{mermaid(text)}"| forklaring_{style}_b[" "]'
        for style, text in LEGEND
        if used[style]
    ]
    if not rows:
        return []
    return ['  subgraph forklaring["Förklaring"]', "    direction LR", *rows, "  end"]


def mermaid_chart(repo: Repo, public: bool = False) -> Safe:
    """A Mermaid flowchart, which GitHub and GitLab draw from the Markdown."""
    nodes = org_graph(repo, public)
    lines = ["%% bfa-figur: organisationsschema", "flowchart TD"]
    externals = [n for n in nodes if n.kind == "extern"]
    for n in nodes:
        if n.kind == "extern":
            continue
        shape = ('(["', '"])') if n.kind == "funktion" else ('["', '"]')
        lines.append(f"  {n.id}{shape[0]}{mermaid(n.label)}{shape[1]}")
    if externals:
        lines.append('  subgraph extern["Samverkan utanför kommunen"]')
        lines.extend(f'    {n.id}["{mermaid(n.label)}"]' for n in externals)
        lines.append("  end")
    for n in nodes:
        if n.parent:
            lines.append(f"  {n.parent} --> {n.id}")
    for n in nodes:
        for target in n.dotted_to:
            lines.append(f"  {n.id} -.- {target}")
    lines += mermaid_legend(nodes)
    return Safe("\n".join(lines))
