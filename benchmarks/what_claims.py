"""Claims about an article's events, each labelled with what the `what` check should do.

The meaning check keeps an abstractive `what` sentence only if an article sentence states
the same event: the same agent, action, patient, polarity and modality, and the times,
places and numbers the article gives it. This generator makes the claims to measure it on.
From each article it picks narrated event sentences, lead first (not the headline, a
caption or a quotation; a finite main verb with a subject), and edits their parse into:

- claims that state the same event, which the check must keep: the sentence as it stands
  ("true"), without the modifiers the event does not need ("shortened"), with a time or
  place phrase moved to the other end ("reordered"), or turned passive ("passive");
- claims that state another event, which it must refuse, one per dimension: subject and
  object exchanged ("role_swap"), another actor of the article ("actor_replaced"), the
  opposite polarity ("negated"), a fact made a possibility or plan or the reverse
  ("modality"), and another time, place, number or object the article names
  ("time_changed", "place_changed", "number_changed", "object_replaced").

Every edit is made on the project's own parse (`summarizer.reading.parse`) and its cast of
names; a kind that cannot be made properly for a sentence is skipped, and no wrong claim is
one the article states word for word.

    python benchmarks/what_claims.py [--per-article 6] [--out claims.jsonl] [--show KIND]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import NamedTuple

# This checkout's package before the installed one (see benchmarks/grounding.py).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from summarizer.reading import Analysis, parse
from summarizer.reading.cast import Cast, build_cast
from summarizer.reading.names import ORG_WORDS, TITLES, name_words
from summarizer.reading.referents import referent
from summarizer.reading.timeexpr import find_time, resolve_date

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
DEV_FILES = ("seeds_gold.jsonl", "gum_news_dev.jsonl")

KEEP_KINDS = ("true", "shortened", "reordered", "passive")
REFUSE_KINDS = (
    "role_swap",
    "actor_replaced",
    "negated",
    "modality",
    "time_changed",
    "place_changed",
    "number_changed",
    "object_replaced",
)
KINDS = KEEP_KINDS + REFUSE_KINDS


@dataclass(frozen=True)
class Claim:
    """One claim about the event of an article sentence, and what the check should do."""

    article: str
    kind: str
    claim: str
    source: str
    source_start: int
    source_end: int
    expect: str  # "keep" | "refuse"


# --- Word lists: English grammar and lexicon, not examples ---------------------------------

# Irregular verbs as "lemma past participle"; a prefixed verb ("rebuild", "withdraw")
# inflects as its base.
_IRREGULAR = {
    lemma: (past, participle)
    for lemma, past, participle in (
        line.split()
        for line in """be was been; have had had; do did done; go went gone; take took taken;
        give gave given; make made made; say said said; tell told told; see saw seen;
        come came come; get got got; know knew known; think thought thought; find found found;
        leave left left; hold held held; bring brought brought; begin began begun;
        keep kept kept; build built built; buy bought bought; catch caught caught;
        choose chose chosen; draw drew drawn; drive drove driven; eat ate eaten;
        fall fell fallen; feel felt felt; fight fought fought; fly flew flown;
        forget forgot forgotten; freeze froze frozen; grow grew grown; hear heard heard;
        hide hid hidden; hit hit hit; hurt hurt hurt; lead led led; lose lost lost;
        meet met met; pay paid paid; put put put; read read read; ride rode ridden;
        ring rang rung; rise rose risen; run ran run; sell sold sold; send sent sent;
        set set set; shake shook shaken; shoot shot shot; show showed shown; sing sang sung;
        sink sank sunk; sit sat sat; sleep slept slept; speak spoke spoken;
        spend spent spent; stand stood stood; steal stole stolen; strike struck struck;
        swim swam swum; teach taught taught; tear tore torn; throw threw thrown;
        understand understood understood; wake woke woken; wear wore worn; win won won;
        write wrote written; break broke broken; bear bore borne; beat beat beaten;
        become became become; bend bent bent; bind bound bound; bite bit bitten;
        blow blew blown; cost cost cost; cut cut cut; deal dealt dealt; dig dug dug;
        feed fed fed; flee fled fled; forbid forbade forbidden; forgive forgave forgiven;
        hang hung hung; lay laid laid; lend lent lent; let let let; light lit lit;
        mean meant meant; quit quit quit; seek sought sought; shut shut shut;
        slide slid slid; spread spread spread; stick stuck stuck; swear swore sworn;
        sweep swept swept; swing swung swung; arise arose arisen; shed shed shed;
        split split split; broadcast broadcast broadcast; wind wound wound; bet bet bet;
        burst burst burst; cast cast cast; forecast forecast forecast; slay slew slain;
        spin spun spun; stride strode stridden; strive strove striven; weave wove woven;
        weep wept wept; withstand withstood withstood; undergo underwent undergone;
        overcome overcame overcome; oversee oversaw overseen; undertake undertook undertaken;
        uphold upheld upheld; withdraw withdrew withdrawn; mislead misled misled""".split(";")
    )
}
_PREFIXES = ("re", "over", "under", "out", "mis", "up", "fore", "with", "co")
_NOT_PASSIVE = frozenset("have lack resemble cost weigh mean become get suit fit equal".split())
_PLAN_VERBS = frozenset(
    "plan intend hope want aim seek expect propose promise threaten try attempt prepare".split()
)
_MODALS = ("may", "could", "might")
_NOMINATIVE = {"him": "he", "her": "she", "them": "they", "us": "we", "me": "I"}
_ACCUSATIVE = {v.lower(): k for k, v in _NOMINATIVE.items()}
_PERSONAL = frozenset("he she they we i him her them us me".split())
# Adjectives and adverbs whose removal changes what is claimed, not only how much.
_KEEP_ADJ = frozenset(
    """former ex alleged suspected supposed so-called fake false mock would-be potential
    possible probable likely apparent presumed reported proposed planned future past
    previous late other another same such own only sole single main first last next many
    few several more most less least much little no total whole entire all both each every
    various different certain particular half full partial real true actual nominal virtual
    near mere additional further new old original current recent early top numerous
    front back side""".split()
)
_KEEP_ADJ_PREFIXES = ("un", "non", "anti", "ex-", "pseudo", "quasi", "semi", "in", "im", "dis")
# Classifying adjectives ("legislative election", "alternative medicine") name a kind of
# thing, not a quality of it.
_CLASSIFYING = re.compile(r"(al|ic|ary|ory|ive|an|ian|ese|ish|ern|ar)$")
_KEEP_ADV = frozenset(
    """reportedly allegedly apparently possibly probably likely nearly almost only hardly
    barely scarcely partly partially largely mostly supposedly purportedly seemingly
    presumably initially eventually finally recently previously currently formerly
    originally early lately newly temporarily permanently never not no longer
    first""".split()
)
_DROP_ADV = frozenset("also however meanwhile moreover furthermore additionally".split())
_CONDITIONS = frozenset("if unless provided whether".split())
_MOVE_PREPS = frozenset("during after before since until following amid despite".split())
_TIME_MARKS = frozenset("after before when while since until once".split())
_PLACE_PREPS = frozenset("in at on near outside inside across throughout within".split())
_LOCATIVE = _PLACE_PREPS | frozenset(
    "from to into toward towards around through off along across between".split()
)
# People and groups of them, besides titles, organisations and agent nouns ("-ist").
_HUMAN = frozenset(
    """people person police official parent child family woman man girl boy member troop
    soldier pilgrim migrant expert student teacher citizen resident voter candidate
    politician team player crowd public staff worker victim fan user government
    scientist researcher reporter worshipper""".split()
)
_CORE_DEPS = frozenset(
    """nsubj nsubjpass csubj csubjpass aux auxpass neg dobj dative iobj attr acomp oprd prt
    xcomp ccomp agent expl""".split()
)
_TIME_LABELS = frozenset(["DATE", "TIME"])
_PLACE_LABELS = frozenset(["GPE", "LOC", "FAC"])
_NUMBER_LABELS = frozenset(["CARDINAL", "QUANTITY", "MONEY", "PERCENT"])
_EVENT_LABELS = _TIME_LABELS | _PLACE_LABELS | _NUMBER_LABELS
_NAME_LABELS = frozenset(["PERSON", "ORG", "GPE", "NORP"])
_KEEP_CASE = _NAME_LABELS | frozenset(
    ["LOC", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW", "LANGUAGE"]
)
_CLOSED = frozenset(["DET", "PRON", "ADP", "CCONJ", "SCONJ", "PART", "AUX", "NUM"])
_NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        """zero one two three four five six seven eight nine ten eleven twelve thirteen
        fourteen fifteen sixteen seventeen eighteen nineteen twenty""".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "hundred": 100, "dozen": 12}
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
# Countries and larger areas: no other place of an article lies outside of one, any other
# place may lie in one, so a place is only exchanged for one of the same rank.
_COUNTRIES = frozenset(
    """afghanistan albania algeria andorra angola argentina armenia australia austria
    azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan
    bolivia bosnia botswana brazil brunei bulgaria burundi cambodia cameroon canada chad
    chile china colombia comoros congo croatia cuba cyprus czechia denmark djibouti
    dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland france gabon
    gambia georgia germany ghana greece grenada guatemala guinea guyana haiti honduras
    hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jordan
    kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia
    libya liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta
    mauritania mauritius mexico micronesia moldova monaco mongolia montenegro morocco
    mozambique myanmar namibia nauru nepal netherlands nicaragua niger nigeria norway oman
    pakistan palau palestine panama paraguay peru philippines poland portugal qatar romania
    russia rwanda samoa senegal serbia seychelles singapore slovakia slovenia somalia spain
    sudan suriname sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga
    tunisia turkey turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu venezuela
    vietnam yemen zambia zimbabwe europe asia africa america antarctica oceania""".split()
) | frozenset(
    """united states|us|u s|usa|u s a|united kingdom|uk|u k|britain|great britain|england|
    scotland|wales|northern ireland|new zealand|south africa|south korea|north korea|korea|
    saudi arabia|united arab emirates|uae|sri lanka|costa rica|el salvador|sierra leone|
    south sudan|east timor|czech republic|dominican republic|ivory coast|hong kong|
    vatican city|san marino|papua new guinea|north macedonia|burkina faso|cape verde|
    central african republic|equatorial guinea|north america|south america|latin america|
    middle east|european union|soviet union""".replace("\n", "")
    .replace("  ", "")
    .split("|")
)
_PLACE_SUFFIXES = frozenset("region regions oblast province district county city area".split())
_DATELINE = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? [A-Z][a-z]+ \d{1,2}, \d{4}"
)
_PLACE_DATELINE = re.compile(r"[A-Z][\w.]*(?:,? [A-Z][\w.]*)* [-—–] ")
# A capitalised function word inside a sentence: a caption run into the text ("... vote
# in any constituency In the New Territories ...").
_RUN_IN = re.compile(r"[a-z,] (?:In|On|At|For|From|During|After) ")
_FIRST_PERSON = frozenset("i me my we us our".split())
_BARE_TIMES = frozenset(["rel", "vague", "ago"])  # "last week", "yesterday": no preposition
_TIME_PREP = {"wday": "on", "mdy": "on", "dmy": "on", "iso": "on", "clock": "at"} | {
    name: "in" for name in ("my", "mon", "year", "decade")
}
_MODIFIERS = re.compile(
    r"^(?:(?:over|about|around|some|nearly|almost|approximately|roughly|more than|"
    r"less than|fewer than|at least|up to|just|only)\s+)+",
    re.IGNORECASE,
)


# --- Rendering edited token sequences ------------------------------------------------------


class _Sub(NamedTuple):
    """A token of the article written differently (inflected, re-cased, or removed: "")."""

    tok: int
    text: str


Piece = int | _Sub | str  # an article token as it is, one written differently, new words


def _tok(p: Piece) -> int | None:
    return p if isinstance(p, int) else p.tok if isinstance(p, _Sub) else None


def _render(a: Analysis, pieces: Sequence[Piece]) -> str:
    """The sentence the pieces make: tokens keep their own spacing where they stay next to
    each other, anything else is one space apart; punctuation and case are tidied."""
    out: list[str] = []
    for k, p in enumerate(pieces):
        if isinstance(p, str):
            if p:
                out.append(" " + p + " ")
            continue
        tok = _tok(p)
        assert tok is not None
        word = a.word(tok) if isinstance(p, int) else p.text
        after = _tok(pieces[k + 1]) if k + 1 < len(pieces) else None
        glued = after == tok + 1 and tok + 1 < len(a) and a.ends[tok] == a.starts[tok + 1]
        out.append(word + ("" if glued and word else " "))
    return _tidy("".join(out))


def _tidy(s: str) -> str:
    s = " ".join(s.split())
    s = re.sub(r" ([,.;:!?%)])", r"\1", s)
    s = re.sub(r"\( ", "(", s)
    s = re.sub(r"\(\)", "", s)
    s = re.sub(r"([,;]\s*)+,", ",", s)
    s = re.sub(r"\s*[,;:—–-]\s*([.!?])$", r"\1", s)
    s = re.sub(r"^[,;:—–-]\s*", "", s).strip()
    s = " ".join(s.split())
    if not s:
        return s
    s = s[0].upper() + s[1:]
    if s[-1] not in ".!?":
        s += "."
    return re.sub(r"\.\.$", ".", s)


def _normal(s: str) -> str:
    """Words only, lower case: for "the article states it verbatim" and "unchanged"."""
    return " ".join(re.findall(r"\w+", s.lower()))


def _words(s: str) -> set[str]:
    return set(re.findall(r"\w+", s.lower()))


# --- Morphology ----------------------------------------------------------------------------


def _irregular(lemma: str) -> tuple[str, str] | None:
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    for prefix in _PREFIXES:
        base = lemma.removeprefix(prefix)
        if base != lemma and base in _IRREGULAR and len(base) > 2:
            past, part = _IRREGULAR[base]
            return prefix + past, prefix + part
    return None


def _regular_past(lemma: str, seen: str) -> str | None:
    """Lemma + "ed" with English spelling; None where doubling the last consonant is
    uncertain ("admitted", "visited") and the article shows neither form."""
    if not lemma.isalpha() or len(lemma) < 2:
        return None
    vowels = "aeiou"
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma[-1] == "y" and lemma[-2] not in vowels:
        return lemma[:-1] + "ied"
    cvc = (
        len(lemma) >= 3
        and lemma[-1] not in vowels + "wxy"
        and lemma[-2] in vowels
        and lemma[-3] not in vowels
    )
    if not cvc:
        return lemma + "ed"
    doubled, plain = lemma + lemma[-1] + "ed", lemma + "ed"
    for form in (doubled, plain):
        if re.search(rf"\b{form}\b", seen, re.IGNORECASE):
            return form
    syllables = len(re.findall(r"[aeiouy]+", lemma))
    return doubled if syllables == 1 else None


def _past(lemma: str, seen: str) -> str | None:
    found = _irregular(lemma)
    return found[0] if found else _regular_past(lemma, seen)


def _participle(a: Analysis, verb: int) -> str | None:
    """The past participle of `verb`: its own word when it is one, else made from its lemma."""
    word = a.word(verb)
    if a.tags[verb] == "VBN":
        return word
    found = _irregular(a.lemmas[verb])
    if found:
        return found[1]
    if a.tags[verb] == "VBD" and word.endswith("ed"):
        return word
    return _regular_past(a.lemmas[verb], a.text)


def _third_person(lemma: str) -> str:
    special = {"be": "is", "have": "has", "do": "does", "go": "goes"}
    if lemma in special:
        return special[lemma]
    if re.search(r"(s|x|z|ch|sh|o)$", lemma):
        return lemma + "es"
    if lemma.endswith("y") and lemma[-2:-1] not in tuple("aeiou"):
        return lemma[:-1] + "ies"
    return lemma + "s"


def _be(past: bool, plural: bool) -> str:
    if past:
        return "were" if plural else "was"
    return "are" if plural else "is"


# --- The article: its parse, names, places, times and noun phrases -----------------------


@dataclass(frozen=True)
class _Name:
    """A person, organisation or place of the article: key, written form, label, mentions."""

    key: str
    text: str
    label: str
    count: int
    first: int  # character offset of its first mention


@dataclass(frozen=True)
class _Phrase:
    """A noun phrase that stands as an object somewhere in the article."""

    text: str
    head: str  # lemma
    plural: bool
    animate: bool
    lemmas: frozenset[str]
    start: int


class _Span(NamedTuple):
    """Tokens [first, last) of a time or number expression, and its text."""

    first: int
    last: int
    text: str


@dataclass
class _Article:
    id: str
    text: str
    a: Analysis
    cast: Cast
    published: date | None
    body_start: int  # after the headline
    dateline: tuple[int, int]  # the line with the publication date, if any
    normal: str
    verbs: frozenset[str]  # verb lemmas of the article
    roles: frozenset[str]  # role words the article gives people ("spokesman")
    names: list[_Name] = field(default_factory=list)
    places: list[_Name] = field(default_factory=list)
    place_links: set[frozenset[str]] = field(default_factory=set)
    phrases: list[_Phrase] = field(default_factory=list)

    def quoted(self, start: int, end: int, words: int = 0) -> bool:
        """Whether [start, end) overlaps a quotation of more than `words` words, or lies
        inside one."""
        for r in self.cast.regions:
            if r.open_at < end and start < r.close_at:
                inner = self.text[max(r.start, start) : min(r.end, end)]
                if len(inner.split()) > words or (r.start <= start and end <= r.end):
                    return True
        return False

    def states(self, claim: str) -> bool:
        return _normal(claim) in self.normal

    def entity_label(self, i: int) -> str | None:
        ent = self.a.entity(i)
        return ent.label if ent is not None else None


def _headline_end(text: str) -> int:
    """The end of the first paragraph: the headline."""
    lead = len(text) - len(text.lstrip())
    end = text.find("\n", lead)
    return len(text) if end == -1 else end


def _published(text: str, start: int) -> tuple[date | None, tuple[int, int]]:
    m = _DATELINE.search(text, start, start + 200)
    if m is None:
        return None, (0, 0)
    value = resolve_date(m.group(), None)
    try:
        return (date.fromisoformat(value) if value else None), m.span()
    except ValueError:
        return None, m.span()


def _the(text: str, starts: Iterable[int]) -> bool:
    """Whether the article writes a name with "the" in front most of the time."""
    marks = [text[max(0, s - 4) : s].lower() == "the " for s in starts]
    return sum(marks) * 2 > len(marks)


def _clean(name: str) -> str:
    name = re.sub(r"['\u2019]s?$", "", name.strip())
    return re.sub(r"^(?:the|The) ", "", name)


def _place_key(name: str) -> str:
    """A place's words without "the" or a trailing "region": "the Belgorod region" is
    "belgorod"; "U.S." is "u s"."""
    words = re.findall(r"\w+", _clean(name).lower())
    while len(words) > 1 and words[-1] in _PLACE_SUFFIXES:
        words.pop()
    return " ".join(words)


def _read(article_id: str, text: str) -> _Article:
    a = parse(text)
    cast = build_cast(a)
    body = _headline_end(text)
    published, dateline = _published(text, body)
    verbs = frozenset(a.lemmas[i] for i in range(len(a)) if a.pos[i] == "VERB")
    roles = frozenset(r for m in cast.members.values() if m.person for r in m.roles)
    art = _Article(
        article_id, text, a, cast, published, body, dateline, _normal(text), verbs, roles
    )
    _read_names(art)
    _read_places(art)
    _read_phrases(art)
    return art


def _good_name(text: str, label: str) -> bool:
    """A name fit to stand in a sentence: a person's given and family name, an
    organisation's or place's name that starts with a capital (not "@POTUS", "pro-Beijing")."""
    words = text.removeprefix("the ").split()
    if not words or "\n" in text or len(words) > 6 or not words[0][:1].isupper():
        return False
    if re.match(r"(?:Pro|Anti|Non|Ex)-", words[0]):
        return False
    if label == "PERSON":
        return 2 <= len(name_words(text)) <= 4 and all(w[:1].isupper() for w in words)
    return True


def _read_names(art: _Article) -> None:
    a, text, cast = art.a, art.text, art.cast
    for key, member in cast.members.items():
        labels: Counter[str] = Counter()
        for start in member.mentions:
            label = art.entity_label(a.token_at(start))
            if label is not None:
                labels[label] += 1
        if not labels:
            continue
        label = labels.most_common(1)[0][0]
        if label == "PERSON" and not member.person:
            continue
        name = ("the " if _the(text, member.mentions) else "") + member.name
        if _good_name(name, label):
            art.names.append(_Name(key, name, label, len(member.mentions), min(member.mentions)))


def _read_places(art: _Article) -> None:
    """Places: names the article tags as places most of the time and sets after a
    locative preposition at least once; and which places it sets in one another
    ("Irving, Texas", "Sumy in Ukraine", "Russia's Belgorod region")."""
    a, text = art.a, art.text
    labels: dict[str, Counter[str]] = {}
    mentions: dict[str, list[tuple[int, str]]] = {}
    located: set[str] = set()
    for e in a.entities:
        name = _clean(text[e.start : e.end])
        key = _place_key(name)
        if not key or "\n" in name:
            continue
        labels.setdefault(key, Counter())[e.label] += 1
        if e.label in _PLACE_LABELS:
            mentions.setdefault(key, []).append((e.start, name))
            head = _head(a, e.first, e.last)
            if a.deps[head] == "pobj" and a.lemmas[a.heads[head]] in _LOCATIVE:
                located.add(key)
    for key, found in mentions.items():
        label = labels[key].most_common(1)[0][0]
        if label not in _PLACE_LABELS or key not in located:
            continue
        name = max((m[1] for m in found), key=len)
        written = ("the " if _the(text, [m[0] for m in found]) else "") + name
        if _good_name(written, label):
            art.places.append(_Name(key, written, label, len(found), found[0][0]))
    ents = [e for e in a.entities if e.label in _PLACE_LABELS]
    for e, f in zip(ents, ents[1:], strict=False):
        between = text[e.end : f.start]
        if re.fullmatch(r"\s*,\s*|\s+(?:in|of|near)\s+(?:the\s+)?|['\u2019]s\s+", between):
            keys = (_place_key(text[e.start : e.end]), _place_key(text[f.start : f.end]))
            art.place_links.add(frozenset(keys))


def _read_phrases(art: _Article) -> None:
    """Short noun phrases that are the object of a verb (or its passive subject) in the
    narration: what else the article says was acted on."""
    a = art.a
    for i in range(len(a)):
        if a.deps[i] not in ("dobj", "nsubjpass") or a.pos[i] != "NOUN":
            continue
        lo, hi = a.subtree_span(i)
        start, end = a.starts[lo], a.ends[hi - 1]
        if start < art.body_start or hi - lo > 5 or art.quoted(start, end):
            continue
        span = range(lo, hi)
        if any(a.pos[k] in ("VERB", "AUX", "PRON", "PUNCT", "ADP", "NUM") for k in span):
            continue
        if any(art.entity_label(k) in _NAME_LABELS for k in span):
            continue
        if lo != i and (a.deps[lo] not in ("det", "poss", "amod", "compound") or a.deps[lo] == "det" and a.lemmas[lo] not in ("the", "a", "an")):
            continue
        if lo == i and a.tags[i] == "NN":
            continue  # a bare singular noun: "took place", "took action"
        lemmas = frozenset(a.lemmas[k] for k in span if a.pos[k] in ("NOUN", "ADJ", "PROPN"))
        art.phrases.append(
            _Phrase(
                a.text[start:end],
                a.lemmas[i],
                a.tags[i] == "NNS",
                _animate(art, i),
                lemmas,
                start,
            )
        )


# --- Parse helpers -------------------------------------------------------------------------


def _head(a: Analysis, first: int, last: int) -> int:
    """The head word of tokens [first, last) (the first, if they are not one phrase)."""
    return next((t for t in range(first, last) if not first <= a.heads[t] < last or a.heads[t] == t), first)


def _kids(a: Analysis, i: int, *deps: str) -> list[int]:
    return [k for k in a.children(i) if a.deps[k] in deps]


def _finite(a: Analysis, root: int) -> bool:
    if a.tags[root] in ("VBD", "VBZ", "VBP"):
        return True
    return any(a.tags[k] in ("MD", "VBD", "VBZ", "VBP") for k in _kids(a, root, "aux", "auxpass"))


def _auxes(a: Analysis, root: int) -> list[int]:
    return [k for k in _kids(a, root, "aux", "auxpass") if k < root and a.lemmas[k] != "to"]


def _own_subject(a: Analysis, verb: int) -> bool:
    return bool(_kids(a, verb, "nsubj", "nsubjpass", "expl"))


def _shared_subject_conj(a: Analysis, root: int) -> bool:
    """Whether another verb shares the root's subject ("... and is believed to ...")."""
    return any(a.pos[k] in ("VERB", "AUX") and not _own_subject(a, k) for k in _kids(a, root, "conj"))


