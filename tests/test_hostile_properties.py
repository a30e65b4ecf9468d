"""Arbitrary strings in every field of the data: `check` answers each with `path:line` messages (never a
traceback), and whatever it accepts builds into pages on which Chromium finds no event handler, no
script URL, no element and no request that came from the data."""

from __future__ import annotations

import datetime
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from playwright.sync_api import Browser, Dialog, Page, Route

from generator.site.serving import serve
from tests.conftest import FIXTURES, copy_project, run_cli

# Payloads for every context a value can land in: HTML text and attributes, Markdown links, images, attribute
# lists and raw HTML blocks, YAML front matter, JSON in <script>, URLs, Jinja, and Python-Markdown's own markers.
PAYLOADS = (
    "<script>window.__pwned='script'</script>",
    "<img src=x onerror=\"window.__pwned='img'\">",
    "<svg/onload=window.__pwned='svg'>",
    "svg/onload=alert&#40;1&#41;",
    "javascript:window.__pwned='scheme'",
    "JaVaScRiPt:window.__pwned='scheme'",
    "[click](javascript:window.__pwned='md-link')",
    "![x](data:text/html,<script>window.__pwned='md-image'</script>)",
    "<a href=\"javascript:window.__pwned='a'\">x</a>",
    "\"><script>window.__pwned='attribute'</script>",
    "'><img src=x onerror=window.__pwned='quote'>",
    "</script><script>window.__pwned='json'</script>",
    "{ onclick=\"window.__pwned='attr-list'\" }",
    "{: onmouseover=window.__pwned='attr-list' }",
    "<ps-evil>element</ps-evil>",
    "<iframe srcdoc=\"<script>parent.__pwned='iframe'</script>\"></iframe>",
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned='mxss'>",
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=\'meta\'">',
    "<form action=\"javascript:window.__pwned='form'\"><button>x</button></form>",
    '<div markdown="1"><ps-evil>md-in-html</ps-evil></div>',
    "<https://x.example/\"onmouseover=\"window.__pwned='autolink'>",
    "---\ntitle: <script>window.__pwned='front'</script>\n---",
    "&lt;script&gt;window.__pwned='entity'&lt;/script&gt;",
    "&#106;avascript:window.__pwned='entity-scheme'",
    "{{ 7 * 7 }}{% raw %}",
    "<!-- ",
    "\x02wzxhzdk:0\x03",
    "\u2028\u2029<script>window.__pwned='separator'</script>",
    "https://evil.example/<script>",
    "https://x.example/\" onmouseover=\"window.__pwned='url'",
    "../../../../x",
    "x\n::error::forged",
)
hostile = st.one_of(
    st.text(max_size=40),
    st.sampled_from(PAYLOADS),
    st.builds(lambda a, b, c: a + b + c, st.text(max_size=8), st.sampled_from(PAYLOADS), st.text(max_size=8)),
)
TAG_SLUG = "payload"
EVENT_ATTRIBUTE = re.compile(r"^on", re.IGNORECASE)
SCRIPT_URL = re.compile(r"^\s*(javascript|data|vbscript):", re.IGNORECASE)
# Hosts a page may ask for: the site's own server, the star badges, and Material's repository facts.
ALLOWED_HOSTS = {"127.0.0.1"}  # readers' browsers ask no other host
# Every element on every page, with every attribute that names a URL: what the site's own markup holds.
# Attributes whose value is a URL; a <meta http-equiv="refresh"> holds one in its `content` ("0; url=...").
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "srcdoc", "xlink:href", "poster", "data")
SCAN = """() => {
  const urlAttributes = ["href", "src", "action", "formaction", "srcdoc", "xlink:href", "poster", "data"];
  const found = {tags: [], handlers: [], urls: []};
  for (const element of document.querySelectorAll("*")) {
    found.tags.push(element.localName);
    for (const attribute of element.attributes) {
      if (/^on/i.test(attribute.name)) found.handlers.push(element.localName + " " + attribute.name);
      if (urlAttributes.includes(attribute.name.toLowerCase())) found.urls.push(attribute.value);
    }
    if (element.localName === "meta" && /refresh/i.test(element.getAttribute("http-equiv") || "")) {
      found.urls.push((element.getAttribute("content") || "").replace(/^[^;]*;\\s*url=/i, ""));
    }
  }
  return found;
}"""


