"""The versions view: one base beside several versions of it (issue 25).

``job`` runs in a process of its own (no Qt), ``runner`` is the window's end of it, ``grid``
and ``panel`` are the sidebar's Versions tab, ``controller`` switches the right pane between
the versions, and ``export`` writes the grid as HTML or PDF. This package's ``__init__``
imports nothing, so the child process loads no Qt.
"""
