"""Diffs: the diff-match-patch backends, word diffs of a unit, and the whole-text diff."""
