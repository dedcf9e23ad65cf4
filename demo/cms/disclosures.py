"""The demo's proactive disclosures: a few bodies, several categories, dated relative to the
day the demo is loaded so that the compliance view always shows a mix (current, out of date,
missing, and last year's financial data on time).

Each document is generated here as a small CSV or text file.
"""

from __future__ import annotations

from datetime import date, timedelta


def _csv(*rows) -> bytes:
    return ("\n".join(",".join(str(cell) for cell in row) for row in rows) + "\n").encode()


def disclosures(today: date) -> list[dict]:
    year = today.year
    last = year - 1
    # Last year's annual report: out by 20 April, or today if that is still ahead.
    annual_on = min(today, date(year, 4, 20))

    def ago(days: int) -> date:
        return today - timedelta(days=days)

    items = [
        {
            "body": "ministry-of-finance",
            "category": "annual-financial-data",
            "slug": f"financial-statements-{last}",
            "title": f"Maliyyə Nazirliyinin {last}-ci il üzrə maliyyə hesabatı",
            "published": annual_on,
            "period": (date(last, 1, 1), date(last, 12, 31)),
            "summary": f"{last}-ci il üzrə gəlir və xərclərin icrası, funksional təsnifat üzrə.",
            "file": (
                f"ministry-of-finance-financial-statements-{last}.csv",
                _csv(
                    ("maddə", "təsdiq edilmiş (min manat)", "icra (min manat)", "faiz"),
                    ("Əmək haqqı fondu", 18420, 18102, "98.3"),
                    ("Mal və xidmətlərin alınması", 9350, 8711, "93.2"),
                    ("Əsaslı vəsait", 4200, 3560, "84.8"),
                    ("Cəmi", 31970, 30373, "95.0"),
                ),
            ),
        },
        {
            "body": "ministry-of-finance",
            "category": "budget",
            "slug": f"state-budget-execution-{year}-q3",
            "title": f"Dövlət büdcəsinin {year}-ci il 9 ay üzrə icrası",
            "published": ago(35),
            "period": (date(year, 1, 1), date(year, 9, 30)),
            "summary": "Gəlirlər və xərclər, təsdiq edilmiş proqnozla müqayisədə.",
            "file": (
                f"state-budget-execution-{year}-9-months.csv",
                _csv(
                    ("göstərici", "proqnoz (mln manat)", "icra (mln manat)"),
                    ("Gəlirlər", 27150, 20480),
                    ("Xərclər", 30210, 21905),
                    ("Kəsir", -3060, -1425),
                ),
            ),
        },
        {
            "body": "ministry-of-finance",
            "category": "staff",
            "slug": "officials-list",
            "title": "Vəzifəli şəxslərin siyahısı",
            "published": ago(430),
            "period": None,
            "summary": "Şöbə rəhbərləri, onların iş telefonları və e-poçt ünvanları.",
            "file": (
                "ministry-of-finance-officials.csv",
                _csv(
                    ("vəzifə", "şöbə", "iş telefonu", "e-poçt"),
                    ("Şöbə müdiri", "Büdcə siyasəti", "+994 12 000 00 10", "budce@mf.example"),
                    ("Şöbə müdiri", "Dövlət borcu", "+994 12 000 00 11", "borc@mf.example"),
                ),
            ),
        },
        {
            "body": "ministry-of-finance",
            "category": "procurement",
            "slug": f"procurement-results-{year}-h1",
            "title": f"{year}-ci ilin birinci yarısında satınalmaların nəticələri",
            "published": ago(120),
            "period": (date(year, 1, 1), date(year, 6, 30)),
            "summary": "Bağlanmış müqavilələr: təchizatçı, predmet, prosedur və məbləğ.",
            "file": (
                f"ministry-of-finance-procurement-{year}-h1.csv",
                _csv(
                    ("təchizatçı", "predmet", "prosedur", "məbləğ (manat)"),
                    ("Nümunə MMC", "Server avadanlığı", "açıq tender", 412000),
                    ("Demo Sistemlər ASC", "Proqram lisenziyaları", "kotirovka", 86500),
                ),
            ),
        },
        {
            "body": "ministry-of-ecology-and-natural-resources",
            "category": "statistics",
            "slug": f"air-quality-sumgait-{year}",
            "title": f"Sumqayıtda atmosfer havasının keyfiyyəti, {year}",
            "published": ago(20),
            "period": (date(year, 1, 1), ago(30)),
            "summary": "Stansiyalar üzrə PM2.5 və NO2 orta aylıq göstəriciləri.",
            "file": (
                f"sumgait-air-quality-{year}.csv",
                _csv(
                    ("stansiya", "ay", "PM2.5 (µg/m³)", "NO2 (µg/m³)"),
                    ("Sumqayıt-1", "yanvar", 31, 42),
                    ("Sumqayıt-1", "fevral", 28, 39),
                    ("Sumqayıt-2", "yanvar", 35, 47),
                ),
            ),
        },
        {
            "body": "ministry-of-ecology-and-natural-resources",
            "category": "activity-reports",
            "slug": f"activity-report-{last}",
            "title": f"Nazirliyin {last}-ci il fəaliyyəti haqqında hesabat",
            "published": ago(200),
            "period": (date(last, 1, 1), date(last, 12, 31)),
            "summary": "Monitorinq, yoxlamalar və meşəbərpa işləri.",
            "file": (
                f"ecology-activity-report-{last}.txt",
                (
                    f"{last}-ci il fəaliyyət hesabatı (xülasə)\n\n"
                    "Monitorinq məntəqələri: 68\nYoxlamalar: 1 240\n"
                    "Bərpa olunmuş meşə sahəsi: 2 150 ha\n"
                ).encode(),
            ),
        },
        {
            "body": "state-statistical-committee",
            "category": "statistics",
            "slug": f"population-{last}",
            "title": f"Əhalinin sayı, {last}-ci ilin sonuna",
            "published": ago(60),
            "period": (date(last, 1, 1), date(last, 12, 31)),
            "summary": "İqtisadi rayonlar üzrə əhalinin sayı.",
            "file": (
                f"population-{last}.csv",
                _csv(
                    ("iqtisadi rayon", "əhali (min nəfər)"),
                    ("Bakı", 2330),
                    ("Abşeron-Xızı", 590),
                    ("Gəncə-Daşkəsən", 610),
                ),
            ),
        },
        {
            "body": "state-statistical-committee",
            "category": "annual-financial-data",
            "slug": f"financial-statements-{last}",
            "title": f"Dövlət Statistika Komitəsinin {last}-ci il maliyyə hesabatı",
            "published": min(today, date(year, 4, 28)),
            "period": (date(last, 1, 1), date(last, 12, 31)),
            "summary": "Büdcə vəsaitlərinin icrası.",
            "file": (
                f"statistics-committee-financial-statements-{last}.csv",
                _csv(
                    ("maddə", "icra (min manat)"),
                    ("Əmək haqqı", 7420),
                    ("Siyahıyaalma işləri", 1380),
                ),
            ),
        },
        {
            "body": "ministry-of-health",
            "category": "instructions",
            "slug": "vaccination-instructions",
            "title": "Peyvəndləmə üzrə təlimat",
            "published": ago(610),
            "period": None,
            "summary": "Uşaqların profilaktik peyvəndlərinin təqvimi.",
            "file": (
                "vaccination-instructions.txt",
                "Profilaktik peyvəndlər təqvimi: doğum, 2, 3, 4, 6, 12 ay, 6 yaş.\n".encode(),
            ),
        },
        {
            "body": "baku-metro",
            "category": "statistics",
            "slug": f"ridership-{year}",
            "title": f"Bakı metrosunda sərnişin daşınması, {year}",
            "published": ago(12),
            "period": (date(year, 1, 1), ago(40)),
            "summary": "Stansiyalar üzrə aylıq sərnişin sayı.",
            "file": (
                f"baku-metro-ridership-{year}.csv",
                _csv(
                    ("stansiya", "ay", "sərnişin (min)"),
                    ("28 May", "yanvar", 2140),
                    ("Koroğlu", "yanvar", 1710),
                ),
            ),
        },
    ]
    translated = _translations(year, last)
    for item in items:
        words = translated[(item["body"], item["slug"])]
        item["titles"] = {"az": item["title"], "en": words["en"][0], "ru": words["ru"][0]}
        item["summaries"] = {"az": item["summary"], "en": words["en"][1], "ru": words["ru"][1]}
    return items