def _plural(a: Analysis, head: int) -> bool:
    if any(a.lemmas[k] == "and" for k in _kids(a, head, "cc")) and _kids(a, head, "conj"):
        return True
    word = a.word(head).lower()
    if word in ("they", "we", "these", "those", "you", "them", "us"):
        return True
    ent = a.entity(head)
    if ent is not None and ent.label in ("ORG", "GPE"):
        return False
    return a.tags[head] in ("NNS", "NNPS")


def _animate(art: _Article, head: int) -> bool:
    """Whether a phrase names someone who can act: a person, a group or organisation (by
    name, title or role, or as an agent noun the article also uses as a verb: "reporter"
    beside "reported"), a country, or a personal pronoun."""
    a = art.a
    label = art.entity_label(head)
    if label is not None:
        return label in _NAME_LABELS
    word = a.word(head).lower()
    if a.tags[head] == "PRP":
        return word in _PERSONAL
    if a.pos[head] not in ("NOUN", "PROPN"):
        return False
    return _person_noun(art, a.lemmas[head]) or a.lemmas[head] in ORG_WORDS


def _person_noun(art: _Article, lemma: str) -> bool:
    if lemma in _HUMAN or lemma in TITLES or lemma in art.roles:
        return True
    if re.search(r"(ist|ian|man|men|eer)$", lemma) and len(lemma) > 4:
        return True
    if re.search(r"(er|or)$", lemma) and len(lemma) > 4:
        stem = lemma[:-2]
        stems = {stem, lemma[:-1], stem[:-1] if stem[-1:] == stem[-2:-1] else stem}
        return bool(stems & art.verbs)
    return False


