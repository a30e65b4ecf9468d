"""Golden files for the rendered Markdown of the fixture catalog; `make golden` rewrites them."""

from __future__ import annotations

import dataclasses
import datetime
import gzip
import os
from pathlib import Path

import feedparser  # type: ignore[import-untyped]
import pytest

from generator.bench.synthetic import synthetic_catalog
from generator.catalog.model import Catalog, Listing, Paper, newest_first
from generator.catalog.store import load_catalog
from generator.output.writer import FileContent
from generator.site.citation import bibliography
from generator.site.exports import papers_json
from generator.site.render import TAG_FEED_ENTRIES, SiteRenderer, render_catalog, source_of_page
from tests.conftest import FIXTURES

GOLDEN = Path(__file__).parent / "golden"
REFRESH = os.environ.get("REFRESH_GOLDEN") == "1"
PAGES = (
    "papers/masked-speech-with-a-star-search.md",
    "papers/a-benchmark-with-data-and-models.md",
    "papers/plain-paper-without-links.md",
    "tags/speech.md",
    "tags/index.md",
    "tags/needs-tags.md",
    "papers/index.md",
    "index.md",
    "feed.xml",
    "tags/speech/papers.bib.gz",
)


@pytest.fixture(scope="module")
def pages() -> dict[str, FileContent]:
    catalog_dir = FIXTURES / "catalog"
    loaded, problems = load_catalog(catalog_dir / "data", catalog_dir)
    assert problems == []
    return render_catalog(loaded.catalog, "https://example.org/shelf/")


def text_of(content: FileContent) -> str:
    """A rendered file as text: pages and feeds as they are, gzip-compressed exports unpacked."""
    return gzip.decompress(content).decode("utf-8") if isinstance(content, bytes) else content


@pytest.mark.parametrize("page", PAGES)
def test_page_matches_its_golden_file(pages: dict[str, FileContent], page: str) -> None:
    golden = GOLDEN / page.removesuffix(".gz")  # a compressed export's golden file is its text
    if REFRESH:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text_of(pages[page]), encoding="utf-8")
    assert golden.exists(), f"no golden file {golden}; run `make golden` and review it"
    assert text_of(pages[page]) == golden.read_text(encoding="utf-8")


def test_every_page_of_the_fixture_catalog_is_rendered(pages: dict[str, FileContent]) -> None:
    assert sorted(pages) == sorted(
        [
            "index.md",
            "papers/index.md",
            "tags/index.md",
            "tags/needs-tags.md",
            "papers/a-benchmark-with-data-and-models.md",
            "papers/masked-speech-with-a-star-search.md",
            "papers/plain-paper-without-links.md",
            "tags/benchmarks.md",
            "tags/masked-modelling.md",
            "tags/speech.md",
            "data.md",
            "feed.xml",
            "papers.json.gz",
            "papers.bib.gz",
            "tags/benchmarks/feed.xml",
            "tags/benchmarks/papers.bib.gz",
            "tags/masked-modelling/feed.xml",
            "tags/masked-modelling/papers.bib.gz",
            "tags/speech/feed.xml",
            "tags/speech/papers.bib.gz",
        ]
    )


def test_exports_are_gzipped_the_same_each_time_and_unpack_to_the_exported_text(
    pages: dict[str, FileContent], fixture_catalog: Catalog
) -> None:
    reordered = dataclasses.replace(fixture_catalog, papers=tuple(reversed(fixture_catalog.papers)))
    again = render_catalog(reordered, "https://example.org/shelf/")
    compressed = {path: content for path, content in pages.items() if isinstance(content, bytes)}
    assert sorted(compressed) == [
        "papers.bib.gz",
        "papers.json.gz",
        "tags/benchmarks/papers.bib.gz",
        "tags/masked-modelling/papers.bib.gz",
        "tags/speech/papers.bib.gz",
    ]
    assert {path: again[path] for path in compressed} == compressed
    renderer = SiteRenderer(fixture_catalog, "https://example.org/shelf/")
    unpacked = {
        path.removesuffix(".gz"): gzip.decompress(content).decode("utf-8") for path, content in compressed.items()
    }
    assert unpacked == renderer.render_exports() | renderer.render_bibliographies()
    assert unpacked["papers.json"] == papers_json(fixture_catalog, renderer.url_of)
    everything = newest_first(fixture_catalog.papers)
    assert unpacked["papers.bib"] == bibliography(everything, renderer.url_of)
    speech = [paper for paper in everything if "speech" in paper.tags]
    assert unpacked["tags/speech/papers.bib"] == bibliography(speech, renderer.url_of) != ""


