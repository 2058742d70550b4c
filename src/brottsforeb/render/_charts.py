"""Pictures: the organisation chart (Mermaid and SVG from one graph) and indicator charts."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from .._escape import Safe, mermaid, xml
from ..model import Indikator, Organ
from ..repo import Repo
from ._format import tal


@dataclass
class Node:
    id: str
    label: str
    kind: str  # "organ", "extern", "funktion"
    parent: str | None = None
    dotted_to: list[str] = field(default_factory=list)


def _nid(prefix: str, eid: str) -> str:
    return f"{prefix}_{eid.replace('-', '_')}"


def org_graph(repo: Repo, public: bool = True) -> list[Node]:
    """Bodies with their parent (ingår i / tillsätts av / rapporterar till), plus the
    coordinator and the community police officer linked to the bodies they hold together."""
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
        nodes.append(
            Node(
                _nid("o", oid),
                o.name,
                "extern" if o.external else "organ",
                parent and _nid("o", parent),
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
            if fid in o.convener or (fid in o.members and not o.external)
        ]
        nodes.append(Node(_nid("f", fid), f.title, "funktion", None, linked))
    return nodes


def mermaid_chart(repo: Repo) -> Safe:
    """A Mermaid flowchart, which GitHub and GitLab draw from the Markdown."""
    nodes = org_graph(repo)
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
    return Safe("\n".join(lines))


def _wrap(label: str, width: int) -> list[str]:
    return textwrap.wrap(label, width=width)[:3] or [""]


def svg_chart(repo: Repo) -> str:
    """The same graph drawn as layered boxes, for the PDF (Typst cannot draw Mermaid)."""
    nodes = [n for n in org_graph(repo) if n.kind != "funktion"]
    functions = [n for n in org_graph(repo) if n.kind == "funktion"]
    by_id = {n.id: n for n in nodes}

    def depth(n: Node, seen: frozenset[str] = frozenset()) -> int:
        if n.parent is None or n.parent not in by_id or n.id in seen:
            return 0
        return 1 + depth(by_id[n.parent], seen | {n.id})

    rows: dict[int, list[Node]] = {}
    for n in nodes:
        rows.setdefault(depth(n) + (10 if n.kind == "extern" else 0), []).append(n)
    width, box_h, gap_y = 820, 46, 34
    pos: dict[str, tuple[float, float, float]] = {}
    y = 20.0
    for level in sorted(rows):
        row = rows[level]
        box_w = min(180.0, (width - 20 - 10 * (len(row) - 1)) / len(row))
        total = len(row) * box_w + (len(row) - 1) * 10
        x = (width - total) / 2
        for n in row:
            pos[n.id] = (x, y, box_w)
            x += box_w + 10
        y += box_h + gap_y
    if functions:
        fx = (width - (len(functions) * 190 - 10)) / 2
        for n in functions:
            pos[n.id] = (fx, y, 180)
            fx += 190
        y += box_h + gap_y
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{int(y)}" '
        f'viewBox="0 0 {width} {int(y)}" font-family="sans-serif" font-size="11">'
    ]
    for n in nodes:
        if n.parent and n.parent in pos:
            px, py, pw = pos[n.parent]
            x, yy, w = pos[n.id]
            out.append(
                f'<line x1="{px + pw / 2:.1f}" y1="{py + box_h:.1f}" x2="{x + w / 2:.1f}" '
                f'y2="{yy:.1f}" stroke="#444" stroke-width="1.2"/>'
            )
    for n in functions:
        x, yy, w = pos[n.id]
        for t in n.dotted_to:
            if t in pos:
                tx, ty, tw = pos[t]
                out.append(
                    f'<line x1="{x + w / 2:.1f}" y1="{yy:.1f}" x2="{tx + tw / 2:.1f}" '
                    f'y2="{ty + box_h:.1f}" stroke="#999" stroke-dasharray="4 3"/>'
                )
    for n in [*nodes, *functions]:
        x, yy, w = pos[n.id]
        fill = {"organ": "#e8eef7", "extern": "#f4f4f4", "funktion": "#fff6e0"}[n.kind]
        dash = ' stroke-dasharray="5 3"' if n.kind == "extern" else ""
        rx = 20 if n.kind == "funktion" else 4
        out.append(
            f'<rect x="{x:.1f}" y="{yy:.1f}" width="{w:.1f}" height="{box_h}" rx="{rx}" '
            f'fill="{fill}" stroke="#345"{dash}/>'
        )
        lines = _wrap(n.label, max(8, int(w / 6.2)))
        for i, text in enumerate(lines):
            ty = yy + box_h / 2 + (i - (len(lines) - 1) / 2) * 13 + 4
            out.append(
                f'<text x="{x + w / 2:.1f}" y="{ty:.1f}" text-anchor="middle">{xml(text)}</text>'
            )
    out.append("</svg>")
    return "\n".join(out)


def mermaid_xychart(ind: Indikator) -> Safe:
    values = sorted(ind.values, key=lambda v: v.when)
    labels = ", ".join(f'"{mermaid(v.label)}"' for v in values)
    data = ", ".join(f"{v.value:g}" for v in values)
    return Safe(
        "\n".join(
            [
                f"%% bfa-figur: indikator-{ind.name}",
                "xychart-beta",
                f'  title "{mermaid(ind.name)}"',
                f"  x-axis [{labels}]",
                f'  y-axis "{mermaid(ind.unit)}"',
                f"  line [{data}]",
            ]
        )
    )


def svg_line_chart(ind: Indikator) -> str:
    values = sorted(ind.values, key=lambda v: v.when)
    w, h, left, bottom = 480, 180, 50, 30
    nums = [v.value for v in values] + ([ind.target] if ind.target is not None else [])
    lo, hi = min(nums), max(nums)
    if hi == lo:
        lo, hi = lo - 1, hi + 1
    pad = (hi - lo) * 0.15
    lo, hi = lo - pad, hi + pad

    def px(i: int) -> float:
        return left + 20 + (w - left - 40) * (i / max(1, len(values) - 1))

    def py(v: float) -> float:
        return 15 + (h - bottom - 15) * (1 - (v - lo) / (hi - lo))

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
        f'viewBox="0 0 {w} {h}" font-family="sans-serif" font-size="10">',
        f'<line x1="{left}" y1="{h - bottom}" x2="{w - 10}" y2="{h - bottom}" stroke="#333"/>',
        f'<line x1="{left}" y1="10" x2="{left}" y2="{h - bottom}" stroke="#333"/>',
        f'<text x="{left - 6}" y="{py(hi - pad) + 4:.1f}" text-anchor="end">'
        f"{tal(round(hi - pad, 1))}</text>",
        f'<text x="{left - 6}" y="{py(lo + pad) + 4:.1f}" text-anchor="end">'
        f"{tal(round(lo + pad, 1))}</text>",
    ]
    if ind.target is not None:
        out.append(
            f'<line x1="{left}" y1="{py(ind.target):.1f}" x2="{w - 10}" '
            f'y2="{py(ind.target):.1f}" stroke="#2a7" stroke-dasharray="5 3"/>'
        )
        out.append(
            f'<text x="{w - 12}" y="{py(ind.target) - 4:.1f}" text-anchor="end" '
            f'fill="#2a7">mål {tal(ind.target)}</text>'
        )
    points = " ".join(f"{px(i):.1f},{py(v.value):.1f}" for i, v in enumerate(values))
    out.append(f'<polyline points="{points}" fill="none" stroke="#1f4e9c" stroke-width="2"/>')
    for i, v in enumerate(values):
        out.append(f'<circle cx="{px(i):.1f}" cy="{py(v.value):.1f}" r="3" fill="#1f4e9c"/>')
        out.append(
            f'<text x="{px(i):.1f}" y="{py(v.value) - 7:.1f}" text-anchor="middle">'
            f"{tal(v.value)}</text>"
        )
        out.append(
            f'<text x="{px(i):.1f}" y="{h - bottom + 14}" text-anchor="middle">'
            f"{xml(v.label)}</text>"
        )
    out.append("</svg>")
    return "\n".join(out)
