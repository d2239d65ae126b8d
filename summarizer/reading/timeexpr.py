"""Rule 4 for `when`: is a span a time expression, and which ISO 8601 date does it name?

A tested rule set decides whether a span holds a time expression (dates, weekdays, months,
years, clock times, parts of the day, relative expressions such as "last week" or "two
days ago"), so "briefing from his top military commander" is refused. The same rules turn
the common shapes into ISO 8601 values, against the publication date when one is known;
`dateparser` resolves the rarer shapes the rules detect but do not resolve.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            "january jan",
            "february feb",
            "march mar",
            "april apr",
            "may",
            "june jun",
            "july jul",
            "august aug",
            "september sept sep",
            "october oct",
            "november nov",
            "december dec",
        ],
        start=1,
    )
    for name in names.split()
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NUMBERS = {
    w: n
    for n, w in enumerate(
        """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
        fifteen sixteen seventeen eighteen nineteen twenty""".split()
    )
} | {"a": 1, "an": 1}

_MON = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)"
_WDAY = r"(?P<wday>" + "|".join(WEEKDAYS) + r")s?"
_UNIT = r"(?P<unit>second|minute|hour|day|week|weekend|fortnight|month|year|decade|century)s?"
_QTY = r"(?P<qty>\d+|" + "|".join(NUMBERS) + r"|several|few|couple of|many)"
_REL = r"(?P<rel>this|last|next|past|coming|previous|same|following|current|recent|that)"
_VAGUE = (
    r"today|tonight|yesterday|tomorrow|now|currently|recently|soon|nowadays|overnight|"
    r"midnight|noon|dawn|dusk|morning|afternoon|evening|night|weekend|spring|summer|"
    r"autumn|winter|(?:earlier|later) (?:this|that|in the) \w+"
)
# Nouns that name a stretch or point of time: enough for a `when` item ("the first half",
# "the 20th minute", "every year", "the sixties") though they resolve to no date.
_TIME_NOUNS = (
    r"(?:second|minute|hour|day|night|week|weekend|fortnight|month|year|decade|century|"
    r"time|moment|instant|era|half|period|season|lifetime|deadline|anniversary)s?|"
    r"centuries|(?:twen|thir|for|fif|six|seven|eigh|nine)ties"
)

_CLOCK = r"\d{1,2}(?::\d\d)? ?(?:a\.?m\b\.?|p\.?m\b\.?)|\d{1,2}:\d\d"  # "9 p.m.", "15:11"
_CLOCK_AT_END = re.compile(rf"\b({_CLOCK})\s*$", re.IGNORECASE)

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (name, re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE))
    for name, pattern in [
        ("iso", r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)"),
        ("mdy", rf"{_MON} {_DAY}(?:,? {_YEAR})?"),
        ("dmy", rf"{_DAY} (?:of )?{_MON}(?:,? {_YEAR})?"),
        ("my", rf"{_MON},? {_YEAR}"),
        ("ago", rf"{_QTY} {_UNIT} (?P<dir>ago|earlier|later|before|after|from now)"),
        ("rel", rf"{_REL} (?:{_UNIT}|{_WDAY}|{_MON})"),
        ("span", rf"{_QTY} {_UNIT}"),
        ("wday", _WDAY),
        ("clock", _CLOCK),
        ("decade", r"(?P<decade>(?:1[6-9]|20)\d)0s"),
        ("vague", rf"(?:{_VAGUE})"),
        ("mon", _MON),
        ("year", _YEAR),
        ("noun", _TIME_NOUNS),
    ]
]
_YEAR_CONTEXT = re.compile(
    r"(?:\b(?:in|since|by|until|from|of|during|early|late|mid|before|after|the)\s+|['\u2019]s\s+"
    r"|[,(-]\s*)$",
    re.IGNORECASE,
)


def _month_ok(m: re.Match[str]) -> bool:
    """Month names count when capitalised ("May", not "may") and not only an abbreviation
    that is also a word ("mar", "sep") unless a day or year comes with it."""
    word = m.group("mon")
    if not word[0].isupper():
        return False
    return len(word) > 3 or word.lower() == "may" or m.re.groupindex.get("day") is not None


def _year_ok(span: str, m: re.Match[str]) -> bool:
    """A bare four-digit number is a year only where a year can stand: "in 2023",
    "Ukraine's 2023 offensive", a span that is only the year; not "2000 people"."""
    after = span[m.end() :].lstrip()
    if not after or not after[0].isalpha():
        return True
    return _YEAR_CONTEXT.search(span[: m.start()]) is not None


def clock_at_end(text: str) -> str | None:
    """The time of day `text` ends with, if any: "15:11" of "As of 15:11 "."""
    m = _CLOCK_AT_END.search(text)
    return m.group(1) if m else None


@lru_cache(maxsize=8192)
def find_time(span: str) -> tuple[str, re.Match[str]] | None:
    """The most specific time expression in `span`, as (pattern name, match), or None."""
    for name, pattern in PATTERNS:
        for m in pattern.finditer(span):
            if "mon" in pattern.groupindex and m.group("mon") and not _month_ok(m):
                continue
            if name == "year" and not _year_ok(span, m):
                continue
            return name, m
    return None


def is_time_expression(span: str, whole: bool = False) -> bool:
    """Whether `span` holds a time expression; with `whole`, whether it is nothing else
    (used to refuse a `where` item that is a time: "Monday", not "Times Square")."""
    found = find_time(span)
    if found is None or not whole:
        return found is not None
    name, m = found
    rest = (span[: m.start()] + " " + span[m.end() :]).strip(" ,.").lower()
    return name != "noun" and rest in {"", "on", "in", "at", "since", "by", "until", "the"}


def _week(day: date) -> str:
    monday = day - timedelta(days=day.weekday())
    return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}"


def _shift_months(day: date, months: int) -> str:
    total = day.year * 12 + day.month - 1 + months
    return f"{total // 12:04d}-{total % 12 + 1:02d}"


def _relative(rel: str, unit: str, pub: date) -> str | None:
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}
    n = step.get(rel, 0)
    if unit == "week":
        return _week(pub + timedelta(weeks=n))
    if unit == "month":
        return _shift_months(pub, n)
    if unit == "year":
        return f"{pub.year + n:04d}"
    return None


def _weekday(wday: str, rel: str | None, pub: date) -> str:
    """A weekday named in news is most often the last one on or before the publication
    date (measured on the dev set: better than the nearest); "next" looks ahead."""
    back = (pub.weekday() - WEEKDAYS.index(wday)) % 7
    if rel in {"next", "coming"}:
        return (pub + timedelta(days=(7 - back) % 7 or 7)).isoformat()
    if rel == "last" and back == 0:
        back = 7
    return (pub - timedelta(days=back)).isoformat()


def _ago(qty: str, unit: str, direction: str, pub: date) -> str | None:
    n = int(qty) if qty.isdigit() else NUMBERS.get(qty)
    if n is None or direction in {"before", "after"}:
        return None
    sign = -1 if direction in {"ago", "earlier"} else 1
    if unit in {"day", "week"}:
        return (pub + timedelta(days=sign * n * (7 if unit == "week" else 1))).isoformat()
    if unit == "month":
        return _shift_months(pub, sign * n)
    if unit == "year":
        return f"{pub.year + sign * n:04d}"
    return None


def _month_day(mon: int, day: int, year: str | None, pub: date | None) -> str | None:
    if not 1 <= day <= 31:
        return None
    if year:
        return f"{year}-{mon:02d}-{day:02d}"
    if pub is None:
        return f"--{mon:02d}-{day:02d}"
    try:  # the year that puts the date nearest the publication date
        day_ = min(
            (date(y, mon, day) for y in (pub.year - 1, pub.year, pub.year + 1)),
            key=lambda d: abs((d - pub).days),
        )
    except ValueError:
        return None
    return day_.isoformat()


def _by_rules(name: str, m: re.Match[str], pub: date | None) -> str | None:
    g = {k: (v.lower() if v else v) for k, v in m.groupdict().items()}
    if name == "iso":
        return m.group()
    if name in {"mdy", "dmy"}:
        return _month_day(MONTHS[g["mon"]], int(g["day"]), g["year"], pub)
    if name == "my":
        return f"{g['year']}-{MONTHS[g['mon']]:02d}"
    if name == "year":
        return g["year"]
    if name == "decade":
        return f"{g['decade']}0-01-01/{g['decade']}9-12-31"
    if name == "mon":
        if pub is None:
            return f"--{MONTHS[g['mon']]:02d}"
        back = (pub.month - MONTHS[g["mon"]]) % 12
        return _shift_months(pub, -back)
    if pub is None:
        return None
    if name == "wday":
        return _weekday(g["wday"], None, pub)
    if name == "rel" and g["wday"]:
        return _weekday(g["wday"], g["rel"], pub)
    if name == "rel" and g["unit"]:
        return _relative(g["rel"], g["unit"], pub)
    if name == "ago":
        return _ago(g["qty"], g["unit"], g["dir"], pub)
    if name == "vague":
        shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}.get(m.group().lower())
        return None if shift is None else (pub + timedelta(days=shift)).isoformat()
    return None


@lru_cache(maxsize=4096)
def _by_dateparser(span: str, pub: date) -> str | None:
    from dateparser.date import DateDataParser  # slow to import; only for rare shapes

    settings = {"RELATIVE_BASE": datetime(pub.year, pub.month, pub.day)}
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(span)
    if data.date_obj is None:
        return None
    formats = {"day": "%Y-%m-%d", "week": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
    fmt = formats.get(data.period or "day")
    return data.date_obj.strftime(fmt) if fmt else None


def resolve_date(span: str, published: date | None) -> str | None:
    """The ISO 8601 value of the time expression in `span`, or None when it has none
    or it cannot be pinned down (a bare weekday with no publication date, "recently")."""
    found = find_time(span)
    if found is None:
        return None
    name, m = found
    value = _by_rules(name, m, published)
    if value is None and published is not None and name in {"ago", "rel"}:
        value = _by_dateparser(m.group(), published)
    return value
