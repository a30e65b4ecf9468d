"""The memory a process tree holds, sampled while it runs: a build forks render helpers and runs MkDocs.

The peak resident set of each process (getrusage) misses what runs at the same time, and counts the
pages a forked helper shares with its parent twice. The proportional set size (Linux's `Pss`, each
shared page split among its sharers), summed over this process and its descendants, is neither.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from types import TracebackType

PROC = Path("/proc")
INTERVAL = 0.25  # seconds between samples


def descendants(root: int) -> list[int]:
    """`root` and every process below it, from the parent ids in /proc/*/stat."""
    children: dict[int, list[int]] = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # the process ended meanwhile
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])  # after the command name, which may hold spaces
        children.setdefault(parent, []).append(int(entry.name))
    found, waiting = [], [root]
    while waiting:
        pid = waiting.pop()
        found.append(pid)
        waiting += children.get(pid, [])
    return found


def proportional_kb(pid: int) -> int:
    try:
        for line in (PROC / str(pid) / "smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class TreeMemory:
    """`with TreeMemory() as memory:` samples the tree's memory in a thread; `memory.peak_mb` is the largest sum."""

    def __init__(self, root: int | None = None) -> None:
        self.root = os.getpid() if root is None else root
        self.peak_kb = 0
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self.sample, daemon=True)

    @property
    def peak_mb(self) -> float:
        return self.peak_kb / 1024

    def sample(self) -> None:
        while not self.stopped.wait(INTERVAL):
            self.peak_kb = max(self.peak_kb, sum(map(proportional_kb, descendants(self.root))))

    def __enter__(self) -> TreeMemory:
        self.thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stopped.set()
        self.thread.join()
