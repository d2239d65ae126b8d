"""Attribution, as the text gives it: whom does the article give each quotation?

A quotation's speaker is read off the parse (`anchors`): its own sentences first; then,
for a quotation with no anchor of its own, the opening of a quotation that runs over
several paragraphs, a bare speech clause after it, or the text before it in its
paragraph: a quotation there passes its speaker on ("“…,” Atkinson said. “…”"), as does
indirect speech ("Heald noted the findings show …. “…”"). A quotation that opens its
paragraph goes on with the speaker of the paragraph before, unless someone else is named
in between. Whom a mention stands for is `referents`' job.

This is reading: it proposes a speaker (candidates use it) and knows no claim. Checking a
claimed speaker against it is a rule (`grounding.speakers`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from summarizer.reading.anchors import (
    following_clause,
    is_clause,
    named_inside,
    own_anchor,
    sentence_range,
    speech_subject,
    subject,
)
from summarizer.reading.cast import Cast
from summarizer.reading.quotations import Region
from summarizer.reading.referents import Referent, referent

_PARAGRAPHS_BACK = 3
_NEARBY_PARAGRAPHS = 2


@dataclass(frozen=True)
class Attribution:
    """The speaker the text gives a quotation (None: no anchor), how, and how surely."""

    speaker: Referent | None
    how: str
    certain: bool = True
    nearby: frozenset[str] = frozenset()  # members named near an unattributed quotation


@dataclass(eq=False)
class Attributor:
    """Attributions of one article's quotations, each worked out once."""

    cast: Cast
    _done: dict[int, Attribution] = field(default_factory=dict)

    def attribution(self, index: int) -> Attribution:
        if index not in self._done:
            found = self._attribute(index)
            self._done[index] = replace(found, nearby=self._nearby(index))
        return self._done[index]

    def _attribute(self, index: int) -> Attribution:
        cast = self.cast
        region = cast.regions[index]
        head = cast.regions[region.chain]
        found = own_anchor(cast, head, region)
        if found is not None:
            return Attribution(found, "speech verb")
        if region.chain != index:
            opening = self.attribution(region.chain)
            if opening.speaker is not None:
                return opening
        found = following_clause(cast, region)
        if found is not None:
            return Attribution(found, "speech clause after it")
        if not is_clause(cast.analysis, cast.analysis.tokens_between(region.start, region.end)):
            return self._unattributed()  # a name or a phrase in marks: no one says it
        return self._named_beside(head, region) or self._before(index)

    def _named_beside(self, head: Region, region: Region) -> Attribution | None:
        """Someone the quotation's own sentence names, with no speech verb for them ("The
        Department of Agriculture notes, “…”" where the parser read "notes" as a noun): a
        likely speaker, not a stated one, and a reason not to look further back."""
        a = self.cast.analysis
        span = sentence_range(a, head.open_at, region.close_at)
        lo, hi = a.starts[span.start], a.ends[span.stop - 1]
        for m in self.cast.narrated_between(lo, hi):
            member = self.cast.members[m.key]
            found = Referent(member.name, member.key, m.start, m.end)
            return Attribution(found, "named in the quote's sentence", certain=False)
        return None

    def _before(self, index: int) -> Attribution:
        """The text before a quotation with no anchor of its own (see the module doc)."""
        cast, a = self.cast, self.cast.analysis
        region = cast.regions[index]
        head = cast.regions[region.chain]
        end = head.open_at
        for back in range(_PARAGRAPHS_BACK + 1):
            start = paragraph_start(a.text, end)
            earlier = [j for j, r in enumerate(cast.regions) if start <= r.open_at < end]
            last = earlier[-1] if earlier and earlier[-1] < index else None
            after = cast.regions[last].close_at if last is not None else start
            tokens = a.tokens_between(after, end)
            named = self._people_named(after, end)
            said = speech_subject(cast, tokens, named_inside(cast, cast.regions[index]))
            if said is not None:
                return self._unless_credited(
                    region, back, Attribution(said, "speech verb before it")
                )
            if last is not None:
                prior = self.attribution(last)
                if prior.speaker is not None and named <= {prior.speaker.key}:
                    return self._unless_credited(region, back, prior)
            if named:
                guess = self._nearest_subject(tokens) if back < 2 else None
                return guess or self._unattributed()
            if start == 0:
                break
            end = paragraph_start(a.text, start - 1, skip_blank=True)
            end = a.text.find("\n", end) if a.text.find("\n", end) >= 0 else start
        return self._unattributed()

    def _unless_credited(self, region: Region, back: int, found: Attribution) -> Attribution:
        """`found` from an earlier paragraph, unless narration after the quotation in its
        own paragraph names someone else ("“…” Anonymous blogger, …"): a continuation
        paragraph names no one but its speaker."""
        a, cast = self.cast.analysis, self.cast
        line_end = a.text.find("\n", region.close_at)
        line_end = line_end if line_end >= 0 else len(a.text)
        tokens = a.tokens_between(region.close_at, line_end)
        if back == 0 or not any(
            a.pos[i] in ("NOUN", "PROPN") and not cast.quoted[i] for i in tokens
        ):
            return found
        named_after = {m.key for m in cast.narrated_between(region.close_at, line_end)}
        if found.speaker is not None and found.speaker.key in named_after:
            return found
        return self._unattributed()

    def _people_named(self, start: int, end: int) -> set[str]:
        return {
            m.key for m in self.cast.narrated_between(start, end) if self.cast.members[m.key].person
        }

    def _nearest_subject(self, tokens: range) -> Attribution | None:
        """The person the sentence before is about: a likely speaker, not a stated one."""
        a = self.cast.analysis
        for i in reversed(tokens):
            if a.deps[i] == "nsubj" and not self.cast.quoted[i]:
                found = referent(self.cast, i)
                if found is not None and found.named:
                    return Attribution(found, "the person named just before it", certain=False)
        return None

    def _unattributed(self) -> Attribution:
        return Attribution(None, "no speech verb in reach")

    def _nearby(self, index: int) -> frozenset[str]:
        """Members named in the quotation's paragraph and the `_NEARBY_PARAGRAPHS` before."""
        a, region = self.cast.analysis, self.cast.regions[index]
        start = paragraph_start(a.text, self.cast.regions[region.chain].open_at)
        for _ in range(_NEARBY_PARAGRAPHS):
            start = paragraph_start(a.text, max(0, start - 1), skip_blank=True)
        end = a.text.find("\n", region.close_at)
        mentions = self.cast.narrated_between(start, end if end >= 0 else len(a.text))
        return frozenset(m.key for m in mentions)


def paragraph_start(text: str, offset: int, skip_blank: bool = False) -> int:
    """Where the paragraph holding `offset` starts; with `skip_blank`, blank lines at
    `offset` are passed over first (so it gives the paragraph before a break)."""
    if skip_blank:
        while offset > 0 and text[offset] in "\n \t":
            offset -= 1
    return text.rfind("\n", 0, max(0, offset)) + 1


__all__ = ["Attribution", "Attributor", "paragraph_start", "subject"]
