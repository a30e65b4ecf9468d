"""The site's Markdown: templates, renderers, feeds, citations, exports, sitemaps and redirects."""
