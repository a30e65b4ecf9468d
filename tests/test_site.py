"""The real, strict MkDocs build of the whole bundled catalog, checked in its HTML."""

from __future__ import annotations

import dataclasses
import datetime
import gzip
import json
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from generator.bench.synthetic import synthetic_catalog
from generator.catalog.model import Catalog
from generator.catalog.slugs import title_key
from generator.catalog.store import dump_paper, load_catalog
from generator.listings.links import find_urls
from generator.listings.parsing import parse_listing
from generator.listings.text import clean_latex
from tests.conftest import FIXTURES, REPOSITORY, copy_project, run_cli


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    project = copy_project(tmp_path_factory.mktemp("bundled") / "project", REPOSITORY / "data")
    return project, run_cli(project, "build")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    loaded, problems = load_catalog(REPOSITORY / "data", REPOSITORY)
    assert problems == []
    return loaded.catalog


# The paper whose page the meta, citation and action tests read.
MMLU_SLUG = "mmlu-cf-a-contamination-free-multi-task-language-understanding-benchmark"
MMLU_URL = f"https://papershelf.github.io/papershelf/papers/{MMLU_SLUG}/"


def page(project: Path, *parts: str) -> BeautifulSoup:
    html = project.joinpath("site", *parts, "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


def test_the_strict_build_passes_without_a_warning(built: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    _, result = built
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output
    assert "Traceback" not in output


def test_there_is_one_page_per_paper(built: tuple[Path, subprocess.CompletedProcess[str]], catalog: Catalog) -> None:
    project, _ = built
    pages = sorted(path.parent.name for path in (project / "site" / "papers").glob("*/index.html"))
    assert len(pages) == 111
    assert pages == sorted(paper.slug for paper in catalog.papers)


def test_each_tag_page_lists_exactly_the_papers_with_the_tag(
    built: tuple[Path, subprocess.CompletedProcess[str]], catalog: Catalog
) -> None:
    project, _ = built
    for tag in catalog.tags:
        soup = page(project, "tags", tag.slug)
        listed = [link["href"] for link in soup.select("article a.ps-title")]
        expected = sorted(f"../../papers/{paper.slug}/" for paper in catalog.papers if tag.slug in paper.tags)
        assert sorted(str(href) for href in listed) == expected, tag.slug
        article = soup.select_one("article")
        assert article is not None
        assert f"{len(expected)} paper" in article.get_text()


def test_every_link_in_the_listings_is_on_its_paper_page(
    built: tuple[Path, subprocess.CompletedProcess[str]], catalog: Catalog
) -> None:
    project, _ = built
    slugs = {title_key(paper.title): paper.slug for paper in catalog.papers}
    checked = 0
    for source in sorted((REPOSITORY / "data" / "sources").glob("*.txt")):
        listing, problems = parse_listing(source.name, source.read_text(encoding="utf-8"))
        assert listing is not None, problems
        for entry in listing.entries:
            soup = page(project, "papers", slugs[title_key(clean_latex(entry.title))])
            hrefs = {str(link["href"]) for link in soup.select("article a[href]")}
            for url in find_urls(entry.abstract):
                assert url in hrefs, (entry.title, url)
                checked += 1
    assert checked == 35  # every URL occurrence in the two bundled listings


def test_a_paper_page_shows_title_abstract_tags_and_badges(
    built: tuple[Path, subprocess.CompletedProcess[str]], catalog: Catalog
) -> None:
    project, _ = built
    for paper in catalog.papers:
        soup = page(project, "papers", paper.slug)
        article = soup.select_one("article")
        assert article is not None
        assert article.h1 is not None and article.h1.get_text().rstrip("¶") == paper.title
        abstract = article.select_one("p.ps-abstract")
        assert abstract is not None and abstract.get_text() == paper.abstract, paper.slug
        chips = [(chip.get_text(), chip["href"]) for chip in article.select(".ps-chips a")]
        names = {tag.slug: tag.name for tag in catalog.tags}
        assert chips == [(names[slug], f"../../tags/{slug}/") for slug in paper.tags]
        assert article.select("img") == []  # nothing is fetched from another host: no badge images
        first = str(article.select(".ps-identity a")[0]["href"])
        if paper.arxiv:
            assert first == f"https://arxiv.org/abs/{paper.arxiv}"
        else:
            assert first.startswith("https://arxiv.org/search/?")
            assert parse_qs(urlsplit(first).query) == {"query": [paper.title], "searchtype": ["title"]}
        for listing in paper.listings:
            assert f"Daily papers of {listing.date}" in article.get_text()


def test_markdown_and_html_characters_in_abstracts_read_as_text(
    built: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    project, _ = built
    soup = page(project, "papers", "it-s-all-in-the-mask-simple-instruction-tuning-enables-bert-like-masked-language")
    heading = soup.select_one("article h1")
    assert heading is not None
    assert "[MASK]" in heading.get_text()
    assert soup.select("article p.ps-abstract em, article p.ps-abstract strong, article p.ps-abstract code") == []


def test_home_and_overview_pages_count_papers_and_tags(
    built: tuple[Path, subprocess.CompletedProcess[str]], catalog: Catalog
) -> None:
    project, _ = built
    home = page(project).select_one("article")
    assert home is not None
    assert "111 papers" in home.get_text()
    counts = {tag.slug: sum(tag.slug in paper.all_tags for paper in catalog.papers) for tag in catalog.tags}
    used = [tag for tag in catalog.tags if counts[tag.slug]]
    unused = [tag for tag in catalog.tags if not counts[tag.slug]]
    assert 0 < len(used) < len(catalog.tags)
    # The home page shows the topics that have papers; the overview lists the others apart, as links.
    assert [chip.get_text() for chip in home.select(".ps-chips a")] == [f"{t.name} ({counts[t.slug]})" for t in used]
    assert f"{len(used)} topics" in home.get_text()
    overview = page(project, "tags").select_one("article")
    assert overview is not None
    for tag in used:
        assert f"{tag.name} · {counts[tag.slug]} paper" in overview.get_text()
    assert [link.get_text() for link in overview.select("h2#no-papers-yet ~ p a")] == [tag.name for tag in unused]
    empty = page(project, f"tags/{unused[0].slug}").select_one("article")
    assert empty is not None
    assert (
        "No papers yet. A curator can see which papers the tag would reach with "
        f"python -m generator retag --tag {unused[0].slug} --dry-run" in " ".join(empty.get_text().split())
    )
    everything = page(project, "papers").select("article a.ps-title")
    assert len(everything) == 111


def test_the_bundled_vocabulary_covers_the_bundled_papers(catalog: Catalog) -> None:
    """The vocabulary is for machine learning as a whole: every bundled paper's tags are in it, and tags no
    bundled paper has yet are there for new papers to be suggested."""
    used = {slug for paper in catalog.papers for slug in paper.tags}
    assert all(paper.tags for paper in catalog.papers)
    assert used <= {tag.slug for tag in catalog.tags}


def test_feeds_parse_and_point_at_built_pages(built: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    import feedparser  # type: ignore[import-untyped]

    project, _ = built
    site = project / "site"
    for feed_path, page_path in (("feed.xml", ""), ("tags/speech/feed.xml", "tags/speech/")):
        feed = feedparser.parse((site / feed_path).read_bytes())
        assert not feed.bozo, feed.bozo_exception
        assert feed.entries
        prefix = "https://papershelf.github.io/papershelf/"
        assert feed.feed.link == prefix + page_path
        for entry in feed.entries:
            assert entry.link.startswith(prefix + "papers/")
            assert (site / entry.link.removeprefix(prefix) / "index.html").is_file()
    speech = page(project, "tags", "speech")
    alternate = speech.select_one("link[rel=alternate][title^='Speech']")
    assert alternate is not None and alternate["type"] == "application/atom+xml"
    assert alternate["href"] == "feed.xml"  # relative to the page, tags/speech/, as the site's path needs
    links = {str(link["href"]) for link in speech.select("article a")}
    assert {"feed.xml", "papers.bib.gz"} <= links  # relative to the page, tags/speech/
    assert (site / "tags" / "speech" / "papers.bib.gz").is_file()


def test_list_pages_are_slim_pages_with_their_edit_action_and_preview(
    built: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    project, _ = built
    speech = page(project, "tags", "speech")
    assert speech.select_one("nav.md-tabs, .md-sidebar") is None  # no Material navigation: overrides/list.html
    edit = speech.select_one("a[rel=edit]")
    assert edit is not None and edit.get_text() == "Edit the tags" and str(edit["href"]).endswith("data/tags.yml")
    meta = {str(tag.get("property")): str(tag.get("content")) for tag in speech.select("meta[property]")}
    assert meta["og:type"] == "website" and meta["og:url"].endswith("/tags/speech/")
    everything = page(project, "papers")
    assert everything.select_one("a[rel=edit]") is None
    assert len(everything.select("article a.ps-title")) == 111


def test_exports_are_published_gzipped_and_the_data_page_links_them(
    built: tuple[Path, subprocess.CompletedProcess[str]], catalog: Catalog
) -> None:
    project, _ = built
    site = project / "site"
    article = page(project, "data").select_one("article")
    assert article is not None
    links = [str(link["href"]) for link in article.select("a") if not str(link["href"]).startswith("#")]
    assert links == ["../papers.json.gz", "../papers.bib.gz", "../feed.xml"]  # relative to data/
    assert all((site / "data" / link).resolve().is_file() for link in links)
    code = [block.get_text() for block in article.select("pre code")]
    assert "curl -sL https://papershelf.github.io/papershelf/papers.json.gz | gunzip | jq .\n" in code[0]
    assert 'with gzip.open("papers.json.gz", "rt", encoding="utf-8") as stream:\n' in code[1]
    exported = json.loads(gzip.decompress((site / "papers.json.gz").read_bytes()))
    assert [paper["slug"] for paper in exported["papers"]] == sorted(paper.slug for paper in catalog.papers)
    bibtex = gzip.decompress((site / "papers.bib.gz").read_bytes()).decode("utf-8")
    assert bibtex.count("@misc{") == 111
    speech = gzip.decompress((site / "tags" / "speech" / "papers.bib.gz").read_bytes()).decode("utf-8")
    assert speech.count("@misc{") == len([paper for paper in catalog.papers if "speech" in paper.tags])
    assert sorted(site.rglob("papers.json")) == sorted(site.rglob("*.bib")) == []


def test_paper_pages_link_up_to_five_related_papers(
    built: tuple[Path, subprocess.CompletedProcess[str]], catalog: Catalog
) -> None:
    project, _ = built
    for paper in catalog.papers:
        article = page(project, "papers", paper.slug).select_one("article")
        assert article is not None
        related = article.select("h2#related-papers + ul a")
        hrefs = [str(link["href"]) for link in related]
        assert 1 <= len(hrefs) <= 5, paper.slug
        assert f"../{paper.slug}/" not in hrefs
        assert all(
            (project / "site" / "papers" / href.strip("./").strip("/") / "index.html").is_file() for href in hrefs
        )


def test_a_paper_page_describes_itself_for_previews_and_scholars(
    built: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    import json

    project, _ = built
    soup = page(project, "papers", MMLU_SLUG)
    url = MMLU_URL
    title = "MMLU-CF: A Contamination-free Multi-task Language Understanding Benchmark"

    def content(selector: str) -> str:
        element = soup.select_one(selector)
        assert element is not None, selector
        return str(element.get("content") or element.get("href"))

    assert content("link[rel=canonical]") == url
    assert content("meta[property='og:title']") == title
    assert content("meta[property='og:url']") == url
    assert content("meta[property='og:description']").startswith("Multiple-choice question (MCQ) datasets")
    assert content("meta[name='twitter:card']") == "summary"
    assert content("meta[name=citation_title]") == title
    script = soup.select_one("script[type='application/ld+json']")
    assert script is not None
    article = json.loads(script.get_text())
    # Its address is the canonical link's, not repeated in it.
    assert (article["@type"], article["name"], "url" in article) == ("ScholarlyArticle", title, False)
    assert article["keywords"] == ["Data Contamination", "Datasets & Benchmarks"]


def test_a_paper_page_keeps_what_readers_curators_and_citers_use(
    built: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    project, _ = built
    slug, url = MMLU_SLUG, MMLU_URL
    soup = page(project, "papers", slug)
    assert soup.select_one("meta[name=description]") is not None
    # The copy buttons only work with paper.js, which adds them (tests/test_search_browser.py clicks them).
    assert soup.select_one(".ps-actions") is not None and soup.select_one("button") is None
    edit = soup.select_one("a[rel=edit]")
    assert edit is not None and edit.get_text() == "Edit this paper"
    assert str(edit["href"]).endswith(f"/edit/main/data/papers/{slug}.yml")
    heading = soup.select_one("article h1")
    assert heading is not None and heading["id"] == "title"
    blocks = soup.select(".ps-cite pre")
    assert [block["data-format"] for block in blocks] == ["BibTeX", "plain citation"]
    bibtex, plain = (block.get_text() for block in blocks)
    assert bibtex.startswith("@misc{") and f"  url = {{{url}}},\n" in bibtex and bibtex.endswith("}\n")
    assert plain.startswith("MMLU-CF: A Contamination-free") and plain.endswith(f". {url}")
    first = soup.body.find(True) if soup.body else None
    assert first is not None and first.name == "script" and first["src"] == "../../javascripts/paper-scheme.js"
    assert soup.select("script:not([src]):not([type='application/ld+json'])") == []
    assert (project / "site" / "javascripts" / "paper-scheme.js").is_file()


@pytest.fixture(scope="module")
def paginated(tmp_path_factory: pytest.TempPathFactory, catalog: Catalog) -> Path:
    """450 synthetic papers, each with the first bundled tag: three pages of all papers and of that tag."""
    project = copy_project(tmp_path_factory.mktemp("paginated") / "project", REPOSITORY / "data")
    (project / "data" / "published-urls.txt").unlink()
    for path in (project / "data" / "papers").glob("*.yml"):
        path.unlink()
    first = catalog.tags[0].slug
    for paper in synthetic_catalog(450, catalog).papers:
        tags = (first, *(slug for slug in paper.tags if slug != first and slug in {t.slug for t in catalog.tags}))
        text = dump_paper(dataclasses.replace(paper, tags=tags))
        (project / "data" / "papers" / f"{paper.slug}.yml").write_text(text, encoding="utf-8")
    result = run_cli(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr
    return project


def test_long_lists_are_paginated_with_links_that_resolve(paginated: Path, catalog: Catalog) -> None:
    site = paginated / "site"
    first = catalog.tags[0].slug
    for parts in (("papers",), ("papers", "page", "2"), ("papers", "page", "3"), ("tags", first, "page", "3")):
        soup = page(paginated, *parts)
        here = site.joinpath(*parts)
        hrefs = [str(link["href"]) for link in soup.select("article p.ps-pager a")]
        assert hrefs, parts
        for href in hrefs:
            assert (here / href / "index.html").resolve().is_file(), (parts, href)
    listed = [
        str(link["href"])
        for number in (2, 3)
        for link in page(paginated, "papers", "page", str(number)).select("a.ps-title")
    ]
    assert len(listed) == 250 and len(page(paginated, "papers").select("a.ps-title")) == 200
    assert all((site / "papers" / "page" / "2" / href / "index.html").resolve().is_file() for href in listed[:200])


def test_pages_of_lists_are_not_recorded_as_permalinks(paginated: Path) -> None:
    manifest = (paginated / "data" / "published-urls.txt").read_text(encoding="utf-8")
    assert "/page/" not in manifest
    assert run_cli(paginated, "check").returncode == 0


def test_the_sitemap_lists_every_page_without_a_build_date(
    built: tuple[Path, subprocess.CompletedProcess[str]], catalog: Catalog
) -> None:
    import xml.etree.ElementTree as ET

    project, _ = built
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    urlset = ET.parse(project / "site" / "sitemap.xml").getroot()
    locations = {url.findtext(f"{namespace}loc") for url in urlset}
    root = "https://papershelf.github.io/papershelf/"
    assert {f"{root}papers/{paper.slug}/" for paper in catalog.papers} <= locations
    assert {f"{root}tags/{tag.slug}/" for tag in catalog.tags} | {root, f"{root}papers/"} <= locations
    assert [child.tag for url in urlset for child in url] == [f"{namespace}loc"] * len(urlset)


IDENTITY_SLUG = "plain-paper-without-links"


@pytest.fixture(scope="module")
def identified(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture catalog built by MkDocs, its plain paper given hostile authors, a publication day and an arXiv id."""
    project = copy_project(tmp_path_factory.mktemp("identity") / "project", FIXTURES / "catalog" / "data")
    loaded, problems = load_catalog(project / "data", project)
    assert problems == []
    base = next(paper for paper in loaded.catalog.papers if paper.slug == IDENTITY_SLUG)
    paper = dataclasses.replace(
        base,
        authors=("<script>alert(1)</script>", 'Brace } and "Quote"', "Ada Lovelace", "Charles Babbage"),
        published=datetime.date(2024, 5, 6),
        arxiv="2405.01234",
    )
    (project / "data" / "papers" / f"{IDENTITY_SLUG}.yml").write_text(dump_paper(paper), encoding="utf-8")
    result = run_cli(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr
    return project


def test_a_built_paper_page_leads_with_its_authors_date_and_arxiv_links(identified: Path) -> None:
    html = identified.joinpath("site", "papers", IDENTITY_SLUG, "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert len(html.encode("utf-8")) <= 8 * 1024
    soup = BeautifulSoup(html, "html.parser")
    authors = soup.select_one("article p.ps-authors")
    assert authors is not None
    assert authors.get_text() == '<script>alert(1)</script>, Brace } and "Quote", Ada Lovelace, Charles Babbage'
    identity = soup.select_one("article p.ps-identity")
    assert identity is not None and identity.get_text() == "Published 2024-05-06 · arXiv · PDF · Hugging Face"
    assert [link["href"] for link in identity.select("a")] == [
        "https://arxiv.org/abs/2405.01234",
        "https://arxiv.org/pdf/2405.01234",
        "https://huggingface.co/papers/2405.01234",
    ]
    assert [str(meta["content"]) for meta in soup.select("meta[name=citation_author]")] == [
        "<script>alert(1)</script>",
        'Brace } and "Quote"',
        "Ada Lovelace",
        "Charles Babbage",
    ]
    # Scholar is given every author; a link preview the first three.
    assert [str(meta["content"]) for meta in soup.select("meta[property='article:author']")] == [
        "<script>alert(1)</script>",
        'Brace } and "Quote"',
        "Ada Lovelace",
    ]
    assert soup.select_one("meta[property='og:type']")["content"] == "article"  # type: ignore[index]
    assert soup.select_one("meta[name=citation_publication_date]")["content"] == "2024/05/06"  # type: ignore[index]
    script = soup.select_one("script[type='application/ld+json']")
    assert script is not None
    article = json.loads(script.get_text())
    assert article["author"][0] == {"@type": "Person", "name": "<script>alert(1)</script>"}
    assert (article["datePublished"], article["sameAs"]) == ("2024-05-06", "https://arxiv.org/abs/2405.01234")
    bibtex = soup.select(".ps-cite pre")[0].get_text()
    assert bibtex.startswith("@misc{") and "  url = {https://arxiv.org/abs/2405.01234}\n}" in bibtex
