"""MkDocs: the hooks of mkdocs.yml and its command line."""
