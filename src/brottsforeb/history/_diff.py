"""The semantic diff: two Repos compared entity by entity, field by field, as sentences."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..repo import Repo
from ._git import CommitInfo, clean
from ._sentences import (
    ROLE,
    TURNED,
    Model,
    arrival,
    child,
    display,
    entity_label,
    is_long,
    item_name,
    label,
    model_of,
    plain,
    quoted,
    same_as_unwritten,
    status_turned,
    text_change,
    worded,
)


@dataclass
class Change:
    """One thing that changed in one entity, as a Swedish sentence."""

    kind: str
    id: str
    file: str
    sentence: str
    commits: list[CommitInfo] = field(default_factory=list)
    #: The key path the change is about ("möten.antal"); "" for the whole file.
    key: str = ""
    #: The entity as the sentence names it ("Åtgärd Belysning"), before ": "; with it the
    #: minutes name several entities that changed alike in one line.
    subject: str = ""

    @property
    def predicate(self) -> str | None:
        """What happened, without the entity ("genomfördes (förut pågående)")."""
        head = f"{self.subject}: "
        if self.subject and self.sentence.startswith(head):
            return self.sentence[len(head) :]
        return None


def _data(repo: Repo) -> dict[tuple[str, str], tuple[str, dict[str, Any] | None]]:
    out = {}
    for entry in repo.iter_entries():
        data = entry.parsed.data if isinstance(entry.parsed.data, dict) else None
        out[(entry.kind, entry.id)] = (entry.file, data)
    return out


def _identity(item: Any) -> Any:
    """What identifies an item of a list of mappings across versions (an action item
    carried from an earlier meeting keeps its 'från'; otherwise its text)."""
    if not isinstance(item, dict):
        return plain(item)
    for key in ("från", "id", "vad", "rubrik", "år", "datum", "text"):
        if key in item:
            return (key, plain(item[key]))
    return tuple(sorted((k, str(plain(v))) for k, v in item.items()))


def _scalars(
    repo: Repo, within: str, where: str, name: str, key: str, a: list[Any], b: list[Any]
) -> list[tuple[str, str]]:
    """Items added to or removed from a list of names, references or texts."""
    out: list[tuple[str, str]] = []
    role = ROLE.get(key)
    lead = f"{within}: " if within else ""
    for item in b:
        if item not in a:
            shown = display(repo, None, item)
            if role:
                out.append((name, f"{lead}{shown} tillkom som {role}"))
            else:
                out.append((name, f"{quoted(shown)} lades till i {where}"))
    for item in a:
        if item not in b:
            shown = display(repo, None, item)
            if role:
                out.append((name, f"{lead}{shown} är inte längre {role}"))
            else:
                out.append((name, f"{quoted(shown)} togs bort ur {where}"))
    return out


def _mappings(
    repo: Repo, item_model: Model, where: str, name: str, a_list: list[Any], b_list: list[Any]
) -> list[tuple[str, str]]:
    """Items of a list of mappings (action items, agenda items, measurements) that were
    added, removed or changed, each named by its own words."""
    before = {_identity(x): x for x in a_list}
    after = {_identity(x): x for x in b_list}
    out: list[tuple[str, str]] = []
    for ident, item in after.items():
        shown = item_name(repo, item_model, item)
        if ident not in before:
            out.append((name, f"ny post i {where}: {quoted(shown)}"))
        elif isinstance(item, dict) and isinstance(before[ident], dict):
            for sub, text in field_changes(repo, before[ident], item, item_model):
                if sub == "klar":
                    done = item.get("klar") is True
                    text = "markerades som klar" if done else "markerades som inte klar"
                out.append((f"{name}.{sub}", f"{where}, {quoted(shown)}: {text}"))
        elif before[ident] != item:
            out.append((name, f"{where}, {quoted(shown)} ändrades"))
    for ident, item in before.items():
        if ident not in after:
            out.append((name, f"{quoted(item_name(repo, item_model, item))} togs bort ur {where}"))
    return out


def field_changes(
    repo: Repo,
    old: dict[str, Any],
    new: dict[str, Any],
    model: Model = None,
    path: str = "",
    within: str = "",
) -> list[tuple[str, str]]:
    """(key path, sentence) for every value that differs between two versions of a file.

    ``model`` is the model of the mapping compared: it gives each key its Swedish label;
    ``within`` the labels of the mappings it is nested in ("mötesfrekvens").
    """
    out: list[tuple[str, str]] = []
    for key in sorted(set(old) | set(new), key=lambda k: (k not in new, str(k))):
        name = f"{path}{key}"
        key = str(key)
        a, b = old.get(key), new.get(key)
        if plain(a) == plain(b):
            continue
        if (key not in old and same_as_unwritten(model, key, b)) or (
            key not in new and same_as_unwritten(model, key, a)
        ):
            continue  # 'vakant: false' written or struck out: nothing changed for a reader
        what = f"{within}, {label(model, key)}" if within else label(model, key)
        inner = child(model, key)
        if (
            not within
            and key in TURNED
            and isinstance(a, bool | None)
            and isinstance(b, bool | None)
        ):
            if bool(a) != bool(b):
                out.append((name, TURNED[key][not b]))
            continue
        if isinstance(a, dict) and isinstance(b, dict):
            out.extend(field_changes(repo, a, b, inner, f"{name}.", what))
        elif (
            isinstance(a, list | type(None))
            and isinstance(b, list | type(None))
            and (isinstance(a, list) or isinstance(b, list))
        ):
            a_list, b_list = a or [], b or []
            if all(not isinstance(x, dict | list) for x in a_list + b_list):
                out.extend(_scalars(repo, within, what, name, key, a_list, b_list))
            else:
                out.extend(_mappings(repo, inner, what, name, a_list, b_list))
        elif not within and key == "status" and (turned := status_turned(model, a, b)):
            out.append((name, turned))
        elif key not in old:
            out.append((name, f"{what} angavs till {worded(repo, inner, b)}"))
        elif key not in new:
            out.append((name, f"{what} togs bort (var {worded(repo, inner, a)})"))
        elif is_long(a) or is_long(b):
            out.append((name, f"{what} {text_change(str(a), str(b))}"))
        else:
            out.append(
                (
                    name,
                    f"{what} ändrades från {worded(repo, inner, a)} till {worded(repo, inner, b)}",
                )
            )
    return out


def _similar(a: dict[str, Any], b: dict[str, Any] | None) -> bool:
    if b is None:
        return False
    keys = set(a) | set(b)
    same = sum(1 for k in keys if plain(a.get(k)) == plain(b.get(k)))
    return same >= max(1, int(len(keys) * 0.6))


def diff_repos(old: Repo, new: Repo) -> list[Change]:
    """Entity by entity, field by field: what changed from ``old`` to ``new``."""
    a, b = _data(old), _data(new)
    changes: list[Change] = []
    removed = {k: v for k, v in a.items() if k not in b}
    added = {k: v for k, v in b.items() if k not in a}
    renamed: dict[tuple[str, str], tuple[str, str]] = {}
    for rk, (_rfile, rdata) in removed.items():
        for ak, (_afile, adata) in added.items():
            if (
                ak[0] == rk[0]
                and ak not in renamed.values()
                and rdata is not None
                and _similar(rdata, adata)
            ):
                renamed[rk] = ak
                break
    for (kind, eid), (file, data) in sorted(b.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        model = model_of(kind)
        who = entity_label(new, kind, eid)
        if (kind, eid) in added:
            old_key = next((r for r, n in renamed.items() if n == (kind, eid)), None)
            if old_key is not None:
                sentence = f"{who}: bytte id från {old_key[1]} till {eid}"
                changes.append(Change(kind, eid, file, sentence, subject=who))
                before = a[old_key][1] or {}
                for key, s in field_changes(new, before, data or {}, model):
                    changes.append(Change(kind, eid, file, f"{who}: {s}", key=key, subject=who))
            else:
                sentence = f"{who}: {arrival(new, kind, eid)}"
                changes.append(Change(kind, eid, file, sentence, subject=who))
            continue
        old_data = a[(kind, eid)][1]
        if data is None or old_data is None:
            if (data is None) != (old_data is None):
                state = "kunde inte läsas" if data is None else "går att läsa igen"
                shown = entity_label(old if data is None else new, kind, eid)
                changes.append(Change(kind, eid, file, f"{shown}: filen {state}", subject=shown))
            continue
        for key, s in field_changes(new, old_data, data, model):
            changes.append(Change(kind, eid, file, f"{who}: {s}", key=key, subject=who))
    for (kind, eid), (file, _) in sorted(removed.items()):
        if (kind, eid) not in renamed:
            gone = entity_label(old, kind, eid)
            changes.append(Change(kind, eid, file, f"{gone}: togs bort", subject=gone))
    for ch in changes:  # values from any revision: one line, no control character, no pnr
        ch.sentence = clean(ch.sentence)
        ch.subject = clean(ch.subject)
    return changes
