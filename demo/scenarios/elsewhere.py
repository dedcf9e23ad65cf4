"""Drafts, and requests to bodies with no officers on the portal: they got the letter by e-mail
and, in the older cases, have not answered."""

SCENARIOS = [
    {
        "requester": "leyla",
        "body": "ministry-of-justice",
        "days_ago": 3,
        "private_for_days": 120,
        "subject": "Deaths in penitentiary institutions in 2025",
        "text": (
            "Please tell me how many people died in penitentiary institutions in 2025, by "
            "institution and by cause of death as recorded by the medical service."
        ),
        "steps": [(0, "submit")],
    },
    {
        "requester": "leyla",
        "body": "ministry-of-agriculture",
        "days_ago": 30,
        "subject": "Subsidies paid to grain farmers in 2025, by district",
        "text": (
            "Please provide the subsidies per hectare paid to wheat and barley farmers in 2025, "
            "by district, and the number of farmers who received them."
        ),
        "steps": [(0, "submit")],
    },
    {
        "requester": "tural",
        "body": "central-bank",
        "days_ago": 22,
        "subject": "Sanctions imposed on banks and credit organisations in 2025",
        "text": (
            "Please list the sanctions (fines, restrictions, licence withdrawals) the Central "
            "Bank imposed on banks and non-bank credit organisations in 2025, with the grounds "
            "for each."
        ),
        "steps": [(0, "submit")],
    },
    {
        "requester": "leyla",
        "body": "ministry-of-energy",
        "days_ago": 1,
        "subject": "Elektrik enerjisi tariflərinin hesablanması metodikası",
        "text": (
            "Əhali üçün elektrik enerjisi tariflərinin hesablanmasında istifadə olunan "
            "metodikanın surətini"
        ),
        "steps": [],
    },
    {
        "requester": "gunel",
        "body": "ministry-of-youth-and-sports",
        "days_ago": 6,
        "subject": "Gənclər üçün təqaüd proqramı",
        "text": "",
        "steps": [],
    },
    {
        "requester": "tural",
        "body": "ministry-of-culture",
        "days_ago": 20,
        "subject": "Restoration contracts for the Old City walls",
        "text": (
            "Please send the contracts for the restoration of the fortress walls of İçərişəhər "
            "signed since 2024."
        ),
        # Sent, then withdrawn: a draft is never withdrawn (discarding deletes it).
        "steps": [
            (0, "submit"),
            (
                1,
                "withdraw",
                {"text": "I will send this to the İçərişəhər reserve administration instead."},
            ),
        ],
    },
]
