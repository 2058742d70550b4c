"""What bfa writes into a user's YAML (#17 items 5–6): scaffold templates and `bfa set`.

The scaffold is template files (templates/scaffold/) whose comments list allowed values
from the models; `bfa set` replaces and removes list items, writes a new key in the place
of the template's commented placeholder, and says what it did in Swedish.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import pytest
import yaml
from pydantic import BaseModel

from brottsforeb import load_repo, validate
from brottsforeb._templates import templates_dir
from brottsforeb.edit import edit_text
from brottsforeb.errors import UsageError
from brottsforeb.findings import Severity
from brottsforeb.model import KINDS
from brottsforeb.scaffold import NEW_KINDS, allowed_types, init_repo, meeting_date, new

TODAY = dt.date(2026, 3, 14)


# -- the scaffold: template files, checked against the models -----------------------------


def _enums(model: type[BaseModel], seen: set[type] | None = None) -> list[tuple[str, ...]]:
    """Every Literal's values in ``model`` and the models inside it."""
    seen = seen if seen is not None else set()
    if model in seen:
        return []
    seen.add(model)
    out: list[tuple[str, ...]] = []

    def walk(annotation: Any) -> None:
        if get_origin(annotation) is Literal:
            values = tuple(str(a) for a in get_args(annotation))
            if len(values) > 2:
                out.append(values)
            return
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            out.extend(_enums(annotation, seen))
            return
        for arg in get_args(annotation):
            walk(arg)

    for field in model.model_fields.values():
        walk(field.annotation)
    return out


ENUMS = sorted({e for kind in KINDS.values() for e in _enums(kind.model)})


def _enumerations(line: str) -> list[tuple[list[str], tuple[str, ...]]]:
    """Lists of allowed values in a comment line ('a, b eller c'), with the enum they are of."""
    found = []
    for values in ENUMS:
        word = "|".join(re.escape(v) for v in sorted(values, key=len, reverse=True))
        for m in re.finditer(rf"(?:(?:{word}), )+(?:{word})(?: eller (?:{word}))?", line):
            items = re.split(r", | eller ", m.group(0))
            if len(items) > 1:
                found.append((items, values))
    return found


