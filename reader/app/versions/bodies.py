"""The versions view's kept pane bodies: a reading view and location bar per version and side.

Putting a document into a view makes Qt lay it out again from scratch (a fifth of a second
for a book, and as much again to find the base's place in it), so every version gets its own
pair of views, filled once when its documents are built and laid out by Qt in the background
while hidden. A switch raises that pair in the panes' stacks and points everything that acts
on "the panes" (linked reading, find, fact marks) at it; nothing is laid out or unpacked again.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QTextDocument

from reader.app.panes.fact_marks import FactMarks
from reader.app.panes.finder import FindBar
from reader.app.panes.pane import ArticlePane, PaneBody
from reader.app.panes.reading import ReadingController
from reader.app.panes.reading_view import ReadingView
from reader.app.panes.render import FormatBook, PaneMap
from reader.app.worker.service import CompareResult
from reader.core.marks import Side

Built = dict[Side, tuple[QTextDocument, PaneMap]]
Bodies = dict[Side, PaneBody]


class BodiesHost(Protocol):
    """What the kept bodies use of the window."""

    panes: dict[Side, ArticlePane]
    formats: dict[Side, FormatBook]
    reading: ReadingController
    find_bar: FindBar
    fact_marks: FactMarks

    def connect_view(self, side: Side, view: ReadingView) -> None: ...


class VersionBodies:
    """Makes, raises and forgets the panes' bodies of the versions."""

    def __init__(self, host: BodiesHost) -> None:
        self.host = host
        self._retired: list[tuple[ArticlePane, PaneBody]] = []  # still on screen, dropped at the next show

    def make(self, result: CompareResult, built: Built, dropped: list[tuple[int, int, int]]) -> Bodies:
        """A hidden body per side holding ``built``; ``dropped`` marks the base's location bar."""
        bodies: Bodies = {}
        for side, (document, pane_map) in built.items():
            content = result.a if side is Side.A else result.b
            assert content is not None
            pane = self.host.panes[side]
            body = pane.add_body()
            view = body.view
            if document.defaultFont() != view.document().defaultFont():  # zoomed while it was filled
                document.setDefaultFont(view.document().defaultFont())
            view.show_content(content, self.host.formats[side], (document, pane_map))
            document.setParent(view)  # the view deletes the documents it owns
            width = pane.view.viewport().width()
            if document.pageSize().width() != width:
                document.setTextWidth(width)  # the hidden view's own width is not known yet
            body.location_bar.set_overview(content.overview)
            self.host.reading.attach(side, view)
            self.host.connect_view(side, view)
            bodies[side] = body
        bodies[Side.A].location_bar.set_versions_marks(dropped)
        return bodies

    def show(self, bodies: Bodies) -> None:
        """Raise ``bodies`` in the panes and act on their views from now on."""
        for side, body in bodies.items():
            self.host.panes[side].show_body(body)
        self._point_at({side: body.view for side, body in bodies.items()})
        self._drop_retired()

    def release(self, bodies: Bodies) -> None:
        """Forget a version's bodies; those on screen stay there until something replaces them."""
        for side, body in bodies.items():
            pane = self.host.panes[side]
            if pane.body is body:
                self._retired.append((pane, body))
            else:
                pane.remove_body(body)

    def back_to_main(self) -> None:
        """The panes' own bodies again (a pairwise comparison replaces the versions)."""
        for pane in self.host.panes.values():
            pane.show_body(pane.main_body)
        self._point_at({side: pane.main_body.view for side, pane in self.host.panes.items()})
        self._drop_retired()

    def _point_at(self, views: dict[Side, ReadingView]) -> None:
        host = self.host
        host.reading.set_views(views)
        host.find_bar.set_views(views)
        host.fact_marks.set_views(views)

    def _drop_retired(self) -> None:
        retired, self._retired = self._retired, []
        for pane, body in retired:
            if pane.body is body:  # still the one shown: keep it
                self._retired.append((pane, body))
            else:
                pane.remove_body(body)
