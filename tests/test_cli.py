"""The command line as a curator meets it: exit status, messages, and no traceback."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.conftest import FIXTURES, REPOSITORY, run_cli, snapshot


def run(project: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return run_cli(project, *arguments)


def test_check_accepts_a_valid_catalog(fixture_project: Path) -> None:
    result = run(fixture_project, "check")
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        "The catalog is valid.\nEvery paper has curated tags.\n",
        "",
    )


def test_import_of_a_broken_listing_names_file_and_line(fixture_project: Path) -> None:
    listing = fixture_project / "no-date.txt"
    listing.write_text("new\n\nSome Title\n\nSome abstract.\n", encoding="utf-8")
    broken = fixture_project / "cut-short.txt"
    broken.write_bytes(b"Mar 18\r\n\r\nA Title\r\n\r\nIts abstract.\r\n\r\nA Title Left Alone  \r\n")
    before = snapshot(fixture_project)
    result = run(fixture_project, "import", str(listing), str(broken))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "no-date.txt:3: expected a listing date line such as 'Mar 17', found 'Some Title'\n"
        "cut-short.txt:7: expected an abstract after the title 'A Title Left Alone', found the end of the file\n"
        "2 problems found; nothing was written.\n"
    )
    assert snapshot(fixture_project) == before


def test_import_of_a_missing_file(fixture_project: Path) -> None:
    result = run(fixture_project, "import", str(fixture_project / "missing.txt"))
    assert (result.returncode, result.stderr) == (
        1,
        "missing.txt:0: no such listing file\n1 problem found; nothing was written.\n",
    )


def test_build_stops_before_writing_when_the_data_is_wrong(fixture_project: Path) -> None:
    paper = fixture_project / "data" / "papers" / "plain-paper-without-links.yml"
    paper.write_text(paper.read_text(encoding="utf-8").replace("- speech", "- speach\n- !!python/object:os.system x"))
    result = run(fixture_project, "build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr == (
        "data/papers/plain-paper-without-links.yml:5: invalid YAML: "
        "the YAML tag !!python/object:os.system is not allowed; write plain values\n"
        "1 problem found; nothing was written.\n"
    )
    assert not (fixture_project / "docs" / "papers").exists()
    assert not (fixture_project / "site").exists()


def test_check_reports_every_problem_with_its_line(fixture_project: Path) -> None:
    papers = fixture_project / "data" / "papers"
    plain = papers / "plain-paper-without-links.yml"
    plain.write_text(
        plain.read_text(encoding="utf-8").replace("- speech", "- speach").replace("added:", "colour: red\nadded:")
    )
    (papers / "empty.yml").write_text("", encoding="utf-8")
    result = run(fixture_project, "check")
    assert result.returncode == 1
    assert result.stderr == (
        "data/papers/empty.yml:1: the file is empty; it must hold a YAML mapping\n"
        "data/papers/plain-paper-without-links.yml:4: unknown tag 'speach'; did you mean 'speech'?\n"
        "data/papers/plain-paper-without-links.yml:9: unknown field 'colour' in a paper file; known fields are: "
        "slug, title, tags, suggested_tags, abstract, links, listings, added, aliases, authors, year, published, "
        "arxiv, category, distinct_from\n"
        "3 problems found; nothing was written.\n"
    )


def test_the_bundled_catalog_checks_clean() -> None:
    result = run(REPOSITORY, "check")
    assert (result.returncode, result.stderr) == (0, "")


def test_a_new_listing_can_be_imported_and_built(fixture_project: Path) -> None:
    result = run(fixture_project, "import", str(FIXTURES / "listings" / "crlf-listing.txt"), "--added", "2026-11-22")
    assert (result.returncode, result.stdout) == (
        0,
        "crlf-listing.txt: 'Mar 17' read as Mar 17 2026 (the import date's year; --year sets another)\n"
        "1 paper added, 1 merged, 2 unchanged.\n"
        "New papers have suggested tags only, for curators to confirm: 1 with suggestions, 0 with none.\n"
        "1 paper has no curated tag yet: the site lists them on its Needs tags page (tags/needs-tags/).\n",
    )
    result = run(fixture_project, "build")
    assert result.returncode == 0, result.stderr
    assert (fixture_project / "site" / "papers" / "a-fresh-speech-paper" / "index.html").is_file()


def test_malformed_data_files_are_all_reported_and_nothing_is_written(fixture_project: Path) -> None:
    papers = fixture_project / "data" / "papers"
    (papers / "broken.yml").write_text("slug: broken\ntitle: [unclosed\n", encoding="utf-8")
    (papers / "a-list.yml").write_text("- slug: a-list\n- title: A list\n", encoding="utf-8")
    (papers / "tagged.yml").write_text("slug: !!python/object/apply:os.system [ls]\n", encoding="utf-8")
    (papers / "latin1.yml").write_bytes("slug: latin1\ntitle: Caf\xe9\n".encode("latin-1"))
    (papers / "empty.yml").write_bytes(b"")
    result = run(fixture_project, "build")
    assert result.returncode == 1
    assert result.stderr == (
        "data/papers/a-list.yml:1: a paper file must be a YAML mapping of field: value, found a list\n"
        "data/papers/broken.yml:2: invalid YAML: the list opened with '[' on this line is never closed; "
        "end it with ']'\n"
        "data/papers/empty.yml:1: the file is empty; it must hold a YAML mapping\n"
        "data/papers/latin1.yml:2: the file is not UTF-8 text; save it as UTF-8\n"
        "data/papers/tagged.yml:1: invalid YAML: the YAML tag !!python/object/apply:os.system is not allowed; "
        "write plain values\n"
        "5 problems found; nothing was written.\n"
    )
    assert not (fixture_project / "docs" / "papers").exists()
    assert not (fixture_project / "site").exists()