@pytest.fixture(scope="module")
def long_lists() -> dict[str, str]:
    """401 papers, all with the tag speech: three pages of 200 in the list of all papers and in speech's."""
    catalog_dir = FIXTURES / "catalog"
    loaded, problems = load_catalog(catalog_dir / "data", catalog_dir)
    assert problems == []
    added = datetime.date(2024, 1, 1)
    papers = tuple(
        Paper(f"paper-{n:03d}", f"Paper {n:03d}", "One sentence. Two.", ("speech",), (), (), added) for n in range(401)
    )
    return SiteRenderer(Catalog(papers, loaded.catalog.tags), "https://example.org/shelf/").render_all()


def pager_of(text: str) -> list[str]:
    lines = text.splitlines()
    return [line for number, line in enumerate(lines[:-1]) if lines[number + 1] == "{ .ps-pager }"]


def test_long_lists_are_cut_into_pages_that_link_to_each_other(long_lists: dict[str, str]) -> None:
    assert sorted(path for path in long_lists if "/page/" in path) == [
        "papers/page/2.md",
        "papers/page/3.md",
        "tags/speech/page/2.md",
        "tags/speech/page/3.md",
    ]
    assert (
        pager_of(long_lists["papers/index.md"])
        == ['Page 1 of 3 · [Next ›](page/2.md){ rel="next" } · [Last »](page/3.md)'] * 2
    )
    assert (
        pager_of(long_lists["papers/page/2.md"])
        == ['[‹ Previous](../../papers/index.md){ rel="prev" } · Page 2 of 3 · [Next ›](3.md){ rel="next" }'] * 2
    )
    assert (
        pager_of(long_lists["tags/speech/page/3.md"])
        == ['[« First](../../../tags/speech.md) · [‹ Previous](2.md){ rel="prev" } · Page 3 of 3'] * 2
    )


def test_each_page_lists_its_slice_under_a_numbered_title(long_lists: dict[str, str]) -> None:
    second = long_lists["papers/page/2.md"]
    assert "\n# All papers, page 2 of 3\n\n401 papers, 0 with code, newest first; here 201 to 400.\n" in second
    assert second.count("{ .ps-title }") == 200
    assert "[Paper 200](../../papers/paper-200.md)" in second and "paper-199.md" not in second
    last = long_lists["tags/speech/page/3.md"]
    assert "\n# Speech, page 3 of 3\n" in last
    assert "\n401 papers (401 to 401 here) · [All tags](../../../tags/index.md) · " in last
    assert last.count("{ .ps-title }") == 1
    assert "description: Every paper in the catalog, newest first, page 2 of 3.\n" in second


@pytest.mark.parametrize(
    ("page", "source"),
    [
        ("papers/index.md", None),
        ("papers/page/2.md", None),
        ("tags/speech.md", "data/tags.yml"),
        ("tags/speech/page/2.md", "data/tags.yml"),
        ("papers/page.md", "data/papers/page.yml"),
    ],
)
def test_pages_of_a_list_are_edited_where_their_first_page_is(page: str, source: str | None) -> None:
    assert source_of_page(page) == source


def test_a_tag_feed_holds_its_newest_20_papers_and_the_catalog_feed_50(bundled: Catalog) -> None:
    catalog = synthetic_catalog(400, bundled)
    feeds = SiteRenderer(catalog, "https://example.org/shelf/").render_feeds()
    largest = max(catalog.tags, key=lambda tag: sum(tag.slug in paper.tags for paper in catalog.papers))
    assert TAG_FEED_ENTRIES == 20
    assert len(feedparser.parse(feeds[f"tags/{largest.slug}/feed.xml"]).entries) == 20
    assert len(feedparser.parse(feeds["feed.xml"]).entries) == 50


