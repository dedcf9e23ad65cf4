"""Requests about hospitals, schools and housing for internally displaced people."""

HEALTH = "health-coordinator"
EDUCATION = "education-coordinator"
IDP = "idp-coordinator"
FINANCE = "finance-coordinator"

SCENARIOS = [
    {
        "requester": "aysel",
        "body": "ministry-of-health",
        "days_ago": 2,
        "subject": "Xəstəxanalarda planlı cərrahiyyə əməliyyatları üçün növbə",
        "text": "Respublika xəstəxanalarında planlı əməliyyatlar üçün gözləmə müddətləri barədə",
        "steps": [],
    },
    {
        # Private for eight months and shown under a pseudonym.
        "requester": "gunel",
        "body": "ministry-of-health",
        "days_ago": 140,
        "private_for_days": 240,
        "public_name_choice": "pseudonym",
        "pseudonym": "Narahat valideyn",
        "subject": "Dövlət xəstəxanalarında planlı əməliyyatlar üçün gözləmə müddətləri (2025)",
        "text": (
            "2025-ci ildə respublika əhəmiyyətli dövlət xəstəxanalarında planlı cərrahiyyə "
            "əməliyyatları (bud oynağının endoprotezləşdirilməsi, katarakta, koronar şuntlama və "
            "s.) üçün göndərişdən əməliyyatadək orta və ən uzun gözləmə müddətlərini təqdim "
            "etməyinizi xahiş edirəm."
        ),
        "steps": [
            (0, "submit"),
            (1, "accept", {"by": HEALTH, "assignee": HEALTH}),
            (
                7,
                "answer",
                {
                    "by": HEALTH,
                    "outcome": "partial",
                    "text": "Hörmətli ərizəçi,\n\nXəstəxana qrupları və əməliyyat növləri üzrə "
                    "gözləmə müddətləri əlavə olunan cədvəldədir. Ən uzun gözləmələrin arxasında "
                    "duran ayrı-ayrı xəstələrin tibbi məlumatları şəxsi məlumat olduğundan "
                    "təqdim edilmir (Qanunun 38.2.4-cü maddəsi).",
                    "exemptions": [
                        {
                            "code": "private_health",
                            "note": "Diagnoses of the patients behind the longest waits",
                        }
                    ],
                    "files": ["hospital-waiting-times-2025.csv"],
                },
            ),
            (8, "approve", {"by": HEALTH, "file": "hospital-waiting-times-2025.csv"}),
        ],
    },
    {
        "requester": "tural",
        "body": "ministry-of-health",
        "days_ago": 70,
        "subject": "Doctors disciplined by the Ministry of Health in 2025",
        "text": (
            "Please send the names of doctors who were disciplined or dismissed by the Ministry "
            "of Health in 2025, with the reason for each measure."
        ),
        "steps": [
            (0, "submit"),
            (1, "accept", {"by": HEALTH, "assignee": HEALTH}),
            (
                6,
                "refuse",
                {
                    "by": HEALTH,
                    "grounds": [
                        {
                            "code": "private_traits",
                            "note": "Names of doctors and the reasons for the measures",
                        }
                    ],
                    "text": "Dear Mr Quliyev,\n\nDisciplinary measures against named employees "
                    "concern their personal abilities and conduct, which the Law protects as "
                    "private information (Art. 38.2.5). The number of measures by type is "
                    "published in the Ministry's annual report.",
                },
            ),
        ],
    },
    {
        # Forwarded to TABIB, which has no officers on the portal and has not answered.
        "requester": "aysel",
        "body": "ministry-of-health",
        "days_ago": 40,
        "subject": "Bakı xəstəxanalarında MRT müayinəsi üçün növbə",
        "text": (
            "Bakı şəhərindəki dövlət tibb müəssisələrində icbari tibbi sığorta ilə MRT "
            "müayinəsi üçün növbədə orta gözləmə müddəti nə qədərdir? Xəstəxanalar üzrə "
            "məlumat verməyinizi xahiş edirəm."
        ),
        "steps": [
            (0, "submit"),
            (
                2,
                "transfer",
                {
                    "by": HEALTH,
                    "to": "tabib",
                    "text": "Sorğunuz Bakı şəhərindəki dövlət tibb müəssisələrini idarə edən "
                    "TƏBİB-də saxlanılan məlumatlara aiddir; Qanunun 23.1-ci maddəsinə əsasən "
                    "ora göndərildi.",
                },
            ),
        ],
    },
    {
        "requester": "gunel",
        "body": "ministry-of-science-and-education",
        "days_ago": 4,
        "subject": "Xətai rayonunda birinci sinfə qəbul: məktəblər üzrə yerlərin sayı",
        "text": (
            "Bakı şəhərinin Xətai rayonunda yeni tədris ili üçün birinci sinfə qəbul üçün "
            "məktəblər üzrə ayrılmış yerlərin sayını və qəbul olunan şagirdlərin sayını təqdim "
            "etməyinizi xahiş edirəm."
        ),
        "steps": [(0, "submit"), (1, "accept", {"by": EDUCATION, "assignee": EDUCATION})],
    },
    {
        "requester": "leyla",
        "body": "ministry-of-science-and-education",
        "days_ago": 170,
        "subject": "Bakı məktəblərində birinci sinfə qəbul statistikası (rayonlar üzrə)",
        "text": (
            "Son tədris ilində Bakı şəhərinin rayonları üzrə birinci sinfə ayrılmış yerlərin, "
            "onlayn müraciətlərin və qəbul olunmuş şagirdlərin sayını göndərməyinizi xahiş "
            "edirəm."
        ),
        "steps": [
            (0, "submit"),
            (1, "accept", {"by": EDUCATION, "assignee": EDUCATION}),
            (
                6,
                "answer",
                {
                    "by": EDUCATION,
                    "outcome": "full",
                    "text": "Hörmətli Leyla xanım,\n\nRayonlar üzrə məlumat əlavə olunan "
                    "cədvəldədir. Bir neçə rayonda qəbul yerlərin sayını aşıb; həmin "
                    "məktəblərdə əlavə siniflər açılıb.",
                    "files": ["school-enrolment-baku-2025.csv"],
                },
            ),
            (7, "approve", {"by": EDUCATION, "file": "school-enrolment-baku-2025.csv"}),
        ],
    },
    {
        "requester": "gunel",
        "body": "ministry-of-science-and-education",
        "days_ago": 12,
        "subject": "İnklüziv siniflərdə təhsil alan uşaqların sayı",
        "text": (
            "İnklüziv siniflərdə təhsil alan sağlamlıq imkanları məhdud uşaqların sayı barədə "
            "məlumat istəyirəm."
        ),
        "steps": [
            (0, "submit"),
            (1, "accept", {"by": EDUCATION, "assignee": EDUCATION}),
            (
                4,
                "ask_clarification",
                {
                    "by": EDUCATION,
                    "text": "Hörmətli Günel xanım, xahiş edirik, məlumatın hansı tədris ili və "
                    "hansı ərazi (bütün ölkə, şəhər və ya rayon) üzrə lazım olduğunu "
                    "dəqiqləşdirəsiniz.",
                },
            ),
        ],
    },
    {
        "requester": "tural",
        "body": "ministry-of-science-and-education",
        "days_ago": 150,
        "public_name_choice": "withheld",
        "subject": "School documents",
        "text": "Send me the documents about the school.",
        "steps": [
            (0, "submit"),
            (1, "accept", {"by": EDUCATION, "assignee": EDUCATION}),
            (
                3,
                "ask_clarification",
                {
                    "by": EDUCATION,
                    "text": "Dear applicant, please tell us which school and which documents you "
                    "mean (for example its budget, inspection reports or enrolment numbers).",
                },
            ),
            # No reply: the nightly sweep closes it once the law's period is over.
            (40, "lapse"),
        ],
    },
    {
        # Nobody at the ministry has picked it up: overdue in the queue.
        "requester": "aysel",
        "body": "ministry-of-science-and-education",
        "days_ago": 18,
        "subject": "Bakı məktəblərində psixoloq ştatlarının sayı",
        "text": (
            "Bakı şəhərinin ümumtəhsil məktəblərində psixoloq ştat vahidlərinin sayını və "
            "onlardan neçəsinin tutulduğunu bildirməyinizi xahiş edirəm."
        ),
        "steps": [(0, "submit")],
    },
    {
        "requester": "leyla",
        "body": "state-committee-refugees-idps",
        "days_ago": 6,
        "subject": "Housing allocated to internally displaced families this year",
        "text": "Please send me information on the allocation of housing to IDP families.",
        "steps": [
            (0, "submit"),
            (1, "accept", {"by": IDP, "assignee": IDP}),
            (
                2,
                "ask_clarification",
                {
                    "by": IDP,
                    "text": "Dear Ms Hüseynova, we can give the allocation by settlement, by the "
                    "families' former place of residence, or the decisions of the allocation "
                    "commission. Please tell us which you need and for which period.",
                },
            ),
        ],
    },
    {
        "requester": "tural",
        "body": "state-committee-refugees-idps",
        "days_ago": 75,
        "subject": "Design documents of the settlements built for IDPs in 1994 to 1996",
        "text": (
            "Please send the design documents (drawings and cost estimates) of the settlements "
            "built for refugees and IDPs in Sabirabad and Saatli districts in 1994 to 1996."
        ),
        "steps": [
            (0, "submit"),
            (1, "accept", {"by": IDP, "assignee": IDP}),
            (
                8,
                "answer",
                {
                    "by": IDP,
                    "outcome": "not_held",
                    "text": "Dear Mr Quliyev,\n\nThe Committee's archive does not contain the "
                    "design documents of these settlements; they were prepared by the "
                    "construction organisations of the time. The Committee holds only the lists "
                    "of families who were resettled there.",
                },
            ),
        ],
    },
    {
        # Sent to the Ministry of Finance, forwarded to the Committee, which answered.
        "requester": "aysel",
        "body": "ministry-of-finance",
        "days_ago": 100,
        "subject": "Məcburi köçkünlərin mənzillə təminatı: 2025-ci ildə köçürülən ailələr",
        "text": (
            "2025-ci ildə mənzillə təmin olunmuş məcburi köçkün ailələrinin sayını yaşayış "
            "məntəqələri üzrə və bu məqsədlə dövlət büdcəsindən ayrılmış vəsaitin məbləğini "
            "göndərməyinizi xahiş edirəm."
        ),
        "steps": [
            (0, "submit"),
            (
                1,
                "transfer",
                {
                    "by": FINANCE,
                    "to": "state-committee-refugees-idps",
                    "text": "Ailələrin yaşayış məntəqələri üzrə sayı Qaçqınların və Məcburi "
                    "Köçkünlərin İşləri üzrə Dövlət Komitəsindədir; sorğu Qanunun 23.1-ci "
                    "maddəsinə əsasən ora göndərildi.",
                },
            ),
            (2, "accept", {"by": IDP, "assignee": IDP}),
            (
                8,
                "answer",
                {
                    "by": IDP,
                    "outcome": "full",
                    "text": "Hörmətli Aysel xanım,\n\n2025-ci ildə mənzillə təmin olunmuş "
                    "ailələrin yaşayış məntəqələri üzrə sayı əlavə olunan arayışdadır. Bu "
                    "məqsədlə ayrılmış vəsait dövlət büdcəsinin icrası haqqında hesabatda "
                    "göstərilir.",
                    "files": ["idp-housing-allocations-2025.txt"],
                },
            ),
        ],
    },
]
