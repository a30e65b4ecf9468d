"""Listings in: reading daily-paper listings, links and text clean-up, importing and adding papers."""
