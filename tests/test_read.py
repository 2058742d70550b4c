"""Reading a file asks for its own size, never more than the limit + 1 bytes."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from brottsforeb import _yaml
from brottsforeb.loader import _read


def test_small_file_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"namn: S\n")
    with path.open("rb") as fh:
        assert _read(fh) == b"namn: S\n"


def test_large_file_stops_after_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"x" * (_yaml.MAX_FILE_BYTES + 500))
    with path.open("rb") as fh:
        assert len(_read(fh)) == _yaml.MAX_FILE_BYTES + 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_file_without_a_size_is_read_whole(tmp_path: Path) -> None:
    """A FIFO reports size 0; its content is still read (up to the limit)."""
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    text = b"namn: Styrgrupp\ntyp: styrgrupp\n"

    def write() -> None:
        with fifo.open("wb") as out:
            out.write(text)

    writer = threading.Thread(target=write)
    writer.start()
    with fifo.open("rb") as fh:
        assert _read(fh) == text
    writer.join()
