from functools import cache

from catalogue.models import Location

from ..core.optimizer import Related, Spec


@cache
def location_spec() -> Spec:
    return {"openingHours": (Related("opening_hours"), Related("opening_exceptions"))}


def locations():
    return Location.objects.all()
