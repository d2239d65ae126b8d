"""Quotes across sources: which render the same speech, and how their words differ.

A rewrite keeps the speaker and the occasion but not the words (seed 000's "We continue our
offensive actions on enemy land" is seed 001's "We continue to carry out active operations
… on enemy territory"), so pairing cannot rest on the words alone. Two quotes of one speaker
are scored on their words, the content lemmas they share, and what the narration around
them shares (its words, the dates and names it gives, the speaker's own name aside). Quotes
of different speakers pair only when their words are the same: that is the finding
"given to different speakers". Pairs are then taken greedily, best score first, each quote
in at most one pair per other source.
"""

from __future__ import annotations

import difflib
import itertools
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from summarizer.compare.keys import Keys
from summarizer.compare.model import DiffOp, QuoteLabel, QuoteMatch, QuoteRef
from summarizer.reading import Analysis
from summarizer.reading.textindex import WORD_RE, normalize
from summarizer.reading.timeexpr import is_time_expression, resolve_date
from summarizer.schema import Quote, Summary

CONTENT_POS = frozenset(["NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"])
# Lemmas that say nothing about which speech it was: speech verbs, auxiliaries.
LIGHT_LEMMAS = frozenset("be have do say tell add also not".split())

# Chosen on the seeds (benchmarks/compare.py prints every score): the reworded pairs a
# reader makes score 0.30-0.63, the best-scoring wrong pair of one speaker 0.19.
PAIR_THRESHOLD = 0.25
# Words this similar (rapidfuzz ratio of the normalised words) are the same quotation even
# given to different speakers; below it, different speakers mean different quotes.
SAME_WORDS = 90.0
MIN_FRAGMENT_WORDS = 2
# Said on the same day (the narration gives one date to both): the likeliest sign of one
# occasion when the words were rewritten ("an ongoing mission" / "There is an operation
# there", both of 18 March).
TIME_BONUS = 0.15
TIME = "time:"
TIME_LABELS = frozenset(["DATE", "TIME"])  # "the" inside a sentence is not a fragment of it


@dataclass(frozen=True)
class Voice:
    """A quote as pairing sees it: its words, content lemmas, context and speaker key."""

    ref: QuoteRef
    words: tuple[str, ...]
    lemmas: frozenset[str]
    context: frozenset[str]
    speaker: str


def quote_ref(source: int, index: int, q: Quote) -> QuoteRef:
    return QuoteRef(
        source=source,
        index=index,
        text=q.text,
        start=q.start,
        end=q.end,
        speaker=q.speaker,
        speaker_start=q.speaker_start,
        speaker_end=q.speaker_end,
        speaker_check=q.speaker_check,
    )


def folded_words(text: str) -> tuple[str, ...]:
    """The words of a text with typography gone: quote marks, dashes, case, punctuation."""
    return tuple(WORD_RE.findall(normalize(text, fold=True)))


def _lemma(a: Analysis, i: int, keys: Keys) -> str | None:
    """A token's content lemma; a name's key instead ("@zelensky" for either spelling)."""
    if a.pos[i] not in CONTENT_POS or a.lemmas[i] in LIGHT_LEMMAS:
        return None
    if a.pos[i] == "PROPN":
        ent = a.entity(i)
        key = keys.name(a.text[ent.start : ent.end] if ent else a.word(i))
        return "@" + key if key else None
    return a.lemmas[i]


def _context(
    a: Analysis, summary: Summary, start: int, end: int, keys: Keys, speaker: str
) -> frozenset[str]:
    """What the narration around a quote says: its sentence(s) and the one before, quote
    excluded, as content lemmas, names (by key) and resolved dates."""
    first = a.token_at(start)
    if first >= len(a):
        return frozenset()
    s = max(0, a.sentence_of(first) - 1)
    lo = a.starts[a.sent_first[s]]
    hi = a.ends[a.sentence_tokens(a.sentence_of(min(a.token_at(end), len(a) - 1)))[-1]]
    found = {
        lemma
        for i in a.tokens_between(lo, hi)
        if not start <= a.starts[i] < end and (lemma := _lemma(a, i, keys)) is not None
    }
    published = summary.article.published
    found |= {
        TIME + (resolve_date(span, published) or normalize(span, fold=True))
        for e in a.entities
        if e.label in TIME_LABELS and lo <= e.start < hi and not start <= e.start < end
        if is_time_expression(span := a.text[e.start : e.end])
    }
    found.discard("@" + speaker)
    return frozenset(found)


