"""Output paths (`export -o`, `--save`) are written as `cp` writes them: a file, or the file a
chain of links names, is replaced atomically with its mode kept (or 0666 less the umask); a
pipe, a device, /dev/stdout, /dev/fd/N and `-` are written in place; an existing file needs
--force for an export; any failure is one line naming the path, never a traceback or a
leftover temporary file (atomic.temporary_files finds the ones atomic.py makes)."""

from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
import threading
from pathlib import Path

import pytest

from mgi_cli.atomic import atomic_path, temporary_files, write_file, writes_in_place
from mgi_cli.errors import MgiError
from mgi_cli.export import write_text


@pytest.fixture(scope="module")
def csv_text():
    from typer.testing import CliRunner

    from mgi_cli.cli import app

    return CliRunner().invoke(app, ["export", "-f", "csv"]).stdout


def leftovers(folder: Path, name: str) -> list[Path]:
    return temporary_files(folder, name)


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@contextlib.contextmanager
def umask(mask: int):
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


class Reader(threading.Thread):
    """Reads a pipe to its end, as `gzip` would at the other end of `>(gzip > x.gz)`."""

    def __init__(self, path: Path | int):
        super().__init__(daemon=True)
        self.path, self.data = path, b""

    def run(self):
        with open(self.path, "rb") as stream:
            self.data = stream.read()


# -- which paths are written in place -----------------------------------------------------------

@pytest.mark.parametrize(("make", "in_place"), [
    (lambda p: p, False),                                                   # missing
    (lambda p: (p.write_text("x"), p)[1], False),                           # a file
    (lambda p: (p.with_name("t").write_text("x"), p.symlink_to("t"), p)[2], False),  # a link
    (lambda p: (p.symlink_to("nowhere"), p)[1], False),                     # a dangling link
    (lambda p: (os.mkfifo(p), p)[1], True),
    (lambda p: (p.mkdir(), p)[1], True),
    (lambda p: Path("/dev/null"), True),
    (lambda p: Path("/dev/stdout"), True),
    (lambda p: Path("/dev/fd/1"), True),
    (lambda p: Path("/proc/self/fd/1"), True),
])
def test_what_is_written_in_place(tmp_path, make, in_place):
    assert writes_in_place(make(tmp_path / "out")) is in_place


# -- regular files and links --------------------------------------------------------------------

def test_links_are_followed_and_kept(run, tmp_path, csv_text):
    real = tmp_path / "real"
    real.mkdir()
    (real / "latest-2024.csv").write_text("old\n", encoding="utf-8")
    (tmp_path / "middle.csv").symlink_to(real / "latest-2024.csv")
    link = tmp_path / "latest.csv"
    link.symlink_to("middle.csv")
    result = run("export", "-f", "csv", "-o", str(link), "--force")
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and (tmp_path / "middle.csv").is_symlink()
    assert (real / "latest-2024.csv").read_text(encoding="utf-8") == csv_text
    assert not leftovers(real, "latest-2024.csv") and not leftovers(tmp_path, "latest.csv")


def test_a_dangling_link_creates_the_file_it_names(run, tmp_path, csv_text):
    link = tmp_path / "latest.csv"
    link.symlink_to("made.csv")
    assert run("export", "-f", "csv", "-o", str(link)).exit_code == 0
    assert link.is_symlink() and (tmp_path / "made.csv").read_text(encoding="utf-8") == csv_text


@pytest.mark.parametrize("form", ["csv", "json"])
def test_an_existing_file_needs_force(run, tmp_path, form):
    target = tmp_path / f"out.{form}"
    target.write_text("keep me\n", encoding="utf-8")
    refused = run("export", "-f", form, "-o", str(target))
    assert refused.exit_code == 2
    assert refused.stderr == f"Error: {str(target)!r} exists; add --force to overwrite it.\n"
    assert target.read_text(encoding="utf-8") == "keep me\n"
    assert run("export", "-f", form, "-o", str(target), "--force").exit_code == 0
    assert target.read_text(encoding="utf-8") != "keep me\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


