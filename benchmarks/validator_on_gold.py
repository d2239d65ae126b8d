"""How much true content do the grounding rules refuse, and how many wrong speakers pass?

Every gold item of the dev data (`eval/*.jsonl`, format in its README) is a true
claim about its article, so each one the validator rejects is a false rejection: the cost
of the rules' strictness. For speakers it also makes wrong claims: each gold quote given
to every other person the same article names (gold `who` people and quote speakers, one
per name key); each of those the validator verifies, or keeps at all, is a false accept.
Also reports how many gold `when` dates the resolver reproduces, and the parse cost.

    python benchmarks/validator_on_gold.py [GOLD.jsonl ...] [--show rejected|unverified|wrong]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

# This checkout's package before the installed one (see benchmarks/grounding.py).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.devdata import DEV_GOLD
from summarizer import ground
from summarizer.reading import Reading, reading_of
from summarizer.reading.names import name_key, same_key
from summarizer.reading.timeexpr import resolve_date
from summarizer.schema import Summary

FIELDS = ["who", "where", "when"]


def claims(gold: dict[str, Any]) -> dict[str, Any]:
    """The gold names, places and times as a v1 summary."""
    return {field: [{"text": w["text"]} for w in gold[field]] for field in FIELDS} | {
        "article": {"published": gold["published"]}
    }


def speech_quotes(gold: dict[str, Any]) -> list[dict[str, Any]]:
    """Gold quotes that are speech and have a speaker (titles and signs are scored out)."""
    return [q for q in gold["quotes"] if q["speaker"] and q.get("is_speech", True)]


def people(gold: dict[str, Any]) -> list[str]:
    """One name per person the article names (gold `who` people and quote speakers)."""
    names = [w["text"] for w in gold["who"] if w.get("type") == "person"]
    names += [q["speaker"] for q in speech_quotes(gold)]
    keys: dict[str, str] = {}
    for name in names:
        key = name_key(name)
        if (key and not any(same_key(key, k) for k in keys)) or (
            key in keys and len(name) > len(keys[key])
        ):
            keys[key] = name
    return list(keys.values())


def _outcome(result: Summary) -> str:
    if not result.quotes:
        return "rejected"
    return result.quotes[0].speaker_check or "verified"


def score_speakers(
    rows: list[dict[str, Any]], readings: dict[str, Reading], show: str | None
) -> dict[str, Counter[str]]:
    """Outcomes of true (quote, speaker) pairs and of wrong-speaker claims."""
    true: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    for gold in rows:
        text, cast = readings[gold["id"]], people(gold)
        for q in speech_quotes(gold):
            result = ground(text, {"quotes": [{"text": q["text"], "speaker": q["speaker"]}]})
            outcome = _outcome(result)
            true[outcome] += 1
            if show == outcome:
                why = result.rejected[0].reason if result.rejected else result.quotes[0]
                print(f"  TRUE {gold['id']} {q['speaker']!r} {outcome}: {why}")
            for other in cast:
                if same_key(name_key(other), name_key(q["speaker"])):
                    continue
                result = ground(text, {"quotes": [{"text": q["text"], "speaker": other}]})
                outcome = _outcome(result)
                wrong[outcome] += 1
                if show == "wrong" and outcome != "rejected":
                    print(f"  WRONG {gold['id']} {other!r} for {q['speaker']!r}: {outcome}")
    return {"true": true, "wrong": wrong}


def _share(counter: Counter[str], *keys: str) -> str:
    total = sum(counter.values())
    n = sum(counter[k] for k in keys)
    return f"{n:4}/{total} ({n / total:.1%})" if total else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", type=Path, default=DEV_GOLD)
    parser.add_argument("--show", choices=["rejected", "unverified", "wrong"])
    args = parser.parse_args()
    for path in args.gold:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        started = time.perf_counter()
        readings = {gold["id"]: reading_of(gold["text"]) for gold in rows}
        parse = time.perf_counter() - started
        tokens = sum(len(r.parse) for r in readings.values())
        given: Counter[str] = Counter()
        refused: Counter[str] = Counter()
        reasons: Counter[str] = Counter()
        dated = agreed = 0
        for gold in rows:
            summary = claims(gold)
            result = ground(readings[gold["id"]], summary)
            for field in FIELDS:
                given[field] += len(summary[field])
            for r in result.rejected:
                refused[r.field] += 1
                reasons[f"{r.field}: {r.reason.split(':')[0].split(';')[0][:60]}"] += 1
            published = date.fromisoformat(gold["published"]) if gold["published"] else None
            for w in gold["when"]:
                if w["date"]:
                    dated += 1
                    agreed += resolve_date(w["text"], published) == w["date"]
        speakers = score_speakers(rows, readings, args.show)
        print(f"{path.name}: {len(rows)} articles, {tokens} tokens read in {parse:.2f} s")
        for field in FIELDS:
            if given[field]:
                n, bad = given[field], refused[field]
                print(f"  {field:>7}: {n:4} gold items, {bad:3} refused ({bad / n:.1%})")
        true, wrong = speakers["true"], speakers["wrong"]
        print(
            f"  true (quote, speaker) pairs: rejected {_share(true, 'rejected')}, "
            f"verified {_share(true, 'verified')}, unverified {_share(true, 'unverified')}"
        )
        print(
            f"  wrong speakers: verified {_share(wrong, 'verified')}, "
            f"kept {_share(wrong, 'verified', 'unverified')}"
        )
        print(f"  when dates reproduced: {agreed}/{dated}")
        for reason, n in reasons.most_common(6):
            print(f"    {n:3} × {reason}")


if __name__ == "__main__":
    main()
