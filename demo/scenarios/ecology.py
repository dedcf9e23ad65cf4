"""Requests to the Ministry of Ecology and Natural Resources: air quality in Sumgait, the
Caspian shore, forests, landfills."""

OFFICER = "ecology-officer"
COORDINATOR = "ecology-coordinator"
CABINET = "cabinet-reviewer"
OMBUDSMAN = "ombudsman-reviewer"
BODY = "ministry-of-ecology-and-natural-resources"

SCENARIOS = [
    {
        # Urgent: a threat to health, answered the next morning with the measurements.
        "requester": "tural",
        "body": BODY,
        "days_ago": 95,
        "subject": "Air quality in Sumgait after the fire at the chemical industrial park",
        "text": (
            "Last night a large fire broke out at a plant in the Sumgait chemical industrial "
            "park, and the smoke covered the northern districts. Please tell me the sulphur "
            "dioxide and particulate matter levels measured at the Sumgait monitoring stations "
            "since the fire began, and whether the limits were exceeded."
        ),
        "urgency": "life",
        "urgency_justification": (
            "Thousands of residents, among them children and people with asthma, need to know "
            "now whether it is safe to stay at home and open the windows."
        ),
        "steps": [
            (0, "submit", {"at": "08:40"}),
            (0, "accept", {"by": COORDINATOR, "assignee": OFFICER, "at": "09:30"}),
            (
                1,
                "answer",
                {
                    "by": OFFICER,
                    "at": "11:15",
                    "outcome": "full",
                    "text": "Dear Mr Quliyev,\n\nThe measurements of the three automatic "
                    "stations in Sumgait for the first 24 hours after the fire are attached. "
                    "Sulphur dioxide exceeded the limit at the city centre and industrial zone "
                    "stations in the first hours, and PM10 at the industrial zone station. From "
                    "the next morning all values were below the limits.",
                    "files": ["sumgait-air-quality-2026-incident.csv"],
                },
            ),
            (
                1,
                "approve",
                {"by": OFFICER, "at": "11:40", "file": "sumgait-air-quality-2026-incident.csv"},
            ),
        ],
    },
    {
        "requester": "tural",
        "body": BODY,
        "days_ago": 6,
        "subject": "Monthly air quality averages at the Sumgait stations, last three months",
        "text": (
            "Please send the monthly average concentrations of PM10, PM2.5, nitrogen dioxide and "
            "sulphur dioxide at each monitoring station in Sumgait for the last three months."
        ),
        "steps": [(0, "submit"), (1, "accept", {"by": COORDINATOR, "assignee": OFFICER})],
    },
    {
        "requester": "leyla",
        "body": BODY,
        "days_ago": 10,
        "subject": "Xəzər dənizinin Abşeron sahillərində çirklənmə monitorinqinin nəticələri",
        "text": (
            "Nazirliyin bu il Abşeron yarımadasının çimərliklərində və sahil sularında apardığı "
            "monitorinqin nəticələrini (neft məhsulları və bakterioloji göstəricilər, nümunə "
            "götürmə məntəqələri üzrə) təqdim etməyinizi xahiş edirəm."
        ),
        "steps": [
            (0, "submit"),
            (1, "accept", {"by": COORDINATOR, "assignee": OFFICER}),
            (
                4,
                "extend",
                {
                    "by": OFFICER,
                    "reason": "search",
                    "text": "Nəticələr nazirliyin regional laboratoriyalarında saxlanılır; "
                    "onları toplamaq üçün cavab müddəti 7 iş günü uzadılır.",
                },
            ),
        ],
    },
    {
        "requester": "aysel",
        "body": BODY,
        "days_ago": 28,
        "subject": "Sumqayıt Kimya Sənaye Parkında təhlükəli tullantıların utilizasiyası",
        "text": (
            "Sumqayıt Kimya Sənaye Parkında yaranan təhlükəli tullantıların utilizasiyası ilə "
            "bağlı son iki ildə bağlanmış müqavilələrin siyahısını (podratçı, müqavilənin "
            "predmeti, məbləği və müddəti) təqdim etməyinizi xahiş edirəm."
        ),
        "steps": [
            (0, "submit"),
            (1, "accept", {"by": COORDINATOR, "assignee": OFFICER}),
            (
                8,
                "note",
                {
                    "by": OFFICER,
                    "text": "Müqavilələrin bir hissəsi Sənaye Parkının rəhbərliyindədir; "
                    "surətlər istənilib, hələ gəlməyib.",
                },
            ),
        ],
    },
    {
        # Refused, upheld by the Cabinet, overturned by the Ombudsman, then answered.
        "requester": "aysel",
        "body": BODY,
        "days_ago": 150,
        "subject": "Sumqayıtda hava keyfiyyəti: stansiyaların 2025-ci il üzrə illik göstəriciləri",
        "text": (
            "Sumqayıt şəhərindəki avtomatik hava monitorinqi stansiyalarının 2025-ci il üzrə "
            "illik orta göstəricilərini (PM10, azot dioksid, kükürd dioksid) və normanın "
            "aşıldığı günlərin sayını göndərməyinizi xahiş edirəm."
        ),
        "steps": [
            (0, "submit"),
            (1, "accept", {"by": COORDINATOR, "assignee": OFFICER}),
            (
                6,
                "refuse",
                {
                    "by": OFFICER,
                    "grounds": [
                        {
                            "code": "public_order_health_morals",
                            "note": "Station data for the year not yet verified",
                        }
                    ],
                    "text": "Hörmətli Aysel xanım,\n\nStansiyaların illik məlumatları hələ "
                    "yoxlanılmayıb və yanlış təfsir olunaraq əhali arasında narahatlıq yarada "
                    "bilər (Qanunun 2.4-1-ci maddəsi).",
                },
            ),
            (
                9,
                "appeal",
                {
                    "level": "internal_review",
                    "grounds": "Ətraf mühitin vəziyyəti haqqında məlumat sağlamlığımızla "
                    "bağlıdır və açıq olmalıdır. Məlumatın hələ yoxlanılmaması onun "
                    "verilməməsi üçün əsas deyil.",
                },
            ),
            (
                36,
                "decide",
                {
                    "by": CABINET,
                    "decision": "upheld",
                    "reasons": "Nazirliyin izahatı qəbul edilir: yoxlanılmamış ölçmə "
                    "nəticələrinin dərci yanlış nəticələrə səbəb ola bilər. Yoxlanılmış illik "
                    "hesabat dərc olunduqdan sonra məlumat təqdim ediləcək.",
                },
            ),
            (
                40,
                "appeal",
                {
                    "level": "ombudsman",
                    "grounds": "Ətraf mühit haqqında informasiyaya çıxış məhdudlaşdırıla "
                    "bilməz. Nazirlik saatlıq ölçmələri saytında dərc edir; illik ortalar "
                    "onlardan hesablanır.",
                },
            ),
            (
                50,
                "decide",
                {
                    "by": OMBUDSMAN,
                    "decision": "overturned",
                    "reasons": "Hava keyfiyyətinin ölçmə nəticələri ətraf mühitin vəziyyəti "
                    "haqqında məlumatdır və məhdudlaşdırıla bilməz. Məlumatın hələ "
                    "yoxlanılmaması onu gizli etmir: nazirlik onu ilkin məlumat kimi qeyd "
                    "etməklə təqdim etməlidir.",
                },
            ),
            (
                54,
                "answer",
                {
                    "by": OFFICER,
                    "outcome": "full",
                    "text": "Hörmətli Aysel xanım,\n\nİnsan hüquqları üzrə müvəkkilin qərarına "
                    "əsasən Sumqayıt stansiyalarının 2025-ci il üzrə illik orta göstəriciləri "
                    "əlavə olunur. Məlumatlar ilkindir; yekun hesabat dərc edildikdə sizə "
                    "bildiriləcək.",
                    "files": ["sumgait-air-quality-2025-stations.csv"],
                },
            ),
            (55, "approve", {"by": OFFICER, "file": "sumgait-air-quality-2025-stations.csv"}),
        ],
    },
    {
        "requester": "leyla",
        "body": BODY,
        "days_ago": 110,
        "subject": "Trees felled in Baku for road construction in 2025",
        "text": (
            "How many trees were cut down in Baku in 2025 to make way for road construction and "
            "widening, in which streets, and how many were planted in compensation?"
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
                    "text": "Dear Ms Hüseynova,\n\nThe Ministry does not hold this information. "
                    "Felling for road works inside the city is authorised by the Baku City "
                    "Executive Power, which keeps these records; you may address your request "
                    "to it.",
                },
            ),
        ],
    },
    {
        "requester": "gunel",
        "body": BODY,
        "days_ago": 40,
        "subject": "Neft yataqlarında baş vermiş qəzalar üzrə xidməti yoxlama aktları",
        "text": (
            "Bu il Abşeron yarımadasındakı neft yataqlarında baş vermiş neft dağılması hallarına "
            "dair nazirliyin apardığı xidməti yoxlamaların aktlarını təqdim etməyinizi xahiş "
            "edirəm."
        ),
        "steps": [
            (0, "submit"),
            (1, "accept", {"by": COORDINATOR, "assignee": OFFICER}),
            (
                6,
                "refuse",
                {
                    "by": OFFICER,
                    "grounds": [
                        {
                            "code": "criminal_investigation",
                            "note": "Two of the spills are under criminal investigation",
                        }
                    ],
                    "text": "Hörmətli Günel xanım,\n\nQeyd olunan hallardan ikisi üzrə cinayət "
                    "işi başlanıb və yoxlama aktları istintaq orqanına təqdim edilib; onların "
                    "açıqlanması istintaqın normal gedişinə mane ola bilər (Qanunun 2.4-1-ci "
                    "maddəsi). İstintaq başa çatdıqdan sonra yenidən müraciət edə bilərsiniz.",
                },
            ),
        ],
    },
    {
        "requester": "aysel",
        "body": BODY,
        "days_ago": 55,
        "public_name_choice": "withheld",
        "subject": "Qonşumun həyətindəki qoz ağacı",
        "text": (
            "Qonşum həyətindəki qoz ağacını kəsmək istəmir, ağac isə evimə kölgə salır və "
            "kökləri hasarı dağıdır. Xahiş edirəm, qonşuma təsir edəsiniz."
        ),
        "steps": [
            (0, "submit"),
            (
                2,
                "reject",
                {
                    "by": COORDINATOR,
                    "reason": "Müraciətiniz informasiya sorğusu deyil: siz nazirlikdə olan "
                    "sənəd və ya məlumat istəmirsiniz, qonşu ilə mübahisənin həllini xahiş "
                    "edirsiniz. Yaşayış sahələrində ağaclarla bağlı şikayətlərə yerli icra "
                    "hakimiyyəti və bələdiyyə baxır.",
                },
            ),
        ],
    },
    {
        "requester": "tural",
        "body": BODY,
        "days_ago": 65,
        "subject": "Hunting licences",
        "text": "Please send information about hunting licences.",
        "steps": [
            (0, "submit"),
            (1, "accept", {"by": COORDINATOR, "assignee": OFFICER}),
            (
                3,
                "ask_clarification",
                {
                    "by": OFFICER,
                    "text": "Dear Mr Quliyev, please tell us what you would like to know about "
                    "hunting licences (the number issued, the fees, the hunting areas or "
                    "species) and for which period.",
                },
            ),
            (9, "withdraw", {"text": "I found the numbers in the ministry's annual report."}),
        ],
    },
    {
        # No answer in time: the requester treats the silence as a refusal and appeals.
        "requester": "aysel",
        "body": BODY,
        "days_ago": 45,
        "subject": "Göygöl Milli Parkında ağac kəsilməsinə verilmiş icazələr",
        "text": (
            "Son iki ildə Göygöl Milli Parkının ərazisində və ona bitişik meşə fondu torpaqlarında "
            "ağacların kəsilməsinə verilmiş icazələrin surətlərini təqdim etməyinizi xahiş "
            "edirəm."
        ),
        "steps": [
            (0, "submit"),
            (1, "accept", {"by": COORDINATOR, "assignee": OFFICER}),
            (
                5,
                "note",
                {
                    "by": OFFICER,
                    "text": "Cavab layihəsi hüquq şöbəsindədir: icazələrdə podratçıların şəxsi "
                    "məlumatları var, redaktə lazımdır.",
                },
            ),
            (
                20,
                "appeal",
                {
                    "level": "internal_review",
                    "grounds": "Qanunla müəyyən edilmiş 7 iş günü keçib, cavab verilməyib. "
                    "Susqunluğu imtina kimi qiymətləndirərək yuxarı orqana şikayət edirəm.",
                },
            ),
        ],
    },
    {
        # Refused, upheld by the Cabinet, now before the Ombudsman.
        "requester": "leyla",
        "body": BODY,
        "days_ago": 45,
        "subject": "Environmental impact assessment of the Balakhani landfill expansion",
        "text": (
            "Please provide the environmental impact assessment report for the expansion of the "
            "Balakhani solid waste landfill and the Ministry's expert opinion on it."
        ),
        "steps": [
            (0, "submit"),
            (1, "accept", {"by": COORDINATOR, "assignee": OFFICER}),
            (
                5,
                "refuse",
                {
                    "by": OFFICER,
                    "grounds": [
                        {
                            "code": "rights_of_others",
                            "note": "The report belongs to the operator and contains its "
                            "technical and commercial solutions",
                        }
                    ],
                    "text": "Dear Ms Hüseynova,\n\nThe environmental impact assessment report was "
                    "prepared for the operator and contains its technical and commercial "
                    "solutions (Art. 2.4-1). The Ministry's expert opinion concluded that the "
                    "project may go ahead under conditions.",
                },
            ),
            (
                7,
                "appeal",
                {
                    "level": "internal_review",
                    "grounds": "An environmental impact assessment is prepared precisely so "
                    "that the public can see it. At the very least its non-technical summary "
                    "and the Ministry's own opinion must be given.",
                },
            ),
            (
                33,
                "decide",
                {
                    "by": CABINET,
                    "decision": "upheld",
                    "reasons": "The Ministry told the requester the conclusion of its expert "
                    "opinion. The report contains the operator's technical and commercial "
                    "solutions; the refusal is upheld.",
                },
            ),
            (
                41,
                "appeal",
                {
                    "level": "ombudsman",
                    "grounds": "The decision does not address the Ministry's own expert "
                    "opinion, which is not the operator's document. I ask the Ombudsman to "
                    "examine the case.",
                },
            ),
        ],
    },
    {
        # Refused, and the Cabinet upheld the refusal: closed.
        "requester": "tural",
        "body": BODY,
        "days_ago": 130,
        "subject": "Companies fined for environmental violations in 2025",
        "text": (
            "Please list the companies the Ministry fined for environmental violations in 2025, "
            "with the violation and the amount of each fine."
        ),
        "steps": [
            (0, "submit"),
            (1, "accept", {"by": COORDINATOR, "assignee": OFFICER}),
            (
                6,
                "refuse",
                {
                    "by": OFFICER,
                    "grounds": [
                        {"code": "court_authority", "note": "Fines still contested in court"},
                        {
                            "code": "rights_of_others",
                            "note": "Business reputation of companies whose cases are open",
                        },
                    ],
                    "text": "Dear Mr Quliyev,\n\nMany of these fines are contested in court, and "
                    "naming the companies before the courts decide would affect the authority "
                    "and impartiality of the courts and the companies' interests (Art. 2.4-1). "
                    "The number and total amount of fines by type of violation are published in "
                    "the Ministry's annual report.",
                },
            ),
            (
                9,
                "appeal",
                {
                    "level": "internal_review",
                    "grounds": "Fines that are final are not before any court. The Ministry "
                    "should at least list those.",
                },
            ),
            (
                35,
                "decide",
                {
                    "by": CABINET,
                    "decision": "upheld",
                    "reasons": "The Ministry keeps no list that separates final fines from "
                    "contested ones, and a body is not obliged to create new information. The "
                    "refusal is upheld.",
                },
            ),
        ],
    },
]
