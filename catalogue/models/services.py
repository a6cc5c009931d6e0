from django import forms
from django.db import models
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from .locations import Location


class Service(index.Indexed, ClusterableModel):
    """The municipal service (afdeling) responsible for products and articles."""

    name = models.CharField("naam", max_length=160, unique=True)
    slug = models.SlugField("slug", max_length=160, unique=True)
    description = models.TextField("omschrijving", blank=True)
    phone = models.CharField(
        "publiek telefoonnummer",
        max_length=40,
        blank=True,
        help_text="Alleen een centraal nummer, nooit het nummer van een medewerker.",
    )
    email = models.EmailField("publiek e-mailadres", blank=True)
    website = models.URLField("website", blank=True)
    address = models.TextField("postadres", blank=True)
    routing_internal = models.TextField(
        "tweedelijns routering (intern)",
        blank=True,
        help_text="Voor het KCC: naar welke wachtrij of mailbox gaan vragen die de eerste lijn niet "
        "kan beantwoorden. Nooit publiek.",
    )
    routing_hours = models.CharField(
        "bezetting tweede lijn (intern)",
        max_length=120,
        blank=True,
        help_text="Bijv. ma t/m vr 9-17",
    )
    locations = ParentalManyToManyField(Location, verbose_name="locaties", blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("website"),
                FieldPanel("address"),
            ],
            heading="Publiek contact",
        ),
        MultiFieldPanel(
            [FieldPanel("routing_internal"), FieldPanel("routing_hours")],
            heading="Intern (alleen KCC)",
        ),
        FieldPanel("locations", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "dienst"
        verbose_name_plural = "diensten"

    def __str__(self) -> str:
        return self.name
