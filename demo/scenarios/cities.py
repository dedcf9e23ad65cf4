"""Requests to the city executive authorities of Sumgait, Baku and Ganja: roads and budgets."""

SUMGAIT = "sumgait-coordinator"
BAKU = "baku-coordinator"
CABINET = "cabinet-reviewer"

SCENARIOS = [
    {
        # Answered in part; the file waits for the officer's approval before it is public.
        "requester": "aysel",
        "body": "sumgait-city-executive-power",
        "days_ago": 130,
        "subject": "Sumqayıtda 2025-ci ildə yolların təmiri üzrə bağlanmış müqavilələr",
        "text": (
            "Sumqayıt Şəhər İcra Hakimiyyətinin 2025-ci ildə şəhər küçələrinin və məhəllədaxili "
            "yolların təmiri üçün bağladığı müqavilələrin siyahısını, podratçıları, məbləğləri və "
            "təmir olunan küçələri göstərməklə təqdim etməyinizi xahiş edirəm."
        ),
        "steps": [
            (0, "submit"),
            (1, "accept", {"by": SUMGAIT, "assignee": SUMGAIT}),
            (
                5,
                "extend",
                {
                    "by": SUMGAIT,
                    "reason": "volume",
                    "text": "Müqavilələr bir neçə şöbədə saxlanılır; cavab müddəti 7 iş günü "
                    "uzadılır.",
                },
            ),
            (
                12,
                "answer",
                {
                    "by": SUMGAIT,
                    "outcome": "partial",
                    "text": "Hörmətli Aysel xanım,\n\n2025-ci ildə bağlanmış yol təmiri "
                    "müqavilələri barədə məlumat əlavə olunan sənəddədir. Podratçıların vahid "
                    "qiymətləri və subpodrat müqavilələri onların kommersiya maraqlarını təşkil "
                    "etdiyindən təqdim edilmir (Qanunun 2.4-1-ci maddəsi).",
                    "exemptions": [
                        {
                            "code": "rights_of_others",
                            "note": "Unit prices of the contractors and their subcontracts",
                            "attachment": "sumgait-road-repair-contracts-2025.docx",
                        }
                    ],
                    "files": ["sumgait-road-repair-contracts-2025.docx"],
                },
            ),
        ],
    },
    {
        "requester": "tural",
        "body": "sumgait-city-executive-power",
        "days_ago": 50,
        "public_name_choice": "pseudonym",
        "pseudonym": "Sumqayıt sakini",
        "subject": "Sumqayıt Şəhər İcra Hakimiyyətinin cari il üzrə xərclər smetası",
        "text": (
            "Sumqayıt Şəhər İcra Hakimiyyətinin cari il üçün təsdiq olunmuş xərclər smetasını "
            "maddələr üzrə təqdim etməyinizi xahiş edirəm."
        ),
        "steps": [
            (0, "submit"),
            (1, "accept", {"by": SUMGAIT, "assignee": SUMGAIT}),
            (
                6,
                "refuse",
                {
                    "by": SUMGAIT,
                    "grounds": [
                        {
                            "code": "official_use_only",
                            "note": "The estimate is an internal financial document",
                        }
                    ],
                    "text": "Hörmətli ərizəçi,\n\nXərclər smetası xidməti istifadə üçün nəzərdə "
                    "tutulmuş sənəddir (Qanunun 35-ci maddəsi).",
                },
            ),
            (
                10,
                "appeal",
                {
                    "level": "internal_review",
                    "grounds": "İcra hakimiyyəti büdcə vəsaiti hesabına maliyyələşir; onun "
                    "xərclərinin maddələr üzrə bölgüsü ictimai maraq kəsb edir və “xidməti "
                    "istifadə üçün” sayıla bilməz.",
                },
            ),
        ],
    },
    {
        "requester": "gunel",
        "body": "baku-city-executive-power",
        "days_ago": 70,
        "public_name_choice": "withheld",
        "subject": "Bakıda 2025-ci ildə əsaslı təmir olunmuş küçələrin siyahısı",
        "text": (
            "Bakı şəhərində 2025-ci ildə əsaslı təmir edilmiş və ya yenidən asfaltlanmış "
            "küçələrin rayonlar üzrə siyahısını göndərməyinizi xahiş edirəm."
        ),
        "steps": [
            (0, "submit"),
            (1, "accept", {"by": BAKU, "assignee": BAKU}),
            (
                7,
                "answer",
                {
                    "by": BAKU,
                    "outcome": "full",
                    "text": "Hörmətli ərizəçi,\n\n2025-ci ildə əsaslı təmir olunmuş küçələrin "
                    "rayonlar üzrə sayı belədir: Binəqədi 8, Nərimanov 6, Nəsimi 9, Nizami 5, "
                    "Sabunçu 11, Səbail 4, Xətai 8, Yasamal 7. Küçələrin adları ilə tam siyahı "
                    "İcra Hakimiyyətinin internet saytında “Abadlıq” bölməsində dərc olunub.",
                },
            ),
        ],
    },
    {
        "requester": "tural",
        "body": "baku-city-executive-power",
        "days_ago": 3,
        "subject": "Road repair contracts in Nasimi district this year",
        "text": (
            "Please send the list of contracts for road and pavement repair in Nasimi district "
            "signed this year, with the contractor and the value of each."
        ),
        "steps": [(0, "submit"), (1, "accept", {"by": BAKU, "assignee": BAKU})],
    },
    {
        "requester": "tural",
        "body": "baku-city-executive-power",
        "days_ago": 5,
        "subject": "Revenue from paid street parking in Baku",
        "text": "Please tell me how much revenue paid street parking in Baku brought in",
        "steps": [],
    },
    {
        # Ganja has no officers on the portal: the letter went by e-mail and nobody answered.
        "requester": "aysel",
        "body": "ganja-city-executive-power",
        "days_ago": 45,
        "subject": "Gəncədə 2025-ci ildə təmir olunmuş yollar və çəkilən xərclər",
        "text": (
            "Gəncə şəhərində 2025-ci ildə təmir olunmuş küçələrin siyahısını, hər bir iş üzrə "
            "podratçını və çəkilən xərci təqdim etməyinizi xahiş edirəm."
        ),
        "steps": [(0, "submit")],
    },
]
