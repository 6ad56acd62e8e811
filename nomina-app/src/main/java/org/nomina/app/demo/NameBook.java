package org.nomina.app.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Name elements for the fictional demo case, each in the spellings lists really use: Azerbaijani
 * Latin, Russian Cyrillic, and the English transliterations found in press and NGO lists. Combined at
 * random into people who never existed. Villages are invented.
 */
final class NameBook {

    /** One name element: its Azerbaijani, Russian and English spellings (the first English one is standard). */
    record Spelling(String az, String ru, List<String> en) {
        Spelling(String az, String ru, String... en) {
            this(az, ru, List.of(en));
        }
    }

    /** The common surnames, then those formed from the other given names (see {@link #derivedSurnames}). */
    static final List<Spelling> SURNAMES;

    private static final List<Spelling> COMMON_SURNAMES = List.of(
            new Spelling("Məmmədov", "Мамедов", "Mammadov", "Mamedov"),
            new Spelling("Əliyev", "Алиев", "Aliyev", "Aliev"),
            new Spelling("Hüseynov", "Гусейнов", "Huseynov", "Guseynov", "Huseinov"),
            new Spelling("Həsənov", "Гасанов", "Hasanov", "Gasanov"),
            new Spelling("Quliyev", "Кулиев", "Guliyev", "Kuliev"),
            new Spelling("İsmayılov", "Исмаилов", "Ismayilov", "Ismailov"),
            new Spelling("Rəhimov", "Рагимов", "Rahimov", "Ragimov"),
            new Spelling("Kərimov", "Керимов", "Karimov", "Kerimov"),
            new Spelling("Səfərov", "Сафаров", "Safarov"),
            new Spelling("Cəfərov", "Джафаров", "Jafarov", "Dzhafarov"),
            new Spelling("Abbasov", "Аббасов", "Abbasov"),
            new Spelling("Qasımov", "Касумов", "Gasimov", "Kasumov"),
            new Spelling("Musayev", "Мусаев", "Musayev", "Musaev"),
            new Spelling("İbrahimov", "Ибрагимов", "Ibrahimov", "Ibragimov"),
            new Spelling("Vəliyev", "Велиев", "Valiyev", "Veliev"),
            new Spelling("Heydərov", "Гейдаров", "Heydarov", "Geydarov"),
            new Spelling("Nəbiyev", "Набиев", "Nabiyev", "Nabiev"),
            new Spelling("Bağırov", "Багиров", "Baghirov", "Bagirov"),
            new Spelling("Orucov", "Оруджев", "Orujov", "Orudzhev"),
            new Spelling("Süleymanov", "Сулейманов", "Suleymanov"),
            new Spelling("Zeynalov", "Зейналов", "Zeynalov"),
            new Spelling("Mirzəyev", "Мирзоев", "Mirzayev", "Mirzoev"),
            new Spelling("Paşayev", "Пашаев", "Pashayev", "Pashaev"),
            new Spelling("Şükürov", "Шукюров", "Shukurov"),
            new Spelling("Qurbanov", "Курбанов", "Gurbanov", "Kurbanov"),
            new Spelling("Nəcəfov", "Наджафов", "Najafov", "Nadzhafov"),
            new Spelling("Tağıyev", "Тагиев", "Taghiyev", "Tagiev"),
            new Spelling("Əsədov", "Асадов", "Asadov"),
            new Spelling("Novruzov", "Новрузов", "Novruzov"),
            new Spelling("Yusifov", "Юсифов", "Yusifov", "Yusufov"));

