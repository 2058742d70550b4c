"""Rules about a member's references to a collaboration's repository (samverkan.py)."""

from __future__ import annotations

from collections.abc import Iterator

from .._messages import did_you_mean
from ..repo import KOMMUN, Repo
from ..samverkan import links
from ._engine import Context, Hit, rule


@rule("SAMVERKAN-FORRAD")
def repository(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for link in links(repo):
        path = ("ingår_i_samverkan", link.index)
        if link.repo is None:
            args = {"id": link.id, "label": link.label, "reason": link.problem}
            yield Hit(KOMMUN, "bfa", path, args={**args, "hint": link.hint or "–"})
            continue
        k = link.repo.kommun
        if k is not None and k.kind != "samverkan":
            yield Hit(
                KOMMUN,
                "bfa",
                path,
                args={
                    "id": link.id,
                    "label": link.label,
                    "reason": f"det är {k.name}s eget förråd, inte en samverkans.",
                    "hint": "Samverkans förråd har 'slag: samverkan' i sin bfa.yaml "
                    "(bfa init --collaboration).",
                },
            )


@rule("SAMVERKAN-DEL")
def shared_parts(repo: Repo, ctx: Context) -> Iterator[Hit]:
    k = repo.kommun
    for link in links(repo):
        if link.repo is None or k is None:
            continue
        for j, ref in enumerate(k.collaborations[link.index].shares):
            kind, _, eid = ref.partition("/")
            if eid in link.repo.ids(kind):
                continue
            yield Hit(
                KOMMUN,
                "bfa",
                ("ingår_i_samverkan", link.index, "delar", j),
                args={
                    "ref": ref,
                    "name": link.name,
                    "hint": did_you_mean(
                        eid, sorted(link.repo.ids(kind)), show=f"'{kind}/{{}}'".format
                    )
                    or f"Se mappen {kind}/ i {link.label}.",
                },
            )


@rule("SAMVERKAN-MEDLEM")
def member(repo: Repo, ctx: Context) -> Iterator[Hit]:
    k = repo.kommun
    for link in links(repo):
        c = link.repo.kommun if link.repo else None
        if k is None or c is None or c.kind != "samverkan":
            continue
        if any(m.name == k.name or (k.code and m.code == k.code) for m in c.members):
            continue
        yield Hit(
            KOMMUN,
            "bfa",
            ("ingår_i_samverkan", link.index),
            args={"name": k.name, "collaboration": c.name, "label": link.label},
        )
