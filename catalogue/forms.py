"""Admin forms that validate across inline rows (which a single model's clean() cannot see)."""

from collections import defaultdict

from wagtail.admin.forms import WagtailAdminModelForm

from catalogue.domain.opening_hours import (
    DateException,
    Interval,
    validate_exceptions,
    validate_intervals,
)


class LocationForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        # Counter and phone hours may overlap each other, but not themselves.
        weekly = defaultdict(list)
        for row in _live_rows(self.formsets.get("opening_hours")):
            if row.get("opens") and row.get("closes"):
                weekly[row["channel"]].append(Interval(row["weekday"], row["opens"], row["closes"]))
        exceptions = defaultdict(list)
        for row in _live_rows(self.formsets.get("opening_exceptions")):
            if row.get("date"):
                exceptions[row.get("channel") or ""].append(
                    DateException(
                        row["date"], row.get("closed", False), row.get("opens"), row.get("closes")
                    )
                )
        problems = [p for rows in weekly.values() for p in validate_intervals(rows)]
        problems += [p for rows in exceptions.values() for p in validate_exceptions(rows)]
        for problem in dict.fromkeys(problems):
            self.add_error(None, problem)
        return cleaned


def _live_rows(formset) -> list[dict]:
    """Cleaned rows of an inline formset that are filled in and not marked for deletion."""
    # ClusterForm validates its formsets only after the parent form's clean(), so do it here.
    if formset is None or not formset.is_valid():
        return []
    return [
        form.cleaned_data
        for form in formset.forms
        if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
    ]
