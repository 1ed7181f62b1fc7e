"""Entry script for the PyInstaller bundle: the same dispatch as the ``tandem`` command."""

import sys

from reader.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
