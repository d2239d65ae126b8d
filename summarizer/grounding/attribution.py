"""Rule 3, attribution: who does the article say spoke a quotation?

The article's narrator text around a quotation (its own sentences first, then the sentence
before and after) is searched for speaker mentions: names, surnames, and pronouns or titles
("he", "the president") that stand for the nearest named person before them. A mention tied
to a speech verb ("said", "told", "according to") wins; otherwise the nearest one does. The
claimed speaker must be the entity of that mention: present nearby is not enough, so a
right quote given to the wrong person is caught even when both are named close by.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from summarizer.grounding.names import (
    CONNECTORS,
    GEO_WORDS,
    LEADING_WORDS,
    TITLES,
    is_org_name,
    same_key,
)
from summarizer.grounding.quotations import Region, quote_regions, sentence_spans
from summarizer.grounding.textindex import ArticleIndex, Token, index_article

SPEECH_VERBS = frozenset(
    """said says say told tells added adds stated states noted notes wrote writes explained
    declared announced asked replied responded remarked insisted warned argued claimed
    confirmed acknowledged continued emphasized emphasised stressed urged tweeted posted
    recalled commented observed admitted calling called described describing saying
    adding telling noting insisting warning claiming explaining""".split()
)
FINITE_SPEECH_VERBS = SPEECH_VERBS - frozenset(
    """calling called describing saying adding telling noting insisting warning claiming
    explaining""".split()
)
RELATIVES = frozenset("""who whom which that whose""".split())
PERSON_PRONOUNS = frozenset(["he", "she", "his", "her", "him"])
# Titles that stand for a person after "the" ("the president said"); words that are also
# common adjectives or nouns ("the general public", "the head of") are left out.
ANAPHOR_TITLES = TITLES - frozenset(
    """general head chief foreign defence defense interior vice prime chair top senior former
    acting military rep sen gov gen col lt capt sgt prof adm rev mr mrs ms dr""".split()
)
GROUP_PRONOUNS = frozenset(["they", "their", "them"])


@dataclass(frozen=True)
class Mention:
    """A name in narrator text (`key` set) or a pronoun or title standing for one."""

    start: int
    end: int
    key: str
    person: bool
    speech: bool


@dataclass(frozen=True)
class Attribution:
    """The speaker the article gives a quotation: its key, named mention and the cue."""

    key: str
    start: int
    end: int
    cue: str


@dataclass(frozen=True)
class QuoteContext:
    """Per-article facts for attribution: quotations, sentences, narrator words."""

    regions: list[Region]
    sentences: list[tuple[int, int]]
    narrator: list[int]  # indices into ArticleIndex.tokens outside any quotation
    detected: list[Mention]  # name runs that look like people or organisations
    anaphors: list[Mention]  # pronouns and "the <title>", key unresolved ("")


def _speech_near(index: ArticleIndex, narrator: list[int], pos: int, size: int) -> bool:
    """Whether narrator tokens pos..pos+size-1 are the subject of a speech verb ("Hale
    said", "Hale has said", "said Hale", "according to Hale"); not in "Russian sources
    who said" or "the Belgorod operation, calling it", where the verb has another subject."""
    toks = index.tokens
    after = [toks[narrator[j]].text for j in range(pos + size, min(pos + size + 3, len(narrator)))]
    before = [toks[narrator[j]].text for j in range(max(0, pos - 2), pos)]
    for word in after:
        if word in FINITE_SPEECH_VERBS:
            return True
        if word in RELATIVES or word in SPEECH_VERBS:
            break
    return before[-1:] == ["said"] or before[-1:] == ["says"] or before == ["according", "to"]


def _is_capital(index: ArticleIndex, tok: Token) -> bool:
    return index.text[tok.start].isupper()


def _runs(index: ArticleIndex, narrator: list[int]) -> list[tuple[int, int]]:
    """Runs of capitalised narrator words (with 'of', 'for the' … inside), as (pos, size)."""
    text, toks = index.text, index.tokens
    runs: list[tuple[int, int]] = []
    pos = 0
    while pos < len(narrator):
        if not _is_capital(index, toks[narrator[pos]]):
            pos += 1
            continue
        end = pos + 1
        while end < len(narrator):
            gap = text[toks[narrator[end - 1]].end : toks[narrator[end]].start]
            if gap.strip(" -") or narrator[end] != narrator[end - 1] + 1:
                break
            nxt = toks[narrator[end]]
            if _is_capital(index, nxt):
                end += 1
            elif nxt.text in CONNECTORS and end + 1 < len(narrator):
                look = end + 1
                while look < len(narrator) and toks[narrator[look]].text in CONNECTORS:
                    look += 1
                if look < len(narrator) and _is_capital(index, toks[narrator[look]]):
                    end = look
                else:
                    break
            else:
                break
        runs.append((pos, end - pos))
        pos = end
    return runs


def _detect_names(index: ArticleIndex, narrator: list[int]) -> list[Mention]:
    toks = index.tokens
    found: list[Mention] = []
    for pos, size in _runs(index, narrator):
        words = [toks[narrator[j]].text for j in range(pos, pos + size)]
        lead = 0
        while lead < len(words) and words[lead] in LEADING_WORDS:
            lead += 1
        words, pos = words[lead:], pos + lead
        while words and words[-1] in TITLES:
            words = words[:-1]
        if not words or any(w.isdigit() for w in words):
            continue
        follow = pos + len(words)
        next_word = toks[narrator[follow]].text if follow < len(narrator) else ""
        org = is_org_name(words)
        person = 2 <= len(words) <= 4 and not org and not GEO_WORDS & {*words, next_word}
        if not (person or (org and words[-1] not in CONNECTORS)):
            continue
        key = " ".join(words) if org else words[-1]
        start, end = toks[narrator[pos]].start, toks[narrator[follow - 1]].end
        found.append(
            Mention(start, end, key, person, _speech_near(index, narrator, pos, len(words)))
        )
    return found


def _detect_anaphors(index: ArticleIndex, narrator: list[int]) -> list[Mention]:
    toks = index.tokens
    found: list[Mention] = []
    for pos, ti in enumerate(narrator):
        word = toks[ti].text
        if word in PERSON_PRONOUNS or word in GROUP_PRONOUNS:
            person, first = word in PERSON_PRONOUNS, pos
        elif word in ANAPHOR_TITLES:
            first = next(
                (p for p in (pos - 1, pos - 2) if p >= 0 and toks[narrator[p]].text == "the"), -1
            )
            nxt = narrator[pos + 1] if pos + 1 < len(narrator) else None
            if first < 0 or _is_capital(index, toks[ti]):
                continue
            if nxt is not None and _is_capital(index, toks[nxt]):
                continue
            person = True
        else:
            continue
        size = pos - first + 1
        start, end = toks[narrator[first]].start, toks[ti].end
        found.append(Mention(start, end, "", person, _speech_near(index, narrator, first, size)))
    return found


@lru_cache(maxsize=64)
def quote_context(text: str) -> QuoteContext:
    """The cached attribution facts of an article."""
    index = index_article(text)
    regions = quote_regions(text)
    starts = [r.open_at for r in regions]
    narrator = []
    for i, tok in enumerate(index.tokens):
        r = bisect_right(starts, tok.start) - 1
        if r < 0 or tok.start >= regions[r].close_at:
            narrator.append(i)
    return QuoteContext(
        regions,
        sentence_spans(text),
        narrator,
        _detect_names(index, narrator),
        _detect_anaphors(index, narrator),
    )


def detected_people(text: str) -> frozenset[str]:
    """Keys of the names the article itself uses as people's (full names in narration)."""
    return frozenset(m.key for m in quote_context(text).detected if m.person)


@lru_cache(maxsize=4096)
def known_mentions(text: str, key: str, person: bool) -> tuple[Mention, ...]:
    """Narrator mentions of a name the summary uses (a surname, or a whole org name)."""
    index, ctx = index_article(text), quote_context(text)
    toks, narrator = index.tokens, ctx.narrator
    words = key.split()
    found = []
    for pos, ti in enumerate(narrator):
        if pos + len(words) > len(narrator) or not _is_capital(index, toks[ti]):
            continue
        if len(words) == 1:
            hit = same_key(toks[ti].text, key)
        else:
            hit = [toks[narrator[pos + j]].text for j in range(len(words))] == words
        if hit:
            end = toks[narrator[pos + len(words) - 1]].end
            speech = _speech_near(index, narrator, pos, len(words))
            found.append(Mention(toks[ti].start, end, key, person, speech))
    return tuple(found)


@dataclass(frozen=True)
class Speakers:
    """Named mentions of one article for one summary, sorted, for resolving anaphors."""

    text: str
    ctx: QuoteContext
    named: list[Mention]
    starts: list[int]

    def resolve(self, anaphor: Mention) -> Mention | None:
        """The nearest named mention before a pronoun or title that it can stand for."""
        i = bisect_right(self.starts, anaphor.start) - 1
        while i >= 0:
            cand = self.named[i]
            if cand.end <= anaphor.start and (cand.person or not anaphor.person):
                while i > 0 and self.named[i - 1].end == cand.end:  # prefer the full name
                    i -= 1
                    cand = self.named[i]
                return cand
            i -= 1
        return None


def speakers(text: str, known: dict[str, bool]) -> Speakers:
    """Index the named mentions of `text`: detected names plus the summary's `known` keys
    (key -> whether it names a person)."""
    return _speakers(text, tuple(sorted(known.items())))


@lru_cache(maxsize=256)
def _speakers(text: str, known: tuple[tuple[str, bool], ...]) -> Speakers:
    ctx = quote_context(text)
    named = list(ctx.detected)
    # A person named in full once ("Volodymyr Zelenskyy") is then named by surname alone.
    keys = {m.key: True for m in ctx.detected if m.person} | dict(known)
    for key, person in keys.items():
        named.extend(known_mentions(text, key, person))
    named.sort(key=lambda m: (m.start, -m.end))
    return Speakers(text, ctx, named, [m.start for m in named])


def _tiers(ctx: QuoteContext, region: Region) -> list[list[tuple[int, int]]]:
    head = ctx.regions[region.chain]
    starts = [s for s, _ in ctx.sentences]
    first = max(0, bisect_right(starts, head.open_at) - 1)
    last = max(0, bisect_right(starts, max(region.close_at - 1, region.open_at)) - 1)
    own = [(ctx.sentences[first][0], ctx.sentences[last][1])]
    if region.chain != ctx.regions.index(region):
        mid = max(0, bisect_right(starts, region.open_at) - 1)
        own.append((ctx.sentences[mid][0], ctx.sentences[last][1]))
    around = [ctx.sentences[i] for i in (first - 1, last + 1) if 0 <= i < len(ctx.sentences)]
    return [own, around]


def attribute(sp: Speakers, region: Region) -> Attribution | None:
    """The speaker the article gives the quotation in `region`, if it names one."""
    ctx = sp.ctx
    head = ctx.regions[region.chain]

    def distance(m: Mention) -> int:
        if m.end <= head.open_at:
            return head.open_at - m.end
        if m.start >= region.close_at:
            return m.start - region.close_at
        return min(abs(m.start - region.close_at), abs(head.open_at - m.end))

    for spans in _tiers(ctx, region):
        candidates: list[tuple[Mention, Mention]] = []  # (cue, named mention)
        for m in [*sp.named, *ctx.anaphors]:
            if not any(s <= m.start < e for s, e in spans):
                continue
            named = m if m.key else sp.resolve(m)
            if named is not None:
                candidates.append((m, named))
        if not candidates:
            continue
        # A speech verb's subject first; else the nearest person; else the nearest name.
        speech = [c for c in candidates if c[0].speech]
        pool = speech or [c for c in candidates if c[1].person] or candidates
        cue, named = min(pool, key=lambda c: (distance(c[0]), -c[1].end + c[1].start))
        return Attribution(named.key, named.start, named.end, sp.text[cue.start : cue.end])
    return None
