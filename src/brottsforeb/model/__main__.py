"""``python -m brottsforeb.model``: build the models' validators and keep them for later
runs (see _prebuilt.py), as ``python -m compileall`` writes bytecode."""

from __future__ import annotations

import sys

from . import FILE_MODELS, _prebuilt

written = _prebuilt.write(FILE_MODELS)
if written is None:
    sys.stderr.write(
        "bfa: fel: modellernas validerare gick inte att spara (mappen är skrivskyddad).\n"
    )
    sys.exit(1)
sys.stdout.write(f"{written}\n")
