"""Name book and writing systems for the held-out generators (make_lists.py, make_town.py).

Written for the held-out sets from generic name lists of the two communities (common given names
and the surnames formed from them), independently of the project's own generator and name tables.
Every person and place the generators make from it is fictional. Standard library only.

Each given name has its Azerbaijani Latin form and its conventional Russian form; Armenian names
also their Armenian-script form. The other writings (ALL-CAPS English romanisation, Azerbaijani Latin
for Armenian names, Armenian script for Azerbaijani names) are derived letter by letter, the way a
clerk writing from the Russian or the Azerbaijani form would.
"""

# (Azerbaijani Latin, Russian, short forms / nicknames in Latin, short forms in Russian)
AZ_MALE = [
    ("Məmməd", "Мамед", ["Mamish", "Məmiş"], ["Мамиш"]),
    ("Əli", "Али", [], []),
    ("Həsən", "Гасан", [], []),
    ("Hüseyn", "Гусейн", [], []),
    ("Anar", "Анар", ["Nar"], []),
    ("Rəşid", "Рашид", [], []),
    ("Cəfər", "Джафар", [], []),
    ("Kərim", "Керим", [], []),
    ("Elçin", "Эльчин", ["Elya"], []),
    ("Vüqar", "Вугар", [], []),
    ("İlham", "Ильхам", [], []),
    ("Tofiq", "Тофик", [], []),
    ("Qurban", "Гурбан", [], []),
    ("Rauf", "Рауф", [], []),
    ("Elşən", "Эльшан", [], []),
    ("Vaqif", "Вагиф", [], []),
    ("Arif", "Ариф", [], []),
    ("Səməd", "Самед", [], []),
    ("Rasim", "Расим", [], []),
    ("Zaur", "Заур", [], []),
    ("Elxan", "Эльхан", [], []),
    ("Namiq", "Намик", [], []),
    ("İsmayıl", "Исмаил", ["İsi"], []),
    ("İbrahim", "Ибрагим", [], []),
    ("Əhməd", "Ахмед", [], []),
    ("Qasım", "Гасым", [], []),
    ("Xəlil", "Халил", [], []),
    ("Nəriman", "Нариман", [], []),
    ("Yusif", "Юсиф", [], []),
    ("Aydın", "Айдын", [], []),
    ("Bəxtiyar", "Бахтияр", ["Bəxti"], []),
    ("Ramiz", "Рамиз", [], []),
    ("Vəli", "Вели", [], []),
    ("Səfər", "Сафар", [], []),
    ("Musa", "Муса", [], []),
    ("Abbas", "Аббас", [], []),
    ("Rüstəm", "Рустам", [], []),
    ("Teymur", "Теймур", [], []),
    ("Rafiq", "Рафик", [], []),
    ("Sabir", "Сабир", [], []),
    ("Ələkbər", "Алекпер", [], []),
    ("Əsgər", "Аскер", [], []),
    ("Fərhad", "Фархад", [], []),
    ("Nadir", "Надир", [], []),
]

AZ_FEMALE = [
    ("Gülnarə", "Гюльнара", ["Gyulya", "Gülya"], ["Гюля"]),
    ("Nailə", "Наиля", [], []),
    ("Aygün", "Айгюн", [], []),
    ("Səbinə", "Сабина", [], []),
    ("Leyla", "Лейла", [], []),
    ("Sevinc", "Севиндж", [], []),
    ("Zəhra", "Захра", [], []),
    ("Nərgiz", "Наргиз", [], []),
    ("Xədicə", "Хадиджа", [], []),
    ("Fatimə", "Фатима", [], []),
    ("Aynur", "Айнур", [], []),
    ("Səadət", "Саадат", [], []),
    ("Rəna", "Рена", [], []),
    ("Tamilla", "Тамилла", [], []),
    ("Solmaz", "Солмаз", [], []),
    ("Mehriban", "Мехрибан", [], []),
    ("Günay", "Гюнай", [], []),
    ("Şəhla", "Шахла", [], []),
    ("Könül", "Кёнуль", [], []),
    ("Ülviyyə", "Ульвия", [], []),
    ("Sara", "Сара", [], []),
    ("Gülşən", "Гюльшан", [], []),
    ("Zərifə", "Зарифа", [], []),
    ("Təranə", "Тарана", [], []),
    ("Xanım", "Ханым", [], []),
    ("Rəhilə", "Рахиля", [], []),
    ("Afaq", "Афаг", [], []),
    ("Elmira", "Эльмира", [], []),
    ("Mələk", "Малак", [], []),
    ("Sürəyya", "Сурея", [], []),
]

