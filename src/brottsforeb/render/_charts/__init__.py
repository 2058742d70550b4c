"""Pictures: the organisation chart (Mermaid and SVG from one graph) and indicator charts."""

from .indicators import NOT_DRAWN, drawable, figure_key, mermaid_xychart, svg_line_chart
from .layout import FONT, Box, Edge, Group, Layout, chart_layout, svg_chart
from .orgchart import LEGEND, Node, mermaid_chart, org_graph

__all__ = [
    "FONT",
    "LEGEND",
    "NOT_DRAWN",
    "Box",
    "Edge",
    "Group",
    "Layout",
    "Node",
    "chart_layout",
    "drawable",
    "figure_key",
    "mermaid_chart",
    "mermaid_xychart",
    "org_graph",
    "svg_chart",
    "svg_line_chart",
]
