#!/usr/bin/env python3
"""Held-out town case for the register's figures (issue #9): one fictional town, its households,
and the lists left after an attack on it, with the true figures.

    python3 bench/heldout/make_town.py OUT_DIR [--residents 2000] [--seed 1]

Writes OUT_DIR/lists/:
  residents.csv          the town's residents before the attack, by household, with each one's relation to
                         the head (Azerbaijani words; pages copied from an older Russian book in Russian, an
                         NGO's retyped pages in English); UTF-8, Azerbaijani Latin
  killed.csv             Russian Cyrillic, Windows-1251, ';' (ФИО, year of birth, sex, date of death)
  injured.csv            ALL-CAPS English, ages instead of births
  hostages_taken.csv     English, with the date taken
  hostages_released.csv  Russian Cyrillic, UTF-8, with the date of release (or of being found alive)
  displaced_registry.csv Azerbaijani Latin: the registry of the displaced (survivors who registered), dated
  commission_missing.csv Azerbaijani Latin: a later commission's list of those still missing, and of those
                         whose remains it identified, each with its date
OUT_DIR/mappings/*.yaml (fields household, relation, status_date as issue #9 names them),
OUT_DIR/truth_figures.json and OUT_DIR/truth.csv (source,record_id,person).

truth_figures.json holds every category and subgroup of issue #9's table, computed from the
generator's own persons with the issue's definitions, over what the lists record of each person
(a perfect linkage of these lists gives exactly these figures): population = persons on the residents'
list; killed = a killed or remains-identified record; injured / hostage / released / remains_identified /
displaced = ever recorded so; missing = recorded hostage or missing, neither released nor dead;
families_destroyed = residents' households of two or more listed members all killed; orphaned = listed
under-18s not killed whose one / both parents (from the relation words: a head's son or daughter is the
child of the head and the head's spouse; a grandchild the child of the household's one son and
daughter-in-law couple) were killed. Children under 18 at the attack, elderly 60 and over, women / men
female / male and 18 or over. It also holds "events", the generator's own fates, for reference.
Names carry typing errors (2%) and the killed list lacks some years of birth. Everyone is invented;
standard library only.
"""
import argparse
import csv
import datetime as dt
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_lists as ml  # noqa: E402
import namebook as nb  # noqa: E402

ATTACK = dt.date(1993, 4, 17)
COMMISSION = dt.date(2001, 9, 1)
RELATION_WORDS = {  # relation to the head: Azerbaijani, Russian, English
    "head": ("ailə başçısı", "глава семьи", "head"),
    "wife": ("həyat yoldaşı", "жена", "wife"),
    "son": ("oğlu", "сын", "son"),
    "daughter": ("qızı", "дочь", "daughter"),
    "father": ("atası", "отец", "father"),
    "mother": ("anası", "мать", "mother"),
    "brother": ("qardaşı", "брат", "brother"),
    "sister": ("bacısı", "сестра", "sister"),
    "grandson": ("nəvəsi", "внук", "grandson"),
    "granddaughter": ("nəvəsi", "внучка", "granddaughter"),
    "daughter-in-law": ("gəlini", "невестка", "daughter-in-law"),
}


class Resident:
    def __init__(self, pid, household, relation, female, given, surname, father, birth):
        self.pid, self.household, self.relation = pid, household, relation
        self.female, self.given, self.surname, self.father, self.birth = female, given, surname, father, birth
        self.listed = True  # on the residents' list
        self.events = []  # (status, date)
        self.parents = []  # pids of parents known from relation words

    @property
    def age(self):
        b = self.birth
        return ATTACK.year - b.year - ((ATTACK.month, ATTACK.day) < (b.month, b.day))


def birth_for(age, rng):
    d = dt.date(ATTACK.year - age, rng.randint(1, 12), rng.randint(1, 28))
    return d if d < ATTACK else d.replace(year=d.year - 1)