# Surnames not formed from a given name in the book (masculine; the feminine adds -a / -а).
AZ_SURNAMES = [
    ("Quliyev", "Кулиев"), ("Babayev", "Бабаев"), ("Hacıyev", "Гаджиев"), ("Bağırov", "Багиров"),
    ("Orucov", "Оруджев"), ("Nəbiyev", "Набиев"), ("Sadıqov", "Садыхов"), ("Zeynalov", "Зейналов"),
    ("Axundov", "Ахундов"), ("Mirzəyev", "Мирзоев"), ("Cavadov", "Джавадов"), ("Əsədov", "Асадов"),
    ("Bayramov", "Байрамов"), ("Hümbətov", "Гумбатов"), ("Allahverdiyev", "Аллахвердиев"),
    ("Nəsibov", "Насибов"), ("Şükürov", "Шукюров"), ("Rzayev", "Рзаев"), ("Novruzov", "Новрузов"),
    ("Talıbov", "Талыбов"), ("Məhərrəmov", "Магеррамов"), ("Salahov", "Салахов"),
]

# (Armenian Latin, Russian, Armenian script)
AM_MALE = [
    ("Hovhannes", "Ованес", "Հովհաննես"), ("Poghos", "Погос", "Պողոս"), ("Sargis", "Саркис", "Սարգիս"),
    ("Harutyun", "Арутюн", "Հարություն"), ("Ashot", "Ашот", "Աշոտ"), ("Aram", "Арам", "Արամ"),
    ("Gagik", "Гагик", "Գագիկ"), ("Vardan", "Вардан", "Վարդան"), ("Tigran", "Тигран", "Տիգրան"),
    ("Armen", "Армен", "Արմեն"), ("Karen", "Карен", "Կարեն"), ("Gurgen", "Гурген", "Գուրգեն"),
    ("Levon", "Левон", "Լևոն"), ("Samvel", "Самвел", "Սամվել"), ("Hakob", "Акоп", "Հակոբ"),
    ("Grigor", "Григор", "Գրիգոր"), ("Vahan", "Ваган", "Վահան"), ("Hayk", "Айк", "Հայկ"),
    ("Arsen", "Арсен", "Արսեն"), ("Khachatur", "Хачатур", "Խաչատուր"), ("Mkrtich", "Мкртич", "Մկրտիչ"),
    ("Suren", "Сурен", "Սուրեն"), ("Artak", "Артак", "Արտակ"), ("Vazgen", "Вазген", "Վազգեն"),
]

AM_FEMALE = [
    ("Gohar", "Гоар", "Գոհար"), ("Anahit", "Анаит", "Անահիտ"), ("Anush", "Ануш", "Անուշ"),
    ("Hasmik", "Асмик", "Հասմիկ"), ("Lusine", "Лусине", "Լուսինե"), ("Armine", "Армине", "Արմինե"),
    ("Narine", "Нарине", "Նարինե"), ("Siranush", "Сирануш", "Սիրանուշ"), ("Mariam", "Мариам", "Մարիամ"),
    ("Astghik", "Астхик", "Աստղիկ"), ("Gayane", "Гаяне", "Գայանե"), ("Karine", "Карине", "Կարինե"),
    ("Ruzanna", "Рузанна", "Ռուզաննա"), ("Nune", "Нуне", "Նունե"), ("Zaruhi", "Заруи", "Զարուհի"),
    ("Shushan", "Шушан", "Շուշան"),
]

