"""Words for the bench data: body names, people's names and letters in az, en and ru.

Plausible rather than real: the bodies are made up from real kinds of Azerbaijani institutions,
and every letter is assembled from a topic and a few templates. Long because it is word lists
(data, in three languages), not logic.
"""

LANGUAGES = ("az", "en", "ru")

# (slug, acronym, az, en, ru)
MINISTRIES = [
    ("finance", "MF", "Maliyyə Nazirliyi", "Ministry of Finance", "Министерство финансов"),
    ("economy", "ME", "İqtisadiyyat Nazirliyi", "Ministry of Economy", "Министерство экономики"),
    ("health", "MH", "Səhiyyə Nazirliyi", "Ministry of Health", "Министерство здравоохранения"),
    (
        "education",
        "MSE",
        "Elm və Təhsil Nazirliyi",
        "Ministry of Science and Education",
        "Министерство науки и образования",
    ),
    ("justice", "MJ", "Ədliyyə Nazirliyi", "Ministry of Justice", "Министерство юстиции"),
    (
        "ecology",
        "MENR",
        "Ekologiya və Təbii Sərvətlər Nazirliyi",
        "Ministry of Ecology and Natural Resources",
        "Министерство экологии и природных ресурсов",
    ),
    (
        "transport",
        "MDDT",
        "Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi",
        "Ministry of Digital Development and Transport",
        "Министерство цифрового развития и транспорта",
    ),
    (
        "labour",
        "MLSPP",
        "Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi",
        "Ministry of Labour and Social Protection of the Population",
        "Министерство труда и социальной защиты населения",
    ),
    (
        "agriculture",
        "MA",
        "Kənd Təsərrüfatı Nazirliyi",
        "Ministry of Agriculture",
        "Министерство сельского хозяйства",
    ),
    ("energy", "MEN", "Energetika Nazirliyi", "Ministry of Energy", "Министерство энергетики"),
    ("culture", "MC", "Mədəniyyət Nazirliyi", "Ministry of Culture", "Министерство культуры"),
    (
        "youth",
        "MYS",
        "Gənclər və İdman Nazirliyi",
        "Ministry of Youth and Sports",
        "Министерство молодёжи и спорта",
    ),
    (
        "emergency",
        "MES",
        "Fövqəladə Hallar Nazirliyi",
        "Ministry of Emergency Situations",
        "Министерство по чрезвычайным ситуациям",
    ),
    (
        "taxes",
        "STS",
        "Dövlət Vergi Xidməti",
        "State Tax Service",
        "Государственная налоговая служба",
    ),
    (
        "statistics",
        "SSC",
        "Dövlət Statistika Komitəsi",
        "State Statistical Committee",
        "Государственный комитет по статистике",
    ),
    (
        "urban",
        "SCUPA",
        "Şəhərsalma və Arxitektura Komitəsi",
        "State Committee for Urban Planning and Architecture",
        "Государственный комитет по градостроительству и архитектуре",
    ),
    (
        "property",
        "SSPI",
        "Əmlak Məsələləri Dövlət Xidməti",
        "State Service for Property Issues",
        "Государственная служба по имущественным вопросам",
    ),
    (
        "refugees",
        "SCRIDP",
        "Qaçqınların və Məcburi Köçkünlərin İşləri üzrə Dövlət Komitəsi",
        "State Committee for Refugees and IDPs",
        "Государственный комитет по делам беженцев и вынужденных переселенцев",
    ),
    (
        "family",
        "SCFWCA",
        "Ailə, Qadın və Uşaq Problemləri üzrə Dövlət Komitəsi",
        "State Committee for Family, Women and Children Affairs",
        "Государственный комитет по проблемам семьи, женщин и детей",
    ),
    (
        "customs",
        "SCC",
        "Dövlət Gömrük Komitəsi",
        "State Customs Committee",
        "Государственный таможенный комитет",
    ),
    (
        "tourism",
        "STA",
        "Dövlət Turizm Agentliyi",
        "State Tourism Agency",
        "Государственное агентство по туризму",
    ),
    (
        "roads",
        "AAYDA",
        "Azərbaycan Avtomobil Yolları Dövlət Agentliyi",
        "Azerbaijan State Agency of Automobile Roads",
        "Государственное агентство автомобильных дорог Азербайджана",
    ),
    (
        "water-agency",
        "AWRA",
        "Su Ehtiyatları Dövlət Agentliyi",
        "State Water Resources Agency",
        "Государственное агентство водных ресурсов",
    ),
    (
        "food-safety",
        "AFSA",
        "Qida Təhlükəsizliyi Agentliyi",
        "Food Safety Agency",
        "Агентство пищевой безопасности",
    ),
]

