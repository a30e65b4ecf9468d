"""PaperShelf: turns paper listings into a catalog site."""