def _case(a: Analysis, lo: int, hi: int, table: dict[str, str]) -> list[Piece]:
    """A phrase's tokens, a lone personal pronoun in the case `table` gives."""
    if hi - lo == 1 and a.tags[lo] == "PRP":
        word = a.word(lo)
        new = table.get(word.lower(), word.lower() if word != "I" else word)
        return [_Sub(lo, new)]
    return list(range(lo, hi))


def _lowered(art: _Article, i: int) -> Piece:
    """Token `i` as it reads inside a sentence rather than at its start: lower case, unless
    it is a name (the article never writes it in lower case)."""
    a = art.a
    word = a.word(i)
    if word == "I" or (len(word) > 1 and word.isupper()) or art.entity_label(i) in _KEEP_CASE:
        return i
    inside = re.search(rf"[a-z,] {re.escape(word)}\b", art.text)  # a name wherever it is
    return i if inside and a.pos[i] not in _CLOSED else _Sub(i, word[:1].lower() + word[1:])


def _capital(a: Analysis, i: int) -> _Sub:
    word = a.word(i)
    return _Sub(i, word[:1].upper() + word[1:])


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _agree(a: Analysis, root: int, plural: bool) -> dict[int, Piece]:
    """The finite verb of `root`'s clause in the form a subject of that number takes."""
    auxes = _auxes(a, root)
    verb = auxes[0] if auxes else root
    tag, lemma = a.tags[verb], a.lemmas[verb]
    if tag == "MD":
        return {}
    if lemma == "be" and tag in ("VBD", "VBZ", "VBP"):
        return {verb: _Sub(verb, _be(tag == "VBD", plural))}
    if tag == "VBZ" and plural:
        return {verb: _Sub(verb, "have" if lemma == "have" else lemma)}
    if tag == "VBP" and not plural:
        return {verb: _Sub(verb, _third_person(lemma))}
    return {}


