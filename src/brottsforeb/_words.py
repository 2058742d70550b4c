"""Swedish word forms the library's sentences need: a count and its noun agree."""

from __future__ import annotations

__all__ = ["count", "plural"]


def plural(n: int, one: str, many: str) -> str:
    """``one`` for exactly 1, else ``many``: '1 frist', '0 frister', '2 frister'."""
    return one if n == 1 else many


def count(n: int, one: str, many: str) -> str:
    """``n`` and its noun in agreement: count(1, 'möte', 'möten') == '1 möte'."""
    return f"{n} {plural(n, one, many)}"
