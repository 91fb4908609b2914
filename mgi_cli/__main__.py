"""`python -m mgi_cli` runs the same app as the `mgi` command."""

from mgi_cli.cli import main

main()
