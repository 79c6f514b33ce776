from __future__ import annotations

from django import template
from django.template.context import Context
from django.utils.safestring import SafeString, mark_safe

from migra_hub import slots

register = template.Library()


@register.simple_tag(takes_context=True)
def slot(context: Context, name: str) -> SafeString:
    """Render every partial that the apps registered for ``name``, with this page's context."""
    assert context.template is not None  # a tag renders inside a template
    parts = []
    for template_name in slots.templates(name):
        partial = context.template.engine.get_template(template_name)
        with context.push():
            parts.append(partial.render(context))
    # Each partial escaped its own output when it rendered.
    return mark_safe("".join(parts))
