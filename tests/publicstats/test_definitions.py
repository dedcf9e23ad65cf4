"""The figures are defined once (``foi.stats.FIGURES``); the stored columns must follow."""

from foi.selectors.stats import FIGURES, of_kind
from publicstats.models import FACTS, BodyMonthStat, BodyYearStat, CaseStat
from publicstats.store.sums import FACT_SQL, STORED_MAPS, STORED_NUMBERS, Sums


def _columns(model) -> set[str]:
    return {field.name for field in model._meta.get_fields()}


def test_every_summed_figure_has_its_stored_columns():
    # A new count or histogram needs its columns (and a migration), not a silent zero.
    for model in (BodyMonthStat, BodyYearStat):
        assert set(STORED_NUMBERS) | set(STORED_MAPS) <= _columns(model)
    assert set(FACTS) <= _columns(CaseStat)
    assert {figure.name for figure in of_kind("appeals")} <= set(FACTS)


def test_every_case_count_can_be_summed_in_sql():
    # A ``cases`` figure tests a fact the stored facts can express.
    for figure in of_kind("cases", "overdue"):
        assert figure.where is None or figure.where[0] in FACT_SQL


def test_the_sums_hold_every_count():
    sums = Sums()
    kinds = ("cases", "appeals", "transfers")
    counted = {figure.name for figure in FIGURES if figure.kind in kinds}
    assert {name: getattr(sums, name) for name in counted} == dict.fromkeys(counted, 0)
