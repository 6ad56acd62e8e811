#!/usr/bin/env python3
"""Held-out linkage lists: five lists about one fictional population, as an NGO would receive them.

    python3 bench/heldout/make_lists.py OUT_DIR [--people 3000] [--seed 1] [--mixed-encoding SHARE]

Writes OUT_DIR/lists/{az_latin.csv, ru_cyrillic.csv, en_caps.csv, testimonies.csv, hy_armenian.csv},
OUT_DIR/mappings/*.yaml (for a list the importer cannot read unaided), OUT_DIR/truth.csv
(source,record_id,person) and OUT_DIR/summary.json. Everyone in them is invented; standard library only.

Made independently of the project's own generator (`nomina generate`): the population has two
communities (Azerbaijani and Armenian, each with some of the other's names), households of siblings
sharing a surname and a father, Zipf-distributed names (hundreds of Məmməd Məmmədov at 20,000
people), heavy-tailed place sizes (one town of thousands, many hamlets), and lists that each cover
40-70% of the people with overlaps, duplicates within a list, missing fields, placeholders, typos and
fates that mostly agree.
"""
import argparse
import csv
import datetime as dt
import io
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import namebook as nb  # noqa: E402

INCIDENT = dt.date(1993, 4, 17)  # a fictional attack on a fictional district
FATES = ["killed", "missing", "hostage", "injured"]
FATE_WEIGHTS = [0.50, 0.20, 0.18, 0.12]
# A list giving another fate than the truth: which one it gives instead.
FATE_ERRORS = {"killed": ["missing"], "missing": ["killed", "hostage"], "hostage": ["missing"], "injured": ["killed"]}


def zipf_weights(n, s=1.0):
    return [1.0 / (r + 1) ** s for r in range(n)]


class Person:
    __slots__ = ("pid", "community", "female", "given", "surname", "father", "birth", "age", "place", "fate",
                 "visibility")


def community_books():
    az_surnames = [nb.az_surname_from_given(az, ru) for az, ru, _, _ in nb.AZ_MALE[:30]] + nb.AZ_SURNAMES
    # Məmmədov first, the other surnames from given names and the fixed ones interleaved by rank
    return {
        "az": {"male": nb.AZ_MALE, "female": nb.AZ_FEMALE, "surnames": az_surnames},
        "am": {"male": nb.AM_MALE, "female": nb.AM_FEMALE, "surnames": nb.AM_SURNAMES},
    }


