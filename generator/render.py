"""Rendering the catalog into Markdown pages: strings out, no file I/O."""

from __future__ import annotations

import html
import posixpath
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined, Template, pass_context
from jinja2.runtime import Context

from generator.citation import bibtex_entry, plain_citation
from generator.compression import gzipped
from generator.exports import PAPERS_JSON_SCHEMA_DOC, papers_json
from generator.feeds import atom_feed
from generator.metadata import json_ld, scholar_meta
from generator.model import Catalog, Link, Paper, Tag
from generator.pagination import ListPage, paginate
from generator.progress import progress
from generator.related import RelatedIndex
from generator.slugs import title_key
from generator.text import escape_markdown, first_sentence, markdown_with_links
from generator.write import FileContent
from generator.yamlfile import dump_yaml

STARS_BADGE = "https://img.shields.io/github/stars/{repository}?logo=github&cacheSeconds=86400"
RECENT_PAPERS = 10
LINK_LABELS = {"code": "Code", "dataset": "Dataset", "model": "Model", "project": "Project page"}


class Markdown(str):
    """Text that is already Markdown source and must not be escaped again."""


class Memo(dict[Any, str]):
    """A pure function's results, each made once: titles, tag names, dates and first sentences recur on
    many pages of one site."""

    def __init__(self, function: Callable[[Any], str]) -> None:
        super().__init__()
        self.function = function

    def __missing__(self, key: Any) -> str:
        result = self[key] = self.function(key)
        return result


class Templates(dict[str, Template]):
    """An environment's templates by name, each loaded once."""

    def __init__(self, environment: Environment) -> None:
        super().__init__()
        self.environment = environment

    def __missing__(self, name: str) -> Template:
        template = self[name] = self.environment.get_template(name)
        return template


class CodeBadges(dict[str, Markdown]):
    """A paper's code links as its entries in lists show them, by slug: made once, though a paper is listed on
    the pages of each of its tags and on the list of all papers."""

    def __init__(self, templates: Templates) -> None:
        super().__init__()
        self.templates = templates

    def __call__(self, paper: Paper) -> Markdown:
        badges = self.get(paper.slug)
        if badges is None:
            text = self.templates["code_badges.md.j2"].render(paper=paper) if paper.has_code else ""
            badges = self[paper.slug] = Markdown(text)
        return badges


def safe_url(url: str) -> Markdown:
    """A URL that cannot end a Markdown link early: spaces, brackets and quotes percent-encoded."""
    return Markdown(quote(url, safe=":/?#@!$&'*+,;=%~-._"))


@pass_context
def link_to(context: Context, target: str) -> Markdown:
    """The relative link from the page being rendered to another page under docs/."""
    # Every page and target is a path under docs/ without "..": a prefix test is relpath, much cheaper.
    here = posixpath.dirname(context["page_path"])
    if not here:
        return Markdown(target)
    if target.startswith(here + "/"):
        return Markdown(target[len(here) + 1 :])
    return Markdown("../" * (here.count("/") + 1) + target)


def stars_badge(link: Link) -> Markdown:
    return safe_url(STARS_BADGE.format(repository=link.github_repository))


def page_meta(description: str, edit_label: str | None = None, template: str | None = None) -> dict[str, Any]:
    """Front matter for a page. No `title`: MkDocs then takes it from the page's H1 as HTML, escaped,
    whereas a front-matter title reaches the theme's templates (which do not autoescape) raw. For the
    same reason the description, which Material writes into an attribute, is stored HTML-escaped."""
    meta: dict[str, Any] = {"description": html.escape(description, quote=True)}
    meta |= {"edit_label": edit_label} if edit_label else {}
    return meta | ({"template": template} if template else {})


def front_matter(data: dict[str, Any]) -> Markdown:
    return Markdown(f"---\n{dump_yaml(data)}---\n")