def make_town(n, rng):
    books = ml.community_books()
    w = {c: {k: ml.zipf_weights(len(v)) for k, v in b.items()} for c, b in books.items()}
    people, hh = [], 0

    def pick(comm, kind):
        return rng.choices(books[comm][kind], w[comm][kind])[0]

    def add(household, relation, female, given, surname, father, age):
        p = Resident("T%06d" % (len(people) + 1), household, relation, female, given, surname, father,
                     birth_for(max(0, min(99, age)), rng))
        people.append(p)
        return p

    while len(people) < n:
        hh += 1
        comm = "az" if rng.random() < 0.75 else "am"
        surname = pick(comm, "surnames")
        head_female = rng.random() < 0.12
        head_age = rng.randint(24, 85)
        grandfather = pick(comm, "male")
        head = add(hh, "head", head_female, pick(comm, "female" if head_female else "male"), surname, grandfather, head_age)
        spouse = None
        if not head_female and rng.random() < 0.85:
            spouse = add(hh, "wife", True, pick(comm, "female"), surname, pick(comm, "male"),
                         head_age + rng.randint(-8, 3))
        children_father = head.given if not head_female else pick(comm, "male")
        married_son = None
        if head_age >= 48 and rng.random() < 0.3:
            son_age = head_age - rng.randint(22, 30)
            married_son = add(hh, "son", False, pick(comm, "male"), surname, children_father, son_age)
            married_son.parents = [q.pid for q in (head, spouse) if q]
            dil = add(hh, "daughter-in-law", True, pick(comm, "female"), surname, pick(comm, "male"),
                      son_age + rng.randint(-5, 2))
            for _ in range(rng.choice([0, 1, 2, 3])):
                female = rng.random() < 0.5
                g = add(hh, "granddaughter" if female else "grandson", female, pick(comm, "female" if female else "male"),
                        surname, married_son.given, max(0, min(son_age - 18, rng.randint(0, 12))))
                g.parents = [married_son.pid, dil.pid]
        for _ in range(rng.choices([0, 1, 2, 3, 4, 5], [15, 20, 25, 20, 12, 8])[0]):
            # with a married son in the house, the head's other children are daughters (one couple, one son)
            female = married_son is not None or rng.random() < 0.5
            age = head_age - rng.randint(18, 42)
            if age < 0 or (married_son and age > 40):
                continue
            c = add(hh, "daughter" if female else "son", female, pick(comm, "female" if female else "male"),
                    surname, children_father, age)
            c.parents = [q.pid for q in (head, spouse) if q]
        if rng.random() < 0.15 and head_age < 60:
            add(hh, "mother", True, pick(comm, "female"), surname, pick(comm, "male"), head_age + rng.randint(20, 35))
        if rng.random() < 0.08:
            female = rng.random() < 0.5
            add(hh, "sister" if female else "brother", female, pick(comm, "female" if female else "male"), surname,
                grandfather, head_age + rng.randint(-10, 10))
    return people, hh


def fates(people, households, rng):
    """What happened to each person (the generator's truth), household by household."""
    destroyed = {h for h in range(1, households + 1) if rng.random() < 0.02}
    parents_shot = {h for h in range(1, households + 1) if rng.random() < 0.04}  # the children hid, or were away
    for p in people:
        if p.household in destroyed or (p.household in parents_shot and p.relation in ("head", "wife")) \
                or rng.random() < 0.07:
            p.events.append(("killed", ATTACK))
            continue
        if rng.random() < 0.08:
            p.events.append(("injured", ATTACK))
        r = rng.random()
        if r < 0.12:
            p.events.append(("hostage", ATTACK))
            s = rng.random()
            if s < 0.65:
                p.events.append(("released", ATTACK + dt.timedelta(days=rng.randint(20, 950))))
            elif s < 0.77:
                p.events.append(("remains_identified", dt.date(rng.randint(1996, 2005), rng.randint(1, 12), rng.randint(1, 28))))
        elif r < 0.14:
            p.events.append(("missing", ATTACK))
            if rng.random() < 0.5:
                p.events.append(("released", ATTACK + dt.timedelta(days=rng.randint(5, 400))))


def statuses(p):
    return {s for s, _ in p.events}


def full_name_ru(p, rng):
    g, s, f = ml.given_forms(p.given), ml.surname_forms(p.surname, p.female), ml.given_forms(p.father)
    surname, given = ml.maybe_typo(rng.choice(s[1]), rng, 0.02), g[1]
    patr = (f[1] + (" кызы" if p.female else " оглы")) if ml.is_az_name(p.father) and rng.random() < 0.5 \
        else nb.ru_patronymic(f[1], p.female)
    return f"{surname} {given} {patr}" if rng.random() < 0.85 else f"{given} {surname}"


def name_en(p, rng, caps):
    g, s = ml.given_forms(p.given), ml.surname_forms(p.surname, p.female)
    name = f"{rng.choice(s[2])} {rng.choice(g[2])}" if caps else f"{rng.choice(g[2])} {rng.choice(s[2])}"
    name = ml.maybe_typo(name, rng, 0.02)
    return name.upper() if caps else name


