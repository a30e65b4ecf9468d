"""The built site's size for `bench`: by part, its paper pages, and the Pages artifact it uploads as."""

from __future__ import annotations

import statistics
import tarfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.bench.command import Report

PAPER_PAGE_BUDGET = 8 * 1024  # bytes of HTML a paper page is kept to where its data allows


def part_of_site(relative: str) -> str:
    """What a file of the site is, for the size breakdown."""
    parts = relative.split("/")
    if parts[0] == "papers":
        return "list of all papers" if len(parts) == 2 or parts[1] == "page" else "paper pages"
    if parts[0] == "tags":
        return "tag feeds" if parts[-1] == "feed.xml" else "tag exports" if parts[-1].endswith(".gz") else "tag pages"
    if parts[0] in ("search", "assets"):
        return parts[0]
    if parts[-1].endswith(".gz") and not parts[-1].startswith("sitemap"):
        return "exports"
    return "sitemap" if parts[-1].startswith("sitemap") else "other"


class ArtifactSize:
    """A sink for the Pages artifact's tar: counts its bytes, and what they gzip to, as upload-artifact
    compresses them (level 6) before deploy-pages compares the upload with Pages' 1 GB."""

    def __init__(self) -> None:
        self.size = 0
        self.compressor = zlib.compressobj(6, zlib.DEFLATED, 31)
        self.compressed = 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        self.compressed += len(self.compressor.compress(data))
        return len(data)

    def tell(self) -> int:
        return self.size

    def close(self) -> None:
        self.compressed += len(self.compressor.flush())


def measure_site(report: Report, site: Path) -> None:
    sizes: dict[str, int] = {}
    for path in site.rglob("*"):
        if path.is_file():
            sizes[path.relative_to(site).as_posix()] = path.stat().st_size
    report.site_files = len(sizes)
    report.site_mb = round(sum(sizes.values()) / 1e6, 1)
    breakdown: dict[str, int] = {}
    for relative, size in sizes.items():
        breakdown[part_of_site(relative)] = breakdown.get(part_of_site(relative), 0) + size
    report.site_breakdown_mb = {part: round(size / 1e6, 1) for part, size in sorted(breakdown.items())}
    pages = [size for relative, size in sizes.items() if part_of_site(relative) == "paper pages"]
    report.paper_page_median_bytes = int(statistics.median(pages))
    report.paper_page_max_bytes = max(pages)
    report.paper_pages_over_budget = round(sum(size > PAPER_PAGE_BUDGET for size in pages) / len(pages), 3)
    sink = ArtifactSize()
    with tarfile.open(fileobj=sink, mode="w") as archive:  # type: ignore[call-overload]
        archive.add(site, arcname=".")
    sink.close()
    report.pages_artifact_mb = round(sink.size / 1e6, 1)
    report.pages_artifact_gzip_mb = round(sink.compressed / 1e6, 1)
