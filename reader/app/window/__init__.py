"""The main window, its menus and how articles get into it."""
