"""The floor mgi is measured against: a bare Typer app that prints a Rich table."""

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer()


@app.command()
def show() -> None:
    table = Table("Domain", "Findings")
    table.add_row("Partnerships", "Kazakhstan is a member of two regional consultative processes.")
    Console().print(table)


if __name__ == "__main__":
    app()
