"""Names of people, places and organisations: runs of capitalised words, with their titles.

No tagger: spaCy or Stanza would add hundreds of megabytes and a model download for what
capitalisation says in edited English prose. The one hard case is the first word of a
sentence or of a quotation, which is capitalised anyway: it counts as a name only when the
document also capitalises it in mid-sentence (a headline word only when the body does).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader.core.facts.dates import MONTHS, WEEKDAYS
from reader.core.facts.mention import Mention
from reader.core.model import FactKind

TITLES = frozenset(
    "mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend fr father sister st saint"
    " president vice prime minister chancellor secretary senator sen rep representative governor gov"
    " mayor councillor councilor cllr judge justice chief inspector detective sergeant sgt officer"
    " constable captain capt colonel col general gen major lieutenant lt commander admiral king queen"
    " prince princess pope bishop archbishop rabbi imam sheikh chairman chairwoman chair ceo director"
    " ambassador superintendent commissioner deputy".split()
)
# Capitalised words that are not names even in mid-sentence.
_NOT_NAMES = (
    frozenset(
        "i i'm i've i'd i'll a an the this that these those it its he she they we you his her their our my your".split()
    )
    | frozenset(MONTHS)
    | frozenset(WEEKDAYS)
)
# Words that may sit inside a name: "Bank of England", "Hartwell & Finch", "Ludwig van Beethoven".
_LINKS = r"(?:of|of\s+the|for|and|&|de|del|della|der|van|von|da|la|le|du|al|bin|ibn|y)"
_WORD = r"(?:[A-Z]\.(?:[A-Z]\.)+|[A-Z][\w'’]*(?:-[A-Z]?[\w'’]+)*\.?)"
NAME_RE = re.compile(rf"(?<![\w'’-]){_WORD}(?:\s+(?:{_LINKS}\s+)?{_WORD})*(?![\w'’-])")
_WORD_IN_NAME = re.compile(r"[\w'’.&-]+")
_OPENERS = "\"'“‘([—–-:"
# Words that make a place more or less precise: "West Africa" made "Africa" is a vaguer claim,
# not the same name shortened.
VAGUE_PLACE_WORDS = frozenset(
    "north south east west northern southern eastern western central northeast northwest southeast southwest"
    " north-east north-west south-east south-west upper lower greater inner outer far".split()
)
_POSSESSIVE = re.compile(r"['’]s?$")


def name_word(word: str) -> str:
    """A word of a name as compared: lower case, one apostrophe, no possessive, no stop.

    "North Korea’s" and "North Korea's" and "North Korea" name one country.
    """
    word = word.lower().rstrip(".,;:!?)")
    return _POSSESSIVE.sub("", word) if len(word) > 2 else word


class NameContext:
    """What both documents say about capitalised words, to tell names from sentence starts.

    Asked of both texts: they are about the same things, and a name that opens every
    sentence it is in on one side is often mid-sentence on the other. Each word is looked up
    when first asked about (a plain search of the texts) and remembered: only the few words
    that open a changed sentence are ever asked about.
    """

    def __init__(self, texts: Iterable[str]) -> None:
        self._texts = tuple(texts)
        # One pass of the regex engine per text; the literal space makes it fast on a book.
        self._mid = frozenset(found[2:] for text in self._texts for found in _MID_SENTENCE.findall(text))
        self._lower: dict[str, bool] = {}

    def mid_sentence(self, word: str) -> bool:
        """True if ``word`` (as written) is capitalised somewhere not at a sentence start."""
        return word in self._mid

    def in_lower_case(self, word: str) -> bool:
        """True if ``word`` in lower case stands as a word of one of the texts."""
        if word not in self._lower:
            self._lower[word] = any(_has_word(text, word.lower()) for text in self._texts)
        return self._lower[word]


# A capital after a word, a comma or a bracket and one space is not due to a sentence start.
_MID_SENTENCE = re.compile(r"[\w,;)] [A-Z][\w'’-]*(?<![.'’])")


def _has_word(text: str, word: str) -> bool:
    """``word`` stands in ``text`` with no letter, digit, hyphen or apostrophe against it."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not _joins(text[at - 1])) and (end >= len(text) or not _joins(text[end])):
            return True
        at = text.find(word, at + 1)
    return False


def _joins(char: str) -> bool:
    return char.isalnum() or char in "-'’_"


def name_context(texts: Iterable[str]) -> NameContext:
    """The context of the given texts."""
    return NameContext(texts)


