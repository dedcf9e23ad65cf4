"""Requests to the Ministry of Finance that went to appeal: to the Cabinet of Ministers (the
ministry's superior body) and on to the Ombudsman."""

OFFICER = "finance-officer"
COORDINATOR = "finance-coordinator"
CABINET = "cabinet-reviewer"
BODY = "ministry-of-finance"

SCENARIOS = [
    {
        # Overturned on appeal, so back with the ministry and a fresh deadline.
        "requester": "leyla",
        "body": BODY,
        "days_ago": 50,
        "private_for_days": 200,
        "subject": "List of foreign loan agreements behind the state's external debt",
        "text": (
            "Please provide the list of loan agreements with foreign creditors (international "
            "financial institutions and foreign governments) in force at the end of 2025, with "
            "the creditor, the date, the amount, the currency and the project financed.\n\n"
            "This is for an article on public debt; please keep the request private until the "
            "article is published."
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
                            "code": "state_policy_interests",
                            "note": "Terms of loan agreements with foreign creditors",
                        }
                    ],
                    "text": "Dear Ms Hüseynova,\n\nThe loan agreements concern the state's "
                    "financial and credit policy, and disclosing them could harm the state's "
                    "interests (Art. 2.4-1). The total external debt is published in the "
                    "Ministry's quarterly public debt bulletin.",
                },
            ),
            (
                9,
                "appeal",
                {
                    "level": "internal_review",
                    "grounds": "I asked for the list of agreements, not their confidential "
                    "terms. Creditors such as the World Bank and the Asian Development Bank "
                    "publish these agreements themselves, so no harm can follow from listing "
                    "them. The Ministry did not weigh the public interest in knowing what the "
                    "state has borrowed.",
                },
            ),
            (
                47,
                "decide",
                {
                    "by": CABINET,
                    "decision": "overturned",
                    "reasons": "The list of loan agreements, with creditors, amounts and "
                    "purposes, is not information whose disclosure harms the state's financial "
                    "policy: most creditors publish it. The Ministry of Finance is to provide "
                    "the list within the period set by the Law.",
                },
            ),
        ],
    },
    {
        "requester": "leyla",
        "body": BODY,
        "days_ago": 85,
        "subject": "Borrowers of loans issued under state guarantees",
        "text": (
            "Please provide the list of companies that received loans guaranteed by the state in "
            "2024 and 2025, with the lender, the amount guaranteed and whether the loan is being "
            "repaid on schedule."
        ),
        "steps": [
            (0, "submit"),
            (1, "accept", {"by": COORDINATOR, "assignee": OFFICER}),
            (
                4,
                "note",
                {
                    "by": OFFICER,
                    "text": "Hüquq şöbəsinin rəyi: borcalanların adları və ödəmə vəziyyəti "
                    "kommersiya maraqlarıdır; yalnız ümumi məbləğ verilə bilər.",
                },
            ),
            (
                7,
                "refuse",
                {
                    "by": OFFICER,
                    "grounds": [
                        {
                            "code": "rights_of_others",
                            "note": "Names of the borrowers and their repayment records",
                        }
                    ],
                    "text": "Dear Ms Hüseynova,\n\nThe names of the borrowing companies and their "
                    "repayment records are the commercial and economic interests of those "
                    "companies, which the Law protects (Art. 2.4-1). The total amount of state "
                    "guarantees is published in the annual report on public debt.",
                },
            ),
        ],
    },
    {
        # Answered in part; the requester appealed and the Cabinet has not decided yet.
        "requester": "tural",
        "body": BODY,
        "days_ago": 30,
        "subject": "Allocations from the state budget's reserve fund, January to June 2026",
        "text": (
            "Please list every allocation made from the reserve fund of the state budget between "
            "January and June 2026: the date of the decision, the recipient, the amount and the "
            "purpose."
        ),
        "steps": [
            (0, "submit"),
            (1, "accept", {"by": COORDINATOR, "assignee": OFFICER}),
            (
                6,
                "answer",
                {
                    "by": OFFICER,
                    "outcome": "partial",
                    "text": "Dear Mr Quliyev,\n\nThe dates, recipients and purposes of the "
                    "allocations from the reserve fund in January to June 2026 are listed "
                    "below. The amounts of three allocations for defence and security purposes "
                    "are withheld (Art. 2.4-1: the state's interests in military and financial "
                    "policy).",
                    "exemptions": [
                        {
                            "code": "state_policy_interests",
                            "note": "Amounts of three allocations for defence and security",
                        }
                    ],
                },
            ),
            (
                9,
                "appeal",
                {
                    "level": "internal_review",
                    "grounds": "The amounts of three allocations are withheld without saying how "
                    "their disclosure would harm the state. The size of the reserve fund is "
                    "public in the budget law; what is spent from it should be too.",
                },
            ),
        ],
    },
    {
        # Refused, upheld by the Cabinet, now before the Ombudsman.
        "requester": "aysel",
        "body": BODY,
        "days_ago": 60,
        "subject": "Dövlət Neft Fondundan dövlət büdcəsinə transferlərin aylar üzrə məbləğləri",
        "text": (
            "Bu il Dövlət Neft Fondundan dövlət büdcəsinə edilmiş transferlərin aylar üzrə "
            "məbləğlərini təqdim etməyinizi xahiş edirəm."
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
                            "code": "state_policy_interests",
                            "note": "Monthly schedule of transfers from the Oil Fund",
                        }
                    ],
                    "text": "Hörmətli Aysel xanım,\n\nTransferlərin aylıq qrafiki dövlətin valyuta "
                    "və maliyyə siyasəti ilə bağlı olduğundan açıqlanmır (Qanunun 2.4-1-ci "
                    "maddəsi). İllik transferin ümumi məbləği dövlət büdcəsi haqqında qanunda "
                    "dərc olunub.",
                },
            ),
            (
                8,
                "appeal",
                {
                    "level": "internal_review",
                    "grounds": "Transferlərin aylıq məbləğləri artıq baş vermiş əməliyyatlardır; "
                    "onların açıqlanması valyuta siyasətinə zərər vura bilməz. Neft Fondu öz "
                    "rüblük hesabatlarında oxşar məlumatı dərc edir.",
                },
            ),
            (
                30,
                "decide",
                {
                    "by": CABINET,
                    "decision": "upheld",
                    "reasons": "Nazirliyin qərarı qüvvədə saxlanılır: aylıq transfer qrafiki "
                    "valyuta bazarına təsir edə bilən məlumatdır və ilin sonunadək açıqlanmır. "
                    "İllik məbləğ ictimaidir.",
                },
            ),
            (
                52,
                "appeal",
                {
                    "level": "ombudsman",
                    "grounds": "Daxili şikayətə baxılarkən bazara hansı zərərin dəyəcəyi "
                    "əsaslandırılmayıb. Xahiş edirəm, məsələyə İnsan hüquqları üzrə müvəkkil "
                    "kimi baxasınız.",
                },
            ),
        ],
    },
    {
        # Answered in part; the Cabinet upheld the answer, which closed the request.
        "requester": "leyla",
        "body": BODY,
        "days_ago": 160,
        "subject": "Audit reports on state-owned companies received by the Ministry in 2025",
        "text": (
            "Please send copies of the audit reports on state-owned companies that the Ministry "
            "received in 2025, both external audits and the reports of the Ministry's own "
            "financial control."
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
                    "text": "The reports are kept in the archive of the financial control "
                    "department; we need seven more working days to find them.",
                },
            ),
            (
                11,
                "answer",
                {
                    "by": OFFICER,
                    "outcome": "partial",
                    "text": "Dear Ms Hüseynova,\n\nThe list of the audit reports on state-owned "
                    "companies the Ministry received in 2025 is below, with links to the "
                    "summaries the companies published. The full reports contain the "
                    "companies' commercial information and are withheld (Art. 2.4-1).",
                    "exemptions": [
                        {
                            "code": "rights_of_others",
                            "note": "Full texts of the audit reports: commercial information of "
                            "the companies and their partners",
                        }
                    ],
                },
            ),
            (
                15,
                "appeal",
                {
                    "level": "internal_review",
                    "grounds": "The companies are owned by the state and spend public money; "
                    "their commercial interests do not outweigh the public interest in knowing "
                    "how they are run.",
                },
            ),
            (
                44,
                "decide",
                {
                    "by": CABINET,
                    "decision": "upheld",
                    "reasons": "The Ministry gave the list of reports and the published "
                    "summaries. The full reports contain commercial terms agreed with private "
                    "partners and suppliers, which the Law protects. The decision is upheld.",
                },
            ),
        ],
    },
    {
        # Refused, partly overturned by the Cabinet, then answered in part with a table.
        "requester": "tural",
        "body": BODY,
        "days_ago": 190,
        "subject": "Staff list of the Ministry of Finance with positions and salaries",
        "text": (
            "Please send me the current staff list (ştat cədvəli) of the Ministry of Finance: "
            "each department, the positions in it, the number of posts and the salary of each "
            "position."
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
                            "code": "official_use_only",
                            "note": "The staff list is marked for official use only",
                        }
                    ],
                    "text": "Dear Mr Quliyev,\n\nThe Ministry's staff list is a document for "
                    "official use only (Art. 35 of the Law).",
                },
            ),
            (
                10,
                "appeal",
                {
                    "level": "internal_review",
                    "grounds": "The structure of a ministry and the number of its posts are "
                    "public by their nature: the Law obliges bodies to publish their structure. "
                    "At most the salaries of individual posts could be withheld, not the whole "
                    "list.",
                },
            ),
            (
                38,
                "decide",
                {
                    "by": CABINET,
                    "decision": "partly_overturned",
                    "reasons": "The Ministry's structure, its positions and the number of posts "
                    "must be provided. The salaries of individual posts identify the people who "
                    "hold them and may be withheld. The Ministry is to answer again within the "
                    "period set by the Law.",
                },
            ),
            (
                43,
                "answer",
                {
                    "by": OFFICER,
                    "outcome": "partial",
                    "text": "Dear Mr Quliyev,\n\nFollowing the decision on your appeal, the "
                    "attached table lists each department, its positions, their grades and the "
                    "number of approved and filled posts. Names and the salaries of individual "
                    "posts are withheld.",
                    "exemptions": [
                        {
                            "code": "official_use_only",
                            "note": "Salaries of individual posts",
                            "attachment": "ministry-of-finance-staff-positions-2026.csv",
                        }
                    ],
                    "files": ["ministry-of-finance-staff-positions-2026.csv"],
                },
            ),
            (
                44,
                "approve",
                {"by": OFFICER, "file": "ministry-of-finance-staff-positions-2026.csv"},
            ),
        ],
    },
]
