package app.stempel.data;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import app.stempel.search.SearchText;
import java.util.HashMap;

/**
 * Believable people for a café in Poland with Norwegian, Russian and English-speaking customers: real
 * first and last names with their diacritics and Cyrillic, feminine surname forms where Polish and
 * Russian have them (Kowalski → Kowalska, Иванов → Иванова), phone numbers in each country's format and
 * e-mail addresses spelled from the name in ASCII.
 */
final class DemoNames {

    /** Where a name comes from; decides the phone format and the mail providers. */
    enum Origin { POLISH, NORWEGIAN, RUSSIAN, ENGLISH }

    /** A person's name parts. */
    record Person(Origin origin, boolean female, String first, String last) {
        String displayName() {
            return first + " " + last;
        }
    }

    private record Names(List<String> male, List<String> female, List<String> last, List<String> mail) {
    }

    private static final Map<Origin, Names> NAMES = Map.of(
            Origin.POLISH, new Names(
                    List.of("Łukasz", "Paweł", "Michał", "Wojciech", "Grzegorz", "Jędrzej", "Bartłomiej", "Maciej",
                            "Tomasz", "Piotr", "Krzysztof", "Marek", "Andrzej", "Kamil", "Jakub", "Mateusz",
                            "Szymon", "Zbigniew", "Stanisław", "Józef", "Adam", "Rafał", "Przemysław", "Sławomir"),
                    List.of("Żaneta", "Małgorzata", "Agnieszka", "Katarzyna", "Anna", "Magdalena", "Joanna", "Ewa",
                            "Barbara", "Zofia", "Łucja", "Jadwiga", "Bożena", "Grażyna", "Dorota", "Iwona",
                            "Justyna", "Urszula", "Halina", "Wiesława", "Aleksandra", "Marta", "Weronika", "Alicja"),
                    List.of("Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski",
                            "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur",
                            "Kwiatkowski", "Krawczyk", "Piotrowski", "Grabowski", "Pawłowski", "Michalski", "Król",
                            "Wieczorek", "Jabłoński", "Wróbel", "Zając", "Górski", "Sikora", "Błaszczyk", "Żuk",
                            "Łapiński", "Ślęzak", "Mróz", "Żak", "Sadowski", "Kaczmarek", "Wysocki", "Grzybowski"),
                    List.of("gmail.com", "wp.pl", "onet.pl", "o2.pl", "interia.pl", "gmail.com")),
            Origin.NORWEGIAN, new Names(
                    List.of("Øyvind", "Ørjan", "Åsmund", "Bjørn", "Håkon", "Jørgen", "Pål", "Ståle", "Lars", "Ole",
                            "Magnus", "Henrik", "Sindre", "Kjetil", "Trond", "Espen", "Torbjørn", "Sigurd", "Eirik"),
                    List.of("Åse", "Ingrid", "Solveig", "Kari", "Ragnhild", "Sølvi", "Bjørg", "Marit", "Liv", "Gro",
                            "Tove", "Siri", "Ingebjørg", "Hege", "Grete", "Signe", "Kristin", "Mari", "Nora"),
                    List.of("Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Berg",
                            "Haugen", "Hagen", "Dahl", "Jørgensen", "Halvorsen", "Østby", "Sørensen", "Løken",
                            "Bråten", "Grønli", "Håland", "Ødegård", "Strøm", "Aasen", "Sæther", "Kjær", "Lærum",
                            "Dæhlie", "Bærheim", "Tønnessen", "Ærø"),
                    List.of("gmail.com", "online.no", "hotmail.com", "outlook.com")),
            Origin.RUSSIAN, new Names(
                    List.of("Александр", "Дмитрий", "Сергей", "Андрей", "Алексей", "Максим", "Иван", "Михаил",
                            "Николай", "Артём", "Владимир", "Евгений", "Юрий", "Олег", "Павел", "Фёдор", "Илья"),
                    List.of("Ольга", "Елена", "Наталья", "Анна", "Татьяна", "Ирина", "Светлана", "Мария",
                            "Екатерина", "Юлия", "Анастасия", "Дарья", "Ксения", "Людмила", "Галина", "Алёна"),
                    List.of("Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов",
                            "Новиков", "Фёдоров", "Морозов", "Волков", "Лебедев", "Семёнов", "Егоров", "Павлов",
                            "Козлов", "Орлов", "Никитин", "Зайцев", "Соловьёв", "Королёв", "Ильин", "Медведев",
                            "Белов", "Жуков", "Щербаков", "Троицкий", "Вишневский", "Толстой"),
                    List.of("mail.ru", "yandex.ru", "gmail.com")),
            Origin.ENGLISH, new Names(
                    List.of("James", "Oliver", "Jack", "Harry", "George", "Thomas", "William", "Daniel", "Samuel",
                            "Joseph", "Charlie", "Henry", "Benjamin", "Matthew", "Ethan"),
                    List.of("Emily", "Olivia", "Sophie", "Chloë", "Grace", "Lucy", "Charlotte", "Amelia", "Hannah",
                            "Jessica", "Ellie", "Isabella", "Zoë", "Renée"),
                    List.of("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies",
                            "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green",
                            "Hall", "Wood", "Jackson", "Clarke", "O'Brien", "Murphy"),
                    List.of("gmail.com", "outlook.com", "yahoo.co.uk", "icloud.com")));

