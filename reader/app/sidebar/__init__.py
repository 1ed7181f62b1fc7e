"""The sidebar dock: sentences in only one text, and what changed in the facts."""
