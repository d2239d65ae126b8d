"""Help that reads as a manual page does: `PATH...`, `--out FILE`, `--jobs INTEGER`, and
nothing after a switch.

Typer (0.29) shows each parameter's Python type (`<str>`, `<bool>`, `<list[str]>`) and a
required argument in braces (`{paths}...`). Its parameters are shown here as click always
showed them: an option's metavar if it has one, else its type in capitals or its choices;
an argument by its name alone. Help is plain text (no rich panels): click re-wraps each
paragraph whole, where rich kept a docstring's line breaks in mid-sentence, and `--help`
need not import rich.
"""

from __future__ import annotations

from typing import Any

from typer.core import TyperArgument, TyperGroup, TyperOption

# Typer's type label (inside its <>) → the metavar click would show.
_TYPE_NAMES = {"str": "TEXT", "int": "INTEGER", "float": "NUMBER", "Path": "PATH"}


class _Option(TyperOption):
    def display_type_rich(self, ctx: Any) -> str | None:
        if self.metavar is not None:
            return self.metavar
        label = self.display_type(ctx).strip("<>").removesuffix(" range")
        if "|" in label:  # choices
            return f"[{label}]"
        return _TYPE_NAMES.get(label, label.upper())


class _Argument(TyperArgument):
    def _label(self) -> str:
        name = self.metavar or (self.name or "").upper()
        return name if self.nargs == 1 else f"{name}..."

    def display_type_rich(self, ctx: Any) -> str | None:  # noqa: ARG002  (called by keyword)
        return None  # the name says what it is

    def _rich_display_name(self) -> str:
        return self._label()

    def get_usage_pieces(self, ctx: Any) -> list[str]:  # noqa: ARG002
        return [self._label() if self.required else f"[{self._label()}]"]


def _plain(command: Any) -> None:
    """Show `command`'s parameters (and its subcommands', for a group) plainly: the same
    objects, as subclasses that change only how they are shown."""
    for param in command.params:
        if type(param) is TyperOption:
            param.__class__ = _Option
        elif type(param) is TyperArgument:
            param.__class__ = _Argument
    for sub in getattr(command, "commands", {}).values():
        _plain(sub)


class PlainGroup(TyperGroup):
    """The command line's group: its commands' help as this module shows it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _plain(self)
