"""Safe edits: change one value in one file and leave every other byte as it was.

`bfa set` must not reformat a file a coordinator has commented and laid out by
hand: only the target node's text changes (``_edit_text``: a value, a new key in the
place of the template's commented placeholder, a list item appended or removed, a
whole list replaced), written by ruamel.yaml's emitter in the file's own style. The
edited repository is validated before anything is written, and the write is atomic.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._edit_spans import Key, iter_scalar_paths, shared_nodes, show
from ._edit_text import clean_keys, edit_text
from ._io import file_lock, refuse_oversized, write_bytes_atomic
from .errors import ConflictError, InvalidEditError, UsageError, WriteRefusedError
from .findings import Finding, Severity

__all__ = [
    "Edit",
    "InvalidEditError",
    "edit_text",
    "iter_scalar_paths",
    "parse_field",
    "set_value",
    "shown_value",
]

_shared = shared_nodes  # the name tests use
_show = show


@dataclass
class Edit:
    """What `bfa set` did."""

    file: str
    key: str
    old: Any
    new: Any
    changed: bool
    findings: list[Finding] = field(default_factory=list)  # warnings that remain
    how: str = "set"  # "set", "append" or "remove"
    confirmed: list[str] = field(default_factory=list)  # struck from obekräftat
    #: a key the same write took away with it (``innehavare`` when ``vakant`` is set true)
    vacated: Any = None
    #: what the user should know about the values left as they were (a new holder's name
    #: beside the former holder's e-mail, N15)
    note: str = ""
    #: keys written again without a character that does not show (E11)
    rewritten: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One Swedish sentence for the terminal, values as a reader reads them."""
        from ._escape import one_line
        from ._pii import mask

        def s(value: Any) -> str:
            text = mask(one_line(shown_value(value)))
            if isinstance(value, str) and (" " in text or text.endswith((".", ";", ","))):
                return f"\u201d{text}\u201d"  # where the value ends and the sentence goes on
            return text

        if not self.changed:
            return _sentence(f"{self.file}: {self.key} är redan {s(self.new)}; inget ändrat")
        text = self._what(s)
        if self.rewritten and self.how == "set" and s(self.old) == s(self.new):
            text = _sentence(f"{self.file}: {self.key} är {s(self.new)}")
        if self.rewritten:
            keys = ", ".join(f"'{k}'" for k in self.rewritten)
            return f"{text} Nyckeln {keys} skrevs om utan det osynliga tecknet."
        return text

    def _what(self, s: Any) -> str:
        if self.how == "append":
            return _sentence(f"{self.file}: lade till {s(self.new)} i {self.key}")
        confirmed = ""
        if self.confirmed:
            keys = ", ".join(f"'{k}'" for k in self.confirmed)
            confirmed = f"; {keys} är därmed bekräftat och struket ur obekräftat"
        if self.how == "remove":
            if self.new is None:
                return _sentence(
                    f"{self.file}: tog bort {self.key} (var {s(self.old)})"
                    + (
                        f"; {', '.join(repr(k) for k in self.confirmed)} är struket ur obekräftat"
                        if self.confirmed
                        else ""
                    )
                )
            return _sentence(f"{self.file}: tog bort {s(self.new)} ur {self.key}")
        if self.vacated is not None:
            confirmed += "; innehavare togs bort (en vakant funktion har ingen innehavare)"
        confirmed += self.note
        if self.old is None:
            return _sentence(
                f"{self.file}: {self.key} satt till {s(self.new)} (ny nyckel){confirmed}"
            )
        if confirmed and s(self.old) == s(self.new):
            return _sentence(f"{self.file}: {self.key} är {s(self.new)}{confirmed}")
        return _sentence(
            f"{self.file}: {self.key} ändrat från {s(self.old)} till {s(self.new)}{confirmed}"
        )


def _sentence(text: str) -> str:
    """``text`` with one full stop, never two (a value may end in one)."""
    return text if text.endswith((".", "!", "?")) else text + "."