# The ministry (by slug) each company or agency answers to. (slug, az, en, ru, parent)
COMPANIES = [
    ("azersu", "Azərsu ASC", "Azersu OJSC", "ОАО «Азерсу»", "water-agency"),
    ("azerishiq", "Azərişıq ASC", "Azerishig OJSC", "ОАО «Азеришыг»", "energy"),
    ("azerenerji", "Azərenerji ASC", "Azerenerji OJSC", "ОАО «Азерэнержи»", "energy"),
    (
        "metro",
        "Bakı Metropoliteni QSC",
        "Baku Metro CJSC",
        "ЗАО «Бакинский метрополитен»",
        "transport",
    ),
    (
        "railways",
        "Azərbaycan Dəmir Yolları QSC",
        "Azerbaijan Railways CJSC",
        "ЗАО «Азербайджанские железные дороги»",
        "transport",
    ),
    ("post", "Azərpoçt MMC", "Azerpost LLC", "ООО «Азерпочт»", "transport"),
    (
        "azeristiliktechizat",
        "Azəristiliktəchizat ASC",
        "Azeristiliktechizat OJSC",
        "ОАО «Азеристиликтеджизат»",
        "energy",
    ),
    (
        "bus",
        "Bakı Nəqliyyat Agentliyi",
        "Baku Transport Agency",
        "Бакинское транспортное агентство",
        "transport",
    ),
    (
        "housing",
        "Mənzil İnşaatı Dövlət Agentliyi",
        "State Housing Construction Agency",
        "Государственное агентство жилищного строительства",
        "economy",
    ),
    (
        "melioration",
        "Meliorasiya və Su Təsərrüfatı ASC",
        "Amelioration and Water Farm OJSC",
        "ОАО «Мелиорация и водное хозяйство»",
        "agriculture",
    ),
    (
        "tabib",
        "TƏBİB",
        "Administration of Regional Medical Divisions (TABIB)",
        "Управление региональными медицинскими подразделениями (TƏBİB)",
        "health",
    ),
    (
        "insurance",
        "İcbari Tibbi Sığorta üzrə Dövlət Agentliyi",
        "State Agency for Compulsory Health Insurance",
        "Государственное агентство по обязательному медицинскому страхованию",
        "health",
    ),
]

