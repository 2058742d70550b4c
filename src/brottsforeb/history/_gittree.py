"""One revision's files as a ``_tree.Source``: the working tree's walk, over git objects.

A revision is read like the working tree (``_tree.walk``): ``organ/x.YAML``, a nested
folder, a committed link, a submodule or a ``notes.txt`` in a data folder give the same
findings at the revision, never silence. A committed link is followed inside the
revision's tree as the working tree follows it on disk; one that leaves the repository,
is broken or loops is not read.
"""

from __future__ import annotations

import posixpath
from typing import Any

from .._tree import Item, LinkError, NotRegular

LINK_MODE = 0o120000
#: Links followed one after another before the chain is called a loop (as the kernel does).
MAX_HOPS = 40


class GitSource:
    """The bfa repository at ``prefix`` ("" or "kommun/") in one commit's tree."""

    def __init__(self, top: Any, prefix: str, rev: str, read_blob: Any) -> None:
        self.top = top
        self.prefix = prefix.rstrip("/")
        self.rev = rev
        self._read_blob = read_blob  # (blob, rel, rev) -> bytes, bounded, with git's errors

    def base(self) -> Any | None:
        try:
            return self.top / self.prefix if self.prefix else self.top
        except KeyError:
            return None  # the repository's folder did not exist at this revision

    def listing(self, item: Item | None) -> list[Item]:
        tree = self.base() if item is None else self._target(item)
        if tree is None or tree.type != "tree":
            return []  # a submodule: git holds only its commit
        # a submodule's ``name`` is its .gitmodules name: the entry's name is its path's end
        items = [Item(posixpath.basename(o.path), o, o.mode == LINK_MODE) for o in tree]
        return sorted(items, key=lambda i: i.name)

    def is_dir(self, item: Item) -> bool:
        try:
            return self._target(item).type in ("tree", "submodule")
        except LinkError:
            return False

    def check_link(self, item: Item) -> None:
        self._target(item)

    def read(self, item: Item, limit: int) -> bytes:
        obj = self._target(item)
        if obj.type != "blob":
            raise NotRegular
        rel = item.handle.path[len(self.prefix) + 1 :] if self.prefix else item.handle.path
        return bytes(self._read_blob(obj, rel, self.rev)[:limit])

    def _target(self, item: Item) -> Any:
        """The object an entry stands for: itself, or where its link chain ends."""
        obj = item.handle
        for _ in range(MAX_HOPS):
            if obj.type != "blob" or obj.mode != LINK_MODE:
                return obj
            obj = self._follow(obj)
        raise LinkError("slinga")

    def _follow(self, link: Any) -> Any:
        target = bytes(link.data_stream.read(4097)).decode("utf-8", "surrogateescape")
        if not target or len(target) > 4096 or target.startswith("/"):
            raise LinkError("")  # an absolute target is outside whatever the checkout is
        full = posixpath.normpath(posixpath.join(posixpath.dirname(link.path), target))
        if full == ".." or full.startswith("../"):
            raise LinkError("")
        if self.prefix:
            if full == self.prefix:
                return self.base()
            if not full.startswith(self.prefix + "/"):
                raise LinkError("")
        elif full == ".":
            return self.base()
        try:
            return self.top / full
        except KeyError:
            raise LinkError("trasig") from None
