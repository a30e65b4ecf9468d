"""The Pagefind search index: built over the paper pages of a built site."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# Paper pages only: redirect pages under papers/ carry no `data-pagefind-body` and are skipped.
PAGES_GLOB = "papers/*/index.html"
BUNDLE = "pagefind"


def index_command(site_dir: Path) -> list[str]:
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--glob", PAGES_GLOB, "--quiet"]
    return [*command, "--exclude-selectors", ".headerlink"]


def index_site(site_dir: Path) -> subprocess.CompletedProcess[str]:
    """Write the search bundle into `site_dir/pagefind`; the caller decides what a failure means."""
    return subprocess.run(index_command(site_dir), capture_output=True, text=True, check=False)