def make_people(n, rng):
    books = community_books()
    places = nb.place_book(max(12, n // 110), rng)
    place_w = zipf_weights(len(places), 1.15)
    place_comm = {p: ("az" if i == 0 or rng.random() < 0.6 else "am") for i, p in enumerate(places)}
    weights = {c: {k: zipf_weights(len(v), 1.0 if k != "surnames" else 0.9) for k, v in b.items()}
               for c, b in books.items()}
    people = []
    while len(people) < n:
        place = rng.choices(places, place_w)[0]
        comm = place_comm[place]
        if place == places[0]:
            comm = "az" if rng.random() < 0.7 else "am"
        elif rng.random() < 0.1:
            comm = "am" if comm == "az" else "az"
        book, w = books[comm], weights[comm]
        other = books["am" if comm == "az" else "az"]
        # a household: siblings sharing a surname and a father
        surname = rng.choices(book["surnames"], w["surnames"])[0]
        if rng.random() < 0.03:
            surname = rng.choice(other["surnames"])  # a family with the other community's surname
        father = rng.choices(book["male"], w["male"])[0]
        size = rng.choices([1, 2, 3, 4, 5, 6], [30, 22, 18, 14, 9, 7])[0]
        base_age = rng.choice([rng.randint(0, 30), rng.randint(20, 60), rng.randint(40, 90)])
        for _ in range(size):
            if len(people) >= n:
                break
            p = Person()
            p.pid = "H%06d" % (len(people) + 1)
            p.community = comm
            p.female = rng.random() < 0.48
            names = book["female" if p.female else "male"]
            if rng.random() < 0.04:
                p.given = rng.choice(other["female" if p.female else "male"])
            else:
                p.given = rng.choices(names, w["female" if p.female else "male"])[0]
            p.surname, p.father = surname, father
            p.age = max(0, min(95, base_age + rng.randint(-8, 8)))
            birth_year = INCIDENT.year - p.age - (1 if rng.random() < 0.3 else 0)
            p.birth = dt.date(birth_year, rng.randint(1, 12), rng.randint(1, 28))
            if p.birth >= INCIDENT:
                p.birth = p.birth.replace(year=p.birth.year - 1)
            p.age = INCIDENT.year - p.birth.year - ((INCIDENT.month, INCIDENT.day) < (p.birth.month, p.birth.day))
            p.place = place
            p.fate = rng.choices(FATES, FATE_WEIGHTS)[0]
            p.visibility = rng.lognormvariate(0, 0.5)
            people.append(p)
    return people, places


# ---------------------------------------------------------------- how each writing renders a person

def is_az_name(entry):
    return len(entry) == 4  # AZ tuples carry nicknames; Armenian ones carry the Armenian script


def given_forms(entry):
    """(az_latin, russian, english_choices, armenian_script, nicknames_latin)"""
    if is_az_name(entry):
        az, ru, nicks, _ = entry
        return az, ru, [nb.az_to_ascii(az), nb.ru_to_latin(ru)], nb.ru_to_hy(ru), nicks
    lat, ru, hy = entry
    return rng_pick_az(lat, ru), ru, [lat, nb.ru_to_latin(ru)], hy, []


def rng_pick_az(lat, ru):
    del lat  # Azerbaijani lists write Armenian names from their Russian form, not the Armenian Latin
    return nb.ru_to_az(ru)


def surname_forms(entry, female):
    """(az_latin choices, russian choices, english choices, armenian_script) for a surname entry."""
    if len(entry) == 2:  # Azerbaijani surname: masculine az, ru
        az, ru = entry
        if female:
            az, ru = az + "a", ru + "а"
        return [az], [ru], [nb.az_to_ascii(az), nb.ru_to_latin(ru)], nb.ru_to_hy(ru)
    lat, ru, hy = entry
    rus = [ru] + nb.RU_VARIANTS.get(ru, [])
    ens = [lat, nb.ru_to_latin(ru)] + [v.title() for v in nb.EN_VARIANTS.get(lat, [])]
    return [nb.ru_to_az(ru), lat], rus, ens, hy



def typo(s, rng):
    if len(s) < 4:
        return s
    i = rng.randrange(1, len(s) - 1)
    op = rng.random()
    if op < 0.35:
        return s[:i] + s[i + 1:]
    if op < 0.65:
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    if op < 0.85:
        return s[:i] + s[i] + s[i:]
    pool = [c for c in s if c.isalpha() and c.islower()] or ["a"]
    return s[:i] + rng.choice(pool) + s[i + 1:]


def maybe_typo(s, rng, p):
    return typo(s, rng) if s and rng.random() < p else s


def reported_fate(p, rng):
    if rng.random() < 0.08:
        return rng.choice(FATE_ERRORS[p.fate])
    return p.fate


def age_range(age, rng):
    """A range of ten years that holds the true age ("30-40")."""
    lo = rng.choice([d for d in range(0, 100, 5) if d <= age <= d + 10])
    return f"{lo}-{lo + 10}"


def place_ru(place):
    return nb.az_to_ru(place)


# ---------------------------------------------------------------- the five lists

def az_row(p, rid, rng):
    g = given_forms(p.given)
    s = surname_forms(p.surname, p.female)
    f = given_forms(p.father)
    father = f[0] if rng.random() < 0.5 else f[0] + (" qızı" if p.female else " oğlu")
    if rng.random() < 0.2:
        father = ""
    r = rng.random()
    birth = (p.birth.strftime("%d.%m.%Y") if r < 0.6 else str(p.birth.year) if r < 0.86 else ""
             if r < 0.96 else rng.choice(["-", "naməlum"]))
    r = rng.random()
    place = (p.place + " kəndi" if r < 0.4 else p.place + " k." if r < 0.5 else p.place if r < 0.92
             else rng.choice(["naməlum", "-", ""]))
    status = {"killed": rng.choice(["həlak olub", "həlak olub", "şəhid olub"]), "missing": "itkin düşüb",
              "hostage": "girov götürülüb", "injured": "yaralanıb"}[reported_fate(p, rng)]
    given = g[0]
    if rng.random() < 0.003:
        given, surname = "naməlum", ""
    else:
        surname = maybe_typo(rng.choice(s[0]), rng, 0.03)
        given = maybe_typo(given, rng, 0.03)
    return [rid, surname, given, father, birth, "qadın" if p.female else "kişi", maybe_typo(place, rng, 0.04), status, ""]


AZ_HEADER = ["Sıra №", "Soyadı", "Adı", "Atasının adı", "Doğum tarixi", "Cinsi", "Kənd", "Taleyi", "Qeyd"]


def ru_row(p, rid, rng):
    g = given_forms(p.given)
    s = surname_forms(p.surname, p.female)
    f = given_forms(p.father)
    surname = maybe_typo(rng.choice(s[1]), rng, 0.03)
    given = maybe_typo(g[1], rng, 0.03)
    if is_az_name(p.father) and rng.random() < 0.6:
        patr = f[1] + (" кызы" if p.female else " оглы")
    else:
        patr = nb.ru_patronymic(f[1], p.female)
    r = rng.random()
    if r < 0.75:
        fio = f"{surname} {given} {patr}"
    elif r < 0.85:
        fio = f"{surname} {given}"
    else:
        fio = f"{given} {surname}"  # given-name-first, as some rows are typed
    if rng.random() < 0.003:
        fio = "неизвестно"
    r = rng.random()
    year = (str(p.birth.year) if r < 0.75 else f"ок. {p.birth.year - p.birth.year % 5}" if r < 0.82 else ""
            if r < 0.98 else "неизвестно")
    pr = place_ru(p.place)
    r = rng.random()
    place = (f"с. {pr}" if r < 0.4 else f"село {pr}" if r < 0.55 else f"пос. {pr}" if r < 0.65 else pr if r < 0.93
             else rng.choice(["неизвестно", "-", ""]))
    fate = reported_fate(p, rng)
    fem = p.female
    status = {"killed": rng.choice(["погибла" if fem else "погиб", "убита" if fem else "убит"]),
              "missing": "пропала без вести" if fem else "пропал без вести",
              "hostage": "взята в заложники" if fem else "взят в заложники",
              "injured": "ранена" if fem else "ранен"}[fate]
    return [rid, fio, year, maybe_typo(place, rng, 0.04), status, ""]


RU_HEADER = ["№", "ФИО", "Год рождения", "Место жительства", "Судьба", "Примечание"]


def en_row(p, rid, rng):
    g = given_forms(p.given)
    s = surname_forms(p.surname, p.female)
    surname = maybe_typo(rng.choice(s[2]), rng, 0.03).upper()
    given = maybe_typo(rng.choice(g[2]), rng, 0.03).upper()
    name = f"{surname} {given}" if rng.random() < 0.8 else f"{given} {surname}"
    if rng.random() < 0.003:
        name = rng.choice(["UNKNOWN", "N/A"])
    r = rng.random()
    if r < 0.8:
        age = str(p.age)
    elif r < 0.9:
        age = age_range(p.age, rng)
    elif r < 0.95:
        age = f"about {p.age + rng.randint(-3, 3)}"
    else:
        age = rng.choice(["N/A", "", "?"])
    place = nb.az_to_ascii(p.place).upper()
    r = rng.random()
    place = place + " VILLAGE" if r < 0.3 else place if r < 0.92 else rng.choice(["N/A", "UNKNOWN", ""])
    status = {"killed": "KILLED", "missing": "MISSING", "hostage": "HOSTAGE", "injured": "WOUNDED"}[reported_fate(p, rng)]
    r = rng.random()  # the date of the incident the age was taken at (a day later for some deaths)
    date = INCIDENT if r < 0.75 else INCIDENT + dt.timedelta(days=1) if r < 0.85 else None
    date = date.strftime("%d/%m/%Y") if date else ""
    return [rid, name, age, "F" if p.female else "M", maybe_typo(place, rng, 0.04), status, date]


EN_HEADER = ["NO", "FULL NAME", "AGE", "SEX", "VILLAGE", "STATUS", "DATE OF INCIDENT"]


def testimony_row(p, rid, rng):
    g = given_forms(p.given)
    s = surname_forms(p.surname, p.female)
    given = rng.choice(g[2])
    if g[4] and rng.random() < 0.3:
        given = nb.az_to_ascii(rng.choice(g[4]))  # Gyulya for Gülnarə, Mamish for Məmməd, Nar for Anar
    surname = rng.choice(s[2])
    name = f"{given} {surname}" if rng.random() < 0.88 else f"{surname} {given}"
    name = maybe_typo(name, rng, 0.05)
    who = rng.choice(["My neighbour", "My cousin", "Our teacher", "A man from our street,", "My relative",
                      "The witness's uncle's family member", "My classmate"])
    around = p.age + rng.randint(-4, 4)
    age_told = rng.choices([f"about {around}", str(p.age), "", age_range(p.age, rng)], [35, 30, 25, 10])[0]
    village = nb.az_to_ascii(p.place)
    r = rng.random()
    village_told = f"village of {village}" if r < 0.5 else village if r < 0.85 else ""
    fate = reported_fate(p, rng)
    fate_told = {"killed": "killed", "missing": "missing", "hostage": "taken hostage", "injured": "wounded"}[fate]
    verb = {"killed": rng.choice(["was killed", "was shot at the gate", "died under shelling"]),
            "missing": rng.choice(["has been missing since that night", "went missing"]),
            "hostage": rng.choice(["was taken hostage", "was taken away by armed men"]),
            "injured": rng.choice(["was wounded", "was injured in the leg"])}[fate]
    parts = [f"{who} {name}"]
    if age_told:
        parts.append(age_told if not age_told[0].isdigit() or "-" in age_told else f"aged {age_told}")
    if village_told:
        parts.append("from the " + village_told if village_told.startswith("village") else "from " + village_told)
    prose = ", ".join(parts) + ("," if len(parts) > 1 else "") + f" {verb}."
    return [rid, name, age_told, village_told, fate_told, prose]


TESTIMONY_HEADER = ["No", "Name", "Age", "Village", "Fate", "Testimony"]


def hy_row(p, rid, rng):
    g = given_forms(p.given)
    s = surname_forms(p.surname, p.female)
    f = given_forms(p.father)
    father = nb.hy_genitive(f[3]) if rng.random() < 0.85 else ""
    r = rng.random()
    birth = str(p.birth.year) if r < 0.7 else p.birth.strftime("%d.%m.%Y") if r < 0.9 else ""
    place_hy = nb.ru_to_hy(place_ru(p.place))
    r = rng.random()
    place = ("գ. " + place_hy if r < 0.45 else "գյուղ " + place_hy if r < 0.6 else place_hy if r < 0.93
             else rng.choice(["անհայտ", "-", ""]))
    status = {"killed": "զոհված", "missing": "անհետ կորած", "hostage": "պատանդ", "injured": "վիրավոր"}[reported_fate(p, rng)]
    return [rid, maybe_typo(s[3], rng, 0.03), maybe_typo(g[3], rng, 0.03), father, birth,
            "իգական" if p.female else "արական", maybe_typo(place, rng, 0.04), status]


HY_HEADER = ["Հ/Հ", "Ազգանուն", "Անուն", "Հայրանուն", "Ծննդյան տարեթիվ", "Սեռ", "Բնակավայր", "Ճակատագիր"]

LISTS = [
    # source name, file, header, row maker, encoding, delimiter, coverage by community (az, am)
    ("az_latin", "az_latin.csv", AZ_HEADER, az_row, "utf-8", ",", (0.65, 0.45)),
    ("ru_cyrillic", "ru_cyrillic.csv", RU_HEADER, ru_row, "cp1251", ";", (0.55, 0.55)),
    ("en_caps", "en_caps.csv", EN_HEADER, en_row, "utf-8", ",", (0.45, 0.50)),
    ("testimonies", "testimonies.csv", TESTIMONY_HEADER, testimony_row, "utf-8", ",", (0.42, 0.40)),
    ("hy_armenian", "hy_armenian.csv", HY_HEADER, hy_row, "utf-8", ",", (0.30, 0.70)),
]

MAPPINGS = {
    "az_latin": """columns:
  "Sıra №":        {field: record_id}
  "Soyadı":        {field: surname}
  "Adı":           {field: given_name}
  "Atasının adı":  {field: patronymic}
  "Doğum tarixi":  {field: birth_date, format: auto, invalid: keep}
  "Cinsi":         {field: sex, values: {"kişi": male, "qadın": female}}
  "Kənd":          {field: place}
  "Taleyi":        {field: status, values: {"həlak olub": killed, "şəhid olub": killed, "itkin düşüb": missing, "girov götürülüb": hostage, "yaralanıb": injured}}
  "Qeyd":          {field: notes}
""",
    "ru_cyrillic": """encoding: windows-1251
delimiter: ";"
columns:
  "№":                {field: record_id}
  "ФИО":              {field: full_name, order: auto}
  "Год рождения":     {field: birth_year, invalid: keep}
  "Место жительства": {field: place}
  "Судьба":           {field: status, values: {"погиб": killed, "погибла": killed, "убит": killed, "убита": killed, "пропал без вести": missing, "пропала без вести": missing, "взят в заложники": hostage, "взята в заложники": hostage, "ранен": injured, "ранена": injured}}
  "Примечание":       {field: notes}
""",
    "en_caps": """columns:
  "NO":        {field: record_id}
  "FULL NAME": {field: full_name, order: auto}
  "AGE":       {field: age, invalid: keep}
  "SEX":       {field: sex, values: {"M": male, "F": female}}
  "VILLAGE":   {field: place}
  "STATUS":    {field: status, values: {"KILLED": killed, "MISSING": missing, "HOSTAGE": hostage, "WOUNDED": injured}}
  "DATE OF INCIDENT": {field: incident_date, format: "dd/MM/yyyy", invalid: keep}
""",
    "testimonies": """columns:
  "No":        {field: record_id}
  "Name":      {field: full_name, order: given_first}
  "Age":       {field: age, invalid: keep}
  "Village":   {field: place}
  "Fate":      {field: status, values: {"killed": killed, "missing": missing, "taken hostage": hostage, "wounded": injured}}
  "Testimony": {field: notes}
""",
    "hy_armenian": """columns:
  "Հ/Հ":             {field: record_id}
  "Ազգանուն":        {field: surname}
  "Անուն":           {field: given_name}
  "Հայրանուն":       {field: patronymic}
  "Ծննդյան տարեթիվ": {field: birth_date, format: auto, invalid: keep}
  "Սեռ":             {field: sex, values: {"արական": male, "իգական": female}}
  "Բնակավայր":       {field: place}
  "Ճակատագիր":       {field: status, values: {"զոհված": killed, "անհետ կորած": missing, "պատանդ": hostage, "վիրավոր": injured}}
""",
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--people", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--mixed-encoding", type=float, default=0.0, metavar="SHARE",
                    help="share of the Russian list's rows written in UTF-8 inside its Windows-1251 (default 0)")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    people, places = make_people(args.people, rng)
    os.makedirs(os.path.join(args.out, "lists"), exist_ok=True)
    os.makedirs(os.path.join(args.out, "mappings"), exist_ok=True)
    truth = []
    summary = {"people": len(people), "seed": args.seed, "lists": {}}
    for source, fname, header, row, enc, delim, coverage in LISTS:
        rows, covered = [], set()
        for p in people:
            c = coverage[0 if p.community == "az" else 1]
            if rng.random() < min(0.97, c * p.visibility ** 0.5):
                covered.add(p.pid)
                rows.append(p)
                if rng.random() < 0.03:
                    rows.append(p)  # listed twice (another informant, another page)
        rng.shuffle(rows)
        path = os.path.join(args.out, "lists", fname)
        mixed = 0
        with open(path, "wb") as fh:
            for i, p in enumerate([None] + rows):
                if p is None:
                    values = header
                else:
                    rid = ("T-%05d" % i) if source == "testimonies" else str(i)
                    values = row(p, rid, rng)
                    truth.append((source, rid, p.pid))
                line = io.StringIO()
                csv.writer(line, delimiter=delim, lineterminator="\r\n" if enc == "cp1251" else "\n").writerow(values)
                # rows pasted from a UTF-8 sheet into the Windows-1251 list (issue #8, class 7), when asked
                pasted = (args.mixed_encoding > 0 and enc == "cp1251" and p is not None
                          and rng.random() < args.mixed_encoding)
                mixed += pasted
                fh.write(line.getvalue().encode("utf-8" if pasted else enc))
        with open(os.path.join(args.out, "mappings", source + ".yaml"), "w", encoding="utf-8") as fh:
            fh.write(MAPPINGS[source])
        summary["lists"][source] = {"file": path, "records": len(rows), "people": len(covered),
                                    "coverage": round(len(covered) / len(people), 3)}
        if mixed:
            summary["lists"][source]["utf8_rows_pasted"] = mixed
    with open(os.path.join(args.out, "truth.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["source", "record_id", "person"])
        w.writerows(truth)
    by_place = {}
    for p in people:
        by_place[p.place] = by_place.get(p.place, 0) + 1
    mm = sum(1 for p in people if p.given[0] == "Məmməd" and p.surname[0] == "Məmmədov")
    summary.update({"records": len(truth), "places": len(places), "largest_place": max(by_place.values()),
                    "places_under_50": sum(1 for v in by_place.values() if v < 50),
                    "mammad_mammadov": mm})
    with open(os.path.join(args.out, "summary.json"), "w", encoding="utf-8") as fh:
        json.dump(summary, fh, ensure_ascii=False, indent=1)
    print(json.dumps(summary, ensure_ascii=False), file=sys.stderr)


if __name__ == "__main__":
    main()