    static final List<Spelling> MALE = List.of(
            new Spelling("Əli", "Али", "Ali"), new Spelling("Məmməd", "Мамед", "Mammad", "Mamed"),
            new Spelling("Hüseyn", "Гусейн", "Huseyn", "Guseyn"), new Spelling("Həsən", "Гасан", "Hasan", "Gasan"),
            new Spelling("Vüqar", "Вугар", "Vugar"), new Spelling("Elçin", "Эльчин", "Elchin"), new Spelling("Rauf", "Рауф", "Rauf"),
            new Spelling("Tofiq", "Тофик", "Tofig", "Tofik"), new Spelling("Elşən", "Эльшан", "Elshan"),
            new Spelling("Kamran", "Камран", "Kamran"), new Spelling("Ramiz", "Рамиз", "Ramiz"), new Spelling("Zaur", "Заур", "Zaur"),
            new Spelling("Rövşən", "Ровшан", "Rovshan"), new Spelling("Şahin", "Шахин", "Shahin"),
            new Spelling("Natiq", "Натик", "Natig", "Natik"), new Spelling("İlqar", "Ильгар", "Ilgar"),
            new Spelling("Fikrət", "Фикрет", "Fikrat", "Fikret"), new Spelling("Əziz", "Азиз", "Aziz"),
            new Spelling("Yusif", "Юсиф", "Yusif"), new Spelling("Qələndər", "Каландар", "Galandar"),
            new Spelling("Nizami", "Низами", "Nizami"), new Spelling("Sabir", "Сабир", "Sabir"), new Spelling("Tahir", "Тахир", "Tahir"),
            new Spelling("Rafiq", "Рафик", "Rafig", "Rafik"), new Spelling("Cavid", "Джавид", "Javid"),
            new Spelling("Səməd", "Самед", "Samad", "Samed"), new Spelling("Bəhram", "Бахрам", "Bahram"),
            new Spelling("Oqtay", "Октай", "Ogtay", "Oktay"), new Spelling("Vaqif", "Вагиф", "Vagif"), new Spelling("Emin", "Эмин", "Emin"),
            // Less common names: the first thirty are the frequent ones (the generator draws with a skew).
            new Spelling("Rəşid", "Рашид", "Rashid"), new Spelling("Elnur", "Эльнур", "Elnur"), new Spelling("Anar", "Анар", "Anar"),
            new Spelling("Namiq", "Намик", "Namig", "Namik"), new Spelling("Mübariz", "Мубариз", "Mubariz"),
            new Spelling("Arif", "Ариф", "Arif"), new Spelling("Vidadi", "Видади", "Vidadi"), new Spelling("Xəlil", "Халил", "Khalil", "Halil"),
            new Spelling("İsmayıl", "Исмаил", "Ismayil", "Ismail"), new Spelling("İbrahim", "Ибрагим", "Ibrahim", "Ibragim"),
            new Spelling("Musa", "Муса", "Musa"), new Spelling("Nəbi", "Наби", "Nabi"), new Spelling("Vəli", "Вели", "Vali", "Veli"),
            new Spelling("Qasım", "Касум", "Gasim", "Kasum"), new Spelling("Abbas", "Аббас", "Abbas"),
            new Spelling("Cəfər", "Джафар", "Jafar", "Dzhafar"), new Spelling("Rəhim", "Рагим", "Rahim", "Ragim"),
            new Spelling("Kərim", "Керим", "Karim", "Kerim"), new Spelling("Səfər", "Сафар", "Safar"),
            new Spelling("Heydər", "Гейдар", "Heydar", "Geydar"), new Spelling("Bağır", "Багир", "Baghir", "Bagir"),
            new Spelling("Oruc", "Орудж", "Oruj", "Orudzh"), new Spelling("Süleyman", "Сулейман", "Suleyman"),
            new Spelling("Zeynal", "Зейнал", "Zeynal"), new Spelling("Mirzə", "Мирза", "Mirza"), new Spelling("Paşa", "Паша", "Pasha"),
            new Spelling("Şükür", "Шукюр", "Shukur"), new Spelling("Qurban", "Курбан", "Gurban", "Kurban"),
            new Spelling("Nəcəf", "Наджаф", "Najaf"), new Spelling("Tağı", "Таги", "Taghi", "Tagi"), new Spelling("Əsəd", "Асад", "Asad"),
            new Spelling("Novruz", "Новруз", "Novruz"), new Spelling("Ələkbər", "Алекпер", "Alakbar", "Alekper"),
            new Spelling("Fərhad", "Фархад", "Farhad"), new Spelling("Elxan", "Эльхан", "Elkhan"), new Spelling("Ceyhun", "Джейхун", "Jeyhun"),
            new Spelling("Eldar", "Эльдар", "Eldar"), new Spelling("Hikmət", "Хикмет", "Hikmat", "Hikmet"),
            new Spelling("Mehman", "Мехман", "Mehman"), new Spelling("Nazim", "Назим", "Nazim"), new Spelling("Rasim", "Расим", "Rasim"),
            new Spelling("Sahib", "Сахиб", "Sahib"), new Spelling("Teymur", "Теймур", "Teymur"), new Spelling("Ülvi", "Ульви", "Ulvi"),
            new Spelling("Yaşar", "Яшар", "Yashar"), new Spelling("Zakir", "Закир", "Zakir"), new Spelling("Şamil", "Шамиль", "Shamil"),
            new Spelling("Adil", "Адиль", "Adil"), new Spelling("Bəxtiyar", "Бахтияр", "Bakhtiyar"), new Spelling("Cəlal", "Джалал", "Jalal"),
            new Spelling("Eyvaz", "Эйваз", "Eyvaz"), new Spelling("Fuad", "Фуад", "Fuad"), new Spelling("İlham", "Ильхам", "Ilham"),
            new Spelling("Kamil", "Камиль", "Kamil"), new Spelling("Lətif", "Латиф", "Latif"), new Spelling("Nadir", "Надир", "Nadir"),
            new Spelling("Pərviz", "Парвиз", "Parviz"), new Spelling("Rüstəm", "Рустам", "Rustam"), new Spelling("Sənan", "Санан", "Sanan"),
            new Spelling("Telman", "Тельман", "Telman"), new Spelling("Vahid", "Вахид", "Vahid"), new Spelling("Xanlar", "Ханлар", "Khanlar"),
            new Spelling("Yunis", "Юнис", "Yunis"), new Spelling("Zahid", "Захид", "Zahid"), new Spelling("Akif", "Акиф", "Akif"),
            new Spelling("Bəşir", "Башир", "Bashir"), new Spelling("Dilavər", "Дилявер", "Dilavar"), new Spelling("Əmir", "Амир", "Amir"),
            new Spelling("Hafiz", "Хафиз", "Hafiz"), new Spelling("İlyas", "Ильяс", "Ilyas"), new Spelling("Mais", "Маис", "Mais"),
            new Spelling("Nurlan", "Нурлан", "Nurlan"), new Spelling("Ramil", "Рамиль", "Ramil"), new Spelling("Salman", "Салман", "Salman"),
            new Spelling("Tural", "Турал", "Tural"), new Spelling("Vüsal", "Вюсал", "Vusal"), new Spelling("Yaqub", "Якуб", "Yagub", "Yakub"),
            new Spelling("Ziya", "Зия", "Ziya"), new Spelling("Bayram", "Байрам", "Bayram"), new Spelling("Fazil", "Фазиль", "Fazil"));

