"""Links the two panes while reading: linked highlights, scrolling by meaning, next/previous.

The decisions (which sentences belong together, where the other pane should be, what the
next difference is) come from the Qt-free ``navigation`` module; this class only turns them
into highlights and scroll bar positions, and guards against the panes driving each other
in a loop.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal
from shiboken6 import isValid

from reader.app.palette import Palette
from reader.app.panes.navigation import LinkGroup, Links, step
from reader.app.panes.reading_view import READING_LINE, ReadingView
from reader.core.marks import Side
from reader.core.model import Comparison


def other(side: Side) -> Side:
    return Side.B if side is Side.A else Side.A


class ReadingController(QObject):
    """Owns the reading state shared by both panes of one window."""

    difference_changed = Signal(int, int)  # current index (0-based, -1 for none), count
    wrapped = Signal(str)  # next/previous difference went past the end: the notice to show

    def __init__(
        self, views: dict[Side, ReadingView], palette: Callable[[], Palette], parent: QObject | None = None
    ) -> None:
        """``parent`` (the window) takes the controller and its timer along when it goes: a
        timer left running fired on views already deleted."""
        super().__init__(parent)
        self.views = views
        self._palette = palette
        self.links: Links | None = None
        self.sync_enabled = True
        self.current: int | None = None
        self.pinned: LinkGroup | None = None  # set by a click, kept while the mouse wanders
        self._jump: LinkGroup | None = None  # the place of the last jump, marked until the next
        self._syncing = False
        # The place of each pane as text (pane position at its top, pixels below that line),
        # so it survives re-wrapping and Qt's lazy layout; only scrolling the panes moves it.
        self.places: dict[Side, tuple[int, float]] = {}
        self.leading = Side.A  # the pane the reader scrolled last: the other follows it
        self._frozen = False  # the layout moved under the panes: their pixel values mean nothing
        self._restoring = False
        self._replace_timer = QTimer(self)
        self._replace_timer.setSingleShot(True)
        self._replace_timer.setInterval(0)
        self._replace_timer.timeout.connect(self.restore_places)
        for side, view in views.items():
            self.attach(side, view)

    def attach(self, side: Side, view: ReadingView) -> None:
        """Listen to ``view``; it acts only while it is one of ``views`` (see ``set_views``)."""

        def shown() -> bool:
            return self.views.get(side) is view

        def moved(*_args: object) -> None:
            if shown():
                self._layout_moved()

        view.verticalScrollBar().rangeChanged.connect(moved)
        view.layout_changed.connect(moved)
        view.verticalScrollBar().valueChanged.connect(lambda _value: self.on_scrolled(side) if shown() else None)
        view.sentence_hovered.connect(lambda s, index: self.on_hovered(s, index) if shown() else None)
        view.sentence_clicked.connect(lambda s, index: self.on_clicked(s, index) if shown() else None)

    def set_views(self, views: dict[Side, ReadingView]) -> None:
        """Act on these views from now on (each attached once); highlights go with the old ones."""
        for side, view in views.items():
            if self.views.get(side) is not view:
                self.views[side].clear_reading_marks()
                self.views[side] = view

    # ----- state --------------------------------------------------------------------------
    def set_comparison(self, comparison: Comparison | None, links: Links | None = None) -> None:
        """A comparison on screen; ``links`` are its links if already made (kept per version)."""
        self.links = links if links is not None else Links(comparison) if comparison is not None else None
        self.places = {}
        self.current = None
        self.pinned = None
        self._jump = None
        self.difference_changed.emit(-1, self.difference_count)

    @property
    def difference_count(self) -> int:
        return len(self.links.differences) if self.links else 0

    def refresh_highlights(self) -> None:
        """Re-apply the highlights (after a palette change)."""
        self._show_group(self.pinned)
        self._show_jump(self._jump)

    # ----- linked sentences -----------------------------------------------------------------
    def on_hovered(self, side: Side, index: int) -> None:
        """Tint the pair under the mouse; hovering never scrolls and leaves the clicked pair."""
        group = self.links.group(side, index) if self.links is not None and index >= 0 else None
        colour = self._palette().hover
        for each, view in self.views.items():
            view.set_hovered(group.sentences(each) if group else (), colour)

    def on_clicked(self, side: Side, index: int) -> None:
        if self.links is None:
            return
        group = self.links.group(side, index)
        self.pinned = group
        self._show_group(group)
        self._show_jump(None)
        counterpart = group.sentences(other(side))
        if counterpart:
            self._align_counterpart(side, index, counterpart[0])
        self._set_current(self.links.difference_index(side, index))

    def reveal(self, side: Side, index: int) -> None:
        """Select sentence ``index`` of ``side`` (and its counterpart), bring it to the reading line
        and make it the current difference, so next/previous continue from there."""
        if self.links is None:
            return
        group = self.links.group(side, index)
        self.pinned = group
        self._show_group(group)
        self._show_jump(LinkGroup(group.a, (), None) if side is Side.A else LinkGroup((), group.b, None))
        view = self.views[side]
        self.leading = side
        view.reveal_sentence(index)
        counterpart = group.sentences(other(side))
        if counterpart and not self.sync_enabled:
            self._align_counterpart(side, index, counterpart[0])
        self._set_current(self.links.difference_index(side, index))

    # ----- keyboard: sentence by sentence, and across to the counterpart -----------------------
    def step_sentence(self, side: Side, forward: bool) -> int | None:
        """Ctrl+Down / Ctrl+Up: the caret to the next (previous) sentence, its pair highlighted."""
        view = self.views[side]
        if self.links is None or view.pane_map is None or not view.pane_map.sentences:
            return None
        current = view.caret_sentence()
        count = len(view.pane_map.sentences)
        target = 0 if current is None else max(0, min(count - 1, current + (1 if forward else -1)))
        self.leading = side
        view.move_caret_to_sentence(target)
        self._pin(side, target)
        return target

    def jump_to_counterpart(self, side: Side) -> int | None:
        """Alt+Left / Alt+Right: from the caret's sentence in ``side`` to its counterpart (or, for a
        unique sentence, the matching place) in the other pane, level with it; returns its index."""
        source, target = self.views[side], self.views[other(side)]
        if self.links is None or source.pane_map is None or target.pane_map is None:
            return None
        if not target.pane_map.sentences:
            return None
        sentence = source.caret_sentence()
        if sentence is None:
            return None
        counterpart = self.links.counterpart(side, sentence)
        if counterpart:
            found = counterpart[0]
        else:
            mapped = self.links.coordinates.to_other(side, float(sentence))
            found = max(0, min(len(target.pane_map.sentences) - 1, int(mapped)))
        self._align_counterpart(side, sentence, found)
        cursor_target = target.pane_map.sentence_range(found)[0]
        cursor = target.textCursor()
        cursor.setPosition(cursor_target)
        target.setTextCursor(cursor)
        self.leading = other(side)
        self._pin(other(side), found)
        return found

    def _pin(self, side: Side, index: int) -> None:
        assert self.links is not None
        group = self.links.group(side, index)
        self.pinned = group
        self._show_group(group)
        self._set_current(self.links.difference_index(side, index))

    def _set_current(self, found: int | None) -> None:
        if found is not None:
            self.current = found
            self.difference_changed.emit(found, self.difference_count)

    def clear_pin(self) -> None:
        self.pinned = None
        self._show_group(None)
        self._show_jump(None)

    def _show_group(self, group: LinkGroup | None) -> None:
        colour = self._palette().link
        for side, view in self.views.items():
            view.set_linked(group.sentences(side) if group else (), colour)

    def _show_jump(self, group: LinkGroup | None) -> None:
        self._jump = group
        colour = self._palette().flash
        for side, view in self.views.items():
            view.flash(group.sentences(side) if group else (), colour)

    def _align_counterpart(self, side: Side, index: int, target: int) -> None:
        """Scroll the other pane so ``target`` sits level with sentence ``index`` of ``side``."""
        view = self.views[side]
        height = view.sentence_top(index) - view.verticalScrollBar().value()
        self.without_sync(lambda: self.views[other(side)].scroll_sentence_to(target, height))

    # ----- scrolling by meaning -------------------------------------------------------------
    def _layout_moved(self) -> None:
        """Re-wrapped, laid out further, or resized: put both panes back at their text soon."""
        if self.places:
            self._frozen = True
            self._replace_timer.start()

    def restore_places(self, places: dict[Side, int] | None = None) -> None:
        """Scroll each pane back to its recorded place (or to pane positions ``places``)."""
        if places is not None:
            self.places = {side: (position, 0.0) for side, position in places.items()}
        self._frozen = False
        self._restoring = True
        try:
            for side, (position, below) in self.places.items():
                if not isValid(self.views[side]):
                    return  # the window is going: its views were deleted before this turn
                if self.views[side].pane_map is not None:
                    self.without_sync(partial(self.views[side].scroll_to_position, position, below))
            if self.sync_enabled and self.leading in self.places:
                self._sync_from(self.leading)
        finally:
            self._restoring = False

    def top_offsets(self) -> dict[Side, int | None]:
        """The text offset at the top of each pane, to come back to after a re-render."""
        return {side: view.top_offset() for side, view in self.views.items()}

    def restore_offsets(self, tops: dict[Side, int | None] | None) -> None:
        """Scroll back to the text that was at the top before a re-render (A leads when syncing)."""
        if not tops:
            return
        places = {}
        for side, offset in tops.items():
            view = self.views[side]
            if offset is not None and view.pane_map is not None:
                places[side] = view.pane_map.position(offset)
        if self.leading not in places:
            self.leading = Side.A
        self.restore_places(places)

    def on_scrolled(self, side: Side) -> None:
        view = self.views[side]
        if self._frozen or self._restoring:
            return  # Qt clamping to a range that is being re-measured, or our own restore
        if view.pane_map is not None:
            self.places[side] = view.place()
        if self._syncing:
            return
        self.leading = side
        self._sync_from(side)

    def _sync_from(self, side: Side) -> None:
        if not self.sync_enabled or self.links is None:
            return
        source, target = self.views[side], self.views[other(side)]
        if source.pane_map is None or target.pane_map is None:
            return
        line = source.viewport().height() * READING_LINE
        coordinate = source.coordinate_at_y(source.verticalScrollBar().value() + line)
        mapped = self.links.coordinates.to_other(side, coordinate)
        target_line = target.viewport().height() * READING_LINE
        value = round(target.y_of_coordinate(mapped) - target_line)
        self.without_sync(lambda: target.verticalScrollBar().setValue(max(0, value)))

    def without_sync(self, action: Callable[[], None]) -> None:
        # valueChanged fires synchronously, so a flag is enough to stop the echo.
        self._syncing = True
        try:
            action()
        finally:
            self._syncing = False

    def sync_now(self, side: Side = Side.A) -> None:
        """Bring the other pane in line with ``side`` (after turning sync on or a reload)."""
        self.leading = side
        self._sync_from(side)

    # ----- next / previous difference -------------------------------------------------------
    def go_to_difference(self, forward: bool) -> int | None:
        """Move to the next (or previous) difference; returns its index, None when there is none."""
        if self.links is None or not self.links.differences:
            return None
        if self.current is None:
            view = self.views[Side.A]
            coordinate = view.coordinate_at_y(view.verticalScrollBar().value()) if view.pane_map else 0.0
            start = self.links.difference_at_or_after(Side.A, coordinate)
            if start is None:
                start = 0 if forward else self.difference_count - 1
            elif not forward:
                start = step(start, self.difference_count, False)
            self.current = start
        else:
            before = self.current
            self.current = step(self.current, self.difference_count, forward)
            if self.current is not None and (self.current < before if forward else self.current > before):
                self.wrapped.emit("Wrapped to the first difference" if forward else "Wrapped to the last difference")
        assert self.current is not None  # there are differences, so stepping always lands on one
        self.show_difference(self.current)
        return self.current

    def show_difference(self, index: int) -> None:
        assert self.links is not None
        self.current = index
        difference = self.links.differences[index]
        group = LinkGroup(difference.a, difference.b, difference.unit)
        self.pinned = group
        self._show_group(group)
        self._show_jump(group)

        def reveal() -> None:
            for side, view in self.views.items():
                sentences = difference.sentences(side)
                if sentences:
                    view.scroll_sentence_to(sentences[0], view.viewport().height() * READING_LINE)

        self.without_sync(reveal)
        present = Side.A if difference.a else Side.B
        if not difference.sentences(other(present)):
            self._sync_from(present)  # the side without it waits at the matching place
        self.difference_changed.emit(index, self.difference_count)

    def status_text(self) -> str:
        count = self.difference_count
        if self.links is None:
            return ""
        if count == 0:
            return "no differences"
        if self.current is None:
            return f"{count:,} differences"
        return f"difference {self.current + 1:,} of {count:,}"