def az_names(p, rng):
    g, s, f = ml.given_forms(p.given), ml.surname_forms(p.surname, p.female), ml.given_forms(p.father)
    return (ml.maybe_typo(rng.choice(s[0]), rng, 0.02), g[0],
            f[0] + ((" qızı" if p.female else " oğlu") if rng.random() < 0.5 else ""))


def write(path, header, rows, enc="utf-8", delim=","):
    with open(path, "w", encoding=enc, newline="") as fh:
        w = csv.writer(fh, delimiter=delim, lineterminator="\r\n" if enc == "cp1251" else "\n")
        w.writerow(header)
        w.writerows(rows)


MAPPINGS = {
    "residents": """columns:
  "Sıra №":                    {field: record_id}
  "Ailə №":                    {field: household}
  "Soyadı":                    {field: surname}
  "Adı":                       {field: given_name}
  "Atasının adı":              {field: patronymic}
  "Doğum tarixi":              {field: birth_date, format: "dd.MM.yyyy"}
  "Cinsi":                     {field: sex, values: {"kişi": male, "qadın": female}}
  "Ailə başçısına münasibəti": {field: relation}
  "Ünvan":                     {field: address}
""",
    "killed": """encoding: windows-1251
delimiter: ";"
columns:
  "№":            {field: record_id}
  "ФИО":          {field: full_name, order: auto}
  "Год рождения": {field: birth_year}
  "Пол":          {field: sex, values: {"м": male, "ж": female}}
  "Дата гибели":  {field: status_date, format: "dd.MM.yyyy"}
  "Судьба":       {field: status, values: {"погиб": killed, "погибла": killed}}
""",
    "injured": """columns:
  "NO":        {field: record_id}
  "FULL NAME": {field: full_name, order: surname_first}
  "AGE":       {field: age}
  "SEX":       {field: sex, values: {"M": male, "F": female}}
  "DATE":      {field: status_date, format: "dd/MM/yyyy"}
  "STATUS":    {field: status, values: {"WOUNDED": injured}}
""",
    "hostages_taken": """columns:
  "No":         {field: record_id}
  "Name":       {field: full_name, order: given_first}
  "Age":        {field: age}
  "Sex":        {field: sex, values: {"male": male, "female": female}}
  "Date taken": {field: status_date, format: "yyyy-MM-dd"}
  "Status":     {field: status, values: {"taken hostage": hostage}}
""",
    "hostages_released": """columns:
  "№":                  {field: record_id}
  "ФИО":                {field: full_name, order: auto}
  "Год рождения":       {field: birth_year}
  "Дата освобождения":  {field: status_date, format: "dd.MM.yyyy"}
  "Статус":             {field: status, values: {"освобожден": released, "освобождена": released, "обменян": released, "обменяна": released, "найден живым": released, "найдена живой": released}}
""",
    "commission_missing": """columns:
  "Sıra №":       {field: record_id}
  "Soyadı":       {field: surname}
  "Adı":          {field: given_name}
  "Atasının adı": {field: patronymic}
  "Doğum ili":    {field: birth_year}
  "Cinsi":        {field: sex, values: {"kişi": male, "qadın": female}}
  "Tarix":        {field: status_date, format: "dd.MM.yyyy"}
  "Taleyi":       {field: status, values: {"itkin düşüb": missing, "qalıqları tanınıb": remains_identified}}
""",
    "displaced_registry": """columns:
  "Sıra №":           {field: record_id}
  "Soyadı":           {field: surname}
  "Adı":              {field: given_name}
  "Atasının adı":     {field: patronymic}
  "Doğum ili":        {field: birth_year}
  "Statusu":          {field: status, values: {"məcburi köçkün": displaced}}
  "Qeydiyyat tarixi": {field: status_date, format: "dd.MM.yyyy"}
""",
}
KINDS = {"residents": "residents", "displaced_registry": "official", "commission_missing": "official"}


