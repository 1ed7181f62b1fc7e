"""Entry point for ``tandem`` and ``python -m reader``."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    if getattr(sys, "frozen", False):
        import multiprocessing

        # In the frozen bundle the comparison process is this same executable started again;
        # freeze_support turns that launch into the worker instead of a second window. (Not
        # imported otherwise: it costs the command line a few milliseconds at every start.)
        multiprocessing.freeze_support()
    from reader.cli import main as cli_main

    return cli_main(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
