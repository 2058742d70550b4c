"""The organisation chart for the PDF: boxes in rows, lines in the gaps, and SVG."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from ..._escape import xml
from ...repo import Repo
from .orgchart import LEGEND, Node, org_graph


def _wrap(label: str, width: int) -> list[str]:
    return textwrap.wrap(label, width=width, break_on_hyphens=False)[:4] or [""]


@dataclass
class Box:
    """A drawn node: its rectangle in SVG units and its wrapped label."""

    id: str
    kind: str
    x: float
    y: float
    w: float
    h: float
    lines: list[str]


@dataclass
class Edge:
    """A drawn connection as an orthogonal polyline; ``style`` is "solid" or "dashed"."""

    source: str
    target: str
    style: str
    points: list[tuple[float, float]]


@dataclass
class Group:
    label: str
    x: float
    y: float
    w: float
    h: float


@dataclass
class Layout:
    width: float
    height: float
    boxes: dict[str, Box]
    edges: list[Edge]
    groups: list[Group]
    legend: list[tuple[str, str]]  # (style, text)


#: Sizes in SVG units. The chart is scaled to the text width of an A4 page (about 16 cm),
#: so 17 units of font size print at about 9.5 pt.
WIDTH, FONT, LINE, GAP_Y, PAD_X = 820.0, 17.0, 20.0, 46.0, 12.0
MIN_BOX_W, MAX_BOX_W = 140.0, 230.0


def chart_layout(repo: Repo, public: bool = False) -> Layout:
    """Where every box, line, group frame and the legend go.

    The layout is made so that no line runs through a box it does not connect: boxes stand
    in rows, and lines only run in the gaps between rows and in lanes at the left margin.
    A solid line goes from the lower edge of the leading body down to the gap, across, and
    down to the body it leads. A function (samordnare, kommunpolis) stands in the bottom
    row; its dashed line goes down to its own lane below that row, left to its own lane in
    the margin, up to the gap below the body it is linked to, across, and up into it.
    """
    graph = org_graph(repo, public)
    functions = [n for n in graph if n.kind == "funktion"]
    nodes = [n for n in graph if n.kind != "funktion"]
    by_id = {n.id: n for n in nodes}

    def depth(n: Node, seen: frozenset[str] = frozenset()) -> int:
        up = n.parent if n.parent in by_id else n.beside
        if up is None or up not in by_id or n.id in seen:
            return 0
        return 1 + depth(by_id[up], seen | {n.id})

    links = sum(len(f.dotted_to) for f in functions)
    margin = 16.0 + 10.0 * max(1, len(functions))  # lanes for the dashed lines
    rows: list[tuple[str, list[Node]]] = []
    for kind in ("organ", "extern"):
        levels: dict[int, list[Node]] = {}
        for n in nodes:
            if n.kind == kind:
                levels.setdefault(depth(n), []).append(n)
        rows += [(kind, levels[k]) for k in sorted(levels)]
    if functions:
        rows.append(("funktion", functions))
    row_of: dict[str, int] = {n.id: i for i, (_, row) in enumerate(rows) for n in row}
    long = sum(
        1 for n in nodes if n.parent in row_of and row_of[n.id] != row_of[n.parent or ""] + 1
    )
    reserve = 24.0 + 8.0 * long  # lanes in the right margin
    widest = max((len(r) for _, r in rows), default=1)
    width = max(WIDTH, margin + widest * (MIN_BOX_W + PAD_X) + reserve)
    boxes: dict[str, Box] = {}
    y = 16.0
    group_top: float | None = None
    row_bottoms: list[float] = []
    previous_kind = ""
    order: dict[str, float] = {}
    for kind, row in rows:
        if kind == "extern" and previous_kind != "extern":
            y += 26.0  # room for the group's label
            group_top = y - 26.0 - 8.0
        previous_kind = kind
        row.sort(key=lambda n: (order.get(n.parent or n.beside or "", -1.0), n.label))
        usable = width - margin - reserve
        box_w = max(MIN_BOX_W, min(MAX_BOX_W, (usable - PAD_X * (len(row) - 1)) / len(row)))
        chars = max(10, int(box_w / (FONT * 0.52)))
        wrapped = [_wrap(n.label, chars) for n in row]
        box_h = 16.0 + LINE * max(len(w) for w in wrapped)
        total = len(row) * box_w + (len(row) - 1) * PAD_X
        x = margin + (usable - total) / 2
        for n, lines in zip(row, wrapped, strict=True):
            boxes[n.id] = Box(n.id, n.kind, x, y, box_w, box_h, lines)
            order[n.id] = x
            x += box_w + PAD_X
        y += box_h
        row_bottoms.append(y)
        y += GAP_Y + (6.0 * links if kind == "funktion" else 0.0)
    groups: list[Group] = []
    extern_boxes = [b for b in boxes.values() if b.kind == "extern"]
    if extern_boxes and group_top is not None:
        gx = min(b.x for b in extern_boxes) - 14.0
        gx2 = max(b.x + b.w for b in extern_boxes) + 14.0
        gy2 = max(b.y + b.h for b in extern_boxes) + 14.0
        groups.append(Group("Samverkan utanför kommunen", gx, group_top, gx2 - gx, gy2 - group_top))

    edges: list[Edge] = []
    right = width - 16.0
    for n in nodes:
        if n.parent and n.parent in boxes:
            p, c = boxes[n.parent], boxes[n.id]
            mid = row_bottoms[row_of[n.parent]] + GAP_Y * 0.45
            px, cx = p.x + p.w / 2, c.x + c.w / 2
            if row_of[n.id] == row_of[n.parent] + 1:
                points = [(px, p.y + p.h), (px, mid), (cx, mid), (cx, c.y)]
            else:  # rows between: down the lane in the right margin, never through them
                right -= 8.0
                above = c.y - 12.0
                points = [
                    (px, p.y + p.h),
                    (px, mid),
                    (right, mid),
                    (right, above),
                    (cx, above),
                    (cx, c.y),
                ]
            edges.append(Edge(n.parent, n.id, "solid", points))
    lane = 0
    for i, f in enumerate(functions):
        fb = boxes[f.id]
        channel = 10.0 + 10.0 * i
        for j, t in enumerate(f.dotted_to):
            if t not in boxes:
                continue
            tb = boxes[t]
            lane += 1
            below_f = row_bottoms[row_of[f.id]] + 6.0 * lane
            gap_y = row_bottoms[row_of[t]] + 6.0 + 5.0 * (lane % 5)
            fx = fb.x + fb.w * (j + 1) / (len(f.dotted_to) + 1)
            tx = tb.x + tb.w * (0.2 + 0.6 * ((i + 1) / (len(functions) + 1)))
            edges.append(
                Edge(
                    f.id,
                    t,
                    "dashed",
                    [
                        (fx, fb.y + fb.h),
                        (fx, below_f),
                        (channel, below_f),
                        (channel, gap_y),
                        (tx, gap_y),
                        (tx, tb.y + tb.h),
                    ],
                )
            )
    legend_y = y
    height = legend_y + 26.0 * len(LEGEND) + 10.0
    return Layout(width, height, boxes, edges, groups, list(LEGEND))


def _arrow(x: float, y: float, dx: float, dy: float, color: str) -> str:
    """A filled arrowhead with its tip at (x, y), pointing along (dx, dy) (unit, axis)."""
    size, half = 9.0, 4.5
    bx, by = x - dx * size, y - dy * size
    a = (bx - dy * half, by + dx * half)
    b = (bx + dy * half, by - dx * half)
    return (
        f'<polygon points="{x:.1f},{y:.1f} {a[0]:.1f},{a[1]:.1f} {b[0]:.1f},{b[1]:.1f}" '
        f'fill="{color}"/>'
    )


def _direction(p: tuple[float, float], q: tuple[float, float]) -> tuple[float, float]:
    dx, dy = q[0] - p[0], q[1] - p[1]
    length = max(abs(dx), abs(dy)) or 1.0
    return (dx / length, dy / length) if abs(dx) > abs(dy) else (0.0, 1.0 if dy > 0 else -1.0)


def svg_chart(repo: Repo, public: bool = False) -> str:
    """The organisation chart for the PDF (Typst cannot draw Mermaid): see chart_layout."""
    lay = chart_layout(repo, public)
    w, h = lay.width, lay.height
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0f}" height="{h:.0f}" '
        f'viewBox="0 0 {w:.0f} {h:.0f}" font-family="sans-serif" font-size="{FONT:.0f}">'
    ]
    for g in lay.groups:
        out.append(
            f'<rect x="{g.x:.1f}" y="{g.y:.1f}" width="{g.w:.1f}" height="{g.h:.1f}" rx="6" '
            f'fill="#fafafa" stroke="#777" stroke-dasharray="6 4"/>'
        )
        out.append(
            f'<text x="{g.x + 10:.1f}" y="{g.y + 20:.1f}" font-weight="bold" fill="#333">'
            f"{xml(g.label)}</text>"
        )
    for e in lay.edges:
        color = "#333" if e.style == "solid" else "#8a6d00"
        dash = ' stroke-dasharray="7 5"' if e.style == "dashed" else ""
        pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in e.points)
        out.append(
            f'<polyline points="{pts}" fill="none" stroke="{color}" stroke-width="1.6"{dash}/>'
        )
        (x1, y1), (x2, y2) = e.points[-2], e.points[-1]
        dx, dy = _direction((x1, y1), (x2, y2))
        out.append(_arrow(x2, y2, dx, dy, color))
    for b in lay.boxes.values():
        fill = {"organ": "#e8eef7", "extern": "#eeeeee", "funktion": "#fff6e0"}[b.kind]
        rx = 18 if b.kind == "funktion" else 4
        out.append(
            f'<rect x="{b.x:.1f}" y="{b.y:.1f}" width="{b.w:.1f}" height="{b.h:.1f}" '
            f'rx="{rx}" fill="{fill}" stroke="#345" stroke-width="1.2"/>'
        )
        for i, text in enumerate(b.lines):
            ty = b.y + b.h / 2 + (i - (len(b.lines) - 1) / 2) * LINE + FONT * 0.35
            out.append(
                f'<text x="{b.x + b.w / 2:.1f}" y="{ty:.1f}" text-anchor="middle">'
                f"{xml(text)}</text>"
            )
    y = lay.height - 26.0 * len(lay.legend) - 4.0
    for style, text in lay.legend:
        if style == "dashed" and not any(e.style == "dashed" for e in lay.edges):
            continue
        color = "#333" if style == "solid" else "#8a6d00"
        dash = ' stroke-dasharray="7 5"' if style == "dashed" else ""
        out.append(
            f'<line x1="20" y1="{y:.1f}" x2="70" y2="{y:.1f}" stroke="{color}" '
            f'stroke-width="1.6"{dash}/>'
        )
        out.append(_arrow(78, y, 1.0, 0.0, color))
        out.append(f'<text x="90" y="{y + 6:.1f}" font-size="15" fill="#333">{xml(text)}</text>')
        y += 26.0
    out.append("</svg>")
    return "\n".join(out)
