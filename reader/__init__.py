"""Tandem: compare two versions of an article, sentence by sentence."""

__version__ = "0.1.0"
