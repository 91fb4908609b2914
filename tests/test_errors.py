"""What a user asks wrongly gets one line on stderr, never a traceback: exit 2 for a usage
error (an unknown profile or domain, a bad query, a missing folder, a path mgi cannot write),
exit 1 for nothing found; no control character from the request is echoed."""

from __future__ import annotations

import pytest

from mgi_cli.cli import app
from tests.samples import CONTROL


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "kazakstan"], "Error: Unknown profile 'kazakstan'. Did you mean: kazakhstan?"),
        (["show", "k"], "Error: Profile 'k' is ambiguous: it could be kazakhstan, kyrgyzstan."),
        (["show", "kaz", "--domain", "migra"], "Error: Unknown domain 'migra'."),
        (["search", ""], "Error: The search query is empty."),
        (["search", "   "], "Error: The search query is empty."),
    ],
)
def test_user_errors_exit_2_with_one_line(run, args, message):
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1
    assert "Traceback" not in result.output


def test_missing_argument_is_usage_error(run):
    result = run("show")
    assert result.exit_code == 2 and "Traceback" not in result.output


@pytest.mark.parametrize(("args", "code", "message"), [
    (["search", "x" * 10_000], 2, "Error: The search query is over 500 characters"),
    (["search", "   \t "], 2, "Error: The search query is empty."),
    (["search", "(.*)[a-z]+\\"], 1, "No findings match"),
    (["search", '"unbalanced quote'], 1, "No findings match"),
    (["search", "***"], 2, "Error: The search query '***' has no words"),
    (["show", "nowhere"], 2, "Error: Unknown profile 'nowhere'."),
    (["show", "\x1b[2Jkaz"], 2, "Error: Unknown profile '\\x1b[2Jkaz'."),
    (["show", "kaz", "-d", "9"], 2, "Error: Unknown domain '9'."),
    (["--data-dir", "/no/such/folder", "list"], 2, "Error: The data folder '/no/such/folder'"),
    (["export", "-f", "csv", "-o", "/no/such/folder/out.csv"], 2,
     "Error: Cannot write '/no/such/folder/out.csv'"),
    (["list", "--save", "/no/such/folder/out.svg"], 2, "Error: Cannot write"),
])
def test_bad_requests_get_one_clear_line(run, args, code, message):
    result = run(*args)
    assert result.exit_code == code, result.output
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1
    assert "Traceback" not in result.output and not CONTROL.search(result.stderr)


def test_pretty_exceptions_never_show_local_variables():
    assert app.pretty_exceptions_show_locals is False