def _apply(pieces: Sequence[Piece], subs: dict[int, Piece]) -> list[Piece]:
    return [subs.get(p, p) if isinstance(p, int) else p for p in pieces]


# --- Event sentences -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Sent:
    """One event sentence: its tokens [first, end), `end` being the final full stop."""

    art: _Article
    first: int
    end: int
    root: int
    subj: int
    obj: int | None
    n: int  # its place among the article's picks, to vary the modal used

    @property
    def a(self) -> Analysis:
        return self.art.a

    def tokens(self, lo: int | None = None, hi: int | None = None) -> list[Piece]:
        return list(range(self.first if lo is None else lo, self.end if hi is None else hi))

    def render(self, pieces: Sequence[Piece]) -> str:
        return _render(self.a, [*pieces, self.end])

    def splice(self, lo: int, hi: int, new: Sequence[Piece]) -> list[Piece]:
        """The sentence with tokens [lo, hi) replaced by `new` (and a comma that closed a
        phrase set off inside them dropped: "Basya, spokesman for the military, said")."""
        a = self.a
        if hi < self.end and a.word(hi) == "," and any(a.word(t) == "," for t in range(lo, hi)):
            hi += 1
        return [*self.tokens(hi=lo), *new, *self.tokens(lo=hi)]

    @property
    def source(self) -> str:
        return self.art.text[self.a.starts[self.first] : self.a.ends[self.end]]

    def quoted(self, lo: int, hi: int) -> bool:
        return any(self.art.cast.quoted[t] for t in range(lo, hi))

    def lemmas(self) -> set[str]:
        return {self.a.lemmas[t] for t in range(self.first, self.end)}


def _event_sentences(art: _Article, per_article: int) -> list[_Sent]:
    a, text = art.a, art.text
    captions = [m.start() for m in re.finditer(r"Image:|Photo:", text)]
    found: list[tuple[int, int, int, int, int | None]] = []
    for s in range(len(a.sent_first)):
        toks = a.sentence_tokens(s)
        first, end = toks.start, toks.stop - 1
        start, stop = a.starts[first], a.ends[end]
        body = text[start:stop]
        para = (text.rfind("\n", 0, start) + 1, (text.find("\n", stop) + 1 or len(text) + 1) - 1)
        if start < art.body_start or a.word(end) != "." or not body[:1].isupper():
            continue
        if any(para[0] <= c < para[1] for c in captions) or "\n" in body:
            continue
        if re.search(r"[:;]", body) or _RUN_IN.search(body) or _DATELINE.match(body):
            continue
        if _PLACE_DATELINE.match(body) or art.quoted(start, stop, 3):
            continue
        if any(a.word(t).lower() in _FIRST_PERSON and a.tags[t].startswith("PRP") for t in toks):
            continue
        words = sum(1 for i in range(first, end) if a.pos[i] != "PUNCT")
        roots = [i for i in range(first, end) if a.heads[i] == i]
        if not 8 <= words <= 45 or len(roots) != 1:
            continue
        root = roots[0]
        subj = _kids(a, root, "nsubj", "nsubjpass")
        if a.pos[root] != "VERB" or not subj or not _finite(a, root) or subj[0] > root:
            continue
        obj = [k for k in _kids(a, root, "dobj") if k > root]
        found.append((first, end, root, subj[0], obj[0] if obj else None))
    # The lead first; a sentence without an object counts as three sentences later.
    ranked = sorted(range(len(found)), key=lambda k: k + (0 if found[k][4] is not None else 3))
    picked = sorted(ranked[:per_article])
    return [_Sent(art, *found[k], n) for n, k in enumerate(picked)]


# --- True claims: the same event -----------------------------------------------------------


def _true(c: _Sent) -> str | None:
    return c.source


def _event_phrase(c: _Sent, lo: int, hi: int) -> bool:
    """Whether tokens [lo, hi) hold a time, place or number (of the event they modify)."""
    a = c.a
    if any(c.art.entity_label(t) in _EVENT_LABELS for t in range(lo, hi)):
        return True
    return find_time(a.text[a.starts[lo] : a.ends[hi - 1]]) is not None


def _set_off(c: _Sent, lo: int) -> bool:
    return lo > c.first and c.a.word(lo - 1) in (",", "(", "—", "–")


def _qualitative(c: _Sent, k: int) -> bool:
    """An adjective that says how something is, not what it is ("strong winds", not
    "legislative election" or "former president")."""
    a = c.a
    lemma, word = a.lemmas[k], a.word(k)
    glued = (k > 0 and a.starts[k] == a.ends[k - 1]) or a.ends[k] == a.starts[k + 1]
    if a.tags[k] != "JJ" or glued or not word.islower() or a.children(k).__len__():
        return False
    if lemma in _KEEP_ADJ or lemma.startswith(_KEEP_ADJ_PREFIXES):
        return False
    return not _CLASSIFYING.search(lemma)


def _core(c: _Sent, k: int) -> bool:
    """Whether the main verb's dependent `k` belongs to the event as the claim states it."""
    a = c.a
    dep = a.deps[k]
    lo, hi = a.subtree_span(k)
    if c.quoted(lo, hi) or dep in _CORE_DEPS:
        return True
    if dep == "prep":
        if _event_phrase(c, lo, hi):
            return True
        passive = bool(_kids(a, c.root, "auxpass"))
        return c.obj is None and not passive and not _set_off(c, lo)
    if dep in ("npadvmod", "advmod", "nmod", "tmod"):
        return _event_phrase(c, lo, hi) or a.lemmas[k] in _KEEP_ADV
    if dep == "advcl":
        return any(a.lemmas[m] in _CONDITIONS for m in _kids(a, k, "mark", "advmod"))
    if dep == "conj":
        return a.pos[k] in ("VERB", "AUX") and not _own_subject(a, k)
    return False


