"""Saved portal pages and PDF reports, made by the tests from the seeds, read back whole."""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path

import pytest

from mgi_cli import library, loader, store
from mgi_cli.loader import load_paths
from tests.pages import write_html, write_pdf


def squash(text: str) -> str:
    return " ".join(text.split())


def findings(profile):
    return [(b.domain.key, [squash(t) for t in b.strengths], [squash(t) for t in b.gaps])
            for b in profile.domains]


@pytest.fixture(scope="session")
def pages(seeds, tmp_path_factory):
    """Each seed as a saved page (with its _files folder), a bare fragment and a PDF report."""
    folders = {kind: tmp_path_factory.mktemp(kind) for kind in ("html", "fragment", "pdf")}
    for profile in seeds.profiles:
        write_html(profile, folders["html"] / f"{profile.id}.html")
        (folders["html"] / f"{profile.id}_files").mkdir()
        (folders["html"] / f"{profile.id}_files" / "style.css").write_text("p {}")
        write_html(profile, folders["fragment"] / f"{profile.id}.htm", fragment=True)
        write_pdf(profile, folders["pdf"] / f"{profile.id}.pdf")
    return folders


@pytest.mark.parametrize("kind", ["html", "fragment", "pdf"])
def test_every_seed_reads_back_with_every_finding_whole(seeds, pages, kind):
    result = load_paths([pages[kind]])
    assert [p.message for p in result.problems if not p.note] == []
    read = {p.id: p for p in result.profiles}
    assert sorted(read) == sorted(p.id for p in seeds.profiles)
    for seed in seeds.profiles:
        assert findings(read[seed.id]) == findings(seed), seed.id
        assert read[seed.id].title == seed.title
        assert [b.heading.casefold() for b in read[seed.id].domains] == [
            b.heading.casefold() for b in seed.domains]


def test_pdf_mends_split_words_and_keeps_real_hyphens(seeds, pages):
    text = loader.read_text(pages["pdf"] / "kazakhstan.pdf")
    assert "MIGRATION GOVERNANCE INDICATORS" not in text  # the running footer
    # The running header is dropped on every page but kept once, first, as the title.
    assert text.startswith("Migration Governance Profile: Republic of Kazakhstan\n")
    assert any(line.rstrip().endswith("-") for line in text.splitlines())  # it was hyphenated
    (profile,) = load_paths([pages["pdf"] / "azerbaijan.pdf"]).profiles
    assert "natural and man-made disasters" in profile.domains[4].strengths[1]


def test_pdf_two_column_page_reads_in_column_order(pages):
    text = loader.read_text(pages["pdf"] / "kyrgyzstan.pdf")
    assert text.index("MOBILITY DIMENSIONS OF CRISES") < text.index(
        "SAFE, ORDERLY AND REGULAR MIGRATION")


def test_commands_work_on_a_folder_of_pdfs(run, pages):
    result = run("--data-dir", str(pages["pdf"]), "search", "trafficing", "-f", "json")
    assert result.exit_code == 0 and len(json.loads(result.stdout)["hits"]) == 8
    assert run("check", str(pages["pdf"])).exit_code == 0
    shown = run("--data-dir", str(pages["html"]), "show", "la-cruz", "-d", "3", "-f", "json")
    assert json.loads(shown.stdout)["domains"][0]["strengths"][1].endswith(
        "district-level representation.")


def test_a_pdf_is_parsed_once_while_it_is_unchanged(seeds, tmp_path, monkeypatch):
    folder = tmp_path / "pdfs"
    folder.mkdir()
    pdf = folder / "mombasa.pdf"
    write_pdf(next(p for p in seeds.profiles if p.id == "mombasa"), pdf)
    first = library.open(folder).profile("mombasa")
    import mgi_cli.pdf_text

    def never(path):
        raise AssertionError(f"{path} parsed again")

    monkeypatch.setattr(mgi_cli.pdf_text, "pdf_to_text", never)
    again = library.open(folder).profile("mombasa")
    assert findings(again) == findings(first)
    os.utime(pdf, ns=(1, 1))  # a changed file is read again
    with pytest.raises(AssertionError, match="parsed again"):
        library.open(folder)


def test_no_temporary_files_are_left_in_the_cache(pages):
    library.open(pages["pdf"])
    folder = store.cache_folder()
    assert not list(folder.rglob(".*.tmp"))  # atomic.py names them .NAME.XXXXXXXX.tmp


def _scanned_pdf(path: Path) -> None:
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path))
    image = Image.new("L", (200, 100), color=200)
    canvas.drawImage(ImageReader(image), 50, 500, width=400, height=200)
    canvas.showPage()
    canvas.save()


