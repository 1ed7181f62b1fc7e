"""Sharing a comparison: the HTML report, printing and PDF, laid out off the UI thread."""