@pytest.mark.parametrize("mask", [0o022, 0o077])
def test_new_files_follow_the_umask_and_old_files_keep_their_mode(run, tmp_path, mask):
    new, old = tmp_path / "new.csv", tmp_path / "old.csv"
    old.write_text("x", encoding="utf-8")
    old.chmod(0o644)
    with umask(mask):
        assert run("export", "-f", "csv", "-o", str(new)).exit_code == 0
        assert run("export", "-f", "csv", "-o", str(old), "--force").exit_code == 0
        assert run("list", "--save", str(tmp_path / "new.svg")).exit_code == 0
    assert mode(new) == mode(tmp_path / "new.svg") == 0o666 & ~mask
    assert mode(old) == 0o644


# -- pipes, devices, descriptors ----------------------------------------------------------------

def test_a_fifo_is_written_in_place_without_force(run, tmp_path, csv_text):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    reader = Reader(fifo)
    reader.start()
    result = run("export", "-f", "csv", "-o", str(fifo))
    reader.join(timeout=10)
    assert result.exit_code == 0, result.output
    assert reader.data.decode("utf-8") == csv_text
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fifo"]


def test_dev_fd_n_as_bash_gives_it_for_a_process_substitution(run, csv_text):
    read_end, write_end = os.pipe()
    reader = Reader(read_end)
    reader.start()
    try:
        result = run("export", "-f", "csv", "-o", f"/dev/fd/{write_end}")
    finally:
        os.close(write_end)
    reader.join(timeout=10)
    assert result.exit_code == 0, result.output
    assert reader.data.decode("utf-8") == csv_text


def test_dash_is_stdout(run, tmp_path, monkeypatch, csv_text):
    monkeypatch.chdir(tmp_path)
    result = run("export", "-f", "csv", "-o", "-")
    assert result.exit_code == 0 and result.stdout == csv_text
    assert list(tmp_path.iterdir()) == []


def test_dev_stdout_on_a_pipe(run, csv_text):
    def job():
        read_end, write_end = os.pipe()
        os.dup2(write_end, 1)
        os.close(write_end)
        reader = Reader(read_end)
        reader.start()
        result = run("export", "-f", "csv", "-o", "/dev/stdout")
        os.close(1)  # the reader's end of file
        reader.join(timeout=10)
        return [result.exit_code, result.stderr, reader.data.decode("utf-8")]

    assert in_a_child(job) == [0, "", csv_text]


def test_dev_stdout_on_a_file_the_shell_opened_keeps_what_is_there(run, csv_text):
    """As in `{ echo before; mgi export -o /dev/stdout; } > file`: nothing is cut or renamed."""
    def job():
        with tempfile.TemporaryFile() as file:
            os.dup2(file.fileno(), 1)
            os.write(1, b"before\n")
            result = run("export", "-f", "csv", "-o", "/dev/stdout")
            file.seek(0)
            return [result.exit_code, result.stderr, file.read().decode("utf-8")]

    assert in_a_child(job) == [0, "", "before\n" + csv_text]


@pytest.fixture
def full_device(tmp_path):
    """/dev/full, or as root a private node like it: were it replaced, nothing else would be."""
    if os.geteuid() != 0:
        return Path("/dev/full")
    node = tmp_path / "full"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    try:
        open(node, "wb").close()
    except OSError:
        pytest.skip("device nodes do not open here (a nodev file system)")
    return node


def test_a_device_is_written_in_place_and_its_failure_is_one_line(run, full_device):
    result = run("export", "-f", "csv", "-o", str(full_device))
    assert result.exit_code == 2
    assert result.stderr == f"Error: Cannot write {str(full_device)!r}: No space left on device.\n"
    assert stat.S_ISCHR(os.lstat(full_device).st_mode)
    assert not leftovers(full_device.parent, "full")


# -- --save ---------------------------------------------------------------------------------------

def test_save_follows_links_and_replaces_as_it_always_has(run, tmp_path):
    target = tmp_path / "table.txt"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "latest.txt"
    link.symlink_to(target)
    result = run("list", "--save", str(link))  # no --force: --save never asked for one
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and "kazakhstan" in target.read_text(encoding="utf-8")
    assert mode(target) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["latest.txt", "table.txt"]


