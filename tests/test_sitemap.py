"""A sitemap over the protocol's 50,000 URLs becomes an index of parts; a small one is left alone."""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET
from pathlib import Path

from generator.site.sitemap import NAMESPACE, split_sitemap, urlset

SITE_URL = "https://example.org/papershelf/"


def locations(path: Path, tag: str) -> list[str]:
    root = ET.parse(path).getroot()
    assert root.tag == f"{{{NAMESPACE}}}{tag}"
    return [element.text or "" for element in root.iter(f"{{{NAMESPACE}}}loc")]


def site_with(tmp_path: Path, count: int) -> tuple[Path, list[str]]:
    urls = [f"{SITE_URL}papers/p{number}/?a=1&b=2" for number in range(count)]
    (tmp_path / "sitemap.xml").write_bytes(urlset(urls))
    return tmp_path, urls


def test_a_sitemap_within_the_limit_is_left_as_it_is(tmp_path: Path) -> None:
    site, _ = site_with(tmp_path, 5)
    before = (site / "sitemap.xml").read_bytes()
    assert split_sitemap(site, SITE_URL, limit=5) == []
    assert (site / "sitemap.xml").read_bytes() == before


def test_a_larger_sitemap_becomes_an_index_of_parts_of_at_most_the_limit(tmp_path: Path) -> None:
    site, urls = site_with(tmp_path, 12)
    written = split_sitemap(site, SITE_URL, limit=5)
    assert written == ["sitemap-1.xml.gz", "sitemap-2.xml.gz", "sitemap-3.xml.gz", "sitemap.xml", "sitemap.xml.gz"]
    parts = locations(site / "sitemap.xml", "sitemapindex")
    assert parts == [f"{SITE_URL}sitemap-{number}.xml.gz" for number in (1, 2, 3)]
    for number in (1, 2, 3):
        part = site / f"sitemap-{number}.xml.gz"
        part.with_suffix("").write_bytes(gzip.decompress(part.read_bytes()))
    listed = [locations(site / f"sitemap-{number}.xml", "urlset") for number in (1, 2, 3)]
    assert [len(part) for part in listed] == [5, 5, 2]
    assert [url for part in listed for url in part] == urls  # every URL once, in order, "&" read back from "&amp;"
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == (site / "sitemap.xml").read_bytes()
