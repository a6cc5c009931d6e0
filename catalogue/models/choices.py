"""Choice lists shared by the catalogue models (values in English, labels in Dutch)."""

from django.db import models

from catalogue.domain import lead_time


class ChannelKind(models.TextChoices):
    ONLINE = "online", "Online"
    PHONE = "phone", "Telefoon"
    COUNTER = "counter", "Balie"
    POST = "post", "Post"
    EMAIL = "email", "E-mail"
    HOME_VISIT = "home_visit", "Huisbezoek"


class Availability(models.TextChoices):
    DIRECT = "direct", "Direct"
    APPOINTMENT = "appointment", "Op afspraak"
    NOT_OFFERED = "not_offered", "Niet via dit kanaal"


class LeadTimeUnit(models.TextChoices):
    HOURS = lead_time.HOURS, "uur"
    WORKING_DAYS = lead_time.WORKING_DAYS, "werkdagen"
    CALENDAR_DAYS = lead_time.CALENDAR_DAYS, "kalenderdagen"
    WEEKS = lead_time.WEEKS, "weken"


class HoursChannel(models.TextChoices):
    COUNTER = "counter", "Balie"
    PHONE = "phone", "Telefoon"


class Weekday(models.IntegerChoices):
    MONDAY = 0, "maandag"
    TUESDAY = 1, "dinsdag"
    WEDNESDAY = 2, "woensdag"
    THURSDAY = 3, "donderdag"
    FRIDAY = 4, "vrijdag"
    SATURDAY = 5, "zaterdag"
    SUNDAY = 6, "zondag"
