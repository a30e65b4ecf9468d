"""Long lists of papers cut into pages: the first keeps the list's own address, the others live under page/N/.

Page addresses are not permalinks: which papers page 7 shows changes as papers are added, and the last
page comes and goes with the catalog's size. They are therefore never recorded in data/published-urls.txt
(generator/site/permalinks.py), and the list's first page, which is recorded, keeps its address."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.catalog.model import Paper

PAGE_SIZE = 200


@dataclass(frozen=True)
class ListPage:
    """One page of a list of papers; paths are under docs/, as the renderer links them."""

    papers: tuple[Paper, ...]
    number: int
    paths: tuple[str, ...]
    total: int
    start: int

    @property
    def path(self) -> str:
        return self.paths[self.number - 1]

    @property
    def count(self) -> int:
        return len(self.paths)

    @property
    def previous(self) -> str | None:
        return self.paths[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.paths[self.number] if self.number < self.count else None

    @property
    def end(self) -> int:
        """The position of the page's last paper in the whole list, counting from 1."""
        return self.start + len(self.papers) - 1


def page_paths(first: str, folder: str, total: int, size: int = PAGE_SIZE) -> tuple[str, ...]:
    """`first`, then `folder/page/2.md`, `folder/page/3.md`... enough pages for `total` papers; one at least."""
    count = max(1, -(-total // size))
    return (first, *(f"{folder}/page/{number}.md" for number in range(2, count + 1)))


def paginate(papers: Sequence[Paper], first: str, folder: str, size: int = PAGE_SIZE) -> list[ListPage]:
    """The pages of `papers`, in the order given, `size` a page."""
    if size < 1:
        raise ValueError(f"a page holds at least one paper, not {size}")
    paths = page_paths(first, folder, len(papers), size)
    return [
        ListPage(tuple(papers[offset : offset + size]), number, paths, len(papers), offset + 1)
        for number, offset in enumerate(range(0, max(len(papers), 1), size), start=1)
    ]
