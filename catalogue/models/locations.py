from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from catalogue.domain.holidays import HolidayCalendar
from catalogue.domain.opening_hours import DateException, Interval, Schedule
from catalogue.forms import LocationForm

from .choices import HoursChannel, Weekday


class Location(index.Indexed, ClusterableModel):
    """A public place (stadhuis, servicepunt, milieustraat) with opening hours per channel."""

    name = models.CharField("naam", max_length=160, unique=True)
    slug = models.SlugField("slug", max_length=160, unique=True)
    street = models.CharField("straat en huisnummer", max_length=160)
    postcode = models.CharField("postcode", max_length=12, blank=True)
    city = models.CharField("plaats", max_length=80)
    latitude = models.DecimalField(
        "breedtegraad", max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        "lengtegraad", max_digits=9, decimal_places=6, null=True, blank=True
    )
    accessibility = models.TextField(
        "toegankelijkheid", blank=True, help_text="Ingang, parkeren, rolstoel, ringleiding."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading="Adres",
        ),
        FieldPanel("accessibility"),
        InlinePanel("opening_hours", heading="Openingstijden per week", label="Tijdvak"),
        InlinePanel(
            "opening_exceptions",
            heading="Afwijkende dagen",
            label="Afwijking",
            help_text="Gesloten dagen of andere tijden op een datum. Feestdagen zijn "
            "automatisch gesloten, tenzij u hier iets anders invult.",
        ),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    # Validates across the inline rows (overlapping hours).
    base_form_class = LocationForm

    class Meta:
        ordering = ["name"]
        verbose_name = "locatie"
        verbose_name_plural = "locaties"

    def __str__(self) -> str:
        return self.name

    @property
    def address(self) -> str:
        return ", ".join(
            part for part in [self.street, f"{self.postcode} {self.city}".strip()] if part
        )

    def schedule(self, channel: str = HoursChannel.COUNTER) -> Schedule:
        """The opening hours of one channel as a pure-domain schedule."""
        return build_schedule(self.opening_hours.all(), self.opening_exceptions.all(), channel)


def build_schedule(
    hours, exceptions, channel: str = HoursChannel.COUNTER, calendar: HolidayCalendar | None = None
) -> Schedule:
    """A schedule from opening-hour and exception rows that are already loaded (e.g. by the API)."""
    intervals = [Interval(h.weekday, h.opens, h.closes) for h in hours if h.channel == channel]
    dated = [
        DateException(e.date, e.closed, e.opens, e.closes, e.note)
        for e in exceptions
        if e.channel in ("", channel)
    ]
    return Schedule(
        intervals, dated, calendar=calendar or holiday_calendar(), tz=settings.TIME_ZONE
    )


def holiday_calendar() -> HolidayCalendar:
    return HolidayCalendar(settings.PUBLIC_HOLIDAYS_COUNTRY, settings.PUBLIC_HOLIDAYS_SUBDIVISION)


class OpeningHours(Orderable):
    location = ParentalKey(Location, on_delete=models.CASCADE, related_name="opening_hours")
    channel = models.CharField(
        "kanaal", max_length=10, choices=HoursChannel.choices, default=HoursChannel.COUNTER
    )
    weekday = models.PositiveSmallIntegerField("dag", choices=Weekday.choices)
    opens = models.TimeField("open vanaf")
    closes = models.TimeField("open tot")

    panels = [
        FieldRowPanel(
            [
                FieldPanel("channel"),
                FieldPanel("weekday"),
                FieldPanel("opens"),
                FieldPanel("closes"),
            ]
        )
    ]

    class Meta(Orderable.Meta):
        verbose_name = "openingstijd"
        verbose_name_plural = "openingstijden"

    def clean(self) -> None:
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError({"closes": "De sluitingstijd moet na de openingstijd liggen."})


class OpeningException(Orderable):
    location = ParentalKey(Location, on_delete=models.CASCADE, related_name="opening_exceptions")
    date = models.DateField("datum")
    channel = models.CharField(
        "kanaal",
        max_length=10,
        choices=HoursChannel.choices,
        blank=True,
        help_text="Leeg laten als de afwijking voor balie én telefoon geldt.",
    )
    closed = models.BooleanField("gesloten", default=False)
    opens = models.TimeField("open vanaf", null=True, blank=True)
    closes = models.TimeField("open tot", null=True, blank=True)
    note = models.CharField("toelichting", max_length=200, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("channel"), FieldPanel("closed")]),
        FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "afwijkende openingstijd"
        verbose_name_plural = "afwijkende openingstijden"

    def clean(self) -> None:
        if self.closed:
            return
        if not (self.opens and self.closes):
            raise ValidationError("Vul een openings- en sluitingstijd in, of vink 'gesloten' aan.")
        if self.closes <= self.opens:
            raise ValidationError({"closes": "De sluitingstijd moet na de openingstijd liggen."})
