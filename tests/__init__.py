"""The test suite: a package, so that ``tests.core`` and ``tests.app`` resolve here even when a
dependency installs a top-level ``tests`` package of its own (fast-diff-match-patch 2.1 does)."""