def untagged_catalog(fixture_catalog: Catalog) -> Catalog:
    """The fixture catalog with two imported papers no curator has tagged: one with a suggestion, one without."""
    base = fixture_catalog.papers[0]
    suggested = dataclasses.replace(
        base,
        slug="suggested-speech",
        title="Suggested Speech",
        tags=(),
        suggested_tags=("speech", "benchmarks"),
        aliases=(),
    )
    bare = dataclasses.replace(base, slug="bare-paper", title="Bare Paper", tags=(), suggested_tags=(), aliases=())
    return Catalog(
        papers=tuple(sorted((*fixture_catalog.papers, suggested, bare), key=lambda p: p.slug)),
        tags=fixture_catalog.tags,
    )


def test_untagged_papers_are_listed_for_curators_and_keep_their_pages(fixture_catalog: Catalog) -> None:
    catalog = untagged_catalog(fixture_catalog)
    pages = SiteRenderer(catalog, "https://example.org/shelf/", "https://github.com/o/r/edit/main/").render_all()
    needs = str(pages["tags/needs-tags.md"])
    assert "2 papers have no curated tag yet." in needs
    assert (
        "- [Bare Paper](../papers/bare-paper.md){ .ps-title } · "
        "[Edit](https://github.com/o/r/edit/main/data/papers/bare-paper.yml)"
    ) in needs
    assert (
        "- [Suggested Speech](../papers/suggested-speech.md){ .ps-title } · suggested: Speech, Benchmarks · "
        "[Edit](https://github.com/o/r/edit/main/data/papers/suggested-speech.yml)"
    ) in needs
    assert "2 papers need tags: [Needs tags](needs-tags.md) lists them, for curators." in str(pages["tags/index.md"])
    suggested_page = str(pages["papers/suggested-speech.md"])
    assert (
        "[Speech (suggested)](../tags/speech.md){ .ps-suggested }\n"
        "[Benchmarks (suggested)](../tags/benchmarks.md){ .ps-suggested }\n{ .ps-chips }"
    ) in suggested_page
    assert "move it from `suggested_tags` to `tags`" in suggested_page
    bare_page = str(pages["papers/bare-paper.md"])
    assert "{ .ps-chips }" not in bare_page
    assert "No curator has tagged this paper yet. Edit the paper's file" in bare_page
    # A suggested tag puts the paper on the tag's page; a paper without tags is on the list of all papers.
    assert "(../papers/suggested-speech.md)" in str(pages["tags/speech.md"])
    assert "bare-paper.md" in str(pages["papers/index.md"])
    feeds = SiteRenderer(catalog, "https://example.org/shelf/").render_feeds()
    assert "suggested-speech" in feeds["tags/speech/feed.xml"]
    assert "bare-paper" in feeds["feed.xml"]


def test_a_paper_with_curated_and_suggested_tags_shows_both(fixture_catalog: Catalog) -> None:
    base = next(paper for paper in fixture_catalog.papers if paper.tags == ("speech",))
    paper = dataclasses.replace(base, suggested_tags=("masked-modelling", "speech"))
    catalog = dataclasses.replace(
        fixture_catalog, papers=tuple(paper if p.slug == base.slug else p for p in fixture_catalog.papers)
    )
    page = str(SiteRenderer(catalog, "https://example.org/").render_all()[f"papers/{base.slug}.md"])
    assert (
        "[Speech](../tags/speech.md)\n[Masked modelling (suggested)](../tags/masked-modelling.md){ .ps-suggested }"
        in page
    )
    assert 'Tags marked "suggested" are the catalog\'s guesses' in page


def test_a_paper_listed_twice_names_both_listings_with_their_years(fixture_catalog: Catalog) -> None:
    base = fixture_catalog.papers[0]
    listings = (Listing("Mar 17", "a.txt", 2025, 3), Listing("Mar 20", "b.txt"))
    paper = dataclasses.replace(base, listings=listings)
    catalog = dataclasses.replace(fixture_catalog, papers=(paper, *fixture_catalog.papers[1:]))
    page = str(SiteRenderer(catalog, "https://example.org/").render_all()[f"papers/{base.slug}.md"])
    assert "Daily papers of Mar 17, 2025 (a.txt); Daily papers of Mar 20 (b.txt)." in page


