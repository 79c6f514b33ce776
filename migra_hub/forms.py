from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    """Renders every form field through one project-wide template (labels, help, errors)."""

    field_template_name = "forms/field.html"