def _modifier(c: _Sent, k: int) -> bool:
    """Whether the phrase under `k` (below the main verb) is a modifier the event can do
    without: set-off clauses and appositions, parentheticals, adverbial clauses, qualities."""
    a = c.a
    dep, head = a.deps[k], a.heads[k]
    lo, hi = a.subtree_span(k)
    if c.quoted(lo, hi):
        return False
    if a.word(lo) == "(" or (lo > c.first and a.word(lo - 1) == "(" and a.word(hi) == ")"):
        return not _event_phrase(c, lo, hi)
    if dep in ("relcl", "acl") and _set_off(c, lo):
        return True
    if dep == "appos" and _set_off(c, lo):
        named = any(a.pos[t] == "PROPN" for t in range(lo, hi))
        return not named or a.pos[head] == "PROPN"
    if dep == "prep" and _set_off(c, lo):
        return not _event_phrase(c, lo, hi)
    if dep == "advcl":
        return not any(a.lemmas[m] in _CONDITIONS for m in _kids(a, k, "mark", "advmod"))
    if dep in ("parataxis", "conj") and a.pos[k] in ("VERB", "AUX"):
        return dep == "parataxis" or _own_subject(a, k)
    if dep == "amod":
        return _qualitative(c, k)
    if dep == "advmod" and a.pos[head] == "VERB" and hi - lo == 1:
        lemma = a.lemmas[k]
        return lemma in _DROP_ADV or (lemma.endswith("ly") and lemma not in _KEEP_ADV)
    return False


def _shortened(c: _Sent) -> str | None:
    a = c.a
    keep: set[int] = set()
    stack = [(c.root, True)]
    while stack:
        node, top = stack.pop()
        keep.add(node)
        for k in a.children(node):
            if not c.first <= k < c.end or a.deps[k] in ("punct", "cc"):
                continue
            if (_core(c, k) if top else not _modifier(c, k)) and a.deps[k] != "dep":
                stack.append((k, False))
    for t in range(c.first, c.end):  # a conjunction stays with the conjunct after it
        if a.deps[t] == "cc" and a.heads[t] in keep:
            if any(k in keep for k in _kids(a, a.heads[t], "conj") if k > t):
                keep.add(t)
    for t in range(c.first, c.end):
        if a.deps[t] == "punct" and a.heads[t] in keep:
            keep.add(t)
    kept = _commas(c, sorted(keep))
    if not kept:
        return None
    pieces: list[Piece] = list(kept)
    if kept[0] != c.first:
        pieces[0] = _capital(a, kept[0])
    claim = c.render(_articles(a, pieces))
    if len(claim.split()) < 5 or _normal(claim) == _normal(c.source):
        return None
    return claim


def _commas(c: _Sent, kept: list[int]) -> list[int]:
    """Drop the commas and dashes that set off what was removed, keeping one after a phrase
    in front of the subject and those between conjuncts."""
    a = c.a
    marks = (",", "—", "–", "-")
    subject = [t for t in kept if c.subj == t or c.subj in a.ancestors(t)]
    subject_lo = subject[0] if subject else c.subj
    out: list[int] = []
    for j, t in enumerate(kept):
        if a.word(t) not in marks or (a.word(t) == "-" and a.ends[t - 1] == a.starts[t]):
            out.append(t)
            continue
        prev = out[-1] if out else None
        nxt = kept[j + 1] if j + 1 < len(kept) else None
        if prev is None or nxt is None or a.word(prev) in marks:
            continue
        removed = any(u not in kept for u in range(prev + 1, nxt))
        fronted = nxt == subject_lo and prev < subject_lo
        listed = a.deps[nxt] in ("conj", "cc")
        if not removed or fronted or listed:
            out.append(t)
    return out


def _articles(a: Analysis, pieces: list[Piece]) -> list[Piece]:
    """ "a"/"an" fitted to the word that now follows it."""
    out = list(pieces)
    for k, p in enumerate(out[:-1]):
        tok, nxt = _tok(p), _tok(out[k + 1])
        if tok is None or nxt is None or a.lemmas[tok] not in ("a", "an") or nxt == tok + 1:
            continue
        word = a.word(nxt)
        an = word[:1].lower() in "aeiou"
        new = "an" if an else "a"
        out[k] = _Sub(tok, new if a.word(tok).islower() else new.capitalize())
    return out


def _movable(c: _Sent, k: int) -> bool:
    """A time expression, or a time or place phrase, of the main verb."""
    a = c.a
    lo, hi = a.subtree_span(k)
    if c.quoted(lo, hi):
        return False
    if a.deps[k] in ("npadvmod", "advmod", "tmod"):
        ent = a.entity(k)
        return ent is not None and ent.label in _TIME_LABELS and (ent.first, ent.last) == (lo, hi)
    if a.deps[k] == "advcl":  # "after he brought a clock to school"
        return any(a.lemmas[m] in _TIME_MARKS for m in _kids(a, k, "mark", "advmod") if m == lo)
    objects = _kids(a, k, "pobj")
    if a.deps[k] != "prep" or not objects:
        return False
    if a.lemmas[k] in _MOVE_PREPS:
        return True
    label = c.art.entity_label(objects[0])
    timed = label in _TIME_LABELS or find_time(a.text[a.starts[lo] : a.ends[hi - 1]])
    return a.lemmas[k] in _PLACE_PREPS and bool(timed or label in _PLACE_LABELS)


def _reordered(c: _Sent) -> str | None:
    """A time or place phrase of the main verb moved to the front: from the end, or from
    between the verb and what follows it (where no other verb comes before it that it
    could belong to); or from the front to the end of a sentence without another verb
    after the main one that it could then belong to."""
    a, art = c.a, c.art
    subject_lo = a.subtree_span(c.subj)[0]
    marks = (",", ";", "—", "–")
    for k in a.children(c.root):
        if not _movable(c, k):
            continue
        lo, hi = a.subtree_span(k)
        if lo > c.root and subject_lo == c.first and a.deps[k] != "advcl" or (
            a.deps[k] == "advcl" and lo > c.root and hi == c.end and subject_lo == c.first
        ):
            before = range(c.root + 1, lo)
            if any(a.pos[t] in ("VERB", "AUX") or a.word(t) in marks for t in before):
                continue
            if _kids(a, c.root, "conj") or (hi < c.end and a.word(hi) in marks):
                continue  # it would stand before both clauses, or a misparse follows
            rest = c.tokens(hi=lo)
            rest[0] = _lowered(art, c.first)
            after = c.tokens(lo=hi)
            if hi < c.end and a.word(hi) in marks and lo > 0 and a.word(lo - 1) in marks:
                after = after[1:]
            moved = [_capital(a, lo), *range(lo + 1, hi), ","]
            return c.render([*moved, *rest, *after])
        if lo == c.first and hi < c.end and a.word(hi) == "," and hi + 1 == subject_lo:
            clausal = any(a.pos[t] in ("VERB", "AUX") for t in range(c.root + 1, c.end))
            comma = any(a.word(t) in marks for t in range(c.root, c.end))
            if not clausal and not comma:  # from the front to the end
                rest = c.tokens(lo=hi + 1)
                rest[0] = _capital(a, hi + 1)
                return c.render([*rest, _lowered(art, lo), *range(lo + 1, hi)])
    return None


def _simple_phrase(c: _Sent, lo: int, hi: int) -> bool:
    """A noun phrase without a clause or punctuation in it (it can move as a whole)."""
    a = c.a
    return hi - lo <= 10 and not any(
        a.pos[t] in ("VERB", "AUX") or (a.pos[t] == "PUNCT" and a.word(t) not in "-'\u2019")
        for t in range(lo, hi)
    )