def make_lists(people, town, rng):
    out, truth = {}, []

    def keep(share, selected):
        rows = [p for p in selected if rng.random() < share]
        rng.shuffle(rows)
        return rows

    # residents: households in order; the language of the relation words goes by page (household block)
    rows = []
    listed = [p for p in people if p.listed]
    lang_of = {}
    for p in listed:
        if p.household not in lang_of:
            lang_of[p.household] = rng.choices([0, 1, 2], [65, 25, 10])[0]
        surname, given, father = az_names(p, rng)
        rid = "R%05d" % (len(rows) + 1)
        rows.append([p.household, surname, given, father, p.birth.strftime("%d.%m.%Y"), "qadın" if p.female else "kişi",
                     RELATION_WORDS[p.relation][lang_of[p.household]], f"{town} qəs., ev {p.household}", rid])
        truth.append(("residents", rid, p.pid))
    out["residents"] = (["Ailə №", "Soyadı", "Adı", "Atasının adı", "Doğum tarixi", "Cinsi",
                         "Ailə başçısına münasibəti", "Ünvan", "Sıra №"], rows, "utf-8", ",")

    def numbered(source, selected, make):
        res = []
        for i, p in enumerate(selected, 1):
            res.append([str(i)] + make(p))
            truth.append((source, str(i), p.pid))
        return res

    killed = keep(0.95, [p for p in people if "killed" in statuses(p)])
    out["killed"] = (["№", "ФИО", "Год рождения", "Пол", "Дата гибели", "Судьба"], numbered("killed", killed, lambda p: [
        full_name_ru(p, rng), str(p.birth.year) if rng.random() < 0.93 else "", "ж" if p.female else "м",
        ATTACK.strftime("%d.%m.%Y"),
        "погибла" if p.female else "погиб"]), "cp1251", ";")
    injured = keep(0.9, [p for p in people if "injured" in statuses(p)])
    out["injured"] = (["NO", "FULL NAME", "AGE", "SEX", "DATE", "STATUS"], numbered("injured", injured, lambda p: [
        name_en(p, rng, True), str(p.age), "F" if p.female else "M", ATTACK.strftime("%d/%m/%Y"), "WOUNDED"]), "utf-8", ",")
    taken = keep(0.92, [p for p in people if "hostage" in statuses(p)])
    out["hostages_taken"] = (["No", "Name", "Age", "Sex", "Date taken", "Status"], numbered("hostages_taken", taken, lambda p: [
        name_en(p, rng, False), str(p.age), "female" if p.female else "male", ATTACK.isoformat(), "taken hostage"]), "utf-8", ",")

    def released_row(p):
        date = next(d for s, d in p.events if s == "released")
        if "hostage" in statuses(p):
            word = rng.choice(["освобождена", "обменяна"] if p.female else ["освобожден", "обменян"])
        else:
            word = "найдена живой" if p.female else "найден живым"
        return [full_name_ru(p, rng), str(p.birth.year), date.strftime("%d.%m.%Y"), word]

    released = keep(0.9, [p for p in people if "released" in statuses(p)])
    out["hostages_released"] = (["№", "ФИО", "Год рождения", "Дата освобождения", "Статус"],
                                numbered("hostages_released", released, released_row), "utf-8", ",")

    def commission_row(p):
        surname, given, father = az_names(p, rng)
        ident = [d for s, d in p.events if s == "remains_identified"]
        return [surname, given, father, str(p.birth.year), "qadın" if p.female else "kişi",
                (ident[0] if ident else COMMISSION).strftime("%d.%m.%Y"), "qalıqları tanınıb" if ident else "itkin düşüb"]

    def displaced_row(p):
        surname, given, father = az_names(p, rng)
        return [surname, given, father, str(p.birth.year), "məcburi köçkün",
                (ATTACK + dt.timedelta(days=rng.randint(3, 700))).strftime("%d.%m.%Y")]

    survivors = [p for p in people if not statuses(p) & {"killed", "remains_identified"}
                 and (not statuses(p) & {"hostage", "missing"} or "released" in statuses(p))]
    registered = keep(0.6, survivors)
    out["displaced_registry"] = (["Sıra №", "Soyadı", "Adı", "Atasının adı", "Doğum ili", "Statusu", "Qeydiyyat tarixi"],
                                 numbered("displaced_registry", registered, displaced_row), "utf-8", ",")

    unresolved = [p for p in people if statuses(p) & {"hostage", "missing"} and "released" not in statuses(p)]
    commission = [p for p in unresolved if "remains_identified" in statuses(p) or rng.random() < 0.95]
    rng.shuffle(commission)
    out["commission_missing"] = (["Sıra №", "Soyadı", "Adı", "Atasının adı", "Doğum ili", "Cinsi", "Tarix", "Taleyi"],
                                 numbered("commission_missing", commission, commission_row), "utf-8", ",")
    return out, truth


RECORD_STATUS = {  # what each list records of the people on it
    "residents": set(), "killed": {"killed"}, "injured": {"injured"}, "hostages_taken": {"hostage"},
    "hostages_released": {"released"}, "displaced_registry": {"displaced"},
}


