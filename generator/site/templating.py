"""The Jinja2 environment of the Markdown templates: values escaped for Markdown by default, and the
filters and globals the templates use."""

from __future__ import annotations

import html
import posixpath
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined, Template, pass_context
from jinja2.runtime import Context

from generator.catalog.model import Paper, StarCount
from generator.catalog.yamlfile import dump_yaml
from generator.listings.escaping import escape_markdown, markdown_with_links
from generator.listings.text import first_sentence

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
    """A URL that cannot end a Markdown link early (spaces, brackets, quotes and markup percent-encoded)
    and cannot run script: loading lets only http(s) URLs in, and anything else that reaches a page
    anyway becomes a link to nowhere."""
    if not url[:8].lower().startswith(("https://", "http://")):
        return Markdown("#")
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


def star_count(count: StarCount) -> str:
    """A repository's stars as text the page holds itself (no image from another host): "1,234 stars as of
    2026-12-01"."""
    noun = "star" if count.stars == 1 else "stars"
    return f"{count.stars:,} {noun} as of {count.checked.isoformat()}"


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
    """The Jinja2 environment of generator/site/templates: HTML templates autoescape; Markdown ones use filters."""
    return Environment(
        loader=PackageLoader("generator.site", "templates"),
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
        star_count=star_count,
        front_matter=front_matter,
        html=html_text,
    )
    environment.globals.update(link_to=link_to, link_labels=LINK_LABELS, page_meta=page_meta)
    return environment


def html_text(text: str) -> Markdown:
    """Text inside a raw HTML element of a Markdown page, such as <pre>: Markdown leaves it alone, so only
    HTML's own characters are escaped. (A raw <pre> rather than a code fence spares Pygments' wrappers.)"""
    return Markdown(html.escape(text, quote=False))