def _passive(c: _Sent) -> str | None:
    a, art = c.a, c.art
    root, obj = c.root, c.obj
    if obj is None or a.lemmas[root] in _NOT_PASSIVE or a.deps[c.subj] != "nsubj":
        return None
    if _kids(a, root, "auxpass", "dative", "iobj") or len(_kids(a, root, "dobj")) != 1:
        return None
    if a.word(obj).lower().endswith("self") or a.word(obj).lower().endswith("selves"):
        return None
    if _shared_subject_conj(a, root) or a.tags[obj] == "PRP" and a.word(obj).lower() == "it":
        pass
    if _shared_subject_conj(a, root):
        return None
    participle = _participle(a, root)
    s_lo, s_hi = a.subtree_span(c.subj)
    o_lo, o_hi = a.subtree_span(obj)
    particles = _kids(a, root, "prt")
    if participle is None or s_hi > root or not _simple_phrase(c, o_lo, o_hi):
        return None
    if any(t not in particles and a.deps[t] != "advmod" for t in range(root + 1, o_lo)):
        return None  # the object is not next to the verb: a misparse, or a double object
    bare = not any(a.deps[k] in ("det", "poss", "nummod") for k in a.children(obj))
    if bare and a.tags[obj] == "NN":
        return None  # "took place", "took action": a light verb's noun is no patient
    later = [k for k in a.children(root) if k >= o_hi]
    allowed = ("prep", "advmod", "npadvmod", "advcl", "xcomp", "ccomp", "conj", "cc", "punct")
    if any(a.deps[k] not in allowed for k in later):
        return None
    if "," in [a.word(t) for t in range(s_lo, s_hi)] and o_hi < c.end:
        return None
    auxes = _auxes(a, root)
    between = [t for t in range(s_hi, root) if t not in auxes]
    if any(a.deps[t] not in ("neg", "advmod") or a.heads[t] != root for t in between):
        return None
    plural = _plural(a, obj)
    chain: list[Piece] = []
    for t in auxes:
        lemma, tag = a.lemmas[t], a.tags[t]
        if lemma == "do" or (lemma == "be" and tag in ("VBD", "VBZ", "VBP")):
            chain.append(_Sub(t, _be(tag == "VBD", plural)))
        elif lemma == "have" and tag in ("VBZ", "VBP"):
            chain.append(_Sub(t, "have" if plural else "has"))
        else:
            chain.append(t)
    last = auxes[-1] if auxes else None
    if last is None:
        if a.tags[root] not in ("VBD", "VBZ", "VBP"):
            return None
        chain.append(_be(a.tags[root] == "VBD", plural))
    elif a.lemmas[last] == "have":
        chain.append("been")
    elif a.tags[last] == "MD":
        chain.append("be")
    elif a.lemmas[last] == "be" and a.tags[root] == "VBG" and len(auxes) == 1:
        chain.append("being")
    elif a.lemmas[last] != "do":
        return None
    negations = [t for t in between if a.deps[t] == "neg"]
    adverbs = [t for t in between if a.deps[t] != "neg"]
    chain[1:1] = negations  # "was not", "has not been"
    subject = _case(a, s_lo, s_hi, _ACCUSATIVE)
    if isinstance(subject[0], int):
        subject[0] = _lowered(art, s_lo)
    new_subject = _case(a, o_lo, o_hi, _NOMINATIVE)
    pre = c.tokens(hi=s_lo)
    first = _tok(new_subject[0])
    assert first is not None
    new_subject[0] = _capital(a, first) if not pre else _lowered(art, first)
    if pre and isinstance(new_subject[0], int) is False and a.tags[first] == "PRP":
        new_subject[0] = _Sub(first, _NOMINATIVE.get(a.word(first).lower(), a.word(first).lower()))
    rest = [t for t in range(root + 1, c.end) if not o_lo <= t < o_hi and t not in particles]
    return c.render(
        [*pre, *new_subject, *chain, *adverbs, _Sub(root, participle), *particles, "by", *subject, *rest]
    )


# --- Wrong claims: another event -----------------------------------------------------------


def _role_swap(c: _Sent) -> str | None:
    a, art = c.a, c.art
    if c.obj is not None and not _kids(a, c.root, "auxpass"):
        other = c.obj
    else:
        agents = [p for g in _kids(a, c.root, "agent") for p in _kids(a, g, "pobj")]
        if not agents:
            return None
        other = agents[0]
    if not (_animate(art, c.subj) and _animate(art, other)) or a.lemmas[c.subj] == a.lemmas[other]:
        return None
    s_lo, s_hi = a.subtree_span(c.subj)
    o_lo, o_hi = a.subtree_span(other)
    if not s_hi <= c.root < o_lo or c.quoted(s_lo, o_hi):
        return None
    if not (_simple_phrase(c, s_lo, s_hi) and _simple_phrase(c, o_lo, o_hi)):
        return None
    new_subject = _case(a, o_lo, o_hi, _NOMINATIVE)
    new_object = _case(a, s_lo, s_hi, _ACCUSATIVE)
    first = _tok(new_subject[0])
    assert first is not None
    if s_lo == c.first:
        new_subject[0] = _capital(a, first)
        if isinstance(new_object[0], int):
            new_object[0] = _lowered(art, s_lo)
    elif isinstance(new_subject[0], int):
        new_subject[0] = _lowered(art, first)
    subs = _agree(a, c.root, _plural(a, other))
    middle = _apply(c.tokens(s_hi, o_lo), subs)
    return c.render([*c.tokens(hi=s_lo), *new_subject, *middle, *new_object, *c.tokens(o_hi)])


def _other_name(c: _Sent, head: int, labels: Sequence[str]) -> _Name | None:
    """The article's most named person, organisation or place of one of `labels` that is
    not the one at `head` (by name, pronoun or role) nor any the sentence names."""
    a, cast = c.a, c.art.cast
    keys = set(cast.keys_named_between(a.starts[c.first], a.ends[c.end]))
    words = {w for w in _words(c.source) if len(w) > 2}
    found = referent(cast, head)
    if found is not None:
        keys |= {found.key, *found.others}
        words |= _words(found.name) | {w.lower() for w in found.words}
    members = {id(m) for k in keys if (m := cast.member(k)) is not None}
    best: _Name | None = None
    for name in c.art.names:
        if name.label not in labels or name.key in keys or _words(name.text) & words:
            continue
        member = cast.member(name.key)
        if member is not None and id(member) in members:
            continue
        if best is None or (name.count, -name.first) > (best.count, -best.first):
            best = name
    return best


def _actor_replaced(c: _Sent) -> str | None:
    a, art = c.a, c.art
    head = c.subj
    label = art.entity_label(head)
    word = a.word(head).lower()
    labels: list[str]
    if label in _NAME_LABELS:
        labels = {"NORP": ["GPE", "ORG"]}.get(label or "", [label or ""])
    elif word in ("he", "she"):
        labels = ["PERSON"]
    elif a.pos[head] in ("NOUN", "PROPN") and _person_noun(art, a.lemmas[head]):
        found = referent(art.cast, head)  # "the president": another person, if it is one
        labels = ["PERSON"] if found is not None and found.key else ["ORG"]
    elif a.pos[head] in ("NOUN", "PROPN") and a.lemmas[head] in ORG_WORDS:
        labels = ["PERSON"]  # "the ministry": no person is an organisation
    else:
        return None
    name = _other_name(c, head, labels)
    lo, hi = a.subtree_span(head)
    if name is None or c.quoted(lo, hi):
        return None
    text = _upper_first(name.text) if lo == c.first else name.text
    subs = _agree(a, c.root, False)
    spliced = c.splice(lo, hi, [text])
    return c.render(_apply(spliced, subs))


def _no_polarity_words(c: _Sent) -> bool:
    a = c.a
    return not any(
        a.lemmas[t] in ("no", "neither", "nor", "none", "nothing", "nobody", "without")
        for t in range(c.first, c.end)
    )


def _negated(c: _Sent) -> str | None:
    a, root = c.a, c.root
    if not _no_polarity_words(c):
        return None
    negs = _kids(a, root, "neg")
    auxes = _auxes(a, root)
    if negs:  # "did not confirm" -> "confirmed"
        subs: dict[int, Piece] = {t: _Sub(t, "") for t in negs}
        do = [t for t in auxes if a.lemmas[t] == "do"]
        if do:
            form = {"VBD": _past(a.lemmas[root], a.text), "VBZ": _third_person(a.lemmas[root])}
            new = form.get(a.tags[do[0]], a.lemmas[root])
            if new is None:
                return None
            subs[do[0]] = _Sub(do[0], "")
            subs[root] = _Sub(root, new)
        return c.render(_apply(c.tokens(), subs))
    if a.lemmas[root] == "fail":
        return _fact_of_plan(c)
    if auxes:  # "has confirmed" -> "has not confirmed"
        return c.render([*c.tokens(hi=auxes[0] + 1), "not", *c.tokens(lo=auxes[0] + 1)])
    if a.tags[root] not in ("VBD", "VBZ", "VBP"):
        return None
    do_form = {"VBD": "did", "VBZ": "does", "VBP": "do"}[a.tags[root]]
    return c.render(_apply(c.tokens(), {root: _Sub(root, f"{do_form} not {a.lemmas[root]}")}))