    static final List<Spelling> FEMALE = List.of(
            new Spelling("Aygün", "Айгюн", "Aygun"), new Spelling("Səbinə", "Сабина", "Sabina"),
            new Spelling("Gülnarə", "Гюльнара", "Gulnara"), new Spelling("Nərmin", "Нармин", "Narmin"),
            new Spelling("Könül", "Кёнуль", "Konul"), new Spelling("Sevinc", "Севиндж", "Sevinj"),
            new Spelling("Leyla", "Лейла", "Leyla", "Leila"), new Spelling("Aynur", "Айнур", "Aynur"),
            new Spelling("Zəhra", "Захра", "Zahra"), new Spelling("Fatimə", "Фатима", "Fatima"),
            new Spelling("Səadət", "Саадат", "Saadat"), new Spelling("Xədicə", "Хадиджа", "Khadija", "Hadija"),
            new Spelling("Nigar", "Нигяр", "Nigar"), new Spelling("Şəfəq", "Шафаг", "Shafag"),
            new Spelling("Tamilla", "Тамилла", "Tamilla"), new Spelling("Rəna", "Рена", "Rena"),
            new Spelling("Zərifə", "Зарифа", "Zarifa"), new Spelling("Ülviyyə", "Ульвия", "Ulviyya"),
            new Spelling("Mehriban", "Мехрибан", "Mehriban"), new Spelling("Həcər", "Хаджар", "Hajar"),
            new Spelling("Gülşən", "Гюльшан", "Gulshan"), new Spelling("Lalə", "Лала", "Lala"),
            new Spelling("Arzu", "Арзу", "Arzu"), new Spelling("Nuranə", "Нурана", "Nurana"), new Spelling("Samirə", "Самира", "Samira"),
            new Spelling("Afaq", "Афаг", "Afag"), new Spelling("Bənövşə", "Бановша", "Banovsha"), new Spelling("Çiçək", "Чичек", "Chichak"),
            new Spelling("Dilarə", "Диляра", "Dilara"), new Spelling("Elmira", "Эльмира", "Elmira"), new Spelling("Fəridə", "Фарида", "Farida"),
            new Spelling("Gülər", "Гюляр", "Gular"), new Spelling("Həqiqət", "Хагигат", "Hagigat"), new Spelling("İradə", "Ирада", "Irada"),
            new Spelling("Jalə", "Жала", "Jala"), new Spelling("Kəmalə", "Камала", "Kamala"), new Spelling("Lamiyə", "Ламия", "Lamiya"),
            new Spelling("Mələk", "Малак", "Malak"), new Spelling("Nailə", "Наиля", "Naila"), new Spelling("Pərvanə", "Парвана", "Parvana"),
            new Spelling("Rəhilə", "Рахиля", "Rahila"), new Spelling("Sürəyya", "Сурайя", "Surayya"), new Spelling("Təranə", "Тарана", "Tarana"),
            new Spelling("Ulduz", "Улдуз", "Ulduz"), new Spelling("Vəfa", "Вафа", "Vafa"), new Spelling("Xatirə", "Хатира", "Khatira"),
            new Spelling("Yeganə", "Егана", "Yegana"), new Spelling("Zemfira", "Земфира", "Zemfira"), new Spelling("Aidə", "Аида", "Aida"),
            new Spelling("Bahar", "Бахар", "Bahar"), new Spelling("Dünya", "Дунья", "Dunya"), new Spelling("Esmira", "Эсмира", "Esmira"),
            new Spelling("Flora", "Флора", "Flora"), new Spelling("Gülnar", "Гюльнар", "Gulnar"), new Spelling("Hökumə", "Хокума", "Hokuma"),
            new Spelling("İlahə", "Илаха", "Ilaha"), new Spelling("Kifayət", "Кифаят", "Kifayat"), new Spelling("Lətafət", "Латафат", "Latafat"),
            new Spelling("Mətanət", "Матанат", "Matanat"), new Spelling("Nazilə", "Назиля", "Nazila"),
            new Spelling("Rəxşəndə", "Рахшанда", "Rakhshanda"), new Spelling("Sədaqət", "Садагат", "Sadagat"),
            new Spelling("Tünzalə", "Тунзаля", "Tunzala"), new Spelling("Validə", "Валида", "Valida"), new Spelling("Zümrüd", "Зумруд", "Zumrud"),
            new Spelling("Şəhla", "Шахла", "Shahla"), new Spelling("Nərgiz", "Наргиз", "Nargiz"), new Spelling("Məleykə", "Малейка", "Maleyka"),
            new Spelling("Aysel", "Айсель", "Aysel"), new Spelling("Günay", "Гюнай", "Gunay"));

