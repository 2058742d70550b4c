"""The example box lists exactly the marked values a document shows (L1).

A new repository's bfa.yaml has `ledning`, `rapportering` and `uppföljning` filled in by
bfa and not yet confirmed. The riktlinje shows them and says so in its box; the
åtgärdsplan and the mötesplan do not show them, and their box listed them anyway. Each
document kind names the bfa.yaml keys it shows (``DocumentKind.bfa_keys``); a key outside
the set must not change the document, which is checked by removing it.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from brottsforeb import load_repo
from brottsforeb.render import DOCUMENTS, render, render_all
from brottsforeb.render._documents import sources
from brottsforeb.scaffold import init_repo

from .conftest import EXAMPLES

BOX = re.compile(r"^> \*\*Exempeldata\.\*\*.*$", re.M)


def _box(markdown: str) -> str:
    m = BOX.search(markdown)
    return m.group(0) if m else ""


def test_a_new_repositorys_box_names_bfa_yaml_only_where_the_values_are_shown(
    tmp_path: Path,
) -> None:
    init_repo(tmp_path / "ale", "Ale kommun")
    docs = {d.name: d.markdown for d in render_all(load_repo(tmp_path / "ale"))}
    assert "bfa.yaml (obekräftat: ledning, rapportering, uppföljning)" in _box(docs["riktlinje"])
    # the uppföljning says who it is reported to (uppföljning.organ); it never reads
    # rapportering, so the box must not name it
    assert "bfa.yaml (obekräftat: uppföljning)" in _box(docs["uppfoljning"])
    for name in ("atgardsplan", "motesplan", "lagesbild", "samverkansoverenskommelse"):
        assert "bfa.yaml" not in _box(docs[name]), (name, _box(docs[name]))


@pytest.mark.parametrize("example", ["torsby", "sodra-lappland-exempel/samverkan"])
def test_a_bfa_yaml_key_a_document_does_not_show_does_not_change_it(
    tmp_path: Path, example: str
) -> None:
    base = load_repo(EXAMPLES / example)
    kinds = [
        k
        for k in DOCUMENTS.values()
        if k.bfa_keys is not None and sources(base, k) and k.in_all(base)
    ]
    assert kinds
    before = {k.name: [BOX.sub("", d.markdown) for d in render(base, k.name)] for k in kinds}
    yaml = YAML()
    for key in list(yaml.load((EXAMPLES / example / "bfa.yaml").read_text(encoding="utf-8"))):
        if all(key in k.bfa_keys for k in kinds if k.bfa_keys is not None):
            continue
        root = tmp_path / key
        shutil.copytree(EXAMPLES / example, root)
        data = yaml.load((root / "bfa.yaml").read_text(encoding="utf-8"))
        del data[key]
        with (root / "bfa.yaml").open("w", encoding="utf-8") as fh:
            yaml.dump(data, fh)
        repo = load_repo(root)
        for kind in kinds:
            assert kind.bfa_keys is not None
            if key in kind.bfa_keys or key == "exempeldata":
                continue
            after = [BOX.sub("", d.markdown) for d in render(repo, kind.name)]
            assert after == before[kind.name], f"{kind.name} shows bfa.yaml's '{key}'"