# (az, en, ru) of districts and cities with an executive authority.
DISTRICTS = [
    ("Abşeron", "Absheron", "Абшеронский"),
    ("Ağcabədi", "Aghjabadi", "Агджабединский"),
    ("Ağdam", "Aghdam", "Агдамский"),
    ("Ağdaş", "Agdash", "Агдашский"),
    ("Ağstafa", "Aghstafa", "Агстафинский"),
    ("Ağsu", "Agsu", "Агсуинский"),
    ("Astara", "Astara", "Астаринский"),
    ("Balakən", "Balakan", "Балакенский"),
    ("Bərdə", "Barda", "Бардинский"),
    ("Beyləqan", "Beylagan", "Бейлаганский"),
    ("Biləsuvar", "Bilasuvar", "Билясуварский"),
    ("Cəlilabad", "Jalilabad", "Джалилабадский"),
    ("Daşkəsən", "Dashkasan", "Дашкесанский"),
    ("Füzuli", "Fuzuli", "Физулинский"),
    ("Gədəbəy", "Gadabay", "Гедабекский"),
    ("Goranboy", "Goranboy", "Геранбойский"),
    ("Göyçay", "Goychay", "Геокчайский"),
    ("Göygöl", "Goygol", "Гёйгёльский"),
    ("Hacıqabul", "Hajigabul", "Гаджигабульский"),
    ("İmişli", "Imishli", "Имишлинский"),
    ("İsmayıllı", "Ismayilli", "Исмаиллинский"),
    ("Kürdəmir", "Kurdamir", "Кюрдамирский"),
    ("Lənkəran", "Lankaran", "Ленкоранский"),
    ("Lerik", "Lerik", "Лерикский"),
    ("Masallı", "Masalli", "Масаллинский"),
    ("Neftçala", "Neftchala", "Нефтчалинский"),
    ("Oğuz", "Oghuz", "Огузский"),
    ("Qəbələ", "Gabala", "Габалинский"),
    ("Qax", "Gakh", "Гахский"),
    ("Qazax", "Gazakh", "Газахский"),
    ("Quba", "Guba", "Губинский"),
    ("Qusar", "Gusar", "Гусарский"),
    ("Saatlı", "Saatli", "Саатлинский"),
    ("Sabirabad", "Sabirabad", "Сабирабадский"),
    ("Salyan", "Salyan", "Сальянский"),
    ("Samux", "Samukh", "Самухский"),
    ("Şabran", "Shabran", "Шабранский"),
    ("Şamaxı", "Shamakhi", "Шамахинский"),
    ("Şəmkir", "Shamkir", "Шамкирский"),
    ("Şəki", "Shaki", "Шекинский"),
    ("Tərtər", "Tartar", "Тертерский"),
    ("Tovuz", "Tovuz", "Товузский"),
    ("Ucar", "Ujar", "Уджарский"),
    ("Xaçmaz", "Khachmaz", "Хачмазский"),
    ("Yardımlı", "Yardimli", "Ярдымлинский"),
    ("Yevlax", "Yevlakh", "Евлахский"),
    ("Zaqatala", "Zagatala", "Загатальский"),
    ("Zərdab", "Zardab", "Зардабский"),
    ("Binəqədi", "Binagadi", "Бинагадинский"),
    ("Nəsimi", "Nasimi", "Насиминский"),
    ("Nizami", "Nizami", "Низаминский"),
    ("Sabunçu", "Sabunchu", "Сабунчинский"),
    ("Səbail", "Sabail", "Сабаильский"),
    ("Suraxanı", "Surakhani", "Сураханский"),
    ("Xətai", "Khatai", "Хатаинский"),
    ("Xəzər", "Khazar", "Хазарский"),
    ("Yasamal", "Yasamal", "Ясамальский"),
    ("Qaradağ", "Garadagh", "Гарадагский"),
    ("Nərimanov", "Narimanov", "Наримановский"),
    ("Pirallahı", "Pirallahi", "Пираллахинский"),
]

CITIES = [
    ("Bakı", "Baku", "Баку"),
    ("Gəncə", "Ganja", "Гянджа"),
    ("Sumqayıt", "Sumgait", "Сумгаит"),
    ("Mingəçevir", "Mingachevir", "Мингечевир"),
    ("Şirvan", "Shirvan", "Ширван"),
    ("Naftalan", "Naftalan", "Нафталан"),
    ("Xankəndi", "Khankendi", "Ханкенди"),
]

TOPICS = [
    (
        "dövlət büdcəsinin icrası haqqında hesabat",
        "the state budget execution report",
        "отчёт об исполнении государственного бюджета",
    ),
    (
        "dövlət satınalmaları üzrə müqavilələr",
        "public procurement contracts",
        "договоры государственных закупок",
    ),
    ("işçilərin ştat cədvəli", "the staff establishment table", "штатное расписание"),
    (
        "su tarifləri və onların hesablanması",
        "water tariffs and how they are calculated",
        "тарифы на воду и их расчёт",
    ),
    ("xəstəxanalarda növbə müddətləri", "hospital waiting times", "сроки ожидания в больницах"),
    ("məktəblərə qəbul statistikası", "school enrolment statistics", "статистика приёма в школы"),
    (
        "hava keyfiyyətinin monitorinqi",
        "air quality monitoring data",
        "данные мониторинга качества воздуха",
    ),
    ("yol təmiri müqavilələri", "road repair contracts", "договоры на ремонт дорог"),
    (
        "ictimai nəqliyyatda sərnişin sayı",
        "public transport ridership",
        "пассажиропоток общественного транспорта",
    ),
    (
        "məcburi köçkünlərə mənzil bölgüsü",
        "housing allocations to displaced persons",
        "распределение жилья вынужденным переселенцам",
    ),
    (
        "xidməti avtomobillərin sayı və xərcləri",
        "the number and cost of official cars",
        "количество служебных автомобилей и расходы на них",
    ),
    ("ezamiyyə xərcləri", "travel expenses of officials", "командировочные расходы"),
    (
        "qrant müsabiqələrinin nəticələri",
        "results of grant competitions",
        "итоги грантовых конкурсов",
    ),
    (
        "tikinti icazələrinin reyestri",
        "the register of building permits",
        "реестр разрешений на строительство",
    ),
    ("yoxlamaların nəticələri", "results of inspections", "результаты проверок"),
    (
        "vətəndaş müraciətlərinin statistikası",
        "statistics of citizens' complaints",
        "статистика обращений граждан",
    ),
    (
        "ağacların kəsilməsinə verilmiş icazələr",
        "permits to fell trees",
        "разрешения на вырубку деревьев",
    ),
    ("sosial müavinətlərin ödənilməsi", "payment of social benefits", "выплата социальных пособий"),
    ("enerji itkiləri haqqında məlumat", "data on energy losses", "данные о потерях энергии"),
    (
        "ictimai iaşə obyektlərinin yoxlanılması",
        "food safety inspections of restaurants",
        "проверки безопасности пищевых предприятий",
    ),
    (
        "idman obyektlərinin tikintisi",
        "construction of sports facilities",
        "строительство спортивных объектов",
    ),
    (
        "mədəni irs abidələrinin bərpası",
        "restoration of heritage monuments",
        "реставрация памятников культурного наследия",
    ),
]

