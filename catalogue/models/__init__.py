from .articles import KnowledgeArticlePage
from .base import CatalogueEntry
from .choices import Availability, ChannelKind, HoursChannel, LeadTimeUnit, Weekday
from .documents import RequiredDocument
from .locations import Location, OpeningException, OpeningHours
from .pages import HomePage, SectionPage
from .products import (
    LegalBasis,
    ProcedureStep,
    ProductChannel,
    ProductCondition,
    ProductFaq,
    ProductFee,
    ProductPage,
    ProductRequiredDocument,
)
from .services import Service
from .taxonomy import Audience, LifeEvent, Topic
from .upl import UplProduct
from .website import PublicWebsiteSettings

__all__ = [
    "Audience",
    "Availability",
    "CatalogueEntry",
    "ChannelKind",
    "HomePage",
    "HoursChannel",
    "KnowledgeArticlePage",
    "LeadTimeUnit",
    "LegalBasis",
    "LifeEvent",
    "Location",
    "OpeningException",
    "OpeningHours",
    "ProcedureStep",
    "ProductChannel",
    "ProductCondition",
    "ProductFaq",
    "ProductFee",
    "ProductPage",
    "ProductRequiredDocument",
    "PublicWebsiteSettings",
    "RequiredDocument",
    "SectionPage",
    "Service",
    "Topic",
    "UplProduct",
    "Weekday",
]
