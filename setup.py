"""Build step: ship the project's top-level templates/ inside the package.

Everything else is declared in pyproject.toml. A wheel gets ``brottsforeb/templates``
(a copy of ``templates/``); an editable install reads ``templates/`` in the checkout
(src/brottsforeb/_templates.py finds either).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithTemplates(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        source = Path(__file__).resolve().parent / "templates"
        target = Path(self.build_lib) / "brottsforeb" / "templates"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildWithTemplates})