    static {
        List<Spelling> all = new ArrayList<>(COMMON_SURNAMES);
        all.addAll(derivedSurnames(COMMON_SURNAMES));
        SURNAMES = List.copyOf(all);
    }

    /**
     * Surnames formed from the male names the way most Azerbaijani surnames were formed (Rəşid → Rəşidov,
     * Musa → Musayev; Рашидов, Мусаев; Rashidov, Musayev/Musaev), skipping those already among the common.
     */
    private static List<Spelling> derivedSurnames(List<Spelling> common) {
        Set<String> known = new HashSet<>();
        common.forEach(c -> known.add(c.az()));
        List<Spelling> out = new ArrayList<>();
        for (Spelling m : MALE) {
            boolean vowel = "aeiouəıüöAEIOU".indexOf(m.az().charAt(m.az().length() - 1)) >= 0;
            String az = m.az() + (vowel ? "yev" : "ov");
            if (!known.add(az)) {
                continue;
            }
            String ru = m.ru().endsWith("ь") ? m.ru().substring(0, m.ru().length() - 1) + "ов"
                    : m.ru() + ("аеиоуыэюя".indexOf(m.ru().charAt(m.ru().length() - 1)) >= 0 ? "ев" : "ов");
            List<String> en = new ArrayList<>();
            for (String e : m.en()) {
                en.add(e + (vowel ? "yev" : "ov"));
            }
            if (vowel) {
                en.add(m.en().get(0) + "ev");
            }
            out.add(new Spelling(az, ru, List.copyOf(en)));
        }
        return out;
    }

