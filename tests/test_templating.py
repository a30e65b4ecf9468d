"""The Markdown templates' environment: escaping by default, and each filter and global on its own."""

from __future__ import annotations

import datetime

import pytest
import yaml

from generator.catalog.model import Link, Paper, StarCount
from generator.site.templating import (
    CodeBadges,
    Markdown,
    Memo,
    Templates,
    front_matter,
    html_text,
    make_environment,
    page_meta,
    safe_url,
    star_count,
)


def paper(slug: str, links: tuple[Link, ...] = ()) -> Paper:
    return Paper(slug, "A title", "An abstract.", ("tag",), links, (), datetime.date(2025, 1, 2))


def render(source: str, page_path: str = "papers/x.md", **context: object) -> str:
    return make_environment().from_string(source).render(page_path=page_path, **context)


def test_values_are_escaped_for_markdown_unless_already_markdown() -> None:
    assert render("{{ text }}", text="*not emphasis* [no link](x)") == r"\*not emphasis\* \[no link\](x)"
    assert render("{{ text }}", text=Markdown("*emphasis*")) == "*emphasis*"
    assert render("{{ number }}", number=3) == "3"


@pytest.mark.parametrize(
    ("page_path", "target", "link"),
    [
        ("index.md", "tags/llm.md", "tags/llm.md"),
        ("papers/x.md", "papers/y.md", "y.md"),
        ("papers/x.md", "tags/llm.md", "../tags/llm.md"),
        ("tags/llm/page/2.md", "papers/y.md", "../../../papers/y.md"),
        ("tags/llm/page/2.md", "tags/llm/page/3.md", "3.md"),
    ],
)
def test_link_to_is_relative_to_the_page_being_rendered(page_path: str, target: str, link: str) -> None:
    assert render("{{ link_to(target) }}", page_path=page_path, target=target) == link


def test_safe_url_encodes_what_would_end_a_markdown_link() -> None:
    assert safe_url('https://example.org/a b(c)<d>"e"?q=1&r=2#top') == (
        "https://example.org/a%20b%28c%29%3Cd%3E%22e%22?q=1&r=2#top"
    )
    assert safe_url("https://example.org/already%20encoded") == "https://example.org/already%20encoded"
    assert isinstance(safe_url("https://example.org"), Markdown)


SCRIPT_URLS = ["javascript:alert(1)", "JavaScript:x", "data:text/html,x", "vbscript:x", "svg/onload=x", "//evil.org"]


@pytest.mark.parametrize("url", SCRIPT_URLS)
def test_safe_url_never_emits_a_scheme_that_runs_script(url: str) -> None:
    assert safe_url(url) == "#"
    assert safe_url("HTTPS://example.org/") == "HTTPS://example.org/"


def test_a_star_count_is_text_with_its_day() -> None:
    day = datetime.date(2026, 12, 1)
    assert star_count(StarCount("owner/repo", 1234, day)) == "1,234 stars as of 2026-12-01"
    assert star_count(StarCount("owner/repo", 1, day)) == "1 star as of 2026-12-01"


def test_page_meta_escapes_the_description_and_adds_only_what_is_given() -> None:
    assert page_meta('Fish & "chips" <3') == {"description": "Fish &amp; &quot;chips&quot; &lt;3"}
    assert page_meta("D", edit_label="Edit", template="list.html") == {
        "description": "D",
        "edit_label": "Edit",
        "template": "list.html",
    }


def test_front_matter_is_yaml_between_fences_in_the_given_order() -> None:
    data = {"template": "paper.html", "description": "Colons: and # hashes", "scholar": [["citation_title", "T"]]}
    text = front_matter(data)
    assert text.startswith("---\ntemplate: paper.html\ndescription: ")
    assert text.endswith("---\n")
    assert yaml.safe_load(text.removeprefix("---\n").removesuffix("---\n")) == data


def test_html_text_escapes_html_only() -> None:
    assert html_text("a < b & {c} *d*") == "a &lt; b &amp; {c} *d*"


def test_memo_computes_each_result_once() -> None:
    calls: list[str] = []

    def shout(text: str) -> str:
        calls.append(text)
        return text.upper()

    memo = Memo(shout)
    assert [memo["a"], memo["b"], memo["a"]] == ["A", "B", "A"]
    assert calls == ["a", "b"]


def test_templates_are_loaded_once() -> None:
    templates = Templates(make_environment())
    assert templates["code_badges.md.j2"] is templates["code_badges.md.j2"]


def test_code_badges_are_made_once_per_paper_and_empty_without_code() -> None:
    badges = CodeBadges(Templates(make_environment()))
    with_code = paper("with-code", (Link("code", "https://github.com/o/r"), Link("dataset", "https://hf.co/d")))
    made = badges(with_code)
    assert made == " [Code](https://github.com/o/r){ .ps-badge }"
    assert badges(with_code) is made
    assert badges(paper("no-code")) == ""


def test_filters_in_a_template() -> None:
    source = "{{ text | first_sentence }}|{{ url | url }}|{{ code | html }}"
    rendered = render(source, text="One sentence. Two.", url="https://x.org/a b", code="<b>&</b>")
    assert rendered == "One sentence.|https://x.org/a%20b|&lt;b&gt;&amp;&lt;/b&gt;"
