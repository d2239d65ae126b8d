"""A `what` from the text alone: the article's main-event sentence, shortened.

For `--model none`, and for a run whose model `what` was refused after its last attempt.
News puts its main event first: the first sentence of the body that states an event (not
a headline, a byline, a dateline or a quotation) is taken, and what its event does not
need is dropped: relative clauses, appositions, adverbial clauses, side clauses and
modifiers, keeping who acts, the action with its negation and modality, on whom, and the
phrases that say when and where. Every word is the article's, in its order, so rule 5
keeps it; it is checked all the same, and a sentence it would refuse is passed over.
"""

from __future__ import annotations

from summarizer.grounding.whatcheck import check_what, kept_what
from summarizer.reading import Analysis, Reading
from summarizer.reading.events import PLACE_LABELS, TIME_LABELS
from summarizer.reading.instructions import is_instruction
from summarizer.reading.structure import dateline_end, spaced
from summarizer.schema import What

MAX_WORDS = 25
LEAD_SENTENCES = 12  # how far into the article the main event is looked for
_KEEP = frozenset(
    """nsubj nsubjpass csubj expl aux auxpass neg prt dobj attr oprd dative acomp
    agent xcomp ccomp mark compound poss det nummod amod case flat pobj pcomp""".split()
)
_VERB_KEEP = _KEEP | frozenset(["prep", "npadvmod"])
_OBJECTS = frozenset(["dobj", "attr", "oprd", "acomp", "ccomp", "xcomp", "dative"])
_WHEN_WHERE = TIME_LABELS | PLACE_LABELS | {"NORP"}
_NO_SPACE_BEFORE = frozenset(["POS", ",", ".", ":", "HYPH"])
_QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e"
_DASHES = "\u2013\u2014-"


def _says_when_or_where(a: Analysis, first: int, last: int) -> bool:
    return any(
        (e := a.entity(t)) is not None and e.label in _WHEN_WHERE for t in range(first, last)
    )


def _complement(a: Analysis, head: int) -> int | None:
    """The phrase a verb with no object needs ("placed on high alert", "fighting inside
    Russian territory"): its first prepositional phrase after it."""
    kids = a.children(head)
    if any(a.deps[k] in _OBJECTS for k in kids):
        return None
    return next((k for k in kids if k > head and a.deps[k] == "prep"), None)


def _kept(a: Analysis, head: int, places: bool) -> set[int]:
    """The tokens of `head`'s phrase that its event needs (see the module docstring)."""
    keep = {head}
    verbal = a.pos[head] in ("VERB", "AUX")
    needed = _complement(a, head) if verbal else None
    for k in a.children(head):
        dep = a.deps[k]
        if dep in ("prep", "npadvmod"):
            lo, hi = a.subtree_span(k)
            of = not verbal and a.lemmas[k] == "of"  # "the start of a process"
            if (
                k != needed
                and not of
                and not (verbal and places and _says_when_or_where(a, lo, hi))
            ):
                continue
        elif dep in ("conj", "cc") and not verbal:
            pass  # "Thomas and Manju Sam": both
        elif dep == "punct" and verbal and a.word(k) == "," and _between_clauses(a, head, k):
            pass  # "Troops are fighting, Zelensky confirmed"
        elif dep not in (_VERB_KEEP if verbal else _KEEP):
            continue
        keep |= _kept(a, k, places)
    return keep


def _between_clauses(a: Analysis, head: int, comma: int) -> bool:
    """A comma that ends a clause fronted before its verb (reported speech first)."""
    return any(a.deps[k] in ("ccomp", "parataxis") and k < comma < head for k in a.children(head))


def _whole_words(a: Analysis, keep: set[int], tokens: range) -> set[int]:
    """`keep` with the rest of each hyphenated word it has part of ("rock concert-like")."""
    out = set(keep)
    for i in sorted(keep):
        j = i
        while j + 2 < tokens.stop and a.word(j + 1) == "-" and not spaced(a, j + 1):
            out |= {j + 1, j + 2}
            j += 2
        j = i
        while j - 2 >= tokens.start and a.word(j - 1) == "-" and not spaced(a, j - 1):
            out |= {j - 1, j - 2}
            j -= 2
    return out


def _render(a: Analysis, keep: list[int]) -> str:
    """The kept tokens with the article's spacing between neighbours, as one sentence."""
    out: list[str] = []
    for n, i in enumerate(keep):
        joined = n and keep[n - 1] == i - 1 and a.ends[i - 1] == a.starts[i]
        if out and not joined and a.tags[i] not in _NO_SPACE_BEFORE:
            out.append(" ")
        out.append(a.word(i))
    text = "".join(out).strip(" ,;:" + _DASHES)
    text = text.rstrip(".!?") + "."
    return text[:1].upper() + text[1:]


def shortened(a: Analysis, sentence: int, places: bool = True) -> str | None:
    """The sentence's main event in its own words (module docstring); None when the
    sentence has no verb with a subject."""
    tokens = a.sentence_tokens(sentence)
    start = dateline_end(a, tokens)
    root = next((i for i in range(start, tokens.stop) if a.heads[i] == i), None)
    if root is None or a.pos[root] not in ("VERB", "AUX"):
        return None
    # Clauses joined by semicolons are events of their own: the first is the lead's.
    stop = next((k for k in range(start, tokens.stop) if a.word(k) == ";"), tokens.stop)
    if root > stop:
        first = [k for k in a.children(root) if k < stop and a.pos[k] in ("VERB", "AUX")]
        if not first:
            return None
        root = first[0]
    keep = {i for i in _kept(a, root, places) if start <= i < stop}
    if not any(a.deps[k] in ("nsubj", "nsubjpass", "csubj", "expl") for k in keep):
        return None  # a subject the dateline took ("Evansville, Indiana - …")
    keep = {i for i in keep if a.pos[i] != "PUNCT" or a.word(i) in ",%"}
    return _render(a, sorted(_whole_words(a, keep, range(start, tokens.stop))))


def _is_news(reading: Reading, sentence: int) -> bool:
    """A sentence of news: in the body (not a headline, byline, caption or link line:
    `reading.structure`), ending as a sentence, with words enough, not a quotation nor an
    instruction."""
    start, end = reading.parse.sentences[sentence]
    text = reading.text[start:end]
    return (
        reading.structure.in_body(start)
        and len(text.split()) >= 4
        and text.rstrip(_QUOTES + ")").endswith((".", "!", "?"))
        and text[0] not in _QUOTES
        and not is_instruction(reading.parse, start, end)
    )


def text_what(reading: Reading) -> What | None:
    """The text's `what` (module docstring), grounded: rule 5's evidence with offsets; None
    for an article with no sentence of news in its opening."""
    a = reading.parse
    for sentence in range(min(LEAD_SENTENCES, len(a.sent_first))):
        if not _is_news(reading, sentence):
            continue
        for places in (True, False):
            summary = shortened(a, sentence, places)
            if summary is None or len(summary.split()) > MAX_WORDS:
                continue
            verdict = check_what(reading, summary)
            if verdict.reason is None:
                return kept_what(reading, summary, verdict)
    return None