SUBJECT = {
    "az": "{year}-ci il üzrə {topic}",
    "en": "Request for {topic} for {year}",
    "ru": "Запрос: {topic} за {year} год",
}

LETTER = {
    "az": (
        "Hörmətli cənablar,\n\n„İnformasiya əldə etmək haqqında” Qanuna əsasən {year}-ci il üzrə "
        "{topic} barədə məlumatı təqdim etməyinizi xahiş edirəm. Mümkündürsə, məlumatı maşınla "
        "oxuna bilən formatda (CSV və ya Excel) göndərin.\n\nƏvvəlcədən təşəkkür edirəm."
    ),
    "en": (
        "Dear Sir or Madam,\n\nUnder the Law on the Right to Obtain Information, please send me "
        "{topic} for {year}. If possible, please provide it in a machine-readable format "
        "(CSV or a spreadsheet).\n\nThank you in advance."
    ),
    "ru": (
        "Уважаемые господа!\n\nНа основании Закона «О праве на получение информации» прошу "
        "предоставить {topic} за {year} год. По возможности пришлите данные в машиночитаемом "
        "формате (CSV или таблица).\n\nЗаранее благодарю."
    ),
}

ANSWER = {
    "az": (
        "Sorğunuza cavab olaraq {year}-ci il üzrə {topic} əlavə olunur. Məlumat rəsmi "
        "hesabatlara əsaslanır.\n\nƏlavə sualınız olarsa, bizimlə əlaqə saxlaya bilərsiniz."
    ),
    "en": (
        "In reply to your request, please find attached {topic} for {year}. The figures are "
        "taken from the official reports.\n\nPlease contact us if you have further questions."
    ),
    "ru": (
        "В ответ на ваш запрос направляем {topic} за {year} год. Данные взяты из официальной "
        "отчётности.\n\nПо дополнительным вопросам обращайтесь к нам."
    ),
}

NOT_HELD = {
    "az": "Qurumumuzda {topic} barədə məlumat yoxdur. Bu məlumat başqa qurumda saxlanıla bilər.",
    "en": "We do not hold {topic}. Another body may hold this information.",
    "ru": "У нас нет информации: {topic}. Эта информация может находиться в другом органе.",
}

PARTIAL = {
    "az": "Məlumatın bir hissəsi əlavə olunur; qalan hissəsi qanunla məhdudlaşdırılmışdır.",
    "en": "Part of the information is attached; the rest is withheld on the grounds below.",
    "ru": "Часть информации прилагается; остальная часть ограничена по основаниям ниже.",
}

REFUSAL = {
    "az": "Tələb olunan məlumat ({topic}) qanunla məhdudlaşdırılmış informasiyadır.",
    "en": "The information requested ({topic}) is restricted by law and cannot be released.",
    "ru": "Запрошенная информация ({topic}) относится к информации ограниченного доступа.",
}

REJECTION = {
    "az": "Müraciət informasiya sorğusu deyil: konkret məlumat tələb edilmir.",
    "en": "This is not a request for information: no recorded information is asked for.",
    "ru": "Обращение не является запросом информации: не указана конкретная информация.",
}

CLARIFICATION_REQUEST = {
    "az": "Zəhmət olmasa, hansı dövr və hansı sənədlər nəzərdə tutulduğunu dəqiqləşdirin.",
    "en": "Please specify which period and which documents you mean.",
    "ru": "Пожалуйста, уточните, какой период и какие документы имеются в виду.",
}

