"""Rendering the catalog into Markdown pages: strings out, no file I/O."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial
from typing import Any

from generator.catalog.model import Catalog, Paper, StarCount, Tag
from generator.listings.text import first_sentence
from generator.output.writer import FileContent
from generator.related.neighbours import related_papers
from generator.runtime.progress import progress
from generator.site.citation import bibtex_entry, plain_citation
from generator.site.compression import gzipped
from generator.site.exports import PAPERS_JSON_SCHEMA_DOC, papers_json
from generator.site.feeds import atom_feed
from generator.site.identity import identity_of
from generator.site.metadata import json_ld, scholar_meta
from generator.site.pagination import ListPage, paginate
from generator.site.templating import Markdown, Templates, make_environment, page_meta

RECENT_PAPERS = 10


# The curators' list of papers without a curated tag: at tags/needs-tags/ ("needs-tags" is a reserved slug).
NEEDS_TAGS_PAGE = "tags/needs-tags.md"
# Pages made from the whole catalog have no single file to edit.
CATALOG_PAGES = frozenset({"index.md", "papers/index.md", "data.md", NEEDS_TAGS_PAGE})
HAND_WRITTEN_COPIES = {"contributing.md": "CONTRIBUTING.md"}


def source_of_page(page_path: str) -> str | None:
    """The file, relative to the project root, that a page under docs/ is made from."""
    if page_path in CATALOG_PAGES or page_path.startswith(("papers/page/", "tags/needs-tags/")):
        return None
    if page_path in HAND_WRITTEN_COPIES:
        return HAND_WRITTEN_COPIES[page_path]
    if page_path.startswith("tags/") and "/page/" in page_path:
        return "data/tags.yml"
    folder, _, name = page_path.rpartition("/")
    if folder == "papers":
        return f"data/papers/{name.removesuffix('.md')}.yml"
    if folder == "tags":
        return "data/tags.yml"
    return f"docs/{page_path}"


# The slim page templates in overrides/, for the pages there are thousands of.
PAPER_TEMPLATE = "paper.html"
LIST_TEMPLATE = "list.html"
CATALOG_FEED = "feed.xml"
# A tag's feed holds its newest 20 papers: a reader polling it daily misses none, and 200 tags' feeds
# of 50 full abstracts were 22 MB of a 100,000-paper site.
TAG_FEED_ENTRIES = 20
CATALOG_JSON = "papers.json"
CATALOG_BIBLIOGRAPHY = "papers.bib"


def tag_feed(tag: Tag) -> str:
    return f"tags/{tag.slug}/feed.xml"


def tag_bibliography(tag: Tag) -> str:
    """Where a tag's BibTeX goes, before compression: it is published with `.gz` added."""
    return f"tags/{tag.slug}/papers.bib"


def paper_page(paper: Paper) -> str:
    return f"papers/{paper.slug}.md"


def tag_page(tag: Tag) -> str:
    return f"tags/{tag.slug}.md"


