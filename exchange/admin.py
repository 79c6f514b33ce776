"""The peer exchange in the Django admin: posts and answers are records, read here; a post is
hidden only through the action, which calls the service and records who, when and why."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from exchange import services
from exchange.models import Answer, Post
from migra_hub.admin_helpers import ReadOnlyInline, RecordAdmin, ServiceAction, ServiceActionsAdmin

hide = ServiceAction(
    label=_("Hide the selected posts"),
    call=lambda post, user, reason: services.post_hide(post=post, user=user, reason=reason),
    reason=_("Why are the posts hidden? The posting organisations see it."),
    reason_required=True,
    refusals=(services.ExchangeError,),
)


class AnswerInline(ReadOnlyInline):
    model = Answer
    fields = readonly_fields = ("organisation", "author_name", "created_at")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Answer]:
        return super().get_queryset(request).select_related("organisation")


@admin.register(Post)
class PostAdmin(ServiceActionsAdmin, RecordAdmin):
    list_display = ("title", "organisation", "kind", "category", "status", "ends_on", "hidden_at")
    list_filter = ("kind", "category", "status", "audience")
    list_select_related = ("organisation",)
    search_fields = ("title", "organisation__name")
    date_hierarchy = "created_at"
    inlines = [AnswerInline]
    actions = [hide.as_action("hide_posts")]


@admin.register(Answer)
class AnswerAdmin(RecordAdmin):
    list_display = ("post", "organisation", "author_name", "created_at")
    list_select_related = ("post", "organisation")
    search_fields = ("post__title", "organisation__name")
