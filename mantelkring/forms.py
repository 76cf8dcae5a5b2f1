from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    """Every form renders its fields the NL Design System way (templates/forms/field.html)."""

    form_template_name = "forms/div.html"
    field_template_name = "forms/field.html"