def _translations(year: int, last: int) -> dict[tuple[str, str], dict[str, tuple[str, str]]]:
    """Each disclosure's title and summary in English and Russian, by body and slug: bodies
    publish in Azerbaijani, and the demo's editors translated the pages for the English and
    Russian sites."""
    return {
        ("ministry-of-finance", f"financial-statements-{last}"): {
            "en": (
                f"Financial statements of the Ministry of Finance for {last}",
                f"Revenue and expenditure executed in {last}, by functional classification.",
            ),
            "ru": (
                f"Финансовая отчётность Министерства финансов за {last} год",
                f"Исполнение доходов и расходов за {last} год по функциональной классификации.",
            ),
        },
        ("ministry-of-finance", f"state-budget-execution-{year}-q3"): {
            "en": (
                f"State budget execution, nine months of {year}",
                "Revenue and expenditure compared with the approved forecast.",
            ),
            "ru": (
                f"Исполнение государственного бюджета за девять месяцев {year} года",
                "Доходы и расходы в сравнении с утверждённым прогнозом.",
            ),
        },
        ("ministry-of-finance", "officials-list"): {
            "en": (
                "List of officials",
                "Heads of department, their office telephones and e-mail addresses.",
            ),
            "ru": (
                "Список должностных лиц",
                "Руководители отделов, их рабочие телефоны и адреса электронной почты.",
            ),
        },
        ("ministry-of-finance", f"procurement-results-{year}-h1"): {
            "en": (
                f"Procurement results, first half of {year}",
                "Contracts signed: supplier, subject, procedure and amount.",
            ),
            "ru": (
                f"Итоги закупок за первое полугодие {year} года",
                "Заключённые договоры: поставщик, предмет, процедура и сумма.",
            ),
        },
        ("ministry-of-ecology-and-natural-resources", f"air-quality-sumgait-{year}"): {
            "en": (
                f"Air quality in Sumgait, {year}",
                "Monthly averages of PM2.5 and NO2 by monitoring station.",
            ),
            "ru": (
                f"Качество атмосферного воздуха в Сумгайыте, {year}",
                "Среднемесячные показатели PM2.5 и NO2 по станциям.",
            ),
        },
        ("ministry-of-ecology-and-natural-resources", f"activity-report-{last}"): {
            "en": (
                f"The Ministry's activity report for {last}",
                "Monitoring, inspections and reforestation.",
            ),
            "ru": (
                f"Отчёт о деятельности министерства за {last} год",
                "Мониторинг, проверки и лесовосстановление.",
            ),
        },
        ("state-statistical-committee", f"population-{last}"): {
            "en": (f"Population at the end of {last}", "Population by economic region."),
            "ru": (
                f"Численность населения на конец {last} года",
                "Численность населения по экономическим районам.",
            ),
        },
        ("state-statistical-committee", f"financial-statements-{last}"): {
            "en": (
                f"Financial statements of the State Statistical Committee for {last}",
                "Execution of budget funds.",
            ),
            "ru": (
                f"Финансовая отчётность Государственного комитета по статистике за {last} год",
                "Исполнение бюджетных средств.",
            ),
        },
        ("ministry-of-health", "vaccination-instructions"): {
            "en": ("Vaccination guidance", "The schedule of children's preventive vaccinations."),
            "ru": ("Инструкция по вакцинации", "Календарь профилактических прививок детям."),
        },
        ("baku-metro", f"ridership-{year}"): {
            "en": (
                f"Passengers carried by the Baku Metro, {year}",
                "Monthly passenger numbers by station.",
            ),
            "ru": (
                f"Перевозка пассажиров Бакинским метрополитеном, {year}",
                "Ежемесячное число пассажиров по станциям.",
            ),
        },
    }


# Answered demo requests whose answers go into the disclosure log: the first is published
# through moderation, the second waits for a moderator.
LOG_SUBJECTS = [
    "2025-ci il dövlət büdcəsinin icrası haqqında illik hesabat",
    "IT procurement contracts signed by the Ministry of Finance in 2025",
]