AM_SURNAMES = [
    ("Hovhannisyan", "Оганесян", "Հովհաննիսյան"), ("Poghosyan", "Погосян", "Պողոսյան"),
    ("Sargsyan", "Саркисян", "Սարգսյան"), ("Harutyunyan", "Арутюнян", "Հարությունյան"),
    ("Grigoryan", "Григорян", "Գրիգորյան"), ("Petrosyan", "Петросян", "Պետրոսյան"),
    ("Hakobyan", "Акопян", "Հակոբյան"), ("Khachatryan", "Хачатрян", "Խաչատրյան"),
    ("Vardanyan", "Варданян", "Վարդանյան"), ("Karapetyan", "Карапетян", "Կարապետյան"),
    ("Gevorgyan", "Геворкян", "Գևորգյան"), ("Mkrtchyan", "Мкртчян", "Մկրտչյան"),
    ("Avetisyan", "Аветисян", "Ավետիսյան"), ("Martirosyan", "Мартиросян", "Մարտիրոսյան"),
    ("Hayrapetyan", "Айрапетян", "Հայրապետյան"), ("Ghazaryan", "Казарян", "Ղազարյան"),
    ("Simonyan", "Симонян", "Սիմոնյան"), ("Stepanyan", "Степанян", "Ստեփանյան"),
    ("Davtyan", "Давтян", "Դավթյան"), ("Melkonyan", "Мелконян", "Մելքոնյան"),
    ("Galstyan", "Галстян", "Գալստյան"), ("Baghdasaryan", "Багдасарян", "Բաղդասարյան"),
]

# Russian spellings an Armenian surname also takes in Russian lists (Оганесян / Ованесян).
RU_VARIANTS = {"Оганесян": ["Ованесян", "Ованисян"], "Саркисян": ["Саргсян"], "Геворкян": ["Геворгян"]}
# English spellings of the diaspora beside the Armenian-Latin one.
EN_VARIANTS = {"Hovhannisyan": ["OHANIAN", "OVANESYAN"], "Sargsyan": ["SARKISSIAN", "SARGSIAN"],
               "Poghosyan": ["POGOSIAN"]}

VOWELS_RU = set("аеёиоуыэюя")
VOWELS_AZ = set("aəeiıoöuü")

RU_TO_LATIN = {  # passport-style romanisation from Russian (Мамедов -> MAMEDOV)
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
}
AZ_TO_ASCII = {  # Azerbaijani Latin to English (Məmmədov -> MAMMADOV)
    "ə": "a", "ü": "u", "ö": "o", "ı": "i", "ş": "sh", "ç": "ch", "ğ": "gh", "c": "j", "x": "kh", "q": "g",
    "i̇": "i",
}
RU_TO_AZ = {  # how an Azerbaijani clerk writes a Russian-spelt Armenian name (Погосян -> Poqosyan)
    "а": "a", "б": "b", "в": "v", "г": "q", "д": "d", "е": "e", "ё": "yo", "ж": "j", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "x", "ц": "ts", "ч": "ç", "ш": "ş", "щ": "ş", "ъ": "", "ы": "ı", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
}
RU_TO_HY = {  # Armenian script from the Russian form (Ахмедова -> Ախմեդովա)
    "а": "ա", "б": "բ", "в": "վ", "г": "գ", "д": "դ", "е": "ե", "ё": "յո", "ж": "ժ", "з": "զ", "и": "ի",
    "й": "յ", "к": "կ", "л": "լ", "м": "մ", "н": "ն", "о": "ո", "п": "պ", "р": "ր", "с": "ս", "т": "տ",
    "у": "ու", "ф": "ֆ", "х": "խ", "ц": "ց", "ч": "չ", "ш": "շ", "щ": "շ", "ъ": "", "ы": "ը", "ь": "",
    "э": "է", "ю": "յու", "я": "յա",
}
AZ_TO_RU = {  # for invented place names written in Russian lists
    "a": "а", "b": "б", "c": "дж", "ç": "ч", "d": "д", "e": "е", "ə": "а", "f": "ф", "g": "г", "ğ": "г",
    "h": "х", "x": "х", "ı": "ы", "i": "и", "j": "ж", "k": "к", "q": "г", "l": "л", "m": "м", "n": "н",
    "o": "о", "ö": "ё", "p": "п", "r": "р", "s": "с", "ş": "ш", "t": "т", "u": "у", "ü": "ю", "v": "в",
    "y": "й", "z": "з",
}