def _opens_clause(text: str, position: int) -> bool:
    """True where a capital is due anyway: after an opening quote or a colon or a new line."""
    before = text[max(0, position - 3) : position].rstrip(" ")
    return not before or before[-1] in _OPENERS or before[-1] in ".!?\n…"


def find_names(text: str, start: int, end: int, context: NameContext, opening: bool) -> list[Mention]:
    """Names in ``text[start:end]``; ``opening`` says whether a sentence starts at ``start``."""
    found: list[Mention] = []
    for match in NAME_RE.finditer(text, start, end):
        words = _WORD_IN_NAME.findall(match.group())
        low, high = match.start(), match.end()
        # Drop leading words that only start the sentence or a quotation ("The", "Under", "We").
        at_opening = (low == start and opening) or _opens_clause(text, low)
        while words and (
            words[0].lower().rstrip(".") in _NOT_NAMES
            or (at_opening and _plain_word(words[0], len(words) == 1, context))
        ):
            low = text.index(words[0], low) + len(words[0])
            words = words[1:]
            while low < high and not text[low].isalpha():
                low += 1
            at_opening = False
        while words and words[-1].lower().rstrip(".") in ("of", "the", "and", "&", "for"):
            words = words[:-1]
        if not words:
            continue
        title = [w for w in words if w.lower().rstrip(".") in TITLES]
        body = [w for w in words if w.lower().rstrip(".") not in TITLES]
        core = [name_word(w) for w in body if w[:1].isupper() and w.lower() not in _NOT_NAMES]
        if not core and len(title) == 1 and title[0][:1].isupper() and text[max(0, low - 4) : low].lower() == "the ":
            core = [name_word(title[0])]  # "the Queen", "the President": the title names its bearer
            title = []
        if not core or (len(words) == 1 and _is_adjective(words[0])):
            continue
        high = text.index(words[-1], low) + len(words[-1])
        if words[-1].endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+|[A-Z][a-z]{0,3}\.", words[-1]):
            high -= 1  # a full stop that ends the sentence, not an initial
        key = " ".join(core)
        if " and " in text[low:high]:
            found += _split_at_and(text, low, high, title, context)
            continue
        found.append(
            Mention(FactKind.NAME, low, high, text[low:high], key, " ".join(t.lower().rstrip(".") for t in title), key)
        )
    return found


# "Scottish", "American", "Chinese", "Communist": a capitalised word that describes, not names.
_ADJECTIVE = re.compile(r"[A-Z][a-z]+(?:ish|ese|ian|ean|ican|ist|ists)(?:['’]s)?|[A-Z]-[a-z]+")


def _is_adjective(word: str) -> bool:
    """A lone word that describes (a nationality, a creed) or a letter-shape ("Y-shaped")."""
    return bool(_ADJECTIVE.fullmatch(word.rstrip(".,;:")))


def _split_at_and(text: str, low: int, high: int, title: list[str], context: NameContext) -> list[Mention]:
    """ "Orrin Analytics and Tessary Ltd" is two names; "England and Wales" stays one."""
    words = text[low:high]
    left, _, right = words.partition(" and ")
    if len(left.split()) < 2:
        return [_name(text, low, high, title)]
    middle = low + len(left) + len(" and ")
    return [_name(text, low, low + len(left), title), _name(text, middle, high, [])]


def _name(text: str, low: int, high: int, title: list[str]) -> Mention:
    words = _WORD_IN_NAME.findall(text[low:high])
    core = [name_word(w) for w in words if w[:1].isupper() and w.lower().rstrip(".") not in TITLES]
    key = " ".join(core)
    group = " ".join(t.lower().rstrip(".") for t in title)
    return Mention(FactKind.NAME, low, high, text[low:high], key, group, key)


def _plain_word(word: str, alone: bool, context: NameContext) -> bool:
    """An ordinary word capitalised only because it opens the sentence.

    Known as a plain word when the texts also write it in lower case ("Within", "Then", even
    where a title-case heading capitalises it mid-line); otherwise a word of a longer run
    ("Priya Dalton") is a name, and a word on its own only if capitalised elsewhere.
    """
    word = word.rstrip(".'’")
    if re.fullmatch(r"(?:[A-Z]\.)+|[A-Z]{2,}", word):
        return False
    return (alone and not context.mid_sentence(word)) or context.in_lower_case(word)
