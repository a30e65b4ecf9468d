"""The Pagefind search index: built over the paper pages of a built site, in a reproducible form."""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import cbor2

# Paper pages only: redirect pages under papers/ carry no `data-pagefind-body` and are skipped.
PAGES_GLOB = "papers/*/index.html"
BUNDLE = "pagefind"
SIGNATURE = b"pagefind_dcd"
FILTERS_IN_META = 3  # the position of the [filter name, file hash] list in a pf_meta file


def index_command(site_dir: Path) -> list[str]:
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--glob", PAGES_GLOB, "--quiet"]
    return [*command, "--exclude-selectors", ".headerlink"]


def index_site(site_dir: Path) -> subprocess.CompletedProcess[str]:
    """Write the search bundle into `site_dir/pagefind`; the caller decides what a failure means."""
    result = subprocess.run(index_command(site_dir), capture_output=True, text=True, check=False)
    if result.returncode == 0:
        normalise_bundle(site_dir / BUNDLE)
    return result


def read_part(path: Path) -> Any:
    data = gzip.decompress(path.read_bytes())
    return cbor2.loads(data.removeprefix(SIGNATURE))


def write_part(folder: Path, prefix: str, suffix: str, content: Any, digits: int) -> str:
    """Write a bundle file named by its content, as Pagefind does, and return that name's hash part."""
    data = SIGNATURE + cbor2.dumps(content)
    name = f"{prefix}{hashlib.sha256(data).hexdigest()[:digits]}"
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(data, mtime=0))
    return name


def normalise_bundle(bundle: Path) -> None:
    """Pagefind writes filter values in hash-map order, so two builds of one site differ; sort them.

    Filter files are renamed by their new content and the language's meta file and entry point are
    rewritten to match; every other file of the bundle is already the same from build to build.
    """
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        meta_path = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = read_part(meta_path)
        renamed = []
        for name, old in meta[FILTERS_IN_META]:
            path = bundle / "filter" / f"{old}.pf_filter"
            filter_name, values = read_part(path)
            path.unlink()
            prefix = old.rsplit("_", 1)[0] + "_"
            content = [filter_name, sorted(values, key=lambda value: str(value[0]))]
            renamed.append([name, write_part(bundle / "filter", prefix, ".pf_filter", content, 7)])
        meta[FILTERS_IN_META] = sorted(renamed)
        meta_path.unlink()
        prefix = language["hash"].rsplit("_", 1)[0] + "_"
        language["hash"] = write_part(bundle, f"pagefind.{prefix}", ".pf_meta", meta, 10).removeprefix("pagefind.")
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