class SiteRenderer:
    """Renders every generated page of the site from one catalog."""

    def __init__(
        self,
        catalog: Catalog,
        site_url: str,
        edit_base: str = "",
        related: Mapping[str, tuple[str, ...]] | None = None,
    ) -> None:
        """`edit_base` opens a file of the repository for editing with its path added (no edit links if empty);
        `related` holds each paper's related papers (`generator.related`), found here when not given."""
        self.catalog = catalog
        self.site_url = site_url if site_url.endswith("/") else f"{site_url}/"
        self.edit_base = edit_base
        self.environment = make_environment()
        # Looked up once: the environment's own look-up asks the file system whether the template changed.
        self.templates = Templates(self.environment)
        self.tags = {tag.slug: tag for tag in catalog.tags}
        # A tag's papers, picked from the catalog's list order in order, are in the same order.
        tagged: dict[str, list[Paper]] = defaultdict(list)
        for paper in catalog.by_recency:
            for slug in paper.all_tags:
                tagged[slug].append(paper)
        self.papers_by_tag = dict(tagged)
        self.by_slug = {paper.slug: paper for paper in catalog.papers}
        self.related = related if related is not None else related_papers(catalog.papers)
        self.bibtex: dict[str, str] = {}

    def render(self, template: str, page_path: str, **context: Any) -> str:
        return self.templates[template].render(page_path=page_path, tags=self.tags, **context)

    def bibtex_of(self, paper: Paper) -> str:
        """A paper's BibTeX entry, made once: it is on its page, in papers.bib and in each tag's .bib."""
        if paper.slug not in self.bibtex:
            self.bibtex[paper.slug] = bibtex_entry(paper, self.url_of(paper))
        return self.bibtex[paper.slug]

    def bibliography(self, papers: Sequence[Paper]) -> str:
        return "\n".join(self.bibtex_of(paper) for paper in papers)

    def url_of(self, paper: Paper) -> str:
        """The paper's permanent, absolute URL."""
        return f"{self.site_url}papers/{paper.slug}/"

    def render_paper(self, paper: Paper) -> str:
        url = self.url_of(paper)
        tag_names = [self.tags[slug].name for slug in paper.all_tags]
        meta = page_meta(first_sentence(paper.abstract, limit=160))
        meta |= {
            "template": PAPER_TEMPLATE,
            "scholar": scholar_meta(paper),
            "jsonld": json_ld(paper, tag_names),
        }
        citation = {"bibtex": self.bibtex_of(paper), "plain": plain_citation(paper, url)}
        related = [self.by_slug[slug] for slug in self.related.get(paper.slug, ())]
        return self.render(
            "paper.md.j2",
            paper_page(paper),
            paper=paper,
            identity=identity_of(paper),
            meta=meta,
            citation=citation,
            related=related,
            stars=self.star_counts(paper),
        )

    def star_counts(self, paper: Paper) -> dict[str, StarCount]:
        """The snapshot's star counts of the paper's GitHub repositories, by link URL."""
        counts = self.catalog.stars_of
        repositories = ((link.url, link.github_repository) for link in paper.code_links)
        return {url: counts[name.lower()] for url, name in repositories if name and name.lower() in counts}

    def render_list(self, template: str, pages: list[ListPage], **context: Any) -> dict[str, str]:
        """Every page of a list of papers, each with its slice of the list and links to the others."""
        return {
            page.path: self.render(template, page.path, pager=page, papers=page.papers, **context) for page in pages
        }

    def render_tag(self, tag: Tag) -> dict[str, str]:
        pages = paginate(self.papers_by_tag.get(tag.slug, []), tag_page(tag), f"tags/{tag.slug}")
        meta = page_meta(tag.description, edit_label="Edit the tags", template=LIST_TEMPLATE) | {"feed": tag_feed(tag)}
        return self.render_list("tag.md.j2", pages, tag=tag, meta=meta)

    def render_feeds(self) -> dict[str, str]:
        """The catalog's Atom feed and each tag's."""
        files = {
            CATALOG_FEED: atom_feed(
                self.catalog.by_recency,
                title="PaperShelf: papers added",
                feed_url=self.site_url + CATALOG_FEED,
                page_url=self.site_url,
                url_of=self.url_of,
            )
        }
        for tag in self.catalog.tags:
            files[tag_feed(tag)] = atom_feed(
                self.papers_by_tag.get(tag.slug, []),
                title=f"PaperShelf: {tag.name}",
                feed_url=self.site_url + tag_feed(tag),
                page_url=f"{self.site_url}tags/{tag.slug}/",
                url_of=self.url_of,
                limit=TAG_FEED_ENTRIES,
            )
        return files

    def render_exports(self) -> dict[str, str]:
        """The catalog as JSON, as text under its path before compression."""
        return {CATALOG_JSON: papers_json(self.catalog, self.url_of)}

    def render_bibliographies(self) -> dict[str, str]:
        """The catalog's BibTeX and each tag's, as text under their paths before compression."""
        files = {CATALOG_BIBLIOGRAPHY: self.bibliography(self.catalog.by_recency)}
        for tag in self.catalog.tags:
            files[tag_bibliography(tag)] = self.bibliography(self.papers_by_tag.get(tag.slug, []))
        return files

    def render_downloads(self) -> dict[str, bytes]:
        """The exports and bibliographies gzip-compressed, as `papers.json.gz` and so on (hundreds of MB as text)."""
        return gzipped(self.render_exports() | self.render_bibliographies())

    def render_files(self) -> dict[str, FileContent]:
        """Feeds as they are, and the downloads."""
        return self.render_feeds() | self.render_downloads()

    def render_lists(self) -> dict[str, str]:
        """The pages that list papers or tags: each tag's, and those of the whole catalog."""
        pages: dict[str, str] = {}
        for tag in self.catalog.tags:
            pages |= self.render_tag(tag)
        return pages | self.render_indexes()

    def render_papers(self, papers: Iterable[Paper]) -> dict[str, str]:
        """The pages of `papers`, keyed by their paths under docs/."""
        return {paper_page(paper): self.render_paper(paper) for paper in papers}

    def render_all(self) -> dict[str, str]:
        """Every generated page, keyed by its path under docs/."""
        return self.render_papers(progress(self.catalog.papers, "Paper pages")) | self.render_lists()

    def catalog_steps(self) -> list[Callable[[], Mapping[str, FileContent]]]:
        """The files made from the whole catalog (`render_lists` and `render_files`), in steps of a few seconds
        at most, for a process to make while others render paper pages."""
        steps: list[Callable[[], Mapping[str, FileContent]]] = [
            partial(self.render_tag, tag) for tag in self.catalog.tags
        ]
        steps += [
            self.render_indexes,
            self.render_feeds,
            lambda: gzipped(self.render_exports()),
            lambda: gzipped(self.render_bibliographies()),
        ]
        return steps

    def render_indexes(self) -> dict[str, str]:
        """The pages that list tags or papers of the whole catalog."""
        catalog = self.catalog
        counts = {tag.slug: len(self.papers_by_tag.get(tag.slug, [])) for tag in catalog.tags}
        topics = [tag for tag in catalog.tags if counts[tag.slug]]
        unused = [tag for tag in catalog.tags if not counts[tag.slug]]
        stats = {
            "papers": len(catalog.papers),
            "with_code": sum(p.has_code for p in catalog.papers),
        }
        untagged = [paper for paper in catalog.by_recency if paper.needs_tags]
        pages = {
            "tags/index.md": self.render(
                "tags.md.j2",
                "tags/index.md",
                topics=topics,
                unused=unused,
                counts=counts,
                needing_tags=len(untagged),
            )
        }
        needing = paginate(untagged, NEEDS_TAGS_PAGE, NEEDS_TAGS_PAGE.removesuffix(".md"))
        pages |= self.render_list("needs_tags.md.j2", needing, edit_base=self.edit_base)
        everything = paginate(catalog.by_recency, "papers/index.md", "papers")
        pages |= self.render_list("all_papers.md.j2", everything, stats=stats)
        pages["data.md"] = self.render(
            "data.md.j2", "data.md", schema=Markdown(PAPERS_JSON_SCHEMA_DOC), site_url=Markdown(self.site_url)
        )
        pages["index.md"] = self.render(
            "home.md.j2",
            "index.md",
            topics=topics,
            counts=counts,
            stats=stats,
            recent=catalog.by_recency[:RECENT_PAPERS],
        )
        return pages


def render_catalog(catalog: Catalog, site_url: str, edit_base: str = "") -> dict[str, FileContent]:
    """Every generated file under docs/: Markdown pages, feeds and exports."""
    renderer = SiteRenderer(catalog, site_url, edit_base)
    return renderer.render_all() | renderer.render_files()
