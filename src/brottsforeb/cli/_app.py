"""The Typer application every command module registers with."""

from __future__ import annotations

import typer

from ._sv import install

install()  # Click's own strings ("Usage:", errors) in Swedish

app = typer.Typer(
    name="bfa",
    help=(
        "bfa – kommunens brottsförebyggande arbete som kod.\n\n"
        "Kontrollerar förrådets YAML-filer mot Lag (2023:196) och Brås rekommendationer, "
        "skriver styrdokumenten, bevakar tidsfrister och gör protokoll av historiken."
    ),
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
