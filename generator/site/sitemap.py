"""Sitemaps of more than 50,000 URLs, which the protocol forbids, split into parts under an index.

MkDocs writes one `sitemap.xml` (and its `.gz`) with every page. At 100,000 papers that is over the
protocol's 50,000 URLs a file, and search engines would refuse it: `split_sitemap` leaves a small
sitemap as it is and turns a large one into gzip-compressed `sitemap-N.xml.gz` parts (which the
protocol allows, and which are a tenth of the size) listed by a sitemap index.
"""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET
from pathlib import Path

NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
MAX_URLS = 50_000  # https://www.sitemaps.org/protocol.html#index
SITEMAP = "sitemap.xml"


def locations_document(root: str, entry: str, locations: list[str]) -> bytes:
    """A sitemap document: `root` holding one `entry` element per location, each with its `loc`."""
    document = ET.Element(root, xmlns=NAMESPACE)
    for location in locations:
        ET.SubElement(ET.SubElement(document, entry), "loc").text = location
    ET.indent(document, space="")
    written: bytes = ET.tostring(document, encoding="utf-8", xml_declaration=True)
    return written + b"\n"


def urlset(locations: list[str]) -> bytes:
    return locations_document("urlset", "url", locations)


def sitemap_index(locations: list[str]) -> bytes:
    return locations_document("sitemapindex", "sitemap", locations)


def split_sitemap(site_dir: Path, site_url: str, limit: int = MAX_URLS) -> list[str]:
    """Split `site_dir/sitemap.xml` into parts of at most `limit` URLs if it has more; the files written."""
    path = site_dir / SITEMAP
    if not path.is_file():
        return []
    tree = ET.parse(path)  # noqa: S314 - MkDocs' own output from our template, not outside data
    locations = [element.text or "" for element in tree.getroot().iter(f"{{{NAMESPACE}}}loc")]
    if len(locations) <= limit:
        return []
    base = site_url if site_url.endswith("/") else f"{site_url}/"
    written: list[str] = []
    for number, start in enumerate(range(0, len(locations), limit), start=1):
        name = f"sitemap-{number}.xml.gz"
        part = urlset(locations[start : start + limit])
        (site_dir / name).write_bytes(gzip.compress(part, mtime=0))
        written.append(name)
    index = sitemap_index([base + name for name in written])
    path.write_bytes(index)
    (site_dir / f"{SITEMAP}.gz").write_bytes(gzip.compress(index, mtime=0))
    return [*written, SITEMAP, f"{SITEMAP}.gz"]
