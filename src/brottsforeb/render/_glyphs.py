"""A character the PDF's fonts cannot show: named as the coordinator knows it, with where
it stands in the repository (#16 A41: the message listed the characters of Typst's
escape ``\\u{f0b7}`` – a backslash, a brace – and no place)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from .._scan import SYMBOL, symbol_text
from ..errors import RenderError
from ..repo import Repo

__all__ = ["MissingGlyphError", "describe", "places"]

#: Places named in the message at most; the rest are counted.
MAX_PLACES = 5
#: Largest file searched for the character (the data files' own read limit is far lower).
_MAX_BYTES = 5_000_000


def describe(char: str) -> str:
    """'U+F0B7, ett symboltecken från Word …' or "'☃' (U+2603, SNOWMAN)"."""
    if SYMBOL.fullmatch(char):
        return symbol_text(char)
    name = unicodedata.name(char, "")
    return (
        f"'{char}' (U+{ord(char):04X}{', ' + name if name else ''}), som inte finns i "
        "PDF:ens typsnitt"
    )


def _needles(char: str) -> list[re.Pattern[str]]:
    code = ord(char)
    escapes = [re.escape(char), rf"\\u{code:04x}", rf"\\U{code:08x}"]
    if code < 0x100:
        escapes.append(rf"\\x{code:02x}")
    return [re.compile("|".join(escapes), re.IGNORECASE)]


def places(repo: Repo | None, chars: str) -> list[str]:
    """``file:line:column`` of every place a character of ``chars`` stands, raw or as a
    YAML escape (``"\\uf0b7"``), in the repository's files and its own templates."""
    if repo is None or repo.root is None:
        return []
    root = Path(repo.root)
    files = sorted({e.file for e in repo.iter_entries() if e.file})
    templates = root / "templates"
    if templates.is_dir() and not templates.is_symlink():
        files += sorted(
            str(p.relative_to(root))
            for p in templates.glob("*.j2")
            if p.is_file() and not p.is_symlink()
        )
    found: list[str] = []
    patterns = [p for c in dict.fromkeys(chars) for p in _needles(c)]
    for rel in files:
        path = root / rel
        try:
            if path.stat().st_size > _MAX_BYTES:
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for n, line in enumerate(text.splitlines(), 1):
            for pattern in patterns:
                m = pattern.search(line)
                if m:
                    found.append(f"{rel}:{n}:{m.start() + 1}")
                    break
    return found


class MissingGlyphError(RenderError):
    """Typst found text none of the PDF's fonts can show (PDF/A refuses it)."""

    def __init__(self, text: str, where: list[str] | None = None) -> None:
        self.chars = "".join(c for c in dict.fromkeys(text) if not c.isspace())
        self.where = list(where or [])
        shown = "; ".join(describe(c) for c in self.chars) or "ett tecken"
        one = len(self.chars) <= 1
        message = (
            f"PDF:en kan inte skrivas: texten innehåller {'tecknet' if one else 'tecknen'} "
            f"{shown}. PDF/A kräver att all text kan visas."
        )
        if self.where:
            more = len(self.where) - MAX_PLACES
            message += " Det står i " + ", ".join(self.where[:MAX_PLACES])
            message += f" (och {more} ställen till)." if more > 0 else "."
        super().__init__(
            message,
            hint="Ta bort eller ersätt tecknet där (en punkt från en Word-lista skrivs som "
            "'- ' i början av raden), eller skriv dokumentet som Markdown (--format md).",
        )

    def located(self, repo: Repo | None) -> MissingGlyphError:
        """The same error with the places in ``repo`` named."""
        return MissingGlyphError(self.chars, places(repo, self.chars))
