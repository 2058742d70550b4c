"""Markdown → one self-contained, accessible HTML page per document, and an index page.

The page needs nothing outside itself: styles are inline in the page, figures are inline
SVG, there are no scripts, fonts or images to fetch. markdown-it-py renders the Markdown
with raw HTML switched off, so every value from a YAML file arrives as escaped text.
"""

from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..repo import Repo
    from . import Rendered

__all__ = ["HTML_MARKER", "html_index", "to_html"]

HTML_MARKER = b'<meta name="generator" content="bfa">'

#: The one style sheet: readable, high contrast (text #1a1a1a on white, links #0b4f8a,
#: both above WCAG AA), tables with borders, and a print style without the navigation.
STYLE = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  color: #1a1a1a; background: #fff; line-height: 1.5; margin: 0; }
header.bfa, main, footer.bfa { max-width: 52rem; margin: 0 auto; padding: 0 1.25rem; }
header.bfa { border-bottom: 3px solid #0b4f8a; padding-top: 1rem; padding-bottom: .5rem;
  color: #333; font-size: .95rem; }
a { color: #0b4f8a; }
a:focus { outline: 3px solid #c45a00; outline-offset: 2px; }
h1 { font-size: 2rem; line-height: 1.2; margin: 1.2rem 0 1rem; }
h2 { font-size: 1.45rem; margin: 2rem 0 .6rem; border-bottom: 1px solid #ccc; }
h3 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
table { border-collapse: collapse; margin: 1rem 0; width: 100%; }
th, td { border: 1px solid #8a8a8a; padding: .35rem .55rem; text-align: left;
  vertical-align: top; }
th { background: #e8eef5; }
table.beslut th, table.beslut td { border: none; border-bottom: 1px solid #d0d0d0; }
table.beslut th { background: none; width: 16rem; }
blockquote { border-left: 4px solid #c45a00; margin: 1rem 0; padding: .3rem 1rem;
  background: #fff6ee; }
figure.bfa-figur { margin: 1.5rem 0; overflow-x: auto; }
figure.bfa-figur svg { max-width: 100%; height: auto; }
footer.bfa { color: #444; font-size: .9rem; padding-bottom: 2rem; }
nav.bfa { display: inline; }
@media print {
  body { font-size: 10.5pt; }
  header.bfa, main, footer.bfa { max-width: none; padding: 0; }
  a { color: #000; text-decoration: none; }
  h2, h3 { break-after: avoid; }
  table, figure { break-inside: avoid; }
  nav.bfa { display: none; }
}
""".strip()

_MARKERS = re.compile(r"^<!-- bfa:[a-zåäö]+ -->$", re.M)
_XML_PROLOG = re.compile(r"^<\?xml[^>]*>\s*")


def _markdown() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table").enable("strikethrough")


def _body(doc: Rendered) -> str:
    md = _markdown()
    figures = doc.figures

    def fence(_self: Any, tokens: list[Any], idx: int, _options: Any, _env: Any) -> str:
        t = tokens[idx]
        first = t.content.splitlines()[0] if t.content else ""
        key = first.removeprefix("%% bfa-figur:").strip()
        if t.info.strip() == "mermaid" and key in figures:
            svg = _XML_PROLOG.sub("", figures[key])
            label = "Organisationsschema" if key == "organisationsschema" else key
            svg = svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)
            return f'<figure class="bfa-figur">{svg}</figure>\n'
        if t.info.strip() == "mermaid":
            return ""
        return f"<pre><code>{escape(t.content)}</code></pre>\n"

    md.add_render_rule("fence", fence)
    text = _MARKERS.sub("", doc.markdown)
    html = str(md.render(text))
    # The title block (first table, before any heading 2) is the decision block.
    html = html.replace("<table>", '<table class="beslut">', 1) if _head_table(html) else html
    # A key–value table written as "| | |" has an empty header row: drop it.
    html = html.replace(
        '<table class="beslut">\n<thead>\n<tr>\n<th></th>\n<th></th>\n</tr>\n</thead>\n',
        '<table class="beslut">\n<caption class="visually-hidden">Beslutsuppgifter</caption>\n',
    )
    html = re.sub(
        r'(<table class="beslut">.*?</table>)',
        lambda m: re.sub(r"<tr>\n<td>(.*?)</td>", r'<tr>\n<th scope="row">\1</th>', m.group(1)),
        html,
        count=1,
        flags=re.S,
    )
    return html.replace("<th>", '<th scope="col">')


def _head_table(html: str) -> bool:
    first_table = html.find("<table>")
    first_h2 = html.find("<h2")
    return first_table != -1 and (first_h2 == -1 or first_table < first_h2)


def _page(title: str, kommun: str, body: str, *, nav: str = "") -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="sv">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"{HTML_MARKER.decode()}\n"
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">\n"
        f"<title>{escape(title)}</title>\n"
        f"<style>\n{STYLE}\n.visually-hidden {{ position: absolute; width: 1px; height: 1px; "
        "overflow: hidden; clip: rect(0 0 0 0); }\n</style>\n</head>\n<body>\n"
        f'<header class="bfa">{escape(kommun)}{nav}</header>\n'
        f"<main>\n{body}</main>\n"
        '<footer class="bfa"><p>Skrivet av bfa.</p></footer>\n'
        "</body>\n</html>\n"
    )


def to_html(doc: Rendered, *, index: bool = False) -> str:
    """The document as one self-contained HTML page (byte-identical for identical input).

    ``index``: the page sits beside an index.html (``bfa render --all``) and links to it.
    """
    nav = (
        ' <nav class="bfa" aria-label="Dokument">· <a href="index.html">Alla dokument</a></nav>'
        if index
        else ""
    )
    return _page(doc.title, doc.kommun, _body(doc), nav=nav)


def html_index(repo: Repo, docs: list[Rendered]) -> str:
    """An index page linking every document written by `bfa render --all --format html`."""
    kommun = repo.kommun.name if repo.kommun else ""
    title = f"Brottsförebyggande arbete – {kommun}" if kommun else "Brottsförebyggande arbete"
    rows = "".join(
        f'<li><a href="{escape(d.name)}.html">{escape(d.title)}</a></li>\n' for d in docs
    )
    body = (
        f"<h1>{escape(title)}</h1>\n"
        "<p>Kommunens styrdokument för det brottsförebyggande arbetet, skrivna av bfa från "
        "förrådets filer.</p>\n"
        f'<h2>Dokument</h2>\n<ul class="bfa-index">\n{rows}</ul>\n'
    )
    return _page(title, kommun, body)
