"""Lexical evidence that two lone sentences say the same thing (beyond word containment).

Every feature here is symmetric: swapping the sentences leaves it unchanged (directional
measures come as the min and max of the two directions), so the learned pair decision does
not depend on which sentence comes first. The features were picked for English news
paraphrase (MSRP) by cross-validation on its train file; see ``benchmarks/fit_msrp.py``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence

# Words, numbers (with their separators) and the two unit signs that matter in news.
_TOKEN_RE = re.compile(r"\d+(?:[.,:/]\d+)*|[^\W\d_]+(?:['\u2019][^\W\d_]+)?|[$%\u20ac\u00a3]")
# Spellings folded together so "5 percent" meets "5%" and "$2 million" meets "2 million dollars".
_FOLD = {
    "percent": "%", "pct": "%", "dollars": "$", "dollar": "$", "usd": "$",
    "millions": "million", "mln": "million", "m": "million", "billions": "billion", "bn": "billion",
    "b": "billion", "thousands": "thousand", "n't": "not", "cannot": "not",
}
_SCALES = frozenset("thousand million billion trillion %".split())
_QUOTES = frozenset('"\u201c\u201d')

# English function words: content words are what is left (a short list written for this).
ENGLISH_FUNCTION_WORDS = frozenset(
    """
    a an the and or but so if then than that this these those there here it its is are was
    were be been being am do does did have has had will would shall should can could may might
    must of in on at by for with from to into about over under after before between through
    during as not no he she they we you i me him her them us my your his our their who whom
    whose which what when where why how all any both each more most other some such only own
    same very too also just said says say 's
    """.split()
)


def tokens(sentence: str) -> list[str]:
    """Surface tokens in order: words keep their case, numbers lose thousands separators."""
    out = []
    for token in _TOKEN_RE.findall(sentence):
        if token[0].isdigit():
            token = token.replace(",", "") if re.fullmatch(r"\d{1,3}(?:,\d{3})+", token) else token
        out.append(token)
    return out


def folded(words: Sequence[str]) -> list[str]:
    """Lower-cased tokens with unit and negation spellings folded together."""
    lower = [w.lower() for w in words]
    return [_FOLD.get(w, w) for w in lower]


def numbers_of(words: Sequence[str]) -> frozenset[str]:
    """Numbers with the scale or unit that follows them ("2.5 billion" -> "2.5billion")."""
    out = set()
    for k, word in enumerate(words):
        if word[0].isdigit():
            scale = words[k + 1] if k + 1 < len(words) and words[k + 1] in _SCALES else ""
            out.add(word + scale)
    return frozenset(out)


def entities_of(surface: Sequence[str]) -> frozenset[str]:
    """Capitalised words not at the start of the sentence: a cheap stand-in for names."""
    return frozenset(w.lower() for k, w in enumerate(surface) if k > 0 and w[0].isupper() and w.isalpha())


def ngrams(words: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(words[k : k + n]) for k in range(len(words) - n + 1))


def ngram_precisions(a: Sequence[str], b: Sequence[str], n: int) -> tuple[float, float]:
    """Share of a's n-grams found in b and of b's in a (clipped counts, as BLEU does)."""
    ga, gb = ngrams(a, n), ngrams(b, n)
    shared = sum((ga & gb).values())
    total_a, total_b = sum(ga.values()), sum(gb.values())
    return (shared / total_a if total_a else 0.0, shared / total_b if total_b else 0.0)


def char_ngram_precisions(a: str, b: str, n: int) -> tuple[float, float]:
    """The same on character n-grams of the whole lower-cased strings (spelling, morphology)."""
    return ngram_precisions(a, b, n)  # a string is a sequence of characters


def longest_common_subsequence(a: Sequence[str], b: Sequence[str]) -> int:
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def edit_distance(a: Sequence[str], b: Sequence[str]) -> int:
    """Word-level Levenshtein distance (TER without shifts)."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def _low_high(pair: tuple[float, float]) -> tuple[float, float]:
    return (min(pair), max(pair))


def _geometric_mean(values: Sequence[float]) -> float:
    # +0.1 smoothing so a missing 4-gram match does not zero the whole mean.
    return math.exp(sum(math.log(v + 0.1) for v in values) / len(values)) - 0.1


def extra_pair_features(s1: str, s2: str, stem: Callable[[str], str]) -> dict[str, float]:
    """Every candidate feature by name (see ``benchmarks/fit_msrp.py`` for which are used)."""
    surface1, surface2 = tokens(s1), tokens(s2)
    words1, words2 = folded(surface1), folded(surface2)
    stems1, stems2 = [stem(w) for w in words1], [stem(w) for w in words2]
    content1 = [s for s, w in zip(stems1, words1) if w not in ENGLISH_FUNCTION_WORDS and w.isalnum()]
    content2 = [s for s, w in zip(stems2, words2) if w not in ENGLISH_FUNCTION_WORDS and w.isalnum()]
    out: dict[str, float] = {}
    for name, a, b, sizes in (("word", words1, words2, (1, 2, 3, 4)), ("stem", stems1, stems2, (1, 2, 3)),
                              ("content", content1, content2, (1, 2))):
        for n in sizes:
            low, high = _low_high(ngram_precisions(a, b, n))
            out[f"{name}{n}_low"], out[f"{name}{n}_high"] = low, high
    directions = [[ngram_precisions(words1, words2, n)[side] for n in (1, 2, 3, 4)] for side in (0, 1)]
    out["bleu_low"], out["bleu_high"] = _low_high((_geometric_mean(directions[0]), _geometric_mean(directions[1])))
    text1, text2 = " ".join(words1), " ".join(words2)
    for n in (3, 4):
        out[f"char{n}_low"], out[f"char{n}_high"] = _low_high(char_ngram_precisions(text1, text2, n))
    lcs = longest_common_subsequence(words1, words2)
    out["lcs_low"], out["lcs_high"] = _low_high((lcs / len(words1) if words1 else 0.0, lcs / len(words2) if words2 else 0.0))
    longest = max(len(words1), len(words2), 1)
    out["word_edit"] = edit_distance(words1, words2) / longest
    numbers1, numbers2 = numbers_of(words1), numbers_of(words2)
    out["numbers_equal"] = 1.0 if numbers1 and numbers1 == numbers2 else 0.0
    out["number_one_side"] = 1.0 if bool(numbers1) != bool(numbers2) else 0.0
    out["numbers_differ"] = 1.0 if numbers1 and numbers2 and numbers1 != numbers2 else 0.0
    out["numbers_unmatched"] = math.log1p(len(numbers1 ^ numbers2))
    lower1, lower2 = set(words1), set(words2)
    entities1, entities2 = entities_of(surface1), entities_of(surface2)
    out["entities_shared"] = math.log1p(len(entities1 & entities2))
    # An entity only on one side: not even as a lower-case or sentence-initial word on the other.
    out["entities_alone"] = math.log1p(len(entities1 - lower2) + len(entities2 - lower1))
    out["length_gap"] = math.log1p(abs(len(words1) - len(words2)))
    out["quote_differs"] = 1.0 if bool(_QUOTES & set(s1)) != bool(_QUOTES & set(s2)) else 0.0
    ratio = min(len(words1), len(words2)) / longest
    out["cover_x_ratio"] = out["content1_low"] * ratio
    # Bins of the weaker unigram coverage: a step the linear model cannot draw by itself.
    for low_edge in (0.5, 0.7, 0.85):
        out[f"cover_above_{low_edge}"] = 1.0 if out["stem1_low"] >= low_edge else 0.0
    return out
