"""Reading a file asks for its own size first, never more than the limit."""

from __future__ import annotations

from pathlib import Path

from brottsforeb import _yaml
from brottsforeb._tree import open_regular as _open_regular

LIMIT = _yaml.MAX_FILE_BYTES + 1


def test_small_file_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"namn: S\n")
    assert _open_regular(path, LIMIT) == b"namn: S\n"


def test_file_of_several_chunks_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"x" * 700_000)
    assert len(_open_regular(path, LIMIT)) == 700_000


def test_large_file_stops_at_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"x" * (_yaml.MAX_FILE_BYTES + 500))
    assert len(_open_regular(path, LIMIT)) == LIMIT