def truth_figures(people, truth, town, incident):
    by_pid = {p.pid: p for p in people}
    recorded = {p.pid: set() for p in people}
    on_residents = set()
    for source, _, pid in truth:
        if source == "residents":
            on_residents.add(pid)
        elif source == "commission_missing":
            p = by_pid[pid]
            recorded[pid].add("remains_identified" if "remains_identified" in statuses(p) else "missing")
        else:
            recorded[pid] |= RECORD_STATUS[source]
    dead = {pid for pid, s in recorded.items() if s & {"killed", "remains_identified"}}
    cats = {
        "killed": dead,
        "injured": {pid for pid, s in recorded.items() if "injured" in s},
        "hostage": {pid for pid, s in recorded.items() if "hostage" in s},
        "released": {pid for pid, s in recorded.items() if "released" in s},
        "missing": {pid for pid, s in recorded.items() if s & {"hostage", "missing"} and "released" not in s and pid not in dead},
        "remains_identified": {pid for pid, s in recorded.items() if "remains_identified" in s},
        "displaced": {pid for pid, s in recorded.items() if "displaced" in s},
    }

    def subgroups(pids):
        ps = [by_pid[x] for x in pids]
        return {"children": sum(p.age < 18 for p in ps), "women": sum(p.female and p.age >= 18 for p in ps),
                "men": sum((not p.female) and p.age >= 18 for p in ps), "elderly": sum(p.age >= 60 for p in ps)}

    figures = [{"category": "population", "subgroup": None, "count": len(on_residents)}]
    for cat in ["killed", "injured", "hostage", "released", "missing"]:
        figures.append({"category": cat, "subgroup": None, "count": len(cats[cat])})
        figures += [{"category": cat, "subgroup": k, "count": v} for k, v in subgroups(cats[cat]).items()]
    figures.append({"category": "remains_identified", "subgroup": None, "count": len(cats["remains_identified"])})
    figures.append({"category": "displaced", "subgroup": None, "count": len(cats["displaced"])})
    households = {}
    for p in people:
        if p.pid in on_residents:
            households.setdefault(p.household, []).append(p.pid)
    destroyed = [h for h, m in households.items() if len(m) >= 2 and all(x in dead for x in m)]
    figures.append({"category": "families_destroyed", "subgroup": None, "count": len(destroyed)})
    one = both = 0
    for p in people:
        if p.pid not in on_residents or p.age >= 18 or p.pid in dead:
            continue
        parents = [x for x in p.parents if x in on_residents]
        k = sum(x in dead for x in parents)
        one += k == 1
        both += k == 2
    figures.append({"category": "orphaned_one_parent", "subgroup": "children", "count": one})
    figures.append({"category": "orphaned_both_parents", "subgroup": "children", "count": both})
    events = {}
    for p in people:
        for s in statuses(p):
            events[s] = events.get(s, 0) + 1
    return {
        "incident": incident, "town": town, "date": ATTACK.isoformat(),
        "definitions": {"children": "under 18 at the incident's date", "elderly": "60 and over",
                        "women": "female, 18 and over", "men": "male, 18 and over",
                        "basis": "what the lists record of each true person (a perfect linkage gives these)"},
        "figures": figures,
        "events": {"residents": len(people), "households": len(households), **events},
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--residents", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    town = nb.place_book(2 + args.seed % 7, random.Random(1000 + args.seed))[-1]
    incident = f"Attack on {town}"
    people, households = make_town(args.residents, rng)
    fates(people, households, rng)
    for p in people:
        p.listed = rng.random() < 0.97  # a few residents the residents' list missed
    lists, truth = make_lists(people, town, rng)
    os.makedirs(os.path.join(args.out, "lists"), exist_ok=True)
    os.makedirs(os.path.join(args.out, "mappings"), exist_ok=True)
    for name, (header, rows, enc, delim) in lists.items():
        write(os.path.join(args.out, "lists", name + ".csv"), header, rows, enc, delim)
        with open(os.path.join(args.out, "mappings", name + ".yaml"), "w", encoding="utf-8") as fh:
            fh.write(MAPPINGS[name])
    with open(os.path.join(args.out, "truth.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["source", "record_id", "person"])
        w.writerows(truth)
    tf = truth_figures(people, truth, town, incident)
    with open(os.path.join(args.out, "truth_figures.json"), "w", encoding="utf-8") as fh:
        json.dump(tf, fh, ensure_ascii=False, indent=1)
    with open(os.path.join(args.out, "incident.txt"), "w", encoding="utf-8") as fh:
        fh.write(incident + "\n")
    print(json.dumps({"incident": incident, "residents": len(people), "records": len(truth),
                      "lists": {k: len(v[1]) for k, v in lists.items()}}, ensure_ascii=False), file=sys.stderr)


if __name__ == "__main__":
    main()
