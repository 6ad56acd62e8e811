package org.nomina.app.demo;

import java.util.List;

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

    static final List<Spelling> SURNAMES = List.of(
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
            new Spelling("Oqtay", "Октай", "Ogtay", "Oktay"), new Spelling("Vaqif", "Вагиф", "Vagif"), new Spelling("Emin", "Эмин", "Emin"));

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
            new Spelling("Arzu", "Арзу", "Arzu"), new Spelling("Nuranə", "Нурана", "Nurana"), new Spelling("Samirə", "Самира", "Samira"));

    /** Invented villages of the fictional district of Nomkənd. */
    static final List<Spelling> VILLAGES = List.of(
            new Spelling("Nomkənd", "Номкенд", "Nomkend"), new Spelling("Yeni Nomkənd", "Ени Номкенд", "Yeni Nomkend"),
            new Spelling("Verəsli", "Вересли", "Verasli"), new Spelling("Talışbəyli", "Талышбейли", "Talishbeyli"),
            new Spelling("Gözəltəpə", "Гёзельтепе", "Gozaltapa"), new Spelling("Armudlu-Nom", "Армудлу-Ном", "Armudlu-Nom"));

    private NameBook() {
    }
}
