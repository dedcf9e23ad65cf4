"""Requests to bodies with no officers on the portal: their letters come back by e-mail and
the requester says what each one is, or the body's officer answers through the reply link of
its letter. One refusal goes on appeal to a superior body that is not on the portal either,
and the appeal is decided by letter."""

SCENARIOS = [
    {
        # A reply waiting: the requester has not yet said what it is.
        "requester": "aysel",
        "body": "ministry-of-culture",
        "days_ago": 9,
        "subject": "Grants to theatres and museums in 2025",
        "text": (
            "Please list the grants the Ministry paid to state and private theatres and museums "
            "in 2025, with the amount and purpose of each."
        ),
        "steps": [
            (0, "submit"),
            (
                5,
                "body_letter",
                {
                    "text": "Dear applicant,\n\nThe list of grants paid in 2025 is attached. "
                    "Grants to private theatres were paid under the Ministry's open call; the "
                    "amounts include VAT.\n\nMinistry of Culture, press office",
                    "files": ["budget-execution-2025.pdf"],
                },
            ),
        ],
    },
    {
        # A reply waiting more than a week: it is in the moderators' queue.
        "requester": "tural",
        "body": "state-examination-center",
        "days_ago": 16,
        "subject": "Pass rates of the 2025 university entrance examinations by district",
        "text": (
            "Please provide the share of candidates who passed the 2025 university entrance "
            "examinations, by district of residence."
        ),
        "steps": [
            (0, "submit"),
            (
                2,
                "body_letter",
                {
                    "text": "Your request has been registered under no. 4518 and passed to the "
                    "analysis department.",
                },
            ),
        ],
    },
    {
        # Classified by the requester: the body extended, then answered in part.
        "requester": "leyla",
        "body": "state-statistical-committee",
        "days_ago": 40,
        "subject": "Household income survey 2025: regional tables",
        "text": (
            "Please send the regional tables of the 2025 household budget survey: average "
            "income per person by economic region, and the number of households surveyed."
        ),
        "steps": [
            (0, "submit"),
            (
                4,
                "body_letter",
                {
                    "text": "The tables must be gathered from the regional offices; we will "
                    "answer within the extended period the Law allows.",
                },
            ),
            (5, "classify", {"outcome": "extension", "reason": "volume"}),
            (
                12,
                "body_letter",
                {
                    "text": "The regional tables are attached. The number of households "
                    "surveyed per district is not given: with fewer than ten households in "
                    "some districts, they could be identified.",
                    "files": ["hospital-waiting-times-2025.csv"],
                },
            ),
            (
                13,
                "classify",
                {
                    "outcome": "partial",
                    "text": "The regional tables are attached. The number of households "
                    "surveyed per district is withheld: in some districts so few households "
                    "were surveyed that they could be identified.",
                    "exemptions": [
                        {
                            "code": "private_family_life",
                            "note": "Households in small districts could be identified.",
                        }
                    ],
                },
            ),
            (14, "publish", {"file": "hospital-waiting-times-2025.csv"}),
        ],
    },
    {
        # Answered through the reply link: the body's officer uploads the answer, no account.
        "requester": "gunel",
        "body": "food-safety-agency",
        "days_ago": 20,
        "subject": "Inspections of school canteens in Baku in 2025",
        "text": (
            "How many inspections of school canteens did the Agency carry out in Baku in "
            "2025, how many found violations, and what fines were imposed?"
        ),
        "steps": [
            (0, "submit"),
            (
                6,
                "reply_link",
                {
                    "outcome": "full",
                    "text": "In 2025 the Agency inspected 412 school canteens in Baku; 57 "
                    "inspections found violations, and fines of 38,400 manats in total were "
                    "imposed. The list by district is attached.",
                    "files": ["school-enrolment-baku-2025.csv"],
                },
            ),
        ],
    },
    {
        # Refused by letter, appealed to the superior body (off the portal too), decided by
        # its letter: the refusal is overturned and the request reopens.
        "requester": "kamran",
        "body": "state-tax-service",
        "days_ago": 19,
        "subject": "Tax debts written off for state-owned companies in 2025",
        "text": (
            "Please list the tax debts written off in 2025 for companies owned by the state, "
            "with the company, the amount and the legal basis of each write-off."
        ),
        "steps": [
            (0, "submit"),
            (
                5,
                "body_letter",
                {
                    "text": "We cannot give this information: data on taxpayers is a tax "
                    "secret under the Tax Code.",
                },
            ),
            (
                6,
                "classify",
                {
                    "outcome": "refused",
                    "text": "The Service refused: it says data on taxpayers is a tax secret "
                    "under the Tax Code.",
                    "exemptions": [{"code": "private_tax", "note": "Cited as a tax secret."}],
                },
            ),
            (
                8,
                "appeal",
                {
                    "level": "internal_review",
                    "grounds": "The companies are owned by the state and the write-offs are "
                    "decisions on public money; the tax secret protects private taxpayers, not "
                    "the state's own companies.",
                },
            ),
            (
                15,
                "body_letter",
                {
                    "to": "appeal",
                    "text": "Having examined the appeal, the Ministry finds that write-offs "
                    "for state-owned companies are not covered by the tax secret. The State "
                    "Tax Service is instructed to answer the request.",
                },
            ),
            (16, "classify", {"outcome": "overturned"}),
        ],
    },
]