HOSTILE_AUTHORS = ("<script>alert(1)</script>", 'Brace } and "Quote"', *(f"Author {n}_*" for n in range(10)))


def page_of(fixture_catalog: Catalog, **identity: object) -> str:
    """The page of the fixture catalog's plain paper, given the identity fields in `identity`."""
    base = next(paper for paper in fixture_catalog.papers if paper.slug == "plain-paper-without-links")
    paper = dataclasses.replace(base, **identity)  # type: ignore[arg-type]
    catalog = dataclasses.replace(
        fixture_catalog, papers=tuple(paper if p.slug == base.slug else p for p in fixture_catalog.papers)
    )
    return str(SiteRenderer(catalog, "https://example.org/").render_all()[f"papers/{base.slug}.md"])


def test_a_paper_page_leads_with_its_authors_date_and_arxiv_links(fixture_catalog: Catalog) -> None:
    page = page_of(fixture_catalog, authors=HOSTILE_AUTHORS, published=datetime.date(2024, 5, 6), arxiv="2405.01234")
    assert (
        "# Plain Paper without Links { #title }\n\n"
        '&lt;script>alert(1)&lt;/script>, Brace \\} and "Quote", Author 0\\_\\*, Author 1\\_\\*, Author 2\\_\\*, '
        "Author 3\\_\\*, Author 4\\_\\*, Author 5\\_\\*, Author 6\\_\\*, Author 7\\_\\* and 2 more\n"
        "{ .ps-authors }\n\n"
        '<details class="ps-all-authors"><summary>All 12 authors</summary>&lt;script&gt;alert(1)&lt;/script&gt;, '
        'Brace } and "Quote", Author 0_*, Author 1_*, Author 2_*, Author 3_*, Author 4_*, Author 5_*, Author 6_*, '
        "Author 7_*, Author 8_*, Author 9_*</details>\n\n"
        "Published 2024-05-06 · [arXiv](https://arxiv.org/abs/2405.01234) · [PDF](https://arxiv.org/pdf/2405.01234)"
        " · [Hugging Face](https://huggingface.co/papers/2405.01234)\n"
        "{ .ps-identity }\n\n"
        "[Speech](../tags/speech.md)\n"
    ) in page
    assert "<script>" not in page.split("---\n", 2)[2]  # the front matter is escaped by overrides/paper.html
    assert (
        '<pre data-format="BibTeX"><code>@misc{scriptalert1script2024315081,\n'
        '  author = {&lt;script&gt;alert(1)&lt;/script&gt; and {Brace \\textbraceright{} and "Quote"} and '
    ) in page
    assert "  eprint = {2405.01234},\n  archivePrefix = {arXiv},\n  url = {https://arxiv.org/abs/2405.01234}\n}" in page
    assert len(page.encode("utf-8")) <= 8 * 1024


SEARCHES = (
    "[Search arXiv](https://arxiv.org/search/?query=Plain+Paper+without+Links&searchtype=title)"
    " · [Google Scholar](https://scholar.google.com/scholar?q=%22Plain+Paper+without+Links%22)"
)


def test_a_paper_with_a_few_authors_and_a_year_names_them_all_and_searches_for_its_title(
    fixture_catalog: Catalog,
) -> None:
    page = page_of(fixture_catalog, authors=("Ada Lovelace", "Charles Babbage"), year=1991)
    assert (
        "# Plain Paper without Links { #title }\n\n"
        "Ada Lovelace, Charles Babbage\n{ .ps-authors }\n\n"
        f"Published 1991 · {SEARCHES}\n{{ .ps-identity }}\n\n"
        "[Speech](../tags/speech.md)\n"
    ) in page
    assert "details" not in page and "arxiv.org/abs" not in page


def test_a_paper_known_by_its_title_alone_links_to_searches_for_it(fixture_catalog: Catalog) -> None:
    page = page_of(fixture_catalog)
    assert f"# Plain Paper without Links {{ #title }}\n\n{SEARCHES}\n{{ .ps-identity }}\n\n" in page