def test_no_template_writes_allowed_values_by_hand() -> None:
    # a hand-written list drifts: mote.yaml said "information, beslut, lägesbild, uppföljning,
    # rapportering" after 'övrigt' was added, organ "veckan … året" without 'vartannat år'
    offenders = []
    for path in sorted((templates_dir() / "scaffold").rglob("*.j2")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            bare = re.sub(r"\{\{.*?\}\}", "", line)
            if "#" in bare and _enumerations(bare[bare.index("#") :]):
                offenders.append(f"{path.name}:{n}: {line}")
    assert offenders == []


@pytest.fixture(scope="module")
def scaffolded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new repository with one file of every kind and every type bfa new writes."""
    root = tmp_path_factory.mktemp("mallar") / "kommun"
    init_repo(root, "Testby kommun", today=TODAY, install_from="pypi")
    n = 0
    for kind in NEW_KINDS:
        if kind == "mote":
            new(root, kind, "styrgrupp", date="2026-04-01")
            continue
        for typ in [None, *allowed_types(kind)]:
            n += 1
            new(root, kind, f"Ny {n}", typ=typ, today=TODAY)
    return root


def test_every_scaffolded_file_validates(scaffolded: Path) -> None:
    findings = validate(load_repo(scaffolded))
    assert [f.message for f in findings if f.severity is Severity.ERROR] == []
    assert len(list(scaffolded.rglob("*.yaml"))) > 40


def test_comments_list_exactly_the_models_values(scaffolded: Path) -> None:
    lists = 0
    for path in sorted(scaffolded.rglob("*.yaml")):
        comments: list[str] = []  # a block of comment lines is one text (lists wrap)
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.lstrip().startswith("#"):
                if comments and comments[-1].startswith("#"):
                    comments[-1] += " " + line.lstrip()[1:].strip()
                else:
                    comments.append(line.lstrip())
            elif "#" in line:
                comments += [line[line.index("#") :], ""]
            else:
                comments.append("")
        for text in filter(None, comments):
            for items, values in _enumerations(text):
                lists += 1
                assert set(items) <= set(values), (path.name, text)
                assert items == [v for v in values if v in items], (path.name, text)
                if "Senare: status:" not in text:  # the states a document reaches later
                    assert len(items) == len(values), (path.name, text, values)
    assert lists >= 8


def test_a_body_gets_no_invented_founding_date(scaffolded: Path) -> None:
    bodies = sorted((scaffolded / "organ").glob("ny-*.yaml"))
    assert len(bodies) == 1 + len(allowed_types("organ"))
    for path in bodies:
        text = path.read_text(encoding="utf-8")
        assert "\ninrättad:" not in text and "# inrättad: ÅÅÅÅ-MM-DD" in text


def test_an_action_plan_names_the_lagesbild_it_builds_on(cli, tmp_path: Path) -> None:
    root = tmp_path / "k"
    init_repo(root, "Testby kommun", today=TODAY, install_from="pypi")
    new(root, "dokument", "Åtgärdsplan", typ="åtgärdsplan", eid="atgardsplan", today=TODAY)
    text = (root / "dokument/atgardsplan.yaml").read_text(encoding="utf-8")
    assert "# grundas_på: [strategisk-2026]" in text
    # the first steps in order: no refusal (LAG-ATGARDSPLAN-LAGESBILD) on the way
    for args in (
        ("grundas_på", "[strategisk-2026]"),
        ("antagen_av", "kommunstyrelsen"),
        ("datum", "2026-02-01"),
    ):
        r = cli("set", "dokument/atgardsplan", *args, root)
        assert r.exit_code == 0, r.output
    text = (root / "dokument/atgardsplan.yaml").read_text(encoding="utf-8")
    assert "grundas_på: [strategisk-2026]   # lägesbilden planen beslutas utifrån" in text
    assert "# grundas_på" not in text and "# datum" not in text


def test_meeting_dates_are_parsed_in_the_library() -> None:
    assert meeting_date("2026-04-01") == dt.date(2026, 4, 1)
    assert meeting_date(None, TODAY) == TODAY
    with pytest.raises(UsageError, match="'1 april' är inget giltigt datum"):
        meeting_date("1 april")
    with pytest.raises(UsageError, match="utanför åren"):
        meeting_date("1066-10-14")


def test_options_bfa_new_mote_cannot_use_are_refused_not_dropped(cli, make_repo) -> None:
    # `bfa new mote styrgrupp --date … --id x` wrote 2026-04-01-styrgrupp.yaml and said
    # nothing of the id it had dropped.
    root = make_repo()
    r = cli("new", "mote", "styrgrupp", root, "--date", "2026-04-01", "--id", "x")
    assert r.exit_code == 2 and "--id gäller inte bfa new mote" in r.stderr, r.output
    assert not (root / "moten" / "2026" / "2026-04-01-styrgrupp.yaml").exists()
    r = cli("new", "mote", "styrgrupp", root, "--date", "2026-04-01", "--type", "x")
    assert r.exit_code == 2 and "--type gäller inte bfa new mote" in r.stderr
    r = cli("new", "organ", "Ny grupp", root, "--date", "2026-04-01")
    assert r.exit_code == 2 and "--date gäller bara bfa new mote" in r.stderr


# -- bfa set: lists, placeholders, what it says --------------------------------------------

DOC = """\
# Styrgruppen
namn: Styrgrupp   # som i beslutet
ledamöter:
  - kommundirektor
  # polisen är med
  - kommunpolis
  - samordnare
parter: [kommun, polisen, 'räddningstjänsten']
källa: {typ: egen}
# datum: ÅÅÅÅ-MM-DD   # när det antogs
slut: true
"""


def _edit(path: tuple[str | int, ...], raw: str | None, **kw: bool) -> str:
    return edit_text(DOC, path, raw, **kw)[0]


def test_remove_a_list_item_by_value_and_by_place() -> None:
    out = _edit(("ledamöter",), "kommunpolis", remove=True)
    assert out == DOC.replace("  # polisen är med\n  - kommunpolis\n", "  # polisen är med\n")
    assert _edit(("ledamöter", 0), None, remove=True) == DOC.replace("  - kommundirektor\n", "")
    assert _edit(("parter",), "polisen", remove=True) == DOC.replace(
        "[kommun, polisen, 'räddningstjänsten']", "[kommun, 'räddningstjänsten']"
    )
    assert _edit(("parter", 2), None, remove=True) == DOC.replace(
        "[kommun, polisen, 'räddningstjänsten']", "[kommun, polisen]"
    )
    with pytest.raises(UsageError, match="'polis' finns inte i 'ledamöter'"):
        _edit(("ledamöter",), "polis", remove=True)


def test_remove_the_last_item_leaves_an_empty_list_and_a_key_goes_whole() -> None:
    one = "namn: X\nledamöter:\n  - a\nslut: true\n"
    assert edit_text(one, ("ledamöter",), "a", remove=True)[0] == (
        "namn: X\nledamöter: []\nslut: true\n"
    )
    assert _edit(("källa",), None, remove=True) == DOC.replace("källa: {typ: egen}\n", "")


def test_replace_a_whole_list_or_mapping_in_its_own_style() -> None:
    out, old, new = edit_text(DOC, ("ledamöter",), "[samordnare, 'yes', skolchef]")
    assert old == ["kommundirektor", "kommunpolis", "samordnare"]
    assert new == ["samordnare", "yes", "skolchef"]
    assert "ledamöter:\n  - samordnare\n  - 'yes'\n  - skolchef\nparter:" in out
    assert yaml.safe_load(out)["ledamöter"] == ["samordnare", "yes", "skolchef"]
    assert _edit(("parter",), "[a, b]") == DOC.replace(
        "[kommun, polisen, 'räddningstjänsten']", "[a, b]"
    )
    assert _edit(("källa",), "{typ: medborgarenkät}") == DOC.replace(
        "{typ: egen}", "{typ: medborgarenkät}"
    )
    assert _edit(("ledamöter",), "[]") == DOC.replace(
        "ledamöter:\n  - kommundirektor\n  # polisen är med\n  - kommunpolis\n  - samordnare\n",
        "ledamöter: []\n",
    )


def test_a_new_key_takes_the_place_of_the_commented_placeholder() -> None:
    out = _edit(("datum",), "2026-05-01")
    assert out == DOC.replace(
        "# datum: ÅÅÅÅ-MM-DD   # när det antogs", "datum: 2026-05-01   # när det antogs"
    )
    # no placeholder: the key goes at the end of the mapping, as before
    assert _edit(("ny",), "x") == DOC + "ny: x\n"


def test_crlf_files_keep_their_line_ends_when_items_go() -> None:
    crlf = DOC.replace("\n", "\r\n")
    out = edit_text(crlf, ("ledamöter",), "kommunpolis", remove=True)[0]
    assert "\n" not in out.replace("\r\n", "")
    assert out.replace("\r\n", "\n") == _edit(("ledamöter",), "kommunpolis", remove=True)


def test_texts_bfa_writes_read_back_as_typed() -> None:
    for raw in ["yes", "on", "a: b", "x #y", "3", "2026-13-01", "§ 142", "\u0085x", "a\u2028b"]:
        out, _old, value = edit_text('namn: "x"\n', ("namn",), raw)
        assert yaml.safe_load(out)["namn"] == raw == value, (raw, out)
        assert "\u0085" not in out and "\u2028" not in out  # escaped, never raw
    out = edit_text("namn: x\n", ("namn",), "yes: no")[0]
    assert yaml.safe_load(out) == {"namn": "yes: no"}


@pytest.fixture
def torsby(example: Any) -> Path:
    return Path(example("torsby"))


def test_set_says_what_it_did_in_swedish(cli, make_repo) -> None:
    root = make_repo()
    r = cli("set", "organ/styrgrupp", "uppdrag", "Leder arbetet.", root)
    assert r.exit_code == 0, r.output
    # a text value is quoted, so its own full stop does not end the sentence
    assert r.output.rstrip().endswith("till ”Leder arbetet.”.") and ".." not in r.output
    r = cli("set", "organ/styrgrupp", "ledamöter", "--append", "samordnare", root)
    assert r.exit_code == 0, r.output
    r = cli("set", "organ/styrgrupp", "ledamöter", "--remove", "samordnare", root)
    assert r.exit_code == 0, r.output
    assert "tog bort samordnare ur ledamöter." in r.output
    r = cli("set", "organ/styrgrupp", "ledamöter", "--remove", "finns-ej", root)
    assert r.exit_code == 2 and "'finns-ej' finns inte i 'ledamöter'" in r.stderr
    r = cli("set", "organ/styrgrupp", "ledamöter", root / "x")
    assert r.exit_code == 2


def test_obekraftat_is_struck_with_remove(cli, tmp_path: Path) -> None:
    root = tmp_path / "k"
    init_repo(root, "Testby kommun", today=TODAY, install_from="pypi")
    (hint,) = {
        f.hint
        for f in validate(load_repo(root))
        if f.file == "bfa.yaml" and "'ledning'" in f.message
    }
    assert hint is not None and "bfa set bfa obekräftat --remove ledning" in hint
    r = cli("set", "bfa", "obekräftat", "--remove", "ledning", root)
    assert r.exit_code == 0, r.output
    text = (root / "bfa.yaml").read_text(encoding="utf-8")
    assert "obekräftat: [rapportering, uppföljning]" in text
    assert not [f for f in validate(load_repo(root)) if "'ledning'" in f.message]


def test_init_refuses_collaboration_options_without_collaboration(cli, tmp_path: Path) -> None:
    # `bfa init k --name X --member Y` made a kommun's repository and dropped the member.
    for option in ("--member", "--police-area"):
        r = cli("init", tmp_path / "k", "--name", "Testby kommun", option, "Granby kommun")
        assert r.exit_code == 2, r.output
        assert f"{option} gäller bara ett förråd för en samverkan" in r.stderr
        assert not (tmp_path / "k").exists()


def test_calendar_refuses_today_with_a_single_invitation(cli) -> None:
    # `--today` was dropped without a word when --meeting wrote one invitation.
    from .conftest import EXAMPLES

    args = ("--meeting", "lfr-styrgrupp 2026-10-13", "--today", "2026-01-01")
    r = cli("calendar", EXAMPLES / "torsby", *args)
    assert r.exit_code == 2 and "--today gäller inte --meeting" in r.stderr, r.output
