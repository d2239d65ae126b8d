"""Scoring summaries against gold annotations (format: eval/README.md in the repository).

Quotes are matched by span: exactly (trailing commas aside), or when the prediction covers
at least 80 % of the gold span, as citron scores them; speaker accuracy is counted on
matched quotes. who/where/when are scored on distinct entities, not mentions: a gold entity
is found when a predicted item has its name key (people, organisations) or normalised text
(places, times), or overlaps one of its mentions.
Ungrounded items are recounted here from the article text, not from the validator's offsets.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from summarizer.reading.names import is_acronym, name_key, same_key
from summarizer.reading.namesakes import Namesakes, namesakes
from summarizer.reading.textindex import normalize
from summarizer.schema import Summary

_TRAILING = " ,;:"
FIELDS = ("who", "where", "when")


def span(item: dict[str, Any] | Any, text: str) -> tuple[int, int]:
    start, end = (item["start"], item["end"]) if isinstance(item, dict) else (item.start, item.end)
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return start, end


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _key(text: str) -> str:
    return normalize(text, fold=True).removeprefix("the ").strip(" .,'\"")


@dataclass
class Tally:
    """Counts that add up over articles; rates are computed at the end."""

    counts: Counter[str] = field(default_factory=Counter)

    def add(self, **counts: int) -> None:
        self.counts.update(counts)

    def rate(self, part: str, whole: str) -> float | None:
        return self.counts[part] / self.counts[whole] if self.counts[whole] else None


def people_of(gold: dict[str, Any]) -> Namesakes:
    """Who shares a surname among the gold's people, so that "Tanya Chan" for "Gary
    Chan" scores as the other person, not the same surname."""
    return namesakes((w["start"], w["text"]) for w in gold["who"])


def score_quotes(gold: dict[str, Any], summary: Summary, sakes: Namesakes, tally: Tally) -> None:
    """Quote spans and speakers; gold items that are not speech (`is_speech: false`: a
    title, a sign) are scored out, and so are predictions that match them."""
    text = gold["text"]
    speech = [q for q in gold["quotes"] if q.get("is_speech", True) is not False]
    other = [span(q, text) for q in gold["quotes"] if q.get("is_speech", True) is False]
    golds = [(span(q, text), q.get("speaker")) for q in speech]
    predicted = [
        q
        for q in summary.quotes
        if not any(overlap(span(q, text), o) >= 0.8 * (o[1] - o[0]) for o in other)
    ]
    tally.add(quotes_gold=len(golds), quotes_pred=len(predicted))
    used_exact: set[int] = set()
    used_overlap: set[int] = set()
    for quote in predicted:
        at = span(quote, text)
        for i, (g, _) in enumerate(golds):
            if i not in used_exact and at == g:
                used_exact.add(i)
                break
        best = max(
            (i for i in range(len(golds)) if i not in used_overlap),
            key=lambda i: overlap(at, golds[i][0]),
            default=None,
        )
        if best is None:
            continue
        g, speaker = golds[best]
        if overlap(at, g) >= 0.8 * (g[1] - g[0]):
            used_overlap.add(best)
            if speaker:
                right = same_key(sakes.key(quote.speaker, g[0]), sakes.key(speaker, g[0]))
                tally.add(speaker_gold=1, speaker_right=int(right))
    tally.add(quotes_exact=len(used_exact), quotes_overlap=len(used_overlap))


def entity(field: str, text: str, sakes: Namesakes | None = None, at: int | None = None) -> str:
    """What makes mentions one entity: a person's or organisation's name key ("Jon Ortiz"
    and "Ortiz" are one; of namesakes in `sakes`, the one named nearest before `at`),
    else the normalised text."""
    who = (sakes.key(text, at) if sakes else name_key(text)) if field == "who" else ""
    return who or _key(text)


def same(field: str, a: str, b: str) -> bool:
    """Whether two keys are one entity: for who, as the summary's own name keys match;
    for where and when, one text, or a place and its abbreviation ("KSC" for "Kennedy
    Space Center"), which GUM lists as two mentions and a summary rightly lists once."""
    if field == "who":
        return same_key(a, b)
    if a == b or field != "where":
        return a == b
    short, long = sorted((a, b), key=len)
    return " " not in short and is_acronym(short, long)


