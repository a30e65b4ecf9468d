"""What the catalog learns from services on the web: each client honours its service's own environment
variables for another address (tests answer there), and reports failures as one line each."""
