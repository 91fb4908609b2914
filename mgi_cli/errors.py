"""The exceptions the core raises; cli.py turns each into one line on stderr and an exit code."""


class MgiError(Exception):
    """Something the user asked for cannot be done as asked (exit 2)."""

    exit_code = 2


class NothingFound(MgiError):
    """A valid request that matched nothing (exit 1)."""

    exit_code = 1


class NotEditions(MgiError):
    """Profiles `mgi diff` cannot set apart as editions of one profile in one language (exit 2):
    two different profiles, one profile twice, two languages, or not one or two profiles."""


class UnreadableFile(MgiError):
    """A file that is not a readable profile (its message says why)."""
