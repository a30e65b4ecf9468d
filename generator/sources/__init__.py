"""Papers read from services rather than listing files: the Hugging Face daily papers."""