def shown_value(value: Any) -> str:
    """A value as a Swedish reader reads it: ja/nej, dates as ÅÅÅÅ-MM-DD, lists with commas."""
    if value is None:
        return "tomt"
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {shown_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(shown_value(v) for v in value) + "]"
    return str(value)


def _visible(text: str) -> str:
    from ._escape import one_line
    from ._pii import mask

    return mask(one_line(text))


def parse_field(text: str) -> tuple[Key, ...]:
    """'möten.antal' → ('möten', 'antal'); 'ledamöter[2]' or 'ledamöter.2' → ('ledamöter', 1).

    List positions count from 1, as in bfa's messages.
    """
    if re.search(r"\[\s*-", text):
        raise UsageError(
            f"Fältet '{_visible(text)}': listor räknas från 1.",
            hint="Skriv t.ex. ledamöter[1] för det första värdet.",
        )
    if not re.fullmatch(r"[^.\[\]]+(?:\.[^.\[\]]+|\[\d+\])*", text.strip()):
        raise UsageError(
            f"'{_visible(text)}' är inget fält.",
            hint="Skriv t.ex. status, möten.antal eller ledamöter[2].",
        )
    out: list[Key] = []
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", text.strip()):
        digits = part.strip("[]")
        if digits.isdigit() and (part.startswith("[") or part.isdigit()):
            n = int(digits)
            if n < 1:
                raise UsageError(f"Fältet '{text}': listor räknas från 1.")
            out.append(n - 1)
        else:
            out.append(part.strip())
    if not out or any(p == "" for p in out):
        raise UsageError(f"'{text}' är inget fält.", hint="Skriv t.ex. status eller möten.antal.")
    return tuple(out)


# -- bfa set ----------------------------------------------------------------------------


def _errors(findings: list[Finding]) -> set[tuple[str, str, str]]:
    return {(f.rule, f.file, f.message) for f in findings if f.severity is Severity.ERROR}


def set_value(
    root: Path,
    ref: str,
    field_: str,
    raw: str | None,
    *,
    append: bool = False,
    remove: bool = False,
) -> Edit:
    """Set ``field_`` of the entity ``ref`` to ``raw`` (YAML text) and write it atomically.

    ``append`` adds ``raw`` to the list ``field_``; ``remove`` takes ``raw`` out of it, or
    without ``raw`` removes the list item or key ``field_`` names (see ``edit_text``).

    Refused, with nothing written, when the edit would add an error to the repository.
    """
    from .loader import find_root, load_files, read_tree

    root = find_root(root)
    files, found = read_tree(root)
    before = load_files(files, root, found)
    entry = before.lookup(ref)
    target = _target(root, entry.file)
    with file_lock(target):
        try:
            current = target.read_bytes()
        except OSError as exc:
            raise WriteRefusedError(f"{entry.file} kan inte läsas ({exc.strerror}).") from None
        if current != files.get(entry.file):  # changed between the two reads: start over
            files, found = read_tree(root)
            before = load_files(files, root, found)
            entry = before.lookup(ref)
            if _target(root, entry.file) != target:
                raise ConflictError(f"{entry.file} flyttades medan bfa läste den; kör igen.")
        how = "append" if append else "remove" if remove else "set"
        return _set_locked(root, target, files, found, before, entry, field_, raw, how)


def _target(root: Path, rel: str) -> Path:
    """The file to write for ``rel``: a link's target, and only when that is in the repo."""
    path = root / rel
    real = path.resolve()
    if not real.is_relative_to(root.resolve()):
        raise WriteRefusedError(
            f"{rel} pekar utanför förrådet ({real}); bfa skriver inte där.",
            hint="Kopiera in filen i förrådet i stället för att länka till den.",
        )
    return real


def _set_locked(
    root: Path,
    target: Path,
    files: dict[str, bytes],
    found: list[Finding],
    before: Any,
    entry: Any,
    field_: str,
    raw: str | None,
    how: str,
) -> Edit:
    from .loader import load_files
    from .rules import validate

    try:
        text = files[entry.file].decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(
            f"{entry.file} är inte sparad som UTF-8 och kan inte ändras med bfa set.",
            hint="Spara filen som UTF-8 först; bfa validate visar var.",
        ) from None
    path = parse_field(field_)
    new_text, rewritten = clean_keys(text, path)
    new_text, old, new = edit_text(
        new_text, path, raw, append=how == "append", remove=how == "remove"
    )
    shown = _show(path)
    confirmed: list[str] = []
    # setting a value, even to what it was, confirms it; so does removing the whole key
    # (the user decided there is none: N9), not removing one item from a proposed list
    if how != "remove" or raw is None:
        new_text, confirmed = _confirm(new_text, path, entry.parsed.data)
    vacated = None
    data = entry.parsed.data if isinstance(entry.parsed.data, dict) else {}
    vacating = entry.kind == "funktioner" and path == ("vakant",) and how == "set"
    if vacating and new is True and data.get("innehavare") is not None:
        # the guide: "innehavare tas bort" (before, the write was refused as invalid)
        new_text, vacated, _ = edit_text(new_text, ("innehavare",), None, remove=True)
    note = ""
    holder = data.get("innehavare") if entry.kind == "funktioner" else None
    if path == ("innehavare", "namn") and how == "set" and isinstance(holder, dict):
        kept = [k for k in ("e_post", "telefon", "sedan") if holder.get(k) is not None]
        if kept:  # the former holder's address would get the new holder's invitations
            note = (
                f"; {' och '.join(kept)} står kvar från förut – byt "
                f"{'dem' if len(kept) > 1 else 'det'} också om de var den förra innehavarens"
            )
    if new_text == text:
        return Edit(entry.file, shown, old, new, changed=False, how=how)
    edited = dict(files)
    edited[entry.file] = new_text.encode("utf-8")
    after = load_files(edited, root, found)
    after_findings = validate(after)
    introduced = _errors(after_findings) - _errors(validate(before))
    if introduced:
        bad = [f for f in after_findings if (f.rule, f.file, f.message) in introduced]
        raise InvalidEditError(
            f"Ändringen skulle göra förrådet ogiltigt; {entry.file} har inte ändrats.",
            bad,
        )
    try:
        unchanged = target.read_bytes() == files[entry.file]
    except OSError:
        unchanged = False
    if not unchanged:  # an editor (which takes no lock) saved the file meanwhile
        raise ConflictError(
            f"{entry.file} ändrades av någon annan medan bfa arbetade; inget har skrivits.",
            hint="Kör kommandot igen: då utgår ändringen från den nya filen.",
        )
    refuse_oversized(entry.file, edited[entry.file])
    write_bytes_atomic(target, edited[entry.file])
    remaining = [f for f in after_findings if f.file == entry.file]
    return Edit(
        entry.file,
        shown,
        old,
        new,
        changed=True,
        findings=remaining,
        how=how,
        confirmed=confirmed,
        vacated=vacated,
        note=note,
        rewritten=rewritten,
    )


def _confirm(text: str, path: tuple[Key, ...], data: Any) -> tuple[str, list[str]]:
    """Strike what the user just set from ``obekräftat``: they typed the value themselves.

    ``obekräftat`` lists the keys bfa filled in (``datum``, ``möten``). Setting ``datum``,
    or ``möten.antal``, confirms that key; without this, ``bfa init``'s own first steps
    left validate saying the date the user had just typed was "ifyllt av bfa".
    """
    listed = data.get("obekräftat") if isinstance(data, dict) else None
    if not isinstance(listed, list) or not path or path[0] == "obekräftat":
        return text, []
    names = [str(k) for k in path if isinstance(k, str)]
    prefixes = {".".join(names[: i + 1]) for i in range(len(names))}
    confirmed = [item for item in listed if isinstance(item, str) and item in prefixes]
    for item in confirmed:
        text, _, _ = edit_text(text, ("obekräftat",), item, remove=True)
    return text, confirmed
