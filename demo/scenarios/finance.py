"""Requests to the Ministry of Finance that the ministry handles on its own.

Each step is ``(day, verb, params)``: ``day`` counts from the scenario's first day, which is
``days_ago`` days before the demo is loaded. ``by`` names who acts (see ``accounts.py``).
"""

OFFICER = "finance-officer"
COORDINATOR = "finance-coordinator"
BODY = "ministry-of-finance"

SCENARIOS = [
    # Another paid request, whose estimate waits for the requester's payment now.
    {
        "requester": "leyla",
        "body": BODY,
        "days_ago": 6,
        "subject": "Scanned copies of the ministry's audit reports, 2015 to 2025",
        "text": (
            "Dear Sir or Madam,\n\n"
            "Under the Law on the Right to Obtain Information, please send me scanned copies of "
            "every internal audit report the Ministry received from 2015 to 2025, with their "
            "annexes.\n\nYours faithfully,\nLeyla Hüseynova"
        ),
        "steps": [
            (0, "submit"),
            (1, "accept", {"by": COORDINATOR, "assignee": OFFICER}),
            (2, "fee_class", {"by": OFFICER, "fee_class": "paid"}),
            (
                2,
                "estimate_fee",
                {
                    "by": OFFICER,
                    "amount": "31.00",
                    "text": "The request covers 62 reports, about 1,550 pages, most on paper only. "
                    "Scanning them costs 0.02 AZN a page: 31.00 AZN (Cabinet of Ministers "
                    "Resolution No. 158 of 2012). You may also read the reports at the Ministry "
                    "free of charge.",
                },
            ),
        ],
    },
    # A paid request (Art. 19.1.7; Cabinet Resolution No. 158 of 2012): copies of seven years'
    # contracts are voluminous, so the ministry estimates the cost of copying, the clock stops
    # until the requester pays, and the answer follows.
    {
        "requester": "kamran",
        "body": BODY,
        "days_ago": 60,
        "subject": "2019–2025-ci illərdə bağlanmış bütün kredit sazişlərinin surətləri",
        "text": (
            "Hörmətli Maliyyə Nazirliyi,\n\n"
            "“İnformasiya əldə etmək haqqında” Qanuna əsasən nazirliyin 2019–2025-ci illərdə "
            "beynəlxalq maliyyə institutları ilə bağladığı bütün kredit sazişlərinin, əlavələri "
            "ilə birlikdə, kağız surətlərini poçtla göndərməyinizi xahiş edirəm.\n\n"
            "Hörmətlə,\nKamran Babayev"
        ),
        "access_form": "paper",
        "steps": [
            (0, "submit"),
            (1, "accept", {"by": COORDINATOR, "assignee": OFFICER}),
            (2, "fee_class", {"by": OFFICER, "fee_class": "paid"}),
            (
                2,
                "estimate_fee",
                {
                    "by": OFFICER,
                    "amount": "18.40",
                    "text": "Sorğu çox həcmlidir: 46 saziş, əlavələri ilə birlikdə 920 səhifə. "
                    "Nazirlər Kabinetinin 2012-ci il 158 nömrəli qərarına əsasən surətçıxarma "
                    "xərci səhifəsi 0,02 manatdan 18,40 manat təşkil edir. Ödəniş edildikdən "
                    "sonra surətlər poçtla göndəriləcək. Sənədlərlə nazirlikdə pulsuz tanış olmaq "
                    "də mümkündür.",
                },
            ),
            (
                9,
                "record_payment",
                {"by": OFFICER, "text": "Ödəniş bank köçürməsi ilə daxil olub."},
            ),
            (
                12,
                "answer",
                {
                    "by": OFFICER,
                    "outcome": "full",
                    "text": "Hörmətli Kamran bəy,\n\n46 kredit sazişinin surətləri bu gün "
                    "göstərdiyiniz ünvana poçtla göndərildi.\n\nHörmətlə,\nNigar Abdullayeva",
                },
            ),
        ],
    },
    {
        "requester": "aysel",
        "body": BODY,
        "days_ago": 236,
        "subject": "2025-ci il dövlət büdcəsinin icrası haqqında illik hesabat",
        "text": (
            "Hörmətli Maliyyə Nazirliyi,\n\n"
            "“İnformasiya əldə etmək haqqında” Qanuna əsasən 2025-ci il dövlət büdcəsinin icrası "
            "haqqında illik hesabatı, o cümlədən gəlirlərin və xərclərin funksional təsnifat üzrə "
            "icrasını elektron formada təqdim etməyinizi xahiş edirəm.\n\n"
            "Hörmətlə,\nAysel Məmmədova"
        ),
        "steps": [
            (0, "submit"),
            (1, "accept", {"by": COORDINATOR, "assignee": OFFICER}),
            (
                2,
                "note",
                {
                    "by": OFFICER,
                    "text": "Hesabat Büdcə siyasəti şöbəsində hazırdır; Milli Məclisə təqdim "
                    "olunmuş son versiyanın xülasəsini göndəririk.",
                },
            ),
            (
                6,
                "answer",
                {
                    "by": OFFICER,
                    "outcome": "full",
                    "text": "Hörmətli Aysel xanım,\n\n2025-ci il dövlət büdcəsinin icrası haqqında "
                    "illik hesabatın xülasəsi əlavə olunur. Tam hesabat nazirliyin internet "
                    "saytının “Büdcə” bölməsində də dərc edilib.\n\nHörmətlə,\nNigar Abdullayeva",
                    "files": ["budget-execution-2025.pdf"],
                },
            ),
            (7, "approve", {"by": OFFICER, "file": "budget-execution-2025.pdf"}),
        ],
    },
    {
        "requester": "leyla",
        "body": BODY,
        "days_ago": 205,
        "subject": "IT procurement contracts signed by the Ministry of Finance in 2025",
        "text": (
            "Dear Sir or Madam,\n\n"
            "Under the Law on the Right to Obtain Information, please send me a list of all "
            "contracts for information technology goods and services that the Ministry signed "
            "in 2025, with the supplier, the subject, the procurement procedure, the date and "
            "the total value of each contract. A spreadsheet or CSV file would be ideal.\n\n"
            "Kind regards,\nLeyla Hüseynova, Açıq Xəbər"
        ),
        "steps": [
            (0, "submit"),
            (1, "accept", {"by": COORDINATOR, "assignee": OFFICER}),
            (
                5,
                "extend",
                {
                    "by": OFFICER,
                    "reason": "volume",
                    "text": "The contracts are kept by three departments and the State Treasury "
                    "Agency; we need seven more working days to collect them.",
                },
            ),
            (
                12,
                "answer",
                {
                    "by": OFFICER,
                    "outcome": "partial",
                    "text": "Dear Ms Hüseynova,\n\nPlease find attached the list of the IT "
                    "contracts the Ministry signed in 2025, with supplier, subject, procedure, "
                    "date and total value. The unit prices in the suppliers' commercial offers "
                    "are withheld: they are the suppliers' commercial interests, which the Law "
                    "protects (Art. 2.4-1).\n\nYours sincerely,\nNigar Abdullayeva",
                    "exemptions": [
                        {
                            "code": "rights_of_others",
                            "note": "Unit prices in the suppliers' commercial offers; the "
                            "contract totals are given.",
                            "attachment": "it-procurement-contracts-2025.csv",
                        }
                    ],
                    "files": ["it-procurement-contracts-2025.csv"],
                },
            ),
            (13, "approve", {"by": OFFICER, "file": "it-procurement-contracts-2025.csv"}),
        ],
    },
    {
        "requester": "aysel",
        "body": BODY,
        "days_ago": 1,
        "subject": "Dövlət büdcəsi layihəsinin “vətəndaş büdcəsi” versiyası",
        "text": (
            "Salam. Gələn il üçün dövlət büdcəsi layihəsinin sadə dildə izahı olan “vətəndaş "
            "büdcəsi” sənədinin hazırlanıb-hazırlanmadığını bildirməyinizi, hazırlanıbsa, "
            "surətini elektron poçtla göndərməyinizi xahiş edirəm.\n\nAysel Məmmədova"
        ),
        "steps": [(0, "submit")],
    },
    {
        # A letter by post that an officer types in for the requester.
        "requester": "kamran",
        "body": BODY,
        "days_ago": 2,
        "subject": "Şamaxı rayonunun bələdiyyələrinə dövlət büdcəsindən verilən dotasiyalar",
        "text": (
            "Hörmətli nazirlik!\n\n"
            "Şamaxı rayonunun bələdiyyələrinə bu il dövlət büdcəsindən verilən dotasiyaların "
            "hər bələdiyyə üzrə məbləğini bildirməyinizi xahiş edirəm. Cavabı poçt ünvanıma "
            "göndərin.\n\nKamran Babayev, Şamaxı"
        ),
        "steps": [(0, "register", {"by": OFFICER, "received_days_earlier": 2})],
    },
    {
        "requester": "kamran",
        "body": BODY,
        "days_ago": 80,
        "subject": "Şamaxı rayon mərkəzi xəstəxanasının tikintisinə ayrılmış vəsait",
        "text": (
            "Hörmətli nazirlik!\n\n"
            "Şamaxı rayon mərkəzi xəstəxanasının yenidən qurulmasına dövlət büdcəsindən nə qədər "
            "vəsait ayrıldığını və bu vəsaitin nə qədərinin istifadə edildiyini bildirməyinizi "
            "xahiş edirəm. Cavabı poçtla göndərin.\n\nKamran Babayev, Şamaxı"
        ),
        "steps": [
            (0, "register", {"by": OFFICER, "received_days_earlier": 3}),
            (1, "accept", {"by": COORDINATOR, "assignee": OFFICER}),
            (
                7,
                "answer",
                {
                    "by": OFFICER,
                    "outcome": "full",
                    "text": "Hörmətli Kamran müəllim,\n\nXəstəxananın yenidən qurulması dövlət "
                    "büdcəsinin investisiya xərcləri hesabına maliyyələşdirilir. Ayrılmış və "
                    "istifadə olunmuş vəsait barədə arayış poçt ünvanınıza göndərilib.\n\n"
                    "Hörmətlə,\nNigar Abdullayeva",
                },
            ),
        ],
    },
    {
        "requester": "tural",
        "body": BODY,
        "days_ago": 35,
        "subject": "Road repair funding transferred to the Baku City Executive Power in 2026",
        "text": (
            "Hello,\n\nI would like to know how much money the state budget transferred to the "
            "Baku City Executive Power this year for the repair of roads and pavements, by "
            "month, and under which budget lines.\n\nThank you,\nTural Quliyev"
        ),
        "steps": [
            (0, "submit"),
            (2, "accept", {"by": COORDINATOR}),
            (3, "assign", {"by": COORDINATOR, "assignee": OFFICER}),
            (
                9,
                "note",
                {
                    "by": OFFICER,
                    "text": "Dövlət Xəzinədarlıq Agentliyindən aylar üzrə köçürmələr barədə "
                    "məlumat istənilib; hələ cavab gəlməyib.",
                },
            ),
        ],
    },
    {
        "requester": "aysel",
        "body": BODY,
        "days_ago": 12,
        "subject": "Sosial müavinətlərin maliyyələşdirilməsi üçün ayrılmış vəsaitlərin icrası",
        "text": (
            "Sosial müavinətlərin ödənilməsi üçün dövlət büdcəsində nəzərdə tutulmuş vəsaitlərin "
            "icrası barədə məlumat verməyinizi xahiş edirəm."
        ),
        "steps": [
            (0, "submit"),
            (1, "accept", {"by": COORDINATOR, "assignee": OFFICER}),
            (
                3,
                "ask_clarification",
                {
                    "by": OFFICER,
                    "text": "Hörmətli Aysel xanım, sorğunuzun hansı dövrə və hansı müavinət "
                    "növlərinə (ünvanlı dövlət sosial yardımı, əlilliyə görə müavinət, uşağa "
                    "görə müavinət və s.) aid olduğunu dəqiqləşdirməyinizi xahiş edirik.",
                },
            ),
            (
                7,
                "clarify",
                {
                    "text": "Bu ilin birinci yarısı üzrə ünvanlı dövlət sosial yardımı və bir "
                    "yaşınadək uşağa görə müavinət barədə məlumat istəyirəm."
                },
            ),
        ],
    },
    {
        "requester": "tural",
        "body": BODY,
        "days_ago": 8,
        "subject": "Grants from the state budget to non-governmental organisations",
        "text": "Please send me information about grants to NGOs from the state budget.",
        "steps": [
            (0, "submit"),
            (1, "accept", {"by": COORDINATOR, "assignee": OFFICER}),
            (
                3,
                "ask_clarification",
                {
                    "by": OFFICER,
                    "text": "Dear Mr Quliyev, the Ministry transfers funds to the grant-giving "
                    "agencies but does not award grants itself. Please tell us which year you "
                    "are interested in, and whether you mean the totals transferred to the "
                    "grant-giving agencies or something else, so that we can answer precisely.",
                },
            ),
        ],
    },
    {
        "requester": "aysel",
        "body": BODY,
        "days_ago": 160,
        "subject": "Dövlət büdcəsindən futbol klublarına 2025-ci ildə ayrılmış vəsaitlər",
        "text": (
            "Premyer Liqada çıxış edən futbol klublarına 2025-ci ildə dövlət büdcəsindən birbaşa "
            "və ya dolayı yolla ayrılmış vəsaitlərin klublar üzrə bölgüsünü təqdim etməyinizi "
            "xahiş edirəm."
        ),
        "steps": [
            (0, "submit"),
            (1, "accept", {"by": COORDINATOR, "assignee": OFFICER}),
            (
                6,
                "answer",
                {
                    "by": OFFICER,
                    "outcome": "not_held",
                    "text": "Hörmətli Aysel xanım,\n\nMaliyyə Nazirliyi vəsaitləri büdcə "
                    "təşkilatlarına ayırır. Futbol klubları büdcə təşkilatı olmadığından "
                    "nazirlikdə klublar üzrə bölgü yoxdur. Bu məlumat Gənclər və İdman "
                    "Nazirliyində və ya klubların təsisçilərində ola bilər.",
                },
            ),
        ],
    },
    {
        "requester": "tural",
        "body": BODY,
        "days_ago": 100,
        "subject": "How should Article 102 of the Tax Code be interpreted for freelancers?",
        "text": (
            "I work as a freelance translator for foreign clients. Please explain whether the "
            "exemptions in Article 102 of the Tax Code apply to me and what I should declare."
        ),
        "steps": [
            (0, "submit"),
            (
                2,
                "reject",
                {
                    "by": COORDINATOR,
                    "reason": "Your letter asks for a legal opinion on your own tax situation, "
                    "not for information the Ministry holds. Under the Law a body provides "
                    "information it has recorded; it does not give legal advice. Questions on "
                    "individual tax liability are answered by the State Tax Service.",
                },
            ),
        ],
    },
    {
        "requester": "aysel",
        "body": BODY,
        "days_ago": 90,
        "subject": "Yerli büdcələrə verilmiş dotasiyaların rayonlar üzrə bölgüsü",
        "text": (
            "Bələdiyyələrin yerli büdcələrinə bu il dövlət büdcəsindən verilən dotasiyaların "
            "rayonlar üzrə bölgüsünü göndərməyinizi xahiş edirəm."
        ),
        "steps": [
            (0, "submit"),
            (1, "accept", {"by": COORDINATOR, "assignee": OFFICER}),
            (
                3,
                "withdraw",
                {
                    "text": "Məlumatı dövlət büdcəsi haqqında qanunun əlavəsində tapdım, "
                    "sorğunu geri götürürəm. Təşəkkür edirəm."
                },
            ),
        ],
    },
    {
        "requester": "leyla",
        "body": BODY,
        "days_ago": 60,
        "subject": "Explanatory note to the draft amendments to this year's state budget",
        "text": (
            "Please send me the explanatory note the Ministry prepared for the draft law "
            "amending this year's state budget, which parliament's economic policy committee "
            "discusses the day after tomorrow."
        ),
        "urgency": "relevance",
        "urgency_justification": (
            "The committee hearing is in two days; the note is useful to the public only before "
            "the vote."
        ),
        "steps": [
            (0, "submit", {"at": "09:10"}),
            (0, "accept", {"by": COORDINATOR, "assignee": OFFICER, "at": "10:05"}),
            (
                0,
                "answer",
                {
                    "by": OFFICER,
                    "at": "16:40",
                    "outcome": "full",
                    "text": "Dear Ms Hüseynova,\n\nThe explanatory note was sent to parliament "
                    "with the draft law and is public. It explains the higher revenue forecast "
                    "and the additional spending on reconstruction and on social protection; "
                    "the full text is published on parliament's website with the draft law.",
                },
            ),
        ],
    },
    {
        "requester": "gunel",
        "body": BODY,
        "days_ago": 120,
        "subject": "Maliyyə Nazirliyinin məlumatları",
        "text": "Mənə maliyyə ilə bağlı bütün məlumatları göndərin.",
        "steps": [
            (0, "submit"),
            (1, "accept", {"by": COORDINATOR, "assignee": OFFICER}),
            (
                3,
                "ask_clarification",
                {
                    "by": OFFICER,
                    "text": "Hörmətli Günel xanım, sorğunuzdan hansı məlumatın istənildiyini "
                    "müəyyən etmək mümkün deyil. Xahiş edirik, mövzunu, dövrü və sənədin növünü "
                    "göstərəsiniz (məsələn, müəyyən ilin büdcə icrası və ya müəyyən proqram "
                    "üzrə xərclər).",
                },
            ),
            # No reply: the nightly sweep closes it once the law's period is over.
            (40, "lapse"),
        ],
    },
]
