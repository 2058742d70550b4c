"""Limits on the municipality's Word template before python-docx opens it.

A .docx is a zip: a small file can unpack to gigabytes (a zip bomb). Its size on disk and
the sizes its own directory declares are checked first; nothing is unpacked here.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import RenderError

__all__ = ["MAX_TEMPLATE_BYTES", "MAX_TEMPLATE_UNPACKED", "check_template_size"]

#: Limits on the Word template (a .docx is a zip): its size, and what it unpacks to.
MAX_TEMPLATE_BYTES = 10_000_000
MAX_TEMPLATE_UNPACKED = 50_000_000


def check_template_size(path: Path) -> None:
    """Refuse a template too big on disk or once unpacked (a zip bomb) before python-docx
    reads it: the sizes come from the zip's own directory, nothing is unpacked."""
    import zipfile

    hint = "Spara mallen på nytt som ett vanligt Word-dokument, eller ta bort den."
    if path.stat().st_size > MAX_TEMPLATE_BYTES:
        raise RenderError(
            f"Word-mallen {path.name} är större än {MAX_TEMPLATE_BYTES // 1_000_000} MB och "
            "används inte.",
            hint=hint,
        )
    try:
        with zipfile.ZipFile(path) as zf:
            unpacked = sum(i.file_size for i in zf.infolist())
            count = len(zf.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise RenderError(
            f"Word-mallen {path.name} kunde inte läsas: den är inget Word-dokument (.docx).",
            hint=hint,
        ) from None
    if unpacked > MAX_TEMPLATE_UNPACKED or count > 10_000:
        raise RenderError(
            f"Word-mallen {path.name} packas upp till mer än "
            f"{MAX_TEMPLATE_UNPACKED // 1_000_000} MB och används inte.",
            hint=hint,
        )
