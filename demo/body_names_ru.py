"""Russian names of the demo's public bodies, by slug: every body of
fixtures/az_public_bodies.csv has one (tests/demo/test_body_names.py). A body added there
without one keeps an empty ``name_ru`` and is shown under its English or Azerbaijani name
(``foi.models.i18n.translated``).
"""

RUSSIAN_NAMES = {
    "cabinet-of-ministers": "Кабинет Министров",
    "ombudsman": "Уполномоченный по правам человека (омбудсмен)",
    "ministry-of-agriculture": "Министерство сельского хозяйства",
    "ministry-of-culture": "Министерство культуры",
    "ministry-of-digital-development-and-transport": "Министерство цифрового развития и транспорта",
    "ministry-of-ecology-and-natural-resources": "Министерство экологии и природных ресурсов",
    "ministry-of-economy": "Министерство экономики",
    "ministry-of-emergency-situations": "Министерство по чрезвычайным ситуациям",
    "ministry-of-energy": "Министерство энергетики",
    "ministry-of-finance": "Министерство финансов",
    "ministry-of-foreign-affairs": "Министерство иностранных дел",
    "ministry-of-health": "Министерство здравоохранения",
    "ministry-of-internal-affairs": "Министерство внутренних дел",
    "ministry-of-justice": "Министерство юстиции",
    "ministry-of-labour-and-social-protection": (
        "Министерство труда и социальной защиты населения"
    ),
    "ministry-of-science-and-education": "Министерство науки и образования",
    "ministry-of-youth-and-sports": "Министерство молодежи и спорта",
    "state-customs-committee": "Государственный таможенный комитет",
    "state-statistical-committee": "Государственный статистический комитет",
    "state-committee-urban-planning-architecture": (
        "Государственный комитет по градостроительству и архитектуре"
    ),
    "state-committee-refugees-idps": (
        "Государственный комитет по делам беженцев и вынужденных переселенцев"
    ),
    "state-committee-family-women-children": (
        "Государственный комитет по проблемам семьи, женщин и детей"
    ),
    "state-committee-religious-associations": (
        "Государственный комитет по работе с религиозными образованиями"
    ),
    "state-migration-service": "Государственная миграционная служба",
    "state-tax-service": "Государственная налоговая служба",
    "state-service-property-issues": "Государственная служба по имущественным вопросам",
    "food-safety-agency": "Агентство продовольственной безопасности",
    "state-tourism-agency": "Государственное агентство по туризму",
    "sme-development-agency": "Агентство развития малого и среднего бизнеса",
    "mandatory-health-insurance-agency": (
        "Государственное агентство по обязательному медицинскому страхованию"
    ),
    "state-examination-center": "Государственный экзаменационный центр",
    "accounts-chamber": "Счетная палата",
    "central-election-commission": "Центральная избирательная комиссия",
    "central-bank": "Центральный банк Азербайджанской Республики",
    "baku-city-executive-power": "Исполнительная власть города Баку",
    "ganja-city-executive-power": "Исполнительная власть города Гянджа",
    "sumgait-city-executive-power": "Исполнительная власть города Сумгайыт",
    "socar": "Государственная нефтяная компания Азербайджанской Республики",
    "azerbaijan-railways": "ЗАО «Азербайджанские железные дороги»",
    "azersu": "ОАО «Азерсу»",
    "azerishiq": "ОАО «Азеришыг»",
    "azerenerji": "ОАО «Азерэнержи»",
    "baku-state-university": "Бакинский государственный университет",
    "baku-metro": "ЗАО «Бакинский метрополитен»",
    "asan-service": (
        "Государственное агентство по обслуживанию граждан и социальным инновациям (ASAN xidmət)"
    ),
    "tabib": "Объединение по управлению медицинскими территориальными подразделениями (TƏBİB)",
}
