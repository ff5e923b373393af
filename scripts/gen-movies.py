#!/usr/bin/env python3
"""Writes a Movies sample shaped like the lecture's table: year (N, partition key), title (S, sort
key) and a nested info map, plus a top-level genre (the first of info.genres) for the walkthrough's
index: a GSI can only be keyed by a top-level attribute. Every value is made up here from small word lists; the same seed
always gives the same file, byte for byte.

    scripts/gen-movies.py [--count 4000] [--seed 1] [--first-year 1920] [--years 100] > fixtures/movies.ndjson
"""
import argparse
import json
import random
import sys

ADJECTIVES = ["Silent", "Last", "Hidden", "Broken", "Golden", "Dark", "Lost", "Final", "Secret", "Wild",
              "Crimson", "Frozen", "Endless", "Quiet", "Burning", "Distant", "Electric", "Fallen", "Iron",
              "Jagged", "Kind", "Lonely", "Midnight", "Northern", "Open", "Pale", "Restless", "Savage",
              "Tender", "Violet", "Wandering", "Young", "Ancient", "Bright", "Curious", "Hollow"]
NOUNS = ["River", "City", "Garden", "Machine", "Road", "Winter", "Harbor", "Signal", "Empire", "Letter",
         "Mountain", "Island", "Promise", "Storm", "Mirror", "Voyage", "Frontier", "Witness", "Dream",
         "Kingdom", "Lantern", "Orchard", "Passage", "Station", "Tide", "Valley", "Window", "Echo"]
FIRST = ["Ada", "Ben", "Carla", "Dev", "Elena", "Femi", "Greta", "Hiro", "Ines", "Jon", "Kira", "Luca",
         "Mina", "Nils", "Olga", "Pablo", "Quinn", "Rosa", "Sami", "Tess", "Uma", "Viktor", "Wen", "Yara"]
LAST = ["Abbott", "Brandt", "Castillo", "Dumont", "Eriksen", "Fischer", "Garcia", "Haddad", "Ivanova",
        "Jensen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quist", "Rossi",
        "Santos", "Tanaka", "Ueda", "Varga", "Weber", "Zhou"]
GENRES = ["Drama", "Comedy", "Action", "Thriller", "Romance", "Sci-Fi", "Horror", "Documentary",
          "Animation", "Crime", "Adventure", "Fantasy", "Mystery", "Western"]
VERBS = ["discovers", "hides", "loses", "builds", "follows", "remembers", "escapes", "defends", "finds"]


def person(rng):
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def title(rng):
    form = rng.randrange(4)
    if form == 0:
        return f"The {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}"
    if form == 1:
        return f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}"
    if form == 2:
        return f"{rng.choice(NOUNS)} of the {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}"
    return f"{rng.choice(NOUNS)} {rng.randrange(2, 5)}"


def movie(rng, year, name, rank):
    month, day = rng.randrange(1, 13), rng.randrange(1, 29)
    info = {
        "directors": [person(rng) for _ in range(rng.choice([1, 1, 1, 2]))],
        "release_date": f"{year:04d}-{month:02d}-{day:02d}T00:00:00Z",
        "rating": round(rng.uniform(1.0, 9.9), 1),
        "genres": sorted(rng.sample(GENRES, rng.randrange(1, 4))),
        "plot": f"A {rng.choice(ADJECTIVES).lower()} {rng.choice(NOUNS).lower()} "
                f"{rng.choice(VERBS)} a {rng.choice(NOUNS).lower()}.",
        "rank": rank,
        "running_time_secs": rng.randrange(60, 200) * 60,
        "actors": [person(rng) for _ in range(3)],
    }
    return {"year": year, "title": name, "genre": info["genres"][0], "info": info}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--first-year", type=int, default=1920)
    parser.add_argument("--years", type=int, default=100)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    seen = set()
    rank = 0
    out = sys.stdout
    while rank < args.count:
        year = args.first_year + rng.randrange(args.years)
        name = title(rng)
        if (year, name) in seen:
            continue
        seen.add((year, name))
        rank += 1
        out.write(json.dumps(movie(rng, year, name, rank), separators=(", ", ": ")) + "\n")


if __name__ == "__main__":
    main()