def _encrypted_pdf(path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), encrypt="secret")
    canvas.drawString(72, 720, "Migrants' rights")
    canvas.save()


def test_unreadable_files_get_a_clear_report(run, pages, tmp_path):
    _scanned_pdf(tmp_path / "scan.pdf")
    _encrypted_pdf(tmp_path / "locked.pdf")
    data = (pages["pdf"] / "mombasa.pdf").read_bytes()
    (tmp_path / "truncated.pdf").write_bytes(data[: len(data) // 3])
    (tmp_path / "not-a-pdf.pdf").write_bytes(b"%PDF-1.4 garbage \x00\x01")
    (tmp_path / "news.html").write_text(
        "<html><body><h1>IOM news</h1><p>Nothing about governance.</p></body></html>")
    (tmp_path / "mombasa.html").write_text((pages["html"] / "mombasa.html").read_text())
    result = run("check", str(tmp_path), "-f", "json")
    assert result.exit_code == 1
    report = {Path(f["file"]).name: f["problems"] for f in json.loads(result.stdout)["files"]}
    assert report["mombasa.html"] == []
    assert report["scan.pdf"] == [{"line": 0, "message": "cannot be read: no text layer (a "
                                   "scanned PDF?); mgi cannot read images"}]
    assert report["locked.pdf"][0]["message"].startswith("cannot be read: an encrypted PDF")
    assert report["truncated.pdf"][0]["message"].startswith(
        "cannot be read: a damaged or truncated PDF")
    assert report["not-a-pdf.pdf"][0]["message"].startswith("cannot be read: a damaged")
    assert report["news.html"] == [{"line": 0,
                                    "message": "holds no MGI profile (no domain headings)"}]
    listed = run("--data-dir", str(tmp_path), "list", "-f", "json")
    assert [p["id"] for p in json.loads(listed.stdout)] == ["mombasa"]
    assert listed.stderr.count("warning: ") == 5 and "Traceback" not in listed.stderr


def test_html_entities_breaks_and_furniture():
    from mgi_cli.html_text import html_to_text

    text = html_to_text(
        "<nav><a>Home</a></nav><div class='cookie-banner'>Accept cookies</div>"
        "<script>document.write('<li>x</li>')</script><h3>Migrants&#8217; rights</h3>"
        "<ul><li>Health &amp; education&nbsp;for all.<br>Second line</li></ul>"
        "<footer>IOM</footer>")
    assert text == "Migrants’ rights\n\n• Health & education for all.\nSecond line\n\n"


def test_deeply_nested_html_is_read_in_bounded_time():
    from mgi_cli.html_text import html_to_text

    deep = "<div>" * 20000 + "<h3>Partnerships</h3>" + "</div>" * 20000
    assert html_to_text(deep) == "Partnerships\n\n"


def test_progress_bar_on_a_terminal_does_not_disturb_loading(pages, monkeypatch):
    from mgi_cli import session
    from mgi_cli.terminal import Terminal

    monkeypatch.setattr(session, "PROGRESS_AFTER_SECONDS", 0.0)
    run = session.Session(Terminal(stderr_isatty=True), None)
    result = run.with_progress(lambda on_file: library.read([pages["pdf"]], on_file=on_file))
    assert len(result.profiles) == 5 and [p for p in result.problems if not p.note] == []


# -- titles: the report's own title, never a running header or a site's name -------------------

HEADER = "MIGRATION GOVERNANCE INDICATORS  REPUBLIC OF KAZAKHSTAN | PROFILE 2018"


@pytest.fixture(scope="session")
def kazakhstan(seeds):
    return next(p for p in seeds.profiles if p.id == "kazakhstan")


def test_pdf_title_comes_from_page_one_not_the_running_header(kazakhstan, tmp_path):
    pdf = tmp_path / "kazakhstan.pdf"
    write_pdf(kazakhstan, pdf, header=HEADER, cover=24)
    text = loader.read_text(pdf)
    assert text.startswith(f"{kazakhstan.title}\n\n")
    assert "PROFILE 2018" not in text
    assert "\nRepublic of Kazakhstan\n" not in text  # the cover's lines are read once, as title
    (profile,) = load_paths([pdf]).profiles
    assert (profile.title, profile.name, profile.id) == (
        kazakhstan.title, kazakhstan.name, kazakhstan.id)
    assert findings(profile) == findings(kazakhstan)


def test_pdf_title_from_the_metadata_when_page_one_has_none(kazakhstan, tmp_path):
    pdf = tmp_path / "kazakhstan.pdf"
    write_pdf(kazakhstan, pdf, header=HEADER, stated_title=kazakhstan.title)
    assert loader.read_text(pdf).startswith(f"{kazakhstan.title}\n\n")
    (profile,) = load_paths([pdf]).profiles
    assert (profile.title, profile.name) == (kazakhstan.title, kazakhstan.name)


def test_pdf_title_falls_back_to_the_running_header(kazakhstan, tmp_path):
    pdf = tmp_path / "kazakhstan.pdf"
    write_pdf(kazakhstan, pdf, header=HEADER, stated_title="Microsoft Word - MGI_KAZ_final.docx")
    text = loader.read_text(pdf)
    assert text.startswith(f"{HEADER}\n\n") and text.count("PROFILE 2018") == 1


def test_pdf_metadata_title_in_any_script_is_decoded(kazakhstan, tmp_path):
    title = "Perfil de Gobernanza de la Migración: República de Kazajistán — Қазақстан"
    pdf = tmp_path / "kazakhstan.pdf"
    write_pdf(kazakhstan, pdf, header=HEADER, stated_title=title)
    assert loader.read_text(pdf).startswith(f"{title}\n\n")


@pytest.mark.parametrize("raw, text", [
    (b"Migration Governance Profile: Kenya", "Migration Governance Profile: Kenya"),
    (b"Perfil: Rep\xfablica", "Perfil: República"),  # PDFDocEncoding
    (b"\xfe\xff" + "Profil : Côte d’Ivoire".encode("utf-16-be"), "Profil : Côte d’Ivoire"),
    (b"\xff\xfe" + "Қазақстан".encode("utf-16-le"), "Қазақстан"),
    (b"\xef\xbb\xbf" + "Perfil: Perú".encode(), "Perfil: Perú"),
    (b"  Profile:\r\n Kenya\x00 ", "Profile: Kenya"),
    ("Profile: Kenya", "Profile: Kenya"),
    (None, ""),
    (42, ""),
])
def test_pdf_metadata_strings_are_decoded(raw, text):
    from mgi_cli.pdf_text import _decode

    assert _decode(raw) == text


def _saved_page(profile, path: Path, page_title: str, body_title: bool = True) -> None:
    """A saved portal page with this <title>, with or without the h1 title in its body."""
    write_html(profile, path)
    page = path.read_text(encoding="utf-8")
    page = re.sub(r"<title>.*?</title>", f"<title>{html.escape(page_title)}</title>", page)
    if not body_title:
        page = re.sub(r"<h1>.*?</h1>", "", page)
    path.write_text(page, encoding="utf-8")


@pytest.mark.parametrize("page_title", [
    "Migration Governance Profile: Republic of Kazakhstan | Migration data portal",
    "Migration Governance Indicators Profile 2016 | Kazakhstan - IOM",
    "Republic of Kazakhstan | Migration data portal",
])
def test_saved_page_title_is_the_body_title_never_the_tab_title(kazakhstan, tmp_path,
                                                                 page_title):
    page = tmp_path / "kazakhstan.html"
    _saved_page(kazakhstan, page, page_title)
    text = loader.read_text(page)
    assert text.startswith(f"{kazakhstan.title}\n\n") and page_title not in text
    (profile,) = load_paths([page]).profiles
    assert (profile.title, profile.name, profile.id) == (
        kazakhstan.title, kazakhstan.name, kazakhstan.id)


@pytest.mark.parametrize("page_title", [
    "Migration Governance Profile: Republic of Kazakhstan | Migration data portal",
    "Migration Governance Profile: Republic of Kazakhstan - IOM",
])
def test_saved_page_without_a_body_title_takes_the_tab_title_without_the_site(
        kazakhstan, tmp_path, page_title):
    page = tmp_path / "kazakhstan.html"
    _saved_page(kazakhstan, page, page_title, body_title=False)
    assert loader.read_text(page).startswith(f"{kazakhstan.title}\n\n")
    (profile,) = load_paths([page]).profiles
    assert (profile.title, profile.name, profile.id) == (
        kazakhstan.title, kazakhstan.name, kazakhstan.id)


@pytest.mark.parametrize("page, text", [
    ("<title>Migration Governance Profile: Kenya | Migration data portal</title>"
     "<h1>Migration Governance Profile: County of Mombasa</h1>",
     "Migration Governance Profile: County of Mombasa\n\n"),
    ("<head><title>\n  Republic of Kazakhstan |\n Migration data portal </title></head>"
     "<p>Partnerships</p>", "Republic of Kazakhstan\n\nPartnerships\n\n"),
    ("<title></title><p>Partnerships</p>", "Partnerships\n\n"),
    ("<svg><title>Logo</title></svg><p>Partnerships</p>", "Partnerships\n\n"),
])
def test_html_tab_title_stands_in_only_without_a_body_title(page, text):
    from mgi_cli.html_text import html_to_text

    assert html_to_text(page) == text
