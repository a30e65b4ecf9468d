"""`python -m generator bench`: a synthetic catalog built for real, every stage measured."""
