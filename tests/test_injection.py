"""Hostile input stays inert: imported, built and opened page by page in Chromium, nothing runs."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import feedparser  # type: ignore[import-untyped]
import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Dialog, Route

from generator.site.serving import serve
from tests.conftest import FIXTURES, copy_project, run_cli

HOSTILE = FIXTURES / "hostile"
SCRIPT_TITLE = '<script>window.__pwned = "title script"</script> Attention for Speech'
# Hosts a page may call: the star badges and Material's repository facts. The payloads name others.
ALLOWED_HOSTS = {"127.0.0.1"}  # readers' browsers ask no other host


def run(project: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return run_cli(project, *arguments)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    built = copy_project(tmp_path_factory.mktemp("hostile") / "project", FIXTURES / "catalog" / "data")
    tags = built / "data" / "tags.yml"
    tags.write_text(tags.read_text(encoding="utf-8") + (HOSTILE / "tag.yml").read_text(encoding="utf-8"))
    shutil.copy(HOSTILE / "paper.yml", built / "data" / "papers" / "front-matter-breaker.yml")
    paper = built / "data" / "papers" / "front-matter-breaker.yml"
    paper.write_text(paper.read_text(encoding="utf-8").replace("tags: [speech]", "tags: [speech, payload-tag]"))
    imported = run(built, "import", str(HOSTILE / "listing.txt"), "--added", "2026-11-24")
    assert imported.returncode == 0, imported.stderr
    result = run(built, "build")
    assert result.returncode == 0, result.stderr
    return built


def pages_of(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix().removesuffix("index.html") for path in site.rglob("index.html"))


def test_no_payload_runs_or_calls_its_host_on_any_page(project: Path, browser: Browser) -> None:
    site = project / "site"
    hosts: set[str] = set()
    dialogs: list[str] = []

    def outside(route: Route) -> None:
        hosts.add(urlsplit(route.request.url).hostname or route.request.url)
        route.abort()

    context = browser.new_context()
    context.route(lambda url: urlsplit(url).hostname != "127.0.0.1", outside)
    page = context.new_page()

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    pwned: dict[str, object] = {}
    with serve(site) as base:
        visited = pages_of(site)
        assert len(visited) >= 15
        for path in visited:
            page.goto(base + path, wait_until="networkidle")
            value = page.evaluate("window.__pwned")
            if value is not None:
                pwned[path] = value
        page.goto(base)
        page.fill("#ps-search-input", "speech")
        page.wait_for_selector(".ps-search__results li")
        page.wait_for_timeout(500)
        results = page.locator(".ps-search__results li a").all_inner_texts()
        pwned_by_search = page.evaluate("window.__pwned")
    context.close()
    assert pwned == {}
    assert pwned_by_search is None
    assert dialogs == []
    assert hosts <= ALLOWED_HOSTS
    assert SCRIPT_TITLE in results


def test_payloads_read_as_text_in_pages_feeds_and_exports(project: Path) -> None:
    site = project / "site"
    slug = "script-window-pwned-title-script-script-attention-for-speech"
    soup = BeautifulSoup((site / "papers" / slug / "index.html").read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article")
    assert article is not None and article.h1 is not None
    assert article.h1.get_text().rstrip("¶") == SCRIPT_TITLE
    assert article.select("script, img[onerror], iframe, style, svg[onload]") == []
    assert soup.select_one("meta[property='og:title']")["content"] == SCRIPT_TITLE  # type: ignore[index]
    json_ld = json.loads(soup.select_one("script[type='application/ld+json']").get_text())  # type: ignore[union-attr]
    assert json_ld["name"] == SCRIPT_TITLE
    breaker = (site / "papers" / "front-matter-breaker" / "index.html").read_text(encoding="utf-8")
    breaker_soup = BeautifulSoup(breaker, "html.parser")
    heading = breaker_soup.select_one("article h1")
    assert heading is not None
    assert (
        heading.get_text().rstrip("¶")
        == "Closing --- hide: [navigation] --- <script>window.__pwned='front matter'</script> Speech"
    )
    assert breaker_soup.select("article script") == []
    project_link = breaker_soup.select("article a[href*='project.example']")[0]
    assert set(project_link.attrs) <= {"href", "class"}
    # A double quote is refused where the URL is loaded; a single quote and brackets stay inside the attribute.
    assert str(project_link["href"]) == "https://project.example/'onmouseover='window.__pwned=1;%281%29"
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not feed.bozo
    assert SCRIPT_TITLE in [entry.title for entry in feed.entries]
    exported = json.loads(gzip.decompress((site / "papers.json.gz").read_bytes()))
    assert SCRIPT_TITLE in [paper["title"] for paper in exported["papers"]]
    tag_page = BeautifulSoup((site / "tags" / "payload-tag" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert tag_page.select("article img[onerror], article script") == []
    heading = tag_page.select_one("article h1")
    assert heading is not None
    assert (
        heading.get_text().rstrip("¶")
        == """<img src="https://evil.example/tag.png" onerror="window.__pwned='tag'"> Tag"""
    )
