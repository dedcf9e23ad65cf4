"""``{% body_statistics_summary body %}``: a body's key figures for the last twelve months, for
its public page (foi's templates load it, as they load the CMS's compliance tag)."""

from django import template

from foi.selectors import stats as foi_stats
from publicstats import figures
from publicstats.forms import default_period, today

register = template.Library()


@register.inclusion_tag("publicstats/_summary.html")
def body_statistics_summary(body):
    date_from, date_to = default_period(today())
    result = figures.body_statistics(body=body, date_from=date_from, date_to=date_to)
    # The duties that fell due in the period (those with a share), each with its share on time.
    duties = [
        (duty.label, result["duties"][duty.code]["on_time_percent"])
        for duty in foi_stats.DUTIES
        if result["duties"][duty.code]["on_time_percent"] is not None
    ]
    return {"body": body, "result": result, "duties": duties}
