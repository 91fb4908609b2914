"""The exceptions the core raises; cli.py turns each into one line on stderr and an exit code."""


class MgiError(Exception):
    """Something the user asked for cannot be done as asked (exit 2)."""

    exit_code = 2


class NothingFound(MgiError):
    """A valid request that matched nothing (exit 1)."""

    exit_code = 1


class UnreadableFile(MgiError):
    """A file that is not a readable profile (its message says why)."""