def _letters(text, table, capitalise=True):
    out = []
    for ch in text:
        low = ch.lower()
        rep = table.get(low, low)
        out.append(rep)
    s = "".join(out)
    return s[:1].upper() + s[1:] if capitalise and s else s


def ru_to_latin(text):
    return " ".join(_letters(w, RU_TO_LATIN) for w in text.split())


def az_to_ascii(text):
    return " ".join(_letters(w.replace("İ", "i"), AZ_TO_ASCII) for w in text.split())


def ru_to_az(text):
    return " ".join(_letters(w, RU_TO_AZ) for w in text.split())


def ru_to_hy(text):
    words = []
    for w in text.split():
        s = _letters(w, RU_TO_HY, capitalise=False)
        if w[:1].lower() == "о":
            s = "օ" + s[1:]
        if w[:1].lower() == "е":
            s = "յե" + s[1:]
        words.append(s[:1].upper() + s[1:])
    return " ".join(words)


def az_to_ru(text):
    words = []
    for w in text.split():
        s = "".join(AZ_TO_RU.get(ch, ch) for ch in w.replace("İ", "i").lower())
        words.append(s[:1].upper() + s[1:])
    return " ".join(words)


def az_surname_from_given(az, ru):
    """Məmməd -> (Məmmədov, Мамедов); Əli -> (Əliyev, Алиев)."""
    az_s = az + ("yev" if az[-1].lower() in VOWELS_AZ else "ov")
    ru_s = ru + ("ев" if ru[-1].lower() in VOWELS_RU else "ов")
    return az_s, ru_s


def ru_patronymic(ru_father, female):
    """Russian-style patronymic: Ованес -> Ованесович / Ованесовна; Али -> Алиевич."""
    if ru_father[-1].lower() in VOWELS_RU:
        return ru_father + ("евна" if female else "евич")
    return ru_father + ("овна" if female else "ович")


def hy_genitive(hy_father):
    """Armenian genitive of a father's name, as an Armenian list gives it (Արամ -> Արամի)."""
    return hy_father + ("յի" if hy_father[-1] in "աեէըիոօ" else "ի")


def place_book(count, rng):
    """Invented place names (Azerbaijani Latin), from syllables; 'Nurabulun' first, the town."""
    onsets = ["n", "q", "s", "d", "t", "k", "m", "b", "z", "g", "y", "ç", "x", "h", "v", "ş"]
    vowels = ["a", "ə", "u", "o", "i", "ü", "ı", "e"]
    endings = ["bulun", "təpə", "lı", "kənd", "dərə", "yurd", "oba", "çay", "qışlaq", "bulaq", "yeri", "lar"]
    names, seen = ["Nurabulun"], {"Nurabulun"}
    while len(names) < count:
        syl = [rng.choice(onsets) + rng.choice(vowels) + rng.choice(["", "r", "l", "n", "z", "m"])
               for _ in range(rng.choice([1, 2]))]
        name = "".join(syl) + rng.choice(endings)
        name = name[:1].upper() + name[1:]
        if name not in seen and 6 <= len(name) <= 14:
            seen.add(name)
            names.append(name)
    return names
