"""What the search index and related papers both read text as: its words and the words too common to mean much."""
