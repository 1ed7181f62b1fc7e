"""The versions view in the window: the base on the left, the chosen version on the right.

Every version's pairwise result (its ``Comparison``, the panes' style runs and marks, all
computed in the versions process) is kept, and so are both panes' filled documents once
built (a few hundred blocks per turn of the event loop, in the background), each in views
of its own (``bodies``) with the links read off its comparison, so switching version raises
two kept views and moves nothing but the right pane: the base keeps its place and nothing is
compared, laid out or unpacked again. The first version is shown as soon as it is done.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMenu, QMenuBar, QStatusBar, QTabBar, QVBoxLayout, QWidget

from reader.app.palette import Palette
from reader.app.panes.navigation import Links
from reader.app.panes.render import pane_document_steps
from reader.app.panes.steps import Steps
from reader.app.sidebar.dock import UniqueSentencesDock
from reader.app.sources import Source, file_dialog_filter
from reader.app.versions.bodies import Bodies, BodiesHost, Built, VersionBodies
from reader.app.versions.grid import version_label
from reader.app.versions.grid_data import dropped_by_some
from reader.app.versions.job import JobFailed, Loaded, SummaryDone, VersionDone, VersionsRequest, source_text
from reader.app.versions.panel import VersionsPanel
from reader.app.versions.runner import VersionsRunner
from reader.app.worker.messages import Job
from reader.app.worker.service import CompareResult, PaneContent
from reader.core.marks import Side
from reader.core.model import CompareOptions, Document
from reader.core.versions import MAX_VERSIONS, VersionResult, VersionsError, VersionsResult
from reader.core.versions.inputs import Skipped, check_distinct

SHORTCUT_VERSIONS = 9  # Ctrl+1 … Ctrl+9
FilesChooser = Callable[[str, str], list[Path]]


def files_dialog(parent: QWidget) -> FilesChooser:
    def choose(caption: str, directory: str) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(parent, caption, directory, file_dialog_filter())
        return [Path(name) for name in names]

    return choose


class VersionsHost(BodiesHost, Protocol):
    """What the versions view uses of the window."""

    options: CompareOptions
    summary: QLabel
    dock: UniqueSentencesDock

    def show_kept(self, result: CompareResult, links: Links) -> None: ...
    def show_message(self, message: str, kind: str) -> None: ...
    def show_error(self, message: str) -> None: ...
    def statusBar(self) -> QStatusBar: ...
    def setWindowTitle(self, title: str) -> None: ...


@dataclass(slots=True)
class VersionEntry:
    """One version as the window keeps it: its result, and once built its panes' views and links."""

    version: VersionResult
    result: CompareResult
    bodies: Bodies | None = None
    links: Links | None = None