    private static final String[] CYRILLIC = {"а", "a", "б", "b", "в", "v", "г", "g", "д", "d", "е", "e",
        "ё", "e", "ж", "zh", "з", "z", "и", "i", "й", "y", "к", "k", "л", "l", "м", "m", "н", "n", "о", "o",
        "п", "p", "р", "r", "с", "s", "т", "t", "у", "u", "ф", "f", "х", "kh", "ц", "ts", "ч", "ch", "ш", "sh",
        "щ", "shch", "ъ", "", "ы", "y", "ь", "", "э", "e", "ю", "yu", "я", "ya"};

    private final Map<Character, String> latin;

    DemoNames() {
        var map = new HashMap<Character, String>();
        for (int i = 0; i < CYRILLIC.length; i += 2) {
            map.put(CYRILLIC[i].charAt(0), CYRILLIC[i + 1]);
        }
        this.latin = Map.copyOf(map);
    }

    Person person(SplittableRandom r) {
        double o = r.nextDouble();
        Origin origin = o < 0.58 ? Origin.POLISH : o < 0.73 ? Origin.NORWEGIAN : o < 0.87 ? Origin.RUSSIAN
                : Origin.ENGLISH;
        Names names = NAMES.get(origin);
        boolean female = r.nextBoolean();
        String first = pick(female ? names.female() : names.male(), r);
        String last = pick(names.last(), r);
        if (female) {
            last = feminine(origin, last);
        }
        return new Person(origin, female, first, last);
    }

    /** The feminine form of a Polish or Russian surname where it is a simple ending change. */
    static String feminine(Origin origin, String last) {
        if (origin == Origin.POLISH && (last.endsWith("ski") || last.endsWith("cki") || last.endsWith("dzki"))) {
            return last.substring(0, last.length() - 1) + "a";
        }
        if (origin == Origin.RUSSIAN) {
            if (last.endsWith("ий") || last.endsWith("ой")) {
                return last.substring(0, last.length() - 2) + "ая";
            }
            if (last.endsWith("ов") || last.endsWith("ев") || last.endsWith("ёв") || last.endsWith("ин")
                    || last.endsWith("ын")) {
                return last + "а";
            }
        }
        return last;
    }

    /** A mobile number in the format people of that country write it. */
    String phone(Origin origin, SplittableRandom r) {
        return switch (origin) {
            case POLISH -> String.format(Locale.ROOT, "+48 %s%d %03d %03d",
                    pick(List.of("50", "51", "53", "57", "60", "66", "69", "72", "78", "79", "88"), r),
                    r.nextInt(10), r.nextInt(1000), r.nextInt(1000));
            case NORWEGIAN -> String.format(Locale.ROOT, "+47 %d%02d %02d %03d",
                    r.nextBoolean() ? 4 : 9, r.nextInt(100), r.nextInt(100), r.nextInt(1000));
            case RUSSIAN -> String.format(Locale.ROOT, "+7 9%02d %03d-%02d-%02d",
                    r.nextInt(100), r.nextInt(1000), r.nextInt(100), r.nextInt(100));
            case ENGLISH -> String.format(Locale.ROOT, "+44 7%03d %06d", r.nextInt(1000), r.nextInt(1_000_000));
        };
    }

    /** An e-mail address spelled from the name in ASCII, at a provider common in that country. */
    String email(Person p, SplittableRandom r) {
        String first = ascii(p.first());
        String last = ascii(p.last());
        String local = switch (r.nextInt(5)) {
            case 0 -> first + "." + last;
            case 1 -> first + last;
            case 2 -> first.charAt(0) + "." + last;
            case 3 -> first + "." + last + (70 + r.nextInt(36)) % 100;
            default -> first + "_" + last + (1 + r.nextInt(99));
        };
        return local + "@" + pick(NAMES.get(p.origin()).mail(), r);
    }

    private String ascii(String name) {
        String folded = SearchText.fold(name);
        StringBuilder out = new StringBuilder(folded.length() + 4);
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            String t = latin.get(c);
            if (t != null) {
                out.append(t);
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static <T> T pick(List<T> list, SplittableRandom r) {
        return list.get(r.nextInt(list.size()));
    }
}
