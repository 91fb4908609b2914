"""mgi: read, search and compare IOM Migration Governance Indicators profiles.

    import mgi_cli
    lib = mgi_cli.open()             # the bundled profiles and your library, or open("folder")
    lib.profile("kazakhstan").name   # 'Republic of Kazakhstan'

See mgi_cli.library for the whole API. Names are imported on first use: `mgi` starts on
every Tab of shell completion, and most runs need none of them.
"""

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:  # what type checkers see of the names __getattr__ serves
    from mgi_cli.catalog import UnknownProfile
    from mgi_cli.errors import MgiError, NothingFound
    from mgi_cli.library import Library, open
    from mgi_cli.model import Problem, Profile

__all__ = ["Library", "MgiError", "NothingFound", "Problem", "Profile", "UnknownProfile",
           "__version__", "open"]

_HOMES = {"open": "mgi_cli.library", "Library": "mgi_cli.library",
          "UnknownProfile": "mgi_cli.catalog", "Profile": "mgi_cli.model",
          "Problem": "mgi_cli.model", "MgiError": "mgi_cli.errors",
          "NothingFound": "mgi_cli.errors"}


def __getattr__(name: str) -> object:
    if name in _HOMES:
        from importlib import import_module

        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'mgi_cli' has no attribute {name!r}")
