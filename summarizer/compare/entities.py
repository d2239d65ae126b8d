"""People, organisations, places and times across sources: one row per entity.

Names and places share one key space: the small tagger may give a place as a `who` in one
source and a `where` in the other ("Sumy"), and the row is still one place; its kind is the
one most mentions give. Times are keyed by resolved date, so "18 March" and "March 18" are
one row; an unresolved time ("Monday", with no publication date) by its words.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from summarizer.compare.keys import Keys, time_key
from summarizer.compare.model import EntityKind, EntityRow, Mention
from summarizer.schema import Summary, When, Where, Who

_ORDER = {EntityKind.who: 0, EntityKind.where: 1, EntityKind.when: 2}


@dataclass
class _Row:
    key: str
    kinds: Counter[EntityKind] = field(default_factory=Counter)
    mentions: list[Mention] = field(default_factory=list)
    date: str | None = None

    def add(self, source: int, kind: EntityKind, item: Who | Where | When) -> None:
        self.kinds[kind] += 1
        self.mentions.append(Mention(source=source, text=item.text, start=item.start, end=item.end))

    def row(self) -> EntityRow:
        kind = self.kinds.most_common(1)[0][0]  # ties: the kind seen first
        names = [m.text for m in self.mentions]
        name = names[0] if kind is EntityKind.when else max(names, key=len)
        return EntityRow(
            kind=kind,
            key=self.key,
            name=name,
            date=self.date,
            sources=sorted({m.source for m in self.mentions}),
            mentions=self.mentions,
        )


def entity_rows(summaries: list[Summary], keys: Keys) -> list[EntityRow]:
    """One row per entity, those most sources mention first, then by kind and first
    appearance; items without a key (nothing but a title) are left out."""
    rows: dict[tuple[bool, str], _Row] = {}

    def row_for(is_time: bool, key: str) -> _Row:
        return rows.setdefault((is_time, key), _Row(key))

    for i, s in enumerate(summaries):
        for who in s.who:
            if key := keys.name(who.text):
                row_for(False, key).add(i, EntityKind.who, who)
        for where in s.where:
            if key := keys.place(where.text):
                row_for(False, key).add(i, EntityKind.where, where)
        for when in s.when:
            row = row_for(True, time_key(when))
            row.date = row.date or when.date
            row.add(i, EntityKind.when, when)
    built = [r.row() for r in rows.values()]
    first = {id(r): n for n, r in enumerate(built)}
    return sorted(built, key=lambda r: (-len(r.sources), _ORDER[r.kind], first[id(r)]))