def voices(source: int, summary: Summary, a: Analysis, keys: Keys) -> list[Voice]:
    """The grounded quotes of one source (`a`: its article's parse), ready for pairing
    (ungrounded ones left out)."""
    out = []
    for k, q in enumerate(summary.quotes):
        if q.start is None or q.end is None:
            continue
        speaker = keys.name(q.speaker)
        lemmas = {lemma for i in a.tokens_between(q.start, q.end) if (lemma := _lemma(a, i, keys))}
        context = _context(a, summary, q.start, q.end, keys, speaker)
        out.append(
            Voice(
                quote_ref(source, k, q), folded_words(q.text), frozenset(lemmas), context, speaker
            )
        )
    return out


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared share of the smaller set (0 when either is empty)."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def similarity(a: Voice, b: Voice) -> float:
    """0-100: how alike the words are, typography aside."""
    return round(fuzz.ratio(" ".join(a.words), " ".join(b.words)), 1)


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    n = len(short)
    return n >= MIN_FRAGMENT_WORDS and any(
        long[i : i + n] == short for i in range(len(long) - n + 1)
    )


def is_fragment(a: Voice, b: Voice) -> bool:
    return a.words != b.words and (_contains(a.words, b.words) or _contains(b.words, a.words))


def same_words(a: Voice, b: Voice) -> bool:
    """The same quotation in words: equal, one inside the other, or nearly equal."""
    return a.words == b.words or is_fragment(a, b) or similarity(a, b) >= SAME_WORDS


def score(a: Voice, b: Voice) -> float:
    """How likely two quotes render one speech, 0-1; 0 when they cannot pair."""
    if a.speaker != b.speaker:
        return 1.0 if same_words(a, b) else 0.0
    if same_words(a, b):
        return 1.0
    words = overlap(a.lemmas, b.lemmas)
    context = overlap(a.context, b.context)
    same_time = any(f.startswith(TIME) for f in a.context & b.context)
    return round((words + context) / 2 + (TIME_BONUS if same_time else 0.0), 3)


def label(a: Voice, b: Voice) -> QuoteLabel:
    """What a paired quote's rendering did to the words, and to whom it gave them."""
    if a.speaker != b.speaker:
        return QuoteLabel.different_speakers
    if a.ref.text == b.ref.text:
        return QuoteLabel.identical
    if a.words == b.words:
        return QuoteLabel.typography
    if is_fragment(a, b):
        return QuoteLabel.fragment
    return QuoteLabel.reworded


_TOKEN_RE = re.compile(r"\S+")


def _diff_key(token: str) -> str:
    """A word as the diff compares it: folded; a dash or other mark as one form of it."""
    return " ".join(folded_words(token)) or normalize(token)


def word_diff(a: str, b: str) -> list[DiffOp]:
    """Word-level diff from `a` to `b`, words compared without their typography; equal
    runs are shown as `b` writes them."""
    ta, tb = _TOKEN_RE.findall(a), _TOKEN_RE.findall(b)
    ka, kb = [_diff_key(t) for t in ta], [_diff_key(t) for t in tb]
    ops: list[DiffOp] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append(DiffOp(op="equal", text=" ".join(tb[j1:j2])))
            continue
        if i2 > i1:
            ops.append(DiffOp(op="delete", text=" ".join(ta[i1:i2])))
        if j2 > j1:
            ops.append(DiffOp(op="insert", text=" ".join(tb[j1:j2])))
    return ops


def pair(a: Voice, b: Voice) -> QuoteMatch:
    return QuoteMatch(
        label=label(a, b),
        a=a.ref,
        b=b.ref,
        same_speaker=a.speaker == b.speaker,
        similarity=similarity(a, b),
        diff=word_diff(a.ref.text, b.ref.text),
    )


def _pairs(xs: list[Voice], ys: list[Voice]) -> list[tuple[Voice, Voice]]:
    """One-to-one: the best-scoring pairs over the threshold, greedily."""
    scored = sorted(
        ((score(x, y), i, j) for (i, x), (j, y) in itertools.product(enumerate(xs), enumerate(ys))),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_x: set[int] = set()
    used_y: set[int] = set()
    out = []
    for s, i, j in scored:
        if s < PAIR_THRESHOLD:
            break
        if i not in used_x and j not in used_y:
            used_x.add(i)
            used_y.add(j)
            out.append((xs[i], ys[j]))
    return sorted(out, key=lambda p: p[0].ref.start or 0)


def match_quotes(by_source: list[list[Voice]]) -> list[QuoteMatch]:
    """Pairs across every two sources, then each quote found in no pair on its own."""
    matches: list[QuoteMatch] = []
    paired: set[tuple[int, int]] = set()
    for xs, ys in itertools.combinations(by_source, 2):
        for x, y in _pairs(xs, ys):
            matches.append(pair(x, y))
            paired |= {(x.ref.source, x.ref.index), (y.ref.source, y.ref.index)}
    matches += [
        QuoteMatch(label=QuoteLabel.one_source, a=v.ref)
        for vs in by_source
        for v in vs
        if (v.ref.source, v.ref.index) not in paired
    ]
    return matches
