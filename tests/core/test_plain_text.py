"""Plain text: files with one paragraph per line versus hard-wrapped prose."""

from __future__ import annotations

import textwrap

from reader.core.compare import compare
from reader.core.model import BlockKind, Document
from reader.core.read.documents import document_from_text
from reader.core.read.formats.plain import one_paragraph_per_line

PARAGRAPHS = [
    "The harbour bridge at Porthaven will reopen in April, three months earlier than the "
    "council had planned, after engineers found the damage to its piers was less serious.",
    "Repairs began in January. Divers inspected the foundations, and a crane lifted the two "
    "broken sections of the deck onto barges, which carried them to the yard for welding.",
    "Shop owners on the quay said the closure had cost them dearly. “We lost half our "
    "customers,” said the owner of a café that has stood beside the bridge since 1952.",
    "The council will hold a public meeting on the works and on the new timetable for the "
    "ferries next week in the town hall",
    "Tickets for the reopening ceremony are free and can be booked at the library.",
]


def kinds_and_texts(document: Document) -> list[tuple[BlockKind, str]]:
    return [(block.kind, document.text[block.start : block.end]) for block in document.blocks]


def test_one_paragraph_per_line_gives_one_block_per_line() -> None:
    document = document_from_text("\n".join(PARAGRAPHS) + "\n", "article.txt")
    assert kinds_and_texts(document) == [(BlockKind.PARAGRAPH, text) for text in PARAGRAPHS]


def test_a_line_without_final_punctuation_does_not_run_into_the_next() -> None:
    a = document_from_text("\n".join(PARAGRAPHS), "a.txt")
    b = document_from_text("\n".join(PARAGRAPHS[::-1]), "b.txt")
    sentences = [a.text[s.start : s.end] for s in compare(a, b).sentences_a]
    assert PARAGRAPHS[3] in sentences
    assert PARAGRAPHS[4] in sentences


def test_headline_byline_and_dateline_stay_blocks_of_their_own() -> None:
    text = "\n".join(["Bridge to reopen early", "By Mara Quint", "Porthaven, 12 March 2026", *PARAGRAPHS])
    blocks = kinds_and_texts(document_from_text(text, "news.txt"))
    assert blocks[:3] == [
        (BlockKind.TITLE, "Bridge to reopen early"),
        (BlockKind.BYLINE, "By Mara Quint"),
        (BlockKind.DATELINE, "Porthaven, 12 March 2026"),
    ]
    assert blocks[3:] == [(BlockKind.PARAGRAPH, text) for text in PARAGRAPHS]


def test_a_short_line_without_punctuation_between_paragraphs_is_a_subhead() -> None:
    text = "\n".join([*PARAGRAPHS[:2], "What happens next", *PARAGRAPHS[2:]])
    blocks = kinds_and_texts(document_from_text(text, "subhead.txt"))
    assert blocks[2] == (BlockKind.HEADING, "What happens next")
    assert len(blocks) == len(PARAGRAPHS) + 1


def test_blank_lines_between_some_paragraphs_change_nothing() -> None:
    text = "\n".join(PARAGRAPHS[:2]) + "\n\n" + "\n".join(PARAGRAPHS[2:])
    assert [t for _, t in kinds_and_texts(document_from_text(text, "mixed.txt"))] == PARAGRAPHS


def test_short_paragraphs_one_per_line() -> None:
    lines = [
        "The ferry left at noon.",
        "Nobody on the quay had expected the storm to break so early in the afternoon.",
        "Two boats turned back before they reached the open sea.",
        "By evening the harbour was calm again and the lights were lit along the wall.",
        "The ferry came back at nine.",
    ]
    blocks = kinds_and_texts(document_from_text("\n".join(lines), "short.txt"))
    assert [text for _, text in blocks] == lines


def hard_wrapped(width: int) -> str:
    paragraphs = [textwrap.fill(text, width) for text in PARAGRAPHS[:3]]
    return "\n\n".join(paragraphs)


def test_hard_wrapped_prose_keeps_its_lines_together() -> None:
    for width in (60, 72, 110):
        text = hard_wrapped(width)
        document = document_from_text(text, "wrapped.txt")
        assert [t for _, t in kinds_and_texts(document)] == text.split("\n\n"), width
        assert all("\n" in t for _, t in kinds_and_texts(document))


def test_hard_wrapped_prose_without_blank_lines_is_one_block() -> None:
    text = textwrap.fill(" ".join(PARAGRAPHS), 70)
    assert kinds_and_texts(document_from_text(text, "wall.txt")) == [(BlockKind.PARAGRAPH, text)]


def test_two_short_lines_are_not_enough_evidence() -> None:
    text = "The meeting was held in the old town hall.\nAnd a second line follows it here."
    assert len(document_from_text(text, "two.txt").blocks) == 1


def test_the_detector_on_its_own() -> None:
    assert one_paragraph_per_line(["\n".join(PARAGRAPHS)])
    assert not one_paragraph_per_line(hard_wrapped(72).split("\n\n"))
    assert not one_paragraph_per_line(["One line only, however long it may be, is no evidence."])
    assert not one_paragraph_per_line([])
    # Lines bunched just below one width read as wrapped even when they end in full stops.
    wrapped_at_stops = [
        "The ferry left the harbour at noon and turned west at once.",
        "Nobody on the quay had expected the storm to break so early.",
        "Two boats turned back before they had reached the open sea.",
        "By evening the harbour was calm and the lamps were all lit.",
    ]
    assert not one_paragraph_per_line(["\n".join(wrapped_at_stops)])
