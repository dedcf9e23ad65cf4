"""The proactive-disclosure categories each shipped law names, as data for
``DisclosureCategory`` (loaded by ``manage.py cms_load_categories``).

Azerbaijan: docs/law-az.md, Art. 29.1 (the items confirmed in the law's text) and Art. 30.1 (annual
financial data of state-funded bodies, online by 30 April of the next year). The further
Art. 29.1 items docs/law-az.md marks unconfirmed are left out until they are read in the text;
editors can add them as unconfirmed categories.
"""

# Bodies financed from the state budget (Art. 30.1); state companies, public legal entities,
# the central bank and municipalities (local budgets) are not.
STATE_FUNDED_KINDS = [
    "ministry",
    "committee",
    "agency",
    "service",
    "executive_authority",
    "local_executive",
    "commission",
    "oversight",
    "ombudsman",
    "court",
]

AZ = [
    (
        "statistics",
        "29.1.1",
        "Toplanmış və ya ümumiləşdirilmiş statistik məlumatlar",
        "Collected or summarised statistics",
        "Собранные или обобщённые статистические данные",
    ),
    (
        "budget",
        "29.1.2",
        "Büdcə proqnozları və onların icrası",
        "Budget forecasts and their execution",
        "Бюджетные прогнозы и их исполнение",
    ),
    (
        "unit-regulations",
        "29.1.3",
        "Struktur bölmələrin əsasnamələri",
        "Regulations of structural units",
        "Положения о структурных подразделениях",
    ),
    ("instructions", "29.1.4", "Təlimatlar", "Instructions", "Инструкции"),
    (
        "staff",
        "29.1.5",
        "Vəzifəli şəxslərin siyahısı: adları, telefonları, e-poçt ünvanları, təhsili və ixtisası",
        "Staff list: officials' names, phones, e-mails, education and qualifications",
        "Список должностных лиц: имена, телефоны, электронная почта, образование и квалификация",
    ),
    (
        "activity-reports",
        "29.1.6",
        "Fəaliyyət haqqında hesabatlar",
        "Activity reports",
        "Отчёты о деятельности",
    ),
    (
        "union-contacts",
        "29.1.7",
        "Həmkarlar ittifaqı və əməkdaşlıq şəbəkələri rəhbərlərinin əlaqə məlumatları",
        "Contacts of trade-union and cooperation-network leaders",
        "Контакты руководителей профсоюзов и сетей сотрудничества",
    ),
    (
        "procurement",
        "29.1.8",
        "Satınalmaların şərtləri və nəticələri, mülkiyyət hüquqlarında dəyişikliklər",
        "Procurement conditions and results, changes in property rights",
        "Условия и результаты закупок, изменения прав собственности",
    ),
    (
        "loans-grants",
        "29.1.9",
        "Kreditlər və qrantlar, onların şərtləri və istifadəsi",
        "Loans and grants, their terms and use",
        "Кредиты и гранты, их условия и использование",
    ),
    (
        "draft-acts",
        "29.1.10",
        "Təsdiqə göndərilən normativ hüquqi akt layihələri",
        "Draft normative acts sent for approval",
        "Проекты нормативных правовых актов, направленные на утверждение",
    ),
]

CATEGORIES = {
    "az": [
        {
            "code": code,
            "article": article,
            "name_az": name_az,
            "name_en": name_en,
            "name_ru": name_ru,
            "sort_order": position * 10,
            "refresh_months": 12,
        }
        for position, (code, article, name_az, name_en, name_ru) in enumerate(AZ, start=1)
    ]
    + [
        {
            "code": "annual-financial-data",
            "article": "30.1",
            "name_az": "İllik maliyyə məlumatları (dövlət büdcəsindən maliyyələşən qurumlar)",
            "name_en": "Annual financial data (state-funded bodies)",
            "name_ru": "Годовые финансовые данные (органы, финансируемые из госбюджета)",
            "sort_order": 200,
            "refresh_months": 12,
            "annual_due_month": 4,
            "annual_due_day": 30,
            "body_kinds": STATE_FUNDED_KINDS,
        }
    ],
}
