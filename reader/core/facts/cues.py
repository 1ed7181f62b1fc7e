"""Negation and certainty cues: the words that turn a claim around or say how sure it is.

A short hand-made lexicon (after the cue lists of the BioScope and FactBank annotation
guides): "not", "never", "no longer", "denied"; "confirmed", "alleged", "reportedly",
"believe", "may", "expected to", "due to". Plain attribution ("said", "told", "added",
"according to") says who claims, not how sure: it is never a fact change on its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.core.facts.mention import WORD_START, Mention, lowered, with_next_words
from reader.core.model import FactKind

# Negators, and verbs that deny what follows; "not only" and "no more than" are not negations
# (the second is a number's qualifier).
# Both cue patterns are matched on lower-cased text (see ``lowered``).
NEGATION_RE = re.compile(
    WORD_START + r"(?:\b(?:no\s+longer|not(?!\s+only\b|\s+least\b|\s+more\s+than\b|\s+less\s+than\b)"
    r"|never|neither|nor|none|nobody|nothing|nowhere"
    r"|no(?!\s+(?:more|fewer|less)\s+than\b|\s+doubt\b|\s+one\s+knows\b)(?=\s+\w)|without|cannot"
    r"|(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|refus(?:e|es|ed|ing)|fail(?:s|ed|ing)?\s+to))\b"
    r"|[a-z]+n['’]t\b)",
)

# The words a certainty cue can start with (every form the patterns below take).
CERTAINTY_WORDS = frozenset(
    (
        "confirm confirms confirmed confirming prove proves proved proven establish established verify "
        "verified verifies conclusively definitely certainly allege alleges alleged allegedly claim claims "
        "claimed claiming reportedly purportedly supposedly accuse accuses accused accusing unconfirmed "
        "rumoured rumored believe believes believed suspect suspects suspected think thinks thought assume "
        "assumes assumed fear fears feared may might could possibly perhaps probably likely unlikely "
        "apparently appear appears appeared seem seems seemed suggest suggests suggested expect expects "
        "expected predict predicts predicted forecast projected hope hopes hoped aim aims aimed due set "
        "scheduled plan plans planned will shall intend intends intended want wants wanted seek seeks sought "
        "consider considers considered considering talks negotiating exploring weighing agree agrees agreed "
        "cause causes caused causing because led result results resulted contribute contributes contributed "
        "contributing played regarded seen credited reputed described indicate indicates indicated indicating "
        "sign signs evidence "
    ).split()
)
NEGATION_WORDS = frozenset(
    "no not never neither nor none nobody nothing nowhere without cannot deny denies denied denying reject"
    " rejects rejected rejecting refuse refuses refused refusing fail fails failed failing".split()
)
_PREFIXED = re.compile(r"(?<![a-z])(?:(?:un|in|im|il|ir|dis|non)-?[a-z]{4,}|[a-z]+n['’]t)")

# "claimed the title" and "assumed office" are not hedges: what follows the verb tells.
_CLAIMED_THINGS = (
    r"the\s+(?:title|throne|crown|lives|life|prize|trophy|record|top\s+spot|seat|victory|win|award)"
    r"|(?:his|her|their|its|a|an)\s+(?:first|second|third|\w+\s+)?(?:title|seat|victory|win|place|prize|medal|record|life|lives)"
    r"|victory|responsibility|credit|asylum|benefits?|compensation|damages|ownership|gold|silver|bronze|lives"
)
_ASSUMED_THINGS = (
    r"office|power|control|command|responsibility|leadership|the\s+(?:role|post|presidency|throne|name|leadership)"
)
# "due to" schedules only before a verb ("due to arrive"); before a noun it gives a cause.
_SCHEDULED_VERBS = (
    "be|arrive|start|begin|open|close|end|meet|visit|take|make|go|return|leave|finish|launch|appear|hold|give"
    "|announce|publish|resume|sign|vote|speak|face|stand|travel|report|decide|expire|come|land|depart|play|retire"
    "|testify|attend|deliver|release|run|join|sit|hear|rule|conclude|complete|receive|present|host|address"
)

# Certainty classes: a change from one to another (or to none) changes how sure the claim is.
CERTAINTY_CLASSES: dict[str, str] = {
    "confirmed": r"confirm(?:s|ed|ing)?|prov(?:e|es|ed|en)|establish(?:ed)|verif(?:y|ied|ies)|conclusively|definitely"
    r"|certainly",
    "alleged": rf"alleg(?:e|es|ed|edly)|claim(?:s|ed|ing)?(?!\s+(?:{_CLAIMED_THINGS})\b)|reportedly|purportedly"
    r"|supposedly|accus(?:e|es|ed|ing)|unconfirmed|rumou?red",
    "believed": rf"believ(?:e|es|ed)|suspect(?:s|ed)?|think(?:s)?|thought\s+to"
    rf"|assum(?:e|es|ed)(?!\s+(?:{_ASSUMED_THINGS})\b)|fear(?:s|ed)",
    "possible": r"may|might|could|possibly|perhaps|probably|likely|unlikely|apparently|appear(?:s|ed)?\s+to"
    r"|seem(?:s|ed)?\s+to|suggest(?:s|ed)",
    "expected": r"expect(?:s|ed)?\s+to|predict(?:s|ed)?\s+to|forecast\s+to|projected\s+to|hop(?:e|es|ed)\s+to"
    r"|aim(?:s|ed)?\s+to",
    "wanted": r"want(?:s|ed)?\s+to|seek(?:s)?\s+to|sought\s+to",
    "considering": r"consider(?:s|ed|ing)(?=\s+(?:a|an|the|whether|buying|selling|making|taking|\w+ing)\b)"
    r"|in\s+talks|negotiating|exploring|weighing",
    "agreed": r"agree(?:s|d)?\s+to|(?:has|have|had)\s+agreed",
    "caused": r"caus(?:e|es|ed|ing)|because\s+of|led\s+to|result(?:s|ed)?\s+in",
    "contributed": r"contribut(?:e|es|ed|ing)\s+to|played\s+a\s+(?:part|role)\s+in",
    "regarded": r"considered|regarded\s+as|seen\s+as|credited\s+(?:with|for)|reputed|described\s+as",
    "indicated": r"indicat(?:e|es|ed|ing)|signs?\s+that|evidence\s+that",
    "scheduled": rf"due\s+to(?=\s+(?:{_SCHEDULED_VERBS})\b)|set\s+to|scheduled\s+to|plan(?:s|ned|ning)?\s+to"
    r"|intend(?:s|ed)?\s+to|will|shall",
}
CERTAINTY_RE = re.compile(
    WORD_START
    + "(?:"
    + "|".join(rf"(?P<{name}>\b(?:{pattern})\b)" for name, pattern in CERTAINTY_CLASSES.items())
    + ")"
)
# "will" is a plain future in most sentences; it matters only beside a hedge on the other side,
# so it is found but never reported as added or dropped on its own.
WEAK_CUES = frozenset({"will", "shall"})
# A cause told one way or another ("caused" / "contributed to") is a change; a cause one side
# gives and the other leaves out is mostly a rewording of the same sentence.
WEAK_CLASSES = frozenset({"caused", "contributed"})


def find_negations(text: str, start: int, end: int) -> list[Mention]:
    """Negation cues in ``text[start:end]``; the key is the cue, normalised."""
    out = []
    for match in NEGATION_RE.finditer(lowered(text, start, end)):
        low, high = start + match.start(), start + match.end()
        word = re.sub(r"\s+", " ", match.group()).replace("’", "'")
        phrase = text[low:high] + with_next_words(text, high, end)
        out.append(Mention(FactKind.NEGATION, low, high, text[low:high], word, "negation", word, phrase))
    return out


def find_certainty(text: str, start: int, end: int) -> list[Mention]:
    """Certainty cues in ``text[start:end]``; ``group`` is the cue's class."""
    out = []
    for match in CERTAINTY_RE.finditer(lowered(text, start, end)):
        name = match.lastgroup or ""
        low, high = start + match.start(), start + match.end()
        word = re.sub(r"\s+", " ", match.group())
        phrase = text[low:high] + with_next_words(text, high, end)
        out.append(Mention(FactKind.CERTAINTY, low, high, text[low:high], name, name, word, phrase))
    return out


