"""Requests about the metro and drinking water: the transport ministry forwards metro questions
to Baku Metro, which holds the data; Azersu answers on tariffs and supply."""

TRANSPORT = "transport-coordinator"
METRO = "metro-coordinator"
AZERSU = "azersu-coordinator"

FORWARDED_TO_METRO = (
    "Your request concerns information held by Baku Metro CJSC, which keeps these records. It "
    "has been forwarded there, as the Law requires (Art. 23.1)."
)

SCENARIOS = [
    {
        "requester": "leyla",
        "body": "ministry-of-digital-development-and-transport",
        "days_ago": 150,
        "subject": "Baku Metro ridership by station in 2025",
        "text": (
            "Please provide the number of passengers who entered each Baku Metro station in "
            "2025, and the average number on a working day."
        ),
        "steps": [
            (0, "submit"),
            (1, "transfer", {"by": TRANSPORT, "to": "baku-metro", "text": FORWARDED_TO_METRO}),
            (2, "accept", {"by": METRO, "assignee": METRO}),
            (
                6,
                "answer",
                {
                    "by": METRO,
                    "outcome": "full",
                    "text": "Dear Ms Hüseynova,\n\nThe number of entries per station in 2025 and "
                    "the average per working day are in the attached table. The counts come "
                    "from the turnstiles; changes between lines are not counted as entries.",
                    "files": ["baku-metro-ridership-2025.csv"],
                },
            ),
            (7, "approve", {"by": METRO, "file": "baku-metro-ridership-2025.csv"}),
        ],
    },
    {
        "requester": "tural",
        "body": "ministry-of-digital-development-and-transport",
        "days_ago": 4,
        "subject": "Escalator and lift outages at Baku Metro stations this year",
        "text": (
            "How many times were escalators and lifts out of service at Baku Metro stations "
            "this year, at which stations, and for how long in total?"
        ),
        "steps": [
            (0, "submit"),
            (2, "transfer", {"by": TRANSPORT, "to": "baku-metro", "text": FORWARDED_TO_METRO}),
        ],
    },
    {
        "requester": "leyla",
        "body": "baku-metro",
        "days_ago": 33,
        "subject": "Metro management's opinion on the proposed fare increase",
        "text": (
            "What does the management of Baku Metro think about the proposed increase of the "
            "fare? Do you consider it fair to passengers?"
        ),
        "steps": [
            (0, "submit"),
            (
                1,
                "reject",
                {
                    "by": METRO,
                    "reason": "Your letter asks for the management's opinion, not for "
                    "information the company holds. The Law covers recorded information. You "
                    "may ask for the documents on which the fare proposal is based, such as "
                    "the cost calculations sent to the Tariff Council.",
                },
            ),
        ],
    },
    {
        "requester": "aysel",
        "body": "azersu",
        "days_ago": 120,
        "subject": "İçməli su tarifləri və Sabunçu rayonunda su təchizatı qrafiki",
        "text": (
            "Əhali üçün hazırda tətbiq olunan içməli su və tullantı suları tariflərini, habelə "
            "ərazimizdə su təchizatının qrafikini bildirməyinizi xahiş edirəm."
        ),
        "steps": [
            (0, "submit"),
            (1, "accept", {"by": AZERSU, "assignee": AZERSU}),
            (
                2,
                "ask_clarification",
                {
                    "by": AZERSU,
                    "text": "Hörmətli Aysel xanım, su təchizatı qrafiki ərazilər üzrə fərqlidir. "
                    "Xahiş edirik, ünvanı və ya qəsəbəni dəqiqləşdirəsiniz.",
                },
            ),
            (4, "clarify", {"text": "Sabunçu rayonu, Bakıxanov qəsəbəsi."}),
            (
                9,
                "answer",
                {
                    "by": AZERSU,
                    "outcome": "full",
                    "text": "Hörmətli Aysel xanım,\n\nTariflər və Sabunçu rayonu üzrə su "
                    "təchizatı rejimi barədə arayış əlavə olunur. Bakıxanov qəsəbəsində su "
                    "təchizatı fasiləsiz (24 saat) həyata keçirilir.",
                    "files": ["azersu-water-tariffs-2026.txt"],
                },
            ),
            (10, "approve", {"by": AZERSU, "file": "azersu-water-tariffs-2026.txt"}),
        ],
    },
    {
        # A letter by post, registered by Azersu's coordinator, and left waiting too long.
        "requester": "kamran",
        "body": "azersu",
        "days_ago": 26,
        "subject": "Şamaxı şəhərində su xəttinin yenidən qurulması layihəsinin müddətləri",
        "text": (
            "Hörmətli “Azərsu” ASC!\n\n"
            "Şamaxı şəhərində içməli su xəttinin yenidən qurulması işlərinin nə vaxt başa "
            "çatacağını və hansı küçələrin bu layihəyə daxil olduğunu bildirməyinizi xahiş "
            "edirəm. Cavabı poçtla göndərin.\n\nKamran Babayev"
        ),
        "steps": [
            (0, "register", {"by": AZERSU, "received_days_earlier": 4}),
            (1, "accept", {"by": AZERSU, "assignee": AZERSU}),
            (
                6,
                "note",
                {
                    "by": AZERSU,
                    "text": "Şamaxı regional idarəsindən küçələrin siyahısı istənilib.",
                },
            ),
        ],
    },
]
