"""Demo accounts, one or more for every role of docs/permissions.md.

For local use only: the passwords are public (printed by ``load_demo_data`` and listed in the
README). Every address is on the reserved ``.example`` domain and every phone number uses the
operator code 00, which does not exist, so no real person can be reached.
"""

PASSWORDS = {
    "citizen": "demo-citizen-2026",
    "journalist": "demo-journalist-2026",
    "officer": "demo-officer-2026",
    "coordinator": "demo-coordinator-2026",
    "reviewer": "demo-reviewer-2026",
    "editor": "demo-editor-2026",
    "admin": "demo-admin-2026",
}

# "role" picks the password and how the account is set up; "body" and "membership" make a
# Membership (reviewers are plain members of the body that reviews appeals).
ACCOUNTS = [
    # Requesters: names, a postal address and a phone, which only the parties may see.
    {
        "key": "aysel",
        "email": "aysel@demo.example",
        "first_name": "Aysel",
        "last_name": "Məmmədova",
        "role": "citizen",
        "postal_address": "Nümunə küçəsi 12, mənzil 7, Yasamal rayonu, Bakı AZ1073",
        "phone": "+994 00 000 00 01",
        "preferred_language": "az",
        # As if she had once signed in with the state identity: her officers see the name the
        # provider vouched for ("Name verified by e-Gov"); nobody else does.
        "verified_name": "Aysel Rafiq qızı Məmmədova",
    },
    {
        "key": "leyla",
        "email": "leyla@demo.example",
        "first_name": "Leyla",
        "last_name": "Hüseynova",
        "role": "journalist",
        "organisation": "Açıq Xəbər (demo news site)",
        "postal_address": "Nümunə prospekti 5, ofis 14, Nəsimi rayonu, Bakı AZ1010",
        "phone": "+994 00 000 00 02",
        "preferred_language": "en",
    },
    {
        "key": "tural",
        "email": "tural@demo.example",
        "first_name": "Tural",
        "last_name": "Quliyev",
        "role": "citizen",
        "postal_address": "Nümunə döngəsi 3, ev 21, Sumqayıt AZ5000",
        "phone": "+994 00 000 00 03",
        "preferred_language": "en",
    },
    {
        "key": "gunel",
        "email": "gunel@demo.example",
        "first_name": "Günel",
        "last_name": "Əliyeva",
        "role": "citizen",
        "postal_address": "Nümunə küçəsi 48, mənzil 2, Xətai rayonu, Bakı AZ1025",
        "phone": "+994 00 000 00 04",
        "preferred_language": "az",
    },
    {
        # Writes by post; officers register his letters on the portal for him.
        "key": "kamran",
        "email": "kamran@demo.example",
        "first_name": "Kamran",
        "last_name": "Babayev",
        "role": "citizen",
        "postal_address": "Nümunə küçəsi 9, Şamaxı AZ5600",
        "phone": "+994 00 000 00 05",
        "preferred_language": "ru",
    },
    # The two bodies with a full team: officers answer, coordinators route.
    {
        "key": "finance-officer",
        "email": "finance.officer@demo.example",
        "first_name": "Nigar",
        "last_name": "Abdullayeva",
        "role": "officer",
        "body": "ministry-of-finance",
    },
    {
        "key": "finance-coordinator",
        "email": "finance.coordinator@demo.example",
        "first_name": "Elçin",
        "last_name": "Rzayev",
        "role": "coordinator",
        "body": "ministry-of-finance",
    },
    {
        "key": "ecology-officer",
        "email": "ecology.officer@demo.example",
        "first_name": "Səbinə",
        "last_name": "Qasımova",
        "role": "officer",
        "body": "ministry-of-ecology-and-natural-resources",
    },
    {
        "key": "ecology-coordinator",
        "email": "ecology.coordinator@demo.example",
        "first_name": "Orxan",
        "last_name": "Nəsirov",
        "role": "coordinator",
        "body": "ministry-of-ecology-and-natural-resources",
    },
    # Smaller bodies where one coordinator both routes and answers.
    {
        "key": "health-coordinator",
        "email": "health.coordinator@demo.example",
        "first_name": "Vüsal",
        "last_name": "Kərimov",
        "role": "coordinator",
        "body": "ministry-of-health",
    },
    {
        "key": "education-coordinator",
        "email": "education.coordinator@demo.example",
        "first_name": "Aytən",
        "last_name": "Əsgərova",
        "role": "coordinator",
        "body": "ministry-of-science-and-education",
    },
    {
        "key": "sumgait-coordinator",
        "email": "sumgait.coordinator@demo.example",
        "first_name": "Samir",
        "last_name": "Vəliyev",
        "role": "coordinator",
        "body": "sumgait-city-executive-power",
    },
    {
        "key": "baku-coordinator",
        "email": "baku.coordinator@demo.example",
        "first_name": "Zaur",
        "last_name": "Cəfərov",
        "role": "coordinator",
        "body": "baku-city-executive-power",
    },
    {
        "key": "transport-coordinator",
        "email": "transport.coordinator@demo.example",
        "first_name": "Kənan",
        "last_name": "Məlikov",
        "role": "coordinator",
        "body": "ministry-of-digital-development-and-transport",
    },
    {
        "key": "metro-coordinator",
        "email": "metro.coordinator@demo.example",
        "first_name": "Ramil",
        "last_name": "Həsənli",
        "role": "coordinator",
        "body": "baku-metro",
    },
    {
        "key": "azersu-coordinator",
        "email": "azersu.coordinator@demo.example",
        "first_name": "Lalə",
        "last_name": "Mustafayeva",
        "role": "coordinator",
        "body": "azersu",
    },
    {
        "key": "idp-coordinator",
        "email": "idp.coordinator@demo.example",
        "first_name": "Elnur",
        "last_name": "Bağırov",
        "role": "coordinator",
        "body": "state-committee-refugees-idps",
    },
    # Appeal reviewers: the superior body of the ministries (first level) and the Ombudsman.
    {
        "key": "cabinet-reviewer",
        "email": "cabinet.reviewer@demo.example",
        "first_name": "Fərid",
        "last_name": "Əhmədov",
        "role": "reviewer",
        "body": "cabinet-of-ministers",
    },
    {
        "key": "ombudsman-reviewer",
        "email": "ombudsman.reviewer@demo.example",
        "first_name": "Gülnarə",
        "last_name": "Sadıqova",
        "role": "reviewer",
        "body": "ombudsman",
    },
    # CMS and administration: no membership of any body.
    {
        "key": "editor",
        "email": "editor@demo.example",
        "first_name": "Rəşad",
        "last_name": "İsmayılov",
        "role": "editor",
    },
    {
        "key": "admin",
        "email": "admin@demo.example",
        "first_name": "Sorğu",
        "last_name": "Admin",
        "role": "admin",
    },
]
