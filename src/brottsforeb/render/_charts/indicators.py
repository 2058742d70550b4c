"""Indicator charts: Mermaid xychart for the Markdown, SVG for the PDF."""

from __future__ import annotations

import math
import re

from ..._escape import Safe, mermaid, mermaid_comment, xml
from ...model import Indikator
from .._format import tal


def figure_key(ind: Indikator) -> str:
    """The figure's key in a ``%% bfa-figur:`` comment: one line, escaped like a label (#16)."""
    return f"indikator-{mermaid_comment(ind.name)}"


#: Largest value (either sign) a chart draws. Beyond it no axis is readable and the
#: arithmetic of the scale overflows (1.7e308 - -1.7e308 is inf, then NaN coordinates).
MAX_DRAWN = 1e15

#: What the document says instead of a chart it cannot draw.
NOT_DRAWN = "Diagrammet ritas inte: värdet kan inte ritas (det är större än en biljard)."


def drawable(ind: Indikator) -> bool:
    """Whether every value and the target can be drawn on a readable scale."""
    nums = [v.value for v in ind.values] + ([ind.target] if ind.target is not None else [])
    return all(math.isfinite(n) and abs(n) < MAX_DRAWN for n in nums)


def mermaid_xychart(ind: Indikator) -> Safe:
    values = sorted(ind.values, key=lambda v: v.when)
    labels = ", ".join(f'"{mermaid(v.label)}"' for v in values)
    data = ", ".join(f"{v.value:g}" for v in values)
    return Safe(
        "\n".join(
            [
                f"%% bfa-figur: {figure_key(ind)}",
                "xychart-beta",
                f'  title "{mermaid(ind.name)}"',
                f"  x-axis [{labels}]",
                f'  y-axis "{mermaid(ind.unit)}"',
                f"  line [{data}]",
            ]
        )
    )


_BAD_COORDINATE = re.compile(r'="[^"]*(?:nan|inf)[^"]*"', re.IGNORECASE)


def _not_drawn(w: int, h: int) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="40" '
        f'viewBox="0 0 {w} 40" font-family="sans-serif" font-size="11">'
        f'<text x="4" y="24">{xml(NOT_DRAWN)}</text></svg>'
    )


def svg_line_chart(ind: Indikator) -> str:
    """The line chart; never a NaN or infinite coordinate: a value that cannot be drawn
    gives a figure that says so (#16 A42)."""
    w, h = 480, 180
    if not drawable(ind):
        return _not_drawn(w, h)
    chart = _svg_line_chart(ind, w, h)
    if _BAD_COORDINATE.search(chart):  # the guarantee, whatever the scale did
        return _not_drawn(w, h)
    return chart


def _svg_line_chart(ind: Indikator, w: int, h: int) -> str:
    values = sorted(ind.values, key=lambda v: v.when)
    left, bottom = 50, 30
    nums = [v.value for v in values] + ([ind.target] if ind.target is not None else [])
    lo, hi = min(nums), max(nums)
    if hi == lo:
        lo, hi = lo - 1, hi + 1
    pad = (hi - lo) * 0.15
    lo, hi = lo - pad, hi + pad

    # yearly values stand at their years: 2021, 2022, 2024 are not evenly spaced, so a
    # missing 2023 shows (N4); values with dates keep even steps (labels would collide)
    yearly = all(v.date is None for v in values)
    first, span = values[0].when.year, max(1, values[-1].when.year - values[0].when.year)

    def px(i: int) -> float:
        share = (values[i].when.year - first) / span if yearly else i / max(1, len(values) - 1)
        return left + 20 + (w - left - 40) * share

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