def template_environment(*, html: bool = False) -> Environment:
    """The Jinja2 environment of generator/templates: HTML templates autoescape; Markdown ones use filters."""
    return Environment(
        loader=PackageLoader("generator", "templates"),
        undefined=StrictUndefined,
        autoescape=html,  # noqa: S701 - Markdown templates escape through `finalize` or filters instead
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def make_environment() -> Environment:
    """Markdown pages: every `{{ value }}` is escaped for Markdown unless it is already Markdown."""
    environment = template_environment()
    escaped = Memo(escape_markdown)
    sentences = Memo(lambda arguments: first_sentence(*arguments))

    def escape_by_default(value: Any) -> str:
        """Jinja's finalize hook: every `{{ value }}` renders as the text it holds unless it is Markdown."""
        if type(value) is str:  # most values: no isinstance or str() needed
            return escaped[value]
        return value if isinstance(value, Markdown) else escaped[str(value)]

    environment.finalize = escape_by_default
    environment.filters.update(
        code_badges=CodeBadges(Templates(environment)),
        abstract=lambda text: Markdown(markdown_with_links(text)),
        first_sentence=lambda text, *limit: sentences[text, *limit],
        url=safe_url,
        stars_badge=stars_badge,
        front_matter=front_matter,
        html=html_text,
    )
    environment.globals.update(link_to=link_to, link_labels=LINK_LABELS, page_meta=page_meta)
    return environment


# Pages made from the whole catalog have no single file to edit.
CATALOG_PAGES = frozenset({"index.md", "papers/index.md", "data.md"})
HAND_WRITTEN_COPIES = {"contributing.md": "CONTRIBUTING.md"}


def source_of_page(page_path: str) -> str | None:
    """The file, relative to the project root, that a page under docs/ is made from."""
    if page_path in CATALOG_PAGES or page_path.startswith("papers/page/"):
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


def html_text(text: str) -> Markdown:
    """Text inside a raw HTML element of a Markdown page, such as <pre>: Markdown leaves it alone, so only
    HTML's own characters are escaped. (A raw <pre> rather than a code fence spares Pygments' wrappers.)"""
    return Markdown(html.escape(text, quote=False))


def paper_page(paper: Paper) -> str:
    return f"papers/{paper.slug}.md"


def tag_page(tag: Tag) -> str:
    return f"tags/{tag.slug}.md"


class SiteRenderer:
    """Renders every generated page of the site from one catalog."""

    def __init__(self, catalog: Catalog, site_url: str) -> None:
        self.catalog = catalog
        self.site_url = site_url if site_url.endswith("/") else f"{site_url}/"
        self.environment = make_environment()
        # Looked up once: the environment's own look-up asks the file system whether the template changed.
        self.templates = Templates(self.environment)
        self.tags = {tag.slug: tag for tag in catalog.tags}
        # Sorted once: a tag's papers, picked from this list in order, are in the same order.
        self.by_title = sorted(catalog.papers, key=sort_key)
        tagged: dict[str, list[Paper]] = defaultdict(list)
        for paper in self.by_title:
            for slug in paper.tags:
                tagged[slug].append(paper)
        self.papers_by_tag = dict(tagged)
        self.by_slug = {paper.slug: paper for paper in catalog.papers}
        self.related_index = RelatedIndex(catalog.papers)
        self.related: dict[str, tuple[str, ...]] = {}  # found a part of the catalog at a time: see find_related
        self.bibtex: dict[str, str] = {}

    def find_related(self, papers: Sequence[Paper]) -> None:
        """Find the related papers of `papers`, before their pages are rendered."""
        self.related |= self.related_index.related([paper.slug for paper in papers])

    def render(self, template: str, page_path: str, **context: Any) -> str:
        return self.templates[template].render(page_path=page_path, tags=self.tags, **context)

    def bibtex_of(self, paper: Paper) -> str:
        """A paper's BibTeX entry, made once: it is on its page, in papers.bib and in each tag's .bib."""
        if paper.slug not in self.bibtex:
            self.bibtex[paper.slug] = bibtex_entry(paper, self.url_of(paper))
        return self.bibtex[paper.slug]

    def bibliography(self, papers: list[Paper]) -> str:
        return "\n".join(self.bibtex_of(paper) for paper in papers)

    def url_of(self, paper: Paper) -> str:
        """The paper's permanent, absolute URL."""
        return f"{self.site_url}papers/{paper.slug}/"

    def render_paper(self, paper: Paper) -> str:
        url = self.url_of(paper)
        tag_names = [self.tags[slug].name for slug in paper.tags]
        meta = page_meta(first_sentence(paper.abstract, limit=160))
        meta |= {
            "template": PAPER_TEMPLATE,
            "scholar": scholar_meta(paper),
            "jsonld": json_ld(paper, tag_names),
        }
        citation = {"bibtex": self.bibtex_of(paper), "plain": plain_citation(paper, url)}
        related = [self.by_slug[slug] for slug in self.related.get(paper.slug, ())]
        return self.render("paper.md.j2", paper_page(paper), paper=paper, meta=meta, citation=citation, related=related)

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
                self.catalog.papers,
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
        files = {CATALOG_BIBLIOGRAPHY: self.bibliography(self.by_title)}
        for tag in self.catalog.tags:
            files[tag_bibliography(tag)] = self.bibliography(self.papers_by_tag.get(tag.slug, []))
        return files

    def render_files(self) -> dict[str, FileContent]:
        """Feeds as they are; exports gzip-compressed, as `papers.json.gz` and so on (hundreds of MB as text)."""
        return self.render_feeds() | gzipped(self.render_exports() | self.render_bibliographies())

    def render_all(self) -> dict[str, str]:
        """Every generated page, keyed by its path under docs/."""
        catalog = self.catalog
        self.find_related(catalog.papers)
        pages = {paper_page(paper): self.render_paper(paper) for paper in progress(catalog.papers, "Paper pages")}
        for tag in catalog.tags:
            pages |= self.render_tag(tag)
        return pages | self.render_indexes()

    def render_indexes(self) -> dict[str, str]:
        """The pages that list tags or papers of the whole catalog."""
        catalog = self.catalog
        counts = {tag.slug: len(self.papers_by_tag.get(tag.slug, [])) for tag in catalog.tags}
        recent = sorted(self.by_title, key=lambda paper: -paper.added.toordinal())  # stable: by title within a day
        stats = {
            "papers": len(catalog.papers),
            "tags": len(catalog.tags),
            "with_code": sum(p.has_code for p in catalog.papers),
        }
        pages = {"tags/index.md": self.render("tags.md.j2", "tags/index.md", vocabulary=catalog.tags, counts=counts)}
        everything = paginate(self.by_title, "papers/index.md", "papers")
        pages |= self.render_list("all_papers.md.j2", everything, stats=stats)
        pages["data.md"] = self.render(
            "data.md.j2", "data.md", schema=Markdown(PAPERS_JSON_SCHEMA_DOC), site_url=Markdown(self.site_url)
        )
        pages["index.md"] = self.render(
            "home.md.j2", "index.md", vocabulary=catalog.tags, counts=counts, stats=stats, recent=recent[:RECENT_PAPERS]
        )
        return pages


def sort_key(paper: Paper) -> tuple[str, str]:
    """Alphabetical by title, ignoring case, accents and leading punctuation."""
    return (title_key(paper.title), paper.slug)


def render_site(catalog: Catalog, site_url: str) -> dict[str, FileContent]:
    """Every generated file under docs/: Markdown pages, feeds and exports."""
    renderer = SiteRenderer(catalog, site_url)
    return renderer.render_all() | renderer.render_files()
