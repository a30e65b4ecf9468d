"""How work runs: in this process or on every core, with the collector paused."""
