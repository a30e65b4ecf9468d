"""The site's own search index."""