_WORDS = re.compile(r"[A-Za-z]+")
_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non-", "non")


def find_antonyms(
    text_a: str, spans_a: Sequence[tuple[int, int]], text_b: str, spans_b: Sequence[tuple[int, int]]
) -> list[tuple[Mention, Mention]]:
    """Words one side turns around with a prefix: "likely" against "unlikely", "able"/"unable"."""
    words_a = {m.group().lower(): m for span in spans_a for m in _WORDS.finditer(text_a, *span)}
    words_b = {m.group().lower(): m for span in spans_b for m in _WORDS.finditer(text_b, *span)}
    pairs = []
    for word, match in words_a.items():
        if word in words_b or len(word) < 4:
            continue
        for prefix in _PREFIXES:
            if prefix + word in words_b and prefix + word not in words_a:
                pairs.append((match, words_b[prefix + word]))
                break
            stem = word[len(prefix) :]
            if word.startswith(prefix) and stem in words_b and stem not in words_a and len(stem) >= 4:
                pairs.append((match, words_b[stem]))
                break
    return [(_antonym(a), _antonym(b)) for a, b in pairs]


def _antonym(match: re.Match[str]) -> Mention:
    word = match.group().lower()
    return Mention(FactKind.NEGATION, match.start(), match.end(), match.group(), word, "antonym", word)


def may_negate(words: frozenset[str]) -> bool:
    """True if lower-case ``words`` hold a negator, a "-n't" or a word with a negating prefix."""
    return not NEGATION_WORDS.isdisjoint(words) or any(_PREFIXED.fullmatch(word) for word in words)


# Words a negation passes over to reach what it negates ("did not even try", "has not been a part").
_PASSED_OVER = frozenset(
    "be been being is are was were am have has had do does did a an the to even yet so very any all quite really"
    " entirely just always ever".split()
)


def negated_word(mention: Mention) -> str:
    """The word a negation cue turns around: "agree" in "did not agree", "part" in "not been a part"."""
    after = mention.shown[len(mention.text) :]
    for word in re.findall(r"[a-z]+", after.lower()):
        if word not in _PASSED_OVER:
            return str(word)
    return ""
