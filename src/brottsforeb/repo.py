"""The Repo: every entity of one municipality, with where each value stands."""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from ._yaml import ParsedYaml, Path_
from .findings import Finding
from .model import (
    Aktor,
    Atgard,
    Dokument,
    Entity,
    Funktion,
    Indikator,
    Kommun,
    Lagesbild,
    Mote,
    Organ,
)
from .model.lagesbild import Orsak, Problem

__all__ = ["KOMMUN", "Entry", "Repo"]

#: The pseudo-kind of bfa.yaml.
KOMMUN = "bfa"

M = TypeVar("M", bound=Entity)


@dataclass
class Entry:
    """One file: its kind and id, the parsed YAML, and the model (None if invalid)."""

    kind: str
    id: str
    file: str
    parsed: ParsedYaml
    model: Entity | None = None


@dataclass
class Repo:
    """Everything bfa knows about one municipality's repository.

    Invalid files are kept as entries without a model, so references to them
    do not cascade into "missing" findings. The loader fills a Repo and hands it
    out; from then on it is read, never changed, so the views by kind (``organ``,
    ``moten`` …) and ``meetings_of`` are computed once, on first use.
    """

    root: Path | None = None
    kommun_entry: Entry | None = None
    entries: dict[str, dict[str, Entry]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)  # found while loading
    #: collaborations resolved once (samverkan.links); None until asked
    shared: Any = field(default=None, repr=False, compare=False)

    # -- access --------------------------------------------------------------------
    @property
    def kommun(self) -> Kommun | None:
        m = self.kommun_entry.model if self.kommun_entry else None
        return m if isinstance(m, Kommun) else None

    def _models(self, kind: str, cls: type[M]) -> dict[str, M]:
        out: dict[str, M] = {}
        for eid, entry in self.entries.get(kind, {}).items():
            if isinstance(entry.model, cls):
                out[eid] = entry.model
        return out

    @cached_property
    def aktorer(self) -> dict[str, Aktor]:
        return self._models("aktorer", Aktor)

    @cached_property
    def funktioner(self) -> dict[str, Funktion]:
        return self._models("funktioner", Funktion)

    @cached_property
    def organ(self) -> dict[str, Organ]:
        return self._models("organ", Organ)

    @cached_property
    def dokument(self) -> dict[str, Dokument]:
        return self._models("dokument", Dokument)

    @cached_property
    def lagesbilder(self) -> dict[str, Lagesbild]:
        return self._models("lagesbilder", Lagesbild)

    @cached_property
    def atgarder(self) -> dict[str, Atgard]:
        return self._models("atgarder", Atgard)

    @cached_property
    def indikatorer(self) -> dict[str, Indikator]:
        return self._models("indikatorer", Indikator)

    @cached_property
    def moten(self) -> dict[str, Mote]:
        return self._models("moten", Mote)

    def ids(self, kind: str) -> AbstractSet[str]:
        """Every id of ``kind`` that has a file, valid or not: a live view, so that a
        membership test costs O(1) (a copy per call made REF-SAKNAS quadratic)."""
        return self.entries.get(kind, {}).keys()

    def entry(self, kind: str, eid: str) -> Entry | None:
        if kind == KOMMUN:
            return self.kommun_entry
        return self.entries.get(kind, {}).get(eid)

    def iter_entries(self) -> Iterator[Entry]:
        if self.kommun_entry:
            yield self.kommun_entry
        for by_id in self.entries.values():
            yield from by_id.values()

    def lookup(self, ref: str) -> Entry:
        """The entry ``ref`` names: 'organ/styrgrupp', 'styrgrupp', a file path or 'bfa'."""
        from .errors import UsageError
        from .model import kind_by_name

        # Windows users type (and PowerShell completes) .\organ\styrgrupp.yaml
        ref = ref.strip().replace("\\", "/").removeprefix("./")
        ref = ref.removesuffix(".yaml").removesuffix(".yml")
        if ref in (KOMMUN, "bfa.yaml") and self.kommun_entry:
            return self.kommun_entry
        head, _, eid = ref.rpartition("/")
        if head.startswith("moten/"):  # moten/2026/2026-03-01-styrgrupp
            head = "moten"
        kind = kind_by_name(head) if head else None
        if head and kind is None:
            from ._messages import did_you_mean
            from .model import KINDS

            raise UsageError(
                f"'{head}' är inget slag av fil i förrådet.",
                hint=did_you_mean(head, list(KINDS), show=f"'{{}}/{eid}'".format)
                or "Ange t.ex. organ/styrgrupp, atgarder/belysning eller bara id:t.",
            )
        kinds = [kind.folder] if kind else list(self.entries)
        found = [self.entries[k][eid] for k in kinds if eid in self.entries.get(k, {})]
        if not found:
            from ._messages import did_you_mean

            near = {i: k for k in kinds for i in self.entries.get(k, {})}
            raise UsageError(
                f"Det finns ingen fil för '{ref}' i förrådet.",
                hint=did_you_mean(eid, sorted(near), show=lambda g: f"'{near[g]}/{g}'")
                or "Ange t.ex. organ/styrgrupp eller bara styrgrupp.",
            )
        if len(found) > 1:
            raise UsageError(
                f"'{ref}' är tvetydigt: " + ", ".join(f"{e.kind}/{e.id}" for e in found) + ".",
                hint="Skriv slaget framför id:t.",
            )
        return found[0]

    @property
    def file_count(self) -> int:
        """How many entity files were read (bfa.yaml included), valid or not."""
        return sum(1 for _ in self.iter_entries())

    def where(
        self, kind: str, eid: str, path: Path_ = (), *, key: bool = False
    ) -> tuple[str, int, int]:
        """(file, line, column) of a value; the nearest enclosing mapping if it is absent."""
        entry = self.entry(kind, eid)
        if entry is None:
            return "", 0, 0
        line, col = entry.parsed.where(path, key=key)
        return entry.file, line, col

    # -- domain helpers ----------------------------------------------------------------
    def name_of(self, kind: str, eid: str) -> str:
        """Display name of an entity, falling back to its id."""
        entry = self.entry(kind, eid)
        m: Any = entry.model if entry else None
        for attr in ("name", "title"):
            if m is not None and getattr(m, attr, None):
                return str(getattr(m, attr))
        return eid

    def problem(self, ref: str) -> Problem | None:
        lb_id, _, pid = ref.partition("/")
        lb = self.lagesbilder.get(lb_id)
        return next((p for p in lb.mapping if p.id == pid), None) if lb else None

    def orsak(self, ref: str) -> Orsak | None:
        lb_id, _, oid = ref.partition("/")
        lb = self.lagesbilder.get(lb_id)
        return next((o for o in lb.causes if o.id == oid), None) if lb else None

    def meetings_of(self, organ_id: str) -> list[Mote]:
        """Meetings held (not cancelled) by a body, oldest first (a new list each call)."""
        return list(self._meetings_by_organ.get(organ_id, ()))

    @cached_property
    def _meetings_by_organ(self) -> dict[str, list[Mote]]:
        out: dict[str, list[Mote]] = {}
        for m in sorted(self.moten.values(), key=lambda m: m.date):
            if not m.cancelled:
                out.setdefault(m.organ, []).append(m)
        return out
