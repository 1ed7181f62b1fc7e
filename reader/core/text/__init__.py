"""Text: sentence boundaries, matching tokens and the shared word lists every stage uses."""
