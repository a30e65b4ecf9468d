"""Related papers, by the terms of their titles and abstracts."""