    /** Invented villages of the fictional district of Nomkənd. */
    static final List<Spelling> VILLAGES = List.of(
            new Spelling("Nomkənd", "Номкенд", "Nomkend"), new Spelling("Yeni Nomkənd", "Ени Номкенд", "Yeni Nomkend"),
            new Spelling("Verəsli", "Вересли", "Verasli"), new Spelling("Talışbəyli", "Талышбейли", "Talishbeyli"),
            new Spelling("Gözəltəpə", "Гёзельтепе", "Gozaltapa"), new Spelling("Armudlu-Nom", "Армудлу-Ном", "Armudlu-Nom"));

    private static final Spelling[] VILLAGE_ROOTS = {
        new Spelling("Qara", "Кара", "Gara"), new Spelling("Ağ", "Ах", "Agh", "Ag"), new Spelling("Daş", "Даш", "Dash"),
        new Spelling("Göy", "Гёй", "Goy"), new Spelling("Sarı", "Сары", "Sari"), new Spelling("Qızıl", "Кызыл", "Gizil", "Kyzyl"),
        new Spelling("Bəy", "Бей", "Bay", "Bey"), new Spelling("Yal", "Ял", "Yal"), new Spelling("Çay", "Чай", "Chay"),
        new Spelling("Nom", "Ном", "Nom"), new Spelling("Ver", "Вер", "Ver"), new Spelling("Tal", "Тал", "Tal"),
        new Spelling("Alma", "Алма", "Alma"), new Spelling("Söyüd", "Сёюд", "Soyud"), new Spelling("Armud", "Армуд", "Armud"),
        new Spelling("Çinar", "Чинар", "Chinar")};
    private static final Spelling[] VILLAGE_ENDINGS = {
        new Spelling("kənd", "кенд", "kend", "kand"), new Spelling("lı", "лы", "li", "ly"), new Spelling("bulaq", "булаг", "bulag", "bulak"),
        new Spelling("təpə", "тепе", "tapa", "tepe"), new Spelling("dərə", "дере", "dara", "dere"), new Spelling("oba", "оба", "oba"),
        new Spelling("düz", "дюз", "duz"), new Spelling("yurd", "юрд", "yurd")};
    private static final Spelling[] VILLAGE_PREFIXES = {
        new Spelling("", "", ""), new Spelling("Yuxarı ", "Юхары ", "Yukhari ", "Yuxari "), new Spelling("Aşağı ", "Ашагы ", "Ashagi "),
        new Spelling("Yeni ", "Ени ", "Yeni "), new Spelling("Köhnə ", "Кёхне ", "Kohna ")};