def _fact_of_plan(c: _Sent) -> str | None:
    """ "X plans to confirm Y", "X is expected to confirm Y" -> "X confirmed Y"."""
    a, root = c.a, c.root
    xcomps = [x for x in _kids(a, root, "xcomp") if a.pos[x] == "VERB" and x > root]
    if not xcomps or _kids(a, root, "neg"):
        return None
    x = xcomps[0]
    to = [t for t in _kids(a, x, "aux") if a.lemmas[t] == "to"]
    if not to or to[0] != root + 1 or _kids(a, x, "neg") or len(_kids(a, x, "aux")) > 1:
        return None
    auxes = _auxes(a, root)
    if any(a.tags[t] == "MD" for t in auxes):
        return None
    drop: dict[int, Piece] = {t: _Sub(t, "") for t in [*auxes, root, to[0]]}
    passive = _kids(a, x, "auxpass")
    if passive:
        if a.lemmas[passive[0]] != "be":
            return None
        drop[passive[0]] = _Sub(passive[0], _be(True, _plural(a, c.subj)))
    else:
        past = _past(a.lemmas[x], a.text)
        if past is None:
            return None
        drop[x] = _Sub(x, past)
    return c.render(_apply(c.tokens(), drop))


def _to_fact(c: _Sent, modal: int) -> str | None:
    """ "X may confirm Y" -> "X confirmed Y"; "may have been held" -> "was held"."""
    a, root = c.a, c.root
    plural = _plural(a, c.subj)
    rest = [t for t in _auxes(a, root) if t > modal]
    subs: dict[int, Piece] = {modal: _Sub(modal, "")}
    if _kids(a, root, "neg") and not rest:
        subs[modal] = _Sub(modal, "did")
    elif rest and a.lemmas[rest[0]] == "be":
        subs[rest[0]] = _Sub(rest[0], _be(True, plural))
    elif rest and a.lemmas[rest[0]] == "have":
        subs[rest[0]] = _Sub(rest[0], "")
        if len(rest) > 1 and a.lemmas[rest[1]] == "be":
            subs[rest[1]] = _Sub(rest[1], _be(True, plural))
        elif len(rest) == 1:
            past = _past(a.lemmas[root], a.text)
            if past is None:
                return None
            subs[root] = _Sub(root, past)
        else:
            return None
    elif not rest:
        past = _past(a.lemmas[root], a.text)
        if past is None:
            return None
        subs[root] = _Sub(root, past)
    else:
        return None
    return c.render(_apply(c.tokens(), subs))


def _modality(c: _Sent) -> str | None:
    a, root = c.a, c.root
    auxes = _auxes(a, root)
    modal = [t for t in auxes if a.tags[t] == "MD"]
    if modal:
        return _to_fact(c, modal[0])
    if a.lemmas[root] in _PLAN_VERBS:
        return _fact_of_plan(c)
    plural = _plural(a, c.subj)
    animate = _animate(c.art, c.subj)
    word = _MODALS[c.n % len(_MODALS)]
    if auxes:  # a fact made a possibility: "has confirmed" -> "may have confirmed"
        first = auxes[0]
        lemma, tag = a.lemmas[first], a.tags[first]
        if lemma == "do":
            new = word
        elif lemma == "have":
            new = f"{word} have"
        elif lemma == "be":
            new = f"{word} have been" if tag == "VBD" else f"{word} be"
        else:
            return None
        return c.render(_apply(c.tokens(), {first: _Sub(first, new)}))
    tag, lemma = a.tags[root], a.lemmas[root]
    if tag == "VBD":
        participle = _participle(a, root)
        if animate and (participle is None or c.n % 2):
            return c.render(_apply(c.tokens(), {root: _Sub(root, f"planned to {lemma}")}))
        new = f"{word} have {participle}" if participle else f"{word} {lemma}"
        return c.render(_apply(c.tokens(), {root: _Sub(root, new)}))
    if tag in ("VBZ", "VBP"):
        if c.n % 2:
            plan = ("plan to" if plural else "plans to") if animate else (
                "are expected to" if plural else "is expected to"
            )
            return c.render(_apply(c.tokens(), {root: _Sub(root, f"{plan} {lemma}")}))
        return c.render(_apply(c.tokens(), {root: _Sub(root, f"{word} {lemma}")}))
    return None


# --- Times, places, numbers, objects ---------------------------------------------------------


