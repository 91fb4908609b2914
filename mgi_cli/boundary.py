"""The one boundary between the core and the shell: the core's exceptions and usage errors
become one line on stderr and an exit code scripts can trust (0 ok, 1 nothing found or
problems found, 2 usage error). No traceback for anything a user did."""

from __future__ import annotations

import sys
from typing import Any

import typer

# typer 0.28 carries its own copy of click (pinned in pyproject.toml): its exceptions are the
# ones raised, not those of a click that may also be installed.
from typer._click import exceptions as click
from typer._click.core import Context
from typer.core import TyperGroup

from mgi_cli.errors import MgiError, NothingFound
from mgi_cli.session import Session

ANYWHERE = ("--no-color", "--no-pager")  # global flags taken after the command too


class Boundary(TyperGroup):
    """The one boundary: the core's exceptions and usage errors become one line on stderr
    and an exit code scripts can trust (0 ok, 1 nothing found or problems, 2 usage)."""

    def invoke(self, ctx: Context) -> Any:
        try:
            return super().invoke(ctx)
        except MgiError as error:
            prefix = "" if isinstance(error, NothingFound) else "Error: "
            typer.echo(f"{prefix}{error}", err=True)
            raise typer.Exit(error.exit_code) from None
        finally:
            if isinstance(ctx.obj, Session):
                ctx.obj.store_warnings()

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        """The global flags work anywhere on the line (`mgi overview --no-color`), as in git
        and gh: they are moved before the command. Not after `--`, where words are words."""
        end = args.index("--") if "--" in args else len(args)
        flags = [arg for arg in args[:end] if arg in ANYWHERE]
        rest = [arg for arg in args[:end] if arg not in ANYWHERE]
        return super().parse_args(ctx, flags + rest + args[end:])

    def main(self, *args: Any, **kwargs: Any) -> Any:
        standalone = kwargs.pop("standalone_mode", True)
        try:  # not standalone: errors come back here instead of being printed by typer
            code = super().main(*args, **{**kwargs, "standalone_mode": False})
        except click.NoArgsIsHelpError as error:  # `mgi` alone: the help, as `mgi -h`
            typer.echo(error.format_message())
            code = 2
        except click.UsageError as error:
            typer.echo(usage_line(error), err=True)
            code = 2
        except click.ClickException as error:
            error.show()
            code = error.exit_code
        except typer.Abort:
            typer.echo("Aborted.", err=True)
            code = 1
        except BrokenPipeError:
            code = _reader_gone()
        if not standalone:
            return code
        sys.exit(code if isinstance(code, int) else 0)


def usage_line(error: click.UsageError) -> str:
    """A usage error in one line: what was wrong, and where help is."""
    message = error.format_message()
    if isinstance(error, click.BadParameter) and not isinstance(error, click.MissingParameter):
        hint = error.param_hint or (error.param.opts if error.param else None)
        if hint:
            message = f"{hint if isinstance(hint, str) else ' / '.join(hint)}: {error.message}"
    if not message.endswith((".", "?", "!")):
        message += "."
    where = f" See '{error.ctx.command_path} -h'." if error.ctx else ""
    return f"Error: {message}{where}"


def _reader_gone() -> int:
    """stdout's reader closed it (`mgi export | head`): stop quietly, as the Python docs
    advise, with stdout pointed at /dev/null so that the exit does not fail flushing it."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 1