    /**
     * The district's villages: the six of the demo, then invented ones composed of a root, an ending and
     * sometimes a prefix (Qarabulaq, Yuxarı Daşkənd …) so that a large population lives in many places of a
     * plausible size rather than in six towns of a hundred thousand. Each part carries its spellings.
     */
    static List<Spelling> villages(int count) {
        List<Spelling> out = new ArrayList<>(VILLAGES);
        Set<String> seen = new HashSet<>();
        VILLAGES.forEach(v -> seen.add(v.az()));
        for (Spelling prefix : VILLAGE_PREFIXES) {
            for (Spelling ending : VILLAGE_ENDINGS) {
                for (Spelling root : VILLAGE_ROOTS) {
                    if (out.size() >= count) {
                        return List.copyOf(out);
                    }
                    String az = prefix.az() + root.az() + ending.az();
                    if (!seen.add(az)) {
                        continue;
                    }
                    List<String> en = new ArrayList<>();
                    for (String r : root.en()) {
                        en.add(prefix.en().get(0) + r + ending.en().get(0));
                    }
                    en.add(prefix.en().get(prefix.en().size() - 1) + root.en().get(0) + ending.en().get(ending.en().size() - 1));
                    out.add(new Spelling(az, prefix.ru() + root.ru() + ending.ru(), List.copyOf(new java.util.LinkedHashSet<>(en))));
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * A name as both communities' lists write it: in Latin with diacritics (Azerbaijani spelling), in
     * Russian (often several ways: Оганесян / Ованесян), in English romanisations, and in Armenian script.
     */
    record Forms(String latin, List<String> ru, List<String> en, String hy) {
        Forms {
            ru = List.copyOf(ru);
            en = List.copyOf(en);
        }
    }

    // Declared before the tables below, whose initialisers use it.
    private static final String[][] RUSSIAN_TO_AZERBAIJANI = {
        {"дж", "c"}, {"а", "a"}, {"б", "b"}, {"в", "v"}, {"г", "q"}, {"д", "d"}, {"е", "e"}, {"ё", "yo"}, {"ж", "j"}, {"з", "z"},
        {"и", "i"}, {"й", "y"}, {"к", "k"}, {"л", "l"}, {"м", "m"}, {"н", "n"}, {"о", "o"}, {"п", "p"}, {"р", "r"}, {"с", "s"},
        {"т", "t"}, {"у", "u"}, {"ф", "f"}, {"х", "x"}, {"ц", "ts"}, {"ч", "ç"}, {"ш", "ş"}, {"щ", "şç"}, {"ъ", ""}, {"ы", "ı"},
        {"ь", ""}, {"э", "e"}, {"ю", "yu"}, {"я", "ya"}};

    /** An Armenian name: its Russian spellings, English romanisations ("|"-separated) and Armenian script. */
    private static Forms armenianName(String ru, String en, String hy) {
        List<String> ruForms = List.of(ru.split("\\|"));
        return new Forms(azerbaijaniFromRussian(ruForms.get(0)), ruForms, List.of(en.split("\\|")), hy);
    }

    static final List<Forms> ARMENIAN_SURNAMES = List.of(
            armenianName("Оганесян|Ованесян|Оганисян", "Hovhannisyan|Ohanian|Oganesyan|Ovanesyan", "Հովհաննիսյան"),
            armenianName("Саргсян|Саркисян", "Sargsyan|Sargsian|Sarkisian|Sarkisyan", "Սարգսյան"),
            armenianName("Петросян", "Petrosyan|Petrosian", "Պետրոսյան"),
            armenianName("Григорян", "Grigoryan|Grigorian", "Գրիգորյան"),
            armenianName("Арутюнян", "Harutyunyan|Arutyunyan|Harutiunian", "Հարությունյան"),
            armenianName("Хачатрян", "Khachatryan|Khachatrian", "Խաչատրյան"),
            armenianName("Акопян|Акобян", "Hakobyan|Akopyan|Hakobian", "Հակոբյան"),
            armenianName("Карапетян", "Karapetyan|Karapetian", "Կարապետյան"),
            armenianName("Геворкян|Геворгян", "Gevorgyan|Gevorkian|Gevorkyan", "Գևորգյան"),
            armenianName("Погосян", "Poghosyan|Pogosyan|Poghosian", "Պողոսյան"),
            armenianName("Аветисян", "Avetisyan|Avetisian", "Ավետիսյան"),
            armenianName("Мартиросян", "Martirosyan|Martirosian", "Մարտիրոսյան"),
            armenianName("Казарян|Газарян", "Ghazaryan|Kazaryan|Ghazarian", "Ղազարյան"),
            armenianName("Варданян", "Vardanyan|Vardanian", "Վարդանյան"),
            armenianName("Мкртчян", "Mkrtchyan|Mkrtchian", "Մկրտչյան"),
            armenianName("Бабаян", "Babayan", "Բաբայան"),
            armenianName("Симонян", "Simonyan|Simonian", "Սիմոնյան"),
            armenianName("Даниелян", "Danielyan|Danielian", "Դանիելյան"),
            armenianName("Амбарцумян", "Hambardzumyan|Ambartsumyan|Hambartsumian", "Համբարձումյան"),
            armenianName("Асланян", "Aslanyan|Aslanian", "Ասլանյան"),
            armenianName("Мелконян", "Melkonyan|Melkonian", "Մելքոնյան"),
            armenianName("Саакян", "Sahakyan|Saakyan|Sahakian", "Սահակյան"),
            armenianName("Манукян", "Manukyan|Manukian", "Մանուկյան"),
            armenianName("Оганян", "Ohanyan|Oganyan|Ohanian", "Օհանյան"),
            armenianName("Багдасарян", "Baghdasaryan|Bagdasaryan|Baghdasarian", "Բաղդասարյան"));

    static final List<Forms> ARMENIAN_MALE = List.of(
            armenianName("Ованес|Оганес", "Hovhannes|Ovanes|Oganes|Hovannes", "Հովհաննես"),
            armenianName("Погос", "Poghos|Pogos", "Պողոս"), armenianName("Саркис", "Sargis|Sarkis", "Սարգիս"),
            armenianName("Арутюн", "Harutyun|Arutyun", "Հարություն"), armenianName("Арам", "Aram", "Արամ"),
            armenianName("Армен", "Armen", "Արմեն"), armenianName("Ашот", "Ashot", "Աշոտ"), armenianName("Вардан", "Vardan", "Վարդան"),
            armenianName("Григор", "Grigor", "Գրիգոր"), armenianName("Акоп", "Hakob|Akop", "Հակոբ"),
            armenianName("Карапет", "Karapet", "Կարապետ"), armenianName("Геворк|Геворг", "Gevorg|Gevork", "Գևորգ"),
            armenianName("Левон", "Levon", "Լևոն"), armenianName("Тигран", "Tigran", "Տիգրան"), armenianName("Сурен", "Suren", "Սուրեն"),
            armenianName("Самвел", "Samvel", "Սամվել"), armenianName("Артур", "Artur", "Արթուր"),
            armenianName("Хачатур", "Khachatur", "Խաչատուր"), armenianName("Мкртич", "Mkrtich", "Մկրտիչ"),
            armenianName("Вазген", "Vazgen", "Վազգեն"), armenianName("Казар", "Ghazar|Kazar", "Ղազար"),
            armenianName("Петрос", "Petros", "Պետրոս"), armenianName("Мартирос", "Martiros", "Մարտիրոս"),
            armenianName("Аветис", "Avetis", "Ավետիս"), armenianName("Саак", "Sahak|Saak", "Սահակ"));

    static final List<Forms> ARMENIAN_FEMALE = List.of(
            armenianName("Гоар", "Gohar|Goar", "Գոհար"), armenianName("Анаит", "Anahit|Anait", "Անահիտ"),
            armenianName("Армине", "Armine", "Արմինե"), armenianName("Лусине", "Lusine", "Լուսինե"),
            armenianName("Асмик", "Hasmik|Asmik", "Հասմիկ"), armenianName("Карине", "Karine", "Կարինե"),
            armenianName("Сирануш", "Siranush", "Սիրանուշ"), armenianName("Нуне", "Nune", "Նունե"),
            armenianName("Марине", "Marine", "Մարինե"), armenianName("Гаяне", "Gayane", "Գայանե"), armenianName("Ани", "Ani", "Անի"),
            armenianName("Лилит", "Lilit", "Լիլիթ"), armenianName("Нарине", "Narine", "Նարինե"),
            armenianName("Рипсиме", "Hripsime|Ripsime", "Հռիփսիմե"), armenianName("Астхик", "Astghik|Astkhik", "Աստղիկ"),
            armenianName("Сусанна", "Susanna", "Սուսաննա"), armenianName("Арпине", "Arpine", "Արփինե"),
            armenianName("Эрмине", "Hermine|Ermine", "Հերմինե"));

    /**
     * Short forms and nicknames lists use instead of the full given name (Gyulya for Gülnarə, Mamish for
     * Məmməd), keyed by the full name's Latin (or, for Armenian names, first English) spelling.
     */
    static final Map<String, Forms> NICKNAMES = Map.ofEntries(
            Map.entry("Məmməd", new Forms("Məmiş", List.of("Мамиш"), List.of("Mamish"), "")),
            Map.entry("Gülnarə", new Forms("Gülya", List.of("Гюля"), List.of("Gyulya", "Gulya"), "")),
            Map.entry("Anar", new Forms("Nar", List.of("Нар"), List.of("Nar"), "")),
            Map.entry("Leyla", new Forms("Lələ", List.of("Леля"), List.of("Lelya"), "")),
            Map.entry("İbrahim", new Forms("İbo", List.of("Ибо"), List.of("Ibo"), "")),
            Map.entry("Ələkbər", new Forms("Alik", List.of("Алик"), List.of("Alik"), "")),
            Map.entry("Hovhannes", new Forms("Ovik", List.of("Овик"), List.of("Ovik"), "Օվիկ")),
            Map.entry("Karapet", new Forms("Karo", List.of("Каро"), List.of("Karo"), "Կարո")),
            Map.entry("Sargis", new Forms("Sako", List.of("Сако"), List.of("Sako"), "Սակո")),
            Map.entry("Grigor", new Forms("Qrişa", List.of("Гриша"), List.of("Grisha"), "Գրիշա")),
            Map.entry("Harutyun", new Forms("Arto", List.of("Арто"), List.of("Arto"), "Արտո")),
            Map.entry("Gevorg", new Forms("Gevo", List.of("Гево"), List.of("Gevo"), "Գևո")),
            Map.entry("Anahit", new Forms("Ano", List.of("Ано"), List.of("Ano"), "Անո")));

    /** An Azerbaijani name in {@link Forms}: its Russian spelling, English ones, and Armenian script from English. */
    static Forms forms(Spelling s) {
        return new Forms(s.az(), List.of(s.ru()), s.en(), armenianScript(s.en().get(0)));
    }

    /** A village's forms: {@link #forms}, with the Russian also as a clerk writes it letter by letter from the Latin. */
    static Forms villageForms(Spelling s) {
        Forms forms = forms(s);
        String letters = letterByLetter(s.ru());
        return letters.equals(s.ru()) ? forms : new Forms(forms.latin(), List.of(s.ru(), letters), forms.en(), forms.hy());
    }

    /**
     * A Russian spelling as a clerk writes it letter by letter from the Latin y + u, y + a, y + e: й + у for ю, й + а
     * for я, й + е for е at the start of a word or after a vowel (Söyüd: Сёюд, Сёйуд; Yal: Ял, Йал; Yeni: Ени, Йени),
     * which Russian-Latin/BGN romanises with a middle dot or a doubled y (Syoy·ud, Yyeni). After a consonant these
     * letters stand for ü, a softened a and e, not for y.
     */
    static String letterByLetter(String ru) {
        StringBuilder out = new StringBuilder(ru.length() + 4);
        for (int i = 0; i < ru.length(); i++) {
            char c = ru.charAt(i);
            char lower = Character.toLowerCase(c);
            boolean afterVowel = i == 0 || !Character.isLetter(ru.charAt(i - 1))
                    || "аеёиоуыэюя".indexOf(Character.toLowerCase(ru.charAt(i - 1))) >= 0;
            if ((lower == 'ю' || lower == 'я' || lower == 'е') && afterVowel) {
                out.append(Character.isUpperCase(c) ? 'Й' : 'й').append(lower == 'ю' ? 'у' : lower == 'я' ? 'а' : 'е');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** How an Azerbaijani clerk writes a Russian spelling in Latin (Оганесян → Oqanesyan). */
    static String azerbaijaniFromRussian(String ru) {
        String s = ru.toLowerCase(java.util.Locale.ROOT);
        for (String[] pair : RUSSIAN_TO_AZERBAIJANI) {
            s = s.replace(pair[0], pair[1]);
        }
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static final String[][] LATIN_DIGRAPHS_TO_ARMENIAN = {
        {"kh", "խ"}, {"Kh", "Խ"}, {"sh", "շ"}, {"Sh", "Շ"}, {"ch", "չ"}, {"Ch", "Չ"}, {"zh", "ժ"}, {"Zh", "Ժ"}, {"gh", "ղ"},
        {"Gh", "Ղ"}, {"ts", "ց"}, {"j", "ջ"}, {"J", "Ջ"}};
    private static final com.ibm.icu.text.Transliterator LATIN_TO_ARMENIAN = com.ibm.icu.text.Transliterator.getInstance("Latin-Armenian");
    private static final Map<String, String> ARMENIAN_CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * An English romanisation in Armenian script, as an Armenian clerk writes a foreign name (Akhmedova →
     * Ախմեդովա): digraphs and j first (ICU's Latin-Armenian reads "kh" as two letters and "j" as Ձ), then ICU.
     */
    static String armenianScript(String en) {
        return ARMENIAN_CACHE.computeIfAbsent(en, e -> {
            String s = e;
            for (String[] digraph : LATIN_DIGRAPHS_TO_ARMENIAN) {
                s = s.replace(digraph[0], digraph[1]);
            }
            synchronized (LATIN_TO_ARMENIAN) {
                return LATIN_TO_ARMENIAN.transliterate(s);
            }
        });
    }

    private NameBook() {
    }
}