def test_save_to_a_fifo_is_written_in_place(run, tmp_path):
    fifo = tmp_path / "table.txt"
    os.mkfifo(fifo)
    reader = Reader(fifo)
    reader.start()
    result = run("list", "--save", str(fifo))
    reader.join(timeout=10)
    assert result.exit_code == 0, result.output
    assert b"kazakhstan" in reader.data and stat.S_ISFIFO(os.lstat(fifo).st_mode)


# -- failures -----------------------------------------------------------------------------------

def in_a_child(job):
    """Run `job` in a forked child and return what it returns (JSON). A child may move its own
    descriptor 1 freely; and as root it becomes `nobody` first, so that permissions apply (root
    ignores a read-only folder) and a broken writer cannot replace /dev/stdout itself."""
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child reports through the pipe
        try:
            if os.geteuid() == 0:
                os.setgid(65534)
                os.setuid(65534)
            os.environ["MGI_CACHE_DIR"] = ""  # the test cache folder may be root's
            try:
                answer = job()
            except BaseException as error:  # noqa: BLE001 - shown by the parent's assert
                answer = f"the child failed: {error!r}"
            os.write(write_end, json.dumps(answer).encode())
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as stream:
        data = stream.read()
    os.waitpid(child, 0)
    return json.loads(data)


@pytest.mark.parametrize("args", [["export", "-f", "csv", "-o"], ["export", "-f", "json", "-o"],
                                  ["list", "--save"]])
def test_a_read_only_folder_is_one_line(run, args):
    folder = Path(tempfile.mkdtemp())  # under /tmp, where `nobody` can reach it
    try:
        folder.chmod(0o555)
        target = folder / ("out.txt" if "--save" in args else "out.csv")

        def job():
            result = run(*args, str(target))
            return [result.exit_code, result.stderr, [p.name for p in folder.iterdir()]]

        assert in_a_child(job) == [
            2, f"Error: Cannot write {str(target)!r}: Permission denied.\n", []]
    finally:
        folder.chmod(0o755)
        folder.rmdir()


def test_a_link_loop_is_one_line(run, tmp_path):
    (tmp_path / "a.csv").symlink_to("b.csv")
    (tmp_path / "b.csv").symlink_to("a.csv")
    result = run("export", "-f", "csv", "-o", str(tmp_path / "a.csv"))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"Error: Cannot write {str(tmp_path / 'a.csv')!r}: ")
    assert "Traceback" not in result.output


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(run, tmp_path, monkeypatch):
    target = tmp_path / "out.csv"
    target.write_text("old\n", encoding="utf-8")

    def full(self, *args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_text", full)
    result = run("export", "-f", "csv", "-o", str(target), "--force")
    monkeypatch.undo()
    assert result.exit_code == 2
    assert result.stderr == f"Error: Cannot write {str(target)!r}: No space left on device.\n"
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]  # whatever its name


@pytest.mark.parametrize("stop", [KeyboardInterrupt, OSError])
def test_an_interrupted_or_failed_write_leaves_the_folder_as_it_was(tmp_path, stop):
    target = tmp_path / "out.csv"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(stop), atomic_path(target) as temporary:
        # What the tests look for is what the writer writes: a pattern that missed the
        # temporary file would pass every "no leftovers" check while files leaked.
        assert temporary_files(tmp_path) == temporary_files(tmp_path, "out.csv") == [temporary]
        temporary.write_text("half", encoding="utf-8")
        raise stop
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]
    assert target.read_text(encoding="utf-8") == "old\n"
    assert temporary_files(tmp_path) == []


def test_temporary_files_are_found_for_names_that_look_like_patterns(tmp_path):
    with atomic_path(tmp_path / "[a]*.csv") as temporary:
        assert temporary_files(tmp_path, "[a]*.csv") == [temporary]
        assert temporary_files(tmp_path, "a.csv") == []


def test_direct_calls(tmp_path):
    target = tmp_path / "x.txt"
    write_file(target, "one\n")
    with pytest.raises(MgiError, match="add --force"):
        write_text(target, "two\n")
    write_text(target, "two\n", force=True)
    assert target.read_text(encoding="utf-8") == "two\n"
    with pytest.raises(MgiError, match="Is a directory"):
        write_text(tmp_path, "x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.txt"]