FEE_ESTIMATE = {
    "az": "Sorğu çox həcmlidir: 920 səhifə. Surətçıxarma səhifəsi 0,02 manatdan 18,40 manatdır.",
    "en": "The request is voluminous: 920 pages. Copying costs 0.02 AZN a page: 18.40 AZN.",
    "ru": "Запрос объёмный: 920 страниц. Копирование стоит 0,02 маната за страницу: 18,40 маната.",
}

CLARIFICATION = {
    "az": "{year}-ci ilin bütün rübləri üzrə yekun hesabatı nəzərdə tuturam.",
    "en": "I mean the final report covering every quarter of {year}.",
    "ru": "Имеется в виду итоговый отчёт за все кварталы {year} года.",
}

TRANSFER = {
    "az": "Sorğunuz məlumatı saxlayan quruma göndərilmişdir: {body}.",
    "en": "Your request was forwarded to {body}, which holds the information.",
    "ru": "Ваш запрос направлен в орган, обладающий информацией: {body}.",
}

WITHDRAWAL = {
    "az": "Məlumatı başqa mənbədən əldə etdim, sorğunu geri götürürəm.",
    "en": "I found the information elsewhere and withdraw the request.",
    "ru": "Я получил информацию из другого источника и отзываю запрос.",
}

LAPSE = {
    "az": "Sorğu bağlandı: dəqiqləşdirmə vaxtında təqdim edilmədi.",
    "en": "Closed: the requester did not reply to the request for clarification in time.",
    "ru": "Запрос закрыт: уточнение не было предоставлено вовремя.",
}

APPEAL = {
    "az": "Qurumun qərarı əsaslandırılmayıb; məlumat ictimai maraq kəsb edir.",
    "en": "The body gave no valid reason; the information is of clear public interest.",
    "ru": "Решение органа не обосновано; информация представляет общественный интерес.",
}

APPEAL_DECISION = {
    "upheld": "The body applied the law correctly; the decision stands.",
    "overturned": "The grounds do not apply; the body must answer the request again.",
}

NOTES = [
    "Maliyyə şöbəsindən məlumat istənildi.",
    "Hüquq şöbəsi ilə razılaşdırılmalıdır.",
    "Asked the archive for the 2019-2021 files.",
    "Третьи лица уведомлены, ждём ответа.",
    "Draft answer sent to the head of department for sign-off.",
]

EXEMPTION_NOTE = "Personal data of third parties redacted."

EXTRACTED = (
    "{topic_en}, {year}.\n\n"
    "This document sets out the figures requested, by quarter and by district. The totals are "
    "reconciled with the annual report published by the body.\n\n"
    "Cədvəldə rüblər üzrə göstəricilər və illik yekun verilmişdir. Məbləğlər manatla "
    "göstərilmişdir.\n\n"
    "В таблице приведены показатели по кварталам и итог за год."
)

FIRST_NAMES = {
    "az": [
        "Aysel",
        "Elvin",
        "Leyla",
        "Rauf",
        "Günel",
        "Kamran",
        "Nigar",
        "Tural",
        "Səbinə",
        "Orxan",
        "Ülviyyə",
        "Fərid",
        "Aynur",
        "Rəşad",
        "Könül",
        "Emin",
    ],
    "en": ["Anna", "James", "Sarah", "Thomas", "Emily", "Daniel", "Laura", "Michael"],
    "ru": ["Ольга", "Дмитрий", "Наталья", "Сергей", "Ирина", "Алексей", "Елена", "Андрей"],
}
LAST_NAMES = {
    "az": [
        "Məmmədova",
        "Əliyev",
        "Həsənova",
        "Quliyev",
        "İsmayılova",
        "Hüseynov",
        "Abbasova",
        "Rzayev",
        "Nəsirova",
        "Kərimov",
        "Bağırova",
        "Sultanov",
    ],
    "en": ["Smith", "Brown", "Taylor", "Wilson", "Evans", "Walker", "Wright", "Hall"],
    "ru": ["Иванова", "Петров", "Смирнова", "Кузнецов", "Попова", "Соколов", "Лебедева"],
}
PSEUDONYMS = ["Açıq Büdcə", "Citizen K.", "Şəffaflıq", "Наблюдатель", "Data Digger", "Jurnalist"]