def score_entities(gold: dict[str, Any], summary: Summary, sakes: Namesakes, tally: Tally) -> None:
    text = gold["text"]
    for name in FIELDS:
        entities: dict[str, list[tuple[int, int]]] = {}
        dates: dict[str, str | None] = {}
        for item in gold[name]:
            key = entity(name, item["text"], sakes, item["start"])
            entities.setdefault(key, []).append(span(item, text))
            dates.setdefault(key, item.get("date"))
        predicted = getattr(summary, name)
        found: set[str] = set()
        right_pred = 0
        for item in predicted:
            at, key = span(item, text), entity(name, item.text, sakes, item.start)
            hits = {
                k
                for k, spans in entities.items()
                if same(name, k, key) or any(overlap(at, s) for s in spans)
            }
            right_pred += bool(hits)
            for k in hits - found:
                found.add(k)
                if name == "when" and dates[k]:
                    agree = getattr(item, "date", None) == dates[k]
                    tally.add(dates_gold=1, dates_right=int(agree))
        tally.add(**{f"{name}_gold": len(entities), f"{name}_pred": len(predicted),
                     f"{name}_found": len(found), f"{name}_right": right_pred})  # fmt: skip


def count_ungrounded(text: str, summary: Summary) -> int:
    """Items whose text is not the article's text at their offsets, or not in it at all."""
    items: list[Any] = [*summary.who, *summary.where, *summary.when, *summary.quotes]
    if summary.what:
        items += summary.what.evidence
    normalized, bad = normalize(text), 0
    for item in items:
        at_offsets = item.start is not None and text[item.start : item.end] == item.text
        bad += not (at_offsets and normalize(item.text) in normalized)
    return bad


def score(gold: dict[str, Any], summary: Summary, tally: Tally) -> None:
    """Add one article's scores to `tally`."""
    sakes = people_of(gold)
    score_quotes(gold, summary, sakes, tally)
    score_entities(gold, summary, sakes, tally)
    rejected = Counter(r.field for r in summary.rejected)
    items = [*summary.who, *summary.where, *summary.when, *summary.quotes]
    tally.add(articles=1, items=len(items) + bool(summary.what and summary.what.summary))
    tally.add(ungrounded=count_ungrounded(gold["text"], summary))

    tally.add(**{f"rejected_{k.replace('.', '_')}": v for k, v in rejected.items()})
    usage = summary.meta.usage or {}
    tally.add(
        attempts=summary.meta.attempts or 0,
        prompt_tokens=usage.get("prompt_tokens", 0),
        completion_tokens=usage.get("completion_tokens", 0),
        milliseconds=round((summary.meta.seconds or 0) * 1000),
    )


def report(tally: Tally) -> dict[str, Any]:
    """The headline numbers of a tally."""
    c, n = tally.counts, max(tally.counts["articles"], 1)

    def f1(p: float | None, r: float | None) -> float | None:
        return (
            2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
        )

    out: dict[str, Any] = {"articles": c["articles"]}
    for kind in ("exact", "overlap"):
        p, r = (
            tally.rate(f"quotes_{kind}", "quotes_pred"),
            tally.rate(f"quotes_{kind}", "quotes_gold"),
        )
        out |= {f"quote_p_{kind}": p, f"quote_r_{kind}": r, f"quote_f1_{kind}": f1(p, r)}
    out["speaker_acc"] = tally.rate("speaker_right", "speaker_gold")
    for name in FIELDS:
        out[f"{name}_recall"] = tally.rate(f"{name}_found", f"{name}_gold")
        out[f"{name}_precision"] = tally.rate(f"{name}_right", f"{name}_pred")
    out["when_dates_agree"] = tally.rate("dates_right", "dates_gold")

    out["items"] = c["items"]
    out["rejected"] = sum(v for k, v in c.items() if k.startswith("rejected_"))
    out["rejected_by_kind"] = {
        k.removeprefix("rejected_"): v for k, v in sorted(c.items()) if k.startswith("rejected_")
    }
    out["ungrounded"] = c["ungrounded"]
    out |= {
        "attempts_per_article": c["attempts"] / n,
        "prompt_tokens_per_article": c["prompt_tokens"] / n,
        "completion_tokens_per_article": c["completion_tokens"] / n,
        "seconds_per_article": c["milliseconds"] / 1000 / n,
    }
    return out