def _interval(value: str | None) -> tuple[date, date] | None:
    """The days an ISO 8601 value covers (a year, month, day or an interval)."""
    if not value or value.startswith("--"):
        return None
    try:
        if "/" in value:
            lo, hi = value.split("/")
            return date.fromisoformat(lo), date.fromisoformat(hi)
        if re.fullmatch(r"\d{4}", value):
            return date(int(value), 1, 1), date(int(value), 12, 31)
        if re.fullmatch(r"\d{4}-\d\d", value):
            y, m = map(int, value.split("-"))
            nxt = date(y + m // 12, m % 12 + 1, 1)
            return date(y, m, 1), nxt - timedelta(days=1)
        day = date.fromisoformat(value)
        return day, day
    except ValueError:
        return None


class _Time(NamedTuple):
    first: int
    last: int
    text: str
    shape: str  # find_time's pattern name
    days: tuple[date, date]
    prep: int | None  # the preposition in front of it ("on" Monday)


def _time_at(art: _Article, first: int, last: int) -> _Time | None:
    """The time point tokens [first, last) name, if they are a whole time adverbial (not
    "the Thursday opening") that resolves to days."""
    a = art.a
    head = _head(a, first, last)
    lo, hi = a.subtree_span(head)
    if (lo, hi) != (first, last) or a.deps[head] not in ("pobj", "npadvmod", "advmod", "tmod"):
        return None
    prep = a.heads[head] if a.deps[head] == "pobj" else None
    if prep is not None and prep != first - 1:
        return None
    text = a.text[a.starts[first] : a.ends[last - 1]]
    found = find_time(text)
    if found is None or ":" in text:
        return None
    shape, m = found
    if (shape not in _TIME_PREP and shape not in _BARE_TIMES) or len(m.group()) * 2 < len(text):
        return None
    days = _interval(resolve_date(text, art.published))
    return None if days is None else _Time(first, last, text, shape, days, prep)


def _times(art: _Article) -> list[_Time]:
    found = [_time_at(art, e.first, e.last) for e in art.a.entities if e.label in _TIME_LABELS]
    times = [t for t in found if t is not None]
    if art.dateline[1] and art.published:  # the publication date, as the dateline gives it
        text = art.text[art.dateline[0] : art.dateline[1]]
        day = (art.published, art.published)
        times.append(_Time(-1, -1, text, "mdy", day, None))
    return times


def _time_words(c: _Sent, own: _Time, new: _Time) -> str | None:
    """The words that say `new` where `own` stood, with the preposition it takes."""
    a = c.a
    text = new.text
    if new.shape in _BARE_TIMES:
        if own.prep is not None and a.lemmas[own.prep] not in ("on", "in", "at"):
            return None
        first = text.split()[0]
        return text if find_time(first) and first.istitle() and len(text.split()) == 1 and first.lower() not in ("yesterday", "today", "tomorrow", "tonight") else text[:1].lower() + text[1:]
    if own.prep is None or a.lemmas[own.prep] in ("on", "in", "at"):
        return f"{_TIME_PREP[new.shape]} {text}"
    return f"{a.word(own.prep)} {text}"


def _time_changed(c: _Sent) -> str | None:
    a, art = c.a, c.art
    times = _times(art)
    for own in times:
        if not c.first <= own.first < own.last <= c.end or c.quoted(own.first, own.last):
            continue
        lo = own.prep if own.prep is not None else own.first
        here = a.starts[c.first]

        def rank(t: _Time) -> tuple[bool, bool, int]:
            same = (_TIME_PREP.get(t.shape) or "") == (_TIME_PREP.get(own.shape) or "")
            return (not same, t.first < 0, abs(a.starts[max(t.first, 0)] - here))

        for new in sorted(times, key=rank):
            if new.days[0] <= own.days[1] and own.days[0] <= new.days[1]:
                continue
            words = _time_words(c, own, new)
            if words is None or _normal(words) in _normal(c.source):
                continue
            if lo == c.first:
                words = _upper_first(words)
            return c.render(c.splice(lo, own.last, [words]))
    return None


def _place_rank(key: str) -> str:
    return "country" if key in _COUNTRIES else "place"


def _acronym(a: str, b: str) -> bool:
    """ "us" for "united states" (and the reverse)."""
    short, long = sorted((a.replace(" ", ""), b), key=len)
    words = [w for w in long.split() if w not in ("of", "the", "and")]
    return len(words) > 1 and short == "".join(w[0] for w in words)


def _place_changed(c: _Sent) -> str | None:
    a, art = c.a, c.art
    words = _words(c.source)
    places = {p.key for p in art.places}
    for e in a.entities:
        if e.label not in _PLACE_LABELS or not c.first <= e.first < e.last <= c.end:
            continue
        head = _head(a, e.first, e.last)
        lo, hi = a.subtree_span(head)
        if a.deps[head] != "pobj" or a.lemmas[a.heads[head]] not in _LOCATIVE:
            continue
        if lo == e.first - 1 and a.lemmas[lo] == "the":
            pass
        elif (lo, hi) != (e.first, e.last) or c.quoted(lo, hi):
            continue
        key = _place_key(a.text[a.starts[e.first] : a.ends[e.last - 1]])
        if key not in places:
            continue
        groups = {"GPE": {"GPE"}, "LOC": {"LOC", "GPE"}, "FAC": {"FAC"}}[e.label]
        best: _Name | None = None
        for place in art.places:
            if place.label not in groups or place.key == key or _acronym(key, place.key):
                continue
            if frozenset([key, place.key]) in art.place_links:
                continue
            if _place_rank(key) != _place_rank(place.key):
                continue
            if _words(place.text) & (words | set(key.split())):
                continue
            if best is None or (place.count, -place.first) > (best.count, -best.first):
                best = place
        if best is None:
            continue
        text = _upper_first(best.text) if lo == c.first else best.text
        return c.render(c.splice(lo, hi, [text]))
    return None


def _value(text: str) -> float | None:
    """The number a numeric phrase states: "700" 700, "2 million" 2e6, "five thousand" 5e3."""
    total: float | None = None
    for word in re.findall(r"\d[\d,]*(?:\.\d+)?|[a-z]+", text.lower()):
        if word[0].isdigit():
            total = float(word.replace(",", ""))
        elif word in _NUMBER_WORDS:
            total = (total or 0) + _NUMBER_WORDS[word]
        elif word in _SCALES and total is not None:
            total *= _SCALES[word]
    return total


def _numeric(word: str) -> bool:
    low = word.lower()
    return bool(re.fullmatch(r"\d[\d,]*(?:\.\d+)?", word)) or low in _NUMBER_WORDS or low in _SCALES


def _number_core(art: _Article, first: int, last: int) -> _Span | None:
    """The number words of an entity ("2 million" in "around 2 million"), if it is a count
    or amount and not a year, a clock time, a score or a part of a name."""
    a = art.a
    run = [t for t in range(first, last) if _numeric(a.word(t))]
    if not run or run != list(range(run[0], run[-1] + 1)):
        return None
    text = a.text[a.starts[run[0]] : a.ends[run[-1]]]
    whole = a.text[a.starts[first] : a.ends[last - 1]]
    if re.search(r"\d\s*[–:-]\s*\d|/", whole) or re.fullmatch(r"1[5-9]\d\d|20\d\d", text):
        return None
    head = _head(a, first, last)
    if a.pos[a.heads[head]] == "PROPN" or a.word(run[0]).lower() in _SCALES:
        return None
    return _Span(run[0], run[-1] + 1, text)


def _number_changed(c: _Sent) -> str | None:
    a, art = c.a, c.art
    numbers = [
        (e.label, core)
        for e in a.entities
        if e.label in _NUMBER_LABELS and (core := _number_core(art, e.first, e.last))
    ]
    here = {_value(a.word(t)) for t in range(c.first, c.end) if _numeric(a.word(t))}
    for label, own in numbers:
        if not c.first <= own.first < own.last <= c.end or c.quoted(own.first, own.last):
            continue
        value = _value(own.text)
        if value is None or value in (0, 1):
            continue
        best: tuple[float, str] | None = None
        for other_label, other in numbers:
            v = _value(other.text)
            if other_label != label or v is None or v in (0, 1) or v in here | {value}:
                continue
            distance = abs(math.log(v / value))
            if best is None or distance < best[0]:
                best = (distance, other.text)
        if best is not None:
            new = best[1]
        elif re.fullmatch(r"\d[\d,]*", own.text):  # three times the number
            tripled = int(own.text.replace(",", "")) * 3
            new = f"{tripled:,}" if "," in own.text else str(tripled)
        else:
            continue
        if own.first == c.first:
            new = _upper_first(new)
        elif new.split()[0].lower() in _NUMBER_WORDS:
            new = new[:1].lower() + new[1:]
        subs = [_Sub(own.first, new), *(_Sub(t, "") for t in range(own.first + 1, own.last))]
        return c.render([*c.tokens(hi=own.first), *subs, *c.tokens(lo=own.last)])
    return None


def _object_replaced(c: _Sent) -> str | None:
    a, art = c.a, c.art
    obj = c.obj
    if obj is None and _kids(a, c.root, "auxpass"):
        obj = c.subj
    if obj is None or a.pos[obj] == "PRON":
        return None
    lo, hi = a.subtree_span(obj)
    if hi > c.end or (obj != c.subj and lo <= c.root) or c.quoted(lo, hi):
        return None
    label = art.entity_label(obj)
    text: str | None = None
    plural = False
    if label in _NAME_LABELS:
        labels = {"NORP": ["GPE", "ORG"]}.get(label or "", [label or ""])
        name = _other_name(c, obj, labels)
        text = name.text if name else None
    elif a.pos[obj] == "NOUN":
        own = c.lemmas()
        animate = _animate(art, obj)
        here = a.starts[c.first]
        for phrase in sorted(art.phrases, key=lambda p: abs(p.start - here)):
            if phrase.head in own or phrase.lemmas & own or phrase.animate != animate:
                continue
            if phrase.plural != (a.tags[obj] == "NNS"):
                continue
            text, plural = phrase.text, phrase.plural
            break
    if not text:
        return None
    if lo == c.first:
        text = _upper_first(text)
    elif text.split()[0] in ("The", "A", "An"):
        text = text[:1].lower() + text[1:]
    pieces = c.splice(lo, hi, [text])
    if obj == c.subj:
        pieces = _apply(pieces, _agree(a, c.root, plural))
    return c.render(pieces)


_MAKERS: dict[str, Callable[[_Sent], str | None]] = {
    "true": _true,
    "shortened": _shortened,
    "reordered": _reordered,
    "passive": _passive,
    "role_swap": _role_swap,
    "actor_replaced": _actor_replaced,
    "negated": _negated,
    "modality": _modality,
    "time_changed": _time_changed,
    "place_changed": _place_changed,
    "number_changed": _number_changed,
    "object_replaced": _object_replaced,
}


def claims(article_id: str, text: str, per_article: int = 6) -> list[Claim]:
    """Labelled claims about up to `per_article` event sentences of the article."""
    art = _read(article_id, text)
    out: list[Claim] = []
    for sent in _event_sentences(art, per_article):
        source = sent.source
        start, end = sent.a.starts[sent.first], sent.a.ends[sent.end]
        for kind, make in _MAKERS.items():
            claim = make(sent)
            if not claim:
                continue
            same = _normal(claim) == _normal(source)
            if (kind != "true" and same) or (kind in REFUSE_KINDS and art.states(claim)):
                continue
            expect = "keep" if kind in KEEP_KINDS else "refuse"
            out.append(Claim(article_id, kind, claim, source, start, end, expect))
    return out


def _articles_of(paths: Iterable[Path]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                found.append((item["id"], item["text"]))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-article", type=int, default=6)
    parser.add_argument("--out", type=Path, help="write the claims here as JSONL")
    parser.add_argument("--show", choices=KINDS, help="print ~15 examples of this kind")
    args = parser.parse_args()
    start = time.perf_counter()
    found: list[Claim] = []
    articles = _articles_of(EVAL / name for name in DEV_FILES)
    for article_id, text in articles:
        found += claims(article_id, text, args.per_article)
    seconds = time.perf_counter() - start
    if args.out:
        with args.out.open("w", encoding="utf-8") as f:
            for claim in found:
                f.write(json.dumps(asdict(claim), ensure_ascii=False) + "\n")
    counts = Counter(c.kind for c in found)
    sources = len({(c.article, c.source_start) for c in found})
    print(f"{len(articles)} articles, {sources} sentences, {len(found)} claims ({seconds:.1f} s)")
    print(f"{'kind':16} {'expect':7} {'claims':>6}")
    for kind in KINDS:
        expect = "keep" if kind in KEEP_KINDS else "refuse"
        print(f"{kind:16} {expect:7} {counts[kind]:6d}")
    if args.show:
        for claim in [c for c in found if c.kind == args.show][:15]:
            print(f"\n[{claim.article}]\n  source: {claim.source}\n  claim:  {claim.claim}")


if __name__ == "__main__":
    main()
