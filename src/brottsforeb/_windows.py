"""What Windows does not allow that POSIX does, shared by the loader and the scaffolding."""

from __future__ import annotations

__all__ = ["WINDOWS_RESERVED"]

#: Device names Windows reserves: ``aux.yaml`` cannot be created or checked out there.
WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{d}{i}" for d in ("com", "lpt") for i in range(1, 10)]
)
