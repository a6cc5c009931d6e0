from functools import cache

from catalogue.models import Service

from ..core.optimizer import Related, Spec


@cache
def service_spec() -> Spec:
    from ..locations.resolvers import location_spec

    return {"locations": (Related("locations", spec=location_spec),)}


def services():
    return Service.objects.all()