class VersionsController(QObject):
    """Opens, computes, keeps and switches the versions of one base."""

    version_shown = Signal(int)  # position of the version now in the right pane
    summary_ready = Signal(object)  # VersionsResult, once every version is done
    failed = Signal(str)

    def __init__(self, host: VersionsHost, palette: Palette, parent: QObject) -> None:
        super().__init__(parent)
        self.host = host
        self.runner = VersionsRunner(self)
        self.runner.message.connect(self._on_message)
        self.runner.lost.connect(lambda _serial, reason: self._fail(f"The versions comparison stopped ({reason})."))
        self.panel = VersionsPanel(palette)
        self.panel.base_chosen.connect(self.choose_base)
        self.panel.cell_chosen.connect(self.reveal_cell)
        host.dock.add_versions_tab(self.panel)
        self.bodies = VersionBodies(host)
        self.tabs = QTabBar()
        self.tabs.setObjectName("versionTabs")
        self.tabs.setAccessibleName("Versions")
        self.tabs.setDocumentMode(True)
        self.tabs.setExpanding(False)
        self.tabs.setElideMode(Qt.TextElideMode.ElideMiddle)
        self.tabs.currentChanged.connect(self._on_tab)
        pane_layout = host.panes[Side.B].layout()
        assert isinstance(pane_layout, QVBoxLayout)  # ArticlePane stacks header, banner and view
        pane_layout.insertWidget(0, self.tabs)
        self.tabs.hide()
        self.request: VersionsRequest | None = None
        self.base: Document | None = None
        self.version_sources: list[Source] = []  # the versions being compared, V1 first
        self.skipped: tuple[Skipped, ...] = ()
        self.entries: dict[int, VersionEntry] = {}
        self.result: VersionsResult | None = None
        self.shown: int | None = None
        self.wanted: int | None = None
        self.notes: list[str] = []
        self._serial = 0
        self._steps: Steps[Built] = Steps(self)
        self._building: int | None = None
        self._dropped_marks: list[tuple[int, int, int]] = []
        self._reveal: tuple[int | None, tuple[int, ...]] = (None, ())
        self.progress_text = ""  # what the versions process is at, while it runs
        self._pair_summary = ""  # the shown version's own summary line
        self.actions = [self._version_action(number) for number in range(SHORTCUT_VERSIONS)]

    # ----- menus ----------------------------------------------------------------------------
    def _version_action(self, number: int) -> QAction:
        action = QAction(f"Version &{number + 1}", self)
        action.setShortcut(QKeySequence(f"Ctrl+{number + 1}"))
        action.setEnabled(False)
        action.triggered.connect(lambda _on=False, n=number: self.show_version(n))
        return action

    def fill_menu(self, menu_bar: QMenuBar, window: QWidget) -> None:
        """A Versions menu before Help: Ctrl+1…9 (on the window too, for a hidden menu bar)."""
        menu = QMenu("Ve&rsions", window)
        menu_bar.insertMenu(menu_bar.actions()[-1], menu)
        for action in self.actions:
            menu.addAction(action)
            window.addAction(action)

    # ----- state ----------------------------------------------------------------------------
    @property
    def active(self) -> bool:
        return self.request is not None

    @property
    def sources(self) -> tuple[Source, ...]:
        return self.request.sources if self.request is not None else ()

    @property
    def count(self) -> int:
        """How many versions are being compared (read and not skipped)."""
        return len(self.version_sources)

    # ----- opening --------------------------------------------------------------------------
    def open_versions(self, sources: list[Source]) -> VersionsRequest | None:
        """Compare ``sources[0]`` (the base) with the others; None (and a one-line message) if refused."""
        versions = len(sources) - 1
        if versions < 1:
            self.host.show_error("Give a base and at least one version of it.")
            return None
        if versions > MAX_VERSIONS:
            self.host.show_error(
                f"{len(sources)} files given; a versions comparison takes a base and at most {MAX_VERSIONS} versions."
            )
            return None
        try:
            check_distinct([source_text(source) for source in sources])
        except VersionsError as error:
            self.host.show_error(_named(str(error), sources))
            return None
        self._reset()
        self._serial += 1
        self.request = VersionsRequest(self._serial, tuple(sources), self.host.options)
        self.panel.set_files([source.name for source in sources], None)
        self._set_progress(f"reading {len(sources)} files…")
        self.runner.start(self.request)
        self.host.dock.set_versions_shown(True, f"Versions ({versions})")
        self.host.dock.show_versions()
        return self.request

    def choose_base(self, position: int) -> VersionsRequest | None:
        """Make file ``position`` (of the current list) the base; compares once more."""
        sources = list(self.sources)
        if not 0 < position < len(sources):
            return None
        chosen = sources.pop(position)
        return self.open_versions([chosen, *sources])

    def recompute(self) -> VersionsRequest | None:
        """The same files again (after Reload or a change of the matching options)."""
        return self.open_versions(list(self.sources)) if self.active else None

    def leave(self) -> None:
        """Back to a pairwise comparison: stop, forget the versions, hide their parts."""
        if self.active:
            self._reset()
            self.request = None
            self.panel.set_files([], None)
            self.panel.set_progress("")
        self.bodies.back_to_main()
        self.host.dock.set_versions_shown(False)

    def refuses_swap(self) -> bool:
        """A versions comparison has no sides to swap: say so (True) instead."""
        if self.active:
            self.host.show_message(
                "A versions comparison has no sides to swap: choose the base in the Versions tab.", "info"
            )
        return self.active

    def shutdown(self) -> None:
        self.runner.stop()

    def _reset(self) -> None:
        self.runner.stop()
        self._steps.stop()
        self._building = None
        for entry in self.entries.values():
            self._release(entry)
        self.entries = {}
        self.result = None
        self.shown = self.wanted = None
        self.base = None
        self.version_sources = []
        self.skipped = ()
        self.notes = []
        self.progress_text = ""
        self._dropped_marks = []
        self.host.panes[Side.A].main_body.location_bar.set_versions_marks([])
        while self.tabs.count():
            self.tabs.removeTab(0)
        self.tabs.hide()
        for action in self.actions:
            action.setEnabled(False)

    def _release(self, entry: VersionEntry) -> None:
        """Drop a version's views (one on screen stays there until the next is shown)."""
        if entry.bodies is not None:
            self.bodies.release(entry.bodies)
        entry.bodies = entry.links = None

    # ----- messages from the versions process ---------------------------------------------
    def _on_message(self, _serial: int, message: object) -> None:
        match message:
            case Loaded():
                self._on_loaded(message)
            case VersionDone():
                self._on_version(message)
            case SummaryDone():
                self._on_summary(message)
            case JobFailed(message=text):
                self._fail(text)

    def _on_loaded(self, loaded: Loaded) -> None:
        assert self.request is not None
        self.base = loaded.base
        self.version_sources = [self.request.versions[position] for position in loaded.kept]
        self.skipped = loaded.skipped
        self.notes = [f"Skipped {s.reason}" for s in loaded.skipped]
        for position, source in enumerate(self.version_sources):
            self.tabs.addTab(f"{version_label(position)} {source.name}")
            self.tabs.setTabToolTip(position, f"{version_label(position)}: {source} (Ctrl+{position + 1})")
            self.tabs.setTabEnabled(position, False)
        self.tabs.show()
        self._show_notes()
        self._progress()

    def _on_version(self, done: VersionDone) -> None:
        assert self.request is not None and self.base is not None
        version = done.result
        position = version.index
        source = self.version_sources[position]
        comparison = version.comparison
        result = CompareResult(
            Job(self.request.serial, self.request.base, source, self.request.options),
            PaneContent(self.request.base, comparison.a, comparison.sentences_a, done.runs_a, done.overview_a),
            PaneContent(source, version.document, comparison.sentences_b, done.runs_b, done.overview_b),
            comparison,
            0.0,
        )
        self.entries[position] = VersionEntry(version, result)
        label = f"{version_label(position)} ({source.name})"
        if version.identical_to_base:
            self.notes.append(f"{label} is identical to the base.")
        elif version.identical_to is not None:
            self.notes.append(f"{label} is identical to {version_label(version.identical_to)}.")
        if not comparison.b.text.strip():
            self.notes.append(f"{label} has no text.")
        self.tabs.setTabEnabled(position, True)
        if position < SHORTCUT_VERSIONS:
            self.actions[position].setEnabled(True)
        self._show_notes()
        self._progress()
        if self.wanted is None:
            self.show_version(position)
        else:
            self._build_next()

    def _on_summary(self, summary: SummaryDone) -> None:
        assert self.base is not None
        ordered = [self.entries[p].version for p in sorted(self.entries)]
        self.result = VersionsResult(
            base=self.base,
            base_sentences=ordered[0].comparison.sentences_a,
            versions=tuple(ordered),
            states=summary.states,
            additions=summary.additions,
            facts=summary.facts,
            overlap=summary.overlap,
            from_base=summary.from_base,
            in_base=summary.in_base,
        )
        names = [source.name for source in self.sources]
        self.panel.set_files(names, self.result)
        if self.shown is not None:
            self.panel.set_current(self.shown)
        self._dropped_marks = dropped_by_some(self.result)
        for entry in self.entries.values():
            if entry.bodies is not None:
                entry.bodies[Side.A].location_bar.set_versions_marks(self._dropped_marks)
        dropped = len(self._dropped_marks)
        self._set_progress("")
        self.panel.set_progress(f"{self.count} versions · {dropped:,} base sentences dropped by at least one")
        self.summary_ready.emit(self.result)

    def _fail(self, message: str) -> None:
        self._set_progress("")
        if self.request is not None and self.shown is None:
            self.request = None  # nothing of it on screen: the window stays as it was
            self.tabs.hide()
        self.host.show_error(message)
        self.failed.emit(message)

    def _show_notes(self) -> None:
        if self.notes:
            self.host.show_message("  ".join(self.notes), "info")

    def _progress(self) -> None:
        done, total = len(self.entries), self.count
        self._set_progress(f"{version_label(done)} of {total}…" if done < total else f"summarising {total} versions…")

    def _set_progress(self, text: str) -> None:
        """Say how far the comparison is, in the status bar's summary (after the version's) and the tab."""
        self.progress_text = text
        self.panel.set_progress(f"Comparing: {text}" if text else "")
        if self.shown is None:
            self.host.summary.setText(f"Comparing versions: {text}" if text else "")
        else:
            self.host.summary.setText(self._pair_summary + (f"  ·  comparing {text}" if text else ""))

    # ----- switching --------------------------------------------------------------------------
    def show_version(self, position: int) -> bool:
        """Put version ``position`` in the right pane (once its documents exist); False if there is none."""
        entry = self.entries.get(position)
        if entry is None:
            return False
        self.wanted = position
        if entry.bodies is None:
            self._build(position)
            return True
        self._swap_in(position)
        return True

    def _swap_in(self, position: int) -> None:
        entry = self.entries[position]
        assert entry.bodies is not None and entry.links is not None
        host = self.host
        top = host.reading.top_offsets().get(Side.A) if self.shown is not None else None
        self.bodies.show(entry.bodies)
        host.show_kept(entry.result, entry.links)
        if top is not None:
            host.reading.restore_offsets({Side.A: top})
        self.shown = position
        self.tabs.blockSignals(True)
        self.tabs.setCurrentIndex(position)
        self.tabs.blockSignals(False)
        self.panel.set_current(position)
        source = self.version_sources[position]
        host.setWindowTitle(f"{self.sources[0].name} ↔ {version_label(position)} {source.name} — Tandem")
        self._pair_summary = f"{version_label(position)}: {host.summary.text()}"
        self._set_progress(self.progress_text)
        self.version_shown.emit(position)
        self._build_next()

    def _on_tab(self, position: int) -> None:
        if position >= 0 and position != self.shown:
            self.show_version(position)

    def reveal_cell(self, position: int, row: int) -> None:
        """A grid cell was clicked: that version, its base sentence and its counterpart."""
        cell = self.panel.model.cell_at(row, position + 1)
        grid_row = self.panel.model.row_at(row)
        self._reveal = (grid_row.base, cell.sentences if cell is not None else ())
        if self.shown == position:
            self._reveal_now()
        else:
            self.version_shown.connect(self._reveal_once)
            self.show_version(position)

    def _reveal_once(self, _position: int) -> None:
        self.version_shown.disconnect(self._reveal_once)
        self._reveal_now()

    def _reveal_now(self) -> None:
        base, sentences = self._reveal
        if base is not None:
            self.host.reading.reveal(Side.A, base)
        elif sentences:
            self.host.reading.reveal(Side.B, sentences[0])

    # ----- building the panes' documents -------------------------------------------------------
    def _build(self, position: int) -> None:
        if self._building == position:
            return
        self._steps.stop()
        self._building = position
        self._steps.start(self._fill(position), lambda built: self._built(position, built))

    def _build_next(self) -> None:
        """Fill the next version's documents in the background, so switching to it is a swap."""
        if self._building is not None:
            return
        for position in sorted(self.entries):
            if self.entries[position].bodies is None:
                self._build(position)
                return

    def _built(self, position: int, built: Built) -> None:
        self._building = None
        entry = self.entries.get(position)
        if entry is None:
            return
        entry.bodies = self.bodies.make(entry.result, built, self._dropped_marks)
        assert entry.result.comparison is not None  # every version is compared with the base
        entry.links = Links(entry.result.comparison)  # next/previous and sync scrolling read it
        if self.wanted == position and self.shown != position:
            self._swap_in(position)
        else:
            self._build_next()

    def _fill(self, position: int) -> Generator[None, None, Built]:
        result = self.entries[position].result
        built: Built = {}
        for side, content in ((Side.A, result.a), (Side.B, result.b)):
            assert content is not None
            view = self.host.panes[side].view
            document = view.new_document()
            steps = pane_document_steps(
                document, content.document, content.sentences, content.runs, self.host.formats[side]
            )
            built[side] = (document, (yield from steps))
        return built

    def build_all_now(self) -> None:
        """Fill every version's documents at once (benchmarks and tests that time the swap)."""
        self._steps.stop()
        self._building = None
        for position, entry in self.entries.items():
            if entry.bodies is None:
                work = self._fill(position)
                while True:
                    try:
                        next(work)
                    except StopIteration as done:
                        self._built(position, done.value)
                        break
        self._steps.stop()
        self._building = None

    def apply_palette(self, palette: Palette) -> None:
        """New colours: the grid now; the documents are built again (the window repainted the
        shown version's views already, so they are kept)."""
        self.panel.set_palette(palette)
        self._steps.stop()
        self._building = None
        for position, entry in self.entries.items():
            if position != self.shown:
                self._release(entry)
        self._build_next()


def _named(message: str, sources: list[Source]) -> str:
    """The engine names files by the paths given; the window says file names."""
    for source in sources:
        message = message.replace(source_text(source), source.name)
    return message
