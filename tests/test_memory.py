"""The sampled memory of a process tree counts a child's memory while it runs."""

from __future__ import annotations

import os
import subprocess
import sys

from generator.bench.memory import TreeMemory, descendants, proportional_kb


def test_descendants_include_a_running_child() -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(5)"])
    try:
        assert descendants(os.getpid())[0] == os.getpid()
        assert child.pid in descendants(os.getpid())
    finally:
        child.kill()
        child.wait()


def test_the_peak_counts_a_child_holding_200_mb() -> None:
    own = proportional_kb(os.getpid()) / 1024
    code = "import time; block = bytearray(200 * 1024 * 1024); block[::4096] = b'x' * len(block[::4096]); time.sleep(2)"
    with TreeMemory() as memory:
        subprocess.run([sys.executable, "-c", code], check=True)
    assert memory.peak_mb > own + 190
