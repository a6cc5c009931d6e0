"""How numbers and dates are typed in every admin form: as Dutch editors write them.

Wagtail renders decimals as "84.05" (a number input) and dates as "2026-12-31" by default.
Here every decimal and float field is localized ("84,05"; "84.05" is still accepted) and
dates use WAGTAIL_DATE_FORMAT ("31-12-2026"). The accepted date formats are fixed rather
than taken from the active language, so an editor with an English admin can type the same.
"""

from django import forms
from django.conf import settings
from django.db import models
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

DATE_INPUT_FORMATS = [settings.WAGTAIL_DATE_FORMAT, "%d-%m-%y", "%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    f"{date_format} {time_format}"
    for date_format in DATE_INPUT_FORMATS
    for time_format in ("%H:%M", "%H:%M:%S", "%H.%M")
]


def register() -> None:
    number = {"localize": True, "widget": forms.TextInput(attrs={"inputmode": "decimal"})}
    register_form_field_override(models.DecimalField, override=number)
    register_form_field_override(models.FloatField, override=number)
    register_form_field_override(
        models.DateField, override={"widget": AdminDateInput, "input_formats": DATE_INPUT_FORMATS}
    )
    register_form_field_override(
        models.DateTimeField,
        override={"widget": AdminDateTimeInput, "input_formats": DATETIME_INPUT_FORMATS},
    )