def paper_data(number: int, draw: st.DrawFn, free: st.SearchStrategy[str], **fields: Any) -> dict[str, Any]:
    """A paper file's data: `free` text in the fields of free text, and `fields` for the rest."""
    return {
        "slug": f"hostile-{number}",
        "title": f"{draw(free)} {number}",
        "tags": [TAG_SLUG],
        "abstract": f"{draw(free)} {number}",
        "links": fields["links"],
        "listings": [{"date": fields["date"], "source": f"{draw(free)}.txt"}],
        "added": datetime.date(2026, 11, 20 + number),
        "aliases": fields["aliases"],
        "authors": [f"{author} {number}" for author in draw(st.lists(free, max_size=2))],
        "year": fields["year"],
        "arxiv": fields["arxiv"],
    }


@st.composite
def anything(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Two papers whose every field may hold arbitrary or hostile text, the checked ones too."""
    return [
        paper_data(
            number,
            draw,
            hostile,
            links=[{"kind": draw(hostile), "url": draw(hostile), "original": draw(hostile)}],
            date=draw(hostile),
            aliases=draw(st.lists(hostile, max_size=2)),
            year=draw(st.integers(min_value=-(10**6), max_value=10**6)),
            arxiv=draw(hostile),
        )
        for number in (1, 2)
    ]


@st.composite
def accepted(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Two papers with arbitrary or hostile text in every field of free text, and in the URLs' paths and
    queries (percent-encoded, as a URL holds them); the fields with a form of their own keep it."""
    kinds = st.sampled_from(["code", "dataset", "model", "project"])
    path = st.builds(lambda text: quote(text, safe=""), hostile)
    return [
        paper_data(
            number,
            draw,
            hostile,
            links=[
                {"kind": draw(kinds), "url": f"https://example.org/{number}/" + draw(path)},
                {"kind": "project", "url": "https://example.org/p", "original": "http://example.org/?" + draw(path)},
            ],
            date="Mar 17",
            aliases=[f"old-{number}"],
            year=2024,
            arxiv="2401.0123" + str(number),
        )
        for number in (1, 2)
    ]


@st.composite
def tags(draw: st.DrawFn) -> dict[str, Any]:
    return {"slug": TAG_SLUG, "name": draw(hostile), "description": draw(hostile), "aliases": [draw(hostile)]}


@st.composite
def accepted_tags(draw: st.DrawFn) -> dict[str, Any]:
    return {"slug": TAG_SLUG, "name": f"{draw(hostile)} tag", "description": f"{draw(hostile)} tag"}


def write_catalog(project: Path, drawn: list[dict[str, Any]], tag: dict[str, Any]) -> None:
    papers_dir = project / "data" / "papers"
    for paper in drawn:
        text = yaml.safe_dump(paper, allow_unicode=True, sort_keys=False)
        (papers_dir / f"{paper['slug']}.yml").write_text(text, encoding="utf-8")
    tags_file = project / "data" / "tags.yml"
    vocabulary = yaml.safe_load(tags_file.read_text(encoding="utf-8"))
    tags_file.write_text(yaml.safe_dump([*vocabulary, tag], allow_unicode=True, sort_keys=False), encoding="utf-8")


def assert_reported_as_problems(stderr: str) -> None:
    """Every line a problem at `path:line`, then the count: no traceback, no line forged by a value."""
    lines = stderr.splitlines()
    assert "Traceback" not in stderr
    assert re.fullmatch(r"\d+ problems? found; nothing was written\.", lines[-1]), lines[-1]
    for line in lines[:-1]:
        assert re.fullmatch(r"data/[^\n]*?:\d+: .+", line), line
        assert not line.startswith("::")


def pages_of(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix().removesuffix("index.html") for path in site.rglob("index.html"))


def scan_site(page: Page, site: Path) -> dict[str, Any]:
    """What every page of `site` holds, opened in Chromium: element names, handlers, URLs, and any payload run.

    A redirect page (an old slug's) leaves at once for its target, so it is read as the file it is."""
    tags: set[str] = set()
    handlers: list[str] = []
    urls: list[str] = []
    pwned: dict[str, object] = {}
    with serve(site) as base:
        for path in pages_of(site):
            text = (site / path / "index.html").read_text(encoding="utf-8")
            if 'http-equiv="refresh"' in text:
                found = scan_file(text)
            else:
                page.goto(base + path, wait_until="load")
                found = page.evaluate(SCAN)
                if (value := page.evaluate("window.__pwned")) is not None:
                    pwned[path] = value
            tags.update(found["tags"])
            handlers += [f"{path}: {handler}" for handler in found["handlers"]]
            urls += [f"{path}: {value}" for value in found["urls"] if SCRIPT_URL.match(value)]
    return {"tags": tags, "handlers": handlers, "urls": urls, "pwned": pwned}


def scan_file(text: str) -> dict[str, list[str]]:
    """What SCAN finds, from a page's HTML as parsed without running it."""
    found: dict[str, list[str]] = {"tags": ["html", "head", "body"], "handlers": [], "urls": []}
    for element in BeautifulSoup(text, "html.parser").find_all(True):
        found["tags"].append(element.name)
        for name, value in element.attrs.items():
            if EVENT_ATTRIBUTE.match(name):
                found["handlers"].append(f"{element.name} {name}")
            if name in URL_ATTRIBUTES:
                found["urls"].append(str(value))
        if element.name == "meta" and "refresh" in str(element.get("http-equiv", "")).lower():
            found["urls"].append(re.sub(r"^[^;]*;\s*url=", "", str(element.get("content", "")), flags=re.IGNORECASE))
    return found


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture project, copied once; each example starts from a copy of it."""
    return copy_project(tmp_path_factory.mktemp("hostile-template") / "project", FIXTURES / "catalog" / "data")


@pytest.fixture(scope="module")
def page(browser: Browser) -> Iterator[tuple[Page, dict[str, set[str]]]]:
    """One page for every example, recording the hosts it asked for and the dialogs it opened."""
    context = browser.new_context()
    seen: dict[str, set[str]] = {"hosts": set(), "dialogs": set()}

    def outside(route: Route) -> None:
        seen["hosts"].add(urlsplit(route.request.url).hostname or route.request.url)
        route.abort()

    def on_dialog(dialog: Dialog) -> None:
        seen["dialogs"].add(dialog.message)
        dialog.dismiss()

    context.route(lambda address: urlsplit(address).hostname != "127.0.0.1", outside)
    opened = context.new_page()
    opened.on("dialog", on_dialog)
    yield opened, seen
    context.close()


@pytest.fixture(scope="module")
def site_elements(
    template: Path, page: tuple[Page, dict[str, set[str]]], tmp_path_factory: pytest.TempPathFactory
) -> set[str]:
    """The elements the site's own templates make, from a build of the fixture catalog with no payload."""
    project = tmp_path_factory.mktemp("benign") / "project"
    shutil.copytree(template, project)
    result = run_cli(project, "build")
    assert result.returncode == 0, result.stderr
    found = scan_site(page[0], project / "site")
    assert found["handlers"] == [] and found["urls"] == [] and found["pwned"] == {}
    return set(found["tags"])


@settings(
    max_examples=15,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(drawn=anything(), tag=tags())
def test_any_data_is_accepted_or_refused_with_messages(
    drawn: list[dict[str, Any]], tag: dict[str, Any], template: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    project = tmp_path_factory.mktemp("anything") / "project"
    shutil.copytree(template, project)
    write_catalog(project, drawn, tag)
    checked = run_cli(project, "check")
    note(f"check said: {checked.stdout}{checked.stderr}")
    assert checked.returncode in (0, 1)
    if checked.returncode == 1:
        assert_reported_as_problems(checked.stderr)


@settings(
    max_examples=5,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(drawn=accepted(), tag=accepted_tags())
def test_hostile_text_in_every_field_builds_inert_pages(
    drawn: list[dict[str, Any]],
    tag: dict[str, Any],
    template: Path,
    page: tuple[Page, dict[str, set[str]]],
    site_elements: set[str],
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    project = tmp_path_factory.mktemp("hostile-example") / "project"
    shutil.copytree(template, project)
    write_catalog(project, drawn, tag)
    result = run_cli(project, "build")
    assert result.returncode == 0, result.stderr
    opened, seen = page
    found = scan_site(opened, project / "site")
    assert found["pwned"] == {}
    assert found["handlers"] == []
    assert found["urls"] == []
    assert found["tags"] <= site_elements, found["tags"] - site_elements
    assert seen["dialogs"] == set()
    assert seen["hosts"] <= ALLOWED_HOSTS
