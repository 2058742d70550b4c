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

    def target(self, item: Item) -> str:
        """Where a link leads, as a path from the repository's root."""
        return self._resolve(item.handle)[1]

    def _target(self, item: Item) -> Any:
        """The object an entry stands for: itself, or where its link chain ends."""
        obj = item.handle
        if obj.type != "blob" or obj.mode != LINK_MODE:
            return obj
        return self._resolve(obj)[0]

    def _resolve(self, link: Any) -> tuple[Any, str]:
        """Follow ``link`` as the kernel does: each part of its target in turn, a link met
        on the way (``lnk/x.yaml`` with ``lnk -> organ``) followed where it stands, at
        most MAX_HOPS links in all (E10). The object reached, and its path from the root;
        LinkError when the chain leaves the repository, breaks off or loops."""
        hops = 0
        folders: list[Any] = []  # the trees from the top down to the current folder
        parts = [p for p in link.path.split("/")[:-1] if p]
        for name in parts:
            folders.append((folders[-1] if folders else self.top) / name)
        todo = self._link_text(link)
        obj: Any = None
        while todo:
            name = todo.pop(0)
            if name in ("", "."):
                continue
            if name == "..":
                if folders and folders[-1].type != "tree":
                    raise LinkError("trasig")  # "x.yaml/..": a file is no folder
                if not folders:
                    raise LinkError("")  # above the top of git: outside any checkout
                folders.pop()
                obj = folders[-1] if folders else self.top
                continue
            here = folders[-1] if folders else self.top
            if here.type != "tree":
                raise LinkError("trasig")  # a part of the path is a file, not a folder
            try:
                obj = here / name
            except KeyError:
                # to nothing: outside if it was already outside, as the working tree says
                path = "/".join([*(f.name for f in folders), name])
                self._inside(path)
                raise LinkError("trasig") from None
            if obj.type == "blob" and obj.mode == LINK_MODE:
                hops += 1
                if hops > MAX_HOPS:
                    raise LinkError("slinga")
                todo = self._link_text(obj) + todo
                continue
            folders.append(obj)
        if obj is None:
            obj = folders[-1] if folders else self.top
        path = "/".join(f.name for f in folders) if folders else ""
        return obj, self._inside(path)

    def _link_text(self, link: Any) -> list[str]:
        target = bytes(link.data_stream.read(4097)).decode("utf-8", "surrogateescape")
        if not target or len(target) > 4096 or target.startswith("/"):
            raise LinkError("")  # an absolute target is outside whatever the checkout is
        return target.split("/")

    def _inside(self, path: str) -> str:
        """``path`` (from the top of git) from the repository's root; LinkError outside."""
        if not self.prefix:
            return path
        if path == self.prefix:
            return ""
        if not path.startswith(self.prefix + "/"):
            raise LinkError("")
        return path[len(self.prefix) + 1 :]
